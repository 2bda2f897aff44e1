"""Rules made after the thirteenth round's held-out and blind lists were measured (reported
apart from the design's figures), each shown on invented papers: a venue line over the title
in a table cell, a bold label repeated by the title after it, code-span tags after a table
cell's title, tutorials named by their teachers, and MLA and BibTeX-name references."""

from __future__ import annotations

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_a_venue_line_over_the_linked_title_in_a_table_cell():
    """``| ICLR22 <br />[Title](arxiv) <br /> Names <br /> [Github](url) | summary |``."""
    text = HEAD + (
        "| Title & Author & Link | Introduction |\n| --- | --- |\n"
        "| ICLR22 <br />[OwlQ: Accurate Post-Training Quantization for Owls]"
        "(https://arxiv.org/abs/2210.17323) <br /> Ann Lee, Bo Chen <br />"
        " [Github](https://github.com/o/owlq) | Quantizes owls. |\n"
        "| MLSys24_BestPaper <br /> [OWQ: Activation-aware Owl Quantization]"
        "(https://arxiv.org/abs/2306.00978) <br />Cy Dee, Di Eck | Keeps salient owls. |\n"
    )
    found = parse(text).rows
    assert [(r.title, r.authors) for r in found] == [
        ("OwlQ: Accurate Post-Training Quantization for Owls", "Ann Lee, Bo Chen"),
        ("OWQ: Activation-aware Owl Quantization", "Cy Dee, Di Eck"),
    ]


def test_a_bold_label_that_the_title_repeats_is_the_lists_not_the_titles():
    """``**OwlMOTR**: OwlMOTR: Long-Term ...``: the label, then the title naming itself; a
    label before a title of its own words stays (``**PASTA**: Is Owl Tracking ...?``)."""
    text = HEAD + (
        "**OwlMOTR**: OwlMOTR: Long-Term Memory for Multi-Owl Tracking"
        " [[paper](https://arxiv.org/abs/2307.15700)] **ICCV 2023**\n\n"
        "**SambaOwl**: Samba: Synchronized Set-of-Sequences Modeling for Owl Tracking"
        " [[paper](https://arxiv.org/abs/2410.01806)] **ICLR 2025**\n\n"
        "**PASTA**: Is Multiple Owl Tracking a Matter of Specialization?"
        " [[paper](https://arxiv.org/pdf/2411.00553)] **NeurIPS 2024**\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwlMOTR: Long-Term Memory for Multi-Owl Tracking",
        "Samba: Synchronized Set-of-Sequences Modeling for Owl Tracking",
        "PASTA: Is Multiple Owl Tracking a Matter of Specialization?",
    ]


def test_code_span_tags_after_a_table_cells_title_leave_it():
    """``| 2021 | **PAMI** | Owl Detection in Aerial Images `DOTA` <br> *Names* | [Paper] |``."""
    text = HEAD + (
        "| No. | Year | Pub. | Title | Links |\n| --- | --- | --- | --- | --- |\n"
        "| 01 | 2021 | **PAMI** | Owl Detection in Aerial Images: A Large-Scale Benchmark `DOTA`"
        " <br><sub><sup>*Ann Lee, Bo Chen, et al.*</sup></sub> |"
        " [Paper](https://arxiv.org/abs/2102.12219) |\n"
        "| 02 | 2022 | TMM | OwlZoom: Towards Scale-Aware Large Owl Detection ``HBB``"
        " <br><sub><sup>*Cy Dee, Di Eck, et al.*</sup></sub> |"
        " [Paper](https://ieeexplore.ieee.org/document/9786052) |\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owl Detection in Aerial Images: A Large-Scale Benchmark",
        "OwlZoom: Towards Scale-Aware Large Owl Detection",
    ]


def test_a_tutorial_with_its_teachers_but_only_a_website_is_no_paper():
    """``## Tutorials`` / ``- **Owl Learning: Foundations** [[website]](x)`` / ``- A. Lee, B.
    Chen, **IJCAI 2017**``: a tutorial, named by who gave it; a tutorial's paper (its link
    says paper) stays."""
    text = "# Owl Learning\n\n## Tutorials\n" + (
        "- **Owl Learning: Foundations and Recent Trends**"
        " [[website]](http://www.cs.example.edu/~owls/ijcai17_tutorial/)\n"
        "    - A. Lee, B. Chen, **IJCAI 2017**\n"
        "- **Owl Learning: A Survey for the Tutorial** [[paper]](https://arxiv.org/abs/1707.00001)\n"
        "    - A. Lee, B. Chen, **IJCAI 2017**\n"
    )
    assert [r.title for r in parse(text).rows] == ["Owl Learning: A Survey for the Tutorial"]


def test_mla_references_and_titles_before_bibtex_names():
    """``Dolmage, Jay T. Title. University Press, 2017.``, ``Wong, Alice, ed. Title. Vintage,
    2020.``, and ``Title, Barocas, Solon and Crawford, Kate, 2017``: references with no link."""
    text = HEAD + (
        "- Wong, Alice, ed. Owl visibility: First-person stories from the night. Vintage, 2020.\n"
        "- Dolmage, Jay T. Academic owls: Nocturnal higher education. University of Owl Press,"
        " 2017.\n"
        "- The problem with owls: Allocative versus representational harms in flight, Barocas,"
        " Solon and Crawford, Kate and Wallach, Hanna, 2017\n"
    )
    found = parse(text).rows
    assert [(r.title, r.authors, r.venue, r.year) for r in found] == [
        ("Owl visibility: First-person stories from the night", "Wong, Alice", "Vintage", 2020),
        (
            "Academic owls: Nocturnal higher education",
            "Dolmage, Jay T.",
            "University of Owl Press",
            2017,
        ),
        (
            "The problem with owls: Allocative versus representational harms in flight",
            "Barocas, Solon and Crawford, Kate and Wallach, Hanna",
            None,
            2017,
        ),
    ]
