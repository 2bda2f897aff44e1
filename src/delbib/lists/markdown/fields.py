"""What a parsed cell or list item says: the title, authors, links by kind, year and venue.

Lists write the same facts many ways (``2506``, ``23.07``, ``2024.05``, ``Arxiv/2509``,
``ICML'23``, a ``Conference-NeurIPS'23`` badge; ``[**Title**](pdf)``, ``🔥[Nick] Title(@org)``,
``**Title.** *Authors*``). Each reader here accepts all of them and returns the plain value.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from delbib import identifiers

from . import linkwords, papersites
from .dates import is_date_label, year_in
from .inline import Cell, Line, Link, squash, strip_emoji
from .lexicon import coined, is_venue_label, is_venue_only, is_venue_word, venue_in
from .linkwords import (
    CODE,
    PAPER,
    PROJECT,
    VIDEO,
    is_blog_url,
    is_data_url,
    is_link_words,
    kind_of_words,
    names_a_paper,
)
from .shape import own_opening

KIND_ORDER = (PAPER, CODE, PROJECT, VIDEO)
_GENERIC_WORDS = frozenset({"link", "url"})  # say there is a link, not what it leads to
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org")
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "bilibili.com", "vimeo.com")
_LEADING_NICK = re.compile(r"^\s*\[[^\]]{1,80}\]\s*(?=\S)")
_TRAILING_DATE = re.compile(r"\W*(?:19|20)\d{2}(?:[-./]\d{1,2})?\W*[a-z]{0,4}\W*")
# "1) Title", "2. Title", "iv. Title": a list's own numbering
_LEADING_NUMBER = re.compile(r"^\s*\(?(?:\d{1,3}|(?i:[ivx]{1,4}))[).]\s+(?=\S)")
# "(2021-11) Title": the month it was published, written before the title
_LEADING_DATE = re.compile(r"^\s*\((?:19|20)\d{2}(?:[-./]\d{1,2}){0,2}\)\s*[:\-–]?\s*(?=\S)")
_DIGEST_WORDS = 30  # a title cell longer than this also summarises the paper
_TRAILING_TAG = re.compile(r"\s+\[[^\[\]]{1,30}\](?=\.?\s*$)")
_QUOTED = re.compile(r"[\"“”](.+?)[.,]?[\"“”]\.?")
# "Title", “Title” and ”Title” (a closing quote typed at both ends)
_QUOTED_PART = re.compile(r"(?:^|(?<=[\s:]))[\"“”]([^\"“”]+)[\"”]")
_TRAILING_ORG = re.compile(r"\s*\(\s*@[^)]*\)\s*$")
# "(black-box)", "[CVPR 2023]", "(white-box (defense))": one level of nesting
# a longer one when it ends in a year: "(Journal of Owl Behaviour and Ecology 2019) Title"
_LEADING_TAG = re.compile(
    r"^\s*(?:\(((?:[^()]|\([^()]{1,20}\)){1,40}|[^()]{1,80}?(?<!\d)(?:19|20)\d{2})\)"
    r"|\[([^\[\]]{1,40})\])\s*[:\-–]?\s*(?=\S)"
)


def leading_tag(text: str) -> re.Match[str] | None:
    """A tag before the title (``(black-box)``, ``[CVPR 2023]``), not its own opening words
    nor the paper's name set off before its colon (``[Talk the Walk]: Navigating ...``)."""
    return None if own_opening(text) or _named_lead(text) else _LEADING_TAG.match(text)


def _named_lead(text: str) -> re.Match[str] | None:
    """``[Talk the Walk]: Navigating ...``, ``[Retouchdown]: Releasing ...``: the paper's
    name in words, bracketed before its colon, opens the title; a coined name there
    (``[R2R]:``, ``[EmbodiedQA]:``) is the list's tag for the paper, and ``[Survey]:`` a tag."""
    named = _NAMED_LEAD.match(text)
    if named is None or venue_in(named[1])[0] or any(map(coined, named[1].split())):
        return None
    return named


# "[Talk the Walk]: Title": a name, not what a tag says of a paper ("[Survey]:", "[New]:",
# "[2023]:", "[CVPR]:")
_NAMED_LEAD = re.compile(
    r"^\s*\[(?!\^)(?![^\]]*(?:(?:19|20)\d\d|\b(?i:survey|review|dataset|benchmark|new|hot|oral|spotlight"
    r"|highlight|best|paper|code|arxiv|preprint|workshop|tutorial|journal|conference|book)\b))"
    r"([^\[\]]{2,60})\]\s*:\s*(?=\S)"
)


# "Title[J]", "Title[J/OL].": the document type a Chinese (GB/T 7714) reference writes
_DOCUMENT_TYPE = re.compile(r"\s*\[(?:[JCMDRPSNAGZ]|EB|DB|CP)(?:/OL)?\]\.?\s*$")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)")
_SHIELDS_BADGE = re.compile(r"img\.shields\.io/badge/([^?#]+)", re.IGNORECASE)
_SURNAME_FIRST = re.compile(r"^[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*-?)+(?:,|$)")  # "Posch, C.,"
# "Lee, Seunghyun and Song, Byung": surnames first, each with its given name
_SURNAME_GIVEN = re.compile(
    r"[A-Z][\w'’-]+, [A-Z][\w'’-]+(?:(?:,| and| &) [A-Z][\w'’-]+, [A-Z][\w'’-]+)+"
)
_NAME_LIST = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)+(?:, | and |,)")
# "Title - proposes a framework for ...": a dash, then a description in lower case
_DESCRIBED = re.compile(r"\S\s[-–—]\s[a-z][\w'’-]*(?:\s+\S+){3}")
_NOT_A_TITLE = {"", "-", "--", "—", "–", "/", "n/a", "na", "none", "null", "nil", "tbd", "todo"}
_NOT_A_TITLE |= {"...", "…", "⚠️", "coming soon", "soon"}  # cells left empty on purpose


def badge_texts(images: list[str]) -> list[str]:
    """Words of shields.io badges: ``badge/Conference-ICML'23-blue`` -> ``Conference ICML'23``."""
    texts = []
    for src in images:
        match = _SHIELDS_BADGE.search(src)
        if not match:
            continue
        raw = unquote(match.group(1)).replace("--", "\0").replace("__", "\1")
        parts = raw.split("-")
        if len(parts) > 1:
            parts = parts[:-1]  # the last part is the colour
        text = " ".join(parts).replace("\0", "-").replace("_", " ").replace("\1", "_")
        texts.append(squash(text))
    return texts


def badge_venue(images: list[str]) -> str | None:
    """The venue a ``Conference-ICML'23``-style badge names, if any."""
    return next((v for text in badge_texts(images) if (v := venue_in(text)[0])), None)


def link_venue(lines: list[Line]) -> str | None:
    """The venue a link's words name (``[IEEE RA-L 2023](paper)``): link words, so left out
    of the title and the text, but where the paper appeared."""
    texts = [link.text.strip(" []()*_") for line in lines for link in line.links]
    named = (v for text in texts if is_venue_only(text) and (v := venue_in(text)[0]))
    glued = (f"{text[:-4]} {text[-4:]}" for text in texts if _glued_year(text))
    return next(named, None) or next(glued, None)  # "Owl Letters2021": "Owl Letters 2021"


def link_kind(link: Link, *, first: bool = True) -> str | None:
    """paper, code, project or video; None for links that lead nowhere useful (anchors,
    relative files other than PDFs, ``javascript:void()``, empty badge links).

    A link labelled only "link" or "url" on an unknown host is the paper when it is the
    row's first link, else a resource: rendered lists label every link that way, and the
    paper comes first."""
    href = link.href.strip()
    if identifiers.is_void(href):
        return None
    found = identifiers.extract(href)
    if found and (linkwords.is_book_url(href) or linkwords.is_volume(found)):
        return PROJECT  # a publisher's page for a whole book, a whole proceedings volume
    if found:  # a Code Ocean capsule or a Dryad data set is code or data, not a paper
        return CODE if linkwords.is_deposit(found) else PAPER
    parts = urlsplit(href)
    path = parts.path.lower()
    word = kind_of_words(link.text) if is_resource_text(link.text) else None
    if not re.match(r"^(?:https?|ftp)://", href, re.IGNORECASE):
        # "[Title](papers/codd.pdf)": a PDF kept in the list's own repository is a paper
        relative_pdf = not parts.scheme and not parts.netloc and path.endswith(".pdf")
        return PAPER if relative_pdf and word not in (PROJECT, VIDEO) else None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if papersites.is_talk_file(path) and word != PAPER:
        return PROJECT  # "sigir.org/afirm2019/slides/16.%20Talk.pdf": a talk's slides
    if path.endswith(".pdf") or papersites.is_paper_page(host, path, parts.query):
        # "[Slides](talk.pdf)", "[Poster](p.pdf)": a PDF that its words say is not the paper
        return word if word in (PROJECT, VIDEO) else PAPER
    if word == PAPER and is_blog_url(href) and not names_a_paper(link.text):
        return PROJECT  # "[html](owls.org/2013/01/14/owl-notes/)": a post, its format named
    named_paper = word == PAPER and link.text.strip("[]()` ").casefold() not in _GENERIC_WORDS
    if host.endswith(_CODE_HOSTS):
        # "[PDF](github.com/x/y)": the writer says it is the paper, wherever it is kept
        return PAPER if named_paper else CODE
    if host.endswith(_VIDEO_HOSTS):
        return VIDEO
    if host.endswith(".github.io") and word == CODE:
        return PROJECT  # "[code]" on a GitHub Pages site: a project page, not a repository
    generic = link.text.strip("[]()` ").casefold() in _GENERIC_WORDS
    if generic and (not first or is_data_url(href)):
        return PROJECT  # "[Link](huggingface.co/spaces/...)": a demo's or a data set's page
    return word or PROJECT


def has_link(line: Line) -> bool:
    """The line links something useful (see :func:`link_kind`)."""
    return any(link_kind(link) is not None for link in line.links)


def is_dead_target(href: str) -> bool:
    """``[Title](s41467-024-00001-x)``, ``[Title](notes/owls.md)``, ``[Title]()``: a target that
    leads to no paper (a site left out, a note in the list's repository, a link left to be
    filled in). Its text is still the title the writer linked; an anchor (``#section``) leads
    around the list instead."""
    return not re.match(r"^(?:[a-z][a-z0-9+.-]*:|#)", href.strip(), re.I)


def named_paper(link: Link) -> bool:
    """``[[paper]](url)``, ``[preprint](url)``: a paper link whose words call the work a paper
    (not just a file: ``[pdf]``), so the writer says the item is one."""
    return (
        is_resource_text(link.text)
        and names_a_paper(link.text)
        and link_kind(link, first=False) == PAPER
    )


def is_resource_text(text: str) -> bool:
    """Link text that names a resource ("pdf", "[[Project Page]]", "Matlab Code", "NeurIPS
    2023", "JCIM 2303", "Nature Review Physics2021") or a date ("[7 Jun 2021]"), not a
    title."""
    return (
        is_link_words(text, is_venue=_names_venue)
        or is_date_label(text)
        or _venue_then_kind(text)
        or is_venue_label(text)
        or is_venue_only(text)
        or _glued_year(text.strip(" []()*_"))
        or _noted_link_words(text)
    )


def _noted_link_words(text: str) -> bool:
    """``[💻 Code (not yet)]``, ``[Code (coming soon)]``: link words and a note on them."""
    noted = re.fullmatch(r"(.+?)\s*\([^()]*\)\s*", strip_emoji(text).strip())
    return bool(noted) and is_link_words(noted[1], is_venue=lambda _word: False)


# "Nature Machine Intelligence2023", "Journal of Computational Physics2024": a journal the
# lexicon does not know, its year typed onto its last word
_NAME_WORD = r"(?:[A-Z][\w&'’-]*|of|on|in|for|and|the|&)"
_GLUED_YEAR = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,7}}(?<=[a-z])(?:19|20)\d{{2}}")
JOURNAL_WORDS = frozenset((
    "journal", "nature", "science", "review", "reviews", "transactions", "letters",
    "proceedings", "conference", "communications", "annals", "advances", "bulletin",
    "monthly", "quarterly", "magazine", "press", "symposium", "workshop",
))  # fmt: skip


def _glued_year(text: str) -> bool:
    """``Nature Machine Intelligence2023``: a journal's words, its year typed onto the last
    (``Factorization Machines Rendle2010`` is a title and who wrote it)."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    return _GLUED_YEAR.fullmatch(text) is not None and bool(words & JOURNAL_WORDS)


def _names_venue(word: str) -> bool:
    """``cvpr``, ``iclr'24``, ``iconip-2014``: a venue the lexicon knows, or an acronym it
    does not know with its year (``[Paper ICONIP-2014]``: the paper, and where it appeared)."""
    return is_venue_word(word) or is_date_label(word)


def _venue_then_kind(text: str) -> bool:
    """``[[Nature Genetics paper]]``: a venue's name before a kind word names where the
    paper is published, not a title."""
    found = text.strip("[]()` ").split()
    if len(found) < 2 or kind_of_words(found[-1]) is None:
        return False
    return is_venue_only(" ".join(found[:-1]))


def sorted_links(cells: list[Cell]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every usable link of a row, paper links first (then code, project, video), and kinds.

    Links that all say only "link" (a rendered list) keep the order they are written in:
    nothing in them tells a poster PDF from the paper or a project page from the code, and
    the writer put them in the paper's order. Their kinds are made to follow that order (a
    link after a project page counts as one)."""
    seen: dict[str, str] = {}
    generic = True
    for cell in cells:
        for link in cell.links:
            kind = link_kind(link, first=not seen)
            if kind and link.href not in seen:
                seen[link.href] = kind
                generic = generic and link.text.strip("[]()` ").casefold() in _GENERIC_WORDS
    if generic:
        kinds, last = [], 0
        for kind in seen.values():
            last = max(last, KIND_ORDER.index(kind))
            kinds.append(KIND_ORDER[last])
        return tuple(seen), tuple(kinds)
    order = sorted(seen, key=lambda href: KIND_ORDER.index(seen[href]))
    return tuple(order), tuple(seen[h] for h in order)


_STRAY_OPEN = re.compile(r"^([\[(])\s+")
# "<Title >", "《Title》", "[Title of Words]" (a linked title in brackets): marks
_ENCLOSED = re.compile(r"[<《「]\s*([^<>《》「」]+?)\s*[>》」]|\[\s*([^\[\]]+?\s[^\[\]]+?)\s*\]")


def clean_listed_title(text: str) -> str:
    """A title as listed, without decoration: emoji, ``[Nickname]`` prefixes, ``(@org)``
    suffixes, empty brackets left by resource links."""
    text = strip_emoji(text).replace("（", "(").replace("）", ")")  # "（THU/ACL2019）": as typed
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _TRAILING_ORG.sub("", text)
    text = _TRAILING_TAG.sub("", text)
    text = _DOCUMENT_TYPE.sub("", text)
    if named := _named_lead(text):  # "[Talk the Walk]: Title" -> "Talk the Walk: Title"
        text = f"{named[1].strip()}: {text[named.end() :]}"
    while (
        nick := _LEADING_NICK.match(text)
        or _LEADING_NUMBER.match(text)
        or _LEADING_DATE.match(text)
    ) is not None and re.search(r"[^\W\d_]", text[nick.end() :]):
        text = text[nick.end() :]  # "XX. ;": no title after it, so no number before one
    text = text.strip(" -–|").lstrip("*†‡")  # a leading marker ("*GITA": uses a VLM)
    text = text.lstrip(": ") if text.startswith(":") else text  # "[Survey]: Title"
    stray = _STRAY_OPEN.match(text)  # "\\[[arXiv 2023](url) Title": a bracket never closed
    text = text[stray.end() :] if stray and {"[": "]", "(": ")"}[stray[1]] not in text else text
    quoted = _QUOTED.fullmatch(text)
    if quoted and quoted.group(1).count('"') % 2 == 0:  # "When "Correct" Is Not Safe"
        return quoted.group(1)
    return unmarked(text)


def unmarked(text: str) -> str:
    """A title without the marks set around it: ``<Title >``, ``《Title》``, ``「Title」``."""
    enclosed = _ENCLOSED.fullmatch(text.strip())
    return (enclosed.group(1) or enclosed.group(2)) if enclosed else text


# "[SIGCHI 2024](paper) Title": a short name and a year, the venue the lexicon does not know
_NAME_YEAR = re.compile(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}\s+(?:19|20)\d{2}")
_LABELLED_WORDS = 3  # plain words after a leading label that read as the title
_LABEL_WORDS = 4  # words of a name in brackets that tags a title ("[[IEEE J. Owl Circuits]]")


def leading_label(line: Line) -> Link | None:
    """The link leading the line whose text is a name and a year (``[SIGCHI 2024](paper)``,
    ``[Owl Letters 2023](paper)``), or a short name set in brackets (``[[Owl Neurodynamics](
    paper)]``), when a title follows it: where the paper appeared, not its title."""
    link = next((link for link in line.links if not link.image_only), None)
    text = link.text.strip() if link else ""
    # "[[Owl Neurodynamics](springer)] Title": a short name in brackets, a tag before the title
    tagged = bool(text) and line.text.lstrip(" *_").startswith(f"[{text}]")
    named = _NAME_YEAR.fullmatch(text) or tagged and len(text.split()) <= _LABEL_WORDS
    if not named or is_venue_only(text):
        return None  # "[IEEE RA-L 2023](url)": a venue the lexicon knows, read as one
    before, _, after = line.text.partition(link.text)
    after = re.sub(r"\[[^\[\]]*\]", " ", after) if tagged else after  # "[66:fire:]" tags
    words = re.findall(r"[^\W\d_][\w'’:,-]*", after.split("](", 1)[0])
    least = _LABELLED_WORDS + 1 if tagged else _LABELLED_WORDS
    if re.search(r"[^\W_]", strip_emoji(before)) or len(words) < least:
        return None
    if tagged and (" et al" in after or names_line(re.split(r"[,@(]", after)[0].strip(" ]"))):
        return None  # "[[Owl Net](arxiv)] Lee and Chen, 2017 @ OwlLab": names follow a title
    return link if words[0][:1].isupper() and link_kind(link) == PAPER else None


_TAGS = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")  # "[ECCV 2020 oral] (": tags, no title


def _line_title_text(line: Line, *, upto_links: bool = False) -> str:
    """A line's text without the texts of resource links ("[pdf]", "[code]") and a leading
    label (:func:`leading_label`), and without addresses shown as themselves
    (``https://openreview.net/pdf?id=x``): never a title. With ``upto_links``, only the
    words before the first resource link that follows some: ``Title [[paper]](url) :
    a note`` ends at its links."""
    resource = {link.href for link in line.links if is_resource_text(link.text)}
    label = leading_label(line)
    resource |= {label.href} if label else set()
    kept = []
    for t, href in line.parts:
        if href is None or href not in resource:
            kept.append(t)
        elif upto_links and len(re.findall(r"[^\W\d_]{2,}", _TAGS.sub("", "".join(kept)))) >= 2:
            kept.append(" ")
            kept[-2] = re.sub(r"[\s\[(|,;:-]+$", "", kept[-2])  # "Title [[pdf](a)]": the "["
            break
    text = "".join(kept)
    for link in line.links:
        if link.text and link.text == link.href:
            text = text.replace(link.text, " ")
    return text.strip()


def _has_words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text)) and not is_placeholder(text)


def is_placeholder(text: str) -> bool:
    """``-``, ``null``, ``N/A``, ``TBD``: a cell its writer left empty on purpose."""
    return text.strip(" *_`").casefold() in _NOT_A_TITLE


def split_trailing_venue(title: str) -> tuple[str, str | None, int | None]:
    """``QEP: Quantization Error Propagation, NeurIPS 2025`` -> the title, ``NeurIPS 2025``
    and 2025; ``Title, arXiv, 2024`` -> the title, ``arXiv`` and 2024: trailing venue and date
    parts are not the title."""
    venue, year = None, None
    while match := re.search(r"[,(]\s*([^,()]{2,40})\)?\s*$", title):
        part = squash(match.group(1))
        found, found_year = venue_in(part)
        if found and len(found) >= len(part) - 3:
            venue, year = venue or found, year or found_year
        elif _TRAILING_DATE.fullmatch(part) and year_in(part):
            year = year or year_in(part)
        else:
            break
        title = title[: match.start()].rstrip(" ,")
    return title, venue, year


def read_as_described(title: str) -> bool:
    """A plain title cell holding this title would be cut as ``Name - what it does``: a
    writer marks such a title (bold) so that it reads back whole."""
    return len(title.split()) > _DIGEST_WORDS or bool(_DESCRIBED.search(title))


def looks_like_authors(text: str) -> bool:
    """ "A. Author, B. Author" or "A. Author et al.": names, not a sentence or a venue."""
    return "et al" in text or bool(_NAME_LIST.search(text + ","))


def item_title(lines: list[Line]) -> tuple[str, str | None, str]:
    """A list item's title, its authors when listed, and the rest of its text (where the
    venue and date are looked for).

    Shapes: ``**[Title](link)**``, ``**Title.** *Authors*``, ``[2023/09] **Title** *A. B.*``,
    ``[Title](link) - NeurIPS 2022``, ``(*ICLR'25*) Title [[paper](link)]``.
    """
    first = next((line for line in lines if _has_words(_line_title_text(line))), None)
    if first is None:
        return "", None, ""
    full = squash(" ".join(_line_title_text(line) for line in lines))
    long_spans = [s for s in first.strong if len(s.split()) >= 4 and _has_words(s)]
    quoted = [q for q in _QUOTED_PART.findall(_line_title_text(first)) if len(q.split()) >= 3]
    short_spans = [s for s in first.strong if len(s.split()) >= 2 and _has_words(s)]
    # A long bold span is the title; a quoted one beats a bold nickname (**PaLM**: "PaLM: ...").
    title = next(iter(long_spans or quoted or short_spans), "")
    if not title:
        for link in first.links:
            if not is_resource_text(link.text) and len(link.text.split()) >= 2:
                title = link.text
                break
    if not title:
        text = _line_title_text(first)
        while (tag := leading_tag(text)) is not None:
            text = text[tag.end() :]
        while (bracket := re.search(r"\s*[\[(][^\])]*[\])]\s*$", text)) and bracket.start():
            text = text[: bracket.start()]  # trailing [2022-12] [ACL 2023] (venue) tags
        head, dot, tail = text.partition(". ")
        if dot and len(head.split()) >= 3 and looks_like_authors(tail.split(". ")[0]):
            text = head  # "Title. A. Author, B. Author. Venue 2023."
        title = text
    rest = full.replace(title, " ", 1)
    title = clean_listed_title(title)
    authors = None
    for line in lines:
        for span in line.em:
            if looks_like_authors(span):
                authors = span.strip(" .")
                break
        if authors:
            break
    return title, authors, squash(rest)


_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}(?= [A-Z]))(?: (?:[A-Z][\w'’.-]*|van|von|de|da|del|der|le|la))*"
)


def names_line(text: str) -> bool:
    """``A. Lee, B. Chen and C. Ng``, ``Lee, A., Chen, B.``, ``Ann Lee et al.``: a line of
    names. A Title Case title (``Backdoor Attacks in the Physical World.``) is not one: its
    small words are no names."""
    if _SURNAME_FIRST.match(text) or re.search(r"\bet al\b", text):
        return True
    pieces = [p.strip(" .;*†‡") for p in re.split(r",|\band\b|&", text)]  # "Ann Lee*": joint
    pieces = [p for p in pieces if p]
    names = [p for p in pieces if len(p.split()) <= 4 and _NAME.fullmatch(p)]
    return len(pieces) >= 2 and len(names) >= 0.8 * len(pieces)


def only_names(text: str) -> bool:
    """``Lee A, Chen B, et al.``, ``Ann Lee and Bo Chen``: the text is nothing but names (an
    "et al." may end them); a phrase that mentions ``Lee et al.`` is not."""
    head, etal, _ = text.partition(" et al")
    head = head.strip(" ,.")
    if etal:
        return bool(_NAME.fullmatch(head)) or names_line(head)
    return names_line(text)


# Scripts written without spaces between words: Han, kana (a character is about a word there).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in a title, as a reader counts them: spaced words, and in Chinese or Japanese
    (written without spaces) each character, so "面向推理的强化学习" is a title of many words,
    not of one."""
    return sum(max(1, len(_UNSPACED.findall(word))) for word in text.split())


_ABBREVIATIONS = frozenset(("al.", "etc.", "inc.", "ltd.", "co.", "jr.", "sr.", "vs.", "eds."))
PART_END = re.compile(r"\b[Pp]art\s+[IVX]+\.$")  # "mapping: part I.": a number, not an initial


def without_stop(title: str) -> str:
    """A reference's title without the full stop that ends its sentence (``Zhu, C. (2019).
    Big Data as a Mechanism. Journal``); an ellipsis or an abbreviation (``the U.S.``, ``et al.``)
    keeps it."""
    last = title.rsplit(None, 1)[-1] if title.strip() else ""
    if last == "." or PART_END.search(title):  # "A Study .", "Owl mapping: part I."
        return title[:-1].rstrip()
    if not last.endswith(".") or last.endswith("..") or "." in last[:-1] or len(last) < 3:
        return title
    if last.casefold() in _ABBREVIATIONS:  # "Owls Revisited, after Lee et al."
        return title
    return title[:-1].rstrip()
