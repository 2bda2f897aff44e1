"""How an item's parts are read (issue 17, round 3): the title span, venue and year,
nickname and fields, in shapes met on lists the reader was not tuned to.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists.markdown import lexicon

from .listread import parse


def read(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(row.title, row.venue, row.year) for row in parse(text).rows]


def test_a_trailing_venue_and_year_after_a_plain_title_are_venue_and_year():
    text = (
        "* Owls Made Simple, Owl Letters 2001 [[pdf](https://owls.example.org/simple.pdf)]\n"
        "* Time, Hoots, and the Ordering of Owls, CACO 1978 "
        "[[acmdl](https://dl.acm.org/citation.cfm?id=1),[pdf](https://owls.example.org/t.pdf)]\n"
        "* Stoppable Owls, MS Tech report 2008 [[pdf](https://owls.example.org/stop.pdf)]\n"
        "* Fast Owls, Distributed Nesting 2006 [[pdf](https://owls.example.org/fast.pdf)]\n"
        "* Classic Owls vs. Fast Owls: Caveat Emptor, HotNest 2007 "
        "[[pdf](https://owls.example.org/classic.pdf)]\n"
    )
    assert read(text) == [
        ("Owls Made Simple", "Owl Letters", 2001),
        ("Time, Hoots, and the Ordering of Owls", "CACO", 1978),
        ("Stoppable Owls", "MS Tech report", 2008),
        ("Fast Owls", "Distributed Nesting", 2006),
        ("Classic Owls vs. Fast Owls: Caveat Emptor", "HotNest", 2007),
    ]
    text = (
        "* Bipartisan Owls: A Modular Nest, Unpublished [[pdf](https://owls.example.org/b.pdf)]\n"
    )
    assert read(text) == [("Bipartisan Owls: A Modular Nest", "Unpublished", None)]


def test_a_trailing_year_part_is_not_taken_where_it_would_not_read_as_a_venue():
    # a bare year, a number in the words, a small word last: words of the title or a date
    assert lexicon.cited_venue("Owls Counted Again, 2020")[1] is None
    assert lexicon.cited_venue("Owl Nets for Owls, Version 2 2020")[1] is None
    assert lexicon.cited_venue("Owls, Towards the 2020")[1] is None
    assert lexicon.cited_venue("Owls, Nest 2020") == ("Owls, Nest 2020", None, None)
    # a linked or bold title is marked by the writer: its words stay as written
    text = "* **Owls in Winter, Snow Edition 2021** [[pdf](https://owls.example.org/w.pdf)]\n"
    assert [r[:2] for r in read(text)] == [("Owls in Winter, Snow Edition 2021", None)]


def test_a_venue_name_opening_a_title_before_a_colon_is_the_titles_own_name():
    # "AutoML: A Survey" names the subject; a venue stuck to a title carries a year or a dash
    text = (
        "- AutoML: A Survey of Owl Tuning [[pdf](https://arxiv.org/abs/1908.00009)]\n"
        "- ICML 2019: Owls at Scale [[pdf](https://arxiv.org/abs/1908.00010)]\n"
        "- CVPR - Counting Owls in Crowds [[pdf](https://arxiv.org/abs/1908.00011)]\n"
    )
    assert read(text) == [
        ("AutoML: A Survey of Owl Tuning", None, None),
        ("Owls at Scale", "ICML 2019", 2019),
        ("Counting Owls in Crowds", "CVPR", None),
    ]


def test_an_address_shown_as_itself_is_never_a_title():
    text = (
        "### Owls Hoot in Context\n\n"
        "- **Abstract**: We study how owls hoot when other owls listen.\n"
        "- **OpenReview**: https://openreview.net/pdf?id=owl123XYZ\n\n"
        "- <https://arxiv.org/abs/2101.00077>\n"
        "- Nesting Owls in Winter https://arxiv.org/abs/2101.00078\n"
    )
    rows = parse(text).rows
    assert all("http" not in row.title for row in rows)
    assert [row.title for row in rows if row.title] == ["Nesting Owls in Winter"]


def test_pipe_separated_fields_in_a_list_item_are_told_apart_by_what_they_hold():
    text = (
        "+ 2019 | Owl: A Survey of Hooting | Ann Lee, et al. | arXiv "
        "| [`PDF`](https://arxiv.org/pdf/1908.00019.pdf)\n"
        "+ 2020 | On Tuning Owls: Theory and Practice | Ben Moss, Cara Vale | Owlcomputing "
        "| [`PDF`](https://arxiv.org/pdf/2007.00020.pdf)\n"
        "+ Counting Owls at Night | 2015 | Dan Fern, Eve Oak | [`PDF`](https://owls.example.org/c.pdf)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.authors, r.venue) for r in rows] == [
        ("Owl: A Survey of Hooting", 2019, "Ann Lee, et al.", "arXiv"),
        ("On Tuning Owls: Theory and Practice", 2020, "Ben Moss, Cara Vale", "Owlcomputing"),
        ("Counting Owls at Night", 2015, "Dan Fern, Eve Oak", None),
    ]


def test_pipe_separated_sub_items_are_papers_of_their_own():
    text = (
        "### Owl Search\n"
        "+ #### Evolutionary Owls\n"
        "  - 2019 | Evolving Owls for Deep Nests | Ann Lee, et al. | GECCO "
        "| [`PDF`](https://owls.example.org/evolving.pdf)\n"
        "  - 2002 | Owls through Augmenting Topologies | Ben Moss, Cara Vale | Owl Computation "
        "| [`PDF`](https://owls.example.org/neat.pdf)\n"
    )
    assert read(text) == [
        ("Evolving Owls for Deep Nests", "GECCO", 2019),
        ("Owls through Augmenting Topologies", "Owl Computation", 2002),
    ]


def test_a_nickname_set_apart_in_bold_after_a_title_is_not_the_title():
    text = (
        "| # | Title | Link |\n| --- | --- | --- |\n"
        "| 1 | Seeing Owls through Night Contrastive Decoding **(NCD)** "
        "| [paper](https://arxiv.org/abs/2311.00101) |\n"
        "| 2 | Counting Owls in Trees *(OwlCount)* | [paper](https://arxiv.org/abs/2311.00102) |\n"
        "| 3 | Owls at Dusk (Extended Version) | [paper](https://arxiv.org/abs/2311.00103) |\n"
        "| 4 | Owl Planning and Scheduling (OPS) | [paper](https://arxiv.org/abs/2311.00104) |\n"
    )
    assert [row.title for row in parse(text).rows] == [
        "Seeing Owls through Night Contrastive Decoding",
        "Counting Owls in Trees",
        "Owls at Dusk (Extended Version)",  # words of the title, not a name
        "Owl Planning and Scheduling (OPS)",  # plain, it spells the words: kept as written
    ]


def test_a_quoted_title_after_a_bold_name_is_the_title_and_a_dated_italic_is_the_venue():
    text = (
        '- **OWL / Owl Search Agent** — "Automated Design of Owl Systems". Hu, Lu, Oak. '
        "*ICLR* 2025. [[paper]](https://arxiv.org/abs/2408.00201) — notes\n"
        "- **Owl Harness for Owl Agents: A Survey** — Lee & Moss. *Owlprints.org* 2026.†\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows] == [
        ("Automated Design of Owl Systems", "ICLR 2025", 2025),
        ("Owl Harness for Owl Agents: A Survey", "Owlprints.org", 2026),
    ]


def test_a_title_may_end_in_words_for_its_own_form():
    text = (
        "- 2011 | Owl Configuration for General Nests (extended version) "
        "| [`PDF`](https://owls.example.org/smac.pdf)\n"
        "- Hooting in the Dark (Student Abstract) [[pdf](https://owls.example.org/dark.pdf)]\n"
        "- Owls in Snow (ICML 2021) [[pdf](https://owls.example.org/snow.pdf)]\n"
    )
    assert read(text) == [
        ("Owl Configuration for General Nests (extended version)", None, 2011),
        ("Hooting in the Dark (Student Abstract)", None, None),
        ("Owls in Snow", "ICML 2021", 2021),
    ]


def test_the_short_part_between_a_year_and_the_authors_is_the_venue():
    text = (
        "- **Owl Inference in Partial Nests by Prompt-tuned Owls** (2023), TONE journal, "
        "Huang, Qing, et al.\n"
        "- **Counting Owls in Code** (2022), JOS, Lee, Ann, Moss, Ben "
        "[[pdf]](https://arxiv.org/abs/2201.00301)\n"
        "- **Owls and the Science of Nesting** (2020), Vincent Oakley\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows][:2] == [
        ("Owl Inference in Partial Nests by Prompt-tuned Owls", "TONE journal", 2023),
        ("Counting Owls in Code", "JOS", 2022),
    ]
    assert [r.authors for r in rows][:2] == ["Huang, Qing, et al.", "Lee, Ann, Moss, Ben"]
    assert all(row.venue != "Vincent Oakley" for row in rows)  # a name, not a venue


def test_brackets_typed_amiss_after_a_plain_title_are_not_the_title():
    text = (
        "* Owl Consensus Leveraging, Owlsys 2022 [[acmdl](https://dl.acm.org/doi/10.1145/1.2)\n"
        "* Splitting Owls Safely, Nestware 2022 [[acmdl]](https://dl.acm.org/doi/10.1145/1.3),"
        "[arxiv](https://arxiv.org/abs/2205.00001)]\n"
    )
    assert read(text) == [
        ("Owl Consensus Leveraging", "Owlsys", 2022),
        ("Splitting Owls Safely", "Nestware", 2022),
    ]


def test_a_sub_item_cited_with_its_venue_and_a_paper_link_is_a_paper_of_its_own():
    text = (
        "* Owlcho: Fast Owl Replication for Nests, TONS 2019 "
        "[[pdf](https://owls.example.org/owlcho.pdf)]\n"
        "  * Owlcho: Hooting at the Speed of Light, Unpublished "
        "[[pdf](https://owls.example.org/speed.pdf)]\n"
        "  * Also see: Design of a Logless Owl Protocol, OPOWL 2021 "
        "[[pdf](https://owls.example.org/logless.pdf)]\n"
        "  * Owlcho is also evaluated in The Case for Owls on Demand "
        "[[pdf](https://owls.example.org/case.pdf)]\n"
    )
    assert read(text)[:3] == [
        ("Owlcho: Fast Owl Replication for Nests", "TONS", 2019),
        ("Owlcho: Hooting at the Speed of Light", "Unpublished", None),
        ("Design of a Logless Owl Protocol", "OPOWL", 2021),  # "Also see:" leads to it
    ]
    named = "- SEE: Owls Seen Exploring [[pdf](https://arxiv.org/abs/2601.00001)]\n"
    assert [row.title for row in parse(named).rows] == ["SEE: Owls Seen Exploring"]  # a name


def test_a_short_bold_title_before_a_dash_and_a_year_closing_a_sentence():
    text = (
        "- **Owlagents** — Zhang et al. *arXiv* 2026.† [[paper]](https://arxiv.org/abs/2603.00401)"
        " — notes\n"
        "- **Leakage and the Owl Crisis in Nest Science** — Kapoor & Nara. *Owl Patterns* 2023. "
        "[[paper]](https://arxiv.org/abs/2207.00402)\n"
    )
    assert read(text) == [
        ("Owlagents", "arXiv 2026", 2026),
        ("Leakage and the Owl Crisis in Nest Science", "Owl Patterns", 2023),
    ]
    cite = (
        "- Owl Backdoors in Nests. *Owl Sciences* 2022. [[pdf]](https://owls.example.org/b.pdf)\n"
        "- **Owl Integrity for Deep Nests.** [[pdf]](https://owls.example.org/i.pdf)\n"
        "  - Ann Lee, Ben Moss, and Cara Vale. *Owl Sciences*, 2022.\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(cite).rows] == [
        ("Owl Backdoors in Nests", "Owl Sciences", 2022),
        ("Owl Integrity for Deep Nests", "Owl Sciences", 2022),
    ]
    assert parse(cite).rows[1].authors != "Owl Sciences"  # the venue is no authors line


def test_an_italic_name_alone_on_its_line_before_a_date_is_left_to_the_authors():
    text = "1. **An Owl Entry Without a Link.**\n\n    *Nobody Owlish*  2022.7\n"
    parsed = parse(text)
    assert all(row.venue != "Nobody Owlish" for row in parsed.rows)


def test_words_of_a_title_written_without_spaces_are_its_characters():
    from delbib.lists.markdown.fields import word_count

    assert word_count("Owls at Night") == 3
    assert word_count("面向推理的强化学习") == 9  # Chinese: no spaces between words
    assert word_count("フクロウの夜 Owls") == 7  # kana and a spaced word
    assert word_count("부엉이 연구") == 2  # Korean is spaced: its words are spaced words


def test_a_trailing_in_venue_and_year_after_a_title_are_venue_and_year():
    text = (
        "* Hooting at Scale: A Survey of Owl Calls, in *OWLCONF* 2021. "
        "[\\[Paper\\]](https://arxiv.org/abs/2101.00001) [\\[Code\\]](https://github.com/o/hoot)\n"
        "* Nests in Winter, in *Journal of Owl Studies* 2019. "
        "[\\[Paper\\]](https://arxiv.org/abs/1901.00002)\n"
    )
    assert [(t, y) for t, _, y in read(text)] == [
        ("Hooting at Scale: A Survey of Owl Calls", 2021),
        ("Nests in Winter", 2019),
    ]


def test_a_code_span_closing_a_title_with_a_venue_or_year_is_venue_and_year():
    text = (
        "- **(OwlBERT)** _OwlBERT: A Pretrained Model of Owl Calls_ `NAACL 2019 Workshop`\n"
        "[[Paper](https://arxiv.org/abs/1901.00003)] [[GitHub](https://github.com/o/owlbert)]\n"
        "\n"
        "- **(Hoot)** _Counting Hoots at Night_ ```EMNLP 2024 Findings```\n"
        "[[Paper](https://arxiv.org/abs/2401.00004)]\n"
        "\n"
        "- _Owl Nests Written in `C`_ [[Paper](https://arxiv.org/abs/2401.00005)]\n"
        "\n"
        "- _Owl Calls in the Wild_ `Journal of Nocturnal Information and Hooting 2022`\n"
        "[[Paper](https://doi.org/10.1234/owl.5)]\n"
        "\n"
        "- Owls Rank Mice at Scale `Owlphabet` `2003` [[Paper](https://owls.example.org/r.pdf)]\n"
    )
    assert [(t, y) for t, _, y in read(text)] == [
        ("OwlBERT: A Pretrained Model of Owl Calls", 2019),
        ("Counting Hoots at Night", 2024),
        ("Owl Nests Written in C", None),
        ("Owl Calls in the Wild", 2022),
        ("Owls Rank Mice at Scale", 2003),
    ]


def test_an_italic_title_is_not_the_authors():
    text = (
        "- **(OwlGPT)** _Owl Language Models Hoot Back_ `ACL 2023`\n"
        "[[Paper](https://arxiv.org/abs/2301.00006)]\n"
        "\n"
        "- Strix, A., Bubo, B., Tyto, C.,  \n"
        "*[Nests of the Barn Owl Family](https://doi.org/10.1234/owl.7)*,  \n"
        "Owl Letters, 2020.\n"
    )
    assert [row.authors for row in parse(text).rows] == [None, "Strix, A., Bubo, B., Tyto, C"]
