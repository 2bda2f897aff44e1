"""Rules of the eighth round of real lists, each shown on invented papers: general readings
(how an author-date citation leads a title, how an HTML table's headers name its cells), not
one list's shape."""

from __future__ import annotations

from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_an_author_date_label_before_the_title_is_who_wrote_it():
    """``(**Lee et al., 2020**) Title. Journal. 2020, 5: 1-9.``: the bold names and year are
    the byline, the title ends at its full stop and the journal follows."""
    text = HEAD + (
        "- (**Lee et al., 2020**) Owl flight in the dark. Nature. 2020, 5: 12-19."
        " [[DOI](https://doi.org/10.1000/owl.1)]\n\n"
        "- (**Mirzal, 2014**) A convergent algorithm for owl counts. Journal of Owl Studies."
        " 2014, 260: 149-166. [[DOI](https://doi.org/10.1000/owl.2)]\n\n"
        "- (**Chen et al., 2023**) Do owls hoot at night? AAAI 2023."
        " [[PDF](https://owls.example.org/c.pdf)]\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Owl flight in the dark", "Lee et al.", 2020),
        ("A convergent algorithm for owl counts", "Mirzal", 2014),
        ("Do owls hoot at night?", "Chen et al.", 2023),
    ]
    assert rows[0].venue == "Nature"


def test_a_bold_byline_before_an_italic_title_in_html_tags():
    """``<b>Lee, et al., (2024)</b> <i>Title</i>. Venue``, full names with a stop before the
    year as well: the italic span is the title."""
    text = HEAD + (
        "- <b>Lee, et al., (2024)</b> <i>Owl Calls Show How Owls Talk</i>. OWLS"
        ' <a href="https://arxiv.org/pdf/2401.00001">[Paper]</a>\n'
        "- <b>Ann Lee and Bo R. Chen. (2018)</b> <i>Joint Tagging of Owl Calls</i>. OWLS"
        ' <a href="https://owls.example.org/b.pdf">[Paper]</a>\n'
        "- <b>Ann van der Berg and Bo Chen. (2018)</b> <i>Synthesised owl calls for"
        ' speech recognition</i>. OWLS <a href="https://owls.example.org/c.pdf">[Paper]</a>\n'
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Owl Calls Show How Owls Talk", 2024),
        ("Joint Tagging of Owl Calls", 2018),
        ("Synthesised owl calls for speech recognition", 2018),
    ]


def test_a_written_arxiv_id_of_the_linked_paper_keeps_the_title():
    """``[Title](arxiv/X). arXiv: X.``: the id written out is the link's own paper."""
    text = HEAD + (
        "- [Learning Robust Owl Rewards](https://arxiv.org/abs/1710.11248). arXiv: 1710.11248.\n"
        "\n1. [OwlKit][kit]: An Open-Source Toolkit for Owl Call Distillation in Natural"
        " Language Processing. arXiv:2002.12620\n"
        "\n[kit]: https://github.com/owl/kit\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Learning Robust Owl Rewards",
        "OwlKit: An Open-Source Toolkit for Owl Call Distillation in Natural Language Processing",
    ]
    assert "https://arxiv.org/abs/2002.12620" in rows[1].links


_HTML_TABLE = """\
<table>
  <thead>
    <tr>
      <th>Year</th>
      <th>Input</th>
      <th>Methods</th>
      <th>Paper Title</th>
      <th>Pub.</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>2019</td>
      <td>Sentinel-1</td>
      <td>1D CNNs, LSTM RNNs, RF</td>
      <td><a href="https://doi.org/10.1000/owl.1">Evaluation of three owl counting models
        using radar time series</a></td>
      <td>Remote Sensing</td>
    </tr>
    <tr>
      <td>2021</td>
      <td>Zhuhai-1, Sentinel-2</td>
      <td>OWLC</td>
      <td><a href="https://doi.org/10.1000/owl.2">OWLC: One-class owl classification</td>
      <td>Journal of Owl Observation</a></td>
    </tr>
  </tbody>
</table>
"""


def test_an_html_table_is_read_by_its_headers():
    """The cell under ``<th>Paper Title</th>`` holds the title however the row begins, the
    one under ``<th>Pub.</th>`` the venue; a ``Methods`` cell holds no authors; a link left
    open closes at its cell's end, as the browser closes it."""
    rows = parse(HEAD + _HTML_TABLE).rows
    assert [(r.title, r.venue, r.year, r.authors) for r in rows] == [
        (
            "Evaluation of three owl counting models using radar time series",
            "Remote Sensing",
            2019,
            None,
        ),
        ("OWLC: One-class owl classification", "Journal of Owl Observation", 2021, None),
    ]
    assert rows[1].links[0] == "https://doi.org/10.1000/owl.2"


def test_an_html_table_venue_cell_gives_the_year_it_writes():
    """``<th>Venue</th>`` holding ``OWLS 2025`` beside a ``Date`` of the preprint: the
    paper's year is the venue's."""
    text = HEAD + (
        "<table>\n<tr><th>Title</th><th>Venue</th><th>Date</th></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2412.00001">Owl Flight Benchmark for Night'
        " Vision</a></td><td>CVPR 2025</td><td>2024-12</td></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2412.00002">Owl Calls at Dawn and Dusk</a>'
        "</td><td>None</td><td>2024-11</td></tr>\n</table>\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows] == [
        ("Owl Flight Benchmark for Night Vision", "CVPR 2025", 2025),
        ("Owl Calls at Dawn and Dusk", None, 2024),
    ]


def test_a_headed_html_table_with_no_title_header_keeps_its_cells():
    """Headers naming no title column (``Name``/``Role``: a team) are not read by role."""
    text = HEAD + (
        "<table>\n<tr><th>Year</th><th>Work</th><th>Venue</th></tr>\n"
        '<tr><td>2020</td><td><a href="https://arxiv.org/abs/2001.00001">Owl Flight in the'
        " Dark</a></td><td>OWLS 2020</td></tr>\n</table>\n"
    )
    assert titles(text) == ["Owl Flight in the Dark"]


def test_a_paper_nested_under_a_paper_is_its_own_item():
    """``* Title (1980). [Paper](doi)`` over ``* Background: Title (1974). [Paper](doi)`` and a
    note: the nested paper is a second item (its lead-in word dropped), the note stays."""
    text = HEAD + (
        "* Experience with Owls in Mesa (1980). [Paper](https://doi.org/10.1000/owl.1)"
        " \\| [Note](notes/owls.md)\n"
        "  * Background: Monitors: An Owl Structuring Concept (1974)."
        " [Paper](https://doi.org/10.1000/owl.2)\n"
        "  * Hoare semantics to Mesa semantics (notify is just a hint)\n\n"
        "* Translation Caching: Skip, Don't Walk (the Owl Table) (2010)."
        " [Paper](https://doi.org/10.1000/owl.3)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Experience with Owls in Mesa", 1980),
        ("Monitors: An Owl Structuring Concept", 1974),
        ("Translation Caching: Skip, Don't Walk (the Owl Table)", 2010),
    ]
    assert rows[0].links[0] == "https://doi.org/10.1000/owl.1"


def test_a_journal_with_its_year_typed_on_is_where_not_what():
    """``**12. Title**: \\[[Nature Owl Letters2021](url)\\]``: the link's words are the
    journal and its year, the bold words the title."""
    text = HEAD + (
        "**12. Physics-informed owl learning**: \\[[Nature Owl Letters2021]"
        "(https://www.nature.com/articles/s42254-021-00314-5)\\] \\[[CODE]()\\]\n\n"
        "**13. Owl flight by neural operators**: \\[[Journal of Owl Physics2024]"
        "(https://doi.org/10.1000/owl.13)\\]\n\n"
        "- [Factorization Owls Rendle2010](https://owls.example.org/fm.pdf)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows[:2]] == [
        ("Physics-informed owl learning", "Nature Owl Letters 2021", 2021),
        ("Owl flight by neural operators", "Journal of Owl Physics 2024", 2024),
    ]
    assert rows[2].title == "Factorization Owls Rendle2010"  # a title, then who wrote it


def test_a_quoted_summary_under_a_paper_is_not_a_paper():
    """``"This paper proposes X, ..."`` (and its translation) under a paper's line: the
    paper's summary, never a title."""
    text = HEAD + (
        "**1. Owl Flight Operators for Night Vision**: \\[[ICML2024](https://arxiv.org/abs/"
        "2401.00001)\\]\n\n"
        "Tags: Operator, Owls\n\n"
        "\"This paper proposes OFO, a novel training method that enhances an owl's ability to"
        ' fly at night, reducing errors by up to 72%."\n\n'
        '"本文提出了一种新的训练方法，提高了猫头鹰在夜间飞行的能力，将误差降低最多百分之七十二。"\n\n'
        "**2. Learning Owl Calls at Dawn**: \\[[ICLR2023](https://arxiv.org/abs/2301.00002)\\]\n"
    )
    assert titles(text) == [
        "Owl Flight Operators for Night Vision",
        "Learning Owl Calls at Dawn",
    ]


def test_a_date_under_a_venue_header_is_a_date():
    """``| Pub. & Date |`` holding ``Sep., 2023`` or ``-``: a year, no venue;
    ``CVPR, 2024`` is the venue."""
    text = HEAD + (
        "| Title | arXiv | Pub. & Date |\n|---|---|---|\n"
        "| [Owl Flight in the Dark](https://arxiv.org/abs/2309.00001) | - | Sep., 2023 |\n"
        "| [Owl Calls at Dawn](https://arxiv.org/abs/2308.00002) | - | CVPR, 2024 |\n"
        "| [Owl Nests Revisited](https://arxiv.org/abs/2307.00003) | - | - |\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        ("Owl Flight in the Dark", None, 2023),
        ("Owl Calls at Dawn", "CVPR, 2024", 2024),
        ("Owl Nests Revisited", None, None),
    ]


def test_a_short_name_and_its_link_then_the_full_title_below():
    """``**[1] OwlID1** [**[paper]**](url)`` and, a paragraph below, the paper's full title
    (in sentence case too, a figure after it): one paper, titled by the full title; a names
    line and a BibTeX record below are not titles."""
    text = HEAD + (
        "**[1] OwlID1**  [**[paper]**](https://arxiv.org/abs/1406.00001)\n\n"
        "Deep Learning Owl Representation from Predicting 10,000 Classes\n\n"
        "**[2] OwlID2+**  [**[paper]**](https://arxiv.org/abs/1412.00002)\n\n"
        "Deeply learned owl representations are sparse, selective, and robust\n\n"
        "![owl_loss](./img/owl_loss.jpg)\n\n"
        "**[3] Large-Margin Owl Loss**  [**[paper]**](https://arxiv.org/abs/1612.00003)\n\n"
        "Large-Margin Owl Loss for Convolutional Neural Networks(L-Owl loss)\n\n"
        "**Owl Nets: A Review** [[Paper](https://arxiv.org/abs/2305.00004)]\n\n"
        "[**Ann Lee**](https://owls.example.org/), Bo Chen, and Cy Diaz.\n\n"
        "@article{lee2023owl, title={Owl Nets: A Review}, author={Lee, Ann}}\n"
    )
    assert titles(text) == [
        "Deep Learning Owl Representation from Predicting 10,000 Classes",
        "Deeply learned owl representations are sparse, selective, and robust",
        "Large-Margin Owl Loss for Convolutional Neural Networks",
        "Owl Nets: A Review",
    ]


def test_a_sentence_saying_what_a_named_method_does_is_not_its_title():
    """Under ``OwlMix (Lee, 2024)`` a description (``Owl weights are reweighed to ...``,
    ``Downscale the logits ...``) is what it does, not its title."""
    text = HEAD + (
        "**[1] OwlMix** [[paper]](https://arxiv.org/abs/2401.00001)\n\n"
        "Owl weights are reweighed to refine ensemble weights by maximizing attack loss\n\n"
        "**[2] OwlMargin** [[paper]](https://arxiv.org/abs/2401.00002)\n\n"
        "Downscale the logits using a temperature factor and an adaptive margin\n"
    )
    assert titles(text) == ["OwlMix", "OwlMargin"]


def test_a_title_after_its_links_wrapped_onto_the_next_line():
    """``:orange_square: `RVOS` `Feb` - [paper](a) / [code](b) - Title`` going on to the next
    source line (GitHub shows one line), a title holding the link word ("Encoder"), and notes
    in brackets after a title (a code span, a sentence in lower case)."""
    text = HEAD + (
        ":orange_square: `RVOS` `Feb` &nbsp;-&nbsp; [paper](https://arxiv.org/pdf/2602.00001)"
        " / [code](https://github.com/owl/lite) &nbsp;-&nbsp; OwlLite: A Study of the Owl"
        " Text Encoder\nfor Efficient Night Segmentation\n\n"
        ":orange_square: `RVOS` `Feb` &nbsp;-&nbsp; [paper](https://arxiv.org/pdf/2602.00002)"
        " &nbsp;-&nbsp; Owl-Search: Segmentation with Owl Reasoning (`Reasoning VOS via"
        " Owls!`)\n\n"
        ":white_large_square: `XVOS` &nbsp;-&nbsp; [paper](https://arxiv.org/abs/2412.00003)"
        " &nbsp;-&nbsp; Using Owl Priors for Video Amodal Segmentation (segment both visible"
        " and invisible (e.g., occluded) owls)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "OwlLite: A Study of the Owl Text Encoder for Efficient Night Segmentation",
        "Owl-Search: Segmentation with Owl Reasoning",
        "Using Owl Priors for Video Amodal Segmentation",
    ]
    assert not rows[0].authors


def test_a_reference_led_by_names_and_year_in_brackets():
    """``Lee et al. (2010) Title, Journal, 463, pp 747-756, [doi:...](url)``: the names and
    year lead, the title ends at its stop or where the journal and its numbers begin; a
    title dated in brackets and followed by its authors is not led by names."""
    text = HEAD + (
        "- Krey (2014) Global owl scenarios and models: a review. Wiley Reviews: Owls and"
        " Environment 3, pp 363-383. [doi:10.1002/owl.98](https://doi.org/10.1002/owl.98).\n"
        "- Moss et al. (2010) The next generation of scenarios for owl research and"
        " assessment, Nature, 463, pp 747-756,"
        " [doi:10.1038/owl08823](https://doi.org/10.1038/owl08823).\n"
        "- van Vuuren et al. (2011) The representative owl pathways: an overview. Climatic"
        " Owls, 109(5), [doi:10.1007/owl-011](https://doi.org/10.1007/owl-011).\n"
        "- [Mask R-CNN (2017), K. He et al.](https://arxiv.org/abs/1703.06870)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows[:3]] == [
        ("Global owl scenarios and models: a review", "Krey", 2014),
        ("The next generation of scenarios for owl research and assessment", "Moss et al.", 2010),
        ("The representative owl pathways: an overview", "van Vuuren et al.", 2011),
    ]
    assert rows[1].venue == "Nature"
    assert rows[3].title.startswith("Mask R-CNN")


def test_a_title_cut_after_a_capitalised_article_goes_on():
    """``<b>2020/04</b> OwlNet: Learning Owl Shape from A`` / ``Single Image [[paper]](a)``:
    a Title Case title cut after its article goes on."""
    text = HEAD + (
        "* <b>2020/04</b> OwlNet: Learning Owl and Feather Shape from A\n"
        "Single Image [[paper]](https://arxiv.org/abs/2004.00001)"
        " [[code]](https://github.com/owl/net)\n"
    )
    assert titles(text) == [
        "OwlNet: Learning Owl and Feather Shape from A Single Image",
    ]


def test_a_syllabus_bullet_of_several_readings_is_a_paper_each():
    """``- **Reading**: [Title A](a) by Lee et al, 2013; [Title B](b) by Chen, 2011 (skim).``
    (a title wrapped inside its link as well): each reading is a paper of its own."""
    text = HEAD + (
        "- **Reading**: [More owls, more votes](https://owls.example.org/a.pdf) by Ann Lee"
        " et al, 2013; [How (not) to count owls](https://owls.example.org/b.pdf) by Chen et"
        " al, 2011 (skim).\n"
        "- **Supplemental reading**:\n"
        "[No silver owl: De-identification still fails](https://owls.example.org/c.pdf) by"
        " Ng and Diaz; [Computational Owl Science:\n"
        "Toward a Collaborative Future](https://owls.example.org/d.pdf) by Wu, 2015.\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("More owls, more votes", 2013),
        ("How (not) to count owls", 2011),
        ("No silver owl: De-identification still fails", None),
        ("Computational Owl Science: Toward a Collaborative Future", 2015),
    ]


def test_a_quoted_title_before_the_date_in_brackets_is_the_title():
    """``Lee, Ann, et al. "Title." arXiv preprint arXiv:X (2017). tag: owls``: the quoted
    span is the title (not the words after the date), the venue arXiv; a year set apart by
    spaces after a plain title is its date."""
    text = HEAD + (
        '- Lee, Ann, et al. "Domain Randomization for Transferring Owls from Simulation to'
        ' the Real World." arXiv preprint arXiv:1703.06907 (2017). tag: domain\n'
        "\t([pdf](https://arxiv.org/pdf/1703.06907.pdf))\n"
        "-   OwlCV: Connecting Computer Vision to Owl Engine  2016    \n"
        "\t([code](https://github.com/owl/owlcv))\n"
        "\t([paper](https://arxiv.org/abs/1609.01326))\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.venue, r.year) for r in rows] == [
        (
            "Domain Randomization for Transferring Owls from Simulation to the Real World",
            "arXiv",
            2017,
        ),
        ("OwlCV: Connecting Computer Vision to Owl Engine", None, 2016),
    ]


def test_a_known_venue_with_its_quoted_year_ends_a_title():
    """``- Title CVPR'2021 [[paper]](a)``: the venue tag after a space is no word of the
    title; ``Title. ICCV'2019`` as before."""
    text = HEAD + (
        "- OwlDSC: Robust Owl Registration using Deep Spatial Consistency CVPR'2021"
        " [[paper]](https://arxiv.org/abs/2103.05465)\n"
        "- OwlNet: Unsupervised Stable Interest Owls. ICCV'2019"
        " [[paper]](https://arxiv.org/abs/1904.00229)\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("OwlDSC: Robust Owl Registration using Deep Spatial Consistency", 2021),
        ("OwlNet: Unsupervised Stable Interest Owls", 2019),
    ]


def test_a_heading_over_notes_in_another_script_is_one_paper():
    """``## [Title](doi)`` over paragraphs of notes in Chinese (a link inside them), and a
    ``### [Venue '2024] Title`` over its byline, abstract and ``[💻 Code (not yet)]()``
    links: each heading is the paper's title."""
    text = "# Owl Papers\n\n" + (
        "## [Physics-inspired integrated space-time owl networks for regional flight modeling]"
        "(https://doi.org/10.5194/hess-24-5759-2020)\n\n"
        "对猫头鹰飞行的预测通常都是在单个观测点建立预测模型，然后通过地理插值等方式形成这样一种两阶段预测模型。\n\n"
        "这篇文章根据飞行控制方程（见原文式1，基本原理可参考[这里](http://owls.example.org/a)）构建了模型。\n\n"
        "## [Physics-Informed Owl Networks for Learning Parameters in Subsurface Flight]"
        "(https://doi.org/10.1029/2019WR026731)\n\n"
        "这篇文章谈到，对于部分已知物理和稀疏数据的问题，是比较适合物理信息机器学习的。\n\n"
        "### [ICLR '2024] OwlRM: Large Reconstruction Model for Single Owl to 3D\n\n"
        "**Author**: Ann Lee, Bo Chen\n\n**Date**: 8 Nov 2023\n\n"
        "[📄 Paper](https://arxiv.org/pdf/2311.04400) | [🌐 Project Page](https://owl.example.org/)"
        " | [💻 Code (not yet)]()\n"
    )
    assert titles(text) == [
        "Physics-inspired integrated space-time owl networks for regional flight modeling",
        "Physics-Informed Owl Networks for Learning Parameters in Subsurface Flight",
        "OwlRM: Large Reconstruction Model for Single Owl to 3D",
    ]
