"""The item reader, third round of real lists (issue 17): tag lines, indexes of nicknames,
one-name paper links, link words and named notes typed into titles, labelled links, quoted
descriptions, PDFs among papers.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists.markdown import linkwords, nicknames, repeats

from .listread import parse, titles

OWL_ITEMS = (
    "## Models\n\n"
    "- `【2025-06】-【OwlNet】-【Owl University】-【Type: Model】`\n"
    "  - **OwlNet: Seeing Owls in the Dark**\n"
    "  - **Author(s):** Ann Lee, Bo Chen\n"
    "  - [Paper](https://arxiv.org/abs/2506.00001) / [Demo](https://owlnet.example.org/)\n\n"
    "- `【2025-02】-【HootLM】-【Hoot Lab】-【Type: Benchmark】`\n"
    "  - **HootLM: A Benchmark of Owl Calls**\n"
    "  - **Author(s):** Cy Park\n"
    "  - [Paper](https://arxiv.org/abs/2502.00002)\n\n"
    "- `【2024-11】-【Wing-7】-【Feather Inc】-【Type: Model】`\n"
    "  - **Wings Are All You Need**\n"
    "  - **Author(s):** Di Wu, Ed Ray\n"
    "  - [Paper](https://arxiv.org/abs/2411.00003)\n"
)


def test_a_line_of_tags_labels_the_item_and_the_bold_line_is_its_title():
    parsed = parse("# Owls\n\n" + OWL_ITEMS)
    assert [r.title for r in parsed.rows] == [
        "OwlNet: Seeing Owls in the Dark",
        "HootLM: A Benchmark of Owl Calls",
        "Wings Are All You Need",
    ]
    first = parsed.rows[0]
    assert first.authors == "Ann Lee, Bo Chen"  # neither the tags nor the "Author(s):" label
    assert (first.year, first.date) == (2025, "2025-06")


def test_bracketed_tags_on_a_line_of_their_own_are_no_title():
    text = (
        "# Owls\n\n"
        "- [2023-05] [OwlNet] [Owl University]\n"
        "  - **OwlNet: Seeing Owls in the Dark**\n"
        "  - [Paper](https://arxiv.org/abs/2305.00001)\n"
    )
    assert titles(text) == ["OwlNet: Seeing Owls in the Dark"]


def test_an_index_of_nicknames_repeating_the_full_items_adds_no_papers():
    index = (
        "## Abbreviations\n"
        "- [OwlNet](https://arxiv.org/abs/2506.00001)\n"
        "- [HootLM](https://arxiv.org/pdf/2502.00002)\n"
        "- [Wing-7](https://arxiv.org/abs/2411.00003)\n"
        "- [Beak](https://arxiv.org/abs/2401.00004)\n"
        "- [OwlArena](https://owls.example.org/arena)\n\n"
    )
    arena = (
        "\n- `【2024-12】-【OwlArena】-【Owl University】-【Type: Tool】`\n"
        "  - **OwlArena: Interactive Evaluation of Owl Models**\n"
        "  - **Author(s):** Fay Lin\n"
        "  - [Demo](https://owls.example.org/arena) / [Blog](https://owls.example.org/arena/blog)\n"
    )
    parsed = parse("# Owls\n\n" + index + OWL_ITEMS + arena)
    # each paper once, under the title its own item gives (known by its identifier, or by its
    # page when it has none); "Beak" is given nowhere else
    assert sorted(r.title for r in parsed.rows) == [
        "Beak",
        "HootLM: A Benchmark of Owl Calls",
        "OwlArena: Interactive Evaluation of Owl Models",
        "OwlNet: Seeing Owls in the Dark",
        "Wings Are All You Need",
    ]
    assert parsed.skipped_counts()[repeats.REPEAT] == 4


def test_a_few_short_names_repeating_papers_are_not_an_index():
    # two bare names among papers of their own: a list that links a paper twice, not an index
    text = (
        "# Owls\n\n## Reading\n"
        "- [OwlNet](https://arxiv.org/abs/2506.00001)\n"
        "- [Night Flight of Owls](https://arxiv.org/abs/2401.00011)\n"
        "- [Owl Songs at Dawn](https://arxiv.org/abs/2401.00012)\n"
        "- [Owl Nests in Cities](https://arxiv.org/abs/2401.00013)\n\n" + OWL_ITEMS
    )
    assert "OwlNet" in titles(text)


def test_one_name_linking_a_paper_then_its_year_is_the_title():
    text = (
        "# Owls\n\n## Agents\n"
        ":star: [[Owlpala](https://arxiv.org/abs/1802.00001)] 2018 @ Owl Labs\n\n"
        ":rocket: [[Hooting at Scale with Owls](https://arxiv.org/abs/1802.00002)] "
        "2018 @ Owl Labs\n\n"
        "[[Hawkeye](https://arxiv.org/abs/1802.00003)] Lee et al., 2019 @ Hawk Labs\n\n"
    )
    parsed = parse(text)
    assert [(r.title, r.year) for r in parsed.rows] == [
        ("Owlpala", 2018),
        ("Hooting at Scale with Owls", 2018),
        ("Hawkeye", 2019),
    ]


def test_one_name_then_a_described_title_keeps_the_whole_line():
    text = (
        "# Owls\n\n- [Owlset](https://arxiv.org/abs/2201.00001) (2022) - A Dataset of Owl Calls\n"
    )
    assert titles(text) != ["Owlset"]


def test_a_word_for_the_paper_typed_after_the_title_is_no_part_of_it():
    assert linkwords.drop_trailing("Owl Calls as Signals, pdf") == "Owl Calls as Signals"
    assert linkwords.drop_trailing("Owl Calls as Signals (PDF)") == "Owl Calls as Signals"
    assert linkwords.drop_trailing("Owls with Graph, Image, and Text") == (
        "Owls with Graph, Image, and Text"
    )
    assert linkwords.drop_trailing("Owls at Night (slides)") == "Owls at Night (slides)"
    text = (
        "# Owls\n\n## A\n"
        "- [Owl Calls as Signals, pdf](https://owls.example.org/calls.pdf) Lee, 2003\n"
    )
    assert titles(text) == ["Owl Calls as Signals"]


def test_a_named_note_after_the_title_is_left_out():
    assert nicknames.drop("Learning to Hoot from Video (OwlDoom 2016 Full DM Winner)") == (
        "Learning to Hoot from Video"
    )
    assert nicknames.drop("Mastering the Game of Owls (AlphaOwl Zero)") == (
        "Mastering the Game of Owls"
    )
    assert nicknames.drop("Trust Region Owl Optimization (OWLT, A2O)") == (
        "Trust Region Owl Optimization"
    )
    # a full stop after it changes nothing: a title stored without it reads back the same
    assert nicknames.drop("Owls hoot at night in the forest (Owl-7 or V3-1024).") == (
        "Owls hoot at night in the forest"
    )
    # capitals alone, plain words and years may be the title's own
    kept = (
        "Owl Database Papers (CMU Spring Course)",
        "Owl usability considered harmful (some of the time)",
        "Owl Reading List (Spring 2016)",
        "Automated Owl Planning and Scheduling (AOPS)",
    )
    assert [nicknames.drop(t) for t in kept] == list(kept)


def test_a_label_followed_by_links_is_no_title():
    text = (
        "# A Survey of Owls\n\n"
        "Resources: [Paper](https://arxiv.org/pdf/2411.00001), "
        "[Slides](https://github.com/owl/owls/blob/main/slides.pdf), [Cite](#citation)\n\n"
        "This repository collects papers about owls.\n\n"
        "## Owls\n"
        "- [Owl Calls as Signals](https://arxiv.org/abs/2301.00002), *OwlConf'23*\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == ["Owl Calls as Signals"]


def test_a_quoted_description_after_a_named_lead_is_no_title():
    text = (
        "# Owls\n\n## Reading\n"
        '1. Owl Vectors - "unsupervised learning of a generic owl encoder"\n'
        "    - [Paper](http://arxiv.org/abs/1506.00001)\n"
        "    - [Code](https://github.com/owl/owl-vectors)\n"
        '1. **Owl Agent** — "Automated Design of Owl Systems". Lee, Chen. *ICLR* 2025. '
        "[[paper]](https://arxiv.org/abs/2506.00002)\n"
    )
    assert titles(text) == ["Owl Vectors", "Automated Design of Owl Systems"]


def test_a_pdf_named_by_a_title_is_a_paper_in_a_block_that_lists_papers():
    mixed = (
        "# Owls\n\n## Owl embeddings and friends\n"
        "1. [The amazing power of owl vectors](https://blog.example.org/2016/04/owls/)\n"
        "1. [Distributed Representations of Owl Calls](https://papers.example.cc/paper/1-owls.pdf)"
        " - The original owl2vec paper.\n"
        "1. [owl2vec Parameter Learning Explained](https://arxiv.org/abs/1411.00001)\n"
        "1. [Learning Owl Vectors for 157 Forests](https://arxiv.org/abs/1802.00002)\n"
        "1. [Fact sheet of the Owl Cam](https://owlcam.example.org/factsheet.pdf)\n"
        "1. [owl2vec analogy demo](http://owl2vec.example.net/)\n"
        "1. [Owl embeddings in 2017: Trends](http://owls.example.io/owl-embeddings-2017/)\n"
        "1. [A gentle introduction to owl2vec](https://medium.com/@owl/owl2vec-1234)\n"
        "1. [Owl Embedding Projector](http://projector.example.org/)\n"
    )
    assert titles(mixed) == [
        "Distributed Representations of Owl Calls",
        "owl2vec Parameter Learning Explained",
        "Learning Owl Vectors for 157 Forests",
    ]
    tools = (
        "# Owls\n\n## Resources & Tools\n"
        "- [OwlGPT: Drawing owl graphs with GPT](https://github.com/owl/owlgpt)\n"
        "- [OwlML: Owl markup language](https://uni.example.edu/handbook/owlml.pdf). A format.\n"
        "- [OML: Owl modelling language](https://owls.example.org/docs/oml.html). Read OML.\n"
    )
    assert titles(tools) == []


def test_titles_apart_by_a_plus_that_link_different_papers_are_two_entries():
    from delbib.lists import importer

    text = (
        "# Owls\n\n## Registration\n"
        "* [2021] OWL: Owl Registration by Anatomy [[pdf]](https://arxiv.org/abs/2109.00001)\n"
        "* [2023] OWL++: Owl Registration by Anatomy [[pdf]](https://arxiv.org/abs/2311.00002)\n"
        "* [2023] OWL: Owl Registration by Anatomy [[pdf]](https://arxiv.org/abs/2109.00001v2)\n"
        "* [2024] OWL - Owl Registration by Anatomy [[pdf]](https://doi.org/10.1000/owl.2024)\n"
    )
    groups = importer.group_rows(parse(text).rows)
    # the retyped OWL (its v2) is the same paper; so is "OWL - Owl ..." (the same words, no "+",
    # however its links differ); OWL++ is another paper
    assert [[r.title for r in g.rows] for g in groups] == [
        [
            "OWL: Owl Registration by Anatomy",
            "OWL: Owl Registration by Anatomy",
            "OWL - Owl Registration by Anatomy",
        ],
        ["OWL++: Owl Registration by Anatomy"],
    ]


def test_bare_items_titled_as_the_full_ones_stay_for_their_categories():
    by_topic = (
        "## Owl vision\n"
        "- [OwlNet: Seeing Owls in the Dark](https://arxiv.org/abs/2506.00001)\n"
        "- [HootLM: A Benchmark of Owl Calls](https://arxiv.org/abs/2502.00002)\n"
        "- [Wings Are All You Need](https://arxiv.org/abs/2411.00003)\n\n"
    )
    from delbib.lists import importer

    parsed = parse("# Owls\n\n" + by_topic + OWL_ITEMS)
    assert repeats.REPEAT not in parsed.skipped_counts()
    groups = importer.group_rows(parsed.rows)  # one entry each, in both categories
    assert [sorted(c for r in g.rows for c in r.categories) for g in groups] == [
        ["Models", "Owl vision"]
    ] * 3
