"""Rules made after the fourteenth round's held-out and blind lists were measured (reported
apart from the design's figures), each shown on invented papers."""

from __future__ import annotations

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def titles(text: str) -> list[str]:
    return [r.title for r in parse(HEAD + text).rows]


def test_a_capitalised_in_before_the_venue_is_no_part_of_the_title():
    """``Title. In *COLT 2016*. [[pdf](url)]``: "In" leads the venue."""
    text = (
        "- Gradient descent only converges to owl minimizers. In *COLT 2016*."
        " [[pdf](http://proceedings.mlr.press/v49/lee16.pdf)]\n"
        "- A bayesian perspective on owl generalization. In *ICLR 2018*."
        " [[pdf](https://openreview.net/pdf?id=BJij4yg0Z)]\n"
    )
    assert titles(text) == [
        "Gradient descent only converges to owl minimizers",
        "A bayesian perspective on owl generalization",
    ]


def test_papers_in_paragraphs_under_a_bullet_that_says_what_they_are_about():
    """``- Collect data from owl sources, e.g., databases, etc.`` over paragraphs of
    ``**Title** *Names* 2022 [[Paper]](url)``, one or several: the papers, not the line; a
    quoted title over its byline paragraph stays one paper."""
    text = (
        "- Definition and discussion of owl-used tools\n\n"
        "   **Owl tool behavior: the use and manufacture of tools by owls** *Lee, Ann, and Bo"
        " Chen.* 2011 [[Book](https://books.google.com/books?id=Dx7slq__udwC)]\n\n"
        "- Collect data from structured owl sources, e.g., databases, knowledge graphs, etc.\n\n"
        "  **OwlDA: Owl Models for Dialog Applications** *Cy, Dee, et al.* 2022.01"
        " [[Paper]](https://arxiv.org/abs/2201.08239)\n\n"
        "  **TALO: Tool Augmented Owl Models** *Ed, Fox.* 2022.05"
        " [[Preprint]](https://arxiv.org/abs/2205.12255)\n\n"
        '3. "A brief report on owlgpt 1.0: A virtual owl assistant."\n\n'
        "   *Gus Ho*\tarXiv 2023\t[[paper](https://doi.org/10.48550/arXiv.2302.05729)]\n"
    )
    assert titles(text) == [
        "Owl tool behavior: the use and manufacture of tools by owls",
        "OwlDA: Owl Models for Dialog Applications",
        "TALO: Tool Augmented Owl Models",
        "A brief report on owlgpt 1.0: A virtual owl assistant",
    ]


def test_dated_headings_that_quote_a_title_and_link_its_paper_are_papers():
    """``#### [Mar 2025] "Title (MINJA)" [[paper](arxiv)]`` over ``- **概要**: ...`` and
    ``- **差分・新規性**: ...`` notes: a paper each."""
    text = (
        '#### [Mar 2025] "A Practical Owl Injection Attack against Owl Agents (MINJA)"'
        " [[paper](https://arxiv.org/abs/2503.03704)]\n"
        "- **概要**: 過去のやり取りをメモリバンクに蓄積するエージェントに対する攻撃。\n"
        "- **差分・新規性**: エージェント内部への直接アクセスを必要としない攻撃。\n\n"
        '#### [Feb 2026] "ZOMBIE OWLS: Persistent Control of Self-Evolving Owl Agents"'
        " [[paper](https://arxiv.org/abs/2602.15654)]\n"
        "- **概要**: 自己進化型エージェントに対するブラックボックス攻撃。\n"
    )
    assert titles(text) == [
        "A Practical Owl Injection Attack against Owl Agents",
        "ZOMBIE OWLS: Persistent Control of Self-Evolving Owl Agents",
    ]


def test_readings_listed_inside_a_sites_html_block_each_linking_google_scholar():
    """``<div class="required_reading" markdown="1">`` over ``* [Title](scholar?cluster=)``
    lines: the site's renderer reads a list there, a reading a line, and Scholar's entry for
    a paper links that paper."""
    text = (
        '<div class="reading">\n<div class="required_reading" markdown="1">\n'
        "* [Efficient locking for concurrent operations on owl trees]"
        "(https://scholar.google.com/scholar?cluster=4919657903329720293&hl=en)\n"
        "* [Improved query performance with owl indexes]"
        "(http://scholar.google.com/scholar?cluster=3279297021955127822)\n"
        "</div>\n</div>\n"
    )
    assert [(r.title, r.line) for r in parse(HEAD + text).rows] == [
        ("Efficient locking for concurrent operations on owl trees", 7),
        ("Improved query performance with owl indexes", 8),
    ]
