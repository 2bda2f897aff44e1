"""A resolve run over the catalog: which entries need a request, a few threads resolving
them (``outcome``) with progress, and each outcome saved as soon as it is known, with the
evidence, so an interrupted run keeps its work and a second run asks nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from typing import Any

from delbib.catalog import csl
from delbib.catalog.model import Catalog, Entry
from delbib.config import Config
from delbib.errors import InputError
from delbib.http import LIMITS, Http, Limit, RunAborted
from delbib.resolve.outcome import Outcome, resolve_entry
from delbib.resolve.sources import Services

Progress = Callable[[str, str, int, int], None]  # key, outcome kind, done, total


@dataclass
class Summary:
    """What a run did; entry keys per outcome, reasons for the ones that need a person."""

    resolved: list[str] = field(default_factory=list)
    upgraded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unresolved: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # not saved: retried next run
    incomplete: dict[str, str] = field(default_factory=dict)  # saved, retried next run
    missing: list[str] = field(default_factory=list)  # offline: would need a request
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: int = 0
    answered: int = 0  # requests that got an HTTP answer (any status)
    throttled: int = 0  # HTTP 429 answers drawn
    down: dict[str, str] = field(default_factory=dict)  # services unreachable in this run
    aborted: str | None = None

    def exit_status(self) -> int:
        """2 when services were needed and none answered at all (no network, all down);
        1 when an entry asked about failed or stayed unresolved, or the run was abandoned;
        else 0. Entries left unresolved by an earlier run are not asked again (``lint``
        lists them), so a run that asks nothing exits 0."""
        if self.down and not self.answered:
            return 2
        return 1 if self.failed or self.unresolved or self.aborted else 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = {
            name: len(getattr(self, name))
            for name in ("resolved", "upgraded", "unchanged", "unresolved", "conflicts", "failed")
        }
        return data


def make_http(config: Config, **options: Any) -> Http:
    """The run's client (every command that talks to a service uses one): time-outs and
    the silence deadline from the configuration, arXiv's interval too."""
    interval = config.arxiv_interval  # arXiv: one request every interval, one at a time
    limits = {**LIMITS, "arxiv": Limit(1.0 / interval, 1, window=interval)}
    return Http(
        mailto=config.mailto,
        timeout=config.timeout,
        connect_timeout=config.connect_timeout,
        deadline=config.deadline,
        max_retries=config.max_retries,
        limits=limits,
        failure_ratio=config.failure_ratio,
        failure_min=config.failure_min,
        **options,
    )


def needs_request(entry: Entry, record: dict[str, Any] | None) -> bool:
    """Missing, attempted with other identifiers than the entry has now, or answered while a
    service was failing. An entry nobody knows ("unresolved") is not asked again."""
    if record is None:
        return True
    provenance = record.get("provenance") or {}
    tried = provenance.get("identifiers")
    return bool(provenance.get("incomplete")) or (tried is not None and list(tried) != entry.ids)


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
    upgrade: Mapping[str, bool] | None = None,
) -> Summary:
    """Resolve the entries that need it; save each outcome at once unless ``dry_run``.

    ``upgrade`` overrides, per key, whether a preprint is replaced by its version of record:
    True looks for one even for an entry listed as a preprint (``delbib upgrade``), False
    keeps the preprint found (``delbib check`` compares an entry with the version it cites).
    """
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
    stats = services.http.stats
    before = (stats.total, stats.throttled, stats.answered)  # a client may serve several runs
    try:
        _prefetch_arxiv(services, [catalog.entries[k] for k in todo])
        _resolve_all(catalog, services, todo, summary, dry_run, progress, upgrade or {})
    except RunAborted as exc:
        summary.aborted = str(exc)
    summary.requests = stats.total - before[0]
    summary.throttled = stats.throttled - before[1]
    summary.answered = stats.answered - before[2]
    summary.down = dict(stats.down)
    return summary


def _prefetch_arxiv(services: Services, entries: list[Entry]) -> None:
    from delbib.resolve.sources import arxiv

    ids = [i.split(":", 1)[1] for e in entries for i in e.ids if i.startswith("arxiv:")]
    arxiv.prefetch(services, ids)


def _resolve_all(
    catalog: Catalog,
    services: Services,
    todo: list[str],
    summary: Summary,
    dry_run: bool,
    progress: Progress | None,
    upgrade: Mapping[str, bool],
) -> None:
    """Resolve in a few threads (the per-service limits still hold); save in this one."""
    pool = ThreadPoolExecutor(max_workers=services.config.workers)
    pending: dict[Future[Outcome], str] = {
        pool.submit(resolve_entry, services, catalog.entries[key], upgrade.get(key)): key
        for key in todo
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
    if incomplete := (record.get("provenance") or {}).get("incomplete"):
        summary.incomplete[key] = "; ".join(incomplete)
    old = catalog.resolved.get(key) or {}
    record = _keep_locked(catalog.entries[key], old, record)
    if diff := _diff(old.get("csl") or {}, record.get("csl") or {}):
        summary.changes[key] = diff
    if not dry:
        catalog.save_resolved(key, record)
        csl.remember(record)  # a journal's ISO 4 abbreviation, once, not on every export


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
