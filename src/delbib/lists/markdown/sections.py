"""Categories from the heading path above each paper.

Headings carry decoration (``📖Trending LLM/VLM Topics ([©️back👆🏻](#paperlist))``), generic
names (``### Papers`` under every topic), numbering (``3.2.1 Text-based Environment``) and
years (``### 2024`` under ``## Survey``). A category is named by its heading with all that
removed; a generic heading is qualified by its parent ("Reasoning: Papers"); two sections with
one name are told apart by their parents; and the headings above a category are its parents,
so the taxonomy nests as the list does. A heading or a title column may also say that what
it lists is not papers (``## Blog posts``, ``| Slide Title |``).
"""

from __future__ import annotations

import re

from .fields import year_in
from .inline import Cell, squash, strip_emoji
from .lexicon import dated_acronym, is_venue_only, venue_in

GENERIC = frozenset(
    {
        "papers",
        "paper",
        "paper list",
        "papers list",
        "list",
        "tutorials",
        "tutorial",
        "others",
        "other",
        "other papers",
        "misc",
        "miscellaneous",
        "resources",
        "references",
        "works",
        "articles",
        "reading list",
        "blogs",
        "tools",
        "code",
        "projects",
    }
)
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)(?:</?h\1\s*/?>|$)", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
# "1. Intro", "2.1 Models", "iv. ", "[1]CNN" (typed without a space): numbering; "2015 DAC"
# leads with a year
_NUMBERING = re.compile(
    r"^\s*(?:(?!(?:19|20)\d\d\s)(?:\d+(?:\.\d+)*\.?|[ivxIVX]+\.)\s+|\[\d{1,3}\]\s*(?=\S))"
)
_LEFTOVER = re.compile(r"\(\s*\)|\[\s*\]")


def heading_name(cell: Cell) -> str:
    """A heading's words: back-links (``[back](#top)``), emoji, markup and numbering removed."""
    parts = []
    for line in cell.lines:
        local = {link.href for link in line.links if link.href.startswith("#")}
        parts.extend(text for text, href in line.parts if href is None or href not in local)
    if not squash("".join(parts)).strip(" :-–|·()[]"):
        # "### [IJCAI-2026](#contents)": the back-link is the heading's only text
        parts = [text for line in cell.lines for text, _ in line.parts]
    text = strip_emoji(squash("".join(parts)))
    text = _LEFTOVER.sub(" ", text)
    text = _NUMBERING.sub("", text)
    return squash(text).strip(" :-–|·,;")  # "#### [Title](url), ": the comma is no word


def html_heading_name(inner: str) -> str:
    """The words of an HTML heading (``<h3 id="llm">🔤 Reasoning - <i>An Ability</i></h3>``)."""
    import html

    text = strip_emoji(squash(html.unescape(_TAG.sub(" ", inner))))
    return squash(_NUMBERING.sub("", _LEFTOVER.sub(" ", text))).strip(" :-–|·")


_YEAR_WORD = re.compile(r"^[Yy]ear\s+(?=(?:19|20)\d{2}$)")  # "Year 2019": the year alone


def is_year_heading(name: str) -> bool:
    name = _YEAR_WORD.sub("", name)
    return bool(re.fullmatch(r"(?:19|20)\d{2}(?:\s*[-./]\s*\d{1,2})?", name)) and bool(
        year_in(name)
    )


_PAPERS_AT = re.compile(
    r"(?:(?:our|accepted|selected|recent)\s+)*(?:papers?|publications?|works?|articles?)"
    r"\s*(?:@|at|in|from|accepted\s+(?:at|to|by))\s+(?P<venue>\S.*)",
    re.I,
)


def heading_venue(name: str) -> tuple[str | None, int | None]:
    """The venue and year a heading that names nothing else gives the items under it
    (``CVPR 2023``, ``IJCAI-2026``, ``NeurIPS``, ``2017 FCCM``, ``Publications @ CHI 2023``);
    (None, None) for a topic heading."""
    if at := _PAPERS_AT.match(name.strip()):  # "Publications @ CHI 2023": the venue it names
        name = at["venue"]
    name = _YEAR_WORD.sub("", name.strip())
    if not is_venue_only(name):
        return None, None
    venue, year = venue_in(name)
    return venue or dated_acronym(name), year or year_in(name)


_CITATION = re.compile(
    r"(?:how to )?(?:cite|citing|citations?)(?: (?:us|this(?: \w+)?|our \w+|information|info))?"
    r"|bibtex|citation (?:&|and) contact",
    re.I,
)


_NEWS = re.compile(
    r"(?:latest |recent )?(?:news|updates?|update log|change ?log|announcements?)"
    r"(?: (?:&|and) (?:news|updates?))?|what['’]s new",
    re.I,
)


def is_citation_heading(name: str) -> bool:
    """``## Citation``, ``How to cite``, ``BibTeX``: the list's own paper, asking to be cited,
    not an item of the list."""
    return bool(_CITATION.fullmatch(strip_emoji(name).strip(" :!.")))


def is_news_heading(name: str) -> bool:
    """``## News``, ``Update log``, ``Changelog``: announcements about the list (``[2024/05]
    X was accepted!``), whose papers are listed again where they belong."""
    return bool(_NEWS.fullmatch(strip_emoji(name).strip(" :!.")))  # "🔥 News"


def is_generic(name: str) -> bool:
    return name.casefold() in GENERIC


def categories(
    paths: list[tuple[str, ...]],
) -> tuple[dict[tuple[str, ...], str], dict[str, str | None]]:
    """Category names for heading paths, and each category's parent (None at the top).

    The headings every path shares (the list's title, "Paper List") are not categories,
    except a path's last one.
    """
    paths = [p for p in paths if p]  # rows under no heading have no category
    if not paths:
        return {}, {}
    common, first = 0, paths[0]
    shortest = min(len(p) for p in paths)
    while common < shortest - 1 and all(p[common] == first[common] for p in paths):
        common += 1  # every path keeps at least its last heading
    trimmed = {p: p[common:] for p in paths}
    nodes: dict[tuple[str, ...], None] = {}  # every category and the ones above it, in order
    for t in trimmed.values():
        nodes.update(dict.fromkeys(t[:depth] for depth in range(1, len(t) + 1)))

    def label(node: tuple[str, ...], extra: int) -> str:
        take = 1 + extra + (1 if is_generic(node[-1]) and len(node) > 1 else 0)
        return ": ".join(node[-take:])

    names: dict[tuple[str, ...], str] = {}
    extra = {node: 0 for node in nodes}
    while True:
        names = {node: label(node, extra[node]) for node in nodes}
        by_name: dict[str, list[tuple[str, ...]]] = {}
        for node, name in names.items():
            by_name.setdefault(name, []).append(node)
        clashes = [group for group in by_name.values() if len(group) > 1]
        grown = False
        for group in clashes:
            for node in group:
                if extra[node] + 1 < len(node):
                    extra[node] += 1
                    grown = True
        if not grown:
            break
    parents = {names[n]: (names[n[:-1]] if len(n) > 1 else None) for n in nodes}
    return {p: names[trimmed[p]] for p in paths}, parents


# Tables that say what they list, and it is not papers: "| Blog Title |", "# Slides", "## Projects"
NOT_PAPER_WORDS = frozenset((
    "blog", "blogs", "post", "posts", "slide", "slides", "book", "books", "video", "videos",
    "project", "projects", "tool", "tools", "software", "library", "libraries", "course",
    "courses", "talk", "talks", "podcast", "podcasts", "company", "companies", "repository",
    "repositories", "repo", "repos",
))  # fmt: skip
_FILLER_WORDS = frozenset((
    "title", "titles", "name", "names", "open", "source", "related", "other", "others", "and",
    "academic", "useful", "articles", "coverage", "in", "the", "official", "popular",
))  # fmt: skip


_DATA_WORDS = frozenset(("dataset", "datasets", "corpus", "corpora"))


def not_paper_table(title_header: str, heading: str, first_header: str = "") -> str | None:
    """``blog posts``, ``slides``...: what a table lists when its title column (``Blog
    Title``, ``Slide Title``) or, for a title column that does not say, the heading above it
    (``# Videos``, ``## Open-source Projects``) names something other than papers."""
    for text in (title_header, heading):
        kind = names_non_papers(text, NOT_PAPER_WORDS)
        if kind:
            return f"row of a table of {kind}"
    # "| Dataset Name | Description | Scale | Download Link |": a table whose first column
    # names data sets, and whose titles (guessed from another column) name no paper
    kind = names_non_papers(first_header, _DATA_WORDS)
    return f"row of a table of {kind}" if kind else None


def names_non_papers(text: str, kinds_words: frozenset[str]) -> str | None:
    """The first kind word of a text made only of kind and filler words, else None."""
    found = re.findall(r"[^\W\d_]+", text.casefold())
    kinds = [w for w in found if w in kinds_words]
    if kinds and all(w in kinds_words or w in _FILLER_WORDS for w in found):
        return kinds[0]
    return None
