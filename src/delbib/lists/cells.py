"""What one paper's row of a list says: its title, year and venue as resolved, and any text
made safe for a GFM table cell. Shared by ``table`` (whole lists) and ``edit`` (rows edited
in place), and by the LaTeX survey, so a list, its edits and the survey agree.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from delbib.catalog import item as item_mod
from delbib.catalog.model import Entry
from delbib.text import title_key

PREPRINT_STATUSES = ("preprint-only", "rejected", "withdrawn")  # shown as "arXiv", never a venue


# ---------------------------------------------------------------- resolved values


def _csl(record: dict[str, Any] | None) -> dict[str, Any]:
    return (record or {}).get("csl") or {}


def title_of(entry: Entry, record: dict[str, Any] | None) -> str:
    """The resolved title when it is the catalog's title up to case, punctuation and spacing.

    A differently worded resolved title (a retitled version, or a record two rows share) is
    left to the maintainer: the list keeps naming the paper it named.
    """
    resolved = _csl(record).get("title")
    if resolved and title_key(resolved) == title_key(entry.clean_title):
        return " ".join(resolved.split())
    return entry.clean_title


def year_of(entry: Entry, record: dict[str, Any] | None) -> int | None:
    """The resolved year of publication, else the listed year (as ``shown_year`` lets it)."""
    parts = item_mod.date_parts(_csl(record))
    return shown_year(parts[0] if parts else entry.year)


def shown_year(year: int | None) -> int | None:
    """``year``, or None when it is after next year: no paper is published then, so it is a
    misreading (``SIGPLAN'98`` taken as 2098) or a typo that lint reports, never a date a
    list should show (and the list reader would refuse it)."""
    return None if year is not None and year > datetime.date.today().year + 1 else year


def venue_of(entry: Entry, record: dict[str, Any] | None) -> str | None:
    """The venue's short name ("ICLR 2025"), "arXiv" for a preprint, else the listed venue."""
    item = _csl(record)
    venue = item.get("container-title-short") or item.get("container-title")
    if venue:
        return " ".join(str(venue).split())
    if (record or {}).get("status") in PREPRINT_STATUSES and item_mod.arxiv_id(item):
        return "arXiv"
    return entry.venue


# ---------------------------------------------------------------- GFM text

_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_CONTROLS = dict.fromkeys(c for c in range(32) if c != 9)
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")  # str.splitlines ends


def cell(text: str | None, *, strict: bool = False) -> str:
    r"""Text for a GFM table cell that any GFM reader gives back as the same plain text.

    Pipes and backslashes are always escaped, brackets and ``<`` too (links, footnotes,
    autolinks, HTML), ``&`` before an entity name; ``* _ ~ `` `` are escaped only when the
    cell has two of one (a lone one cannot open emphasis, code or strikethrough), so
    "*ACL" stays readable. Line breaks become spaces (a table row is one line), other
    control characters are dropped (readers drop or replace them), the edges are trimmed
    (readers trim cells); inner spacing is kept, as readers keep it in the text.
    ``strict`` escapes every ``* _ ~ `` `` (for text next to markup, e.g. inside ``**...**``).
    """
    text = _LINE_BREAKS.sub(" ", text or "").translate(_CONTROLS).strip()
    paired = {ch for ch in "*_~`" if strict or text.count(ch) >= 2}
    entities = {m.start() for m in _ENTITY.finditer(text)}
    out = []
    for i, ch in enumerate(text):
        escape = ch in "\\|[]<" or ch in paired or i in entities
        out.append("\\" + ch if escape else ch)
    return "".join(out)
