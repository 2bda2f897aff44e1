"""Rules of the eleventh round of real lists, each shown on invented papers: paper digests
whose headings are whole references, record fields under them, references that end their
title with a full stop, attribute lists after links, names and a year before a quoted title,
an italic title then its names, a publications page under a venue heading, and awards in
bold after a reference."""

from __future__ import annotations

import pytest

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def rows(text: str) -> list[tuple]:
    return [(r.title, r.authors, r.venue, r.year) for r in parse(text).rows]


def test_a_heading_that_is_a_whole_reference_is_its_paper_and_its_notes_name_none():
    """``### <a href=url>Lee, A. (2019). Title. Journal, 32, 1-9.</a>`` then ``**Year:** 2019
    **Category:** Flight`` and a ``<details>`` summary: one paper per heading; the record line
    and the notes are no papers, and the heading names no category."""
    text = HEAD + (
        '### <a href="https://doi.org/10.1234/owls.2019.7" target="_blank">Lee, A. (2019).'
        " Night Flight as a Hunting Mechanism. The Review of Owl Studies, 32, 2021-2061.</a>\n"
        "**Year:** 2019  **Category:** Flight\n\n"
        "<details>\n<summary><strong>Click to expand details</strong></summary>\n\n"
        "Lee studies whether owls hunt in flight.\n\n</details>\n\n"
        '### <a href="https://example.org/owls/42">Chen, Bonnie, and Daniel Park. "Silent wings."'
        " Journal of Owl Finance (2023).</a>\n"
        "**Year:** 2023  **Category:** Flight\n"
    )
    found = parse(text).rows
    assert [(r.title, r.year, r.categories) for r in found] == [
        ("Night Flight as a Hunting Mechanism", 2019, ("Flight",)),
        ("Silent wings", 2023, ("Flight",)),
    ]
    assert found[0].links == ("https://doi.org/10.1234/owls.2019.7",)


def test_a_line_of_record_fields_is_no_title_but_a_labelled_acronym_title_is():
    """``**Year:** 2020 **Category:** Owls`` files a paper; ``TAG: Gradient Owls for Night
    Vision`` is a title led by its acronym."""
    text = HEAD + (
        "[TAG: Gradient Owls for Night Vision](https://arxiv.org/abs/2101.00001)\n\n"
        "**Year:** 2021  **Category:** Owls\n\n"
        "[DATE: Domain Adaptive Owl Seeker](https://arxiv.org/abs/2101.00002)\n\n"
        "**Year:** 2020  **Category:** Owls\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "TAG: Gradient Owls for Night Vision",
        "DATE: Domain Adaptive Owl Seeker",
    ]


def test_a_references_closing_stop_is_not_part_of_its_title():
    """``Lee, A. (2019). Title. Journal``, a linked reference, a stop typed apart (``Study
    .``): the title ends before the stop; an abbreviation or an ellipsis keeps its own."""
    text = HEAD + (
        "- Lee, A. (2019). Owls as a Governance Mechanism. The Review of Owl Studies, 32, 1-9.\n"
        "- [Chen, B., & Park, D. (2020). Persuading Owls: A Video-Based Study . Owl Letters.]"
        "(https://doi.org/10.1234/ol.5)\n"
        "- [Owl Migration in the U.S.](https://arxiv.org/abs/2102.00001)\n"
        "- [Owls, Owls, Owls...](https://arxiv.org/abs/2102.00002)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owls as a Governance Mechanism",
        "Persuading Owls: A Video-Based Study",
        "Owl Migration in the U.S.",
        "Owls, Owls, Owls...",
    ]


def test_an_attribute_list_after_a_link_is_markup_not_words():
    """``"[Title.](doi){target="_blank"}" Venue (ISCA). 1999.`` (kramdown, Pandoc, MkDocs):
    the attribute list never ends up in the title."""
    text = HEAD + (
        '[1] Ann Lee, and Bo Chen. "[A scalable owl front-end for fast prey delivery.]'
        '(https://doi.org/10.1234/isca.1999.1){target="_blank"}" 26th International Symposium'
        " on Owl Architecture (ISCA). 1999. [[Code]](https://github.com/o/owl)\n\n"
        "[2] Dan Park. \"[Owl prefetching.](https://doi.org/10.1234/owl.2){:target='_blank'}\""
        " Owl Letters. 2002.\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("A scalable owl front-end for fast prey delivery", 1999),
        ("Owl prefetching", 2002),
    ]


def test_the_first_of_several_addresses_typed_into_one_href_is_the_papers():
    text = HEAD + (
        '- <a href="https://doi.org/10.1234/owl.9 ; SSRN: https://ssrn.example/9">Lee, A.'
        " (2020). Empirical owl pricing via machine learning. Owl Finance.</a>\n"
    )
    assert parse(text).rows[0].links[0] == "https://doi.org/10.1234/owl.9"


def test_names_and_a_year_before_a_colon_then_a_quoted_title():
    """``Lee and Moss 2024: "Title" <url>``: who and when, then the title; the colon is no
    title's, as it is in ``Exploring the Gap: "A Lot of Owls"``."""
    text = HEAD + (
        '120) Lee and Moss 2024: "The Dynamics of Owl Ecosystems" <https://arxiv.org/abs/2411.1>\n'
        ":   Notes on it.\n\n"
        '121) Chen & Park 2025: "Owl Style Sheets: CSS for Owls" <https://arxiv.org/abs/2412.2>\n'
    )
    assert rows(text) == [
        ("The Dynamics of Owl Ecosystems", "Lee and Moss", None, 2024),
        ("Owl Style Sheets: CSS for Owls", "Chen & Park", None, 2025),
    ]


def test_an_italic_title_then_its_names_with_or_without_the_year():
    """``- *How shall we assess owls?* (2003) Ann Lee, Bo Chen, and Dan Park.``: the italic
    span is the title (a question mark ends it as well as a stop), the names its authors and
    never its venue; ``*Title* by Words. Lee et al.`` is a title going on after its italics."""
    text = HEAD + (
        "- *How shall we assess owls?* (2003) Ann Lee, Bo Chen, and Dan Park.\n\n"
        "- *Addressing owl cheating: definitions and solutions.* (2002) Eve Moss and Fay Ross.\n\n"
        "- *(Re)defining owl curricula by (re)defining owls.* Gil Hart, Ian Lowe.\n"
    )
    assert rows(text) == [
        ("How shall we assess owls?", "Ann Lee, Bo Chen, and Dan Park", None, 2003),
        ("Addressing owl cheating: definitions and solutions", "Eve Moss and Fay Ross", None, 2002),
        ("(Re)defining owl curricula by (re)defining owls", "Gil Hart, Ian Lowe", None, None),
    ]
    partial = HEAD + (
        "75. _Long-tailed Owls_ by Routing Diverse Owl Experts. Lee, Ann et al. arXiv:2010.01809\n"
    )
    assert parse(partial).rows[0].title != "Long-tailed Owls"


def test_a_publications_page_under_a_venue_heading_gives_its_papers_that_venue():
    """``## Publications @ CHI 2023`` over ``__Title__`` / names / tags, nothing linked: each
    is a paper of CHI 2023; a quoted lead in a title (``"We Need Owls": ...``) is no summary."""
    text = (
        "# Lab\n\n<h2>Publications @ CHI 2023</h2>\n\n"
        "__Owls in the Kitchen: Investigating Danger Perception__  \n"
        "Ann Lee (Owl University), Bo Chen (Owl Institute)  \n"
        "Abstract | Tags: Full Paper | Links: \n\n"
        '__"We Need a Big Owl Revolution": Users\' Perception of Owl Emails__  \n'
        "Dan Park (Owl University)  \n"
        "Abstract | Tags: Late Breaking Work | Links: \n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        ("Owls in the Kitchen: Investigating Danger Perception", "CHI 2023", 2023),
        ('"We Need a Big Owl Revolution": Users\' Perception of Owl Emails', "CHI 2023", 2023),
    ]


def test_a_bold_award_after_a_reference_leaves_the_reference_its_title():
    """``Names. Title. Venue (2025.9) **Best Paper** **Oral Presentation Award**``: the bold
    tags come after the title; a long bold span after a reference names the reading
    (``Lee, A. (1991). Owl American. **The Owl for the 21st Century**``)."""
    text = HEAD + (
        "- Ann Lee, Bo Chen. Owl Calls at Night in the Forest. Journal of Owls. (2025.9)"
        " **査読付き** **Oral Presentation Award**\n"
        "- Lee, A. (1991). Owl American. **The Owl for the 21st Century**. (Sept. 1991), 94-104."
        " [pdf](https://example.org/owl21.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owl Calls at Night in the Forest",
        "The Owl for the 21st Century",
    ]


def test_gbt_7714_references_on_one_line_or_wrapped():
    """``Lee A, Chen B M, et al. Title[C]//Proceedings of X. ACM, 2009: 532-539.``, ``Title[J].
    Journal, 2019, 42(1): 1-20``, wrapped before its type: the type closes the title, the
    names end at the first stop, ``//`` opens where it appeared."""
    text = HEAD + (
        "- Lee A, Chen B M, Van den Berg C, et al. The wisdom of the owls: a collaborative"
        " filtering approach[C]//Proceedings of the 32nd international ACM SIGOWL conference."
        " ACM, 2009: 532-539.[[pdf]](http://example.org/wisdom.pdf)\n"
        "- `*` Moss J, Park D. A Ranking Framework for Owl Recommendation[J]. 2017."
        "[[pdf]](http://example.org/rank.pdf)\n"
        "- Hart G, Lowe I. Deep content-based owl \n"
        "  recommendation[C]//Advances in owl information processing. 2013: 1-9."
        "[[pdf]](http://example.org/deep.pdf)\n"
        "- 张三, 李四. 基于深度学习的猫头鹰识别研究[J]. 计算机学报, 2019, 42(1): 1-20.\n"
    )
    assert rows(text) == [
        (
            "The wisdom of the owls: a collaborative filtering approach",
            "Lee A, Chen B M, Van den Berg C, et al",
            "Proceedings of the 32nd international ACM SIGOWL conference",
            2009,
        ),
        ("A Ranking Framework for Owl Recommendation", "Moss J, Park D", None, 2017),
        (
            "Deep content-based owl recommendation",
            "Hart G, Lowe I",
            "Advances in owl information processing",
            2013,
        ),
        ("基于深度学习的猫头鹰识别研究", "张三, 李四", "计算机学报", 2019),
    ]


def test_names_in_a_script_without_spaces_lead_a_sentence_style_reference():
    """``林崎 由, 能勢 隆. 日本語の検討. 大会 (NLP2024). (2024.3)``: the names, then a title
    with no spaces between its words."""
    text = "# 研究発表\n\n## 2023年度\n\n" + (
        "- <u>林崎 由</u>, 能勢 隆, 伊藤 彰則. フクロウの鳴き声認識の検討."
        " 言語処理学会第30回年次大会 (NLP2024). (2024.3)\n"
        "- 菊池 遥斗，能勢 隆，<u>林崎 由</u>. 画像情報に基づくフクロウ音声合成に向けた検討."
        " 音学シンポジウム2025. (2025.6) **優秀発表賞**\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("フクロウの鳴き声認識の検討", 2024),
        ("画像情報に基づくフクロウ音声合成に向けた検討", 2025),
    ]


def test_a_list_that_links_none_of_its_papers_and_writes_them_alike_is_a_paper_list():
    """``- [*] Title, 1990`` down a section: some read as citations alone (title case, a
    colon), and the rest, written alike in sentence case, are papers as well."""
    text = HEAD + (
        "- [*] Architecture of the Owl System/360, 1964\n"
        "- [*] Parallel operation in the control owl 6600, 1964\n"
        "- [*] An Efficient Algorithm for Exploiting Multiple Owl Units, 1967\n"
        "- [*] The case for the reduced owl instruction set, 1980\n"
        "- [*] Decoupled access/execute owl architectures, 1984\n"
        "- [*] Exploiting Choice: Owl Fetch and Issue on a Multithreading Owl, 1996\n"
        "- [*] Using owl memory to reduce processor traffic, 1983\n"
        "- [*] Shared owl consistency models: a tutorial, 1996\n"
        "- [*] Lockup-free owl fetch cache organization, 1998\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Architecture of the Owl System/360", 1964),
        ("Parallel operation in the control owl 6600", 1964),
        ("An Efficient Algorithm for Exploiting Multiple Owl Units", 1967),
        ("The case for the reduced owl instruction set", 1980),
        ("Decoupled access/execute owl architectures", 1984),
        ("Exploiting Choice: Owl Fetch and Issue on a Multithreading Owl", 1996),
        ("Using owl memory to reduce processor traffic", 1983),
        ("Shared owl consistency models: a tutorial", 1996),
        ("Lockup-free owl fetch cache organization", 1998),
    ]


def test_a_venue_line_with_the_paper_link_after_the_byline_opens_no_paper():
    """``**Title** \\`` / ``*Ann Lee, Bo Chen* \\`` / ``Bulletin of Owl Engineering [[Paper](url)]
    \\`` / ``28 February 2023``: one paper, its venue's line linking it, however title-like."""
    text = HEAD + (
        "**Generative owl networks review in night-related engineering fields** \\\n"
        "*Giuseppe Carlo Marano, Marco Martino Rosso, Angelo Aloisio* \\\n"
        "Bulletin of Owl Engineering [[Paper](https://doi.org/10.1234/boe.7)] \\\n"
        "28 February 2023\n\n"
        "**A brief introductory review to deep owl models** \\\n"
        "*Ann Lee, Bo Chen* \\\n"
        "Owls in Civil Engineering [[Paper](https://doi.org/10.1234/oce.8)] \\\n"
        "02 March 2023\n"
    )
    assert [(r.title, r.year, r.links) for r in parse(text).rows] == [
        (
            "Generative owl networks review in night-related engineering fields",
            2023,
            ("https://doi.org/10.1234/boe.7",),
        ),
        (
            "A brief introductory review to deep owl models",
            2023,
            ("https://doi.org/10.1234/oce.8",),
        ),
    ]


def test_a_model_name_dated_before_a_colon_is_no_author_date_citation():
    """``- **OwlTDA** (2024): 24.0 dB on Owl-2Mix``, ``- **OwlFormer** (2021): Pure attention
    architecture``: a model, its year and what it does, no paper's author and title;
    ``Lee and Chen (2020): Title`` and ``LeCun (1998) Title`` still cite one."""
    text = HEAD + (
        "- **OwlTDA** (2024): 24.0 dB SI-SNRi on Owl-2Mix\n"
        "- **OwlFormer2** (2024): 24.1 dB SI-SNRi on Owl-2Mix\n"
        "- **OwlFormer** (2021): Pure attention-based owl architecture\n"
    )
    assert parse(text).rows == []
    cited = HEAD + (
        "- Lee and Chen (2020): Owl calls at night in the forest. Owl Letters, 3, 1-9.\n"
        "- LeCun (1998) Gradient-based owl learning applied to recognition. Proc. Owls.\n"
    )
    assert [(r.title, r.year) for r in parse(cited).rows] == [
        ("Owl calls at night in the forest", 2020),
        ("Gradient-based owl learning applied to recognition", 1998),
    ]


def test_a_static_sites_indented_html_blocks_give_a_paper_each():
    """``    <div class="publication-item">`` after a blank line is code to GitHub but HTML to
    the site's renderer: each ``<h3 class="paper-title">`` opens a paper, its authors' spans,
    venue and link follow; a bare ``<h3>`` heads a section, no paper."""
    item = (
        '    <div class="publication-item">\n'
        '      <h3 class="paper-title">{title}</h3>\n'
        '      <div class="authors">\n'
        '        <span class="author-name">Ann Lee</span>,\n'
        '        <span class="author-name">Bo Chen</span>\n'
        "      </div>\n"
        '      <div class="venue">IEEE ICASSP {year}</div>\n'
        '      <div class="paper-links">\n'
        '        <a href="https://arxiv.org/abs/{arxiv}" class="paper-link">Paper</a>\n'
        "      </div>\n"
        "    </div>\n"
    )
    text = (
        '---\nlayout: page\n---\n\n<div class="timeline">\n\n'
        '<div class="year-section">\n  <h2 class="year-title">2025</h2>\n'
        '  <div class="year-count">2 publications</div>\n\n'
        + item.format(title="Can owl LLMs think while listening?", year=2025, arxiv="2510.07497")
        + "\n"
        + item.format(
            title="Faster owl inference with multi-token prediction", year=2024, arxiv="2409.08148"
        )
        + "\n  <h3>Table of Contents</h3>\n\n</div>\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        ("Can owl LLMs think while listening?", "IEEE ICASSP 2025", 2025),
        ("Faster owl inference with multi-token prediction", "IEEE ICASSP 2024", 2024),
    ]


def test_paragraphs_of_references_with_notes_between_are_a_paper_each():
    """A reader's notes page: ``🟢 Lee, A., & Chen, B. (2020). Title. bioRxiv. https://...``,
    then notes, a label and bare links, then the next reference: each reference paragraph
    opens a paper; a bold title still takes the reference-like byline under it as its own."""
    text = HEAD + (
        "Parent: [[owls]]\n\n#owls #bib #todo\n\n"
        "🟢 Lee, A. E., Chen, B. A., & Moss, G. (2020). Learning owl function from structure."
        " bioRxiv. https://www.biorxiv.org/content/10.1101/2020.11.10.350876v1\n\n"
        "Park, N., Ross, V. C., & Hart, D. F. (2020). Owl heterogeneity promotes robust"
        " learning. bioRxiv.\nhttps://www.biorxiv.org/content/10.1101/2020.12.18.423468v1\n"
        "Notes: a fine paper, see the thread.\n\n"
        "On owls in the brain:\n\n"
        "🔥 Zheng, P., & Lowe, J. (2014). Robust development of owl chains from plasticity."
        " Frontiers in owl neuroscience, 8, 66.\nhttps://www.frontiersin.org/articles/x/full\n\n"
        "**Neo: A learned owl optimizer**\n\n"
        "*Marcus, R., Negi, P., & Mao, H. (2018). Proceedings of the VLDB Endowment*, *12*(11),"
        " 1705-1718. [[paper](https://doi.org/10.14778/3342263.3342644)]\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Learning owl function from structure", 2020),
        ("Owl heterogeneity promotes robust learning", 2020),
        ("Robust development of owl chains from plasticity", 2014),
        ("Neo: A learned owl optimizer", 2018),
    ]


def test_a_table_title_cell_with_its_journal_in_brackets_and_bold_link_words():
    """``| MEGNET | Title (Chemistry of Owls, 2019) [[**Paper**](doi)][[**Code**](gh)] |``: the
    bold link words are no name of the work, and the bracketed journal and year are its venue
    (``(Lee and Chen, 2019)`` names who wrote it instead)."""
    text = HEAD + (
        "|Method | Paper |\n|---|---|\n"
        "|MEGNET | Graph networks as a universal owl learning framework for molecules and"
        " crystals (Chemistry of Owls, 2019) [[**Paper**](https://doi.org/10.1021/owl.9b01294)]"
        "[[**Code**](https://github.com/o/megnet)] |\n"
        "|DTNet | Dielectric owl prediction for inorganic materials using latent information"
        " (npj Computational Owls, 2024) [[**Paper**](https://www.nature.com/articles/s4)] |\n"
        "|Admix | Admix: Enhancing the transferability of owl attacks with long titles to read"
        " (Lee and Chen, 2021) [[**Paper**](https://arxiv.org/abs/2102.00436)] |\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        (
            "Graph networks as a universal owl learning framework for molecules and crystals",
            "Chemistry of Owls",
            2019,
        ),
        (
            "Dielectric owl prediction for inorganic materials using latent information",
            "npj Computational Owls",
            2024,
        ),
        (
            "Admix: Enhancing the transferability of owl attacks with long titles to read",
            None,
            2021,
        ),
    ]


def test_names_then_a_year_with_the_journals_short_name_then_the_title():
    """``Da, Liu, and Moss (2013 MS) A Closer Look at Owls``, ``Lee and Park (2022 JoF).
    Factor owls.``: an author-date reference whose date carries the journal's short name."""
    text = HEAD + (
        "21. [Da, Liu, and Moss (2013 MS) A Closer Look at the Short-Term Owl Reversal]"
        "(../notes/owl.html)\n"
        "25. [Lee and Park (2022 JoF). Factor owls and the owl factor.](../notes/owl2.html)\n"
        "28. Han, Y., Zhou, G., Y. Zhu (2016 JFE). A trend owl: any economic gains from owls?\n"
    )
    assert rows(text) == [
        ("A Closer Look at the Short-Term Owl Reversal", "Da, Liu, and Moss", "MS", 2013),
        ("Factor owls and the owl factor", "Lee and Park", "JoF", 2022),
        ("A trend owl: any economic gains from owls?", "Han, Y., Zhou, G., Y. Zhu", "JFE", 2016),
    ]


def test_a_linked_title_cell_then_a_short_name_and_a_title_opening_with_we():
    """``| [Fast Directional Owl Passing for Molecules](arxiv) (DimeNet++) | Names | Nov 2020 |``
    is titled by its link; ``We have an owl for you! A Comprehensive ...`` is a title, the
    exclamation tells it from a summary's ``We propose ...``."""
    table = HEAD + (
        "| Paper | Authors | Date |\n|---|---|---|\n"
        "| [Fast and Uncertainty-Aware Directional Owl Passing for Molecules]"
        "(https://arxiv.org/abs/2011.14115) (DimeNet++) | Lee, Chen | Nov 2020 |\n"
        "| [An implementation of owl potentials for materials: Performance for TiO2]"
        "(https://doi.org/10.1016/j.owl.2015.1)  (aenet) | Moss, Park | Mar 2016 |\n"
    )
    assert [r.title for r in parse(table).rows] == [
        "Fast and Uncertainty-Aware Directional Owl Passing for Molecules",
        "An implementation of owl potentials for materials: Performance for TiO2",
    ]
    bullets = HEAD + (
        "- We have an owl for you! A Comprehensive Analysis of Owl Hallucinations by Code LLMs"
        "  \n  [Paper](https://arxiv.org/abs/2406.10279)\n"
    )
    assert [r.title for r in parse(bullets).rows] == [
        "We have an owl for you! A Comprehensive Analysis of Owl Hallucinations by Code LLMs"
    ]


def test_a_list_saved_in_latin1_is_read_with_a_warning(tmp_path):
    """A list typed in an old editor (``Schäfer`` as the byte 0xe4) is read, not refused: the
    bytes are Latin-1, and a warning says so; a file of NUL bytes is no text."""
    from delbib.errors import InputError
    from delbib.lists import markdown

    path = tmp_path / "list.md"
    path.write_bytes(
        (
            HEAD
            + "1. [Schätzung der Eulen bei Nacht](https://arxiv.org/abs/2101.00001), OWLS 2021\n"
        ).encode("latin-1")
    )
    parsed = markdown.parse_file(path)
    assert [r.title for r in parsed.rows] == ["Schätzung der Eulen bei Nacht"]
    assert "not UTF-8" in str(parsed.warnings[0])
    path.write_bytes(b"\x00\x01# Owls\x00")
    with pytest.raises(InputError, match="binary"):
        markdown.parse_file(path)


def test_a_notes_index_linking_the_lists_own_notes_then_the_author():
    """``* [Semi-Dense Owl Odometry for a Monocular Camera](paper_notes/owl.md) - Cremers``:
    each title links the list's note on the paper, then its author; an anchor missing its
    ``#`` (``[SoK, Empirical Study](sok,-empirical-study)``) is no note."""
    text = HEAD + (
        "* [Semi-Dense Owl Odometry for a Monocular Camera](paper_notes/semidense.md) - Cremers\n"
        "* [Keyframe-Based Owl SLAM Using Nonlinear Optimization](notes/kf.md) - Leutenegger\n"
    )
    assert [(r.title, r.authors) for r in parse(text).rows] == [
        ("Semi-Dense Owl Odometry for a Monocular Camera", "Cremers"),
        ("Keyframe-Based Owl SLAM Using Nonlinear Optimization", "Leutenegger"),
    ]


def test_a_publication_column_beside_a_venue_column_holds_the_titles():
    """``| Publication | Venue | Year | Resource |``: with a venue column of its own, the
    publication column's long cells are the titles."""
    text = HEAD + (
        "| Publication  | Venue | Year |  Resource |\n|:---|:---:|---:|---:|\n"
        "| Neural general circulation owl models for weather and climate | *Nature* | 2024 |"
        " [\\[paper\\]](https://www.nature.com/articles/s41586-024-07744-y) |\n"
        "| Owl WxC: Foundation Model for Owl Weather and Climate | *arXiv* | 2024 |"
        " [\\[paper\\]](https://arxiv.org/abs/2411.05420) |\n"
    )
    assert [(r.title, r.venue, r.year) for r in parse(text).rows] == [
        ("Neural general circulation owl models for weather and climate", "Nature", 2024),
        ("Owl WxC: Foundation Model for Owl Weather and Climate", "arXiv", 2024),
    ]


def test_a_review_pages_table_of_contents_lists_its_papers():
    """``1. [Title](#1-title)`` over ``# 1 Title`` and notes in another language, no paper
    linked anywhere: the contents list the papers the page reviews (not when the page lists
    papers of its own, where the contents only lead around)."""
    text = "# Owl paper review 2015 ~ 2020\n" + (
        "1. [A Persona-Based Neural Owl Conversation Model](#1-a-persona-based)\n"
        "2. [Adversarial Examples for Evaluating Owl Comprehension Systems(EMNLP)](#2-adv)\n"
        "3. [Graph Attention Owl Networks(ICLR)](#3-graph-attention-owl-networks)\n\n"
        "# 1 A Persona-Based Neural Owl Conversation Model\n    - 19 Mar 2016\n\n"
        "    1) 저자의 연구가 왜 중요한가?\n\n"
        "# 2 Adversarial Examples for Evaluating Owl Comprehension Systems\n\n노트\n\n"
        "# 3 Graph Attention Owl Networks\n\n노트\n"
    )
    assert [(r.title, r.venue) for r in parse(text).rows] == [
        ("A Persona-Based Neural Owl Conversation Model", None),
        ("Adversarial Examples for Evaluating Owl Comprehension Systems", "EMNLP"),
        ("Graph Attention Owl Networks", "ICLR"),
    ]


def test_a_bold_bracketed_author_date_label_with_a_pandoc_key_then_the_title():
    """``- **[Lee et al. (2023) [@2023LeeOwls] (2306.08106)]** - Title``: a Pandoc citation
    key is markup, and the label's names and year, then the title after the dash."""
    text = HEAD + (
        "- **[Lee et al. (2023) [@2023LeeApplicationsOwls] (2306.08106)]** - Applications of"
        " Deep Learning to Owl Workflows\n"
        "- **[Chen et al. (2022) [@2022ChenFAIRowls] (Scientific Owls)]** - FAIR for Owls: An"
        " Interdisciplinary Community Building Perspective\n"
    )
    assert [(r.title, r.authors, r.year) for r in parse(text).rows] == [
        ("Applications of Deep Learning to Owl Workflows", "Lee et al", 2023),
        (
            "FAIR for Owls: An Interdisciplinary Community Building Perspective",
            "Chen et al",
            2022,
        ),
    ]
