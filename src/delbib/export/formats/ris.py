"""RIS writer tuned to what Zotero's RIS import (zotero/translators ``RIS.js``) maps.

Decisions, each from RIS.js's import tables:

* ``TY``: paper-conference ``CONF``, article-journal ``JOUR``, chapter ``CHAP``, report
  ``RPRT``, thesis ``THES``, book ``BOOK``, unknown ``GEN``. Preprints use ``UNPB``
  (RIS "unpublished work", what EndNote/Mendeley call a preprint): RIS has no preprint
  type and Zotero's RIS import maps no ``TY`` to its preprint item type (it imports
  ``UNPB``/``GEN`` as a journal article), so the type is carried in Extra instead.
* Extra: Zotero sends every ``M2`` line to the item's Extra field (``M1`` would become
  the issue of a journal article), and on saving moves recognised ``Key: value`` lines
  of Extra into real fields (``extractExtraFields``). So each record carries the item's
  note lines (``Citation Key: <key>``, which Zotero 7 moves to its Citation Key field,
  and ``arXiv:<id>`` for a published paper, Zotero's own Extra convention); preprints add
  ``Type: preprint`` (Zotero makes it a Preprint item) and ``Archive ID:`` + U+00A0 +
  ``arXiv:<id>``. The no-break space is deliberate: Zotero reads a line with
  ``/^([a-z][a-z -_]+):(.+)/i``, whose ``[ -_]`` range includes ``:``, so after a plain
  space the name would run on to "Archive ID: arXiv"; the no-break space is outside that
  range and is trimmed from the value, which becomes the Archive ID ``arXiv:<id>``.
  ``document`` items add ``Type: document``.
* Conference papers: ``C3`` is Zotero's proceedings title (the CSL container-title);
  ``T2`` would be the conference *name*, so it is written only from ``event-title`` or
  ``container-title-short``. Journals: ``T2`` journal, ``J2`` abbreviation.
* ``AU``/``A2``/``A3``: one line per person as ``Family, Given[, Suffix]``; an
  organisation is written without a comma, which Zotero stores as a single-field name.
* ``PY  - 2024`` plus ``DA  - 2024/05/17/`` (RIS ``YYYY/MM/DD/other``; missing parts
  empty, e.g. ``2024///``), the form Zotero's own RIS export writes.
* One ``KW`` per category (Zotero splits a KW value on ``;``).
* Lines end in CRLF, as the RIS specification and Zotero's export do; Zotero and rispy
  both read CRLF and LF. Text is UTF-8, whitespace collapsed to keep one tag per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from delbib.catalog.item import arxiv_id, categories, date_parts
from delbib.export.formats import Frame, join
from delbib.export.latex import clean_text

__all__ = ["EOL", "frame", "renderer", "write"]

EOL = "\r\n"

_TYPES = {
    "paper-conference": "CONF",
    "article-journal": "JOUR",
    "article": "UNPB",
    "chapter": "CHAP",
    "report": "RPRT",
    "thesis": "THES",
    "book": "BOOK",
}
_PAGE_RANGE = re.compile(r"(.+?)[\u002d\u00ad\u2010-\u2015\u2212\u2e3a\u2e3b\s]+(.+)")


def _plan(ris_type: str) -> tuple[tuple[str, str], ...]:
    """(line prefix, CSL field) of the text lines from the container on, in order (the
    ``SP`` line is the page range, split into ``SP`` and ``EP`` when it is one)."""
    venue = {
        "CONF": [("C3", "container-title")],
        "JOUR": [("T2", "container-title"), ("J2", "container-title-short")],
        "BOOK": [("T2", "collection-title")],
        "RPRT": [("T2", "collection-title")],
        "UNPB": [],
    }.get(ris_type, [("T2", "container-title")])
    place = "C1" if ris_type == "CONF" else "CY"
    serial = {"RPRT": "number", "JOUR": "ISSN"}.get(ris_type, "ISBN")
    tags = [*venue, ("VL", "volume"), ("IS", "issue"), ("SP", "page"), ("ET", "edition")]
    tags += [("PB", "publisher"), (place, "publisher-place"), ("SN", serial)]
    if ris_type in ("RPRT", "THES"):
        tags.append(("M3", "genre"))
    return tuple((f"{tag}  - ", field) for tag, field in tags)


_NAME_PARTS = frozenset(
    {"literal", "family", "given", "dropping-particle", "non-dropping-particle", "suffix"}
)
_PLANS = {ris_type: _plan(ris_type) for ris_type in (*_TYPES.values(), "GEN")}
# Names, venues, publishers and categories recur from item to item.
_clean_text = lru_cache(maxsize=16384)(clean_text)


def _text(value: Any) -> str:
    return "" if value is None else _clean_text(str(value))


def _raw(value: Any) -> str:
    """Identifiers (URL, DOI): no entity decoding ("&copy=" is a query), no inner space."""
    return "".join(str(value or "").split())


def _name(parts: Iterable[tuple[str, Any]]) -> str:
    """``Family, Given[, Suffix]`` (particles before the family name), or the literal
    name, from a CSL name's (part, value) pairs."""
    part = {k: _text(v) for k, v in parts if k in _NAME_PARTS}.get
    literal, family = part("literal", ""), part("family", "")
    if literal or not family:
        return literal or part("given", "")
    last = (part("dropping-particle", ""), part("non-dropping-particle", ""), family)
    rest = (" ".join([p for p in last if p]), part("given", ""), part("suffix", ""))
    return ", ".join([p for p in rest if p])


# People recur from item to item. Only names of strings are cached: 1, 1.0 and True are
# one key to a cache, but three names.
_cached_name = lru_cache(maxsize=16384)(_name)
_all_str = frozenset({str}).issuperset


def _person(name: Any) -> str:
    if type(name) is not dict and not isinstance(name, Mapping):
        return _text(name)
    if _all_str(map(type, name.values())):
        return _cached_name(tuple(name.items()))
    return _name(name.items())


def _people(names: Any) -> list[str]:
    if not isinstance(names, list):
        return []
    return [p for p in map(_person, names) if p]


def _date(item: Mapping[str, Any]) -> tuple[str, str]:
    """(PY, DA) values, e.g. ("2024", "2024/05//")."""
    parts = date_parts(item)
    if not parts:
        return "", ""
    year = f"{parts[0]:04d}"
    month = f"{parts[1]:02d}" if len(parts) > 1 else ""
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    return year, f"{year}/{month}/{day}/"


def _extra(item: Mapping[str, Any], key: str, kind: str, arxiv: str) -> list[str]:
    lines: list[str] = []
    if kind == "article":
        lines.append("Type: preprint")
        archive_id = f"arXiv:{arxiv}" if arxiv else _text(item.get("number"))
        if archive_id:
            lines.append(f"Archive ID:\u00a0{archive_id}")
    if kind not in _TYPES:
        lines.append("Type: document")
    for line in str(item.get("note") or "").splitlines():
        line = clean_text(line)  # not cached: note lines are the item's own
        if line and line not in lines:
            lines.append(line)
    text = "\n" + "\n".join(lines)  # a line starts after "\n" (lines hold no newline)
    if arxiv and kind != "article" and "\narXiv:" not in text:
        lines.append(f"arXiv:{arxiv}")
    if key and "\ncitation key:" not in text.lower():
        lines.append(f"Citation Key: {key}")
    return lines


def _render(item: Mapping[str, Any]) -> str:
    """One record, its lines in a fixed order; a line whose value is empty is left out."""
    get = item.get
    kind = str(get("type") or "document")
    key = str(get("citation-key") or get("id") or "")
    ris_type = _TYPES.get(kind, "GEN")
    lines = [f"TY  - {ris_type}", f"ID  - {key}", f"TI  - {_text(get('title'))}"]
    lines += [f"AU  - {person}" for person in _people(get("author"))]
    editor = "A3  - " if ris_type == "BOOK" else "A2  - "
    lines += [editor + person for person in _people(get("editor"))]
    year, date = _date(item)
    lines += (f"PY  - {year}", f"DA  - {date}")
    if ris_type == "CONF":
        event = _text(get("event-title")) or _text(get("container-title-short"))
        lines.append(f"T2  - {event}")
    for prefix, field in _PLANS[ris_type]:
        value = get(field)
        if value is None:
            continue
        text = _text(value)
        if prefix == "SP  - " and (pages := _PAGE_RANGE.fullmatch(text)):
            lines += (f"SP  - {pages[1]}", f"EP  - {pages[2]}")
        else:
            lines.append(prefix + text)
    lines += (f"DO  - {_raw(get('DOI'))}", f"UR  - {_raw(get('URL'))}")
    lines += [f"KW  - {word}" for word in map(_text, categories(item)) if word]
    lines += [f"M2  - {line}" for line in _extra(item, key, kind, arxiv_id(item))]
    lines = [line for line in lines if len(line) > 6]  # no value after "XX  - "
    lines.append("ER  - ")
    return EOL.join(lines) + EOL


def renderer() -> Callable[[Mapping[str, Any]], str]:
    """The function rendering one item as a RIS record."""
    return _render


def frame() -> Frame:
    """A RIS file: records with a blank line between them."""
    return Frame(sep=EOL)


def write(items: Iterable[Mapping[str, Any]]) -> str:
    """Serialise canonical items as RIS records (CRLF line ends, UTF-8 text)."""
    return join(frame(), map(renderer(), items))
