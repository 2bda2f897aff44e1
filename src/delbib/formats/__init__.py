"""Registry of citation formats: name -> writer, file suffix, media description.

The registry is plain data so the CLI can list formats and pick one from a file suffix
without importing any writer; a writer module is imported only when it is used.
Every writer module takes canonical CSL-JSON items (already in final order) and offers
``renderer(**options)`` (a function rendering one item to its piece of text, which keeps
what must hold across a file, such as unique BibTeX keys), ``frame(**options)`` (the
``Frame`` a file's pieces go in) and ``write(items, **options)`` (the two in a row). An
export renders each item once per format and streams each piece into every file it
belongs to, so no file's text, nor the whole catalog's items, is ever held at once. A
format with ``collections`` (Zotero RDF) also takes the catalog's taxonomy, and its frame
the collections of the file's items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import PurePath
from typing import Any

from delbib.errors import InputError

__all__ = [
    "FORMATS",
    "Format",
    "Frame",
    "arxiv_id",
    "categories",
    "date_parts",
    "iso_date",
    "for_suffix",
    "get",
    "join",
    "names",
    "write",
]


@dataclass(frozen=True)
class Frame:
    """What a file puts around its pieces: ``head``, ``sep`` between two pieces, ``tail``;
    a file with no piece is ``empty`` (``head + tail`` unless the format says otherwise)."""

    head: str = ""
    sep: str = ""
    tail: str = ""
    empty: str | None = None

    def text_when_empty(self) -> str:
        return self.head + self.tail if self.empty is None else self.empty


def join(frame: Frame, pieces: Iterable[str]) -> str:
    """A whole file from its frame and pieces (what streaming them into a file writes)."""
    pieces = list(pieces)
    if not pieces:
        return frame.text_when_empty()
    return frame.head + frame.sep.join(pieces) + frame.tail


@dataclass(frozen=True)
class Format:
    """One output format: where its writer lives and how its files are named."""

    name: str
    module: str  # delbib.formats.<module>, imported on first use
    suffix: str
    media: str
    options: Mapping[str, Any] = field(default_factory=dict)  # fixed writer keywords
    collections: bool = False  # takes ``taxonomy=`` and writes category collections

    def _options(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """``options`` with this format's fixed ones added (a clash is an InputError)."""
        clash = sorted(k for k in options if k in self.options and options[k] != self.options[k])
        if clash:
            raise InputError(f"format {self.name!r} fixes option(s) {', '.join(clash)}")
        return {**options, **self.options}

    def _module(self) -> Any:
        return import_module(f"delbib.formats.{self.module}")

    def write(self, items: Iterable[Mapping[str, Any]], **options: Any) -> str:
        """The whole text of a file of ``items``."""
        return self._module().write(list(items), **self._options(options))

    def renderer(self, **options: Any) -> Callable[[Mapping[str, Any]], str]:
        """A fresh function rendering one item to its piece (one per file or layout)."""
        return self._module().renderer(**self._options(options))

    def collections_of(
        self, items: Iterable[Mapping[str, Any]], taxonomy: list[tuple[str, str, str | None]]
    ) -> Any:
        """The collections a file of ``items`` holds (formats with ``collections`` only)."""
        return self._module().collections(items, taxonomy)

    def frame(self, **options: Any) -> Frame:
        """The frame of a file of this format (``collections=`` for a format with them)."""
        return self._module().frame(**self._options(options))


FORMATS: dict[str, Format] = {
    "bibtex": Format("bibtex", "bibtex", ".bib", "BibTeX for natbib/bibtex", {"flavour": "bibtex"}),
    "biblatex": Format("biblatex", "bibtex", ".bib", "biblatex for biber", {"flavour": "biblatex"}),
    "csljson": Format("csljson", "csljson", ".json", "CSL-JSON (Zotero, pandoc, citeproc)"),
    "ris": Format("ris", "ris", ".ris", "RIS (Zotero, EndNote, Mendeley)"),
    "zotero-rdf": Format(
        "zotero-rdf", "zoterordf", ".rdf", "Zotero RDF (items, tags, collections)", collections=True
    ),
}

# Suffix -> default format; .bib means classic BibTeX (biblatex must be asked for).
_BY_SUFFIX = {".bib": "bibtex", ".json": "csljson", ".ris": "ris", ".rdf": "zotero-rdf"}


def names() -> list[str]:
    """Format names in registry order."""
    return list(FORMATS)


def get(name: str) -> Format:
    """The registered format called ``name``; ``InputError`` naming the valid ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(
            f"unknown format {name!r}; choose one of {', '.join(FORMATS)}", field="format"
        ) from None


def for_suffix(path: str | PurePath) -> str:
    """Format name for an output path's suffix (``.bib`` -> ``bibtex``)."""
    suffix = PurePath(path).suffix.lower()
    try:
        return _BY_SUFFIX[suffix]
    except KeyError:
        valid = ", ".join(_BY_SUFFIX)
        raise InputError(
            f"cannot tell the format from suffix {suffix or '(none)'!r}; use one of {valid}",
            path=path,
        ) from None


def write(name: str, items: Iterable[Mapping[str, Any]], **options: Any) -> str:
    """Serialise ``items`` in format ``name`` (options go to the writer)."""
    return get(name).write(items, **options)


# Small item readers shared by the writers (kept here: stdlib only, cheap to import). Items
# are plain dicts almost always: ``type(x) is dict`` comes first, as an isinstance check
# against the abstract ``Mapping`` costs a Python-level call.

_ARXIV_PREFIX = re.compile(r"^arxiv:\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")
_ISO_DATE = ("", "{:04d}", "{:04d}-{:02d}", "{:04d}-{:02d}-{:02d}")  # by number of parts


def arxiv_id(item: Mapping[str, Any]) -> str:
    """The item's arXiv id: ``custom.arxiv``, else a ``number`` of the form ``arXiv:ID``."""
    custom = item.get("custom")
    if (type(custom) is dict or isinstance(custom, Mapping)) and custom.get("arxiv"):
        return _ARXIV_PREFIX.sub("", str(custom["arxiv"]).strip())
    number = str(item.get("number") or "").strip()
    return _ARXIV_PREFIX.sub("", number) if _ARXIV_PREFIX.match(number) else ""


def categories(item: Mapping[str, Any]) -> list[str]:
    """The item's categories (raw text): ``custom.categories``, else its ``keyword`` list."""
    custom = item.get("custom")
    mapping = type(custom) is dict or isinstance(custom, Mapping)
    found = custom.get("categories") if mapping else None
    if isinstance(found, list) and found:
        return [word for c in found if c and (word := str(c).strip())]
    return [word for w in str(item.get("keyword") or "").split(",") if (word := w.strip())]


def iso_date(item: Mapping[str, Any]) -> str:
    """``issued`` as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (what Zotero's date field reads)."""
    parts = date_parts(item)
    return _ISO_DATE[len(parts)].format(*parts)


def date_parts(item: Mapping[str, Any]) -> tuple[int, ...]:
    """(year[, month[, day]]) of ``issued``; a 4-digit year from ``raw``/``literal``."""
    issued = item.get("issued")
    if type(issued) is not dict and not isinstance(issued, Mapping):
        return ()
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        out: list[int] = []
        for part in parts[0][:3]:
            try:
                out.append(int(part))
            except (TypeError, ValueError):
                break
        return tuple(out)
    for alt in ("raw", "literal"):
        match = _YEAR.search(str(issued.get(alt, "")))
        if match:
            return (int(match.group(1)),)
    return ()
