"""`delbib add`: papers into the catalog from an identifier, a link or a title, in one step.

What was given becomes an entry the way a list row would (its link, the identifiers in it,
the title), and the entry goes through resolve's own routes and checks (``resolve_entry``):
an identifier's record must bear the entry's title (an identifier of another paper than the
title's is a doubt), a title is found by a search that a second record corroborates.
Everything is settled before anything is written, so a doubtful match, a paper already in
the catalog or a service that cannot be reached writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from delbib import config as config_mod
from delbib import identifiers
from delbib.catalog import model as catalog_mod
from delbib.catalog.model import KEY_PATTERN, Catalog, Category, Entry, make_key, slugify
from delbib.config import Config
from delbib.errors import DelbibError, IdentifierError, InputError, SourceError
from delbib.http import Http
from delbib.resolve.attempt import usable_ids
from delbib.resolve.outcome import resolve_entry
from delbib.resolve.run import make_http
from delbib.text import clean_key, clean_title

from .match import year_of
from .sources import NotFound, Services, arxiv, dblp

# Text that means to be an identifier, so a typo in one is an error, not a title search.
_LOOKS_LIKE_ID = re.compile(r"^(?:\w[\w-]*:\S|10\.\d|\d{4}\.\d|\S+/\S+$)")


class Duplicate(DelbibError):
    """The paper is already in the catalog (exit 1)."""


class Doubtful(DelbibError):
    """No record is certainly the paper: nothing written; ``candidates`` are shown."""

    def __init__(self, message: str, candidates: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass
class Target:
    """One thing to add, as given: a link (with its identifiers), a dblp record, or a title."""

    given: str
    link: str | None = None
    ids: list[str] = field(default_factory=list)
    dblp: str | None = None  # a dblp record key
    title: str | None = None


@dataclass
class Added:
    entry: Entry
    record: dict[str, Any] | None  # None with --no-resolve
    kind: str  # resolved | upgraded | given (--no-resolve: written as given)

    def to_dict(self) -> dict[str, Any]:
        csl = (self.record or {}).get("csl") or {}
        return {
            "key": self.entry.key,
            "title": self.entry.title,
            "categories": self.entry.categories,
            "kind": self.kind,
            "resolved_title": csl.get("title"),
            "DOI": csl.get("DOI"),
            "source": ((self.record or {}).get("provenance") or {}).get("source"),
        }


@dataclass
class AddResult:
    added: list[Added]
    new_categories: list[str]
    written: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [a.to_dict() for a in self.added],
            "new_categories": self.new_categories,
            "files_written": self.written,
        }


def parse_target(text: str, title: str | None = None) -> Target:
    """An arXiv id, DOI, OpenReview / ACL Anthology / arXiv / doi.org / dblp URL, or a title.

    Text shaped like an identifier or a URL that names none is an ``IdentifierError``: a typo
    in an id must not turn into a title search.
    """
    text = text.strip()
    if not text:
        raise InputError("an empty paper to add")
    if key := dblp.record_key(text):
        return Target(text, link=text, dblp=key, title=title)
    if "://" in text or _LOOKS_LIKE_ID.match(text) and " " not in text:
        canonical = identifiers.normalize(text)  # IdentifierError names the bad value
        link = text if "://" in text else identifiers.url_for(canonical)
        found = identifiers.extract(link) if link else []
        return Target(text, link=link, ids=found or [canonical], title=title)
    if title:
        raise InputError(f"--title goes with an identifier; {text!r} is a title already")
    return Target(text, title=text)


def categories_for(
    catalog: Catalog, names: tuple[str, ...] | list[str], *, new: bool
) -> tuple[list[str], list[str]]:
    """The taxonomy names of ``names`` (by name or slug, any case) and the new ones to create;
    an unknown name is an ``InputError`` listing the valid ones unless ``new``."""
    chosen: list[str] = []
    created: list[str] = []
    for name in names:
        name = " ".join(name.split())
        found = catalog.category(name)
        if found is None and not new:
            valid = ", ".join(c.name for c in catalog.taxonomy) or "none yet"
            raise InputError(
                f"unknown category {name!r} (categories: {valid}); --new-category creates it",
                field="category",
            )
        chosen.append(found.name if found else name)
        if found is None:
            created.append(name)
    return list(dict.fromkeys(chosen)), list(dict.fromkeys(created))


class _Seen:
    """The catalog's papers by identifier and normalised title (entries and their records),
    so that a paper already there is named, whichever way it was added."""

    def __init__(self, catalog: Catalog) -> None:
        self.by_id: dict[str, str] = {}
        self.by_title: dict[str, str] = {}
        for entry in catalog.entries.values():
            self.note(entry, catalog.resolved.get(entry.key))

    def note(self, entry: Entry, record: dict[str, Any] | None) -> None:
        for ident in [*entry.ids, *_record_ids(record)]:
            self.by_id.setdefault(ident, entry.key)
        csl = (record or {}).get("csl") or {}
        for title in (entry.clean_title, csl.get("title")):
            if title and (key := clean_key(clean_title(title))):
                self.by_title.setdefault(key, entry.key)

    def check(self, what: str, ids: list[str], titles: list[str | None]) -> None:
        for ident in ids:
            if ident in self.by_id:
                raise Duplicate(f"{what}: already in the catalog as {self.by_id[ident]} ({ident})")
        for title in titles:
            key = clean_key(clean_title(title)) if title else ""
            if key in self.by_title:
                raise Duplicate(
                    f"{what}: already in the catalog as {self.by_title[key]} (same title)"
                )


def _record_ids(record: dict[str, Any] | None) -> list[str]:
    csl = (record or {}).get("csl") or {}
    found = [f"doi:{csl['DOI'].lower()}"] if csl.get("DOI") else []
    custom = csl.get("custom") or {}
    found += [f"{s}:{custom[s]}" for s in ("arxiv", "openreview", "acl") if custom.get(s)]
    return found


def add(
    catalog: Catalog,
    targets: list[Target],
    *,
    categories: tuple[str, ...] | list[str] = (),
    new_category: bool = False,
    key: str | None = None,
    tldr: str | None = None,
    resolve: bool = True,
    config: Config | None = None,
    http: Http | None = None,
) -> AddResult:
    """Settle every target (resolved and checked) in memory; ``save`` writes the result.

    Raises ``Duplicate``, ``Doubtful``, ``SourceError`` (a service failed or cannot be
    reached) or ``InputError`` before anything changes on disk.
    """
    if key is not None and len(targets) != 1:
        raise InputError("--key names one paper: give one identifier or title", field="key")
    if key is not None and (not KEY_PATTERN.match(key) or key in catalog.entries):
        taken = "is taken" if key in catalog.entries else "is not a valid key (a-z0-9_:.-)"
        raise InputError(f"--key {key!r} {taken}", field="key")
    names, created = categories_for(catalog, categories, new=new_category)
    services = None
    if resolve:
        config = config or Config()
        services = Services(config, http or make_http(config))
        arxiv.prefetch(services, [i[6:] for t in targets for i in t.ids if i.startswith("arxiv:")])
    seen = _Seen(catalog)
    taken = set(catalog.entries)
    row = max((r for e in catalog.entries.values() for r in e.rows), default=0)
    added = []
    for target in targets:
        seen.check(target.given, target.ids, [target.title])
        title, year, links = _listed(services, target)
        entry = Entry(
            key="",
            title=title,
            clean_title=clean_title(title),
            categories=list(names),
            rows=[],
            tldr=tldr,
            links=links,
            identifiers=list(dict.fromkeys(i for link in links for i in identifiers.extract(link))),
        )
        seen.check(target.given, entry.ids, [entry.clean_title])
        record, kind = (None, "given") if services is None else _resolve(services, entry)
        if record is not None:
            seen.check(target.given, _record_ids(record), [record["csl"].get("title")])
            year = year_of(record["csl"]) or year
        entry.year = year
        entry.key = key or make_key(entry.clean_title, year, taken)
        row += 1
        entry.rows = [row]
        taken.add(entry.key)
        seen.note(entry, record)
        added.append(Added(entry, record, kind))
    return AddResult(added, created)


def _listed(services: Services | None, target: Target) -> tuple[str, int | None, list[str]]:
    """The title, year and links the entry is listed with: what was given, and for a bare
    identifier or a dblp record the title its own record bears."""
    links = [target.link] if target.link else []
    if target.title and not target.dblp:
        return target.title, None, links
    if services is None:
        raise InputError(
            f"{target.given}: --no-resolve writes what was given, and an identifier alone has "
            "no title: add --title TITLE"
        )
    try:
        if target.dblp:
            found, pages = dblp.record(services, target.dblp)
            links = [*pages, *links]  # the paper's own links first, as a list row orders them
        else:
            found = services.fetch(_fetchable(target.ids))
    except NotFound as exc:
        raise InputError(f"{target.given}: no such paper ({exc})") from exc
    except SourceError as exc:
        raise SourceError(f"{target.given}: {exc}; nothing written") from exc
    title = target.title or found.csl.get("title")
    if not title:
        raise InputError(f"{target.given}: its record has no title; give it with --title")
    return title, year_of(found.csl), list(dict.fromkeys(links))


def _fetchable(ids: list[str]) -> str:
    probe = Entry(key="x", title="", clean_title="", categories=[], rows=[], identifiers=ids)
    usable = usable_ids(probe)
    if not usable:
        raise IdentifierError(
            f"{ids[0] if ids else 'this link'}: no service fetches this kind of identifier; "
            "give the paper's title too (--title TITLE), or add it by its title"
        )
    return usable[0]


def _resolve(services: Services, entry: Entry) -> tuple[dict[str, Any], str]:
    """resolve's outcome for the new entry; a failure or a doubt raises (nothing written)."""
    outcome = resolve_entry(services, entry)
    if outcome.kind == "failed":
        raise SourceError(f"{entry.clean_title}: {outcome.reason}; nothing written")
    record = outcome.record or {}
    if incomplete := (record.get("provenance") or {}).get("incomplete"):
        raise SourceError(
            f"{entry.clean_title}: a service failed ({'; '.join(incomplete)}); nothing written"
        )
    if outcome.kind == "unresolved":  # records the identifiers name come first
        raise Doubtful(
            f"{entry.clean_title!r}: no record is certainly this paper ({outcome.reason}); "
            "nothing written",
            [*record.get("conflicts", []), *outcome.candidates][:5],
        )
    if conflicts := record.get("conflicts"):  # resolve keeps these; a user who typed both is asked
        csl = record["csl"]
        found = {
            "title": csl.get("title"),
            "issued": csl.get("issued"),
            "source": record["provenance"]["source"],
            "score": record["provenance"]["score"],
            "reason": "the paper this title names",
        }
        named = ", ".join(c["identifier"] for c in conflicts)
        raise Doubtful(
            f"{entry.clean_title!r}: {named} is another paper than this title's; nothing written",
            [*conflicts, found],
        )
    return record, outcome.kind


def save(catalog: Catalog, result: AddResult) -> int:
    """Write the new categories, paper files and records (atomic); returns files written."""
    slugs = {c.slug for c in catalog.taxonomy}
    for name in result.new_categories:
        slug = slugify(name)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        catalog.taxonomy.append(Category(name, slug))
    written = int(catalog.save_meta())
    for item in result.added:
        catalog.entries[item.entry.key] = item.entry
        written += int(catalog.save_entry(item.entry))
        if item.record is not None:
            written += int(catalog.save_resolved(item.entry.key, item.record))
    result.written = written
    return written


def run(
    root: str | Path,
    given: list[str],
    *,
    title: str | None = None,
    dry_run: bool = False,
    **options: Any,
) -> AddResult:
    """Load the catalog at ``root``, settle every paper in ``given``, write unless ``dry_run``."""
    if not given:
        raise InputError("nothing to add: give an identifier, a link or a quoted title")
    if title is not None and len(given) != 1:
        raise InputError("--title names one paper: give one identifier", field="title")
    cat = catalog_mod.load(root)
    targets = [parse_target(text, title) for text in given]
    options.setdefault("config", config_mod.load(Path(root)))
    result = add(cat, targets, **options)
    if not dry_run:
        save(cat, result)
    return result
