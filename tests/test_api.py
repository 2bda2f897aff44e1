"""The library API in ``delbib/__init__.py``: its examples run, it agrees with the CLI and the
committed exports, and importing it stays light (``delbib --help`` imports the package)."""

from __future__ import annotations

import doctest
import json
import tempfile

import pytest
from click.testing import CliRunner

import delbib
from delbib.cli import main
from delbib.errors import InputError

from .conftest import CATALOG, ROOT
from .test_startup import HEAVY, _modules_after


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Examples run in a scratch folder, with their own cache and no catalog from the env."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DELBIB_CATALOG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_examples_in_the_docstrings_run(isolated):
    result = doctest.testmod(delbib, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= 25  # every public function has an example
    assert all(getattr(delbib, name).__doc__ for name in delbib.__all__ if name != "__version__")


def test_importing_delbib_loads_no_stage_and_no_heavy_module():
    loaded = _modules_after("import delbib")
    assert not loaded & HEAVY, sorted(loaded & HEAVY)
    stages = {m for m in loaded if m.startswith("delbib.") and m != "delbib._version"}
    assert stages == set()


@pytest.mark.parametrize("fmt", ["bibtex", "zotero-rdf"])
def test_a_category_export_is_the_committed_export_file(fmt):
    catalog = delbib.load_catalog(CATALOG)
    category = catalog.taxonomy[1]
    suffix = {"bibtex": "bib", "zotero-rdf": "rdf"}[fmt]
    committed = ROOT / "exports" / fmt / f"{category.slug}.{suffix}"
    text = delbib.export_catalog(catalog, fmt, categories=[category.name])
    assert text == committed.read_text(encoding="utf-8")


def test_export_to_a_file_writes_what_the_cli_prints(tmp_path):
    catalog = delbib.load_catalog(CATALOG)
    out = tmp_path / "refs.json"
    text = delbib.export_catalog(catalog, "csljson", categories=["Survey"], path=out)
    cli = CliRunner().invoke(
        main, ["--catalog", str(CATALOG), "export", "--format", "csljson", "--category", "Survey"]
    )
    assert cli.exit_code == 0, cli.output
    assert out.read_text(encoding="utf-8") == text == cli.stdout
    assert {item["id"] for item in json.loads(text)} == {
        e.key for e in catalog.entries.values() if "Survey" in e.categories
    }


def test_an_unknown_category_is_an_input_error():
    with pytest.raises(InputError, match="unknown category 'Nope'"):
        delbib.export_catalog(delbib.load_catalog(CATALOG), categories=["Nope"])


def test_render_list_into_a_file_edits_its_marked_part_only(isolated):
    (isolated / "README.md").write_text(
        "# My list\n\n| Title | Venue | Paper |\n|---|---|---|\n"
        "| Attention Is All You Need | NeurIPS 2017 "
        "| [paper](https://arxiv.org/abs/1706.03762) |\n",
        encoding="utf-8",
    )
    delbib.import_list(isolated / "README.md", isolated / "catalog")
    out = isolated / "list.md"
    out.write_text("Intro kept.\n\n<!-- delbib:start -->\nold\n<!-- delbib:end -->\nEnd kept.\n")
    text = delbib.render_list(delbib.load_catalog(isolated / "catalog"), out)
    assert out.read_text(encoding="utf-8") == text
    assert text.startswith("Intro kept.\n\n<!-- delbib:start -->\n")
    assert text.endswith("<!-- delbib:end -->\nEnd kept.\n")
    assert "old" not in text and "Attention Is All You Need" in text


def test_the_readme_python_example_runs_and_gives_the_committed_export():
    """The front page's Python block, run as written, gives the shipped category's .bib."""
    import re

    from .conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "README has no Python example"
    scope: dict = {}
    exec(blocks[0], scope)  # noqa: S102 - our own README
    committed = sorted((ROOT / "exports" / "bibtex").glob("*data-synthesis*.bib"))
    assert committed, "no committed Data Synthesis export to compare with"
    assert scope["bib"] == committed[0].read_text(encoding="utf-8")
