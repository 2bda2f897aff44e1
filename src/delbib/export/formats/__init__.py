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
    module: str  # delbib.export.formats.<module>, imported on first use
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
        return import_module(f"delbib.export.formats.{self.module}")

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


def for_output(path: str | PurePath | None) -> str:
    """The format an output's suffix names; BibTeX when its suffix says nothing (``-o -``,
    ``-o /dev/null``, ``-o refs.txt``), as the ``--format`` help of ``delbib export`` promises."""
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), "bibtex") if path else "bibtex"


def write(name: str, items: Iterable[Mapping[str, Any]], **options: Any) -> str:
    """Serialise ``items`` in format ``name`` (options go to the writer)."""
    return get(name).write(items, **options)
