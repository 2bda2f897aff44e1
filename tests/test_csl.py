"""The canonical record: resolved metadata first, catalog facts for the gaps, our key always."""

from __future__ import annotations

from delbib import csl
from delbib.catalog import Entry


def _entry(**kw):
    base = dict(
        key="magpie2024",
        title="Magpie: Alignment Data Synthesis",
        clean_title="Magpie: Alignment Data Synthesis",
        categories=["Data Synthesis", "Survey"],
        rows=[40],
        year=2024,
        links=["https://arxiv.org/pdf/2406.08464v2"],
        identifiers=["arxiv:2406.08464"],
    )
    base.update(kw)
    return Entry(**base)


def test_unresolved_arxiv_entry_becomes_a_preprint_item():
    item = csl.to_item(_entry(), None)
    assert item["type"] == "article"
    assert item["publisher"] == "arXiv" and item["number"] == "arXiv:2406.08464"
    assert item["URL"] == "https://arxiv.org/abs/2406.08464"
    assert item["issued"] == {"date-parts": [[2024]]}
    assert item["id"] == item["citation-key"] == "magpie2024"
    assert item["note"] == "Citation Key: magpie2024"
    assert item["keyword"] == "Data Synthesis, Survey"
    assert item["custom"] == {"arxiv": "2406.08464", "categories": ["Data Synthesis", "Survey"]}
    assert list(item) == sorted(item)


def test_resolved_metadata_wins_and_catalog_fills_gaps():
    record = {
        "csl": {
            "type": "paper-conference",
            "title": "Magpie: Alignment Data Synthesis from Scratch",
            "author": [{"family": "Xu", "given": "Zhangchen"}],
            "container-title": "ICLR 2025",
            "keyword": "should be replaced",
        }
    }
    item = csl.to_item(_entry(), record)
    assert item["title"] == "Magpie: Alignment Data Synthesis from Scratch"
    assert item["type"] == "paper-conference" and "number" not in item
    assert item["issued"] == {"date-parts": [[2024]]}  # the list's year fills the gap
    assert item["keyword"] == "Data Synthesis, Survey"
    assert item["custom"]["arxiv"] == "2406.08464"  # the id survives the upgrade
    assert csl.missing_fields(item) == []
    assert record["csl"]["keyword"] == "should be replaced"  # the record is not mutated


def test_entry_without_link_or_metadata_still_exports_what_is_known():
    item = csl.to_item(_entry(links=[], identifiers=[], year=None), None)
    assert item["type"] == "document" and item["title"].startswith("Magpie")
    assert "URL" not in item
    assert csl.missing_fields(item) == ["author", "issued"]
