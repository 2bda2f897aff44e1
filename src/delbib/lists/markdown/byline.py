"""Who wrote it: the names a citation writes before its marked title.

``Stone, A., *[Title](url)*``, ``Ann Lee and Bo Chen. 1993. **Title**.`` and ``Lee, Ann (1985)
**Title**``: reference styles (ACM, APA, Chicago) lead with the authors and close them with the
year, so the words before a bold, quoted or linked title are the authors when they are names.
"""

from __future__ import annotations

import re

from . import cited, fields

# "(1985)", ". 1993.", "(2020a). “": the year that closes the names, and the quote that opens
# the title after it
_CLOSING_YEAR = re.compile(r"[\s.,]*\(?(?:1[89]|20)\d{2}[a-z]?\)?[\s.,:\"“”'‘]*$")


def leading_names(text: str, title: str) -> str:
    """The names before ``title`` in ``text`` (the year that closes them left out), or ""
    when the words there are not names."""
    lead = text[: text.find(title)].strip(" *_") if title and title in text else ""
    if cited.authors_span(lead) or fields._SURNAME_FIRST.match(lead):
        return lead
    names = _CLOSING_YEAR.sub("", lead)
    return names if names != lead and fields.only_names(names) else ""
