"""Adopt hand-gathered reference facts as resolved metadata (``delbib import-reference``).

The input is JSON Lines, one record per row of the source list (the format of
``catalog/source/catalog-reference.jsonl``: ``row``, ``title``, ``author``, ``type``,
``container_title``, ``venue_short``, ``issued``, ``DOI``, ``arxiv``, ``status``,
``confidence``, ``evidence``, ``notes``...). Each record describes the paper the catalog
title names; where the row's link points to another paper, that is recorded as a conflict
instead of being applied. The provenance says "reference" with the record's confidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import identifiers
from .catalog import Catalog
from .errors import InputError

_CONFIDENCE = {"high": 3, "medium": 2, "low": 1}
_LINK_MISMATCH_MARKERS = ("LINK/TITLE MISMATCH", "WRONG LINK")
_CSL_TYPES = {"other": "document"}


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
        if not isinstance(record, dict) or not isinstance(record.get("row"), int):
            raise InputError(
                "each record needs an integer 'row'", path=path, line=number, field="row"
            )
        records.append(record)
    return records


def to_csl(record: dict[str, Any]) -> dict[str, Any]:
    """Map a reference record to the CSL fields it knows (nulls dropped, never guessed)."""
    kind = _CSL_TYPES.get(record.get("type") or "other", record.get("type") or "document")
    item: dict[str, Any] = {
        "type": kind,
        "title": record.get("title") or record.get("catalog_title"),
    }
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
    for src, dst in (("DOI", "DOI"), ("publisher", "publisher"), ("page", "page")):
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
    return {
        "csl": to_csl(record),
        "status": record.get("status") or "unknown",
        "provenance": {
            "source": "reference",
            "request": f"{source} row {record['row']}",
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

    Merged entries get the record of their most confident row (ties: the first row).
    """
    by_row = {r["row"]: r for r in records}
    listed = {row for e in catalog.entries.values() for row in e.rows}
    written, unmatched = [], sorted(set(by_row) - listed)
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
        if catalog.save_resolved(entry.key, record):
            written.append(entry.key)
    return {"entries": len(catalog.entries), "written": written, "rows_without_entry": unmatched}
