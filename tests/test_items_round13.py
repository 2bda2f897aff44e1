"""Rules of the thirteenth round of real lists, each shown on invented papers: a bold label
over bullets that are papers, a topic's "What's New" section, ACM's old citation pages, a
template's unfilled paper links, a one-word venue stuck to "Workshop", names before a title,
a part's number ending an APA title, a linked title with a colon under a topic heading, a
digest's headings over their arXiv bullets, a meeting's site among signed papers, joint-first
marks in names, a link broken over lines in an HTML cell, a PDF signed "by" its authors, a
cell's bylines joined by "and", two linked titles joined by a comma, "white paper", a bold code
tag ending in a year, names with a venue in one italic span, names, a stop, then the title;
papers under short labels of year and venue, "Year 2021", old arXiv mirrors, a day-first
reading date, books cited by their authors, arXiv ids written with a space, and a table whose
first column names data sets."""

from __future__ import annotations

from delbib.identifiers.links import extract
from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def rows(text: str) -> list[tuple]:
    return [(r.title, r.venue, r.year) for r in parse(text).rows]


def test_bullets_that_are_papers_under_a_bold_label_stay_papers():
    """``**Night Flight**: owls, bats, etc.`` then ``- `[CVPR 2024]` Title [[paper]](arxiv)``
    bullets: each bullet a paper of its own, not the fields of a paper titled by the label."""
    text = HEAD + (
        "**Night Flight**: owls, bats, moths, etc.\n"
        "- `[CVPR 2024]` Silent Wings: Learning Owl Flight from Video"
        " [[paper]](https://arxiv.org/abs/2403.14186) [[code]](https://github.com/o/w)\n"
        "- `[TOG 2023]` Text-Guided Synthesis of Owl Calls"
        " [[paper]](https://arxiv.org/abs/2307.03190)\n"
    )
    assert rows(text) == [
        ("Silent Wings: Learning Owl Flight from Video", "CVPR 2024", 2024),
        ("Text-Guided Synthesis of Owl Calls", "TOG 2023", 2023),
    ]


def test_a_bold_title_over_its_field_bullets_is_still_one_paper():
    """``**Title**`` then ``- Paper: [link](arxiv)`` / ``- Code: [link](github)``: fields."""
    text = HEAD + (
        "**Silent Wings: Learning Owl Flight from Video**\n"
        "- Paper: [arXiv](https://arxiv.org/abs/2403.14186)\n"
        "- Code: [GitHub](https://github.com/o/w)\n"
    )
    found = parse(text).rows
    assert [r.title for r in found] == ["Silent Wings: Learning Owl Flight from Video"]


def test_a_topics_whats_new_section_holds_papers_the_lists_news_does_not():
    """``## Owl Testing / ### Papers / #### What's New``: the topic's newest papers; the
    list's own ``## What's New`` under its title is news about the list."""
    text = (
        "# Owl Papers\n\n## What's New\n\n"
        "- [Silent Wings for Night Owls](https://arxiv.org/abs/2401.00001) [2024] added\n\n"
        "## Owl Testing\n\n### Research Papers\n\n#### What's New\n\n"
        "- [Testing owl engines with mutations](https://dl.acm.org/doi/10.1145/3395032.3395322)"
        " [2020]\n"
        "- [Search-based owl data generation](https://arxiv.org/abs/1801.00002) [2018]\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Testing owl engines with mutations",
        "Search-based owl data generation",
    ]


def test_acms_old_citation_pages_are_papers_with_their_doi():
    assert extract("http://portal.acm.org/citation.cfm?doid=191843.191886") == [
        "doi:10.1145/191843.191886"
    ]
    assert extract("http://dl.acm.org/citation.cfm?doid=3342263.3360343&coll=x") == [
        "doi:10.1145/3342263.3360343"
    ]
    assert extract("https://dl.acm.org/citation.cfm?id=1234") == []
    text = HEAD + (
        "*  *Owls on old machines*  [Quickly generating billion-owl synthetic forests]"
        "(http://portal.acm.org/citation.cfm?doid=191843.191886)\n"
        "*  *Verified owls*  [Toward a verified owl database system]"
        "(http://portal.acm.org/citation.cfm?doid=1706299.1706329)\n"
    )
    found = parse(text).rows
    assert [r.title for r in found] == [
        "Quickly generating billion-owl synthetic forests",
        "Toward a verified owl database system",
    ]


def test_a_templates_unfilled_paper_links_beside_titles_are_papers():
    """``- **Title** [[Paper]](link) [[Code]](link)``: the list's template, links never filled
    in; the titles are papers. A short name with such a link is not."""
    text = HEAD + (
        "- **Room Layout Estimation from a Cubemap of Owl Images** [[Paper]](link) [[Code]](link)\n"
        "- **Urban Owl Editing via Neural Rendering** [[Paper]](link) [[Code]](link)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Room Layout Estimation from a Cubemap of Owl Images",
        "Urban Owl Editing via Neural Rendering",
    ]
    assert parse(HEAD + "- **OwlKit** [[Paper]](link) [[Code]](link)\n").rows == []


def test_a_one_word_venue_and_an_arxiv_id_after_the_title_leave_it():
    """``Title. CVPRWorkshop, 2023.``, ``Title. arXiv:2205.08508, 2022.``, and ``Lee et al.
    Title. IJCV, 2017.``: where it appeared and who wrote it are not the title."""
    text = HEAD + (
        "- `[Zhao et al. CVPRW23]` Owl-NCE: Boosting Cross-Modal Owl Learning With Calibrated"
        " Alignment. CVPRWorkshop, 2023. [[paper]](https://openaccess.thecvf.com/x.pdf)\n"
        "- `[Bain et al. ARXIV22]` A Hitchhiker's Guide to Long Owl Retrieval."
        " arXiv:2205.08508, 2022. [[paper]](https://arxiv.org/abs/2205.08508)\n"
        "- `[LSMDC]` Rohrbach et al. Owl description. IJCV, 2017."
        " [[paper]](https://link.springer.com/article/10.1007/s11263-016-0987-1)\n"
    )
    found = parse(text).rows
    assert [r.title for r in found] == [
        "Owl-NCE: Boosting Cross-Modal Owl Learning With Calibrated Alignment",
        "A Hitchhiker's Guide to Long Owl Retrieval",
        "Owl description",
    ]
    assert found[2].authors == "Rohrbach et al"


def test_a_parts_number_ends_an_apa_title():
    """``(2006). Owl localization and mapping: part I. IEEE owl magazine, 13(2), 99-110.``"""
    text = HEAD + (
        "- [Durrant-Owl, H., & Bailey, T. (2006). Owl localization and mapping: part I."
        " IEEE owl & automation magazine, 13(2), 99-110.](https://example.org/owl1.pdf)\n"
        "- [Bailey, T., & Durrant-Owl, H. (2006). Owl localization and mapping: Part II."
        " IEEE owl & automation magazine, 13(3), 108-117.](https://example.org/owl2.pdf)\n"
    )
    assert rows(text) == [
        ("Owl localization and mapping: part I", "IEEE owl & automation magazine", 2006),
        ("Owl localization and mapping: Part II", "IEEE owl & automation magazine", 2006),
    ]


def test_one_linked_title_with_a_colon_under_a_topic_heading_is_the_paper_not_the_heading():
    """``#### Clinical Owls & Night Records`` over one ``- **[OWLSHOT: A Benchmark ...](url)**
    — note``: the bullet's title, not the heading's; "OWLSHOT:" opening a long line is no
    field label."""
    text = (
        "# Owl Papers\n\n## NeurIPS 2023\n\n#### Owl Models & Vision\n\n"
        "- **[OwLLaVA: Training an Owl Assistant in One Day](https://proceedings.neurips.cc/"
        "paper_files/paper/2023/hash/5abc-Abstract.html)** — Curriculum method for owls.\n\n"
        "#### 📋 Clinical Owls & Night Records\n\n"
        "- **[OWLSHOT: An Owl Benchmark for Few-Shot Evaluation](https://openreview.net/forum"
        "?id=CsXC6IcdwI)** — Releases owl data for 6,739 owls with 35 night tasks plus a"
        " model pretrained on 2.57M owls, enabling few-shot owl prediction benchmarking.\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwLLaVA: Training an Owl Assistant in One Day",
        "OWLSHOT: An Owl Benchmark for Few-Shot Evaluation",
    ]


def test_a_digests_headings_over_arxiv_date_and_abstract_bullets_are_its_papers():
    """``### Title`` / ``- **arXiv**: [2603.06153v1](arxiv)`` / ``- **Date**:`` /
    ``- **Abstract**:``: each heading is a paper, its link named by its own identifier."""
    text = "# Owl Papers\n\n## Forecasting\n\n" + "".join(
        f"### {title}\n- **arXiv**: [{aid}v1](https://arxiv.org/abs/{aid}v1)\n"
        f"- **Date**: 2026-0{n}-06\n- **Abstract**: Owls forecast the weather at night.\n\n"
        for n, (title, aid) in enumerate(
            [
                ("Ensemble Owl Networks for Probabilistic Forecasting", "2603.06153"),
                ("Winter forecasting of owl migration", "2602.12497"),
            ],
            start=1,
        )
    )
    found = parse(text).rows
    assert [r.title for r in found] == [
        "Ensemble Owl Networks for Probabilistic Forecasting",
        "Winter forecasting of owl migration",
    ]
    assert found[0].links == ("https://arxiv.org/abs/2603.06153v1",)


def test_a_meetings_site_among_papers_given_with_their_names_is_no_paper():
    """``**Owl Workshop** <br> ECCV, 2018. [[website]](url)`` among ``**Title** <br> *Names*
    <br> Venue, Year. [[Paper]](arxiv)``: dated as its papers are, but no names and no paper."""
    paper = "* **{t}** <br>\n*Ann Lee, Bo Chen, Cy Dee* <br>\narXiv, 2018. [[Paper]](https://arxiv.org/abs/180{n}.06757)\n\n"
    text = "# Owl Papers\n\n## MISC\n\n" + (
        "* **Visual Learning and Owl Agents in Simulation Workshop** <br>\n"
        "ECCV, 2018. [[website]](https://eccv18-owls.github.io/)\n\n"
        + "".join(
            paper.format(t=t, n=n)
            for n, t in enumerate(
                [
                    "On Evaluation of Embodied Owl Agents",
                    "OwlBot: An Open-source Framework for Owl Research",
                    "A Survey of Embodied Owls: From Simulators to Tasks",
                ],
                start=1,
            )
        )
        + "* **Closing the Reality Gap in Sim2Real Transfer for Owls** <br>\n"
        "RSS, 2020. [[website]](https://sim2owl.github.io/)\n\n"
    )
    found = parse(text)
    assert [r.title for r in found.rows] == [
        "On Evaluation of Embodied Owl Agents",
        "OwlBot: An Open-source Framework for Owl Research",
        "A Survey of Embodied Owls: From Simulators to Tasks",
    ]
    assert sum("among papers given with their names" in s.kind for s in found.skipped) == 2


def test_joint_first_marks_leave_names_names():
    """``*Ann Lee\\*, Bo Chen\\*, Cy Dee*`` under ``**Audio-Visual Owl Navigation**``: the
    marks say who contributed equally; the line is still the names, the bold line the title."""
    text = HEAD + (
        "* **Audio-Visual Owl Navigation** <br>\n"
        "*Ann Lee\\*, Bo Chen\\*, Carl Dee, Sebastia Vicenc Amengual Gari* <br>\n"
        "ECCV, 2020. [[Paper]](https://arxiv.org/pdf/1912.11474.pdf)\n"
    )
    found = parse(text).rows
    assert [(r.title, r.authors) for r in found] == [
        (
            "Audio-Visual Owl Navigation",
            "Ann Lee*, Bo Chen*, Carl Dee, Sebastia Vicenc Amengual Gari",
        )
    ]


def test_a_link_broken_over_lines_in_an_html_cell_keeps_its_title_and_target():
    """``<td><a href="doi"> Owl: A Deep Approach to<br>Owl Type Detection </a></td>``."""
    text = HEAD + (
        "<table>\n<tr><th>No.</th><th>Reference</th><th>Year</th><th>Publication</th></tr>\n"
        '<tr><td>1</td><td><a href="https://doi.org/10.1145/3292500.3330993"> Owlock: A Deep'
        " Learning Approach to<br>Semantic Owl Type Detection </a></td><td>2019</td>"
        "<td>SIGKDD</td></tr>\n"
        '<tr><td>2</td><td><a href="https://10.1145/3299869.3300065"> OSIE: Overlap Owl Search'
        " for<br>Finding Joinable Owls in Data Lakes </a></td><td>2019</td><td>SIGMOD</td></tr>\n"
        "</table>\n"
    )
    found = parse(text).rows
    assert [(r.title, r.links) for r in found] == [
        (
            "Owlock: A Deep Learning Approach to Semantic Owl Type Detection",
            ("https://doi.org/10.1145/3292500.3330993",),
        ),
        (
            "OSIE: Overlap Owl Search for Finding Joinable Owls in Data Lakes",
            ("https://10.1145/3299869.3300065",),
        ),
    ]
    assert extract("https://10.1145/3299869.3300065") == ["doi:10.1145/3299869.3300065"]


def test_a_linked_pdf_signed_by_its_authors_is_a_paper_among_blog_posts():
    """``* [Title](x.pdf) by Ann Lee, Bo Chen and Cy Dee`` beside two blog posts: the names
    sign a paper; a post ``by Facebook`` stays a post."""
    text = "# Owl Readings\n\n2. *Using Deep Learning*\n" + (
        "  * [Restricted Owl Machines for Collaborative Hunting](http://www.cs.example.edu/~lee/"
        "papers/rbmcf.pdf) by Ann Lee, Bo Chen and Cy Dee\n"
        "  * [Recommending owls on Spotify](http://owlblog.github.io/2014/08/05/owl-cnns.html)\n"
        "  * [Owls for more than a billion people](https://code.facebook.com/posts/8619/owls/)"
        " by Facebook\n"
    )
    found = parse(text).rows
    assert [(r.title, r.authors) for r in found] == [
        ("Restricted Owl Machines for Collaborative Hunting", "Ann Lee, Bo Chen and Cy Dee")
    ]


def test_a_cells_titles_and_bylines_pair_up_with_two_names_joined_by_and():
    """``| 2023 | **Title**<br>Ann Lee, Bo Chen<br>**Title**<br>Cy Dee and Di Eck |``."""
    text = HEAD + (
        "| Year | Paper |\n| :-: | :- |\n"
        "| 2023 | **Alert Owls: Workflows and Decisions of Night Hunters**<br>Ann Lee, Bo Chen,"
        " and Cy Dee<br>**Large Owl Models for Code: Hardening and Testing**<br>Di Eck and Ed Fox"
        "<br>**Silence is not Golden: Disrupting Owl Servers**<br>Fay Gu, Hal Ito |\n"
    )
    assert [(r.title, r.authors, r.year) for r in parse(text).rows] == [
        (
            "Alert Owls: Workflows and Decisions of Night Hunters",
            "Ann Lee, Bo Chen, and Cy Dee",
            2023,
        ),
        ("Large Owl Models for Code: Hardening and Testing", "Di Eck and Ed Fox", 2023),
        ("Silence is not Golden: Disrupting Owl Servers", "Fay Gu, Hal Ito", 2023),
    ]


def test_two_linked_titles_joined_by_a_comma_are_two_papers():
    """``[Owl VM](a.pdf), [Owl VM on ARM: Design and Implementation](b.pdf) (notes)``; a
    title's links to its slides after a comma stay that paper's."""
    text = HEAD + (
        "* [owl: the Linux Owl Machine Monitor](https://www.example.org/ols2007.pdf),"
        " [OWL/ARM: The Design and Implementation of the Owl Hypervisor]"
        "(https://www.cs.example.edu/pubs/asplos2014_owlarm.pdf) (notes on both)\n"
        "* [Dune: Safe User-level Access to Owl Features](https://www.usenix.org/x/dune.pdf),"
        " [Slides](https://www.usenix.org/x/dune-slides.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "owl: the Linux Owl Machine Monitor",
        "OWL/ARM: The Design and Implementation of the Owl Hypervisor",
        "Dune: Safe User-level Access to Owl Features",
    ]


def test_white_paper_and_tech_report_are_link_words():
    """``Title: [white paper](pdf), [OSDI paper](pdf)``: the title before the colon."""
    text = HEAD + (
        "* OwlFlow: Large-Scale Machine Learning on Heterogeneous Owl Systems:"
        " [white paper](http://download.example.org/paper/whitepaper2015.pdf),"
        " [OSDI paper](https://www.usenix.org/system/files/conference/osdi16/osdi16-owl.pdf)\n"
        "* OwlNet: Flying at Scale: [tech report](https://www.example.edu/tr/owlnet.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwlFlow: Large-Scale Machine Learning on Heterogeneous Owl Systems",
        "OwlNet: Flying at Scale",
    ]


def test_a_bold_code_tag_ending_in_a_year_is_where_it_appeared_not_the_title():
    """``Title.  **`Owl Computing Networks 2022`** [[Paper](url)]``: a venue the lexicon does
    not know, tagged as the list tags its venues; the title is the text before it."""
    text = HEAD + (
        "- Deep Owl Embedding for Night Discovery: Comparison and Optimization.  **`Owl Computing"
        " Networks 2022`** [[Paper](https://onlinelibrary.wiley.com/doi/full/10.1155/2022/52)]\n"
        "- Unified Pre-training for Owl Understanding and Generation.  **`NAACL HLT 2021`**"
        " [[Paper](https://par.nsf.gov/servlets/purl/10336701)]\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Deep Owl Embedding for Night Discovery: Comparison and Optimization", 2022),
        ("Unified Pre-training for Owl Understanding and Generation", 2021),
    ]


def test_names_then_a_venue_in_one_italic_span_leave_the_title():
    """``Title, *Juntang Zhuang, Arxiv.*``, ``Title, *John Paul T. Yusiong et al, ACIIDS.*``,
    ``Title, *Cl´ement Zotti et al, Arxiv*``; words in italics that are no names stay."""
    text = HEAD + (
        "1. OwlNET: Multi-path networks based on U-Net for owl segmentation, *Juntang Zhuang,"
        " Arxiv.* [pdf](https://example.com/files/owlnet.pdf)\n"
        "1. Multi-scale Owls in Autoencoder for Semantic Segmentation, *John Paul T. Yusiong et"
        " al, ACIIDS.* [pdf](https://link.springer.com/content/pdf/10.1007%2F978-3-030-1_51.pdf)\n"
        "1. OwlGrid with automatic shape prior registration, *Cl´ement Zotti et al, Arxiv*."
        " [pdf](https://arxiv.org/pdf/1705.08943v2.pdf)\n"
        "1. Learning in night segmentation, *Semantic Owl Segmentation*."
        " [pdf](https://arxiv.org/pdf/1705.08944v2.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwlNET: Multi-path networks based on U-Net for owl segmentation",
        "Multi-scale Owls in Autoencoder for Semantic Segmentation",
        "OwlGrid with automatic shape prior registration",
        "Learning in night segmentation, Semantic Owl Segmentation",
    ]


def test_names_then_a_stop_then_the_title_and_a_dashed_venue():
    """``Ann Lee and Bo Chen. Title, ACL-2020 theme track, [[paper]]``, ``Title,
    InterSpeech2021-2021``, ``Title, ICLR-2020(under review)``; a title before its names
    (``Relational Owl Distillation. Park, Wonpyo et al. CVPR 2019``) keeps its place."""
    text = HEAD + (
        "- Ann Sperber and Bo Paulik. Owl Translation and the End-to-End Promise, ACL-2020 theme"
        " track, [[paper]](https://arxiv.org/pdf/2004.06358)\n"
        "- End-to-end Owl Translation via Cross-modal Training, InterSpeech2021-2021,"
        " [[paper]](https://arxiv.org/abs/2104.10380)\n"
        "- Monotonic Multihead Owl Attention, ICLR-2020(under review),"
        " [[paper]](https://openreview.net/pdf?id=Hyg96gBKPS)\n"
        "- Relational Owl Distillation. Park, Wonpyo et al. CVPR 2019"
        " [[paper]](https://arxiv.org/abs/1904.05068)\n"
    )
    found = parse(text).rows
    assert [(r.title, r.year) for r in found] == [
        ("Owl Translation and the End-to-End Promise", 2020),
        ("End-to-end Owl Translation via Cross-modal Training", 2021),
        ("Monotonic Multihead Owl Attention", 2020),
        ("Relational Owl Distillation", 2019),
    ]
    assert found[0].authors == "Ann Sperber and Bo Paulik"


def test_papers_under_short_labels_of_year_and_venue_are_papers_with_both():
    """``- **Year 2019**`` / ``- **TIP**`` / ``- Title [[Paper]](url)``: the labels name the
    group (its year, its venue); the bullet is the paper, not a field of "Year 2019"."""
    text = HEAD + (
        "- <span id='y2019'>**Year 2019**</span>\n"
        "  - **TIP**\n"
        "    - Deep Portrait Owl Completion and Extrapolation"
        " [[Paper]](https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8866746)\n"
        "  - **ICCV**\n"
        "    - ***OwlNet:*** Compatible and Diverse Owl Inpainting"
        " [[Paper]](https://openaccess.thecvf.com/content_ICCV_2019/papers/Han_OwlNet.pdf)\n"
    )
    assert rows(text) == [
        ("Deep Portrait Owl Completion and Extrapolation", "TIP", 2019),
        ("OwlNet: Compatible and Diverse Owl Inpainting", "ICCV", 2019),
    ]


def test_a_year_heading_may_say_year():
    text = "# Owl Papers\n\n## Year 2021\n\n- [Owls at Night](https://arxiv.org/abs/2101.00001)\n"
    assert rows(text) == [("Owls at Night", None, 2021)]


def test_arxivs_old_mirrors_name_the_preprint():
    assert extract("http://cn.arxiv.org/abs/1706.02863") == ["arxiv:1706.02863"]
    assert extract("http://xxx.lanl.gov/abs/hep-th/9901001") == ["arxiv:hep-th/9901001"]


def test_a_day_first_reading_date_leaves_the_title():
    """``+ 2/08/2019 [[notes](x.pdf)] Title.``: the day the group read it."""
    text = "# Owl Papers\n\n## Schedule\n\n" + (
        "+ 2/08/2019 [[notes](./notes/owls.pdf)] Neural Owl Kernel: Convergence and"
        " Generalization in Owl Networks.\n"
        "+ 23/08/2019 On Lazy Owl Training in Differentiable Programming\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Neural Owl Kernel: Convergence and Generalization in Owl Networks",
        "On Lazy Owl Training in Differentiable Programming",
    ]


def test_a_book_cited_by_its_authors_under_a_books_heading_is_kept():
    """``### Books`` / ``* Ann Lee and Bo Chen. ["Title."](site)``: a book, cited; an unsigned
    item there (``* [Owl Handbook](site)``) is still the section's kind of thing, skipped."""
    text = "# Owl Resources\n\n### Books\n\n" + (
        '* Ann Lee and Bo Chen. ["The Book of Owls: The New Science of Night."]'
        "(http://owls.example.edu/WHY/)\n"
        "* [Owl Handbook for Beginners](http://owls.example.org/handbook/)\n"
    )
    found = parse(text).rows
    assert [(r.title, r.authors) for r in found] == [
        ("The Book of Owls: The New Science of Night", "Ann Lee and Bo Chen")
    ]


def test_arxiv_ids_written_with_a_space_or_split_after_their_dot():
    """``arXiv preprint arXiv:1908. 00723 (2019)``: one id, and 2019 its year (not 1908);
    ``(*Arxiv 2201.08802*) Title.``: the preprint of an item that links nothing."""
    text = HEAD + (
        "- [x] 49. Li, J. Universal Transforming Owl Network. arXiv preprint arXiv:1908. 00723"
        " (2019).\n"
        "- (*Arxiv 2201.08802*) Deconfounding to explanation evaluation in owl networks.\n"
    )
    found = parse(text).rows
    assert [(r.title, r.year, r.links) for r in found] == [
        ("Universal Transforming Owl Network", 2019, ("https://arxiv.org/abs/1908.00723",)),
        (
            "Deconfounding to explanation evaluation in owl networks",
            2022,
            ("https://arxiv.org/abs/2201.08802",),
        ),
    ]


def test_a_table_whose_first_column_names_data_sets_lists_no_papers():
    """``| Dataset Name | Description | Scale | Download Link |``: data sets, whatever column
    is taken for titles; a table of papers about data sets says "Paper" in its title column."""
    text = "# Owl Papers\n\n## Datasets\n\n" + (
        "| Dataset Name | Description | Scale | Download Link |\n| --- | --- | --- | --- |\n"
        "| **OwlNet** | Large-scale 3D owl dataset | 55 categories, 51.3K owls |"
        " [Link](https://owlnet.org/) |\n"
        "| **OwlScan** | RGB-D owl video dataset | 1513 scenes |"
        " [Link](http://www.owl-scan.org/) |\n"
        "\n| Dataset | Paper | Year |\n| --- | --- | --- |\n"
        "| OwlSet | [OwlSet: A Benchmark of Night Owls](https://arxiv.org/abs/2101.00001)"
        " | 2021 |\n"
    )
    found = parse(text)
    assert [r.title for r in found.rows] == ["OwlSet: A Benchmark of Night Owls"]
    assert sum(s.kind == "row of a table of dataset" for s in found.skipped) == 2
