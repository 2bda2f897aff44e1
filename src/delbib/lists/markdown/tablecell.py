"""The title a table's title cell gives: its first line with words, a name before its
summary, a title broken onto the cell's next lines with ``<br>``, and the authors a later
line lists."""

from __future__ import annotations

import re

from . import fields, tags
from .inline import Cell, Line

_LINKED_TITLE_WORDS = 3  # "[Owl Metrics Without Tuning](url)": a title, not a link word
_AWARD_END = re.compile(r"[_\s]*(?:best\s*paper|oral|spotlight)\w*$", re.I)  # "MLSys24_BestPaper"


def table_title(cell: Cell) -> tuple[str, str | None]:
    """The title in a title cell, and the authors when a later line lists them."""
    for i, line in enumerate(cell.lines):
        text = fields.clean_listed_title(fields._line_title_text(line))
        if not fields._has_words(text):
            continue
        if i + 1 < len(cell.lines) and (
            _venue_only(_AWARD_END.sub("", text)) or _label_over(line, cell.lines[i + 1])
        ):
            continue  # "ICLR22 <br> [Title](arxiv) <br> Names": the venue, over the title
        raw = fields._line_title_text(line)
        # "[[**Paper**](url)]": a link word set in bold is no name of the row's work
        bold = [s for s in line.strong if fields._has_words(s) and not fields.is_resource_text(s)]
        lead = re.split(r"\s{2,}", raw.strip(), maxsplit=1)
        linked = any(link.text.strip() == raw.strip() for link in line.links)  # it ends there
        if len(text.split()) > fields._DIGEST_WORDS // 2 and (bold and raw.find(bold[0]) < 8):
            text = fields.clean_listed_title(bold[0])  # "N) **Name** - what it does ..."
        elif (
            len(lead) > 1
            and len(lead[0].split()) <= fields._DIGEST_WORDS // 2
            and len(lead[1].split()) >= 4
            and re.search(r"[a-z)]\.(?:\s|$)|\w:$", lead[1])  # a sentence, or "include:"
            and not fields._DESCRIBED.search(lead[0])
        ):
            text = fields.clean_listed_title(lead[0])  # "Name  Summary sentence.": two spaces
        elif (
            (len(text.split()) > fields._DIGEST_WORDS or fields._DESCRIBED.search(raw))
            and not linked
        ):  # "[Title - a subtitle](paper)": a name and its description link only the name
            lead = re.split(r"\s[-–—]\s", raw, maxsplit=1)
            short = bold or [lead[0]]
            if len(short[0].split()) <= fields._DIGEST_WORDS // 2:
                text = fields.clean_listed_title(short[0])
        text = tags.drop_end_tags(_drop_styled_tag(line, text), line.code)  # "Title `HBB`"
        if named := _linked_then_name(line, raw):  # "[Title](url) (DimeNet++)": its short name
            text = named
        elif signed := _linked_then_names(line, raw):  # "[Title](url) Ann Lee, Bo Chen"
            text, byline = signed
            return text, byline
        rest = [fields.clean_listed_title(other.text) for other in cell.lines[i + 1 :]]
        while rest and not linked and _title_goes_on(text, rest[0]):
            text = f"{text} {rest.pop(0)}"  # "Title with Adversarial<br>Self-Supervised ..."
        authors = next(
            (r for r in rest if fields.looks_like_authors(r) and not _venue_only(r)), None
        )
        return text, authors
    return "", None


def _after_link(line: Line, raw: str, least: int) -> tuple[str, str] | None:
    """The text of the link a cell's line opens with (LEAST words or more), and the rest."""
    first = next((link for link in line.links if link.text.strip()), None)
    text = first.text.strip() if first is not None else ""
    if len(text.split()) < least or not raw.lstrip().startswith(text):
        return None
    return text, raw.lstrip()[len(text) :]


def _linked_then_name(line: Line, raw: str) -> str | None:
    """``[Fast Directional Message Passing for Molecules](arxiv) (DimeNet++)``: a cell that
    opens with a linked title and adds only a short name in brackets is titled by the link."""
    found = _after_link(line, raw, 4)
    named = found and re.fullmatch(r"\s*\(([^()\d]{1,30})\)\s*", found[1])
    return fields.clean_listed_title(found[0]) if named and len(named[1].split()) <= 3 else None


_LABEL_WORDS = 4  # "EMNLP24 Findings", "Under review", "arXiv:2412.14363v1 [cs.LG]"
_STATUS = re.compile(r"\b(?:under\s+review|submitted|preprint|accepted|in\s+press)\b", re.I)


def _label_over(line: Line, below: Line) -> bool:
    """A short line with no link over a line that is one linked title (``Under review <br>
    [Title](arxiv) <br> Names``): the paper's status or venue, set above its title."""
    return (
        not line.links
        and len(line.text.split()) <= _LABEL_WORDS
        and bool(re.search(r"\d", line.text) or _STATUS.search(line.text))
        and not below.soft
        and _whole_title(below)
        and bool(below.links)
    )


def _linked_then_names(line: Line, raw: str) -> tuple[str, str] | None:
    """``[Title](arxiv) Ann Lee, Bo Chen``: a line that opens with a linked title and goes on
    with nothing but names gives the title and its authors."""
    found = _after_link(line, raw, _LINKED_TITLE_WORDS)
    rest = found[1].strip(" ,;-–—") if found else ""
    if "," not in rest or not fields.looks_like_authors(rest) or fields.venue_in(rest)[0]:
        return None
    return fields.clean_listed_title(found[0]), rest


# small words of a title that a line of names never holds ("Learning for Robust ...")
_TITLE_SMALL = r"for|of|with|via|in|on|to|the|from|using|towards?|under|over|through|by|as"
# "and Security", "Self-Supervised Learning for Robust Forecasting": a title's end in Title
# Case, a small word in it; "Propose two kinds of reflection:" is a sentence of notes
_WORD = r"[A-Z0-9][\w'’-]*"
_CONTINUED = re.compile(
    rf"(?:and|or|{_TITLE_SMALL})\s+\S.*"
    rf"|{_WORD}(?:\s+(?:{_WORD}|and|or|a|an|{_TITLE_SMALL}))*?\s(?:{_TITLE_SMALL})"
    rf"(?:\s+(?:{_WORD}|and|or|a|an|{_TITLE_SMALL}))+"
)
_LINE_WRAP_WORDS = 10  # the end of a title broken onto the cell's next line is a few words


def _title_goes_on(title: str, line: str) -> bool:
    """A cell's next line is the title's end broken off with ``<br>``: a few words, no comma
    (names have them), a title's small words in them (``Self-Supervised Learning for Robust
    Forecasting``, ``and Security``), after a title with no closing stop."""
    return (
        not re.search(r"[.?!:]\s*$", title)
        and 0 < len(line.split()) <= _LINE_WRAP_WORDS
        and "," not in line
        and not re.search(r"\d", line)
        and bool(_CONTINUED.fullmatch(line.strip()))
        and not _venue_only(line)
    )


_STYLED_TAG = re.compile(r"[(\[]\s*[^\s()\[\]]{1,16}\s*[)\]]")


def _drop_styled_tag(line: Line, text: str) -> str:
    """``Title **(VCD)**``: a short tag set apart in its own bold or italics after the title
    is the paper's nickname, even when it spells the title's last words."""
    for span in (*line.strong, *line.em):
        if _STYLED_TAG.fullmatch(span) and text.rstrip().endswith(span) and text != span:
            return text.rstrip()[: -len(span)].rstrip()
    return text


def _venue_only(text: str) -> bool:
    venue, _ = fields.venue_in(text)
    return venue is not None and len(venue) >= len(text) - 3


def papers_of_row(cells: list[Cell], at: int) -> list[list[Cell]]:
    """The row, or one row a paper when its title cell links several titles, one a line
    (``[Ground Truth for Owl Metrics](acl)<br>[Owl Metrics Without Tuning](arxiv)``): the
    other cells (a year, a code link) are shared."""
    if at >= len(cells):
        return [cells]
    lines = [line for line in cells[at].lines if line.text.strip()]
    titled = [
        line
        for line in lines
        if len(line.links) == 1
        and line.text.strip() == line.links[0].text.strip()
        and len(line.links[0].text.split()) >= _LINKED_TITLE_WORDS
    ]
    readings = [(line, m) for line in lines if (m := _READING.match(line.text))]
    if len(readings) >= 2:
        # "**Registration** notes<br>"Title" [Lee & Moss 1991]<br>"Title" [Chen 1992]": a
        # syllabus's topic and its readings, a paper each, the topic none
        return [
            [*cells[:at], Cell(_reading_lines(line, m)), *cells[at + 1 :]] for line, m in readings
        ]
    if bylined := _titles_with_bylines(lines):
        # "[**Title A**](pdf)<br>Ann Lee (Owl U)<br>[**Title B**](pdf)<br>Bo Chen": a paper
        # and its authors' line, then the next
        return [[*cells[:at], Cell(group), *cells[at + 1 :]] for group in bylined]
    if len(lines) < 2 or titled != lines or len({ln.links[0].href for ln in lines}) < len(lines):
        return [cells]
    return [[*cells[:at], Cell([line]), *cells[at + 1 :]] for line in lines]


def _whole_title(line: Line) -> bool:
    """The line is one title, linked or set in bold (``[**Title**](pdf)``, ``**Title**``)."""
    text = line.text.strip(" *_")
    marked = [link.text for link in line.links] + line.strong
    return len(text.split()) >= _LINKED_TITLE_WORDS and any(m.strip(" *_") == text for m in marked)


_JOINED = re.compile(r",|\s(?:and|&)\s")  # "Ann Lee, Bo Chen", "Ann Lee and Bo Chen"


def _titles_with_bylines(lines: list[Line]) -> list[list[Line]]:
    """Groups of a title line and the authors' line under it, when a cell is nothing but
    such pairs, two at least; [] otherwise."""
    heads = [i for i, line in enumerate(lines) if _whole_title(line)]
    if len(heads) < 2 or heads[0] != 0:
        return []
    bounds = [*heads, len(lines)]
    groups = [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    # (the line under a title names people, with their places: "Ann Lee (Owl U), Bo Chen")
    if any(
        len(g) > 2 or len(g) == 2 and (g[1].links or not _JOINED.search(g[1].text)) for g in groups
    ):
        return []
    return groups


# '"Object modelling by registration" [Chen & Medioni 1991]': a quoted reading, who and when
_READING = re.compile(
    r'^\s*["“](?P<title>[^"”]{8,})["”]\s*[\[(](?P<names>[^\]()]*?)\s*(?P<year>(?:19|20)\d{2})[\])]'
)


def _reading_lines(line: Line, found: re.Match) -> list[Line]:
    """A reading's title and its names as the two lines of a title cell (its links kept)."""
    title = Line(parts=[(found["title"].strip(), None)], links=line.links, number=line.number)
    names = f"{found['names'].strip(' ,')}, {found['year']}"
    return [title, Line(parts=[(names, None)], number=line.number)]
