"""RIS writer: read back by rispy, shaped the way Zotero's RIS import maps tags."""

from __future__ import annotations

import re

import pytest
import rispy

from delbib.export.formats import ris
from delbib.export.latex import clean_text

from . import formats_fixtures as fx

# The line pattern Zotero's RIS.js reader accepts (RISReader risFormat).
ZOTERO_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")


@pytest.fixture(scope="module")
def text() -> str:
    return ris.write(fx.items())


@pytest.fixture(scope="module")
def records(text: str) -> dict[str, dict]:
    parsed = rispy.loads(text)
    assert len(parsed) == len(fx.items())
    return {r["id"]: r for r in parsed}


def _extra(record: dict) -> list[str]:
    return list(record.get("unknown_tag", {}).get("M2", []))


def test_rispy_reads_back_titles_people_dois_keywords_ids(records) -> None:
    assert list(records) == [item["id"] for item in fx.items()]  # ID = key, input order
    for item in fx.items():
        record = records[item["id"]]
        assert record["title"] == clean_text(item["title"])
        people = [f"{fam}, {giv}" if giv else fam for fam, giv in fx.expected_people(item)]
        assert record.get("authors", []) == people
        assert record.get("doi") == item.get("DOI")
        assert record.get("keywords", []) == item.get("custom", {}).get("categories", [])


def test_every_record_is_closed_by_er_and_lines_are_crlf(text: str) -> None:
    blocks = text.split("\r\n\r\n")
    assert len(blocks) == len(fx.items())
    for block in blocks:
        lines = block.rstrip("\r\n").split("\r\n")
        assert lines[0].startswith("TY  - ")
        assert lines[-1] == "ER  - "
        assert all(ZOTERO_LINE.match(line) for line in lines), lines
    assert text.endswith("ER  - \r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare LF
    assert text.count("ER  - ") == len(fx.items())


def test_types(records) -> None:
    assert {k: r["type_of_reference"] for k, r in records.items()} == {
        "qlora2023": "CONF",
        "vanderaalst2016": "JOUR",
        "alpagasus2024": "UNPB",
        "gpt4report2023": "UNPB",
        "untitled-scrap": "GEN",
        "specials2022": "CONF",
        "handbook2021": "CHAP",
        "whitepaper2020": "GEN",
        "techreport2019": "RPRT",
        "thesis2018": "THES",
    }


def test_conference_proceedings_title_in_c3(records) -> None:
    qlora = records["qlora2023"]
    assert qlora["custom3"] == "Advances in Neural Information Processing Systems 36"  # C3
    assert qlora["secondary_title"] == "NeurIPS 2023"  # T2: Zotero's conference name
    assert (qlora["start_page"], qlora["end_page"]) == ("10088", "10115")
    assert qlora["publisher"] == "Curran Associates, Inc."
    assert _extra(qlora) == ["Citation Key: qlora2023", "arXiv:2305.14314"]
    specials = records["specials2022"]
    assert "secondary_title" not in specials  # no short name: no made-up conference name
    assert specials["custom1"] == "Dublin, Ireland"  # C1: place of a conferencePaper


def test_journal_fields(records) -> None:
    jour = records["vanderaalst2016"]
    assert jour["secondary_title"] == "Communications of the ACM"  # T2
    assert jour["alternate_title1"] == "Commun. ACM"  # J2
    assert (jour["volume"], jour["number"]) == ("59", "3")  # VL, IS
    assert (jour["start_page"], jour["end_page"]) == ("365", "374")  # en dash split
    assert jour["issn"] == "0001-0782"
    assert jour["authors"][0] == "van der Aalst, Wil"


def test_preprint_carries_type_and_arxiv_id_in_extra(records) -> None:
    pre = records["alpagasus2024"]
    assert pre["publisher"] == "arXiv"
    assert pre["urls"] == ["https://arxiv.org/abs/2307.08701"]
    assert _extra(pre) == [
        "Type: preprint",
        "Archive ID:\u00a0arXiv:2307.08701",  # no-break space: see the writer's docstring
        "Citation Key: alpagasus2024",
    ]
    assert "Type: document" in _extra(records["untitled-scrap"])


def test_dates(records) -> None:
    assert (records["alpagasus2024"]["year"], records["alpagasus2024"]["date"]) == (
        "2023",
        "2023/07/17/",
    )
    assert records["qlora2023"]["date"] == "2023/12//"
    assert records["gpt4report2023"]["date"] == "2023///"
    assert "year" not in records["untitled-scrap"]


def test_organisation_author_has_no_comma(records) -> None:
    # Zotero reads a name without a comma as a single-field (institutional) name.
    assert records["gpt4report2023"]["authors"] == ["OpenAI", "Zoë, Łucja"]
    assert records["whitepaper2020"]["authors"] == ["Digital Science"]


def test_other_types(records) -> None:
    chap = records["handbook2021"]
    assert chap["secondary_title"] == "The Handbook of Natural Language Processing"
    assert chap["secondary_authors"] == ["Smith, Jane"]  # A2: editor
    assert chap["issn"] == "978-3-030-00000-0"  # SN: ISBN here
    assert records["techreport2019"]["issn"] == "UCB/EECS-2019-1"  # SN: report number
    assert records["thesis2018"]["type_of_work"] == "PhD thesis"  # M3
    assert records["thesis2018"]["publisher"] == "Technische Universität München"


def test_one_tag_per_line_and_entities_decoded_but_urls_raw() -> None:
    item = {
        "id": "k",
        "type": "document",
        "title": "Line\nbreak &amp; tab\there",
        "URL": "https://x.org/?a=1&copy=2",
        "custom": {"categories": ["A", "B"]},
    }
    (record,) = rispy.loads(ris.write([item]))
    assert record["title"] == "Line break & tab here"
    assert record["urls"] == ["https://x.org/?a=1&copy=2"]
    assert record["keywords"] == ["A", "B"]


def test_deterministic_bytes() -> None:
    assert ris.write(fx.items()).encode() == ris.write(fx.items()).encode()
    assert ris.write([]) == ""
