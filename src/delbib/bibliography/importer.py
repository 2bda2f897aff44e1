"""Bibliography records -> catalog entries with resolved records made from the file itself.

The second stage of ``import-bib`` (and of ``upgrade``/``check``, which import into a scratch
catalog): each record becomes an entry that keeps its key (lower-cased to the catalog's key
rules, reported when that changes it) and a resolved record whose CSL is the file's own,
with provenance ``source: file`` naming the file and line, and the fields CSL has no place
for kept under ``provenance.unplaced``. Records that are one paper (a shared DOI or arXiv
id, or the same normalised title) are merged into the first, also across files and with
entries already in the catalog. Categories come from keywords or collections.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from delbib import identifiers
from delbib.bibliography.readers import Parsed, Problem, Record
from delbib.catalog.model import KEY_PATTERN, Catalog, Category, Entry, make_key, slugify
from delbib.errors import IdentifierError, InputError
from delbib.text import clean_key, clean_title, key_similarity, title_key

CATEGORY_FROM = ("keywords", "collections", "none")
SOURCE = "file"  # provenance.source of a record made from the imported file's fields


@dataclass
class BibImportReport:
    created: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # "file:line key" -> kept entry
    renamed: dict[str, str] = field(default_factory=dict)  # key as written -> catalog key
    unplaced: dict[str, list[str]] = field(default_factory=dict)  # entry -> fields kept aside
    warnings: list[Problem] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)  # per record read: its entry
    files_written: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "merged": self.merged,
            "renamed": self.renamed,
            "unplaced": self.unplaced,
            "warnings": [str(w) for w in self.warnings],
            "files_written": self.files_written,
        }


def record_ids(item: dict[str, Any]) -> list[str]:
    """The identifiers a CSL item names: its DOI, arXiv id and what its URL links."""
    found = []
    for scheme, value in (
        ("doi", item.get("DOI")),
        ("arxiv", (item.get("custom") or {}).get("arxiv")),
    ):
        if value:
            with contextlib.suppress(IdentifierError):  # not an identifier: the URL may hold one
                found.append(identifiers.normalize(f"{scheme}:{value}"))
    if isinstance(item.get("URL"), str):
        found += identifiers.extract(item["URL"])
    return list(dict.fromkeys(found))


def catalog_key(written: str | None, title: str, year: int | None, taken: set[str]) -> str:
    """The record's key as the catalog can hold it: lower case, only ``a-z0-9_:.-``; a
    record without one, or whose key is taken, gets one made from its title."""
    key = re.sub(r"[^a-z0-9_:.-]", "", (written or "").casefold())
    if key and KEY_PATTERN.match(key) and key not in taken:
        return key
    if key and KEY_PATTERN.match(key):
        n = 2
        while f"{key}-{n}" in taken:
            n += 1
        return f"{key}-{n}"
    return make_key(title, year, taken)


def _close(clean: str, entry: Entry) -> bool:
    """Records sharing an identifier are one paper only when their titles agree too (a file
    may link one arXiv id from two papers), as ``import-markdown`` decides."""
    from delbib.lists.importer import SAME_PAPER_SIMILARITY

    return key_similarity(clean_key(clean), clean_key(entry.clean_title)) >= SAME_PAPER_SIMILARITY


def _year(item: dict[str, Any]) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    year = parts[0][0] if parts and parts[0] else None
    return year if isinstance(year, int) else None


def _categories(record: Record, category_from: str, extra: Iterable[str]) -> list[str]:
    chosen = {"keywords": record.keywords, "collections": record.collections}.get(category_from, [])
    return list(dict.fromkeys([*chosen, *extra]))


def _record(entry: Entry, record: Record, where: str, fmt: str) -> dict[str, Any]:
    from delbib.catalog.item import arxiv_id

    item = record.item
    status = "preprint-only" if item.get("type") == "article" and arxiv_id(item) else "published"
    provenance: dict[str, Any] = {
        "source": SOURCE,
        "request": where,
        "method": f"import-bib ({fmt})",
        "identifiers": list(entry.ids),
    }
    if record.unplaced:
        provenance["unplaced"] = dict(record.unplaced)
    return {"csl": dict(item), "status": status, "provenance": provenance, "conflicts": []}


def import_parsed(
    catalog: Catalog,
    files: list[Parsed],
    *,
    category_from: str = "keywords",
    categories: Iterable[str] = (),
    merge: bool = True,
) -> BibImportReport:
    """Add the records of ``files`` to ``catalog`` in memory (``save`` writes them).

    ``merge=False`` keeps every record its own entry (``upgrade`` and ``check`` answer per
    record of the file)."""
    from delbib.catalog.validate import csl_problem

    if category_from not in CATEGORY_FROM:
        raise InputError(f"--category-from must be one of {', '.join(CATEGORY_FROM)}")
    extra = list(categories)
    report = BibImportReport()
    taken = set(catalog.entries)
    by_title = {title_key(e.clean_title): e.key for e in catalog.entries.values()}
    by_id = {i: e.key for e in catalog.entries.values() for i in e.ids}
    row = max((r for e in catalog.entries.values() for r in e.rows), default=0)
    parents: dict[str, str | None] = {}
    for parsed in files:
        report.warnings += parsed.problems
        parents.update(parsed.parents)
        for record in parsed.records:
            where = f"{parsed.path}:{record.line}" if record.line else parsed.path
            title = str(record.item.get("title") or "").strip()
            if not title:
                report.warnings.append(Problem(parsed.path, record.line, "no title: not imported"))
                report.keys.append(None)
                continue
            ids = record_ids(record.item)
            clean = clean_title(title)
            names = _categories(record, category_from, extra)
            same = by_title.get(title_key(clean)) or next(
                (by_id[i] for i in ids if i in by_id and _close(clean, catalog.entries[by_id[i]])),
                None,
            )
            if merge and same:
                kept = catalog.entries[same]
                kept.categories = list(dict.fromkeys([*kept.categories, *names]))
                kept.identifiers = list(dict.fromkeys([*kept.identifiers, *ids]))
                report.merged[f"{where} {record.key or '(no key)'}"] = same
                report.keys.append(same)
                continue
            year = _year(record.item)
            key = catalog_key(record.key, clean, year, taken)
            if record.key and key != record.key:
                report.renamed[record.key] = key
            taken.add(key)
            row += 1
            venue = record.item.get("container-title")
            entry = Entry(
                key=key,
                title=title,
                clean_title=clean,
                categories=names,
                rows=[row],
                links=[record.item["URL"]] if isinstance(record.item.get("URL"), str) else [],
                year=year,
                venue=venue if isinstance(venue, str) else None,
                identifiers=ids,
            )
            catalog.entries[key] = entry
            report.created.append(key)
            report.keys.append(key)
            by_title.setdefault(title_key(clean), key)
            for i in ids:
                by_id.setdefault(i, key)
            if problem := csl_problem({"id": key, **record.item}):
                path, message = problem
                report.warnings.append(
                    Problem(
                        parsed.path,
                        record.line,
                        f"{key}: field '{'.'.join(map(str, path)) or 'item'}': {message}; "
                        "the entry is kept without its record",
                    )
                )
            else:
                catalog.resolved[key] = _record(entry, record, where, parsed.format)
            if record.unplaced:
                report.unplaced[key] = sorted(record.unplaced)
    _add_taxonomy(catalog, parents)
    if catalog.source is None and files:
        catalog.source = ", ".join(p.path.rsplit("/", 1)[-1] for p in files)
    return report


def _add_taxonomy(catalog: Catalog, parents: dict[str, str | None]) -> None:
    """Categories the entries use and the taxonomy lacks, in order of first use, each
    after its parent collection when the file nests them."""
    known = {c.name for c in catalog.taxonomy}
    slugs = {c.slug for c in catalog.taxonomy}
    wanted: dict[str, None] = {}
    for entry in catalog.ordered():
        for name in entry.categories:
            chain = [name]
            while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
                chain.append(parents[chain[-1]])  # type: ignore[arg-type]
            wanted.update(dict.fromkeys(reversed(chain)))
    for name in wanted:
        if name in known:
            continue
        slug = slugify(name)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        known.add(name)
        catalog.taxonomy.append(Category(name, slug, parents.get(name)))


def save(catalog: Catalog, report: BibImportReport) -> None:
    """Write the taxonomy, the new or changed entries and their records (atomically)."""
    written = int(catalog.save_meta())
    for entry in catalog.entries.values():
        written += int(catalog.save_entry(entry))
    for key in report.created:
        if key in catalog.resolved:
            written += int(catalog.save_resolved(key, catalog.resolved[key]))
    report.files_written = written
