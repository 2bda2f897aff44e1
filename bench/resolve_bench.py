"""Resolve the whole shipped catalog plus the invented papers, from empty, against the noisy
local fake services that enforce the published rate limits; then a second run.

Reports wrong papers (checked against the reference facts, catalog/source/catalog-reference
.jsonl, and the invented papers' hand-written expectations), recall among the entries that
can be resolved (an identifier, or for invented papers an expectation that is not
"unresolved"), upgrades, requests per entry, 429s drawn, and wall time against the floor the
published limits set. arXiv's 3 s interval is scaled (``--arxiv-interval``, default 0.3 s) on
both sides so a run takes a minute. Run: ``python bench/resolve_bench.py [--pool public]
[--no-venue]`` (``--no-venue``: every entry without its venue, as a list with no venue
column gives it; only the pools' runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from delbib import config as cfg  # noqa: E402
from delbib.catalog import model as cat  # noqa: E402
from delbib.resolve import match  # noqa: E402
from delbib.resolve import run as resolve  # noqa: E402
from delbib.resolve.sources import FETCHERS, ROUTES  # noqa: E402
from delbib.text import title_key  # noqa: E402
from tests.fakeapi import LIMITS, add_invented, serve  # noqa: E402

REFERENCE = ROOT / "catalog" / "source" / "catalog-reference.jsonl"


def wrong_reference(record: dict, facts: dict) -> str | None:
    """Why a resolved record is not the reference's paper (None when it is): another title
    (unless the record keeps the listed title as renamed), a DOI that is neither the paper's
    nor its arXiv DOI, or authors that do not agree."""
    csl = record["csl"]
    titles = {title_key(facts.get("title") or ""), title_key(facts.get("catalog_title") or "")}
    if title_key(csl.get("title") or "") not in titles and not record.get("catalog_title"):
        return f"title {csl.get('title')!r}"
    allowed = {facts.get("DOI"), None}
    if facts.get("arxiv"):
        allowed.add(f"10.48550/arxiv.{facts['arxiv']}".lower())
    if csl.get("DOI") not in allowed and facts.get("DOI"):
        return f"DOI {csl.get('DOI')}"
    ours, theirs = match.families(csl), match.families(facts)
    if ours and theirs and not match.authors_agree(ours, theirs)[0]:
        return "authors"
    return None


def wrong_invented(record: dict, expect: dict) -> str | None:
    """Why a record is not the invented paper's (None when it is; its preprint is the paper
    too, so a missed upgrade is not a wrong paper: ``as_expected`` tells those apart)."""
    csl = record["csl"]
    if expect.get("unresolved"):
        return f"wrote {csl.get('DOI') or csl.get('title')} where nothing is corroborated"
    custom = csl.get("custom") or {}
    allowed = {expect.get("DOI"), None}
    if expect.get("arxiv"):
        allowed.add(f"10.48550/arxiv.{expect['arxiv']}")
    if csl.get("DOI") not in allowed:
        return f"DOI {csl.get('DOI')} instead of {expect.get('DOI')}"
    for name in ("arxiv", "openreview"):
        if custom.get(name) not in (None, expect.get(name)):
            return f"{name} {custom.get(name)} instead of {expect.get(name)}"
    return None


def as_expected(record: dict, expect: dict) -> bool:
    """The record says everything the invented paper's expectation says."""
    csl = record.get("csl") or {}
    if expect.get("unresolved"):
        return not csl
    custom = csl.get("custom") or {}
    venue = f"{csl.get('container-title')} {csl.get('container-title-short')}"
    return (
        csl.get("DOI") == expect.get("DOI", csl.get("DOI"))
        and record.get("status") == expect.get("status", record.get("status"))
        and all(custom.get(n) == expect[n] for n in ("arxiv", "openreview") if n in expect)
        and expect.get("container", "") in venue
    )


def drop_venues(root: Path) -> None:
    """Every entry without its venue, as a list with no venue column gives it: no entry is then
    a listed preprint, and title searches take the general route."""
    catalog = cat.load(root, with_resolved=False)
    for entry in catalog.entries.values():
        entry.venue = None
        catalog.save_entry(entry)


def run(pool: str, arxiv_interval: float, *, no_venue: bool = False) -> None:
    reference = {
        r["row"]: r for r in map(json.loads, REFERENCE.read_text(encoding="utf-8").splitlines())
    }
    with serve() as api, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        shutil.copytree(ROOT / "catalog", root, ignore=shutil.ignore_patterns("source", "resolved"))
        invented = {p["key"]: p["expect"] for p in add_invented(root)}
        if no_venue:
            drop_venues(root)
        api.enforce, api.arxiv_interval = True, arxiv_interval
        env = api.config_env()
        if pool == "polite":
            env["DELBIB_MAILTO"] = "bench@example.org"
        config = dataclasses.replace(cfg.load(root, env=env), arxiv_interval=arxiv_interval)
        catalog = cat.load(root)
        http = resolve.make_http(config)
        start = time.perf_counter()
        summary = resolve.run(catalog, config=config, http=http)
        wall = time.perf_counter() - start
        first_requests = api.count()
        again = resolve.run(cat.load(root), config=config, http=resolve.make_http(config))
        second_requests = api.count() - first_requests

    wrong, eligible, resolved_ok = {}, 0, 0
    expected = sum(as_expected(catalog.resolved.get(k) or {}, e) for k, e in invented.items())
    for key, entry in catalog.entries.items():
        record = catalog.resolved.get(key) or {}
        if key in invented:
            can = not invented[key].get("unresolved")
        else:
            can = any(i.split(":", 1)[0] in {*FETCHERS, *ROUTES} for i in entry.ids)
        eligible += can
        if not record.get("csl"):
            continue
        if key in invented:
            why = wrong_invented(record, invented[key])
        else:
            why = wrong_reference(record, reference[entry.rows[0]])
        if why:
            wrong[key] = why
        elif can:
            resolved_ok += 1
    floors = {}
    for bucket, count in http.stats.requests.items():
        rate, per = LIMITS.get(bucket, (1, arxiv_interval, 1))[:2]
        floors[bucket] = (count - 1) * per / rate
    n = len(catalog.entries)
    counts = summary.to_dict()["counts"]
    shipped = f"{n - len(invented)} shipped, {len(invented)} invented"
    print(f"pool {pool}{' (no venues)' if no_venue else ''}: {n} entries ({shipped})")
    print(f"  outcome {counts}")
    print(f"  wrong papers {len(wrong)} {wrong or ''}")
    print(f"  recall {resolved_ok}/{eligible} = {resolved_ok / eligible:.1%} of resolvable entries")
    print(f"  upgraded to a version of record {len(summary.upgraded)}")
    print(f"  invented papers resolved exactly as expected: {expected}/{len(invented)}")
    per_entry = summary.requests / n
    print(f"  requests {summary.requests} ({per_entry:.2f} per entry), 429s {api.throttled}")
    for bucket, count in sorted(http.stats.requests.items()):
        print(f"    {bucket:24} {count:4} requests, floor {floors[bucket]:6.2f} s")
    slowest = max(floors, key=floors.get)
    print(f"  wall {wall:.1f} s; floor {floors[slowest]:.1f} s ({slowest})")
    print(f"  second run: {second_requests} requests, {len(again.unchanged)} unchanged")


def run_faults(arxiv_interval: float) -> None:
    """A run with faults (dblp unreachable, a search failing five times, a body cut short),
    then a run with the faults gone: which entries does the second run ask for?"""
    from tests.fakeapi import Fault

    with serve() as api, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        shutil.copytree(ROOT / "catalog", root, ignore=shutil.ignore_patterns("source", "resolved"))
        add_invented(root)
        api.enforce, api.arxiv_interval = True, arxiv_interval
        env = {**api.config_env(), "DELBIB_MAILTO": "bench@example.org"}
        config = dataclasses.replace(cfg.load(root, env=env), arxiv_interval=arxiv_interval)
        api.fail("/openreview/notes/search", *[Fault(503, {}, b"busy")] * 5)
        api.fail("/crossref/works", Fault(200, {"Content-Type": "application/json"}, b'{"st'))
        faulty = dataclasses.replace(config, dblp_url="http://127.0.0.1:9")
        first = resolve.run(cat.load(root), config=faulty, http=resolve.make_http(faulty))
        retry = set(first.failed) | set(first.incomplete)
        before = api.count()
        second = resolve.run(cat.load(root), config=config, http=resolve.make_http(config))
        asked = {k for k in cat.load(root).entries if k not in second.unchanged}
    print("faults: dblp unreachable, one OpenReview search failing 5 times, one cut body")
    print(
        f"  first run: aborted {first.aborted}, down {sorted(first.down)}, failed "
        f"{len(first.failed)}, saved but incomplete {len(first.incomplete)}, 429s "
        f"{first.throttled}"
    )
    print(
        f"  second run asked {len(asked)} entries (exactly those: {asked == retry}), "
        f"{api.count() - before} requests; now failed {len(second.failed)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--arxiv-interval", type=float, default=0.3)
    parser.add_argument("--pool", choices=("polite", "public", "both"), default="both")
    parser.add_argument("--faults", action="store_true", help="only the run with faults")
    parser.add_argument("--no-venue", action="store_true", help="entries without their venues")
    args = parser.parse_args()
    if args.faults:
        run_faults(args.arxiv_interval)
        return
    for pool in ("polite", "public") if args.pool == "both" else (args.pool,):
        run(pool, args.arxiv_interval, no_venue=args.no_venue)
    if args.no_venue:
        return
    run_faults(args.arxiv_interval)


if __name__ == "__main__":
    main()
