"""Item shapes met in the fourth round's held-out lists, each shown on invented papers."""

from __future__ import annotations

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Reviews\n\n"


def test_a_line_of_links_under_the_title_holds_the_items_own_paper_link_whatever_its_words():
    # the link's words cite the journal, volume and year: where the paper appeared, not
    # another work named in a sentence
    text = HEAD + (
        "* **Owl flight dynamics: a survey of wing kinematics** [2024]  \n"
        " Lee, A., & Park, B.  \n"
        "  [J. Avian Mech. Model. (2024)](https://doi.org/10.1234/jam.2024.001)  \n\n"
        "* **Nocturnal hunting strategies in barn owls** [2023]  \n"
        "Chen, C., Diaz, D.  \n"
        "[Current opinion in owl biology 12.3 (2023)](https://doi.org/10.1234/cob.2023.77)"
        " | [code](https://github.com/owl/hunt)  \n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Owl flight dynamics: a survey of wing kinematics",
        "Nocturnal hunting strategies in barn owls",
    ]
    assert [r.year for r in rows] == [2024, 2023]


def test_a_work_named_in_the_sentence_of_another_item_is_still_not_its_paper():
    text = "## Books\n\n" + (
        "- **The Owl Handbook** - a textbook drawing on\n"
        "  the survey [*A Survey of Owl Flight Models*](https://arxiv.org/abs/2303.00016).\n"
        "- **Hands-On Owls** - a practical guide.\n"
    )
    assert parse(text).rows == []
