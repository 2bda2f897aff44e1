"""Papers the region lacks, written as new items: a clone of a sibling item of their category
at the place the section's date order implies, or a new section modelled on the previous
category's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from delbib.catalog.model import Catalog, Entry
from delbib.lists import markdown
from delbib.lists.cells import cell
from delbib.lists.markdown import Row

from .items import Item
from .patch import _LIST_MARKER, _kind, patch
from .values import Target, same_title, target

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s|^\s*<h([1-6])\b", re.I)
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_ANY_ANCHOR = re.compile(
    r"<a\s[^>]*?(?:id|name)\s*=\s*[\"']delbib-[^\"']*[\"'][^>]*>\s*</a\s*>", re.I
)


def _when(row: Row) -> tuple[int, int] | None:
    """(year, month) an item is dated by (month 0 when it gives none), None when undated."""
    if row.year is None:
        return None
    numbers = re.findall(r"\d+", row.date or "")[1:]
    month = next((int(n) for n in numbers if 1 <= int(n) <= 12), 0)
    return row.year, month


def _order(items: list[Item]) -> str | None:
    """ "asc" or "desc" when the items' dates run that way, else None (append at the end)."""
    dates = [_when(i.row) for i in items]
    if len(dates) < 2 or None in dates or len(set(dates)) < 2:
        return None
    pairs = list(zip(dates, dates[1:], strict=False))
    if all(a <= b for a, b in pairs):  # type: ignore[operator]
        return "asc"
    if all(a >= b for a, b in pairs):  # type: ignore[operator]
        return "desc"
    return None


def _place(siblings: list[Item], want: Target) -> tuple[Item, bool]:
    """The sibling a new item goes next to, and True for after it: where the section's date
    order puts it (by year alone when the new paper's month is unknown), else at the end."""
    order = _order(siblings)
    if order is None or want.year is None:
        return siblings[-1], True
    new = (want.year, want.month) if want.month else None
    for item in reversed(siblings):
        when = _when(item.row)
        have, mine = (when, new) if new else (when[0], want.year)  # type: ignore[index]
        if (order == "asc" and have <= mine) or (order == "desc" and have >= mine):  # type: ignore[operator]
            return item, True
    return siblings[0], False


def _heading_above(lines: list[str], first: int, start: int) -> str | None:
    for i in range(first - 1, start, -1):
        match = _HEADING.match(lines[i])
        if match:
            return match.group(1) or "#" * int(match.group(2))
    return None


def _table_head(lines: list[str], first: int, start: int) -> list[str]:
    """The header and delimiter lines of the table whose row starts at ``first``."""
    i = first
    while (
        i - 1 > start
        and lines[i - 1].strip().startswith("|")
        and not _DELIMITER.match(lines[i - 1])
    ):
        i -= 1
    if i - 1 > start and _DELIMITER.match(lines[i - 1]) and i - 2 > start:
        return [lines[i - 2], lines[i - 1]]
    return []


def _new_item(
    catalog: Catalog, entry: Entry, template: Item, listed: bool, head: list[str], newline: str
) -> str:
    """A sibling's markup with the new paper's values; when the list reader would not read
    that back as the new paper alone with all its links (the sibling's item holds other
    papers, text of its own, links the clone could not take over, a date the new paper
    lacks), an item built from the new paper's values instead."""
    text = _ANY_ANCHOR.sub("", "".join(template.lines))
    row = replace(template.row, key=None)
    want = target(entry, catalog.resolved.get(entry.key), listed=listed)
    out = patch(text, row, want, clone=True)
    out = out if out.endswith("\n") else out + "\n"
    if _one_paper(template.row) and _reads_back(out, head, want):
        return out
    return fresh_item(entry, want, template, head, newline)


def _one_paper(row: Row) -> bool:
    """False for an item that names several papers (two arXiv ids, two DOIs): a clone of it
    would carry the other papers' names."""
    from delbib import identifiers

    found = {i for url in row.links for i in identifiers.extract(url)}
    schemes = [i.partition(":")[0] for i in found]
    return len(schemes) == len(set(schemes))


def _reads_back(text: str, head: list[str], want: Target) -> bool:
    """The list reader reads ``text`` (under a table's ``head``) as one paper: ``want``'s
    title with exactly ``want``'s links, and no year but ``want``'s (a sibling's year left
    in the copy of a paper that has none would be invented)."""
    from delbib.errors import InputError
    from delbib.identifiers import is_void

    try:
        rows = markdown.parse("".join(head) + text).rows
    except InputError:
        return False
    if len(rows) != 1 or not same_title(want.title, rows[0].title):
        return False
    if rows[0].year not in (None, want.year):
        return False
    return {u for u in rows[0].links if not is_void(u)} == set(want.links)


def fresh_item(entry: Entry, want: Target, template: Item, head: list[str], newline: str) -> str:
    """The new paper's own values in the template's kind of item: a row of its table (same
    columns), an item of its list (same marker), else a paragraph of its own."""
    from delbib.lists import table
    from delbib.lists.arrange import Paper

    paper = Paper(
        entry.key, want.title, want.tldr, want.categories, want.links, want.year, want.venue
    )
    shape = table.shape_of("".join(head)) if template.table and head else None
    if shape is not None:
        return _ANY_ANCHOR.sub("", table.table_row(shape, paper)) + newline
    title = f"**{cell(want.title, strict=True)}**"
    when = " ".join(str(v) for v in (want.venue, want.year) if v)
    words = [title + (f" ({cell(when)})" if when else "")]
    words += [table.link(u, _kind(u)) for u in want.links]
    if want.tldr:
        words.append(f"— {cell(want.tldr)}")
    marker = _LIST_MARKER.match(template.lines[0])
    if marker:
        return marker.group(1) + " ".join(words) + newline
    return newline + " ".join(words) + newline


def _container_end(lines: list[str], item: Item, end: int) -> int:
    """The line after the table or list that holds ``item`` (0-based)."""
    i = item.row.end_line
    while i < end and lines[i].strip() and not _HEADING.match(lines[i]):
        i += 1
    return i


def new_items(
    catalog: Catalog,
    lines: list[str],
    start: int,
    end: int,
    items: list[Item],
    on_list: set[str],
    newline: str,
    *,
    listed: bool,
) -> dict[int, list[tuple[str, str]]]:
    """Line -> the new items (text, key) that go before it, for the listed entries no row of
    the file shows (``on_list``: the keys it shows); a new section's heading has key ""."""
    inserts: dict[int, list[tuple[str, str]]] = {}  # line -> new items before it
    by_category: dict[str, list[Item]] = {}
    for item in items:
        if item.key is not None:
            for name in item.row.categories:
                by_category.setdefault(name, []).append(item)
    sections_end: dict[str, int] = {}
    for entry in catalog.ordered():
        if not entry.rows or entry.key in on_list:
            continue
        home = next((c for c in entry.categories if c in by_category), None)
        kept = [i for i in items if i.key is not None] or items
        if home is not None or not any(i.row.categories for i in items):
            siblings = by_category[home] if home else kept
            near, after = _place(
                siblings, target(entry, catalog.resolved.get(entry.key), listed=listed)
            )
            head = _table_head(lines, near.row.line - 1, start) if near.table else []
            text_new = _new_item(catalog, entry, near, listed, head, newline)
            at = near.row.end_line if after else near.row.line - 1
            inserts.setdefault(at, []).append((text_new, entry.key))
            continue
        # A category with no section: one modelled on the previous category's section.
        names = [c.name for c in catalog.taxonomy]
        index = names.index(entry.categories[0]) if entry.categories[0] in names else len(names)
        before = [n for n in names[:index] if n in by_category]
        model = by_category[before[-1]] if before else kept
        template = model[-1]
        marks = _heading_above(lines, model[0].row.line - 1, start) or "##"
        head = _table_head(lines, model[0].row.line - 1, start) if template.table else []
        name = entry.categories[0] if entry.categories else "Papers"
        block = "".join([newline, f"{marks} {name}{newline}", newline, *head])
        at = sections_end.setdefault(
            name, max(template.row.end_line, _container_end(lines, template, end))
        )
        slot = inserts.setdefault(at, [])
        if not any(t.startswith(block) for t, _ in slot if t):
            slot.append((block, ""))
        slot.append((_new_item(catalog, entry, template, listed, head, newline), entry.key))

    return inserts
