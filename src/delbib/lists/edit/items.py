"""The paper items between the markers: their lines, whether they sit in a table, and the
catalog entry each shows, matched as ``import-markdown`` matches rows (key anchor, then title
or shared identifier).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from delbib.catalog.model import Catalog
from delbib.lists import markdown
from delbib.lists.markdown import ParsedList, Row, gfm


@dataclass
class Item:
    """One paper item of the region: its lines (with their ends) and the entry it shows."""

    row: Row
    lines: list[str]
    key: str | None  # the catalog entry it shows; None: the paper is no longer listed
    table: bool


def split_lines(text: str) -> list[str]:
    """Lines with their ``\\n`` kept, split as markdown-it numbers them."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def _table_lines(text: str) -> set[int]:
    """0-based numbers of the lines that are table body rows."""
    found: set[int] = set()
    for tok in gfm.parser().parse(text):
        if tok.type == "tr_open" and tok.map:
            found.add(tok.map[0])
    return found


def _shallow(catalog: Catalog) -> Catalog:
    """A copy an import may change without touching ``catalog`` (import reassigns fields)."""
    return Catalog(
        root=catalog.root,
        source=catalog.source,
        taxonomy=list(catalog.taxonomy),
        entries={k: copy.copy(e) for k, e in catalog.entries.items()},
    )


def match_rows(catalog: Catalog, rows: list[Row], parents: dict) -> dict[int, str | None]:
    """Row index -> the listed entry it shows (None when it shows none), as an import would
    match it; a key anchor naming a listed entry wins."""
    from delbib.lists.importer import import_rows

    report = import_rows(_shallow(catalog), ParsedList(rows=list(rows), parents=parents), source="")
    created = set(report.created)
    out: dict[int, str | None] = {}
    for row in rows:
        key = report.row_keys.get(row.index)
        if row.key and row.key in catalog.entries:
            key = row.key
        entry = catalog.entries.get(key) if key and key not in created else None
        out[row.index] = key if entry is not None and entry.rows else None
    _recorded(catalog, rows, out)
    return out


def _recorded(catalog: Catalog, rows: list[Row], out: dict[int, str | None]) -> None:
    """Rows the import matched to no entry, given the entry whose import recorded them (its
    ``rows``) under the same title: a title with nothing to compare by (only symbols, no
    identifier) is still the item its entry was read from."""
    missing = {r.index: r for r in rows if out[r.index] is None}
    if not missing:
        return
    shown = {k for k in out.values() if k}
    for entry in catalog.entries.values():
        if entry.key in shown:
            continue
        for index in entry.rows:
            row = missing.get(index)
            if row is not None and row.title == entry.title:
                out[index] = entry.key
                del missing[index]


def paper_items(
    catalog: Catalog, text: str, lines: list[str], start: int, end: int, path: str
) -> tuple[list[Item], dict[str, list[Row]]]:
    """The paper items between the markers, and every row of the file by the entry it shows
    (rows outside the markers too: a paper shown there is not added again)."""
    parsed = markdown.parse(text, path=path)
    inside = [r for r in parsed.rows if start < r.line - 1 and r.end_line - 1 < end]
    if not inside:
        return [], {}
    keys = match_rows(catalog, parsed.rows, parsed.parents)
    tables = _table_lines(text)
    alone = _alone(inside)
    items = [
        Item(r, lines[r.line - 1 : r.end_line], keys[r.index], r.line - 1 in tables)
        for r in inside
        if r.index in alone
    ]
    shown: dict[str, list[Row]] = {}
    for row in parsed.rows:
        if keys[row.index]:
            shown.setdefault(keys[row.index], []).append(row)  # type: ignore[arg-type]
    return items, shown


def _alone(rows: list[Row]) -> set[int]:
    """Indexes of the rows that have their lines to themselves. Rows read from shared lines
    (several papers in one paragraph) are left as written: one cannot change without the
    others."""
    alone: set[int] = set()
    last_end, last = -1, None
    for row in sorted(rows, key=lambda r: (r.line, r.end_line)):
        if row.line <= last_end:
            alone.discard(last.index if last else -1)
        else:
            alone.add(row.index)
        if row.end_line >= last_end:
            last_end, last = row.end_line, row
    return alone
