"""A heading over the blocks of one paper: the heading is the paper's title.

Some lists give each paper a section: ``### Title``, a ``>`` summary, a ``<details>`` with
``- **Abstract**: ...`` and ``- **OpenReview**: https://...``. Nothing under the heading has
a title of its own and its paper links lead to one paper, so a reader sees one paper titled
by the heading, not one item per bullet. A heading over a list of papers differs in both
ways: its items are titled (``[Title](url)``, ``**Title**``) and link several papers.

An annotated reading list writes each work as a heading over a byline: ``### Title``, then
``Ann Lee, Bo Chen,`` / ``Journal of Owls 3 (2002) 1-10.``, its ``[pdf][lee02]`` link, and
pages of notes with sub-headings of their own (``#### Theories``). A person reads one work
titled by the heading down to the next heading of its level; the notes' headings name no
papers and their links are the notes' (a tool, a review), not the work's.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from ...identifiers.links import extract
from . import byline, citation, fields, fieldtitle, lexicon, linetitle, parts, sections
from .blocks import PARAGRAPH, Event, Heading, Item, Items
from .inline import Cell, Line, squash

SECTION = "section"
_TITLE_WORDS = 3  # "Getting Started", "Our Paper" name a section, not a paper
_FIELD_WORDS = 25  # a longer line under the heading is an abstract or a summary


def regroup(events: Iterable[Event]) -> Iterator[Event]:
    """The events of a document, a section that holds one paper given as that paper's item
    after its heading (marked ``paper``, so it names no category). Where most headings of a
    level are papers, so are their peers under a heading that holds one (or holds them
    alone): two words over a paper link, a title's words over no link at all (``####
    MetaFormer Baselines for Vision`` / ``- Link：``); the list gives its papers that way."""
    listed = list(events)
    papers: set[int] = set()  # places in LISTED of the headings read as papers
    first = list(_regrouped(listed, frozenset(), papers))
    groups = _groups(listed)
    sizes = Counter(level for level, _ in groups.values())
    found = Counter(groups[at][0] for at in papers if at in groups)
    levels = {lv for lv, n in found.items() if n >= _PEERS_MIN and n >= _PEERS_SHARE * sizes[lv]}
    # (and a paper among the headings of its level under the same heading, or none beside it)
    peers = {groups[at] for at in papers if at in groups and groups[at][0] in levels}
    peers |= {g for g, n in Counter(groups.values()).items() if n == 1 and g[0] in levels}
    if not peers:
        yield from first
        return
    yield from _regrouped(listed, frozenset(at for at, g in groups.items() if g in peers), set())


_PEERS_MIN = 5  # headings of a level that are papers before their peers are read as papers
_PEERS_SHARE = 0.6  # ... and that share of the headings of their level


def _groups(listed: list[Event]) -> dict[int, tuple[int, int]]:
    """Each heading's group of peers (by its place in LISTED): its level, and the place of
    the heading above it that it sits under."""
    groups: dict[int, tuple[int, int]] = {}
    above: dict[int, int] = {}  # level -> the place of the last heading of that level
    for at, event in enumerate(listed):
        if isinstance(event, Heading):
            above = {level: p for level, p in above.items() if level < event.level}
            groups[at] = (event.level, max(above.values(), default=-1))
            above[event.level] = at
    return groups


def _regrouped(listed: list[Event], peers: frozenset[int], papers: set[int]) -> Iterator[Event]:
    heading: Heading | None = None
    place = -1  # the heading's place in LISTED
    body: list[Event] = []
    work = False  # a work's heading: its deeper headings are its notes', unless works too
    for at, event in enumerate(listed):
        if isinstance(event, Heading) and (cited := _reference(event)) is not None:
            yield from _section(heading, body, work, place in peers, papers, place)
            heading, body, work = None, [], False  # a reference of its own: a paper, its
            # notes no section's papers
            yield dataclasses.replace(event, paper=True)
            yield Items([cited])
        elif isinstance(event, Heading):
            opens = _opens_work(event, listed[at + 1] if at + 1 < len(listed) else None)
            if work and heading is not None and event.level > heading.level and not opens:
                body.append(event)
                continue
            yield from _section(heading, body, work, place in peers, papers, place)
            heading, place, body, work = event, at, [], opens
        elif heading is None:
            yield event
        else:
            body.append(event)
    yield from _section(heading, body, work, place in peers, papers, place)


def _reference(heading: Heading) -> Item | None:
    """A heading that is a whole reference (``### <a href=url>Zhu, C. (2019). Title. Journal,
    32, 1-9.</a>``, ``### Lee, Ann. "Title." Journal (2023).``, ``### [Title (Lee et al
    2019)](doi)``): the paper it cites; its notes follow, and name no paper. A title quoted or
    cited after names and a date is a reference's, not a topic's."""
    if heading.cell is None:
        return None
    found = parts.read(heading.cell.lines)
    cited = found.title_from in ("cited", "quoted") or found.paper_link and found.words >= 3
    text = " ".join(line.text for line in heading.cell.lines)
    # "[Title (Magdy et al 2010)](doi)": who and when, in brackets after the title
    dated = re.search(r"\(([^()]{2,60})\)\W*$", text)
    signed = found.authors or dated and byline.cite_label(dated[1])
    signed = signed or (cite := citation.read(text)) is not None and cite.authors
    if not (signed and found.year and cited):
        return None
    line = heading.cell.lines[0].number
    return Item(SECTION, line, line, heading.cell.lines)


def _opens_work(heading: Heading, following: Event | None) -> bool:
    """A heading that is a work's title: it labels itself one (``### [3] Title: ...``) or
    stands over a byline."""
    if heading.cell is None:
        return False
    if fieldtitle.title(heading.cell.lines[0]) is not None:
        return True
    return isinstance(following, Items) and _over_byline(heading, following)


def _section(
    heading: Heading | None,
    body: list[Event],
    work: bool,
    peer: bool,
    papers: set[int] | None = None,
    place: int = -1,
) -> Iterator[Event]:
    if heading is None:
        return
    item = _work(heading, body) if work else _labelled(body) or _one_paper(heading, body, peer)
    if item is None:
        yield heading
        yield from body
    else:
        if papers is not None:
            papers.add(place)
        yield dataclasses.replace(heading, paper=True)
        yield Items([item])


def _titled_name(name: str, least: int = _TITLE_WORDS) -> bool:
    """A heading's words that may be a paper's title: LEAST or more, no section's name."""
    return len(name.split()) >= least and not (
        sections.is_generic(name) or sections.is_news_heading(name) or lexicon.is_venue_only(name)
    )


def _labelled(body: list[Event]) -> Item | None:
    """The paper a heading stands over when its section opens with that paper's labelled
    fields and holds no other (``### Owl detection`` / ``Title: ...`` / ``Abstract: ...``):
    the heading describes that paper, it names no topic of papers."""
    if not body or not all(isinstance(event, Items) for event in body):
        return None
    items = [item for event in body if isinstance(event, Items) for item in event.items]
    led = [item for item in items if item.lines and fieldtitle.title(item.lines[0])]
    return led[0] if len(led) == 1 and items[0] is led[0] else None


def _one_paper(heading: Heading, body: list[Event], peer: bool = False) -> Item | None:
    if heading.cell is None or not all(isinstance(e, Items) for e in body):
        return None
    name = sections.heading_name(heading.cell)
    if not body:  # "#### MambaIC: State Space Models for ..." alone among its peers
        line = heading.cell.lines[0].number
        alone = peer and _titled_name(name)
        return Item(SECTION, line, line, heading.cell.lines, peer=True) if alone else None
    # (a peer's two words will do: "#### Associative Transformer" / "- Link：[arxiv]")
    if not _titled_name(name, _TITLE_WORDS - peer) or sections.is_citation_heading(name):
        return None
    items = [item for event in body if isinstance(event, Items) for item in event.items]
    # the short lines: an abstract quoting a phrase or linking its code "[here]" is prose
    kept = [
        line for item in items for line in item.lines if fieldtitle.words(line.text) <= _FIELD_WORDS
    ]
    # an item's first line, however long its badges make it, opens with its own title
    opening = [
        item.lines[0]
        for item in items
        if item.lines
        and item.shape != PARAGRAPH
        and (not fieldtitle.is_field(item.lines[0].text) or _link_led(item.lines[0]))
    ]  # ("- **Comments:** Introduces **OwlNet**, ...": a field of the heading's paper; not
    # "- **[EHRSHOT: An EHR Benchmark](url)** — ...": a linked title with a colon)
    if not items or any(_titled(line) for line in [*kept, *opening]):
        return None  # titled items: a list of papers under a topic heading
    if not all(_names_no_work(link, line) for line in kept for link in line.links):
        return None  # "[COMEX](github) - A tool for ...": links named by what they lead to
    reads = [parts.read(item.lines) for item in items]
    # "Title, in *Venue* 2024. [Link]", "Title (AAAI 2017)" twice: works of their own, linked
    # or not; "**Comments:** ... at ICML 2025" is a field of the heading's paper
    cited = sum(
        (
            bool(f.links and (f.venue or f.year))
            or bool(f.venue and f.year and not i.lines[0].strong)
        )
        and f.words >= _TITLE_WORDS
        for f, i in zip(reads, items, strict=True)
    )
    if cited > 1:
        return None
    papers = _heading_papers(heading.cell, name)
    for found in reads:
        if found.paper_link:
            pairs = zip(found.links, found.kinds, strict=True)
            papers.update(_paper(link) for link, kind in pairs if kind == fields.PAPER)
    # "### Title" / "**Author**: Ann Lee, Bo Chen" / "**Date**: 28 Nov 2023", nothing linked:
    # the paper its byline signs
    signed = any(fieldtitle.AUTHORS_LABEL.match(line.text) for line in kept)
    unlinked = peer and not papers and _titled_name(name)  # "- Link：" left empty
    if len(papers) != 1 and (papers or not signed) and not unlinked:
        return None
    first = heading.cell.lines[0].number or items[0].line
    end = max(i.end_line for i in items)
    return Item(SECTION, first, end, [*heading.cell.lines, *kept], peer=unlinked)


_PLACE_WORDS = 8  # "*SIGIR 2024*", "IEEE Transactions on Owls, 2021": a venue and year
_BYLINE_LINES = 8  # a byline's names, venue, volume, pages and date; more is a paragraph
# "Ann Lee, 2018,", "Ann Lee & Bo Chen, eds.": what may close the names on their line
_NAMES_TAIL = re.compile(r"(?:[\s,.;]+(?:eds?\.?|\(?(?:19|20)\d{2}\)?))*[\s,.;]*$")
# "Ann Lee, Bo Chen. NeurIPS 2021.": the names end at the first full stop after a word
_NAMES_STOP = re.compile(r"^(.*?[^\s.]{2})\.\s+\S")


def _over_byline(heading: Heading, first: Items) -> bool:
    """A heading whose section opens with a byline: a line of names, then in the same
    paragraph where and when (``Journal of Owls 3 (2002)``, ``Owl Press,`` / ``2011.``),
    as a reference gives a work; a heading that names a topic or a venue opens none."""
    if heading.cell is None or not first.items or not first.items[0].lines:
        return False
    name = sections.heading_name(heading.cell)
    if (
        len(name.split()) < 2
        or sections.is_generic(name)
        or sections.is_year_heading(name)
        or lexicon.is_venue_only(name)
    ):
        return False
    if first.items[0].shape != PARAGRAPH:
        return False  # "- Lee, A. (2021). Title": a list of references under a topic
    lines = _byline_lines([line for item in first.items for line in item.lines])
    if lines[0].links or not _names_of(lines[0]):
        return False
    titled = [*lines[0].em, *fields._QUOTED_PART.findall(lines[0].text)]
    lead = lines[0].text.lstrip(' *_"“')  # "*Ann Lee*, Journal of Owls": the names lead
    if any(len(t.split()) >= 2 and not lead.startswith(t.strip()) for t in titled):
        return False  # "Daganzo, C. F. *Logistics Systems Analysis*. 1991.": a reference
    short = all(len(line.text.split()) <= _FIELD_WORDS for line in lines)  # prose is longer
    return short and len(lines) <= _BYLINE_LINES and any(map(_placed, lines))


def _placed(line: Line) -> bool:
    """The line says when or where: a year or a venue."""
    return bool(fields.year_in(line.text) or lexicon.venue_in(line.text)[0])


def _byline_lines(lines: list[Line]) -> list[Line]:
    """The byline's paragraph, and the next one when it only says where and when
    (``*Ann Lee, Bo Chen*`` / ``*SIGIR 2024*``, each its own paragraph)."""
    first = _paragraph(lines)
    after = _paragraph(lines[len(first) :]) if len(lines) > len(first) else []
    placed = (
        len(after) == 1
        and len(after[0].text.split()) <= _PLACE_WORDS
        and _placed(after[0])
        and not fieldtitle.is_field(after[0].text)  # "**Date**: 28 Nov 2023": a field of its own
    )
    return first + after if placed and not any(map(_placed, first)) else first


def _names_of(line: Line) -> str | None:
    """The names a byline leads with: ``Ann Lee, Bo Chen,``, ``By Ann Lee (2019)``,
    ``**Authors**: Ann Lee``, ``Ann Lee. NeurIPS 2021.``, ``*Ann Lee*, Journal of Owls``,
    ``Ann Lee — Owl Letters (2010)`` (a person's name takes two words at least); None when
    the line does not lead with names, or has a bold span other than a label (a title)."""
    label = fieldtitle.AUTHORS_LABEL.match(line.text)
    text = line.text[label.end() :] if label else line.text
    if any(span.strip() and span in text for span in line.strong):
        return None
    stop = _NAMES_STOP.match(text)
    heads = [stop[1], text] if stop else [text]
    lead = text.lstrip(" *_")
    heads += [e for e in line.em if re.match(re.escape(e) + r"[\s*_]*(?:[,.;—–-]|$)", lead)]
    heads += [re.split(r"\s[—–-]\s|\s\(", text, maxsplit=1)[0]]
    for head in heads:
        names = _NAMES_TAIL.sub("", head).strip(" *_")
        if len(names.split()) >= 2 and byline.all_names(names):
            return names
    return None


def _byline(line: Line) -> list[Line]:
    """The byline's first line as two: its names, then where and when (``*Ann Lee*, Journal
    of Owls, 2003``), so neither is read as the other."""
    names = _names_of(line)
    text = line.text
    at = text.find(names) if names else -1
    rest = text[at + len(names or "") :].strip(" ,.;:—–-") if at >= 0 else ""
    if not names or not rest:
        return [line]
    return [
        Line([(names, None)], number=line.number),
        Line([(rest, None)], em=[e for e in line.em if e in rest], number=line.number),
    ]


def _paragraph(lines: list[Line]) -> list[Line]:
    """The lines of the first paragraph: they follow each other in the file."""
    end = 1
    while end < len(lines) and lines[end].number == lines[end - 1].number + 1:
        end += 1
    return lines[:end]


def _work(heading: Heading, body: list[Event]) -> Item | None:
    """The work a heading over a byline gives: the heading as its marked title, the byline
    and the paragraphs of bare links right after it (``[pdf][lee02]``); the notes below
    are left out, their links lead elsewhere."""
    lines = [
        line for event in body if isinstance(event, Items) for i in event.items for line in i.lines
    ]
    kept = _byline_lines(lines) if lines else []
    rest = lines[len(kept) :]
    kept = [*_byline(kept[0]), *kept[1:]] if kept else kept
    while rest and _links_only(rest[0]):
        block = _paragraph(rest)
        if not all(map(_links_only, block)):
            break
        kept, rest = kept + block, rest[len(block) :]
    ends = [i.end_line for event in body if isinstance(event, Items) for i in event.items]
    assert heading.cell is not None  # _opens_work saw a markdown heading
    first = heading.cell.lines[0].number or (kept[0].number if kept else 0)
    end = max(ends, default=first)
    if fieldtitle.title(heading.cell.lines[0]) is not None:  # "### Title: ..." over its fields
        return Item(SECTION, first, end, fieldtitle.own_lines([*heading.cell.lines, *lines]))
    name = sections.heading_name(heading.cell)  # "### 3. Title": the words, not the number
    title = [
        dataclasses.replace(line, parts=[(name, None)], titles=True)
        for line in heading.cell.lines[:1]
    ]
    return Item(SECTION, first, end, [*title, *heading.cell.lines[1:], *kept])


def _links_only(line: Line) -> bool:
    """``[pdf][lee02]``, ``<https://doi.org/...>``: a line of links and nothing else."""
    text = line.text
    for link in line.links:
        text = text.replace(link.text, " ")
    return bool(line.links) and not re.search(r"[^\W_]", text)


def _heading_papers(cell: Cell, name: str) -> set[str]:
    """The paper a heading links itself (``### [Title](https://arxiv.org/abs/x)``, ``####
    [Mar 2025] "Title" [[paper](arxiv)]``): a link whose text is the whole heading, so the
    heading is that paper's linked title, or a paper's link word beside it."""
    found = parts.read(cell.lines)
    pairs = zip(found.links, found.kinds, strict=True)
    worded = [link for link in cell.links if fields.is_resource_text(link.text)]
    titled = {link.href for link in cell.links if squash(link.text) == name or link in worded}
    return {_paper(link) for link, kind in pairs if kind == fields.PAPER and link in titled}


def _titled(line: Line) -> bool:
    """A line that opens with a title of its own; a bold or linked span after the words of a
    sentence (``Guided by **Ann Lee**``) is a note's emphasis, not a title."""
    found = linetitle.line_title(line)
    return found is not None and not _after_words(line, found[0])


def _named_by_id(text: str, href: str) -> bool:
    """A link whose words are the identifier of the paper it leads to."""
    bare = re.sub(r"^(?:arxiv|doi)\s*:\s*|v\d+$", "", text.strip().casefold())
    return any(found.split(":", 1)[1].casefold() == bare for found in extract(href))


def _link_led(line: Line) -> bool:
    return bool(line.links) and line.text.lstrip(" *_").startswith(line.links[0].text.strip())


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
        or _named_by_id(text, link.href)  # "- **arXiv**: [2603.06153v1](arxiv.org/abs/...)"
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
