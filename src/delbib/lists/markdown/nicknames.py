"""Nicknames and notes set after a title in parentheses: ``Title (NICK)``, ``Title (AlphaGo
Zero)``, ``Title (VizDoom 2016 Full DM Winner)``, ``Title (ACKTR, A2C)``.

Lists name a paper by its model or method and put that name, or an award, after the title. A
reader leaves it out; a parenthesis that belongs to the title stays: one that spells the
words before it (``Automated Planning and Scheduling (APS)``), one in plain words
(``(some of the time)``, ``(Extended Abstract)``), one of digits (``(2014)``).
"""

from __future__ import annotations

import re

from . import lexicon

_NICKNAME = re.compile(r"\s*\(([A-Za-z][\w-]{0,15})\)\s*$")
# "(AlphaGo Zero)", "(ACKTR, A2C)", "(VizDoom 2016 Limited DM 2nd place)": a few words led
# by a capital, one of them a made-up name (AlphaGo, A2C); capitals alone ("(CMU Spring
# Course)", "(Text with EEA relevance)") may be the title's own words
# (a full stop after it too: the title is stored without it, and must read back the same)
_NAMED_NOTE = re.compile(r"\s*\(([A-Z][\w-]*(?:,?\s+[\w-]+){1,5})\)\s*\.?\s*$")
_CAMEL_OR_NUMBERED = re.compile(r"\b[A-Za-z]\w*?(?:[a-z][A-Z]|\d)")
_SMALL_WORDS = lexicon._SMALL | {"as", "from", "via", "with"}


def drop(title: str) -> str:
    """The title without a nickname or a named note in parentheses at its end."""
    nick = _NICKNAME.search(title)
    if (
        nick
        and len(title[: nick.start()].split()) >= 2
        and coined(nick[1])
        and not _expands(title, nick)
    ):
        return title[: nick.start()]  # "**Title (NICK)**"
    note = _NAMED_NOTE.search(title)
    if note and len(title[: note.start()].split()) >= 3 and _CAMEL_OR_NUMBERED.search(note[1]):
        return title[: note.start()]
    return title


def coined(name: str) -> bool:
    """A coined name (``NIMBUS``, ``LLaVA``, ``GPT-4V``): capitals or digits past its first
    letter. ``(Effectively)`` is a word of the title."""
    return any(ch.isupper() or ch.isdigit() for ch in name[1:])


def _expands(title: str, nick: re.Match) -> bool:
    """``Automated Planning and Scheduling (APS)``, ``Naturalized Execution Tuning (NExT)``:
    the parenthesis spells the words before it (small words aside), so it belongs to the
    title."""
    capitals = [c for c in nick[1] if c.isupper()]
    words = [w for w in title[: nick.start()].split() if w[0].isalpha()]
    before = [w[0].upper() for w in words if w.casefold() not in _SMALL_WORDS]
    return len(capitals) >= 2 and before[-len(capitals) :] == capitals or nick[1].islower()
