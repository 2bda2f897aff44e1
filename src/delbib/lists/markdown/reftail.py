"""What follows a reference's title: where it appeared, its volume, pages and date.

A comma citation (``Ann Lee, Bo Chen, Title, Journal of Owls, 71(5), pp. 479-482, May 2003``)
writes its title between the names and these parts; told apart from the title's own commas by
their numbers, a known venue, a journal's words (``Journal``, ``Letters``) or a lead ``in``.
"""

from __future__ import annotations

import re

from . import dates, fields, lexicon

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def years(text: str) -> list[int]:
    """The years a reference's tail writes, in order, none in the future (``2019``, not a
    page number ``2051``)."""
    text = ARXIV.sub(" ", text)  # "arXiv:2007.12248 (2020)": an identifier, not a year
    return [int(y) for y in YEAR.findall(text) if int(y) <= dates.last_year()]


# "Title (No. w33949).": a working paper's number after its title
_REPORT_NUMBER = re.compile(r"\s*\((?:No\.|Working [Pp]aper|WP)\s*[\w./-]+\)(?=\.?$)")


def without_number(title: str) -> str:
    """The title without the report or working paper number typed after it."""
    return _REPORT_NUMBER.sub("", title)


MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"

ARXIV = re.compile(r"arXiv\s*:?\s*\d{4}[.:]\d{4,5}(?:v\d+)?", re.I)
# "2015", "arXiv:1503.01234. (ranked 6th)", "arXiv:1502.01234 / ICML 2015": what follows the title
_PART_OF_TAIL = re.compile(rf"(?:(?:19|20)\d{{2}}|{ARXIV.pattern})\b", re.I)


_NAMED_VENUE = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}(?:\s+(?:19|20)\d{2})?")

# what a reference writes after its venue's name: "Volume 71(5)", "Vol 352", "Issue 1",
# "pp. 479--482", "Pages: 577 - 602", "49(5)", "May 2003", "December 25, 1990", "1 pp. 80-93"
_NUMBERS = re.compile(
    rf"(?i)(?:vol(?:ume)?\.?|issue|no\.|pages?:?|pp?\.)\s*\d[\d()\s.:–-]*(?:(?:pages?:?|pp?\.)[\d\s–-]+)?"
    rf"|\d+:\d+[–-]+\d+|\d+\s*(?:\(\d+(?:[–-]\d+)?\))?(?:\s*(?:pages?:?|pp?\.)\s*\d[\d\s–-]*)?(?:\s*\((?:19|20)\d{{2}}\))?"
    rf"|(?:{MONTH}\s+)?(?:\d{{1,2}}\s+)?(?:19|20)\d{{2}}|{MONTH}(?:\s+\d{{1,2}})?"
)
# "Annals of Mathematics'51", "Journal of Political Economy": a venue's name with its small words
_WORDED_VENUE = re.compile(
    r"(?:[Ii]n\s+)?(?:[Tt]he\s+)?(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of|the|on|for|and|in|&|[A-Z][\w&.'’-]*)){0,7}"
    r"(?:\s*['’]\d{2}|\s+(?:[Vv]ol(?:ume)?\.?\s*)?\d+(?:\s*\(\d+(?:[–-]\d+)?\))?)?"
    r"(?:\s+\([^()]{2,20}\))?"
)


_PAGED = re.compile(r"(?i)\bpp?\.|\bpages?\b|\bvol(?:ume)?\b|\d\s*\(\d+\)|\d:\d")  # a journal's


def numbers(part: str) -> bool:
    """``Vol. 73``, ``No. 2``, ``pp. 1-9``, ``May 2003``: a reference's numbers, no name."""
    return bool(_NUMBERS.fullmatch(part.strip(" .")))


def journal(text: str) -> bool:
    """``Journal of Mathematical Economics``, ``in Games and Economic Behavior``: a venue's
    name, known by its words, not a title's."""
    return bool(_WORDED_VENUE.fullmatch(text.rstrip("."))) and (
        text.startswith("in ")
        or bool(re.match(r"J\.\s", text))
        or not fields.JOURNAL_WORDS.isdisjoint(text.casefold().split())
    )


def _venue_part(named: str, after: list[str]) -> bool:
    """A part naming where a paper appeared, told from a title's by what leads it (``in
    WWW'05: Proceedings``), its words (``Journal``, ``Letters``) or a year or the pages
    that follow it (``Games and Economic Behavior, 1 pp. 80-93``)."""
    if re.match(r"in\s+[A-Z]", named):
        return True
    worded = _WORDED_VENUE.fullmatch(named.rstrip("."))
    if worded and (re.search(r"['’]\d{2}$", named) or any(map(_PAGED.search, after))):
        return True
    return journal(named) and any(map(YEAR.search, [named, *after]))


def tail(parts: list[str], lead: int) -> int:
    """Where the venue, year and arXiv number after a comma citation's title begin: the
    parts that are only a venue, a year, volume, pages or a date, and before them a
    capitalised name (``Annals of Mathematics'51``, ``in Games and Economic Behavior``)."""
    end = len(parts)
    while end > lead and (
        lexicon.is_venue_only(parts[end - 1])
        or _PART_OF_TAIL.match(parts[end - 1])
        or _NUMBERS.fullmatch(parts[end - 1].strip(" ."))
        or _LAW_REVIEW.fullmatch(parts[end - 1].strip(" ."))
    ):
        end -= 1
    dated = end < len(parts) and YEAR.fullmatch(parts[end])
    named = parts[end - 1] if end > lead else ""
    if _NAMED_VENUE.fullmatch(named) and (dated or YEAR.search(named)):
        return end - 1  # "NOCTIS, 2015", "Owl Letters 2015": capitalised words before the year
    if end - 1 > lead and _venue_part(named, parts[end:]):
        return end - 1  # "Journal of Political Economy, 1950", "in Games and Economic Behavior"
    return end


# "(2012)", "(Jan. 22 2020)", "(May 26, 2018)", "(Summer 2006)": a byline's closing date
CLOSING_DATE = re.compile(
    rf"\s*\((?:(?:{MONTH}|Spring|Summer|Fall|Autumn|Winter)\s+(?:\d{{1,2}},?\s+)?)?"
    r"((?:19|20)\d{2})\)\s*\.?\s*$"
)
# "52 Santa Clara L. Rev. 1321": a journal's volume before its name, its first page after
VOLUME_AROUND = re.compile(r"^\d+\s+(?P<name>\D+?)\s+\d+$")
_LAW_REVIEW = re.compile(rf"\d+\s+[A-Z]\D+?\s+\d+{CLOSING_DATE.pattern}")


# "Lee", "Lee et al.", "Lee and Chen": the names an author-date citation gives
_CITED_NAMES = re.compile(r"[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?")
_BRACKETED_PLACE = re.compile(r"\s*\(([^()]{3,80}?),\s*((?:19|20)\d{2})\)\s*\.?\s*$")


def journal_in_brackets(title: str) -> tuple[str, str, int] | None:
    """``Title (Chemistry of Materials, 2019)``, ``Title (Physical Review Letters, 2018)``:
    a journal the lexicon may not know and its year, in brackets after the title; names
    and a year (``Title (Lee and Chen, 2019)``) cite who wrote it instead."""
    found = _BRACKETED_PLACE.search(title)
    if found is None or found.start() < 8:
        return None
    place = found[1].strip()
    known = lexicon.venue_in(place)[0] or journal(place)
    if not known and (_CITED_NAMES.fullmatch(place) or not re.match(r"[A-Za-z]", place)):
        return None
    return title[: found.start()].strip(" ,;:-–—|"), place, int(found[2])


_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,5}")  # "Proc", "Int", "Conf", "Anal", "Intell"
# where a venue's name ends: pages, volume, issue, a date, a place, a stop
_VENUE_END = re.compile(
    rf"\s*(?:[,;]|\s\(|\.(?=\s)|\.$|\s['’]\d{{2}}\b|\s(?:[Vv]ol(?:ume)?\.?\s*)?\d+\s*\(|\s[Vv]ol(?:ume)?\.?\s*\d"
    rf"|\s(?:{MONTH}\s+)?(?:19|20)\d{{2}}(?=\s*(?:[.,;()]|$)|-\d)"
    r"|\s\d+(?=\s*[,:]\s*[A-Za-z]?\d))"  # "Science 181, 223–230", "Owls 12:1-9": a volume
)
_IN = re.compile(r"^(?:[Ii]n\s*:\s*|[Ii]n\s+|In(?=Proc|\d))")  # "In Proc.", "In: Venue", "In13th"


def venue_name(rest: str) -> str | None:
    """``In Proceedings of X (pp. 1-9).``, ``, Journal of Y, 23(1), pp. 1-9, 1976.``: the
    venue's name is the rest's first part, up to its pages, volume, date or stop."""
    # "May 25, 1990, New York Times": the day before the venue
    rest = re.sub(rf"^(?:{MONTH}\s+\d{{1,2}},\s+)", "", rest.lstrip(' "“”,.;:'))
    if rest.startswith("("):
        return None  # "(827 citations: Google Scholar June 2019)": a note, no venue
    venue = rest = _IN.sub("", rest)
    for end in _VENUE_END.finditer(rest):
        words = rest[: end.start()].split()
        if end[0].lstrip().startswith(".") and words and _ABBREVIATED.fullmatch(words[-1]):
            continue  # "Proc. Int. Conf. X", "IEEE Trans. Owls": abbreviated words
        venue = rest[: end.start()]
        break
    venue = venue.strip(" .,;:")
    return venue if re.search(r"[^\W\d_]{2}", venue) and len(venue) <= 200 else None


# What follows a journal's or a book's name in a reference: volume, issue and pages
# (", 49(2), 375-395", "(pp. 102-108)", ", 15.")
_VOLUME_PAGES = re.compile(
    r"\s*[,.]?\s*(?:\d+\s*(?:\(\d+\))?(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?"
    r"|\(?pp?\.\s*\d+\s*[-–]\s*\d+\)?)\s*\.?\s*"
)
# "Title. Journal", "Title. In Proceedings of ...": the venue's sentence after the title's
_VENUE_SENTENCE = re.compile(r"^(?P<title>.+?\S{2})\.\s+(?:In\s+)?(?P<venue>[A-Z][^.]{8,})$")


def venue_in_link(title: str, raw: str, full: str, how: str) -> tuple[str, str | None]:
    """A linked title whose link took in the venue after it (APA ``[Title. Journal](url),
    49(2), 375-395``, ``[Title. In Proceedings of X](url) (pp. 1-9)``): the title and that
    venue. The venue's sentence is known by its ``In`` or by the volume and pages after the
    link; otherwise the second sentence is the title's own. (title, None) when not so, or
    when the title is not a link's words (``how``)."""
    found = _VENUE_SENTENCE.match(title) if how == "link" else None
    if not found or len(found["title"].split()) < 3 or raw not in full:
        return title, None
    after = full[full.find(raw) + len(raw) :]
    led = title[found.end("title") :].lstrip(". ").startswith("In ")  # "In Proceedings of"
    if not (led or after.strip() and _VOLUME_PAGES.fullmatch(after)):
        return title, None
    return found["title"], found["venue"].strip()
