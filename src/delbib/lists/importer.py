"""Markdown rows -> catalog entries: merge duplicate rows, keep keys, report what changed.

Rows are the same paper when their normalised titles are equal, or when they share an
identifier *and* their titles agree. A shared link under two different titles (the list
links one arXiv id from two papers) is not a merge: both entries keep it and ``lint``
reports it. Re-importing keeps every key, pinned identifier, lock and resolved record; a
paper that left the list keeps its file with no rows and is reported, never deleted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from delbib import identifiers, keys
from delbib.catalog import model as catalog_mod
from delbib.catalog.layout import CATALOG_FILE
from delbib.catalog.model import KEY_PATTERN, Catalog, Category, Entry, clean_category, slugify
from delbib.catalog.titleindex import TitleIndex
from delbib.errors import InputError
from delbib.lists import markdown
from delbib.text import clean_key, clean_title, key_similarity, title_key

from .listed import listed
from .markdown import ParsedList, Problem, Row, nicknames
from .markdown.fields import KIND_ORDER

SAME_PAPER_SIMILARITY = 0.9  # titles sharing an identifier must be at least this close
# An import that would take the rows from, or blank a field on, more than this share of the
# listed entries is refused without --force: a wrong file or a renamed column, not an edit.
ERASE_SHARE = 0.5
GUARDED_FIELDS = ("title", "tldr", "categories", "links", "year", "venue", "identifiers")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    departed: list[str] = field(default_factory=list)  # in the catalog, no longer in the list
    row_keys: dict[int, str] = field(default_factory=dict)  # source row -> entry key
    warnings: list[Problem] = field(default_factory=list)  # rows or tables the list lost
    skipped: dict[str, int] = field(default_factory=dict)  # items judged not papers, by kind
    files_written: int = 0

    def to_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": len(self.unchanged),
            "departed": self.departed,
            "rows": len(self.row_keys),
            "entries": len(set(self.row_keys.values())),
            "warnings": [str(w) for w in self.warnings],
            "skipped": self.skipped,
            "files_written": self.files_written,
        }


@dataclass
class _Group:
    rows: list[Row]
    clean: list[str]
    keys: list[str]
    ids: list[str]


def _row_ids(row: Row) -> list[str]:
    found: list[str] = []
    for link in row.links:
        if not identifiers.is_void(link):
            found.extend(identifiers.extract(link))
    return list(dict.fromkeys(found))


def _close(keys_a: list[str], keys_b: list[str]) -> bool:
    return any(key_similarity(a, b) >= SAME_PAPER_SIMILARITY for a in keys_a for b in keys_b)


def _apart(rows: list[Row], ids: list[list[str]], a: int, b: int) -> bool:
    """``SAME: Title`` and ``SAME++: Title`` (``C``, ``C++``, ``C#``): titles alike once
    normalised but for a ``+`` or ``#``, linking different papers (no identifier shared), are
    two papers."""
    signs = [re.sub(r"[^+#]", "", rows[i].title) for i in (a, b)]
    return signs[0] != signs[1] and bool(ids[a] and ids[b]) and not set(ids[a]) & set(ids[b])


def group_rows(rows: list[Row]) -> list[_Group]:
    """Group rows that are the same paper (same normalised title, or a shared identifier with
    agreeing titles), in list order of each group's first row. Each title is normalised once
    and candidates come from an index, so this grows linearly with the list."""
    index = TitleIndex()
    parent: list[int] = []  # union-find over rows: a row can bridge two groups
    members: dict[int, list[int]] = {}
    clean = [clean_title(r.title) for r in rows]
    keys = [clean_key(c) for c in clean]
    ids = [_row_ids(r) for r in rows]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n in range(len(rows)):
        matched = {root(i) for i in index.same_key(keys[n]) if not _apart(rows, ids, i, n)}
        for i in index.sharing(ids[n]):
            head = root(i)
            named = nicknames.name_only(clean[n]) or any(
                nicknames.name_only(clean[m]) for m in members[head]
            )  # a table naming each paper it links by its benchmark (ToMi): that paper
            if head not in matched and (
                named or _close([keys[n]], [keys[m] for m in members[head]])
            ):
                matched.add(head)
        index.add(keys[n], ids[n])
        parent.append(n)
        members[n] = [n]
        if matched:
            head = min(matched)
            for other in sorted(matched - {head}):
                parent[other] = head
                members[head] += members.pop(other)
            parent[n] = head
            members[head].append(n)
            del members[n]
    groups = []
    for head in sorted(members):
        order = sorted(members[head], key=lambda i: rows[i].index)
        group_ids = list(dict.fromkeys(x for i in sorted(members[head]) for x in ids[i]))
        groups.append(
            _Group(
                [rows[i] for i in order],
                [clean[i] for i in order],
                [keys[i] for i in order],
                group_ids,
            )
        )
    return groups


_category = functools.lru_cache(maxsize=None)(clean_category)  # few names, many rows


def _merged_categories(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(_category(c) for r in rows for c in r.categories))


def _merged_links(rows: list[Row]) -> list[str]:
    """Every row's links, paper links first (then code, project, video) as within one row, so
    a list rendered from the catalog reads back in the same order."""
    kinds: dict[str, int] = {}
    for row in rows:
        for i, url in enumerate(row.links):
            if not identifiers.is_void(url):
                kind = row.kinds[i] if i < len(row.kinds) else None
                kinds.setdefault(url, KIND_ORDER.index(kind) if kind else 0)
    return sorted(kinds, key=kinds.__getitem__)


def _apply(entry: Entry, group: _Group) -> None:
    whole = listed(group.rows)
    entry.title = group.rows[whole.titled].title
    entry.clean_title = group.clean[whole.titled]
    entry.tldr = group.rows[0].tldr
    entry.categories = _merged_categories(group.rows)
    entry.links = _merged_links(group.rows)
    entry.year = whole.year
    entry.venue = whole.venue
    entry.authors = whole.authors
    entry.rows = [r.index for r in group.rows]
    entry.identifiers = list(group.ids)


def _listed_key(group: _Group, taken: set[str]) -> str | None:
    """The citation key a row names (a rendered list carries each entry's key), when it is a
    valid key no other entry has: so render-list -> import-markdown keeps keys stable."""
    for row in group.rows:
        if row.key and KEY_PATTERN.match(row.key) and row.key not in taken:
            return row.key
    return None


def import_rows(
    catalog: Catalog,
    parsed: ParsedList | list[Row],
    *,
    source: str,
    key_pattern: str = keys.DEFAULT,
) -> ImportReport:
    """Merge parsed rows into ``catalog`` in memory; ``save`` writes the result. New entries
    get keys by ``key_pattern`` (``delbib.keys``); existing keys never change."""
    if not isinstance(parsed, ParsedList):
        parsed = ParsedList(rows=list(parsed))
    report = ImportReport(warnings=list(parsed.warnings), skipped=parsed.skipped_counts())
    groups = group_rows(parsed.rows)
    existing = list(catalog.entries.values())
    index = TitleIndex()
    for entry in existing:
        index.add(title_key(entry.clean_title), entry.ids)
    claimed: set[str] = set()
    taken = set(catalog.entries) | {a for e in catalog.entries.values() for a in e.aliases}
    for group in groups:
        candidates = {i for key in dict.fromkeys(group.keys) for i in index.same_key(key)}
        candidates |= {i for i in index.sharing(group.ids) if _close(group.keys, [index.keys[i]])}
        match = next(
            (existing[i] for i in sorted(candidates) if existing[i].key not in claimed), None
        )
        if match is None:
            key = _listed_key(group, taken) or keys.make(
                key_pattern,
                title=group.clean[0],
                year=group.rows[0].year,
                author=keys.first_family(group.rows[0].authors),
                taken=taken,
            )
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
    _merge_taxonomy(catalog, parsed)
    catalog.source = source
    catalog.entries = {e.key: e for e in catalog.ordered()}
    return report


def _merge_taxonomy(catalog: Catalog, parsed: ParsedList) -> None:
    """List order first, each parent before its children; categories the list no longer uses
    stay (entries may still cite them). A category the list names without a heading above it
    (a category cell, as in a rendered list) keeps the parent the catalog gave it."""
    old = {c.name: c for c in catalog.taxonomy}
    parents = {_category(k): _category(v) if v else None for k, v in parsed.parents.items()}
    for name, category in old.items():
        parents.setdefault(name, category.parent)
    names: dict[str, None] = {}
    for row in parsed.rows:
        for raw in row.categories:
            chain = [_category(raw)]
            while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
                chain.append(parents[chain[-1]])
            names.update(dict.fromkeys(reversed(chain)))
    slugs: set[str] = set()
    taxonomy = []
    for name in [*names, *(n for n in old if n not in names)]:
        slug = old[name].slug if name in old else slugify(name)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        parent = parents.get(name)
        taxonomy.append(Category(name, slug, parent))
    catalog.taxonomy = taxonomy


def _refuse_erasing(before: dict[str, dict], catalog: Catalog, report: ImportReport) -> None:
    """Stop an import that would take the rows from, or blank a field on, most listed entries:
    an empty or wrong file, or a renamed column ("Yaer"), is not an instruction to erase."""
    listed = [key for key, data in before.items() if data["rows"]]
    if not listed:
        return
    limit = ERASE_SHARE * len(listed)
    if len(report.departed) > limit:
        raise InputError(
            f"this import would take {len(report.departed)} of {len(listed)} listed papers out "
            "of the list (a different or truncated file?); nothing written; use --force to "
            "import anyway"
        )
    for name in GUARDED_FIELDS:
        blanked = [
            k
            for k in listed
            if before[k].get(name) and not catalog.entries[k].to_yaml_dict().get(name)
        ]
        if len(blanked) > limit:
            raise InputError(
                f"this import would blank '{name}' on {len(blanked)} of {len(listed)} listed "
                f"papers (a renamed or misspelt column?); nothing written; use --force to "
                "import anyway",
                field=name,
            )


def save(catalog: Catalog, report: ImportReport) -> None:
    """Write the catalog: metadata and every entry file, each atomically and only if changed."""
    written = int(catalog.save_meta())
    for entry in catalog.entries.values():
        written += int(catalog.save_entry(entry))
    report.files_written = written


def read(markdown_path: str | Path, *, columns: dict[str, str] | None = None) -> ParsedList:
    """Parse a list; a file with no paper table or list is an ``InputError`` (exit 2)."""
    parsed = markdown.parse_file(markdown_path, columns=columns)
    if not parsed.rows:
        why = (
            f"; {parsed.warnings[0].message} (line {parsed.warnings[0].line})"
            if parsed.warnings
            else ""
        )
        skipped = "; ".join(f"{n} {kind}" for kind, n in parsed.skipped_counts().items())
        raise InputError(
            "no paper table or paper list found (a paper needs a title and a paper link, or a "
            "title with a venue)"
            f"{why}{'; skipped: ' + skipped if skipped else ''}; nothing written",
            path=markdown_path,
        )
    return parsed


def update(
    parsed: ParsedList, catalog_root: str | Path, *, source: str, force: bool = False
) -> ImportReport:
    """Merge parsed rows into the catalog at ``catalog_root`` and write it, unless the result
    would erase most of it (then ``InputError`` and nothing written, unless ``force``)."""
    root = Path(catalog_root)
    cat = catalog_mod.load(root) if (root / CATALOG_FILE).exists() else catalog_mod.new(root)
    before = {key: entry.to_yaml_dict() for key, entry in cat.entries.items()}
    from delbib import config

    pattern = config.load(root).key_pattern
    report = import_rows(cat, parsed, source=source, key_pattern=pattern)
    if not force:
        _refuse_erasing(before, cat, report)
    save(cat, report)
    return report


def run(
    markdown_path: str | Path,
    catalog_root: str | Path,
    *,
    columns: dict[str, str] | None = None,
    strict: bool = False,
    force: bool = False,
) -> ImportReport:
    """Parse a list and create or update the catalog at ``catalog_root`` (the CLI's job).

    ``strict`` makes any warning an error (nothing written); ``force`` allows an import that
    would erase most of the catalog.
    """
    parsed = read(markdown_path, columns=columns)
    if strict and parsed.warnings:
        raise InputError(
            f"{len(parsed.warnings)} problems in the list and --strict; nothing written; "
            f"first: {parsed.warnings[0]}"
        )
    return update(parsed, catalog_root, source=Path(markdown_path).name, force=force)


def explain(parsed: ParsedList) -> list[dict]:
    """Every item the reader found, in file order: how a paper was read (title, authors,
    venue, year, date, links with their kinds, categories) or why an item was skipped."""
    records: list[tuple[int, dict]] = []
    for row in parsed.rows:
        record = {
            "line": row.line,
            "end_line": row.end_line or row.line,
            "shape": row.shape,
            "paper": True,
            "title": row.title,
            "authors": row.authors,
            "venue": row.venue,
            "year": row.year,
            "date": row.date,
            "links": [
                {"kind": row.kinds[i] if i < len(row.kinds) else None, "url": url}
                for i, url in enumerate(row.links)
            ],
            "categories": list(row.categories),
        }
        records.append((row.line, record))
    for item in parsed.skipped:
        record = {
            "line": item.line,
            "end_line": item.end_line,
            "shape": item.shape,
            "paper": False,
            "skipped": item.kind,
            "text": item.text,
        }
        records.append((item.line, record))
    return [record for _, record in sorted(records, key=lambda pair: pair[0])]


def format_explain(records: list[dict], parsed: ParsedList) -> str:
    """``explain`` as text, one item a line, then the counts."""
    out = []
    for r in records:
        where = f"{r['line']}" + (f"-{r['end_line']}" if r["end_line"] != r["line"] else "")
        if r["paper"]:
            parts = [f"title: {r['title']}"]
            parts += [f"{k}: {r[k]}" for k in ("authors", "venue", "year", "date") if r[k]]
            if r["links"]:
                parts.append("links: " + ", ".join(f"{x['kind']} {x['url']}" for x in r["links"]))
            if r["categories"]:
                parts.append("category: " + "; ".join(r["categories"]))
            out.append(f"{where:>11}  paper    {r['shape']}: " + " | ".join(parts))
        else:
            out.append(f"{where:>11}  skipped  {r['shape']}: {r['skipped']}: {r['text']}")
    counts = parsed.skipped_counts()
    out.append(
        f"{len(parsed.rows)} papers, {sum(counts.values())} skipped"
        + (" (" + ", ".join(f"{n} {k}" for k, n in counts.items()) + ")" if counts else "")
        + f", {len(parsed.warnings)} warnings"
    )
    return "\n".join(out)
