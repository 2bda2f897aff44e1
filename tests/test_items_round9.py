"""Rules of the ninth round of real lists, each shown on invented papers: general readings
(a paper dated in a list that links only code, a title opening with its own bracketed words,
a paper listed twice under its coined name and under its title), not one list's shape."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from delbib.cli import main
from delbib.lists.render import END, START
from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_a_dated_title_whose_only_link_is_its_code_in_a_list_linking_no_paper():
    """``* 2018 Title ([tool](github))`` among ``* 2011 Title``: a list that links none of its
    papers links some of their code; a dated title is the paper, a bare tool stays a tool."""
    text = HEAD + (
        "* 2011 Directed Incremental Owl Tracking\n\n"
        "* 2015 Under-Constrained Owl Tracking for Real Forests\n\n"
        "* 2020 Efficient Multiplex Owl Tracking with Adaptive Search\n\n"
        "* 2018 Chopped Owl Tracking ([chopper](https://github.com/owl/chopper))\n\n"
        "* 2017 Rethinking pointer reasoning in owl tracking"
        " ([MEMSIGHT](https://github.com/owl/memsight))\n\n"
        "* [OwlKit](https://github.com/owl/kit) - a toolkit for owls\n"
    )
    got = [(r.title, r.year) for r in parse(text).rows]
    assert got == [
        ("Directed Incremental Owl Tracking", 2011),
        ("Under-Constrained Owl Tracking for Real Forests", 2015),
        ("Efficient Multiplex Owl Tracking with Adaptive Search", 2020),
        ("Chopped Owl Tracking", 2018),
        ("Rethinking pointer reasoning in owl tracking", 2017),
    ]


def test_a_title_opening_with_its_own_words_in_brackets_keeps_them():
    """``(Just) A Spoonful of ...``, ``2016 (State of) The Art of ...``: the bracket is the
    title's first words; ``(black-box) Title`` is a tag before it."""
    text = HEAD + (
        "- (Just) A Spoonful of Owl Refinements Helps. ICCV'2021"
        " [[paper]](https://arxiv.org/abs/2108.00001)\n"
        "- (black-box) Owl Attacks on Nest Cameras. ICCV'2021"
        " [[paper]](https://arxiv.org/abs/2108.00002)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "(Just) A Spoonful of Owl Refinements Helps",
        "Owl Attacks on Nest Cameras",
    ]
    dated = HEAD + (
        "* 2011 Directed Incremental Owl Tracking\n\n"
        "* 2016 (State of) The Art of Owl Flight: Offensive Techniques"
        " ([kit](https://github.com/owl/kit))\n"
    )
    assert [(r.title, r.year) for r in parse(dated).rows][1] == (
        "(State of) The Art of Owl Flight: Offensive Techniques",
        2016,
    )


def test_a_link_word_in_the_plural_is_a_link_word():
    """``[🌐 Projects Page]`` under a paper's heading names a page, as ``Project Page`` does:
    the heading over it is one paper."""
    text = HEAD + (
        "### Owl3D: Fast Text-to-Owl with Sparse Views\n\n"
        "**Author**: Ann Lee, Bo Chen\n\n"
        "**Date**: 10 Nov 2023\n\n"
        "[📄 Paper](https://arxiv.org/pdf/2311.00001) |"
        " [🌐 Projects Page](https://owl3d.example.org/)\n\n"
        "### OwlDream: Multi-view Diffusion for Owls\n\n"
        "**Author**: Cy Dee, Ed Fox\n\n"
        "**Date**: 31 Aug 2023\n\n"
        "[📄 Paper](https://arxiv.org/pdf/2308.00002) |"
        " [🌐 Projects Pages](https://owldream.example.org/)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Owl3D: Fast Text-to-Owl with Sparse Views",
        "OwlDream: Multi-view Diffusion for Owls",
    ]
    assert rows[0].links[0] == "https://arxiv.org/pdf/2311.00001"


def test_a_heading_over_a_labelled_byline_with_no_link_is_the_paper():
    """``### [CVPR '2024 Highlight] Title`` / ``**Author**: names`` / ``**Date**: ...`` and an
    abstract, nothing linked: the paper the byline signs, not its author line."""
    text = HEAD + (
        "### [CVPR '2024 Highlight] OwlRich: A Normal-Depth Model for Owl Detail\n\n"
        "**Author**: Ann Lee, Bo Chen, Cy Dee\n\n"
        "**Date**: 28 Nov 2023\n\n"
        "<details span>\n<summary><b>Abstract</b></summary>\n"
        "Lifting owls to 3D is hard. We propose a model.\n</details>\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors) for r in rows] == [
        ("OwlRich: A Normal-Depth Model for Owl Detail", "Ann Lee, Bo Chen, Cy Dee")
    ]


PAPER = "https://aclanthology.org/2024.owl-1.246/"


def _import_then_render(tmp_path, text):
    listing = tmp_path / "owls.md"
    listing.write_text(text, encoding="utf-8")
    catalog = tmp_path / "catalog"
    runner = CliRunner()
    done = runner.invoke(main, ["--catalog", str(catalog), "import-markdown", str(listing)])
    assert done.exit_code in (0, 1), done.output
    entries = list((catalog / "papers").glob("*.yaml"))
    done = runner.invoke(main, ["--catalog", str(catalog), "render-list", "-o", str(listing)])
    assert done.exit_code == 0, done.output
    return entries, listing.read_text(encoding="utf-8")


def test_a_paper_listed_by_its_coined_name_then_by_its_title_is_titled_by_the_title(tmp_path):
    """``**OwlEval** — what it does [[paper]](acl)`` and later ``[Title](acl)``, or a short
    title and later the same words written out: one entry, titled as the paper is;
    render-list right after gives every item back as written."""
    text = "\n".join(
        [
            "# Owl Papers",
            "",
            START,
            "## Benchmarks",
            "",
            f"* **OwlEval** — A benchmark of owl calls over 26 data sets. [[paper]]({PAPER})",
            "* **Self-Consistent Owl Generation (SCOG)** — Runs a model many times."
            " [[paper]](https://arxiv.org/abs/2101.00001)",
            "",
            "## Papers",
            "",
            f"* [Owl Call Analysis in the Era of Large Models: A Reality Check]({PAPER}) — 2024",
            "* [Self-Consistent Owl Generation for Dimensional Calls (SCOG)]"
            "(https://arxiv.org/abs/2101.00001) — arXiv 2026",
            "",
            END,
            "",
        ]
    )
    entries, after = _import_then_render(tmp_path, text)
    titles = sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["title"] for p in entries)
    assert titles == [
        "Owl Call Analysis in the Era of Large Models: A Reality Check",
        "Self-Consistent Owl Generation for Dimensional Calls",
    ]
    assert re.sub(r'<a id="delbib-[^"]*"></a>', "", after) == text


def test_a_numbered_title_then_its_fields_as_paragraphs():
    """``1. Title <br>`` (GitHub ends the list there) or ``1.Title`` typed without a space,
    then ``**Summary:**``, ``作者: names`` and ``论文链接: url`` paragraphs: one paper each,
    the next number opening the next; a title broken by a plain newline goes on."""
    text = HEAD + (
        "#### 11月18日 <br>\n"
        "1. Competitive Analysis for Owl Nests <br>\n\n"
        "**Summary:**<br>\n*Given an owl network, this work proposes a nest problem.*\n\n"
        "作者: Ann Lee, Bo Chen <br>\n"
        "论文链接: https://owls.example.org/nests.pdf <br>\n\n"
        "#### 9月4日<br>\n"
        "1.OWL-GCN: Adaptive Multi-channel Owl Networks<br>\n\n"
        "作者： Cy Dee; Ed Fox<br>\n"
        "论文链接 https://arxiv.org/abs/2007.00001<br>\n\n"
        "2.Doing in One Go: Delivery Time Inference\n"
        "Based on Owls’ Trajectories<br>\n\n"
        "作者： Gil Ho, Ida Jo<br>\n"
        "论文链接 https://owls.example.org/go.pdf<br>\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors) for r in rows] == [
        ("Competitive Analysis for Owl Nests", "Ann Lee, Bo Chen"),
        ("OWL-GCN: Adaptive Multi-channel Owl Networks", "Cy Dee; Ed Fox"),
        ("Doing in One Go: Delivery Time Inference Based on Owls’ Trajectories", "Gil Ho, Ida Jo"),
    ]
    assert rows[1].links == ("https://arxiv.org/abs/2007.00001",)


def test_reference_tails_and_leads_around_a_plain_title():
    """The ACM reference format's tail (``. In Proceedings of ... (OWL '19)``, ``. The Owl
    Journal 33, 5 (Sep 2024), 1591–1615.``), a year before a dash, names before a dash, and
    a citation whose only link is its bare address."""
    text = HEAD + (
        "  * Lessons and actions: what we learned from 10K owl failures. In Proceedings of the"
        " 2019 Owl Conference (OWL '19). Owl Association, USA, 961–975."
        " https://owls.example.org/atc19\n"
        "  * 2024 - Survey of owl database systems. The Owl Journal 33, 5 (Sep 2024),"
        " 1591–1615. https://doi.org/10.1007/s00778-024-00001-x\n"
        "  * 2022 - Ann Lee, Bo Chen - Key-Value Stores on Owl Devices: A Survey,"
        " https://arxiv.org/abs/2205.00001, May 2022.\n"
        "  * Cy Dee and Ed Fox. 2022. Blaze: fast owl processing on fast nests. In Proceedings"
        " of the International Conference on Owls (SC '22). Owl Press, Article 44, 1–15."
        " (Github: https://github.com/owl/blaze)\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.year) for r in rows] == [
        ("Lessons and actions: what we learned from 10K owl failures", 2019),
        ("Survey of owl database systems", 2024),
        ("Key-Value Stores on Owl Devices: A Survey", 2022),
        ("Blaze: fast owl processing on fast nests", 2022),
    ]
    assert rows[0].venue == "OWL '19"
    assert rows[1].venue == "The Owl Journal"
    assert rows[3].authors == "Cy Dee and Ed Fox"


def test_numbered_references_to_several_papers_are_not_a_paper():
    """``| Traffic Flow | Graph | [1] [2] [3] |``: a row that cites papers by number (a data
    set's uses), not a paper; a linked title in brackets (``<a>[Title]</a>``) is the title."""
    text = HEAD + (
        "<table>\n<tr><th>Title</th><th>Domain</th><th>Uses</th></tr>\n"
        '<tr><td>Lee et al. <a href="https://doi.org/10.1145/1.2">[Owl Entity Resolution'
        "]</a></td><td>Nests</td><td>2022</td></tr>\n"
        "<tr><td>Owl Flow</td><td>Graph</td>"
        '<td>[<a href="https://arxiv.org/pdf/1905.00001">1</a>]'
        '[<a href="https://doi.org/10.1109/owl.3">2</a>]</td></tr>\n</table>\n'
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == ["Owl Entity Resolution"]
    assert [s.kind for s in parsed.skipped if s.line >= 7] == [
        "references to several papers (a row or note citing them)"
    ]


def test_table_title_cells_broken_with_br_or_holding_two_linked_titles():
    """A title broken onto the cell's next lines (``... with Adversarial <br>Self-Supervised
    Learning for Owls <br>and Security``) is one title; two linked titles one a line are two
    papers sharing the row's other cells."""
    text = HEAD + (
        "| Name | Paper | Year |\n|---|---|---|\n"
        "| EUPAC | Enhanced Owl Profiling with Adversarial  <br>Self-Supervised Learning for"
        " Robust Owls  <br>and Security | 2024 |\n"
        "| GLEU | [Ground Truth for Owl Call Metrics](https://aclanthology.org/P15-0001)<br>"
        "[GLEU Without Owls](https://arxiv.org/abs/1605.00001) | 2015 |\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        (
            "Enhanced Owl Profiling with Adversarial Self-Supervised Learning for Robust Owls and"
            " Security",
            2024,
        ),
        ("Ground Truth for Owl Call Metrics", 2015),
        ("GLEU Without Owls", 2015),
    ]


def test_a_short_title_over_a_labelled_authors_line_and_a_quoted_subtitle():
    """``1. Graph-Theoretic Owls`` / ``Authors: Ann Lee, Bo Chen`` / ``IEEE OwlVis 2005``:
    the two words are the title (the names are labelled below it); a title ending in a
    quoted subtitle after its colon keeps it."""
    text = "# Owl Papers\n\n## IEEE OwlVis 2005\n\n" + (
        "1. Graph-Theoretic Owls  \nAuthors: Ann Lee, Bo Chen, Cy Dee  \nIEEE InfoVis 2005\n"
        "1. Exploring the Owl Analysis Gap: “There’s a Lot of Mice”  \n"
        "Authors: Ed Fox, Gil Ho  \nIEEE InfoVis 2005\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors) for r in rows] == [
        ("Graph-Theoretic Owls", "Ann Lee, Bo Chen, Cy Dee"),
        ("Exploring the Owl Analysis Gap: “There’s a Lot of Mice”", "Ed Fox, Gil Ho"),
    ]


def test_a_paper_link_pasted_after_a_repository_address_keeps_its_paper():
    """``[Paper](github.com/o/r/blob/main/[dl.acm.org/doi/X](https:/dl.acm.org/doi/X))``:
    GitHub shows one link; the paper's address is the one pasted inside it."""
    text = HEAD + (
        "| Name | Title | Venue | Paper |\n|---|---|---|---|\n"
        "| OwlCLIP | OwlCLIP: Learning Text-enhanced Owl Profiling | WWW2024 | [Paper]("
        "https://github.com/owl/list/blob/main/%5bdl.acm.org/doi/pdf/10.1145/3589334.3645378"
        "%5d\\(https:/dl.acm.org/doi/pdf/10.1145/3589334.3645378\\)) |\n"
    )
    assert parse(text).rows[0].links == ("https://dl.acm.org/doi/pdf/10.1145/3589334.3645378",)


def test_a_linked_heading_over_names_and_venue_in_paragraphs_of_their_own():
    """``#### [Title](doi)`` / ``*Ann Lee, Bo Chen*`` / ``*SIGIR 2024*`` / a summary citing
    another paper: the heading is the paper, signed and placed by the two short paragraphs."""
    text = HEAD + (
        "*2024-03-31*\n\n"
        "#### [Ranking of Owl Summaries](https://doi.org/10.1109/ICDE.2009.171)\n\n"
        "*Ann Lee, Bo Chen*\n\n*ICDE 2009*\n\n"
        "This paper ranks owl summaries, extending "
        "[Automated generation of owl summaries](https://doi.org/10.1145/1.2).\n\n"
        "#### [Owl Search over Relational Nests](https://doi.org/10.1007/978-3-540-87877-3_34)\n\n"
        "*Cy Dee, Ed Fox*\n\n*CIKM 2008*\n\nThis paper searches nests.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Ranking of Owl Summaries", "Ann Lee, Bo Chen", 2009),
        ("Owl Search over Relational Nests", "Cy Dee, Ed Fox", 2008),
    ]
    assert rows[0].links == ("https://doi.org/10.1109/ICDE.2009.171",)


def test_a_topic_heading_over_one_long_linked_title_is_a_topic():
    """``## Owl Expression Comprehension`` over one ``+ [**Title**](pdf) [![badge]]() <details>
    ...</details>`` item, its inline summary making the line long: the item is the paper, the
    heading its category."""
    summary = "To mitigate this gap, we leverage large owl models " * 5
    text = HEAD + (
        "## Owl Expression Comprehension\n\n"
        "+ [**Zero-shot Owl Expression Comprehension via Structural Similarity Between Owls"
        " and Captions**](https://owls.example.org/zero.pdf)"
        " [![Paper](https://img.shields.io/badge/CVPR24-8A2BE2)]()"
        f" <details><summary>A triplet-matching objective.</summary>{summary}</details>"
        "\n\n## Owl Generation\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Zero-shot Owl Expression Comprehension via Structural Similarity Between Owls and Captions"
    ]
    assert rows[0].categories[-1] == "Owl Expression Comprehension"


def test_an_author_date_citation_in_brackets_after_the_title():
    """``* Title (Shu et al., 2020).`` and ``(Lee and Chen, 2019)``: who wrote it and when,
    not the title's words; ``Title (ICCV 2017)`` names where."""
    text = HEAD + (
        "* FakeOwlNet: A Data Repository with News Content, Social Context and Owls (Shu et al.,"
        " 2020).\n  [[Dataset]](https://github.com/owl/fakeowlnet)\n"
        "* Owl Rumour Detection Techniques: A Survey (Lee and Chen, 2019)."
        " [[Paper]](https://arxiv.org/abs/1901.00001)\n"
        "* Dense-Captioning Owl Events in Videos (ICCV 2017) [[Paper]](https://arxiv.org/abs/"
        "1705.00001)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("FakeOwlNet: A Data Repository with News Content, Social Context and Owls", 2020),
        ("Owl Rumour Detection Techniques: A Survey", 2019),
        ("Dense-Captioning Owl Events in Videos", 2017),
    ]
    assert rows[2].venue == "ICCV 2017"


def test_a_bracketed_name_before_a_colon_opens_the_title_unless_coined():
    """``[Talk the Walk]: Navigating ...`` reads "Talk the Walk: Navigating ..."; a coined
    tag (``[R2R]:``, ``[EmbodiedQA]:``) or ``[Survey]:`` is the list's label, left out."""
    text = HEAD + (
        "- [Talk the Walk]: Navigating Owl City through Grounded Dialogue  \n"
        "  arXiv 2018 [[Paper]](https://arxiv.org/abs/1807.00001)\n"
        "- [R2R]: Owl-and-Language Navigation: Interpreting Owl Instructions  \n"
        "  CVPR 2018 [[Paper]](https://arxiv.org/abs/1711.00001)\n"
        "- [Survey]: Owl Navigation in Continuous Environments  \n"
        "  ICPR, 2022 [[Paper]](https://arxiv.org/abs/2108.00001)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Talk the Walk: Navigating Owl City through Grounded Dialogue",
        "Owl-and-Language Navigation: Interpreting Owl Instructions",
        "Owl Navigation in Continuous Environments",
    ]
    assert (rows[2].venue, rows[2].year) == ("ICPR", 2022)


def test_a_short_name_and_link_then_the_title_with_its_stop():
    """``**[11] FAN** [[paper]](url)`` then ``Feature Agglomeration Owl Networks for Single
    Stage Detection.``: the paragraph below is the full title, its closing stop no
    sentence's; a sentence of notes there is not."""
    text = HEAD + (
        "**[11] FAN**   [**[paper]**](https://arxiv.org/abs/1712.00001)\n\n"
        "Feature Agglomeration Owl Networks for Single Stage Detection.\n\n"
        "**[12] MS OWL**   [**[paper]**](https://arxiv.org/abs/1712.00002)\n\n"
        "This is for real-world owl question answering.\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Feature Agglomeration Owl Networks for Single Stage Detection",
        "MS OWL",
    ]


def test_a_note_in_another_script_after_a_dash_is_not_the_title():
    """``OwlSkel: Obtaining Owl Shape (Mesh visualization) - 주어진 상태에서 뽑아낸다``: the
    note after the dash, and its English aside, are the list's."""
    text = HEAD + (
        "* <b>2022/06</b> OwlSkel: Obtaining Owl Shape from Outside (Mesh visualization) -"
        " Mesh ply 파일 주어진 상태에서 skeleton 형태로 뽑아낸다 :"
        " [[paper]](https://owls.example.org/owlskel.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == ["OwlSkel: Obtaining Owl Shape from Outside"]


def test_a_title_bold_up_to_its_colon_goes_on_after_it():
    """``***Towards Enhanced Owl Inpainting:*** Mitigating Unwanted Object Insertion and
    Preserving Color`` [[Paper]]: the bold is the title's first part, not all of it."""
    text = HEAD + (
        "- ***Towards Enhanced Image Inpainting:*** Mitigating Unwanted Object Insertion and"
        " Preserving Color Consistency [[Paper]](https://arxiv.org/pdf/2312.00001)"
        " [[Project]](https://owls.example.org/asuka/) [[Code]](https://github.com/owl/asuka)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Towards Enhanced Image Inpainting: Mitigating Unwanted Object Insertion and Preserving"
        " Color Consistency"
    ]


def test_a_title_after_its_links_may_open_with_a_digit_or_read_like_names():
    """``:blue_square: `SVOS` - [paper](a) / [code](b) - 3AM: Segment Owls ...`` and ``...
    - Segment and Track Owls``: the words after the links are the title, one a paragraph."""
    text = HEAD + (
        ":blue_square: `SVOS` `Jan` &nbsp;&nbsp;-&nbsp;&nbsp; [paper](https://arxiv.org/pdf/"
        "2601.00001) / [project page](https://owls.example.org/3am) &nbsp;&nbsp;-&nbsp;&nbsp;"
        " 3AM: 3egment Owls with Geometric Consistency in Videos\n\n"
        ":white_large_square: `XVOS` &nbsp;&nbsp;-&nbsp;&nbsp; [paper](https://arxiv.org/abs/"
        "2305.00001) / [code](https://github.com/owl/sam-track) &nbsp;&nbsp;-&nbsp;&nbsp;"
        " Segment and Track Owls\n\n"
        ":white_large_square: `XVOS` &nbsp;&nbsp;-&nbsp;&nbsp; [paper](https://arxiv.org/abs/"
        "2304.00001) / [code](https://github.com/owl/track) &nbsp;&nbsp;-&nbsp;&nbsp;"
        "  Track Owls: Segment Owls Meets Videos\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "3AM: 3egment Owls with Geometric Consistency in Videos",
        "Segment and Track Owls",
        "Track Owls: Segment Owls Meets Videos",
    ]


def test_a_syllabus_reading_label_names_a_reading():
    """``- **Reading**: [Title](url), by Lee, Chen, and Ng, sections 1-4;`` among class notes:
    what the class reads, a paper, though the block lists other things."""
    text = "# Owl Class\n\n## Week 1\n\n" + (
        "- **Slides**: [intro](https://owls.example.org/intro.html)\n"
        "- **Reading**: [Censorship and deletion practices in owl social media]"
        "(https://journals.example.org/ojs/3943), by Lee, Chen, and Ng, sections 1-4;\n"
        "- **Homework**: [problem set 1](https://owls.example.org/ps1.html)\n"
        "- **Notes**: [lecture notes](https://owls.example.org/notes1.html)\n"
        "- **Wednesday reading**: [Structural diversity in owl contagion]"
        "(https://www.pnas.org/content/109/16/5962.full)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Censorship and deletion practices in owl social media",
        "Structural diversity in owl contagion",
    ]


def test_shortcodes_are_markup_and_references_under_a_heading_are_papers():
    """A course page in Hugo's markdown (``{{< tdopen >}}``, ``## {{< anchor "add" >}}Texts
    {{< /anchor >}}``): the shortcodes are no words; a heading over references (``Lee, Ann
    B. *Owl Systems Analysis*. Owl Press, 1991.``) names their section, it is no paper."""
    text = "# Owl Course\n\n" + (
        '## {{< anchor "add" >}}Additional Reference Texts{{< /anchor >}}\n\n'
        "Daganzo, Carlos F. _Owl Systems Analysis_. Springer-Verlag, 1991.\n\n"
        "Watson, H. _Computer Simulation in Owl Business._ John Wiley & Sons, 1981.\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.year) for r in rows] == [
        ("Owl Systems Analysis", 1991),
        ("Computer Simulation in Owl Business", 1981),
    ]
    assert rows[0].categories == ("Additional Reference Texts",)


def test_a_reading_group_schedule_of_signed_quoted_titles():
    """Pipe rows with no header (a schedule): ``| Sep 8 | Krifka 2000 ["Title"](url) |``:
    the quoted title after who wrote it and when is a paper; ``| Sep 15 | |`` and a date
    alone are no titles."""
    text = "# Reading group\n\n## 2021 Sem 1\n\n" + (
        "| **Aug 11--13** | [OWLCOGG 23](https://sites.example.org/owlcogg) online |\n"
        '| Aug 18 | Cinque 2005 ["Deriving Owl Universal 20 and its exceptions"]'
        "(https://doi.org/10.1162/0024389054396917) |\n"
        '| Sep  8 | Krifka 2000 ["Alternatives for Owl Particles: Semantics of *still*"]'
        "(http://journals.example.org/BLS/article/download/1125/905) |\n"
        "| Sep 15 |  |\n"
        '| Sep 22 | Lee & Chen 2016 ["Three types of owls in Persian"]'
        "(https://journals.example.org/SALT/article/view/26.244) |\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Deriving Owl Universal 20 and its exceptions", 2005),
        ("Alternatives for Owl Particles: Semantics of still", 2000),
        ("Three types of owls in Persian", 2016),
    ]


def test_an_arxiv_id_or_a_month_typed_before_a_title_linking_its_notes():
    """``[1606.08415 Gaussian Owl Units 高斯误差](notes/x.md)``, ``[201801 OwlSoftmax: ...]
    (notes/y.md)``, ``[2014 Owl Networks for Sentence Classification](notes/z.md)``: the id
    is the paper's, the month or year when it appeared; the translation after it a note."""
    text = HEAD + (
        "- [1606.08415 Gaussian Error Linear Owl Units (GELUs) 高斯误差线性单位(GELUs)]"
        "(resources/notes/dl_gelu.md)\n"
        "- [201801 OwlSoftmax: Additive Margin Softmax for Owl Verification]"
        "(resources/notes/loss_201801.md)\n"
        "- [2014 Convolutional Owl Networks for Sentence Classification]"
        "(resources/notes/cls_2014.md)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Gaussian Error Linear Owl Units", None),  # its nickname dropped, as always
        ("OwlSoftmax: Additive Margin Softmax for Owl Verification", 2018),
        ("Convolutional Owl Networks for Sentence Classification", 2014),
    ]
    assert rows[0].links == ("https://arxiv.org/abs/1606.08415",)


def test_a_bold_name_over_its_authors_then_the_quoted_title():
    """``* **OwlTrack:** Ann Lee,&nbsp;Bo Chen.<br />`` / ``"OwlTrack: A Single Shot Owl
    Tracker." CVPR (2020).``: the quoted line is the title, the bold its name."""
    text = HEAD + (
        "* **OwlTrack:** Ann Lee,&nbsp;Bo Chen,&nbsp;Cy Dee.<br />\n"
        '  "OwlTrack – A Discriminative Single Shot Owl Tracker." CVPR (2020).\n'
        "  [[paper](https://arxiv.org/abs/1911.00001)]\n"
        "* **ECO:** Ed Fox, Gil Ho, Ida Jo. \n"
        '  "ECO: Efficient Convolution Operators for Owl Tracking." CVPR (2017). \n'
        "  [[paper](https://owls.example.org/eco.pdf)]\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.year) for r in rows] == [
        ("OwlTrack – A Discriminative Single Shot Owl Tracker", 2020),
        ("ECO: Efficient Convolution Operators for Owl Tracking", 2017),
    ]


def test_fullwidth_brackets_read_as_the_ascii_ones_render_list_writes():
    """``Title（THU/ACL2019）``: read as ``Title (THU/ACL2019)`` is, so the title a rendering
    writes back (with ASCII brackets) names the same paper."""
    wide = (
        "- [201906 OWLIE: Enhanced Owl Representation with Entities（THU/ACL2019）](notes/x.md)\n"
    )
    ascii_ = (
        "- [201906 OWLIE: Enhanced Owl Representation with Entities (THU/ACL2019)](notes/x.md)\n"
    )
    first, again = parse(HEAD + wide).rows, parse(HEAD + ascii_).rows
    assert [(r.title, r.year) for r in first] == [(r.title, r.year) for r in again]
    assert first[0].year == 2019
