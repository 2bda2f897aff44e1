"""Catalog checks: what a maintainer should fix in the list or pin by hand.

Each finding names the entry key and its source rows. Errors are facts that make an export
wrong (a link shared by two different papers, a year that cannot be, a category outside the
taxonomy); warnings are things to look at (no link, probable duplicates, TLDRs that are not
summaries, papers that left the list).

A finding a maintainer has looked at and accepts is listed under ``accept:`` in
catalog.yaml with the rule, the keys and a reason; it is then reported as accepted and no
longer counts. An acceptance that matches no finding (fixed since, or a key renamed) is a
warning, so stale ones do not pile up.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace

from delbib.catalog.model import Catalog, Entry
from delbib.text import short_name, title_key

from .titleindex import TitleIndex

# Reading lists hold classics (Bush 1945, Lamport 1978): only a year before print is a typo.
MIN_YEAR = 1500
DUPLICATE_SIMILARITY = 85  # rapidfuzz ratio on normalised titles, 0-100

# Phrases of a generated "summary" that refused or judged relevance instead of summarising.
_NOT_A_SUMMARY = re.compile(
    r"\b(?:I'?\s?a?m sorry|I can(?:'|no)t|can(?:'|no)t provide|unable to provide|"
    r"as an AI|isn'?t about|is not about|not relevant to|no relevant summary)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    code: str
    keys: tuple[str, ...]
    rows: tuple[int, ...]
    message: str
    accepted: str | None = None  # the reason, when catalog.yaml accepts this finding

    def to_dict(self) -> dict:
        data = asdict(self)
        data["keys"], data["rows"] = list(self.keys), list(self.rows)
        return data

    def __str__(self) -> str:
        rows = ", ".join(map(str, self.rows)) or "-"
        text = f"{self.severity}: {self.code}: {', '.join(self.keys)} (rows {rows}): {self.message}"
        return f"{text} [accepted: {self.accepted}]" if self.accepted else text


def _finding(severity: str, code: str, entries: list[Entry], message: str) -> Finding:
    rows = tuple(sorted(r for e in entries for r in e.rows))
    return Finding(severity, code, tuple(e.key for e in entries), rows, message)


def check_links(catalog: Catalog) -> list[Finding]:
    return [
        _finding("warning", "no-link", [e], "no usable link (empty or javascript:void())")
        for e in catalog.entries.values()
        if not e.links and not e.pinned
    ]


def check_shared_identifiers(catalog: Catalog) -> list[Finding]:
    owners: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries.values():
        for ident in entry.ids:
            owners[ident].append(entry)
    findings = []
    for ident, entries in owners.items():
        if len(entries) > 1:
            titles = "; ".join(repr(e.clean_title) for e in entries)
            findings.append(
                _finding(
                    "error",
                    "shared-identifier",
                    entries,
                    f"{ident} is linked from different papers: {titles}; pin the right "
                    "identifier on the wrong one (`pinned:` in its paper file)",
                )
            )
    return findings


def check_duplicates(catalog: Catalog) -> list[Finding]:
    """Entries whose titles differ but are close, or that name the same method before a colon
    ("Do-Not-Answer: ..."): often a preprint and its published version. Candidates come from
    the shared title index, so the check grows with the catalog, not with its square."""
    entries = list(catalog.entries.values())
    index = TitleIndex()
    by_name: dict[str, list[int]] = defaultdict(list)
    pairs: dict[tuple[int, int], float | None] = {}
    for j, entry in enumerate(entries):
        key = title_key(entry.clean_title)
        for i, score in index.similar(key, DUPLICATE_SIMILARITY / 100):
            pairs[(i, j)] = score
        name = short_name(entry.clean_title)
        if name:
            for i in by_name[title_key(name)]:
                pairs.setdefault((i, j), None)
            by_name[title_key(name)].append(j)
        index.add(key)
    findings = []
    for (i, j), score in sorted(pairs.items()):
        a, b = entries[i], entries[j]
        why = f"titles are {score * 100:.0f}% alike" if score is not None else "same name"
        findings.append(
            _finding(
                "warning",
                "probable-duplicate",
                [a, b],
                f"{why}: {a.clean_title!r} / {b.clean_title!r} "
                "(a preprint and its published version?)",
            )
        )
    return findings


def check_tldrs(catalog: Catalog) -> list[Finding]:
    return [
        _finding("warning", "tldr-not-summary", [e], f"TLDR is not a summary: {e.tldr!r}")
        for e in catalog.entries.values()
        if e.tldr and _NOT_A_SUMMARY.search(e.tldr)
    ]


def check_years(catalog: Catalog, *, today: _dt.date | None = None) -> list[Finding]:
    last = (today or _dt.date.today()).year + 1
    return [
        _finding("error", "year-range", [e], f"year {e.year} is outside {MIN_YEAR}-{last}")
        for e in catalog.entries.values()
        if e.year is not None and not MIN_YEAR <= e.year <= last
    ]


def check_categories(catalog: Catalog) -> list[Finding]:
    names = {c.name for c in catalog.taxonomy}
    findings = []
    for entry in catalog.entries.values():
        unknown = [c for c in entry.categories if c not in names]
        if unknown:
            findings.append(
                _finding(
                    "error",
                    "unknown-category",
                    [entry],
                    f"categories outside the taxonomy: {', '.join(unknown)}",
                )
            )
        if not entry.categories:
            findings.append(_finding("warning", "no-category", [entry], "no category"))
    return findings


def check_departed(catalog: Catalog) -> list[Finding]:
    return [
        _finding("warning", "not-in-list", [e], "no longer in the source list (kept, not deleted)")
        for e in catalog.entries.values()
        if not e.rows
    ]


CHECKS = (
    check_links,
    check_shared_identifiers,
    check_duplicates,
    check_tldrs,
    check_years,
    check_categories,
    check_departed,
)


def apply_accepted(catalog: Catalog, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with those catalog.yaml accepts marked (``accepted`` holds the reason);
    an acceptance matches a finding of its rule that names exactly its keys, in any order."""
    reasons = {(a.rule, frozenset(a.keys)): a.reason for a in catalog.accept}
    return [
        replace(f, accepted=reason) if (reason := reasons.get((f.code, frozenset(f.keys)))) else f
        for f in findings
    ]


def _unused_acceptances(catalog: Catalog, findings: list[Finding]) -> list[Finding]:
    matched = {(f.code, frozenset(f.keys)) for f in findings if f.accepted}
    return [
        Finding(
            "warning",
            "accept-unused",
            a.keys,
            (),
            f"catalog.yaml accepts a {a.rule} finding on these keys that lint no longer "
            "makes: remove it from accept:",
        )
        for a in catalog.accept
        if (a.rule, frozenset(a.keys)) not in matched
    ]


def run(catalog: Catalog) -> list[Finding]:
    """All findings, accepted ones marked, errors first, then by first source row."""
    findings = apply_accepted(catalog, [f for check in CHECKS for f in check(catalog)])
    findings += _unused_acceptances(catalog, findings)
    return sorted(findings, key=lambda f: (f.severity != "error", f.rows[:1] or (0,), f.code))


def flagged_tldrs(catalog: Catalog) -> set[str]:
    """Keys whose TLDR lint flags as no summary (and no acceptance says it is one)."""
    return {
        key
        for f in apply_accepted(catalog, check_tldrs(catalog))
        if not f.accepted
        for key in f.keys
    }
