"""An item's parts by role: the title span, authors, venue and year, links by kind.

The title is the span a reader takes for it (a long bold span, a quoted one, a linked title,
``[14]Title``, else the leading plain text), never a link word (``[[Project Page]]``), a venue
(``[CVPR' 14]``) or an authors line. Venue and year come from the lexicon, wherever written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delbib.identifiers import written_arxiv_ids

from . import (
    byline,
    citation,
    cited,
    fields,
    labelled,
    lexicon,
    linkwords,
    nicknames,
    pipes,
    plaintitle,
    shape,
    tags,
)
from .dates import dates_only, is_date_label, year_in
from .fieldtitle import AUTHORS_LABEL, is_field
from .fieldtitle import title as field_title
from .inline import Cell, Line, squash, strip_emoji
from .plaintitle import usable

_TAG_ONLY = re.compile(r"\s*[\[(][^\[\]()]*[\])]\s*")  # "**[YOLO v3]**": a nickname tag
_NUMBERED = re.compile(r"^\s*\[\s*\d{1,4}\s*\]\s*(?=\S)")  # "[14]Title"
_URLISH = re.compile(r"^\s*(?:https?://|www\.)|^\S+\.(?:com|org|io|net)\b", re.I)
# "Also see: Title", "Journal version: Title", a reading list's "Background: Title": words
# that lead to a title, not its own
_LEAD_IN = re.compile(  # in lower case past the first letter: "SEE: Title" is a name
    r"^(?:[Aa]lso see|[Ss]ee(?: also)?|[Cc]f\.?|[Rr]elated(?: work)?|[Ff]ollow[- ]up(?: work)?"
    r"|(?:[Ee]xtended|[Jj]ournal|[Cc]onference|[Ff]ull|[Ss]hort) version"
    r"|[Bb]ackground|[Pp]rerequisites?|[Pp]rior work|[Oo]ptional|[Ff]urther reading"
    r"|(?:[Rr]equired|[Rr]ecommended|[Ss]upplementa(?:ry|l)) reading)\s*:\s*"
)
_FOREIGN_NOTE = re.compile(  # "Title（中文注释）": a note in another language
    r"\s*[(（【\[][^()（）【】\[\]]*[\u3040-\u30ff\u3400-\u9fff][^()]*[)）】\]]"
)
_STRAY_QUOTE = re.compile(r"^\W*?([^\"“”]+?)(\W{0,3}:[^\"“”]{3,}?)[\"”]")
_BRACKETED = re.compile(r"\s*\[[^\[\]]+\]\s*$")  # "[[Owl Systems]](url)": a tag's words


@dataclass
class Parts:
    title: str
    title_from: str  # bold, quoted, link, numbered, plain
    authors: str | None
    venue: str | None
    year: int | None
    date: str | None
    links: tuple[str, ...]
    kinds: tuple[str, ...]
    key: str | None
    words: int  # words in the title
    paper_link: bool = False  # a link that is a paper by its target or its word (not "[Link]")
    paper_promised: bool = False  # "[paper]()": a paper link word whose target was left empty
    paper_apart: bool = False  # "[Title](blog) ([Paper](pdf))": the title links a page
    paper_named: bool = False  # "**Title** [[paper](url)]": a paper link its words call one
    title_linked: bool = False  # "[**Title**](url)": the title is a link's words
    year_listed: bool = False  # the title's line writes its year ("2011 Title")


def span_ok(text: str, least: int) -> bool:
    """A span of at least ``least`` words that can be a title: words, not a venue or a label."""
    text = text.strip(" *_.,;")
    return (
        len(text.split()) >= least
        and usable(text)
        and not lexicon.is_venue_only(text)
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
    bold = [
        s for s in line.strong if span_ok(s, 2) and not _TAG_ONLY.fullmatch(s) and s not in cites
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
    ]
    for span in bold:
        # "**Nick**: "Title"", "**Nick / Other Nick** — "Title"": the quoted one is the title
        named = quoted and (
            span in quoted[0]
            or re.search(re.escape(span) + r"(?:\W*:|[\s*_:–—-]{1,5}[\"“”])", text)
        )
        if len(span.split()) >= 4 and not named:  # "**Nick**: "Title"": the quoted one
            return span, "bold"
    linked = _link_title(line)
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
    if _NUMBERED.match(line.text) and span_ok(_NUMBERED.sub("", line.text), 2):
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


def _link_title(line: Line) -> str | None:
    """The text of the line's first link that reads as a title (not a URL, link word or
    authors, nor words of a sentence: ``I wrote it from [this survey paper](url)``), and not
    after link words: in ``[Slides](pdf) and [Video](url) by [Ann Lee](url)`` it is a name,
    in ``[Notes](notes.md) [[Title](arxiv)]`` the paper's link."""
    worded, label = False, fields.leading_label(line)
    for link in line.links:
        before = line.text.split(link.text, 1)[0] if link.text else ""
        tag = _venue_words(link.text) or _BRACKETED.match(link.text)
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
            and not _URLISH.match(link.text)
            and span_ok(link.text, 2)
            and "et al" not in link.text
            and not _in_prose(line, link)
        ):
            return link.text
    return None


def _venue_words(text: str) -> bool:
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


def _in_prose(line: Line, link) -> bool:
    """A link in the middle of a sentence, its text going on in lower case."""
    words = link.text.split()
    if len(words) < 2 or fields.is_resource_text(link.text):
        return False  # "[paper](url)", "[[pdf]](url)": link words, not a sentence's
    first = words[0]
    if not first[:1].islower() or any(ch.isupper() for ch in first[1:]):
        return False
    before = line.text.split(link.text, 1)[0]
    return len(re.findall(r"(?<![\w'’])[a-z]{2,}\b", before)) >= 2  # "[CVPR 2023] [owls...]"


def _own_line(line: Line, title_line: Line | None) -> bool:
    """A line of links under the title (``[Venue (2024)](doi) | [code](url)``): the item's."""
    return line is not title_line and tags.is_links_line(line)


def _is_label(line: Line, span: str) -> bool:
    """``**DVS (Dynamic Vision Sensor)**: Authors, [Title](doi)``: a bold name before a colon."""
    return bool(re.search(re.escape(span) + r"\W{0,3}:", line.text))


def opens_item(line: Line) -> bool:
    return (
        line_title(line) is not None
        or labelled.title_after_label(line) is not None
        or plaintitle.titled_before_paper(line) is not None
    )


def _other_work(link, title: str, title_links: set[str]) -> bool:
    """A link that names a work of its own (``a textbook based on [*A Survey of X*](arxiv)``):
    its paper is not the item's. A repository's item (``[Owl Kit](github) - [Owl Kit: A Toolkit
    for Owls](arxiv)``) links its own paper."""
    text = link.text.strip(" *_")
    return (
        not title_links & {fields.CODE}
        and len(text.split()) >= 3
        and not fields.is_resource_text(text)
        and not _URLISH.match(text)
        and "et al" not in text
        and not _venue_words(text)  # "[Owl Letters 2023]": where it appeared
        and squash(text) not in squash(title)
        and squash(title) not in squash(text)
    )


def _pick_title(lines: list[Line]) -> tuple[str, str, Line | None]:
    worded = [
        line
        for line in lines
        if usable(fields._line_title_text(line)) and not tags.is_navigation(line)
    ]
    # "`RVOS` `Feb` - [paper](a) - Title ..." wrapped onto a second line: not a line of tags
    untagged = [
        line
        for line in worded
        if not tags.is_tag_line(line) or plaintitle.title_after_links(line) is not None
    ]
    worded = untagged or worded  # "`【2025-06】-【PAL】`" then "**Title**": the tags label it
    if not worded:
        return "", "", None
    first = worded[0]
    if field := field_title(first):  # "Title: ...", a heading over its byline
        return field, "cited", first
    # "**Tobit**: Zou, B. (2019). Title. Energy.": a bold label, then the citation
    marked = [span for span in first.strong if not _is_label(first, span)]
    cite = None if first.links or marked else citation.of_lines(worded)
    if cite:  # "Lee, A. (2019). Title. Venue", 'A. Lee, "Title," Venue 2019': a citation
        return cite.title, "cited", first
    if own := cited.own_citation(first, worded):  # "* Owl-Net [Paper]" / "* Names, Title, 2015"
        return own[0], "cited", own[1]
    if len(worded) > 1 and cited.topic(first) and cited.titled_paper_line(worded[1]):
        # "Side-Channel Detection" / "i. Title, ..": a topic line over its papers' lines
        return plaintitle.title_text(worded[1]), "plain", worded[1]
    if len(worded) > 1 and (below := cited.title_under_names(first, worded[1], line_title)):
        return below[0], below[1], worded[1]  # "**Ann Lee**, Bo Chen: <br>" / "**Title.**"
    found = line_title(first)
    if found and found[1] == "bold" and _is_label(first, found[0]):
        # the bold name labels the paper whose title is linked after it
        linked = next(((t, line) for line in worded if (t := _link_title(line))), None)
        if linked:
            return linked[0], "link", linked[1]
    if found and found[1] == "bold":
        # "**Start of the title**: rest of the title", *Venue*: a quote left open
        stray = _STRAY_QUOTE.match(fields._line_title_text(first))
        if stray and stray[1].strip(" *_") == found[0].strip(" *_"):
            return squash(stray[1] + stray[2]), "bold", first
    if found and (below := cited.full_title_below(_NUMBERED.sub("", found[0]), worded)):
        return below
    if found and found[1] == "link" and (cite := citation.read(found[0])) and cite.authors:
        return cite.title, "cited", first  # "[Lee, A. (2005). Title. OOPSLA '05.](url)"
    if found and found[0] == plaintitle.title_after_links(first):  # the title ends the line
        return found[0] + cited.wrapped_end(first, worded, linked=True), found[1], first
    if found:
        return found[0], found[1], first
    lead = cited.dashed_bold(first)
    if lead:
        return lead, "bold", first
    # "Resources: [Paper]()": labelled links, no title
    plain = "" if tags.is_labelled_links(first) else plaintitle.title_text(first)
    if usable(plain) and (below := cited.full_title_below(plain, worded)):
        return below  # "**LAVENDER** [[Paper](url)] @Org" / "<br/> LAVENDER: Unifying ..."
    lead_in = plain.rstrip().endswith((",", ":"))  # "Surname,T. and Other, B.," then the title
    if (
        usable(plain)
        and len(plain.split()) >= 2
        and not fields.names_line(plain.strip())
        and not (lead_in and len(worded) > 1)
    ):
        return plain + cited.wrapped_end(first, worded), "plain", first
    for line in worded[1:]:
        found = line_title(line)
        if found:
            return found[0], found[1], line
    if usable(plain) and not fields._SURNAME_FIRST.match(plain) and not cited.LABEL.match(plain):
        return plain, "plain", first  # "**OpenReview**: <url>" has no title
    return "", "", None


def clean(title: str) -> tuple[str, str | None, int | None]:
    """The title as a reader gives it (no emoji, nickname, venue, year, note in another
    language) and the venue and year taken off it."""
    title = linkwords.drop_trailing(fields.clean_listed_title(title))  # "Title, pdf"
    title, dated = byline.drop_dated_names(title)  # "Quicksort. Hoare (1962)."
    title = _NUMBERED.sub("", title)
    title = _LEAD_IN.sub("", title) if len(_LEAD_IN.sub("", title).split()) >= 2 else title
    title, venue, year = lexicon.strip_title(title)
    year = year or dated
    if re.search(r"[A-Za-z]{3}", title):
        title = _FOREIGN_NOTE.sub("", title)
    title = nicknames.drop(title)  # "**Title (NICK)**"
    if venue is None and year is None:  # "Networks(L-Softmax loss)": a note typed onto it
        title = re.sub(r"(?<=[a-z]{3})\([A-Z][^()]*\s[^()]*\)$", "", title)
    return title.strip(), venue, year  # inner spacing kept: stored as listed


def read(lines: list[Line], heading_year: int | None = None) -> Parts:
    """The parts of one item's lines."""
    raw, how, title_line = _pick_title(lines)
    title, stuck_venue, stuck_year = clean(raw) if raw else ("", None, None)
    if how == "plain" and stuck_venue is None and stuck_year is None:
        title, stuck_venue, stuck_year = lexicon.cited_venue(title)  # "Title, CACM 1978"
    full = squash(" ".join(fields._line_title_text(line) for line in lines))
    rest = full.replace(raw, " ", 1) if raw else full
    title, linked_venue = citation.venue_in_link(title, raw, full, how)
    after = full[full.find(raw) + len(raw) :] if how in ("quoted", "cited") and raw in full else ""
    piped = pipes.read(fields._line_title_text(title_line)) if how == "plain" else None
    authors = piped.authors if piped else None
    if title_line is not None and how != "link":  # "Title. [Lee (2019)](pdf).": who wrote it
        authors = authors or byline.names_of_link(title_line)
        # "(**Lee et al., 2020**) Title", "Lee et al. (2020) Title"
        cites = [*title_line.strong, byline.cite_lead(title_line.text.lstrip(" -*")) or ""]
        cites = cites if how == "cited" else []
        authors = authors or next(filter(None, map(byline.cite_label, cites)), None)
    for line in lines if authors is None else ():
        span = next((s for s in line.em if cited.authors_span(s) and s not in after + raw), None)
        if span:
            authors = span.strip(" .,")
            break
    if authors is None:
        for line in (line for line in lines if not tags.is_tag_line(line)):
            if line is not title_line and squash(line.text) in raw:
                continue  # the end of a title wrapped onto its line
            text = AUTHORS_LABEL.sub("", line.text.strip())
            named = line is title_line and raw  # "Stone, A., *[Title](url)*, Venue": names lead
            text = byline.leading_names(text, raw) if named else text
            if text and (named or cited.authors_line(text)) and len(text) < 400:
                authors = text.strip(' .,:;"“”')
                break
    venue, venue_year = lexicon.venue_in(piped.venue if piped and piped.venue else rest)
    venue = piped.venue if piped and piped.venue else venue  # "| Neurocomputing |", as listed
    images = [src for line in lines for src in line.images]
    venue = venue or fields.badge_venue(images) or stuck_venue or linked_venue
    venue = venue or fields.link_venue(lines) or cited.dated_italic(lines, raw)
    authors = None if authors == venue else authors  # "*Owl Sciences* 2022": the venue's span
    if authors is None and how in ("bold", "quoted") and title_line is not None:
        authors = cited.names_after_title(title_line, raw)
    elif authors is None and how == "link" and title_line is not None:
        authors = cited.names_after_link(title_line, raw)
    if how == "plain" and venue is None:  # "Title. Lee, Ann and Chen, Bo. OWLS 2015"
        venue, venue_year, names = cited.names_then_venue(rest)
        authors = authors or names
    if how != "plain":  # "**Title** (2023), TOSEM journal, Lee, Ann, et al."
        named, named_year, names = cited.venue_before_names(rest)
        venue, venue_year = (venue, venue_year) if venue else (named, named_year)
        authors = authors or names
    linked = any(line.links for line in lines)
    led = how == "cited" and byline.cite_lead(title_line.text.lstrip(" -*")) is not None
    if venue is None and led:  # "Lee (2014) Title. Owl Letters 3, pp 36-38."
        where = re.match(r"[\s.,]*([A-Z][^,.\d()\[\]]{2,60}?)\s*(?:[Vv]ol\b|\d|\(|,|\.\s|$)", after)
        named = where[1].strip() if where else ""
        known = lexicon.is_venue_only(named) or len(named.split()) >= 2
        venue = named if known and not cited.authors_line(named) else None
    if venue is None and not linked:
        # a plain citation: "Authors. 2020. “Title.” *Journal of X*." names its journal in
        # italics; after a quoted title an italic span is the journal, however name-like
        # (*American Owl Review*), and so are the plain words up to the stop
        venue = next(
            (
                e.strip(" .,")
                for line in lines
                for e in line.em
                if e not in raw
                and len(e.split()) >= 2
                and (not cited.authors_span(e) or e in after)
            ),
            None,
        )
        plain_venue = re.match(r"^[\"”\s.,]*([A-Z][^.()\d]{4,80}?)\s*\.?\s*$", after)
        plain_venue = None if is_field(after) else plain_venue  # "Authors: ..."
        venue = venue or (plain_venue and plain_venue[1].strip()) or None
    # "Title [[7 Jun 2021]](arxiv)": a date as a link's words dates the paper
    labels = [link.text for line in lines for link in line.links if is_date_label(link.text)]
    dated = " ".join([dates_only(rest), *labels])
    year = venue_year or stuck_year or year_in(dated) or year_in(venue or "")
    if year is None and not linked:
        year = year_in(rest)  # "Authors. 2020. “Title.”": a citation's year
    if how == "cited" and (cite := citation.of_lines(lines[lines.index(title_line) :])):
        authors, venue, year = cite.authors or authors, cite.venue or venue, cite.year or year
        dated = dates_only(fields._line_title_text(title_line))  # not its notes' dates
    # "2011 Title": the title's own line dates it (not a heading, nor a line under it)
    year_listed = year is not None and title_line is not None and str(year) in title_line.text
    year = year or heading_year
    if year is None and venue:
        year = lexicon.venue_in(venue)[1]
    at = next((i for i, line in enumerate(lines) if line is title_line), len(lines))
    linking = [ln for i, ln in enumerate(lines) if not tags.leads_around(ln, under_title=i > at)]
    links, kinds = fields.sorted_links([Cell(linking or [Line()])])
    title_links = {
        fields.link_kind(link) for line in lines for link in line.links if link.text == raw
    }
    strong = any(
        fields.link_kind(link, first=False) == fields.PAPER
        and not (_other_work(link, raw, title_links) and not _own_line(line, title_line))
        and not _in_prose(line, link)
        for line in linking
        for link in line.links
    )
    if fields.PAPER not in kinds and title_line is not None and not raw.startswith("("):
        # "Title. Lee, Ann. arXiv:1907.02226 [[code]]": the preprint a citation names, the
        # paper's one link (a note's arXiv id under a linked paper stays the note's, and a
        # caption's "(from Lee, Title, arXiv:1506.01497)" the figure's)
        written = [f"https://arxiv.org/abs/{i}" for i in written_arxiv_ids(title_line.text)]
        links, kinds = (*written[:1], *links), (fields.PAPER,) * len(written[:1]) + kinds
        strong = strong or bool(written)
    key = next((k for line in lines for k in line.keys), None)
    promised = any(  # "[paper]()", "[Title]()", "[[Journal]]()": a link left without target
        not link.href.strip() and linkwords.kind_of_words(link.text) in (fields.PAPER, None)
        for line in lines
        for link in line.links
    )
    return Parts(
        title=title,
        title_from=how,
        authors=authors,
        venue=venue,
        year=year,
        date=lexicon.precise_date(dated),
        links=links,
        kinds=kinds,
        key=key,
        words=fields.word_count(title),
        paper_link=strong,
        paper_promised=promised,
        paper_apart=strong and title_links == {fields.PROJECT},
        paper_named=any(fields.named_paper(link) for line in linking for link in line.links),
        title_linked=any(
            len(t := link.text.strip(" *_")) > 3 and t in raw
            for line in lines
            for link in line.links
        ),
        year_listed=year_listed,
    )
