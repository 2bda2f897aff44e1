"""Rules made after the fourteenth round's held-out and blind lists were measured (reported
apart from the design's figures), each shown on invented papers: a venue line over the title
in a table cell, a bold label repeated by the title after it, and code-span tags after a
table cell's title."""

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
