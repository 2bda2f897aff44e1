"""Catalog entries -> CSL records with provenance, fetched only where something is missing.

Each entry's identifiers are tried in ``sources.ORDER``; a record whose title disagrees with
the catalog's is a conflict (reported, never applied); an entry with no usable identifier is
searched on Crossref, then among OpenReview's accepted papers, and the hit must pass
``match.judge``. A preprint (or a rejected submission) is then upgraded to its version of
record when one is found: arXiv's DOI link, else a Crossref search, else an accepted
OpenReview note. Every outcome, including "unresolved", is saved as soon as it is known, so an
interrupted run keeps its work and a second run asks nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from typing import Any

from delbib import match
from delbib.catalog import Catalog, Entry
from delbib.config import Config
from delbib.errors import InputError, SourceError
from delbib.http import LIMITS, Http, Limit, RunAborted
from delbib.sources import FETCHERS, NOT_PUBLISHED, ORDER, Found, NotFound, Services, fetcher

Progress = Callable[[str, str, int, int], None]  # key, outcome kind, done, total
CUSTOM_IDS = ("arxiv", "arxiv_class", "openreview", "acl")


@dataclass
class Summary:
    """What a run did; entry keys per outcome, reasons for the ones that need a person."""

    resolved: list[str] = field(default_factory=list)
    upgraded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unresolved: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # not saved: retried next run
    missing: list[str] = field(default_factory=list)  # offline: would need a request
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: int = 0
    aborted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = {
            name: len(getattr(self, name))
            for name in ("resolved", "upgraded", "unchanged", "unresolved", "conflicts", "failed")
        }
        return data


@dataclass
class Outcome:
    kind: str  # resolved | upgraded | unresolved | failed
    record: dict[str, Any] | None
    reason: str | None = None


def make_http(config: Config, **options: Any) -> Http:
    """The run's client, with arXiv's interval taken from the configuration."""
    limits = {**LIMITS, "arxiv": Limit(1.0 / config.arxiv_interval, 1)}
    return Http(
        mailto=config.mailto,
        timeout=config.timeout,
        max_retries=config.max_retries,
        limits=limits,
        failure_ratio=config.failure_ratio,
        failure_min=config.failure_min,
        **options,
    )


def needs_request(entry: Entry, record: dict[str, Any] | None) -> bool:
    """Missing, or attempted with other identifiers than the entry has now."""
    if record is None:
        return True
    tried = (record.get("provenance") or {}).get("identifiers")
    return tried is not None and list(tried) != entry.ids


def run(
    catalog: Catalog,
    *,
    config: Config,
    refresh: bool = False,
    offline: bool = False,
    only: tuple[str, ...] | list[str] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
    http: Http | None = None,
) -> Summary:
    """Resolve the entries that need it; save each outcome at once unless ``dry_run``."""
    unknown = [k for k in only if k not in catalog.entries]
    if unknown:
        raise InputError(f"no entry with key {unknown[0]!r}", field="only")
    keys = list(only) or list(catalog.entries)
    summary = Summary()
    todo = []
    for key in keys:
        if refresh or needs_request(catalog.entries[key], catalog.resolved.get(key)):
            todo.append(key)
        else:
            summary.unchanged.append(key)
    if offline:
        summary.missing = todo
        return summary
    services = Services(config, http or make_http(config))
    try:
        _prefetch_arxiv(services, [catalog.entries[k] for k in todo])
        _resolve_all(catalog, services, todo, summary, dry_run, progress)
    except RunAborted as exc:
        summary.aborted = str(exc)
    summary.requests = services.http.stats.total
    return summary


def _prefetch_arxiv(services: Services, entries: list[Entry]) -> None:
    from delbib.sources import arxiv

    ids = [i.split(":", 1)[1] for e in entries for i in e.ids if i.startswith("arxiv:")]
    arxiv.prefetch(services, ids)


def _resolve_all(
    catalog: Catalog,
    services: Services,
    todo: list[str],
    summary: Summary,
    dry_run: bool,
    progress: Progress | None,
) -> None:
    """Resolve in a few threads (the per-service limits still hold); save in this one."""
    pool = ThreadPoolExecutor(max_workers=services.config.workers)
    pending: dict[Future[Outcome], str] = {
        pool.submit(resolve_entry, services, catalog.entries[key]): key for key in todo
    }
    done = 0
    try:
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                key = pending.pop(future)
                outcome = future.result()
                _record(catalog, key, outcome, summary, dry_run)
                done += 1
                if progress:
                    progress(key, outcome.kind, done, len(todo))
    finally:  # Ctrl-C or an abort: drop what has not started, keep what was saved
        pool.shutdown(wait=False, cancel_futures=True)


def _record(catalog: Catalog, key: str, outcome: Outcome, summary: Summary, dry: bool) -> None:
    if outcome.kind == "failed":
        summary.failed[key] = outcome.reason or "failed"
        return
    record = outcome.record or {}
    if record.get("conflicts"):
        summary.conflicts[key] = record["conflicts"]
    if outcome.kind == "unresolved":
        summary.unresolved[key] = outcome.reason or "unresolved"
    else:
        getattr(summary, outcome.kind).append(key)
    old = catalog.resolved.get(key) or {}
    record = _keep_locked(catalog.entries[key], old, record)
    if diff := _diff(old.get("csl") or {}, record.get("csl") or {}):
        summary.changes[key] = diff
    if not dry:
        catalog.save_resolved(key, record)


def _keep_locked(entry: Entry, old: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Fields the entry locks keep their stored value (or stay absent)."""
    if not entry.locked or record.get("csl") is None:
        return record
    csl = dict(record["csl"])
    before = old.get("csl") or {}
    for name in entry.locked:
        if name in before:
            csl[name] = before[name]
        else:
            csl.pop(name, None)
    return {**record, "csl": csl}


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {
        name: {"old": old.get(name), "new": new.get(name)}
        for name in sorted(set(old) | set(new))
        if old.get(name) != new.get(name)
    }


# ------------------------------------------------------------------------ one entry


def usable_ids(entry: Entry) -> list[str]:
    """The entry's identifiers that a source can fetch, in ``ORDER``."""
    ids = [i for i in entry.ids if i.split(":", 1)[0] in FETCHERS]
    return sorted(ids, key=lambda i: ORDER.index(i.split(":", 1)[0]))


def resolve_entry(services: Services, entry: Entry) -> Outcome:
    """One entry's outcome; RunAborted propagates, other source errors become reasons."""
    title = entry.clean_title or entry.title
    conflicts: list[dict[str, Any]] = []
    misses: list[str] = []
    errors: list[str] = []
    chosen: tuple[Found, match.Verdict, str] | None = None
    for ident in usable_ids(entry):
        scheme, value = ident.split(":", 1)
        try:
            found = fetcher(scheme)(services, value)
        except RunAborted:
            raise
        except NotFound as exc:
            misses.append(f"{ident}: {exc}")
            continue
        except SourceError as exc:
            errors.append(f"{ident}: {exc}")
            continue
        verdict = match.judge(title, found.csl, threshold=match.IDENTIFIER_THRESHOLD)
        if verdict.accepted or ident in entry.pinned:
            chosen = (found, verdict, "identifier")
            break
        conflicts.append(_conflict(ident, found, verdict))
    if chosen is None:
        if errors:  # a service failed: try again next run rather than record a guess
            return Outcome("failed", None, "; ".join(errors))
        try:
            chosen, candidate = _search(services, title, years=[entry.year], authors=set())
            if chosen:
                chosen = (chosen[0], chosen[1], "search")
        except RunAborted:
            raise
        except NotFound as exc:
            chosen, candidate = None, {"reason": str(exc)}
        except SourceError as exc:
            return Outcome("failed", None, f"search: {exc}")
        if chosen is None:
            reason = "; ".join(
                [*(f"{c['identifier']} is another paper" for c in conflicts), *misses]
                or [f"no identifier; best search hit rejected: {candidate.get('reason')}"]
            )
            return Outcome("unresolved", _unresolved(entry, reason, candidate, conflicts), reason)
    found, verdict, method = chosen
    record = _resolved(entry, found, verdict, method, conflicts)
    if found.status not in NOT_PUBLISHED:
        return Outcome("resolved", record)
    try:
        better = _upgrade(services, entry, found)
    except SourceError as exc:
        if isinstance(exc, RunAborted):
            raise
        return Outcome("failed", None, f"looking for a published version: {exc}")
    if better is None:
        return Outcome("resolved", record)
    published, pub_verdict, how = better
    upgraded = _resolved(entry, published, pub_verdict, "upgrade", conflicts)
    custom = upgraded["csl"].setdefault("custom", {})
    for name, value in (found.csl.get("custom") or {}).items():
        if name in CUSTOM_IDS:  # the version of record's own ids (its OpenReview note) win
            custom.setdefault(name, value)
    upgraded["provenance"]["via"] = how
    upgraded["provenance"]["preprint"] = {"source": found.source, "request": found.request}
    return Outcome("upgraded", upgraded)


def _conflict(ident: str, found: Found, verdict: match.Verdict) -> dict[str, Any]:
    return {
        "identifier": ident,
        "title": found.csl.get("title"),
        "score": round(verdict.score, 3),
        "source": found.source,
        "request": found.request,
        "reason": f"the record's title does not match the catalog title ({verdict.reason})",
    }


def _search(
    services: Services,
    title: str,
    *,
    years: list[int | None],
    authors: set[str],
    later: int = 1,
    published_only: bool = False,
) -> tuple[tuple[Found, match.Verdict, str] | None, dict[str, Any]]:
    """The first search hit that passes ``match.judge``, else None and the closest hit.

    Crossref is asked first: a version with a DOI (proceedings, journal) is the one to cite,
    and most papers that have one are found there. Only when none of its hits passes is
    OpenReview asked (its limit is the strictest, one request in flight); there only accepted
    papers count, a rejected, withdrawn or pending submission is no version of record.
    """
    best: dict[str, Any] = {"reason": "no search hits"}
    best_score = -1.0
    for name, hits in _search_hits(services, title):
        for found in hits:
            if name == "openreview" and found.status != "published":
                continue
            verdict = match.judge(title, found.csl, years=years, later=later, authors=authors)
            if verdict.accepted and (found.status == "published" or not published_only):
                return (found, verdict, f"{name} search"), {}
            if verdict.score > best_score:
                best_score = verdict.score
                best = {
                    "title": found.csl.get("title"),
                    "DOI": found.csl.get("DOI"),
                    "issued": found.csl.get("issued"),
                    "score": round(verdict.score, 3),
                    "reason": verdict.reason,
                    "request": found.request,
                }
    return None, best


def _search_hits(services: Services, title: str) -> Iterator[tuple[str, list[Found]]]:
    """Each search service's hits for a title, asked one after the other, only as needed."""
    from delbib.sources import crossref, openreview

    yield "crossref", [found for found, _ in crossref.search(services, title)]
    yield "openreview", openreview.search(services, title)


def _upgrade(
    services: Services, entry: Entry, preprint: Found
) -> tuple[Found, match.Verdict, str] | None:
    """The version of record of a preprint: arXiv's own DOI link, else a search (Crossref,
    then OpenReview's accepted papers) whose hit must agree on title, authors and a year no
    earlier than the preprint's."""
    from delbib.sources import doi

    title = preprint.csl.get("title") or entry.clean_title
    authors = match.families(preprint.csl)
    years = [match.year_of(preprint.csl), entry.year]
    for hint in preprint.hints:
        try:
            found = doi.fetch(services, hint.split(":", 1)[1])
        except NotFound:
            continue
        verdict = match.judge(
            title, found.csl, authors=authors, threshold=match.IDENTIFIER_THRESHOLD
        )
        if verdict.accepted and found.status == "published":
            return found, verdict, f"arxiv:doi {hint}"
    chosen, _ = _search(services, title, years=years, authors=authors, later=3, published_only=True)
    return chosen


def _provenance(entry: Entry, found: Found | None, score: float | None, method: str) -> dict:
    return {
        "source": found.source if found else None,
        "request": found.request if found else None,
        "retrieved": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "score": None if score is None else round(score, 3),
        "method": method,
        "identifiers": list(entry.ids),
    }


def _resolved(
    entry: Entry, found: Found, verdict: match.Verdict, method: str, conflicts: list[dict]
) -> dict[str, Any]:
    return {
        "csl": dict(found.csl),
        "status": found.status,
        "provenance": _provenance(entry, found, verdict.score, method),
        "conflicts": conflicts,
    }


def _unresolved(
    entry: Entry, reason: str, candidate: dict[str, Any], conflicts: list[dict]
) -> dict[str, Any]:
    return {
        "csl": None,
        "status": "unknown",
        "unresolved": {"reason": reason, "candidate": candidate or None},
        "provenance": _provenance(entry, None, candidate.get("score"), "attempt"),
        "conflicts": conflicts,
    }
