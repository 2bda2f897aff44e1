"""`delbib import-markdown`: exit statuses, warnings, --strict, --force, --column, refusals."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib.catalog import model as catalog
from delbib.cli import main

from .conftest import CATALOG, SOURCE_LIST, snapshot


def run(*args):
    return CliRunner().invoke(main, list(args))


def _edited(tmp_path, old: str, new: str, count: int = 1):
    path = tmp_path / SOURCE_LIST.name  # same name: the catalog's source field stays
    path.write_text(SOURCE_LIST.read_text(encoding="utf-8").replace(old, new, count), "utf-8")
    return path


def test_shipped_list_reimports_with_no_change_and_exit_0(catalog_copy):
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "import-markdown", str(SOURCE_LIST))
    assert result.exit_code == 0, result.output
    assert "215 rows -> 208 entries: 0 new, 0 updated, 208 unchanged; 0 files written" in (
        result.stdout
    )
    assert result.stderr == ""
    assert snapshot(catalog_copy) == before


def test_a_row_without_title_is_a_warning_exit_1_and_the_rest_is_imported(catalog_copy, tmp_path):
    # Row 3 (line 13, Alpagasus) loses its title; every other row still imports.
    path = _edited(tmp_path, "| Alpagasus:Training a Better Alpaca with Fewer Data |", "|  |")
    result = run("--catalog", str(catalog_copy), "import-markdown", "--json", str(path))
    assert result.exit_code == 1
    assert f"delbib: warning: {path}:13: row skipped: no title in the title column" in (
        result.stderr
    )
    data = json.loads(result.stdout)
    assert data["rows"] == 214 and data["departed"] == ["alpagasus2024"]
    assert data["warnings"] == [f"{path}:13: row skipped: no title in the title column"]


def test_no_paper_table_is_exit_2_and_changes_nothing(catalog_copy, tmp_path):
    before = snapshot(catalog_copy)
    for name, text in [
        ("empty.md", ""),
        ("prose.md", "# Notes\n\nNo table, no list of papers.\n\n- [home](https://x.org)\n"),
        ("pipes.md", "|" * 100_000),
        ("models.md", "| Model | Score |\n|---|---|\n| A | 1 |\n"),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run("--catalog", str(catalog_copy), "import-markdown", str(path))
        assert result.exit_code == 2, name
        assert f"{path}: no paper table or paper list found" in result.stderr
        assert "nothing written" in result.stderr
        assert snapshot(catalog_copy) == before, name


def test_misspelt_year_header_still_finds_the_years(catalog_copy, tmp_path):
    path = _edited(tmp_path, "| Year |", "| Yaer |")
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "import-markdown", str(path))
    assert result.exit_code == 0, result.output
    assert snapshot(catalog_copy) == before  # every year read from the column's content


def test_import_that_would_blank_a_field_is_refused_unless_forced(catalog_copy, tmp_path):
    path = _edited(tmp_path, "| Publish |", "| Qwerty |")
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "import-markdown", str(path))
    assert result.exit_code == 2
    assert "would blank 'venue' on 208 of 208 listed papers" in result.stderr
    assert "--force" in result.stderr
    assert snapshot(catalog_copy) == before
    forced = run("--catalog", str(catalog_copy), "import-markdown", "--force", str(path))
    assert forced.exit_code == 0, forced.output
    assert catalog.load(catalog_copy).entries["less2024"].venue is None


def test_import_that_would_drop_most_rows_is_refused(catalog_copy, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(
        "| Title | Link |\n|---|---|\n| A New Paper | https://arxiv.org/abs/2501.00001 |\n",
        encoding="utf-8",
    )
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "import-markdown", str(other))
    assert result.exit_code == 2
    assert "would take 208 of 208 listed papers out of the list" in result.stderr
    assert snapshot(catalog_copy) == before


def test_column_option_settles_what_guessing_cannot(tmp_path):
    path = tmp_path / "models.md"
    path.write_text(
        "| Model | Note | Where |\n|---|---|---|\n"
        "| LLaMA | Open foundation models | https://arxiv.org/abs/2302.13971 |\n",
        encoding="utf-8",
    )
    root = tmp_path / "catalog"
    result = run("--catalog", str(root), "import-markdown", str(path))
    assert result.exit_code == 2  # no header names titles: nothing usable
    result = run("--catalog", str(root), "import-markdown", "--column", "title=model", str(path))
    assert result.exit_code == 0, result.output
    [entry] = catalog.load(root).entries.values()
    assert (entry.title, entry.tldr, entry.identifiers) == (
        "LLaMA",
        "Open foundation models",
        ["arxiv:2302.13971"],
    )
    bad = run("--catalog", str(root), "import-markdown", "--column", "colour=red", str(path))
    assert bad.exit_code == 2 and "ROLE=HEADER" in bad.stderr


def test_nested_headings_become_a_nested_taxonomy_and_stats_follow_it(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(
        "# My list\n\n## Reasoning\n\n### Papers\n\n"
        "- [Paper one about reasoning](https://arxiv.org/abs/2401.00001)\n"
        "- [Paper two about reasoning](https://arxiv.org/abs/2401.00002)\n\n"
        "### Surveys\n\n- [A survey of reasoning](https://arxiv.org/abs/2401.00003)\n\n"
        "## Agents\n\n### Papers\n\n- [Paper about agents](https://arxiv.org/abs/2401.00004)\n",
        encoding="utf-8",
    )
    root = tmp_path / "catalog"
    assert run("--catalog", str(root), "import-markdown", str(path)).exit_code == 0
    taxonomy = [(c.name, c.parent) for c in catalog.load(root).taxonomy]
    assert taxonomy == [
        ("Reasoning", None),
        ("Reasoning: Papers", "Reasoning"),
        ("Surveys", "Reasoning"),
        ("Agents", None),
        ("Agents: Papers", "Agents"),
    ]
    stats = json.loads(run("--catalog", str(root), "stats", "--json").stdout)
    assert stats["categories"] == {
        "Reasoning": 3,
        "Reasoning: Papers": 2,
        "Surveys": 1,
        "Agents": 1,
        "Agents: Papers": 1,
    }
    table = run("--catalog", str(root), "stats").stdout
    assert "  Reasoning: Papers" in table


hostile_pieces = st.sampled_from(
    [
        "|",
        "---",
        ":",
        " ",
        "\n",
        "#",
        "## ",
        "*",
        "[",
        "](",
        ")",
        "<br>",
        "\\",
        "`",
        "- ",
        "1. ",
        "Title",
        "Year",
        "2024",
        "https://arxiv.org/abs/2401.00001",
        "🔥",
        "\x00",
        "é",
        "{\\'e}",
    ]
)


@pytest.fixture(scope="module")
def shared_catalog(tmp_path_factory):
    dest = tmp_path_factory.mktemp("hostile") / "catalog"
    shutil.copytree(CATALOG, dest, ignore=shutil.ignore_patterns("source"))
    return dest


@settings(max_examples=25, deadline=None)
@given(st.lists(hostile_pieces, max_size=80).map("".join))
def test_hostile_list_is_refused_and_changes_nothing(shared_catalog, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("list") / "list.md"
    path.write_text(text, encoding="utf-8")
    before = snapshot(shared_catalog)
    result = run("--catalog", str(shared_catalog), "import-markdown", str(path))
    # Anything this small cannot hold most of the 208 papers: read nothing, or refused.
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1].startswith("delbib: error: ")
    assert snapshot(shared_catalog) == before
