"""The item reader on what the third round's held-out lists showed (issue 17): a linked
title wrapped over two source lines, a bare marked title among full entries, a title whose
link was left empty, a scholar's profile, a section of events in the news.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists.markdown import linkwords

from .listread import parse, titles


def test_a_linked_title_wrapped_onto_the_next_line_is_one_title():
    text = (
        "# Owls\n\n"
        "- [Owl Calls as Graph Signals: A Study of Night\n"
        "Birds](https://arxiv.org/abs/2401.00001) - Ann Lee, Bo Chen (2024)\n"
        "- [Hoot Detection in the Wild](https://arxiv.org/abs/2402.00002) - Cy Park (2024)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Owl Calls as Graph Signals: A Study of Night Birds",
        "Hoot Detection in the Wild",
    ]
    assert rows[0].year == 2024 and rows[0].links == ("https://arxiv.org/abs/2401.00001",)
    assert [r.line for r in rows] == [3, 5]


def test_lines_after_a_wrapped_link_keep_their_numbers():
    text = (
        "# Owls\n\n"
        "[Owl Calls as Graph Signals: A Study of Night\n"
        "Birds](https://arxiv.org/abs/2401.00001)\n"
        "[Hoot Detection in the Wild](https://arxiv.org/abs/2402.00002)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.line) for r in rows] == [
        ("Owl Calls as Graph Signals: A Study of Night Birds", 3),
        ("Hoot Detection in the Wild", 5),
    ]


SHAPED = (
    "## Owls\n"
    "- **Owl Calls as Graph Signals**, 2024.01, [[paper]](https://arxiv.org/abs/2401.00001)\n"
    "- **Hoot Detection in the Wild**, 2023.10, [[paper]](https://arxiv.org/abs/2310.00002)\n"
    "- **Night Vision for Small Raptors**\n"
    "- **Feathers and Flight Control**, 2023.05, [[paper]](https://arxiv.org/abs/2305.00003)\n"
)


def test_a_bare_bold_title_among_full_entries_is_a_paper_whose_details_were_left_out():
    rows = parse(SHAPED).rows
    assert [r.title for r in rows] == [
        "Owl Calls as Graph Signals",
        "Hoot Detection in the Wild",
        "Night Vision for Small Raptors",
        "Feathers and Flight Control",
    ]
    assert rows[2].links == () and rows[2].year is None


def test_a_bare_bold_line_among_linked_titles_is_not_a_paper():
    text = (
        "## Owls\n"
        "- [Owl Calls as Graph Signals](https://arxiv.org/abs/2401.00001), 2024\n"
        "- [Hoot Detection in the Wild](https://arxiv.org/abs/2310.00002), 2023\n"
        "- **More papers are coming soon**\n"
    )
    assert titles(text) == ["Owl Calls as Graph Signals", "Hoot Detection in the Wild"]


def test_a_title_whose_link_was_left_empty_is_still_the_title():
    badge = '<img src="https://img.shields.io/badge/{}-green.svg">'
    text = (
        "## Owls\n\n"
        "+ [Owl Calls as Graph Signals](https://arxiv.org/abs/2401.00001) Ann Lee et al. "
        + badge.format("ICML-2024")
        + "\n+ [Hoot Detection in the Wild]() Cy Park et al. "
        + badge.format("ISCA-2025")
        + "\n+ [Night Vision for Small Raptors](https://arxiv.org/abs/2305.00003) Di Wu "
        + badge.format("QCE-2023")
        + "\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Owl Calls as Graph Signals",
        "Hoot Detection in the Wild",
        "Night Vision for Small Raptors",
    ]
    assert rows[1].links == () and rows[1].venue == "ISCA 2025"


def test_a_scholar_profile_is_a_person_not_a_paper():
    text = (
        "## Resource estimation\n\n"
        "+ [[Ann Lee Google Scholar]](https://scholar.google.com/citations?user=AbC123&hl=en)"
        " + [[Ann Lee Blog]](https://annlee.example.org/)\n"
        "+ [Owl Calls as Graph Signals](https://arxiv.org/abs/2401.00001) Ann Lee\n"
        "+ [Hoot Detection in the Wild](https://arxiv.org/abs/2402.00002) Cy Park\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Owl Calls as Graph Signals",
        "Hoot Detection in the Wild",
    ]
    assert any("a person" in kind for kind in parsed.skipped_counts())


def test_profile_addresses():
    for href in (
        "https://scholar.google.com/citations?user=AbC123&hl=en",
        "https://scholar.google.de/citations?hl=de&user=AbC123",
        "https://dblp.org/pid/12/3456.html",
        "https://orcid.org/0000-0002-1825-0097",
        "https://www.semanticscholar.org/author/Ann-Lee/12345",
        "https://www.researchgate.net/profile/Ann-Lee",
    ):
        assert linkwords.is_profile_url(href), href
    for href in (
        # a paper's page on Google Scholar, a paper kept under its writer's profile
        "https://scholar.google.com/citations?view_op=view_citation&user=AbC123"
        "&citation_for_view=AbC123:u5HHmVD_uO8C",
        "https://www.researchgate.net/profile/Ann-Lee/publication/1_Owl_Calls/links/x.pdf",
        "https://arxiv.org/abs/2401.00001",
        "https://annlee.example.org/",
    ):
        assert not linkwords.is_profile_url(href), href


def test_a_section_of_events_in_the_news_lists_events_not_papers():
    text = (
        "## Attacks\n\n"
        "### Privacy breaches\n"
        "- [Owl Tracker Leak](https://owlnews.example.org/2019/owl-tracker-leak) - 2019\n"
        "- [The Feeder Camera Case](https://uni.example.edu/~lee/feeder.pdf) - 2016\n"
        "- [Hoot Metadata Exposed: An Attack on Owl Apps](https://arxiv.org/abs/1901.00001)"
        " - 2019\n\n"
        "### Attack papers\n"
        "- [Owl Inference Attacks](https://uni.example.edu/~park/owl-attacks.pdf) - 2018\n"
    )
    # the event's name is no paper's title; one listed by its identifier is a paper
    assert titles(text) == ["Hoot Metadata Exposed: An Attack on Owl Apps", "Owl Inference Attacks"]


def test_a_topic_heading_that_names_events_first_is_a_topic():
    text = (
        "## Security\n\n"
        "### Breach detection\n"
        "- [Catching Owl Tracker Leaks Early](https://uni.example.edu/~lee/leaks.pdf) - 2019\n"
        "- [The Feeder Camera Audit](https://uni.example.edu/~park/audit.pdf) - 2016\n"
    )
    assert titles(text) == ["Catching Owl Tracker Leaks Early", "The Feeder Camera Audit"]
