"""Canonical CSL-JSON item -> the editable JSON of a Zotero item (Web API v3 field names).

Field names follow Zotero's schema (zotero/zotero-schema ``schema.json``): a CSL variable maps
to the Zotero field of the item type that holds it (``container-title`` is ``proceedingsTitle``
of a conferencePaper, ``publicationTitle`` of a journalArticle, ...). A field the server's
schema lacks for that type (``citationKey`` on an older server) goes into Extra as a
``Label: value`` line, which is where Zotero itself keeps fields it has no column for. The
arXiv id and the venue as the list gives it are kept in Extra too, so nothing the catalog knows
is lost in Zotero.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from delbib.catalog.item import iso_date
from delbib.catalog.model import Entry

from .. import identifiers
from ..errors import IdentifierError
from ..zoterotypes import (
    BY_TYPE,
    COMMON,
    EDITOR_TYPES,
    EXTRA_LABELS,
    extra_line,
    item_type,
    unplaced_venue,
)

MARKER_TAG = "delbib"  # on the items delbib created: the only ones --prune may delete


def _date(issued: Any) -> str:
    """CSL date-parts as an ISO date (Zotero parses "YYYY", "YYYY-MM", "YYYY-MM-DD"); a date
    given only as text is passed on as written."""
    issued = issued or {}
    if (issued.get("date-parts") or [[]])[0]:
        return iso_date({"issued": issued})
    return str(issued.get("literal") or issued.get("raw") or "")


def _creator(name: Mapping[str, Any], role: str) -> dict[str, str]:
    if name.get("literal") or not name.get("family"):
        return {"creatorType": role, "name": str(name.get("literal") or name.get("given") or "")}
    family = " ".join(
        p for p in (name.get("non-dropping-particle"), name.get("family")) if p
    ).strip()
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p).strip()
    return {"creatorType": role, "firstName": given, "lastName": family}


def _creators(item: Mapping[str, Any], zotero_type: str) -> list[dict[str, str]]:
    roles = [("author", "author")]
    if zotero_type in EDITOR_TYPES:
        roles.append(("editor", "editor"))
    return [_creator(n, role) for csl, role in roles for n in item.get(csl) or []]


def to_zotero(
    item: Mapping[str, Any],
    entry: Entry | None,
    valid_fields: Mapping[str, frozenset[str]],
) -> dict[str, Any]:
    """Zotero editable JSON of one canonical item (without key, version and collections).

    ``valid_fields[type]`` is the set of fields the server accepts for that item type; other
    fields are moved into Extra. Tags are the item's categories; the caller adds the marker.
    """
    zotero_type = item_type(item)
    names = {**COMMON, **BY_TYPE.get(zotero_type, {})}
    valid = valid_fields.get(zotero_type, frozenset())
    data: dict[str, Any] = {"itemType": zotero_type}
    extra: list[str] = []
    for csl_name, field in names.items():
        value = item.get(csl_name)
        if value in (None, "", []):
            continue
        value = str(value)
        if field in valid:
            data[field] = value
        else:
            extra.append(extra_line(EXTRA_LABELS.get(field, field), value))
    creators = _creators(item, zotero_type)
    if creators:
        data["creators"] = creators
    if date := _date(item.get("issued")):
        data["date"] = date
    custom = item.get("custom") or {}
    arxiv = custom.get("arxiv")
    if arxiv and f"arXiv:{arxiv}" != data.get("archiveID"):
        extra.append(extra_line("arXiv", arxiv))
    if custom.get("openreview"):
        extra.append(extra_line("OpenReview", custom["openreview"]))
    if venue := unplaced_venue(item, zotero_type):
        extra.append(extra_line("Published", venue))
    if entry is not None and entry.venue:
        extra.append(extra_line("Listed venue", entry.venue))
    if aliases := custom.get("aliases"):  # keys rekey replaced, for Better BibTeX's exports
        extra.append(extra_line("tex.ids", ", ".join(aliases)))
    if extra:
        data["extra"] = "\n".join(extra)
    data["tags"] = [{"tag": name} for name in custom.get("categories") or []]
    return data


# ------------------------------------------------------------------ reading Zotero items

_EXTRA_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.+?)\s*$", re.MULTILINE)


def _extra(data: Mapping[str, Any]) -> dict[str, str]:
    """Label (casefolded) -> value of the ``Label: value`` lines of Extra."""
    return {m[1].casefold(): m[2] for m in _EXTRA_LINE.finditer(str(data.get("extra") or ""))}


def _normal(identifier: str) -> str | None:
    try:
        return identifiers.normalize(identifier)
    except IdentifierError:  # a user's malformed DOI simply matches nothing
        return None


def match_keys(data: Mapping[str, Any]) -> dict[str, str]:
    """What a Zotero item can be matched on: citation key, DOI and arXiv id (normalised)."""
    extra = _extra(data)
    found: dict[str, str] = {}
    citekey = data.get("citationKey") or extra.get("citation key")
    if citekey:
        found["citekey"] = str(citekey).strip()
    doi = data.get("DOI") or extra.get("doi")
    if doi and (doi := _normal(f"doi:{doi}")):
        found["doi"] = doi
    arxiv = extra.get("arxiv")
    archive = str(data.get("archiveID") or "")
    if not arxiv and archive.lower().startswith("arxiv:"):
        arxiv = archive[len("arxiv:") :]
    if arxiv:
        arxiv = _normal(f"arxiv:{arxiv}")
    if not arxiv and data.get("url"):
        arxiv = next(
            (i for i in identifiers.extract(str(data["url"])) if i.startswith("arxiv:")), None
        )
    if arxiv:
        found["arxiv"] = arxiv
    return found


def item_keys(item: Mapping[str, Any]) -> dict[str, str]:
    """The same keys for a canonical CSL item, to look it up among Zotero items."""
    found = {"citekey": str(item["citation-key"])}
    if item.get("DOI") and (doi := _normal(f"doi:{item['DOI']}")):
        found["doi"] = doi
    arxiv = (item.get("custom") or {}).get("arxiv")
    if arxiv and (arxiv := _normal(f"arxiv:{arxiv}")):
        found["arxiv"] = arxiv
    return found


def tag_names(data: Mapping[str, Any]) -> set[str]:
    return {t["tag"] for t in data.get("tags") or [] if isinstance(t, dict) and t.get("tag")}


def same(a: Any, b: Any) -> bool:
    """Equal as Zotero stores them: a missing field is an empty string."""
    return (a if a not in (None, []) else "") == (b if b not in (None, []) else "")
