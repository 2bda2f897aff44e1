"""Zotero RDF writer: read back by rdflib; collections, nesting and memberships."""

from __future__ import annotations

import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from delbib.export.formats import zoterordf
from delbib.export.latex import clean_text
from delbib.zoterotypes import RDF_NAMESPACES

from . import formats_fixtures as fx

Z = rdflib.Namespace(RDF_NAMESPACES["z"])
DC = rdflib.Namespace(RDF_NAMESPACES["dc"])
DCTERMS = rdflib.Namespace(RDF_NAMESPACES["dcterms"])
BIB = rdflib.Namespace(RDF_NAMESPACES["bib"])
BASE = "file:///refs.rdf"


def _graph(text: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=text, format="xml", publicID=BASE)
    return graph


def _item(key: str) -> rdflib.URIRef:
    return rdflib.URIRef(f"{BASE}#item_{key}")


def _collections(graph: rdflib.Graph) -> dict[str, tuple[list[str], list[str]]]:
    """Collection title -> (member item keys, child collection titles), in document order."""
    out = {}
    for node in graph.subjects(rdflib.RDF.type, Z.Collection):
        parts = [str(p) for p in graph.objects(node, DCTERMS.hasPart)]
        keys = [p.split("#item_", 1)[1] for p in parts if "#item_" in p]
        children = [
            str(graph.value(rdflib.URIRef(p), DC.title)) for p in parts if "#collection_" in p
        ]
        out[str(graph.value(node, DC.title))] = (keys, children)
    return out


def _with_categories(*cats: list[str]) -> list[dict]:
    chosen = fx.items()[: len(cats)]
    for item, names in zip(chosen, cats, strict=True):
        item["custom"]["categories"] = names
    return chosen


def test_items_types_keys_tags_and_fields_read_back() -> None:
    graph = _graph(zoterordf.write(fx.items()))
    for item in fx.items():
        node = _item(item["id"])
        assert str(graph.value(node, Z.citationKey)) == item["id"]
        assert str(graph.value(node, DC.title)) == clean_text(item["title"])
        tags = sorted(str(t) for t in graph.objects(node, DC.subject))
        assert tags == sorted(item.get("custom", {}).get("categories", []))
    qlora = _item("qlora2023")
    assert str(graph.value(qlora, Z.itemType)) == "conferencePaper"
    assert "arXiv:2305.14314" in str(graph.value(qlora, DC.description)).split("\n")
    conference = graph.value(qlora, BIB.presentedAt)
    assert conference is None  # the fixture has no event-title: no made-up conference name
    alpagasus = _item("alpagasus2024")
    assert str(graph.value(alpagasus, Z.itemType)) == "preprint"
    assert str(graph.value(alpagasus, Z.archiveID)) == "arXiv:2307.08701"
    journal = graph.value(_item("vanderaalst2016"), DCTERMS.isPartOf)
    assert str(graph.value(journal, DC.title)) == "Communications of the ACM"
    assert str(graph.value(journal, DCTERMS.alternative)) == "Commun. ACM"


def test_one_collection_per_category_items_in_each_of_theirs() -> None:
    items = _with_categories(["A", "B"], ["B"], ["C"])
    got = _collections(_graph(zoterordf.write(items)))
    keys = [i["id"] for i in items]
    assert got == {"A": ([keys[0]], []), "B": ([keys[0], keys[1]], []), "C": ([keys[2]], [])}


def test_collections_nest_like_the_taxonomy() -> None:
    items = _with_categories(["Leaf"], ["Top"], ["Other"])
    taxonomy = [
        ("Top", "top", None),
        ("Middle", "middle", "Top"),  # no items of its own, but a member category below it
        ("Leaf", "leaf", "middle"),  # a parent may be named by its slug
        ("Other", "other", None),
        ("Empty", "empty", None),  # no members anywhere: left out
    ]
    got = _collections(_graph(zoterordf.write(items, taxonomy=taxonomy)))
    keys = [i["id"] for i in items]
    assert got == {
        "Top": ([keys[1]], ["Middle"]),
        "Middle": ([], ["Leaf"]),
        "Leaf": ([keys[0]], []),
        "Other": ([keys[2]], []),
    }


def test_a_flat_taxonomy_without_parents_gives_flat_collections() -> None:
    items = _with_categories(["A"], ["B"])
    flat = [("A", "a", None), ("B", "b", None), ("C", "c", None)]
    got = _collections(_graph(zoterordf.write(items, taxonomy=flat)))
    assert got == {"A": ([items[0]["id"]], []), "B": ([items[1]["id"]], [])}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=40).filter(lambda s: clean_text(s).strip("\ufffe\uffff")),
    category=st.text(min_size=1, max_size=20).filter(lambda s: clean_text(s).strip("\ufffe\uffff")),
)
@example(title="a\uffff & <b>", category="x\ufffe]]>")
def test_any_title_and_category_survive_xml(title: str, category: str) -> None:
    item = {
        "id": "k1",
        "type": "article",
        "title": title,
        "custom": {"categories": [category]},
    }
    graph = _graph(zoterordf.write([item]))
    kept = str.maketrans("", "", "\ufffe\uffff")
    assert str(graph.value(_item("k1"), DC.title)) == clean_text(title).translate(kept)
    tags = [str(t) for t in graph.objects(_item("k1"), DC.subject)]
    assert tags == [clean_text(category).translate(kept)]
    assert list(_collections(graph)) == tags


def test_web_pages_and_manuscripts_get_the_types_and_nodes_zotero_writes() -> None:
    """The RDF gives an item the Zotero type the Web API push gives it, in the node shape of
    Zotero's own RDF export (``Zotero RDF.js``: a web page is a ``bib:Document`` part of a
    ``z:Website``, a manuscript a ``bib:Manuscript``); Zotero's RDF import reads a
    ``z:Website``'s title as the Website Title."""
    bib = rdflib.Namespace("http://purl.org/net/biblio#")
    page = {"id": "w", "type": "webpage", "title": "P", "container-title": "Some Site"}
    draft = {"id": "m", "type": "manuscript", "title": "M", "container-title": "Drafts"}
    graph = _graph(zoterordf.write([page, draft]))
    assert str(graph.value(_item("w"), Z.itemType)) == "webpage"
    assert (_item("w"), rdflib.RDF.type, bib.Document) in graph
    site = graph.value(_item("w"), DCTERMS.isPartOf)
    assert (site, rdflib.RDF.type, Z.Website) in graph and str(graph.value(site, DC.title)) == (
        "Some Site"
    )
    assert str(graph.value(_item("m"), Z.itemType)) == "manuscript"
    assert (_item("m"), rdflib.RDF.type, bib.Manuscript) in graph
    assert "Published: Drafts" in str(graph.value(_item("m"), DC.description))
