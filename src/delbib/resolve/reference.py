"""Adopt hand-gathered reference facts as resolved metadata (``delbib import-reference``).

The input is JSON Lines, one record per row of the source list (the format of
``catalog/source/catalog-reference.jsonl``: ``row``, ``title``, ``author``, ``type``,
``container_title``, ``venue_short``, ``issued``, ``DOI``, ``arxiv``, ``status``,
``confidence``, ``evidence``, ``notes``...). Each record describes the paper the catalog
title names; where the row's link points to another paper, that is recorded as a conflict
instead of being applied. The provenance says "reference" with the record's confidence.

A record is checked against its entry before it is adopted, and refused (reported, nothing
written) when it names another paper (title, year or authors disagree, as ``match.judge``
decides for resolve) or would blank a field the entry's current record knows.

Amendments are further files of the same format whose records hold a ``row`` and only the
fields they add or correct (``volume``, ``issue``, ``page``, an ``author`` list spelt with
its diacritics...), with the ``evidence`` for them: facts the reference states in prose (its
notes) but not in a field. They are merged over the reference's record of that row before it
is checked; the provenance's request names both files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from delbib import identifiers
from delbib.catalog import csl, validate
from delbib.catalog.csl import EXPECTED_FIELDS
from delbib.catalog.model import Catalog, Entry
from delbib.errors import InputError
from delbib.resolve import match
from delbib.text import title_similarity

_CONFIDENCE = {"high": 3, "medium": 2, "low": 1}
_LINK_MISMATCH_MARKERS = ("LINK/TITLE MISMATCH", "WRONG LINK")
_CSL_TYPES = {"other": "document"}
# Fields the mapping reads, with the JSON types it can use (null is always allowed).
_FIELDS: dict[str, tuple[type | tuple[type, ...], str]] = {
    **dict.fromkeys(
        [
            "title",
            "catalog_title",
            "type",
            "arxiv",
            "container_title",
            "venue_short",
            "DOI",
            "publisher",
            "page",
            "volume",
            "issue",
            "collection_title",
            "openreview_id",
            "status",
            "confidence",
            "notes",
        ],
        (str, "a string"),
    ),
    "author": (list, "a list of {given, family} objects"),
    "issued": (int, "a year (integer)"),
    "arxiv_year": (int, "a year (integer)"),
    "evidence": (list, "a list of strings"),
}
# Fields a record must not lose to a re-import: the expected ones, and the locators an
# amendment may have added (re-importing without the amendments must not drop them).
_KEPT_FIELDS = (*EXPECTED_FIELDS, "volume", "issue", "page")
# A published version may come years after the list's (preprint) year.
_LATER_YEARS = 3


def read(path: str | Path) -> list[dict[str, Any]]:
    """Read the JSON Lines file; a bad line is an ``InputError`` naming file and line."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except ValueError as exc:
            raise InputError(f"not a JSON object: {exc}", path=path, line=number) from exc
        if not isinstance(record, dict) or not _is_int(record.get("row")):
            raise InputError(
                "each record needs an integer 'row'", path=path, line=number, field="row"
            )
        problem = _type_problem(record)
        if problem:
            field, message = problem
            raise InputError(message, path=path, line=number, field=field)
        records.append(record)
    return records


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _type_problem(record: dict[str, Any]) -> tuple[str, str] | None:
    """(field, message) for the first field whose JSON type the mapping cannot use."""
    for name, (kind, what) in _FIELDS.items():
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, kind) or isinstance(value, bool):
            return name, f"must be {what} or null, not {value!r}"[:200]
    for index, author in enumerate(record.get("author") or []):
        if not isinstance(author, dict) or not all(
            isinstance(author.get(k), str | None) for k in ("given", "family")
        ):
            return (
                f"author[{index}]",
                f"must be a {{given, family}} object of strings, not {author!r}"[:200],
            )
    return None


def to_csl(record: dict[str, Any]) -> dict[str, Any]:
    """Map a reference record to the CSL fields it knows (nulls dropped, never guessed)."""
    kind = _CSL_TYPES.get(record.get("type") or "other", record.get("type") or "document")
    item: dict[str, Any] = {"type": kind}
    title = record.get("title") or record.get("catalog_title")
    if title:
        item["title"] = title
    authors = [
        {k: v for k, v in a.items() if v} for a in record.get("author") or [] if a.get("family")
    ]
    if authors:
        item["author"] = authors
    year = record.get("issued") or record.get("arxiv_year")
    if year:
        item["issued"] = {"date-parts": [[int(year)]]}
    arxiv = record.get("arxiv")
    container = record.get("container_title")
    short = record.get("venue_short")
    if kind == "article" and arxiv:
        item.update(publisher="arXiv", number=f"arXiv:{arxiv}")
    elif container or (short and kind != "article"):
        item["container-title"] = container or short
    if short and container and short != "arXiv":
        item["container-title-short"] = short
    fields = (
        ("DOI", "DOI"),
        ("publisher", "publisher"),
        ("page", "page"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("collection_title", "collection-title"),
    )
    for src, dst in fields:
        if record.get(src) and dst not in item:
            item[dst] = record[src]
    if item.get("DOI"):
        item["URL"] = f"https://doi.org/{item['DOI']}"
    elif arxiv:
        item["URL"] = f"https://arxiv.org/abs/{arxiv}"
    custom = {k: v for k, v in (("arxiv", arxiv), ("openreview", record.get("openreview_id"))) if v}
    if custom:
        item["custom"] = custom
    return item


def amend(records: list[dict[str, Any]], path: str | Path) -> list[dict[str, Any]]:
    """``records`` with each amendment of the file at ``path`` merged over the record of its
    row (its ``evidence`` added to the record's); an amendment for a row the reference lacks
    is an ``InputError``, since it would have nothing to amend."""
    source = Path(path).name
    by_row = {r["row"]: dict(r) for r in records}
    for amendment in read(path):
        row = amendment["row"]
        if row not in by_row:
            raise InputError(
                f"amends row {row}, which the reference does not have", path=path, field="row"
            )
        record = by_row[row]
        evidence = [*(record.get("evidence") or []), *(amendment.get("evidence") or [])]
        record.update({k: v for k, v in amendment.items() if k not in ("row", "evidence")})
        record["evidence"] = evidence
        record["amended_by"] = [*record.get("amended_by", []), source]
    return list(by_row.values())


def _conflicts(record: dict[str, Any], link_ids: list[str]) -> list[dict[str, Any]]:
    """Where the row's own link names another paper than the record describes."""
    notes = record.get("notes") or ""
    conflicts = []
    if any(marker in notes for marker in _LINK_MISMATCH_MARKERS):
        conflicts.append(
            {"kind": "link-points-to-another-paper", "identifiers": link_ids, "detail": notes}
        )
    return conflicts


def to_record(
    record: dict[str, Any], *, source: str, rows: list[int], link_ids: list[str], ids: list[str]
) -> dict:
    """A resolved record; ``ids`` are the entry's identifiers now, so that pinning another
    identifier later makes ``delbib resolve`` fetch the entry again."""
    request = f"{source} row {record['row']}"
    for amended_by in record.get("amended_by") or []:
        request += f", amended by {amended_by} row {record['row']}"
    return {
        "csl": to_csl(record),
        "status": record.get("status") or "unknown",
        "provenance": {
            "source": "reference",
            "request": request,
            "confidence": record.get("confidence") or "low",
            "method": "reference",
            "evidence": list(record.get("evidence") or []),
            "rows": rows,
            "identifiers": ids,
        },
        "conflicts": _conflicts(record, link_ids),
        "notes": record.get("notes"),
    }


def apply(catalog: Catalog, records: list[dict[str, Any]], *, source: str) -> dict[str, Any]:
    """Store one resolved record per entry that a reference row maps to; returns a summary.

    Merged entries get the record of their most confident row (ties: the first row). A record
    that does not fit its entry is refused: listed under ``refused`` with the reason, and the
    entry's current record is left as it was.
    """
    by_row = {r["row"]: r for r in records}
    listed = {row for e in catalog.entries.values() for row in e.rows}
    written, unmatched = [], sorted(set(by_row) - listed)
    refused: dict[str, dict[str, Any]] = {}
    for entry in catalog.entries.values():
        candidates = [by_row[r] for r in entry.rows if r in by_row]
        if not candidates:
            continue
        best = max(candidates, key=lambda r: (_CONFIDENCE.get(r.get("confidence"), 0), -r["row"]))
        link_ids = [i for i in entry.identifiers if identifiers.scheme(i) in ("doi", "arxiv")]
        record = to_record(
            best,
            source=source,
            rows=sorted(r["row"] for r in candidates),
            link_ids=link_ids,
            ids=entry.ids,
        )
        reason = refusal(entry, best, record["csl"], catalog.resolved.get(entry.key))
        if reason:
            refused[entry.key] = {"row": best["row"], "reason": reason}
        elif catalog.save_resolved(entry.key, record):
            written.append(entry.key)
            csl.remember(record)  # a journal's ISO 4 abbreviation, once, not on every export
    return {
        "entries": len(catalog.entries),
        "written": written,
        "rows_without_entry": unmatched,
        "refused": refused,
    }


def refusal(
    entry: Entry, record: dict[str, Any], csl: dict[str, Any], current: dict[str, Any] | None
) -> str | None:
    """Why ``csl`` (built from reference ``record``) must not become ``entry``'s metadata.

    Refused: a field of ``EXPECTED_FIELDS`` (or a volume, issue or page) the current record
    knows that this one lacks; a record that is not valid CSL-JSON; one whose title, year or
    known authors say it is another paper. A title may differ (a paper renamed since it was
    listed) only when the record says it was gathered for this listed title
    (``catalog_title``); its year and authors must still agree.
    """
    known = (current or {}).get("csl") or {}
    blanked = [f for f in _KEPT_FIELDS if known.get(f) and not csl.get(f)]
    if blanked:
        return f"would blank {', '.join(blanked)} (known from the current record)"
    if not csl.get("title"):
        return "has no title to check against the entry"
    problem = validate.csl_problem({"id": entry.key, **csl})
    if problem:
        keys, message = problem
        return f"not valid CSL-JSON: {'.'.join(map(str, keys)) or 'item'}: {message}"
    listed = record.get("catalog_title") or ""
    renamed = title_similarity(entry.title, listed) >= match.SEARCH_THRESHOLD
    verdict = match.judge(
        entry.clean_title,
        csl,
        years=[entry.year],
        later=_LATER_YEARS,
        authors=match.families(known),
        threshold=0.0 if renamed else match.IDENTIFIER_THRESHOLD,
    )
    if verdict.accepted:
        return None
    return f"names another paper ({csl.get('title')!r}): {verdict.reason}"
