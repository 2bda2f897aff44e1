"""The edit of the region between the markers: every item brought in line with its entry or
removed, new items added, then key anchors where a fresh import would pick other keys.
"""

from __future__ import annotations

from collections import Counter

from delbib.catalog.model import Catalog
from delbib.lists import markdown

from .insert import new_items
from .items import Item, paper_items, split_lines
from .patch import add_anchor, patch
from .values import changes_only, target

_MAX_ANCHOR_ROUNDS = 3


def edit_region(
    catalog: Catalog, text: str, start: int, end: int, *, listed: bool = False, path: str = ""
) -> str | None:
    """``text`` with the paper items between marker lines ``start`` and ``end`` (0-based)
    brought in line with ``catalog``; None when the region holds no paper item (then it is
    rendered afresh)."""
    lines = split_lines(text)
    items, rows_of = paper_items(catalog, text, lines, start, end, path)
    if not items:
        return None
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    out: dict[int, str] = {}  # first line -> replacement of the item's lines
    keys: dict[int, str] = {}  # first line -> key shown
    for item in items:
        first = item.row.line - 1
        if item.key is None:
            out[first] = ""
            continue
        entry = catalog.entries[item.key]
        want = target(entry, catalog.resolved.get(item.key), listed=listed)
        rows = rows_of[item.key]  # the entry's rows gave the values an import took
        want = changes_only(want, rows, item.row)
        shown = frozenset(u for r in rows for u in r.links)
        out[first] = patch("".join(item.lines), item.row, want, shown=shown)
        keys[first] = item.key
    inserts = new_items(catalog, lines, start, end, items, set(rows_of), newline, listed=listed)
    return _assemble(catalog, lines, start, end, items, out, keys, inserts, newline, path)


def _assemble(
    catalog: Catalog,
    lines: list[str],
    start: int,
    end: int,
    items: list[Item],
    out: dict[int, str],
    keys: dict[int, str],
    inserts: dict[int, list[tuple[str, str]]],
    newline: str,
    path: str,
) -> str:
    """Join the edited lines; then add key anchors where a fresh import would pick other keys."""
    spans = {i.row.line - 1: i.row.end_line for i in items}
    listed_titles = {i.row.line - 1: i.row.title for i in items}

    def titles(key: str, line: int | None = None) -> tuple[str, ...]:
        entry = catalog.entries[key]
        resolved = ((catalog.resolved.get(key) or {}).get("csl") or {}).get("title")
        found = (listed_titles.get(line, ""), entry.title, entry.clean_title, resolved or "")
        return tuple(" ".join(t.split()) for t in found if t)

    anchored: set[tuple[int, int]] = set()  # (chunk kind, id): items that get an anchor
    for _ in range(_MAX_ANCHOR_ROUNDS):
        chunks: list[tuple[str, str | None, bool, tuple[int, int] | None]] = []
        i = 0
        while i < len(lines):
            for n, (new_text, key) in enumerate(inserts.get(i, [])):
                ident = (1, i * 1000 + n)
                if key and ident in anchored:
                    new_text = _with_anchor(new_text, key, titles(key))
                chunks.append((new_text, key or None, bool(key), ident if key else None))
            if i in spans:
                text = out[i]
                ident = (0, i)
                if keys.get(i) and ident in anchored:
                    text = _with_anchor(text, keys[i], titles(keys[i], i))
                chunks.append((text, keys.get(i), True, ident))
                i = spans[i]
                continue
            chunks.append((lines[i], None, False, None))
            i += 1
        for n, (new_text, key) in enumerate(inserts.get(len(lines), [])):
            chunks.append((new_text, key or None, bool(key), (1, len(lines) * 1000 + n)))
        result = "".join(c[0] for c in chunks)
        wrong = _fresh_key_misses(catalog, result, chunks, path)
        if not wrong - anchored:
            return result
        anchored |= wrong
    return result


def _with_anchor(text: str, key: str, titles: tuple[str, ...]) -> str:
    if f"delbib-{key}" in text:
        return text
    table = text.lstrip().startswith("|")
    for title in titles:
        anchored = add_anchor(text, key, table=table, title=title)
        if anchored != text:
            return anchored
    return text


def _fresh_key_misses(
    catalog: Catalog,
    text: str,
    chunks: list[tuple[str, str | None, bool, tuple[int, int] | None]],
    path: str,
) -> set[tuple[int, int]]:
    """The items a fresh import of ``text`` would give another key than the one they show."""
    from delbib.lists.importer import import_rows

    want: dict[int, tuple[str, tuple[int, int]]] = {}  # 1-based first line -> key, item id
    line = 1
    for chunk, key, _, ident in chunks:
        if key and ident is not None and chunk:
            want[line] = (key, ident)
        line += chunk.count("\n")
    parsed = markdown.parse(text, path=path)
    fresh = Catalog(root=catalog.root)
    report = import_rows(fresh, parsed, source="")
    misses = set()
    starts = Counter(row.line for row in parsed.rows)
    for row in parsed.rows:
        if row.line in want and starts[row.line] == 1:
            key, ident = want[row.line]
            if report.row_keys.get(row.index) != key:
                misses.add(ident)
    return misses
