"""Zotero RDF writer: canonical items -> an ``.rdf`` file Zotero imports with collections.

Zotero's RDF import (zotero/translators ``RDF.js``) is the one import that creates
collections, so this is the format that puts every category into Zotero in one step. The
shape follows what Zotero's own "Zotero RDF" export writes, element by element:

* one node per item, ``rdf:about="#item_<key>"``, with ``z:itemType`` (the type the Web API
  push gives it too: conferencePaper, journalArticle, preprint, bookSection, report, thesis,
  book, manuscript, webpage, document) and, where Zotero writes one, its ``bib:`` class
  (``bib:Article``, ``bib:BookSection``, ``bib:Manuscript``...);
* the container as ``dcterms:isPartOf`` a ``bib:Journal`` (journals and, as in Zotero's
  export, proceedings), ``bib:Book`` or ``z:Website`` (a web page's site) with ``dc:title``,
  ``dcterms:alternative`` (Journal Abbr), ``prism:volume`` and ``prism:number``; a
  conference's event label as
  ``bib:presentedAt`` a ``bib:Conference`` (Conference Name);
* ``bib:authors``/``bib:editors`` as ``rdf:Seq`` of ``foaf:Person`` (surname, givenName);
  ``dc:publisher`` a ``foaf:Organization`` (a preprint's Repository); ``dc:date``;
  ``bib:pages``; ``dc:identifier`` "DOI ..." and a ``dcterms:URI`` for the URL;
* ``dc:subject`` per category (tags); ``z:citationKey`` (Citation Key) and ``z:archiveID``
  (a preprint's Archive ID, ``arXiv:<id>``), which Zotero's import copies onto the item;
  ``dc:description`` the item's note lines (Extra: "arXiv:<id>", "tex.ids: ..."), plus
  "Published: <venue>" for a venue the item type has no field for (a document's);
* one ``z:Collection`` per category with members (``dcterms:hasPart`` its items, in order),
  nested under its parent category when the taxonomy has one; an item in several
  categories is a member of each.

Text is XML-escaped; characters XML 1.0 forbids (controls, U+FFFE/U+FFFF, surrogates) are
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from delbib.catalog.item import arxiv_id, categories, iso_date
from delbib.catalog.model import slugify
from delbib.export.formats import Frame, join
from delbib.export.latex import clean_text
from delbib.zoterotypes import RDF_NAMESPACES, item_type, unplaced_venue

__all__ = ["Collection", "collections", "frame", "renderer", "write"]

# Zotero item type (``zoterotypes.item_type``, the one CSL -> Zotero type table) -> (node
# class, container class), as Zotero's own "Zotero RDF" export writes them.
_CLASSES = {
    "conferencePaper": ("rdf:Description", "bib:Journal"),
    "journalArticle": ("bib:Article", "bib:Journal"),
    "bookSection": ("bib:BookSection", "bib:Book"),
    "report": ("bib:Report", None),
    "thesis": ("bib:Thesis", None),
    "book": ("bib:Book", None),
    "manuscript": ("bib:Manuscript", None),
    "webpage": ("bib:Document", "z:Website"),
}
_PLAIN = ("rdf:Description", None)
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF\n'
    + "\n".join(f" xmlns:{p}={quoteattr(uri)}" for p, uri in RDF_NAMESPACES.items())
    + ">\n"
)
_FOOTER = "</rdf:RDF>\n"


@dataclass
class Collection:
    """One category as a Zotero collection: its items' keys and its child collections."""

    slug: str
    name: str
    parent: str | None = None  # the parent collection's slug
    keys: list[str] = field(default_factory=list)


# Characters XML 1.0 does not allow even as references (controls are gone by clean_text).
_XML_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")


# What ``quoteattr`` leaves as it is, in double quotes (item keys and slugs, as a rule).
_PLAIN_ATTR = re.compile(r'[^&<>"\n\r\t]*')


def _attr(value: str) -> str:
    """``quoteattr(value)``, without its work for a value it would only put in quotes."""
    return f'"{value}"' if _PLAIN_ATTR.fullmatch(value) else quoteattr(value)


def _plain(value: Any) -> str:
    text = clean_text(str(value))
    return text if text.isascii() else _XML_INVALID.sub("", text)


def _own_xml(text: str) -> str:
    """XML character data for ``text``, cleaned."""
    text = _plain(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Names, venues, publishers and categories recur from item to item: their text is cached.
# Titles, pages, links and keys are each item's own and skip the cache (``xml=_own_xml``).
_xml = lru_cache(maxsize=16384)(_own_xml)


def _element(tag: str, value: Any, indent: str = "    ", xml: Callable[[str], str] = _xml) -> str:
    if value is None or value == "":
        return ""
    text = xml(str(value))
    return f"{indent}<{tag}>{text}</{tag}>\n" if text else ""


def _person(family: Any, given: Any) -> str:
    """A ``foaf:Person`` member of a name list, or "" for a name that cleans to nothing."""
    surname = _element("foaf:surname", family, "            ")
    if not surname:
        return ""
    return (
        "        <rdf:li>\n          <foaf:Person>\n"
        + surname
        + _element("foaf:givenName", given, "            ")
        + "          </foaf:Person>\n        </rdf:li>\n"
    )


# People recur from item to item. Only names of strings are cached: 1, 1.0 and True are
# one key to a cache, but three names.
_cached_person = lru_cache(maxsize=16384)(_person)


def _people(tag: str, names: Any) -> str:
    if not isinstance(names, list) or not names:
        return ""
    people = []
    for name in names:
        given = None
        if type(name) is not dict and not isinstance(name, Mapping):
            family = name
        elif name.get("family"):
            particle = name.get("non-dropping-particle")
            family = f"{particle} {name['family']}" if particle else name["family"]
            given = name.get("given")
        else:
            family = name.get("literal") or name.get("given")
        cached = type(family) is str and (given is None or type(given) is str)
        people.append((_cached_person if cached else _person)(family, given))
    if not any(people):
        return ""
    return f"    <{tag}>\n      <rdf:Seq>\n" + "".join(people) + f"      </rdf:Seq>\n    </{tag}>\n"


def _node(item: Mapping[str, Any]) -> str:
    ztype = item_type(item)
    cls, container_cls = _CLASSES.get(ztype, _PLAIN)
    key = str(item.get("citation-key") or item.get("id") or "")
    arxiv = arxiv_id(item)
    out = [f"  <{cls} rdf:about={_attr('#item_' + key)}>\n", _element("z:itemType", ztype)]
    container = item.get("container-title")
    if container_cls and container:
        out.append(
            f"    <dcterms:isPartOf>\n      <{container_cls}>\n"
            + _element("dc:title", container, "        ")
            + _element("dcterms:alternative", item.get("container-title-short"), "        ")
            + _element("prism:volume", item.get("volume"), "        ")
            + _element("prism:number", item.get("issue"), "        ")
            + _element("dc:identifier", item.get("ISSN") and f"ISSN {item['ISSN']}", "        ")
            + f"      </{container_cls}>\n    </dcterms:isPartOf>\n"
        )
    if item.get("publisher"):
        out.append(
            "    <dc:publisher>\n      <foaf:Organization>\n"
            + _element("foaf:name", item["publisher"], "        ")
            + "      </foaf:Organization>\n    </dc:publisher>\n"
        )
    out.append(_people("bib:authors", item.get("author")))
    out.append(_people("bib:editors", item.get("editor")))
    out.extend(_element("dc:subject", word) for word in categories(item))
    out.append(_element("dc:title", item.get("title"), xml=_own_xml))
    out.append(_element("dc:date", iso_date(item)))
    out.append(_element("bib:pages", item.get("page"), xml=_own_xml))
    if item.get("DOI"):
        out.append(_element("dc:identifier", f"DOI {item['DOI']}", xml=_own_xml))
    if item.get("URL"):
        out.append(
            "    <dc:identifier>\n      <dcterms:URI>\n"
            + _element("rdf:value", item["URL"], "        ", _own_xml)
            + "      </dcterms:URI>\n    </dc:identifier>\n"
        )
    if ztype == "conferencePaper" and item.get("event-title"):
        out.append(
            "    <bib:presentedAt>\n      <bib:Conference>\n"
            + _element("dc:title", item["event-title"], "        ")
            + "      </bib:Conference>\n    </bib:presentedAt>\n"
        )
    out.append(_element("z:citationKey", key, xml=_own_xml))
    if ztype == "preprint":
        out.append(_element("z:archiveID", f"arXiv:{arxiv}" if arxiv else item.get("number")))
    extra = [_plain(line) for line in str(item.get("note") or "").splitlines()]
    if venue := unplaced_venue(item, ztype):
        extra.append(f"Published: {_plain(venue)}")
    if arxiv and ztype != "preprint" and f"arXiv:{arxiv}" not in extra:
        extra.append(f"arXiv:{arxiv}")
    description = escape("\n".join(line for line in extra if line))
    if description:
        out.append(f"    <dc:description>{description}</dc:description>\n")
    out.append(f"  </{cls}>\n")
    return "".join(out)


def renderer() -> Callable[[Mapping[str, Any]], str]:
    """The function rendering one item as an RDF/XML item node."""
    return _node


def collections(
    items: Iterable[Mapping[str, Any]],
    taxonomy: Sequence[tuple[str, str, str | None]] | None = None,
) -> list[Collection]:
    """Collections for the categories of ``items``: ``taxonomy`` gives (name, slug, parent)
    in order, the parent named by name or slug (None at the top); without it, categories in
    order of first use, flat. Categories without members are left out unless a member
    category sits below them."""
    items = list(items)
    if taxonomy is None:
        names = list(dict.fromkeys(c for item in items for c in categories(item)))
        taxonomy = [(name, slugify(name), None) for name in names]
    by_name = {name: Collection(slug, name) for name, slug, _parent in taxonomy}
    slugs = {c.slug for c in by_name.values()}
    for name, _, parent in taxonomy:
        if parent in by_name:  # a parent named by its name or by its slug
            by_name[name].parent = by_name[parent].slug
        elif parent in slugs:
            by_name[name].parent = parent
    for item in items:
        key = str(item.get("citation-key") or item.get("id") or "")
        for name in categories(item):
            if name in by_name:
                by_name[name].keys.append(key)
    by_slug = {c.slug: c for c in by_name.values()}
    used: set[str] = set()
    for coll in by_name.values():
        if coll.keys:
            node: Collection | None = coll
            while node is not None and node.slug not in used:
                used.add(node.slug)
                node = by_slug.get(node.parent) if node.parent else None
    return [c for c in by_name.values() if c.slug in used]


def _collection(coll: Collection, children: list[Collection]) -> str:
    parts = [f"  <z:Collection rdf:about={_attr('#collection_' + coll.slug)}>\n"]
    parts.append(_element("dc:title", coll.name))
    parts.extend(
        f"    <dcterms:hasPart rdf:resource={_attr('#collection_' + c.slug)}/>\n" for c in children
    )
    parts.extend(
        f"    <dcterms:hasPart rdf:resource={_attr('#item_' + key)}/>\n" for key in coll.keys
    )
    parts.append("  </z:Collection>\n")
    return "".join(parts)


def frame(*, collections: Sequence[Collection] = ()) -> Frame:
    """An RDF/XML file: the item nodes, then the collections they belong to."""
    nodes = [_collection(c, [d for d in collections if d.parent == c.slug]) for c in collections]
    return Frame(_HEADER, "", "".join(nodes) + _FOOTER)


def write(
    items: Iterable[Mapping[str, Any]],
    *,
    taxonomy: Sequence[tuple[str, str, str | None]] | None = None,
) -> str:
    """Serialise canonical items as Zotero RDF, with one collection per category."""
    items = list(items)
    return join(frame(collections=collections(items, taxonomy)), map(_node, items))
