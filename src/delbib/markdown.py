"""Awesome-list markdown tables -> rows.

Lists differ: columns are found by their header names (misspellings such as "Tilte" are
tolerated), categories come from a category column or else from the section heading above
the table, a link cell may hold a bare URL or several markdown links, and a file may hold
several tables. Parsing is pure: text in, rows out; bad input raises ``InputError`` naming
the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .errors import InputError

# Column role -> header names seen in awesome lists (compared after normalisation).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "paper", "paper title", "name"),
    "tldr": ("tldr", "summary", "description", "one-line summary", "note", "notes"),
    "categories": ("category", "categories", "tag", "tags", "topic", "topics"),
    "links": ("paper link", "link", "links", "url", "pdf", "paper url"),
    "year": ("year", "date"),
    "venue": ("publish", "venue", "published", "conference", "publication", "journal"),
}
REQUIRED = ("title",)
_FUZZY_MIN = 0.8  # "tilte" ~ "title" is 0.8; unrelated headers score far lower

_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()\s]*\))*)\s*\)")
_BARE_URL = re.compile(r"(?<![(\[])\b(?:https?|javascript):[^\s|<>]+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DELIM_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Row:
    """One data row of a table, as listed (only whitespace at the cell edges trimmed)."""

    index: int  # 1-based among the data rows of the whole file, in file order
    line: int  # 1-based line number in the file
    title: str
    tldr: str | None = None
    categories: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None


@dataclass
class Table:
    """A parsed table: where it starts and the role of each column."""

    line: int
    columns: dict[str, int] = field(default_factory=dict)


def split_cells(line: str) -> list[str]:
    r"""Split a table line on unescaped pipes; ``\|`` stays a literal pipe inside a cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, i = [], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current).strip())
    return cells


def _norm_header(text: str) -> str:
    text = re.sub(r"[*_`]", "", text)  # **Title** -> Title
    return re.sub(r"\s+", " ", text).strip().casefold()


def column_role(header: str) -> str | None:
    """The role of a header cell, tolerating a misspelling; None for columns we ignore."""
    name = _norm_header(header)
    best, best_score = None, 0.0
    for role, names in COLUMN_NAMES.items():
        if name in names:
            return role
        for candidate in names:
            score = SequenceMatcher(None, name, candidate).ratio()
            if score > best_score:
                best, best_score = role, score
    return best if best_score >= _FUZZY_MIN else None


def extract_links(cell: str) -> tuple[str, ...]:
    """Every URL in a link cell: markdown links first, then bare URLs, in order, no repeats."""
    found: list[str] = []
    for match in _MD_LINK.finditer(cell):
        found.append(match.group(2))
    rest = _MD_LINK.sub(" ", cell)
    found.extend(m.group(0) for m in _BARE_URL.finditer(rest))
    return tuple(dict.fromkeys(u for u in found if u))


def split_categories(cell: str) -> tuple[str, ...]:
    """Category cells list several names separated by commas or semicolons."""
    parts = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"[,;]", cell))
    return tuple(dict.fromkeys(p for p in parts if p))


def parse_year(cell: str, *, path: str, line: int) -> int | None:
    """A 4-digit year at the start of the cell; empty means unknown; anything else is an error."""
    if not cell.strip():
        return None
    match = _YEAR.match(cell)
    if not match:
        raise InputError(f"year {cell.strip()!r} is not a year", path=path, line=line, field="year")
    return int(match.group(1))


def _is_delimiter(cells: list[str]) -> bool:
    return bool(cells) and all(_DELIM_CELL.match(c) for c in cells)


def parse(text: str, *, path: str = "<markdown>") -> list[Row]:
    """Parse every table in an awesome-list markdown file into rows, in file order."""
    lines = text.splitlines()
    rows: list[Row] = []
    heading: str | None = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        heading_match = _HEADING.match(raw)
        if heading_match:
            heading = heading_match.group(2).strip()
            i += 1
            continue
        is_header = (
            raw.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _is_delimiter(split_cells(lines[i + 1]))
        )
        if not is_header:
            i += 1
            continue
        header = split_cells(raw)
        table = Table(line=i + 1)
        for col, cell in enumerate(header):
            role = column_role(cell)
            if role and role not in table.columns:
                table.columns[role] = col
        if "title" not in table.columns:
            raise InputError(
                f"table header has no title column (headers: {', '.join(header)})",
                path=path,
                line=i + 1,
            )
        i += 2
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            rows.append(_row(lines[i], i + 1, len(rows) + 1, header, table, heading, path))
            i += 1
    return rows


def _row(
    raw: str,
    line: int,
    index: int,
    header: list[str],
    table: Table,
    heading: str | None,
    path: str,
) -> Row:
    cells = split_cells(raw)
    if len(cells) != len(header):
        raise InputError(
            f"table row has {len(cells)} cells, the header at line {table.line} has "
            f"{len(header)} (an unescaped '|' inside a cell? write it as '\\|')",
            path=path,
            line=line,
        )

    def cell(role: str) -> str:
        col = table.columns.get(role)
        return cells[col] if col is not None else ""

    title = cell("title")
    if not title:
        raise InputError("the title cell is empty", path=path, line=line, field="title")
    if "categories" in table.columns:
        categories = split_categories(cell("categories"))
    else:
        categories = (heading,) if heading else ()
    return Row(
        index=index,
        line=line,
        title=title,
        tldr=cell("tldr") or None,
        categories=categories,
        links=extract_links(cell("links")),
        year=parse_year(cell("year"), path=path, line=line),
        venue=cell("venue") or None,
    )


def parse_file(path: str | Path) -> list[Row]:
    """Read and parse a markdown file; an unreadable or non-UTF-8 file is an ``InputError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read markdown: {exc}", path=path) from exc
    return parse(text, path=str(path))
