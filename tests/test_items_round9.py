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
