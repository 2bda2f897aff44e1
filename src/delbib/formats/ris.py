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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from delbib.formats import Frame, arxiv_id, categories, date_parts, join
from delbib.latex import clean_text

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


def _text(value: Any) -> str:
    if value is None:
        return ""
    return clean_text(str(value))


def _raw(value: Any) -> str:
    """Identifiers (URL, DOI): no entity decoding ("&copy=" is a query), no inner space."""
    return "".join(str(value or "").split())


def _person(name: Any) -> str:
    if not isinstance(name, Mapping):
        return _text(name)
    literal = _text(name.get("literal"))
    family = _text(name.get("family"))
    if literal or not family:
        return literal or _text(name.get("given"))
    particles = [_text(name.get(p)) for p in ("dropping-particle", "non-dropping-particle")]
    last = " ".join(p for p in (*particles, family) if p)
    rest = [p for p in (_text(name.get("given")), _text(name.get("suffix"))) if p]
    return ", ".join([last, *rest])


def _people(names: Any) -> list[str]:
    if not isinstance(names, list):
        return []
    return [p for p in (_person(n) for n in names) if p]


def _date(item: Mapping[str, Any]) -> tuple[str, str]:
    """(PY, DA) values, e.g. ("2024", "2024/05//")."""
    parts = date_parts(item)
    if not parts:
        return "", ""
    year = f"{parts[0]:04d}"
    month = f"{parts[1]:02d}" if len(parts) > 1 else ""
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    return year, f"{year}/{month}/{day}/"


def _keywords(item: Mapping[str, Any]) -> list[str]:
    return [w for w in (_text(c) for c in categories(item)) if w]


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
        line = _text(line)
        if line and line not in lines:
            lines.append(line)
    if arxiv and kind != "article" and not any(ln.startswith("arXiv:") for ln in lines):
        lines.append(f"arXiv:{arxiv}")
    if key and not any(line.lower().startswith("citation key:") for line in lines):
        lines.append(f"Citation Key: {key}")
    return lines


def _record(item: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    kind = str(item.get("type") or "document")
    key = str(item.get("citation-key") or item.get("id") or "")
    arxiv = arxiv_id(item)
    ris_type = _TYPES.get(kind, "GEN")
    container = _text(item.get("container-title"))
    short = _text(item.get("container-title-short"))

    yield "TY", ris_type
    yield "ID", key
    yield "TI", _text(item.get("title"))
    for person in _people(item.get("author")):
        yield "AU", person
    editor_tag = "A3" if ris_type == "BOOK" else "A2"
    for person in _people(item.get("editor")):
        yield editor_tag, person

    year, date = _date(item)
    yield "PY", year
    yield "DA", date

    if ris_type == "CONF":
        yield "T2", _text(item.get("event-title")) or short
        yield "C3", container
    elif ris_type == "JOUR":
        yield "T2", container
        yield "J2", short
    elif ris_type in ("BOOK", "RPRT"):
        yield "T2", _text(item.get("collection-title"))
    elif ris_type != "UNPB":
        yield "T2", container

    yield "VL", _text(item.get("volume"))
    yield "IS", _text(item.get("issue"))
    pages = _text(item.get("page"))
    match = _PAGE_RANGE.fullmatch(pages)
    if match:
        yield "SP", match.group(1)
        yield "EP", match.group(2)
    else:
        yield "SP", pages
    yield "ET", _text(item.get("edition"))
    yield "PB", _text(item.get("publisher"))
    yield ("C1" if ris_type == "CONF" else "CY"), _text(item.get("publisher-place"))
    if ris_type == "RPRT":
        yield "SN", _text(item.get("number"))
    elif ris_type == "JOUR":
        yield "SN", _text(item.get("ISSN"))
    else:
        yield "SN", _text(item.get("ISBN"))
    if ris_type in ("RPRT", "THES"):
        yield "M3", _text(item.get("genre"))
    yield "DO", _raw(item.get("DOI"))
    yield "UR", _raw(item.get("URL"))
    for word in _keywords(item):
        yield "KW", word
    for line in _extra(item, key, kind, arxiv):
        yield "M2", line


def _render(item: Mapping[str, Any]) -> str:
    lines = [f"{tag}  - {value}" for tag, value in _record(item) if value]
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
