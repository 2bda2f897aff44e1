"""Paper or not, by evidence: a paper link or identifier, a title-like span, a venue or year.

Each item gets a verdict: a paper (a paper link), a citation (no link, but a title with a
venue or year and authors, as in plain reference lists), a page (a title that links only a
web page: a paper in a list of papers, a blog post elsewhere), or a kind of non-paper with
the reason it was skipped.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from delbib.identifiers import extract

from . import dates, fieldtitle, lexicon, sections, shape
from .linkwords import (
    CODE,
    PAPER,
    PROJECT,
    VIDEO,
    is_blog_url,
    is_book_url,
    is_data_url,
    is_docs_url,
    is_encyclopedia_url,
    is_front_page,
    is_news_url,
    is_news_venue,
    is_profile_url,
    is_volume,
)
from .parts import Parts

PAPER_LINK, CITATION, PAGE = "paper link", "citation", "page"
READING = "reading"  # what a syllabus assigns: kept, though it makes no block a paper list
PEER = "peer"  # a heading among its level's papers (onepaper.py): kept, as they are
# Kinds of skipped items.
NO_TITLE = "no title"
CODE_ONLY = "code or tool (only code links)"
VIDEO_ONLY = "video or talk (only video links)"
BLOG = "blog post (links only blog posts)"
ENCYCLOPEDIA = "encyclopedia entry (links only Wikipedia)"
NEWS_ARTICLE = "news article (links only news pages)"
BOOK = "book (links only a bookshop or a book catalogue)"
DATA = "data set, model or demo (links only a host of data, models or competitions)"
SITE = "web site (a name linking only a site's front page)"
PERSON = "a person (links only a scholar's profile or home page)"
NO_LINK = "no paper link, venue or year"
WEB_PAGE = "web page (no paper link, in a block that is not a paper list)"
NO_PAPER_IN_COLUMN = "no paper link in the paper column of a table of linked papers"
NAME = "a one-word name linking a paper, in a block that is not a paper list"
DOCUMENT = "a document with no identifier, venue or year, in a block that is not a paper list"
NEWS = "news about the list (under a News or Updates heading)"
OWN_CITATION = "the list's own citation (under a Citation heading)"
NOTE = "a note about the item it is nested under"
GLOSSARY = "a term defined in a glossary (an abbreviation and the words it stands for)"
NAVIGATION = "navigation (links only to sections of one page)"
TALK = "a talk, slides, a lecture or a course (its title says so)"
REFERENCES = "references to several papers (a row or note citing them)"
UNSIGNED = "web page (no names and no paper link, among papers given with their names)"
# "Slides: Owl Checking", "Tutorial : Owl AI", "Model Checking (Stanford lecture)"
_TALK_TITLE = re.compile(
    r"^\W*(?:slides?|lecture(?: notes)?|tutorial|talk|keynote|webinar|course)\s*[:：–—]"
    r"|\((?:[^()]*\s)?(?:lecture|slides|tutorial|talk|course)\)\s*$",
    re.IGNORECASE,
)

# A section whose heading names these ("### Academic conferences & symposiums", "### Blogroll")
# lists them: an item there with no identifier and no year is one of them, not a paper
_NOT_PAPER_SECTION_WORDS = sections.NOT_PAPER_WORDS | frozenset((
    "conference", "conferences", "symposium", "symposiums", "symposia", "workshop",
    "workshops", "journal", "journals", "venue", "venues", "blogroll", "newsletter",
    "newsletters", "dataset", "datasets", "website", "websites", "news", "press", "media",
    "interview", "interviews", "implementation", "implementations", "kit", "kits", "toolkit",
    "toolkits", "toolbox", "toolboxes", "demo", "demos", "code", "codes", "package",
    "packages", "app", "apps", "product", "products", "competition", "competitions",
    "honors", "honours", "awards", "prizes", "tutorial", "tutorials",
))  # fmt: skip
# What these sections list is dated as a paper is ("- Eos, 2022", "Owl News, 2024"): there a
# year says nothing, only an identifier does
_DATED_SECTION_WORDS = frozenset((
    "blog", "blogs", "post", "posts", "news", "press", "media", "newsletter", "newsletters",
    "podcast", "podcasts", "interview", "interviews", "honors", "honours", "awards", "prizes",
))  # fmt: skip

_MEETING_WORDS = frozenset((
    "conference", "conferences", "symposium", "symposiums", "symposia", "workshop", "workshops",
    "tutorial", "tutorials",
))  # fmt: skip

# A heading ending in these lists events in the news ("### Data breaches", "## Scandals"), by
# the event's name and year: an item there with no identifier is one of them, not a paper
_EVENT_WORDS = frozenset((
    "scandal", "scandals", "incident", "incidents", "breach", "breaches", "leak", "leaks",
    "controversy", "controversies",
))  # fmt: skip

PAPER_LIST_SHARE = 0.5  # a block is a paper list when this share of its titled items are papers
_PROSE_WORDS = 40  # unmarked leading text longer than any title is a paragraph of prose


def verdict(parts: Parts) -> str:
    """paper link, citation, page, or the kind of non-paper; a heading among its level's
    papers with no link (``#### MetaFormer Baselines for Vision`` / ``- Link：``) is kept."""
    found = _verdict(parts)
    return PEER if parts.peer and found in (NO_LINK, CODE_ONLY) else found


def _verdict(parts: Parts) -> str:
    if (
        not parts.title
        or shape.describes(parts.title)
        or dates.is_day(parts.title)
        or fieldtitle.record_only(parts.title)  # "**Year:** 2019 **Category:** Finance"
    ):
        return NO_TITLE  # '"This paper proposes X, ..."': a summary's sentence; "Sep 29"
    kinds = set(parts.kinds)
    if parts.title_from == "plain" and (
        parts.words > _PROSE_WORDS or not parts.paper_link and not shape.titled(parts.title)
    ):
        # a paragraph of prose; "and [Video](url) by Ann Lee": the words around links
        return NO_TITLE
    if parts.anchored or _sections_of_a_page(parts.links):
        return NAVIGATION  # "A list of [Papers](gh/o/r#papers) & [Reviews](gh/o/r#reviews)"
    if _TALK_TITLE.search(parts.title) and not _identified(parts):
        return TALK
    if is_news_venue(parts.venue) and not _identified(parts):
        return NEWS_ARTICLE  # "Title" / "Jo Lee, New York Times (Jan. 22 2020)"
    if parts.cites_several and not parts.title_linked:
        return REFERENCES  # "| Traffic Flow | Graph | [1] [2] [3] |": what the row cites
    if parts.reading and parts.title_linked and parts.words >= 3 and shape.titled(parts.title):
        return READING  # "**Reading**: [Title](url), by Ann Lee": what a syllabus assigns
    if PAPER in kinds:
        posted = _posted(
            [lk for lk, kind in zip(parts.links, parts.kinds, strict=True) if kind == PAPER]
        )
        if posted:
            return posted  # "[html](owlsite.com/2013/01/14/owl-notes/)": a post, whatever its word
        return PAPER_LINK if parts.paper_link else PAGE  # "[[Link]]" alone: a page
    if kinds == {VIDEO}:
        return VIDEO_ONLY  # a talk or a demo video, whatever the block
    pages = [link for link, kind in zip(parts.links, parts.kinds, strict=True) if kind != CODE]
    if _referenced(parts) and parts.venue and not shape.names_a_site(parts.title):
        return CITATION  # "[Title](a blog post on it), Lee et al., EGSR 2021": the paper's
    for test, kind in (
        (is_news_url, NEWS_ARTICLE),  # a newspaper's dated address is news, not a blog's
        # "[Title](site.org/blog/slug)", medium, blogspot: a post, not a paper, whatever names
        # and blog title (*Lil'Log* 2026) it cites
        (is_blog_url, BLOG),
        (is_book_url, BOOK),
        (is_encyclopedia_url, ENCYCLOPEDIA),
        (is_data_url, DATA),  # "[Owl Polymer Prediction 2025](kaggle.com/competitions/...)"
    ):
        if kind == BOOK and parts.year and _names(parts.authors):
            continue  # "[Title](amazon)" / "T. Brown, H. LeMay. Pearson, 2017": a book cited
        if pages and all(map(test, pages)):
            return kind
    if any(map(is_profile_url, pages)) and all(
        is_profile_url(page) or is_front_page(page) for page in pages
    ):
        return PERSON  # "[Ann Lee's Google Scholar](scholar...?user=x) + [Blog](annlee.org)"
    cited = parts.authors or parts.venue
    if pages and all(map(is_front_page, pages)) and shape.names_a_site(parts.title) and not cited:
        return SITE  # "[Common Crawl](commoncrawl.org)": a site, not a paper's page
    if kinds and (not kinds - {CODE} or pages and all(map(is_docs_url, pages))):
        # "[OwlKit](github) [docs](owlkit.readthedocs.io)": code and its manual
        # a report whose title links its repository is a paper in a list of papers, and so
        # is an item whose "[paper]()" link was left empty beside its code
        # so is a title cited ("论文：Title", "Lee, A. (2019). Title.") beside notes' code
        linked = parts.title_from == "link" and parts.words >= 3 or parts.title_from == "cited"
        # "**Title** — Lee 等. *Venue* 2026. [[repo]](github)": a cited paper whose code is
        # linked; a list's date stamp ("[2024/02] **Tool** *Lee et al.*") cites nothing
        if parts.authors and (parts.venue or parts.year and not parts.date):
            return CITATION
        # "Title [WSDM 2023] [[Code]](github)": the paper, where it appeared (not 'Code for
        # the paper "Title," CVPR 2015', a quoted mention)
        cited_title = parts.title_from in ("plain", "bold", "cited") and shape.paper_title(parts)
        dated = parts.year_listed and parts.title_from == "plain" and shape.title_case(parts.title)
        if (parts.venue and parts.year or dated) and cited_title or _placed(parts):
            # "* 2018 Chopped Symbolic Execution ([chopper](github))", "[Title](github), ICRA 2020"
            return CITATION
        return PAGE if linked or parts.paper_promised else CODE_ONLY
    if not kinds:  # "[Title]()" among linked titles: a link its writer left without target
        # "**Title** [[Paper]](link) [[Code]](link)": a template's paper link, never filled in,
        # beside a title written out
        promised = parts.paper_promised and parts.title_from != "link" and shape.paper_title(parts)
        return CITATION if _cites(parts) or promised else PAGE if parts.paper_promised else NO_LINK
    if not parts.title_linked and parts.title_from != "link" and _cites(parts):
        # "**Title.** [[Slides]] [[Demo]]" under "### 2016 FPGA": the links beside an unlinked
        # title are the talk's and the demo's; the title, venue and year cite the paper
        return CITATION
    return CITATION if _referenced(parts) or _placed(parts) else PAGE


def _placed(parts: Parts) -> bool:
    """``[Title](project page), IROS 2023``: a linked paper's title with where and when it
    appeared, a venue the lexicon knows and its year, whatever page it links."""
    return (
        parts.title_from == "link"
        and bool(parts.venue and parts.year)
        and lexicon.is_venue_only(parts.venue or "")
        and shape.paper_title(parts)
        and parts.year_listed  # "..., IROS 2023": the item's own line, not a heading, dates it
        and not _MEETING.search(" ".join([parts.title, parts.venue or "", *parts.links]))
        and re.match(r"[A-Za-z]", parts.title) is not None
        and not lexicon.is_venue_only(parts.title)  # "[Robotics: Science and Systems](rss)"
    )


# "Fourth International Workshop on Owls", "Tutorial on Owl Nets", "ECCV 2016 Workshop": a
# meeting's page, dated by its venue as a paper is
_MEETING = re.compile(r"\b(?:[Ww]orkshops?|[Tt]utorials?|[Ss]ymposium|[Ss]eminars?|[Ss]chool)\b")


def _referenced(parts: Parts) -> bool:
    """``[Title](project page), Lee et al., ECCV 2020``, ``Lee, Ann, et al. ["Title."](page),
    CCS, 2023``, ``Title: [Title](page)`` over ``Authors: Lee, et al.``: a reference, by its
    authors and where or when it appeared, whatever page its title links."""
    return (
        parts.title_from in ("link", "quoted", "cited")
        and parts.words >= 3
        and _names(parts.authors)
        and bool(parts.venue or parts.year)
    )


_NAMED = re.compile(r"^(?P<name>[A-Za-z][\w+-]{1,20})\s*:\s+(?P<rest>\S.+)$")
_NAMED_WORDS = 4  # words of the title after a coined name
_LABELS = frozenset(
    ("todo", "note", "notes", "new", "news", "update", "updates", "tip", "tips", "faq")
)


def _named_title(title: str) -> bool:
    """``LO-Net: Deep Real-time Lidar Odometry``: a coined name (capitals or digits past its
    first letter) before a colon, then a title of several words in Title Case; not a label
    (``TODO: Add More Papers``)."""
    named = _NAMED.match(title)
    return bool(
        named
        and lexicon.coined(named["name"])
        and named["name"].casefold() not in _LABELS
        and len(named["rest"].split()) >= _NAMED_WORDS
        and shape.title_case(named["rest"])
    )


def _cites(parts: Parts) -> bool:
    """The item cites a paper without linking it: a title with a venue and year, or with
    names."""
    marked = parts.authors or parts.title_from in ("quoted", "bold", "cited")
    # an APA citation ("Stone, A. (2021). Owl labor.") is its own evidence
    apa = parts.title_from == "cited" and parts.words >= 2
    # a bold or quoted title over a line of names is a citation: a person reads
    # "**Owl Calls as Graph Signals**" / "*Ann Lee, Bo Chen*" as a paper, link or not
    signed = _names(parts.authors) and parts.title_from in ("bold", "quoted")
    # 'Krifka 2000 "Title"': a quoted title after who wrote it and when
    signed = signed or bool(parts.title_from == "quoted" and parts.authors and parts.year)
    cited = apa or parts.words >= 3 and (parts.venue and (parts.year or marked) or signed)
    # "Graph-Theoretic Scagnostics" / "Authors: Ann Lee, Bo Chen" / "IEEE InfoVis 2005": a
    # short title, signed and placed
    # ("7.Progressive Embedding" under "# SIGGRAPH" / "## 2019": a numbered title, placed)
    signed_or_numbered = _names(parts.authors) or parts.title_from == "numbered"
    cited = cited or parts.words >= 2 and signed_or_numbered and parts.venue and parts.year
    # "* 2011 Directed Incremental Symbolic Execution": a title in full, in Title Case, dated
    dated = parts.words >= shape.DATED_WORDS and parts.year_listed and not parts.date
    # "[2014 Title](notes/x.md)": a title linking the list's own notes reads as a plain one
    local = parts.title_from == "link" and not parts.links  # its link kept no address
    dated = dated and (parts.title_from in ("plain", "numbered") or local)
    # "[Direct Sparse Odometry](paper_notes/DSO.md) - Cremers": the list's note on a paper
    noted = parts.noted and local and parts.words >= 3 and shape.paper_title(parts)
    linkless = not parts.links and not parts.paper_promised  # no link, none left empty
    cited = cited or dated and linkless and shape.title_case(parts.title) or noted
    # "- DeepLO: Geometry-Aware Deep LiDAR Odometry": a coined name, then its title in full
    cited = cited or linkless and _named_title(parts.title)
    # "(Sensor), Posch et al. JSSC 2011", "Authors: Ann Lee, et al.": who wrote a paper is
    # not its title
    return bool(cited) and shape.titled(parts.title) and not re.search(r"\bet al\b", parts.title)


def _sections_of_a_page(links: tuple[str, ...]) -> bool:
    """Two or more links, all to sections of one page (``github.com/o/r#papers``,
    ``github.com/o/r#reviews``): a line that leads around a list, as ``#papers`` does."""
    split = [urlsplit(link.strip()) for link in links]
    pages = {(s.netloc.casefold(), s.path.rstrip("/"), s.query) for s in split}
    fragments = {s.fragment for s in split}
    return len(links) >= 2 and len(pages) == 1 and "" not in fragments and len(fragments) >= 2


def _posted(papers: list[str]) -> str | None:
    """News or a blog post, when every link a list calls the paper (by its word: ``[html]``,
    ``[paper]``) leads to a post's address, not to a PDF or an identified paper."""
    if not papers or any(extract(url) or url.casefold().endswith(".pdf") for url in papers):
        return None
    for test, kind in ((is_news_url, NEWS_ARTICLE), (is_blog_url, BLOG)):
        if all(map(test, papers)):
            return kind
    return None


def _names(authors: str | None) -> bool:
    """A list of names (``Ann Lee, Bo Chen``, ``Lee et al.``, ``Lee and Chen``), not one
    capitalised phrase (``Awesome Papers``) that happens to read like a name."""
    return bool(authors) and bool(re.search(r"[,;、&]|\band\b|\bet al\b", authors or ""))


def not_paper_section(heading: str, parts: Parts) -> str | None:
    """The kind of an item under a heading that names what its section lists, and it is not
    papers (``### Academic conferences``, ``## Blogroll``, ``## Books``), when nothing of the
    item says paper: no identifier and no year (``[Owl Systems Symposium (OSS)](oss.org)``);
    under a heading of events in the news (``### Breaches``) or of writings dated the way
    papers are (``## Blog Posts & News``: ``[Title](nature.com/...) - Nature, 2024``), no
    identifier. A dataset's
    paper (``[OwlSet](arxiv)``, ``OwlSet, CVPR 2020``) stays a paper."""
    if _identified(parts):
        return None
    events = re.findall(r"[^\W\d_]+", heading.casefold())[-1:]
    if events and events[0] in _EVENT_WORDS:
        # "### Attack scandals": what happened, with the year it did; each item links news
        # of it or the paper that told, under the event's name
        return f"item of a section of {events[0]} (no identifier)"
    kind = sections.names_non_papers(heading, _NOT_PAPER_SECTION_WORDS)
    if kind in _DATED_SECTION_WORDS:
        return f"item of a section of {kind} (no identifier)"
    taught = kind in ("tutorial", "tutorials") and set(parts.kinds) <= {PROJECT}
    if (
        kind in _MEETING_WORDS
        and parts.year
        and not parts.paper_link
        and (not parts.authors or taught)
    ):
        # "## Workshops": "[The 2nd Workshop on Owls](owls.dev), IROS 2023", dated by its venue;
        # "## Tutorials": "**Owl Learning** [[website]](x)" / "- A. Lee, IJCAI 2017", its
        # teachers named
        return f"item of a section of {kind} (no identifier or paper link)"
    # "## Books": "Ann Lee and Bo Chen. ["Title."](press.org)": a book cited by its authors
    if kind is None or parts.year or kind in ("book", "books") and parts.authors:
        return None
    return f"item of a section of {kind} (no identifier or year)"


def is_paper_block(verdicts: list[str]) -> bool:
    """Most titled items of the block are papers (linked or cited)."""
    titled = [v for v in verdicts if v != NO_TITLE]
    strong = sum(v in (PAPER_LINK, CITATION) for v in titled)
    return bool(titled) and strong >= PAPER_LIST_SHARE * len(titled)


_NAMED_PAPER_WORDS = 3  # "[[paper]]" beside a title this long: a paper, not a tool's name
MARKED_PAPERS = 1  # one item linking a page by its title and the paper apart is enough


def marks_papers(read: list[Parts]) -> bool:
    """The block links each item's page by its title and its paper apart
    (``[Title](blog) ([Paper](pdf))``): there an item that links only a page is a blog post
    or a talk, not a paper."""
    marked = sum(p.title_from == "link" and p.paper_apart for p in read)
    return marked >= MARKED_PAPERS


_AMONG_PAPERS = 2  # items of a block that link a paper by its identifier
# "[Fact sheet at AIT](x.pdf)", "[Owl Cam Datasheet](y.pdf)": documents that say what they are
_DOCUMENT_WORDS = re.compile(
    r"\b(?:fact ?sheets?|data ?sheets?|cheat ?sheets?|manuals?|handbooks?|brochures?"
    r"|flyers?|leaflets?|user guides?)\b",
    re.I,
)


def among_papers(read: list[Parts], verdicts: list[str]) -> bool:
    """The block, a mix of blogs, talks and tools, also lists papers by their identifiers
    (``[Title](arxiv)``): there a PDF named by a title is one of its papers too."""
    linked = (p for p, v in zip(read, verdicts, strict=True) if v == PAPER_LINK)
    return sum(p.words >= 2 and _identified(p) for p in linked) >= _AMONG_PAPERS


def accepted(
    verdict_: str,
    paper_block: bool,
    parts: Parts | None = None,
    *,
    pages: bool = True,
    papers_around: bool = False,
) -> bool:
    """A paper, or a page in a paper list (unless ``pages`` is false: the block marks its
    papers apart, :func:`marks_papers`). Outside a paper list a paper link is not enough
    when nothing else says "paper": a one-word title that links a paper (``[T5](arxiv)``
    among model checkpoints) names a model or tool, and a PDF with no identifier, venue or
    year (``[GraphML: Graph markup language](uni.edu/handbook/graphml.pdf)`` among tools)
    is a document about a tool, unless the block lists papers by identifier
    (``papers_around``, :func:`among_papers`). A titled item whose writer calls its link a
    paper (``**Owl Folding at Scale** [[code](github)] [[paper](journal page)]``) says it."""
    if (
        parts is not None
        and not paper_block
        and verdict_ == PAPER_LINK
        and (
            parts.words < 2
            or not (
                parts.venue
                or parts.year
                or parts.words >= _NAMED_PAPER_WORDS
                and (parts.paper_named or bool(parts.authors))  # "[Title](x.pdf) by Ann Lee"
                or _identified(parts)
                or papers_around
                and not _DOCUMENT_WORDS.search(parts.title)
            )
        )
    ):
        return False
    cited = parts is not None and bool(parts.authors or parts.venue)  # a citation's page
    return verdict_ in (PAPER_LINK, CITATION, READING, PEER) or (
        verdict_ == PAGE and paper_block and (pages or cited)
    )


def rejected_kind(verdict_: str, parts: Parts) -> str:
    """The kind of non-paper an item not :func:`accepted` is reported as."""
    if verdict_ == PAPER_LINK:
        return NAME if parts.words < 2 else DOCUMENT
    return WEB_PAGE if verdict_ == PAGE else verdict_


def _identified(parts: Parts) -> bool:
    """A link names a paper by its identifier (a whole proceedings volume names none)."""
    return any((found := extract(url)) and not is_volume(found) for url in parts.links)
