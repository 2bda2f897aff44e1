"""ACL Anthology: the Crossref record of the paper's DOI when one is registered, else the
Anthology's own BibTeX (``{acl_url}/{id}.bib``).

Anthology DOIs are ``10.18653/v1/{id}``, but not every paper (workshops, recent volumes) has
one, so a Crossref 404 falls back to the Anthology record.
"""

from __future__ import annotations

from delbib.http import HostDown
from delbib.resolve.sources import Found, NotFound, Services, crossref, csl_from_bibtex, links_in

ACL_DOI_PREFIX = "10.18653/v1/"


def fetch(services: Services, anthology_id: str) -> Found:
    """CSL for an Anthology id, tagged with the id (``custom.acl``)."""
    try:
        found = crossref.fetch(services, f"{ACL_DOI_PREFIX}{anthology_id}".lower())
    except (NotFound, HostDown):
        found = anthology(services, anthology_id)
    found.csl.setdefault("custom", {})["acl"] = anthology_id
    found.links.add(f"acl:{anthology_id}")
    return found


def anthology(services: Services, anthology_id: str) -> Found:
    """The Anthology's per-paper BibTeX record."""
    url = f"{services.config.acl_url}/{anthology_id}.bib"
    response = services.http.get("acl", url, ok=(404,))
    if response.status == 404:
        raise NotFound(f"{url}: the ACL Anthology has no paper {anthology_id}")
    item = csl_from_bibtex(response.text, url)
    item.setdefault("URL", f"https://aclanthology.org/{anthology_id}/")
    return Found(item, "acl", url, links=links_in(item.get("DOI", "")))
