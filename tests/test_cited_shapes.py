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


def test_a_doi_written_in_the_text_is_the_papers_identifier():
    from delbib.identifiers import written_dois

    assert written_dois("Owl Letters, 1:4, 311-338, DOI: 10.1207/s1532owl0104_2 ") == [
        "10.1207/s1532owl0104_2"
    ]
    assert written_dois("(doi:10.1016/0004-3702(87)90050-6).") == ["10.1016/0004-3702(87)90050-6"]
    # inside a URL the DOI is the URL's, and a version number is no DOI
    assert written_dois("https://doi.org/10.1145/1.2 and dl.acm.org/doi/10.1145/3.4") == []
    assert written_dois("v10.1234/5 or 210.1234/5") == []
    text = (
        "- Ann Lee & Bo Chen (1985) **Hooting Interfaces**, Owl-Human Interaction, 1:4, "
        "311-338, DOI: 10.1207/s1532owl0104_2\n"
    )
    (row,) = rows(text)
    assert row.title == "Hooting Interfaces"
    assert row.links == ("https://doi.org/10.1207/s1532owl0104_2",)
    assert row.authors == "Ann Lee & Bo Chen"


def test_names_closed_by_a_year_before_a_bold_title_are_the_authors():
    text = (
        '- Lee, Ann (1945). **"As Owls May Think,"** Owl Monthly 176 (July 1945) pp. 1-8.\n'
        "- Ann Lee and Bo Chen. 1993. **Owl-based augmented nests**. Commun. OWL 36, 7, 53-62. "
        "DOI=http://dx.doi.org/10.1145/1.2\n"
        "- Bo Chen and Cy Ng. 1992. **Beyond hooting**. In Proceedings of the OWL Conference "
        "(OWL '92). 119-125. DOI: https://doi.org/10.1145/3.4\n"
    )
    found = rows(text)
    # the first has no link, but a bold title signed by names is a citation
    assert [(r.title, r.authors) for r in found] == [
        ("As Owls May Think", "Lee, Ann"),
        ("Owl-based augmented nests", "Ann Lee and Bo Chen"),
        ("Beyond hooting", "Bo Chen and Cy Ng"),
    ]
    assert found[2].year == 1992  # "OWL '92" is 1992, not 2092


def test_an_unlinked_item_shaped_like_its_siblings_whatever_side_its_names_are_on():
    # most linked papers write their names before the bold title; the one without a link
    # writes them after it: it is still a bold, dated title among papers
    text = (
        "- Ann Lee and Bo Chen. 2001. **Owl nests at home**. Owl Press. "
        "DOI: 10.1145/1.1\n"
        "- Cy Ng. 2004. **The familiar owl: hooting in public places**. Owl Press. "
        "DOI: 10.1145/2.2\n"
        "- **Yesterday's Owls: Notes on a Dominant Vision**. Lee, A. and Ng, C. Owl Computing, "
        "11(2), 2007. 133-143.\n"
    )
    assert [r.title for r in rows(text)] == [
        "Owl nests at home",
        "The familiar owl: hooting in public places",
        "Yesterday's Owls: Notes on a Dominant Vision",
    ]


def test_a_citation_that_leads_with_its_authors_has_its_title_after_the_names():
    # one paragraph each, a tag before the names; the title is the italic span after the
    # names, or (the paper linked) the sentence after them, up to its stop or "?"
    text = (
        "**[Owls, Query]** Ann Lee, Bo Chen, Cy Ng. *Hoot Rewriting with Middle Owls*. "
        "OWLDB, 2023. [[paper](https://arxiv.org/pdf/2305.00001.pdf)]\n\n"
        "**[Owls, Data]** Lee A, Chen B, Ng C, et al. Learned nests: Estimating joined roosts "
        "with deep owls. CIDR, 2019. [[paper](https://arxiv.org/pdf/1809.00002)]\n\n"
        "**[Owls, Data]** Lee, A., Chen, B., … Ng, C. (2019). Deep Unsupervised Nest "
        "Estimation. OWLDB, 2019. [[paper](https://doi.org/10.14778/1.2)]\n\n"
        "**[Prediction]** Wu, W., Hacig\u0308um\u0308us\u0327, H., & Ng, C. (2013). Are owl "
        "cost models really unusable? *Proceedings of the Owl Endowment*, *6*(10), 925-936. "
        "[[paper](https://doi.org/10.14778/3.4)]\n\n"
        "**[Platform]** Ann Lee, Bo Chen, Cy Ng, dee fox. *OwlMind: A Self-Driving Roost*. "
        "OWLDB, 2021. [[paper](https://owls.example.org/owlmind.pdf)]\n\n"
        "Ann Lee, Bo Chen. Expand your owls! Generating nests for owl data. OWLMOD, 2021 "
        "[[paper](https://dl.acm.org/doi/pdf/10.1145/5.6)]\n"
    )
    assert [r.title for r in rows(text)] == [
        "Hoot Rewriting with Middle Owls",
        "Learned nests: Estimating joined roosts with deep owls",
        "Deep Unsupervised Nest Estimation",
        "Are owl cost models really unusable?",
        "OwlMind: A Self-Driving Roost",
        "Expand your owls! Generating nests for owl data",
    ]


def test_an_italic_venue_after_the_names_is_not_a_title():
    # "Names. *Venue* 2019": the italic span dated right after is the venue; an APA line
    # ("Names (2021). Title. *Journal*") keeps the title its own reader gives it
    text = (
        "- **Owl Letters Revisited** Ann Lee, Bo Chen. *Owl Letters* 2019. "
        "[[pdf](https://owls.example.org/r.pdf)]\n"
        "- Lee, A., & Chen, B. (2021). Synthetic owls in nests. *Owl Economic Review*, "
        "111(12), 4088-4118.\n"
    )
    assert [r.title for r in rows(text)] == [
        "Owl Letters Revisited",
        "Synthetic owls in nests",
    ]


def test_names_may_end_at_an_initial_and_a_closing_year_is_no_title():
    text = (
        # Vancouver: the last initial's stop ends the names
        "**[Owls]** Wu P, Cong G. A Unified Deep Model of Owls and Nests. OWLMOD. 2021: 1-9. "
        "[[paper](https://arxiv.org/pdf/2107.00003)]\n\n"
        # APA with the journal in italics: the year closes the names, the title follows
        "**[Owls]** Wu, W., Chi, Y., & Ng, C. J. (2013). Towards predicting owl hoots for "
        "dynamic nests. *Proceedings of the Owl Endowment*, *6*(10), 925-936. "
        "[[paper](https://doi.org/10.14778/7.8)]\n\n"
        # a middle initial does not end them
        "Qi Zhou, Ann B. Lee, Cy Ng. Owl Rewriting with Learned Hoots. OWLMOD, 2021. "
        "[[paper](https://doi.org/10.1145/9.10)]\n"
    )
    found = rows(text)
    assert [r.title for r in found] == [
        "A Unified Deep Model of Owls and Nests",
        "Towards predicting owl hoots for dynamic nests",
        "Owl Rewriting with Learned Hoots",
    ]
    # the names without the tag or the year (the closing stop is dropped, as for all names)
    assert found[1].authors == "Wu, W., Chi, Y., & Ng, C. J"


def test_names_and_venue_set_in_italics_under_a_bold_title_are_not_a_title():
    text = (
        "**A System for Owl Feature Extraction in Federated Nests.**\n\n"
        "*Ann Lee, Bo Chen, and Cy Ng. 2022. In Proceedings of the 31st Owl Conference "
        "(OWL '22). Owl Press, 5024-5028.* [[paper](https://doi.org/10.1145/11.12)]\n"
    )
    assert [r.title for r in rows(text)] == [
        "A System for Owl Feature Extraction in Federated Nests"
    ]


def test_a_document_type_written_after_a_title_is_not_part_of_it():
    text = (
        "- Lee A, Chen B. Owl selection in machine hooting: A new perspective[J/OL]. "
        "Owlcomputing, 2018. [[paper](https://doi.org/10.1016/j.owl.2017.11.077)]\n"
        "- **Apache owl: Stream and batch hooting in a single nest[J].** "
        "[[paper](https://owls.example.org/flink.pdf)]\n"
    )
    assert [r.title for r in rows(text)] == [
        "Owl selection in machine hooting: A new perspective",
        "Apache owl: Stream and batch hooting in a single nest",
    ]


def test_a_venue_after_a_line_of_names_is_not_a_title():
    # under a bold title, "Names. Venue" is the title's authors line, not a paper of its own
    text = (
        "**Owl Nests at Scale**\n\n"
        "Ann Lee, Bo Chen. Proceedings of the Owl Conference. 2020 "
        "[[pdf](https://owls.example.org/nests.pdf)]\n\n"
        "**Hooting Without Teachers**\n\n"
        "Ann Lee, Bo Chen. *Journal of Owl Studies*, 12(3), 2021. "
        "[[pdf](https://owls.example.org/hoot.pdf)]\n"
    )
    assert [(r.title, r.year) for r in rows(text)] == [
        ("Owl Nests at Scale", 2020),
        ("Hooting Without Teachers", 2021),
    ]
