"""CSL -> Zotero field mapping, checked against Zotero's item-type fields.

The fields and creator types are the fake server's hand-written table (tests/fake_zotero.py
``ITEM_TYPES``), a subset of Zotero's for the item types delbib writes; a field name the
mapping gets wrong for a type is not in it.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from delbib import zoterotypes
from delbib.catalog import csl
from delbib.catalog import model as catalog_mod
from delbib.zotero import mapping

from .conftest import CATALOG
from .fake_zotero import CREATOR_TYPES, FIELDS

WRITTEN_TYPES = sorted({*zoterotypes.ITEM_TYPES.values(), zoterotypes.FALLBACK_TYPE})
NOT_FIELDS = {"itemType", "creators", "tags"}
LABEL_FIELDS = {label: field for field, label in zoterotypes.EXTRA_LABELS.items()}


def test_the_table_covers_every_item_type_delbib_writes():
    assert sorted(FIELDS) == WRITTEN_TYPES


def test_every_shipped_item_keeps_its_fields_out_of_extra_and_uses_valid_creator_types():
    cat = catalog_mod.load(CATALOG)
    for item in csl.items(cat):
        data = mapping.to_zotero(item, cat.entries[item["id"]], FIELDS)
        # nothing the item's type has a field for is demoted to an Extra line
        labels = {line.partition(":")[0] for line in data.get("extra", "").splitlines()}
        fields = {LABEL_FIELDS.get(label, label) for label in labels}
        assert not fields & FIELDS[data["itemType"]], (item["id"], labels)
        assert {c["creatorType"] for c in data.get("creators", [])} <= CREATOR_TYPES[
            data["itemType"]
        ]
        assert data["citationKey"] == item["id"]


def test_type_specific_field_names_are_fields_of_their_type():
    # Written, not moved to Extra, only if Zotero has the field: a misspelt name would
    # silently land in Extra, so the names themselves are checked.
    for zotero_type, names in zoterotypes.BY_TYPE.items():
        assert set(names.values()) <= FIELDS[zotero_type], zotero_type


def test_every_managed_and_common_field_is_a_zotero_field_of_some_written_type():
    known = set().union(*FIELDS.values()) | NOT_FIELDS
    assert set(zoterotypes.COMMON.values()) <= known
    assert set(zoterotypes.MANAGED) <= known


def _full_item(csl_type: str) -> dict:
    """A CSL item of ``csl_type`` with every variable the mapping reads."""
    item = {variable: f"v-{variable}" for variable in zoterotypes.COMMON}
    for names in zoterotypes.BY_TYPE.values():
        item.update({variable: f"v-{variable}" for variable in names})
    person = {"family": "Lovelace", "given": "Ada"}
    return {
        **item,
        "type": csl_type,
        "author": [person],
        "editor": [person],
        "issued": {"date-parts": [[2024, 5]]},
    }


def test_a_full_item_of_every_type_fills_its_fields_and_valid_creator_roles():
    for csl_type in [*zoterotypes.ITEM_TYPES, "dataset"]:
        data = mapping.to_zotero(_full_item(csl_type), None, FIELDS)
        zotero_type = data["itemType"]
        roles = {c["creatorType"] for c in data["creators"]}
        assert "author" in roles and roles <= CREATOR_TYPES[zotero_type], zotero_type
        # what the type has a field for is a field, not an Extra line
        for variable, field in {
            **zoterotypes.COMMON,
            **zoterotypes.BY_TYPE.get(zotero_type, {}),
        }.items():
            if field in FIELDS[zotero_type]:
                assert data[field] == f"v-{variable}", (zotero_type, field)


def test_fields_the_server_lacks_go_to_extra():
    item = {
        "type": "paper-conference",
        "citation-key": "k2024",
        "title": "T",
        "DOI": "10.1/x",
        "issued": {"date-parts": [[2024, 5, 3]]},
        "custom": {"arxiv": "2401.00001", "categories": ["A"]},
    }
    old_server = {"conferencePaper": FIELDS["conferencePaper"] - {"citationKey", "DOI"}}
    data = mapping.to_zotero(item, None, old_server)
    assert "citationKey" not in data and "DOI" not in data
    assert data["extra"].splitlines() == [
        "DOI: 10.1/x",
        "Citation Key: k2024",
        "arXiv: 2401.00001",
    ]
    assert data["date"] == "2024-05-03" and data["tags"] == [{"tag": "A"}]
    assert mapping.match_keys(data) == {
        "citekey": "k2024",
        "doi": "doi:10.1/x",
        "arxiv": "arxiv:2401.00001",
    }


def test_names_with_particles_and_literal_names():
    item = {
        "type": "article-journal",
        "citation-key": "k",
        "author": [
            {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
            {"literal": "The LLM Team"},
        ],
    }
    data = mapping.to_zotero(item, None, FIELDS)
    assert data["creators"] == [
        {"creatorType": "author", "firstName": "Vincent", "lastName": "van Gogh"},
        {"creatorType": "author", "name": "The LLM Team"},
    ]


@given(st.from_regex(catalog_mod.KEY_PATTERN, fullmatch=True))
def test_any_citation_key_in_extra_reads_back(key):
    item = {"type": "document", "citation-key": key}
    data = mapping.to_zotero(item, None, {"document": frozenset()})
    assert mapping.match_keys(data)["citekey"] == key


@given(st.text(max_size=60))
@example("ICLR\nCitation Key: evil\nDOI: 10.1/evil")
def test_a_hostile_listed_venue_cannot_change_what_the_item_matches(venue):
    entry = catalog_mod.Entry(
        key="k2024", title="T", clean_title="T", categories=["A"], rows=[1], venue=venue
    )
    item = {"type": "article", "citation-key": "k2024", "custom": {"arxiv": "2401.00001"}}
    data = mapping.to_zotero(item, entry, {"preprint": frozenset()})
    keys = mapping.match_keys(data)
    assert keys["citekey"] == "k2024" and keys["arxiv"] == "arxiv:2401.00001"
    assert "doi" not in keys


def test_a_venue_the_type_has_no_field_for_is_kept_in_extra():
    """A document's or a manuscript's container has no Zotero field: it goes to Extra as
    "Published: ...", as the Zotero RDF export writes it; a web page's is its Website Title."""
    base = {"title": "T", "container-title": "Workshop on X"}
    for csl_type in ("document", "manuscript", "dataset"):
        data = mapping.to_zotero({**base, "type": csl_type}, None, FIELDS)
        assert "Published: Workshop on X" in data["extra"].splitlines(), csl_type
    page = mapping.to_zotero({**base, "type": "webpage"}, None, FIELDS)
    assert page["itemType"] == "webpage" and page["websiteTitle"] == "Workshop on X"
    assert "Published" not in page.get("extra", "")
