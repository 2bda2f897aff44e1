"""The canonical record: one CSL-JSON item per entry, the only thing writers read.

An item is built from the entry's resolved metadata where present and from what the catalog
knows otherwise (cleaned title, listed year, identifiers, links). Catalog-owned fields are
always set here: ``id``/``citation-key`` (the entry key), ``keyword`` (its categories) and a
``note`` with "Citation Key: KEY" so that Zotero with Better BibTeX keeps our keys.
"""

from __future__ import annotations

import copy
from typing import Any

from . import identifiers
from .catalog import Catalog, Entry

# What an item should have for a complete reference; missing ones are reported by export.
EXPECTED_FIELDS = ("title", "author", "issued")
# Catalog facts that fill gaps in resolved metadata (the list's year beats no year at all).
FALLBACK_FIELDS = ("title", "issued", "URL")


def _id_of(entry: Entry, scheme: str) -> str | None:
    return next((identifiers.value(i) for i in entry.ids if identifiers.scheme(i) == scheme), None)


def _from_catalog(entry: Entry) -> dict[str, Any]:
    """What the catalog alone says: enough to cite, never a guessed venue."""
    item: dict[str, Any] = {"title": entry.clean_title}
    if entry.year:
        item["issued"] = {"date-parts": [[entry.year]]}
    arxiv = _id_of(entry, "arxiv")
    doi = _id_of(entry, "doi")
    if doi:
        item["DOI"] = doi
    if arxiv and not doi:
        item.update(type="article", publisher="arXiv", number=f"arXiv:{arxiv}")
    else:
        item["type"] = "document"
    url = next((identifiers.url_for(i) for i in entry.ids if identifiers.url_for(i)), None)
    if url or entry.links:
        item["URL"] = url or entry.links[0]
    return item


def to_item(entry: Entry, record: dict[str, Any] | None) -> dict[str, Any]:
    """The canonical CSL-JSON item of one entry (``record`` is its resolved record, if any)."""
    resolved = (record or {}).get("csl")
    listed = _from_catalog(entry)
    if resolved:
        item = copy.deepcopy(resolved)
        item.update({k: listed[k] for k in FALLBACK_FIELDS if k in listed and not item.get(k)})
    else:
        item = listed
    item.pop("keyword", None)
    custom = dict(item.get("custom") or {})
    arxiv = custom.get("arxiv") or _id_of(entry, "arxiv")
    if arxiv:
        custom["arxiv"] = arxiv
    custom["categories"] = list(entry.categories)
    item.update(
        {
            "id": entry.key,
            "citation-key": entry.key,
            "note": f"Citation Key: {entry.key}",
            "custom": custom,
        }
    )
    if entry.categories:
        item["keyword"] = ", ".join(entry.categories)
    return {k: item[k] for k in sorted(item)}


def items(catalog: Catalog, entries: list[Entry] | None = None) -> list[dict[str, Any]]:
    """Items for ``entries`` (default: the whole catalog), in catalog order."""
    chosen = catalog.ordered() if entries is None else entries
    return [to_item(e, catalog.resolved.get(e.key)) for e in chosen]


def missing_fields(item: dict[str, Any]) -> list[str]:
    """Expected fields an item lacks, so an export can say which entries are incomplete."""
    return [f for f in EXPECTED_FIELDS if not item.get(f)]
