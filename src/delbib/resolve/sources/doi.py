"""DOIs: Crossref's REST record when Crossref holds the DOI, else doi.org content negotiation.

doi.org answers ``Accept: application/vnd.citationstyles.csl+json`` for every agency, but
Crossref's own record is richer, so it is asked first; a Crossref 404 is followed by an agency
lookup (skipped for prefixes whose agency is known, like arXiv's DataCite 10.48550).
"""

from __future__ import annotations

import re
from typing import Any

from delbib.errors import SourceError
from delbib.http import HostDown
from delbib.resolve.sources import (
    NOT_A_PAPER,
    Found,
    NotFound,
    Services,
    crossref,
    links_in,
    year_item,
)

CSL_JSON = "application/vnd.citationstyles.csl+json"
KNOWN_AGENCIES = {"10.48550": "datacite"}  # prefix -> agency, saves the agency request
CSL_KEYS = (
    "title",
    "container-title",
    "container-title-short",
    "publisher",
    "page",
    "volume",
    "issue",
    "DOI",
    "URL",
    "number",
)
# CSL types doi.org gives records that are not a paper (DataCite's datasets, software...).
NOT_PAPER_TYPES = frozenset(
    {"dataset", "software", "review", "review-book", "figure", "graphic", "motion_picture"}
)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)


def fetch(services: Services, doi: str) -> Found:
    """CSL for a DOI from whichever agency registered it; doi.org when Crossref is down."""
    agency = KNOWN_AGENCIES.get(doi.split("/", 1)[0])
    if agency is None:
        try:
            return crossref.fetch(services, doi)
        except NotFound:
            agency = crossref.agency(services, doi)
            if agency == "crossref":
                raise
        except HostDown:
            pass  # doi.org serves every agency's records, Crossref's too
    return negotiate(services, doi)


def negotiate(services: Services, doi: str) -> Found:
    """doi.org content negotiation for CSL-JSON (DataCite, mEDRA, ...)."""
    url = f"{services.config.doi_url}/{doi}"
    response = services.http.get("doi", url, headers={"Accept": CSL_JSON}, ok=(404,), expect="json")
    if response.status == 404:
        raise NotFound(f"{url}: doi.org does not know this DOI")
    data = response.json()
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not data.get("title"):
        raise SourceError(f"{url}: not a CSL item: {response.text[:80]!r}")
    item = to_csl(data)
    status = "preprint-only" if "arxiv" in item.get("custom", {}) else "published"
    if item["type"] in NOT_PAPER_TYPES or data.get("type") == "posted-content":
        status = NOT_A_PAPER if item["type"] in NOT_PAPER_TYPES else "preprint-only"
    return Found(item, "doi.org", url, status=status, links=links_in(item.get("DOI", doi)))


def to_csl(data: dict[str, Any]) -> dict[str, Any]:
    """Keep the CSL fields delbib exports; arXiv's DataCite records become preprint items."""
    item: dict[str, Any] = {"type": data.get("type") or "article"}
    for key in CSL_KEYS:
        if isinstance(data.get(key), str) and data[key].strip():
            item[key] = data[key].strip()
    authors = [
        {k: a[k] for k in ("given", "family", "literal") if a.get(k)}
        for a in data.get("author") or []
        if isinstance(a, dict)
    ]
    if authors := [a for a in authors if a]:
        item["author"] = authors
    parts = ((data.get("issued") or {}).get("date-parts") or [[None]])[0]
    if parts and parts[0] is not None:
        item["issued"] = {"date-parts": [[int(p) for p in parts if p is not None]]}
    elif issued := year_item(data.get("year")):
        item["issued"] = issued
    if "DOI" in item:
        item["DOI"] = item["DOI"].lower()
    if match := _ARXIV_DOI.fullmatch(item.get("DOI", "")):
        arxiv_id = match.group(1)
        item.update(publisher="arXiv", number=f"arXiv:{arxiv_id}", type="article")
        item.setdefault("URL", f"https://arxiv.org/abs/{arxiv_id}")
        item["custom"] = {"arxiv": arxiv_id}
    return item
