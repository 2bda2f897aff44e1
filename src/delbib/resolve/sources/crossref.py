"""Crossref REST API through habanero: a work by DOI, a DOI's agency, bibliographic search.

habanero makes its own requests with ``httpx2.get`` and offers no transport hook, so each
habanero call runs inside ``Http.call`` and its exceptions are translated here into the
client's retryable/final errors: retries, limits and the failure budget stay in delbib.http.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from typing import Any

from delbib.errors import SourceError
from delbib.http import BadBody, HttpStatusError, TransportError
from delbib.resolve.sources import NOT_A_PAPER, Found, NotFound, Services, links_in

# Crossref work type -> CSL type, for the types that are a paper. Every other type is named
# so nobody mistakes the list for an oversight: supplementary material is a ``component``
# carrying the paper's title, and reviews, datasets, grants, standards, issues and series are
# not the paper either. A type Crossref adds later is treated as not a paper until mapped.
TYPES = {
    "proceedings-article": "paper-conference",
    "journal-article": "article-journal",
    "posted-content": "article",  # SSRN, Research Square, TechRxiv...: a preprint
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "report": "report",
    "dissertation": "thesis",
}
NOT_PAPERS = frozenset(
    {
        "component",
        "peer-review",
        "dataset",
        "database",
        "grant",
        "standard",
        "standard-series",
        "journal",
        "journal-issue",
        "journal-volume",
        "proceedings",
        "proceedings-series",
        "book-series",
        "book-set",
        "book-track",
        "report-series",
        "report-component",
        "reference-book",
        "reference-entry",
        "other",
    }
)
_ARXIV_ALT = re.compile(r"(?i)(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?")
LINKING_RELATIONS = ("is-preprint-of", "has-preprint", "is-version-of", "has-version")
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
    """A habanero client whose time-outs are this attempt's (see ``Http.timeouts``)."""
    import httpx2
    from habanero import Crossref

    config = services.config
    connect, read = services.http.timeouts()
    return Crossref(
        base_url=config.crossref_url,
        mailto=config.mailto,
        ua_string=services.http.user_agent,
        timeout=httpx2.Timeout(read, connect=connect),
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
            cause = exc if isinstance(exc, httpx2.TransportError) else exc.__cause__
            unreachable = isinstance(cause, httpx2.ConnectError | httpx2.ConnectTimeout)
            raise TransportError(
                f"{what}: no response ({exc})", unreachable=unreachable, reason=str(exc)
            ) from exc
        except ValueError as exc:  # a body cut short: asked again like a 5xx
            raise BadBody(f"{what}: malformed JSON from Crossref ({exc})") from exc
        return result

    try:
        return http.call(
            bucket, once, host=urllib.parse.urlsplit(services.config.crossref_url).netloc
        )
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
    return _found(message, what)


# DOI prefixes of preprint servers: their records are preprints whatever type they carry
# (old SSRN records are "journal-article"s of the "SSRN Electronic Journal").
PREPRINT_PREFIXES = frozenset(
    {
        "10.2139",  # SSRN
        "10.21203",  # Research Square
        "10.36227",  # TechRxiv
        "10.20944",  # Preprints.org
        "10.22541",  # Authorea
        "10.31219",  # OSF Preprints
        "10.1101",  # bioRxiv, medRxiv
        "10.48550",  # arXiv
    }
)


def _status(message: dict[str, Any]) -> str:
    kind = message.get("type", "")
    if kind not in TYPES:
        return NOT_A_PAPER
    prefix = str(message.get("DOI") or "").split("/", 1)[0]
    if kind == "posted-content" or prefix in PREPRINT_PREFIXES:
        return "preprint-only"
    return "published"


def _found(message: dict[str, Any], what: str) -> Found:
    """A work with its status and the identifiers it names: its own DOI, the versions its
    ``relation`` links (preprint <-> published), arXiv ids among its alternative ids, and
    IEEE arnumbers in its full-text links. Fields of an unexpected shape are ignored."""

    def listed(value: Any) -> list[Any]:
        return value if isinstance(value, list) else []

    relation = message.get("relation")
    relations = relation if isinstance(relation, dict) else {}
    texts = [str(message.get("DOI") or "")]
    for name in LINKING_RELATIONS:
        texts += [
            str(r["id"]) for r in listed(relations.get(name)) if isinstance(r, dict) and r.get("id")
        ]
    for alt in listed(message.get("alternative-id")):
        if arxiv_id := _ARXIV_ALT.fullmatch(str(alt)):
            texts.append(f"arXiv:{arxiv_id.group(1)}")
    texts += [
        str(link.get("URL") or "") for link in listed(message.get("link")) if isinstance(link, dict)
    ]
    return Found(to_csl(message), "crossref", what, status=_status(message), links=links_in(*texts))


def agency(services: Services, doi: str) -> str:
    """Which registration agency holds a DOI ("crossref", "datacite", ...)."""
    what = f"{services.config.crossref_url}/works/{doi}/agency"
    labels = _call(services, "single", what, lambda cr: cr.registration_agency(doi))
    if not isinstance(labels, list) or not labels or not isinstance(labels[0], str):
        raise SourceError(f"{what}: unexpected Crossref response {str(labels)[:80]!r}")
    return labels[0].lower()


def search(services: Services, citation: str, rows: int = 10) -> list[Found]:
    """Crossref's best matches for a citation string (asked once per run), best first.

    Hits include supplementary material, reviews and preprint copies carrying the same
    title: each Found says what it is (``status``), and resolve judges every one.
    """
    what = f"{services.config.crossref_url}/works?query.bibliographic={citation}&rows={rows}"

    def ask() -> list[Found]:
        result = _call(
            services, "query", what, lambda cr: cr.works(query_bibliographic=citation, limit=rows)
        )
        items = _message(result, what).get("items") or []
        return [_found(item, what) for item in items if isinstance(item, dict)]

    return services.cached_search("crossref", citation, ask)
