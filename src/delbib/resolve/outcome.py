"""One entry's outcome, and the record saved for it: the accepted CSL item with its
provenance and evidence, or the reason nobody knows the paper and the closest candidate.

An entry that met a failing or unreachable service is saved with what other routes found and
asked again next run, unless that service could only have vouched for an answer (then it is
noted as skipped).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from delbib.catalog.model import Entry
from delbib.resolve import match
from delbib.resolve.attempt import Attempt, Choice
from delbib.resolve.sources import NOT_PUBLISHED, Found, Services

CUSTOM_IDS = ("arxiv", "arxiv_class", "openreview", "acl")


@dataclass
class Outcome:
    kind: str  # resolved | upgraded | unresolved | failed
    record: dict[str, Any] | None
    reason: str | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)  # rejected, best first


def resolve_entry(services: Services, entry: Entry, upgrade: bool | None = None) -> Outcome:
    """One entry's outcome; RunAborted propagates, other source errors become reasons.
    ``upgrade``: see :func:`delbib.resolve.run.run`."""
    attempt = Attempt(services, entry, seek_published=upgrade is True)
    choice = (
        attempt.by_identifier() or attempt.by_route() or attempt.retitled() or attempt.by_search()
    )
    if choice is None:
        if attempt.errors or attempt.down:  # a service failed: ask again rather than guess
            return Outcome("failed", None, "; ".join(attempt.errors + attempt.down))
        reason = "; ".join(
            [*(f"{c['identifier']} is another paper" for c in attempt.conflicts), *attempt.misses]
            or [f"no identifier; best search hit rejected: {attempt.best.get('reason')}"]
        )
        record = _unresolved(entry, reason, attempt.best, attempt.conflicts)
        if attempt.skipped:
            record["provenance"]["skipped"] = attempt.skipped
        candidates = sorted(attempt.rejected, key=lambda c: -c["score"])
        return Outcome("unresolved", record, reason, candidates)
    seek = upgrade is not False and choice.found.status in NOT_PUBLISHED
    if seek and (better := attempt.upgrade(choice.found)):
        choice = better
    kind = "upgraded" if choice.method == "upgrade" else "resolved"
    record = _resolved(entry, choice, attempt.conflicts)
    if attempt.errors or attempt.down:  # saved, asked again: that service may know better
        record["provenance"]["incomplete"] = attempt.errors + attempt.down
    if attempt.skipped:  # searches that could only have vouched: noted, not asked again
        record["provenance"]["skipped"] = attempt.skipped
    return Outcome(kind, record)


def _provenance(entry: Entry, found: Found | None, score: float | None, method: str) -> dict:
    return {
        "source": found.source if found else None,
        "request": found.request if found else None,
        "retrieved": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "score": None if score is None else round(score, 3),
        "method": method,
        "identifiers": list(entry.ids),
    }


def _resolved(entry: Entry, choice: Choice, conflicts: list[dict]) -> dict[str, Any]:
    found = choice.found
    csl = dict(found.csl)
    provenance = _provenance(entry, found, choice.verdict.score, choice.method)
    provenance["evidence"] = choice.verdict.evidence
    if choice.via:
        provenance["via"] = choice.via
    if choice.preprint is not None:
        custom = csl["custom"] = dict(csl.get("custom") or {})
        for name, value in (choice.preprint.csl.get("custom") or {}).items():
            if name in CUSTOM_IDS:  # the version of record's own ids (its OpenReview note) win
                custom.setdefault(name, value)
        provenance["preprint"] = {
            "source": choice.preprint.source,
            "request": choice.preprint.request,
        }
    custom = csl["custom"] = dict(csl.get("custom") or {})
    conflicting = {c["identifier"] for c in conflicts}
    for ident in entry.ids:  # the entry's own ids of this paper (not a link to another)
        scheme, value = ident.split(":", 1)
        if scheme in CUSTOM_IDS and ident not in conflicting:
            custom.setdefault(scheme, value)
    record: dict[str, Any] = {
        "csl": csl,
        "status": found.status,
        "provenance": provenance,
        "conflicts": conflicts,
    }
    title = entry.clean_title or entry.title
    if choice.catalog_title or match.same_words(title, csl.get("title") or ""):
        record["catalog_title"] = title  # renamed since listed: the listed title stays known
    return record


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
