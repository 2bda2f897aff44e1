"""The canonical record: one CSL-JSON item per entry, the only thing writers read.

An item is built from the entry's resolved metadata where present and from what the catalog
knows otherwise (cleaned title, listed year and venue, identifiers, links). Catalog-owned
fields are always set here: ``id``/``citation-key`` (the entry key, which every format but RIS
has a field for, so it is not repeated in Extra), ``keyword`` (its categories) and, when
there is something to say, a ``note`` that Zotero keeps in Extra: "arXiv:ID" for a published
paper, "tex.ids: OLD, ..." for the keys ``rekey`` replaced (``custom.aliases``). Decisions
that every format must agree on are made here, once:

* Type: a type whose required fields are unknown (a conference or journal paper without
  author or container, a chapter without its book or publisher) becomes an arXiv preprint
  when there is an arXiv id, else a ``document``; so no writer needs a fallback of its own.
* Venues: a conference's short name ("ICLR 2025") is an event label, kept as
  ``event-title`` (Zotero's Conference Name), never as an abbreviation; a journal's
  ``container-title-short`` is its ISO 4 abbreviation (LTWA rules, ``pyiso4``), or the
  source's own when that already is one, without years or notes. The listed venue fills a
  missing container when it names one (not "arxiv", "Others" or "NIPS/ICML/ICLR").
* Text: TeX-isms a source may carry (``--``, ``~``, ``\\&``) are turned into the characters
  they stand for, so they never reach CSL-JSON or RIS.
* A resolved record whose notes say the author list is incomplete sets
  ``custom.incomplete_authors``; BibTeX writes ``and others`` for it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from delbib import identifiers
from delbib.catalog.model import Catalog, Entry
from delbib.errors import DelbibError

# What an item should have for a complete reference; missing ones are reported by export.
EXPECTED_FIELDS = ("title", "author", "issued")
# Catalog facts that fill gaps in resolved metadata (the list's year beats no year at all).
FALLBACK_FIELDS = ("title", "issued", "URL")
# Fields without which a type cannot be cited as that type (BibTeX and biblatex require them).
REQUIRED = {
    "paper-conference": ("author", "container-title"),
    "article-journal": ("author", "container-title"),
    "chapter": ("author", "container-title", "publisher"),
}
# How reference records (``import-reference``) flag an author list known to be partial.
INCOMPLETE_AUTHORS_MARKER = "AUTHOR LIST INCOMPLETE"
# Listed venues that name a kind of venue or a choice of venues, not a venue.
_PLACEHOLDER_VENUES = frozenset({"arxiv", "others", "other", "journal", "conference", "preprint"})
_TEXT_FIELDS = ("title", "container-title", "collection-title", "publisher", "event-title")
_TEX_ISMS = ((re.compile(r"(?<!-)---(?!-)"), "\u2014"), (re.compile(r"(?<!-)--(?!-)"), "\u2013"))
_YEAR = re.compile(r"\s*(?:'\d{2}|\b(?:19|20)\d{2})\b")
_NOTE = re.compile(r"\s*\([^)]*\)")
_FINDINGS = re.compile(r"^Findings of (?:the )?", re.IGNORECASE)


def _id_of(ids: list[str], scheme: str) -> str | None:
    return next((identifiers.value(i) for i in ids if identifiers.scheme(i) == scheme), None)


def untex(text: str) -> str:
    """Plain text for TeX ligatures and escapes a source left in: ``--`` is an en dash,
    ``---`` an em dash, ``~`` a space, ``\\&`` an ampersand."""
    if "--" in text:
        for pattern, char in _TEX_ISMS:
            text = pattern.sub(char, text)
    if "\\" in text:
        text = re.sub(r"\\([&%$#_])", r"\1", text)
    return text.replace("~", " ") if "~" in text else text


def _listed_venue(entry: Entry) -> str | None:
    venue = (entry.venue or "").strip()
    if not venue or venue.casefold() in _PLACEHOLDER_VENUES or "/" in venue or "*" in venue:
        return None
    return venue


def event_label(short: str) -> str:
    """The conference an event label names, without notes: "Findings of EMNLP 2024" and
    "NeurIPS 2023 (Datasets and Benchmarks)" -> "EMNLP 2024", "NeurIPS 2023"."""
    return _FINDINGS.sub("", _NOTE.sub("", short)).strip()


@lru_cache(maxsize=1)
def _abbreviator() -> Any:
    from pyiso4.ltwa import Abbreviate

    return Abbreviate.create()  # about 1 s: a tree of the LTWA's 56,000 words


@lru_cache(maxsize=1)
def _abbreviations_file() -> Path | None:
    """The cache of ISO 4 abbreviations, in the user cache directory, named after the
    installed pyiso4 (its size and time), so that another pyiso4 starts a fresh cache."""
    import importlib.util

    import platformdirs

    spec = importlib.util.find_spec("pyiso4")
    if spec is None or spec.origin is None:
        return None
    stat = Path(spec.origin).stat()
    stamp = f"{stat.st_size}-{stat.st_mtime_ns}"
    return Path(platformdirs.user_cache_dir("delbib")) / f"iso4-{stamp}.json"


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    path = _abbreviations_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def iso4(journal: str) -> str:
    """The ISO 4 abbreviation of a journal title (LTWA rules).

    Building pyiso4's abbreviator takes a second, far more than an export of a category, so
    each abbreviation is computed once and kept in a cache file; ``resolve`` and
    ``import-reference`` fill it as they store a journal article (``remember``), and an
    export then reads it instead of building the abbreviator again."""
    known = _abbreviations()
    if journal not in known:
        known[journal] = str(_abbreviator()(journal, remove_part=True)).strip()
        if path := _abbreviations_file():
            from delbib.files import atomic_write

            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(path, json.dumps(known, ensure_ascii=False, sort_keys=True))
            except (OSError, DelbibError):  # a cache that cannot be written: compute again
                pass
    return known[journal]


def remember(record: dict[str, Any] | None) -> None:
    """Compute (and cache) the abbreviation a stored record's journal will need on export."""
    resolved = (record or {}).get("csl") or {}
    if resolved.get("type") == "article-journal" and resolved.get("container-title"):
        journal_abbreviation(
            untex(resolved["container-title"]), resolved.get("container-title-short")
        )


def journal_abbreviation(journal: str, given: str | None) -> str:
    """The source's abbreviation when it is one (abbreviated words, no year or note),
    else the title's ISO 4 abbreviation."""
    given = (given or "").strip()
    if given and "." in given and not _YEAR.search(given) and not _NOTE.search(given):
        return given
    return iso4(journal) if journal else _NOTE.sub("", _YEAR.sub("", given)).strip()


def _issued(entry: Entry) -> dict[str, Any] | None:
    return {"date-parts": [[entry.year]]} if entry.year else None


def _from_catalog(entry: Entry, ids: list[str], *, url: bool = True) -> dict[str, Any]:
    """What the catalog alone says: enough to cite, never a guessed venue (``url=False``
    skips the URL, the costly part, when the resolved record has one); ``ids`` are the
    entry's identifiers (``Entry.ids`` computes them on every call)."""
    item: dict[str, Any] = {"title": entry.clean_title}
    if entry.year:
        item["issued"] = _issued(entry)
    arxiv = _id_of(ids, "arxiv")
    doi = _id_of(ids, "doi")
    if doi:
        item["DOI"] = doi
    if arxiv and not doi:
        item.update(type="article", publisher="arXiv", number=f"arXiv:{arxiv}")
    else:
        item["type"] = "document"
    if url:
        link = next((u for i in ids if (u := identifiers.url_for(i))), None)
        if link or entry.links:
            item["URL"] = link or entry.links[0]
    return item


def _settle_type(item: dict[str, Any], arxiv: str | None, entry: Entry) -> None:
    """Give the item a type whose required fields it has (see the module docstring); a
    paper cited as its arXiv preprint takes the listed year (the version of record's year
    belongs to a version we cannot cite)."""
    kind = item.get("type")
    if not any(not item.get(f) for f in REQUIRED.get(kind, ())):
        return
    if arxiv:
        item.update(type="article", publisher="arXiv", number=f"arXiv:{arxiv}")
        item.pop("container-title", None)
        if entry.year:
            item["issued"] = _issued(entry)
    else:
        item["type"] = "document"


def _settle_venue(item: dict[str, Any]) -> None:
    short = item.pop("container-title-short", None)
    container = item.get("container-title") or ""
    if item["type"] == "paper-conference":
        label = event_label(short or "")
        if label and not item.get("event-title"):
            item["event-title"] = label
    elif item["type"] == "article-journal":
        abbreviation = journal_abbreviation(container, short)
        if abbreviation and abbreviation != container:
            item["container-title-short"] = abbreviation


_SCALARS = frozenset({str, int, float, bool, type(None)})
_all_str = frozenset({str}).issuperset


def _clone(value: Any) -> Any:
    """A deep copy equal to ``json.loads(json.dumps(value))``, so an item shares nothing
    mutable with its resolved record. Plain dicts (string keys), lists and scalars, all a
    record from disk holds, are copied here at a fraction of json's cost; anything else
    (tuples become lists too) goes through json, which converts or refuses it."""
    kind = type(value)
    if kind is dict and _all_str(map(type, value)):
        return {k: v if type(v) in _SCALARS else _clone(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _SCALARS else _clone(v) for v in value]
    return value if kind in _SCALARS else json.loads(json.dumps(value))


def to_item(entry: Entry, record: dict[str, Any] | None) -> dict[str, Any]:
    """The canonical CSL-JSON item of one entry (``record`` is its resolved record, if any)."""
    resolved = (record or {}).get("csl")
    ids = entry.ids
    if resolved:
        item = _clone(resolved)
        gaps = [k for k in FALLBACK_FIELDS if not item.get(k)]
        if gaps:
            listed = _from_catalog(entry, ids, url="URL" in gaps)
            item.update({k: listed[k] for k in gaps if k in listed})
    else:
        item = _from_catalog(entry, ids)
    item.pop("keyword", None)
    custom = dict(item.get("custom") or {})
    arxiv = custom.get("arxiv") or _id_of(ids, "arxiv")
    if arxiv:
        custom["arxiv"] = arxiv
    venue = _listed_venue(entry)
    wants_venue = item.get("type") != "article" and not item.get("container-title")
    if venue and wants_venue and venue != item.get("publisher"):
        item["container-title"] = venue
    for name in _TEXT_FIELDS:
        if isinstance(item.get(name), str):
            item[name] = untex(item[name])
    _settle_type(item, arxiv, entry)
    _settle_venue(item)
    if INCOMPLETE_AUTHORS_MARKER in str((record or {}).get("notes") or "") and item.get("author"):
        custom["incomplete_authors"] = True
    custom["categories"] = list(entry.categories)
    note = []
    if arxiv and item["type"] != "article":
        note.append(f"arXiv:{arxiv}")
    if entry.aliases:  # Better BibTeX copies a "tex.FIELD:" line of Extra into its exports
        custom["aliases"] = list(entry.aliases)
        note.append(f"tex.ids: {', '.join(entry.aliases)}")
    item.update({"id": entry.key, "citation-key": entry.key})
    if note:
        item["note"] = "\n".join(note)
    item["custom"] = custom
    if entry.categories:
        item["keyword"] = ", ".join(entry.categories)
    return dict(sorted(item.items()))  # keys are unique: values are never compared


def items(catalog: Catalog, entries: list[Entry] | None = None) -> list[dict[str, Any]]:
    """Items for ``entries`` (default: the whole catalog), in catalog order."""
    chosen = catalog.ordered() if entries is None else entries
    return [to_item(e, catalog.resolved.get(e.key)) for e in chosen]


def missing_fields(item: dict[str, Any]) -> list[str]:
    """Expected fields an item lacks, so an export can say which entries are incomplete."""
    return [f for f in EXPECTED_FIELDS if not item.get(f)]
