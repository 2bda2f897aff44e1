"""Zotero RDF -> CSL items and collections (xml.etree: the stdlib reads RDF/XML as written).

Reads the shape Zotero's "Zotero RDF" export and delbib's writer produce: item nodes with
``z:itemType``, containers inline or by ``rdf:resource``, ``bib:authors`` sequences of
``foaf:Person``, ``dc:subject`` tags, ``z:citationKey``, ``z:archiveID``, Extra as
``dc:description``; ``z:Collection`` nodes (nested by ``dcterms:hasPart``) give each item its
collections. Attachments and notes (``z:Attachment``, ``bib:Memo``) are not records.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from delbib.bibliography.readers import Parsed, Problem, Record, arxiv_in, year_parts
from delbib.zoterotypes import RDF_NAMESPACES

NS = {
    **RDF_NAMESPACES,
    "link": "http://purl.org/rss/1.0/modules/link/",
    "vcard": "http://nwalsh.com/rdf/vCard#",
}
ABOUT = f"{{{NS['rdf']}}}about"
RESOURCE = f"{{{NS['rdf']}}}resource"
NOT_ITEMS = frozenset({"attachment", "note"})


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _text(node: ET.Element | None, path: str) -> str:
    found = node.find(path, NS) if node is not None else None
    return " ".join((found.text or "").split()) if found is not None else ""


def _types() -> dict[str, str]:
    from delbib.zoterotypes import ITEM_TYPES

    return {zotero: csl for csl, zotero in ITEM_TYPES.items()}


def _people(node: ET.Element, tag: str) -> list[dict[str, str]]:
    people = []
    for person in node.findall(f"{tag}/rdf:Seq/rdf:li/foaf:Person", NS):
        family, given = _text(person, "foaf:surname"), _text(person, "foaf:givenName")
        if family and given:
            people.append({"family": family, "given": given})
        elif family or given:
            people.append({"literal": family or given})
    return people


def to_record(node: ET.Element, nodes: dict[str, ET.Element]) -> Record:
    """One item node as a record (``nodes``: every node by its rdf:about)."""
    ztype = _text(node, "z:itemType")
    item: dict[str, Any] = {"type": _types().get(ztype, "document")}
    custom: dict[str, Any] = {}
    unplaced: dict[str, str] = {}
    if title := _text(node, "dc:title"):
        item["title"] = title
    for role in ("author", "editor"):
        if people := _people(node, f"bib:{role}s"):
            item[role] = people
    part = node.find("dcterms:isPartOf", NS)
    if part is not None:
        container = part[0] if len(part) else nodes.get(part.get(RESOURCE, ""))
        if container is not None:
            for name, path in (
                ("container-title", "dc:title"),
                ("container-title-short", "dcterms:alternative"),
                ("volume", "prism:volume"),
                ("issue", "prism:number"),
            ):
                if value := _text(container, path):
                    item[name] = value
    if publisher := _text(node, "dc:publisher/foaf:Organization/foaf:name"):
        item["publisher"] = publisher
    if place := _text(node, "dc:publisher/foaf:Organization/vcard:adr"):
        item["publisher-place"] = place
    if issued := year_parts(_text(node, "dc:date")):
        item["issued"] = issued
    if pages := _text(node, "bib:pages"):
        item["page"] = pages
    for ident in node.findall("dc:identifier", NS):
        text = " ".join((ident.text or "").split())
        if text.upper().startswith("DOI "):
            item["DOI"] = text[4:].strip()
        elif text.upper().startswith(("ISBN ", "ISSN ")):
            item[text[:4].upper()] = text[5:].strip()
        elif url := _text(ident, "dcterms:URI/rdf:value"):
            item.setdefault("URL", url)
    if event := _text(node, "bib:presentedAt/bib:Conference/dc:title"):
        item["event-title"] = event
    if abstract := _text(node, "dcterms:abstract"):
        item["abstract"] = abstract
    key = _text(node, "z:citationKey") or None
    if arxiv := arxiv_in(_text(node, "z:archiveID")):
        custom["arxiv"] = arxiv
    notes = []
    for line in "\n".join(d.text or "" for d in node.findall("dc:description", NS)).splitlines():
        label, _, value = line.partition(":")
        label = label.strip().casefold()
        if label == "citation key" and value.strip():
            key = key or value.strip()
        elif label == "arxiv" and (found := arxiv_in(line)):
            custom["arxiv"] = found
        elif label == "published" and value.strip():
            item.setdefault("container-title", value.strip())
        elif line.strip():
            notes.append(line.strip())
    if notes:
        unplaced["extra"] = "\n".join(notes)
    if custom:
        item["custom"] = custom
    keywords = []
    for subject in node.findall("dc:subject", NS):
        word = " ".join((subject.text or "").split()) or _text(subject, "z:AutomaticTag/rdf:value")
        if word:
            keywords.append(word)
    return Record(key, item, keywords=keywords, unplaced=unplaced, entry_type=ztype)


def read(text: str, parsed: Parsed) -> None:
    """Every item of a Zotero RDF text, with its collections, into ``parsed``."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        parsed.problems.append(Problem(parsed.path, line, f"not XML: {exc}"))
        return
    nodes = {n.get(ABOUT, ""): n for n in root if n.get(ABOUT)}
    lines = _about_lines(text)
    members: dict[str, list[str]] = {}
    for coll in root.findall("z:Collection", NS):
        name = _text(coll, "dc:title") or coll.get(ABOUT, "")
        for part in coll.findall("dcterms:hasPart", NS):
            target = part.get(RESOURCE, "")
            child = nodes.get(target)
            if child is not None and child.tag == _q("z:Collection"):
                parsed.parents[_text(child, "dc:title") or target] = name
            else:
                members.setdefault(target, []).append(name)
        parsed.parents.setdefault(name, None)
    for node in root:
        ztype = _text(node, "z:itemType")
        if not ztype or ztype in NOT_ITEMS or node.tag == _q("z:Collection"):
            continue
        about = node.get(ABOUT, "")
        line = lines.get(about)
        try:
            record = to_record(node, nodes)
        except Exception as exc:  # a shape no rule foresaw: report it, read the rest
            parsed.problems.append(Problem(parsed.path, line, f"item not read: {exc}"))
            continue
        if record.key is None and about.startswith("#item_"):
            record.key = about.removeprefix("#item_")
        record.line, record.collections = line, members.get(about, [])
        parsed.records.append(record)


def _about_lines(text: str) -> dict[str, int]:
    """The line of each ``rdf:about`` (ElementTree keeps no line numbers)."""
    return {
        m.group(1): text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r'rdf:about="([^"]*)"', text)
    }
