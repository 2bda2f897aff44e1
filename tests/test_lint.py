"""`delbib lint` on the shipped catalog and on catalogs broken on purpose."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from delbib.catalog import lint
from delbib.catalog import model as catalog
from delbib.cli import main

from .conftest import CATALOG, SOURCE_LIST

NO_LINK_ROWS = [55, 71, 83, 150, 162, 163, 165]
# The no-link rows the reference metadata identified by title (its notes say so): accepted.
ACCEPTED_NO_LINK_ROWS = [55, 71, 83, 150, 163]


def _unpin(root) -> None:
    """Take the shipped pin off the mislinked entry: both entries share arXiv 2410.06961 again."""
    paper = root / "papers" / "sampleefficientalignment2024.yaml"
    text = paper.read_text(encoding="utf-8")
    assert "pinned:\n- arxiv:2411.01493\n" in text
    paper.write_text(text.replace("pinned:\n- arxiv:2411.01493\n", ""), encoding="utf-8")


@pytest.fixture(scope="module")
def findings() -> list[lint.Finding]:
    return lint.run(catalog.load(CATALOG))


def _by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_the_shipped_catalog_has_no_error_and_lint_exits_0(findings):
    assert [f for f in findings if f.severity == "error"] == []
    result = CliRunner().invoke(main, ["--catalog", str(CATALOG), "lint"])
    assert result.exit_code == 0, result.output
    assert "0 errors, 6 warnings, 5 accepted" in result.stderr


def test_shared_arxiv_link_is_an_error_naming_both_entries(catalog_copy):
    _unpin(catalog_copy)
    shared = _by_code(lint.run(catalog.load(catalog_copy)), "shared-identifier")
    assert len(shared) == 1
    assert shared[0].severity == "error"
    assert shared[0].keys == ("sampleefficientalignment2024", "selfboostinglarge2024")
    assert shared[0].rows == (19, 62)
    assert "arxiv:2410.06961" in shared[0].message


def test_seven_rows_without_a_link_five_accepted_with_a_reason(findings):
    no_link = _by_code(findings, "no-link")
    assert sorted(r for f in no_link for r in f.rows) == NO_LINK_ROWS
    accepted = [f for f in no_link if f.accepted]
    assert sorted(r for f in accepted for r in f.rows) == ACCEPTED_NO_LINK_ROWS
    for f in accepted:
        assert f"row {f.rows[0]})" in f.accepted


def _accept(root, items) -> None:
    meta = root / "catalog.yaml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    data["accept"] = items
    meta.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_an_accepted_error_no_longer_fails_lint_and_a_stale_acceptance_is_a_warning(
    catalog_copy,
):
    _unpin(catalog_copy)
    runner = CliRunner()
    assert runner.invoke(main, ["--catalog", str(catalog_copy), "lint"]).exit_code == 1
    shared = ["selfboostinglarge2024", "sampleefficientalignment2024"]  # any order
    _accept(
        catalog_copy,
        [
            {"rule": "shared-identifier", "keys": shared, "reason": "checked by hand"},
            {"rule": "no-link", "keys": ["alpagasus2024"], "reason": "it has a link now"},
        ],
    )
    result = runner.invoke(main, ["--catalog", str(catalog_copy), "lint", "--json"])
    assert result.exit_code == 0, result.output
    data = {f["code"]: f for f in json.loads(result.stdout)}
    assert data["shared-identifier"]["accepted"] == "checked by hand"
    assert data["accept-unused"]["keys"] == ["alpagasus2024"]
    text = runner.invoke(main, ["--catalog", str(catalog_copy), "lint"])
    assert "shared-identifier" not in text.stdout and "accept-unused" in text.stdout
    assert "0 errors, 1" in text.stderr


@pytest.mark.parametrize(
    ("items", "field"),
    [
        ({"rule": "no-link", "keys": ["x"]}, "accept[0].reason"),
        ({"rule": "no-link", "keys": "x", "reason": "r"}, "accept[0].keys"),
        ({"rule": "no-link", "keys": ["x"], "reason": "r", "why": "?"}, "accept[0].why"),
        ("no-link", "accept[0].rule"),
    ],
)
def test_a_malformed_acceptance_names_catalog_yaml_its_line_and_field(catalog_copy, items, field):
    _accept(catalog_copy, [items])
    result = CliRunner().invoke(main, ["--catalog", str(catalog_copy), "lint"])
    assert result.exit_code == 2
    assert "catalog.yaml:" in result.stderr and field in result.stderr
    assert "Traceback" not in result.output


def test_a_reimport_of_the_list_keeps_the_acceptances(catalog_copy):
    before = catalog.load(catalog_copy).accept
    assert len(before) == 5
    args = ["--catalog", str(catalog_copy), "import-markdown", str(SOURCE_LIST)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert catalog.load(catalog_copy).accept == before


def test_tldrs_that_are_not_summaries(findings):
    assert [f.rows for f in _by_code(findings, "tldr-not-summary")] == [(101,), (106,), (134,)]


def test_preprint_and_published_version_flagged_as_probable_duplicate(findings):
    dups = _by_code(findings, "probable-duplicate")
    assert [f.rows for f in dups] == [(91, 107)]


def test_year_and_category_checks(catalog_copy):
    cat = catalog.load(catalog_copy)
    cat.entries["alpagasus2024"].year = 1499  # a typo: before print
    cat.entries["less2024"].categories.append("Quantum Knitting")
    today = dt.date(2026, 11, 24)
    years = lint.check_years(cat, today=today)
    assert [(f.keys, f.severity) for f in years] == [(("alpagasus2024",), "error")]
    cat.entries["alpagasus2024"].year = 1945  # a classic of a reading list ("As We May Think")
    assert lint.check_years(cat, today=today) == []
    cat.entries["alpagasus2024"].year = 2027  # next year is allowed, the one after is not
    assert lint.check_years(cat, today=today) == []
    cat.entries["alpagasus2024"].year = 2028
    assert len(lint.check_years(cat, today=today)) == 1
    unknown = lint.check_categories(cat)
    assert [(f.keys, "Quantum Knitting" in f.message) for f in unknown] == [(("less2024",), True)]


def test_cli_exit_status_and_json(catalog_copy):
    _unpin(catalog_copy)
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
        "from delbib.catalog import lint, model as catalog\n"
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
