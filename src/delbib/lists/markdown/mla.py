"""References in two more styles: MLA's (``Dolmage, Jay T. Title. University Press, 2017.``,
``Wong, Alice, ed. Title. Vintage, 2020.``) and a title followed by names written as BibTeX
writes them (``Title, Barocas, Solon and Crawford, Kate, 2017``).

Each gives the title, the names, where it appeared and the year, or None when the text is not
so written; citation.py finishes them as it does its other styles.
"""

from __future__ import annotations

import re

_SURNAME = r"[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?"
_GIVEN = r"(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s[A-Z]\.)*"  # "Jay T.", "Ann", "J. T."
# "Dolmage, Jay T.", "Wong, Alice, ed.", "Lee, Ann, and Bo Chen.", "Lee, Ann, et al."
_MLA = re.compile(
    rf"^(?P<names>{_SURNAME}, {_GIVEN}(?:,? and {_GIVEN} {_SURNAME}|,? et al\.?)?)"
    r"(?:(?<=\.)|,\s*eds?\.|\.)\s+(?P<rest>\S.*)$"  # a stop ends the names
)
_YEAR_END = re.compile(r",\s*((?:19|20)\d{2})\s*\.?\s*$")
_PUBLISHER_WORDS = 8  # "University of Michigan Press": a publisher's name, not a sentence
# "Barocas, Solon and Crawford, Kate and Shapiro, Aaron": BibTeX's "Surname, Given and ..."
_BIBTEX_NAMES = re.compile(
    rf"^(?P<title>.{{8,}}?),\s+(?P<names>{_SURNAME}, {_GIVEN}(?:\s+and\s+{_SURNAME}, {_GIVEN})+"
    r"(?:\s+and\s+others)?),\s+(?P<year>(?:19|20)\d{2})\.?$"
)


def mla(text: str) -> tuple[str, str, str, int] | None:
    """``Surname, Given. Title. Publisher, 2017.``: the names, the title's sentence, then the
    publisher and the year closing the reference."""
    found = _MLA.match(text)
    year = _YEAR_END.search(found["rest"]) if found else None
    if found is None or year is None:
        return None
    title, stop, publisher = found["rest"][: year.start()].rpartition(". ")
    if not stop or len(title.split()) < 2 or len(publisher.split()) > _PUBLISHER_WORDS:
        return None
    return title, found["names"], publisher, int(year[1])


def bibtex_names(text: str) -> tuple[str, str, str, int] | None:
    """``Title, Lee, Ann and Chen, Bo, 2017``: the title, then two names or more as BibTeX
    writes them, then the year."""
    found = _BIBTEX_NAMES.match(text.strip())
    return (found["title"], found["names"], "", int(found["year"])) if found else None
