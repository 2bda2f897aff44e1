"""Readers of a canonical CSL item (``csl.to_item``), shared by the writers and the list renderer.

Stdlib only and cheap to import. Items are plain dicts almost always: ``type(x) is dict`` comes
first, as an isinstance check against the abstract ``Mapping`` costs a Python-level call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

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
