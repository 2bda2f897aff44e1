"""The item reader, third round's held-out lists (issue 17): digital-library article pages,
venue labels as link text, code-span tags, nested papers.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists.markdown import gfm, labelled, lexicon, tags

from .listread import parse, titles


def test_a_digital_library_article_page_is_the_papers_link():
    text = (
        "## Owl Symposium\n\n"
        "<details><summary>2024 (2 papers)</summary>\n\n"
        "- [OwlFuzz: Fuzzing Owl Firmware at Night, 2024]"
        "(https://www.computer.org/csdl/proceedings-article/os/2024/123400a001/1AbCdEf)\n"
        "- [HootScan: Finding Bugs in Owl Calls, 2024]"
        "(https://www.computer.org/csdl/journal/ow/2024/02/10000001/1XyZ)\n\n"
        "</details>\n\n"
        "## Journals\n\n"
        "- [Transactions on Owls](https://www.computer.org/csdl/journal/ow)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "OwlFuzz: Fuzzing Owl Firmware at Night",
        "HootScan: Finding Bugs in Owl Calls",
    ]
    assert [r.year for r in parsed.rows] == [2024, 2024]
    assert parsed.rows[0].kinds == ("paper",)


VENUE_LINKS = (
    "## Owl Robots\n\n"
    "- \\[[CoRL 2023 Workshop OWL](https://openreview.net/forum?id=owl123)\\] Owl Grasp: "
    "Learning to Hold Perches \\[[Project](https://owlgrasp.example.org)\\]\n"
    "- \\[[NeurIPS 2023 HOOT workshop](https://arxiv.org/pdf/2310.00001)\\] Night Vision for "
    "Owl Robots\n"
    "- \\[[ICLR 2023 FLY Poster](https://openreview.net/forum?id=fly456)] Wing Control with "
    "Diffusion Policies\n"
    "- \\[[arXiv 2024](https://arxiv.org/pdf/2401.00002)\\] Owls in the Wild: A Survey\n"
)


def test_a_venue_label_with_its_workshop_is_the_link_text_and_the_title_follows():
    parsed = parse(VENUE_LINKS)
    assert [r.title for r in parsed.rows] == [
        "Owl Grasp: Learning to Hold Perches",
        "Night Vision for Owl Robots",
        "Wing Control with Diffusion Policies",
        "Owls in the Wild: A Survey",
    ]
    assert parsed.rows[0].links[0] == "https://openreview.net/forum?id=owl123"


def test_a_venue_label_needs_the_venue_and_its_year_first():
    assert lexicon.is_venue_label("CoRL 2023 Workshop TGR")
    assert lexicon.is_venue_label("ICLR 2023 RRL Poster")
    assert not lexicon.is_venue_label("CoRL Workshop TGR")  # no year
    assert not lexicon.is_venue_label("CVPR 2023 Owls Are Back")  # words of a title
    assert not lexicon.is_venue_label("Owl Grasp 2023")
    assert not lexicon.is_venue_label("CoRL 2023")  # a venue alone: is_venue_only


def test_a_short_name_and_a_year_leading_a_title_is_where_the_paper_appeared():
    text = (
        "## Owls\n\n"
        "- \\[[OWLCHI 2024](https://dl.acm.org/doi/10.1145/3600000.3600014)\\] Talking to Owls: "
        "A Study of Voice Interfaces\n"
        "- \\[[Nocturnal Robots 2023](https://link.springer.com/article/10.1007/s1-2023-15)\\] "
        "PerchBot: Personal Owl Assistance \\[[Project](https://perchbot.example.org)\\]\n"
        "- \\[[IEEE RA-L 2022](https://ieeexplore.ieee.org/document/10000016)\\] What Matters "
        "in Owl Imitation\n"
        "- [Owl Challenge 2023](https://arxiv.org/abs/2301.00017)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Talking to Owls: A Study of Voice Interfaces",
        "PerchBot: Personal Owl Assistance",
        "What Matters in Owl Imitation",
        "Owl Challenge 2023",  # nothing follows the link: its text is the title
    ]
    assert parsed.rows[2].venue == "IEEE RA-L 2022"  # a venue the lexicon knows stays one


def test_a_code_span_closing_a_plain_title_is_a_tag():
    text = (
        "## Owls\n\n"
        "- \\[[arXiv 2024](https://arxiv.org/pdf/2401.00003)\\] Owl Grasp: Holding Perches "
        "with Two Claws `Dual-Claw` \\[[Project](https://owlgrasp.example.org)\\]\n"
        "- \\[[arXiv 2023](https://arxiv.org/pdf/2301.00004)\\] Night Flight: Planning Owl "
        "Routes \\[[Project](https://nightflight.example.org)\\] `Forest`\n"
    )
    assert titles(text) == [
        "Owl Grasp: Holding Perches with Two Claws",
        "Night Flight: Planning Owl Routes",
    ]
    assert tags.drop_end_tags("Serving owlctl", ["owlctl"]) == "Serving owlctl"  # too short
    kept = "Fast Owl Nest Search with owlctl"
    assert tags.drop_end_tags(kept, ["owlctl"]) == kept


def test_a_bracket_typed_onto_a_word_is_the_end_of_that_word():
    text = (
        "## Owls\n\n"
        "- \\[[arXiv 2023](https://arxiv.org/pdf/2310.00006)\\] Owl-V: Seeing Owls with "
        "GPT-4V(ision)\n"
        "- \\[[arXiv 2023](https://arxiv.org/pdf/2310.00007)\\] Counting the Owls "
        "of a Forest Night(s)\n"
        "- \\[[arXiv 2022](https://arxiv.org/pdf/2210.00008)\\] Hoot Detection in the Dark "
        "(HootNet)\n"
    )
    assert titles(text) == [
        "Owl-V: Seeing Owls with GPT-4V(ision)",
        "Counting the Owls of a Forest Night(s)",
        "Hoot Detection in the Dark",
    ]


def test_papers_nested_under_a_paper_written_the_same_way_are_papers_of_their_own():
    text = (
        "## Owl Systems\n\n"
        "- \\[[arXiv 2024](https://arxiv.org/pdf/2404.00009)\\] Two-Winged Owls: Flight and "
        "Safety `Dual-Wing`\n"
        "  - \\[[arXiv 2023](https://arxiv.org/pdf/2305.00010)\\] Owl 2 technical report\n"
        "  - \\[[ICRA 2023](https://ieeexplore.ieee.org/abstract/document/10000011/)\\] Perch "
        "Cleaning via Reinforcement Learning\n"
        "- \\[[arXiv 2022](https://arxiv.org/pdf/2201.00012)\\] Hoot: A Study of Calls\n"
        "  - [Code](https://github.com/owl/hoot) the official implementation in Rust\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Two-Winged Owls: Flight and Safety",
        "Owl 2 technical report",
        "Perch Cleaning via Reinforcement Learning",
        "Hoot: A Study of Calls",
    ]
    assert parsed.rows[0].links == ("https://arxiv.org/pdf/2404.00009",)
    assert parsed.rows[3].links == (
        "https://arxiv.org/pdf/2201.00012",
        "https://github.com/owl/hoot",
    )


def test_a_line_led_by_a_venue_link_holds_the_title_after_it():
    from delbib.lists.markdown.inline import parse_inline

    def first_line(md: str):
        return gfm.parser().parseInline(md)[0].children

    line = parse_inline(
        first_line(
            "[CoRL 2023](https://arxiv.org/abs/2306.00013) Owl Grasp "
            "at Night [[Project](https://owl.example.org)]"
        ),
        1,
    ).lines[0]
    assert labelled.title_after_label(line) == "Owl Grasp at Night"
    line = parse_inline(first_line("[Code](https://github.com/o/x) the official one"), 1).lines[0]
    assert labelled.title_after_label(line) is None


def test_a_bracket_opened_before_the_venue_link_and_never_closed_is_not_the_titles():
    text = (
        "## Owls\n\n"
        "- \\[[arXiv 2023](https://arxiv.org/abs/2307.00018) Owl-2: Vision Models for "
        "Perching \\[[Project](https://owl2.example.org)]\n"
        "- \\[[arXiv 2023](https://arxiv.org/abs/2307.00019)\\] Hoot Counting at Scale "
        "(HootNet)\n"
    )
    assert titles(text) == ["Owl-2: Vision Models for Perching", "Hoot Counting at Scale"]
