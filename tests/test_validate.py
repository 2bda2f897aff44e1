"""Catalog validation on load: taxonomy slugs, entry categories, resolved records' CSL-JSON.

Each case goes through the CLI as a person would meet it: one line naming file, line and
field, exit status 2, and no file written or changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delbib.catalog import model as catalog
from delbib.catalog import validate
from delbib.cli import main
from delbib.errors import CatalogError

from .conftest import SCHEMA, snapshot

RECORD = "resolved/alpagasus2024.json"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def expect_refusal(catalog_copy: Path, tmp_path: Path, needle: str) -> None:
    """Every reading command stops with ``needle`` on one line, exit 2, nothing written."""
    before = snapshot(catalog_copy)
    out_dir = tmp_path / "out"
    for command in (
        ["export", "--all", "--out-dir", str(out_dir), "--quiet"],
        ["export", "-o", str(tmp_path / "refs.bib")],
        ["list"],
        ["lint"],
    ):
        result = run("--catalog", str(catalog_copy), *command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr == f"delbib: error: {needle}\n", command
        assert "Traceback" not in result.output
    assert snapshot(catalog_copy) == before
    assert not out_dir.exists() and not (tmp_path / "refs.bib").exists()


def edit_record(catalog_copy: Path, change) -> Path:
    path = catalog_copy / RECORD
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(catalog.dump_json(record), encoding="utf-8")
    return path


def test_a_category_outside_the_taxonomy_is_refused_not_dropped(catalog_copy, tmp_path):
    path = catalog_copy / "papers" / "alpagasus2024.yaml"
    path.write_text(path.read_text().replace("- Data Selection", "- Data Selektion"))
    expect_refusal(
        catalog_copy,
        tmp_path,
        f"{path}:6: field 'categories[0]': category 'Data Selektion' is not in the taxonomy "
        "of catalog.yaml (valid: Active Annotation; Applications; Data Augmentation; "
        "Data Curation; Data Pruning; Data Quality Enhancement; Data Selection; "
        "Data Synthesis; Distillation; LLM-as-Judger; Self Evolution; Survey; "
        "Toxicity / Trust-worthy)",
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "slug: survey",
            "slug: ../../evil",
            11,
            "taxonomy[4].slug",
            "slug '../../evil' must be a single file name of letters, digits and ._- "
            "(starting with a letter or digit)",
        ),
        (
            "slug: survey",
            "slug: .hidden",
            11,
            "taxonomy[4].slug",
            "slug '.hidden' must be a single file name of letters, digits and ._- "
            "(starting with a letter or digit)",
        ),
        (
            "slug: survey",
            "slug: Data-Selection",
            11,
            "taxonomy[4].slug",
            "slug 'Data-Selection' is also the slug of 'Data Selection'; "
            "their exports would overwrite each other",
        ),
        (
            "slug: survey",
            "slug: all",
            11,
            "taxonomy[4].slug",
            "slug 'all' is the all-papers export's file name; choose another",
        ),
        (
            "slug: survey",
            'slug: "survey\\n"',
            11,
            "taxonomy[4].slug",
            "slug 'survey\\n' must be a single file name of letters, digits and ._- "
            "(starting with a letter or digit)",
        ),
        (
            "name: Survey",
            "name: Data Synthesis",
            11,
            "taxonomy[4].name",
            "category 'Data Synthesis' is listed twice",
        ),
    ],
)
def test_unsafe_or_clashing_slugs_are_refused(
    catalog_copy, tmp_path, old, new, line, field, message
):
    path = catalog_copy / "catalog.yaml"
    path.write_text(path.read_text().replace(old, new, 1))
    expect_refusal(catalog_copy, tmp_path, f"{path}:{line}: field '{field}': {message}")
    assert not (tmp_path / "evil").exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda r: r.update(csl="Alpagasus"), "csl", "must be a CSL-JSON object or null, not "),
        (lambda r: r["csl"].update(author="Chen, Lichang"), "csl.author", "must be array"),
        (lambda r: r["csl"].update(type="banana"), "csl.type", "'banana' is not one of"),
        (lambda r: r["csl"].update(title=1999), "csl.title", "must be string"),
        (
            lambda r: r["csl"]["author"][0].update(family=["Chen"]),
            "csl.author[0].family",
            "must be string",
        ),
        (
            lambda r: r["csl"].update(issued={"date-parts": "2024"}),
            "csl.issued.date-parts",
            "must be array",
        ),
        (
            lambda r: r["csl"].update(journal="X"),
            "csl",
            "unknown CSL field(s): journal",
        ),
        (lambda r: r["csl"].pop("type"), "csl", "missing required CSL field(s): type"),
        (lambda r: r.update(provenance="me"), "provenance", "must be an object or null"),
        (lambda r: r.update(conflicts=["x"]), "conflicts", "each conflict must be an object"),
    ],
)
def test_malformed_resolved_records_are_refused(catalog_copy, tmp_path, change, field, message):
    path = edit_record(catalog_copy, change)
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "export", "--all", "--out-dir", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"delbib: error: {path}:")
    assert f": field '{field}': {message}" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert snapshot(catalog_copy) == before and list(tmp_path.iterdir()) == [catalog_copy]


def test_the_line_named_is_the_field_line(catalog_copy):
    path = edit_record(catalog_copy, lambda r: r["csl"].update(title=1999))
    with pytest.raises(CatalogError) as info:
        catalog.load(catalog_copy)
    line = path.read_text().splitlines()[info.value.line - 1]
    assert line.strip() == '"title": 1999,'


def test_an_invalid_record_is_never_stored(catalog_copy):
    cat = catalog.load(catalog_copy)
    before = snapshot(catalog_copy)
    record = {**cat.resolved["alpagasus2024"], "csl": {"type": "banana", "title": "X"}}
    with pytest.raises(CatalogError, match="field 'csl.type'"):
        cat.save_resolved("alpagasus2024", record)
    assert snapshot(catalog_copy) == before
    assert cat.resolved["alpagasus2024"]["csl"]["type"] != "banana"


def test_the_packaged_schema_is_the_official_one_the_tests_use():
    assert validate.SCHEMA_PATH.read_bytes() == SCHEMA.read_bytes()


# The fast validator compiles a rewritten schema; jsonschema reads the official one as it is.
# They must agree on every item.
_OFFICIAL = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5)
)
_names = st.dictionaries(
    st.sampled_from(["family", "given", "literal", "suffix", "comma-suffix", "bogus"]),
    _scalars,
    max_size=3,
)
_values = st.one_of(
    _scalars,
    st.lists(st.one_of(_names, _scalars), max_size=3),
    st.fixed_dictionaries(
        {},
        optional={
            "date-parts": st.one_of(
                st.lists(st.lists(st.one_of(st.integers(), st.text(max_size=4)), max_size=4)),
                _scalars,
            ),
            "raw": _scalars,
            "circa": _scalars,
        },
    ),
    _names,
)
_items = st.dictionaries(
    st.sampled_from(
        ["type", "title", "author", "editor", "issued", "DOI", "custom", "page", "x-unknown"]
    ),
    st.one_of(_values, st.sampled_from(["article", "paper-conference", "banana"])),
    max_size=5,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_items)
def test_fast_validator_agrees_with_jsonschema_on_the_official_schema(item):
    item = {"id": "key", **item}
    assert (validate.csl_problem(item) is None) == _OFFICIAL.is_valid([item])
