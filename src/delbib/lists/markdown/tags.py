"""Lines that label an item or lead around the list, never its title: tags, labelled links,
navigation bars.

Lists open an item with its labels set apart: ``` `【2025-06】-【PAL】-【Univ. of X】-【Type:
Model】` ``` (date, nickname, organisation, kind) in a code span, or ``[2025-06] [PAL]
[Univ. of X]`` in brackets, and give the title on a line of its own (``**Title**``). A
reader takes that line for the title and the tags for the item's date and names. Code
spans closing a title (``Title `Dual-Arm```) are its tags too.
"""

from __future__ import annotations

import re

from . import dates, fields
from .inline import Line, strip_emoji

_SEPARATORS = re.compile(r"[\s\-–—|·/,:]*")
_BRACKET_TAGS = re.compile(r"(?:[\s\-–—|·/]*[【\[][^【】\[\]]{1,80}[】\]]){2,}[\s\-–—|·/]*")


def is_tag_line(line: Line) -> bool:
    """The line holds nothing but code spans, or two or more bracketed tags and no link."""
    text = line.text
    if line.code and not line.links:
        rest = text
        for span in line.code:
            rest = rest.replace(span, " ", 1)
        if _SEPARATORS.fullmatch(rest):
            return True
    return not line.links and bool(_BRACKET_TAGS.fullmatch(text))


_LABEL = re.compile(r"[\s\-–—|·/,:;]*[^\W\d_][\w .'/&()-]{0,30}:[\s\-–—|·/,:;]*")


def is_labelled_links(line: Line) -> bool:
    """``Resources: [Paper](url), [Slides](url), [Cite](#citation)``: a label, then links
    and nothing else; the words of the links say what they lead to, no title."""
    rest = "".join(text for text, href in line.parts if href is None)
    return bool(line.links) and bool(_LABEL.fullmatch(rest))


_NAV_SEPARATORS = re.compile(r"[\s|·•/,–—-]*")


def leads_around(line: Line, *, under_title: bool) -> bool:
    """A navigation bar (:func:`is_navigation`); under an item's title, a bar reaching an
    identified paper (``[Nat Commun (2025)](doi) | [code](url) | [Zenodo](doi)``) is the
    item's own links, however short their words."""
    from delbib.identifiers import extract

    if not is_navigation(line):
        return False
    return not (under_title and any(extract(link.href) for link in line.links))


def is_links_line(line: Line) -> bool:
    """``[J. Chem. Phys. (2025)](doi) | [code](url)``: links and separators, nothing else. On
    a line of its own under an item's title, its links are the item's own, whatever their
    words (a venue, a citation), not another work named in a sentence."""
    return bool(line.links) and bool(_NAV_SEPARATORS.fullmatch(_between_links(line)))


def _between_links(line: Line) -> str:
    """The line's words outside its links, emoji left out."""
    return strip_emoji("".join(text for text, href in line.parts if href is None))


def is_navigation(line: Line) -> bool:
    """``[Survey](url) | [Paper List](#list) | [Notes](url)``, ``[Web (236)](url) · ...``: a
    bar of short links that leads around the list, not an item."""
    if not line.links or any(len(link.text.split()) > 4 for link in line.links):
        return False
    if sum(fields.is_resource_text(link.text) for link in line.links) * 2 > len(line.links):
        return False  # "[PDF](url), [Video](url), [Project page](url)": the item's own links
    rest = _between_links(line)
    if not _NAV_SEPARATORS.fullmatch(rest):
        return False
    # a bar written one link a line: "[Survey Paper](url) |"
    return len(line.links) >= 3 or len(line.links) == 1 and bool(re.search(r"[|·•]", rest))


_UNDATED_TAGGED = 4  # words a title keeps before a closing code span without a date
_OPEN_WORDS = frozenset({
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via",
    "with", "using",
})  # fmt: skip


def drop_end_tags(text: str, tags: list[str]) -> str:
    """``_Title_ `NAACL 2019 Workshop```, ``Title `Owlphabet` `2003```: code spans closing a
    title are its tags, not its words, when one of them holds a venue or a year; without one
    (``Owl Grasp: Holding Perches `Dual-Arm```) when a title of four words or more is left
    that does not end in a small word (``Owl Nests Written in `C``` keeps its language)."""
    end, dated = fields._EMPTY_BRACKETS.sub("", text).rstrip(), False  # "[[pdf](url)]" left
    for tag in reversed(tags):
        if not tag or not end.endswith(tag) or len(tag) > 80:
            break
        dated = dated or bool(dates.year_in(tag) or fields.is_venue_only(tag))
        end = end[: -len(tag)].rstrip()
    if not dated and end.split() and end.split()[-1].casefold() in _OPEN_WORDS:
        return text  # "Owl Nests Written in `C`": the phrase goes on into the span
    return end if len(end.split()) >= (2 if dated else _UNDATED_TAGGED) else text
