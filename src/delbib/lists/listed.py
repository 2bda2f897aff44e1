"""What a paper listed in several items is recorded with, read from its rows alone.

The import records it and render-list compares against it, so both must agree: a value the
rows gave is not an edit to write back into every item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delbib.text import clean_title

from .markdown import Row, nicknames


@dataclass(frozen=True)
class Listed:
    """The row whose title names the paper, and each field from the first row giving it."""

    titled: int
    year: int | None
    venue: str | None
    authors: str | None


def listed(rows: list[Row]) -> Listed:
    """A paper read whole from its rows (in list order)."""
    first = rows[0]
    return Listed(
        titled=_titled([clean_title(r.title) for r in rows]),
        year=next((r.year for r in rows if r.year), first.year),
        venue=next((r.venue for r in rows if r.venue), first.venue),
        authors=next((r.authors for r in rows if r.authors), first.authors),
    )


def _titled(clean: list[str]) -> int:
    """The row whose title is the paper's: the fullest that holds every word of the first
    (``LoRAFusion`` listed again as ``LoRAFusion: Efficient LoRA Fine-Tuning``, ``Owl
    Generation (OG)`` as ``Owl Generation for Birds (OG)``), or, when the first gives only the
    paper's coined name (``SentiEval``), the first that gives a title."""
    if nicknames.name_only(clean[0]):
        return next((i for i, c in enumerate(clean) if not nicknames.name_only(c)), 0)
    words = [set(re.findall(r"\w+", c.casefold())) for c in clean]
    fuller = [i for i, w in enumerate(words) if w > words[0]]
    return max(fuller, key=lambda i: (len(clean[i]), -i)) if fuller else 0
