"""A block's items judged together: an item written the way its paper siblings are is a paper.

A list writes its papers alike (``**Title** (2023), Venue``, ``- [*] Title, 1990``): an item
with no link of its own, or one whose title says less about itself, reads as a paper when it
is written in the shape most of the block's papers share.
"""

from __future__ import annotations

import re

from . import refnames, shape
from .evidence import CITATION, CODE_ONLY, NO_LINK, NO_TITLE, PAPER_LINK, UNSIGNED
from .fields import PROJECT
from .parts import Parts

# titles marked the way a list marks its papers' titles; a linked title whose link leads
# nowhere ("2024 - [Title](s41467-...)" among "2024 - [Title](doi)") keeps its siblings' shape
_SHAPED = ("bold", "quoted", "link")


def _shape(parts: Parts) -> tuple[str, bool]:
    """How the title is marked, and whether a year or venue is written: not whether the
    names were found, which depends on where the style puts them (before or after the title)."""
    return parts.title_from, bool(parts.year or parts.venue)


def like_siblings(read: list[Parts], verdicts: list[str], alone: list[bool]) -> list[str]:
    """In a list of papers, an item without any link written the way its linked siblings are
    (``**Title** (2023), Venue, Authors``) is a citation of a paper whose link is missing or
    broken: a marked title with a year or venue, in the shape most of the linked papers
    share, or the same marked title with nothing beside it (``alone``: ``- **Title**`` among
    ``- **Title**, 2023.10, [[paper]](url)``, its details left out). One that links only its
    code stays a tool, unless no paper of the list is linked and it is dated as its cited
    siblings are (``* 2018 Chopped Symbolic Execution ([chopper](github))`` among ``* 2011
    Directed Incremental Symbolic Execution``): there the code is the only link any item has."""
    shapes = [_shape(p) for p, v in zip(read, verdicts, strict=True) if v == PAPER_LINK]
    # a list that links none of its papers ("- Title (ICML 2017)"): its cited items set the
    # shape, and "- Title (2020)", "- Title (OWLCONF 2019)" written alike cite papers too
    unlinked = not shapes
    if unlinked:
        shapes = [_shape(p) for p, v in zip(read, verdicts, strict=True) if v == CITATION]
    if not shapes:
        return verdicts
    common = max(set(shapes), key=shapes.count)
    shaped = common[0] in _SHAPED or unlinked
    if not shaped or not common[1] or shapes.count(common) * 2 < len(shapes):
        return verdicts
    return [
        CITATION
        if (v == NO_LINK or v == CODE_ONLY and unlinked and p.year_listed)
        and (_shape(p) == common or p.title_from == common[0] and bare and not unlinked)
        and p.words >= 3
        and shape.titled(p.title)
        else v
        for p, v, bare in zip(read, verdicts, alone, strict=True)
    ]


_ALIKE_SHARE = 0.8  # of a block's titled items written in its cited items' shape
_ALIKE_CITED = 2  # items that read as citations on their own, at least


def cited_alike(read: list[Parts], verdicts: list[str]) -> bool:
    """A block that links none of its items and writes nearly all of them alike, dated
    (``- [*] Title, 1990``), with some that read as citations on their own: a list of
    papers, though most of its titles, in sentence case, say less about themselves."""
    if PAPER_LINK in verdicts:
        return False
    cited = [_shape(p) for p, v in zip(read, verdicts, strict=True) if v == CITATION]
    if len(cited) < _ALIKE_CITED:
        return False
    common = max(set(cited), key=cited.count)
    titled = [p for p, v in zip(read, verdicts, strict=True) if v != NO_TITLE]
    alike = sum(_shape(p) == common for p in titled)
    return common[1] and alike >= _ALIKE_SHARE * len(titled)


_BARE_ITEMS = 3  # a block of bare titles: this many at least
_BARE_SHARE = 0.8  # of its titled items
_BARE_WORDS = 4


def bare_titles(read: list[Parts], verdicts: list[str]) -> list[str]:
    """A block of nothing but titles in full, unlinked and in Title Case (``1. Measuring and
    Detecting Fast-Flux Service Networks<br>`` item after item): a reading list of papers
    named by their titles alone; a block with any other item (a note, a tool) stays as read."""
    titled = sum(v != NO_TITLE for v in verdicts)

    def bare(p: Parts, v: str) -> bool:
        # "J Nisan, Title": names lead; "CT, Capítulo 4": a book's initials and a chapter
        named = re.match(r"([^,.]{2,40})[,.]\s", p.title)
        named = named and (refnames.names(named[1]) or named[1].isupper())
        return (
            v == NO_LINK
            and p.title_from in ("plain", "numbered")
            and len(re.findall(r"[^\W\d_]{4,}", p.title)) >= _BARE_WORDS - 1
            and shape.paper_title(p)
            and shape.title_case(p.title)
            and not named
        )

    flags = [bare(p, v) for p, v in zip(read, verdicts, strict=True)]
    # (an unlinked item already read as a citation, "ARTEMIS: Title", is one of them)
    count = sum(
        flag or v == CITATION and not p.links
        for p, v, flag in zip(read, verdicts, flags, strict=True)
        if v != NO_TITLE
    )
    if titled < _BARE_ITEMS or count < _BARE_SHARE * titled:
        return verdicts
    return [CITATION if flag else v for v, flag in zip(verdicts, flags, strict=True)]


_SIGNED_ITEMS = 3  # papers of a block given with their names and paper link, at least
_SIGNED_SHARE = 0.8  # of its items that link a paper


def unsigned_pages(read: list[Parts], verdicts: list[str]) -> list[str]:
    """A block whose papers each come with their names and a paper link (``**Title** <br>
    *Ann Lee, Bo Chen* <br> ECCV, 2018. [[Paper]](arxiv)``): an item there with neither, only
    a site (``**Owl Workshop** <br> ECCV, 2018. [[website]](url)``), is a meeting's or a
    project's page, dated as papers are but no paper."""
    linked = [p for p, v in zip(read, verdicts, strict=True) if v == PAPER_LINK]
    signed = sum(bool(p.authors) for p in linked)
    if signed < _SIGNED_ITEMS or signed < _SIGNED_SHARE * len(linked):
        return verdicts
    return [
        UNSIGNED
        if v == CITATION
        and p.title_from != "link"  # "[Title](project), Lee et al, CVPR": its page, named
        and set(p.kinds) == {PROJECT}
        and not (p.paper_link or p.authors)
        else v
        for p, v in zip(read, verdicts, strict=True)
    ]
