"""Awesome-list tables -> rows: headers by name, escapes, headings, link cells, bad rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delbib import markdown
from delbib.errors import InputError

from .conftest import SOURCE_LIST


def test_shipped_list_has_215_rows_in_13_categories():
    rows = markdown.parse_file(SOURCE_LIST)
    assert len(rows) == 215
    assert [r.index for r in rows] == list(range(1, 216))
    categories = list(dict.fromkeys(c for r in rows for c in r.categories))
    assert categories[:3] == ["Data Selection", "Data Quality Enhancement", "Data Synthesis"]
    assert len(categories) == 13
    first = rows[0]
    assert first.line == 11
    assert first.year == 2024 and first.venue == "ACM"
    assert first.links[0].startswith("https://dl.acm.org/doi/pdf/10.1145/3626772.3657807")


def test_misspelt_header_escaped_pipe_and_several_links():
    text = (
        "| Tilte | Summry | Paper Link | Year |\n"
        "|:---|---|---|---:|\n"
        "| A \\| B: pipes | tl "
        "| [paper](https://arxiv.org/abs/2401.00001) [code](https://github.com/x/y) | 2024 |\n"
        "| Bare | | https://aclanthology.org/2024.acl-long.1/ | |\n"
    )
    rows = markdown.parse(text)
    assert rows[0].title == "A | B: pipes"
    assert rows[0].tldr == "tl"
    assert rows[0].links == ("https://arxiv.org/abs/2401.00001", "https://github.com/x/y")
    assert rows[1].links == ("https://aclanthology.org/2024.acl-long.1/",)
    assert rows[1].year is None and rows[1].tldr is None


def test_categories_from_headings_when_no_category_column_and_several_tables():
    text = (
        "# List\n\n## Data Selection\n\n| Title | Link |\n|---|---|\n| P1 | https://a.org/1 |\n\n"
        "## Distillation\n\n| Paper | URL |\n| --- | --- |\n| P2 | https://a.org/2 |\n| P3 | x |\n"
    )
    rows = markdown.parse(text)
    assert [(r.title, r.categories, r.index) for r in rows] == [
        ("P1", ("Data Selection",), 1),
        ("P2", ("Distillation",), 2),
        ("P3", ("Distillation",), 3),
    ]


def test_link_with_parentheses_is_kept_whole():
    assert markdown.extract_links("[link](http://javascript:void())") == (
        "http://javascript:void()",
    )


@pytest.mark.parametrize(
    ("table", "line", "needle"),
    [
        ("| Title | Year |\n|---|---|\n| A | 2024 | extra |\n", 3, "3 cells"),
        ("| Title | Year |\n|---|---|\n| A | soon |\n", 3, "field 'year'"),
        ("| Foo | Year |\n|---|---|\n| A | 2024 |\n", 1, "no title column"),
        ("| Title | Year |\n|---|---|\n|  | 2024 |\n", 3, "field 'title'"),
    ],
)
def test_bad_rows_name_file_line_and_problem(table, line, needle):
    with pytest.raises(InputError) as info:
        markdown.parse(table, path="list.md")
    message = str(info.value)
    assert message.startswith(f"list.md:{line}: ")
    assert needle in message
    assert info.value.exit_code == 2


cell_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\\"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(cell_text, min_size=2, max_size=5))
def test_escaped_pipes_round_trip(cells):
    line = "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    assert markdown.split_cells(line) == cells
