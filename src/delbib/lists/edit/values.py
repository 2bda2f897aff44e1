"""What an item should show for its entry: the values render-list shows (resolved where
known), and for an entry listed twice only what changed since its first item was read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from delbib.catalog import item as item_mod
from delbib.catalog.model import Entry
from delbib.lists.cells import shown_year, venue_of, year_of
from delbib.lists.listed import listed
from delbib.lists.markdown import Row
from delbib.text import clean_title, title_key


@dataclass(frozen=True)
class Target:
    """What an item should show for its entry."""

    title: str
    exact: bool  # the title is a resolved spelling to show as is (else: as listed, any spacing)
    year: int | None
    month: int | None
    venue: str | None
    tldr: str | None
    links: tuple[str, ...]
    categories: tuple[str, ...]
    authors: str | None


def target(entry: Entry, record: dict[str, Any] | None, *, listed: bool) -> Target:
    """The values render-list shows for ``entry`` (resolved where known, as in a fresh
    rendering), with the month of the resolved date for lists that write months."""
    csl = (record or {}).get("csl") or {}
    resolved = csl.get("title")
    title, exact = entry.clean_title, False
    if not listed and resolved and title_key(resolved) == title_key(entry.clean_title):
        title, exact = " ".join(str(resolved).split()), True
    parts = item_mod.date_parts(csl) if not listed else ()
    year = shown_year(entry.year) if listed else year_of(entry, record)
    return Target(
        title=title,
        exact=exact,
        year=year,
        month=parts[1] if len(parts) > 1 and parts[0] == year else None,
        venue=entry.venue if listed else venue_of(entry, record),
        tldr=entry.tldr,
        links=tuple(entry.links),
        categories=tuple(entry.categories),
        authors=entry.authors,
    )


def same_title(clean: str, listed: str) -> bool:
    """A catalog title and a listed one name the same (as import cleans a listed title)."""
    return title_key(clean) == title_key(clean_title(listed))


def changes_only(want: Target, rows: list[Row], row: Row) -> Target:
    """What ``row`` should show: its own values, but those the entry changed since its items
    were read (an entry listed twice may say other things in each item; the import took
    each value from the row ``listed`` names)."""
    whole = listed(rows)
    named = rows[whole.titled].title
    title_kept = want.title == named if want.exact else same_title(want.title, named)
    return replace(
        want,
        title=row.title if title_kept else want.title,
        exact=want.exact and not title_kept,
        year=row.year if want.year == whole.year else want.year,
        venue=row.venue if want.venue == whole.venue else want.venue,
        tldr=row.tldr if want.tldr == rows[0].tldr else want.tldr,
    )
