"""The collections of a push: one parent (the catalog's source name unless ``--collection``)
and one per category under it, nested like the taxonomy when a category names a ``parent``;
found by name or the key the state recorded, created when missing, moved when misplaced.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from delbib.catalog.model import Catalog
from delbib.errors import SourceError

from .client import MAX_ROUNDS, Zotero, batches, write_token
from .state import State

if TYPE_CHECKING:
    from .sync import Summary


def parent_name(catalog: Catalog, collection: str | None) -> str:
    """The parent collection: ``--collection``, else the source list's name without suffix."""
    name = collection or re.sub(r"\.(md|markdown)$", "", catalog.source or "") or "delbib"
    return name.strip()


def category_levels(catalog: Catalog) -> list[list[tuple[str, str | None]]]:
    """(category, parent category) grouped by depth, parents first.

    A category's ``parent`` is optional (a catalog without it is flat); an unknown or circular
    parent counts as none, so a bad taxonomy still gives every category a collection.
    """
    parents = {c.name: getattr(c, "parent", None) for c in catalog.taxonomy}

    def chain(name: str) -> list[str]:
        seen = [name]
        while (parent := parents.get(seen[-1])) in parents and parent not in seen:
            seen.append(parent)
        return seen

    levels: list[list[tuple[str, str | None]]] = []
    for name in parents:
        depth = len(chain(name)) - 1
        levels.extend([] for _ in range(depth + 1 - len(levels)))
        levels[depth].append((name, chain(name)[1] if depth else None))
    return levels


class Collections:
    """The collection half of a push (``Sync`` mixes it in): what it reads and sets."""

    catalog: Catalog
    client: Zotero
    state: State
    summary: Summary
    parent_name: str
    dry_run: bool
    col_keys: dict[str, str]
    own_cols: set[str | None]

    def sync_collections(self) -> None:
        """Find or create the parent and category collections; move misplaced ones."""
        existing = self.read_collections()
        self.own_cols = {*self.state.collections.values(), self.state.parent}  # incl. dropped

        def find(name: str, parent: str | None, known: str | None) -> str | None:
            return known if known in existing else self.named(existing, name, parent)

        parent_key = find(self.parent_name, None, self.state.parent)
        if parent_key is None:
            parent_key = self._create_collections([(self.parent_name, None)])[self.parent_name]
        self.state.parent = parent_key
        moves = []
        for level in category_levels(self.catalog):
            missing = []
            for name, parent in level:
                want_parent = self.col_keys[parent] if parent else parent_key
                key = find(name, want_parent, self.state.collections.get(name))
                if key is None:
                    missing.append((name, want_parent))
                    continue
                self.col_keys[name] = key
                if (existing[key].get("parentCollection") or None) != want_parent:
                    moves.append(
                        {
                            "key": key,
                            "version": existing[key].get("version"),
                            "name": name,
                            "parentCollection": want_parent or False,
                        }
                    )
                    self.summary.collections_moved.append(name)
            self.col_keys.update(self._create_collections(missing))
        if self.dry_run:
            return
        for group in batches(moves):
            result = self.client.write("collections", group)
            if result.failed or result.precondition_failed:
                raise SourceError("could not move a category's collection; run the push again")
        self.state.collections = dict(self.col_keys)
        self.state.save()

    def read_collections(self) -> dict[str, dict[str, Any]]:
        return {c["key"]: c.get("data") or {} for c in self.client.all("collections")}

    @staticmethod
    def named(existing: dict[str, dict[str, Any]], name: str, parent: str | None) -> str | None:
        """The collection called ``name`` under ``parent`` (None: at the top), if any."""
        return next(
            (
                key
                for key, data in sorted(existing.items())
                if data.get("name") == name and (data.get("parentCollection") or None) == parent
            ),
            None,
        )

    def _create_collections(self, wanted: list[tuple[str, str | None]]) -> dict[str, str]:
        """Create collections (name, parent key); placeholder keys in a dry run."""
        if not wanted:
            return {}
        self.summary.collections_created.extend(name for name, _ in wanted)
        if self.dry_run:
            return {name: f"new:{name}" for name, _ in wanted}
        created: dict[str, str] = {}
        for group in batches(wanted):
            for attempt in range(MAX_ROUNDS):
                payload = [{"name": n, "parentCollection": p or False} for n, p in group]
                result = self.client.write("collections", payload, token=write_token())
                if not (result.precondition_failed or result.server_error):
                    break
                # done before (answer lost) or partly done (a 5xx): look up what exists
                existing = self.read_collections()
                for name, parent in group:
                    if (key := self.named(existing, name, parent)) is not None:
                        created[name] = key
                group = [(n, p) for n, p in group if n not in created]
                if not group:
                    break
                if result.server_error:
                    self.client.http.wait(attempt)
            for index, (name, _parent) in enumerate(group):
                key = result.successful.get(index, {}).get("key")
                if key is None:
                    why = result.failed.get(index, {}).get("message", f"HTTP {result.status}")
                    raise SourceError(f"could not create collection {name!r}: {why}")
                created[name] = key
        return created
