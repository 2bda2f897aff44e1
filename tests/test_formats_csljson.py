"""CSL-JSON writer: schema-valid, renderable by citeproc-py, stable bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delbib.export.formats import csljson

from . import formats_fixtures as fx

SCHEMA = Path(__file__).parent / "data" / "schemas" / "csl-data.json"


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_output_validates_against_csl_schema(validator) -> None:
    data = json.loads(csljson.write(fx.items()))
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_schema_check_is_not_vacuous(validator) -> None:
    bad = json.loads(csljson.write(fx.items()))
    bad[0]["type"] = "preprint"  # not a CSL 1.0.2 type
    bad[1]["tags"] = ["x"]  # not a CSL variable
    assert len(list(validator.iter_errors(bad))) == 2


def test_citeproc_renders_every_item_with_its_title() -> None:
    data = json.loads(csljson.write(fx.items()))
    rendered = fx.citeproc_render(data)
    assert len(rendered) == len(data)
    text = "\n".join(rendered)
    for item in fx.items():
        assert fx.decode_html(item["title"]) in text, item["id"]


def test_format_is_a_two_space_utf8_array_with_trailing_newline() -> None:
    text = csljson.write(fx.items())
    assert text.startswith('[\n  {\n    "id": "qlora2023",\n    "citation-key": "qlora2023",')
    assert text.endswith("}\n]\n")
    assert "Ludäscher" in text and "\\u00e4" not in text


def test_serialises_items_unchanged_in_input_order() -> None:
    items = list(reversed(fx.items()))
    data = json.loads(csljson.write(items))
    assert [d["id"] for d in data] == [i["id"] for i in items]
    assert data[-1] == items[-1]  # the QLoRA item carries nothing to clean


def test_stable_key_order_regardless_of_input_order() -> None:
    item = fx.by_key()["alpagasus2024"]
    shuffled = dict(reversed(list(item.items())))
    shuffled["custom"] = dict(reversed(list(item["custom"].items())))
    assert csljson.write([shuffled]) == csljson.write([item])
    keys = list(json.loads(csljson.write([item]))[0])
    assert keys[:4] == ["id", "citation-key", "type", "title"]
    assert keys[-1] == "custom"


def test_empty_values_dropped_and_entities_decoded() -> None:
    item = {
        "id": "x",
        "type": "document",
        "title": "Q&amp;A &lt;Data&gt;",
        "author": [{"family": "Smith &amp; Co", "given": ""}, {}],
        "volume": "",
        "issued": {"date-parts": [[]]},
        "custom": {"categories": []},
        "URL": "https://x.org/?a=1&copy=2",
    }
    assert json.loads(csljson.write([item])) == [
        {
            "id": "x",
            "type": "document",
            "title": "Q&A <Data>",
            "author": [{"family": "Smith & Co"}],
            "URL": "https://x.org/?a=1&copy=2",  # identifiers untouched
        }
    ]


def test_deterministic_bytes() -> None:
    assert csljson.write(fx.items()).encode() == csljson.write(fx.items()).encode()
    assert csljson.write([]) == "[]\n"


def test_document_venue_also_kept_as_published_line_of_note() -> None:
    """Zotero's CSL JSON import drops a document's container-title (its Document type has no
    field for one) but keeps ``note`` as Extra: the venue goes there too."""
    items = [
        {
            "id": "doc",
            "type": "document",
            "title": "T",
            "container-title": "DPFM 2024\n(workshop) &amp; more",
            "note": "arXiv:2401.00001",
        },
        {"id": "bare", "type": "document", "title": "U", "container-title": "IEEE"},
        {"id": "conf", "type": "paper-conference", "title": "V", "container-title": "ICML"},
    ]
    doc, bare, conf = json.loads(csljson.write(items))
    assert doc["container-title"] == "DPFM 2024\n(workshop) & more"
    assert doc["note"] == "arXiv:2401.00001\nPublished: DPFM 2024 (workshop) & more"
    assert bare["container-title"] == "IEEE"
    assert bare["note"] == "Published: IEEE"
    assert "note" not in conf  # a proceedings title has its own Zotero field
    rewritten = json.loads(csljson.write([{**items[1], "note": "Published: IEEE"}]))
    assert rewritten[0]["note"] == "Published: IEEE"  # written once
