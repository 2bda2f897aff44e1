"""The text between the markers when it is generated afresh: markdown tables in the list's
shape (its columns, heading marks and link words, read from the table already there, else the
shipped list's), or the output of a Jinja2 template.

Cells show the resolved title (when it is the listed title up to case, punctuation and
spacing), the venue's short name and the year where they are known, the listed values
otherwise (``listed=True``: always the listed values).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from delbib.catalog.model import Catalog
from delbib.errors import InputError
from delbib.lists import markdown
from delbib.lists.arrange import (
    Paper,
    Row,
    category_cells_keep_order,
    category_path,
    papers_of,
    section_runs,
    sections,
    table_rows,
)
from delbib.lists.cells import cell
from delbib.lists.markdown import gfm


@dataclass(frozen=True)
class Column:
    header: str  # as written in the list
    role: str | None  # title, tldr, categories, links, year, venue; None: a column we leave empty


@dataclass(frozen=True)
class Shape:
    """How the list lays out its papers."""

    columns: tuple[Column, ...]
    heading: str = "###"  # heading marks of the per-category sections (no category column)
    link_label: str = "link"

    @property
    def sectioned(self) -> bool:
        return not any(c.role == "categories" for c in self.columns)


# The shipped list's shape (catalog/source/Awesome-Data-Efficient-LLM.md, "Tilte" spelt right).
DEFAULT_SHAPE = Shape(
    (
        Column("Title", "title"),
        Column("TLDR", "tldr"),
        Column("Category", "categories"),
        Column("Paper Link", "links"),
        Column("Year", "year"),
        Column("Publish", "venue"),
    )
)


def default_shape(catalog: Catalog) -> Shape:
    """The shipped list's shape; one section per category instead of a category column when
    a category's name holds a comma or semicolon, which a category cell would split, or when
    the rows would name the categories first in another order than the taxonomy's."""
    split = any("," in c.name or ";" in c.name for c in catalog.taxonomy)
    if split or not category_cells_keep_order(catalog):
        return Shape(tuple(c for c in DEFAULT_SHAPE.columns if c.role != "categories"))
    return DEFAULT_SHAPE


def shape_of(markdown_text: str) -> Shape | None:
    """The shape of the first table in ``markdown_text``: headers, heading marks, link label."""
    from .markdown.columns import header_role, header_text

    found = gfm.first_table(markdown_text)
    if found is None:
        return None
    heading, header, first = found
    columns: list[Column] = []
    for head in header:
        role = header_role(header_text(head))
        taken = {c.role for c in columns}
        columns.append(Column(head.text, role if role not in taken else None))
    labels = [link.text for value in first for link in value.links if link.text]
    return Shape(
        tuple(columns),
        heading=heading or DEFAULT_SHAPE.heading,
        link_label=labels[0] if labels else DEFAULT_SHAPE.link_label,
    )


def _balanced(url: str) -> bool:
    depth = 0
    for ch in url:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def link(url: str, label: str = "link") -> str:
    """A markdown link to ``url``; pointy brackets only where parentheses are unbalanced.

    A reader percent-encodes a destination's braces, spaces, non-ASCII letters and the like
    (CommonMark's link normalisation), so a URL holding them (one read from bare text, as
    ``https://x.org/}{site}``) would come back changed; it gets an HTML link, whose address
    readers take as written.
    """
    from markdown_it.common.normalize_url import normalizeLink

    if normalizeLink(url) != url:
        href = html.escape(url).replace("|", "&#124;").replace("\\", "&#92;")
        return f'<a href="{href}">{cell(label)}</a>'
    return f"[{cell(label)}]({url if _balanced(url) else f'<{url}>'})"


def _value(paper: Paper, row: Row, role: str | None, label: str) -> str:
    if role == "title":  # the key anchor lets a re-import into a new catalog keep the key
        title = cell(paper.title)
        if markdown.fields.read_as_described(paper.title):  # "Name - lower-case words ..."
            title = f"**{cell(paper.title, strict=True)}**"
        return f'<a id="delbib-{paper.key}"></a>{title}'
    if role == "tldr":
        return cell(paper.tldr)
    if role == "categories":
        bad = next((c for c in row.categories if "," in c or ";" in c), None)
        if bad:
            raise InputError(
                f"category {bad!r} holds a comma or semicolon, which a category cell cannot "
                "show; rename it or render a list with one section per category",
                field="categories",
            )
        return cell(", ".join(row.categories))
    if role == "links":
        return " ".join(link(u, label) for u in paper.links)
    if role == "year":
        return str(paper.year or "")
    if role == "venue":
        return cell(paper.venue)
    return ""


def _table(shape: Shape, rows: Iterable[Row]) -> list[str]:
    lines = [
        "| " + " | ".join(cell(c.header) for c in shape.columns) + " |",
        "| " + " | ".join("---" for _ in shape.columns) + " |",
    ]
    for row in rows:
        values = [_value(row.paper, row, c.role, shape.link_label) for c in shape.columns]
        lines.append("| " + " | ".join(values) + " |")
    return lines


def table_row(shape: Shape, paper: Paper) -> str:
    """One paper's row of a table of ``shape`` (a new item that no sibling could model)."""
    row = Row(paper, paper.categories)
    return (
        "| "
        + " | ".join(_value(paper, row, c.role, shape.link_label) for c in shape.columns)
        + " |"
    )


def markdown_block(catalog: Catalog, shape: Shape = DEFAULT_SHAPE, *, listed: bool = False) -> str:
    """The table(s) of the list, as the text that goes between the markers."""
    papers = papers_of(catalog, listed)
    if not shape.sectioned:
        return "\n".join(_table(shape, table_rows(catalog, papers))) + "\n"
    parents = {c.name: c.parent for c in catalog.taxonomy}
    parts, open_path = [], []
    for name, rows in section_runs(catalog, papers):
        if name is None:  # papers with no category: a table under no heading, first
            parts.append("\n".join(_table(shape, rows)))
            continue
        path = category_path(name, parents)
        same = 0
        while same < min(len(path) - 1, len(open_path)) and path[same] == open_path[same]:
            same += 1
        for depth in range(same, len(path)):  # the headings above it, when not open already
            marks = "#" * min(6, len(shape.heading) + depth)
            parts.append(f"{marks} {cell(path[depth])}")
        parts[-1] = "\n".join([parts[-1], "", *_table(shape, rows)])
        open_path = path
    return "\n\n".join(parts) + "\n"


def template_block(catalog: Catalog, template: str | Path, *, listed: bool = False) -> str:
    """The block from a Jinja2 template (any layout); see the README for its variables."""
    import jinja2

    path = Path(template)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(path.parent)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["cell"] = cell
    env.filters["md"] = lambda text: cell(text, strict=True)
    env.filters["link"] = link
    papers = papers_of(catalog, listed)
    context = {
        "papers": [p.to_dict() for p in papers.values()],
        "rows": [
            {**r.paper.to_dict(), "row_categories": list(r.categories)}
            for r in table_rows(catalog, papers)
        ],
        "sections": [
            {
                "name": s.name,
                "slug": catalog.category(s.name).slug if s.name else None,
                "papers": [r.paper.to_dict() for r in s.rows],
            }
            for s in sections(catalog, papers, every_row=False)
        ],
        "source": catalog.source,
    }
    try:
        text = env.get_template(path.name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise InputError("template not found", path=path) from exc
    except jinja2.TemplateSyntaxError as exc:
        message = f"template syntax error: {exc.message}"
        raise InputError(message, path=path, line=exc.lineno) from exc
    except jinja2.TemplateError as exc:
        raise InputError(f"template error: {exc.message or exc}", path=path) from exc
    return text if text.endswith("\n") else text + "\n"
