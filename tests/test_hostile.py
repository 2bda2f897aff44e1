"""Hostile input, generated: random YAML, JSON, Unicode, TeX specials and slugs.

Whatever a catalog, list or reference file holds, every command ends with either success or
one line naming the problem (exit 2 for bad input, 1 for a refused action), never a
traceback; on a refusal no file changes, and nothing is written outside the output directory.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from delbib.cli import main
from delbib.export.run import ALL_FORMATS

from .conftest import CATALOG, snapshot

KEYS = ["alpagasus2024", "less2024", "coachlm2023"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEX = "&%$#_{}~^\\"
hostile_text = st.text(
    st.one_of(
        st.sampled_from(TEX + "|:-[]'\"\n\t ./"),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=30,
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(), hostile_text
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), hostile_text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)
    ),
    max_leaves=8,
)


@contextmanager
def small_catalog() -> Iterator[Path]:
    """Three entries of the shipped catalog, with their records and the whole taxonomy."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        for sub in ("papers", "resolved"):
            (root / sub).mkdir(parents=True)
        shutil.copy(CATALOG / "catalog.yaml", root)
        for key in KEYS:
            shutil.copy(CATALOG / "papers" / f"{key}.yaml", root / "papers")
            shutil.copy(CATALOG / "resolved" / f"{key}.json", root / "resolved")
        yield root


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--catalog", str(root), *args])


def files_under(directory: Path) -> dict[str, bytes]:
    return snapshot(directory)


def assert_clean_outcome(result, allowed=(0, 2)) -> None:
    """Success, or one line `delbib: error: ...`; never an uncaught exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code in allowed, result.output
    event(f"exit {result.exit_code}")
    if result.exit_code == 2:
        assert result.stderr.startswith("delbib: error: ")
        assert result.stderr.count("\n") == 1, result.stderr


def export_everything(root: Path):
    """`export --all` into a directory beside the catalog; returns the result and the files
    that appeared anywhere under the catalog's parent directory."""
    parent = root.parent
    before = files_under(parent)
    result = run(root, "export", "--all", "--out-dir", str(parent / "out"), "--quiet")
    after = files_under(parent)
    new = {k for k in after if k not in before}
    return result, new, before, after


PAPER = yaml.safe_load((CATALOG / "papers" / "less2024.yaml").read_text(encoding="utf-8"))
# Changes to a real paper file: hostile text in fields of the right type (that must export),
# or values of any type (that must be refused).
well_typed_paper = st.fixed_dictionaries(
    {},
    optional={
        **dict.fromkeys(["title", "clean_title", "tldr", "venue"], hostile_text),
        "links": st.lists(hostile_text, max_size=3),
        "categories": st.lists(
            st.sampled_from(["Data Selection", "Survey", "Surveys"]), max_size=2
        ),
        "year": st.one_of(st.none(), st.integers(-5, 3000)),
    },
)
ill_typed_paper = st.dictionaries(
    st.sampled_from(
        ["key", "title", "clean_title", "tldr", "categories", "links", "year", "venue", "rows"]
        + ["identifiers", "pinned", "locked", "extra"]
    ),
    json_values,
    max_size=2,
)
paper_changes = st.one_of(well_typed_paper, well_typed_paper, ill_typed_paper)


@SETTINGS
@given(
    st.one_of(
        paper_changes.map(lambda c: yaml.safe_dump({**PAPER, **c}, allow_unicode=True)),
        hostile_text,
    )
)
def test_a_hostile_paper_file_is_refused_or_exported(text):
    with small_catalog() as root:
        path = root / "papers" / "less2024.yaml"
        path.write_text(text, encoding="utf-8")
        result, new, before, after = export_everything(root)
        assert_clean_outcome(result)
        if result.exit_code == 2:
            assert str(root / "papers") in result.stderr
            assert after == before  # nothing written, nothing changed
        else:
            assert all(name.startswith("out/") for name in new)
            listed = run(root, "list", "--json")
            assert_clean_outcome(listed, allowed=(0,))


taxonomy_items = st.lists(
    st.fixed_dictionaries(
        {"name": hostile_text},
        optional={"slug": st.one_of(hostile_text, st.sampled_from(["../../evil", "..", "all"]))},
    ),
    max_size=4,
)


@SETTINGS
@given(taxonomy_items)
def test_hostile_taxonomy_names_and_slugs_never_write_outside_the_out_dir(items):
    with small_catalog() as root:
        meta = yaml.safe_load((root / "catalog.yaml").read_text(encoding="utf-8"))
        meta["taxonomy"] += items
        (root / "catalog.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
        result, new, before, after = export_everything(root)
        assert_clean_outcome(result)
        if result.exit_code == 2:
            assert f"{root / 'catalog.yaml'}:" in result.stderr
            assert after == before
        else:
            assert new and all(name.startswith("out/") for name in new)
            assert all(name.count("/") == 2 for name in new)  # out/<format>/<slug>.<ext>


csl_values = st.one_of(
    json_values,
    hostile_text,
    st.lists(
        st.dictionaries(
            st.sampled_from(["family", "given", "literal", "suffix", "particle"]), scalars
        ),
        max_size=3,
    ),
    st.fixed_dictionaries({"date-parts": st.lists(st.lists(scalars, max_size=3), max_size=2)}),
)
CSL = json.loads((CATALOG / "resolved" / "less2024.json").read_text(encoding="utf-8"))["csl"]
names = st.lists(
    st.dictionaries(st.sampled_from(["family", "given", "literal", "suffix"]), hostile_text),
    max_size=3,
)
# Changes to a real record's CSL: hostile text in fields of the right type (that must export
# in every format), or values of any type (that must be refused).
well_typed_csl = st.fixed_dictionaries(
    {},
    optional={
        **dict.fromkeys(
            ["title", "container-title", "page", "publisher", "DOI", "URL", "note", "number"],
            hostile_text,
        ),
        "author": names,
        "editor": names,
        "issued": st.fixed_dictionaries(
            {"date-parts": st.lists(st.lists(st.integers(-3000, 3000), max_size=3), max_size=2)}
        ),
        "custom": st.fixed_dictionaries(
            {"arxiv": hostile_text, "categories": st.lists(hostile_text)}
        ),
        "type": st.sampled_from(["article", "paper-conference", "book", "chapter", "thesis"]),
    },
)
ill_typed_csl = st.dictionaries(
    st.sampled_from(["type", "title", "author", "issued", "custom", "page", "bogus"]),
    st.one_of(json_values, st.just("banana")),
    min_size=1,
    max_size=2,
)
csl_changes = st.one_of(well_typed_csl, well_typed_csl, ill_typed_csl)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(csl_changes.map(lambda c: {**CSL, **c}), json_values))
def test_a_record_that_loads_can_be_written_in_every_format(csl):
    with small_catalog() as root:
        path = root / "resolved" / "less2024.json"
        record = json.loads(path.read_text(encoding="utf-8"))
        record["csl"] = csl
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        result, new, before, after = export_everything(root)
        assert_clean_outcome(result)
        if result.exit_code == 2:
            assert result.stderr.startswith(f"delbib: error: {path}:")
            assert after == before
        else:  # validation let it through: every writer must cope
            assert {name.split("/")[1] for name in new} == set(ALL_FORMATS)


reference_lines = st.one_of(
    st.dictionaries(
        st.sampled_from(["row", "title", "author", "issued", "type", "DOI", "arxiv", "status"]),
        json_values,
    ).map(json.dumps),
    st.builds(
        lambda title, year, authors: json.dumps(
            {"row": 3, "title": title, "issued": year, "author": authors}
        ),
        hostile_text,
        st.one_of(st.none(), st.integers(1900, 2100)),
        st.lists(st.fixed_dictionaries({"family": hostile_text, "given": hostile_text})),
    ),
    hostile_text,
)


@SETTINGS
@given(st.lists(reference_lines, min_size=1, max_size=3))
def test_hostile_reference_files_never_blank_or_half_write(lines):
    with small_catalog() as root:
        facts = root.parent / "facts.jsonl"
        facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
        before = files_under(root)
        result = run(root, "import-reference", str(facts), "--json")
        assert_clean_outcome(result, allowed=(0, 1, 2))
        after = files_under(root)
        if result.exit_code == 2:
            assert after == before
            return
        summary = json.loads(result.stdout)
        for key in summary["refused"]:
            assert after[f"resolved/{key}.json"] == before[f"resolved/{key}.json"]
        changed = {k for k in after if after.get(k) != before.get(k)}
        assert changed <= {f"resolved/{key}.json" for key in summary["written"]}
        assert_clean_outcome(run(root, "list"), allowed=(0,))  # still loads
