"""An index of papers listed in full elsewhere: ``- [PAL](arxiv)``, ``- [MMAR](arxiv)``, ...
above (or below) the items that give each paper's title, authors and links.

A reader sees the block of bare names as a way into the list, not as more papers: each name
links a paper that a fuller item of the same file links too. Its items are left out (and
reported), so the paper is read once, with the title its own item gives. A bare name whose
paper no other item gives stays a paper, and so does a block that repeats only a few. A bare
item with the same title as the fuller one (a list by topic and by year) is the same paper
read twice: it stays, and the two are one entry with both categories.
"""

from __future__ import annotations

import re

from delbib import identifiers

from . import fields

REPEAT = "a name repeating a paper listed in full elsewhere (an index of the list)"
_INDEX_SHARE = 0.5  # a block is an index when this share of its items repeat fuller ones
_INDEX_MIN = 3


def _bare(row) -> bool:
    """A name and one link, nothing else: ``- [PAL](https://arxiv.org/abs/2506.10423)``."""
    return len(row.links) == 1 and not (
        row.authors or row.venue or row.year or row.date or row.tldr
    )


def _ids(row) -> set[str]:
    """The identifiers of its paper links, and each link's address (``https://talkarena.org/``
    and ``talkarena.org`` are one): a paper with no identifier is known by its page."""
    found = {
        found
        for url, kind in zip(row.links, row.kinds, strict=False)
        if kind == fields.PAPER
        for found in identifiers.extract(url)
    }
    return found | {re.sub(r"^\w+://(?:www\.)?|/+$", "", url.casefold()) for url in row.links}


def _words(row) -> str:
    return re.sub(r"[\W_]+", "", row.title.casefold())


def index_repeats(rows: list, blocks: list[tuple[int, int]]) -> set[int]:
    """Positions in ``rows`` of the bare names of index blocks (``blocks``: each block's
    [start, end) among ``rows``) whose paper a fuller row outside the block also links."""
    full: dict[str, set[int]] = {}
    for at, row in enumerate(rows):
        if not _bare(row):
            for found in _ids(row):
                full.setdefault(found, set()).add(at)
    out: set[int] = set()
    for start, end in blocks:
        repeats = {
            at
            for at in range(start, end)
            if _bare(rows[at])
            and any(
                other not in range(start, end) and _words(rows[other]) != _words(rows[at])
                for i in _ids(rows[at])
                for other in full.get(i, ())
            )
        }
        if len(repeats) >= _INDEX_MIN and len(repeats) >= _INDEX_SHARE * (end - start):
            out |= repeats
    return out
