"""resolve.run against the local fake services: the whole catalog, faults, caching, options."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from delbib import catalog as cat
from delbib import config as cfg
from delbib import match, resolve
from delbib.text import title_key
from tests.conftest import CATALOG, REFERENCE
from tests.fakeapi import FakeAPI, Fault, api_fixture  # noqa: F401 (the api fixture)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """The shipped catalog without any resolved record."""
    root = tmp_path / "catalog"
    shutil.copytree(CATALOG, root, ignore=shutil.ignore_patterns("source", "resolved"))
    return root


def setup(api: FakeAPI, root: Path, sleeps: list[float] | None = None):
    config = dataclasses.replace(cfg.load(root), mailto="t@example.org", arxiv_interval=0.001)
    sleep = sleeps.append if sleeps is not None else lambda s: None
    return config, resolve.make_http(config, sleep=sleep)


def test_whole_catalog(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http)
    assert summary.aborted is None and not summary.failed
    reference = {
        r["row"]: r for r in map(json.loads, REFERENCE.read_text(encoding="utf-8").splitlines())
    }
    wrong, reproduced = [], 0
    for key, record in catalog.resolved.items():
        if not record.get("csl"):
            continue
        facts = reference[catalog.entries[key].rows[0]] if catalog.entries[key].rows else {}
        if (
            title_key(record["csl"]["title"]) != title_key(facts.get("title") or "")
            or facts.get("DOI")
            and record["csl"].get("DOI") not in (facts["DOI"], None)
        ):
            wrong.append(key)
        else:
            reproduced += 1
    assert wrong == []  # never a wrong paper
    assert reproduced == len(summary.resolved) + len(summary.upgraded)
    assert reproduced >= 150 and len(summary.upgraded) >= 5
    conflicted = {c["identifier"] for cs in summary.conflicts.values() for c in cs}
    assert {"arxiv:2410.06961", "arxiv:2410.05269", "doi:10.14778/3685800.3685838"} <= conflicted
    requests = api.count()
    assert summary.requests == requests
    arxiv_ids = {i for e in catalog.entries.values() for i in e.ids if i.startswith("arxiv:")}
    assert api.count("/arxiv") == -(-len(arxiv_ids) // config.arxiv_batch)  # batched
    counts = summary.to_dict()["counts"]
    print(f"\nwhole catalog: {counts}, reproduced {reproduced}, {requests} requests")

    again = resolve.run(cat.load(empty), config=config, http=http)
    assert api.count() == requests and again.requests == requests  # nothing new asked
    assert len(again.unchanged) == len(catalog.entries)


def test_rejected_openreview_then_published_version(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "openreview:c4w1TqcSi0" in e.ids)
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert summary.upgraded == [key]
    assert record["csl"]["DOI"] == "10.18653/v1/2025.findings-acl.601"
    assert record["csl"]["custom"]["openreview"] == "c4w1TqcSi0"
    assert record["provenance"]["preprint"]["source"] == "openreview"


def test_near_miss_search_hit_stays_unresolved(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "Speech De-Identification" in e.title)
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert record["csl"] is None and key in summary.unresolved
    candidate = record["unresolved"]["candidate"]
    assert candidate["DOI"] and candidate["score"] < match.SEARCH_THRESHOLD


def test_failures_are_not_saved_and_retried(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "doi:10.1145/3626772.3657807" in e.ids)
    path = "/crossref/works/10.1145/3626772.3657807"
    api.fail(path, *[Fault(500, {}, b"oops")] * 5)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http, only=[key])
    assert key in summary.failed and key not in catalog.resolved
    summary = resolve.run(catalog, config=config, http=http, only=[key])
    assert summary.resolved == [key]


def test_dry_run_offline_refresh_and_locks(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "doi:10.1145/3626772.3657807" in e.ids)
    config = setup(api, empty)[0]
    offline = resolve.run(catalog, config=config, only=[key], offline=True)
    assert offline.missing == [key] and api.count() == 0
    dry = resolve.run(catalog, config=config, only=[key], dry_run=True)
    assert dry.changes[key]["DOI"] == {"old": None, "new": "10.1145/3626772.3657807"}
    assert not (empty / "resolved" / f"{key}.json").exists()
    resolve.run(catalog, config=config, only=[key])
    record = catalog.resolved[key]
    record["csl"]["page"] = "1-2"
    catalog.save_resolved(key, record)
    catalog.entries[key].locked = ["page"]
    before = api.count()
    resolve.run(catalog, config=config, only=[key], refresh=True)
    assert api.count() > before and catalog.resolved[key]["csl"]["page"] == "1-2"
