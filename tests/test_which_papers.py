"""Which items are papers, and what one item is (issue 17, lists the reader was not tuned on):
venue and year headings, citations without links, a heading over one paper's blocks, blogs
and link words in other languages.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from .listread import parse


def test_a_venue_and_year_heading_gives_its_items_venue_and_year():
    text = (
        "# Owl Papers\n\n"
        "## Contents\n\n"
        "### [OWLCONF-2024](#contents)\n\n"  # not a venue: only a back-link to the contents
        "### [ICML-2024](#contents)\n\n"
        "1. **Counting Owls with Sparse Graph Networks**\n\n"
        "    *Ada Stone, Ben Rivers, Cara Vale*\n\n"
        "1. **Owl Calls as Graph Signals**\n\n"
        "    *Dan Moss, Eve North*\n\n"
        "### CVPR 2023\n\n"
        "- [Nesting Sites from Above](https://arxiv.org/abs/3001.00001), ECCV 2022\n"
        "- [Feathers in the Wild](https://arxiv.org/abs/3001.00002)\n\n"
        "## 2021\n\n"
        "- [Owl Flight Dynamics](https://arxiv.org/abs/2801.00003)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", "ICML-2024", 2024),
        ("Owl Calls as Graph Signals", "ICML-2024", 2024),
        ("Nesting Sites from Above", "ECCV 2022", 2022),  # its own venue comes first
        ("Feathers in the Wild", "CVPR 2023", 2023),
        ("Owl Flight Dynamics", None, 2021),
    ]
    assert rows[0].authors == "Ada Stone, Ben Rivers, Cara Vale"
    assert rows[0].categories == ("ICML-2024",)  # the back-linked heading still names it


def test_a_topic_heading_gives_no_venue():
    text = (
        "## Graph Learning for Owls\n\n- [Owl Flight Dynamics](https://arxiv.org/abs/2801.00003)\n"
    )
    assert [(r.venue, r.year) for r in parse(text).rows] == [(None, None)]


def test_a_bold_or_quoted_title_over_a_line_of_names_is_a_citation_without_a_link():
    text = (
        "## Owl Acoustics\n\n"
        "1. **Counting Owls with Sparse Graph Networks**\n\n"
        "    *Ada Stone, Ben Rivers, Cara Vale*\n\n"
        '1. "Owl Calls as Graph Signals"\n\n'
        "    Dan Moss and Eve North\n\n"
        "1. **Nesting Sites from Above**\n\n"
        "    *Finn South et al.*\n"
    )
    rows = parse(text).rows  # a whole list of them, none linked: not refused
    assert [(r.title, r.authors) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", "Ada Stone, Ben Rivers, Cara Vale"),
        ("Owl Calls as Graph Signals", "Dan Moss and Eve North"),
        ("Nesting Sites from Above", "Finn South et al"),
    ]


def test_a_bold_phrase_over_one_capitalised_phrase_is_not_a_citation():
    text = (
        "## About\n\n"
        "**Curated owl resources for every season**\n\n"
        "*Awesome Papers*\n\n"
        "- [Owl Flight Dynamics](https://arxiv.org/abs/2101.00003), ICML 2021\n"
    )
    assert [r.title for r in parse(text).rows] == ["Owl Flight Dynamics"]


def test_an_unlinked_item_shaped_like_its_linked_siblings_is_a_paper():
    text = (
        "## Owl Vision\n\n"
        "- **Counting Owls with Sparse Graph Networks** (2023), ICML'23, Stone, Ada, et al."
        " [[pdf]](https://arxiv.org/pdf/2301.00001)\n"
        "- **Owl Calls as Graph Signals** (2022), OWLJ journal, Moss, Dan, et al.\n"
        "- **Nesting Sites from Above** (2022), arxiv, Vale, Cara, et al."
        " [[pdf]](https://arxiv.org/pdf/2201.00002)\n"
        "- **Feathers in the Wild** (2021), CVPR'21, North, Eve [[pdf]](https://x.org/f.pdf)\n"
        "- **Our owl dataset**: see the folder below\n"
        "- **Owl Songs by Diffusion** (2021), OWLJ journal, Rivers, Ben, et al."
        " [[code]](https://github.com/x/owlsongs)\n"
    )
    rows = parse(text).rows
    # "Owl Songs by Diffusion" links only its code but cites its paper (venue, year,
    # authors): a paper whose code is linked, not a tool
    assert [(r.title, r.year) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", 2023),
        ("Owl Calls as Graph Signals", 2022),
        ("Nesting Sites from Above", 2022),
        ("Feathers in the Wild", 2021),
        ("Owl Songs by Diffusion", 2021),
    ]


def test_an_unlinked_item_in_a_list_of_differently_shaped_papers_stays_out():
    text = (
        "## Owl Vision\n\n"
        "- [Counting Owls with Sparse Graph Networks](https://arxiv.org/abs/2301.00001) 2023\n"
        "- [Nesting Sites from Above](https://arxiv.org/abs/2201.00002) 2022\n"
        "- **Owl Calls as Graph Signals** (2022)\n"
    )
    assert len(parse(text).rows) == 2


ONE_PAPER_SECTIONS = (
    "# Owl Papers of 2024\n\n"
    "### Counting Owls with Sparse Graph Networks\n"
    '> A method that counts owls from "sparse" graphs, beating every baseline on owl data.\n\n'
    "<details>\n<summary>Details</summary>\n\n"
    "- **Abstract**: Owls are hard to count. We propose a **sparse** graph network that"
    ' finds "owls" in the dark and counts them, and we show it counts more owls than any'
    " method before it on three owl data sets. Code is [here](https://github.com/x/owls).\n"
    "- **OpenReview**: https://openreview.net/pdf?id=OwlCount01\n\n"
    "</details>\n\n"
    "### Owl Calls as Graph Signals\n"
    "> Owl calls become signals on a graph.\n\n"
    "- [[paper](https://arxiv.org/abs/2401.00002)] [[code](https://github.com/x/owlcalls)]\n"
)


def test_a_heading_over_the_blocks_of_one_paper_is_that_paper():
    rows = parse(ONE_PAPER_SECTIONS).rows
    assert [(r.title, r.links[0], r.line) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", "https://openreview.net/pdf?id=OwlCount01", 3),
        ("Owl Calls as Graph Signals", "https://arxiv.org/abs/2401.00002", 14),
    ]
    assert rows[1].links[1] == "https://github.com/x/owlcalls"
    assert rows[0].categories == ()  # the heading is the paper's title, not its category


def test_a_linked_title_heading_over_field_bullets_is_that_paper():
    text = (
        "# Owl Papers\n\n"
        "### [Counting Owls with Sparse Graph Networks](https://arxiv.org/abs/2401.00011)\n"
        "- **Metrics:** Owl count error, recall at night\n"
        "- **Datasets:** OwlNight, BarnOwl-5K\n"
        "- **Comments:** Proposes **SOG**, a sparse graph network that counts owls in the dark"
        " and beats every baseline on three owl data sets, while using far less memory than"
        " dense networks of the same size. (Owl Conference 2024)\n\n"
        "### [Owl Calls as Graph Signals](https://aclanthology.org/2024.owl-main.7/)\n"
        "- **Metrics:** Accuracy\n"
        "- **Datasets:** HootBench\n\n"
        "### [Owl Tools](https://github.com/x/owltools)\n"
        "- [OWLKIT](https://github.com/x/owlkit) - A toolkit for owl data\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.links[0], r.line) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", "https://arxiv.org/abs/2401.00011", 3),
        ("Owl Calls as Graph Signals", "https://aclanthology.org/2024.owl-main.7/", 8),
    ]
    assert [r.categories for r in rows] == [(), ()]


def test_a_heading_over_one_papers_notes_naming_a_person_is_that_paper():
    """A note's bold or linked words after the words of a sentence (``Guided by **Ann
    Lee**``, ``Work of [Bo Chen](profile)``) are emphasis and a person, not a title or a
    work of its own; a comma after the heading's linked title is no part of it."""
    text = (
        "# Owl Theory\n\n"
        "### Papers at Owl Conference\n\n"
        " #### 1. [Sparse Hooting Bounds for Night Learners](https://owlconf.org/v3/lee21a.html)\n"
        "  Materials: [pdf](https://owlconf.org/v3/lee21a/lee21a.pdf)\n"
        " - Guided by **Ann Lee**\n"
        " - Bounds the hooting error of sparse learners\n"
        " #### 2. [Stable Perches for Gradient Owls](https://owlconf.org/v3/chen21b.html), \n"
        "  Materials: [pdf](https://owlconf.org/v3/chen21b/chen21b.pdf)\n"
        " - Work of **[Bo Chen](https://people.example.org/bochen)**, who studies perches.\n"
        " - A perch-dependent notion of stability\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.line) for r in rows] == [
        ("Sparse Hooting Bounds for Night Learners", 5),
        ("Stable Perches for Gradient Owls", 9),
    ]


def test_a_heading_over_dated_works_of_their_own_is_a_category_not_a_paper():
    # each item names its own work with a venue and year; only one links a PDF
    text = (
        "# Owl Resources\n\n"
        "### Workshops and Tutorials on Owls\n"
        "* Owls in the Age of Large Models, in *OWLCONF* 2024. [\\[Link\\]](https://owls.example.org/ws)\n"
        "* Counting Owls: Overview and New Trends, in *NESTS* 2023."
        " [\\[Link\\]](https://nests.example.org/vol3/p12.pdf)\n"
        "* Robust Owl Tracking for Everyone, in *OWLCONF* 2022. [\\[Link\\]](https://owls.example.org/tut)\n"
    )
    rows = parse(text).rows
    # the heading names their category; the one linking a paper is a paper, the event sites
    # are not (they were one paper titled by the heading, holding all three links)
    assert [(r.title, r.year, r.categories) for r in rows] == [
        ("Counting Owls: Overview and New Trends", 2023, ("Workshops and Tutorials on Owls",)),
    ]


def test_a_bold_title_paragraph_after_the_previous_papers_description_is_a_new_paper():
    text = (
        "## Reviews\n\n"
        "These reviews are a good start, listed by month of publication.\n\n"
        "**Counting Owls with Sparse Graph Networks** [[paper](https://arxiv.org/abs/2103.00011)]\n\n"
        "A short review of how sparse graphs help count owls in the dark.\n\n"
        "**Owl Calls as Graph Signals** [[pdf](https://doi.org/10.1000/owl.7)]\n\n"
        "From the abstract: owl calls become signals on a graph of nests.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.line) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", 5),
        ("Owl Calls as Graph Signals", 9),
    ]


def test_a_link_named_by_its_venue_or_as_open_access_is_the_papers_link():
    text = (
        "## Reviews\n\n"
        "**Counting Owls with Sparse Graph Networks** [[Nature Methods paper](https://www.nature.com/articles/s41592-099-0001-x)]\n\n"
        "A short review of how sparse graphs help count owls in the dark.\n\n"
        "**Owl Calls as Graph Signals** [[open access paper](https://owls.example.org/content/12/7/878)]\n\n"
        "From the abstract: owl calls become signals on a graph of nests.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.kinds) for r in rows] == [
        ("Counting Owls with Sparse Graph Networks", ("paper",)),
        ("Owl Calls as Graph Signals", ("paper",)),
    ]


def test_a_publication_date_written_before_a_title_is_not_part_of_it():
    text = (
        "## Reviews\n\n"
        "**(2021-03) Counting Owls with Sparse Graph Networks** [[pdf](https://arxiv.org/abs/2103.00011)]\n\n"
        "A short review of how sparse graphs help count owls in the dark.\n\n"
        "**(2019) Owl Calls as Graph Signals** [[pdf](https://arxiv.org/abs/1903.00012)]\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals",
    ]


def test_a_heading_over_papers_or_tools_stays_a_category():
    text = (
        "## Counting Owls at Night\n\n"
        "- [Sparse Owl Graphs](https://arxiv.org/abs/2401.00001)\n\n"
        "## Tools for Owl Watchers\n\n"
        "- [OWLKIT](https://github.com/x/owlkit) - A toolkit for owl data\n"
        "- [NightOwl](https://x.org/nightowl.pdf) - An open toolkit for night vision\n"
    )
    rows = parse(text).rows
    assert rows[0].title == "Sparse Owl Graphs"
    assert rows[0].categories == ("Counting Owls at Night",)
    assert "Tools for Owl Watchers" not in [r.title for r in rows]


def test_a_link_to_a_blog_post_or_an_encyclopedia_entry_is_not_a_paper():
    text = (
        "## Reading\n\n"
        "* [Counting Owls with Sparse Graph Networks](https://arxiv.org/abs/2301.00001)\n"
        "* Owl Calls as Graph Signals, ICML 2019 [[pdf](https://x.org/owlcalls.pdf)]\n"
        "* [Why owls hoot at night](https://owl.example.org/blog/why-owls-hoot/)\n"
        "* [Owls in production](https://eng.example.com/posts/owls-in-production)\n"
        "* [Owl (bird)](https://en.wikipedia.org/wiki/Owl)\n"
        "* [Ten owl facts](https://owlfan.blogspot.com/2016/11/ten-owl-facts.html)\n"
        "* [Owl scaling insights](https://medium.com/owl-team/owl-scaling-insights-c259f3)\n"
        "* [Counting Owls, explained](https://lilian.example.io/posts/2021-owls/)"
        " [[code](https://github.com/x/owls)]\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals",
    ]
    assert parsed.skipped_counts() == {
        "blog post (links only blog posts)": 5,
        "encyclopedia entry (links only Wikipedia)": 1,
    }


def test_link_words_in_other_languages_are_link_words_with_their_kinds():
    text = (
        "## 论文\n\n"
        "- **Counting Owls with Sparse Graph Networks** — Stone 等. *ICML* 2024."
        " [[论文]](https://arxiv.org/abs/2401.00001) [[代码]](https://github.com/x/owls)\n"
        "- **Owl Calls as Graph Signals** — Moss. *NeurIPS* 2023."
        " [[论文]](https://arxiv.org/abs/2301.00002) [[博客]](https://owls.example.org/)\n"
        "- **Nesting Sites from Above** — Vale. *CVPR* 2022."
        " [[Artículo]](https://x.org/nests.pdf) [[Código]](https://gitlab.com/x/nests)"
        " [[動画]](https://youtube.com/watch?v=nests) [[논문]](https://arxiv.org/abs/2201.00003)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals",
        "Nesting Sites from Above",
    ]
    assert rows[0].kinds == ("paper", "code")
    assert rows[1].kinds == ("paper", "project")
    assert sorted(rows[2].kinds) == ["code", "paper", "paper", "video"]


def test_tables_of_blogs_books_slides_and_projects_are_not_papers():
    text = (
        "# Papers\n\n"
        "| Year | Title | Link |\n| --- | --- | --- |\n"
        "| 2023 | Counting Owls with Sparse Graph Networks |"
        " [PDF](https://arxiv.org/abs/2301.00001) |\n\n"
        "# Blog\n\n"
        "| Type | Blog Title | Link |\n| --- | --- | --- |\n"
        "| HPO | Owls and Hyperparameters | [`Link`](https://owls.example.org/2016/owls-hpo/) |\n\n"
        "# Books\n\n"
        "| Year | Type | Name | Authors | Link |\n| --- | --- | --- | --- | --- |\n"
        "| 2019 | HPO | The Owl Book | Ada Stone |"
        " [`Download`](https://owlbooks.example.org/owl) |\n\n"
        "## Open-source Projects\n\n"
        "| Name | Language | Link |\n| --- | --- | --- |\n"
        "| OwlKit | Python | [`Homepage`](https://owlkit.example.org) |\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == ["Counting Owls with Sparse Graph Networks"]
    assert parsed.skipped_counts() == {
        "row of a table of blog": 1,
        "row of a table of books": 1,
        "row of a table of projects": 1,
    }


def test_a_time_line_table_without_links_is_not_a_paper_table():
    text = (
        "## History\n\n"
        "| Year | Milestone | Why it matters |\n| --- | --- | --- |\n"
        '| 1965 | A. Stone — "Owl intelligence" | first idea of owls designing owls |\n'
        "| 2023 | OwlNet, OwlGPT | owls that improve themselves |\n\n"
        "## Citations\n\n"
        "| Year | Title | Venue |\n| --- | --- | --- |\n"
        "| 2021 | Counting Owls with Sparse Graph Networks | ICML |\n"
    )
    assert [r.title for r in parse(text).rows] == ["Counting Owls with Sparse Graph Networks"]


def test_a_sentence_under_a_paper_that_links_something_is_a_note_not_a_paper():
    text = (
        "## Owl theory\n\n"
        "* Counting Owls with Sparse Graph Networks, ICML 2021 [[pdf](https://x.org/owls.pdf)]\n"
        "  * One of the most cited owl papers; introduces the"
        " [Owl Number](https://en.wikipedia.org/wiki/Owl)\n"
        "  * Related blog post, [Owls in the Wide Area](https://owlfan.example.org/owls-wide/)\n"
        "* Owl Calls as Graph Signals, NeurIPS 2020 [[pdf](https://x.org/calls.pdf)]\n"
        "  * [Nesting Sites from Above](https://arxiv.org/abs/2001.00003), CVPR 2020\n"
        "  * The owl model is described in: Vale et al.,"
        " *[Feathers in the Wild](https://doi.org/10.1234/feathers)*\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals",
        "Nesting Sites from Above",  # a paper nested under a paper opens with its title
        "Feathers in the Wild",  # a citation the sentence leads to
    ]
    assert parsed.skipped_counts() == {"a note about the item it is nested under": 2}


def test_sub_items_of_a_parent_with_no_text_of_its_own_are_items_of_their_own():
    text = (
        "### Owl Search\n"
        "+ #### Evolution\n"
        "  - 2019 | Evolving Owl Networks | Ada Stone | GECCO | [`PDF`](https://x.org/a.pdf)\n"
        "  - 2017 | Evolution of Owls | Ben Rivers | ICML | [`PDF`](https://x.org/b.pdf)\n"
        "+ #### Transfer\n"
        "  - 2018 | Owls Learned Elsewhere | Cara Vale | arXiv | [`PDF`](https://x.org/c.pdf)\n"
    )
    rows = parse(text).rows
    assert [(r.line, r.year) for r in rows] == [(3, 2019), (4, 2017), (6, 2018)]
    # the heading every item shares is not a category; each group's heading is
    assert [r.categories for r in rows] == [("Evolution",), ("Evolution",), ("Transfer",)]


def test_a_link_the_author_calls_the_paper_is_the_paper_wherever_it_is_hosted():
    text = (
        "## Papers\n\n"
        " - 2023 | Counting Owls with Sparse Graph Networks | Ann Stone, et al. | OwlConf"
        " | [`PDF`](https://arxiv.org/abs/2301.00001)\n"
        " - 2022 | Owl Calls as Graph Signals: A Zero-shot Encoder | Bo Moss, et al. | OwlConf"
        " | [`PDF`](https://github.com/bmoss/owlcalls)\n"
        " - 2021 | Nesting Sites from Above | Cy Vale, et al. | OwlConf"
        " | [paper](https://github.com/cvale/nests) [code](https://github.com/cvale/nests-code)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals: A Zero-shot Encoder",
        "Nesting Sites from Above",
    ]
    assert rows[1].kinds == ("paper",)
    assert rows[2].kinds == ("paper", "code")
    assert rows[2].links == (
        "https://github.com/cvale/nests",
        "https://github.com/cvale/nests-code",
    )


def test_a_cited_paper_linking_only_its_code_is_a_paper_and_a_tool_stays_a_tool():
    text = (
        "## 论文\n\n"
        "- **Counting Owls with Sparse Graph Networks** — Stone 等. *ICML* 2024."
        " [[论文]](https://arxiv.org/abs/2401.00001)\n"
        "- **Owl Calls as Graph Signals: A Survey** — Moss 等. *OwlArchive.org* 2025."
        " [[仓库]](https://github.com/x/awesome-owl-calls) — 一份综述\n"
        "- **Nesting Sites from Above** — Cy Vale, Di Hart. *Owl Letters* 2023."
        " [[code]](https://github.com/x/nests)\n"
        "- [2024/02] **OwlShell: A Shell for Owl Keepers** *Ed Lund (Owl Co) et al.*"
        " [[code](https://github.com/x/owlshell)]\n"
        "- **OwlKit** — a toolkit for owl data [[code]](https://github.com/x/owlkit)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals: A Survey",
        "Nesting Sites from Above",
    ]
    assert parsed.rows[1].authors == "Moss 等"
    assert parsed.rows[2].authors == "Cy Vale, Di Hart"
    assert parsed.skipped_counts() == {"code or tool (only code links)": 2}


def test_an_item_linking_only_blog_posts_is_a_blog_post_whatever_it_cites():
    text = (
        "## 阅读\n\n"
        "- **Counting Owls with Sparse Graph Networks** — Stone 等. *ICML* 2024."
        " [[论文]](https://arxiv.org/abs/2401.00001)\n"
        "- **Owl Calls as Graph Signals** — Moss 等. *NeurIPS* 2023."
        " [[论文]](https://arxiv.org/abs/2301.00002)\n"
        "- **Why Owls Hoot at Night** — Ann Lee. *Owl Notes* 2025."
        " [[博客]](https://annlee.example.io/posts/2025-owls/)\n"
        "- **Owls Gaming Their Rewards** — Moss 等. *Owl Lab Blog* 2020."
        " [[Blog]](https://owllab.example.com/discover/blog/owls-gaming-rewards/)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Counting Owls with Sparse Graph Networks",
        "Owl Calls as Graph Signals",
    ]
    assert parsed.skipped_counts() == {"blog post (links only blog posts)": 2}
