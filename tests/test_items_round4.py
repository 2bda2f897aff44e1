"""Item shapes met in the fourth round of real lists, each shown on invented papers."""

from __future__ import annotations

import pytest

from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "- **[(OwlBERT) Transfer Learning for Owl Calls](https://arxiv.org/abs/2101.00001)**",
            "Transfer Learning for Owl Calls",
        ),
        (
            "- [(Owl-RC) Text-Augmented Models for Owl Roosts](https://arxiv.org/abs/2101.00002)",
            "Text-Augmented Models for Owl Roosts",
        ),
        # a plain word in parentheses opens the title itself
        (
            "- [(Almost) Free Lunch for Owl Nests](https://arxiv.org/abs/2101.00003)",
            "(Almost) Free Lunch for Owl Nests",
        ),
        # a coined name before two words is all there is: no title would be left
        ("- [(OwlNet) Owl Nets](https://arxiv.org/abs/2101.00004)", "(OwlNet) Owl Nets"),
    ],
)
def test_a_coined_name_in_parentheses_before_the_title_is_a_nickname(line: str, title: str):
    assert titles(HEAD + line + "\n") == [title]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Recovering Owl Nests (Awarded Best Paper!).", "Recovering Owl Nests"),
        ("Recovering Owl Nests (Best Student Paper Award)", "Recovering Owl Nests"),
        ("Recovering Owl Nests [Oral]", "Recovering Owl Nests"),
        ("Recovering Owl Nests (ICLR 2023 Spotlight)", "Recovering Owl Nests"),
        ("Recovering Owl Nests (Honorable Mention)", "Recovering Owl Nests"),
        # a parenthesis of the title's own words that happen to say "oral"
        (
            "Screening for Owl Disease (Oral Cavity Lesions)",
            "Screening for Owl Disease (Oral Cavity Lesions)",
        ),
    ],
)
def test_an_award_after_the_title_is_a_note(written: str, title: str):
    text = "| Year | Title | Paper |\n|---|---|---|\n"
    text += f"| 2004 | {written} | [paper](https://www.usenix.org/owl.pdf) |\n"
    assert titles(HEAD + text) == [title]


def test_a_journal_acronym_with_a_date_as_link_words_is_where_the_paper_appeared():
    """``Title [JCIM 2303](doi)``: an acronym and a year or year-month is no title, though
    the lexicon does not know the journal."""
    text = HEAD + (
        "* Do Owls Understand Chemistry? A Conversation with an Owl "
        "[JOWL 2303](https://doi.org/10.1021/owl.3c00285)\n"
        "* Multimodal Models of Owl Representation for Nest Discovery "
        "[NOR_2511](https://academic.oup.com/nor/article/doi/10.1093/nor/nwaf495/1)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Do Owls Understand Chemistry? A Conversation with an Owl",
        "Multimodal Models of Owl Representation for Nest Discovery",
    ]
    assert all(r.kinds == ("paper",) for r in rows)


def test_a_known_venue_as_link_words_gives_venue_and_year():
    """``\\[[CoRL 2023](openreview)\\] Title``, ``Title [[ICRA 2022](arxiv)]``: the paper
    link's words say where it appeared."""
    text = HEAD + (
        "- \\[[CoRL 2023](https://openreview.net/forum?id=owl1)\\] Owls Grasp Anything "
        "\\[[Project](https://owls.example.org)\\]\n"
        "- Learning to Hoot from Play [[ICRA 2022](https://arxiv.org/abs/2201.00001)]\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows] == [
        ("Owls Grasp Anything", "CoRL 2023", 2023),
        ("Learning to Hoot from Play", "ICRA 2022", 2022),
    ]


def test_a_link_whose_target_never_closes_still_gives_its_title():
    """``[Title](https://x.org/S2666-3864(25)``: GitHub shows it as typed, brackets and all;
    a reader reads the title in the brackets, not the address."""
    text = HEAD + (
        "- **[(OwlDFM) Developing OwlDFM as a Foundation Model for Owls]"
        "(https://www.owls.example/fulltext/S2666-3864(25)** | "
        "[![Stars](https://img.shields.io/github/stars/a/b)](https://github.com/a/b)\n"
        "- **[A Title With (Parens) Inside](https://arxiv.org/abs/2101.00001)**\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Developing OwlDFM as a Foundation Model for Owls",
        "A Title With (Parens) Inside",
    ]
    assert any(link.startswith("https://www.owls.example/fulltext/") for link in rows[0].links)
