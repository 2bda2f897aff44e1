"""A heading over the blocks of one paper: the heading is the paper's title.

Some lists give each paper a section: ``### Title``, a ``>`` summary, a ``<details>`` with
``- **Abstract**: ...`` and ``- **OpenReview**: https://...``. Nothing under the heading has
a title of its own and its paper links lead to one paper, so a reader sees one paper titled
by the heading, not one item per bullet. A heading over a list of papers differs in both
ways: its items are titled (``[Title](url)``, ``**Title**``) and link several papers.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from . import fields, lexicon, parts, sections
from .blocks import Event, Heading, Item, Items
from .inline import Cell, Line, squash

SECTION = "section"
_TITLE_WORDS = 3  # "Getting Started", "Our Paper" name a section, not a paper
_FIELD_WORDS = 25  # a longer line under the heading is an abstract or a summary


def regroup(events: Iterable[Event]) -> Iterator[Event]:
    """The events of a document, a section that holds one paper given as that paper's item
    after its heading (marked ``paper``, so it names no category)."""
    heading: Heading | None = None
    body: list[Event] = []
    for event in events:
        if isinstance(event, Heading):
            yield from _section(heading, body)
            heading, body = event, []
        elif heading is None:
            yield event
        else:
            body.append(event)
    yield from _section(heading, body)


def _section(heading: Heading | None, body: list[Event]) -> Iterator[Event]:
    if heading is None:
        return
    item = _one_paper(heading, body)
    if item is None:
        yield heading
        yield from body
    else:
        yield dataclasses.replace(heading, paper=True)
        yield Items([item])


def _one_paper(heading: Heading, body: list[Event]) -> Item | None:
    if heading.cell is None or not body or not all(isinstance(e, Items) for e in body):
        return None
    name = sections.heading_name(heading.cell)
    if (
        len(name.split()) < _TITLE_WORDS
        or sections.is_generic(name)
        or sections.is_citation_heading(name)
        or sections.is_news_heading(name)
        or lexicon.is_venue_only(name)
    ):
        return None
    items = [item for event in body if isinstance(event, Items) for item in event.items]
    # the short lines: an abstract quoting a phrase or linking its code "[here]" is prose
    kept = [line for item in items for line in item.lines if len(line.text.split()) <= _FIELD_WORDS]
    if not items or any(_titled(line) for line in kept):
        return None  # titled items: a list of papers under a topic heading
    if not all(_names_no_work(link, line) for line in kept for link in line.links):
        return None  # "[COMEX](github) - A tool for ...": links named by what they lead to
    reads = [parts.read(item.lines) for item in items]
    if sum(bool(f.links and (f.venue or f.year)) and f.words >= _TITLE_WORDS for f in reads) > 1:
        return None  # "Title, in *Venue* 2024. [Link]" twice: linked works of their own
    papers = _heading_papers(heading.cell, name)
    for found in reads:
        if found.paper_link:
            pairs = zip(found.links, found.kinds, strict=True)
            papers.update(_paper(link) for link, kind in pairs if kind == fields.PAPER)
    if len(papers) != 1:
        return None
    first = heading.cell.lines[0].number or items[0].line
    return Item(SECTION, first, max(i.end_line for i in items), [*heading.cell.lines, *kept])


def _heading_papers(cell: Cell, name: str) -> set[str]:
    """The paper a heading links itself (``### [Title](https://arxiv.org/abs/x)``): a link
    whose text is the whole heading, so the heading is that paper's linked title."""
    found = parts.read(cell.lines)
    pairs = zip(found.links, found.kinds, strict=True)
    titled = {link.href for link in cell.links if squash(link.text) == name}
    return {_paper(link) for link, kind in pairs if kind == fields.PAPER and link in titled}


def _titled(line: Line) -> bool:
    """A line that opens with a title of its own; a bold or linked span after the words of a
    sentence (``Guided by **Ann Lee**``) is a note's emphasis, not a title."""
    found = parts.line_title(line)
    return found is not None and not _after_words(line, found[0])


def _after_words(line: Line, span: str) -> bool:
    return bool(re.search(r"\b[a-z]{2,}\W{0,3}$", line.text.split(span, 1)[0]))


def _names_no_work(link, line: Line) -> bool:
    """A link of the paper's own: a link word (``[code]``, ``**OpenReview**: url``) or the
    address itself, not the name of a tool or another paper; a link to no paper inside a
    note's sentence (``Work of [Ann Lee](profile)``) refers to a person or a page."""
    text = link.text.strip(" []<>")
    return (
        not text
        or text == link.href.strip()
        or "://" in text
        or fields.is_resource_text(text)
        or fields.link_kind(link) != fields.PAPER
        and _after_words(line, link.text)
    )


def _paper(url: str) -> str:
    """One paper however it is linked (``arxiv.org/abs/x`` and ``arxiv.org/pdf/x``)."""
    from delbib.identifiers import extract

    found = extract(url)
    return found[0] if found else url
