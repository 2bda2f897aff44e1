"""Exports: choose entries, build canonical items once, hand them to a writer.

``export_all`` lays out one file per category and per format plus an all-papers file of
each format; ``check`` compares such a directory with what the catalog gives, so CI can
fail when someone edits the catalog without regenerating ``exports/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import csl, formats
from .catalog import Catalog, Entry
from .errors import InputError
from .files import atomic_write

ALL_FORMATS = ("bibtex", "biblatex", "csljson", "ris")
ALL_PAPERS = "all"  # file stem of the all-papers export


@dataclass
class ExportResult:
    files: dict[str, str] = field(default_factory=dict)  # relative path -> text
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


def render(
    catalog: Catalog, entries: list[Entry], fmt: str, **options: Any
) -> tuple[str, dict[str, list[str]]]:
    """Text of one export and the incomplete entries in it (key -> missing fields)."""
    items = csl.items(catalog, entries)
    incomplete = {i["id"]: m for i in items if (m := csl.missing_fields(i))}
    return formats.write(fmt, items, **options), incomplete


def layout(catalog: Catalog, fmts: Iterable[str] = ALL_FORMATS) -> ExportResult:
    """Every file of a full export, in memory: ``<format>/<category-slug>.<ext>`` + ``all``."""
    result = ExportResult()
    all_items = csl.items(catalog)
    by_key = {i["id"]: i for i in all_items}
    result.entries = len(all_items)
    result.incomplete = {i["id"]: m for i in all_items if (m := csl.missing_fields(i))}
    ordered = catalog.ordered()
    groups = [(ALL_PAPERS, all_items)] + [
        (cat.slug, [by_key[e.key] for e in ordered if cat.name in e.categories])
        for cat in catalog.taxonomy
    ]
    for fmt in fmts:
        suffix = formats.get(fmt).suffix
        for stem, items in groups:
            result.files[f"{fmt}/{stem}{suffix}"] = formats.write(fmt, items)
    return result


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
    result = layout(catalog, fmts)
    for rel, text in result.files.items():
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
    expected = layout(catalog, fmts).files
    problems = []
    for rel, text in expected.items():
        path = out_dir / rel
        if not path.is_file():
            problems.append(f"missing: {rel}")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"differs: {rel}")
    problems += [f"stale: {rel}" for rel in sorted(_managed_files(out_dir, fmts) - set(expected))]
    return problems
