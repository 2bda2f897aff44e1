"""The rows of an HTML table as a reader takes them.

A ``<table>`` with a head (``<th>Year</th><th>Methods</th><th>Paper Title</th><th>Pub.</th>``)
names what each cell holds, as a GFM table's header does: the title cell is read first,
the venue and authors cells give those fields, and cells of no known role (``Methods``)
are left out so that their words are never taken for authors. A table without such a head
is read cell by cell, each cell a line. A link left open in a cell closes at its end, as
the browser closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import columns
from .dates import is_date_label
from .fields import is_placeholder

_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b)|$)", re.I | re.S)
# "<th rowspan="28">Gradient-based</th>": a cell naming the group of rows it spans
_SPANNING_CELL = re.compile(
    r"<t[dh]\b[^>]*\browspan\s*=\s*[\"']?[2-9]\d*[^>]*>.*?</t[dh]\s*>", re.I | re.S
)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)(?=<t[dh]\b|$)", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_LINK_TAG = re.compile(r"<(/?)a\b[^>]*>", re.I)
_FIELD_ROLES = ("venue", "authors")  # cells a row's item takes as they are
_HTML_DROP = re.compile(
    r"<!--.*?-->|<\s*(?:script|style)\b.*?</\s*(?:script|style)\s*>", re.I | re.S
)
_LINK_SPAN = re.compile(r"<a\b[^>]*>(?:(?!</?a\b).)*?<br\b.*?</a\s*>", re.I | re.S)


def shown(content: str, breaks: re.Pattern[str]) -> str:
    """HTML as a reader sees it: comments and scripts gone (their lines kept, so numbers
    hold), and a link's line breaks spaces (``<a href=x> Title of<br>Two Lines </a>``: one
    link's words, the title, on two lines)."""
    content = _HTML_DROP.sub(lambda m: "\n" * m.group(0).count("\n"), content)
    return _LINK_SPAN.sub(lambda m: breaks.sub(" ", m[0]), content)


@dataclass
class Row:
    start: int  # offsets of the row in the table's HTML
    end: int
    html: str  # its cells, each ending in a line break
    fields: dict[str, str]  # "venue" and "authors" from the cells under those headers


class Reader:
    """Reads one table's rows, the pieces a blank line cuts it into one after another: the
    header's roles hold for the rows below it."""

    def __init__(self) -> None:
        self.roles: list[str | None] | None = None

    def rows(self, content: str) -> Iterator[Row]:
        if re.search(r"<table\b", content, re.I):
            self.roles = None
        for row in _ROW.finditer(content):
            inner = _SPANNING_CELL.sub(" ", row.group(1))  # a category over several rows
            cells = [_closed(text) for _kind, text in _CELL.findall(inner)]
            if cells and not re.search(r"<td\b", inner, re.I):  # a row of headers
                roles = [columns.header_role(_text(cell).casefold()) for cell in cells]
                self.roles = roles if "title" in roles else None
            fields: dict[str, str] = {}
            if cells:
                cells, fields = _by_role(cells, self.roles)
                inner = "".join(f"<td>{cell}</td>" for cell in cells)
            inner = re.sub(r"<t[dh]\b[^>]*>", " ", _CELL_END.sub("<br>", inner), flags=re.I)
            yield Row(row.start(), row.end(), inner, fields)


def _text(html: str) -> str:
    return " ".join(_TAG.sub(" ", html).split())


def _by_role(cells: list[str], roles: list[str | None] | None) -> tuple[list[str], dict[str, str]]:
    """A row's cells under the table's headers: the title's first, then the others of a known
    role or with a link; the venue and authors cells give those fields instead (a date under
    ``<th>Publication Date</th>``, read as a venue's header, stays a date)."""
    if roles is None or len(roles) != len(cells):
        return cells, {}
    at = roles.index("title")
    fields: dict[str, str] = {}
    kept = []
    for cell, role in (pair for i, pair in enumerate(zip(cells, roles, strict=True)) if i != at):
        text, linked = _text(cell), _LINK_TAG.search(cell) is not None
        if role in _FIELD_ROLES and role not in fields and not _no_field(text):
            fields[role] = text  # its line only for its link
        elif role is not None:
            linked = True
        if linked:
            kept.append(cell)
    return [cells[at], *kept], fields


def _no_field(text: str) -> bool:
    return not text or is_placeholder(text) or is_date_label(text, named=False)


def _closed(cell: str) -> str:
    """A cell's HTML with its end tag dropped and a link left open closed, as the browser
    closes it at the cell's end (``<td><a href="doi">Title</td>``)."""
    depth = 0

    def link_tag(tag: re.Match) -> str:
        nonlocal depth
        if tag[1]:  # an end with no start in this cell closed a link of an earlier one
            depth, kept = max(0, depth - 1), tag[0] if depth else ""
            return kept
        depth += 1
        return tag[0]

    cell = _LINK_TAG.sub(link_tag, _CELL_END.sub("", cell))
    return cell + "</a>" * depth
