"""A small Zotero Web API v3 client over delbib's one HTTP client.

Direct HTTP rather than pyzotero: pyzotero sends through its own httpx session, so its
requests would escape :class:`delbib.http.Http`'s per-service limit, retries (429/5xx with
``Retry-After``) and failure budget; the handful of endpoints a push needs are simple. Every
request here goes through ``Http.request`` with the ``zotero`` bucket, which also honours the
``Backoff`` header Zotero sends when it is overloaded.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, SourceError
from ..http import Http, Response

BUCKET = "zotero"
BATCH = 50  # the API's limit of objects per write request
PAGE = 100  # the API's largest page
PRECONDITION_FAILED = 412
SERVER_ERRORS = (500, 502, 503, 504)
MAX_ROUNDS = 4  # re-read and re-plan rounds after 412s before an item counts as failed


@dataclass(frozen=True)
class Library:
    """``user:ID`` or ``group:ID``: whose library, as the API's URL prefix names it."""

    kind: str  # "user" | "group"
    id: str

    @classmethod
    def parse(cls, text: str) -> Library:
        match = re.fullmatch(r"(user|group)s?:(\d+)", text.strip())
        if not match:
            raise InputError(
                f"expected user:ID or group:ID (the numeric id), got {text!r}", field="library"
            )
        return cls(match[1], match[2])

    @property
    def prefix(self) -> str:
        return f"/{self.kind}s/{self.id}"

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass
class WriteResult:
    """One multi-object write: the API's per-object outcome, by index in the request."""

    status: int
    successful: dict[int, dict[str, Any]] = field(default_factory=dict)
    unchanged: dict[int, str] = field(default_factory=dict)
    failed: dict[int, dict[str, Any]] = field(default_factory=dict)
    version: int | None = None

    @property
    def precondition_failed(self) -> bool:
        return self.status == PRECONDITION_FAILED

    @property
    def server_error(self) -> bool:
        """A creation answered with a 5xx: some of it may have been saved, so the caller
        re-reads the library before trying again (a blind retry could create duplicates)."""
        return self.status >= 500


def batches(objects: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(objects), size):
        yield objects[start : start + size]


def write_token() -> str:
    """A fresh 32-character token: a creation retried after a lost answer is not done twice."""
    return secrets.token_hex(16)


class Zotero:
    """One library of the Zotero Web API; ``version`` is the last library version seen."""

    def __init__(self, http: Http, base_url: str, library: Library, api_key: str) -> None:
        self.http = http
        self.base = base_url.rstrip("/") + library.prefix
        self.root = base_url.rstrip("/")
        self.library = library
        self._headers = {"Zotero-API-Version": "3", "Zotero-API-Key": api_key}
        self.version: int | None = None
        self.writes = 0

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (),
    ) -> Response:
        all_headers = {**self._headers, **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        if method != "GET":
            self.writes += 1
        response = self.http.request(
            BUCKET, method, url, params=params, headers=all_headers, body=data, ok=ok
        )
        seen = response.headers.get("last-modified-version", "")
        if seen.isdigit() and url.startswith(self.base):  # schema requests have no library
            self.version = int(seen)
        return response

    # ---------------------------------------------------------------- reading

    def versions(self, kind: str) -> dict[str, int]:
        """Every object's version (``format=versions``), e.g. of all items in the library."""
        data = self._send("GET", f"{self.base}/{kind}", params={"format": "versions"}).json()
        if not isinstance(data, dict):
            raise SourceError(f"{self.base}/{kind}: expected a key -> version map")
        return {str(k): int(v) for k, v in data.items()}

    def objects(self, kind: str, keys: Iterable[str]) -> list[dict[str, Any]]:
        """Full JSON of the objects with these keys, asked for in groups of 50."""
        param = "itemKey" if kind == "items" else "collectionKey"
        found: list[dict[str, Any]] = []
        for group in batches(sorted(set(keys))):
            params = {param: ",".join(group), "format": "json", "limit": str(BATCH)}
            found.extend(self._list(self._send("GET", f"{self.base}/{kind}", params=params)))
        return found

    def all(self, kind: str) -> list[dict[str, Any]]:
        """Every object of a kind, page by page."""
        found: list[dict[str, Any]] = []
        while True:
            params = {"format": "json", "limit": str(PAGE), "start": str(len(found))}
            response = self._send("GET", f"{self.base}/{kind}", params=params)
            page = self._list(response)
            found.extend(page)
            total = response.headers.get("total-results", "")
            if not page or not total.isdigit() or len(found) >= int(total):
                return found

    def fields(self, item_type: str) -> frozenset[str]:
        """The fields the server's schema has for an item type (``citationKey`` or not)."""
        response = self._send("GET", f"{self.root}/itemTypeFields", params={"itemType": item_type})
        return frozenset(f["field"] for f in self._list(response) if "field" in f)

    @staticmethod
    def _list(response: Response) -> list[dict[str, Any]]:
        data = response.json()
        if not isinstance(data, list):
            raise SourceError(f"{response.url}: expected a JSON array")
        return data

    # ---------------------------------------------------------------- writing

    def write(
        self, kind: str, objects: list[dict[str, Any]], *, token: str | None = None
    ) -> WriteResult:
        """POST up to 50 objects: creations carry a write token, updates the library version
        (``If-Unmodified-Since-Version``); a 412, and a 5xx to a creation (part of the batch
        may have been saved before the error), come back as a result for the caller to
        re-read, never as a blind retry."""
        if len(objects) > BATCH:
            raise ValueError(f"at most {BATCH} objects per write")
        headers = {"Zotero-Write-Token": token} if token else {}
        if not token and self.version is not None:
            headers["If-Unmodified-Since-Version"] = str(self.version)
        ok = (PRECONDITION_FAILED, *(SERVER_ERRORS if token else ()))
        response = self._send("POST", f"{self.base}/{kind}", body=objects, headers=headers, ok=ok)
        if response.status in ok:
            return WriteResult(response.status)
        data = response.json()
        if not isinstance(data, dict):
            raise SourceError(f"{response.url}: expected the write results object")
        return WriteResult(
            response.status,
            successful={int(i): obj for i, obj in (data.get("successful") or {}).items()},
            unchanged={int(i): key for i, key in (data.get("unchanged") or {}).items()},
            failed={int(i): err for i, err in (data.get("failed") or {}).items()},
            version=self.version,
        )

    def delete(self, kind: str, keys: list[str]) -> bool:
        """DELETE up to 50 objects if the library has not changed; False on a 412."""
        param = "itemKey" if kind == "items" else "collectionKey"
        headers = {"If-Unmodified-Since-Version": str(self.version or 0)}
        response = self._send(
            "DELETE",
            f"{self.base}/{kind}",
            params={param: ",".join(keys)},
            headers=headers,
            ok=(PRECONDITION_FAILED,),
        )
        return response.status != PRECONDITION_FAILED
