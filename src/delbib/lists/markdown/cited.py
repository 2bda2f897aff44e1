"""How a citation written out in words names its parts: authors in italics or on a line of
their own, a venue in italics before the year (whole plain citations: ``citation``); and how
an item's lines share them out: a title wrapped onto the next line, a full title under a short
name, a topic line over titled paper lines.

Plain citation lists (``Authors. 2020. Title. *Journal*``) give no link to lean on, so these
readers look at how the words are set, not at what the lexicon knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import citation, fields, fieldtitle, lexicon, readings, refnames
from .inline import Line, squash


def authors_span(text: str) -> bool:
    """An italic span of names, not ``*Journal of X, May 2021*``."""
    if "et al" in text:
        return True
    return (
        fields.looks_like_authors(text)
        and not _sentence(text)
        and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\b(?:of|for|on|in|the|with)\b", text)
    )


def authors_line(text: str) -> bool:
    """A line of names; a sentence that happens to hold two capitalised words before a comma
    (``Propose a dataflow called Row Stationary, which ...``) is a note, not names."""
    if _sentence(text):
        return False
    return bool(fields._SURNAME_FIRST.match(text)) or fields.looks_like_authors(text)


_NAME_PARTICLES = frozenset(
    ["and", "et", "al", "van", "von", "de", "der", "den", "da", "del", "di", "du", "la", "le"]
)


def _sentence(text: str) -> bool:
    """Most of its words (particles of names aside) start in lower case."""
    words = [w for w in re.findall(r"\b[^\W\d_][\w'’-]+", text) if w not in _NAME_PARTICLES]
    return len(words) >= 6 and sum(w[0].islower() for w in words) * 2 > len(words)


def dated_italic(lines: list[Line], title: str) -> str | None:
    """``Authors. *Preprints.org* 2026.``: an italic span right before a year, outside the
    title and not a list of names, is the venue, however short or name-like (*Owl Patterns*);
    alone on its line it is as likely the authors, and left to them."""
    for line in lines:
        for span in line.em:
            if (
                span not in title
                and "," not in span  # "*Lee, A., Moss, B.* 2023": names
                and "et al" not in span
                and not line.text.lstrip(" *_").startswith(span)  # "*Ann Lee* 2022.7": names
                and re.search(re.escape(span) + r"[\s,.]{0,3}(?:19|20)\d{2}(?!\d)", line.text)
            ):
                return span.strip(" .,")
    return None


# "OWLS 2015", "Owl Letters, 2015": a venue named in capitalised words, then its year
_NAMED_DATED = re.compile(
    r"\s*([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})[\s,]+((?:19|20)\d{2})\W*"
)


def names_then_venue(rest: str) -> tuple[str | None, int | None, str | None]:
    """The venue, year and authors of ``Title. Lee, Ann and Chen, Bo. OWLS 2015``: after the
    title's stop, a sentence of names, then a venue however unknown its name, and its year."""
    pieces = STOP.split(rest.strip(" ."), maxsplit=1)
    if len(pieces) < 2 or not fields.names_line(pieces[0]):
        return None, None, None
    dated = _NAMED_DATED.fullmatch(pieces[1])
    return (dated[1], int(dated[2]), pieces[0]) if dated else (None, None, None)


# "**Title** (2023), TOSEM journal, Huang, Qing, et al.": the year, the venue, then the names
_YEAR_VENUE_NAMES = re.compile(
    r"^[\s*_.,:-]*\(?((?:19|20)\d{2})\)?\s*,\s*([A-Za-z][^,()]{1,40}?)\s*,\s*"
    r"(?=[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,|.*\bet al\b)"
)


def venue_before_names(rest: str) -> tuple[str | None, int | None, str | None]:
    """The venue, year and authors of ``Title (2023), TOSEM journal, Huang, Qing, et al.``:
    after the title, the year, then a short part, then the authors; the short part is the
    venue, however unknown its name."""
    match = _YEAR_VENUE_NAMES.match(rest)
    if not match or fields.names_line(match.group(2)):
        return None, None, None
    names = re.split(r"\s*[\[(]", rest[match.end() :], maxsplit=1)[0].strip(" ,")
    return match.group(2).strip(), int(match.group(1)), names or None


_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*,?|等|&|and|et|al\.?)$")


_DATED_LEAD = re.compile(
    r"^[\s*_.,:]*(?:\(\s*(?:19|20)\d{2}[a-z]?\s*\)|(?:19|20)\d{2}[a-z]?[.,:])?\s*"
)


def italic_lead(line: Line) -> tuple[str, str] | None:
    """``- *How Shall We Assess This?* (2003) Ann Lee, Bo Chen, and Jo Park.``: a line that
    opens with an italic span and goes on with names (after the year) opens with its title;
    the title and the names."""
    if not line.em:
        return None
    span = line.em[0].strip()
    text = fields._line_title_text(line).lstrip(" -*_+")
    if len(span.split()) < 2 or not text.startswith(span) or line.links:
        return None
    if not re.search(r"[^\W\d_]{3}", span):
        return None  # "*2015.09 - 2019.07*, **Bachelor**, ...": dates set apart
    rest = _DATED_LEAD.sub("", text[len(span) :], count=1).rstrip(" .")
    # "*Long-tailed Recognition* by Routing Diverse Experts. Wang et al.": the title goes on
    first = re.split(r",\s|\s+and\s|\s*&\s", rest, maxsplit=1)[0]
    named = len(first.split()) >= 2 and refnames.names(first)
    return (span, rest) if named and authors_line(rest) else None


_NOTED_BY = re.compile(r"[\s*_]*[-–—]\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s*$")


def noted_by(line: Line, title: str) -> str | None:
    """``* [Direct Sparse Odometry](paper_notes/DSO.md) - Cremers``: a title linking the
    list's own note on it, then who wrote the paper (a surname, or a name or two)."""
    link = next((ln for ln in line.links if ln.text.strip() == title.strip()), None)
    href = link.href.strip() if link else ""
    if not href or re.match(r"[a-z][\w+.-]*:|//|#|www\.", href, re.I):
        return None  # a page elsewhere, or a place on this one: no note of the list's own
    if "/" not in href and not re.search(r"\.(?:md|html?|pdf|txt|rst|ipynb)$", href, re.I):
        return None  # "(sok,-empirical-study)": an anchor missing its "#", no document
    found = _NOTED_BY.match(line.text[line.text.find(title) + len(title) :].lstrip(" *_])"))
    return found[1] if found else None


def names_after_title(line: Line, title: str) -> str | None:
    """``**Title** — Meng 等. *Venue* 2026.``: the names between a dash after the title and
    the stop before an italic venue are the authors."""
    text, at = line.text, line.text.find(title) if title else -1
    if at < 0:
        return None
    match = re.match(r"[\s\"”.]*[—–-]\s+([^.()\[\]]{2,80}?)\.\s+(\S.*)", text[at + len(title) :])
    if not match or not any(match[2].startswith(span) for span in line.em):
        return None
    names = match[1].split()
    return match[1] if len(names) <= 12 and all(map(_NAME_WORD.match, names)) else None


# ", Mildenhall et al., ECCV 2020", " - Abadie, Athey, Imbens (2023)", " - Wald (1945)": names
# after a linked title, up to the venue or the year
_NAMES_AFTER_LINK = re.compile(
    r"[\s*_]*[,–—-]\s+(?P<names>[A-Z][\w.'’-]*(?:(?:,\s+|\s+and\s+|\s*&\s*|\s+)"
    r"[A-Z][\w.'’-]*){0,11}(?:,?\s+et\s+al\.?)?)\s*(?:,\s*\S|\(\s*(?:19|20)\d\d\s*\))"
)


_BY_NAMES = re.compile(r"[\s*_,]*by\s+(?P<names>[^()\[\]|]{2,200}?)\s*\.?\s*$")


def names_after_link(line: Line, title: str) -> str | None:
    """``[Title](page), Lee et al., VENUE 2020``, ``[Title](page) - Lee, Chen (2023)``: the
    names a linked title is followed by, when they are a list of names (several, or "et
    al.") or one name dated in parentheses; a reference's authors, whatever its link."""
    text, at = line.text, line.text.find(title) if title else -1
    by = _BY_NAMES.match(text[at + len(title) :]) if at >= 0 else None
    if by and refnames.names(by["names"]):  # "[Title](x.pdf) by Ann Lee and Bo Chen"
        return by["names"]
    match = _NAMES_AFTER_LINK.match(text[at + len(title) :]) if at >= 0 else None
    if not match or lexicon.venue_in(match["names"])[0]:
        return None
    names = match["names"]
    several = "," in names or " and " in names or "&" in names or "et al" in names
    dated = match[0].rstrip().endswith(")")
    return names if several or dated and len(names.split()) <= 2 else None


def dashed_bold(line: Line) -> str | None:
    """``**Hyperagents** — Zhang et al. *arXiv* 2026.``: a bold span that opens the item
    before a dash is its title, however short."""
    text = fields._line_title_text(line).lstrip(" *_")
    span = line.strong[0] if line.strong else ""
    dashed = span and text.startswith(span) and re.match(r"[*_]*\s+[—–-]\s", text[len(span) :])
    usable = re.search(r"[^\W\d_]", span) and not fields.is_resource_text(span)
    return span if dashed and usable and not lexicon.is_venue_only(span) else None


def own_citation(first: Line, worded: list[Line]) -> tuple[str, Line] | None:
    """The title of a citation that names its authors one by one (``Ann Lee, Bo Chen,
    Title, ICLR, 2015``) on an item whose first line holds plain words and link words only:
    on that line itself (``Ann Lee, Bo Chen, Title, BMVC 2014 [[Paper]](url)``) or on the
    line under it (``* Owl-Net [[Paper]](url)`` / ``* Ann Lee, Bo Chen, Title, 2015``),
    where the first line's words are the paper's nickname; under it, a citation in any
    other style (``Lee, A. (2015). Title. Venue.``) names the paper too."""
    if first.strong or not all(fields.is_resource_text(link.text) for link in first.links):
        return None
    # a first line without links is read as a citation by ``citation.of_lines``; with none
    # it is a nickname only when it is no sentence (``Title.``), no lead-in (``Lee, A.,``)
    # and no line of names
    plain = _spaced(fields._line_title_text(first))
    if not first.links and (plain.endswith((".", ",", ";", ":")) or fields.names_line(plain)):
        return None
    found = (citation.commas(plain) or citation.glued(plain)) if first.links else None
    if found:
        return found.title, first
    under = worded[1:]  # a citation wrapped onto the next source line is read on
    text = _spaced(fields._line_title_text(under[0])) if under else ""
    placed = readings.byline_venue(text)
    if placed and placed[1] and "," not in placed[1]:
        return None  # "Title" / "Ann Lee, and Bo Chen, Owl Review (2015)": its byline
    found = under and (
        citation.commas(text) or citation.of_lines(under) or citation.named_colon(text, plain)
    )
    return (found.title, under[0]) if found else None


LABEL = re.compile(r"^[^\W\d_][\w .'/&-]{0,30}:\s*$")  # "Topic:", "Paper:"
STOP = re.compile(r"(?<!\bvs)(?<!\bcf)(?<!\be\.g)(?<!\bi\.e)(?<!\bet al)\.\s")  # a full stop


_NAME_WORDS = 3  # "**VIOLETv2 (EmpiricalMVM)**", "**Owl Net**": a name, not a title
_NAMES_LEAD = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3},")


# "X is introduced to refine ...", "Downscale the logits using ...": what the paper does;
# "@article{x, title={...}": a BibTeX record
_DESCRIPTION = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:\w+ly\s+)?\w+ed\b|^[A-Z][a-z]+\s+(?:the|a|an)\s+[^:]*$"
    r"|[{}@=]"
)


def full_title_below(
    name: str, worded: list[Line], *, least: int = 4
) -> tuple[str, str, Line] | None:
    """``**Flamingo** [[Paper](url)] @Org`` / ``<br/> Flamingo: a Visual Language Model for
    Few-Shot Learning (NeurIPS 2022)``: under a short name, the next line's plain words in
    Title Case (not names, not a sentence of notes) are the paper's full title; under any
    words, a title the next line labels as one (``Title: ...``)."""
    if len(worded) < 2:
        return None
    line = worded[1]
    if labelled := fieldtitle.title(line):  # "论文名称：Title": a labelled title, whatever above
        return labelled, "cited", line
    if len(name.split()) > _NAME_WORDS:
        return None
    text = squash(fields._line_title_text(line))
    stopped = STOP.search(text.rstrip(" .") + " ")  # "Title." ends with its stop
    if line.links or line.strong or not text or LABEL.match(text) or stopped:
        return None  # "Ann Lee. Technical Report'24": no title, sentences
    if fieldtitle.AUTHORS_LABEL.match(text):
        return None  # "Authors: Ann Lee, Bo Chen": who wrote the paper named above
    words = text.split()
    long = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capital = sum(w[0].isupper() for w in long)
    # under a coined name ("DeepID2+", "Center Loss"), a title in sentence case too ("Deeply
    # learned face representations are sparse"), not a sentence saying what it does
    cased = capital >= 0.75 * len(long) or (
        len(words) >= 5
        and words[0][:1].isupper()
        and len(name.split()) <= 2
        and not _DESCRIPTION.search(text)
    )
    if text.endswith(".") and capital < 0.75 * len(long):
        return None  # "This is for real-world question answering.": a sentence of notes
    if len(words) < least or not cased or fields.names_line(text):
        return None
    if _NAMES_LEAD.match(text):
        return None  # "Iasonas Kokkinos, Title, arXiv:1411.07386": a citation, names first
    return text, "plain", line


def _spaced(text: str) -> str:
    """``Ann Lee,Bo Chen,\tCy Diaz``: names typed without their spaces, spaced as shown."""
    return squash(re.sub(r",(?=[^\s\d])", ", ", text))


_CONNECTIVES = (
    r"and|as|at|by|for|from|in|into|of|on|or|to|via|with|without|towards?|using|under|over"
    r"|between|through|across|beyond|versus|vs\.?"
)
_CUT_END = re.compile(rf"(?:\s(?i:{_CONNECTIVES})|\s(?:a|an|the)|[:–—-])\s*$")
_CUT_TITLED = re.compile(r"\s(?:A|An|The)\s*$")  # "... from A" / "Single Image": Title Case
_GOES_ON = re.compile(rf"(?:{_CONNECTIVES})\s")  # in lower case: a title's words, not a note's
_WRAP_WORDS = 12
_TITLE_CASE_END = re.compile(rf"[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|{_CONNECTIVES}|a|an|the))*")
_TAG_WORDS = 4  # the end of a title wrapped before its venue tag: a few words


def _ends_before_tag(line: Line, text: str) -> bool:
    """``Decomposition [[ICCV 2019]](url)``: a title's last words, then where it appeared."""
    tag = next((link for link in line.links if not link.image_only), None)
    return (
        tag is not None
        and line.text.lstrip(" *_").startswith(text)
        and len(text.split()) <= _TAG_WORDS
        and (lexicon.is_venue_only(tag.text) or fields.is_resource_text(tag.text))
        and not (authors_line(text) or fields.names_line(text))
    )


def wrapped_end(first: Line, worded: list[Line], *, linked: bool = False) -> str:
    """The end of a plain title wrapped onto the next source line (``... for IWSLT 2022`` /
    ``Evaluation. [[PDF](url)]``, ``... with Covariate and`` / ``Label Shift [[ICCV]](url)``):
    GitHub shows one line, so the title goes on until its full stop or its links. A title
    after its line's links (``linked``) goes on the same way."""
    if first.links and not linked or len(worded) < 2 or re.search(r"[.?!]\s*$", first.text):
        return ""
    text = squash(fields._EMPTY_BRACKETS.sub(" ", fields._line_title_text(worded[1])))
    words = text.split()
    # "... with Covariate and" / "Label Shift [[ICCV]](url)", "... Network" / "for 3D
    # Detection": a phrase cut in two goes on, whatever ends it
    titled = _CUT_TITLED.search(first.text) and len(words) >= 2  # not "... B is A" / "Details"
    cut = _CUT_END.search(first.text) or titled or _GOES_ON.match(text)
    cut = cut or _ends_before_tag(worded[1], text)
    # "... Delivery Time Inference" / "Based on Couriers' Trajectories<br>": no break between
    # them, so GitHub shows one line; a few words in Title Case go on with the title
    cut = cut or worded[1].soft and _TITLE_CASE_END.fullmatch(text) and not authors_line(text)
    if (
        not (cut and len(words) <= _WRAP_WORDS or text.endswith(".") and len(words) <= 6)
        or not cut
        and authors_line(text)
        or lexicon.is_venue_only(text)
        or _PLACE_DATE.fullmatch(text)  # "Applied Sciences 2021": where and when, below it
        or worded[1].strong
        or worded[1].em
    ):
        return ""
    return " " + text


_PLACE_DATE = re.compile(
    r"[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|on|and|in)){0,6}\s+(?:19|20)\d{2}"
)


# "Title, Lee et al., 2018 <url> note", "Title Lee et al. 2015": "et al." and a year close
# the title; what follows (a bare link, a note in any language) is not the title's
# (without a comma before them only a surname and initials: "... Perspectives Song et al.")
# "タイトル，松原ら． 2013", "タイトル, 阪上 2018": a name in CJK script ("ら" is "et al.")
_CAP = "A-ZÀ-ÖØ-Þ"
_ETAL_DATED = re.compile(
    rf"(?:(?:\s*[,;:–—-]\s*[{_CAP}][\w'’.\u0300-\u036f-]*(?:\s+[{_CAP}][\w'’.-]*){{0,2}}"
    # "Title; de Marneffe et al., 2014", "Title; Pennington, Jeffrey et al., 2014"
    rf"|\s*;\s*(?:(?:van|von|de|der|den|da|di|du|le)\s+)*"
    rf"[{_CAP}][\w'’.\u0300-\u036f-]*(?:,?\s+[{_CAP}][\w'’.-]*){{0,2}}"
    rf"|\.?\s+[{_CAP}][\w'’\u0300-\u036f-]+(?:\s+[{_CAP}]\.?){{0,2}})\s+et\s+al\b\.?"
    r"|\s*[,，、]\s*[\u3040-\u30ff\u3400-\u9fff]{1,6}[.．]?)\s*,?\s*\(?(?:19|20)\d{2}(?!\d)"
)


def before_dated_byline(text: str) -> str:
    """A plain title's text up to the "Surname et al., year" that follows it."""
    match = _ETAL_DATED.search(text)
    head = text[: match.start()] if match else ""
    if len(head.split()) >= 2 or re.search(r"[\u3040-\u30ff\u3400-\u9fff]{4}", head):
        return re.sub(r"(?<=\w\w)\.$", "", head.rstrip())  # "Title., Lee et al."
    return text


_PAPER_LINE_WORDS = 3  # plain words before a line's paper link that can be its title
_TOPIC_WORDS = 4  # a first line of this many words or fewer may name its papers' topic


def topic(line: Line) -> bool:
    """``Side-Channel Detection``: a few plain words naming a topic, no sentence, no venue."""
    text = line.text.strip()
    return (
        not (line.links or line.strong or line.em)
        and 1 <= len(text.split()) <= _TOPIC_WORDS
        and not re.search(r"[.,;:?!]$|\d", text)
    )


def titled_paper_line(line: Line) -> bool:
    """``i. QFuzz: Quantitative Fuzzing for Side Channels, ISSTA, 2021, [paper](url)``: plain
    words that read as a title (not names, not a venue), then a link to a paper."""
    first = next((link for link in line.links if not link.image_only), None)
    if first is None or line.strong or fields.link_kind(first) != fields.PAPER:
        return False
    lead = fields._line_title_text(line).split(first.text, 1)[0] if first.text else ""
    lead = fields._LEADING_NUMBER.sub("", lead).strip()
    return (
        len(lead.split()) >= _PAPER_LINE_WORDS
        and not lead[:1].islower()  # "for 3D Detection [[ICCV]](url)": a title's end
        and re.search(r"[^\W\d_]", lead) is not None
        and not lexicon.is_venue_only(lead)
        and not fields.names_line(lead.strip(" ,."))
        and "et al" not in lead
        and not lead.rstrip().endswith(":")  # "Animal Scanner: <url>": a label before a link
    )


# "24[AAAI 2020] Title", "[MM2021] Title", "[ArXiv 2019] Title": an index, then a venue tag
_TAGGED = re.compile(r"^\s*(\d{0,3})\s*\[([^\[\]]{2,30})\]\s*(\S.*)$")


def venue_tagged_line(line: Line) -> bool:
    """``24[AAAI 2020] Temporally Grounding Language Queries in Videos``: a line without links
    that cites a paper by where and when it appeared (or numbers it), then its title."""
    tagged = None if line.links else _TAGGED.match(line.text)
    if tagged is None or len(tagged[3].split()) < _PAPER_LINE_WORDS:
        return False
    tag = tagged[2].strip()  # numbered ("55[Survey] Title"), any tag marks the entry
    return bool(tagged[1]) or lexicon.is_venue_only(tag) or bool(lexicon.dated_acronym(tag))


def title_under_names(
    first: Line, second: Line, title_of: Callable[[Line], tuple[str, str] | None]
) -> tuple[str, str] | None:
    """A line of names only (its first author in bold, as a reading list marks whom it
    follows) over a line that opens with a marked title: that title and how it is marked
    (``title_of`` reads a line's title)."""
    text = fields._line_title_text(first).replace("\xa0", " ").strip(" :;,")  # "&nbsp;"
    label = first.strong[0].strip() if first.strong else ""
    after = text[len(label) :]
    if label and text.startswith(label) and (label.endswith(":") or after.lstrip()[:1] == ":"):
        # "**ECO:** Ann Lee, Bo Chen." over '"ECO: Title." CVPR (2017).': the paper's name
        text = after.lstrip(" :")
    if first.links or not fields.names_line(text) or LABEL.match(text + ":"):
        return None
    found = title_of(second)
    marks = ' *_["“”'
    if found is None or found[1] not in ("bold", "quoted", "link"):
        return None
    return found if second.text.lstrip(marks).startswith(found[0].strip(marks)[:20]) else None
