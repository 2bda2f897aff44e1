"""CSL-JSON writer: the canonical items are already CSL-JSON, so this only serialises.

Output is a JSON array with 2-space indent, UTF-8 text (``ensure_ascii=False``) and a
trailing newline. Keys come in a fixed order (identity and the fields people read first,
then the rest alphabetically; nested objects alphabetically) so that re-exports diff
cleanly. Empty values (``None``, ``""``, ``[]``, ``{}``) are dropped: CSL processors and
Zotero treat an empty string differently from a missing field.

The one change to values: HTML entities left in text fields and names (``&amp;``) are
decoded, as the BibTeX and RIS writers do, so one item reads the same in every format
(CSL processors would print the entity). URLs, DOIs and other identifiers are untouched.

For Zotero (its CSL JSON import maps variables through the schema's CSL mappings): a
journal's ``container-title-short`` is also written as ``journalAbbreviation``, the one
variable Zotero reads into Journal Abbr; ``event-title`` becomes a conference paper's
Conference Name, ``citation-key`` its Citation Key, ``number`` a preprint's Archive ID and
``note`` its Extra (where "arXiv:ID" keeps a published paper's arXiv id). Zotero ignores
``keyword``: CSL-JSON cannot give Zotero tags.

Speed: each item is encoded once by orjson (``entries``) with the same bytes as
``json.dumps(..., ensure_ascii=False, indent=2)`` inside an array; ``document`` joins them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from delbib.formats import Frame, join

__all__ = ["frame", "renderer", "write"]

_FIRST = (
    "id",
    "citation-key",
    "type",
    "title",
    "title-short",
    "author",
    "editor",
    "issued",
    "container-title",
    "container-title-short",
    "journalAbbreviation",
    "event-title",
    "collection-title",
    "publisher",
    "publisher-place",
    "volume",
    "issue",
    "page",
    "number",
    "genre",
    "DOI",
    "URL",
    "ISBN",
    "ISSN",
    "keyword",
    "note",
    "custom",
)
_RANK = {key: index for index, key in enumerate(_FIRST)}
_TEXT_FIELDS = frozenset(
    {
        "title",
        "title-short",
        "container-title",
        "container-title-short",
        "journalAbbreviation",
        "collection-title",
        "event-title",
        "publisher",
        "publisher-place",
        "genre",
        "keyword",
    }
)
_NAME_FIELDS = frozenset({"author", "editor", "translator", "container-author"})


def _unescape(value: Any) -> Any:
    return html.unescape(value) if isinstance(value, str) and "&" in value else value


_SCALARS = (str, int, float, bool, type(None))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _clean(value: Any) -> Any:
    """Drop empty members recursively; order nested mapping keys alphabetically."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Mapping):
        pairs = ((k, _clean(v)) for k, v in sorted(value.items()))
        return {k: v for k, v in pairs if not _empty(v)}
    if isinstance(value, list | tuple):
        return [v for v in (_clean(x) for x in value) if not _empty(v)]
    return value


def _ordered(item: Mapping[str, Any]) -> dict[str, Any]:
    if item.get("type") == "article-journal" and item.get("container-title-short"):
        item = {"journalAbbreviation": item["container-title-short"], **item}
    keys = sorted(item, key=lambda k: (_RANK.get(k, len(_RANK)), k))
    out = {}
    for key in keys:
        value = item[key]
        if key in _TEXT_FIELDS:
            value = _unescape(value)
        elif key in _NAME_FIELDS and isinstance(value, list):
            value = [
                {k: _unescape(v) for k, v in n.items()} if isinstance(n, Mapping) else n
                for n in value
            ]
        value = _clean(value)
        if not _empty(value):
            out[key] = value
    return out


def renderer() -> Callable[[Mapping[str, Any]], str]:
    """A function rendering one item as an indented member of the top-level array."""
    import orjson

    indent = orjson.OPT_INDENT_2

    def render(item: Mapping[str, Any]) -> str:
        return "  " + orjson.dumps(_ordered(item), option=indent).decode().replace("\n", "\n  ")

    return render


def frame() -> Frame:
    """A JSON array with a trailing newline (``[]`` when empty)."""
    return Frame("[\n", ",\n", "\n]\n", empty="[]\n")


def write(items: Iterable[Mapping[str, Any]]) -> str:
    """Serialise canonical CSL-JSON items as a JSON array, in the given order."""
    return join(frame(), map(renderer(), items))
