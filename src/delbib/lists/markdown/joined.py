"""Several papers read together in one item: ``[Title A](a.pdf) (2003) and [Title B](b.pdf)``,
or a line each under a topic (``4. Side-Channel Detection <br />`` / ``i. Title, ISSTA,
2021, [paper](url) <br />`` / ``ii. Title, 2022, [paper](url)``).

Reading lists pair a paper with its sequel or its journal version in one bullet, or list a
topic's papers on the lines of one item; each is a paper of its own, so the item is split
before its parts are read.
"""

from __future__ import annotations

import dataclasses
import re

from . import cited, fields, linetitle
from .blocks import Item
from .inline import Line

# "and", "&" or a comma between two linked titles: "[Title A](a.pdf), [Title B](b.pdf)"
_JOINED = re.compile(r"^\s*(?:\((?:19|20)\d\d\))?\s*(?:,\s*and|and|&|,)\s*$")


# "[Title](url) by Lee and Chen, 2013": a reading and who wrote it
_BY = re.compile(r"^\s*,?\s*by\s+[A-Z]")


def split_readings(lines: list[Line]) -> list[list[Line]] | None:
    """``**Reading**: [Title A](a) by Lee et al, 2013; [Title B](b) by Chen, 2011``: a
    syllabus's readings in one bullet, each a linked title of three or more words and who
    wrote it; a paper each (a link without its byline is the note of the one before). None
    when the item holds fewer than two."""
    parts: list[tuple[str, str | None, Line]] = []
    for line in lines:
        for text, href in line.parts:
            if parts and href is not None and parts[-1][1] == href:  # a link's wrapped text
                parts[-1] = (parts[-1][0] + text, href, parts[-1][2])
            else:
                parts.append((text, href, line))
    starts = [
        i
        for i, (text, href, line) in enumerate(parts)
        if href is not None
        and i + 1 < len(parts)
        and parts[i + 1][1] is None
        and _BY.match(parts[i + 1][0])
        and _paper_title_link(line, text, href)
    ]
    if len(starts) < 2:
        return None
    out = []
    for start, end in zip(starts, [*starts[1:], len(parts)], strict=True):
        line = parts[start][2]
        piece = Line(parts=[(t, h) for t, h, _ in parts[start:end]], number=line.number)
        hrefs = {h for _, h, _ in parts[start:end]}
        piece.links = [link for ln in lines for link in ln.links if link.href in hrefs]
        out.append([piece])
    return out


def split_joined(lines: list[Line]) -> list[list[Line]]:
    """``[Title A](a.pdf) (2003) and [Title B](b.pdf) (2006): notes``: two papers read
    together in one item, each a linked title of three or more words; several readings
    with their bylines (:func:`split_readings`); else the item whole."""
    if readings := split_readings(lines):
        return readings
    if len(lines) != 1:
        return [lines]
    line = lines[0]
    parts = line.parts
    for at in range(1, len(parts) - 1):
        (left, left_href), (join, join_href), (right, right_href) = parts[at - 1 : at + 2]
        if (
            join_href is None
            and _JOINED.match(join)
            and at - 1 == 0
            and all(
                _paper_title_link(line, t, h) for t, h in ((left, left_href), (right, right_href))
            )
        ):
            year = re.match(r"^\s*\(\d{4}\)", join)
            first = Line(parts=[parts[0], (year[0] if year else "", None)], number=line.number)
            first.links = [link for link in line.links if link.href == left_href]
            rest = Line(parts=parts[at + 1 :], number=line.number)
            rest.links = [link for link in line.links if link.href != left_href]
            rest.strong, rest.em, rest.images = line.strong, line.em, line.images
            return [[first], [rest]]
    return [lines]


def _paper_title_link(line: Line, text: str, href: str | None) -> bool:
    link = next(
        (link for link in line.links if link.href == href and link.text == text.strip()), None
    )
    return (
        link is not None
        and fields.link_kind(link) == fields.PAPER
        and linetitle.span_ok(link.text, 3)
        and not fields.is_resource_text(link.text)
    )


def split_lines(lines: list[Line]) -> list[list[Line]]:
    """One paper per line when, under a first line without links (the topic they are listed
    under, kept with each as its context), two or more lines each open with a plain title
    and link their own paper; a line without a link after one of them is its note. So too
    when every line cites its paper by a venue tag and its title (``24[AAAI 2020] Title``).
    Else the item whole."""
    if len(lines) >= 2 and all(map(cited.venue_tagged_line, lines)):
        return [[line] for line in lines]  # "24[AAAI 2020] Title" / "25[MM 2020] Title"
    papers = [i for i, line in enumerate(lines) if cited.titled_paper_line(line)]
    linked = [i for i, line in enumerate(lines) if fields.has_link(line)]
    if len(papers) < 2 or papers[0] != 1 or not cited.topic(lines[0]) or papers != linked:
        return [lines]  # a paper's own first line: what is under it are its notes
    ends = [*papers[1:], len(lines)]
    return [[lines[0], *lines[start:end]] for start, end in zip(papers, ends, strict=True)]


def item_lines(item: Item) -> list[Item]:
    """The item, or a paper a line when its lines each list one (split_lines), each
    from its paper's line (the topic line it is listed under aside) to its last note."""
    split = split_lines(item.lines)
    if split == [item.lines]:
        return [item]
    return [
        dataclasses.replace(
            item,
            line=next((ln for ln in lines if ln is not item.lines[0]), lines[0]).number,
            end_line=lines[-1].number,
            lines=lines,
        )
        for lines in split
    ]


def item_papers(item: Item) -> list[Item]:
    """The item, or the papers read together in it (split_joined), each from its line."""
    split = split_joined(item.lines)
    if len(split) == 1:
        return [dataclasses.replace(item, lines=split[0])]
    return [
        dataclasses.replace(item, lines=lines, line=lines[0].number or item.line) for lines in split
    ]
