"""Pull: what changed in Zotero since the last push, as a report (nothing is written):
items in the pushed collections that the catalog lacks, and fields or categories edited there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from delbib import zoterotypes
from delbib.catalog.model import Catalog
from delbib.errors import InputError

from . import mapping
from .client import Zotero
from .state import State
from .sync import Sync


@dataclass
class PullReport:
    """What changed in Zotero, as a diff to apply to the catalog (nothing is written)."""

    library: str
    collection: str
    not_in_catalog: list[dict[str, Any]] = field(default_factory=list)
    edited: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    requests: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _summary_of(key: str, data: dict[str, Any], categories: list[str]) -> dict[str, Any]:
    """An item the catalog lacks, with what a new list row needs."""
    ids = mapping.match_keys(data)
    creators = [
        c.get("name") or " ".join(p for p in (c.get("firstName"), c.get("lastName")) if p)
        for c in data.get("creators") or []
    ]
    return {
        "zotero_key": key,
        "title": data.get("title", ""),
        "date": data.get("date", ""),
        "creators": creators,
        "doi": ids.get("doi", "").removeprefix("doi:"),
        "arxiv": ids.get("arxiv", "").removeprefix("arxiv:"),
        "url": data.get("url", ""),
        "categories": categories,
    }


def pull(catalog: Catalog, client: Zotero, *, collection: str | None = None) -> PullReport:
    """Read the pushed collections: items the catalog lacks, and fields edited in Zotero since
    the last push (or, with no record of one, that differ from what a push would write)."""
    library = client.library
    sync = Sync(catalog, client, State.load(catalog.root, library), collection=collection)
    report = PullReport(str(library), sync.parent_name)
    existing = sync.read_collections()
    parent = sync.state.parent if sync.state.parent in existing else None
    parent = parent or sync.named(existing, sync.parent_name, None)
    if parent is None:
        raise InputError(
            f"no collection {sync.parent_name!r} in {library}; push first", field="collection"
        )
    ours, frontier = {parent}, [parent]
    while frontier:
        children = [k for k, d in existing.items() if d.get("parentCollection") in frontier]
        frontier = [k for k in children if k not in ours]
        ours.update(frontier)
    remote: dict[str, dict[str, Any]] = {}
    for key in sorted(ours):
        for obj in client.all(f"collections/{key}/items/top"):
            remote[obj["key"]] = obj.get("data") or {}
    sync.item_types()
    by_key = {r["key"]: c for c, r in sync.state.items.items()}
    wanted = {}
    for item in sync.items:
        for kind, value in mapping.item_keys(item).items():
            wanted.setdefault((kind, value), item)
    items = {item["citation-key"]: item for item in sync.items}
    for key, data in sorted(remote.items()):
        citekey = by_key.get(key)
        if citekey not in items:
            ids = mapping.match_keys(data)
            found = next((wanted[(k, v)] for k, v in ids.items() if (k, v) in wanted), None)
            citekey = found["citation-key"] if found else None
        categories = sorted(
            existing[c]["name"] for c in data.get("collections") or [] if c in ours and c != parent
        )
        if citekey is None:
            report.not_in_catalog.append(_summary_of(key, data, categories))
            continue
        entry = catalog.entries[citekey]
        record = sync.state.items.get(citekey)
        base = record["pushed"] if record and record["key"] == key else None
        if base is None:
            base = mapping.to_zotero(items[citekey], entry, sync.valid)
            base.pop("tags")
        changes = {
            name: {"pushed": base.get(name), "zotero": data.get(name)}
            for name in sorted(set(zoterotypes.MANAGED) | set(base))
            if name not in ("tags", "collections")
            and not mapping.same(base.get(name), data.get(name))
        }
        if categories != sorted(entry.categories):
            changes["categories"] = {"pushed": sorted(entry.categories), "zotero": categories}
        if changes:
            report.edited[citekey] = changes
    report.requests = client.http.stats.total
    return report
