"""`delbib zotero push|pull` from the command line, against the local fake Zotero API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from delbib import http
from delbib.cli import main

from .fake_zotero import API_KEY, USER, serve


@pytest.fixture
def fake(monkeypatch):
    # the real client and limits, but no waiting between the fake's answers
    monkeypatch.setitem(http.LIMITS, "zotero", http.Limit(1000, 1))
    with serve() as server:
        yield server


def invoke(fake, catalog, *args, key: str | None = API_KEY):
    env = {"DELBIB_ZOTERO_URL": fake.base, "ZOTERO_API_KEY": key or ""}
    runner = CliRunner()
    return runner.invoke(main, ["--catalog", str(catalog), "zotero", *args], env=env)


def test_push_json_then_dry_run_shows_nothing_left_to_do(fake, catalog_copy):
    first = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["counts"]["created"] == 208 and data["counts"]["collections_created"] == 14
    assert API_KEY not in first.output

    dry = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "would create:" not in dry.output
    assert "0 would be created, 0 would be updated, 0 would be moved, 208 left alone" in dry.output


def test_dry_run_lists_what_would_be_created(fake, catalog_copy):
    result = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would create: alpagasus2024" in result.output
    assert "would create collection: Data Synthesis" in result.output
    assert fake.writes() == []


def test_missing_key_is_a_one_line_error(fake, catalog_copy):
    result = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", key=None)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "ZOTERO_API_KEY" in result.output
    assert fake.requests == []


def test_bad_library_and_wrong_key_are_one_line_errors_without_the_key(fake, catalog_copy):
    bad = invoke(fake, catalog_copy, "push", "--library", "me")
    assert bad.exit_code == 2 and "user:ID or group:ID" in bad.output
    wrong = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", key="wrong-key-xyz")
    assert wrong.exit_code == 1 and "HTTP 403" in wrong.output
    assert "wrong-key-xyz" not in wrong.output and "Traceback" not in wrong.output


def test_pull_reports_zotero_edits_and_items_the_catalog_lacks(fake, catalog_copy):
    assert invoke(fake, catalog_copy, "push", "--library", f"user:{USER}", "-q").exit_code == 0
    items = fake.by_citation_key()
    edited = items["alpagasus2024"]["key"]
    fake.edit(edited, title="Alpagasus (edited in Zotero)")
    survey = next(k for k, c in fake.collections.items() if c["data"]["name"] == "Survey")
    added = fake.add_item(
        {
            "itemType": "journalArticle",
            "title": "A paper added in Zotero",
            "DOI": "10.1000/xyz123",
            "date": "2025",
            "collections": [survey],
        }
    )
    fake.add_item({"itemType": "book", "title": "Not in a pushed collection"})
    before = len(fake.writes())

    result = invoke(fake, catalog_copy, "pull", "--library", f"user:{USER}", "--json")

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [i["zotero_key"] for i in report["not_in_catalog"]] == [added]
    assert report["not_in_catalog"][0]["doi"] == "10.1000/xyz123"
    assert report["not_in_catalog"][0]["categories"] == ["Survey"]
    assert report["edited"] == {
        "alpagasus2024": {
            "title": {
                "pushed": "AlpaGasus: Training a Better Alpaca with Fewer Data",  # resolved record
                "zotero": "Alpagasus (edited in Zotero)",
            }
        }
    }
    assert len(fake.writes()) == before  # read only
    text = invoke(fake, catalog_copy, "pull", "--library", f"user:{USER}")
    assert "~ alpagasus2024.title: " in text.output and f"+ {added} 2025 " in text.output


def test_a_failed_item_is_named_and_exits_1(fake, catalog_copy):
    fake.fail_item("alpagasus2024", 400, "Invalid value")
    result = invoke(fake, catalog_copy, "push", "--library", f"user:{USER}")
    assert result.exit_code == 1
    assert "failed (retried next push): alpagasus2024: HTTP 400: Invalid value" in result.output
    assert "207 created" in result.output


def test_collection_names_the_parent_and_pull_needs_a_push_first(fake, catalog_copy):
    lib = f"user:{USER}"
    early = invoke(fake, catalog_copy, "pull", "--library", lib)
    assert early.exit_code == 2 and "push first" in early.output
    result = invoke(fake, catalog_copy, "push", "--library", lib, "--collection", "My list", "-q")
    assert result.exit_code == 0 and result.output == ""
    parents = [
        c["data"]["name"] for c in fake.collections.values() if not c["data"]["parentCollection"]
    ]
    assert parents == ["My list"]
    pulled = invoke(fake, catalog_copy, "pull", "--library", lib, "--collection", "My list")
    assert pulled.exit_code == 0 and "0 items not in the catalog, 0 edited" in pulled.output


def test_a_re_push_names_the_updated_item_and_its_fields(fake, catalog_copy):
    lib = f"user:{USER}"
    assert invoke(fake, catalog_copy, "push", "--library", lib, "-q").exit_code == 0
    path = catalog_copy / "resolved" / "alpagasus2024.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["csl"]["page"] = "1-9"
    path.write_text(json.dumps(record), encoding="utf-8")
    dry = invoke(fake, catalog_copy, "push", "--library", lib, "--dry-run")
    assert "would update: alpagasus2024 (pages)" in dry.output
    done = invoke(fake, catalog_copy, "push", "--library", lib)
    assert "updated: alpagasus2024 (pages)" in done.output
    assert "0 created, 1 updated, 0 moved, 207 left alone" in done.output
