"""Whether words of a reference are people's names, as reference lists write them: ``Ann
Lee``, ``Lee, A.``, ``A. Lee and B. Chen``, ``E. Chu, et al.``, names in a script without
spaces; a title's words (``Fast Owl Nets`` beside a venue) are none."""

from __future__ import annotations

import re

from . import fields, gbt, lexicon

# "Ann Lee", "B. Steensgaard", "Bo van Dam": one author alone before the title's sentence
ONE_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*\.?\s+){1,2}(?:(?:van|von|de|da|der|den|le)\s+){0,2}[A-Z][\w'’-]+"
)
INITIALLED = re.compile(r"(?:[A-Z]\.\s*){1,3}[A-Z][\w'’-]+|[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*){1,3}")


def initialled_name(text: str) -> bool:
    """``H. Zheng``, ``Lee, A.``: one name with its initials, never a title's words."""
    return bool(INITIALLED.fullmatch(text.strip(" ,")))


def names(text: str, *, alone: bool = True) -> bool:
    """A line of names, or one author's name alone (``Ann Lee``, or with ``alone`` false
    only one with initials: ``A. Lee``, ``Lee, A.``, as ``Fast Owl Nets`` is no name)."""
    text = re.sub(r"\bet\.\s*al\b", "et al", text.strip(" ,"))
    one = ONE_NAME if alone else INITIALLED
    return (
        fields.names_line(text.rstrip("."))
        or bool(one.fullmatch(text.rstrip(". ")))
        or gbt.cjk_names(text.rstrip(". "))
    )


_AND_LEAD = re.compile(r"^(?:and|&)\s+")
_NAMES_JOINED = re.compile(r"\s+and\s+|\s*&\s*")
_INITIAL_WORD = re.compile(r"(?<![\w'’-])[A-Z]\.?(?=\s|$)")  # "J", "R." in "R. J. Moss"


def initials_only(parts: list[str]) -> bool:
    """The first part's names each carry an initial (``J Lee``, ``N Chen and A Park``), the
    second's none (``Non-Cooperative Owls``, unlike ``Andrew Rabinovich``'s neighbours)."""
    names = _NAMES_JOINED.split(_AND_LEAD.sub("", parts[0]))
    return all(map(_INITIAL_WORD.search, names)) and not _INITIAL_WORD.search(parts[1])


def count(part: str) -> int:
    """How many names a part of a comma list of names holds (``C. Lee and L. Moss``: two)."""
    return len(_NAMES_JOINED.split(_AND_LEAD.sub("", part)))


def one_by_one(part: str) -> bool:
    """``Ann Lee``, ``and Bo Chen``, ``C. M. Lee and L. J. Chen``, ``et al.``: one part of a
    comma list of names, each a name alone."""
    names = _NAMES_JOINED.split(_AND_LEAD.sub("", part))
    return all(ONE_NAME.fullmatch(name.rstrip(".")) or name == "et al." for name in names)


# words of a venue's name, never of people's ("Proc. ACM Manag.", "J. Mol. Biol.")
_VENUE_WORD = re.compile(
    r"\b(?:Proc|Trans|Conf|Int|J|Rev|Lett|Symp|Workshop|Journal|Proceedings|ACM|IEEE)\b"
)
# a word of a title's, not of names ("A Survey Focused on Social Media (da Silva et al."): a
# lower-case word other than a name's particle, or a bracket
_TITLE_WORD = re.compile(r"[()]|\b(?!(?:and|et|al|van|von|de|der|den|da|la|le|du)\b)[a-z]{2,}\b")


def byline(sentence: str) -> tuple[str, int | None] | None:
    """The names (and the year before them) of a sentence that is only names: ``Ann Lee and
    Bo Chen.``, ``E. Chu, et al.``, ``(2001) Ann Lee, Bo Chen.``; None for any other."""
    head, year = sentence.rstrip("."), None
    if dated := re.match(r"\(((?:19|20)\d{2})[a-z]?\)\s+", head):  # "*Title.* (2001) Names."
        head, year = head[dated.end() :], int(dated[1])
    if not head[:1].isupper() or _TITLE_WORD.search(head) or _VENUE_WORD.search(head):
        return None  # "Title. Proc. ACM Manag. Data 2, 3": a venue, however name-like
    led = re.fullmatch(r"(?P<names>.+?),?\s+et\.?\s*al", head)  # "E. Chu, et al."
    led = led if led and len(led["names"].split()) <= 4 else None
    if names(head) or led and (names(led["names"]) or ONE_NAME.fullmatch(led["names"])):
        return head, year
    return None


# "Avrim Blum and Tom Mitchell: Title", "Michael Collins: Title": who wrote it, then a colon
# (a stop only after an initial or "al": "Fernando C.N. Pereira", "Ann Lee et al.")
_NAMES_COLON = re.compile(
    r"^(?P<names>[A-Z](?:[^:：\"“”.]|(?<![a-z]{3})\.){1,100}?)\s*:\s+(?=\S+\s+\S+\s)"
)
_PERSON = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+")  # "Andrew Y. Ng", "C.N. Lee"
_LISTED_MIN = 3  # titles led by a list of names before a list is read as writing them so
_LISTED_SHARE = 0.1  # ... and that share of its titles


def drop_lead_names(titles: list[str], authors: list[str | None]) -> list[str]:
    """The titles without the names a list writes before each and a colon, as DBLP cites
    (``Avrim Blum and Tom Mitchell: Combining Labeled and Unlabeled Data``), when the reader
    found no names of them elsewhere: when several titles open with a list of names (joined
    by a comma, ``and``, ``et al.``), the list writes its items so, and one name alone leads
    there too (``Michael Collins: Title``); elsewhere a title's own ``Bad Actor, Good
    Advisor: ...`` or ``Deep Learning: A Review`` keeps its words."""
    found = [
        None if named else _NAMES_COLON.match(title)
        for title, named in zip(titles, authors, strict=True)
    ]
    persons = [bool(m) and _persons(m["names"]) for m in found]
    if sum(persons) < max(_LISTED_MIN, _LISTED_SHARE * len(titles)):
        return titles
    return [
        title[m.end() :] if m and (person or names(m["names"])) else title
        for title, m, person in zip(titles, found, persons, strict=True)
    ]


def _persons(text: str) -> bool:
    """``Avrim Blum and Tom Mitchell``, ``Ann Lee, Bo Chen, and C.N. Pereira``, ``Ann Lee et
    al.``: two names or more, each of a given name and a surname (``Robots and Jobs``, ``The
    Race Between Man and Machine`` are a title's words)."""
    etal = re.search(r"\s+et al\.?$", text)
    text = text[: etal.start()] if etal else text
    pieces = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text) if p]
    whole = all(_PERSON.fullmatch(p) for p in pieces)
    small = any(w.casefold() in lexicon.TITLE_SMALL for p in pieces for w in p.split())
    return whole and not small and (len(pieces) >= 2 or bool(etal))
