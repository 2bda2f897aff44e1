"""Exports: choose entries, build canonical items once, hand them to a writer.

``export_all`` lays out one file per category and per format plus an all-papers file of
each format; ``check`` compares such a directory with what the catalog gives, so CI can
fail when someone edits the catalog without regenerating ``exports/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import csl, formats
from .catalog import Catalog, Entry
from .errors import InputError
from .files import atomic_write

ALL_FORMATS = ("bibtex", "biblatex", "csljson", "ris", "zotero-rdf")
ALL_PAPERS = "all"  # file stem of the all-papers export


@dataclass
class ExportResult:
    files: list[str] = field(default_factory=list)  # relative paths, in layout order
    entries: int = 0
    incomplete: dict[str, list[str]] = field(default_factory=dict)  # key -> missing fields
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "files": sorted(self.files),
            "written": self.written,
            "removed": self.removed,
            "incomplete": self.incomplete,
        }


def select(catalog: Catalog, categories: Iterable[str] = ()) -> list[Entry]:
    """Entries in any of ``categories`` (all entries when none), in catalog order.

    An unknown category is an ``InputError`` that lists the valid names.
    """
    wanted = []
    for name in categories:
        cat = catalog.category(name)
        if cat is None:
            valid = "; ".join(c.name for c in catalog.taxonomy)
            raise InputError(
                f"unknown category {name!r}; valid categories: {valid}", field="category"
            )
        wanted.append(cat.name)
    entries = catalog.ordered()
    if not wanted:
        return entries
    return [e for e in entries if set(e.categories) & set(wanted)]


def taxonomy(catalog: Catalog) -> list[tuple[str, str, str | None]]:
    """(name, slug, parent) of each category, in order; the parent is None when the
    catalog's categories carry none (a flat taxonomy)."""
    return [(c.name, c.slug, getattr(c, "parent", None)) for c in catalog.taxonomy]


def render(
    catalog: Catalog, entries: list[Entry], fmt: str, **options: Any
) -> tuple[str, dict[str, list[str]]]:
    """Text of one export and the incomplete entries in it (key -> missing fields)."""
    items = csl.items(catalog, entries)
    incomplete = {i["id"]: m for i in items if (m := csl.missing_fields(i))}
    if formats.get(fmt).collections:
        options["taxonomy"] = taxonomy(catalog)
    return formats.write(fmt, items, **options), incomplete


def layout(
    catalog: Catalog, fmts: Iterable[str] = ALL_FORMATS, result: ExportResult | None = None
) -> Iterator[tuple[str, str]]:
    """Every file of a full export as (``<format>/<category-slug>.<ext>`` or ``all``, text),
    one at a time, so that only one format's rendered entries are held in memory.

    Each entry is rendered once per format; ``all`` and every category file are
    assembled from those pieces (the same bytes as writing each file's items). ``result``,
    when given, receives the entry count and the incomplete entries.
    """
    all_items = csl.items(catalog)
    index = {i["id"]: n for n, i in enumerate(all_items)}
    if result is not None:
        result.entries = len(all_items)
        result.incomplete = {i["id"]: m for i in all_items if (m := csl.missing_fields(i))}
    ordered = catalog.ordered()
    groups = [(ALL_PAPERS, list(range(len(all_items))))] + [
        (cat.slug, [index[e.key] for e in ordered if cat.name in e.categories])
        for cat in catalog.taxonomy
    ]
    tax = taxonomy(catalog)
    for fmt in fmts:
        spec = formats.get(fmt)
        pieces = spec.entries()(all_items)
        for stem, members in groups:
            text = formats.assemble(
                fmt, [pieces[n] for n in members], [all_items[n] for n in members], tax
            )
            yield f"{fmt}/{stem}{spec.suffix}", text


def _managed_files(out_dir: Path, fmts: Iterable[str]) -> set[str]:
    found = set()
    for fmt in fmts:
        suffix = formats.get(fmt).suffix
        found |= {p.relative_to(out_dir).as_posix() for p in (out_dir / fmt).glob(f"*{suffix}")}
    return found


def export_all(
    catalog: Catalog,
    out_dir: str | Path,
    fmts: Iterable[str] = ALL_FORMATS,
    progress: Callable[[str], None] | None = None,
) -> ExportResult:
    """Write the full layout atomically file by file; stale files of ours are removed."""
    out_dir = Path(out_dir)
    fmts = tuple(fmts)
    result = ExportResult()
    for rel, text in layout(catalog, fmts, result):
        result.files.append(rel)
        if atomic_write(out_dir / rel, text):
            result.written.append(rel)
        if progress:
            progress(rel)
    for stale in sorted(_managed_files(out_dir, fmts) - set(result.files)):
        (out_dir / stale).unlink()
        result.removed.append(stale)
    return result


def check(catalog: Catalog, out_dir: str | Path, fmts: Iterable[str] = ALL_FORMATS) -> list[str]:
    """Relative paths that differ from what the catalog gives (changed, missing or stale)."""
    out_dir = Path(out_dir)
    fmts = tuple(fmts)
    expected = set()
    problems = []
    for rel, text in layout(catalog, fmts):
        expected.add(rel)
        path = out_dir / rel
        if not path.is_file():
            problems.append(f"missing: {rel}")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"differs: {rel}")
    problems += [f"stale: {rel}" for rel in sorted(_managed_files(out_dir, fmts) - expected)]
    return problems
