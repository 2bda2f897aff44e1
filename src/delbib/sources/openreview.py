"""OpenReview API v2: a submission note by id, and whether the venue accepted it.

A rejected or withdrawn submission keeps its venue group in ``venueid``
(".../Rejected_Submission"), so the status comes from there; the CSL item of such a note
claims no venue, only that the paper was posted on OpenReview.
"""

from __future__ import annotations

import re
from typing import Any

from delbib.errors import SourceError
from delbib.sources import Found, NotFound, Services, csl_from_bibtex, split_name, year_item

STATUS_BY_SUFFIX = {  # end of ``venueid`` -> status
    "/Rejected_Submission": "rejected",
    "/Desk_Rejected_Submission": "rejected",
    "/Withdrawn_Submission": "withdrawn",
    "/Submission": "unknown",  # still under review, or the decision is not public
}
_VENUE_DECORATION = re.compile(r"\s+(poster|oral|spotlight|notable.*|top.*)$", re.IGNORECASE)


def fetch(services: Services, note_id: str) -> Found:
    """The note ``note_id`` (a forum id from a link) as a CSL item with its decision."""
    url = f"{services.config.openreview_url}/notes"
    response = services.http.get("openreview", url, params={"id": note_id}, ok=(404,))
    request = f"{url}?id={note_id}"
    body = response.json()
    notes = body.get("notes") if isinstance(body, dict) else None
    if response.status == 404 or notes == []:
        raise NotFound(f"{request}: OpenReview has no note {note_id}")
    if not isinstance(notes, list) or not isinstance(notes[0], dict):
        raise SourceError(f"{request}: unexpected OpenReview response {response.text[:80]!r}")
    item, status = to_csl(notes[0], request)
    return Found(item, "openreview", request, status)


def _value(content: dict[str, Any], key: str) -> Any:
    """API v2 wraps every content field as {"value": ...}; API v1 did not."""
    field = content.get(key)
    return field.get("value") if isinstance(field, dict) else field


def status_of(venue: str, venueid: str) -> str:
    """published / rejected / withdrawn / unknown, from the note's venue fields."""
    for suffix, status in STATUS_BY_SUFFIX.items():
        if venueid.endswith(suffix):
            return status
    if not venueid or venue.startswith("Submitted to"):
        return "unknown"
    return "published"


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
