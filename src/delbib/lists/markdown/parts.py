"""An item's parts by role: the title span, authors, venue and year, links by kind.

The title is the span a reader takes for it (a long bold span, a quoted one, a linked title,
``[14]Title``, else the leading plain text), never a link word (``[[Project Page]]``), a venue
(``[CVPR' 14]``) or an authors line. Venue and year come from the lexicon, wherever written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delbib.identifiers import extract, written_arxiv_ids

from . import (
    byline,
    citation,
    cited,
    fields,
    labelled,
    lexicon,
    linetitle,
    linkwords,
    nicknames,
    pipes,
    plaintitle,
    readings,
    refnames,
    reftail,
    tags,
)
from .dates import dates_only, is_date_label, year_in
from .fieldtitle import AUTHORS_LABEL, CJK_CHARS, is_field
from .fieldtitle import title as field_title
from .inline import Cell, Line, squash
from .plaintitle import usable

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
_FOREIGN_AFTER_DASH = re.compile(
    rf"(?:\s*\([^()]*\))?\s+[-–—:]\s+[^{CJK_CHARS}]{{0,40}}[{CJK_CHARS}].*$"
)
# "Reading: ", "**Wednesday reading**: ", "Required readings:": a syllabus's label for what
# its students read
_READING = re.compile(r"^\W*(?:[A-Z]?[a-z]+\s+){0,2}[Rr]eadings?\W{0,3}[:：]\s*\S")
# "Krifka 2000", "Florio & Nicolas", "Chaiphet & Jenks to appear", "Lee et al. 2019": the
# names (and year) a quoted title follows
_SIGNED = re.compile(
    r"(?:^|\s)(?P<names>[A-Z][\w'’-]+(?:\s*(?:&|and)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?)"
    r"(?:\s+(?:(?:19|20)\d\d[a-z]?|to appear))?\s*$"
)
# "1606.08415 Gaussian Error Linear Units", "201801 AMSoftmax: ...", "2014 Title": an arXiv
# id (its year and month plausible), or a year and month, typed before a title
_ID_OR_MONTH_LEAD = re.compile(
    r"^\s*(?:(?P<arxiv>(?:0[7-9]|[12]\d)(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?"
    r"|(?P<year>(?:19|20)\d{2})(?:0[1-9]|1[0-2])?)\s+(?=[A-Z0-9])"
)
# (after a Latin word, not after "Memory를": a Korean title writing an English term)
_FOREIGN_AFTER = re.compile(rf"(?<=[A-Za-z0-9)?!:.])\s+[{CJK_CHARS}].*$")
_STRAY_QUOTE = re.compile(r"^\W*?([^\"“”]+?)(\W{0,3}:[^\"“”]{3,}?)[\"”]")


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
    cites_several: bool = False  # "[1](paper a) [2](paper b)": numbered links to other papers
    reading: bool = False  # "**Reading**: [Title](url)": a syllabus names it a reading
    anchored: bool = False  # "[1. CVPR2023 Title](#1)": its title links within the page
    noted: bool = False  # "[Title](notes/x.md) - Lee": it links the list's own note on it
    peer: bool = False  # a heading among its level's papers, a paper as they are (onepaper.py)


def _own_line(line: Line, title_line: Line | None) -> bool:
    """A line of links under the title (``[Venue (2024)](doi) | [code](url)``): the item's."""
    return line is not title_line and tags.is_links_line(line)


def _is_label(line: Line, span: str) -> bool:
    """``**DVS (Dynamic Vision Sensor)**: Authors, [Title](doi)``: a bold name before a colon."""
    return bool(re.search(re.escape(span) + r"\W{0,3}:", line.text))


def opens_item(line: Line) -> bool:
    return (
        linetitle.line_title(line) is not None
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
        and not linetitle.URLISH.match(text)
        and "et al" not in text
        and not linetitle.venue_words(text)  # "[Owl Letters 2023]": where it appeared
        and squash(text) not in squash(title)
        and squash(title) not in squash(text)
    )


_JOURNAL_AFTER = re.compile(
    r"^(?P<title>.{12,}?(?<!\bvs)(?<!\bal)[^.\s]{2}\.)\s+(?P<venue>(?:(?:[A-Z][\w&-]*\.?|[a-z]{2,}\."
    r"|of|in|and|the|&)\s*){1,8}(?:,\s*[\d(][\d()\s,:–-]*\.?)?)$"
)


def _named_em(line: Line, bold: str) -> str | None:
    """The italic title a bold model name leads to across a dash (``**DETR** — *End-to-End
    Object Detection with Transformers*``), None when the line is not so written."""
    if len(bold.split()) > 3 or not line.em:
        return None
    after = re.match(rf"[\s\[\]xX*-]*{re.escape(bold)}\s*[—–]\s*(.+)$", line.text)
    title = line.em[0].strip()
    if after and after[1].strip(" *_").startswith(title) and len(title.split()) >= 3:
        return title
    return None


_TAG_WORDS = 4  # "**Best Paper Award**", "**査読付き**": a bold tag after a reference


def _marks_after(line: Line, marked: list[str], title: str) -> bool:
    """``Ann Lee. Title. Venue (2025.9) **Oral Presentation Award**``: every bold span comes
    after the citation's title and is a few words, a tag or an award, not a title of its own
    (``Weiser, M. (1991). Scientific American. **The Computer for the 21st Century**``)."""
    at = line.text.find(title.rstrip(". "))
    end = at + len(title.rstrip(". "))
    return at >= 0 and all(
        line.text.find(span, end) >= end and len(span.split()) <= _TAG_WORDS for span in marked
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
    first = next((line for line in worded if line.titles), worded[0])  # a marked work's title
    quoted = next((c for link in first.links if (c := readings.names_quoted(link.text))), None)
    if quoted:  # "[Ann Lee et al., 'Owl Waves'](url)": the names, then the title in quotes
        return quoted.title, "cited", first
    if field := field_title(first):  # "Title: ...", a heading over its byline
        return field, "cited", first
    # "**Tobit**: Zou, B. (2019). Title. Energy.": a bold label, then the citation
    # (the list owner's own name set in bold among the authors, "L. Lin, **H. Zheng**, ...",
    # marks no title)
    marked = [
        span
        for span in first.strong
        if not _is_label(first, span) and not refnames.initialled_name(span)
    ]
    # "Lee, A. (2019). Title. Venue. https://...": a bare address is no title's link
    titled_link = any(  # ("[DOI: 10.1037/met0000418](doi)": an identifier is no title)
        not link.bare and not fields.is_resource_text(link.text) and not _ID_WORDS.match(link.text)
        for link in first.links
    )
    cite = None if titled_link else citation.of_lines(worded)
    if cite and marked and not _marks_after(first, marked, cite.title):
        cite = None
    # "2022 - Title, https://..., May 2022": with no names, the plain reading cleans the title
    cite = None if cite and first.links and not cite.authors else cite
    if cite:  # "Lee, A. (2019). Title. Venue", 'A. Lee, "Title," Venue 2019': a citation
        return cite.title, "cited", first
    if own := cited.own_citation(first, worded):  # "* Owl-Net [Paper]" / "* Names, Title, 2015"
        return own[0], "cited", own[1]
    if len(worded) > 1 and cited.topic(first) and cited.titled_paper_line(worded[1]):
        # "Side-Channel Detection" / "i. Title, ..": a topic line over its papers' lines
        return plaintitle.title_text(worded[1]), "plain", worded[1]
    if len(worded) > 1 and (
        below := cited.title_under_names(first, worded[1], linetitle.line_title)
    ):
        return below[0], below[1], worded[1]  # "**Ann Lee**, Bo Chen: <br>" / "**Title.**"
    found = linetitle.line_title(first)
    if found and found[1] == "bold" and _is_label(first, found[0]):
        # the bold name labels the paper whose title is linked after it
        linked = next(((t, line) for line in worded if (t := linetitle.link_title(line))), None)
        if linked:
            return linked[0], "link", linked[1]
    if found and found[1] == "bold":
        # "**Start of the title**: rest of the title", *Venue*: a quote left open
        stray = _STRAY_QUOTE.match(fields._line_title_text(first))
        if stray and stray[1].strip(" *_") == found[0].strip(" *_"):
            return squash(stray[1] + stray[2]), "bold", first
    if found and (below := cited.full_title_below(linetitle.NUMBERED.sub("", found[0]), worded)):
        return below
    if found and found[1] == "link" and (cite := citation.read(found[0])) and cite.authors:
        return cite.title, "cited", first  # "[Lee, A. (2005). Title. OOPSLA '05.](url)"
    if found and found[0] == plaintitle.title_after_links(first):  # the title ends the line
        return found[0] + cited.wrapped_end(first, worded, linked=True), found[1], first
    if found and found[1] in ("plain", "numbered"):
        # "<b>2020/04</b> Title from A" / "Single Image [[paper]]", "2.Title" / "Ends Here<br>"
        return found[0] + cited.wrapped_end(first, worded), found[1], first
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
    # "Graph-Theoretic Scagnostics" over "Authors: Ann Lee, ...": the names are labelled below
    signed = any(AUTHORS_LABEL.match(line.text) for line in worded[1:])
    if (
        usable(plain)
        and len(plain.split()) >= 2
        and (signed or not fields.names_line(plain.strip()))
        and not (lead_in and len(worded) > 1)
    ):
        return plain + cited.wrapped_end(first, worded), "plain", first
    for line in worded[1:]:
        found = linetitle.line_title(line)
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
    # "1606.08415 Title", "201801 Title": a note's file name, its paper's arXiv id or month
    if lead := _ID_OR_MONTH_LEAD.match(title):
        title, dated = title[lead.end() :], dated or (int(lead["year"]) if lead["year"] else None)
    title = linetitle.NUMBERED.sub("", title)
    title = _LEAD_IN.sub("", title) if len(_LEAD_IN.sub("", title).split()) >= 2 else title
    if placed := reftail.journal_in_brackets(title):  # "Title (Chemistry of Owls, 2019)"
        return placed
    if re.search(r"[A-Za-z]{3}", title):
        title = _FOREIGN_NOTE.sub("", title)
        # "Title (note) - 한국어 설명", "Title 中文翻译": a note in another script after it (and
        # after its venue: "Title RecSys 2021【中文注释】")
        dashed = _FOREIGN_AFTER_DASH.search(title) or _FOREIGN_AFTER.search(title)
        if dashed and len(re.findall(r"[A-Za-z]{3,}", title[: dashed.start()])) >= 3:
            title = title[: dashed.start()]
    title, venue, year = lexicon.strip_title(title)
    if spaced := re.search(r"\s{2,}((?:19|20)\d\d)\s*$", title):  # "Title  2016": set apart
        title, year = title[: spaced.start()], year or int(spaced[1])
    year = year or dated
    title = nicknames.drop(reftail.without_number(title))  # "**Title (NICK)**", "(No. w3)"
    if venue is None and year is None:  # "Networks(L-Softmax loss)": a note typed onto it
        title = re.sub(r"(?<=[a-z]{3})\([A-Z][^()]*\s[^()]*\)$", "", title)
    return title.strip(), venue, year  # inner spacing kept: stored as listed


def read(lines: list[Line], heading_year: int | None = None) -> Parts:
    """The parts of one item's lines."""
    raw, how, title_line = _pick_title(lines)
    if how == "bold" and title_line is not None and (named := _named_em(title_line, raw)):
        raw = named  # "**LeNet-5** — *Gradient-Based Learning Applied to ...*": the name's paper
    # 'A. Lee, "Title," IEEE', "Title, CVPR 2023": the comma is the list's, not the title's
    listed = re.sub(r"[\s,]+$", "", raw)
    title, stuck_venue, stuck_year = clean(listed) if raw else ("", None, None)
    title = re.sub(r"[\s,]+$", "", title)
    if how == "plain" and stuck_venue is None and stuck_year is None:
        title, stuck_venue, stuck_year = lexicon.cited_venue(title)  # "Title, CACM 1978"
    full = squash(" ".join(fields._line_title_text(line) for line in lines))
    rest = full.replace(raw, " ", 1) if raw else full
    title, linked_venue = reftail.venue_in_link(title, raw, full, how)
    after = full[full.find(raw) + len(raw) :] if how in ("quoted", "cited") and raw in full else ""
    piped = pipes.read(fields._line_title_text(title_line)) if how == "plain" else None
    authors = piped.authors if piped else None
    # "Lee et al. (2020) Title": the author-date label a cited title follows
    cited_line = title_line if how == "cited" else None
    lead = byline.cite_lead(cited_line.text.lstrip(" -*")) if cited_line is not None else None
    if title_line is not None and how != "link":  # "Title. [Lee (2019)](pdf).": who wrote it
        authors = authors or byline.names_of_link(title_line)
        # "(**Lee et al., 2020**) Title", "Lee et al. (2020) Title"
        cites = [*title_line.strong, lead or ""] if cited_line is not None else []
        authors = authors or next(filter(None, map(byline.cite_label, cites)), None)
    if authors is None and how == "quoted" and title_line is not None:
        # "| Sep 8 | Krifka 2000 ["Title"](url) |", "Florio & Nicolas "Title"": who, and when
        before = fields._line_title_text(title_line).split(raw, 1)[0].split("|")[-1]
        signed = _SIGNED.search(before.rstrip(' ["“'))
        authors = signed["names"] if signed else None
    if authors is None and how == "quoted" and title_line is not None:
        lead = cited.italic_lead(title_line)  # "*Title.* (2003) Ann Lee, Bo Chen."
        authors = lead[1] if lead and lead[0] == raw else None
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
                authors = text.strip(" .,:;\"“”'‘’")
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
    # "[Title](paper_notes/x.md) - Cremers": the list's own note on the paper, then who
    noted_by = cited.noted_by(title_line, raw) if how == "link" and title_line else None
    authors = authors or noted_by
    if how == "plain" and venue is None:  # "Title. Lee, Ann and Chen, Bo. OWLS 2015"
        venue, venue_year, names = cited.names_then_venue(rest)
        authors = authors or names
    if how == "plain" and authors and (placed := readings.byline_venue(authors)):
        # "Title" / "<br> Jo Lee, 52 Owl L. Rev. 1 (2012)": the byline's names, then its venue
        # (the whole of it: "2016 ICML Workshop on Owls", not the lexicon's "ICML Workshop")
        authors = placed[0]
        whole = placed[1] and not re.search(r"[,:]", placed[1])  # one name, no title's parts
        if placed[1] and (venue is None or whole and 0 <= placed[1].find(venue) <= 5):
            venue, venue_year = placed[1], placed[2] or venue_year
    journal = _JOURNAL_AFTER.match(title) if how == "plain" and authors and not venue else None
    if journal and re.search(r"\w\.(?:\s|$)|\d", journal["venue"]):
        # "[Lee et al. 2016](pdf) - Title. Nat. Com", "Title. Molecular Owls, 26, 58-95.": a
        # journal's name, abbreviated or with its volume, after a cited title's stop
        title, venue = journal["title"].removesuffix("."), journal["venue"].rstrip(" .,")
    if how != "plain":  # "**Title** (2023), TOSEM journal, Lee, Ann, et al."
        named, named_year, names = cited.venue_before_names(rest)
        venue, venue_year = (venue, venue_year) if venue else (named, named_year)
        authors = authors or names
    linked = any(line.links for line in lines)
    if venue is None and lead:  # "Lee (2014) Title. Owl Letters 3, pp 36-38."
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
    if venue and authors and venue.strip(" .") == authors.strip(" ."):
        venue = None  # "*Title.* Ann Lee, Bo Chen.": the words after the title are its names
    # "Title [[7 Jun 2021]](arxiv)": a date as a link's words dates the paper
    labels = [link.text for line in lines for link in line.links if is_date_label(link.text)]
    dated = " ".join([dates_only(rest), *labels])
    year = venue_year or stuck_year or year_in(dated) or year_in(venue or "")
    if year is None and not linked:
        year = year_in(rest)  # "Authors. 2020. “Title.”": a citation's year
    cite = None
    if how == "cited" and title_line is not None:
        # "[Lee and Park (2022 JoF). Title.](notes.html)": the reference is the link's words
        cite = citation.of_lines(lines[lines.index(title_line) :]) or next(
            (c for ln in title_line.links if raw in ln.text and (c := citation.read(ln.text))),
            None,
        )
    if cite is not None:
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
        and not linetitle.in_prose(line, link)
        for line in linking
        for link in line.links
    )
    if fields.PAPER not in kinds and title_line is not None and not raw.startswith("("):
        # "Title. Lee, Ann. arXiv:1907.02226 [[code]]": the preprint a citation names, the
        # paper's one link (a note's arXiv id under a linked paper stays the note's, and a
        # caption's "(from Lee, Title, arXiv:1506.01497)" the figure's)
        ids = written_arxiv_ids(title_line.text)
        typed = _ID_OR_MONTH_LEAD.match(raw)
        ids = ids or ([typed["arxiv"]] if typed and typed["arxiv"] else [])
        written = [f"https://arxiv.org/abs/{i}" for i in ids]
        links, kinds = (*written[:1], *links), (fields.PAPER,) * len(written[:1]) + kinds
        strong = strong or bool(written)
    key = next((k for line in lines for k in line.keys), None)
    promised = any(  # "[paper]()", "[Title]()", "[[Paper]](nan)": a link left without target
        link.href.strip().casefold() in _NO_TARGET
        and linkwords.kind_of_words(link.text) in (fields.PAPER, None)
        for line in lines
        for link in line.links
    )
    return Parts(
        title=fields.without_stop(title),
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
        cites_several=cites_several(linking),
        reading=bool(title_line is not None and _READING.match(title_line.text)),
        # "[1. CVPR2023 Title](#1)": the title's own link leads within the page, as does every
        # other ("[Lee et al., 2018](#lee18): *Title*" cites a paper by its title)
        anchored=bool(anchors := [link for line in lines for link in line.links])
        and all(link.href.strip().startswith("#") for link in anchors)
        and any(raw and raw in link.text for link in anchors),
        noted=noted_by is not None and authors == noted_by,
    )


_ID_WORDS = re.compile(r"\s*(?:doi|arxiv|pmid|isbn|https?)\b\s*:", re.I)
# "[[Paper]](link)": a template's placeholder the maintainer never filled in
_NO_TARGET = frozenset(("", "nan", "none", "null", "#", "tbd", "todo", "link", "url", "xxx", "..."))
_OWN_TITLE_WORDS = 3  # "[Owl Nets for the Night](arxiv)": a link titled by its paper


def cites_several(lines: list[Line]) -> bool:
    """Links labelled by numbers only (``[1] [2] [3]``) to two papers or more, or titled by
    their own titles to three or more (a theme's row, ``| Owl Fronts | [Title A](arxiv)
    [Title B](arxiv) [Title C](arxiv) |``): the references a row or note cites, not one
    paper's links."""
    numbered, titled = set(), set()
    for link in (link for line in lines for link in line.links):
        if fields.link_kind(link) != fields.PAPER:
            continue
        paper = tuple(extract(link.href)) or link.href.split("?")[0]
        if re.fullmatch(r"\[?\d{1,3}\]?", link.text.strip()):
            numbered.add(paper)
        elif len(link.text.split()) >= _OWN_TITLE_WORDS:
            titled.add(paper)
    return len(numbered) >= 2 or len(titled) >= 3
