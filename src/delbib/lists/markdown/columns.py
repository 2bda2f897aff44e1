"""Which column of a table holds what: by header meaning first, then by content.

Headers vary ("Tilte", "Title & Authors", "Paper", "Benchmark Name", a misspelt "Yaer"), so a
header is matched against synonyms (exact, then word, then a close spelling), and the content
settles the rest: a column whose cells are mostly dates is the year column whatever its header
says, and of two title-like columns the one with titles (not "[pdf]" links) wins.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from delbib.errors import InputError

from .fields import year_in
from .inline import Cell, strip_emoji

SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "paper",
        "paper title",
        "papers",
        "paper name",
        "name",
        "title & authors",
        "title and authors",
        "article",
        "work",
    ),
    "tldr": (
        "tldr",
        "tl;dr",
        "summary",
        "description",
        "one-line summary",
        "note",
        "notes",
        "highlight",
        "highlights",
        "contribution",
        "abstract",
        "comment",
        "comments",
    ),
    "categories": ("category", "categories", "tag", "tags", "topic", "topics"),
    "links": ("paper link", "link", "links", "url", "pdf", "paper url", "source", "arxiv"),
    "year": ("year", "date", "time", "month", "release", "release date", "publish date"),
    "venue": (
        "publish",
        "venue",
        "published",
        "publication",
        "conference",
        "journal",
        "conf",
        "pub",
        "published in",
        "conference/journal",
    ),
    "authors": ("author", "authors", "first author"),
}
ROLES = tuple(SYNONYMS)
# Title headers that say the rows are papers ("Name" or "Work" may head a team table).
PAPER_HEADERS = frozenset(
    {"title", "paper", "paper title", "papers", "paper name", "article", "title & authors"}
    | {"title and authors"}
)
_FUZZY_MIN = 0.8  # "tilte" ~ "title" is 0.8; unrelated headers score far lower
_TITLE_WORDS = {"title", "paper", "name"}


def header_text(cell: Cell) -> str:
    text = re.sub(r"[*_`]", "", strip_emoji(cell.text))
    return re.sub(r"\s+", " ", text).strip().casefold()


def header_role(name: str) -> str | None:
    """The role a header names, tolerating a misspelling; None for columns we ignore."""
    for role, names in SYNONYMS.items():
        if name in names:
            return role
    # "journal/conference", "venue & year": the role its first part names
    pieces = [p.strip() for p in re.split(r"\s*(?:/|&|\band\b)\s*", name) if p.strip()]
    if len(pieces) > 1 and (first := header_role(pieces[0])) in ("venue", "year", "authors"):
        return first
    words = set(re.findall(r"[a-z]+", name))
    if words & _TITLE_WORDS and not words & {"code", "link", "url", "pdf"}:
        return "title"
    best, best_score = None, 0.0
    for role, names in SYNONYMS.items():
        for candidate in names:
            score = SequenceMatcher(None, name, candidate).ratio()
            if score > best_score:
                best, best_score = role, score
    return best if best_score >= _FUZZY_MIN else None


def _title_like(cells: list[Cell]) -> float:
    """Share of cells holding a title: three words or more, not the same text row after row
    (a column of "Google Drive" links is not one of titles)."""
    filled = [c.text for c in cells if c.text]
    if not filled or len(set(filled)) < 0.8 * len(filled):
        return 0.0
    return sum(len(text.split()) >= 3 for text in filled) / len(filled)


# Headers of columns whose words are never a paper's title, however long
_NEVER_TITLE_WORDS = frozenset((
    "affiliation", "affiliations", "institution", "institutions", "organization",
    "organisation", "university", "country", "location", "language", "languages", "license",
    "email", "homepage", "github", "code", "stars", "team", "members", "people",
))  # fmt: skip


def _linked(cells: list[Cell]) -> bool:
    """Most of the column's cells link something."""
    return bool(cells) and sum(bool(c.links) for c in cells) >= 0.5 * len(cells)


def _never_titles(header: str) -> bool:
    """``Affiliation``, ``For Which Language``: a column of who made it or what it is for."""
    return any(word in _NEVER_TITLE_WORDS for word in re.findall(r"[a-z]+", header.casefold()))


_TITLE_MEAN = 5  # words a column's cells hold on average when they are titles, not venues


def _words(cells: list[Cell]) -> float:
    filled = [c.text for c in cells if c.text]
    return sum(len(text.split()) for text in filled) / len(filled) if filled else 0.0


def _date_like(cells: list[Cell]) -> float:
    filled = [c.text for c in cells if c.text]
    if not filled:
        return 0.0
    return sum(len(t) <= 20 and year_in(t) is not None for t in filled) / len(filled)


def assign(
    headers: list[Cell],
    body: list[list[Cell]],
    overrides: dict[str, str],
) -> dict[str, int]:
    """Role -> column index for one table (``title`` is missing when no column holds titles)."""
    names = [header_text(h) for h in headers]
    columns = [[row[i] for row in body] for i in range(len(headers))]
    roles: dict[str, int] = {}
    title_candidates: list[int] = []
    venues: list[int] = []  # "| Publication | Venue |": two headers that may name the venue
    for col, name in enumerate(names):
        role = header_role(name)
        if role == "title":
            title_candidates.append(col)
        elif role and role not in roles:
            roles[role] = col
        if role == "venue":
            venues.append(col)
    if not title_candidates and len(venues) > 1 and _words(columns[venues[0]]) >= _TITLE_MEAN:
        # "| Publication | Venue | Year |" over "| Neural circulation models for weather |
        # *Nature* | 2024 |": the publication column holds the titles, the venue one venues
        title_candidates.append(venues[0])
        roles["venue"] = venues[1]
    if title_candidates:
        # Prefer a column that holds titles over one of "[pdf]" links (Title | Paper).
        best = max(title_candidates, key=lambda c: (_title_like(columns[c]) >= 0.5, -c))
        roles["title"] = best
        for col in title_candidates:
            if col != best and "links" not in roles:
                roles["links"] = col
    if "title" not in roles or _title_like(columns[roles["title"]]) < 0.3:
        # No header names the titles, or the one that does holds few: take the first
        # unassigned column that holds titles, if any.
        taken = set(roles.values()) - {roles.get("title")}
        liked = [
            c
            for c in range(len(names))
            if c not in taken and _title_like(columns[c]) >= 0.5 and not _never_titles(names[c])
        ]
        # "| EmotionBench [[paper](arxiv)] | Empathy | Emotional changes |": a column that
        # names what each row's paper link is of, before the words describing it
        named = [c for c in range(len(names)) if c not in taken and _linked(columns[c])]
        if liked and named and named[0] < liked[0] and not _linked(columns[liked[0]]):
            roles["title"] = named[0]
        elif liked:
            roles["title"] = liked[0]
    if "year" not in roles or _date_like(columns[roles["year"]]) < 0.5:
        taken = set(roles.values())
        dated = [c for c in range(len(names)) if c not in taken and _date_like(columns[c]) >= 0.6]
        if dated:
            roles["year"] = dated[0]
    for role, header in overrides.items():
        wanted = header.strip().casefold()
        if wanted in names:  # a header the user named is trusted
            col = names.index(wanted)
            roles = {r: c for r, c in roles.items() if c != col}
            roles[role] = col
    return roles


def parse_overrides(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["title=Paper", "year=When"]`` -> {role: header}; a bad pair is an ``InputError``."""
    result: dict[str, str] = {}
    for pair in pairs:
        role, sep, header = pair.partition("=")
        role = role.strip().casefold()
        if not sep or not header.strip() or role not in ROLES:
            raise InputError(
                f"--column {pair!r}: write ROLE=HEADER with ROLE one of {', '.join(ROLES)}",
                field="column",
            )
        result[role] = header.strip()
    return result
