"""Rules of the seventh round of real lists, each shown on invented papers: general readings
(what trails a title, what marks it, what is a note), not one list's shape."""

from __future__ import annotations

from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_a_year_in_parentheses_then_the_names_are_not_the_title():
    """``Title (2017), Ann Lee et al.``, ``Title (2010), A. Lee and B. Chen``: the year, then
    who wrote it."""
    text = HEAD + (
        "- Owl Flight in the Dark (2017), Ann Lee et al. [[pdf]](https://owls.example.org/a.pdf)\n"
        "- Learning Owl Calls at Night (2010), A. Lee and B. Chen"
        " [[pdf]](https://owls.example.org/b.pdf)\n"
        "- Owl Nests Revisited (2014) - Ann Lee [[pdf]](https://owls.example.org/c.pdf)\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Owl Flight in the Dark", 2017),
        ("Learning Owl Calls at Night", 2010),
        ("Owl Nests Revisited", 2014),
    ]


def test_a_year_in_parentheses_inside_a_title_stays():
    """No names follow the year: the words after it are the title's."""
    text = HEAD + "- Owls (2019), Then and Now [[pdf]](https://owls.example.org/a.pdf)\n"
    assert titles(text) == ["Owls (2019), Then and Now"]


def test_a_link_word_typed_without_its_link_is_not_the_title():
    """``Title. [[Paper]](url1, url2)``: a link GitHub does not draw leaves its words as text."""
    text = HEAD + (
        "* 2021 - ICML - Owl Flight in the Dark. [[Paper]](https://arxiv.org/abs/2101.00001,"
        " https://owls.example.org/a) [[Code]](https://github.com/owl/flight)\n"
    )
    assert titles(text) == ["Owl Flight in the Dark"]


def test_a_title_in_angle_or_book_title_marks_loses_them():
    text = HEAD + (
        "- [【关于 Owl-Net】 那些你不知道的事](https://github.com/owl/notes)\n"
        "  - 论文名称：<Owl-Net: Flight in the Dark >\n"
        "  - 论文地址：https://arxiv.org/pdf/2203.00001.pdf\n"
        "- [【关于 Owl Nests】 那些你不知道的事](https://github.com/owl/nests)\n"
        "  - 论文名称：《Owl Nests Revisited》\n"
        "  - 论文地址：https://arxiv.org/pdf/2203.00002.pdf\n"
    )
    assert titles(text) == ["Owl-Net: Flight in the Dark", "Owl Nests Revisited"]


def test_a_github_alert_is_a_note_not_a_paper():
    text = HEAD + (
        "> [!IMPORTANT]\n"
        "> This list is no longer maintained; its archive is on\n"
        "> [Zenodo](https://doi.org/10.5281/zenodo.1).\n\n"
        "> [!note]\n> See [the survey](https://arxiv.org/abs/2101.00009).\n\n"
        "- [Owl Flight in the Dark](https://arxiv.org/abs/2101.00001)\n"
    )
    assert titles(text) == ["Owl Flight in the Dark"]


def test_a_quote_that_is_no_alert_is_still_read():
    text = HEAD + "> - [Owl Flight in the Dark](https://arxiv.org/abs/2101.00001)\n"
    assert titles(text) == ["Owl Flight in the Dark"]


def test_a_link_that_says_who_wrote_the_paper_is_not_its_title():
    """``Title. [Lee (2019)](pdf).``: a reference list links the byline; the words before it,
    one or many, are the title, nested under a paper or not."""
    text = HEAD + (
        "1. **Owl Flight in the Dark. [Lee (1970)](https://owls.example.org/a.pdf).**\n"
        "    * Quicksort for Owls. [Chen, Moss (1962)](https://owls.example.org/b.pdf).\n"
        "    * Owlsort. [Van Dam (1979)](https://owls.example.org/c.pdf).\n"
        "    * a study of nests at night. [Diaz et al. (2001)](https://owls.example.org/d.pdf).\n"
    )
    assert [(r.title, r.year, r.authors) for r in parse(text).rows] == [
        ("Owl Flight in the Dark", 1970, "Lee"),
        ("Quicksort for Owls", 1962, "Chen, Moss"),
        ("Owlsort", 1979, "Van Dam"),
        ("a study of nests at night", 2001, "Diaz et al."),
    ]


def test_a_venue_and_year_after_a_title_are_no_byline():
    """``Title. ECCV 2020``: the venue, not who wrote it."""
    text = HEAD + (
        "1. Owl Flight in the Dark. ECCV 2020\n2. Owl Nests Revisited. Lee, Ann et al. CVPR 2021\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        ("Owl Flight in the Dark", "ECCV 2020", 2020),
        ("Owl Nests Revisited", "CVPR 2021", 2021),
    ]


def test_a_line_of_names_over_a_bold_title_is_who_wrote_it():
    """A reading list's checkbox item: the first author in bold, the names, then the bold
    title on the next line."""
    text = HEAD + (
        "- [ ] **Ann Lee**, Bo Chen, Cy Moss: </br>\n"
        "    **Owl Flight in the Dark.**\n\n"
        "- [ ] **Dan Park**, Eve Diaz: </br>\n"
        '    **"Why Would Owls Fly?": A Study of Night Flight.**\n'
    )
    assert [(r.title, r.authors) for r in parse(text).rows] == [
        ("Owl Flight in the Dark", "Ann Lee, Bo Chen, Cy Moss"),
        ('"Why Would Owls Fly?": A Study of Night Flight', "Dan Park, Eve Diaz"),
    ]


def test_a_title_then_names_with_initials_then_the_venue():
    """``Title, J. Engel, V. Koltun, In arXiv:1607.02565, 2016``: the title leads, the names
    follow one by one; a title whose first part looks like a name is still the title."""
    text = HEAD + (
        ">Direct Owl Odometry, J. Engel, V. Koltun, D. Cremers, In arXiv:1607.02565, 2016\n\n"
        ">Owl-SLAM: Large-Scale Direct Owl SLAM, J. Engel, T. Schöps and D. Cremers, ECCV '14\n\n"
        '>A. Lee, B. Chen, "Owls at Night," *Owl Letters*, 2012.\n'
    )
    assert [(r.title, r.authors, r.year) for r in parse(text).rows] == [
        ("Direct Owl Odometry", "J. Engel, V. Koltun, D. Cremers", 2016),
        ("Owl-SLAM: Large-Scale Direct Owl SLAM", "J. Engel, T. Schöps and D. Cremers", 2014),
        ("Owls at Night", "A. Lee, B. Chen", 2012),
    ]


def test_an_arxiv_id_written_in_a_citation_is_its_paper():
    """``Title. Lee, Ann and Chen, Bo. arXiv:1907.02226``: no link, yet the paper is named by
    its preprint; the names after the title's stop are not its title but who wrote it."""
    text = HEAD + (
        "1. Owl Flight by Multi-head Attention. Lee, Ann and Chen, Bo. arXiv:1907.02226\n"
        "2. Learning Owl Calls. Moss, Cy and Diaz, Eve. OWLR 2015\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.venue, r.year) for r in rows] == [
        ("Owl Flight by Multi-head Attention", "Lee, Ann and Chen, Bo", "arXiv", 2019),
        ("Learning Owl Calls", "Moss, Cy and Diaz, Eve", "OWLR", 2015),
    ]
    assert rows[0].links == ("https://arxiv.org/abs/1907.02226",)


def test_an_arxiv_id_in_a_note_under_a_linked_paper_stays_the_note():
    text = HEAD + (
        "* [Owl Flight in the Dark](https://owls.example.org/a.pdf)\n"
        "  * Extends Ann Lee, Owl Calls, arXiv:1410.01090.\n"
    )
    rows = parse(text).rows
    assert [r.links for r in rows] == [("https://owls.example.org/a.pdf",)]


def test_a_title_dated_at_a_venue_with_only_its_code_is_a_paper():
    """``Title [WSDM 2023] [[Code]](github)``: the paper, cited where it appeared; a tool's
    name or a mention of a paper in a line about code is not one."""
    text = HEAD + (
        "1. Unbiased Owl Distillation for Recommendation [WSDM 2023]"
        " [[Code]](https://github.com/owl/unkd)\n"
        "2. OwlKit [WSDM 2023] [[Code]](https://github.com/owl/kit)\n"
        '3. Source code for the paper "Fully Convolutional Owls," CVPR, 2015.'
        " [[Web]](https://github.com/owl/fco)\n"
    )
    assert titles(text) == ["Unbiased Owl Distillation for Recommendation"]


def test_a_list_that_names_each_paper_in_brackets_after_its_title():
    """``**Title (Crescendo)**``: once many titles end with a name in brackets that does not
    spell their words, the list names its papers that way, and the names go; a title's own
    acronym in a list that does not do so stays."""
    names = ["Crescendo", "Persona", "Pandora", "Atlas", "Eraser"]
    rows = "".join(
        f"| 2024.0{i} | **Owl Jailbreak Attack Number {i} ({name})** |"
        f" [link](https://arxiv.org/abs/2401.0000{i}) |\n"
        for i, name in enumerate(names, start=1)
    )
    text = HEAD + "| Time | Title | Paper |\n| --- | --- | --- |\n" + rows
    assert titles(text) == [f"Owl Jailbreak Attack Number {i}" for i in range(1, 6)]
    own = HEAD + "- [Owl Flight in the Dark (Atlas)](https://arxiv.org/abs/2401.00001)\n"
    assert titles(own) == ["Owl Flight in the Dark (Atlas)"]


def test_a_citation_led_by_a_bold_label_is_read_as_a_citation():
    """``+ **Tobit**: Zou, B., & Luo, B. (2019). Title. Energy.``: the label files the paper;
    a question closing the title's first sentence goes on to its subtitle."""
    text = HEAD + (
        "+ **Tobit**: Zou, B., & Luo, B. (2019). Rural Owl Energy Use in China. *Energy*.\n"
        "+ **VI**: Lee, A., & Chen, B. (2004). Are Owls More Clever than Crows? A Field"
        " Experiment on Night Flight. *Owl Review*, 94(4), 991-1013.\n"
    )
    assert [(r.title, r.authors, r.year) for r in parse(text).rows] == [
        ("Rural Owl Energy Use in China", "Zou, B., & Luo, B.", 2019),
        (
            "Are Owls More Clever than Crows? A Field Experiment on Night Flight",
            "Lee, A., & Chen, B.",
            2004,
        ),
    ]


def test_a_link_whose_words_are_a_whole_citation():
    """``[Lee, A., & Chen, B. (2005). Title. OOPSLA '05.](url)``: the title is the citation's."""
    text = HEAD + (
        "- [Lee, A., Chen, B., & Moss, C. (2005). Finding owl nests using a query language."
        " OOPSLA '05.](https://www.semanticscholar.org/paper/x)\n"
    )
    assert titles(text) == ["Finding owl nests using a query language"]


def test_a_short_quoted_title_before_by_and_its_authors():
    text = HEAD + (
        '* "Owl Persistence" by A. Lee and B. Chen.  Owl Journal, vol. 10: pp. 367–405, (2010).'
        " [Link](https://link.springer.com/article/10.1007/s10208-010-9066-0)\n"
    )
    assert titles(text) == ["Owl Persistence"]


def test_what_a_list_writes_before_each_title():
    """``[1] Lee et al, Title``, ``<b>2019/09</b> Title``, ``Li+'17 - Title (BioNLP)``: a
    number, a month or a short reference before the title; notes after its links go too."""
    text = HEAD + (
        "[1] Dijk et al, How do owls see depth at night? [PDF](https://arxiv.org/pdf/1905.07005)\n\n"
        "* <b>2019/09</b> Cross View Fusion for Owl Pose Estimation"
        " [[paper]](https://arxiv.org/pdf/1909.01203.pdf) : 실데이터 확인 시 준수합니다.\n"
        "* <b>2022</b> Accurate Owl Shape Regression [[paper]](https://owls.example.org/a.pdf)\n"
        "- Li+'17 - Proactive Learning for Owl Recognition (BioNLP)"
        " [[ACL Anthology](https://aclanthology.org/W17-2314/)]\n"
    )
    assert titles(text) == [
        "How do owls see depth at night?",
        "Cross View Fusion for Owl Pose Estimation",
        "Accurate Owl Shape Regression",
        "Proactive Learning for Owl Recognition",
    ]


def test_papers_under_labels_nested_two_deep_are_all_read():
    """``- **Year 2024**`` / ``- **CVPR**`` / ``- Title [[Paper]](url)``: every paper under
    every label, plain titles and ``***Name:*** title`` ones alike; none lost."""
    text = HEAD + (
        "- **Year 2024**\n"
        "  - **CVPR**\n"
        "    - ***AnyOwl:*** Zero-shot Owl-level Image Customization"
        " [[Paper]](https://arxiv.org/abs/2401.00001)\n"
        "  - **ECCV**\n"
        "    - A Task is Worth One Owl: Learning with Task Prompts"
        " [[Paper]](https://arxiv.org/abs/2401.00002)\n"
        "    - ***OwlNet:*** A Plug-and-Play Owl Model [[Paper]](https://arxiv.org/abs/2401.00003)\n"
        "  - **ICLR**\n"
        "    - Owl Inpainting via Tractable Steering [[Paper]](https://arxiv.org/abs/2401.00004)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.categories) for r in rows] == [
        ("AnyOwl: Zero-shot Owl-level Image Customization", ("CVPR",)),
        ("A Task is Worth One Owl: Learning with Task Prompts", ("ECCV",)),
        ("OwlNet: A Plug-and-Play Owl Model", ("ECCV",)),
        ("Owl Inpainting via Tractable Steering", ("ICLR",)),
    ]


def test_a_bold_field_label_is_no_name_before_a_title():
    """``**Metrics:** Expected Calibration Error`` under a linked heading: a field of that
    paper, not a paper named Metrics."""
    text = HEAD + (
        "### [Owl Calibration in the Dark](https://arxiv.org/abs/2305.14975)\n"
        "- **Metrics:** Expected Calibration Error (ECE) with temperature scaling.\n"
        "- **Datasets:** Owl Question Answering datasets: TriviaOwl, SciOwl.\n"
    )
    assert titles(text) == ["Owl Calibration in the Dark"]


def test_a_title_in_full_dated_by_its_own_line_is_a_paper():
    """``* 2011 Directed Incremental Owl Execution``: no link, yet a Title Case title with its
    year cites a paper, as does one linking only its code; a heading's year, a sentence
    or a tool's name does not make one."""
    text = HEAD + (
        "* 2011 Directed Incremental Owl Execution\n\n"
        "* 2010 All You Ever Wanted to Know about Owls (but Might Have Been Afraid to Ask)\n\n"
        "* 2018 Chopped Owl Execution for Nests ([chopper](https://github.com/owl/chopper))\n\n"
        "* 2019 owls were seen flying at night in the park\n\n"
        "* 2016 OwlKit ([OwlKit](https://github.com/owl/kit))\n\n"
        "### 2020\n\n"
        "* Owl Flight in the Dark Woods\n"
    )
    assert titles(text) == [
        "Directed Incremental Owl Execution",
        "All You Ever Wanted to Know about Owls (but Might Have Been Afraid to Ask)",
        "Chopped Owl Execution for Nests",
    ]


def test_html_table_rows_indented_after_blank_lines_are_rows():
    """A page's HTML table whose rows sit after blank lines, indented far enough to read as
    code in CommonMark: a person sees the table's rows, and so does the reader."""
    text = HEAD + (
        '  <table id="t1">\n  <thead>\n    <tr>\n        <th>Title</th>\n'
        "        <th>Authors</th>\n    </tr>\n  </thead>\n  <tbody>\n    \n"
        "      <tr>\n      <script>\n      // alert (15)\n      </script>\n"
        '        <td><a href="https://www.semanticscholar.org/paper/bf65">Owl Systems and'
        " Flight in Hilbert Space.</a></td>\n        <td>B. O. Owl</td>\n      </tr>\n    \n"
        "      <tr>\n"
        '        <td><a href="https://www.semanticscholar.org/paper/10ca">A Data-Driven Owl'
        " Operator</a></td>\n        <td>Ann Lee, Bo Chen</td>\n      </tr>\n    \n"
        "  </tbody>\n  </table>\n"
    )
    assert titles(text) == [
        "Owl Systems and Flight in Hilbert Space",
        "A Data-Driven Owl Operator",
    ]


def test_a_title_after_its_tags_and_link_words():
    """``:blue_square: `SVOS` `Apr` - [paper](a) / code - Title``: tags, a month and link
    words first, the title last (a journal in code before it is not the title's)."""
    text = HEAD + (
        ":blue_square: `SVOS` `Apr` &nbsp;-&nbsp; [paper](https://arxiv.org/pdf/2604.03645)"
        " / [project page](https://owls.example.org) &nbsp;-&nbsp; UniOwl: A Unified Model"
        " for Owl Segmentation\n\n"
        ":red_square: `AVOS` `Mar` &nbsp;-&nbsp; [paper](https://arxiv.org/pdf/2603.27706) /"
        " code &nbsp;-&nbsp; `TPAMI` Learning Owl Cues for Night Segmentation\n"
    )
    assert titles(text) == [
        "UniOwl: A Unified Model for Owl Segmentation",
        "Learning Owl Cues for Night Segmentation",
    ]
