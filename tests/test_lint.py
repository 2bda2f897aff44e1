"""`delbib lint` on the shipped catalog and on catalogs broken on purpose."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from delbib import catalog, lint
from delbib.cli import main

from .conftest import CATALOG

NO_LINK_ROWS = [55, 71, 83, 150, 162, 163, 165]


@pytest.fixture(scope="module")
def findings() -> list[lint.Finding]:
    return lint.run(catalog.load(CATALOG))


def _by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_shared_arxiv_link_is_an_error_naming_both_entries(findings):
    shared = _by_code(findings, "shared-identifier")
    assert len(shared) == 1
    assert shared[0].severity == "error"
    assert shared[0].keys == ("sampleefficientalignment2024", "selfboostinglarge2024")
    assert shared[0].rows == (19, 62)
    assert "arxiv:2410.06961" in shared[0].message


def test_seven_rows_without_a_link(findings):
    assert sorted(r for f in _by_code(findings, "no-link") for r in f.rows) == NO_LINK_ROWS


def test_tldrs_that_are_not_summaries(findings):
    assert [f.rows for f in _by_code(findings, "tldr-not-summary")] == [(101,), (106,), (134,)]


def test_preprint_and_published_version_flagged_as_probable_duplicate(findings):
    dups = _by_code(findings, "probable-duplicate")
    assert [f.rows for f in dups] == [(91, 107)]


def test_year_and_category_checks(catalog_copy):
    cat = catalog.load(catalog_copy)
    cat.entries["alpagasus2024"].year = 1989
    cat.entries["less2024"].categories.append("Quantum Knitting")
    today = dt.date(2026, 11, 24)
    years = lint.check_years(cat, today=today)
    assert [(f.keys, f.severity) for f in years] == [(("alpagasus2024",), "error")]
    cat.entries["alpagasus2024"].year = 2027  # next year is allowed, the one after is not
    assert lint.check_years(cat, today=today) == []
    cat.entries["alpagasus2024"].year = 2028
    assert len(lint.check_years(cat, today=today)) == 1
    unknown = lint.check_categories(cat)
    assert [(f.keys, "Quantum Knitting" in f.message) for f in unknown] == [(("less2024",), True)]


def test_cli_exit_status_and_json(catalog_copy):
    runner = CliRunner()
    result = runner.invoke(main, ["--catalog", str(catalog_copy), "lint", "--json"])
    assert result.exit_code == 1  # the shared arXiv link is an error
    data = json.loads(result.stdout)
    assert {"severity", "code", "keys", "rows", "message"} <= set(data[0])
    assert data[0]["code"] == "shared-identifier"
    # Pinning the right id on the mislinked entry fixes the only error: exit 0.
    paper = catalog_copy / "papers" / "sampleefficientalignment2024.yaml"
    paper.write_text(paper.read_text() + "pinned:\n- arxiv:2411.01493\n", encoding="utf-8")
    result = runner.invoke(main, ["--catalog", str(catalog_copy), "lint"])
    assert result.exit_code == 0, result.output
    assert "shared-identifier" not in result.output


def test_duplicate_check_needs_no_numpy():
    # rapidfuzz's process.cdist needs numpy, which is not a dependency: lint must not use it.
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from delbib import catalog, lint\n"
        f"found = lint.check_duplicates(catalog.load({str(CATALOG)!r}))\n"
        "print([f.rows for f in found])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[(91, 107)]"


def test_near_duplicates_are_found_among_many_entries(catalog_copy):
    cat = catalog.load(catalog_copy)
    entry = cat.entries["less2024"]
    twin = catalog.Entry(
        key="lesstwin2025",
        title="x",
        clean_title="LESS: Selecting Influential Data for Targeted Instruction-Tuning",
        categories=list(entry.categories),
        rows=[999],
    )
    cat.entries[twin.key] = twin
    pairs = [f.keys for f in lint.check_duplicates(cat)]
    assert ("less2024", "lesstwin2025") in pairs
