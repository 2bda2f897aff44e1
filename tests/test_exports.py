"""The committed exports, read back by real consumers, and the `export` command."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from delbib.catalog import csl
from delbib.catalog import model as catalog
from delbib.cli import main
from delbib.export import run as exporter

from .conftest import CATALOG, EXPORTS, SCHEMA
from .formats_fixtures import citeproc_render, expected_people, read_bibtexparser, read_pybtex

BIB_FILES = sorted((EXPORTS / "bibtex").glob("*.bib")) + sorted(
    (EXPORTS / "biblatex").glob("*.bib")
)
JSON_FILES = sorted((EXPORTS / "csljson").glob("*.json"))
RIS_FILES = sorted((EXPORTS / "ris").glob("*.ris"))
RDF_FILES = sorted((EXPORTS / "zotero-rdf").glob("*.rdf"))


@pytest.fixture(scope="module")
def shipped():
    return catalog.load(CATALOG)


@pytest.fixture(scope="module")
def items_by_key(shipped):
    return {i["id"]: i for i in csl.items(shipped)}


def test_exports_directory_matches_the_catalog(shipped):
    assert exporter.check(shipped, EXPORTS) == []
    # one file per category and per format, plus an all-papers file of each format
    assert len(BIB_FILES) == 2 * 14 and len(JSON_FILES) == 14 and len(RIS_FILES) == 14
    assert len(RDF_FILES) == 14


def test_every_entry_exported_once_in_all_and_per_category(shipped):
    all_keys = [i["id"] for i in json.loads((EXPORTS / "csljson" / "all.json").read_text())]
    assert all_keys == list(shipped.entries) and len(set(all_keys)) == 208
    for cat in shipped.taxonomy:
        keys = [i["id"] for i in json.loads((EXPORTS / "csljson" / f"{cat.slug}.json").read_text())]
        assert keys == [e.key for e in shipped.entries.values() if cat.name in e.categories]


def test_authors_present_wherever_the_reference_has_them(items_by_key):
    reference = [
        json.loads(line) for line in (CATALOG / "source" / "catalog-reference.jsonl").open()
    ]
    rows_with_authors = {r["row"] for r in reference if r["author"]}
    cat = catalog.load(CATALOG)
    for entry in cat.entries.values():
        if set(entry.rows) & rows_with_authors:
            assert items_by_key[entry.key].get("author"), entry.key


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bibtexparser_and_pybtex_read_every_bib_back(path, items_by_key):
    text = path.read_text(encoding="utf-8")
    for reader in (read_bibtexparser, read_pybtex):  # each fails on a bad block or duplicate key
        entries = reader(text)
        assert entries, path
        for key, entry in entries.items():
            item = items_by_key[key]
            assert entry["fields"]["title"] == _as_typeset(item["title"]), (reader, key)
            assert entry.get("author", []) == expected_people(item), (reader, key)


def _as_typeset(title: str) -> str:
    """What a reader of the PDF sees: TeX turns "--" into an en dash (a wanted ligature)."""
    return " ".join(title.replace("---", "\u2014").replace("--", "\u2013").split())


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.name)
def test_csljson_valid_against_the_official_schema_and_renders(path):
    import jsonschema

    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(data)
    for item in data:
        note = item["note"].split("\n") if "note" in item else []
        assert not any(line.startswith("Citation Key:") for line in note)  # it has its field
        assert item["citation-key"] == item["id"]
        arxiv = item.get("custom", {}).get("arxiv")
        if item["type"] == "article" and item.get("publisher") == "arXiv":
            assert item["number"] == f"arXiv:{arxiv}" and note == []
        elif arxiv:  # a published paper keeps its arXiv id in Zotero's Extra
            assert note == [f"arXiv:{arxiv}"]
    rendered = citeproc_render(data)
    assert len(rendered) == len(data)
    joined = "\n".join(rendered)
    for item in data:
        assert item["title"] in joined, item["id"]


@pytest.mark.parametrize("path", RIS_FILES, ids=lambda p: p.name)
def test_rispy_reads_every_ris_back(path, items_by_key):
    import rispy

    text = path.read_text(encoding="utf-8")
    records = rispy.loads(text)
    assert len(records) == text.count("\nER  - ") + text.startswith("ER  - ")
    for record in records:
        item = items_by_key[record["id"]]
        assert record.get("title") == item["title"] or record.get("primary_title") == item["title"]
        authors = [a.get("family") or a.get("literal") for a in item.get("author", [])]
        assert [a.split(",")[0] for a in record.get("authors", [])] == authors
        assert record.get("keywords", []) == item["custom"]["categories"]


def test_export_category_to_file_with_format_from_suffix(tmp_path):
    out = tmp_path / "refs.bib"
    runner = CliRunner()
    result = runner.invoke(
        main, ["--catalog", str(CATALOG), "export", "--category", "Data Synthesis", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text == (EXPORTS / "bibtex" / "data-synthesis.bib").read_text(encoding="utf-8")
    assert text.count("\n@") + text.startswith("@") == 1 + 20  # @preamble and 20 entries
    ris = runner.invoke(
        main, ["--catalog", str(CATALOG), "export", "-c", "data-synthesis", "-f", "ris"]
    )
    assert ris.stdout == (EXPORTS / "ris" / "data-synthesis.ris").read_text(encoding="utf-8")
    bad = runner.invoke(main, ["--catalog", str(CATALOG), "export", "-c", "Nope"])
    assert bad.exit_code == 2 and "valid categories: Data Selection;" in bad.stderr
    suffix = runner.invoke(  # a suffix that names no format: BibTeX, as --format's help says
        main, ["--catalog", str(CATALOG), "export", "-o", str(tmp_path / "x.txt")]
    )
    assert suffix.exit_code == 0 and "(bibtex)" in suffix.stderr
    assert (tmp_path / "x.txt").read_bytes() == (EXPORTS / "bibtex" / "all.bib").read_bytes()


def test_incomplete_entries_are_exported_and_named_in_a_warning():
    runner = CliRunner()
    result = runner.invoke(main, ["--catalog", str(CATALOG), "export", "-f", "csljson"])
    data = json.loads(result.stdout)
    assert len(data) == 208
    no_author = sorted(i["id"] for i in data if not i.get("author"))
    assert no_author  # the list has papers nobody could identify
    warning = result.stderr
    assert f"{len(no_author)} entries exported incomplete" in warning
    for key in no_author:
        assert key in warning


def test_check_fails_when_exports_are_stale(catalog_copy, tmp_path):
    runner = CliRunner()
    out = tmp_path / "exports"
    args = ["--catalog", str(catalog_copy), "export"]
    assert runner.invoke(main, [*args, "--all", "--out-dir", str(out), "--quiet"]).exit_code == 0
    assert runner.invoke(main, [*args, "--check", "--out-dir", str(out)]).exit_code == 0
    paper = catalog_copy / "papers" / "less2024.yaml"
    paper.write_text(paper.read_text().replace("- Data Selection", "- Data Curation"))
    result = runner.invoke(main, [*args, "--check", "--out-dir", str(out)])
    assert result.exit_code == 1
    assert "differs: bibtex/data-curation.bib" in result.stdout
    first = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    runner.invoke(main, [*args, "--all", "--out-dir", str(out), "--quiet"])
    runner.invoke(main, [*args, "--all", "--out-dir", str(out), "--quiet"])
    second = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert set(first) == set(second)
    assert not list(out.rglob("*.tmp"))


def test_latex_compiles_all_papers_without_warnings(tmp_path):
    from .test_latex_compile import compile_bib, latex_available

    if not (latex_available("bibtex") and latex_available("biber")) and not os.environ.get("CI"):
        pytest.skip("no LaTeX here (CI installs it, and there this test fails instead)")
    for flavour, backend in (("bibtex", "bibtex"), ("biblatex", "biber")):
        text = (EXPORTS / flavour / "all.bib").read_text(encoding="utf-8")
        result = compile_bib(text, backend, workdir=tmp_path / flavour)
        assert result.ok and result.errors == [], result.errors[:5]
        assert result.warnings == [], result.warnings[:5]
        assert "arXiv preprint arXiv:" in result.bbl or backend == "biber"


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = CliRunner().invoke(
        main, ["--catalog", str(CATALOG), "export", "-q", "-o", str(blocker / "refs.bib")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("delbib: error: ") and "Traceback" not in result.output


def test_layout_assembles_the_same_bytes_as_writing_each_file(shipped):
    """Entries are rendered once per format; every file equals a direct write of its items."""
    from delbib.export import formats

    tax = exporter.taxonomy(shipped)
    files = dict(exporter.layout(shipped))
    assert len(files) == len(exporter.ALL_FORMATS) * (len(shipped.taxonomy) + 1)
    for fmt in exporter.ALL_FORMATS:
        suffix = formats.get(fmt).suffix
        for stem, cats in (("all", []), ("survey", ["survey"]), ("data-pruning", ["data-pruning"])):
            items = csl.items(shipped, exporter.select(shipped, cats))
            names = [shipped.category(c).name for c in cats]
            own = exporter.taxonomy(shipped, names) if cats else tax  # a category's file: its own
            options = {"taxonomy": own} if formats.get(fmt).collections else {}
            assert files[f"{fmt}/{stem}{suffix}"] == formats.write(fmt, items, **options)


@pytest.mark.parametrize("path", RDF_FILES, ids=lambda p: p.name)
def test_rdflib_reads_every_zotero_rdf_file(path, shipped, items_by_key):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(path, format="xml", publicID="file:///x")
    z = rdflib.Namespace("http://www.zotero.org/namespaces/export#")
    dc = rdflib.Namespace("http://purl.org/dc/elements/1.1/")
    keys = sorted(str(o) for o in graph.objects(None, z.citationKey))
    for key in keys:
        node = rdflib.URIRef(f"file:///x#item_{key}")
        assert str(graph.value(node, dc.title)) == items_by_key[key]["title"]
    collections = {
        str(graph.value(c, dc.title)) for c in graph.subjects(rdflib.RDF.type, z.Collection)
    }
    if path.stem == "all":  # the whole list: the collections of every category
        assert collections == {c for k in keys for c in items_by_key[k]["custom"]["categories"]}
    else:  # a category's file: its own collection, not parts of its papers' other ones
        assert collections == {c.name for c in shipped.taxonomy if c.slug == path.stem}


def test_export_zotero_rdf_by_name_and_by_suffix(tmp_path):
    runner = CliRunner()
    base = ["--catalog", str(CATALOG), "export", "-c", "survey"]
    result = runner.invoke(main, [*base, "-f", "zotero-rdf"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (EXPORTS / "zotero-rdf" / "survey.rdf").read_text(encoding="utf-8")
    out = tmp_path / "survey.rdf"
    assert runner.invoke(main, [*base, "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_zotero_rdf_collections_nest_when_categories_have_a_parent():
    """A taxonomy whose categories name a parent (by name or slug) gives nested collections."""
    from types import SimpleNamespace

    import rdflib

    cat = catalog.load(CATALOG)
    parents = {"Data Pruning": "Data Selection", "Distillation": "data-synthesis"}
    cat.taxonomy = [
        SimpleNamespace(name=c.name, slug=c.slug, parent=parents.get(c.name)) for c in cat.taxonomy
    ]
    files = dict(exporter.layout(cat, ["zotero-rdf"]))
    graph = rdflib.Graph()
    graph.parse(data=files["zotero-rdf/all.rdf"], format="xml", publicID="file:///x")
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    part = dcterms.hasPart
    assert (
        rdflib.URIRef("file:///x#collection_data-selection"),
        part,
        rdflib.URIRef("file:///x#collection_data-pruning"),
    ) in graph
    assert (
        rdflib.URIRef("file:///x#collection_data-synthesis"),
        part,
        rdflib.URIRef("file:///x#collection_distillation"),
    ) in graph
    # the per-category file of a child holds its own collection only, at the top
    pruning = rdflib.Graph()
    pruning.parse(data=files["zotero-rdf/data-pruning.rdf"], format="xml", publicID="file:///x")
    z = rdflib.Namespace("http://www.zotero.org/namespaces/export#")
    assert list(pruning.subjects(rdflib.RDF.type, z.Collection)) == [
        rdflib.URIRef("file:///x#collection_data-pruning")
    ]


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_ctrl_c_in_the_middle_of_an_export_leaves_every_file_as_it_was(
    catalog_copy, tmp_path, monkeypatch
):
    """Files are streamed entry by entry: an interrupt half-way leaves no file half-written,
    no temporary file, and the previous export whole."""
    out = tmp_path / "exports"
    cat = catalog.load(catalog_copy)
    exporter.export_all(cat, out)
    before = _tree(out)
    paper = catalog_copy / "papers" / "less2024.yaml"
    paper.write_text(paper.read_text().replace("- Data Selection", "- Data Curation"))
    cat = catalog.load(catalog_copy)
    calls = []
    real = csl.to_item

    def interrupted(entry, record):
        calls.append(entry.key)
        if len(calls) == len(cat.entries) // 2:
            raise KeyboardInterrupt
        return real(entry, record)

    monkeypatch.setattr(csl, "to_item", interrupted)
    with pytest.raises(KeyboardInterrupt):
        exporter.export_all(cat, out)
    assert _tree(out) == before
    monkeypatch.setattr(csl, "to_item", real)
    result = exporter.export_all(cat, out)
    assert "bibtex/data-curation.bib" in result.written
    assert _tree(out) != before and not list(out.rglob("*.tmp"))


def test_check_finds_a_truncated_an_extended_a_missing_and_a_stale_file(tmp_path):
    out = tmp_path / "exports"
    cat = catalog.load(CATALOG)
    exporter.export_all(cat, out)
    assert exporter.check(cat, out) == []
    cut = out / "ris" / "survey.ris"
    cut.write_bytes(cut.read_bytes()[:-1])
    longer = out / "csljson" / "all.json"
    longer.write_bytes(longer.read_bytes() + b"\n")
    (out / "bibtex" / "data-pruning.bib").unlink()
    (out / "biblatex" / "old-category.bib").write_text("@misc{x}\n")
    assert exporter.check(cat, out) == [  # layout order, then stale files
        "missing: bibtex/data-pruning.bib",
        "differs: csljson/all.json",
        "differs: ris/survey.ris",
        "stale: biblatex/old-category.bib",
    ]


def test_a_rewritten_export_file_keeps_its_mode_and_its_symlink(catalog_copy, tmp_path):
    out = tmp_path / "exports"
    exporter.export_all(catalog.load(catalog_copy), out)
    mode_file = out / "ris" / "all.ris"
    mode_file.chmod(0o640)
    real = tmp_path / "kept-elsewhere.bib"
    real.write_text("old\n")
    link = out / "bibtex" / "all.bib"
    link.unlink()
    link.symlink_to(real)
    paper = catalog_copy / "papers" / "less2024.yaml"
    paper.write_text(paper.read_text().replace("- Data Selection", "- Data Curation"))
    result = exporter.export_all(catalog.load(catalog_copy), out)
    assert {"ris/all.ris", "bibtex/all.bib"} <= set(result.written)
    assert mode_file.stat().st_mode & 0o777 == 0o640
    assert link.is_symlink() and "@" in real.read_text()


def test_an_unwritable_export_file_is_a_one_line_error(tmp_path):
    out = tmp_path / "exports"
    (out / "ris" / "all.ris").mkdir(parents=True)
    result = CliRunner().invoke(
        main, ["--catalog", str(CATALOG), "export", "--all", "-q", "--out-dir", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("delbib: error: ") and "all.ris" in result.stderr
    assert "Traceback" not in result.output
    assert not list(out.rglob("*.tmp")) and not (out / "bibtex" / "all.bib").exists()
