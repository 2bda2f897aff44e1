"""resolve.run against the local fake services: the whole catalog, faults, caching, options."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from delbib import config as cfg
from delbib import files
from delbib.catalog import model as cat
from delbib.resolve import match
from delbib.resolve import run as resolve
from delbib.resolve.attempt import usable_ids
from delbib.resolve.sources import FETCHERS, ROUTES
from delbib.text import title_key
from tests.conftest import CATALOG, REFERENCE
from tests.fakeapi import (  # noqa: F401 (the api fixture)
    INVENTED,
    FakeAPI,
    Fault,
    add_invented,
    api_fixture,
    serve,
)


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


# ------------------------------------------------------------ the whole catalog, noisy

REFERENCE_FACTS = {
    r["row"]: r for r in map(json.loads, REFERENCE.read_text(encoding="utf-8").splitlines())
}
# Row 19's link to arXiv 2410.06961 (another paper) is not among them: the shipped catalog pins
# the right id on that entry, so resolve never fetches the wrong one.
KNOWN_WRONG_LINKS = {"arxiv:2410.05269", "doi:10.14778/3685800.3685838"}


@dataclasses.dataclass
class WholeRun:
    catalog: cat.Catalog
    summary: resolve.Summary
    again: resolve.Summary
    invented: dict[str, dict]
    requests: int
    again_requests: int
    throttled: int
    arxiv_batches: int
    api_requests: list


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> WholeRun:
    """The shipped catalog plus the invented papers, resolved from empty against the noisy
    fake services enforcing the published limits (polite pool), then a second run."""
    root = tmp_path_factory.mktemp("whole") / "catalog"
    shutil.copytree(CATALOG, root, ignore=shutil.ignore_patterns("source", "resolved"))
    invented = {p["key"]: p for p in add_invented(root)}
    with serve() as api:
        api.enforce, api.arxiv_interval = True, 0.05
        env = {**api.config_env(), "DELBIB_MAILTO": "t@example.org"}
        config = dataclasses.replace(cfg.load(root, env=env), arxiv_interval=0.05)
        catalog = cat.load(root)
        summary = resolve.run(catalog, config=config, http=resolve.make_http(config))
        requests = api.count()
        batches = sum(
            1 for r in api.requests if r.path == "/arxiv/api/query" and "id_list" in r.query
        )
        again = resolve.run(cat.load(root), config=config, http=resolve.make_http(config))
        return WholeRun(
            catalog,
            summary,
            again,
            invented,
            requests,
            api.count() - requests,
            api.throttled,
            batches,
            api.requests,
        )


def wrong_paper(record: dict, facts: dict) -> str | None:
    """Why a record is not the reference's paper: another title (unless the record keeps the
    listed title as renamed), a DOI that is neither the paper's nor its arXiv DOI, authors
    that disagree. A preprint of the right paper is not a wrong paper."""
    csl = record["csl"]
    titles = {title_key(facts.get("title") or ""), title_key(facts.get("catalog_title") or "")}
    if title_key(csl["title"]) not in titles and not record.get("catalog_title"):
        return f"title {csl['title']!r}"
    allowed = {facts.get("DOI"), None}
    if facts.get("arxiv"):
        allowed.add(f"10.48550/arxiv.{facts['arxiv']}")
    if facts.get("DOI") and csl.get("DOI") not in allowed:
        return f"DOI {csl.get('DOI')}"
    ours, theirs = match.families(csl), match.families(facts)
    if ours and theirs and not match.authors_agree(ours, theirs)[0]:
        return f"authors {ours[:3]}"
    return None


def test_whole_catalog_never_writes_a_wrong_paper(whole: WholeRun):
    assert whole.summary.aborted is None and not whole.summary.failed
    wrong = {}
    for key, record in whole.catalog.resolved.items():
        entry = whole.catalog.entries[key]
        if key in whole.invented or not record.get("csl"):
            continue
        if why := wrong_paper(record, REFERENCE_FACTS[entry.rows[0]]):
            wrong[key] = why
    assert wrong == {}
    conflicted = {c["identifier"] for cs in whole.summary.conflicts.values() for c in cs}
    assert conflicted >= KNOWN_WRONG_LINKS
    pinned = whole.catalog.resolved["sampleefficientalignment2024"]["csl"]
    assert pinned["title"] == "Sample-Efficient Alignment for LLMs"


def test_whole_catalog_recall_cost_and_no_429(whole: WholeRun):
    entries = whole.catalog.entries
    resolvable = [
        k
        for k, e in entries.items()
        if k not in whole.invented
        and any(i.split(":", 1)[0] in {*FETCHERS, *ROUTES} for i in e.ids)
    ]
    resolvable += [k for k, p in whole.invented.items() if not p["expect"].get("unresolved")]
    resolved = [k for k in resolvable if (whole.catalog.resolved.get(k) or {}).get("csl")]
    assert len(resolved) >= 0.9 * len(resolvable)
    assert whole.requests <= 1.2 * len(entries)
    assert whole.summary.requests == whole.requests
    assert whole.throttled == 0, [(r.path, r.at) for r in whole.api_requests if r.status == 429]
    ids = {i for e in entries.values() for i in e.ids if i.startswith("arxiv:")}
    assert whole.arxiv_batches == -(-len(ids) // 50)  # ids batched, 50 per request
    print(
        f"\nwhole catalog: {whole.summary.to_dict()['counts']}, resolved {len(resolved)} of "
        f"{len(resolvable)} resolvable, {whole.requests} requests for {len(entries)} entries"
    )


def test_second_run_after_a_clean_one_asks_nothing(whole: WholeRun):
    assert whole.again_requests == 0 and whole.again.requests == 0
    assert len(whole.again.unchanged) == len(whole.catalog.entries)


def test_every_accepted_record_says_what_corroborated_it(whole: WholeRun):
    for key, record in whole.catalog.resolved.items():
        if not record.get("csl"):
            assert record["unresolved"]["reason"], key
            continue
        evidence = record["provenance"]["evidence"]
        assert evidence.get("link") or evidence.get("authors"), (key, evidence)
        assert "title" in evidence or "journal_ref" in evidence, (key, evidence)


INVENTED_KEYS = [p["key"] for p in yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]]


def test_the_invented_papers_are_not_the_shipped_catalog(whole: WholeRun):
    shipped = {
        title_key(e.title) for k, e in whole.catalog.entries.items() if k not in whole.invented
    }
    invented = {title_key(p["entry"]["title"]) for p in whole.invented.values()}
    assert len(invented) >= 30 and not invented & shipped


def test_public_pool_keeps_under_its_stricter_limits(tmp_path: Path):
    catalog = _invented_catalog(tmp_path)
    with serve() as api:
        api.enforce, api.arxiv_interval = True, 0.05
        env = api.config_env()  # no mailto: Crossref's public pool, 1 query/s, 1 at once
        config = dataclasses.replace(cfg.load(tmp_path / "catalog", env=env), arxiv_interval=0.05)
        summary = resolve.run(catalog, config=config)
        assert summary.throttled == 0 and api.throttled == 0 and not summary.failed
        queries = [r.at for r in api.requests if r.path == "/crossref/works"]
    assert len(queries) > 5
    assert all(b - a >= 1.0 for a, b in zip(queries, queries[1:], strict=False))


@pytest.mark.parametrize("key", INVENTED_KEYS)
def test_invented_paper(whole: WholeRun, key: str):
    """Each invented paper's outcome against the answer written by hand with its facts."""
    expect = whole.invented[key]["expect"]
    record = whole.catalog.resolved[key]
    conflicts = {c["identifier"] for c in record.get("conflicts") or []}
    if "conflict" in expect:
        assert expect["conflict"] in conflicts
    if expect.get("unresolved"):
        assert record["csl"] is None and key in whole.summary.unresolved
        if "candidate" in expect:
            assert record["unresolved"]["candidate"]["DOI"] == expect["candidate"]
        return
    csl = record["csl"]
    custom = csl.get("custom") or {}
    assert record["status"] == expect["status"]
    if "DOI" in expect:
        assert csl.get("DOI") == expect["DOI"]
    else:
        assert csl.get("DOI") in (None, f"10.48550/arxiv.{expect.get('arxiv')}")
    for name in ("arxiv", "openreview"):
        assert custom.get(name) == expect.get(name)
    if "container" in expect:
        venue = f"{csl.get('container-title')} {csl.get('container-title-short')}"
        assert expect["container"] in venue
    if expect.get("catalog_title"):
        assert record["catalog_title"] == whole.catalog.entries[key].title


def _invented_catalog(tmp_path: Path) -> cat.Catalog:
    root = tmp_path / "catalog"
    (root / "papers").mkdir(parents=True)
    shutil.copy(CATALOG / "catalog.yaml", root / "catalog.yaml")
    add_invented(root)
    return cat.load(root)


def test_without_venues_a_title_is_still_never_another_paper(api, tmp_path):
    """A list with no venue column: no entry is a listed preprint, so titles are searched in
    Crossref, arXiv and dblp and arXiv preprints are upgraded; whatever is found is still the
    paper (its version of record or its preprint), and a paper none corroborates is not."""
    catalog = _invented_catalog(tmp_path)
    for entry in catalog.entries.values():
        entry.venue = None
        catalog.save_entry(entry)
    catalog = cat.load(tmp_path / "catalog")
    resolve.run(catalog, config=setup(api, tmp_path / "catalog")[0])
    papers = yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]
    for paper in papers:
        expect, record = paper["expect"], catalog.resolved[paper["key"]]
        csl = record["csl"]
        if expect.get("unresolved") or csl is None:
            assert csl is None or not expect.get("unresolved"), paper["key"]
            continue
        arxiv_doi = f"10.48550/arxiv.{expect['arxiv']}" if expect.get("arxiv") else None
        assert csl.get("DOI") in (expect.get("DOI"), arxiv_doi, None), paper["key"]
        for name in ("arxiv", "openreview"):
            assert (csl.get("custom") or {}).get(name) in (None, expect.get(name)), paper["key"]
    # a paper Crossref and dblp know, arXiv not, listed by its title alone
    small = catalog.resolved["invsmallproxy2025"]
    assert small["csl"]["DOI"] == "10.5555/inv.1006" and small["status"] == "published"
    assert catalog.resolved["invlonerecord2025"]["csl"] is None  # Crossref alone: no witness


@pytest.mark.parametrize("key", ["invjournalref2025", "invopenreviewaccepted2025"])
def test_arxiv_journal_ref_or_accepted_openreview_note_spares_every_search(api, tmp_path, key):
    catalog = _invented_catalog(tmp_path)
    summary = resolve.run(catalog, config=setup(api, tmp_path / "catalog")[0], only=[key])
    assert catalog.resolved[key]["status"] == "published"
    searches = [r for r in api.requests if "search" in r.path or r.path == "/crossref/works"]
    assert searches == [] and summary.requests <= 2


def test_preprint_listed_as_arxiv_and_named_nowhere_is_not_searched(api, tmp_path):
    catalog = _invented_catalog(tmp_path)
    key = "invpreprintonly2025"
    resolve.run(catalog, config=setup(api, tmp_path / "catalog")[0], only=[key])
    assert catalog.resolved[key]["status"] == "preprint-only"
    assert [r.path for r in api.requests] == ["/arxiv/api/query"]


def test_cut_body_is_asked_again(api: FakeAPI, tmp_path: Path):
    catalog = _invented_catalog(tmp_path)
    key = "invtruncated2025"
    cut = b'{"status": "ok", "message-type": "work", "message": {"DOI": "10.5555/inv.1023", "ti'
    api.fail(
        "/crossref/works/10.5555/inv.1023", Fault(200, {"Content-Type": "application/json"}, cut)
    )
    summary = resolve.run(catalog, config=setup(api, tmp_path / "catalog")[0], only=[key])
    assert summary.upgraded == [key] and catalog.resolved[key]["csl"]["DOI"] == "10.5555/inv.1023"
    assert api.count("/crossref/works/10.5555/inv.1023") == 2


def test_unreachable_host_is_skipped_and_only_its_entries_are_retried(api, tmp_path):
    catalog = _invented_catalog(tmp_path)
    root = tmp_path / "catalog"
    config, http = setup(api, root)
    down = dataclasses.replace(config, dblp_url="http://127.0.0.1:9")
    summary = resolve.run(catalog, config=down, http=http)
    assert summary.aborted is None and "dblp" in summary.down
    assert api.count("/dblp") == 0
    retry = set(summary.failed) | set(summary.incomplete)
    # PMLR papers are found through dblp only; the others take other routes
    assert "invpmlr2025" in summary.failed and "invtacl2025" not in retry
    # dblp would only have vouched for a lone Crossref record: unresolved, not failed, so a
    # setup without dblp does not ask for it run after run
    assert "invlonerecord2025" in summary.unresolved
    assert "dblp" in catalog.resolved["invlonerecord2025"]["provenance"]["skipped"][0]
    before = api.count()
    again = resolve.run(cat.load(root), config=config, http=resolve.make_http(config))
    asked = {k for k in catalog.entries if k not in again.unchanged}
    assert asked == retry and api.count() > before
    third = resolve.run(cat.load(root), config=config, http=resolve.make_http(config))
    assert third.requests == 0


def test_unresolved_is_not_asked_again_until_refresh(api, tmp_path):
    catalog = _invented_catalog(tmp_path)
    key = "invlonerecord2025"
    config = setup(api, tmp_path / "catalog")[0]
    assert key in resolve.run(catalog, config=config, only=[key]).unresolved
    asked = api.count()
    assert resolve.run(cat.load(tmp_path / "catalog"), config=config, only=[key]).requests == 0
    refreshed = resolve.run(cat.load(tmp_path / "catalog"), config=config, only=[key], refresh=True)
    assert refreshed.requests > 0 and api.count() > asked


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


def test_a_failing_source_does_not_block_the_others_and_is_asked_again(api, empty):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "doi:10.1145/3626772.3657807" in e.ids)
    path = "/crossref/works/10.1145/3626772.3657807"
    api.fail(path, *[Fault(500, {}, b"oops")] * 5)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http, only=[key])
    record = catalog.resolved[key]  # found by title search, corroborated by its arXiv record
    assert summary.resolved == [key] and record["csl"]["DOI"] == "10.1145/3626772.3657807"
    assert "HTTP 500" in summary.incomplete[key] and record["provenance"]["incomplete"]
    summary = resolve.run(cat.load(empty), config=config, http=http, only=[key])
    assert summary.resolved == [key] and not summary.incomplete  # asked again, now whole
    assert "incomplete" not in cat.load(empty).resolved[key]["provenance"]
    asked = api.count()
    assert resolve.run(cat.load(empty), config=config, only=[key]).unchanged == [key]
    assert api.count() == asked


def test_nothing_found_while_a_service_fails_is_not_saved(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = next(k for k, e in catalog.entries.items() if "doi:10.1145/3626772.3657807" in e.ids)
    for path in ("/crossref/works/10.1145/3626772.3657807", "/crossref/works"):
        api.fail(path, *[Fault(500, {}, b"oops")] * 5)
    api.fail("/arxiv/api/query", *[Fault(503, {}, b"busy")] * 5)
    config = dataclasses.replace(setup(api, empty)[0], dblp_url="http://127.0.0.1:9")
    summary = resolve.run(catalog, config=config, only=[key])
    assert key in summary.failed and key not in catalog.resolved


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


def _key(catalog: cat.Catalog, ident: str) -> str:
    return next(k for k, e in catalog.entries.items() if ident in e.ids)


def _accepted_note(api: FakeAPI, title: str) -> dict:
    """The fake OpenReview's accepted note of a paper (under its synthetic id)."""
    return next(
        n
        for n in api.notes.values()
        if title_key(n["content"]["title"]["value"]) == title_key(title)
        and not n["content"]["venueid"]["value"].endswith("_Submission")
    )


THEORY = "Towards a Theoretical Understanding of Synthetic Data in LLM Post-Training: " + (
    "A Reverse-Bottleneck Perspective"
)


def _ml_listed(catalog: cat.Catalog, ident: str) -> str:
    """The entry of ``ident``, listed at an ML venue: then its published version is looked
    for on OpenReview (the row itself says "arxiv", and arXiv names no venue for it)."""
    key = _key(catalog, ident)
    catalog.entries[key].venue = "NIPS/ICML/ICLR"
    return key


def test_preprint_upgraded_to_accepted_openreview_paper(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = _ml_listed(catalog, "arxiv:2410.01720")  # arXiv only; published at ICLR 2025
    note = _accepted_note(api, THEORY)
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert summary.upgraded == [key] and record["status"] == "published"
    csl = record["csl"]
    assert csl["type"] == "paper-conference" and csl["container-title-short"] == "ICLR 2025"
    assert (
        csl["container-title"] == "International Conference on Learning Representations (ICLR 2025)"
    )
    assert csl["issued"] == {"date-parts": [[2025]]} and "DOI" not in csl  # not arXiv's DOI
    assert csl["custom"]["arxiv"] == "2410.01720" and csl["custom"]["openreview"] == note["id"]
    assert record["provenance"]["via"] == "openreview search"
    assert record["provenance"]["preprint"]["source"] == "arxiv"
    assert [r.path for r in api.requests] == ["/arxiv/api/query", "/openreview/notes/search"]
    search = next(r for r in api.requests if r.path == "/openreview/notes/search")
    assert search.query["source"] == "forum" and ":" not in search.query["term"]


def test_rejected_submission_upgraded_to_the_later_accepted_paper(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = _key(catalog, "openreview:87YOFayjcG")  # rejected at ICLR 2024, accepted 2025
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    csl = catalog.resolved[key]["csl"]
    hits = api.search_notes(csl["title"])
    assert [h["id"] for h in hits].count("87YOFayjcG") == 1  # the rejected note is a hit too
    assert summary.upgraded == [key] and csl["container-title-short"] == "ICLR 2025"
    assert csl["custom"]["openreview"] not in ("87YOFayjcG", None)  # the accepted note's id
    assert match.year_of(csl) == 2025


def _withdrawn(note: dict) -> None:
    note["content"]["venueid"]["value"] = "ICLR.cc/2025/Conference/Withdrawn_Submission"


def _under_review(note: dict) -> None:
    note["content"]["venue"]["value"] = "Submitted to ICLR 2025"
    note["content"]["venueid"]["value"] = "ICLR.cc/2025/Conference/Submission"


def _imported(note: dict) -> None:  # an author-profile import of a record found elsewhere
    note["content"]["venueid"]["value"] = "dblp.org/conf/ICLR/2025"


def _other_authors(note: dict) -> None:
    note["content"]["authors"]["value"] = ["Ann Other", "Ben Else", "Cy Third"]
    note["content"]["_bibtex"]["value"] = re.sub(
        r"author=\{[^}]*\}",
        "author={Ann Other and Ben Else and Cy Third}",
        note["content"]["_bibtex"]["value"],
    )


def _near_miss_title(note: dict) -> None:
    note["content"]["title"]["value"] = "Towards a Theoretical Understanding of Synthetic Data"


def _too_early(note: dict) -> None:
    note["content"]["venueid"]["value"] = "ICLR.cc/2019/Conference"
    note["content"]["_bibtex"]["value"] = note["content"]["_bibtex"]["value"].replace(
        "year={2025}", "year={2019}"
    )


@pytest.mark.parametrize(
    "spoil", [_withdrawn, _under_review, _imported, _other_authors, _near_miss_title, _too_early]
)
def test_openreview_hit_that_is_no_version_of_record_is_not_taken(api, empty, spoil):
    catalog = cat.load(empty)
    key = _ml_listed(catalog, "arxiv:2410.01720")
    spoil(_accepted_note(api, THEORY))
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert api.count("/openreview/notes/search") == 1 and len(api.search_notes(THEORY)) > 1
    assert api.count("/dblp") == 1  # the list names a venue: dblp is asked too, in vain
    assert summary.resolved == [key] and record["status"] == "preprint-only"
    assert "container-title" not in record["csl"] and record["csl"]["custom"]["arxiv"]


def test_entry_without_identifier_found_among_accepted_openreview_papers(api, empty):
    catalog = cat.load(empty)
    key = "mllmasajudge2024"  # linked only by an OpenReview PDF hash: no id to fetch
    assert not usable_ids(catalog.entries[key])
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert summary.resolved == [key] and record["provenance"]["method"] == "search"
    assert record["provenance"]["source"] == "openreview" and record["status"] == "published"
    assert record["csl"]["container-title-short"] == "ICML 2024"


def test_failed_upgrade_search_keeps_the_preprint_and_asks_again(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = _ml_listed(catalog, "arxiv:2410.01720")
    api.fail("/openreview/notes/search", *[Fault(503, {}, b"busy")] * 5)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http, only=[key])
    assert catalog.resolved[key]["status"] == "preprint-only" and key in summary.incomplete
    assert api.count("/openreview/notes/search") == config.max_retries + 1
    again = cat.load(empty)
    again.entries[key].venue = "NIPS/ICML/ICLR"
    assert resolve.run(again, config=config, http=http, only=[key]).upgraded == [key]


class _Interrupted:
    """Stands in for ``os`` in delbib.files: Ctrl-C arrives while the n-th file is written."""

    def __init__(self, n: int) -> None:
        self.n, self.fdopen, self.replace = n, os.fdopen, os.replace

    def fsync(self, fd: int) -> None:
        self.n -= 1
        if self.n == 0:
            raise KeyboardInterrupt

    def __getattr__(self, name: str):  # everything else is the real os
        return getattr(os, name)


@pytest.mark.parametrize("where", ["between entries", "while writing"])
def test_ctrl_c_keeps_finished_entries_whole(api, empty, monkeypatch, where):
    catalog = cat.load(empty)
    keys = [k for k, e in catalog.entries.items() if any(i.startswith("doi:") for i in e.ids)]
    keys = keys[:8]
    done: list[str] = []

    def progress(key: str, kind: str, n: int, total: int) -> None:
        done.append(key)
        if where == "between entries" and n == 3:
            raise KeyboardInterrupt

    if where == "while writing":  # the 4th save is cut short after its temporary file exists
        monkeypatch.setattr(files, "os", _Interrupted(4))
    config, http = setup(api, empty)
    with pytest.raises(KeyboardInterrupt):
        resolve.run(catalog, config=config, http=http, only=keys, progress=progress)
    saved = sorted(p.stem for p in (empty / "resolved").glob("*.json"))
    assert saved == sorted(done[:3]) and len(done) == 3
    for key in saved:
        record = json.loads((empty / "resolved" / f"{key}.json").read_text(encoding="utf-8"))
        assert record == catalog.resolved[key] and record["csl"]["title"]
    assert [p for p in empty.rglob("*") if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    again = resolve.run(cat.load(empty), config=config, http=http, only=keys)
    assert sorted(again.unchanged) == saved and len(again.resolved + again.upgraded) == 5


def test_a_refused_search_is_an_answer_not_a_failure(api: FakeAPI, tmp_path: Path):
    """A 4xx (not 429) is the service's last word on that query: the entry is saved and not
    asked again run after run (a setup whose service lacks the endpoint stays quiet)."""
    catalog = _invented_catalog(tmp_path)
    key = "invopenreviewnoid2025"  # no link; listed at an ML venue: OpenReview is asked first
    body = b'{"name": "ValidationError", "message": "bad search query", "status": 400}'
    api.fail("/openreview/notes/search", Fault(400, {"Content-Type": "application/json"}, body))
    config = setup(api, tmp_path / "catalog")[0]
    summary = resolve.run(catalog, config=config, only=[key])
    assert key in summary.unresolved and not summary.failed
    assert "HTTP 400" in catalog.resolved[key]["provenance"]["skipped"][0]
    assert api.count("/openreview/notes/search") == 1  # not retried either
    assert resolve.run(cat.load(tmp_path / "catalog"), config=config, only=[key]).requests == 0


def test_without_any_link_only_the_exact_title_is_taken(api: FakeAPI, tmp_path: Path):
    catalog = _invented_catalog(tmp_path)
    key = "invfederatedcuration2025"  # no link; Crossref and arXiv hold it, linked by a DOI
    entry = catalog.entries[key]
    entry.title = entry.clean_title = "Federated Curaton of Medical Instruction Data"  # a typo
    config = setup(api, tmp_path / "catalog")[0]
    summary = resolve.run(catalog, config=config, only=[key])
    assert key in summary.unresolved
    candidate = catalog.resolved[key]["unresolved"]["candidate"]
    assert candidate["DOI"] == "10.5555/inv.1007" and candidate["reason"] == "not the exact title"
