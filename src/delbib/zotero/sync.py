"""Push the catalog into a Zotero library.

A push reads the library (item versions, then only the items that changed since the last
push), plans each catalog entry against it and writes the difference:

- collections: a parent and one per category under it (``collections``);
- items: matched by the key the last push recorded, else by citation key, DOI, then arXiv id,
  so nothing is created twice; a field is updated when the catalog changed it and Zotero still
  holds what was pushed; a field edited in Zotero since is reported and kept (``force``
  overwrites it); the user's own fields, tags and collections are never touched;
- deletion only with ``prune``, and only of items carrying the marker tag delbib puts on the
  items it created.

Writes go in batches of 50; a 412 (the library or an item changed under us, or a creation's
write token was already used because an answer was lost) makes the push read those items
again and plan them afresh, never overwrite blindly. The state is saved after every batch, so
an interrupted push leaves a consistent state that the next push completes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from delbib import zoterotypes
from delbib.catalog import csl
from delbib.catalog.model import Catalog

from ..config import Config
from ..errors import InputError, SourceError
from ..http import Http
from . import mapping
from .client import MAX_ROUNDS, Library, Zotero, batches, write_token
from .collections import Collections, parent_name
from .state import State

Progress = Callable[[str, int, int], None]  # what, done, total
TOP = "items/top"  # matching is on top-level items: notes and attachments are not papers


@dataclass
class Summary:
    """What a push did (or, with ``dry_run``, would do), by citation key."""

    library: str
    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)  # key -> fields written
    moved: list[str] = field(default_factory=list)  # only categories (collections, tags) changed
    unchanged: list[str] = field(default_factory=list)
    edited: dict[str, dict[str, Any]] = field(default_factory=dict)  # kept Zotero edits
    deleted_in_zotero: list[str] = field(default_factory=list)  # pushed, then deleted: left so
    not_in_catalog: list[str] = field(default_factory=list)  # delbib's items, entry gone (kept)
    pruned: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    collections_created: list[str] = field(default_factory=list)
    collections_moved: list[str] = field(default_factory=list)
    requests: int = 0
    writes: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = {
            name: len(getattr(self, name))
            for name in (
                "created",
                "updated",
                "moved",
                "unchanged",
                "edited",
                "deleted_in_zotero",
                "not_in_catalog",
                "pruned",
                "failed",
                "collections_created",
                "collections_moved",
            )
        }
        return data


@dataclass
class Action:
    """One item's write: ``payload`` goes to the API, ``record`` into the state on success."""

    kind: str  # create | update | move
    citekey: str
    payload: dict[str, Any]
    record: dict[str, Any]
    fields: list[str] = field(default_factory=list)
    kept: dict[str, Any] = field(default_factory=dict)


def make_client(config: Config, library: Library, http: Http | None = None) -> Zotero:
    """A client for ``library`` with the configured URL and key (the key is never printed)."""
    if not config.zotero_api_key:
        from ..config import key_file

        raise InputError(
            f"no Zotero API key: set ZOTERO_API_KEY or put the key in {key_file()} "
            "(create one at https://www.zotero.org/settings/keys)",
            field="zotero_api_key",
        )
    if http is None:
        from delbib.resolve.run import make_http

        http = make_http(config)
    return Zotero(http, config.zotero_url, library, config.zotero_api_key)


class Sync(Collections):
    """One push or pull against one library."""

    def __init__(
        self,
        catalog: Catalog,
        client: Zotero,
        state: State,
        *,
        collection: str | None = None,
        dry_run: bool = False,
        force: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.catalog = catalog
        self.client = client
        self.state = state
        self.parent_name = parent_name(catalog, collection)
        self.dry_run = dry_run
        self.force = force
        self.progress = progress or (lambda what, done, total: None)
        self.summary = Summary(str(client.library), dry_run=dry_run)
        self.items = csl.items(catalog)
        self.versions: dict[str, int] = {}
        self.remote: dict[str, dict[str, Any]] = {}  # data of the items read in this run
        self.col_keys: dict[str, str] = {}  # category -> collection key
        self.own_cols: set[str | None] = set()  # every collection delbib made, even dropped ones
        self.valid: dict[str, frozenset[str]] = {}

    # -------------------------------------------------------------------- reading

    def read_items(self) -> None:
        """Item versions, then the full data of items new or changed since the last read."""
        self.versions = self.client.versions(TOP)
        index = self.state.index
        stale = [k for k, v in self.versions.items() if index.get(k, {}).get("version") != v]
        for obj in self.client.objects("items", stale):
            data = obj.get("data") or {}
            self.remote[obj["key"]] = data
            index[obj["key"]] = {
                "version": obj.get("version", data.get("version")),
                "ours": mapping.MARKER_TAG in mapping.tag_names(data),
                **mapping.match_keys(data),
            }
        for key in [k for k in index if k not in self.versions]:
            del index[key]

    def _lookup(self, claimed: set[str]) -> dict[tuple[str, str], str]:
        """(id kind, value) -> Zotero key, over items no catalog entry has claimed yet."""
        found: dict[tuple[str, str], str] = {}
        for key in sorted(self.state.index):
            if key in claimed:
                continue
            for kind in ("citekey", "doi", "arxiv"):
                if value := self.state.index[key].get(kind):
                    found.setdefault((kind, value), key)
        return found

    # ---------------------------------------------------------------------- items

    def item_types(self) -> None:
        """Ask the server which fields each item type has (citationKey or not)."""
        for zotero_type in sorted({zoterotypes.item_type(i) for i in self.items}):
            self.valid[zotero_type] = self.client.fields(zotero_type)

    def plan(self, item: dict[str, Any], claimed: set[str], lookup: dict) -> Action | None:
        """The write one catalog item needs, or None (unchanged, edited, or deleted there)."""
        citekey = item["citation-key"]
        entry = self.catalog.entries[citekey]
        desired = mapping.to_zotero(item, entry, self.valid)
        desired_tags = mapping.tag_names(desired)
        desired.pop("tags")
        record = self.state.items.get(citekey)
        key = None
        if record and record["key"] in self.versions:
            key = record["key"]
        elif record and not self.force:
            self.summary.deleted_in_zotero.append(citekey)
            return None
        else:
            for kind, value in mapping.item_keys(item).items():
                if (kind, value) in lookup and lookup[(kind, value)] not in claimed:
                    key = lookup[(kind, value)]
                    break
        collections = sorted(self.col_keys[c] for c in entry.categories if c in self.col_keys)
        if key is None:
            tags = sorted(desired_tags | {mapping.MARKER_TAG})
            payload = {**desired, "tags": [{"tag": t} for t in tags], "collections": collections}
            record = {"ours": True, "pushed": {**desired, "tags": tags, "collections": collections}}
            return Action("create", citekey, payload, record, fields=sorted(desired))
        claimed.add(key)
        ours = bool((record or {}).get("ours") or self.state.index.get(key, {}).get("ours"))
        base = record["pushed"] if record and record["key"] == key else None
        remote = self.remote.get(key)
        if remote is None and base is None:  # matched an item read by an earlier push
            found = self.client.objects("items", [key])
            remote = self.remote[key] = found[0].get("data") or {} if found else {}
        elif remote is None:  # unchanged since the last push: Zotero holds what was pushed
            remote = {**base, "tags": [{"tag": t} for t in base.get("tags", [])]}
        return self._update(citekey, key, desired, desired_tags, collections, base, remote, ours)

    def _update(
        self,
        citekey: str,
        key: str,
        desired: dict[str, Any],
        desired_tags: set[str],
        collections: list[str],
        base: dict[str, Any] | None,
        remote: dict[str, Any],
        ours: bool,
    ) -> Action | None:
        change: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        pushed = {f: v for f, v in (base or {}).items() if f not in ("tags", "collections")}
        valid: frozenset[str] = frozenset()
        # itemType first: the other fields must be valid for the type the item ends up with
        for name in ["itemType", *sorted(set(zoterotypes.MANAGED) | set(desired) - {"itemType"})]:
            want, have = desired.get(name), remote.get(name)
            was = (base or {}).get(name)
            if name != "itemType" and name not in valid:
                continue  # not a field of the item's type: the API would refuse it
            if mapping.same(want, have):
                pushed[name] = want
            elif want in (None, "", []) and (base is None or mapping.same(was, None)):
                pass  # the user's own field, never ours
            elif self._may_write(have, was, base is not None):
                change[name] = want if want is not None else ""
                pushed[name] = want
            else:
                kept[name] = {"zotero": have, "catalog": want, "pushed": was}
            if name == "itemType":
                final = change.get("itemType") or have or want
                if final not in self.valid:
                    self.valid[final] = self.client.fields(final)
                valid = self.valid[final] | {"creators"}
        pushed = {f: v for f, v in pushed.items() if v not in (None, "", [])}
        # Categories: delbib owns its own tags and collections, the user keeps theirs.
        category_tags = {c.name for c in self.catalog.taxonomy} | {mapping.MARKER_TAG}
        have_tags = {t.get("tag"): t for t in remote.get("tags") or [] if isinstance(t, dict)}
        want_tags = desired_tags | ({mapping.MARKER_TAG} if ours else set())
        old_ours = set((base or {}).get("tags") or []) & category_tags
        tags = (set(have_tags) - (old_ours - want_tags)) | want_tags
        if tags != set(have_tags):
            change["tags"] = [have_tags.get(t, {"tag": t}) for t in sorted(tags)]
        own_cols = self.own_cols | set(self.col_keys.values()) | {self.state.parent}
        have_cols = set(remote.get("collections") or [])
        cols = sorted((have_cols - own_cols) | set(collections))
        if set(cols) != have_cols:
            change["collections"] = cols
        record = {
            "key": key,
            "ours": ours,
            "pushed": {**pushed, "tags": sorted(tags), "collections": cols},
        }
        if kept:
            self.summary.edited[citekey] = kept
        if not change:
            return Action("unchanged", citekey, {}, record, kept=kept)
        fields = sorted(f for f in change if f not in ("tags", "collections"))
        payload = {"key": key, "version": self.versions[key], **change}
        return Action("update" if fields else "move", citekey, payload, record, fields, kept)

    def _may_write(self, have: Any, was: Any, pushed_before: bool) -> bool:
        """A field may be written when Zotero still holds what was pushed, when it was empty
        and never pushed (filling in, never clearing), or with --force."""
        untouched = pushed_before and mapping.same(have, was)
        blank = mapping.same(have, None) and mapping.same(was, None)
        return untouched or blank or self.force

    def plan_all(self, only: set[str] | None = None) -> list[Action]:
        """Plan every catalog item (or those in ``only``), claiming matched Zotero items."""
        claimed = {
            r["key"]
            for k, r in self.state.items.items()
            if r["key"] in self.versions and (only is None or k not in only)
        }
        lookup = self._lookup(claimed)
        actions = []
        for item in self.items:
            if only is not None and item["citation-key"] not in only:
                continue
            if (action := self.plan(item, claimed, lookup)) is not None:
                actions.append(action)
        return actions

    def _record(self, action: Action, key: str, version: int | None) -> None:
        record = {**action.record, "key": key, "version": version}
        self.state.items[action.citekey] = record
        ids = mapping.match_keys(record["pushed"])
        # An item with a kept Zotero edit is read again next time: its data is not the record.
        index_version = -1 if action.kept else version
        self.state.index[key] = {"version": index_version, "ours": record["ours"], **ids}
        if version is not None:
            self.versions[key] = version

    def _count(self, action: Action) -> None:
        summary = self.summary
        if action.kind == "create":
            summary.created.append(action.citekey)
        elif action.kind == "update":
            summary.updated[action.citekey] = action.fields
        elif action.kind == "move":
            summary.moved.append(action.citekey)
        else:
            summary.unchanged.append(action.citekey)

    def _settle(self, actions: list[Action]) -> list[Action]:
        """Count and record the actions that need no write; return the others."""
        for action in actions:
            if action.kind == "unchanged":
                self._count(action)
                if not self.dry_run:
                    key = action.record["key"]
                    self._record(action, key, self.versions.get(key))
        return [a for a in actions if a.kind != "unchanged"]

    def write_items(self, actions: list[Action]) -> None:
        """Send creations and updates in batches. What a 412 refused, what a server error
        (5xx) answered for a whole creation batch or for single objects inside a 200, is
        re-read and re-planned, and sent again in the next round (at most ``MAX_ROUNDS``):
        items saved before an error are then found by citation key, never created twice."""
        pending = self._settle(actions)
        if self.dry_run:
            for action in pending:
                self._count(action)
            return
        self.state.save()
        total, done = len(pending), 0
        why: dict[str, str] = {}  # citation key -> why its last attempt did not land
        for attempt in range(MAX_ROUNDS):
            retry: list[Action] = []
            creates = [a for a in pending if a.kind == "create"]
            updates = [a for a in pending if a.kind != "create"]
            for group, token in [(b, True) for b in batches(creates)] + [
                (b, False) for b in batches(updates)
            ]:
                payload = [a.payload for a in group]
                result = self.client.write("items", payload, token=write_token() if token else None)
                if result.precondition_failed or result.server_error:
                    retry.extend(group)
                    why.update((a.citekey, f"HTTP {result.status}") for a in group)
                    continue
                for index, action in enumerate(group):
                    error = result.failed.get(index, {})
                    if index in result.successful:
                        obj = result.successful[index]
                        self._record(action, obj["key"], obj.get("version", result.version))
                        self._count(action)
                    elif index in result.unchanged:
                        key = result.unchanged[index]
                        self._record(action, key, self.versions.get(key))
                        self.summary.unchanged.append(action.citekey)
                    elif _retryable(error.get("code")):
                        retry.append(action)
                        why[action.citekey] = _reason(error)
                        continue
                    else:
                        self.summary.failed[action.citekey] = _reason(error)
                    done += 1
                self.state.save()
                self.progress("writing", done, total)
            if not retry:
                return
            if any(why.get(a.citekey, "").startswith("HTTP 5") for a in retry):
                self.client.http.wait(attempt)  # a server in trouble: back off before rereading
            self.read_items()
            pending = self._settle(self.plan_all({a.citekey for a in retry}))
            done = total - len(pending)
            self.state.save()
        for action in pending:
            self.summary.failed[action.citekey] = (
                f"{why.get(action.citekey, 'changed in Zotero')} in each of {MAX_ROUNDS} tries"
            )

    def orphans(self) -> list[str]:
        """delbib's own items (marker tag) that no catalog entry has any more."""
        catalog_keys = set(self.catalog.entries)
        claimed = {r["key"] for c, r in self.state.items.items() if c in catalog_keys}
        return sorted(
            key
            for key, info in self.state.index.items()
            if info.get("ours")
            and key in self.versions
            and key not in claimed
            and info.get("citekey") not in catalog_keys
        )

    def prune(self, delete: bool) -> None:
        """List delbib's orphaned items; delete them (in batches of 50) with ``delete``."""
        orphans = self.orphans()
        if not delete or self.dry_run:
            (self.summary.pruned if delete else self.summary.not_in_catalog).extend(orphans)
            return
        for group in batches(orphans):
            for _round in range(MAX_ROUNDS):
                if not group or self.client.delete("items", group):
                    break
                self.read_items()  # the library moved on: check they are still orphans
                group = sorted(set(group) & set(self.orphans()))
            else:
                raise SourceError("the library kept changing during --prune; run it again")
            self.summary.pruned.extend(group)
            for key in group:
                self.state.index.pop(key, None)
            self.state.items = {
                c: r for c, r in self.state.items.items() if r["key"] not in set(group)
            }
            self.state.save()


def _retryable(code: Any) -> bool:
    """A per-object failure worth another round: the item changed (412) or the server
    failed (5xx); a 4xx other than 412 is the object's own fault and fails it."""
    return isinstance(code, int) and (code == 412 or code >= 500)


def _reason(error: dict[str, Any]) -> str:
    return f"HTTP {error.get('code', '?')}: {error.get('message', 'no reason')}"


def push(
    catalog: Catalog,
    client: Zotero,
    *,
    collection: str | None = None,
    dry_run: bool = False,
    prune: bool = False,
    force: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Make the client's library hold the catalog; see the module docstring for the rules."""
    sync = Sync(
        catalog,
        client,
        State.load(catalog.root, client.library),
        collection=collection,
        dry_run=dry_run,
        force=force,
        progress=progress,
    )
    sync.progress("reading the library", 0, 0)
    sync.read_items()
    sync.item_types()
    sync.sync_collections()
    actions = sync.plan_all()
    sync.write_items(actions)
    sync.prune(prune)
    if not dry_run:
        sync.state.save()
    sync.summary.requests = client.http.stats.total
    sync.summary.writes = client.writes
    return sync.summary
