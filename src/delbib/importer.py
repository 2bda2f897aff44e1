"""Markdown rows -> catalog entries: merge duplicate rows, keep keys, report what changed.

Rows are the same paper when their normalised titles are equal, or when they share an
identifier *and* their titles agree. A shared link under two different titles (the list
links one arXiv id from two papers) is not a merge: both entries keep it and ``lint``
reports it. Re-importing keeps every key, pinned identifier, lock and resolved record; a
paper that left the list keeps its file with no rows and is reported, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import catalog as catalog_mod
from . import identifiers, markdown
from .catalog import Catalog, Category, Entry, clean_category, make_key, slugify
from .markdown import Row
from .text import clean_title, title_key, title_similarity

SAME_PAPER_SIMILARITY = 0.9  # titles sharing an identifier must be at least this close


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    departed: list[str] = field(default_factory=list)  # in the catalog, no longer in the list
    row_keys: dict[int, str] = field(default_factory=dict)  # source row -> entry key
    files_written: int = 0

    def to_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": len(self.unchanged),
            "departed": self.departed,
            "rows": len(self.row_keys),
            "entries": len(set(self.row_keys.values())),
            "files_written": self.files_written,
        }


@dataclass
class _Group:
    rows: list[Row]
    clean: list[str]
    ids: list[str]

    @property
    def keys(self) -> set[str]:
        return {title_key(t) for t in self.clean}


def _row_ids(row: Row) -> list[str]:
    found: list[str] = []
    for link in row.links:
        if not identifiers.is_void(link):
            found.extend(identifiers.extract(link))
    return list(dict.fromkeys(found))


def _same_paper(
    titles_a: list[str], ids_a: list[str], titles_b: list[str], ids_b: list[str]
) -> bool:
    if {title_key(t) for t in titles_a} & {title_key(t) for t in titles_b}:
        return True
    if not set(ids_a) & set(ids_b):
        return False
    return any(title_similarity(a, b) >= SAME_PAPER_SIMILARITY for a in titles_a for b in titles_b)


def group_rows(rows: list[Row]) -> list[_Group]:
    """Group rows that are the same paper, in list order of each group's first row."""
    groups: list[_Group] = []
    for row in rows:
        clean = clean_title(row.title)
        ids = _row_ids(row)
        matches = [g for g in groups if _same_paper([clean], ids, g.clean, g.ids)]
        if not matches:
            groups.append(_Group([row], [clean], ids))
            continue
        head = matches[0]
        for other in matches[1:]:  # a row can bridge two groups: fold them into the first
            head.rows += other.rows
            head.clean += other.clean
            head.ids += other.ids
            groups.remove(other)
        head.rows.append(row)
        head.clean.append(clean)
        head.ids = list(dict.fromkeys([*head.ids, *ids]))
    for g in groups:
        order = sorted(range(len(g.rows)), key=lambda i: g.rows[i].index)
        g.rows = [g.rows[i] for i in order]
        g.clean = [g.clean[i] for i in order]
    return groups


def _merged_categories(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(clean_category(c) for r in rows for c in r.categories))


def _apply(entry: Entry, group: _Group) -> None:
    first = group.rows[0]
    entry.title = first.title
    entry.clean_title = group.clean[0]
    entry.tldr = first.tldr
    entry.categories = _merged_categories(group.rows)
    entry.links = list(
        dict.fromkeys(u for r in group.rows for u in r.links if not identifiers.is_void(u))
    )
    entry.year = first.year
    entry.venue = first.venue
    entry.rows = [r.index for r in group.rows]
    entry.identifiers = list(group.ids)


def import_rows(catalog: Catalog, rows: list[Row], *, source: str) -> ImportReport:
    """Merge parsed rows into ``catalog`` in memory; ``save`` writes the result."""
    report = ImportReport()
    groups = group_rows(rows)
    existing = list(catalog.entries.values())
    claimed: set[str] = set()
    taken = set(catalog.entries)
    for group in groups:
        match = next(
            (
                e
                for e in existing
                if e.key not in claimed
                and _same_paper(group.clean, group.ids, [e.clean_title], e.ids)
            ),
            None,
        )
        if match is None:
            key = make_key(group.clean[0], group.rows[0].year, taken)
            taken.add(key)
            entry = Entry(key=key, title="", clean_title="", categories=[], rows=[])
            _apply(entry, group)
            catalog.entries[key] = entry
            report.created.append(key)
        else:
            before = match.to_yaml_dict()
            _apply(match, group)
            (report.updated if match.to_yaml_dict() != before else report.unchanged).append(
                match.key
            )
            entry = match
        claimed.add(entry.key)
        for row in group.rows:
            report.row_keys[row.index] = entry.key
    for entry in existing:
        if entry.key not in claimed and entry.rows:
            entry.rows = []
            report.departed.append(entry.key)
    _merge_taxonomy(catalog, rows)
    catalog.source = source
    catalog.entries = {e.key: e for e in catalog.ordered()}
    return report


def _merge_taxonomy(catalog: Catalog, rows: list[Row]) -> None:
    """List order first; categories the list no longer uses stay (entries may still cite them)."""
    old = {c.name: c for c in catalog.taxonomy}
    names = list(dict.fromkeys(clean_category(c) for r in rows for c in r.categories))
    slugs: set[str] = set()
    taxonomy = []
    for name in [*names, *(n for n in old if n not in names)]:
        slug = old[name].slug if name in old else slugify(name)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        taxonomy.append(Category(name, slug))
    catalog.taxonomy = taxonomy


def save(catalog: Catalog, report: ImportReport) -> None:
    """Write the catalog: metadata and every entry file, each atomically and only if changed."""
    written = int(catalog.save_meta())
    for entry in catalog.entries.values():
        written += int(catalog.save_entry(entry))
    report.files_written = written


def run(markdown_path: str | Path, catalog_root: str | Path) -> ImportReport:
    """Parse a list and create or update the catalog at ``catalog_root`` (the CLI's job)."""
    rows = markdown.parse_file(markdown_path)
    root = Path(catalog_root)
    cat = (
        catalog_mod.load(root)
        if (root / catalog_mod.CATALOG_FILE).exists()
        else catalog_mod.new(root)
    )
    report = import_rows(cat, rows, source=Path(markdown_path).name)
    save(cat, report)
    return report
