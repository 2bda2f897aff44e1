"""Catalog -> the awesome list's paper table(s), so the list can be generated, not hand-kept.

A marked part that already holds paper items is edited in place instead (``listedit.py``):
only changed values, new and departed papers change, every other byte stays. An empty part,
a new file or stdout gets the tables below.

The output has the list's own shape: its columns (read from the table already between the
markers, else the shipped list's columns), one table with a category column in list order,
or one table per category under headings when the list has no category column. Cells show
the resolved title (when it is the listed title up to case, punctuation and spacing), the
venue's short name and the year where they are known, the listed values otherwise.

Rendering is built to survive ``import-markdown``: every listed entry keeps its source row
numbers (a paper listed twice is rendered twice) and its categories are spread over those
rows so that the categories first appear in the taxonomy's order. Importing a rendered list
therefore gives the same entries, categories, identifiers and rows; with ``listed=True`` it
gives back the catalog's files unchanged.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from delbib.catalog.model import Catalog, Entry
from delbib.errors import InputError
from delbib.files import atomic_write
from delbib.lists import markdown
from delbib.lists.cells import cell, title_of, venue_of, year_of

START = "<!-- delbib:start -->"
END = "<!-- delbib:end -->"


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
        title, year, venue = entry.title, entry.year, entry.venue
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


# ---------------------------------------------------------------- layout


def listed_entries(catalog: Catalog) -> list[Entry]:
    """Entries still in the list (a paper that left it keeps its file with no rows)."""
    return [e for e in catalog.ordered() if e.rows]


def table_rows(catalog: Catalog, papers: dict[str, Paper]) -> list[Row]:
    """One row per source row, in row order, with each entry's categories spread over its rows.

    A row lists the entry's next categories (in the entry's order) as long as each is either
    already shown or the taxonomy's next one; the entry's last row lists all that remain. So
    the categories appear first in taxonomy order and each entry's rows name its categories
    in its order, which is what an import reads back.
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
        rows.append(Row(papers[key], tuple(shown)))
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


def _runs(catalog: Catalog, papers: dict[str, Paper]) -> list[tuple[str, list[Row]]]:
    """Sections: each top category in taxonomy order with the ones below it, their rows in
    source order, cut where the category they were listed under changes (a section whose own
    papers go on after a subsection's, as a label in a list does, comes back after it)."""
    placed = _rows_by_category(listed_entries(catalog))
    parents = {c.name: c.parent for c in catalog.taxonomy}
    order = {c.name: i for i, c in enumerate(catalog.taxonomy)}

    def rank(name: str) -> int:
        return order.get(name, len(order))

    listed = sorted(
        (rank(_path(name, parents)[0]), row, rank(name), name, key)
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
                root = rank(_path(name, parents)[0])
                at = sum(rank(_path(run[0], parents)[0]) <= root for run in runs)
                last = (name, [])
                runs.insert(at, last)
            last[1].append(Row(papers[key], (name,)))
    return runs


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


def markdown_block(catalog: Catalog, shape: Shape = DEFAULT_SHAPE, *, listed: bool = False) -> str:
    """The table(s) of the list, as the text that goes between the markers."""
    papers = _papers(catalog, listed)
    if not shape.sectioned:
        return "\n".join(_table(shape, table_rows(catalog, papers))) + "\n"
    parents = {c.name: c.parent for c in catalog.taxonomy}
    parts, open_path = [], []
    for name, rows in _runs(catalog, papers):
        path = _path(name, parents)
        same = 0
        while same < min(len(path) - 1, len(open_path)) and path[same] == open_path[same]:
            same += 1
        for depth in range(same, len(path)):  # the headings above it, when not open already
            marks = "#" * min(6, len(shape.heading) + depth)
            parts.append(f"{marks} {cell(path[depth])}")
        parts[-1] = "\n".join([parts[-1], "", *_table(shape, rows)])
        open_path = path
    return "\n\n".join(parts) + "\n"


def _path(name: str, parents: dict[str, str | None]) -> list[str]:
    """A category and the ones above it, outermost first: its section's headings, so a
    re-import finds the same nesting (a parent with no papers of its own is still a
    heading)."""
    path = [name]
    while (up := parents.get(path[0])) and up in parents and up not in path:
        path.insert(0, up)
    return path


def _papers(catalog: Catalog, listed: bool) -> dict[str, Paper]:
    return {
        e.key: paper(e, catalog.resolved.get(e.key), listed=listed) for e in listed_entries(catalog)
    }


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
    papers = _papers(catalog, listed)
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


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class Block:
    """Where the generated block sits in a file: text before, inside and after the markers."""

    before: str
    inside: str
    after: str
    newline: str


def _markers(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the start and end markers: a marker line is an HTML block of its own, so
    the markers a README shows in a code block (as this project's does) are not taken."""
    if START not in text and END not in text:
        return [], []
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    starts: list[int] = []
    ends: list[int] = []
    for number in markdown.html_block_lines(text):
        line = text[offsets[number] : offsets[number + 1]]
        for marker, found in ((START, starts), (END, ends)):
            if line.strip() == marker:
                found.append(offsets[number] + line.index(marker))
    return starts, ends


def find_block(text: str, *, path: str | Path = "<text>") -> Block | None:
    """The marked block of ``text``; None when it has no markers; an error when they are wrong."""
    starts, ends = _markers(text)
    if not starts and not ends:
        return None
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        where = (starts or ends)[0]
        raise InputError(
            f"needs exactly one {START} followed by one {END} "
            f"(found {len(starts)} start and {len(ends)} end markers)",
            path=path,
            line=text.count("\n", 0, where) + 1,
        )
    head_end = starts[0] + len(START)
    newline = "\r\n" if text[head_end : head_end + 2] == "\r\n" else "\n"
    return Block(text[:head_end], text[head_end : ends[0]], text[ends[0] :], newline)


def default_shape(catalog: Catalog) -> Shape:
    """The shipped list's shape; one section per category instead of a category column when
    a category's name holds a comma or semicolon, which a category cell would split."""
    if any("," in c.name or ";" in c.name for c in catalog.taxonomy):
        return Shape(tuple(c for c in DEFAULT_SHAPE.columns if c.role != "categories"))
    return DEFAULT_SHAPE


def shape_of(markdown_text: str) -> Shape | None:
    """The shape of the first table in ``markdown_text``: headers, heading marks, link label."""
    from .markdown.columns import header_role, header_text

    found = markdown.first_table(markdown_text)
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


def render_file(
    catalog: Catalog,
    existing: str | None,
    *,
    path: str | Path = "<output>",
    template: str | Path | None = None,
    listed: bool = False,
) -> str:
    """The whole text of the output file: ``existing`` with its marked block replaced, or a
    new file holding only the block. A file without markers is an error, never overwritten."""
    block = find_block(existing, path=path) if existing is not None else None
    if existing is not None and block is None:
        raise InputError(
            f"has no {START} ... {END} markers: add them around the paper table", path=path
        )
    if template is None and block is not None and existing is not None:
        start = existing.count("\n", 0, len(block.before))
        end = existing.count("\n", 0, len(block.before) + len(block.inside))
        from .listedit import edit_region

        edited = edit_region(catalog, existing, start, end, listed=listed, path=str(path))
        if edited is not None:
            return edited
    if template is not None:
        body = template_block(catalog, template, listed=listed)
    else:
        shape = (shape_of(block.inside) if block else None) or default_shape(catalog)
        if not any(c.role == "title" for c in shape.columns):
            raise InputError("the table between the markers has no title column", path=path)
        body = markdown_block(catalog, shape, listed=listed)
    if block is None:
        return f"{START}\n{body}{END}\n"
    nl = block.newline
    if nl != "\n":
        body = body.replace("\n", nl)
    return f"{block.before}{nl}{body}{block.after}"


def read_existing(path: str | Path) -> str | None:
    """A file's text exactly as stored (line ends kept), or None when it does not exist."""
    try:
        return Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc


def render_list(catalog: Catalog, path: str | Path, **options: Any) -> bool:
    """Render into ``path`` (created, or its marked part edited); True when it changed.

    The library entry point (``render-list -o``, ``add --list``); ``options`` as for
    ``render_file``."""
    text = render_file(catalog, read_existing(path), path=path, **options)
    return atomic_write(path, text)


def diff(catalog: Catalog, path: str | Path, **options: Any) -> str:
    """What ``render_list`` would change in ``path``, as a unified diff ("" when nothing)."""
    import difflib

    existing = read_existing(path)
    new = render_file(catalog, existing, path=path, **options)
    if new == existing:
        return ""
    name = str(path)
    lines = difflib.unified_diff(
        (existing or "").splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"{name} (now)",
        tofile=f"{name} (rendered)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def is_current(catalog: Catalog, path: str | Path, **options: Any) -> bool:
    """True when ``path`` already holds what ``render_list`` would write (False when missing)."""
    existing = read_existing(path)
    if existing is None:
        return False
    return render_file(catalog, existing, path=path, **options) == existing
