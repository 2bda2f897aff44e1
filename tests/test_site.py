"""`delbib site` without a browser: contents, exact citations, downloads, determinism, --check.

Expected values come from the shipped catalog's files and from exports/ (checked current by
the export tests), never from the site's own output. The browser tests are in
test_site_browser.py.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from delbib.catalog import model as catalog_mod
from delbib.cli import main
from delbib.export import site

from .conftest import CATALOG, EXPORTS, snapshot

PRE = re.compile(r'<pre id="cite-([^"]+)-(bibtex|biblatex|ris)" tabindex="0">(.*?)</pre>', re.S)
BIB_ENTRY = re.compile(r"^@\w+\{([^,\n]+),\n.*?^\}\n", re.S | re.M)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    site.write(catalog_mod.load(CATALOG), out)
    return out


def listed_in_order() -> list[dict]:
    """The shipped catalog's listed papers in list order, read from the YAML files."""
    import yaml

    papers = [yaml.safe_load(p.read_text("utf-8")) for p in (CATALOG / "papers").glob("*.yaml")]
    papers = [p for p in papers if p["rows"]]
    return sorted(papers, key=lambda p: (min(p["rows"]), p["key"]))


def taxonomy() -> list[dict]:
    import yaml

    return yaml.safe_load((CATALOG / "catalog.yaml").read_text("utf-8"))["taxonomy"]


def bib_entries(path: Path) -> dict[str, str]:
    """key -> entry text of a .bib file as the export wrote it."""
    text = path.read_text("utf-8")
    return {m.group(1): m.group(0) for m in BIB_ENTRY.finditer(text)}


def ris_records(path: Path) -> dict[str, str]:
    """key (the ID line) -> record text of a RIS export, CRLF kept."""
    text = path.read_bytes().decode("utf-8")
    records = {}
    for record in re.findall(r"TY  - .*?ER  - \r\n", text, re.S):
        records[re.search(r"\r\nID  - (.*?)\r\n", record).group(1)] = record
    return records


def test_each_category_page_lists_its_papers_in_list_order(built):
    papers = listed_in_order()
    for cat in taxonomy():
        page = (built / "category" / f"{cat['slug']}.html").read_text("utf-8")
        shown = re.findall(r'<li class="paper" id="([^"]+)">', page)
        assert shown == [p["key"] for p in papers if cat["name"] in p["categories"]], cat["name"]


def test_citations_are_the_export_text_of_each_paper(built):
    expected = {
        "bibtex": bib_entries(EXPORTS / "bibtex" / "all.bib"),
        "biblatex": bib_entries(EXPORTS / "biblatex" / "all.bib"),
        "ris": {
            k: v.replace("\r\n", "\n") for k, v in ris_records(EXPORTS / "ris" / "all.ris").items()
        },
    }
    seen = set()
    for page in (built / "category").glob("*.html"):
        for key, fmt, text in PRE.findall(page.read_text("utf-8")):
            assert html.unescape(text) == expected[fmt][key], (page.name, key, fmt)
            seen.add((key, fmt))
    keys = {p["key"] for p in listed_in_order()}
    assert seen == {(k, f) for k in keys for f in ("bibtex", "biblatex", "ris")}


def test_ris_copy_restores_crlf(built):
    page = (built / "category" / "survey.html").read_text("utf-8")
    assert 'data-eol="crlf"' in page
    assert "\r" not in page  # an HTML parser would read CRLF as LF anyway


def test_downloads_are_the_exports(built):
    assert snapshot(built / "downloads") == snapshot(EXPORTS)


def test_search_data_holds_every_listed_paper_once(built):
    text = (built / "assets" / "search-data.js").read_text("utf-8")
    assert text.startswith("window.delbibSearch = ") and text.endswith(";\n")
    data = json.loads(text.removeprefix("window.delbibSearch = ").removesuffix(";\n"))
    keys = [row[data["fields"].index("key")] for row in data["papers"]]
    assert keys == [p["key"] for p in listed_in_order()]
    assert data["categories"] == [c["name"] for c in taxonomy()]


def test_front_page_tree_counts_and_weight(built):
    page = (built / "index.html").read_text("utf-8")
    papers = listed_in_order()
    for cat in taxonomy():
        count = sum(cat["name"] in p["categories"] for p in papers)
        link = f'<a href="category/{cat["slug"]}.html">{html.escape(cat["name"])}</a>'
        assert f'{link} <span class="count">({count})</span>' in page
    assert page.count("<svg") == 2 and "<title>Papers per year</title>" in page
    weight = sum(
        (built / rel).stat().st_size
        for rel in ["index.html", *(f"assets/{a}" for a in site.ASSETS), site.SEARCH_DATA]
    )
    assert weight < 300_000


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.refs: list[str] = []
        self.labels: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        for name in ("href", "src"):
            if a.get(name):
                self.refs.append(a[name])
        if tag == "label":
            self.labels.append(a.get("for", ""))


def test_pages_have_unique_ids_and_labelled_controls(built):
    for page in [built / "index.html", *(built / "category").glob("*.html")]:
        refs = _Refs()
        refs.feed(page.read_text("utf-8"))
        assert len(refs.ids) == len(set(refs.ids)), page.name
        assert all(label in refs.ids for label in refs.labels), page.name


def test_same_catalog_same_bytes_and_check(built, tmp_path):
    again = tmp_path / "again"
    site.write(catalog_mod.load(CATALOG), again)
    assert snapshot(again) == snapshot(built)
    assert site.check(catalog_mod.load(CATALOG), again) == []
    (again / "category" / "survey.html").write_text("edited", "utf-8")
    (again / "assets" / "site.js").unlink()
    (again / "category" / "gone.html").write_text("old", "utf-8")
    (again / "downloads" / "ris" / "survey.ris").unlink()
    assert site.check(catalog_mod.load(CATALOG), again) == [
        "differs: category/survey.html",
        "missing: assets/site.js",
        "stale: category/gone.html",
        "missing: downloads/ris/survey.ris",
    ]
    result = site.write(catalog_mod.load(CATALOG), again)
    assert result.removed == ["category/gone.html"]
    assert sorted(result.written) == [
        "assets/site.js",
        "category/survey.html",
        "downloads/ris/survey.ris",
    ]


def test_cli_writes_and_checks(tmp_path):
    runner = CliRunner()
    out = tmp_path / "site"
    args = ["--catalog", str(CATALOG), "site", "--out-dir", str(out)]
    missing = runner.invoke(main, [*args, "--check"])
    assert missing.exit_code == 1 and "missing: index.html" in missing.output
    written = runner.invoke(main, [*args, "--json"])
    assert written.exit_code == 0, written.output
    assert "index.html" in json.loads(written.output)["files"]
    assert runner.invoke(main, [*args, "--check", "-q"]).exit_code == 0
    assert "delbib site --out-dir" in runner.invoke(main, ["site", "--help"]).output


def test_templates_override_by_name(tmp_path):
    mine = tmp_path / "templates"
    (mine / "assets").mkdir(parents=True)
    (mine / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Our reading list</h1>{% endblock %}\n',
        "utf-8",
    )
    (mine / "assets" / "site.css").write_text("body { color: black; }\n", "utf-8")
    out = tmp_path / "site"
    site.write(catalog_mod.load(CATALOG), out, templates=mine)
    assert "<h1>Our reading list</h1>" in (out / "index.html").read_text("utf-8")
    assert (out / "assets" / "site.css").read_text("utf-8") == "body { color: black; }\n"
    assert '<ol class="papers">' in (out / "category" / "survey.html").read_text("utf-8")


def test_a_broken_template_is_one_line_with_file_and_line(tmp_path):
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "category.html").write_text("<p>\n{% for p in papers %}\n</p>\n", "utf-8")
    result = CliRunner().invoke(
        main,
        [
            "--catalog",
            str(CATALOG),
            "site",
            "--out-dir",
            str(tmp_path / "s"),
            "--templates",
            str(mine),
        ],
    )
    assert result.exit_code == 2
    assert "category.html" in result.output and "template syntax error" in result.output
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(
        main, ["--catalog", str(CATALOG), "site", "--templates", str(tmp_path / "nope")]
    )
    assert missing.exit_code == 2 and "templates directory not found" in missing.output


def test_the_workflow_example_publishes_the_site_from_main():
    import yaml

    from .conftest import ROOT

    workflow = yaml.safe_load((ROOT / "docs" / "list-repository-workflow.yml").read_text("utf-8"))
    job = workflow["jobs"]["site"]
    assert "push" in workflow[True] and job["needs"] == "catalog"
    assert "refs/heads/main" in job["if"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = job["steps"]
    assert any("delbib site --out-dir _site" in s.get("run", "") for s in steps)
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[-3:] == [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert steps[-2]["with"]["path"] == "_site"


def test_a_nested_taxonomy_is_a_nested_tree_and_a_parent_filter_takes_its_children(
    catalog_copy, tmp_path
):
    meta = catalog_copy / "catalog.yaml"
    text = meta.read_text("utf-8").replace(
        "- name: Data Pruning\n  slug: data-pruning\n",
        "- name: Data Pruning\n  slug: data-pruning\n  parent: Data Selection\n",
    )
    meta.write_text(text, "utf-8")
    out = tmp_path / "site"
    site.write(catalog_mod.load(catalog_copy), out)
    page = (out / "index.html").read_text("utf-8")
    papers = listed_in_order()
    both = {p["key"] for p in papers if {"Data Selection", "Data Pruning"} & set(p["categories"])}
    nested = re.search(
        r'<li><a href="category/data-selection.html">Data Selection</a> '
        r'<span class="count">\((\d+)\)</span>\s*<ul>\s*<li><a href="category/data-pruning.html">',
        page,
    )
    assert nested and int(nested.group(1)) == len(both)
    data = (out / "assets" / "search-data.js").read_text("utf-8")
    data = json.loads(data.removeprefix("window.delbibSearch = ").removesuffix(";\n"))
    names = data["categories"]
    within = data["within"][names.index("Data Selection")]
    assert sorted(names[i] for i in within) == ["Data Pruning", "Data Selection"]
    assert data["within"][names.index("Data Pruning")] == [names.index("Data Pruning")]
    parent = (out / "category" / "data-selection.html").read_text("utf-8")
    assert 'Inside this category: <a href="data-pruning.html">Data Pruning</a>' in parent


def test_only_web_links_become_links(catalog_copy, tmp_path):
    paper = catalog_copy / "papers" / f"{listed_in_order()[0]['key']}.yaml"
    text = paper.read_text("utf-8").replace("links:\n", "links:\n- javascript:alert(1)\n", 1)
    assert "javascript:" in text
    paper.write_text(text, "utf-8")
    out = tmp_path / "site"
    site.write(catalog_mod.load(catalog_copy), out)
    for page in (out / "category").glob("*.html"):
        assert "javascript:" not in page.read_text("utf-8")
