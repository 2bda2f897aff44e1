"""A glossary: ``* MAF: [Masked Autoregressive Flows](arxiv)``, ``* kNN: [k-Nearest
Neighbours](wiki)``.

A list that spells out the abbreviations it uses links each term to a page explaining it,
now and then to the paper that named the method. Those are definitions, not the list's papers:
a reader knows the block is a glossary when most items are an abbreviation followed by the
few words it stands for.
"""

from __future__ import annotations

import re

from .inline import Line

_TERM = re.compile(r"^\s*([A-Za-z][\w-]{1,11})\s*[:=–—-]\s+(\S.*)$")
_MOST = 2 / 3  # share of items that define a term
_LEAST = 4  # items: a couple of "X: y" lines are no glossary
_WORDS = 5  # an expansion longer than this is a title, not what the letters stand for


def spelled(term: str, words: str) -> bool:
    """``MADE`` and ``Masked Autoencoder for Distribution Estimation``: the term's letters in
    order within its few words, starting with the first word's letter."""
    letters = re.sub(r"[^a-z0-9]", "", term.lower())
    text = words.lower()
    if not letters or not text or len(words.split()) > _WORDS or text[0] != letters[0]:
        return False
    at = 0
    for letter in letters:
        at = text.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True


def _defines(lines: list[Line]) -> bool:
    match = _TERM.match(lines[0].text) if lines else None
    return bool(match) and spelled(match[1], match[2].strip())


def is_glossary(items: list[list[Line]]) -> bool:
    """Most of the block's items define an abbreviation by the words it stands for."""
    defined = sum(_defines(lines) for lines in items)
    return len(items) >= _LEAST and defined >= _MOST * len(items)
