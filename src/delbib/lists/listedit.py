"""render-list as an editor: the list's own text between the markers, with only what changed.

A maintainer's list holds prose, badges, non-paper tables and ``<details>`` blocks between
its paper items, and each section writes its papers in its own shape (linked titles, link
words, ``2023-05`` dates). Regenerating the region would lose all that, so the region is
re-read with the list reader and edited in place:

- an item whose entry still says what the item says keeps its bytes;
- an item whose values changed (a resolved title's case, year or venue, a link) gets only
  those values replaced inside its own text; a value whose text cannot be found is left;
- an item whose paper left the catalog is removed;
- a paper the region lacks is written by cloning a sibling item of its category (same
  cells, link words, emphasis), at the place the section's date order implies, or in a
  new section modelled on the previous category's;
- rows read from shared lines (several papers in one paragraph) are left as written;
- a key anchor is added only to items a fresh import would give another key.

Items are matched to entries the way ``import-markdown`` matches rows (key anchor, then
title or shared identifier), so re-importing the edited list keeps entries and keys.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from delbib.catalog import item as item_mod
from delbib.catalog.model import Catalog, Entry, clean_category
from delbib.errors import InputError
from delbib.lists import markdown
from delbib.lists.cells import cell, venue_of, year_of
from delbib.text import clean_title, title_key

from .markdown import ParsedList, Row
from .markdown.fields import KIND_ORDER, link_kind
from .markdown.inline import Link

ANCHOR = '<a id="delbib-{key}"></a>'
_MAX_ANCHOR_ROUNDS = 3
_DESTINATION = re.compile(
    r"\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)|(?:href|src)\s*=\s*\"[^\"]*\""
)
_LIST_MARKER = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:([-./])(\d{1,2}))?(?![\d])")


@dataclass
class _Item:
    """One paper item of the region: its lines (with their ends) and the entry it shows."""

    row: Row
    lines: list[str]
    key: str | None  # the catalog entry it shows; None: the paper is no longer listed
    table: bool


def _split_lines(text: str) -> list[str]:
    """Lines with their ``\\n`` kept, split as markdown-it numbers them."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def _table_lines(text: str) -> set[int]:
    """0-based numbers of the lines that are table body rows."""
    found: set[int] = set()
    for tok in markdown._markdown_parser().parse(text):
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
    from .importer import import_rows

    report = import_rows(_shallow(catalog), ParsedList(rows=list(rows), parents=parents), source="")
    created = set(report.created)
    out: dict[int, str | None] = {}
    for row in rows:
        key = report.row_keys.get(row.index)
        if row.key and row.key in catalog.entries:
            key = row.key
        entry = catalog.entries.get(key) if key and key not in created else None
        out[row.index] = key if entry is not None and entry.rows else None
    return out


# ---------------------------------------------------------------- values


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
    year = entry.year if listed else year_of(entry, record)
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


def _same_title(clean: str, listed: str) -> bool:
    """A catalog title and a listed one name the same (as import cleans a listed title)."""
    return title_key(clean) == title_key(clean_title(listed))


def changes_only(want: Target, first: Row, row: Row) -> Target:
    """What ``row`` should show: its own values, but those the entry changed since the
    entry's first item was read (an entry listed twice may say other things in each item)."""
    same_title = want.title == first.title if want.exact else _same_title(want.title, first.title)
    return replace(
        want,
        title=row.title if same_title else want.title,
        exact=want.exact and not same_title,
        year=row.year if want.year == first.year else want.year,
        venue=row.venue if want.venue == first.venue else want.venue,
        tldr=row.tldr if want.tldr == first.tldr else want.tldr,
    )


def _badge_text(value: str) -> str:
    """A value as a shields.io badge path writes it (``NeurIPS_2024``, ``a--b`` for a-b)."""
    from urllib.parse import quote

    return quote(value.replace("-", "--").replace("_", "__").replace(" ", "_"), safe="'&+,")


def _badge_span(text: str, value: str) -> tuple[int, int] | None:
    """Where a shields.io badge of the item spells ``value`` (a venue shown as a badge)."""
    from urllib.parse import unquote

    for match in re.finditer(r"img\.shields\.io/badge/([^)\s\"?]+)", text):
        path = match.group(1)
        for part in re.split(r"(?<!-)-(?!-)", path):
            words = unquote(part).replace("__", "\0").replace("_", " ").replace("\0", "_")
            if words.replace("--", "-") == value:
                at = match.start(1) + path.index(part)
                return at, at + len(part)
    return None


def _with_markup(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` with the emphasis around it and the separator after it (``*A. Author*. ``),
    to drop a value without leaving empty markup."""
    lo, hi = span
    while lo > 0 and hi < len(text) and text[lo - 1] == text[hi] and text[hi] in "*_":
        lo, hi = lo - 1, hi + 1
    if hi < len(text) and text[hi] in ".,;":
        hi += 1
    while hi < len(text) and text[hi] == " ":
        hi += 1
    return lo, hi


def _masked(text: str) -> str:
    """``text`` with link destinations and HTML attributes blanked (same length), so that a
    value is never found inside a URL."""
    return _DESTINATION.sub(lambda m: m.group(0)[:2] + "\0" * (len(m.group(0)) - 2), text)


def _pattern(value: str) -> re.Pattern[str]:
    """``value`` as written in markdown: any character may be backslash-escaped, spaces vary."""
    parts = []
    for ch in value:
        if ch.isspace():
            parts.append(r"\s+")
        elif ch == "&":
            parts.append(r"(?:&|&amp;)")
        else:
            parts.append(r"\\?" + re.escape(ch))
    return re.compile("".join(parts).replace(r"\s+\s+", r"\s+"))


def _find(text: str, value: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not value or not value.strip():
        return None
    masked = _masked(text)
    for match in _pattern(value.strip()).finditer(masked):
        span = match.span()
        if not any(span[0] < b and a < span[1] for a, b in taken):
            return span
    return None


def _escape(value: str) -> str:
    return cell(value)


def _year_span(text: str, year: int, taken: list[tuple[int, int]]) -> re.Match[str] | None:
    for match in _YEAR.finditer(_masked(text)):
        if int(match.group(1)) == year and not any(
            match.start() < b and a < match.end() for a, b in taken
        ):
            return match
    return None


def _date_text(match: re.Match[str], year: int, month: int | None) -> str:
    """The new date written at the precision and in the form of the old one."""
    if match.group(2) is None or not month:
        return str(year)  # a month the new date does not give is not kept
    return f"{year}{match.group(2)}{month:0{len(match.group(3))}d}"


def _link_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, url) of the inline and HTML links in ``text``."""
    out = []
    for m in re.finditer(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?[^)]*\)", text):
        out.append((m.start(), m.end(), m.group(1), m.group(2)))
    for m in re.finditer(r"<a\s[^>]*?href\s*=\s*\"([^\"]*)\"[^>]*>(.*?)</a\s*>", text, re.I | re.S):
        out.append((m.start(), m.end(), m.group(2), m.group(1)))
    return sorted(out)


def _kind(url: str, label: str = "", first: bool = True) -> str:
    return link_kind(Link(label, url), first=first) or "project"


# ---------------------------------------------------------------- editing one item


def patch(
    text: str, row: Row, want: Target, *, clone: bool = False, shown: frozenset[str] = frozenset()
) -> str:
    """``text`` (an item as written) showing ``want`` instead of what ``row`` read from it.

    Only values that differ are replaced, each inside its own markup; with ``clone`` every
    value is replaced (a sibling item used as the template of a new paper). ``shown``: links
    the entry's other items show (an entry listed twice has the links of both)."""
    edits: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def put(span: tuple[int, int] | None, new: str) -> bool:
        if span is None:
            return False
        edits.append((span[0], span[1], new))
        taken.append(span)
        return True

    title_span = _find(text, row.title, taken)
    if title_span:
        taken.append(title_span)
    changed_title = want.title != row.title and (
        clone or want.exact or not _same_title(want.title, row.title)
    )
    if changed_title and title_span:
        taken.remove(title_span)
        put(title_span, _escape(want.title))
    venue_changed = (clone or want.venue != row.venue) and want.venue != row.venue
    if venue_changed and row.venue:
        span = _find(text, row.venue, taken)
        month = re.match(r"[-./]\d{1,2}(?!\d)", text[span[1] :]) if span else None
        if span and month and re.search(r"\d$", row.venue):  # "arXiv 2025.02": a date
            span = (span[0], span[1] + month.end())
        if span is None and want.venue and (span := _badge_span(text, row.venue)):
            put(span, _badge_text(want.venue))
        else:
            put(span, _escape(want.venue or ""))
    if row.year and want.year and (clone or want.year != row.year):
        match = _year_span(text, row.year, taken)
        if match:
            put(match.span(), _date_text(match, want.year, want.month))
    if row.tldr and want.tldr != row.tldr and (span := _find(text, row.tldr, taken)):
        put(span, _escape(want.tldr or ""))
    if clone and row.authors and want.authors != row.authors:
        span = _find(text, row.authors, taken)
        if span and not want.authors:
            span = _with_markup(text, span)
        put(span, _escape(want.authors or ""))
    if row.categories and (clone or not _cleaned(row.categories) <= set(want.categories)):
        span = _category_cell(text, row.categories)
        if span is not None:
            put(span, _categories_text(row, want, clone))
    images = _clone_images(text, want, edits, taken) if clone else []
    taken += images
    _patch_links(text, row, want, images, edits, title_span, shown, clone)
    if clone and text.lstrip().startswith("|"):
        _blank_other_cells(text, edits, title_span)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


_IMAGE = re.compile(
    r"\[!\[[^\]]*\]\(([^)\s]*)[^)]*\)\]\(([^)\s]*)[^)]*\)|!\[[^\]]*\]\(([^)\s]*)[^)]*\)"
    r"|<img\s[^>]*?src\s*=\s*\"([^\"]*)\"[^>]*>",
    re.I,
)
_STARS = re.compile(r"(github/stars/)([\w.-]+/[\w.-]+?)(\.svg|\?|$)")
_REPO = re.compile(r"^https?://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?(?:[/?#]|$)")


def _clone_images(
    text: str, want: Target, edits: list[tuple[int, int, str]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A template's badges describe its own paper: a GitHub stars badge is pointed at the new
    paper's repository; any other image (a venue badge, a figure) is dropped."""
    repo = next((m.group(1) for u in want.links if (m := _REPO.match(u))), None)
    spans = []
    for match in _IMAGE.finditer(text):
        if any(match.start() < b and a < match.end() for a, b in taken):
            continue  # a badge that now shows a new value (the venue)
        src = match.group(1) or match.group(3) or match.group(4) or ""
        stars = _STARS.search(src)
        new = ""
        if stars and repo:
            new = match.group(0).replace(stars.group(2), repo, 1)
            if match.group(2):
                new = new.replace(f"]({match.group(2)}", f"](https://github.com/{repo}", 1)
        lo = match.start()
        while not new and lo > 0 and text[lo - 1] == " ":
            lo -= 1
        edits.append((lo, match.end(), new))
        spans.append((lo, match.end()))
    return spans


def _blank_other_cells(
    text: str, edits: list[tuple[int, int, str]], title_span: tuple[int, int] | None
) -> None:
    """Empty the cells of a cloned table row that no new value went into (a model name, a
    rating): they belong to the template's paper."""
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", text)]
    touched = [(a, b) for a, b, _ in edits] + ([title_span] if title_span else [])
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        inner = text[lo + 1 : hi]
        if not inner.strip() or any(lo < b and a < hi for a, b in touched):
            continue
        edits.append((lo + 1, hi, " "))


def _cleaned(names: tuple[str, ...]) -> set[str]:
    """Category names as an import stores them (emoji and markup dropped)."""
    return {clean_category(n) for n in names}


def _category_cell(text: str, names: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of a table cell that lists exactly ``names`` (a category column)."""
    wanted = [n.casefold() for n in names]
    for match in re.finditer(r"(?<=\|)([^|\n]*)(?=\|)", text):
        got = [p.strip().casefold() for p in re.split(r"[,;]", match.group(1)) if p.strip()]
        if got == wanted:
            inner = match.group(1)
            lead = len(inner) - len(inner.lstrip())
            return match.start() + lead, match.start() + len(inner.rstrip())
    return None


def _categories_text(row: Row, want: Target, clone: bool) -> str:
    """The categories a row's cell shows: the entry's, the row's own kept where it still has
    them (an entry listed twice spreads its categories over its rows)."""
    names = list(want.categories) if clone else [c for c in row.categories if c in want.categories]
    names += [c for c in want.categories if c not in names and c not in row.categories]
    bad = next((c for c in names if "," in c or ";" in c), None)
    if bad:
        raise InputError(
            f"category {bad!r} holds a comma or semicolon, which a category cell cannot "
            "show; rename it or render a list with one section per category",
            field="categories",
        )
    return _escape(", ".join(names))


def _patch_links(
    text: str,
    row: Row,
    want: Target,
    images: list[tuple[int, int]],
    edits: list[tuple[int, int, str]],
    title_span: tuple[int, int] | None,
    shown: frozenset[str],
    clone: bool,
) -> None:
    """Swap link destinations for the wanted ones of the same kind, drop links the entry no
    longer has, add the ones the item lacks after its last link (with a sibling's words)."""
    have = set(row.links) | shown
    wanted = [u for u in want.links if u not in have]
    gone = [u for u in row.links if u not in want.links]
    if not wanted and not gone:
        return
    spans = _link_spans(text)
    free = list(wanted)
    labels: dict[str, str] = {}
    given: dict[str, str] = {}  # kind -> the wanted link given to a template's link
    last_end = None
    for start, end, label, url in spans:
        if url not in row.links or any(start < b and a < end for a, b in images):
            continue  # not a link of the row, or a badge already redone
        kind = _kind(url, label)
        labels.setdefault(kind, label)
        last_end = end
        if url not in gone:
            continue
        new = next((u for u in free if _kind(u) == kind), None)
        dest_at = text.index(url, start)
        if new is not None:
            free.remove(new)
            given[kind] = new
        elif clone and kind in given:
            new = given[kind]  # a template's linked title and [pdf] both get the paper
        if new is not None:
            edits.append((dest_at, dest_at + len(url), new))
        elif title_span and start <= title_span[0] < end:
            edits.append((start, end, text[title_span[0] : title_span[1]]))  # unlink the title
        else:
            lo, hi = start, end
            while lo > 0 and text[lo - 1] == "[" and hi < len(text) and text[hi] == "]":
                lo, hi = lo - 1, hi + 1
            while lo > 0 and text[lo - 1] == " ":
                lo -= 1
            edits.append((lo, hi, ""))
    while last_end is not None and last_end < len(text) and text[last_end] in "*_":
        last_end += 1  # after the bold or italics around a linked title
    if free and last_end is not None:
        added = []
        for url in sorted(free, key=lambda u: KIND_ORDER.index(_kind(u))):
            label = labels.get(_kind(url)) or _kind(url)
            added.append(f"[{label}]({url})")
        edits.append((last_end, last_end, " " + " ".join(added)))


def add_anchor(text: str, key: str, *, table: bool, title: str) -> str:
    """The item with a key anchor at the start of its title cell (table) or after its list
    marker; unchanged when a table row's title is not found."""
    anchor = ANCHOR.format(key=key)
    if table:
        span = _find(text, title, [])
        if span is None:
            return text
        at = text.rfind("|", 0, span[0]) + 1
        while at < span[0] and text[at] == " ":
            at += 1
        return text[:at] + anchor + text[at:]
    marker = _LIST_MARKER.match(text)
    at = marker.end() if marker else len(text) - len(text.lstrip())
    return text[:at] + anchor + text[at:]


# ---------------------------------------------------------------- the region


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s|^\s*<h([1-6])\b", re.I)
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_ANY_ANCHOR = re.compile(
    r"<a\s[^>]*?(?:id|name)\s*=\s*[\"']delbib-[^\"']*[\"'][^>]*>\s*</a\s*>", re.I
)


def _items(
    catalog: Catalog, text: str, lines: list[str], start: int, end: int, path: str
) -> tuple[list[_Item], dict[str, list[Row]]]:
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
        _Item(r, lines[r.line - 1 : r.end_line], keys[r.index], r.line - 1 in tables)
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


def _when(row: Row) -> tuple[int, int] | None:
    """(year, month) an item is dated by (month 0 when it gives none), None when undated."""
    if row.year is None:
        return None
    numbers = re.findall(r"\d+", row.date or "")[1:]
    month = next((int(n) for n in numbers if 1 <= int(n) <= 12), 0)
    return row.year, month


def _order(items: list[_Item]) -> str | None:
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


def _place(siblings: list[_Item], want: Target) -> tuple[_Item, bool]:
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


def _new_item(catalog: Catalog, entry: Entry, template: _Item, listed: bool) -> str:
    text = _ANY_ANCHOR.sub("", "".join(template.lines))
    row = replace(template.row, key=None)
    want = target(entry, catalog.resolved.get(entry.key), listed=listed)
    out = patch(text, row, want, clone=True)
    return out if out.endswith("\n") else out + "\n"


def edit_region(
    catalog: Catalog, text: str, start: int, end: int, *, listed: bool = False, path: str = ""
) -> str | None:
    """``text`` with the paper items between marker lines ``start`` and ``end`` (0-based)
    brought in line with ``catalog``; None when the region holds no paper item (then it is
    rendered afresh)."""
    lines = _split_lines(text)
    items, rows_of = _items(catalog, text, lines, start, end, path)
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
        rows = rows_of[item.key]  # the entry's first row gave the values an import took
        want = changes_only(want, rows[0], item.row)
        shown = frozenset(u for r in rows for u in r.links)
        out[first] = patch("".join(item.lines), item.row, want, shown=shown)
        keys[first] = item.key
    inserts: dict[int, list[tuple[str, str]]] = {}  # line -> new items before it
    on_list = set(rows_of)
    by_category: dict[str, list[_Item]] = {}
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
            text_new = _new_item(catalog, entry, near, listed)
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
        slot.append((_new_item(catalog, entry, template, listed), entry.key))
    return _assemble(catalog, lines, start, end, items, out, keys, inserts, newline, path)


def _container_end(lines: list[str], item: _Item, end: int) -> int:
    """The line after the table or list that holds ``item`` (0-based)."""
    i = item.row.end_line
    while i < end and lines[i].strip() and not _HEADING.match(lines[i]):
        i += 1
    return i


def _assemble(
    catalog: Catalog,
    lines: list[str],
    start: int,
    end: int,
    items: list[_Item],
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
    from .importer import import_rows

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
