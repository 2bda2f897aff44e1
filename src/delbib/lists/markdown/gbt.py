"""References as Chinese and Japanese lists write them.

GB/T 7714, China's national reference standard: ``Lee A, Chen B M, et al. Title[C]//
Proceedings of X. ACM, 2009: 532-539.``, ``Title[J]. Journal, 2017, 33(1): 1-9``: surnames
with initials and no stops, the document type (``[J]`` journal, ``[C]`` proceedings, ``[M]``
book, ...) closing the title, ``//`` opening the book or proceedings it is in. Names in scripts
written without spaces (``张三, 李四``, ``林崎 由, 能勢 隆``) lead references of other styles too.
"""

from __future__ import annotations

import re

from . import reftail
from .fieldtitle import CJK_CHARS

_GBT_TYPE = re.compile(r"\[(?:[JCMDRPSNAGZ]|EB|DB|CP)(?:/OL)?\](?://|\.)?\s*")
_GBT_NAME = re.compile(
    r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z]{1,3}(?:\s+[A-Z]{1,2})*"  # "Pujol J M", "Van den Oord A"
    r"|(?:[A-Z][\w'’-]+\s+)*(?:van|von|de|den|der|da|di|le|la)\s+[\w'’ -]+\s+[A-Z]{1,3}"
    rf"|[{CJK_CHARS}·]{{2,5}}"  # "张三"
    r"|et\s+al|等"
)


def _names(text: str) -> bool:
    names = [part.strip() for part in re.split(r"[,，]", text)]
    return bool(names) and all(_GBT_NAME.fullmatch(name) for name in names)


def read(text: str) -> tuple[str, str, str | None, int | None] | None:
    """The title, names, venue and year of a GB/T 7714 reference: the names up to the first
    stop, the title up to its ``[J]``, then where and when; None for any other text."""
    marker = _GBT_TYPE.search(text)
    if marker is None:
        return None
    head, rest = text[: marker.start()].lstrip(" *_`-"), text[marker.end() :]  # "`*` Lee A."
    for stop in re.finditer(r"\.\s+", head):
        if _names(head[: stop.start()]):
            title, authors = head[stop.end() :], head[: stop.start()]
            break
    else:
        return None
    years = reftail.years(rest)
    venue = re.split(r"[.,]\s|\.$|[:(]", rest, maxsplit=1)[0].strip(" .,;:") if rest else ""
    venue = venue if re.search(r"[^\W\d_]{2}", venue) else ""
    return title.strip(), authors, venue or None, years[0] if years else None


_CJK_NAME = re.compile(rf"\*?[{CJK_CHARS}·]{{1,4}}(?:\s[{CJK_CHARS}·]{{1,4}})?")


def cjk_names(text: str) -> bool:
    """``林崎 由, 能勢 隆，伊藤 彰則``: names in a script written without spaces, a surname and
    given name of a few characters each, apart by commas."""
    parts = [part.strip() for part in re.split(r"[,，、]", text)]
    return len(parts) >= 2 and all(_CJK_NAME.fullmatch(part) for part in parts)
