"""Awesome-list markdown -> rows, as GitHub renders it: tables, paper lists, headings, fields."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib.errors import InputError
from delbib.lists import markdown
from delbib.lists.markdown import columns, dates, fields

from .conftest import SOURCE_LIST


def rows_of(text: str, **kwargs) -> list[markdown.Row]:
    return markdown.parse(text, path="list.md", **kwargs).rows


def test_shipped_list_has_215_rows_in_13_categories():
    parsed = markdown.parse_file(SOURCE_LIST)
    rows = parsed.rows
    assert len(rows) == 215 and parsed.warnings == []
    assert [r.index for r in rows] == list(range(1, 216))
    categories = list(dict.fromkeys(c for r in rows for c in r.categories))
    assert categories[:3] == ["Data Selection", "Data Quality Enhancement", "Data Synthesis"]
    assert len(categories) == 13
    first = rows[0]
    assert first.line == 11
    assert first.year == 2024 and first.venue == "ACM"
    assert first.links[0].startswith("https://dl.acm.org/doi/pdf/10.1145/3626772.3657807")
    # Titles are kept as listed, inner spacing included (row 4 has a double space).
    assert "Self-Guided  Data Selection" in rows[3].title


def test_table_rows_as_github_renders_them():
    text = (
        "## Papers\n\n"
        "| Title | Year | Link |\n"
        "|---|---|---|\n"
        "| Short row padded | 2023 |\n"
        "| Long row cut | 2024 | https://arxiv.org/abs/2401.00001 | [//]: #Recommend\n"
        "No leading pipe | 2022 | [x](https://arxiv.org/abs/2201.00002) |\n"
        "| A \\| B: escaped pipe | 2021 | |\n"
    )
    rows = rows_of(text)
    assert [(r.title, r.year, r.line) for r in rows] == [
        ("Short row padded", 2023, 5),
        ("Long row cut", 2024, 6),
        ("No leading pipe", 2022, 7),
        ("A | B: escaped pipe", 2021, 8),
    ]
    assert rows[1].links == ("https://arxiv.org/abs/2401.00001",)
    assert rows[2].links == ("https://arxiv.org/abs/2201.00002",)


def test_title_cells_lose_badges_emoji_nicknames_and_keep_authors():
    text = (
        "| Title | Venue | Date | Code |\n|---|---|---|---|\n"
        "| ![Star](https://img.shields.io/github/stars/a/b.svg) <br> "
        "[**Thinking in Space: How MLLMs See**](https://arxiv.org/pdf/2412.14171) <br> "
        "| arXiv | 2024-12-18 | [Github](https://github.com/a/b) |\n"
        "| 🔥🔥[**DeepSeek-V3**] DeepSeek-V3 Technical Report(@deepseek-ai) | | 2412 "
        "| [[pdf]](https://github.com/d/v3/blob/main/DeepSeek_V3.pdf) |\n"
        "| [![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]() <br> :star: "
        "[SparseGPT: Pruned in One-Shot](https://github.com/x/sparsegpt) <br> Elias Frantar, "
        "Dan Alistarh | | | [paper](https://arxiv.org/abs/2301.00774) |\n"
    )
    first, second, third = rows_of(text)
    assert first.title == "Thinking in Space: How MLLMs See"
    assert first.links == ("https://arxiv.org/pdf/2412.14171", "https://github.com/a/b")
    assert first.kinds == ("paper", "code") and first.year == 2024 and first.venue == "arXiv"
    assert second.title == "DeepSeek-V3 Technical Report"
    assert second.year == 2024  # 2412 is YYMM: a date column that also holds 2506-style dates
    assert third.title == "SparseGPT: Pruned in One-Shot"
    assert third.authors == "Elias Frantar, Dan Alistarh"
    assert third.venue == "ICML'23" and third.year == 2023
    # The paper link comes first although the title links the code.
    assert third.links[0] == "https://arxiv.org/abs/2301.00774"


def test_paper_lists_bullets_and_numbers():
    text = (
        "## Table of contents\n\n- [Reasoning](#reasoning)\n- [Agents](#agents)\n\n"
        "## Reasoning\n\n"
        "- [Chain-of-Thought Prompting Elicits Reasoning](https://arxiv.org/abs/2201.11903)"
        " - NeurIPS 2022\n"
        "- [Self-Consistency Improves Chain of Thought](https://openreview.net/forum?id=1PL1NIMMrw)"
        " - ICLR 2023\n\n"
        "## Agents\n\n"
        "1. **[ReAct: Synergizing Reasoning and Acting](https://arxiv.org/abs/2210.03629)** "
        "[[code](https://github.com/ysymyth/ReAct)]\n\n"
        "    *Shunyu Yao, Jeffrey Zhao, Dian Yu.* ICLR'23\n\n"
        "1. **Toolformer: Language Models Can Teach Themselves to Use Tools.**\n\n"
        "    *Timo Schick, Jane Dwivedi-Yu* [[pdf](https://arxiv.org/abs/2302.04761)] 2023.2\n\n"
        "## Tools\n\n- [LangChain](https://github.com/langchain-ai/langchain) - a framework\n"
    )
    parsed = markdown.parse(text, path="list.md")
    got = [(r.title, r.categories, r.year, r.venue) for r in parsed.rows]
    assert got == [
        ("Chain-of-Thought Prompting Elicits Reasoning", ("Reasoning",), 2022, "NeurIPS 2022"),
        ("Self-Consistency Improves Chain of Thought", ("Reasoning",), 2023, "ICLR 2023"),
        ("ReAct: Synergizing Reasoning and Acting", ("Agents",), 2023, "ICLR'23"),
        ("Toolformer: Language Models Can Teach Themselves to Use Tools", ("Agents",), 2023, None),
    ]
    assert parsed.rows[2].authors == "Shunyu Yao, Jeffrey Zhao, Dian Yu"
    assert parsed.rows[2].links == (
        "https://arxiv.org/abs/2210.03629",
        "https://github.com/ysymyth/ReAct",
    )
    assert parsed.warnings == []  # the table of contents and the tools list are not papers


def test_categories_from_heading_paths():
    table = "| Title | Link |\n|---|---|\n| {} | https://arxiv.org/abs/2401.0000{} |\n\n"
    text = (
        "# Awesome Things\n\n"
        "## 📖Trending Topics ([©️back👆🏻](#paperlist))\n\n" + table.format("P1", 1) + ""
        "## Reasoning\n\n### Papers\n\n"
        + table.format("P2", 2)
        + "### 2024\n\n"
        + table.format("P3", 3)
        + "## Agents\n\n### Papers\n\n"
        + table.format("P4", 4)
        + "## <h2 id='x'>3.1 Memory</h2>\n\n### Others\n\n"
        + table.format("P5", 5)
        + "## Planning\n\n### Others\n\n"
        + table.format("P6", 6)
    )
    parsed = markdown.parse(text)
    cats = {r.title: r.categories for r in parsed.rows}
    assert cats == {
        "P1": ("Trending Topics",),
        "P2": ("Reasoning: Papers",),
        "P3": ("Reasoning: Papers",),  # a year sub-heading is not a section
        "P4": ("Agents: Papers",),
        "P5": ("Memory: Others",),
        "P6": ("Planning: Others",),
    }
    assert parsed.rows[2].year == 2024
    assert parsed.parents["Reasoning: Papers"] == "Reasoning"
    assert parsed.parents["Trending Topics"] is None


def test_same_named_sections_stay_apart():
    table = "| Title |\n|---|\n| {} paper title here |\n\n"
    text = (
        "## Vision\n\n### Benchmarks\n\n" + table.format("A") + "## Language\n\n### Benchmarks\n\n"
        "" + table.format("B")
    )
    rows = markdown.parse(text).rows
    assert [r.categories for r in rows] == [("Vision: Benchmarks",), ("Language: Benchmarks",)]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024),
        ("2024-05", 2024),
        ("2024.05", 2024),
        ("2022.4", 2022),
        ("23.07", 2023),
        ("2506", 2025),
        ("Arxiv/2509", 2025),
        ("ICML'23", 2023),
        ("[2023/09]", 2023),
        ("soon", None),
        ("", None),
    ],
)
def test_year_forms(text, year):
    assert dates.year_in(text) == year


@pytest.mark.parametrize(
    ("text", "venue", "year"),
    [
        ("ICML 2025", "ICML 2025", 2025),
        ("VLDB'25", "VLDB'25", 2025),
        ("NeurIPS'24 D&B", "NeurIPS'24 D&B", 2024),
        ("Findings of ACL 2024", "Findings of ACL 2024", 2024),
        ("a paper about cats", None, None),
    ],
)
def test_venue_forms(text, venue, year):
    assert fields.venue_in(text) == (venue, year)


def test_badge_words():
    badge = "https://img.shields.io/badge/Conference-ICML'23-blue"
    assert fields.badge_texts([badge]) == ["Conference ICML'23"]
    assert fields.venue_in(fields.badge_texts([badge])[0]) == ("ICML'23", 2023)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Tilte", "title"),
        ("Title & Authors", "title"),
        ("Benchmark Name", "title"),
        ("Paper Link", "links"),
        ("Publish", "venue"),
        ("Summary", "tldr"),
        ("Code", None),
    ],
)
def test_header_roles(header, role):
    assert columns.header_role(header.casefold()) == role


def test_columns_by_content_misspelt_year_and_title_beside_pdf_column():
    text = (
        "| Yaer | Title | Paper |\n|---|---|---|\n"
        "| 2023.07 | LongNet: Scaling Transformers | [[pdf]](https://arxiv.org/abs/2307.02486) |\n"
        "| 2506 | Another long paper title | [[pdf]](https://arxiv.org/abs/2506.00001) |\n"
    )
    rows = rows_of(text)
    assert [(r.title, r.year) for r in rows] == [
        ("LongNet: Scaling Transformers", 2023),
        ("Another long paper title", 2025),
    ]


def test_column_override():
    text = "| Model | Note |\n|---|---|\n| LLaMA | Open and efficient foundation models |\n"
    default = markdown.parse(text, path="list.md")
    assert default.rows == []  # no header names titles: the table is skipped, with a warning
    assert str(default.warnings[0]).startswith("list.md:1: table skipped")
    chosen = rows_of(text, columns=columns.parse_overrides(["title=Model", "tldr=Note"]))
    assert [(r.title, r.tldr) for r in chosen] == [
        ("LLaMA", "Open and efficient foundation models")
    ]
    with pytest.raises(InputError, match="ROLE=HEADER"):
        columns.parse_overrides(["colour=Red"])


def test_problems_are_warnings_naming_the_line_and_the_rest_is_read():
    text = (
        "| Date | Link | Publication |\n|---|---|---|\n| 2024 | | |\n\n"
        "| Title | Year |\n|---|---|\n"
        "| Good paper title | 2024 |\n"
        "|  | 2024 |\n"
        "| Another good title | soon |\n"
    )
    parsed = markdown.parse(text, path="list.md")
    assert [r.title for r in parsed.rows] == ["Good paper title", "Another good title"]
    assert parsed.rows[1].year is None
    messages = [str(w) for w in parsed.warnings]
    assert messages[0].startswith("list.md:1: table skipped: no column of paper titles")
    assert messages[1] == "list.md:8: row skipped: no title in the title column"
    assert messages[2] == "list.md:9: year 'soon' not understood; left empty"


def test_nothing_usable_is_no_rows():
    parsed = markdown.parse("# Just prose\n\nNo table here.\n")
    assert parsed.rows == [] and parsed.warnings == []


def test_unreadable_file_is_an_input_error(tmp_path):
    path = tmp_path / "list.md"
    path.write_bytes(b"\xff\xfe| bad |")
    with pytest.raises(InputError, match="cannot read markdown"):
        markdown.parse_file(path)


# a title's words, with pipes, digits and punctuation among them
_title_bit = st.one_of(
    st.text(alphabet=st.sampled_from(list("abcXYZ")), min_size=2, max_size=8),
    st.sampled_from(["|", "a|b", "019", "9", ".", ",", ";", "?", "'", "X|"]),
)
cell_text = (
    st.lists(_title_bit, min_size=2, max_size=8)
    .map(" ".join)
    .filter(
        lambda s: (
            len(re.findall(r"(?<!\w)[a-zA-Z]{2,}", s)) >= 2  # words of a title, two at least
            and s.strip(" |") == s.strip()
            # "1. Title", "XX. Title" are numbered titles: the number goes
            and not re.match(r"\s*(?:\d|[ivxIVX]{1,4}[.)]\s)", s)
            # "XYZ 19", "XX 019 Title": an acronym and a number open with a venue (JCIM 2303,
            # "IJCV'23 Title"), never a title
            and not re.match(r"[A-Z]{2,8}[\s_'.]{0,3}\d{1,4}(?!\d)", s.strip(" .,;?'"))
        )
    )
)


@given(st.lists(cell_text, min_size=1, max_size=5))
def test_escaped_pipes_survive_in_titles(titles):
    lines = ["| Title | Year |", "|---|---|"]
    lines += [f"| {t.replace('|', chr(92) + '|')} | 2024 |" for t in titles]
    rows = rows_of("\n".join(lines) + "\n")
    assert [r.title for r in rows] == [t.strip() for t in titles]


markdown_pieces = st.sampled_from(
    [
        "|",
        "-",
        ":",
        " ",
        "#",
        "*",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<br>",
        "\\",
        "`",
        "\n",
        "abc",
        "2024",
        "https://arxiv.org/abs/2401.00001",
        "- ",
        "1. ",
        "🔥",
    ]
)


@settings(max_examples=200)
@given(st.lists(markdown_pieces, max_size=60).map("".join))
def test_hostile_markdown_never_raises(text):
    parsed = markdown.parse(text, path="x.md")
    assert all(r.title for r in parsed.rows)
    assert all(w.line is None or w.line >= 1 for w in parsed.warnings)


def test_html_links_and_badges_in_cells():
    text = (
        "| Title | Year |\n|---|---|\n"
        '| <a href="https://arxiv.org/abs/2401.00001">Some <b>Great</b> Paper</a> '
        '<img src="https://img.shields.io/badge/Conference-NeurIPS%2723-blue"> | |\n'
    )
    [row] = rows_of(text)
    assert row.title == "Some Great Paper"
    assert row.links == ("https://arxiv.org/abs/2401.00001",)
    assert (row.venue, row.year) == ("NeurIPS'23", 2023)


def test_more_list_item_shapes():
    text = (
        "## Code\n\n"
        '1. **PaLM**: "PaLM: Scaling Language Modeling with Pathways" [2022-04] [JMLR] '
        "[[paper](https://arxiv.org/abs/2204.02311)]\n"
        '2. "Large Language Models Meet NL2Code: A Survey" [2022-12] [ACL 2023] '
        "[[paper](https://arxiv.org/abs/2212.09420)]\n"
        "- Blockwise Self-Attention for Long Document Understanding, <ins>EMNLP, 2020</ins> "
        "[[Paper](https://arxiv.org/abs/1911.02972)]\n"
    )
    rows = rows_of(text)
    assert [(r.title, r.year, r.venue) for r in rows] == [
        ("PaLM: Scaling Language Modeling with Pathways", 2022, "JMLR"),
        ("Large Language Models Meet NL2Code: A Survey", 2023, "ACL 2023"),
        ("Blockwise Self-Attention for Long Document Understanding", 2020, "EMNLP"),
    ]


def test_rows_directly_under_a_parent_section_keep_the_nesting():
    text = (
        "# List\n\n## Applications\n\n- [An application paper title](https://arxiv.org/abs/2401.00001)\n"
        "\n### Planning\n\n- [A planning paper title](https://arxiv.org/abs/2401.00002)\n"
    )
    parsed = markdown.parse(text)
    assert [r.categories for r in parsed.rows] == [("Applications",), ("Planning",)]
    assert parsed.parents == {"Applications": None, "Planning": "Applications"}


def test_column_override_naming_no_header_is_a_warning():
    text = "| Title | Year |\n|---|---|\n| A paper title | 2024 |\n"
    parsed = markdown.parse(text, path="list.md", columns={"venue": "Where"})
    assert len(parsed.rows) == 1
    assert [str(w) for w in parsed.warnings] == [
        "list.md: --column venue=Where: no table has a column 'Where'"
    ]


def test_plain_item_title_followed_by_authors_and_venue():
    text = (
        "- Language Models are Few-Shot Learners. Tom B. Brown, Benjamin Mann, Nick Ryder. "
        "NeurIPS 2020. [[pdf](https://arxiv.org/abs/2005.14165)]\n"
        "- Deep Learning, by the book. [[pdf](https://arxiv.org/abs/2005.14166)]\n"
    )
    rows = rows_of(text)
    assert [(r.title, r.year, r.venue) for r in rows] == [
        ("Language Models are Few-Shot Learners", 2020, "NeurIPS 2020"),
        ("Deep Learning, by the book", None, None),
    ]


def test_year_from_a_venue_cell_when_there_is_no_date_column():
    text = (
        "| Title | Publication |\n|---|---|\n"
        "| A paper on long context | Arxiv/2509 |\n| Another paper on memory | VLDB'25 |\n"
        "| A third paper on agents | ICML 2024 |\n"
    )
    assert [(r.venue, r.year) for r in rows_of(text)] == [
        ("Arxiv/2509", 2025),
        ("VLDB'25", 2025),
        ("ICML 2024", 2024),
    ]


def test_plain_item_title_ends_at_a_dated_et_al_byline():
    """'Title, Surname et al., year <bare url> note': the byline closes the title; the bare
    link and a note after it (here in Japanese, after a full-width space) are not the title."""
    text = (
        "## Surveys\n\n"
        "- Tidal Forecasting with Sparse Gauges: A Review, Marlow et al., 2019 "
        "https://ieeexplore.ieee.org/document/1234567\u3000  潮汐予測のサーベイ\n"
        "- Harmonic Priors for River Sediment and Future Perspectives Okafor et al., 2021 "
        "https://arxiv.org/pdf/2101.01234.pdf\u3000  河川のサーベイ\n"
        "- Lattice Methods in Glacier Flow., Bra\u0308ndt et al. 2016 "
        "https://dl.acm.org/doi/10.1145/3000001\n"
        "- 氷河流動シミュレーションの格子法，山川ら． 2014 https://www.jstage.jst.go.jp/article/x/1/1\n"
    )
    assert [(r.title, r.year) for r in rows_of(text)] == [
        ("Tidal Forecasting with Sparse Gauges: A Review", 2019),
        ("Harmonic Priors for River Sediment and Future Perspectives", 2021),
        ("Lattice Methods in Glacier Flow", 2016),
        ("氷河流動シミュレーションの格子法", 2014),
    ]
