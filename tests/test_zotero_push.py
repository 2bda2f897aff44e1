"""`zotero push` against the local fake of the Zotero Web API v3 (tests/fake_zotero.py).

Expected collections and memberships come from the catalog's YAML files read here with
PyYAML, not from delbib's mapping; expected field values are written out by hand from the
paper files and resolved records named in each test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from delbib.catalog import model as catalog_mod
from delbib.config import Config
from delbib.http import Http, Limit
from delbib.zotero.client import Library
from delbib.zotero.sync import make_client, push

from .fake_zotero import API_KEY, USER, FakeZotero, Fault, serve

LIBRARY = Library.parse(f"user:{USER}")
PARENT = "Awesome-Data-Efficient-LLM"


@pytest.fixture
def fake():
    with serve() as server:
        yield server


def run(fake: FakeZotero, root: Path, sleeps: list[float] | None = None, **options):
    """One push with a client that does not really sleep (waits are recorded instead)."""
    http = Http(
        limits={"zotero": Limit(1000, 1)},
        max_retries=3,
        sleep=(sleeps.append if sleeps is not None else lambda _s: None),
    )
    return push(catalog_mod.load(root), client(fake, http), **options)


def client(fake: FakeZotero, http: Http):
    config = Config(zotero_url=fake.base, zotero_api_key=API_KEY)
    return make_client(config, LIBRARY, http)


def yaml_categories(root: Path) -> dict[str, set[str]]:
    """Citation key -> categories, straight from the paper files."""
    found = {}
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["key"]] = set(data["categories"])
    return found


def memberships(fake: FakeZotero) -> dict[str, set[str]]:
    names = {k: c["data"]["name"] for k, c in fake.collections.items()}
    return {
        citekey: {names[k] for k in data["collections"]}
        for citekey, data in fake.by_citation_key().items()
    }


def test_first_push_creates_parent_categories_and_items(fake, catalog_copy):
    summary = run(fake, catalog_copy)

    taxonomy = yaml.safe_load((catalog_copy / "catalog.yaml").read_text())["taxonomy"]
    expected = yaml_categories(catalog_copy)
    assert len(expected) == 208 and len(taxonomy) == 13
    # one parent, 13 category collections under it
    parents = [c for c in fake.collections.values() if not c["data"]["parentCollection"]]
    assert [p["data"]["name"] for p in parents] == [PARENT]
    children = {
        c["data"]["name"]
        for c in fake.collections.values()
        if c["data"]["parentCollection"] == parents[0]["key"]
    }
    assert children == {t["name"] for t in taxonomy}
    assert len(fake.collections) == 14
    # 208 items, each in exactly the collections of its categories, tagged likewise
    assert len(fake.items) == 208
    assert memberships(fake) == expected
    for citekey, data in fake.by_citation_key().items():
        tags = {t["tag"] for t in data["tags"]}
        assert tags == expected[citekey] | {"delbib"}
    assert sum(len(c) > 1 for c in expected.values()) == 28  # items in several collections
    assert sorted(summary.created) == sorted(expected)
    assert not summary.failed
    # writes: at most 50 objects each; creations carry distinct 32-character write tokens
    posts = [r for r in fake.writes() if r.method == "POST"]
    assert all(len(r.body) <= 50 for r in posts)
    assert [len(r.body) for r in posts if r.path.endswith("/items")] == [50, 50, 50, 50, 8]
    tokens = [r.headers.get("zotero-write-token") for r in posts]
    assert all(t and len(t) == 32 for t in tokens) and len(set(tokens)) == len(tokens)
    assert all(r.headers["zotero-api-version"] == "3" for r in fake.requests)


def test_items_carry_zotero_fields_citation_key_arxiv_and_listed_venue(fake, catalog_copy):
    run(fake, catalog_copy)
    items = fake.by_citation_key()
    # catalog/resolved/dataefficientfinetuning2024.json: a SIGIR paper with an arXiv id
    paper = items["dataefficientfinetuning2024"]
    assert paper["itemType"] == "conferencePaper"
    assert paper["citationKey"] == "dataefficientfinetuning2024"
    assert paper["proceedingsTitle"].startswith("Proceedings of the 47th International ACM SIGIR")
    assert paper["DOI"] == "10.1145/3626772.3657807"
    assert paper["pages"] == "365-374"
    assert paper["date"] == "2024"
    assert paper["creators"][0] == {
        "creatorType": "author",
        "firstName": "Xinyu",
        "lastName": "Lin",
    }
    assert "arXiv: 2401.17197" in paper["extra"].splitlines()
    assert "Listed venue: ACM" in paper["extra"].splitlines()
    # catalog/resolved/rethinkinginstruction2023.json: an arXiv preprint
    preprint = items["rethinkinginstruction2023"]
    assert preprint["itemType"] == "preprint"
    assert preprint["repository"] == "arXiv"
    assert preprint["archiveID"] == "arXiv:2312.11508"
    assert preprint["url"] == "https://arxiv.org/abs/2312.11508"
    assert "Listed venue: arxiv" in preprint["extra"].splitlines()
    # the Citation Key field holds the key: no item repeats it in Extra
    assert not any("Citation Key" in data.get("extra", "") for data in items.values())


def test_second_push_makes_no_write(fake, catalog_copy):
    run(fake, catalog_copy)
    before = len(fake.writes())
    summary = run(fake, catalog_copy)
    assert len(fake.writes()) == before
    assert len(summary.unchanged) == 208 and summary.writes == 0
    assert not (summary.created or summary.updated or summary.moved or summary.edited)


def _resolved(root: Path, key: str) -> tuple[Path, dict]:
    path = root / "resolved" / f"{key}.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_changed_entry_updates_exactly_that_item(fake, catalog_copy):
    run(fake, catalog_copy)
    key = fake.by_citation_key()["dataefficientfinetuning2024"]["key"]
    versions = {k: o["version"] for k, o in fake.items.items()}
    path, record = _resolved(catalog_copy, "dataefficientfinetuning2024")
    record["csl"]["page"] = "365-375"
    path.write_text(json.dumps(record), encoding="utf-8")
    before = len(fake.writes())

    summary = run(fake, catalog_copy)

    writes = fake.writes()[before:]
    assert len(writes) == 1 and len(writes[0].body) == 1
    assert writes[0].body[0]["key"] == key and writes[0].body[0]["pages"] == "365-375"
    assert "if-unmodified-since-version" in writes[0].headers
    assert summary.updated == {"dataefficientfinetuning2024": ["pages"]}
    assert fake.items[key]["data"]["pages"] == "365-375"
    changed = [k for k, o in fake.items.items() if o["version"] != versions[k]]
    assert changed == [key]
    assert len(run(fake, catalog_copy).unchanged) == 208  # and then it is settled


def test_upgraded_preprint_updates_the_same_item(fake, catalog_copy):
    run(fake, catalog_copy)
    key = fake.by_citation_key()["rethinkinginstruction2023"]["key"]
    path, record = _resolved(catalog_copy, "rethinkinginstruction2023")
    csl = record["csl"]
    for name in ("number", "publisher"):
        del csl[name]
    csl.update(
        type="paper-conference",
        DOI="10.18653/v1/2024.example.1",
        **{"container-title": "Proceedings of an Example Conference"},
    )
    path.write_text(json.dumps(record), encoding="utf-8")

    summary = run(fake, catalog_copy)

    assert len(fake.items) == 208 and summary.created == []
    data = fake.items[key]["data"]
    assert data["itemType"] == "conferencePaper"
    assert data["proceedingsTitle"] == "Proceedings of an Example Conference"
    assert data["DOI"] == "10.18653/v1/2024.example.1"
    assert "repository" not in data and "archiveID" not in data
    assert "arXiv: 2312.11508" in data["extra"].splitlines()  # the arXiv id is kept
    assert len(run(fake, catalog_copy).unchanged) == 208


def test_edit_made_in_zotero_is_reported_not_overwritten_unless_forced(fake, catalog_copy):
    run(fake, catalog_copy)
    key = fake.by_citation_key()["dataefficientfinetuning2024"]["key"]
    fake.edit(key, title="My own title", tags=[*fake.items[key]["data"]["tags"], {"tag": "toread"}])
    path, record = _resolved(catalog_copy, "dataefficientfinetuning2024")
    record["csl"]["page"] = "1-2"  # the catalog changes another field meanwhile
    path.write_text(json.dumps(record), encoding="utf-8")

    summary = run(fake, catalog_copy)

    data = fake.items[key]["data"]
    assert data["title"] == "My own title"  # kept
    assert data["pages"] == "1-2"  # the catalog's change still lands
    assert "toread" in {t["tag"] for t in data["tags"]}
    edit = summary.edited["dataefficientfinetuning2024"]["title"]
    assert edit["zotero"] == "My own title"
    assert edit["catalog"] == "Data-efficient Fine-tuning for LLM-based Recommendation"
    before = len(fake.writes())
    again = run(fake, catalog_copy)  # still reported, still not written
    assert "title" in again.edited["dataefficientfinetuning2024"]
    assert len(fake.writes()) == before

    forced = run(fake, catalog_copy, force=True)
    assert fake.items[key]["data"]["title"] == edit["catalog"]
    assert "toread" in {t["tag"] for t in fake.items[key]["data"]["tags"]}  # user's tag stays
    assert forced.updated == {"dataefficientfinetuning2024": ["title"]}
    assert run(fake, catalog_copy).edited == {}


def _drop_entry(root: Path, key: str) -> None:
    (root / "papers" / f"{key}.yaml").unlink()
    (root / "resolved" / f"{key}.json").unlink(missing_ok=True)


def test_nothing_is_deleted_without_prune_and_prune_deletes_only_delbibs_items(fake, catalog_copy):
    own = fake.add_item({"itemType": "book", "title": "A book of my own"})
    run(fake, catalog_copy)
    gone = fake.by_citation_key()["rethinkinginstruction2023"]["key"]
    _drop_entry(catalog_copy, "rethinkinginstruction2023")

    summary = run(fake, catalog_copy)
    assert gone in fake.items and own in fake.items
    assert summary.not_in_catalog == [gone]
    assert not any(r.method == "DELETE" for r in fake.requests)

    dry = run(fake, catalog_copy, prune=True, dry_run=True)
    assert dry.pruned == [gone] and gone in fake.items

    pruned = run(fake, catalog_copy, prune=True)
    assert pruned.pruned == [gone]
    assert gone not in fake.items and own in fake.items and len(fake.items) == 208
    delete = next(r for r in fake.requests if r.method == "DELETE")
    assert "if-unmodified-since-version" in delete.headers


def test_an_adopted_item_is_matched_by_doi_filled_in_and_never_pruned(fake, catalog_copy):
    mine = fake.add_item(
        {
            "itemType": "conferencePaper",
            "title": "Data-efficient fine-tuning for LLM-based recommendation (my copy)",
            "DOI": "10.1145/3626772.3657807",
        }
    )
    summary = run(fake, catalog_copy)
    assert len(fake.items) == 208  # matched, not duplicated
    data = fake.items[mine]["data"]
    assert data["citationKey"] == "dataefficientfinetuning2024"  # filled in
    assert data["title"].endswith("(my copy)")  # the user's differing title is kept
    assert "title" in summary.edited["dataefficientfinetuning2024"]
    assert {t["tag"] for t in data["tags"]} == {"Data Selection", "Data Pruning"}  # no marker
    _drop_entry(catalog_copy, "dataefficientfinetuning2024")
    assert run(fake, catalog_copy, prune=True).pruned == []
    assert mine in fake.items


def test_library_without_citation_key_field_uses_extra(catalog_copy):
    with serve(FakeZotero(citation_key_field=False)) as fake:
        run(fake, catalog_copy)
        data = fake.by_citation_key()["alpagasus2024"]
        assert "citationKey" not in data
        assert "Citation Key: alpagasus2024" in data["extra"].splitlines()
        before = len(fake.writes())
        assert len(run(fake, catalog_copy).unchanged) == 208
        assert len(fake.writes()) == before


def test_a_lost_answer_is_not_created_twice(fake, catalog_copy):
    # the second item batch is written but its answer is lost (a 500 after applying): the
    # retry reuses the write token, gets 412, re-reads and finds the items by citation key
    fake.fail("POST", "/items", Fault(500, apply=True), after=1)
    summary = run(fake, catalog_copy)
    assert len(fake.items) == 208
    assert Counter(k for k, _ in fake.citation_keys()).most_common(1)[0][1] == 1
    assert any(r.method == "POST" and r.path.endswith("/items") for r in fake.requests)
    assert not summary.failed
    assert memberships(fake) == yaml_categories(catalog_copy)
    assert len(run(fake, catalog_copy).unchanged) == 208


def test_a_412_from_a_concurrent_edit_is_reread_and_loses_nothing(fake, catalog_copy):
    run(fake, catalog_copy)
    keys = fake.by_citation_key()
    target, other = keys["alpagasus2024"]["key"], keys["rethinkinginstruction2023"]["key"]
    path, record = _resolved(catalog_copy, "alpagasus2024")
    record["csl"]["page"] = "10-20"
    path.write_text(json.dumps(record), encoding="utf-8")
    # just before the update lands, someone edits another item and this one's title
    fake.before_write.append(lambda f: (f.edit(other, title="Renamed"), f.edit(target, title="T")))

    summary = run(fake, catalog_copy)

    statuses = [r for r in fake.writes() if r.body and r.body[0].get("key") == target]
    assert len(statuses) == 2  # refused with 412, then sent again after a re-read
    data = fake.items[target]["data"]
    assert data["pages"] == "10-20" and data["title"] == "T"  # both changes survive
    assert fake.items[other]["data"]["title"] == "Renamed"
    assert summary.updated == {"alpagasus2024": ["pages"]}


def test_429_with_backoff_and_retry_after_mid_push_loses_nothing(fake, catalog_copy):
    sleeps: list[float] = []
    fake.fail(
        "POST",
        "/items",
        Fault(429, {"Retry-After": "2", "Backoff": "5"}),
        after=2,
    )
    summary = run(fake, catalog_copy, sleeps=sleeps)
    assert len(fake.items) == 208 and not summary.failed
    assert memberships(fake) == yaml_categories(catalog_copy)
    assert max(sleeps) >= 4.5  # the Backoff pause before the next request
    assert any(s >= 1.9 for s in sleeps)  # and the Retry-After wait


def test_failure_mid_push_leaves_a_state_the_next_push_completes(fake, catalog_copy):
    fake.fail("POST", "/items", *[Fault(503)] * 40, after=2)  # down for the rest of the run
    summary = run(fake, catalog_copy)
    assert len(fake.items) == 100  # two batches landed
    assert len(summary.failed) == 108 and len(summary.created) == 100
    assert set(summary.failed.values()) == {"HTTP 503 in each of 4 tries"}
    state = json.loads(next((catalog_copy / ".delbib-zotero").glob("user-*.json")).read_text())
    assert len(state["items"]) == 100

    fake.faults.clear()
    summary = run(fake, catalog_copy)
    assert len(summary.created) == 108 and len(summary.unchanged) == 100
    assert len(fake.items) == 208
    assert memberships(fake) == yaml_categories(catalog_copy)


def test_per_item_500s_inside_200_answers_are_retried_in_the_same_push(fake, catalog_copy):
    fake.fail_item("alpagasus2024", 500, "An error occurred", times=2)
    fake.fail_item("less2024", 503, "Service unavailable")
    summary = run(fake, catalog_copy)
    assert not summary.failed and len(summary.created) == 208
    assert len(fake.items) == 208  # nothing lost
    assert Counter(k for k, _ in fake.citation_keys()).most_common(1)[0][1] == 1  # no duplicate
    assert memberships(fake) == yaml_categories(catalog_copy)
    assert len(run(fake, catalog_copy).unchanged) == 208


def test_a_500_after_half_a_batch_was_saved_completes_with_no_duplicate(fake, catalog_copy):
    # the second creation batch: 25 of its 50 items are saved, then the server fails
    fake.fail("POST", "/items", Fault(500, partial=25), after=1)
    summary = run(fake, catalog_copy)
    assert not summary.failed
    assert len(fake.items) == 208  # nothing lost
    assert Counter(k for k, _ in fake.citation_keys()).most_common(1)[0][1] == 1  # no duplicate
    assert sorted(summary.created + summary.unchanged) == sorted(yaml_categories(catalog_copy))
    assert memberships(fake) == yaml_categories(catalog_copy)
    assert len(run(fake, catalog_copy).unchanged) == 208


def test_rekeyed_entries_update_their_items_and_carry_the_old_key_in_extra(fake, catalog_copy):
    from click.testing import CliRunner

    from delbib.cli import main

    run(fake, catalog_copy)
    before = {k: d["key"] for k, d in fake.by_citation_key().items()}
    assert CliRunner().invoke(main, ["--catalog", str(catalog_copy), "rekey"]).exit_code == 0
    summary = run(fake, catalog_copy)
    assert not summary.created and not summary.failed  # the same items, renamed
    after = fake.by_citation_key()
    assert after["magpie2025"]["key"] == before["magpie2024"]
    assert "tex.ids: magpie2024" in after["magpie2025"]["extra"].splitlines()
    assert len(fake.items) == 208


def test_per_item_500s_that_never_stop_fail_that_item_only(fake, catalog_copy):
    fake.fail_item("alpagasus2024", 500, "An error occurred", times=4)  # every try
    summary = run(fake, catalog_copy)
    assert summary.failed == {"alpagasus2024": "HTTP 500: An error occurred in each of 4 tries"}
    assert len(fake.items) == 207
    again = run(fake, catalog_copy)
    assert again.created == ["alpagasus2024"] and len(fake.items) == 208


def test_dry_run_writes_nothing_and_reports_the_plan(fake, catalog_copy):
    summary = run(fake, catalog_copy, dry_run=True)
    assert fake.writes() == [] and fake.items == {}
    assert not (catalog_copy / ".delbib-zotero").exists()
    assert len(summary.created) == 208 and len(summary.collections_created) == 14


def test_state_file_is_ignored_by_git_and_holds_no_key(fake, catalog_copy):
    run(fake, catalog_copy)
    state_dir = catalog_copy / ".delbib-zotero"
    assert (state_dir / ".gitignore").read_text() == "*\n"
    assert API_KEY not in (state_dir / f"user-{USER}.json").read_text()


def test_categories_with_a_parent_nest_and_move(fake, catalog_copy):
    cat = catalog_mod.load(catalog_copy)
    flat = run(fake, catalog_copy)
    assert flat.collections_created
    nested = [
        SimpleNamespace(name=c.name, slug=c.slug, parent="Data Selection" if i == 1 else None)
        for i, c in enumerate(cat.taxonomy)
    ]
    moved_name = cat.taxonomy[1].name

    def load_nested(root):
        loaded = catalog_mod.load(root)
        loaded.taxonomy = nested
        return loaded

    http = Http(limits={"zotero": Limit(1000, 1)}, sleep=lambda _s: None)
    summary = push(load_nested(catalog_copy), client(fake, http))
    assert summary.collections_moved == [moved_name]
    by_name = {c["data"]["name"]: c for c in fake.collections.values()}
    assert by_name[moved_name]["data"]["parentCollection"] == by_name["Data Selection"]["key"]
    assert len(fake.collections) == 14 and summary.writes == 1


def test_an_item_deleted_in_zotero_is_not_recreated_unless_forced(fake, catalog_copy):
    run(fake, catalog_copy)
    key = fake.by_citation_key()["alpagasus2024"]["key"]
    del fake.items[key]
    fake.version += 1
    summary = run(fake, catalog_copy)
    assert summary.deleted_in_zotero == ["alpagasus2024"] and len(fake.items) == 207
    forced = run(fake, catalog_copy, force=True)
    assert forced.created == ["alpagasus2024"] and len(fake.items) == 208


def test_the_fake_refuses_more_than_50_objects(fake):
    """The 50-object limit is the server's rule, so the fake enforces it (413)."""
    import urllib.error
    import urllib.request

    body = json.dumps([{"itemType": "book", "title": str(i)} for i in range(51)]).encode()
    request = urllib.request.Request(
        f"{fake.base}/users/{USER}/items",
        data=body,
        method="POST",
        headers={"Zotero-API-Key": API_KEY, "Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 413 and fake.items == {}


def test_an_entry_added_later_adopts_a_zotero_item_read_by_an_earlier_push(fake, catalog_copy):
    mine = fake.add_item(
        {"itemType": "conferencePaper", "title": "My copy", "DOI": "10.1145/3626772.3657807"}
    )
    paper = catalog_copy / "papers" / "dataefficientfinetuning2024.yaml"
    resolved = catalog_copy / "resolved" / "dataefficientfinetuning2024.json"
    saved = paper.read_bytes(), resolved.read_bytes()
    _drop_entry(catalog_copy, "dataefficientfinetuning2024")
    run(fake, catalog_copy)  # reads (and remembers) the user's item, matches nothing to it
    paper.write_bytes(saved[0])
    resolved.write_bytes(saved[1])

    summary = run(fake, catalog_copy)

    assert summary.created == [] and len(fake.items) == 208
    assert fake.items[mine]["data"]["title"] == "My copy"
    assert fake.items[mine]["data"]["citationKey"] == "dataefficientfinetuning2024"


def test_a_lost_answer_to_a_collection_creation_is_found_by_name(fake, catalog_copy):
    fake.fail("POST", "/collections", Fault(502, apply=True))
    summary = run(fake, catalog_copy)
    assert len(fake.collections) == 14 and not summary.failed
    assert memberships(fake) == yaml_categories(catalog_copy)


def test_a_412_for_a_whole_batch_is_reread_and_retried(fake, catalog_copy):
    run(fake, catalog_copy)
    path, record = _resolved(catalog_copy, "alpagasus2024")
    record["csl"]["page"] = "10-20"
    path.write_text(json.dumps(record), encoding="utf-8")
    fake.fail("POST", "/items", Fault(412))
    summary = run(fake, catalog_copy)
    assert summary.updated == {"alpagasus2024": ["pages"]}
    assert fake.by_citation_key()["alpagasus2024"]["pages"] == "10-20"
    assert len([r for r in fake.writes() if r.path.endswith("/items")]) == 5 + 2


def test_a_preprint_in_zotero_is_matched_by_arxiv_id(fake, catalog_copy):
    mine = fake.add_item(
        {
            "itemType": "preprint",
            "title": "LIFT",
            "repository": "arXiv",
            "archiveID": "arXiv:2312.11508",
        }
    )
    other = fake.add_item(
        {"itemType": "webpage", "title": "x", "url": "https://arxiv.org/abs/2402.04333v3"}
    )
    summary = run(fake, catalog_copy)
    assert len(fake.items) == 208
    assert fake.items[mine]["data"]["citationKey"] == "rethinkinginstruction2023"
    assert fake.items[other]["data"]["citationKey"] == "less2024"
    assert "rethinkinginstruction2023" not in summary.created


def test_prune_keeps_an_item_whose_citation_key_was_edited_in_zotero(fake, catalog_copy):
    run(fake, catalog_copy)
    key = fake.by_citation_key()["alpagasus2024"]["key"]
    fake.edit(key, citationKey="renamed-in-zotero")
    summary = run(fake, catalog_copy, prune=True)
    assert summary.pruned == [] and key in fake.items
    assert summary.edited["alpagasus2024"]["citationKey"]["zotero"] == "renamed-in-zotero"


def test_a_category_dropped_from_the_taxonomy_is_left_by_its_items(fake, catalog_copy):
    run(fake, catalog_copy)
    meta = catalog_copy / "catalog.yaml"
    data = yaml.safe_load(meta.read_text())
    data["taxonomy"] = [t for t in data["taxonomy"] if t["name"] != "Data Pruning"]
    meta.write_text(yaml.safe_dump(data))
    for path in (catalog_copy / "papers").glob("*.yaml"):
        entry = yaml.safe_load(path.read_text())
        if "Data Pruning" in entry["categories"]:
            entry["categories"].remove("Data Pruning")
            path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False))

    summary = run(fake, catalog_copy)

    assert memberships(fake) == yaml_categories(catalog_copy)
    assert summary.moved and not summary.updated
    assert len(fake.collections) == 14  # the old collection itself is not deleted
