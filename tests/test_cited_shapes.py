"""Citation shapes met on lists the reader was not tuned to (issue 17, third round): a bold
title over a line of names, venue and year; DOIs written out in the text.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists import markdown


def rows(text: str) -> list[markdown.Row]:
    return markdown.parse(text, path="list.md").rows


def test_a_line_of_names_before_a_venue_and_year_is_not_a_title():
    # a bold title paragraph, then its authors, venue, year and link: one paper, whatever
    # the names look like (long lists, "Surname, Given and ..." or initials after surnames)
    text = (
        "**Owl Tuning: Learning to Hoot at Scale**\n\n"
        "*Ann Lee, Bo Chen, Cy Ng, Di Fox, Ed Moss, Flo Hart, Gus Reed. OWLC, 2024.* "
        "[[paper](https://arxiv.org/pdf/2404.00001)]\n\n"
        "**Nest Views: Materialising Burrows with Graphs**\n\n"
        "Lee, A., Chen, B. and Ng, C., TNEST, 2022. "
        "[[paper](https://owls.example.org/nest.pdf)]\n\n"
        "**Feather Compression for Roosts**\n\n"
        "*Fox, Dina and Moss, Eli and Hart, Flo. SIGNEST, 2020* "
        "[[paper](https://owls.example.org/feather.pdf)]\n"
    )
    found = rows(text)
    assert [(r.title, r.year, r.links[0]) for r in found] == [
        ("Owl Tuning: Learning to Hoot at Scale", 2024, "https://arxiv.org/pdf/2404.00001"),
        (
            "Nest Views: Materialising Burrows with Graphs",
            2022,
            "https://owls.example.org/nest.pdf",
        ),
        ("Feather Compression for Roosts", 2020, "https://owls.example.org/feather.pdf"),
    ]
    # a title that merely mentions names before its venue stays a title
    text = "* Owls Revisited, after Lee et al., Owl Letters 2019 [[pdf](https://o.example.org/r.pdf)]\n"
    assert [r.title for r in rows(text)] == ["Owls Revisited, after Lee et al."]
