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
``keyword``: CSL-JSON cannot give Zotero tags. A venue the item's Zotero type has no field
for (a document's ``container-title``, which Zotero's import drops) is also written as a
"Published: <venue>" line of ``note``, as the Zotero RDF writer and the Web API push keep
it in Extra; ``container-title`` stays for other CSL consumers.

Speed: each item is encoded once by orjson (``entries``) with the same bytes as
``json.dumps(..., ensure_ascii=False, indent=2)`` inside an array; ``document`` joins them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from delbib.export.formats import Frame, join
from delbib.zoterotypes import extra_line, item_type, unplaced_venue

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


_SCALARS = frozenset({str, int, float, bool, type(None)})
_all_scalars = _SCALARS.issuperset
_all_str = frozenset({str}).issuperset
_SIZED = (str, list, tuple, dict)  # empty when they have no length


def _kept(value: Any) -> bool:
    return value is not None and (not isinstance(value, _SIZED) or bool(value))


def _clean(value: Any, unescape: bool = False) -> Any:
    """Drop empty members recursively; order nested mapping keys alphabetically;
    ``unescape`` decodes a mapping's text values (a name's parts). Plain dicts, lists
    and scalars (nearly all an item holds) are told apart by their exact type, before
    any isinstance check against the abstract ``Mapping``."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict or (kind is not list and kind is not tuple and isinstance(value, Mapping)):
        out = {}
        for k, v in sorted(value.items()):
            if type(v) is str:  # the usual member, done here
                if unescape and "&" in v:
                    v = html.unescape(v)
                if v:
                    out[k] = v
                continue
            if unescape:
                v = _unescape(v)
            if type(v) not in _SCALARS:
                v = _clean(v)
            if _kept(v):
                out[k] = v
        return out
    if isinstance(value, list | tuple):
        if _all_scalars(map(type, value)):  # date parts, categories: None and "" are empty
            return [v for v in value if v is not None and v != ""]
        return [v for v in (x if type(x) in _SCALARS else _clean(x) for x in value) if _kept(v)]
    return value


@lru_cache(maxsize=16384)
def _name_of_strings(parts: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return _clean(dict(parts), unescape=True)


def _name(name: Any) -> Any:
    """One member of a name list, its parts unescaped and cleaned. Names of strings (as
    good as all) are cached, as people recur; the shared result only goes to orjson."""
    if type(name) is dict and _all_str(map(type, name.values())):
        return _name_of_strings(tuple(name.items()))
    return _clean(name, unescape=True)


@lru_cache(maxsize=1024)
def _key_order(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Top-level keys in output order (cached: items share a few sets of keys)."""
    return tuple(sorted(keys, key=lambda k: (_RANK.get(k, len(_RANK)), k)))


def _with_line(note: Any, line: str) -> str:
    """``note`` with ``line`` added as its last line (once)."""
    text = str(note or "").rstrip("\n")
    if line in text.splitlines():
        return text
    return f"{text}\n{line}" if text else line


def _ordered(item: Mapping[str, Any]) -> dict[str, Any]:
    if item.get("type") == "article-journal" and item.get("container-title-short"):
        item = {"journalAbbreviation": item["container-title-short"], **item}
    if venue := unplaced_venue(item, item_type(item)):
        item = {
            **item,
            "note": _with_line(item.get("note"), extra_line("Published", _unescape(venue))),
        }
    out = {}
    for key in _key_order(tuple(item)):
        value = item[key]
        if type(value) is str:
            if "&" in value and key in _TEXT_FIELDS:
                value = html.unescape(value)
            if value:
                out[key] = value
            continue
        if key in _NAME_FIELDS and isinstance(value, list):
            value = [n for n in map(_name, value) if _kept(n)]
        else:
            value = _clean(_unescape(value) if key in _TEXT_FIELDS else value)
        if _kept(value):
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
