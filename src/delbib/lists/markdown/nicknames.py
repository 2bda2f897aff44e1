"""Nicknames and notes set about a title in parentheses: ``Title (NICK)``, ``(NICK) Title``,
``Title (AlphaGo Zero)``, ``Title (VizDoom 2016 Full DM Winner)``, ``Title (ACKTR, A2C)``,
``Title (Best Paper Award!)``.

Lists name a paper by its model or method and put that name, or an award, before or after the
title. A reader leaves it out; a parenthesis that belongs to the title stays: one that spells the
words before it (``Automated Planning and Scheduling (APS)``), one in plain words
(``(some of the time)``, ``(Extended Abstract)``), one of digits (``(2014)``).
"""

from __future__ import annotations

import re

from . import lexicon, refnames
from .lexicon import coined

_NICKNAME = re.compile(r"\s*\(([A-Za-z][\w-]{0,15})\)\s*$")
# "(AlphaGo Zero)", "(ACKTR, A2C)", "(VizDoom 2016 Limited DM 2nd place)": a few words led
# by a capital, one of them a made-up name (AlphaGo, A2C); capitals alone ("(CMU Spring
# Course)", "(Text with EEA relevance)") may be the title's own words
# (a full stop after it too: the title is stored without it, and must read back the same)
_NAMED_NOTE = re.compile(r"\s*\(([A-Z][\w-]*(?:,?\s+[\w-]+){1,5})\)\s*\.?\s*$")
# "(Awarded Best Paper!)", "[Oral]", "(ICLR 2023 Spotlight)": how the paper was received
_AWARD = re.compile(
    r"\s*[(\[](?:[^()\[\]]*\b(?:best\s+(?:[\w-]+\s+){0,2}papers?|awards?|awarded"
    r"|distinguished\s+paper|honou?rable\s+mention|test[\s-]of[\s-]time)\b[^()\[\]]*"
    r"|(?:[A-Z][\w-]*\s*['’]?\d{0,4}\s+)?(?:oral|spotlight)(?:\s+(?:paper|presentation))?)"
    r"[)\]]\s*\.?\s*$",
    re.I,
)
# "(BlueBERT) Transfer Learning in ...": a coined name leading the title it names
_LEADING = re.compile(r"^\s*\(([A-Za-z][\w.-]{0,20})\)\s+(?=\S)")
_ACRONYM_IN = re.compile(r"\([A-Z][A-Za-z]*[A-Z]s?\)[,;]")  # "... memory (LSTM), ..."
_CAMEL_OR_NUMBERED = re.compile(r"\b[A-Za-z]\w*?(?:[a-z][A-Z]|\d)")
# "ELMo — Deep Contextualized Word Representations": a model's name, an em dash, the title
_DASHED = re.compile(r"^\s*(?P<name>[A-Za-z][\w.+/-]*(?:\s+[\w.+/-]+){0,2})\s+—\s+(?=[A-Z])")
# "RFDH：Title", "LCMH:Title", "RaHH: Title": a coined name and a colon leading the title
_NAME_COLON = re.compile(r"^\s*([A-Za-z][\w.+-]{0,19})\s*([:：])(\s*)(?=\S)")
_GLUED_MIN = 5  # a list labels its items when this many names are glued to their titles
_GLUED_SHARE = 0.25  # ... and that is this share of its name-led titles (typos are rarer)


def drop(title: str) -> str:
    """The title without a nickname or a named note in parentheses at its end, an award
    after it or a nickname before it."""
    award = _AWARD.search(title)
    if award and len(title[: award.start()].split()) >= 2:
        title = title[: award.start()]  # "Title (Awarded Best Paper!)."
    lead = _LEADING.match(title)
    if lead and coined(lead[1]) and len(title[lead.end() :].split()) >= 3:
        title = title[lead.end() :]  # "(BlueBERT) Transfer Learning in ..."
    nick = _NICKNAME.search(title)
    if (
        nick
        and len(title[: nick.start()].split()) >= 2
        and coined(nick[1])
        and not _expands(title, nick)
        # "a comparison of LSTM networks (LSTMs), ... and NARX networks (NARX)": one of the
        # title's own acronyms, as the ones before it
        and not _ACRONYM_IN.search(title[: nick.start()])
    ):
        return title[: nick.start()]  # "**Title (NICK)**"
    note = _NAMED_NOTE.search(title)
    if note and len(title[: note.start()].split()) >= 3 and _CAMEL_OR_NUMBERED.search(note[1]):
        return title[: note.start()]
    return title


def name_only(title: str) -> bool:
    """``ToMi``, ``Hi-ToM``, ``SymmToM``: a row's "title" that is only a coined name (one to
    three capitalised words, one coined), as a table naming each paper by its benchmark
    writes it; ``Microsoft`` or ``Language Model Inversion`` are words, not a paper's name."""
    words = title.split()
    return (
        0 < len(words) <= 3
        and "," not in title  # "Acme Labs, INRIA": who made it
        and all(w[0].isupper() or w[0].isdigit() or w == "&" for w in words)
        and any(coined(w) for w in words)
    )


def _plural_term(title: str, nick: re.Match) -> bool:
    """``Physics-informed Neural Networks (PINNs)``: a plural acronym spelling the words before
    it, a hyphened word a letter a part, is a kind of thing the title speaks of, never one
    paper's nickname (``Opponent-Learning Awareness (LOLA)`` is one)."""
    if not re.fullmatch(r"[A-Z]{2,}s", nick[1]):
        return False
    words = title[: nick.start()].split()
    parts = [p for w in words for p in w.split("-") if p[:1].isalpha()]
    spelled = [p[0].upper() for p in parts if p.casefold() not in lexicon.TITLE_SMALL]
    return spelled[-len(nick[1]) + 1 :] == list(nick[1][:-1])


def _expands(title: str, nick: re.Match) -> bool:
    """``Automated Planning and Scheduling (APS)``, ``Naturalized Execution Tuning (NExT)``:
    the parenthesis spells the words before it (small words aside), so it belongs to the
    title, and so does a plural term's (:func:`_plural_term`)."""
    if _plural_term(title, nick):
        return True
    capitals = [c for c in nick[1] if c.isupper()]
    words = [w for w in title[: nick.start()].split() if w[0].isalpha()]
    before = [w[0].upper() for w in words if w.casefold() not in lexicon.TITLE_SMALL]
    return len(capitals) >= 2 and before[-len(capitals) :] == capitals or nick[1].islower()


def listed(titles: list[str], authors: list[str | None]) -> list[str]:
    """The titles of a list's papers without the names it labels each with, before or after
    the title (a model's, or its authors': :func:`refnames.drop_lead_names`)."""
    titles = drop_trailing_names(drop_labels(drop_dashed_names(titles)))
    return refnames.drop_lead_names(titles, authors)


def drop_labels(titles: list[str]) -> list[str]:
    """The titles without the names a list labels its items with (``LCMH:Linear Cross-Modal
    Hashing``, ``RFDH：Robust ...``). A title's own ``Name: Title`` puts a space after the
    colon; a name glued to the title (or a fullwidth colon) is the list's label. A list that
    labels many items so labels them all, spaced or not: ``RaHH: Comparing Apples to Oranges:
    A Scalable ...`` there is the label ``RaHH`` and the title after it."""
    led = [_NAME_COLON.match(title) for title in titles]
    named = [m for m in led if m and coined(m[1])]
    glued = sum(1 for m in named if m[2] == "：" or not m[3])
    if glued < _GLUED_MIN or glued < _GLUED_SHARE * len(named):
        return titles
    return [
        title[m.end() :] if m and coined(m[1]) and len(title[m.end() :].split()) >= 2 else title
        for title, m in zip(titles, led, strict=True)
    ]


def drop_dashed_names(titles: list[str]) -> list[str]:
    """The titles without the model's name a list writes before each and an em dash
    (``ELMo — Deep Contextualized Word Representations``, ``Chinchilla — Training ...``):
    when many of its titles are so written, the list labels its papers that way; a few
    titles so written are the papers' own (``DSAC — Differentiable RANSAC for ...``)."""
    led = [_DASHED.match(title) for title in titles]
    named = [
        m for m in led if m and (len(m["name"].split()) == 1 or any(map(coined, m["name"].split())))
    ]
    if len(named) < _GLUED_MIN or len(named) < _GLUED_SHARE * len(titles):
        return titles
    return [
        title[m.end() :] if m in named and len(title[m.end() :].split()) >= 3 else title
        for title, m in zip(titles, led, strict=True)
    ]


# "(Crescendo)", "(Xavier Init)", "(Bahdanau Attention)": a name, of a word or a few
_TRAILING_NAME = re.compile(
    r"\s*\(([A-Z][\w.+-]{1,20}(?:\s[A-Z][\w.+-]{1,20}){0,2}|[a-z]+[A-Z][\w.+-]*)\)\s*$"
)


def drop_trailing_names(titles: list[str]) -> list[str]:
    """The titles without the name a list puts after each in brackets (``Title (Crescendo)``,
    ``Title (EnDec)``): when several of its titles still end so after each lost its coined
    nickname (:func:`drop`), a list marks its papers' names that way, ordinary words
    (``Persona``) and acronyms of the title's own words included; one title alone so
    ending keeps its brackets (``Title (Extended)``)."""
    found = [_TRAILING_NAME.search(title) for title in titles]
    # names that do not spell the title's words: "(Persona)", not "(AI4EIC)" after
    # "Artificial Intelligence for the Electron Ion Collider"
    named = [m for title, m in zip(titles, found, strict=True) if m and not _expands(title, m)]
    if len(named) < _GLUED_MIN:
        return titles
    return [
        title[: m.start()] if m and len(title[: m.start()].split()) >= 3 else title
        for title, m in zip(titles, found, strict=True)
    ]
