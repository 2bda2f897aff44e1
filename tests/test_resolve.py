"""resolve.run against the local fake services: the whole catalog, faults, caching, options."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from delbib import catalog as cat
from delbib import config as cfg
from delbib import files, match, resolve
from delbib.text import ascii_fold, title_key
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


# Whole-catalog records that are expected to differ from the reference: the fields that
# differ, and why. Exact: the test fails when one of them starts to agree, so the list stays
# true. Author lists are compared by family name; a family name of several words ("Horta
# Ribeiro") that arXiv and OpenReview cannot show (they give "Given Family" strings, split at
# the last space) counts as agreeing when the whole name is the same, and is counted apart.
ACL_NO_DOI = (
    "published at an ACL venue (or EACL, NAACL, COLING, EMNLP) for which the reference has "
    "no DOI, so no service delbib asks knows that version: the fake Crossref holds the "
    "reference's DOIs only, and the Anthology is asked by id, never searched"
)
JOURNAL_UNNAMED = "a journal version exists, but the reference does not name it (nor its DOI)"
PROCEEDINGS_UNNAMED = (
    "resolved by its DOI, but the reference never saw the proceedings title, so the Crossref "
    "record served for it has none either"
)
REJECTED_ONLY = (
    "the list links only a rejected ICLR submission; its record carries the submission's "
    "conference year, the reference the year of the arXiv preprint, which delbib could only "
    "find by an arXiv title search it does not make"
)
EXPECTED_MISMATCHES: dict[str, tuple[set[str], str]] = {
    **{
        key: ({"year", "container"}, ACL_NO_DOI)
        for key in (
            "calibraeval2024",
            "donotanswer2023",
            "impossibledistillation2023",
            "interactiveevolution2024",
            "judgingjudges2024",
            "languagemodeldriven2025",
            "languagemodels2024",
            "llmsgood2024",
            "llmsinstead2024",
            "metarewardinglanguagemodels2024",
            "selfevolutionknowledge2025",
        )
    },
    **{
        key: ({"container"}, ACL_NO_DOI)  # arXiv year = publication year
        for key in (
            "condor2025",
            "llmpowereddata2023",
            "performanceguidedllm2024",
            "synthesizingposttraining2025",
        )
    },
    "codeultrafeedback2024": ({"year", "container"}, JOURNAL_UNNAMED),
    "surveydataselection2024": ({"year", "container"}, JOURNAL_UNNAMED + " (JAIR, 2025)"),
    "usestructured2024": ({"container"}, JOURNAL_UNNAMED + " (nor its year)"),
    "pdfchatannotator2024": ({"container"}, PROCEEDINGS_UNNAMED),
    "selfevolutionarygroupwise2024": ({"container"}, PROCEEDINGS_UNNAMED),
    **{
        key: ({"year"}, REJECTED_ONLY)
        for key in ("compresso2024", "diversifyconquer2025", "self2024")
    },
}


def _names(csl_or_fact: dict) -> tuple[list[str], list[str]]:
    """Family names and whole names ("given family"), accents and case folded."""
    people = csl_or_fact.get("author") or []
    family = [ascii_fold(a.get("family") or a.get("literal") or "").casefold() for a in people]
    whole = [
        " ".join(ascii_fold(f"{a.get('given') or ''} {a.get('family') or ''}").casefold().split())
        for a in people
    ]
    return family, whole


def compare(csl: dict, status: str, facts: dict) -> tuple[set[str], bool]:
    """The fields of a record that disagree with the reference (title, DOI, authors, year,
    container), and whether the author lists agree only up to a family-name split."""
    wrong = set()
    if title_key(csl["title"]) != title_key(facts.get("title") or ""):
        wrong.add("title")
    if facts.get("DOI") and csl.get("DOI") not in (facts["DOI"], None):
        wrong.add("DOI")
    split = False
    if facts.get("author"):
        (ours, our_names), (theirs, their_names) = _names(csl), _names(facts)
        if ours != theirs:
            split = our_names == their_names
            wrong |= set() if split else {"authors"}
    if facts.get("issued") and match.year_of(csl) != facts["issued"]:
        wrong.add("year")
    if "published" in (status, facts.get("status")) and not csl.get("container-title"):
        wrong.add("container")
    return wrong, split


def test_whole_catalog(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http)
    assert summary.aborted is None and not summary.failed
    reference = {
        r["row"]: r for r in map(json.loads, REFERENCE.read_text(encoding="utf-8").splitlines())
    }
    mismatches, splits, reproduced = {}, [], 0
    for key, record in catalog.resolved.items():
        if not record.get("csl"):
            continue
        facts = reference[catalog.entries[key].rows[0]] if catalog.entries[key].rows else {}
        wrong, split = compare(record["csl"], record["status"], facts)
        assert not wrong & {"title", "DOI"}, (key, wrong)  # never a wrong paper
        if wrong:
            mismatches[key] = wrong
        else:
            reproduced += 1
        splits += [key] if split else []
        if (record["provenance"].get("preprint") or {}).get("source") == "arxiv":
            assert record["csl"]["custom"]["arxiv"], key  # the upgrade kept the arXiv id
    assert mismatches == {key: fields for key, (fields, _) in EXPECTED_MISMATCHES.items()}
    assert len(summary.resolved) + len(summary.upgraded) == reproduced + len(mismatches)
    assert reproduced >= 155 and len(summary.upgraded) >= 18 and len(summary.unresolved) <= 29
    conflicted = {c["identifier"] for cs in summary.conflicts.values() for c in cs}
    assert {"arxiv:2410.06961", "arxiv:2410.05269", "doi:10.14778/3685800.3685838"} <= conflicted
    requests = api.count()
    assert summary.requests == requests
    assert http.stats.requests["openreview"] == api.count("/openreview")  # its limit held
    arxiv_ids = {i for e in catalog.entries.values() for i in e.ids if i.startswith("arxiv:")}
    assert api.count("/arxiv") == -(-len(arxiv_ids) // config.arxiv_batch)  # batched
    counts = summary.to_dict()["counts"]
    print(
        f"\nwhole catalog: {counts}, reproduced {reproduced}, mismatches {len(mismatches)} "
        f"(all expected), name splits {len(splits)} {sorted(splits)}, {requests} requests"
    )

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


def test_preprint_upgraded_to_accepted_openreview_paper(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = _key(catalog, "arxiv:2410.01720")  # arXiv only; published at ICLR 2025
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
    paths = [r.path for r in api.requests]
    assert paths.index("/crossref/works") < paths.index("/openreview/notes/search")
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
    key = _key(catalog, "arxiv:2410.01720")
    spoil(_accepted_note(api, THEORY))
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert api.count("/openreview/notes/search") == 1 and len(api.search_notes(THEORY)) > 1
    assert summary.resolved == [key] and record["status"] == "preprint-only"
    assert "container-title" not in record["csl"] and record["csl"]["custom"]["arxiv"]


def test_entry_without_identifier_found_among_accepted_openreview_papers(api, empty):
    catalog = cat.load(empty)
    key = "mllmasajudge2024"  # linked only by an OpenReview PDF hash: no id to fetch
    assert not resolve.usable_ids(catalog.entries[key])
    summary = resolve.run(catalog, config=setup(api, empty)[0], only=[key])
    record = catalog.resolved[key]
    assert summary.resolved == [key] and record["provenance"]["method"] == "search"
    assert record["provenance"]["source"] == "openreview" and record["status"] == "published"
    assert record["csl"]["container-title-short"] == "ICML 2024"


def test_openreview_search_failure_is_not_saved(api: FakeAPI, empty: Path):
    catalog = cat.load(empty)
    key = _key(catalog, "arxiv:2410.01720")
    api.fail("/openreview/notes/search", *[Fault(503, {}, b"busy")] * 5)
    config, http = setup(api, empty)
    summary = resolve.run(catalog, config=config, http=http, only=[key])
    assert "published version" in summary.failed[key] and key not in catalog.resolved
    assert api.count("/openreview/notes/search") == config.max_retries + 1
    assert resolve.run(catalog, config=config, http=http, only=[key]).upgraded == [key]


class _Interrupted:
    """Stands in for ``os`` in delbib.files: Ctrl-C arrives while the n-th file is written."""

    def __init__(self, n: int) -> None:
        self.n, self.fdopen, self.replace = n, os.fdopen, os.replace

    def fsync(self, fd: int) -> None:
        self.n -= 1
        if self.n == 0:
            raise KeyboardInterrupt


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
