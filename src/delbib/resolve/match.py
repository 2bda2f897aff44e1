"""Is a candidate record the paper the catalog means? A title alone never decides.

A wrong paper in a bibliography is worse than a missing one. Crossref holds many records that
carry a paper's title without being the paper (supplementary material, videos, errata,
preprint copies on SSRN), and different papers differ by one word ("Towards ...", "Large"
-> "Small"). So a candidate must be a paper, its title must say nothing the catalog title
does not (no "Supplemental Material for"), its words must be the catalog's up to typing
accidents, and a search hit must be corroborated beyond title and year: by its authors, or by
an identifier that links it to the entry. Every accepted verdict carries that evidence.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from delbib.text import ascii_fold, title_key, title_similarity

SEARCH_THRESHOLD = 0.93  # a search hit: titles must be near-identical
IDENTIFIER_THRESHOLD = 0.80  # a record the link names: allows revised titles (v1 -> v2)
RETITLED_THRESHOLD = 0.40  # a renamed paper keeps some words; below, it is another paper
MIN_AUTHOR_OVERLAP = 0.5
NOT_A_PAPER = "not-a-paper"  # the status sources give records that are no paper
# Words a title gains when the record is about the paper rather than the paper itself. Only
# words the catalog title does not hold count ("Video Instruction Tuning" may say "video").
NOISE_WORDS = frozenset(
    {
        "supplemental",
        "supplementary",
        "supporting",
        "appendix",
        "appendices",
        "video",
        "poster",
        "slides",
        "erratum",
        "errata",
        "corrigendum",
        "corrigenda",
        "correction",
        "retraction",
        "retracted",
        "withdrawn",
        "addendum",
        "abstract",
        "presentation",
        "talk",
        "review",
    }
)
# Words whose presence or absence does not make another paper ("A Survey" vs "Survey").
MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "for", "on", "in", "to", "and", "with", "via", "by", "from", "at"}
)


@dataclass(frozen=True)
class Verdict:
    """Why a candidate was accepted or not; ``score`` is the title similarity in [0, 1] and
    ``evidence`` what agreed (title, year, authors, linking identifier)."""

    accepted: bool
    score: float
    reason: str
    evidence: dict[str, Any] = field(default_factory=dict)


def year_of(csl: dict[str, Any]) -> int | None:
    parts = (csl.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def _family(name: dict[str, Any]) -> str:
    """The last word of a family name, folded: "Horta Ribeiro" and an arXiv "Given Family"
    split ("Manoel Horta Ribeiro" -> family "Ribeiro") compare equal."""
    words = re.findall(
        r"[a-z]+", ascii_fold(name.get("family") or name.get("literal") or "").casefold()
    )
    return words[-1] if words else ""


def families(csl: dict[str, Any]) -> list[str]:
    """Normalised family names in author order."""
    return [f for f in (_family(a) for a in csl.get("author") or []) if f]


def authors_agree(ours: Sequence[str], theirs: Sequence[str]) -> tuple[bool, str]:
    """Same first author, or at least half of the shorter list in the other (a preprint copy
    may name only some of the authors)."""
    shared = set(ours) & set(theirs)
    overlap = len(shared) / min(len(set(ours)), len(set(theirs)))
    detail = f"{len(shared)} of {min(len(set(ours)), len(set(theirs)))} authors shared"
    if ours[0] == theirs[0]:
        return True, f"first author agrees; {detail}"
    return overlap >= MIN_AUTHOR_OVERLAP, detail


def noise(title: str, candidate_title: str) -> set[str]:
    """Words marking the candidate as material about a paper, absent from the catalog title."""
    return (set(title_key(candidate_title).split()) & NOISE_WORDS) - set(title_key(title).split())


def _near(a: str, b: str) -> bool:
    """Two words that differ by a typing accident (a letter or two in a long word, a plural)."""
    if a.rstrip("s") == b.rstrip("s"):
        return True
    if min(len(a), len(b)) < 5 or a.isdigit() or b.isdigit():
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def same_words(title: str, candidate_title: str) -> str | None:
    """None when two titles hold the same words up to case, punctuation, minor words,
    split/joined words ("fine tuning"/"finetuning") and typos; else the first difference."""
    ours, theirs = title_key(title).split(), title_key(candidate_title).split()
    ops = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        a, b = ours[i1:i2], theirs[j1:j2]
        if tag == "equal" or "".join(a) == "".join(b):
            continue
        if tag == "replace" and len(a) == len(b) and all(map(_near, a, b)):
            continue
        if not (set(a) | set(b)) - MINOR_WORDS:
            continue
        return f"{' '.join(a) or '-'} / {' '.join(b) or '-'}"
    return None


def judge(
    title: str,
    candidate: dict[str, Any],
    *,
    years: Iterable[int | None] = (),
    later: int = 0,
    authors: Sequence[str] = (),
    links: Iterable[str] = (),
    candidate_links: Iterable[str] = (),
    status: str | None = None,
    threshold: float = SEARCH_THRESHOLD,
    corroborate: bool = False,
) -> Verdict:
    """Accept ``candidate`` (a CSL item) as the paper titled ``title``.

    It must be a paper (``status``) without noise words; its title must score at least
    ``threshold`` and, for a search hit (``threshold`` at the search level), hold the same
    words; its year must be within one of a known year (or up to ``later`` years after);
    when both author lists are known they must agree (:func:`authors_agree`); and with
    ``corroborate`` the authors or an identifier (``links`` of the entry found among
    ``candidate_links``) must vouch for it beyond title and year.
    """
    candidate_title = candidate.get("title") or ""
    score = title_similarity(title, candidate_title)
    if status == NOT_A_PAPER:
        return Verdict(False, score, f"not a paper ({candidate.get('type') or 'unknown type'})")
    if marks := noise(title, candidate_title):
        return Verdict(False, score, f"title marks no paper: {', '.join(sorted(marks))}")
    if score < threshold:
        return Verdict(False, score, f"title similarity {score:.2f} < {threshold:.2f}")
    evidence: dict[str, Any] = {"title": round(score, 3)}
    if threshold >= SEARCH_THRESHOLD and (diff := same_words(title, candidate_title)):
        return Verdict(False, score, f"titles differ in words: {diff}")
    known = [y for y in years if y]
    year = year_of(candidate)
    if known and year and not any(-1 <= year - y <= max(1, later) for y in known):
        return Verdict(False, score, f"year {year} is not within one of {sorted(set(known))}")
    if known and year:
        evidence["year"] = year
    theirs = families(candidate)
    if authors and theirs:
        agree, detail = authors_agree(list(authors), theirs)
        if not agree:
            return Verdict(False, score, f"authors disagree: {detail}")
        evidence["authors"] = detail
    if shared := sorted(set(links) & set(candidate_links)):
        evidence["link"] = shared[0]
    if corroborate and not ("authors" in evidence or "link" in evidence):
        return Verdict(False, score, "nothing but title and year agrees (no authors, no link)")
    return Verdict(True, score, "accepted", evidence)
