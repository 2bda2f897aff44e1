"""The catalog on disk: taxonomy, one YAML file per paper, resolved metadata beside it.

Layout (under the catalog root)::

    catalog.yaml           source list, taxonomy (category names in list order + slugs), and
                           the lint findings a maintainer accepted (``accept:``, with reasons)
    papers/<key>.yaml      one curated entry per distinct paper (the source of truth)
    resolved/<key>.json    resolved metadata with provenance, written by import or resolve

Loading is fast: YAML goes through libyaml's C loader, and a derived index (``index.py``)
keeps every file's validated record so that a warm load skips parsing; when a file is
malformed the error names the file, the line and the field. Every write is atomic and
skipped when the bytes would not change, so re-running an import on the same list changes
no file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from delbib import keys
from delbib.catalog import index, validate
from delbib.catalog.layout import CATALOG_FILE, PAPERS_DIR, RESOLVED_DIR
from delbib.errors import CatalogError
from delbib.files import atomic_write, no_gc
from delbib.text import ascii_fold, fix_text

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_:.-]*$")

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    parent: str | None = None  # the name of the enclosing category, when the taxonomy nests

    def to_yaml_dict(self) -> dict[str, str]:
        data = {"name": self.name, "slug": self.slug}
        if self.parent:
            data["parent"] = self.parent
        return data


@dataclass(frozen=True)
class Acceptance:
    """A lint finding accepted by hand (``accept:`` in catalog.yaml): the rule, the keys it
    names, and why it is fine. It lives in the catalog so the reason travels with it."""

    rule: str
    keys: tuple[str, ...]
    reason: str

    def to_yaml_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "keys": list(self.keys), "reason": self.reason}


_ACCEPT_FIELDS = ("rule", "keys", "reason")


@dataclass
class Entry:
    """One distinct paper as the list gives it, plus what a person pinned or locked by hand."""

    key: str
    title: str  # as listed (first row)
    clean_title: str
    categories: list[str]
    rows: list[int]  # source row numbers (1-based data rows); [] once the paper left the list
    tldr: str | None = None
    links: list[str] = field(default_factory=list)
    year: int | None = None  # as listed
    venue: str | None = None  # as listed
    identifiers: list[str] = field(default_factory=list)  # found in the links
    authors: str | None = None  # as listed, when the list names them
    pinned: list[str] = field(default_factory=list)  # set by hand: win over the links
    locked: list[str] = field(default_factory=list)  # CSL fields resolve never overwrites
    aliases: list[str] = field(default_factory=list)  # earlier keys (``rekey``), still citable

    @property
    def ids(self) -> list[str]:
        """The identifiers that count: pinned ones first, then those found in the links.

        Pinning an identifier of a scheme replaces the links' identifiers of that scheme, so
        a wrong link is fixed by pinning the right id instead of editing the list.
        """
        pinned_schemes = {p.split(":", 1)[0] for p in self.pinned}
        found = [i for i in self.identifiers if i.split(":", 1)[0] not in pinned_schemes]
        return list(dict.fromkeys([*self.pinned, *found]))

    def to_yaml_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "title": self.title,
            "clean_title": self.clean_title,
            "tldr": self.tldr,
            "categories": list(self.categories),
            "links": list(self.links),
            "year": self.year,
            "venue": self.venue,
            "rows": list(self.rows),
            "identifiers": list(self.identifiers),
        }
        if self.authors:
            data["authors"] = self.authors
        if self.pinned:
            data["pinned"] = list(self.pinned)
        if self.locked:
            data["locked"] = list(self.locked)
        if self.aliases:
            data["aliases"] = list(self.aliases)
        return data


# field -> (type check, description) for entry validation
_ENTRY_FIELDS: dict[str, tuple[Any, str, bool]] = {
    "key": (str, "a string", True),
    "title": (str, "a string", True),
    "clean_title": (str, "a string", True),
    "tldr": ((str, type(None)), "a string or null", False),
    "categories": (list, "a list of category names", True),
    "links": (list, "a list of URLs", False),
    "year": ((int, type(None)), "a year (integer) or null", False),
    "venue": ((str, type(None)), "a string or null", False),
    "rows": (list, "a list of row numbers", True),
    "identifiers": (list, "a list of identifiers", False),
    "authors": ((str, type(None)), "a string or null", False),
    "pinned": (list, "a list of identifiers", False),
    "locked": (list, "a list of CSL field names", False),
    "aliases": (list, "a list of earlier citation keys", False),
}


@dataclass
class Catalog:
    root: Path
    source: str | None = None
    taxonomy: list[Category] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    resolved: dict[str, dict[str, Any]] = field(default_factory=dict)
    accept: list[Acceptance] = field(default_factory=list)

    @property
    def papers_dir(self) -> Path:
        return self.root / PAPERS_DIR

    @property
    def resolved_dir(self) -> Path:
        return self.root / RESOLVED_DIR

    def category(self, name: str) -> Category | None:
        """Find a category by name or slug, ignoring case."""
        wanted = name.strip().casefold()
        for cat in self.taxonomy:
            if wanted in (cat.name.casefold(), cat.slug):
                return cat
        return None

    def in_category(self, name: str) -> list[Entry]:
        return [e for e in self.entries.values() if name in e.categories]

    def save_meta(self) -> bool:
        data = {
            "source": self.source,
            "taxonomy": [c.to_yaml_dict() for c in self.taxonomy],
        }
        if self.accept:
            data["accept"] = [a.to_yaml_dict() for a in self.accept]
        return atomic_write(self.root / CATALOG_FILE, dump_yaml(data))

    def save_entry(self, entry: Entry) -> bool:
        return atomic_write(self.papers_dir / f"{entry.key}.yaml", dump_yaml(entry.to_yaml_dict()))

    def save_resolved(self, key: str, record: dict[str, Any]) -> bool:
        """Store one entry's resolved record (atomic; unchanged bytes are not rewritten)."""
        if key not in self.entries:
            raise CatalogError(f"no entry with key {key!r}", path=self.papers_dir)
        path = self.resolved_dir / f"{key}.json"
        text = dump_json(record)
        validate.resolved_record(key, record, path, text)  # never store what cannot load
        self.resolved[key] = record
        return atomic_write(path, text)

    def ordered(self) -> list[Entry]:
        """Entries in list order (first source row), papers no longer listed last, by key."""
        return sorted(self.entries.values(), key=lambda e: (not e.rows, min(e.rows or [0]), e.key))


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1000,
        default_flow_style=False,
    )


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def slugify(name: str) -> str:
    """A stable file-name slug: "Toxicity / Trust-worthy" -> "toxicity-trust-worthy".

    Letters with no Latin spelling (Chinese, Cyrillic, ...) would vanish from it, so a name
    that has any gets a short hash of itself: "其他" -> "category-<hash>", "自我修改的 Harness"
    -> "harness-<hash>". Each such name keeps its own slug whichever others the taxonomy holds
    (numbering clashing slugs by order would change when a category comes, goes or moves).
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).casefold()).strip("-")
    lost = any(ch.isalnum() and not ascii_fold(ch).isascii() for ch in name)
    if not lost:
        return slug or "category"
    digest = hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:8]
    return f"{slug or 'category'}-{digest}"


def clean_category(name: str) -> str:
    """Category names from headings may carry mangled emoji and markup: keep the words."""
    text = fix_text(name)
    text = re.sub(r"^[^\w(]+", "", text)  # leading emoji / bullets
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- loading


@functools.cache
def yaml_loader() -> type:
    """libyaml's C loader; without it (PyYAML built without libyaml) the pure-Python loader,
    about 8x slower (measured on 1,000 paper files), with a warning said once so the slowness
    is never silent.

    PyPI's PyYAML wheels for CPython 3.11 on Linux, macOS and Windows bundle it (checked in
    the 6.0.2 wheels); a build from source without libyaml-dev does not.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        return loader
    warnings.warn(
        "PyYAML has no libyaml (yaml.CSafeLoader is missing): the catalog loads with the "
        "pure-Python YAML loader, about 8x slower; reinstall PyYAML from a wheel "
        "(pip install --force-reinstall --only-binary pyyaml pyyaml) to fix",
        RuntimeWarning,
        stacklevel=2,
    )
    return yaml.SafeLoader


def _line_of(path: Path, text: str, field_name: str | None) -> int | None:
    """Line of a top-level field in a YAML mapping (only computed on the error path)."""
    return validate.yaml_line(text, field_name)


def _read_yaml(path: Path) -> tuple[Any, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"cannot read: {exc}", path=path) from exc
    try:
        return yaml.load(text, Loader=yaml_loader()), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        position = getattr(exc, "position", None)  # a ReaderError: a character YAML forbids
        if line is None and isinstance(position, int):
            line = text.count("\n", 0, position) + 1
        raise CatalogError(f"YAML syntax error: {problem}", path=path, line=line) from exc


def _entry_from_yaml(path: Path, data: Any, text: str) -> Entry:
    def fail(message: str, field_name: str | None = None) -> CatalogError:
        return CatalogError(
            message, path=path, line=_line_of(path, text, field_name), field=field_name
        )

    if not isinstance(data, dict):
        raise fail("a paper file must be a YAML mapping of fields")
    unknown = sorted(set(data) - set(_ENTRY_FIELDS))
    if unknown:
        raise fail(
            f"unknown field (valid fields: {', '.join(_ENTRY_FIELDS)})", field_name=unknown[0]
        )
    for name, (kind, what, required) in _ENTRY_FIELDS.items():
        if name not in data:
            if required:
                raise fail("missing required field", field_name=name)
            continue
        if not isinstance(data[name], kind) or isinstance(data[name], bool):
            raise fail(f"must be {what}, not {data[name]!r}", field_name=name)
        if kind is list:
            inner = int if name == "rows" else str
            bad = [v for v in data[name] if not isinstance(v, inner) or isinstance(v, bool)]
            if bad:
                raise fail(f"must be {what}; {bad[0]!r} is not", field_name=name)
    if data["key"] != path.stem:
        raise fail(f"key {data['key']!r} does not match the file name {path.name}", "key")
    if not KEY_PATTERN.match(data["key"]):
        raise fail("citation keys use lowercase letters, digits and _:.-", "key")
    return Entry(**data)


def _paper_record(path: Path) -> dict[str, Any]:
    """Read, parse and validate one paper file: its ``Entry``'s fields, as the index keeps
    them (so it must depend on the file's bytes alone)."""
    data, text = _read_yaml(path)
    return vars(_entry_from_yaml(path, data, text))


def _resolved_record(path: Path) -> dict[str, Any]:
    """Read, parse and validate one resolved record; depends on the file's bytes alone."""
    try:
        text = path.read_text(encoding="utf-8")
        record = json.loads(text)
    except (OSError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise CatalogError(f"malformed resolved record: {exc}", path=path, line=line) from exc
    validate.resolved_record(path.stem, record, path, text)
    return record


def load(root: str | Path, *, with_resolved: bool = True) -> Catalog:
    """Load a catalog directory; raises ``CatalogError`` naming file, line and field.

    Unchanged files are taken from the derived index (see ``index.py``), others are parsed.
    """
    root = Path(root)
    meta_path = root / CATALOG_FILE
    if not meta_path.is_file():
        raise CatalogError(
            "no catalog here (create one with `delbib init`, or `delbib import-markdown "
            "LIST.md` from a list)",
            path=meta_path,
        )
    meta, text = _read_yaml(meta_path)
    if not isinstance(meta, dict) or not isinstance(meta.get("taxonomy"), list):
        raise CatalogError(
            "must be a mapping with a 'taxonomy' list",
            path=meta_path,
            line=_line_of(meta_path, text, "taxonomy"),
            field="taxonomy",
        )
    taxonomy = []
    for item in meta["taxonomy"]:
        if not (isinstance(item, dict) and isinstance(item.get("name"), str)):
            raise CatalogError(
                f"each taxonomy item needs a 'name' and a 'slug', not {item!r}",
                path=meta_path,
                line=_line_of(meta_path, text, "taxonomy"),
                field="taxonomy",
            )
        slug = str(item.get("slug") or slugify(item["name"]))
        taxonomy.append(Category(item["name"], slug, item.get("parent") or None))
    accept = _acceptances(meta.get("accept"), meta_path, text)
    catalog = Catalog(root=root, source=meta.get("source"), taxonomy=taxonomy, accept=accept)
    sections = {PAPERS_DIR: (".yaml", _paper_record)}
    if with_resolved:
        sections[RESOLVED_DIR] = (".json", _resolved_record)
    with no_gc():
        found = index.records(root, sections)
        catalog.entries = {data["key"]: Entry(**data) for data in found[PAPERS_DIR].values()}
        catalog.entries = {e.key: e for e in catalog.ordered()}
        for name, record in found.get(RESOLVED_DIR, {}).items():
            key = name.removesuffix(".json")
            if key not in catalog.entries:
                raise CatalogError(
                    "resolved record for a key with no paper file", path=catalog.resolved_dir / name
                )
            catalog.resolved[key] = record
    validate.across_files(catalog)
    return catalog


def _acceptances(data: Any, path: Path, text: str) -> list[Acceptance]:
    """The ``accept:`` list: each item ``{rule, keys, reason}`` with a reason that says why."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise CatalogError(
            "must be a list of {rule, keys, reason}",
            path=path,
            line=_line_of(path, text, "accept"),
            field="accept",
        )
    found = []
    for number, item in enumerate(data):

        def fail(message: str, name: str, number: int = number) -> CatalogError:
            line = validate.yaml_line(text, "accept", number)
            return CatalogError(message, path=path, line=line, field=f"accept[{number}].{name}")

        if not isinstance(item, dict):
            raise fail(f"must be a mapping of {', '.join(_ACCEPT_FIELDS)}, not {item!r}", "rule")
        unknown = sorted(set(item) - set(_ACCEPT_FIELDS), key=str)
        if unknown:
            raise fail(f"unknown field (valid fields: {', '.join(_ACCEPT_FIELDS)})", unknown[0])
        rule, keys, reason = (item.get(name) for name in _ACCEPT_FIELDS)
        if not isinstance(rule, str) or not rule.strip():
            raise fail("must name the lint rule (e.g. no-link)", "rule")
        if not (isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys)):
            raise fail("must be a list of the citation keys the finding names", "keys")
        if not isinstance(reason, str) or not reason.strip():
            raise fail("must say why the finding is accepted", "reason")
        found.append(Acceptance(rule.strip(), tuple(keys), reason.strip()))
    return found


def new(root: str | Path) -> Catalog:
    return Catalog(root=Path(root))


def load_or_new(root: str | Path) -> Catalog:
    """The catalog at ``root``, or an empty one to fill when there is none yet (``import-bib``
    may start a catalog)."""
    return load(root) if (Path(root) / CATALOG_FILE).is_file() else new(root)


def init(root: str | Path, *, copy_of: str | Path | None = None) -> Catalog:
    """Create a catalog at ``root``: empty, or a copy of the catalog at ``copy_of`` (the
    shipped one, to edit, resolve and push). An existing catalog, or a directory holding
    files, is never overwritten."""
    import shutil

    root = Path(root)
    if (root / CATALOG_FILE).exists():
        raise CatalogError("a catalog is already here; nothing written", path=root / CATALOG_FILE)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise CatalogError("not an empty directory; nothing written", path=root)
    if copy_of is None:
        catalog = new(root)
        (root / PAPERS_DIR).mkdir(parents=True, exist_ok=True)
        (root / RESOLVED_DIR).mkdir(exist_ok=True)
        catalog.save_meta()
        return catalog
    load(copy_of)  # only a catalog that loads is copied
    shutil.copytree(copy_of, root, dirs_exist_ok=True)
    return load(root)


# ------------------------------------------------------------------------- keys


def make_key(title: str, year: int | None, taken: Iterable[str]) -> str:
    """A readable key by the default pattern (``delbib.keys``): the method's name before a
    colon ("alpagasus2024"), else the first two significant title words
    ("selfrewardinglanguage2024"), plus the listed year; more title words until unique."""
    return keys.make(keys.DEFAULT, title=title, year=year, taken=taken)
