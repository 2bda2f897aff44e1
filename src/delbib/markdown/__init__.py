"""Awesome-list markdown -> paper rows, read the way GitHub renders it.

markdown-it-py (CommonMark plus GFM tables) does the parsing, so what GitHub shows is what is
read: short rows padded, long rows cut, rows without a leading pipe, ``\\|`` escapes, links and
emphasis inside cells. Two shapes hold papers: tables with a title column, and bullet or
numbered lists whose items mostly link a paper. Anything one row or table gets wrong is a
warning naming the file and line; the rest is still read. Parsing is pure: text in, rows out.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from . import columns as columns_mod
from . import fields, sections
from .inline import Cell, parse_inline, squash, strip_emoji

__all__ = ["ParsedList", "Problem", "Row", "parse", "parse_file"]


@dataclass(frozen=True)
class Row:
    """One paper as one table row or list item gives it."""

    index: int  # 1-based among the rows of the whole file, in file order
    line: int  # 1-based line number in the file
    title: str  # as listed, without decoration (badges, emoji, markup, nicknames)
    tldr: str | None = None
    categories: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # paper links first, then code, project, video
    year: int | None = None
    venue: str | None = None
    authors: str | None = None
    kinds: tuple[str, ...] = ()  # the kind of each link: paper, code, project, video
    key: str | None = None  # a citation key the row names (render-list's key anchor)
    end_line: int = 0  # 1-based last line of the item (sub-items included), inclusive


@dataclass(frozen=True)
class Problem:
    """Something in the list that could not be used as it stands."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


@dataclass
class ParsedList:
    rows: list[Row] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    parents: dict[str, str | None] = field(default_factory=dict)  # category -> parent, in order


_PAPER_LIST_SHARE = 0.5  # a list is a paper list when this share of its items links a paper


def _markdown_parser():
    from markdown_it import MarkdownIt  # imported here so that `delbib --help` stays fast

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def split_categories(text: str) -> tuple[str, ...]:
    """Category cells list several names separated by commas or semicolons."""
    parts = (squash(p) for p in re.split(r"[,;]", text))
    return tuple(dict.fromkeys(p for p in parts if p))


class _Reader:
    def __init__(self, path: str, overrides: dict[str, str]) -> None:
        self.path = path
        self.overrides = overrides
        self.headings: list[tuple[int, str]] = []  # (level, name), year headings included
        self.pending: list[tuple[Row, tuple[str, ...] | None]] = []
        self.warnings: list[Problem] = []
        self.seen_heading = False
        self.headers: set[str] = set()  # every table header seen, to check --column names

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Problem(self.path, line, message))

    # ----------------------------------------------------------------- context

    def heading(self, level: int, name: str) -> None:
        first, self.seen_heading = not self.seen_heading, True
        if first and level == 1:
            return  # the list's own title, not a section of it
        year = sections.is_year_heading(name)
        while self.headings and (
            self.headings[-1][0] > level
            or self.headings[-1][0] == level
            and (not year or sections.is_year_heading(self.headings[-1][1]))
        ):
            self.headings.pop()  # a year heading stays inside the section it subdivides
        if name:
            self.headings.append((level, name))

    def context(self) -> tuple[tuple[str, ...], int | None]:
        """The heading path (years left out) and the year a year heading gives."""
        path = tuple(n for _, n in self.headings if not sections.is_year_heading(n))
        years = [fields.year_in(n) for _, n in self.headings if sections.is_year_heading(n)]
        return path, years[-1] if years else None

    def add(self, line: int, path: tuple[str, ...] | None, **values) -> None:
        values.setdefault("end_line", line)
        row = Row(index=0, line=line, **values)
        self.pending.append((row, path))

    # ----------------------------------------------------------------- tables

    def table(self, tokens: list, start_line: int) -> None:
        header: list[Cell] = []
        body: list[tuple[int, list[Cell]]] = []
        current: list[Cell] | None = None
        in_head = False
        for tok in tokens:
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open" and not in_head:
                current = []
                body.append((tok.map[0] + 1 if tok.map else start_line, current))
            elif tok.type == "inline":
                cell = parse_inline(tok.children or [])
                (header if in_head else current if current is not None else header).append(cell)
        roles = columns_mod.assign(header, [cells for _, cells in body], self.overrides)
        self.headers.update(columns_mod.header_text(h) for h in header)
        if "title" not in roles:
            names = ", ".join(h.text for h in header) or "none"
            self.warn(start_line, f"table skipped: no column of paper titles (headers: {names})")
            return
        yymm = "year" in roles and fields.is_yymm_column([c[roles["year"]].text for _, c in body])
        path, heading_year = self.context()
        has_categories = "categories" in roles
        for line, cells in body:
            self.table_row(line, cells, roles, yymm, heading_year, None if has_categories else path)

    def table_row(self, line, cells, roles, yymm, heading_year, path) -> None:
        def cell(role: str) -> Cell | None:
            return cells[roles[role]] if role in roles else None

        title_cell = cell("title")
        title, authors = fields.table_title(title_cell) if title_cell else ("", None)
        if not title:
            self.warn(line, "row skipped: no title in the title column")
            return
        title, trailing_venue, trailing_year = fields.split_trailing_venue(title)
        venue = strip_emoji(cell("venue").text) if cell("venue") else ""
        badge = fields.badge_venue([src for c in cells for src in c.images])
        venue = venue or badge or trailing_venue or ""
        year = None
        year_text = cell("year").text if cell("year") else ""
        if year_text:
            year = fields.year_in(year_text, yymm=yymm)
            if year is None and not fields.venue_in(year_text)[0]:
                self.warn(line, f"year {year_text!r} not understood; left empty")
        if year is None:
            year = fields.venue_in(venue)[1] or fields.year_in(venue) or trailing_year
            year = year or heading_year  # "Arxiv/2509" is a venue cell with a YYMM date
        links, kinds = fields.sorted_links(cells)
        tldr = cell("tldr").text if cell("tldr") else ""
        if cell("authors") and cell("authors").text:
            authors = cell("authors").text
        categories = split_categories(cell("categories").text) if cell("categories") else ()
        self.add(
            line,
            path,
            title=title,
            tldr=tldr or None,
            categories=categories,
            links=links,
            kinds=kinds,
            year=year,
            venue=venue or None,
            authors=authors,
            key=next(iter(title_cell.keys), None) if title_cell else None,
        )

    # ----------------------------------------------------------------- lists

    def paper_list(self, items: list[tuple[int, int, list[Cell]]]) -> None:
        def links_paper(cells: list[Cell]) -> bool:
            return fields.PAPER in fields.sorted_links(cells)[1]

        if not items or sum(links_paper(c) for *_, c in items) < _PAPER_LIST_SHARE * len(items):
            return
        path, heading_year = self.context()
        for line, end_line, cells in items:
            lines = [ln for c in cells for ln in c.lines]
            title, authors, rest = fields.item_title(lines)
            if not title:
                self.warn(line, "list item skipped: no paper title found")
                continue
            links, kinds = fields.sorted_links(cells)
            linked_title = len(title.split()) >= 3 and any(
                fields.clean_listed_title(link.text) == title for c in cells for link in c.links
            )  # a report whose title links its repository
            if not set(kinds) - {fields.CODE} and not (kinds and linked_title):
                what = "only code links" if kinds else "no link"
                self.warn(line, f"list item skipped: {what} ({title[:60]!r})")
                continue
            title, trailing_venue, trailing_year = fields.split_trailing_venue(title)
            venue, venue_year = fields.venue_in(rest)
            badge = fields.badge_venue([src for c in cells for src in c.images])
            venue = venue or badge or trailing_venue
            year = venue_year or trailing_year or fields.year_in(_dates_only(rest))
            year = year or heading_year
            if year is None and venue:
                year = fields.venue_in(venue)[1]
            self.add(
                line,
                path,
                title=title,
                links=links,
                kinds=kinds,
                year=year,
                venue=venue,
                authors=authors,
                key=next((k for c in cells for k in c.keys), None),
                end_line=end_line,
            )

    # ----------------------------------------------------------------- result

    def result(self) -> ParsedList:
        for role, header in self.overrides.items():
            if header.strip().casefold() not in self.headers:
                self.warn(None, f"--column {role}={header}: no table has a column {header!r}")
        paths = [p for _, p in self.pending if p is not None]
        names, parents = sections.categories(list(dict.fromkeys(paths)))
        rows = []
        for index, (row, path) in enumerate(self.pending, start=1):
            cats = row.categories if path is None else ((names[path],) if path in names else ())
            rows.append(dataclasses.replace(row, index=index, categories=cats))
        return ParsedList(rows=rows, warnings=self.warnings, parents=parents)


_DATE_TAG = re.compile(
    r"(?:(?<![\w.])(?:19|20)\d{2}\s*[./-]\s*\d{1,2}(?![\d])|\[\s*(?:19|20)\d{2}[^\]]*\]"
    r"|(?<![\w.])(?:19|20)\d{2}(?![\w.]))"
)


def _dates_only(text: str) -> str:
    """Only the parts of an item's non-title text that are dates (``2022.4``, ``[2023/09]``)."""
    return " ".join(m.group(0) for m in _DATE_TAG.finditer(text))


def _item_cells(lines: list[str], tokens: list, start: int) -> list[tuple[int, int, list[Cell]]]:
    """The direct items of the list opening at ``tokens[start]``: first and last line (sub-items
    included, trailing blank lines not) and inline content (nested lists get their own turn)."""
    opening = tokens[start]
    close = opening.type.replace("_open", "_close")
    items: list[tuple[int, int, list[Cell]]] = []
    depth = 0
    i = start
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == opening.type and tok.level == opening.level:
            depth += 1
        elif tok.type == close and tok.level == opening.level:
            depth -= 1
            if depth == 0:
                return items
        elif tok.type == "list_item_open" and tok.level == opening.level + 1:
            first, end = (tok.map[0], tok.map[1]) if tok.map else (0, 1)
            while end > first + 1 and not lines[end - 1].strip():
                end -= 1
            items.append((first + 1, end, []))
        elif tok.type == "inline" and items and tok.level == opening.level + 3:
            items[-1][2].append(parse_inline(tok.children or []))
        i += 1
    return items


def parse(
    text: str, *, path: str = "<markdown>", columns: dict[str, str] | None = None
) -> ParsedList:
    """Every paper table and paper list in an awesome-list file, in file order."""
    # The token tree is acyclic; cyclic-GC passes during a long parse would only rescan the
    # growing tree again and again (cost growing with the square of the list), so pause them.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read(_markdown_parser().parse(text), text.split("\n"), path, columns)
    finally:
        if paused:
            gc.enable()


def _read(tokens: list, lines: list[str], path: str, columns: dict[str, str] | None) -> ParsedList:
    reader = _Reader(path, columns or {})
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            cell = parse_inline(tokens[i + 1].children or [])
            reader.heading(int(tok.tag[1:]), sections.heading_name(cell))
        elif tok.type == "html_block" and (html := sections.HTML_HEADING.match(tok.content)):
            reader.heading(int(html.group(1)), sections.html_heading_name(html.group(2)))
        elif tok.type == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            reader.table(tokens[i : end + 1], tok.map[0] + 1 if tok.map else 1)
            i = end
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            reader.paper_list(_item_cells(lines, tokens, i))
        i += 1
    return reader.result()


def first_table(text: str) -> tuple[str | None, list[Cell], list[Cell]] | None:
    """The first table of ``text`` as GitHub reads it: the heading marks before it (``##``),
    its header cells and its first body row; None without a table. Used to keep a list's
    own table shape when it is rendered back."""
    tokens = _markdown_parser().parse(text)
    heading: str | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and heading is None:
            heading = tok.markup
        if tok.type != "table_open":
            continue
        header: list[Cell] = []
        first: list[Cell] = []
        in_head, rows = False, 0
        for inner in tokens[i + 1 :]:
            if inner.type == "table_close":
                break
            if inner.type in ("thead_open", "thead_close"):
                in_head = inner.type == "thead_open"
            elif inner.type == "tr_open" and not in_head:
                rows += 1
            elif inner.type == "inline" and (in_head or rows == 1):
                (header if in_head else first).append(parse_inline(inner.children or []))
        return heading, header, first
    return None


def html_block_lines(text: str) -> list[int]:
    """0-based numbers of the lines of HTML blocks (``<details>`` bodies too), as GitHub reads
    the text: an HTML comment shown in a code block or quoted inline text is not one."""
    return [
        number
        for tok in _markdown_parser().parse(text)
        if tok.type == "html_block" and tok.map
        for number in range(tok.map[0], tok.map[1])
    ]


def parse_file(path: str | Path, *, columns: dict[str, str] | None = None) -> ParsedList:
    """Read and parse a markdown file; an unreadable or non-UTF-8 file is an ``InputError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read markdown: {exc}", path=path) from exc
    return parse(text, path=str(path), columns=columns)
