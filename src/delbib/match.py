"""Is a candidate record the paper the catalog means? Title, year and authors must agree.

A wrong paper in a bibliography is worse than a missing one, so a candidate below the
threshold is never accepted: resolve keeps the entry unresolved and shows the candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from delbib.text import ascii_fold, title_similarity

SEARCH_THRESHOLD = 0.93  # a search hit: titles must be near-identical
IDENTIFIER_THRESHOLD = 0.80  # a record the link names: allows revised titles (v1 -> v2)
MIN_AUTHOR_OVERLAP = 0.5


@dataclass(frozen=True)
class Verdict:
    """Why a candidate was accepted or not; ``score`` is the title similarity in [0, 1]."""

    accepted: bool
    score: float
    reason: str


def year_of(csl: dict[str, Any]) -> int | None:
    parts = (csl.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def families(csl: dict[str, Any]) -> set[str]:
    return {
        ascii_fold(a.get("family") or a.get("literal") or "").casefold()
        for a in csl.get("author") or []
    } - {""}


def judge(
    title: str,
    candidate: dict[str, Any],
    *,
    years: Iterable[int | None] = (),
    later: int = 0,
    authors: set[str] = frozenset(),
    threshold: float = SEARCH_THRESHOLD,
) -> Verdict:
    """Accept ``candidate`` when its title scores at least ``threshold``, its year is within
    one of a known year (or up to ``later`` years after it) and, when both author lists are
    known, at least half of the shorter list appears in the other."""
    score = title_similarity(title, candidate.get("title") or "")
    if score < threshold:
        return Verdict(False, score, f"title similarity {score:.2f} < {threshold:.2f}")
    known = [y for y in years if y]
    year = year_of(candidate)
    if known and year and not any(-1 <= year - y <= max(1, later) for y in known):
        return Verdict(False, score, f"year {year} is not within one of {sorted(set(known))}")
    theirs = families(candidate)
    if authors and theirs:
        overlap = len(authors & theirs) / min(len(authors), len(theirs))
        if overlap < MIN_AUTHOR_OVERLAP:
            return Verdict(False, score, f"author overlap {overlap:.2f} < {MIN_AUTHOR_OVERLAP}")
    return Verdict(True, score, "accepted")
