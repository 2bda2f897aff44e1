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

from delbib.catalog import csl
from delbib.catalog.layout import ALL_PAPERS
from delbib.catalog.model import Catalog, Entry
from delbib.errors import InputError, OutputError
from delbib.export import formats
from delbib.files import AtomicFile, no_gc

ALL_FORMATS = ("bibtex", "biblatex", "csljson", "ris", "zotero-rdf")


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

    An unknown category is an ``InputError`` that suggests the closest name and lists all.
    """
    wanted = []
    for name in categories:
        cat = catalog.category(name)
        if cat is None:
            import difflib

            names = {c.name.casefold(): c.name for c in catalog.taxonomy}
            names.update({c.slug: c.name for c in catalog.taxonomy})
            close = difflib.get_close_matches(name.strip().casefold(), names, n=1, cutoff=0.6)
            hint = f"did you mean {names[close[0]]!r}? " if close else ""
            valid = "; ".join(c.name for c in catalog.taxonomy)
            raise InputError(
                f"unknown category {name!r}; {hint}valid categories: {valid}", field="category"
            )
        wanted.append(cat.name)
    entries = catalog.ordered()
    if not wanted:
        return entries
    return [e for e in entries if set(e.categories) & set(wanted)]


def cited(
    catalog: Catalog, entries: list[Entry], keys: Iterable[str]
) -> tuple[list[Entry], list[str]]:
    """The ``entries`` a document cites (all of them for ``\\nocite{*}``), and the cited keys
    the catalog does not have."""
    from .citations import ALL

    keys = list(keys)
    wanted = set(keys)
    unknown = [k for k in keys if k != ALL and k not in catalog.entries]
    if ALL in wanted:
        return entries, unknown
    return [e for e in entries if e.key in wanted], unknown


def taxonomy(
    catalog: Catalog, only: Iterable[str] | None = None
) -> list[tuple[str, str, str | None]]:
    """(name, slug, parent) of each category, in order; the parent is None when the
    catalog's categories carry none (a flat taxonomy). With ``only`` (names), just those
    categories: a file of some categories makes their collections, not partial collections
    of every other category its papers are also in."""
    rows = [(c.name, c.slug, getattr(c, "parent", None)) for c in catalog.taxonomy]
    if only is None:
        return rows
    chosen = set(only)
    kept = {x for c in catalog.taxonomy if c.name in chosen for x in (c.name, c.slug)}
    return [(n, s, p if p in kept else None) for n, s, p in rows if n in chosen]


def render(
    catalog: Catalog,
    entries: list[Entry],
    fmt: str,
    categories: Iterable[str] | None = None,
    **options: Any,
) -> tuple[str, dict[str, list[str]]]:
    """Text of one export and the incomplete entries in it (key -> missing fields);
    ``categories`` (names) are the ones the file is of, when not the whole catalog."""
    items = csl.items(catalog, entries)
    incomplete = {i["id"]: m for i in items if (m := csl.missing_fields(i))}
    if formats.get(fmt).collections:
        options["taxonomy"] = taxonomy(catalog, categories)
    return formats.write(fmt, items, **options), incomplete


def rendered(
    catalog: Catalog, entries: list[Entry], fmts: Iterable[str]
) -> Iterator[tuple[Entry, dict[str, Any], dict[str, str]]]:
    """Each entry with its canonical item and its text in each format, exactly as every
    file of an export holds it: one renderer per format serves all ``entries`` in order
    (a renderer keeps what holds across a file, such as unique BibTeX keys). The site's
    citations come from here too, so they are the export's text by construction."""
    renderers = {fmt: formats.get(fmt).renderer() for fmt in fmts}
    resolved = catalog.resolved
    for entry in entries:
        item = csl.to_item(entry, resolved.get(entry.key))
        yield entry, item, {fmt: render(item) for fmt, render in renderers.items()}


class _Compare:
    """A sink that compares what it is given with an existing file as it comes."""

    def __init__(self, path: Path) -> None:
        try:
            self._handle: Any = path.open("rb")
            self.problem: str | None = None
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            self._handle, self.problem = None, "missing"

    def write(self, data: bytes) -> None:
        if self.problem is None and self._handle.read(len(data)) != data:
            self.problem = "differs"

    def commit(self) -> bool:
        if self.problem is None and self._handle.read(1):
            self.problem = "differs"
        self.abort()
        return self.problem is None

    def abort(self) -> None:
        if self._handle is not None:
            self._handle.close()


class _Memory:
    """A sink that keeps the text (for tests and small layouts)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.write = self.parts.append

    def commit(self) -> bool:
        return True

    def abort(self) -> None:
        self.parts.clear()

    def text(self) -> str:
        return b"".join(self.parts).decode("utf-8")


def _stream(
    catalog: Catalog,
    fmts: tuple[str, ...],
    open_sink: Callable[[str], Any],
    result: ExportResult,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, Any]]:
    """Render every entry once per format and stream each piece into every file of the
    layout it belongs to (the all-papers file and one per category it is in).

    Nothing but the catalog is held: an item lives while its pieces are written. A file
    equals ``formats.write`` of its items (tested). The cyclic garbage collector is paused:
    rendering makes no cycles worth collecting (a few hundred objects in a 100k export) and
    its passes over the loaded catalog cost 20% of the export. Returns ``(relative path, sink)`` in
    layout order, every sink finished but not committed; on any failure (Ctrl-C included)
    every sink is aborted, so no file is left half-written.
    """
    slug_of = {c.name: c.slug for c in catalog.taxonomy}
    stems = [ALL_PAPERS, *slug_of.values()]
    members: dict[str, list[Entry]] = {stem: [] for stem in stems}
    specs = [(fmt, formats.get(fmt)) for fmt in fmts]
    sinks: list[tuple[str, Any]] = []
    fmt = stem = ""  # the file being written, named if writing fails
    targets: dict[tuple[str, str], Any] = {}
    with no_gc():
        try:
            writers: dict[str, dict[str, Callable[[bytes], Any]]] = {}
            for fmt, spec in specs:
                for stem in stems:
                    rel = f"{fmt}/{stem}{spec.suffix}"
                    sink = open_sink(rel)
                    sinks.append((rel, sink))
                    writers.setdefault(fmt, {})[stem] = sink.write
                    targets[fmt, stem] = getattr(sink, "path", rel)
            frames = {}
            for fmt, spec in specs:
                frame = spec.frame()
                frames[fmt] = (frame.head.encode(), frame.sep.encode())
            entries = catalog.ordered()
            for done, (entry, item, pieces) in enumerate(rendered(catalog, entries, fmts), 1):
                if missing := csl.missing_fields(item):
                    result.incomplete[entry.key] = missing
                cats = [
                    ALL_PAPERS,
                    *dict.fromkeys(slug_of[c] for c in entry.categories if c in slug_of),
                ]
                firsts = [not members[stem] for stem in cats]
                for stem in cats:
                    members[stem].append(entry)
                for fmt, text in pieces.items():
                    head, sep = frames[fmt]
                    piece = text.encode("utf-8")
                    following = sep + piece
                    to = writers[fmt]
                    for stem, first in zip(cats, firsts, strict=True):
                        to[stem](head + piece if first else following)
                if progress:
                    progress(done, len(entries))
            result.entries = len(entries)
            tax = taxonomy(catalog)
            name_of = {c.slug: c.name for c in catalog.taxonomy}
            for fmt, spec in specs:
                for stem in stems:
                    if spec.collections:
                        pairs = [
                            {"id": e.key, "custom": {"categories": e.categories}}
                            for e in members[stem]
                        ]
                        own = tax if stem == ALL_PAPERS else taxonomy(catalog, [name_of[stem]])
                        frame = spec.frame(collections=spec.collections_of(pairs, own))
                    else:
                        frame = spec.frame()
                    tail = frame.tail if members[stem] else frame.text_when_empty()
                    writers[fmt][stem](tail.encode("utf-8"))
        except OSError as exc:
            for _, sink in sinks:
                sink.abort()
            raise OutputError(
                f"cannot write: {exc.strerror or exc}", path=targets.get((fmt, stem))
            ) from exc
        except BaseException:
            for _, sink in sinks:
                sink.abort()
            raise
    return sinks


def layout(catalog: Catalog, fmts: Iterable[str] = ALL_FORMATS) -> dict[str, str]:
    """Every file of a full export in memory: ``{<format>/<category-slug>.<ext>: text}``,
    in layout order (for tests and small catalogs; ``export_all`` streams to disk)."""
    sinks = _stream(catalog, tuple(fmts), lambda _rel: _Memory(), ExportResult())
    return {rel: sink.text() for rel, sink in sinks}


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
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the full layout, each file atomically; stale files of ours are removed.

    ``progress(done, total)`` is called once per entry.
    """
    out_dir = Path(out_dir)
    fmts = tuple(fmts)
    result = ExportResult()
    sinks = _stream(catalog, fmts, lambda rel: AtomicFile(out_dir / rel), result, progress)
    try:
        for rel, sink in sinks:
            result.files.append(rel)
            if sink.commit():
                result.written.append(rel)
    except BaseException:
        for _, sink in sinks[len(result.files) :]:
            sink.abort()
        raise
    for stale in sorted(_managed_files(out_dir, fmts) - set(result.files)):
        (out_dir / stale).unlink()
        result.removed.append(stale)
    return result


def check(catalog: Catalog, out_dir: str | Path, fmts: Iterable[str] = ALL_FORMATS) -> list[str]:
    """Relative paths that differ from what the catalog gives (changed, missing or stale).

    Each file is compared as its text is made, so no file is held in memory.
    """
    out_dir = Path(out_dir)
    fmts = tuple(fmts)
    sinks = _stream(catalog, fmts, lambda rel: _Compare(out_dir / rel), ExportResult())
    problems = [f"{sink.problem}: {rel}" for rel, sink in sinks if not sink.commit()]
    expected = {rel for rel, _ in sinks}
    problems += [f"stale: {rel}" for rel in sorted(_managed_files(out_dir, fmts) - expected)]
    return problems
