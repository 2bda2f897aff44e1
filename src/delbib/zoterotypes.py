"""Zotero's vocabulary: item types and fields of its schema, and the XML namespaces of its RDF.

Shared by the writers (CSL-JSON notes, Zotero RDF), the Zotero RDF reader of ``import-bib`` and
the Zotero sync, so it sits on the ground: it depends on nothing in delbib. Field names follow
Zotero's schema (zotero/zotero-schema ``schema.json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The XML namespaces of Zotero's RDF: written by the Zotero RDF export, read by import-bib.
RDF_NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "z": "http://www.zotero.org/namespaces/export#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "bib": "http://purl.org/net/biblio#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prism": "http://prismstandard.org/namespaces/1.2/basic/",
}

# CSL type -> Zotero item type; anything else is a "document".
ITEM_TYPES = {
    "paper-conference": "conferencePaper",
    "article-journal": "journalArticle",
    "article": "preprint",
    "chapter": "bookSection",
    "book": "book",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
    "manuscript": "manuscript",
}
FALLBACK_TYPE = "document"

# CSL variable -> Zotero field, for every type (where the type has the field).
COMMON = {
    "title": "title",
    "abstract": "abstractNote",
    "DOI": "DOI",
    "URL": "url",
    "language": "language",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "publisher": "publisher",
    "publisher-place": "place",
    "ISBN": "ISBN",
    "ISSN": "ISSN",
    "citation-key": "citationKey",
}
# Type-specific names (Zotero's base-field mappings in schema.json).
BY_TYPE: dict[str, dict[str, str]] = {
    "conferencePaper": {"container-title": "proceedingsTitle", "event-title": "conferenceName"},
    "journalArticle": {
        "container-title": "publicationTitle",
        "container-title-short": "journalAbbreviation",
    },
    "preprint": {"publisher": "repository", "number": "archiveID"},
    "bookSection": {"container-title": "bookTitle"},
    "report": {"publisher": "institution", "number": "reportNumber"},
    "thesis": {"publisher": "university"},
    "webpage": {"container-title": "websiteTitle"},
    "manuscript": {"publisher": "institution", "number": "number"},
}
# Creator roles each type accepts (schema.json creatorTypes); authors are accepted everywhere.
EDITOR_TYPES = frozenset(
    {"book", "bookSection", "conferencePaper", "document", "journalArticle", "preprint", "report"}
)
# Extra labels of fields Zotero reads back from Extra (the rest use the field's name).
EXTRA_LABELS = {"citationKey": "Citation Key", "DOI": "DOI", "archiveID": "Archive ID"}
# The fields delbib writes and owns; anything else in a Zotero item is the user's.
MANAGED = (
    "itemType",
    "title",
    "creators",
    "date",
    "abstractNote",
    "url",
    "DOI",
    "language",
    "volume",
    "issue",
    "pages",
    "publisher",
    "place",
    "ISBN",
    "ISSN",
    "citationKey",
    "proceedingsTitle",
    "conferenceName",
    "publicationTitle",
    "journalAbbreviation",
    "repository",
    "archiveID",
    "bookTitle",
    "institution",
    "reportNumber",
    "university",
    "websiteTitle",
    "number",
    "extra",
)


def item_type(item: Mapping[str, Any]) -> str:
    """The Zotero item type of a CSL item (for the Web API and the Zotero RDF export)."""
    return ITEM_TYPES.get(item.get("type", ""), FALLBACK_TYPE)


def unplaced_venue(item: Mapping[str, Any], zotero_type: str) -> str:
    """The item's container title when its Zotero type has no field for one (a document's
    or a manuscript's venue): written to Extra as "Published: ..." so it is not lost."""
    if "container-title" in BY_TYPE.get(zotero_type, {}):
        return ""
    return str(item.get("container-title") or "")


def extra_line(label: str, value: Any) -> str:
    """One ``Label: value`` line; line breaks in the value are folded so that a value can
    never add a line of its own (a stray "Citation Key:" would change what an item matches)."""
    return f"{label}: {' '.join(str(value).split())}"
