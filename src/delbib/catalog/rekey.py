"""Rename citation keys to a pattern, keeping every old key citable as an alias.

Keys are never renamed behind a user's back: ``delbib rekey`` is the one place that renames,
on request, and shows its plan first with ``--dry-run``. A renamed entry keeps its earlier
keys in ``aliases``; biblatex exports write them as ``ids`` (biber resolves a citation of an
old key to the entry), and Zotero's Extra gets a ``tex.ids:`` line. The entry's paper file,
its resolved record and its records in the Zotero sync state move to the new key.

The year in a key is the year its citation prints (the paper's year as exported), so a key
never names a different year than the reference it stands for.
"""

from __future__ import annotations

import json
from pathlib import Path

from delbib import config, keys
from delbib.catalog import csl
from delbib.catalog.model import Catalog, Entry
from delbib.errors import InputError


def _year(item: dict) -> int | None:
    parts = ((item.get("issued") or {}).get("date-parts") or [[None]])[0]
    return parts[0] if parts and isinstance(parts[0], int) else None


def _first_author(item: dict) -> str | None:
    authors = item.get("author") or []
    first = authors[0] if authors else {}
    return first.get("family") or first.get("literal")


def choose_pattern(root: str | Path, given: str | None) -> str:
    """The key pattern a rekey uses: ``given`` (checked: ``InputError`` naming the setting
    when it does not parse), else ``key_pattern`` of the catalog's delbib.yaml."""
    if given is not None:
        try:
            keys.parse(given)
        except ValueError as exc:
            raise InputError(str(exc), field="pattern") from None
        return given
    return config.load(root).key_pattern


def plan(catalog: Catalog, pattern: str = keys.DEFAULT) -> dict[str, str]:
    """Old key -> new key for every entry whose key is not the pattern's, in list order.

    A new key is never another entry's key or alias, nor a key given earlier in the plan;
    an entry's own aliases may come back (a rekey undone). A key that took more title words
    to be unique when it was made keeps them ("largelanguagemodelshealthcare2024" becomes
    "largelanguagemodelshealthcare2023", not the shorter key the new year leaves free)."""
    parts = keys.parse(pattern)
    taken = set(catalog.entries) | {a for e in catalog.entries.values() for a in e.aliases}
    renames: dict[str, str] = {}
    for entry in catalog.ordered():
        item = csl.to_item(entry, catalog.resolved.get(entry.key))
        own = {entry.key, *entry.aliases}
        author, year = _first_author(item), _year(item)
        skip = 0  # the title words the key has, whether made with the listed or cited year
        for made_with in (entry.year, year):
            made = list(keys.candidates(parts, entry.clean_title, made_with, author))
            skip = made.index(entry.key) if entry.key in made else skip
        new = keys.make(
            parts,
            title=entry.clean_title,
            year=year,
            author=author,
            taken=taken - own,
            skip=skip,
        )
        if new != entry.key:
            renames[entry.key] = new
            taken.add(new)
    return renames


def apply(catalog: Catalog, renames: dict[str, str]) -> None:
    """Rename: write each entry under its new key (old keys as aliases), then remove the old
    files, so an interruption leaves every paper under at least one of its keys."""
    old_entries = dict(catalog.entries)
    for old, new in renames.items():
        entry: Entry = old_entries[old]
        record = catalog.resolved.pop(old, None)
        del catalog.entries[old]
        entry.key = new
        entry.aliases = [a for a in entry.aliases if a != new] + [old]
        catalog.entries[new] = entry
        catalog.save_entry(entry)
        if record is not None:
            catalog.save_resolved(new, record)
    for old in renames:
        (catalog.papers_dir / f"{old}.yaml").unlink(missing_ok=True)
        (catalog.resolved_dir / f"{old}.json").unlink(missing_ok=True)
    _rename_in_sync_state(catalog.root, renames)


def _rename_in_sync_state(root: Path, renames: dict[str, str]) -> None:
    """Zotero push records are kept by citation key: move them with the keys, so the next
    push updates the same items (their Citation Key and Extra) instead of matching anew."""
    from delbib.catalog.layout import STATE_DIR
    from delbib.files import atomic_write

    for path in sorted((Path(root) / STATE_DIR).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data.get("items") or {}
        data["items"] = {renames.get(k, k): v for k, v in items.items()}
        atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
