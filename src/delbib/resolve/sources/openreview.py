"""OpenReview API v2: a submission note by id or a title search, and whether the venue
accepted it.

A rejected or withdrawn submission keeps its venue group in ``venueid``
(".../Rejected_Submission"), so the status comes from there; the CSL item of such a note
claims no venue, only that the paper was posted on OpenReview. Only a ``venueid`` of the
accepted forms (``ACCEPTED``) makes a note published: search hits also hold submissions
under review (ACL Rolling Review) and imports from author profiles and dblp, and the
free-text ``venue`` ("Submitted to ICLR 2025") never decides on its own.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from delbib.errors import SourceError
from delbib.resolve.sources import Found, NotFound, Services, csl_from_bibtex, split_name, year_item

STATUS_BY_SUFFIX = {  # end of ``venueid`` -> status
    "/Rejected_Submission": "rejected",
    "/Desk_Rejected_Submission": "rejected",
    "TMLR/Rejected": "rejected",
    "/Withdrawn_Submission": "withdrawn",
    "/Submission": "unknown",  # still under review, or the decision is not public
}
# Accepted papers keep the venue's own group as ``venueid``: a conference ("ICLR.cc/2025/
# Conference", "colmweb.org/COLM/2024/Conference"), one of its workshops or tracks
# ("NeurIPS.cc/2024/Workshop/MATH-AI", "NeurIPS.cc/2023/Track/Datasets_and_Benchmarks"),
# or the journal TMLR. Anything else (an ARR cycle, "dblp.org/...", "OpenReview.net/
# Public_Article") is not a decision of the venue the note is posted to.
ACCEPTED = re.compile(
    r"TMLR|[^/]+(?:/[^/]+)*/\d{4}/"
    r"(?:Conference|Workshop/[^/]+|Track/[^/]+|Datasets_and_Benchmarks_Track)"
)
_VENUE_DECORATION = re.compile(r"\s+(poster|oral|spotlight|notable.*|top.*)$", re.IGNORECASE)
SEARCH_LIMIT = 10  # hits per title search; the right paper, if there, is among the first
# Characters that the search service's query syntax (Elasticsearch) would read as operators.
_QUERY_SYNTAX = re.compile(r"[^\w\s]+")


def fetch(services: Services, note_id: str) -> Found:
    """The note ``note_id`` (a forum id from a link) as a CSL item with its decision."""
    url = f"{services.config.openreview_url}/notes"
    response = services.http.get(
        "openreview", url, params={"id": note_id}, ok=(404,), expect="json"
    )
    request = f"{url}?id={note_id}"
    body = response.json()
    notes = body.get("notes") if isinstance(body, dict) else None
    if response.status == 404 or notes == []:
        raise NotFound(f"{request}: OpenReview has no note {note_id}")
    if not isinstance(notes, list) or not isinstance(notes[0], dict):
        raise SourceError(f"{request}: unexpected OpenReview response {response.text[:80]!r}")
    item, status = to_csl(notes[0], request)
    venue = str(_value(notes[0].get("content") or {}, "venue") or "")  # "Submitted to ICLR 2024"
    return Found(
        item, "openreview", request, status, links=_links(notes[0], item, status), venue_hint=venue
    )


def _value(content: dict[str, Any], key: str) -> Any:
    """API v2 wraps every content field as {"value": ...}; API v1 did not."""
    field = content.get(key)
    return field.get("value") if isinstance(field, dict) else field


def status_of(venue: str, venueid: str) -> str:
    """published / rejected / withdrawn / unknown, from the note's venue fields."""
    for suffix, status in STATUS_BY_SUFFIX.items():
        if venueid.endswith(suffix):
            return status
    if venue.startswith("Submitted to") or not ACCEPTED.fullmatch(venueid):
        return "unknown"
    return "published"


def search(services: Services, title: str, limit: int = SEARCH_LIMIT) -> list[Found]:
    """Forum notes whose text matches ``title``, best first, each with its decision.

    ``GET /notes/search`` is OpenReview's full-text (Elasticsearch) search; it ranks near
    misses too, so every hit still has to be judged. Punctuation is dropped from the term
    because the service reads some of it as query syntax; notes that cannot be read (no
    title, broken ``_bibtex``) are skipped rather than failing the search.
    """
    url = f"{services.config.openreview_url}/notes/search"
    params = {
        "term": " ".join(_QUERY_SYNTAX.sub(" ", title).split()),
        "type": "terms",
        "content": "all",
        "group": "all",
        "source": "forum",
        "limit": str(limit),
    }
    request = f"{url}?{urllib.parse.urlencode(params)}"

    def ask() -> list[Found]:
        response = services.http.get("openreview", url, params=params, expect="json")
        body = response.json()
        notes = body.get("notes") if isinstance(body, dict) else None
        if not isinstance(notes, list):
            raise SourceError(f"{request}: unexpected OpenReview response {response.text[:80]!r}")
        found = []
        for note in notes:
            if not isinstance(note, dict) or note.get("forum", note.get("id")) != note.get("id"):
                continue  # a reply, not a submission
            try:
                item, status = to_csl(note, request)
            except SourceError:
                continue
            found.append(Found(item, "openreview", request, status, _links(note, item, status)))
        return found

    return services.cached_search("openreview", title, ask)


def _links(note: dict[str, Any], item: dict[str, Any], status: str) -> set[str]:
    """The forum id, and for an accepted paper its venue and year ("venue:neurips:2023"), which
    a NeurIPS proceedings link names too."""
    links = {f"openreview:{item['custom']['openreview']}"}
    venueid = str(_value(note.get("content") or {}, "venueid") or "")
    if status == "published" and (group := re.match(r"([A-Za-z]+)[^/]*/(\d{4})/", venueid)):
        links.add(f"venue:{group.group(1).lower()}:{group.group(2)}")
    return links


def to_csl(note: dict[str, Any], request: str) -> tuple[dict[str, Any], str]:
    """CSL item and status of a note; only an accepted paper gets a container title."""
    content = note.get("content") or {}
    forum = note.get("forum") or note.get("id")
    venue = str(_value(content, "venue") or "").strip()
    status = status_of(venue, str(_value(content, "venueid") or ""))
    bibtex = _value(content, "_bibtex")
    item: dict[str, Any] = csl_from_bibtex(bibtex, request) if bibtex else {}
    item["title"] = re.sub(r"\s+", " ", str(_value(content, "title") or "")).strip()
    if not item["title"]:
        raise SourceError(f"{request}: note {forum} has no title")
    authors = _value(content, "authors") or []
    item["author"] = [split_name(a) for a in authors if isinstance(a, str) and a.strip()]
    item["URL"] = f"https://openreview.net/forum?id={forum}"
    item["custom"] = {"openreview": forum}
    if "issued" not in item and (year := re.search(r"/(\d{4})/", _value(content, "venueid") or "")):
        item["issued"] = year_item(year.group(1))
    if status == "published":
        if item.get("type") != "article-journal":  # TMLR's _bibtex is an @article
            item["type"] = "paper-conference"
        item.setdefault("container-title", _VENUE_DECORATION.sub("", venue))
        item["container-title-short"] = _VENUE_DECORATION.sub("", venue)
    else:
        item["type"] = "article"
        for claim in ("container-title", "container-title-short", "publisher", "page"):
            item.pop(claim, None)
    return item, status
