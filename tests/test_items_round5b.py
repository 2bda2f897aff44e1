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


def test_a_trade_mark_is_part_of_the_name_it_marks():
    text = HEAD + (
        "1. **OwlSim™: A GPU-Accelerated Flight Simulator for Owls**, *Ann Lee, Bo Chen*, "
        "arXiv, 2021. [[paper](https://arxiv.org/abs/2101.00010)]\n"
        "2. **Owl® Wings: Materials for Silent Flight**, *Cy Diaz*, arXiv, 2022. "
        "[[paper](https://arxiv.org/abs/2101.00011)] 🦉\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwlSim™: A GPU-Accelerated Flight Simulator for Owls",
        "Owl® Wings: Materials for Silent Flight",
    ]


def test_a_plural_acronym_spelling_the_words_before_it_belongs_to_the_title():
    # a plural names a kind of model the title speaks of; it spells a hyphened word a letter
    # a part (Owl-informed: O, I). A singular one spelled so is the method's nickname.
    text = HEAD + (
        "1. **Failure Modes of Owl-informed Neural Networks (OINNs)**, *Ann Lee*, 2022. "
        "[[paper](https://arxiv.org/abs/2101.00012)]\n"
        "2. **Training with Owl-Learning Awareness (TOLA)**, *Bo Chen*, 2022. "
        "[[paper](https://arxiv.org/abs/2101.00013)]\n"
        "3. **Quiet Wings for Faster Owls (SilentNet)**, *Cy Diaz*, 2022. "
        "[[paper](https://arxiv.org/abs/2101.00014)]\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Failure Modes of Owl-informed Neural Networks (OINNs)",
        "Training with Owl-Learning Awareness",
        "Quiet Wings for Faster Owls",
    ]


def test_a_link_target_typed_in_a_second_pair_of_parentheses_is_the_address_inside():
    text = HEAD + (
        "1. **Silent flight of owls at low speed**.\n\n"
        "   *Ann Lee, Bo Chen*. OWLS 2018. [[pdf]((https://arxiv.org/abs/1801.00001))]\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.links) for r in rows] == [
        ("Silent flight of owls at low speed", ("https://arxiv.org/abs/1801.00001",))
    ]


def test_a_byline_indented_short_of_a_numbered_items_text_is_still_that_items():
    # "10. " puts the item's text four columns in; a byline three spaces in ends the list
    # as GitHub renders it, but a reader takes it for item 10's byline
    papers = "".join(
        f"{n}. **Owl study number {n} on silent flight**\n\n"
        f"{' ' * (3 if n < 10 else 4)}*Ann Lee, Bo Chen*. OWLS 2018. "
        f"[[pdf](https://arxiv.org/abs/1801.000{n:02d})]\n\n"
        for n in range(1, 10)
    )
    text = (
        HEAD
        + papers
        + (
            "10. **Owl study number 10 on silent flight**\n\n"
            "   *Ann Lee, Bo Chen*. OWLS 2018. [[pdf](https://arxiv.org/abs/1801.00010)]\n\n"
            "11. **Owl study number 11 on silent flight**\n\n"
            "    *Ann Lee, Bo Chen*. OWLS 2018. [[pdf](https://arxiv.org/abs/1801.00011)]\n"
        )
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        f"Owl study number {n} on silent flight" for n in range(1, 12)
    ]
    assert rows[9].links == ("https://arxiv.org/abs/1801.00010",)
    assert rows[9].authors == "Ann Lee, Bo Chen"


def test_a_pdf_served_by_a_query_that_names_its_type_is_a_paper_link():
    # a library's download address (".../download?id=7&type=pdf") serves the paper's PDF
    text = "## Clustering\n\n" + (
        "- [Robust clustering of owl calls](http://library.example.edu/viewdoc/download?"
        "doi=10.1.1.1.7&rep=rep1&type=pdf) - Ann Lee and Bo Chen, Owl Computing 2010.\n"
        "- [OwlKit](https://owlkit.example.org/) - a toolkit for owl calls.\n"
        "- [OwlViz](https://owlviz.example.org/) - plots of owl calls.\n"
    )
    assert [r.title for r in parse(text).rows] == ["Robust clustering of owl calls"]


def test_a_box_drawing_line_between_words_is_the_titles_dash():
    text = HEAD + (
        "* **Owl Flight for Engineers─It is About Time!** [2026]  \n"
        "Lee, A.  \n"
        "[J. Owl Res. (2026)](https://doi.org/10.1234/jor.2026.5)  \n"
    )
    assert [r.title for r in parse(text).rows] == ["Owl Flight for Engineers─It is About Time!"]


def test_a_bar_of_short_links_under_a_title_reaching_a_paper_is_the_items_own_links():
    # three short links and bars read like a navigation bar, but under a paper's title and
    # byline they are its journal version, its preprint and its code
    text = HEAD + (
        "* **Owl calls as graph signals** [2025]  \n"
        "Lee A, Chen B.  \n"
        "[Owl Sci (2025)](https://doi.org/10.1234/os.2025.9) | "
        "[OwlRxiv (2024)](https://arxiv.org/abs/2401.00009) | "
        "[code](https://github.com/o/calls)  \n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == ["Owl calls as graph signals"]
    assert set(rows[0].links) == {
        "https://doi.org/10.1234/os.2025.9",
        "https://arxiv.org/abs/2401.00009",
        "https://github.com/o/calls",
    }


def test_a_navigation_bar_on_its_own_still_leads_around_the_list():
    text = (
        "# Owl Papers\n\n[Survey](https://arxiv.org/abs/2401.00001) | [Papers](#papers) | "
        "[Tools](#tools)\n\n## Papers\n\n"
        "- [Owl calls as graph signals](https://arxiv.org/abs/2401.00002), 2024\n"
    )
    assert [r.title for r in parse(text).rows] == ["Owl calls as graph signals"]
