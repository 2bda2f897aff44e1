"""Which rows a rendered list has and where each goes: one row per source row of every listed
entry, in row order, its categories spread over its rows (one table with a category column),
or grouped into sections by category (one table per category under headings).

Built to survive ``import-markdown``: every listed entry keeps its source row numbers (a paper
listed twice is rendered twice) and its categories first appear in the taxonomy's order, so
importing a rendered list gives the same entries, categories, identifiers and rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from delbib.catalog.model import Catalog, Entry
from delbib.lists.cells import shown_year, title_of, venue_of, year_of


@dataclass(frozen=True)
class Paper:
    """What the list shows for one entry."""

    key: str
    title: str
    tldr: str | None
    categories: tuple[str, ...]
    links: tuple[str, ...]
    year: int | None
    venue: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "tldr": self.tldr,
            "categories": list(self.categories),
            "links": list(self.links),
            "year": self.year,
            "venue": self.venue,
        }


@dataclass(frozen=True)
class Row:
    paper: Paper
    categories: tuple[str, ...]  # what this row's category cell lists


@dataclass
class Section:
    name: str | None  # a category (sectioned lists), None for the one table of a list
    rows: list[Row] = field(default_factory=list)


def paper(entry: Entry, record: dict[str, Any] | None, *, listed: bool = False) -> Paper:
    """The row values of one entry: resolved where known, or exactly as listed."""
    if listed:
        title, year, venue = entry.title, shown_year(entry.year), entry.venue
    else:
        title, year, venue = (
            title_of(entry, record),
            year_of(entry, record),
            venue_of(entry, record),
        )
    return Paper(
        key=entry.key,
        title=title,
        tldr=entry.tldr,
        categories=tuple(entry.categories),
        links=tuple(entry.links),
        year=year,
        venue=venue,
    )


def listed_entries(catalog: Catalog) -> list[Entry]:
    """Entries still in the list (a paper that left it keeps its file with no rows)."""
    return [e for e in catalog.ordered() if e.rows]


def table_rows(catalog: Catalog, papers: dict[str, Paper]) -> list[Row]:
    """One row per source row, in row order, with the categories its category cell lists."""
    return [Row(papers[key], shown) for key, shown in _category_cells(catalog)]


def category_cells_keep_order(catalog: Catalog) -> bool:
    """True when the category cells of ``table_rows`` name the taxonomy's categories first in
    its order. An import orders a category column's names as they first appear, so a list
    whose section has its own papers after a subsection's (``Tutorials`` with ``Books``
    above its papers) would come back with the subsection first: it needs its sections."""
    shown = dict.fromkeys(name for _, names in _category_cells(catalog) for name in names)
    order = [c.name for c in catalog.taxonomy if c.name in shown]
    known = set(order)
    return [name for name in shown if name in known] == order


def _category_cells(catalog: Catalog) -> list[tuple[str, tuple[str, ...]]]:
    """(entry key, its category cell) per source row, in row order, with each entry's
    categories spread over its rows.

    A row lists the entry's next categories (in the entry's order) as long as each is either
    already shown or the taxonomy's next one; the entry's last row lists all that remain. So
    each entry's rows name its categories in its order, which is what an import reads back,
    and the categories appear first in taxonomy order where the row order allows it.
    """
    entries = {e.key: e for e in listed_entries(catalog)}
    slots = sorted((row, key) for key, e in entries.items() for row in e.rows)
    pending = {key: list(e.categories) for key, e in entries.items()}
    left = {key: len(e.rows) for key, e in entries.items()}
    used = {name for e in entries.values() for name in e.categories}
    order = [c.name for c in catalog.taxonomy if c.name in used]
    order += sorted(used - set(order))  # names outside the taxonomy (lint reports them) last
    seen: set[str] = set()
    rows = []
    for _, key in slots:
        left[key] -= 1
        todo = pending[key]
        if left[key] == 0:
            chunk = todo
        else:
            chunk = []
            for name in todo:
                upcoming = next((n for n in order if n not in seen), None)
                if name not in seen and name != upcoming:
                    break
                chunk.append(name)
                seen.add(name)
        seen.update(chunk)
        pending[key] = todo[len(chunk) :]
        shown = chunk or [c for c in entries[key].categories if c not in pending[key]][:1]
        rows.append((key, tuple(shown)))
    return rows


def sections(
    catalog: Catalog, papers: dict[str, Paper], *, every_row: bool = True
) -> list[Section]:
    """One section per category in taxonomy order, with a row for each source row of the
    entries in it, in row order: a paper listed twice in one section, or in two sections,
    keeps each of its rows at its place, so a re-import numbers the rows as the list did.
    Without ``every_row`` (a template's layout) a paper is shown once in a section."""
    placed = _rows_by_category(listed_entries(catalog))
    out = []
    for cat in catalog.taxonomy:
        slots = sorted(placed.get(cat.name, []), key=_slot_order)
        if not every_row:
            slots = sorted(
                {key: (row, key) for row, key in reversed(slots)}.values(), key=_slot_order
            )
        rows = [Row(papers[key], (cat.name,)) for _, key in slots]
        if rows:
            out.append(Section(cat.name, rows))
    return out


def _slot_order(slot: tuple[int | None, str]) -> tuple[bool, int, str]:
    return slot[0] is None, slot[0] or 0, slot[1]


def section_runs(catalog: Catalog, papers: dict[str, Paper]) -> list[tuple[str | None, list[Row]]]:
    """Sections: each top category in taxonomy order with the ones below it, their rows in
    source order, cut where the category they were listed under changes (a section whose own
    papers go on after a subsection's, as a label in a list does, comes back after it).

    Papers with no category (a list's own paper, read above its first heading) come first,
    in a run named None: under no heading, where an import reads them as they were."""
    entries = listed_entries(catalog)
    placed = _rows_by_category(entries)
    parents = {c.name: c.parent for c in catalog.taxonomy}
    order = {c.name: i for i, c in enumerate(catalog.taxonomy)}

    def rank(name: str) -> int:
        return order.get(name, len(order))

    listed = sorted(
        (rank(category_path(name, parents)[0]), row, rank(name), name, key)
        for name, slots in placed.items()
        for row, key in slots
        if row is not None
    )
    runs: list[tuple[str, list[Row]]] = []
    for *_, name, key in listed:
        if not runs or runs[-1][0] != name:
            runs.append((name, []))
        runs[-1][1].append(Row(papers[key], (name,)))
    for name in sorted(placed, key=rank):  # categories given by hand: at their last run's end
        for _, key in sorted(s for s in placed[name] if s[0] is None):
            last = next((run for run in reversed(runs) if run[0] == name), None)
            if last is None:
                root = rank(category_path(name, parents)[0])
                at = sum(rank(category_path(run[0], parents)[0]) <= root for run in runs)
                last = (name, [])
                runs.insert(at, last)
            last[1].append(Row(papers[key], (name,)))
    loose = sorted((row, e.key) for e in entries if not e.categories for row in e.rows)
    first: list[tuple[str | None, list[Row]]] = []
    if loose:
        first.append((None, [Row(papers[key], ()) for _, key in loose]))
    return first + runs


def _rows_by_category(entries: list[Entry]) -> dict[str, list[tuple[int | None, str]]]:
    """The category each source row of each entry was listed under: plain when the entry has
    one category or as many rows as categories (the importer keeps both in list order);
    otherwise the category of the nearest such row above, if the entry has it. An entry with
    fewer rows than categories (some given by hand) is in its first one at its first row and
    in the others with no row (None): at their end."""
    placed: dict[str, list[tuple[int | None, str]]] = {}
    known: dict[int, str] = {}
    unsure = []
    for e in entries:
        rows, cats = sorted(e.rows), list(e.categories)
        if not cats:
            continue
        if len(rows) < len(cats):  # categories given by hand: shown at the end of each
            placed.setdefault(cats[0], []).append((rows[0], e.key))
            for name in cats[1:]:
                placed.setdefault(name, []).append((None, e.key))
        elif len(cats) == 1 or len(rows) == len(cats):
            for i, row in enumerate(rows):
                known[row] = cats[min(i, len(cats) - 1)]
                placed.setdefault(known[row], []).append((row, e.key))
        else:
            unsure.append((e.key, rows, cats))
    anchors = sorted(known)
    for key, rows, cats in unsure:
        chosen = []
        for i, row in enumerate(rows):
            above = bisect.bisect_left(anchors, row)
            near = known[anchors[above - 1]] if above else None
            chosen.append(near if near in cats else cats[min(i, len(cats) - 1)])
        if set(chosen) != set(cats):  # every category keeps a row
            chosen = [cats[min(i, len(cats) - 1)] for i in range(len(rows))]
        for row, name in zip(rows, chosen, strict=True):
            placed.setdefault(name, []).append((row, key))
    return placed


def category_path(name: str, parents: dict[str, str | None]) -> list[str]:
    """A category and the ones above it, outermost first: its section's headings, so a
    re-import finds the same nesting (a parent with no papers of its own is still a
    heading)."""
    path = [name]
    while (up := parents.get(path[0])) and up in parents and up not in path:
        path.insert(0, up)
    return path


def papers_of(catalog: Catalog, listed: bool) -> dict[str, Paper]:
    return {
        e.key: paper(e, catalog.resolved.get(e.key), listed=listed) for e in listed_entries(catalog)
    }
