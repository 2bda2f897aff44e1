"""Fields between pipes in a list item: ``+ 2019 | Title | A. Lee, et al. | arXiv | [PDF](url)``.

Some lists write each paper as a table row without the table, some fields left out. A reader
tells the fields apart by what they hold, not by their place: a year, a line of names, a
venue, link words, and the title, the field left that reads as one (the one with the most
words). A venue is a field the lexicon knows, or a few words after the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates, fields, lexicon
from .inline import squash

_DATE = re.compile(r"[\[(]?\s*(?:19|20)\d{2}(?:\s*[-./]\s*\d{1,2}){0,2}\s*[\])]?")
_SHORT_VENUE_WORDS = 5


@dataclass(frozen=True)
class PipeFields:
    title: str
    year: int | None
    authors: str | None
    venue: str | None


def read(text: str) -> PipeFields | None:
    """The fields of an item written ``field | field | field``; None when the text holds
    fewer than three fields or none of them reads as a title."""
    cells = [squash(cell) for cell in text.split("|")]
    cells = [cell for cell in cells if re.search(r"[^\W_]", cell)]
    if len(cells) < 3:
        return None
    year = next((dates.year_in(c) for c in cells if _DATE.fullmatch(c)), None)
    authors = next((c for c in cells if fields.names_line(c)), None)
    known = next((c for c in cells if lexicon.is_venue_only(c) and not _DATE.fullmatch(c)), None)
    worded = [
        c
        for c in cells
        if not _DATE.fullmatch(c)
        and c != authors
        and c != known
        and not fields.is_resource_text(c)
        and re.search(r"[^\W\d_]", c)
    ]
    if not worded:
        return None
    title = max(worded, key=lambda c: len(c.split()))  # the first of the longest
    after = worded[worded.index(title) + 1 :]
    venue = known or next((c for c in after if len(c.split()) <= _SHORT_VENUE_WORDS), None)
    venue = venue.strip(" []()*_") if venue else None  # "| [ICCV' 15] |"
    return PipeFields(title=title, year=year, authors=authors, venue=venue or None)
