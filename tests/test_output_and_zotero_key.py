"""Output paths, help, per-category Zotero RDF, Extra, and where the Zotero key may live
(issue 20, parts 5 and 6).

Expected collections and categories are read from the shipped catalog's YAML files with
PyYAML here, and exports are read back with rdflib and json, not with delbib's writers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
import yaml
from click.testing import CliRunner

from delbib import config as config_mod
from delbib.cli import main
from delbib.errors import InputError

from .conftest import CATALOG, EXPORTS

Z = rdflib.Namespace("http://www.zotero.org/namespaces/export#")
DC = rdflib.Namespace("http://purl.org/dc/elements/1.1/")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["--catalog", str(CATALOG), *args], env=env)


# ------------------------------------------------------------------ output paths and help


def test_output_into_a_missing_directory_is_an_error_naming_it(tmp_path):
    target = tmp_path / "no" / "such" / "refs.bib"
    result = run("export", "--category", "Survey", "-o", str(target))
    assert result.exit_code == 2
    assert str(tmp_path / "no" / "such") in result.stderr and "--mkdir" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "no").exists()  # no stray folders from a typo


def test_render_list_into_a_missing_directory_is_refused_too(tmp_path):
    target = tmp_path / "typo" / "README.md"
    result = run("render-list", "-o", str(target))
    assert result.exit_code == 2 and str(tmp_path / "typo") in result.stderr
    assert run("render-list", "-o", str(target), "--mkdir").exit_code == 0
    assert "delbib:start" in target.read_text(encoding="utf-8")


def test_mkdir_creates_the_directory(tmp_path):
    target = tmp_path / "new" / "refs.bib"
    result = run("export", "--category", "Survey", "-o", str(target), "--mkdir")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("@")


def test_a_misspelt_category_gets_did_you_mean():
    result = run("export", "--category", "Data Synthsis")
    assert result.exit_code == 2
    assert "did you mean 'Data Synthesis'?" in result.stderr


def test_top_level_help_names_every_format():
    text = " ".join(run("--help").stdout.split())
    for name in ("BibTeX", "biblatex", "CSL-JSON", "RIS", "Zotero RDF"):
        assert name in text, name


# ------------------------------------------------------------------ Zotero RDF and Extra


def _categories() -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    meta = yaml.safe_load((CATALOG / "catalog.yaml").read_text(encoding="utf-8"))
    taxonomy = [(c["name"], c["slug"]) for c in meta["taxonomy"]]
    papers = {}
    for path in (CATALOG / "papers").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        papers[data["key"]] = data["categories"]
    return taxonomy, papers


def _collections(path: Path) -> dict[str, set[str]]:
    graph = rdflib.Graph()
    graph.parse(path, format="xml", publicID="file:///x.rdf")
    found = {}
    for node in graph.subjects(rdflib.RDF.type, Z.Collection):
        members = {
            str(p).split("#item_", 1)[1]
            for p in graph.objects(node, DCTERMS.hasPart)
            if "#item_" in str(p)
        }
        found[str(graph.value(node, DC.title))] = members
    return found


def test_a_per_category_rdf_file_holds_only_its_own_collection(tmp_path):
    taxonomy, papers = _categories()
    for name, slug in taxonomy:
        expected = {key for key, cats in papers.items() if name in cats}
        for path in (EXPORTS / "zotero-rdf" / f"{slug}.rdf", tmp_path / f"{slug}.rdf"):
            if path.parent == tmp_path:
                assert run("export", "-c", name, "-o", str(path)).exit_code == 0
            assert _collections(path) == {name: expected}, (path, name)
    whole = _collections(EXPORTS / "zotero-rdf" / "all.rdf")
    assert set(whole) == {name for name, _ in taxonomy}


def test_no_citation_key_line_in_extra_when_the_format_has_the_field():
    items = json.loads((EXPORTS / "csljson" / "all.json").read_text(encoding="utf-8"))
    assert all(item["citation-key"] for item in items)
    assert not any("Citation Key" in item.get("note", "") for item in items)
    graph = rdflib.Graph()
    graph.parse(EXPORTS / "zotero-rdf" / "all.rdf", format="xml", publicID="file:///x.rdf")
    keys = {str(o) for o in graph.objects(None, Z.citationKey)}
    assert len(keys) == len(items)
    descriptions = [str(o) for o in graph.objects(None, DC.description)]
    assert not any("Citation Key" in d for d in descriptions)
    ris = (EXPORTS / "ris" / "all.ris").read_text(encoding="utf-8")  # RIS has no such field
    assert ris.count("Citation Key: ") == len(items)


# ------------------------------------------------------------------ the Zotero API key


def test_a_key_in_delbib_yaml_is_refused_saying_why(tmp_path):
    (tmp_path / "delbib.yaml").write_text("zotero_api_key: abcdef0123456789\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        config_mod.load(tmp_path, env={})
    message = str(raised.value)
    assert "committed" in message and "ZOTERO_API_KEY" in message
    assert "abcdef0123456789" not in message and "delbib.yaml" in message


def test_the_key_comes_from_the_environment_then_the_user_config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert config_mod.load(None, env={}).zotero_api_key is None
    key_file = tmp_path / "config" / "delbib" / "zotero-api-key"
    assert config_mod.key_file() == key_file
    key_file.parent.mkdir(parents=True)
    key_file.write_text("fromfile0123\n", encoding="utf-8")
    assert config_mod.load(None, env={}).zotero_api_key == "fromfile0123"
    from_env = config_mod.load(None, env={"ZOTERO_API_KEY": "fromenv0123"})
    assert from_env.zotero_api_key == "fromenv0123"


def test_zotero_command_refuses_a_catalog_with_a_key(tmp_path, catalog_copy):
    (catalog_copy / "delbib.yaml").write_text("zotero_api_key: abc123\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["--catalog", str(catalog_copy), "zotero", "push", "--library", "user:1", "--dry-run"],
        env={"ZOTERO_API_KEY": "x" * 24, "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "does not belong here" in result.stderr and "abc123" not in result.output
