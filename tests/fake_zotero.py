"""A local stand-in for the Zotero Web API v3, written from its documentation.

Behaviour follows zotero.org/support/dev/web_api/v3 (basics, write_requests, syncing):

- one user library (``/users/<id>``) with a library version; every write that changes
  something raises it by one, gives the changed objects that version, and answers with
  ``Last-Modified-Version``; ``format=versions`` maps keys to versions; ``itemKey`` /
  ``collectionKey`` (at most 50) select objects; ``limit`` (at most 100), ``start`` and
  ``Total-Results`` page lists;
- ``POST`` of up to 50 objects (more is ``413``): objects with a key update (PATCH semantics:
  fields left out are kept; ``tags`` and ``collections`` are replaced; a changed ``itemType``
  drops the fields the new type lacks), others are created; ``200`` with ``successful`` /
  ``success`` / ``unchanged`` / ``failed`` by index; a per-object ``version`` that is not the
  object's current one fails that object with ``412``; an unknown field for the item type fails
  it with ``400``; an unknown collection with ``409``;
- ``Zotero-Write-Token``: a token already used by a successful request is ``412``;
  ``If-Unmodified-Since-Version`` older than the library is ``412``; ``DELETE`` needs it (``428``);
- the API key in ``Zotero-API-Key`` (``403`` otherwise);
- ``/itemTypeFields?itemType=`` from ``ITEM_TYPES``, a hand-written subset of Zotero's item-type
  fields for the item types delbib writes.

Faults are injected per request (status and headers such as ``Retry-After`` and ``Backoff``,
optionally after applying the write, as when an answer is lost, or after saving only the first
objects of a batch), per object (a creation that fails inside a ``200``, as many times as
asked), and as edits "made in Zotero" by another client.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Zotero item types delbib writes (src/delbib/zotero/mapping.py: ITEM_TYPES and FALLBACK_TYPE)
# -> (fields, creator types), as the Web API's /itemTypeFields and /itemTypeCreatorTypes give
# them. Hand-written, not Zotero's schema: a subset of Zotero's item-type fields for these types
# only, with every field and creator type delbib's mapping may write that Zotero has for the
# type, plus a few other genuine fields of it. Fields Zotero lacks for a type (a journal
# article's "proceedingsTitle", a webpage's "ISBN") are absent, so the fake refuses them.
ITEM_TYPES: dict[str, tuple[str, str]] = {
    "journalArticle": (
        "title abstractNote publicationTitle volume issue pages date series seriesTitle"
        " journalAbbreviation publisher place language DOI ISSN shortTitle url accessDate"
        " archive libraryCatalog callNumber rights extra citationKey",
        "author contributor editor reviewedAuthor translator",
    ),
    "conferencePaper": (
        "title abstractNote date proceedingsTitle conferenceName place publisher volume issue"
        " pages series language DOI ISBN ISSN shortTitle url accessDate archive libraryCatalog"
        " callNumber rights extra citationKey",
        "author contributor editor seriesEditor translator",
    ),
    "preprint": (
        "title abstractNote genre repository archiveID place date series seriesNumber DOI"
        " citationKey url accessDate archive shortTitle language libraryCatalog callNumber"
        " rights extra",
        "author contributor editor reviewedAuthor translator",
    ),
    "document": (
        "title abstractNote publisher place date language DOI shortTitle url accessDate archive"
        " libraryCatalog callNumber rights extra citationKey",
        "author contributor editor reviewedAuthor translator",
    ),
    "book": (
        "title abstractNote series seriesNumber volume numberOfVolumes edition place publisher"
        " date numPages language ISBN ISSN DOI shortTitle url accessDate archive libraryCatalog"
        " callNumber rights extra citationKey",
        "author contributor editor seriesEditor translator",
    ),
    "bookSection": (
        "title abstractNote bookTitle series seriesNumber volume numberOfVolumes edition place"
        " publisher date pages language ISBN ISSN DOI shortTitle url accessDate archive"
        " libraryCatalog callNumber rights extra citationKey",
        "author bookAuthor contributor editor seriesEditor translator",
    ),
    "report": (
        "title abstractNote reportNumber reportType seriesTitle place institution date pages"
        " language ISBN ISSN DOI shortTitle url accessDate archive libraryCatalog callNumber"
        " rights extra citationKey",
        "author contributor editor seriesEditor translator",
    ),
    "thesis": (
        "title abstractNote thesisType university place date numPages language ISBN ISSN DOI"
        " shortTitle url accessDate archive libraryCatalog callNumber rights extra citationKey",
        "author contributor",
    ),
    "webpage": (
        "title abstractNote websiteTitle websiteType publisher place date language DOI"
        " shortTitle url accessDate rights extra citationKey",
        "author contributor translator",
    ),
    "manuscript": (
        "title abstractNote manuscriptType place institution number date numPages language DOI"
        " shortTitle url accessDate archive libraryCatalog callNumber rights extra citationKey",
        "author contributor translator",
    ),
}
FIELDS = {t: frozenset(fields.split()) for t, (fields, _) in ITEM_TYPES.items()}
CREATOR_TYPES = {t: frozenset(creators.split()) for t, (_, creators) in ITEM_TYPES.items()}
KEY_CHARS = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ"  # the API's object key alphabet
API_KEY = "test-key-0123456789abcdef"
USER = "4242"
NOT_FIELDS = {"key", "version", "itemType", "creators", "tags", "collections", "relations"}


@dataclass
class Fault:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    apply: bool = False  # process the request first, then answer with this fault
    partial: int | None = None  # save only this many objects of the batch, then fail


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


class FakeZotero:
    """The library and the server's rules; tests inspect and change it directly."""

    def __init__(self, *, citation_key_field: bool = True) -> None:
        self.version = 0
        self.items: dict[str, dict[str, Any]] = {}  # key -> {"key", "version", "data"}
        self.collections: dict[str, dict[str, Any]] = {}
        self.tokens: set[str] = set()
        self.faults: dict[tuple[str, str], list[Fault | None]] = {}
        # citationKey -> (code, message) of each coming creation attempt that fails in a 200
        self.item_failures: dict[str, list[tuple[int, str]]] = {}
        self.before_write: list[Callable[[FakeZotero], None]] = []
        self.requests: list[Seen] = []
        self.fields = {
            t: [f for f in fields.split() if citation_key_field or f != "citationKey"]
            for t, (fields, _) in ITEM_TYPES.items()
        }
        self._counter = 0
        self.lock = threading.Lock()
        self.base = ""

    # ------------------------------------------------------------------ test helpers

    def fail(self, method: str, path: str, *faults: Fault, after: int = 0) -> None:
        """Serve ``faults`` to the ``method`` requests of ``path`` (after /users/<id>) that
        follow the next ``after`` ones, which are answered normally."""
        self.faults.setdefault((method, path), []).extend([None] * after + list(faults))

    def fail_item(self, citekey: str, code: int, message: str, times: int = 1) -> None:
        """The next ``times`` creations of this item fail inside a 200 answer."""
        self.item_failures.setdefault(citekey, []).extend([(code, message)] * times)

    def writes(self) -> list[Seen]:
        return [r for r in self.requests if r.method != "GET"]

    def new_key(self) -> str:
        self._counter += 1
        n, key = self._counter, ""
        for _ in range(8):
            n, digit = divmod(n, len(KEY_CHARS))
            key = KEY_CHARS[digit] + key
        return key

    def edit(self, key: str, **changes: Any) -> None:
        """An edit made in Zotero (another client): the item and library get a new version."""
        self.version += 1
        obj = self.items[key]
        obj["data"].update(changes)
        obj["version"] = obj["data"]["version"] = self.version

    def add_item(self, data: dict[str, Any]) -> str:
        """An item the user made in Zotero."""
        self.version += 1
        key = self.new_key()
        body = {"key": key, "version": self.version, "tags": [], "collections": [], **data}
        self.items[key] = {"key": key, "version": self.version, "data": body}
        return key

    def citation_keys(self) -> list[tuple[str, dict[str, Any]]]:
        """(citation key, data) of every item: the field, else Extra's "Citation Key:" line."""
        found = []
        for obj in self.items.values():
            data = obj["data"]
            citekey = data.get("citationKey") or extra_citation_key(data.get("extra", ""))
            found.append((citekey or "", data))
        return found

    def by_citation_key(self) -> dict[str, dict[str, Any]]:
        return dict(self.citation_keys())

    # ------------------------------------------------------------------------ routes

    def answer(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any]:
        if path in ("/itemTypeFields",):
            fields = self.fields.get(query.get("itemType", ""))
            if fields is None:
                return 400, {}, "Invalid item type"
            return 200, {}, [{"field": f, "localized": f} for f in fields]
        prefix = f"/users/{USER}"
        if not path.startswith(prefix + "/"):
            return 404, {}, "Not found"
        if headers.get("zotero-api-key") != API_KEY:
            return 403, {}, "Forbidden"
        rest = path[len(prefix) :]
        if method == "GET":
            return self.read(rest, query)
        if rest not in ("/items", "/collections"):
            return 405, {}, "Method not allowed"
        kind = rest.strip("/")
        if method == "DELETE":
            return self.delete(kind, query, headers)
        if method != "POST":
            return 405, {}, "Method not allowed"
        if not isinstance(body, list):
            return 400, {}, "Uploaded data must be a JSON array"
        if len(body) > 50:
            return 413, {}, "Only 50 objects can be saved in a single request"
        token = headers.get("zotero-write-token")
        if token and token in self.tokens:
            return 412, {}, "Write token already used"
        since = headers.get("if-unmodified-since-version")
        if since is not None and int(since) != self.version:
            return (
                412,
                {},
                f"Library has been modified since specified version ({since} < {self.version})",
            )
        for hook in self.before_write:
            hook(self)
        self.before_write.clear()
        status, extra, result = self.write(kind, body)
        if token and status == 200:
            self.tokens.add(token)
        return status, extra, result

    def read(self, rest: str, query: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        parts = rest.strip("/").split("/")
        if parts[0] == "items":
            objects = [o for o in self.items.values() if not o["data"].get("parentItem")]
            if len(parts) == 1:
                objects = list(self.items.values())
            elif parts[1:] != ["top"]:
                return 404, {}, "Not found"
            select = "itemKey"
        elif parts[0] == "collections" and len(parts) == 1:
            objects, select = list(self.collections.values()), "collectionKey"
        elif parts[0] == "collections" and parts[2:] == ["items", "top"]:
            if parts[1] not in self.collections:
                return 404, {}, "Collection not found"
            objects = [
                o
                for o in self.items.values()
                if parts[1] in o["data"].get("collections", []) and not o["data"].get("parentItem")
            ]
            select = "itemKey"
        else:
            return 404, {}, "Not found"
        if select in query:
            keys = query[select].split(",")
            if len(keys) > 50:
                return 400, {}, f"Cannot specify more than 50 {select} values"
            objects = [o for o in objects if o["key"] in keys]
        objects = sorted(objects, key=lambda o: o["key"])
        headers = {"Last-Modified-Version": str(self.version), "Total-Results": str(len(objects))}
        if query.get("format") == "versions":
            return 200, headers, {o["key"]: o["version"] for o in objects}
        limit = min(int(query.get("limit", 25)), 100)
        start = int(query.get("start", 0))
        page = objects[start : start + limit]
        return 200, headers, [self.export(o) for o in page]

    def export(self, obj: dict[str, Any]) -> dict[str, Any]:
        return {
            "key": obj["key"],
            "version": obj["version"],
            "library": {"type": "user", "id": int(USER)},
            "data": copy.deepcopy(obj["data"]),
        }

    def write(self, kind: str, body: list[Any]) -> tuple[int, dict[str, str], Any]:
        store = self.items if kind == "items" else self.collections
        result: dict[str, dict[str, Any]] = {
            "successful": {},
            "success": {},
            "unchanged": {},
            "failed": {},
        }
        changed: list[tuple[str, str]] = []
        new_version = self.version + 1
        for index, obj in enumerate(body):
            i = str(index)
            problem = self.check(kind, obj)
            if problem:
                result["failed"][i] = {
                    "key": obj.get("key", ""),
                    "code": problem[0],
                    "message": problem[1],
                }
                continue
            key = obj.get("key")
            if key in store:
                current = store[key]
                if "version" in obj and obj["version"] != current["version"]:
                    result["failed"][i] = {
                        "key": key,
                        "code": 412,
                        "message": f"Item has been modified since version {obj['version']}",
                    }
                    continue
                data = self.merged(current["data"], obj)
                if data == current["data"]:
                    result["unchanged"][i] = key
                    continue
                current["data"] = data
            else:
                key = key or self.new_key()
                data = {"key": key, "tags": [], "collections": [], "relations": {}}
                if kind == "collections":
                    data = {"key": key, "parentCollection": False, "relations": {}}
                data.update({k: v for k, v in obj.items() if k not in ("key", "version")})
                store[key] = {"key": key, "data": data}
            changed.append((i, key))
        if changed:
            self.version = new_version
            for i, key in changed:
                store[key]["version"] = store[key]["data"]["version"] = new_version
                result["successful"][i] = self.export(store[key])
                result["success"][i] = key
        return 200, {"Last-Modified-Version": str(self.version)}, result

    def check(self, kind: str, obj: Any) -> tuple[int, str] | None:
        if not isinstance(obj, dict):
            return 400, "Invalid value"
        if kind == "collections":
            parent = obj.get("parentCollection")
            if parent and parent not in self.collections:
                return 409, f"Parent collection {parent} doesn't exist"
            if "key" not in obj and not obj.get("name"):
                return 400, "Collection name cannot be empty"
            return None
        current = self.items.get(obj.get("key", ""), {}).get("data", {})
        item_type = obj.get("itemType") or current.get("itemType")
        if item_type not in self.fields:
            return 400, f"'{item_type}' is not a valid itemType"
        for name, value in obj.items():
            if name not in NOT_FIELDS and name not in self.fields[item_type] and value != "":
                return 400, f"'{name}' is not a valid field for type '{item_type}'"
        for key in obj.get("collections", []):
            if key not in self.collections:
                return 409, f"Collection {key} doesn't exist"
        citekey = obj.get("citationKey") or extra_citation_key(obj.get("extra", ""))
        if "key" not in obj and self.item_failures.get(citekey):
            return self.item_failures[citekey].pop(0)
        return None

    def merged(self, current: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
        data = copy.deepcopy(current)
        if "itemType" in patch and patch["itemType"] != data.get("itemType"):
            allowed = set(self.fields[patch["itemType"]]) | NOT_FIELDS
            data = {
                k: v for k, v in data.items() if k in allowed or k in ("parentCollection", "name")
            }
        for name, value in patch.items():
            if name in ("key", "version"):
                continue
            if value == "" and name not in NOT_FIELDS:
                data.pop(name, None)
            else:
                data[name] = copy.deepcopy(value)
        return data

    def delete(
        self, kind: str, query: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Any]:
        since = headers.get("if-unmodified-since-version")
        if since is None:
            return 428, {}, "If-Unmodified-Since-Version not provided"
        if int(since) != self.version:
            return 412, {}, "Library has been modified since specified version"
        keys = query.get("itemKey" if kind == "items" else "collectionKey", "").split(",")
        if len(keys) > 50:
            return 413, {}, "Too many keys"
        store = self.items if kind == "items" else self.collections
        self.version += 1
        for key in keys:
            store.pop(key, None)
        return 204, {"Last-Modified-Version": str(self.version)}, None


def extra_citation_key(extra: Any) -> str | None:
    """The "Citation Key: KEY" line Zotero and Better BibTeX read from Extra."""
    for line in str(extra or "").splitlines():
        if line.startswith("Citation Key:"):
            return line.partition(":")[2].strip()
    return None


class Handler(BaseHTTPRequestHandler):
    fake: FakeZotero

    def _serve(self) -> None:
        fake = self.server.fake  # type: ignore[attr-defined]
        parsed = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parsed.query))
        headers = {k.lower(): v for k, v in self.headers.items()}
        length = int(headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        with fake.lock:
            fake.requests.append(Seen(self.command, parsed.path, query, headers, body))
            path = parsed.path.removeprefix(f"/users/{USER}")
            queue = fake.faults.get((self.command, path)) or []
            fault = queue.pop(0) if queue else None
            if fault is not None and fault.partial is not None:
                # a server error part-way through a batch: the first objects are saved, the
                # request fails (so its write token is not spent), the answer is an error
                token = headers.get("zotero-write-token")
                fake.answer(self.command, parsed.path, query, headers, body[: fault.partial])
                fake.tokens.discard(token)
                status, extra, result = fault.status, fault.headers, {"error": "injected"}
            elif fault is not None and not fault.apply:
                status, extra, result = fault.status, fault.headers, {"error": "injected"}
            else:
                status, extra, result = fake.answer(self.command, parsed.path, query, headers, body)
                if fault is not None:  # applied; the answer is lost (>= 400) or annotated
                    status, extra = fault.status, {**extra, **fault.headers}
                    result = result if status < 400 else {"error": "injected"}
        payload = (
            b""
            if result is None
            else (json.dumps(result).encode() if not isinstance(result, str) else result.encode())
        )
        self.send_response(status)
        kind = "text/plain" if isinstance(result, str) else "application/json"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = do_PATCH = do_PUT = _serve

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(fake: FakeZotero | None = None) -> Iterator[FakeZotero]:
    """Run a fake on 127.0.0.1 (a free port) for the duration of the block."""
    fake = fake or FakeZotero()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.fake = fake  # type: ignore[attr-defined]
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
