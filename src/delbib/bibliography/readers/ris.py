"""RIS -> CSL items, read the way Zotero's RIS import and delbib's RIS writer use the tags.

A small line reader (``XX  - value``) rather than a library, so every record keeps the line
it starts on and a broken record costs only itself. ``T2`` is a journal's title, a
conference's name (``C3`` is the proceedings) or a book's series, by ``TY``; ``M2``/``N1``
lines carry Zotero's Extra ("Citation Key: K", "arXiv:ID", "Type: preprint"); tags with no
CSL place (``L1``, ``N1`` text, ``M1``...) are kept as unplaced.
"""

from __future__ import annotations

import re
from typing import Any

from delbib.bibliography.readers import Parsed, Problem, Record, arxiv_in, year_parts

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "CHAP": "chapter",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "RPRT": "report",
    "THES": "thesis",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "GEN": "document",
    "ELEC": "webpage",
    "WEB": "webpage",
    "DATA": "dataset",
    "COMP": "software",
}
SIMPLE = {
    "TI": "title",
    "T1": "title",
    "JO": "container-title",
    "JF": "container-title",
    "BT": "container-title",
    "C3": "container-title",
    "J2": "container-title-short",
    "JA": "container-title-short",
    "VL": "volume",
    "IS": "issue",
    "ET": "edition",
    "PB": "publisher",
    "CY": "publisher-place",
    "M3": "genre",
    "AB": "abstract",
    "N2": "abstract",
    "LA": "language",
}
_EXTRA = re.compile(r"^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.+?)\s*$")


def _person(text: str) -> dict[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 1:
        return {"literal": parts[0]}
    person = {"family": parts[0], "given": parts[1]}
    if len(parts) > 2 and parts[2]:
        person["suffix"] = parts[2]
    return {k: v for k, v in person.items() if v}


def to_record(tags: list[tuple[str, str]]) -> Record:
    """One record's (tag, value) lines as a record."""
    ris_type = next((v for t, v in tags if t == "TY"), "GEN").strip().upper()
    item: dict[str, Any] = {"type": TYPES.get(ris_type, "document")}
    key, keywords, unplaced, notes = None, [], {}, []
    custom: dict[str, Any] = {}
    start = end = ""
    for tag, value in tags:
        value = " ".join(value.split())
        if not value or tag in ("TY", "ER"):
            continue
        if tag == "ID":
            key = value
        elif tag in SIMPLE:
            item.setdefault(SIMPLE[tag], value)
        elif tag in ("AU", "A1"):
            item.setdefault("author", []).append(_person(value))
        elif tag in ("A2", "A3", "ED"):
            item.setdefault("editor", []).append(_person(value))
        elif tag in ("PY", "Y1", "DA"):
            if (issued := year_parts(value)) and (
                "issued" not in item or len(issued["date-parts"][0]) > 1
            ):
                item["issued"] = issued
        elif tag == "T2":
            where = {
                "paper-conference": "event-title",
                "book": "collection-title",
                "report": "collection-title",
            }.get(item["type"], "container-title")
            item.setdefault(where, value)
        elif tag == "SP":
            start = value
        elif tag == "EP":
            end = value
        elif tag == "SN":
            name = {"article-journal": "ISSN", "report": "number"}.get(item["type"], "ISBN")
            item.setdefault(name, value)
        elif tag == "C1" and item["type"] == "paper-conference":
            item.setdefault("publisher-place", value)
        elif tag == "DO":
            item.setdefault("DOI", value)
        elif tag in ("UR", "L2") and "URL" not in item:
            item["URL"] = value
        elif tag == "KW":
            keywords += [w.strip() for w in value.split(";") if w.strip()]
        elif tag in ("M2", "N1"):
            extra = _EXTRA.match(value.replace("\u00a0", " "))
            label = extra.group(1).casefold() if extra else ""
            if label == "citation key":
                key = key or extra.group(2)
            elif label in ("arxiv", "archive id") and (arxiv := arxiv_in(extra.group(2))):
                custom["arxiv"] = arxiv
            elif label == "type" and extra.group(2).strip() in ("preprint", "document"):
                item["type"] = "article" if extra.group(2).strip() == "preprint" else "document"
            elif label == "published":
                item.setdefault("container-title", extra.group(2))
            else:
                notes.append(value)
        else:
            unplaced[tag] = f"{unplaced[tag]}\n{value}" if tag in unplaced else value
    if start:
        item["page"] = f"{start}-{end}" if end and end != start else start
    if notes:
        unplaced["note"] = "\n".join(notes)
    if custom:
        item["custom"] = custom
    return Record(key, item, keywords=keywords, unplaced=unplaced, entry_type=ris_type)


def read(text: str, parsed: Parsed) -> None:
    """Every record of a RIS text, in order, into ``parsed``."""
    tags: list[tuple[str, str]] = []
    start = None
    for number, line in enumerate(text.splitlines(), 1):
        found = _TAG.match(line.rstrip("\r"))
        if found is None:
            if line.strip() and tags:  # a continuation of the previous value
                tags[-1] = (tags[-1][0], f"{tags[-1][1]} {line.strip()}")
            elif line.strip():
                parsed.problems.append(Problem(parsed.path, number, "not a RIS tag line"))
            continue
        tag, value = found.group(1), found.group(2) or ""
        if tag == "TY":
            if tags:
                parsed.problems.append(Problem(parsed.path, start, "record without ER, read"))
                _add(parsed, tags, start)
            tags, start = [], number
        elif not tags:
            parsed.problems.append(Problem(parsed.path, number, f"{tag} outside a record"))
            continue
        tags.append((tag, value))
        if tag == "ER":
            _add(parsed, tags, start)
            tags = []
    if tags:
        parsed.problems.append(Problem(parsed.path, start, "record without ER, read"))
        _add(parsed, tags, start)


def _add(parsed: Parsed, tags: list[tuple[str, str]], line: int | None) -> None:
    record = to_record(tags)
    record.line = line
    parsed.records.append(record)
