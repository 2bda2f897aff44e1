"""A plain citation line read the way a person reads a reference list.

Reference lists paste citations in the style of whatever tool or venue they came from: APA
(``Lee, A., & Chen, B. (2019, May). Title. In Venue (pp. 1-9).``), ACM (``Ann Lee and Bo
Chen. 2019. Title. In Venue.``), LNCS (``Lee, A., Chen, B.: Title. Venue (2019)``), IEEE,
Chicago and MLA with a quoted title (``A. Lee and B. Chen, "Title," in Proc. X, 2019.``),
Vancouver (``Lee A, Chen B. Title. Journal. 2019;12:1-9.``) and the short ``Ann Lee. Title.
VENUE 2019``. Whatever the style, the title is the sentence that is neither the names nor
the venue, pages and date; a line is a citation only when it names its authors (or opens with
its venue) and gives a venue or a year, so prose and bare titles are left to other readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...identifiers.links import joined_arxiv
from . import fields, fieldtitle, gbt, lexicon, mla, refnames, reftail
from .inline import Line, squash, strip_emoji

_WRAPPED_LINES = 3  # source lines one citation may take

YEAR = reftail.YEAR  # a year in a reference, the same for its tail
_QUOTE = re.compile(r"[\"“”]")
_DATED = re.compile(r"[\s.,]*\(?((?:19|20)\d{2})[a-z]?\)?[\s.,]*$")  # names' closing date
# APA: the names, then "(2019)", "(2019a)", "(2019, May)": the date closes the authors
# ("(2013 MS)", "(2022 JoF)": the journal's short name beside the year)
_APA = re.compile(
    r"^(?P<names>[^()]+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?(?:,[^()]{1,20}"
    r"|\s+(?P<tag>[A-Z][A-Za-z&.]{1,9}))?\)\.?\s+"
)
# Vancouver: "Lee A, Chen BC, Moss D." — surnames followed by their initials, no stops inside
_VANCOUVER = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]{1,3}"
    r"(?:, (?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]{1,3}|et al))*)\.\s+"
)
_VANCOUVER_DATE = re.compile(r"\.\s(?:19|20)\d{2}(?:\s\w{3})?;")  # "Cell. 2013;152: 327–339."
# words whose stop does not end a sentence: initials (F., M.E.), abbreviations
_NO_STOP = re.compile(r"[A-Z](?:\.-?[A-Z]){0,2}|vs|cf|e\.g|i\.e|Proc|Vol|No|pp|eds?|Jr|St")
# "Lee, A., Chen, B.": surname-first names up to their last initials
_SURNAME_INITIALS = re.compile(
    r"^[A-Z][\w'’-]+,\s+[A-Z]\.(?:.*[\w'’-]{2},\s+[A-Z]\.)?(?:\s*[A-Z]\.)*$"
)
_INITIALLED_END = re.compile(r"(?:[A-Z]\.\s*){1,3}(?:(?:van|von|de|der)\s+)?[A-Z][\w'’-]+$")
_INITIAL = re.compile(r"[A-Z]\.|[,&(]|and\b|et\.?\s*al\b")  # what goes on with a name's initials
_INITIAL_END = re.compile(r"(?<![\s,&][A-Z])\.$")  # "Lee, A." keeps its initial's stop
# "Title CACM in 2009": a capitalised short name and a year close the title's sentence
# a reference's number, or the day its reader noted it: "[12] ", "9. ", "(2022-6-5) "
_ORDINAL = re.compile(
    r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|[(\[]\s*(?:19|20)\d\d[-./]\d{1,2}(?:[-./]\d{1,2})?\s*[)\]])"
    r"\s+(?=\S)"
)
_JOINT = re.compile(r"(?<=[A-Z]\.)\*+(?=[\s,&])")  # "Lee, A.*": a joint first author's mark
_TRAILING_VENUE = re.compile(r"[\s,]+([A-Z]{3,8})(?:\s+in)?[\s,]+((?:19|20)\d{2})\.?$")


# a few words and a colon before a citation: what the list files it under
_LABEL = re.compile(r"^[^\s:][^:,.()]{0,30}?:\s+(?P<cited>\S.{20,})$")


@dataclass(frozen=True)
class Citation:
    title: str
    authors: str | None
    venue: str | None
    year: int | None


def of_lines(lines: list[Line]) -> Citation | None:
    """The citation the item's first lines write, None if they write none: a citation
    wrapped onto the next source lines (before any link) is read on while its names or its
    title's sentence are left open at the end of a line."""
    texts: list[str] = []
    found = None
    for line in lines[:_WRAPPED_LINES]:
        if texts and not line.soft:
            break  # "Title <br> Ann Lee, Owl L. Rev. (2012)": a break the writer made, no wrap
        # "Ann Lee, Bo Chen, Title, 2015 [[Paper]](url)": names one by one; a bare address
        # ("Title. Venue. https://...") is read past
        if any(not link.bare for link in line.links):
            # "Lee, A., & Chen, B. (2016, May). Title. In Venue. [[paper](url)]": APA too
            text = _JOINT.sub("", fields._line_title_text(line, upto_links=True))
            apa = None if texts else _apa(re.sub(r"^\W*\[[^\]]{1,30}\]\W*", "", text))  # "[Owls]"
            # (APA's own names only, "Lee, A., & Chen, B.": "Title (2014) - Ann Lee" is none)
            apa = apa if apa and re.match(r"[A-Z][\w'’-]+,\s+[A-Z]\.", apa.authors or "") else None
            apa = apa and Citation(
                apa.title.removesuffix("."),
                (apa.authors or "").removesuffix(".") or None,
                apa.venue,
                apa.year,
            )  # the sentence's stops, as the names and title after a label are read
            # "Lee A, Chen B. Deep owl" / "recommendation[C]//Venue. 2013. [[pdf]](url)": a
            # GB/T reference's type closes its title, on whichever line
            typed = _gbt(squash(" ".join([*texts, text])))
            # "Title. Weisz, et al. IUI (2021). [Notes](x.md)": the names after the title
            named = _title_then_names(_unnumbered(squash(strip_emoji(text))))
            found = found or typed or (None if texts else commas(text) or apa or named)
            break
        texts.append(fields._line_title_text(line))
        joined = squash(" ".join(texts))
        now = read(joined)
        if now is None and found is not None:
            break
        found = now or found
        title_open = now and not now.venue and joined.endswith(now.title)
        if now and not (title_open and not now.title.endswith((".", "?", "!"))):
            break
    return found


def _unnumbered(text: str) -> str:
    """A reference without its number or reading date (``9. Lee, A. ...``, ``(2022-6-5)
    Title. ...``) and its joint-first marks (``Lee, A.*, Moss, B.*``)."""
    return _JOINT.sub("", _ORDINAL.sub("", text))


def read(text: str) -> Citation | None:
    """The parts of a citation written out in words, None when the text is not one."""
    # "*Lee, A. (2019). Title. _Venue_": a stray mark; "🔥 Lee, A. (2019)": a reader's marker
    text = joined_arxiv(squash(strip_emoji(text)).lstrip("*_ "))  # "arXiv:1908. 00723"
    text = _unnumbered(text)
    for style in (
        _gbt,
        _apa,
        _quoted,
        _vancouver,
        _by,
        _sentences_read,
        _title_first,
        _title_then_names,
        _mla,
        commas,
    ):
        found = style(text)
        if found is not None:
            return found if found.venue or found.year else None
    # "**Tobit**: Zou, B., & Luo, B. (2019). Title. Energy.": a label, then a citation whose
    # names are marked as such (dated in brackets, quoted title, initials)
    labelled = _LABEL.match(text)
    for style in (_apa, _quoted, _vancouver) if labelled else ():
        found = style(labelled["cited"])
        if found is not None and (found.venue or found.year):
            return found
    return None


def _finish(title: str, authors: str | None, rest: str, year: int | None = None) -> Citation | None:
    """Venue and year from what follows the title; the title as the line writes it (a comma or
    quote is the citation's; parts.read leaves off the stop that closes its sentence)."""
    title = title.strip(' "“”,;:')
    venue = None
    if not rest.strip(" .,;"):
        # "Title, OOPSLA 1989.", "Title CACM in 2009": the venue closes the title's sentence
        title, venue, stuck = lexicon.strip_title(title)
        if venue is None:
            title, venue, stuck = lexicon.cited_venue(title)
        if venue is None and (trailing := _TRAILING_VENUE.search(title)):
            title, venue, stuck = title[: trailing.start()], trailing[1], int(trailing[2])
        year = year or stuck
    else:
        venue = reftail.venue_name(rest)
        years = reftail.years(rest)
        year = year or (years[0] if years else lexicon.venue_in(rest)[1])
        if year is None and (short := re.search(r"[A-Za-z]['’](\d{2})\b", rest)):
            year = lexicon.two_digit_year(int(short[1]))  # "Annals of Mathematics'51"
    title = title.lstrip(' "“”,.;:').rstrip(' "“”,;:')
    if not _worded(title):
        return None
    authors = _INITIAL_END.sub("", authors.strip(' "“”,;:')) if authors else None
    return Citation(title, authors or None, _preprint(venue), year)


def _worded(title: str) -> bool:
    """Two words at least, or a few characters of a script written without spaces."""
    cjk = re.search(f"[{fieldtitle.CJK_CHARS}]{{4}}", title)
    return bool(cjk or len(title.split()) >= 2 and re.search(r"[^\W\d_]{2}", title))


def _preprint(venue: str | None) -> str | None:
    """``arXiv preprint arXiv:2303.10909``: the venue is arXiv."""
    return "arXiv" if venue and re.match(r"(?i)arxiv\s+preprint\b", venue) else venue


def _quoted(text: str) -> Citation | None:
    """IEEE, Chicago, MLA: ``Names, "Title," Venue, year``; a quote left open runs to the
    comma before a venue the lexicon knows."""
    quotes = list(_QUOTE.finditer(text))
    if not quotes:
        return None
    authors, start = text[: quotes[0].start()], quotes[0].end()
    dated = _DATED.search(authors)  # Chicago: 'Lee, Ann. 2019. "Title."'
    year = int(dated[1]) if dated else None
    authors = authors[: dated.start()] if dated else authors
    if not refnames.names(authors):
        return None
    if len(quotes) >= 2:
        return _finish(text[start : quotes[1].start()], authors, text[quotes[1].end() :], year)
    for comma in re.finditer(r",\s+", text[start:]):
        after = text[start + comma.end() :]
        venue, _ = lexicon.venue_in(after)
        if venue and after.startswith(venue):
            return _finish(text[start : start + comma.start()], authors, after, year)
    return None


# "J Nash", "R. J. Aumann", "M Yannakakis:": initials, a surname, then the title
_LONE_AUTHOR = re.compile(
    r"(?P<name>(?:[A-Z]\.\s*|(?![AI]\s+\S+$)[A-Z]\s+){1,3}(?:(?:van|von|de|der|da|le)\s+){0,2}[A-Z][a-z][\w'’-]*)"
    r"(?::\s+|$)"
)


def commas(text: str) -> Citation | None:
    """``Ann Lee, Bo Chen and Cy Moss, Title, VENUE, 2015.``: names one by one, each part
    of its own between commas, then the title, then the venue, year or arXiv number; a
    title may hold commas (``Seed, Grow and Prune: ...``) as its first part is no name.
    Two authors at least must lead, as one name-like part (``Graph Nets, ...``) may be a
    title's."""
    text = squash(fields._EMPTY_BRACKETS.sub(" ", text)).rstrip(" .,")  # "2015 [] []": links
    parts = [p.strip() for p in re.split(r",\s+", text)]
    lead = people = 0
    for part in parts:
        if re.search(r"[a-z]{2}\.\s", part):  # "Bo Chen. Title": a stop ends the names
            break
        if not refnames.one_by_one(part):
            break
        lead, people = lead + 1, people + refnames.count(part)
    after = parts[lead] if lead < len(parts) else ""
    placed = re.match(r"in\s+[A-Z]", after)  # "..., in Owls and Economic Behavior, 2001"
    if (
        after.startswith(("and ", "& "))
        or not placed
        and refnames.names(_split(after)[0] if after else "")
    ):
        return None  # "Ann Lee, and Bo Chen Moss. Title", "Ann Lee, Bo Chen. Title": names
    if (
        lead == 2
        and reftail.tail(parts, 1) == lead < len(parts)
        and refnames.initials_only(parts[:2])
    ):
        # "J Lee, Non-Cooperative Owls, Annals'51": names written with initials, then a part
        # written without any: a short title that reads like a name
        lead, people = 1, refnames.count(parts[0])
    lone = _LONE_AUTHOR.match(parts[0]) if people < 2 else None
    if lone and not (len(parts) > 1 and _LONE_AUTHOR.match(parts[1])):
        # "J Nash, Title, Annals of Mathematics'51", "M Yannakakis: Title, STACS'08": one
        # author with initials, then a title and a venue or year after it
        parts[:1] = [p for p in (lone["name"], parts[0][lone.end() :]) if p]
        lead, people = 1, (2 if reftail.tail(parts, 1) < len(parts) else people)
    end = reftail.tail(parts, lead)
    title = ", ".join(parts[lead:end])
    sentences = _split(title)
    if len(sentences) > 1 and reftail.journal(sentences[-1]):
        # "R. J. Aumann, Title. Journal of Mathematical Economics, 1:67-96, 1974"
        title, parts = (
            " ".join(sentences[:-1]).removesuffix("."),
            [*parts[:end], sentences[-1], *parts[end:]],
        )
        parts[lead:end] = [title]
        end = lead + 1
    if people < 2 or end <= lead or fields.names_line(title) or len(_QUOTE.findall(title)) % 2:
        return None  # a quote left open: the title goes on on the next line
    rest = reftail.ARXIV.sub("arXiv", ", ".join(parts[end:]))  # "arXiv:1506.01234": the venue
    return _finish(title, ", ".join(parts[:lead]), rest)


def _title_first(text: str) -> Citation | None:
    """``Title, J. Engel, V. Koltun, D. Cremers, In arXiv:1607.02565, 2016``: the title, then
    names with their initials one by one, then the venue and year; no part of the title is
    a name with initials."""
    parts = [p.strip() for p in re.split(r",\s+", text.rstrip(" ."))]
    initialled = [
        all(refnames.INITIALLED.fullmatch(n) for n in re.split(r"\s*(?:\band\b|&)\s*", p) if n)
        for p in parts
    ]  # "J. Engel", "and D. Cremers", "A. J. Davison and S. Leutenegger"
    start = initialled.index(True) if True in initialled else 0
    end = start
    while end < len(parts) and initialled[end]:
        end += 1
    if start == 0 or end == len(parts) or end - start < 2 and not YEAR.search(parts[end]):
        return None  # no names, or no venue or year after them
    head = re.sub(r"^\W*\d{1,3}\W*\s", "", parts[start - 1])  # "[41] L. Liu": a number
    if _QUOTE.search(text) or refnames.names(head, alone=False) or _INITIALLED_END.search(head):
        return None  # 'Lee, A., "Title," ...', "Title Authors: A. Lee, B. Chen": names first
    rest = reftail.ARXIV.sub("arXiv", ", ".join(parts[end:]))  # "In arXiv:1607.02565": the venue
    return _finish(", ".join(parts[:start]), ", ".join(parts[start:end]), rest)


def named_colon(text: str, nickname: str) -> Citation | None:
    """``Ann Lee: Owl Nets for Night. NOCTIS, 2001.`` under the nickname ``Owl Nets``: one
    name before a colon is the author when the sentence after it holds the item's nickname
    (alone, ``Owl Nets: A Survey. Venue`` is a title with a colon)."""
    head = re.match(r"^([^:]{3,60}):\s+(\S.*)$", squash(text))
    if not head or not refnames.ONE_NAME.fullmatch(head[1]) or len(nickname.split()) < 2:
        return None
    sentences = _split(head[2])
    if squash(nickname).casefold() not in sentences[0].casefold():
        return None
    return _finish(sentences[0], head[1], " ".join(sentences[1:]))


_GLUED = re.compile(r"^(?P<title>\S.+?)\s+(?P<name>[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+)$")


def glued(text: str) -> Citation | None:
    """``Owl Nets for Night Ann Lee, Bo Chen, Cy Moss, NOCTIS, 2016``: a title run into its
    first author's name, the other names one by one after it, then only venue and year."""
    text = squash(fields._EMPTY_BRACKETS.sub(" ", text)).rstrip(" .,")
    parts = [p.strip() for p in re.split(r",\s+", text)]
    head = _GLUED.match(parts[0])
    end = reftail.tail(parts, 1)
    names = parts[1:end]
    if (
        not head
        or len(names) < 2
        or not all(refnames.ONE_NAME.fullmatch(n.rstrip(".")) for n in names)
    ):
        return None
    if end == len(parts) or len(head["title"].split()) < 2:
        return None
    authors = ", ".join([head["name"], *names])
    return _finish(head["title"], authors, ", ".join(parts[end:]))


def _apa(text: str) -> Citation | None:
    """APA: the date in brackets closes the names; the title is the next sentence."""
    head = _APA.match(text)
    if (
        not head
        or not refnames.names(head["names"].replace("...", ","))
        or _QUOTE.search(head["names"])
    ):
        return None  # 'Lee, A., et al. "Title." Venue (2017).': a quoted title before the date
    title, rest = _title_rest(text[head.end() :])
    found = _finish(title, head["names"].lstrip(" [("), rest, int(head["year"]))  # "[Lee (2023)]"
    if found and head["tag"] and not found.venue:
        return Citation(found.title, found.authors, head["tag"], found.year)
    return found


def _gbt(text: str) -> Citation | None:
    """A GB/T 7714 reference (gbt.py), as a citation."""
    found = gbt.read(text)
    if found is None or not _worded(found[0]):
        return None
    title, authors, venue, year = found
    return Citation(title, authors, _preprint(venue), year)


def _by(text: str) -> Citation | None:
    """``Title, by C. M. Lee and L. J. Chen, Owl Journal, Volume 71(5), 2003``: the title,
    then its names after ``by``, one by one, then the venue and date."""
    by = re.search(r",\s+by\s+", text)
    if not by:
        return None
    after = [p.strip() for p in re.split(r",\s+", text[by.end() :].rstrip(" ."))]
    named = 0
    while named < len(after) and refnames.one_by_one(after[named]):
        named += 1
    if not named:
        return None
    return _finish(text[: by.start()], ", ".join(after[:named]), ", ".join(after[named:]))


def _vancouver(text: str) -> Citation | None:
    head = _VANCOUVER.match(text)
    if not head or "," not in head["names"] and not _VANCOUVER_DATE.search(text):
        return None  # one name alone ("Zeitlinger J. Title.") only before a Vancouver date
    title, rest = _title_rest(text[head.end() :])
    return _finish(title, head["names"], rest)


def _sentences_read(text: str) -> Citation | None:
    """ACM, LNCS and the short ``Names. Title. Venue year``: names, maybe a year, then the
    title's sentence; or a venue first (``PLDI '13. Title.``). A second sentence of names
    means the first was the title (``Title. Names. Venue``), read elsewhere."""
    sentences = _split(text)
    if len(sentences) < 2:
        return None
    if lexicon.is_venue_only(sentences[0]):
        venue, year = lexicon.venue_in(sentences[0])
        found = _finish(sentences[1], None, " ".join(sentences[2:]), year)
        return found and Citation(found.title, None, found.venue or venue, found.year)
    head, at = sentences[0], 1
    lncs = re.match(r"^(.+?):\s+(\S.*)$", head)  # "Lee, A., Chen, B.: Title": initials
    if lncs and re.search(r"\b[A-Z]\.$", lncs[1]) and fields.names_line(lncs[1]):
        sentences = [lncs[1], lncs[2], *sentences[1:]]
        head = lncs[1]
    # "Owl Nets. Ann Lee. Venue": a name-like phrase before names is a title first
    if not refnames.names(head) or refnames.names(sentences[1]):
        return None
    year = None
    if len(sentences) > 2 and re.fullmatch(r"\(?(?:19|20)\d{2}[a-z]?\)?\.?", sentences[1]):
        year, at = int(sentences[1].strip("().")[:4]), 2  # ACM: "Names. 2019. Title."
    elif dated := re.search(r",\s*((?:19|20)\d{2})[a-z]?\.?$", head):
        year, head = int(dated[1]), head[: dated.start()]  # Harvard: "Lee, A. and Chen, B., 2025."
    subtitle = sentences[at + 1] if len(sentences) >= at + 3 else ""
    if sentences[at].endswith(("?", "!")) and len(subtitle.split()) >= 3:
        # "More Laws, More Growth? Evidence from US States. Journal of X": the subtitle
        sentences[at : at + 2] = [f"{sentences[at]} {sentences[at + 1]}"]
    return _finish(sentences[at], head, " ".join(sentences[at + 1 :]), year)


def _title_then_names(text: str) -> Citation | None:
    """``Title. Weisz, et al. IUI (2021).``, ``Title. Ann Lee and Bo Chen. OWLS 2015``: the
    title's sentence, a sentence of names, then the venue and date; the title holds no names."""
    sentences = _split(re.sub(r"^\([a-z][\w -]{0,20}\)\s+", "", text))  # "(survey) Title."
    if len(sentences) >= 4 and sentences[0].endswith(("?", "!")) and refnames.byline(sentences[2]):
        sentences[:2] = [f"{sentences[0]} {sentences[1]}"]  # "Better Together? An Evaluation"
    if len(sentences) < 3 or refnames.names(sentences[0]) or not _worded(sentences[0]):
        return None
    if _QUOTE.search(sentences[0]):
        return None  # '"Title" by Ann Lee. P. Chen (eds.), Book': read as quoted
    found = refnames.byline(sentences[1])
    if found is None:
        return None
    head, year = found
    rest = reftail.ARXIV.sub("arXiv", " ".join(sentences[2:]))  # "arXiv:2201.07406": the venue
    cite = _finish(sentences[0], head, rest, year)
    known = lexicon.venue_in(rest)[0]  # "NeurIPS 2020", as the lexicon names it elsewhere
    written = head + "." if head.endswith(" al") else head  # "Diaz et al." keeps its stop
    return cite and Citation(cite.title, written, known or cite.venue, cite.year)


def _mla(text: str) -> Citation | None:
    """MLA's references and titles before BibTeX's names (mla.py)."""
    found = mla.mla(text) or mla.bibtex_names(text)
    return _finish(found[0], found[1], found[2], found[3]) if found else None


def _title_rest(text: str) -> tuple[str, str]:
    """The title's sentence (or quoted span) at the start of TEXT, and what follows it."""
    quoted = re.match(r"\s*[\"“”]([^\"“”]+)[\"“”]", text)
    if quoted:
        return quoted[1], text[quoted.end() :]
    sentences = _split(text)
    if len(sentences) >= 3 and sentences[0].endswith(("?", "!")):
        # "Are Owls Clever? A Field Study. Owl Review, 94(4)": a question, then its subtitle
        sentences[:2] = [f"{sentences[0]} {sentences[1]}"]
    return sentences[0], " ".join(sentences[1:])


def _split(text: str) -> list[str]:
    """Sentences: at a stop before a space, but not after an initial or an abbreviation."""
    sentences, start = [], 0
    for stop in re.finditer(r"(?<=[.?!])\s+", text):
        word = text[start : stop.start()].split()[-1] if text[start : stop.start()].split() else ""
        initial = word.endswith(".") and _NO_STOP.fullmatch(word[:-1].lstrip("("))
        # "Simultaneous localization and mapping: part I. IEEE ...": a part's number ends it
        initial = initial and not fields.PART_END.search(text[start : stop.start()])
        # "Grimon, M-P. and Mills, C.": a hyphened initial before the next name
        joined = re.fullmatch(r"[A-Z]-[A-Z]\.", word) and re.match(
            r"(?:and|&)\s", text[stop.end() :]
        )
        initial = initial or joined
        # "Lee, A., Chen, B. Title": initials after a surname's comma close the names
        closing = _SURNAME_INITIALS.search(text[start : stop.start()]) and not _INITIAL.match(
            text[stop.end() :]
        )
        if initial and not closing:
            continue
        sentences.append(text[start : stop.start()])
        start = stop.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]
