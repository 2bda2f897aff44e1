"""The shipped exports carry what the reference metadata knows: volumes, issues and pages
(stated in its fields or, in prose, in its notes), and an author wherever it names one.

Expected values are read here from the reference file (catalog/source/catalog-reference.jsonl)
with regular expressions of their own, and from docs/data-gaps.md, not from delbib.
"""

from __future__ import annotations

import json
import re

import yaml

from .conftest import CATALOG, EXPORTS, REFERENCE, ROOT

_VOLUME = re.compile(r"\b(?:vol\.|volume)\s*(\d+)|\b(\d+)\((\d+)\):\d", re.IGNORECASE)
_PAGES = re.compile(r"\b(?:pp\.|pages)\s*(\d+)\s*[-\u2013]\s*(\d+)")


def _reference() -> dict[int, dict]:
    return {r["row"]: r for r in map(json.loads, REFERENCE.read_text("utf-8").splitlines())}


def _items() -> dict[str, dict]:
    return {i["id"]: i for i in json.loads((EXPORTS / "csljson" / "all.json").read_text("utf-8"))}


def _rows() -> dict[str, list[int]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["rows"]
        for path in (CATALOG / "papers").glob("*.yaml")
    }


def _prose(record: dict) -> str:
    return " ".join([record.get("notes") or "", *(record.get("evidence") or [])])


def test_every_journal_article_has_the_volume_and_issue_the_reference_states():
    ref, rows = _reference(), _rows()
    journals = {k: i for k, i in _items().items() if i["type"] == "article-journal"}
    checked = 0
    for key, item in journals.items():
        stated = [m for row in rows[key] for m in _VOLUME.finditer(_prose(ref[row]))]
        if not stated:
            continue
        checked += 1
        volumes = {m.group(1) or m.group(2) for m in stated}
        assert item.get("volume") in volumes, (key, volumes)
        issues = {m.group(3) for m in stated if m.group(3)}
        if issues:
            assert item.get("issue") in issues, (key, issues)
    assert checked >= 9  # the reference states a volume for most of the 17 journal articles


def test_every_conference_paper_has_the_pages_the_reference_states():
    ref, rows = _reference(), _rows()
    checked = 0
    for key, item in _items().items():
        if item["type"] != "paper-conference":
            continue
        stated = {ref[row]["page"] for row in rows[key] if ref[row].get("page")}
        for row in rows[key]:
            stated |= {f"{a}-{b}" for a, b in _PAGES.findall(_prose(ref[row]))}
        if stated:
            checked += 1
            assert re.sub(r"[\u2013]", "-", item.get("page") or "") in stated, (key, stated)
    assert checked >= 70


def _documented_without_author() -> set[str]:
    """The keys docs/data-gaps.md lists under its 'No author' heading."""
    text = (ROOT / "docs" / "data-gaps.md").read_text(encoding="utf-8")
    section = text.split("## No author", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9]+)` \|", section, re.MULTILINE))


def test_no_exported_entry_lacks_an_author_the_reference_names():
    """An entry without author is one the reference names none for, and is documented."""
    ref, rows = _reference(), _rows()
    authorless = {k for k, i in _items().items() if not i.get("author")}
    for key in authorless:
        assert not any(ref[row].get("author") for row in rows[key]), key
    assert authorless == _documented_without_author()


def test_diacritics_the_reference_spells_out_are_kept():
    """Row 96's notes say "arXiv spells 'Ondřej Dušek'"; its author field has them without."""
    assert "arXiv spells 'Ondřej Dušek'" in _reference()[96]["notes"]
    bib = (EXPORTS / "bibtex" / "all.bib").read_text(encoding="utf-8")
    assert "Dušek, Ondřej" in bib and "Dusek" not in bib
