"""A course page's or a reading list's way of citing: a title over its byline (``<br> Names,
52 Owl L. Rev. 1321 (2012)``), or names then a title in single quotes (``[Ann Lee, 'Owl
Waves'](url)``)."""

from __future__ import annotations

import re

from . import citation, lexicon, refnames, reftail
from .inline import Line

_BYLINE_VENUE = 100  # characters of a venue's name in a byline, at most


def byline_venue(text: str) -> tuple[str, str | None, int | None] | None:
    """``Gary Lee and Ann Moss, 52 Santa Clara L. Rev. 1321 (2012)``, ``Jo Lee, New York
    Times (Jan. 22 2020)``, ``Zach Lee, 2016 ICML Workshop on Owls``, ``Ann Lee, & Bo
    Chen.``: the names, then where and when (or nothing), as a course page's line under a
    reading's title writes them; None when the text is not so."""
    text = text.strip()
    dated = reftail.CLOSING_DATE.search(text)
    body = text[: dated.start()] if dated else text.rstrip(".")
    parts = [p.strip() for p in re.split(r",\s+", body) if p.strip(" ,")]
    named = 0
    while named < len(parts) - bool(dated) and refnames.one_by_one(parts[named]):
        named += 1
    if 1 < named < len(parts) and all(map(reftail.numbers, parts[named:])):
        named -= 1  # "Cass Lee, Owl Research, Vol. 73, No. 2 (Summer 2006)": the journal
    signed = len(parts) > 1 or text.endswith(".")  # "Colin Lee.", "Ann Lee, & Bo Chen."
    if not named or named == len(parts) and not signed:
        return None
    venue = ", ".join(p for p in parts[named:] if not reftail.numbers(p)).strip(" .,") or None
    around = reftail.VOLUME_AROUND.match(venue or "")
    venue = around["name"].strip() if around else venue
    year = int(dated[1]) if dated else None
    if venue is not None and year is None and (in_venue := citation.YEAR.search(venue)):
        year = int(in_venue[0])  # "2016 ICML Workshop on Owls"
    if venue is not None and (year is None or not re.search(r"[^\W\d_]{2}", venue)):
        return None
    if venue and (len(venue) > _BYLINE_VENUE or re.search(r"https?://|\(\d{4}\)\.", venue)):
        return None  # "Ann Lee. (2023). Title. https://...": a whole citation, no byline
    stop = re.search(r"\.\s+([^.]+)$", venue or "")
    if stop and lexicon.is_venue_only(stop[1]):
        return None  # "Ann Lee, Bo Chen. ICML 2020": the names end at the stop, read elsewhere
    return ", ".join(parts[:named]), venue, year


def titled_byline(lines: list[Line]) -> bool:
    """A paragraph that is one reading: a title without a link, then its byline with
    where and when (``Do Owls Have Politics?`` / ``<br> Jo Lee, 109 Owl Review 121 (1980)``)."""
    placed = len(lines) >= 2 and not lines[0].links and byline_venue(lines[1].text)
    return bool(placed and placed[1])


# "John D. Lee, 'Classical Owl Dynamics'": names, then a title in single quotes, nothing after
_SINGLE_QUOTED = re.compile(
    r"^(?P<names>[^'‘’]+?),?\s+['‘](?P<title>(?:[^'‘’]|(?<=\w)['’](?=\w)){3,})['’]\s*\.?$"
)


def names_quoted(text: str) -> citation.Citation | None:
    """``David Lee, Ann Moss, and Jo Kong 'Owl Waves'``: the names, then the title in
    single quotes (an apostrophe inside a word, ``Owl's``, opens none)."""
    found = _SINGLE_QUOTED.match(text)
    names = re.sub(r",?\s+et\s+al\.?$", "", found["names"]) if found else ""  # "Ann Lee et al."
    if not found or not refnames.names(names):
        return None
    title = found["title"].strip()
    return (
        citation.Citation(title, found["names"].strip(" ,"), None, None)
        if len(title.split()) >= 2
        else None
    )
