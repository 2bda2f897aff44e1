"""Readers of bibliography files: text -> CSL items, one module per input format.

The first stage of ``import-bib``, ``upgrade`` and ``check`` (input -> catalog -> resolve ->
CSL -> writers): each reader turns a file's text into :class:`Record` objects, a CSL item
each with the record's own key, line, keywords and collections, and the fields CSL has no
place for (kept, never dropped). A record that cannot be read is a :class:`Problem` naming
its line; a reader never raises on bad input except when the whole file is unreadable
(``InputError``). Readers know nothing of the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from delbib.errors import InputError
from delbib.files import decode_text

# format name -> module under delbib.bibliography.readers
READERS = {"bibtex": "bibtex", "csljson": "csljson", "ris": "ris", "zotero-rdf": "zoterordf"}
_BY_SUFFIX = {".bib": "bibtex", ".json": "csljson", ".ris": "ris", ".rdf": "zotero-rdf"}
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)
_ARXIV_VENUE = re.compile(r"^\s*(arxiv|corr)\b|\barxiv preprint\b", re.IGNORECASE)


@dataclass
class Record:
    """One record of a file as a CSL item (without ``id``), plus what the catalog needs."""

    key: str | None
    item: dict[str, Any]
    line: int | None = None
    keywords: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    unplaced: dict[str, str] = field(default_factory=dict)  # fields CSL has no place for
    raw: str | None = None  # the record's text as written (BibTeX: for byte-exact output)
    entry_type: str | None = None  # the file's own type (@misc, TY  - JOUR...)


@dataclass
class Problem:
    """A record that could not be read, or a part of it that was not kept."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}{f':{self.line}' if self.line else ''}: {self.message}"


@dataclass
class Parsed:
    """What a file held: its records in order, its problems, its collection tree."""

    path: str
    format: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    parents: dict[str, str | None] = field(default_factory=dict)  # collection -> parent
    text: str = ""  # the file as read, for writers that keep records byte for byte
    encoding: str = "utf-8"  # how its bytes were decoded


def detect(path: str | Path, text: str) -> str:
    """The format of a file: its suffix, else a look at its first characters."""
    suffix = Path(path).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if head.startswith(("[", "{")):
        return "csljson"
    if head.startswith("<"):
        return "zotero-rdf"
    if re.match(r"TY {2}- ", head):
        return "ris"
    if "@" in text:
        return "bibtex"
    raise InputError(
        "cannot tell the format (use .bib, .json, .ris or .rdf, or --format)", path=path
    )


def parse(text: str, fmt: str, path: str = "<text>") -> Parsed:
    """Read ``text`` as format ``fmt``; bad records become problems."""
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r}; use one of {', '.join(READERS)}")
    parsed = Parsed(path, fmt, text=text)
    import_module(f"delbib.bibliography.readers.{READERS[fmt]}").read(
        text.removeprefix("\ufeff"), parsed
    )
    for record in parsed.records:
        settle_preprint(record.item)
    return parsed


def read(path: str | Path, fmt: str | None = None) -> Parsed:
    """Read one bibliography file (format from ``fmt`` or the file)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    try:
        text, encoding = decode_text(data)  # old .bib files in Latin-1 too
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc
    parsed = parse(text, fmt or detect(path, text), str(path))
    parsed.encoding = encoding
    return parsed


# ---------------------------------------------------------------- shared by the readers


def arxiv_in(*texts: Any) -> str | None:
    """An arXiv id named by any of ``texts`` (eprint, URL, DOI 10.48550/arXiv.X, number)."""
    for text in texts:
        text = str(text or "").strip()
        if not text:
            continue
        text = re.sub(r"(?i)^(arxiv:\s*|abs/|https?://(www\.)?arxiv\.org/(abs|pdf)/)", "", text)
        text = re.sub(r"(?i)^10\.48550/arxiv\.", "", text)
        if found := _ARXIV_ID.fullmatch(text.removesuffix(".pdf")):
            return found.group(1)
        if found := re.search(r"(?i)arxiv[:/.\s]+(?:abs/)?(\d{4}\.\d{4,5})", text):
            return found.group(1)
    return None


def settle_preprint(item: dict[str, Any]) -> None:
    """An item whose venue is arXiv (``journal = {arXiv preprint arXiv:X}``, CoRR) is the
    preprint it names: CSL's ``article`` with the id, the way delbib itself writes one."""
    container = str(item.get("container-title") or "")
    custom = item.setdefault("custom", {})
    arxiv = custom.get("arxiv") or arxiv_in(item.get("number"))
    if not arxiv and _ARXIV_VENUE.search(container):
        arxiv = arxiv_in(container, item.get("volume"), item.get("URL"), item.get("DOI"))
    if not arxiv:
        arxiv = arxiv_in(item.get("URL"), item.get("DOI"))
    if arxiv:
        custom["arxiv"] = arxiv
    publisher = str(item.get("publisher") or "arxiv").casefold()
    preprint = _ARXIV_VENUE.search(container) or (
        arxiv
        and not container
        and publisher == "arxiv"
        and item.get("type") in ("article", "article-journal")
    )
    if arxiv and preprint:
        for name in ("container-title", "volume", "page"):
            item.pop(name, None)
        item.update(type="article", publisher="arXiv", number=f"arXiv:{arxiv}")
    if not custom:
        item.pop("custom")


def year_parts(text: Any) -> dict[str, Any] | None:
    """CSL ``issued`` from a date or year written any common way ("2024", "2024-05-17")."""
    found = re.match(r"\s*(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", str(text or ""))
    if not found:
        return None
    parts = [int(p) for p in found.groups() if p]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    return {"date-parts": [parts]}


def split_keywords(text: str) -> list[str]:
    """Keywords as written in a field: separated by commas or semicolons."""
    return [w for part in re.split(r"[;,]", text) if (w := " ".join(part.split()))]
