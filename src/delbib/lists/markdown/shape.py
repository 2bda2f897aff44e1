"""Does a span read as a paper's title: in Title Case, a few words at least, not a site's
or a data set's name, not a sentence of the list's own.

Evidence weighs an item by these (evidence.py); they look at the words alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parts import Parts

DATED_WORDS = 4  # a plain title this long with its year cites a paper
_CITED_WORDS = 4  # a title this long, dated at a venue, names a paper, not a tool
_SITE_WORDS = 2  # "Owl Crawl": a name; a paper's project page is titled by the paper
# Last words that name a resource, not a paper: "Hydrogen Storage Materials Database"
_RESOURCE_NOUNS = frozenset((
    "database", "databases", "dataset", "datasets", "corpus", "platform", "portal", "library",
    "toolkit", "toolbox", "software", "website", "archive", "repository", "hub", "podcast",
))  # fmt: skip


def names_a_site(title: str) -> bool:
    """A name (two words or fewer) or a resource's name, not a paper's title."""
    found = re.findall(r"[^\W_]+", title.casefold())
    return len(found) <= _SITE_WORDS or bool(found) and found[-1] in _RESOURCE_NOUNS


# "(Just) A Spoonful of ...", "(State of) The Art of War: ...", "(Almost) Free ...": words of
# the title in brackets, not a tag before it
_OWN_OPENING = re.compile(
    r"^\s*\((?:[A-Z][\w-]*\s+of|Just|Almost|Nearly|Not|Mostly|Still|Even|Also|Only|Yet)\)"
    r"\s+[A-Z]"
)


def own_opening(title: str) -> bool:
    """The title opens with its own words in brackets (``(Just) A Spoonful of ...``)."""
    return bool(_OWN_OPENING.match(title))


def paper_title(parts: Parts) -> bool:
    """Words a paper is titled by: several, not a sentence of the list's own (``we``,
    ``our``), a caption (``(from Lee, ...``), a data set's name or a paper's mention
    (``Owl Kit, after the paper by Lee et al.``)."""
    title = parts.title
    return (
        parts.words >= _CITED_WORDS
        and titled(title)
        and (not title.startswith(("(", ",")) or own_opening(title))
        and not re.search(r"\bet al\b|\b(?:we|our|us|papers)\b", title, re.IGNORECASE)
        and not names_a_site(title)
    )


def title_case(title: str) -> bool:
    """``Directed Incremental Symbolic Execution``: its long words capitalised, as a title's
    are; no brackets (``Top Papers of the Week (May 13 - May 19)``, ``CVPR [Title]``)."""
    long = [word for word in title.split() if len(word) > 3 and word[0].isalpha()]
    capital = sum(word[0].isupper() for word in long)
    rest = re.sub(r"\((?=[a-z])[^()]*\)", "", title.split(":")[-1])  # "(but Afraid to Ask)"
    rest = re.sub(r"^\([^()]*\)", "", rest) if own_opening(title) else rest
    rest = re.sub(r"\((\w{1,6})\)(?=\w)", r"\1", rest)  # "(In)Effectiveness": a word's part
    plain = (title[:1].isalnum() or own_opening(title)) and not re.search(r"[\[\](){}]", rest)
    return bool(long) and capital >= 0.75 * len(long) and plain


def titled(title: str) -> bool:
    """Reads as a title: not a sentence going on in lower case (``CVPR 2024 decisions are
    out``, ``(from Ann Lee, ...)``) — ``mPLUG-Owl``, ``iPhone`` and ``3D ...`` are titles."""
    words = title.lstrip(" ([\"'“").split()
    first = words[0] if words else ""
    return not first[:1].islower() or any(ch.isupper() for ch in first[1:])


# "This paper proposes DPM, ...", "We show that ...": how a summary of a paper begins
# the verb in lower case: '"We Need a Big Revolution": Users' Perception' is a title
_DESCRIBES = re.compile(
    r"^\W*(?:(?i:this|the|our) (?i:paper|work|study|article|thesis) (?:[a-z]+ly )?[a-z]+s"
    r"|(?i:we) [a-z]+)\b"
    r"|^\W*(?:本文|本研究|该研究|该工作|该论文|我们)",  # "本文提出...": "this paper proposes"
)
_HAN = re.compile(r"[\u3400-\u9fff]")
_EXCLAIMED_WITHIN = 60  # characters of a title's first clause ("We have owls for you! ...")
_SUMMARY_WORDS = 10  # fewer words may be a title ("This Paper Proposes Nothing")
_SUMMARY_CHARS = 20  # a sentence in a script written without spaces between words


def describes(text: str) -> bool:
    """A sentence about a paper (``"This paper proposes DPM, a novel method ..."``), as a
    list quotes its summary: never the title itself."""
    long = len(text.split()) > _SUMMARY_WORDS or len(_HAN.findall(text)) > _SUMMARY_CHARS
    # "We have a package for you! A Comprehensive Analysis of ...": a title's exclamation
    exclaimed = re.search(r"[!?]\s+[A-Z]", text[:_EXCLAIMED_WITHIN]) is not None
    return _DESCRIBES.match(text) is not None and long and not exclaimed
