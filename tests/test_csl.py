"""The canonical record: resolved metadata first, catalog facts for the gaps, our key always."""

from __future__ import annotations

from delbib.catalog import csl
from delbib.catalog.model import Entry


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
    assert "note" not in item  # the key has its own field: not repeated in Extra
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


def test_conference_short_name_is_an_event_label_never_an_abbreviation():
    record = {
        "csl": {
            "type": "paper-conference",
            "title": "Magpie",
            "author": [{"family": "Xu", "given": "Zhangchen"}],
            "container-title": "Findings of the ACL: EMNLP 2024",
            "container-title-short": "Findings of EMNLP 2024 (long papers)",
        }
    }
    item = csl.to_item(_entry(), record)
    assert item["event-title"] == "EMNLP 2024"
    assert "container-title-short" not in item


def test_journal_abbreviation_is_iso4_without_years_or_notes():
    record = {
        "csl": {
            "type": "article-journal",
            "title": "AugGPT",
            "author": [{"family": "Dai", "given": "Haixing"}],
            "container-title": "IEEE Transactions on Big Data",
            "container-title-short": "IEEE TBD 2025",
        }
    }
    assert csl.to_item(_entry(), record)["container-title-short"] == "IEEE Trans. Big Data"
    record["csl"]["container-title-short"] = "IEEE Trans. Big Data"  # already ISO 4: kept
    record["csl"]["container-title"] = "Some Unlisted Journal of Things"
    assert csl.to_item(_entry(), record)["container-title-short"] == "IEEE Trans. Big Data"
    assert csl.journal_abbreviation("", "PVLDB 2025 (VLDB)") == "PVLDB"


def test_type_falls_back_to_what_is_known():
    no_author = {"csl": {"type": "paper-conference", "title": "DELE", "container-title": "DPFM"}}
    item = csl.to_item(_entry(identifiers=[], links=[]), no_author)
    assert item["type"] == "document" and item["container-title"] == "DPFM"
    journal_unknown = {
        "csl": {
            "type": "article-journal",
            "title": "CodeUltraFeedback",
            "author": [{"family": "Weyssow", "given": "Martin"}],
            "issued": {"date-parts": [[2026]]},
        }
    }
    item = csl.to_item(_entry(year=2024), journal_unknown)  # the entry has an arXiv id
    assert item["type"] == "article" and item["number"] == "arXiv:2406.08464"
    assert item["issued"] == {"date-parts": [[2024]]}  # the preprint's (listed) year
    assert "note" not in item


def test_published_paper_keeps_its_arxiv_id_in_the_note():
    record = {
        "csl": {
            "type": "paper-conference",
            "title": "Magpie",
            "author": [{"family": "Xu", "given": "Zhangchen"}],
            "container-title": "ICLR 2025",
        }
    }
    assert csl.to_item(_entry(), record)["note"] == "arXiv:2406.08464"


def test_listed_venue_fills_a_missing_container_unless_it_is_a_placeholder():
    record = {"csl": {"type": "document", "title": "Kamyr"}}
    plain = dict(identifiers=[], links=[])
    assert csl.to_item(_entry(venue="IEEE", **plain), record)["container-title"] == "IEEE"
    for placeholder in ("arxiv", "Others", "NIPS/ICML/ICLR", "*ACL", "Journal"):
        item = csl.to_item(_entry(venue=placeholder, **plain), record)
        assert "container-title" not in item, placeholder
    record["csl"]["publisher"] = "IEEE"  # nothing new: not repeated as a container
    assert "container-title" not in csl.to_item(_entry(venue="IEEE", **plain), record)


def test_incomplete_author_list_is_flagged_from_the_record_notes():
    record = {
        "csl": {"type": "article", "title": "X", "author": [{"family": "Ming", "given": "X"}]},
        "notes": "AUTHOR LIST INCOMPLETE: only the first author was seen",
    }
    assert csl.to_item(_entry(), record)["custom"]["incomplete_authors"] is True
    record["notes"] = "authors checked"
    assert "incomplete_authors" not in csl.to_item(_entry(), record)["custom"]


def test_tex_isms_become_the_characters_they_stand_for():
    assert (
        csl.untex("LLM Guided Evolution -- The Automation")
        == "LLM Guided Evolution – The Automation"
    )
    assert csl.untex("A---B, Q\\&A, a~b, x-y, ----") == "A—B, Q&A, a b, x-y, ----"
    record = {
        "csl": {"type": "article", "title": "Evolution -- Models", "container-title": "R\\&D"}
    }
    item = csl.to_item(_entry(), record)
    assert item["title"] == "Evolution – Models" and item["container-title"] == "R&D"


def _containers(value, found=None):
    """ids of every dict and list inside ``value``."""
    found = set() if found is None else found
    if isinstance(value, dict | list):
        found.add(id(value))
        for member in value.values() if isinstance(value, dict) else value:
            _containers(member, found)
    return found


def test_item_shares_nothing_mutable_with_its_record():
    import copy

    record = {
        "csl": {
            "type": "paper-conference",
            "title": "Magpie",
            "author": [{"family": "Xu", "given": "Zhangchen"}, {"literal": "Team"}],
            "container-title": "ICLR 2025",
            "issued": {"date-parts": [[2025, 4]]},
            "custom": {"arxiv": "2406.08464", "extra": {"list": [1, {"deep": ["x"]}]}},
        }
    }
    before = copy.deepcopy(record)
    item = csl.to_item(_entry(), record)
    assert not _containers(item) & _containers(record)
    item["author"][0]["family"] = "changed"
    item["issued"]["date-parts"][0].append(1)
    item["custom"]["extra"]["list"][1]["deep"].clear()
    assert record == before


def test_record_data_is_copied_the_way_json_would_read_it():
    record = {
        "csl": {
            "type": "paper-conference",
            "title": "Magpie",
            "author": ({"family": "Xu", "given": "Zhangchen"},),  # a tuple, not JSON
            "container-title": "ICLR 2025",
            "issued": {"date-parts": ((2024, 5),)},
            "custom": {"extra": {1: "one", None: "none"}},
        }
    }
    item = csl.to_item(_entry(), record)
    assert item["author"] == [{"family": "Xu", "given": "Zhangchen"}]
    assert type(item["author"]) is list
    assert item["issued"] == {"date-parts": [[2024, 5]]}
    assert item["custom"]["extra"] == {"1": "one", "null": "none"}
