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

from delbib.errors import InputError
from delbib.files import decode_text

from . import (
    blocks,
    dates,
    evidence,
    fields,
    glossary,
    joined,
    lexicon,
    nicknames,
    onepaper,
    parts,
    repeats,
    sections,
    shape,
    siblings,
    sitemarkup,
    tablecell,
    tablerows,
)
from . import columns as columns_mod
from .gfm import parser
from .inline import Cell, parse_inline, squash, strip_emoji

__all__ = ["ParsedList", "Problem", "Row", "Skipped", "parse", "parse_file"]


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
    end_line: int = 0  # 1-based last line of the item in the file (inclusive)
    date: str | None = None  # a date written with more than a year (2023-05, 23.07), as written
    shape: str = ""  # table row, list item, paragraph, html, html table row


@dataclass(frozen=True)
class Skipped:
    """An item read and judged not to be a paper (or not readable as one), and why."""

    line: int
    end_line: int
    shape: str
    kind: str  # why: evidence.NO_TITLE, CODE_ONLY, ...
    text: str  # its words, shortened


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
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_counts(self) -> dict[str, int]:
        """How many items were skipped, by kind."""
        counts: dict[str, int] = {}
        for item in self.skipped:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


_TABLE_EVIDENCE_SHARE = 0.3  # a table is a paper table when this share of its rows shows a
# paper link, venue, year or authors (a team table or an update log shows none)
_OWN_CITATION_ITEMS = 3  # a list asks to be cited for a paper or three, not a dozen
_SHORT = 60  # characters of an item's text kept in reports
_CONTENTS_MIN = 3  # titles a page's table of contents lists when it reviews papers


def split_categories(text: str) -> tuple[str, ...]:
    """Category cells list several names separated by commas or semicolons."""
    parts = (squash(p) for p in re.split(r"[,;]", text))
    return tuple(dict.fromkeys(p for p in parts if p))


class _Reader:
    def __init__(self, path: str, overrides: dict[str, str], text_lines: list[str]) -> None:
        self.path = path
        self.text_lines = text_lines
        self.skipped: list[Skipped] = []
        self.overrides = overrides
        self.headings: list[tuple[int, str]] = []  # (level, name), year headings included
        self.pending: list[tuple[Row, tuple[str, ...] | None]] = []
        self.blocks: list[tuple[int, int]] = []  # each list block's rows among pending
        # a table of contents' paper-like titles (their skipped entry, item, parts, path)
        self.contents: list[tuple[int, blocks.Item, parts.Parts, tuple[str, ...]]] = []
        self.warnings: list[Problem] = []
        self.first_heading: tuple[int, str] | None = None
        self.title_venue: tuple[str | None, int | None] = (None, None)
        self.headers: set[str] = set()  # every table header seen, to check --column names

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Problem(self.path, line, message))

    # ----------------------------------------------------------------- context

    def heading(self, level: int, name: str) -> None:
        first = self.first_heading is None
        if first:
            self.first_heading = (level, name)
        about = sections.is_news_heading(name) or sections.is_citation_heading(name)
        if first and level == 1 and not about:  # a page opening on "# 🔥 News": a section
            # the list's own title, not a section of it; "# SIGGRAPH" still says where all
            # its papers appeared
            self.title_venue = sections.heading_venue(name)
            return
        year = sections.is_year_heading(name)
        while self.headings and (
            self.headings[-1][0] > level
            or self.headings[-1][0] == level
            and (not year or sections.is_year_heading(self.headings[-1][1]))
        ):
            self.headings.pop()  # a year heading stays inside the section it subdivides
        if name:
            self.headings.append((level, name))

    def context(self) -> tuple[tuple[str, ...], int | None, str | None]:
        """The heading path (years left out), and the year and venue that year and venue
        headings (``## 2021``, ``### CVPR 2023``) give the items under them."""
        path = tuple(n for _, n in self.headings if not sections.is_year_heading(n))
        venue, year = self.title_venue
        for _, name in self.headings:
            found_venue, found_year = sections.heading_venue(name)
            venue, year = found_venue or venue, found_year or year
        return path, year, venue

    def add(self, line: int, path: tuple[str, ...] | None, **values) -> None:
        values.setdefault("end_line", line)
        row = Row(index=0, line=line, **values)
        self.pending.append((row, path))

    def skip(self, line: int, end_line: int, shape: str, kind: str, text: str) -> None:
        short = squash(text)
        short = short if len(short) <= _SHORT else short[: _SHORT - 1] + "…"
        self.skipped.append(Skipped(line, end_line, shape, kind, short))

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
        yymm = "year" in roles and dates.is_yymm_column([c[roles["year"]].text for _, c in body])
        path, heading_year, heading_venue = self.context()
        has_categories = "categories" in roles
        named = (
            columns_mod.header_text(header[roles["title"]]) if roles["title"] < len(header) else ""
        )
        trusted = named in columns_mod.PAPER_HEADERS or "title" in self.overrides
        first = "".join(map(columns_mod.header_text, header[:1]))  # "| Dataset Name |"
        other = None if trusted else sections.not_paper_table(named, ("", *path)[-1], first)
        if other or not trusted and not self.paper_table(body, roles):
            for line, cells in body:
                kind = other or "row of a table that lists no papers"
                self.skip(line, line, "table row", kind, " | ".join(c.text for c in cells))
            return
        unlinked = tablerows.rows_without_paper(header, body, roles)
        for line, cells in body:
            self.short_row(line, len(header))
            if line in unlinked:
                text = " | ".join(c.text for c in cells)
                self.skip(line, line, "table row", evidence.NO_PAPER_IN_COLUMN, text)
                continue
            for own in tablecell.papers_of_row(cells, roles["title"]):
                self.table_row(
                    line, own, roles, yymm, (heading_year, heading_venue), path, has_categories
                )

    def paper_table(self, body: list[tuple[int, list[Cell]]], roles: dict[str, int]) -> bool:
        """Some rows show a paper: a paper link, a venue or year, or authors."""
        if not body or "venue" in roles or "authors" in roles:
            return True
        if not any(cell.links for _, cells in body for cell in cells):
            return False  # "| 1965 | I. J. Good | ... |": a time line of milestones, no citations
        shown = 0
        for _, cells in body:
            kinds = fields.sorted_links(cells)[1]
            dated = "year" in roles and dates.year_in(cells[roles["year"]].text)
            shown += bool(fields.PAPER in kinds or dated)
        return shown >= _TABLE_EVIDENCE_SHARE * len(body)

    def short_row(self, line: int, width: int) -> None:
        """GitHub pads a row with fewer cells than the header: the list lost a cell there."""
        if not 0 < line <= len(self.text_lines):
            return
        raw = self.text_lines[line - 1].strip()
        cells = len(re.findall(r"(?<!\\)\|", raw.strip("|"))) + 1 if raw else 0
        if cells < width:
            self.warn(line, f"table row has {cells} of {width} cells; the missing ones are empty")

    def table_row(self, line, cells, roles, yymm, heading, path, has_categories) -> None:
        def cell(role: str) -> Cell | None:
            return cells[roles[role]] if role in roles else None

        title_cell = cell("title")
        title, authors = tablecell.table_title(title_cell) if title_cell else ("", None)
        if not title or fields.is_resource_text(title):
            self.warn(line, "row skipped: no title in the title column")
            return
        lines = [ln for c in cells for ln in c.lines]
        if title_cell and not title_cell.links and parts.cites_several(lines):
            # "| Owl Fronts | [Title A](arxiv) [Title B](arxiv) [Title C](arxiv) |": a theme
            self.skip(line, line, "table row", evidence.REFERENCES, title)
            return
        title, trailing_venue, trailing_year = parts.clean(title)
        venue = strip_emoji(cell("venue").text) if cell("venue") else ""
        dated = venue if dates.is_date_label(venue, named=False) else ""  # "Sep., 2023"
        venue = "" if dated or fields.is_placeholder(venue) else venue
        badge = fields.badge_venue([src for c in cells for src in c.images])
        heading_year, heading_venue = heading
        venue = venue or badge or trailing_venue or heading_venue or ""
        year = None
        year_text = cell("year").text if cell("year") else ""
        if year_text:
            year = dates.year_in(year_text, yymm=yymm)
            if year is None and not fields.venue_in(year_text)[0]:
                self.warn(line, f"year {year_text!r} not understood; left empty")
        if year is None:
            year = fields.venue_in(venue)[1] or dates.year_in(dated or venue) or trailing_year
            year = year or heading_year  # "Arxiv/2509" is a venue cell with a YYMM date
        links, kinds = fields.sorted_links(cells)
        tldr = cell("tldr").text if cell("tldr") else ""
        if cell("authors") and cell("authors").text:
            authors = cell("authors").text
        categories = split_categories(cell("categories").text) if cell("categories") else ()
        self.add(
            line,
            None if has_categories else path,
            title=title,
            tldr=tldr or None,
            categories=categories,
            links=links,
            kinds=kinds,
            year=year,
            venue=venue or None,
            authors=authors,
            key=next(iter(title_cell.keys), None) if title_cell else None,
            date=lexicon.precise_date(year_text) if year_text else None,
            shape="table row",
        )

    # ----------------------------------------------------------------- lists

    def items(self, items: list[blocks.Item]) -> None:
        """Judge a block's items by their evidence and keep the papers."""
        path, heading_year, heading_venue = self.context()
        about_list = next(
            (
                kind
                for at, (_, name) in enumerate(self.headings)
                for kind, test in (
                    (evidence.OWN_CITATION, sections.is_citation_heading),
                    (evidence.NEWS, sections.is_news_heading),
                )
                if test(name)
                # a section of many "Citation ..." papers is a topic, not the list's citation
                and (kind != evidence.OWN_CITATION or len(items) <= _OWN_CITATION_ITEMS)
                # "## Engine Correctness / ### Papers / #### What's New": a topic's new papers;
                # the list's news sit under its title alone
                and (kind != evidence.NEWS or self.headings[:at] in ([], [self.first_heading]))
            ),
            None,
        )
        if about_list:  # sections about the list itself, not items of it
            for item in items:
                text = " ".join(line.text for line in item.lines)
                self.skip(item.line, item.end_line, item.shape, about_list, text)
            return
        items = [
            piece
            for whole in items
            for item in joined.item_lines(whole)
            for piece in joined.item_papers(item)
        ]
        read = [_read_item(item, heading_year, heading_venue) for item in items]
        verdicts = [evidence.verdict(p) for p in read]
        verdicts = siblings.unsigned_pages(read, siblings.bare_titles(read, verdicts))
        paper_block = evidence.is_paper_block(verdicts) or siblings.cited_alike(read, verdicts)
        if paper_block:  # "- **Title**" alone: nothing written beside the marked title
            alone = [_words(item) == squash(p.title) for item, p in zip(items, read, strict=True)]
            verdicts = siblings.like_siblings(read, verdicts, alone)
        pages = not evidence.marks_papers(read)
        heading = self.headings[-1][1] if self.headings else ""
        around = not paper_block and evidence.among_papers(read, verdicts)
        if not paper_block and glossary.is_glossary([item.lines for item in items]):
            verdicts = [evidence.GLOSSARY] * len(items)  # "MAF: Masked Autoregressive Flows"
        self.blocks.append((len(self.pending), len(self.pending)))
        for item, found, verdict in zip(items, read, verdicts, strict=True):
            if item.note:
                text = " ".join(line.text for line in item.lines)
                self.skip(item.line, item.end_line, item.shape, evidence.NOTE, text)
                continue
            if not evidence.accepted(
                verdict, paper_block, found, pages=pages, papers_around=around
            ):
                if any(line.text for line in item.lines):
                    text = " ".join(line.text for line in item.lines)
                    kind = evidence.rejected_kind(verdict, found)
                    if kind == evidence.NAVIGATION and shape.paper_title(found):
                        self.contents.append((len(self.skipped), item, found, path))
                    self.skip(item.line, item.end_line, item.shape, kind, text)
                    if paper_block and verdict in (evidence.CODE_ONLY, evidence.NO_LINK):
                        what = "only code links" if verdict == evidence.CODE_ONLY else "no link"
                        self.warn(item.line, f"list item skipped: {what} ({found.title[:60]!r})")
                continue
            section_kind = evidence.not_paper_section(heading, found)
            if section_kind:  # "### Conferences": what the heading says the items are
                text = " ".join(line.text for line in item.lines)
                self.skip(item.line, item.end_line, item.shape, section_kind, text)
                continue
            self.add_item(item, found, path)
        self.blocks[-1] = (self.blocks[-1][0], len(self.pending))

    def add_item(self, item: blocks.Item, found: parts.Parts, path: tuple[str, ...]) -> None:
        self.add(
            item.line,
            (*path, *(lb for lb in item.labels if not sections.is_year_heading(lb))),
            title=found.title,
            links=found.links,
            kinds=found.kinds,
            year=found.year,
            venue=found.venue,
            authors=found.authors,
            key=found.key,
            end_line=item.end_line,
            date=found.date,
            shape=item.shape,
        )

    # ----------------------------------------------------------------- result

    def result(self) -> ParsedList:
        if not self.pending and len(self.contents) >= _CONTENTS_MIN:
            # "1. [Title](#1-title)" over "# 1 Title" and its notes, and no paper linked or
            # cited anywhere: the table of contents lists the papers the page reviews
            taken = {at for at, *_ in self.contents}
            self.skipped = [s for at, s in enumerate(self.skipped) if at not in taken]
            for _, item, found, path in self.contents:
                self.add_item(item, found, path)
        for role, header in self.overrides.items():
            if header.strip().casefold() not in self.headers:
                self.warn(None, f"--column {role}={header}: no table has a column {header!r}")
        index = repeats.index_repeats([row for row, _ in self.pending], self.blocks)
        for row, _ in (self.pending[at] for at in sorted(index)):
            self.skip(row.line, row.end_line, row.shape, repeats.REPEAT, row.title)
        self.pending = [pair for at, pair in enumerate(self.pending) if at not in index]
        paths = [p for _, p in self.pending if p is not None]
        names, parents = sections.categories(list(dict.fromkeys(paths)))
        rows = []
        pending = [row for row, _ in self.pending]
        titles = nicknames.listed([r.title for r in pending], [r.authors for r in pending])
        for index, ((row, path), title) in enumerate(
            zip(self.pending, titles, strict=True), start=1
        ):
            cats = row.categories if path is None else ((names[path],) if path in names else ())
            rows.append(dataclasses.replace(row, index=index, categories=cats, title=title))
        return ParsedList(rows=rows, warnings=self.warnings, parents=parents, skipped=self.skipped)


def _words(item: blocks.Item) -> str:
    """An item's words as written, emoji and closing stops left out."""
    return squash(strip_emoji(" ".join(line.text for line in item.lines))).rstrip(" .")


def _with_fields(found: parts.Parts, item: blocks.Item) -> parts.Parts:
    """An item whose table names its venue and authors by header has those, and the venue's
    year (``<td>CVPR 2025</td>``) when it writes one."""
    year = lexicon.venue_in(item.fields.get("venue", ""))[1] or found.year
    found = dataclasses.replace(found, peer=True) if item.peer else found
    return dataclasses.replace(found, **item.fields, year=year) if item.fields else found


def _read_item(item: blocks.Item, year: int | None, venue: str | None) -> parts.Parts:
    """An item's parts; one that names no venue or year of its own has its heading's (``###
    CVPR 2023``) or its label's (``- **Year 2019**`` / ``- **TIP**`` / ``- Title``)."""
    for label in item.labels:
        found_venue, found_year = sections.heading_venue(label)
        venue, year = found_venue or venue, found_year or year
    found = _with_fields(parts.read(item.lines, year), item)
    return dataclasses.replace(found, venue=venue) if venue and not found.venue else found


def parse(
    text: str, *, path: str = "<markdown>", columns: dict[str, str] | None = None
) -> ParsedList:
    """Every paper table and paper list in an awesome-list file, in file order."""
    # The token tree is acyclic; cyclic-GC passes during a long parse would only rescan the
    # growing tree again and again (cost growing with the square of the list), so pause them.
    paused = gc.isenabled()
    gc.disable()
    text = sitemarkup.blank(text)  # a static site's shortcodes, Liquid tags, attribute lists
    text = text.removeprefix("\ufeff")  # a byte-order mark would hide the first heading
    try:
        return _read(parser().parse(text), text, path, columns)
    finally:
        if paused:
            gc.enable()


def _read(tokens: list, text: str, path: str, columns: dict[str, str] | None) -> ParsedList:
    reader = _Reader(path, columns or {}, text.splitlines())
    events = blocks.walk(tokens, text, opens=parts.opens_item, links=fields.has_link)
    for event in onepaper.regroup(events):
        if isinstance(event, blocks.Heading) and event.paper:
            reader.heading(event.level, "")  # ends the sections it closes, names none
        elif isinstance(event, blocks.Heading):
            name = (
                sections.heading_name(event.cell)
                if event.cell is not None
                else sections.html_heading_name(event.html)
            )
            reader.heading(event.level, name)
        elif isinstance(event, blocks.Table):
            reader.table(event.tokens, event.line)
        else:
            reader.items(event.items)
    return reader.result()


def parse_file(path: str | Path, *, columns: dict[str, str] | None = None) -> ParsedList:
    """Read and parse a markdown file (UTF-8, a Latin-1 one with a warning); an unreadable
    file, or one with NUL bytes (no text), is an ``InputError``."""
    try:
        data = Path(path).read_bytes()
        text, encoding = decode_text(data)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read markdown: {exc}", path=path) from exc
    if "\x00" in text:
        raise InputError("cannot read markdown: a binary file (NUL bytes), not text", path=path)
    parsed = parse(text, path=str(path), columns=columns)
    if encoding == "latin-1":
        note = "not UTF-8: read as Latin-1 (Windows-1252); save it as UTF-8 to be sure"
        parsed.warnings.insert(0, Problem(str(path), None, note))
    return parsed
