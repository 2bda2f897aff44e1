"""Crossref REST API through habanero: a work by DOI, a DOI's agency, bibliographic search.

habanero makes its own requests with ``httpx2.get`` and offers no transport hook, so each
habanero call runs inside ``Http.call`` and its exceptions are translated here into the
client's retryable/final errors: retries, limits and the failure budget stay in http.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from delbib.errors import SourceError
from delbib.http import HttpStatusError, TransportError
from delbib.sources import Found, NotFound, Services

TYPES = {
    "proceedings-article": "paper-conference",
    "journal-article": "article-journal",
    "posted-content": "article",
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-entry": "entry",
    "report": "report",
    "dissertation": "thesis",
    "dataset": "dataset",
    "peer-review": "review",
}
_FIRST = "first"  # Crossref gives lists where CSL wants one string
FIELDS: dict[str, tuple[str, str | None]] = {  # CSL field -> (Crossref key, conversion)
    "title": ("title", _FIRST),
    "container-title": ("container-title", _FIRST),
    "container-title-short": ("short-container-title", _FIRST),
    "publisher": ("publisher", None),
    "page": ("page", None),
    "volume": ("volume", None),
    "issue": ("issue", None),
    "DOI": ("DOI", None),
    "URL": ("URL", None),
}
DATE_KEYS = ("published-print", "published-online", "issued", "published")
_TAGS = re.compile(r"<[^>]+>")


def to_csl(message: dict[str, Any]) -> dict[str, Any]:
    """A Crossref work message as a CSL item (only the fields delbib exports)."""
    item: dict[str, Any] = {"type": TYPES.get(message.get("type", ""), "article")}
    for csl, (key, conversion) in FIELDS.items():
        value = message.get(key)
        if conversion == _FIRST:
            value = value[0] if isinstance(value, list) and value else None
        if value not in (None, ""):
            item[csl] = re.sub(r"\s+", " ", _TAGS.sub("", str(value))).strip()
    if "DOI" in item:
        item["DOI"] = item["DOI"].lower()
    authors = [_name(a) for a in message.get("author") or []]
    if authors := [a for a in authors if a]:
        item["author"] = authors
    if issued := _issued(message):
        item["issued"] = issued
    return item


def _name(author: dict[str, Any]) -> dict[str, str] | None:
    if author.get("family"):
        return {k: author[k] for k in ("given", "family") if author.get(k)}
    return {"literal": author["name"]} if author.get("name") else None


def _issued(message: dict[str, Any]) -> dict[str, Any] | None:
    """The first date with a year; Crossref sends ``[[null]]`` for unknown dates."""
    for key in DATE_KEYS:
        parts = ((message.get(key) or {}).get("date-parts") or [[None]])[0]
        if parts and parts[0] is not None:
            return {"date-parts": [[int(p) for p in parts if p is not None]]}
    return None


def _client(services: Services) -> Any:
    from habanero import Crossref

    config = services.config
    return Crossref(
        base_url=config.crossref_url,
        mailto=config.mailto,
        ua_string=services.http.user_agent,
        timeout=config.timeout,
    )


def _call(services: Services, kind: str, what: str, fn: Callable[[Any], Any]) -> Any:
    """Run one habanero request under the shared client; return what habanero returns."""
    import httpx2
    from habanero.exceptions import RequestError

    http = services.http
    bucket = http.crossref_bucket(kind)

    def once() -> Any:
        try:
            result = fn(_client(services))
        except httpx2.HTTPStatusError as exc:
            response = exc.response
            error = http.observe(
                bucket, response.status_code, response.headers, what, response.text
            )
            raise error or SourceError(f"{what}: {exc}") from exc
        except RequestError as exc:  # habanero's JSON error envelope, or a non-JSON 200
            status = exc.status_code if exc.status_code >= 400 else 502
            raise HttpStatusError(
                f"{what}: HTTP {exc.status_code}: {str(exc.error)[:80]!r}", status=status, url=what
            ) from exc
        except (httpx2.TransportError, RuntimeError) as exc:  # habanero wraps some as Runtime
            raise TransportError(f"{what}: no response ({exc})") from exc
        except ValueError as exc:
            raise SourceError(f"{what}: malformed JSON from Crossref ({exc})") from exc
        return result

    try:
        return http.call(bucket, once)
    except HttpStatusError as exc:
        if exc.status == 404:
            raise NotFound(f"{what}: Crossref has no such record") from exc
        raise


def _message(result: Any, what: str) -> dict[str, Any]:
    if not isinstance(result, dict) or not isinstance(result.get("message"), dict):
        raise SourceError(f"{what}: unexpected Crossref response {str(result)[:80]!r}")
    return result["message"]


def fetch(services: Services, doi: str) -> Found:
    """The Crossref work for a DOI (NotFound for DOIs Crossref does not hold)."""
    what = f"{services.config.crossref_url}/works/{doi}"
    message = _message(_call(services, "single", what, lambda cr: cr.works(ids=doi)), what)
    return Found(to_csl(message), "crossref", what, status=_status(message))


def _status(message: dict[str, Any]) -> str:
    return "preprint-only" if message.get("type") == "posted-content" else "published"


def agency(services: Services, doi: str) -> str:
    """Which registration agency holds a DOI ("crossref", "datacite", ...)."""
    what = f"{services.config.crossref_url}/works/{doi}/agency"
    labels = _call(services, "single", what, lambda cr: cr.registration_agency(doi))
    if not isinstance(labels, list) or not labels or not isinstance(labels[0], str):
        raise SourceError(f"{what}: unexpected Crossref response {str(labels)[:80]!r}")
    return labels[0].lower()


def search(services: Services, citation: str, rows: int = 5) -> list[tuple[Found, float]]:
    """Crossref's best matches for a citation string, with its relevance scores."""
    what = f"{services.config.crossref_url}/works?query.bibliographic={citation}&rows={rows}"
    result = _call(
        services, "query", what, lambda cr: cr.works(query_bibliographic=citation, limit=rows)
    )
    message = _message(result, what)
    return [
        (Found(to_csl(item), "crossref", what, status=_status(item)), float(item.get("score", 0)))
        for item in message.get("items") or []
    ]
