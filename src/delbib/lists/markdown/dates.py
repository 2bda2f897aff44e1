"""Dates as lists write them: ``2024``, ``2024-05``, ``23.07``, ``2506`` (YYMM), ``ICML'23``.

A list dates its papers in a column, a tag or the text after the title, in many forms; each
reader of a year goes through here so that every shape reads a date the same way.
"""

from __future__ import annotations

import datetime as _dt
import re

from .lexicon import two_digit_year

_YEAR_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*[-./]\s*(\d{1,2}))?(?![\d])")
_YY_MM = re.compile(r"(?<![\d.])(\d{2})\s*[./-]\s*(0?[1-9]|1[0-2])(?![\d])")
_YYMM = re.compile(r"(?<!\d)(\d{2})(0[1-9]|1[0-2])(?!\d)")
_APOSTROPHE_YEAR = re.compile(r"['’`](\d{2})(?!\d)")


def last_year() -> int:
    """The latest year a list may date a paper (next year: accepted papers are listed early)."""
    return _dt.date.today().year + 1


# Classics are listed with their years (Wald 1945, Shannon 1948); before 1920 a four-digit
# number is read as a YYMM date instead (1912: December 2019), as lists of preprints write them
_FIRST_YEAR = 1920


def _plausible(year: int) -> bool:
    return _FIRST_YEAR <= year <= last_year()


def year_in(text: str, *, yymm: bool = False) -> int | None:
    """The year a date-like text names: ``2024``, ``2024-05``, ``2024.5``, ``23.07``,
    ``2506`` (YYMM, also inside ``Arxiv/2509``), ``ICML'23``; None when there is none.

    ``yymm`` says the column writes four-digit dates as YYMM, so ``2012`` is December 2020.
    """
    text = text or ""
    if yymm:
        match = _YYMM.search(text)
        if match:
            return 2000 + int(match.group(1))
    for match in _YEAR_MONTH.finditer(text):
        if _plausible(int(match.group(1))):
            return int(match.group(1))
    for pattern in (_YYMM, _YY_MM):
        match = pattern.search(text)
        if match and _plausible(2000 + int(match.group(1))):
            return 2000 + int(match.group(1))
    match = _APOSTROPHE_YEAR.search(text)
    if match:
        return two_digit_year(int(match.group(1)))
    return None


def is_yymm_column(values: list[str]) -> bool:
    """Four-digit dates in this column are YYMM when some of them cannot be years (2506)."""
    numbers = [int(m.group(0)) for v in values if (m := re.fullmatch(r"\s*\d{4}\s*", v))]
    return bool(numbers) and any(not _plausible(n) and _YYMM.fullmatch(str(n)) for n in numbers)


_DATE_TAG = re.compile(
    r"(?:(?<![\w.])(?:19|20)\d{2}\s*[./-]\s*\d{1,2}(?![\d])|\[\s*(?:19|20)\d{2}[^\]]*\]"
    r"|(?<![\w.])(?:19|20)\d{2}(?!\w|\.\d))"  # "*Patterns* 2023.": a year ends a sentence
)


def dates_only(text: str) -> str:
    """Only the parts of an item's non-title text that are dates (``2022.4``, ``[2023/09]``)."""
    return " ".join(m.group(0) for m in _DATE_TAG.finditer(text))


_MONTHS = frozenset((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
))  # fmt: skip
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}|['’]\d{2}")
# "InfSc2019", "ICVGIP'22": a short name with its year typed onto it
_NAMED_YEAR = re.compile(r"[A-Za-z][A-Za-z&]{1,11}(?:['’_-]?(?:19|20)\d{2}|['’]\d{2})")
_STAGE_WORDS = frozenset({"arxiv", "preprint", "online", "published", "accepted", "updated"})


def is_day(text: str) -> bool:
    """``Aug 11--13``, ``Sep 29``: a month and days, no year: a schedule's date, no title."""
    tokens = [t.strip(".").casefold() for t in re.findall(r"[^\s,/–-]+", text.strip(" *_"))]
    months = [t for t in tokens if t in _MONTHS]
    return bool(months) and all(t in _MONTHS or _DAY.fullmatch(t) for t in tokens)


def is_date_label(text: str, *, named: bool = True) -> bool:
    """``[7 Jun 2021]``, ``arXiv 26 Sep 2019``, ``InfSc2019``: when a paper appeared (and where,
    by a name glued to the year), written as a link's words; never its title. Not ``named``:
    a date and nothing else (``Sep., 2023``, not ``ICCV2021`` nor ``arXiv 2019``)."""
    tokens = re.findall(r"[^\s,/–-]+", text.strip(" []()*_.,;:"))
    if not 1 <= len(tokens) <= 5:
        return False
    dated = False
    words = _MONTHS | _STAGE_WORDS if named else _MONTHS
    for token in (t.strip(".") for t in tokens):
        if _YEAR_TOKEN.fullmatch(token) or named and _NAMED_YEAR.fullmatch(token):
            dated = True
        elif not (_DAY.fullmatch(token) or token.casefold() in words):
            return False
    return dated
