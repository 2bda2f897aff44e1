"""The title span one line holds, and how it is marked.

A line's title is its long bold span, a quoted span, a short bold span, a link to a title,
``[14]Title``, a citation's title after or before its names, or its plain words before a
paper's link (read in plaintitle.py); never a venue, a label or a link word. parts.py picks
the item's title among its lines' spans.
"""

from __future__ import annotations

import re

from . import byline, cited, fields, lexicon, pipes, plaintitle, refnames, shape, tags
from .fieldtitle import title as field_title
from .inline import Line, strip_emoji
from .plaintitle import usable

_TAG_ONLY = re.compile(r"\s*[\[(][^\[\]()]*[\])]\s*")  # "**[YOLO v3]**": a nickname tag
_DATED_END = re.compile(r"(?<!\d)(?:19|20)\d{2}\W*$")  # a bold code tag ending in its year
# "[14]Title", "1.Federated Learning ...": a number typed onto the title
NUMBERED = re.compile(r"^\s*(?:\[\s*\d{1,4}\s*\]\s*(?=\S)|\d{1,3}\.(?=[A-Z]))")
URLISH = re.compile(r"^\s*(?:https?://|www\.)|^\S+\.(?:com|org|io|net)\b", re.I)
_BRACKETED = re.compile(r"\s*\[[^\[\]]+\]\s*$")  # "[[Owl Systems]](url)": a tag's words


_OPENING_WORDS = 5  # words of a title before the quoted words that end it


# '"Why Should I Trust You?": Explaining the Predictions ...': a quote and a colon open the
# title, which goes on after them
_QUOTE_OPENS = re.compile(r"[\"”]:\s+[A-Z][\w-]*(?:\s+\S+){2}")


def _subtitle(text: str, quote: str) -> bool:
    """``Exploring the Analysis Gap: “There's a Lot of Bacon”``, ``Owls Can Be "Lost in the
    End".``: the quote ends the title the line opens with, after its colon or its words."""
    at = text.find(quote)
    before = text[:at].rstrip(" \"“”'‘’")
    after = text[at + len(quote) :].strip(" \"“”'‘’.")
    # "Lee and Moss 2024: "Title"": who wrote it and when, then the title
    signed = re.sub(r"[\s,]+(?:19|20)\d{2}[a-z]?$", "", before.rstrip(":").strip(" -*_"))
    # 'Title Can Be "Lost in the End". **`PACMSE 2025`**': the quote ends a longer title's
    # sentence, only its venue after it
    ending = len(before.split()) >= _OPENING_WORDS and not re.search(r"[.,;]$", before)
    ending = ending and shape.title_case(before)  # not 'Source code for the paper "Title"'

    return (
        (before.endswith(":") and len(before.split()) >= 3 and not after)
        or ending
        and (not after or lexicon.is_venue_only(after.strip(" .*_`[]")))
    ) and not byline.all_names(signed)


def span_ok(text: str, least: int) -> bool:
    """A span of at least ``least`` words that can be a title: words, not a venue or a label."""
    text = text.strip(" *_.,;`")
    return (
        len(text.split()) >= least
        and usable(text)
        and not lexicon.is_venue_only(text)
        and not re.fullmatch(r"[A-Z][\w-]*\s+(?:19|20)\d{2}", text)  # "`Internetware 2024`"
        and not cited.LABEL.match(text)
    )


def line_title(line: Line) -> tuple[str, str] | None:
    """The title span a line holds and how it is marked, None if it has none: a long bold
    span, a quoted span, a short bold span, a link to a title, ``[14]Title``."""
    if tags.is_navigation(line):
        return None
    if field := field_title(line):  # "**Title**: Owl Calls", a heading over its byline
        return field, "cited"
    if named := plaintitle.named_lead(line):  # "***HD-Painter:*** High-Resolution ... [[Paper]](a)"
        return named, "bold"
    # "(**Lee et al., 2020**) Title.": the bold names who wrote it, and the title follows
    cites = [s for s in line.strong if byline.cite_label(s)]
    bold = [  # ("**Ryan, O.**, Lee, A. (2021). Title.": the page owner's name among the authors)
        s
        for s in line.strong
        if span_ok(s, 2)
        and not _TAG_ONLY.fullmatch(s)
        and not (s.strip(" `") in line.code and _DATED_END.search(s))  # "**`Owl Nets 2022`**"
        and s not in cites
        and not refnames.initialled_name(s.strip(" *\\"))
    ]
    text = fields._line_title_text(line)
    # 'Lee, Ann. "Owl Morphism." Venue': a title closed by its stop inside the quotes is
    # cited, however short
    quoted = [
        q
        for q in fields._QUOTED_PART.findall(text)
        if span_ok(q, 2 if q.rstrip().endswith((".", ",")) or _by_names(text, q) else 3)
        and not plaintitle.quotes_after(text, q)
        and not shape.describes(q)  # '"This paper proposes X, ..."': its summary
        and not _subtitle(text, q)
        and not _QUOTE_OPENS.match(text[text.find(q) + len(q) :])
    ]
    linked = link_title(line)
    # "[Title](doi) — Lee et al., *Venue*, 2026. **PR · Tags: owls.**": a linked title opens
    # the line, the bold words after it are its notes
    opened = _leads_with(text, linked)
    for span in bold:
        # "**Nick**: "Title"", "**Nick / Other Nick** — "Title"": the quoted one is the title
        named = quoted and (
            span in quoted[0]
            or re.search(re.escape(span) + r"(?:\W*:|[\s*_:–—-]{1,5}[\"“”])", text)
        )
        later = opened and text.find(span) > text.find(linked or "")
        if len(span.split()) >= 4 and not named and not later:  # "**Nick**: "Title""
            return span, "bold"
    if not quoted and not bold and (lead := cited.italic_lead(line)):
        return lead[0], "quoted"  # "*Title?* (2003) Ann Lee, Bo Chen": set apart, then who
    if quoted and not _leads_with(text, linked):
        # in "[Title](url) (2012): ... wrote "a quotation"" the quote is in the notes
        return quoted[0], "quoted"
    if bold and linked and (_names_link(line.text, bold[0], linked) or _leads_with(text, linked)):
        # "**Owl Net** [Owl Net: Seeing in the Dark](url)"; "*[Owl Calls at Night](url)*,
        # OWLS 2018 | **OwlNet 2.0**": a name after the title the line opens with
        return linked, "link"
    if bold:
        return bold[0], "bold"
    piped = pipes.read(text) if "|" in text else None
    # "2019 | Title | Authors | arXiv": a title field ("| [Venue](doi)": the venue's link)
    titled = piped and (piped.year or piped.authors) and span_ok(piped.title, 2)
    if titled and not (linked and piped.title.casefold().startswith(linked.casefold())):
        return piped.title, "plain"
    if linked:
        return linked, "link"
    if NUMBERED.match(line.text) and span_ok(NUMBERED.sub("", line.text), 2):
        return plaintitle.title_text(line), "numbered"  # "[1] Lee et al, Title [PDF]"
    if cited_title := byline.title_after_names(line):  # "Lee A, Chen B. *Title*. Venue"
        return cited_title, "cited"
    if cited_title := byline.title_before_names(line):  # "Title. [Lee (2019)](pdf)."
        return cited_title, "cited"
    cited_lead = cites or byline.cite_lead(line.text.lstrip(" -*"))
    if cited_lead and not bold and span_ok(plain := plaintitle.title_text(line), 2):
        # "(**Lee et al., 2020**) Title. Nature. 2020, 5: 1-9.": who and when come first, so
        # the title ends at its full stop
        return plaintitle.cut_where(cited.STOP.split(plain + " ", maxsplit=1)[0].strip())[
            0
        ], "cited"
    if fields.has_link(line) and not line.strong:  # "Title, Venue Words 2019 [[pdf](url)]"
        plain = plaintitle.title_text(line)
        title, venue, _ = lexicon.cited_venue(plain.strip())
        if venue and span_ok(title, 2) and not fields.only_names(title):
            return plain, "plain"
    named = _named_paper(line)
    if named:
        return named, "link"
    after = plaintitle.title_after_links(line)  # "`SVOS` `Apr` - [paper](a) - Title"
    return (after, "plain") if after else None


_CITED_AFTER = re.compile(r"^[\W_]*(?:(?:19|20)\d{2}(?!\d)|[A-Z][\w'’-]+ et al\b)")


def _by_names(text: str, quote: str) -> bool:
    """``"Zigzag Persistence" by G. Carlsson``: a quoted title, however short, then who."""
    return re.match(r"[\"”]\s+by\s+[A-Z]", text[text.find(quote) + len(quote) :]) is not None


def _named_paper(line: Line) -> str | None:
    """``[[IMPALA](arxiv)] 2018 @ Uber AI``, ``[GloVe](pdf) Pennington et al., 2014``: a line
    led by a paper link whose text is one name, then the year or the authors, cites the paper
    by that name (a name alone, ``[PAL](arxiv)``, may be a nickname repeated elsewhere)."""
    link = next((link for link in line.links if not link.image_only), None)
    text = strip_emoji(line.text).lstrip(" [(*_")
    if (
        link is None
        or len(link.text.split()) != 1
        or not text.startswith(link.text)
        or fields.link_kind(link) != fields.PAPER
        or not usable(link.text)
        or lexicon.is_venue_only(link.text)
    ):
        return None
    after = fields._line_title_text(line).split(link.text, 1)[-1]
    described = re.search(r"\s[-–—:]\s+\w+(?:\s+\w+){2}", after)  # "(2022) - A Dataset for X"
    return link.text if _CITED_AFTER.match(after) and not described else None


def _leads_with(text: str, linked: str | None) -> bool:
    """The line opens with a linked title of four or more words, before any quoted span."""
    return bool(linked) and len(linked.split()) >= 4 and text.lstrip(" *_-[").startswith(linked)


def link_title(line: Line) -> str | None:
    """The text of the line's first link that reads as a title (not a URL, link word or
    authors, nor words of a sentence: ``I wrote it from [this survey paper](url)``), and not
    after link words: in ``[Slides](pdf) and [Video](url) by [Ann Lee](url)`` it is a name,
    in ``[Notes](notes.md) [[Title](arxiv)]`` the paper's link."""
    worded, label = False, fields.leading_label(line)
    for link in line.links:
        before = line.text.split(link.text, 1)[0] if link.text else ""
        tag = venue_words(link.text) or _BRACKETED.match(link.text)
        if tag and len(before.split()) >= 3:
            continue  # "Title [[Neurocomputing 2021]](arxiv)", "[[Owl Systems]]()": a tag
        if fields.is_resource_text(link.text) or link is label or byline.dated_names(link.text):
            if worded or re.search(r"[^\W\d_]", strip_emoji(before)):
                return None  # "Title, 2022 [[pdf](a),[extended version](b)]": words of links
            worded = True  # "[Notes](notes.md) [[Title](arxiv)]": the line opens with them
            continue
        if worded and fields.link_kind(link) != fields.PAPER:
            return None
        if (
            (fields.link_kind(link) is not None or fields.is_dead_target(link.href))
            and not URLISH.match(link.text)
            and span_ok(link.text, 2)
            and "et al" not in link.text
            and not in_prose(line, link)
        ):
            return link.text
    return None


def venue_words(text: str) -> bool:
    """``[Owl Letters 2023]``: a name and a year, the venue the lexicon does not know."""
    return bool(fields._NAME_YEAR.fullmatch(text.strip(" []")))


def _names_link(text: str, bold: str, linked: str) -> bool:
    """A short bold name right before a longer linked title: the name of that paper."""
    at, to = text.find(bold), text.find(linked)
    return (
        len(bold.split()) <= 3
        and len(linked.split()) >= 4
        and 0 <= at < to
        and bool(re.fullmatch(r"[\W_]{0,4}", text[at + len(bold) : to]))
    )


def in_prose(line: Line, link) -> bool:
    """A link in the middle of a sentence, its text going on in lower case."""
    words = link.text.split()
    if len(words) < 2 or fields.is_resource_text(link.text):
        return False  # "[paper](url)", "[[pdf]](url)": link words, not a sentence's
    first = words[0]
    if not first[:1].islower() or any(ch.isupper() for ch in first[1:]):
        return False
    before = line.text.split(link.text, 1)[0]
    return len(re.findall(r"(?<![\w'’])[a-z]{2,}\b", before)) >= 2  # "[CVPR 2023] [owls...]"
