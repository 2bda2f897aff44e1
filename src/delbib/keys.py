"""Citation keys from a pattern, in the spirit of Better BibTeX's key formulas.

A pattern is parts joined by ``+``; each part gives a piece of the key, in lowercase ASCII:

* ``name``: the method's name before a colon in the title ("AlpaGasus: ..." -> "alpagasus"),
  else the first two significant title words; delbib's own rule, the default;
* ``shorttitle`` or ``shorttitle(N)``: the first N (default 3) significant title words;
* ``veryshorttitle``: the first significant title word;
* ``auth``: the first author's family name ("anon" without authors);
* ``year``: the year the citation prints (empty when unknown);
* ``'text'``: the text itself (letters, digits, ``_:.-``).

A key already taken gets more title words (``name`` and ``shorttitle``), then a number; a
pattern without title words gets a letter ("yuan2024a"). Keys
are assigned once, when an entry is created; ``delbib rekey`` renames existing keys to the
pattern on request and keeps the old ones as aliases, so nothing is ever renamed behind a
user's back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from delbib.text import ascii_fold, short_name

DEFAULT = "name + year"
_PART = re.compile(
    r"(?P<fn>name|veryshorttitle|auth|year|shorttitle)(?:\((?P<n>\d+)\))?|'(?P<text>[a-z0-9_:.-]*)'"
)
_TITLE_PARTS = {"name", "shorttitle", "veryshorttitle"}
MAX_WORDS = 40  # characters of title words in one key
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "of",
        "for",
        "in",
        "to",
        "and",
        "with",
        "via",
        "by",
        "from",
        "is",
        "are",
        "as",
        "at",
        "be",
        "can",
        "do",
        "does",
        "its",
        "it",
        "our",
        "we",
        "what",
        "when",
        "how",
        "why",
        "or",
        "not",
        "into",
        "over",
        "under",
        "towards",
        "toward",
        "your",
        "you",
    ]
)


def key_words(title: str) -> list[str]:
    """Significant words of a title for building keys ("Data-efficient" -> "dataefficient")."""
    words = []
    for raw in ascii_fold(title).casefold().split():
        word = re.sub(r"[^a-z0-9]", "", raw)
        if word and word not in STOP_WORDS:
            words.append(word)
    return words or ["paper"]


@dataclass(frozen=True)
class Part:
    kind: str  # name | shorttitle | veryshorttitle | auth | year | text
    value: str = ""  # the text of a literal
    count: int = 0  # words of a shorttitle


def parse(pattern: str) -> list[Part]:
    """The parts of a pattern, or ValueError naming the part that is not one."""
    parts = []
    for raw in pattern.split("+"):
        piece = raw.strip()
        match = _PART.fullmatch(piece)
        if not match:
            raise ValueError(
                f"{piece!r} is not a key part (known: name, shorttitle(N), veryshorttitle, "
                "auth, year, 'text')"
            )
        if match["text"] is not None:
            parts.append(Part("text", match["text"]))
        elif match["n"] is not None and match["fn"] != "shorttitle":
            raise ValueError(f"{piece!r}: only shorttitle takes a number of words")
        else:
            parts.append(Part(match["fn"], count=int(match["n"] or 3)))
    return parts


def first_family(authors: str | None) -> str | None:
    """The first author's family name in a list's author text ("Ada Lovelace, Alan Turing",
    "Lovelace et al."): the last word of the first name."""
    first = re.split(r",|;|\band\b|&|\bet al\b", authors or "", maxsplit=1)[0].split()
    return first[-1] if first else None


def _title_words(part: Part, title: str) -> tuple[list[str], int]:
    """All significant words of the title and how many the part takes at first."""
    words = key_words(title)
    if part.kind == "name":
        name = short_name(title)
        return words, len(key_words(name)) if name else min(2, len(words))
    return words, min(1 if part.kind == "veryshorttitle" else part.count, len(words))


def candidates(
    parts: list[Part], title: str, year: int | None, author: str | None = None
) -> Iterator[str]:
    """Keys the pattern gives, from the shortest: more title words on each step."""
    grow = next((p for p in parts if p.kind in _TITLE_PARTS), None)
    words, first = _title_words(grow, title) if grow else ([], 0)
    family = re.sub(r"[^a-z0-9]", "", ascii_fold(author or "").casefold()) or "anon"
    for n in range(first, max(first, len(words)) + 1):
        pieces = []
        for part in parts:
            if part is grow:
                pieces.append("".join(words[:n])[:MAX_WORDS])
            elif part.kind in _TITLE_PARTS:
                taken, count = _title_words(part, title)
                pieces.append("".join(taken[:count])[:MAX_WORDS])
            elif part.kind == "auth":
                pieces.append(family)
            elif part.kind == "year":
                pieces.append(str(year or ""))
            else:
                pieces.append(part.value)
        yield "".join(pieces) or "paper"


def make(
    pattern: str | list[Part],
    *,
    title: str,
    year: int | None,
    author: str | None = None,
    taken: Iterable[str] = (),
    skip: int = 0,
) -> str:
    """The pattern's key for a paper that no key in ``taken`` names yet; ``skip`` starts
    with that many more title words (a renamed key keeps the words it had)."""
    parts = parse(pattern) if isinstance(pattern, str) else pattern
    taken = taken if isinstance(taken, set | frozenset) else set(taken)
    candidate = "paper"
    for n, candidate in enumerate(candidates(parts, title, year, author)):
        if n >= skip and candidate not in taken:
            return candidate
    if not any(p.kind in _TITLE_PARTS for p in parts):  # "auth + year": yuan2024a, as BBT
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if f"{candidate}{letter}" not in taken:
                return f"{candidate}{letter}"
    n = 2
    while f"{candidate}{n}" in taken:
        n += 1
    return f"{candidate}{n}"
