"""Link words: the text of a link that names a resource (``[[pdf]]``, ``[Project Page]``,
``[`[official code - caffe]`]``), never a title.

A link text is a link word when every word of it is known here (a kind word, a qualifier,
a venue or a year) and at least one says what the link leads to. "Segment Anything Model"
is a title: "Segment" is not a link word.
"""

from __future__ import annotations

import re

PAPER, CODE, PROJECT, VIDEO = "paper", "code", "project", "video"

# Word -> the kind of resource a link labelled with it leads to.
KIND_WORDS: dict[str, str] = {}
for _kind, _words in (
    (
        PAPER,
        "paper papers pdf arxiv link url openreview acl doi report abs html article preprint "
        "publication proceedings ieee acm springer pubmed biorxiv medrxiv ssrn semantic scholar "
        "researchgate sciencedirect full text",
    ),
    (CODE, "code codes github repo repository gitlab source sourcecode implementation"),
    (VIDEO, "video videos youtube bilibili talk recording presentation pitch"),
    (
        PROJECT,
        "project homepage website page blog demo dataset data model models huggingface hf "
        "slides poster docs doc zhihu twitter tweet colab notebook weights checkpoint "
        "leaderboard benchmark bib bibtex citation supp supplementary suppl site news post "
        "documentation app spec "
        "webpage web medium reddit discord info information "
        "openreview api",
    ),
):
    KIND_WORDS.update(dict.fromkeys(_words.split(), _kind))
KIND_WORDS["openreview"] = PAPER

# Words that qualify a kind word ("official code - caffe", "Matlab Code", "Blog Post").
_QUALIFIER_WORDS = """official unofficial third party 3rd pytorch tensorflow tf caffe caffe2
    mxnet keras jax
    matlab torch theano chainer paddle paddlepaddle cuda c python cpp java julia r js
    additional more extra full main short long author authors author's our the a an of in on
    and or with by for to mat material materials version v1 v2 v3 page pages pitch post
    online live english chinese official's reproduced reproduction reimplementation
    unoffical offical pretrained pre trained camera ready extended"""
QUALIFIERS = frozenset(_QUALIFIER_WORDS.split())
# Project words that lead to software, not to a paper's page: "[[docs]]", "[[app]]", "[[spec]]"
SOFTWARE_WORDS = frozenset({"docs", "doc", "documentation", "app", "spec", "api"})


def is_software_words(text: str) -> bool:
    """``[[docs]]``, ``[App]``: link text that names a tool's documentation or app."""
    found = words(text)
    return bool(found) and any(w in SOFTWARE_WORDS for w in found) and is_link_words(text)


GENERIC = frozenset({"link", "url"})  # says there is a link, not what it leads to

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def is_link_words(text: str, *, is_venue=None) -> bool:
    """True for ``pdf``, ``[[Project Page]]``, ``Matlab Code``, ``NeurIPS 2023``, ``[1]``:
    link text that names a resource, a venue or a number, not a title."""
    found = words(text)
    if not found or not any(ch.isalpha() for w in found for ch in w):
        return True  # no letters: "[1]", "→", "2023"
    if len(found) > 6:
        return False
    strong = False
    for word in found:
        if word in KIND_WORDS:
            strong = True
        elif word.isdigit() or word in QUALIFIERS:
            continue
        elif is_venue is not None and is_venue(word):
            strong = True
        else:
            return False
    return strong


def kind_of_words(text: str) -> str | None:
    """The resource kind a link text names (``[Matlab Code]`` -> code), None if it names none."""
    for word in words(text):
        if word in KIND_WORDS and word not in GENERIC:
            return KIND_WORDS[word]
    return PAPER if any(w in GENERIC for w in words(text)) else None
