"""Who wrote it: the names a citation writes before its marked title.

``Stone, A., *[Title](url)*``, ``Ann Lee and Bo Chen. 1993. **Title**.`` and ``Lee, Ann (1985)
**Title**``: reference styles (ACM, APA, Chicago) lead with the authors and close them with the
year, so the words before a bold, quoted or linked title are the authors when they are names.
Reference lists also write who and when after the title, as its link's words (``Quicksort.
[Hoare (1962)](pdf).``) or its last sentence: those names are never the title either.
"""

from __future__ import annotations

import re
import unicodedata

from . import cited, fields, lexicon, refnames
from .inline import Line, squash

# "(1985)", ". 1993.", "(2020a). “": the year that closes the names, and the quote that opens
# the title after it
_CLOSING_YEAR = re.compile(
    r"[\s.,]*\(?(?:(?:1[89]|20)\d{2}[a-z]?|n\.\s?d\.?)\)?[\s.,:\"“”'‘]*$"
)  # "(n.d.)": no date

# "[Card, Query-based] ", "(Survey) ": tags a list puts before each citation
_TAGS = re.compile(r"^\s*(?:[\[(][^\[\]()]{1,40}[\])]\s*[:\-–]?\s*)+")


def leading_names(text: str, title: str) -> str:
    """The names before ``title`` in ``text`` (the year that closes them left out), or ""
    when the words there are not names."""
    lead = text[: text.find(title)].strip(" *_") if title and title in text else ""
    lead = _TAGS.sub("", lead)  # "**[Card]** Lee, A. (2019). Title": the tag is no name
    names = _CLOSING_YEAR.sub("", lead)
    if cited.authors_span(lead) or fields._SURNAME_FIRST.match(lead):
        return names
    return names if names != lead and fields.only_names(names) else ""


# a sentence's stop (not an initial's, "B. "); "?" and "!" stay with the title they end
_STOPS = re.compile(r"(?<=[^\s.][^\s.])\.\s+|(?<=[?!])\s+")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
# where the names may end: any full stop, after an initial too ("Wu P, Cong G. Title")
_NAMES_END = re.compile(r"\.\s+")
# "Ann Lee. 2022. In Proceedings of ...", "Ann Lee. *Journal of Owls*, 3(2)": a venue
_VENUE_LEAD = re.compile(
    r"(?:In\s+[A-Z]|Proc(?:eedings|\.)\s|(?:Journal|Transactions|Annals)\s+(?:of|on)\s"
    r"|(?i:arxiv)\s+preprint)"
)


_SPACED_NAMES = re.compile(r"(?<=[^\W\d_])[ \t\u00a0]{2,}(?=[A-Z][^\W\d_]*\.? [A-Z])")


def title_after_names(line: Line) -> str | None:
    """The title of a citation that leads with its authors: ``Lee A, Chen B. *Title*. Venue,
    2019.`` (the italic span after the names) or, when the line links its paper, ``Lee, A., &
    Chen, B. (2019). Title. *Venue*. [[paper](url)]`` (the sentence after the names, dated
    or linked); tags before the names (``**[Card]**``) left out."""
    # "Ann B. Lee  Bo Chen  Carla Moss.": names pasted from a journal's page, a run of
    # spaces between them where a comma would be
    body = _TAGS.sub("", squash(_SPACED_NAMES.sub(", ", fields._line_title_text(line))))
    for span in line.em:
        at = body.find(span)
        dated = re.match(r"[\s,.]{0,3}\(?(?:1[89]|20)\d{2}(?!\d)", body[at + len(span) :])
        if (
            at > 0
            and len(span.split()) >= 2
            and not dated  # "Lee A. *Owl Letters* 2019": a venue
            and not _YEAR.search(span)
            and all_names(_CLOSING_YEAR.sub("", body[:at].strip(" *_.,")))
            and not fields.only_names(span)
            and not _is_venue(span)
        ):
            return span.strip(" .")
    kinds = {fields.link_kind(link) for link in line.links}
    if not kinds - {None} or any(
        body.startswith(span) and len(span) > len(body) / 2 for span in line.em
    ):
        return None  # a plain citation line (cited.py reads those), or names and venue in italics
    for stop in _NAMES_END.finditer(body):
        head = _CLOSING_YEAR.sub("", body[: stop.start()])
        if len(head.split()) < 2:
            continue
        if not all_names(head):
            return None
        pieces = [p.strip() for p in _STOPS.split(body[stop.end() :])]
        while pieces and _CLOSING_YEAR.fullmatch(pieces[0]):
            pieces.pop(0)  # "Lee, A. (2019). Title"
        if pieces and not all_names(_CLOSING_YEAR.sub("", pieces[0])):  # "Ann B. Lee": names
            return _title_of(pieces, line, body[: stop.end()], fields.PAPER in kinds)
    return None


def _title_of(pieces: list[str], line: Line, names: str, linked: bool) -> str | None:
    """The first sentence after the names, when it reads as a title and a year or a paper
    link follows; a "?" or "!" ends it only before a venue, year or journal."""
    end = 1
    while (
        end < len(pieces)
        and pieces[end - 1].endswith(("?", "!"))
        and len(pieces[end].split()) >= 3
        and not _venue_like(pieces[end], line)
    ):
        end += 1  # "Expand your limits! Generating data": the title goes on
    title = " ".join(pieces[:end]).strip(" *_")
    if len(title.split()) < 3 or _YEAR.search(title) or title in line.em or _is_venue(title):
        return None
    return title if linked or _YEAR.search(names + " ".join(pieces[end:])) else None


def all_names(text: str) -> bool:
    """Every part of ``Lee, A., Ann Chen & Bo Ng, et al.`` is a name or initials (one
    typed in lower case among them: ``ann lee``; accents typed as combining marks); a line
    that only starts with names (``Lee, A. (2021). Owl labor``) is not one."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\u2010\u2011]", "-", text)  # "Lloyd‐Jones" typed with a Unicode hyphen
    pieces = [p.strip(" .…") for p in re.split(r",|;|&|\band\b|\bet al\b", text)]
    pieces = [p for p in pieces if p]
    if len(pieces) == 1 and len(pieces[0].split()) > 3:
        return False  # "Deep Unsupervised Owl Estimation": a title, not one person's name
    odd = [
        p
        for p in pieces
        # "Ana T. Maria Costa Lima": a long name, told by its middle initial
        if len(p.split()) > (6 if re.search(r"\w \w\. \w", p) else 4)
        or not fields._NAME.fullmatch(p)
        or lexicon.is_venue_only(p)
    ]
    lower = len(odd) == 1 and len(pieces) >= 3 and re.fullmatch(r"[a-z]+(?: [a-z]+){1,2}", odd[0])
    return bool(pieces) and (not odd or bool(lower))


def _venue_like(text: str, line: Line) -> bool:
    """What follows a title: a year, a venue the lexicon knows, or an italic journal."""
    return bool(
        _YEAR.search(text)
        or lexicon.venue_in(text)[0]
        or any(text.startswith(span) for span in line.em)
    )


def _is_venue(text: str) -> bool:
    """``Journal of Owls``, ``In Proceedings of ...``, ``OWLC``: where it appeared, not a
    title."""
    return bool(_VENUE_LEAD.match(text)) or lexicon.is_venue_only(text.strip(" .,"))


# "Knuth (1970)", "Ziv, Lempel (1977)", "Van Roy (2012)", "Lee et al., 2019": who wrote a
# paper and when, as a reference list's link text or the sentence after a title
_NAMES = (
    r"[A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ][\w'’-]+|van|von|de|der|den|da|le)){0,3}"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*)[A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ][\w'’-]+|[A-Z]\.)){0,3}){0,5}"
    r"(?:,?\s+et\s+al\.?)?"
)
_DATED_NAMES = re.compile(
    rf"(?P<names>(?:(?:van|von|de|der|den|da|di|du|le)\s+)*{_NAMES})(?:\s*\((?P<year>(?:19|20)\d{{2}})[a-z]?\)"
    rf"|(?:(?<=al\.)|(?<=\bal)),?\s*(?P<etal>(?:19|20)\d{{2}})[a-z]?)"
)  # the year in parentheses, or after "et al."
_AFTER_TITLE = re.compile(rf"(?<=\w)\.\s+{_DATED_NAMES.pattern}\.?\s*$")
_SEMICOLON_NAMES = re.compile(
    r";\s+(?P<names>[^;]{2,150}?)[,.;]?\s*(?:(?P<year>(?:19|20)\d{2})[a-z]?)?\.?\s*$"
)


def dated_names(text: str) -> str | None:
    """``Knuth (1970)``, ``Ziv, Lempel (1977)``: the names when the text is names and a year,
    as a reference list's link to the paper reads (never its title), else None."""
    found = _DATED_NAMES.fullmatch(squash(text).strip(" [].").removeprefix("("))
    return found["names"] if found and not lexicon.venue_in(found["names"])[0] else None


# "Mirzal, 2014", "Lee & Chen, 2019": one surname or two (more words may be a name's title)
_COMMA_DATED = re.compile(
    r"([A-ZÀ-Þ][\w'’-]+(?:\s*(?:\band\b|&)\s*[A-ZÀ-Þ][\w'’-]+)?),\s*(?:19|20)\d{2}[a-z]?"
)


def cite_label(text: str) -> str | None:
    """``Lee et al., 2020``, ``Mirzal, 2014``, ``Knuth (1970)``: the names when the text is an
    author-date citation, as a list writes one before each title (``(**Lee, 2020**) Title``)."""
    # "[Lee et al. (2023) (2306.08106)]", "(Scientific Data)": what follows the date is where
    text = re.sub(r"(\((?:19|20)\d{2}[a-z]?\))\s*\([^()]{1,60}\)\s*(\]?)\s*$", r"\1\2", text)
    if names := dated_names(re.sub(r"(\bal\.|\w)[.,]*\s*(?=\((?:19|20)\d{2}\))", r"\1 ", text)):
        return names  # "Leon, et al., (2024)", "Ann Lee and Bo Chen. (2018)" as well
    found = _COMMA_DATED.fullmatch(squash(text).strip(" ()[]."))
    return found[1] if found and not lexicon.venue_in(found[1])[0] else None


_LEAD = re.compile(
    r"\s*(?P<label>[^\W\d_][^()]{0,80}?\s\(\s*(?:19|20)\d{2}[a-z]?\s*\))[\s.:]+(?=\S)"
)


def cite_lead(text: str) -> str | None:
    """``Moss et al. (2010) Title, Nature, 463``: the author-date label a reference opens
    with (its title follows), None when the text opens otherwise (``Owls (2019), Then and
    Now``: a title going on past its year)."""
    found = _LEAD.match(text)
    names = cite_label(found["label"]) if found else None
    rest = text[found.end() :] if found else ""
    words = re.findall(r"[^\W\d_][\w'’-]*", names or "")
    if (
        not names
        or rest[:1] in "-–—"  # "CS1QA (2022) - A Dataset for ...": a name, then what it is
        or re.match(r"(?:[A-Z]\.\s*)+[A-Z]", rest)  # "Title (2017), K. He": who, after it
        or not all(re.match(r"[A-Z][a-zà-ÿ]", w) or w in _PARTICLES for w in words)
        or any(re.search(r"\d|[A-Z]{2}", w) for w in words)  # "SepTDA", "MossFormer2"
        # "**SepFormer** (2021): Pure attention-based architecture": a model, what it is
        or len(words) == 1
        and ":" in text[found.end("label") : found.end()]
    ):
        return None  # "Mask R-CNN (2017)": a title's words, not surnames
    return found["label"]


_PARTICLES = frozenset({"et", "al", "al.", "and", "van", "von", "de", "der", "den", "da", "di"})


# "Title (Shu et al., 2020).", "Title (Lee and Chen, 2019)": an author-date citation in
# brackets after the title
_BRACKETED_CITE = re.compile(
    r"\s+\((?P<names>[A-Z][a-z][\w'’-]*(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?),?\s*"
    r"(?P<year>(?:19|20)\d\d)[a-z]?\)\.?\s*$"
)


def drop_dated_names(title: str) -> tuple[str, int | None]:
    """``Quicksort. Hoare (1962).``, ``Title (Shu et al., 2020).``: the title without the
    names and year written after it, and that year."""
    bracketed = _BRACKETED_CITE.search(title)
    if bracketed and lexicon.venue_in(bracketed["names"])[0]:
        bracketed = None  # "Title (Nature 2020)": where, not who
    if bracketed and len(title[: bracketed.start()].split()) >= 2:
        return title[: bracketed.start()], int(bracketed["year"])
    found = _AFTER_TITLE.search(title)
    if found is None or lexicon.venue_in(found["names"])[0]:
        # "Title; Johnson, M., 2000", "Title; de Marneffe et al., 2014": after a semicolon
        semi = _SEMICOLON_NAMES.search(title)
        named = semi and (  # (dated, or "et al.": "Title; Binary and Ternary Nets" is one)
            semi["year"] and refnames.names(semi["names"]) or " et al" in semi["names"]
        )
        if named and len(title[: semi.start()].split()) >= 2:
            return title[: semi.start()], int(semi["year"]) if semi["year"] else None
        return title, None
    return title[: found.start()], int(found["year"] or found["etal"])


def names_of_link(line: Line) -> str | None:
    """Who wrote the paper, when the line's first link says it: ``[Hoare (1962)](pdf)``."""
    link = next((link for link in line.links if not link.image_only), None)
    return dated_names(link.text) if link is not None and link.text else None


def title_before_names(line: Line) -> str | None:
    """``Quicksort. [Hoare (1962)](pdf).``: the words before a link whose text is who wrote
    the paper and when are its title, one word or many."""
    link = next((link for link in line.links if not link.image_only), None)
    if link is None or names_of_link(line) is None:
        return None
    before = line.text.split(link.text, 1)[0].rstrip(" [(")
    title = before.strip(" *_-–—")
    return title.rstrip(" .,:") if before.rstrip().endswith((".", ",", ":")) and title else None
