"""A line's plain words read as its title.

An item whose title is neither bold, quoted nor linked gives it as the words it opens with;
what stands around them (a number or month before, tags, a venue in italics, pipes, who wrote
it and when, a preprint's number, notes after its link words, brackets typed amiss) is cut
off, as a reader skips it. Two other places hold a plain title: after a short bold name and
its colon (``***HD-Painter:*** Title``), and after the tags and link words a line opens with.
"""

from __future__ import annotations

import re

from . import byline, cited, fields, lexicon, nicknames, pipes, reftail, shape, tags
from .dates import is_date_label
from .inline import SHORTCODE, Line, strip_emoji

_ARXIV_END = re.compile(
    r"[\s.,;]*(?:arXiv\s+preprint\s+)?arXiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?"
    r"(?:[\s,]+(?:19|20)\d{2})?\W*$",  # "Title. arXiv:2205.08508, 2022."
    re.I,
)
# "Ann Lee, Bo Chen, and Cy Dee. Title": names with no initials, then the title's sentence
_NAMES_STOP = re.compile(r"^([^.:;()\[\]]{3,300}?[^\s.]{2})\.\s+(?=[A-Z0-9\"“])")
# "Rohrbach et al. Movie description. IJCV, 2017.": who wrote it, then the title
_ETAL_LEAD = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+et\s+al\.\s+(?=\S+\s+\S)")
# "Title (2014) - Ann Lee", "Title (2017), Ann Lee et al.", "Title (Book, 2016), Lee et al."
_DATED_BYLINE = re.compile(
    r"\s*\((?:[^()]{1,20},\s*)?(?:19|20)\d{2}\)(?:\s+[-–—]|\s*,)\s+([^-–—()]+)$"
)
_LOOSE_END = re.compile(r"(?:\s+[\[(][^\s\[\]()]{1,20}|(?<=[\])])[\s,;]*[\])])$")
_TITLE_FORM = re.compile(r"\((?:[\w-]+\s+){0,2}(?:version|abstract|paper|edition)\)", re.I)
# what a list writes before each title: its number ("[1] "), a month or year ("2019/09 ",
# "2021.03 -", "2011 ")
# or a short reference to who wrote it and when ("Li+'17 - ", "Lee et al. '17: ")
_LEAD = re.compile(
    r"^\s*(?:\[\d{1,4}\]\s*(?=\S)|\d{1,3}\.(?=[A-Z])"
    r"|(?:19|20)\d{2}(?:[./-]\d{1,2}){1,2}\s*[-–—:|]?\s+(?=\S)"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\s*[-–—:|]?\s+(?=\S)"  # "2/08/2019 Title"
    r"|(?:19|20)\d{2}\s+[-–—|]\s+(?=\S)"  # "2024 - Title"
    # "2011 Directed Incremental Symbolic ...", "2016 (State of) The Art of War: ..."
    r"|(?:19|20)\d{2}\s+(?=\(?[A-Z]\S*(?:\s+\S+){2})"
    r"|[A-Z][\w’-]+(?:\+|\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w’-]+)?\s*['’]\d{2}\s*[-–—:]\s+(?=\S))"
)
_NAMES_DASH = re.compile(r"^\s*([^-–—]{3,200}?(?:,|\band\b|&)[^-–—]{2,200}?)\s+[-–—]\s+(.+)$")
_OWN_ASIDE = re.compile(
    r"\((?:but|or|and|with|without|not|in|of|the|a|an|for|to|on|by|from)\s+[^()]*(?:\s+[^()\s]+)+\)"
)
# "Baldwin et al., TPAMI 2022, ", "Ann Lee, et al.: ": who wrote it, never the title
_AUTHOR_REF = re.compile(
    r"^\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},?\s+et\s+al\.?"
    r"(?:\s*,?\s*[^,:]{0,40}?(?<!\d)(?:19|20)\d{2}(?!\d))?\s*[,.:;]?\s*"
)
_WORD_END = re.compile(r"[\[(][a-z]")  # "(ision)" typed onto "GPT-4V": its word's end
_IN_VENUE_LEFT = re.compile(r"[,;.]?\s+in\s+(?:(?:19|20)\d{2}(?!\d)\s*)?[.,;]?\s*$", re.I)


def usable(text: str) -> bool:
    """Words that can be a title: letters, and not a link word."""
    return bool(re.search(r"[^\W\d_]", text)) and not fields.is_resource_text(text)


_SET_APART = ".,;:?!-–—"
_NAMES_TAIL = 60  # characters of venue and date after a title's italic names


# (a name's parts never hold them; "and" only joins names)
_NO_NAME_WORDS = (lexicon._SMALL - {"and"}) | {"with", "via", "from", "as", "is", "are"}


def _plain_names(text: str) -> bool:
    """``Ann Lee, Bo Chen, and Cy Dee``: two names or more, whole, of two to four capitalised
    words each; a Title Case title (``Relational Knowledge Distillation``, ``Use Cases,
    Standard and Linux``) is one part, or has a one-word part or a small word somewhere."""
    pieces = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", text)]
    pieces = [p for p in pieces if p and p != "et al"]
    return len(pieces) >= 2 and all(
        2 <= len(p.split()) <= 4
        and all(w[:1].isupper() and w.casefold() not in _NO_NAME_WORDS for w in p.split())
        for p in pieces
    )


def _names_venue(names: str, venue: str) -> bool:
    """``Jung Kim et al`` then anything, or one name then a venue the lexicon knows or an
    acronym (``Juntang Zhuang, Arxiv``, ``Ann Lee, ACIIDS``)."""
    known = lexicon.venue_in(venue)[0] or re.fullmatch(r"[A-Z]{3,8}", venue.strip(" ."))
    return bool(re.search(r"\bet al\.?$", names) or "," not in names and known)


def _before_names_span(text: str, spans: list[str]) -> str:
    """``Title, _Ann Lee et al._ arXiv 2023.``, ``Title. _Bo Chen_ ICML 2020``: the title
    ends where its italic names begin (one name alone only before a venue or year)."""
    for span in spans:
        at = text.find(span)
        names = re.sub(r"(?<=\w)[´¨](?=\w)", "", span.strip(" .,"))  # "Cl´ement": a typed accent
        # "_Jung Kim et al, Arxiv._", "_Ann Lee, MICCAI._": the names, then where it appeared,
        # in one italic span
        named_venue = re.fullmatch(r"(.+?),\s*([^,]{2,40})", names)
        named_venue = named_venue if named_venue and _names_venue(*named_venue.groups()) else None
        names = named_venue[1] if named_venue else names
        # (set apart by a stop or comma: "Learning in _Semantic Segmentation_" is the title's)
        named = byline.all_names(names) or "et al" in names and fields.names_line(names)
        if at < 8 or not named or text[:at].rstrip()[-1:] not in _SET_APART:
            continue
        tail = text[at + len(span) :].strip(" .,;")
        dated = len(tail) <= _NAMES_TAIL and (
            lexicon.venue_in(tail)[0] or reftail.YEAR.search(tail)
        )
        kept = text[:at].rstrip(" ,;:-–—_*")
        cited = byline.dated_names(kept) or fields.names_line(kept)  # "[Lee et al., 2018](#a), *T*"
        dated = dated or named_venue is not None  # "_Ann Lee, MICCAI._": its venue in the span
        if (fields.names_line(names) or dated) and len(kept.split()) >= 3 and not cited:
            return kept
    return text


# "`StyleGAN v2`: Title": a code span and a colon leading a title of three words or more
_CODE_LABEL = re.compile(r"^[\s\-*+]*([^:：]{1,30}?)\s*[:：]\s+(?=\S+\s+\S+\s+\S)")


def title_text(line: Line) -> str:
    """A line's leading plain text as a title: tags, pipes, trailing tags and the authors
    of a ``Title. A. Author, B. Author.`` citation left out."""
    text = fields._line_title_text(line, upto_links=True)  # "Title [[pdf]](a) : note"
    if line.strong and is_date_label(line.strong[0]) and text.startswith(line.strong[0]):
        text = text[len(line.strong[0]) :]  # "<b>2022</b> Title": the list's date
    elif line.strong and byline.cite_label(line.strong[0]):  # "(**Lee, 2020**) Title"
        text = re.sub(r"^\W*" + re.escape(line.strong[0]) + r"[)\]]?[\s:.,-]*", "", text)
    elif lead := byline.cite_lead(text):  # "Moss et al. (2010) Title, Nature, 463"
        text = text[text.find(lead) + len(lead) :].lstrip(" ,.:")
    elif line.code and (label := _CODE_LABEL.match(text)) and label[1] == line.code[0]:
        text = text[label.end() :]  # "`DCGAN`: Title": the list's name for it, set as code
    for span in line.em:  # "Title. *IREC 2014*.", "Title. *Owl Letters* 2014.": a venue
        dated = re.escape(span) + r"[\s,.]{0,3}(?:19|20)\d{2}(?!\d)"
        if (
            re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)|['’]\d{2}\b", span) or re.search(dated, text)
        ) and len(span) < 80:
            text = text.replace(span, " ")
            text = _IN_VENUE_LEFT.sub("", text)  # "Title, in *Venue* 2017.": "in" leads a venue
            text = re.sub(r"(?:\s+[.,;:])+\s*$", "", text)  # the venue's own "." left alone
    text = _before_names_span(text, line.em)
    text = tags.drop_end_tags(text, line.code)
    if "|" in text:  # "2019 | Title | Authors | Venue": the field that reads as a title
        piped = pipes.read(text)
        text = piped.title if piped else next((p for p in text.split("|") if usable(p)), text)
    text = _LEAD.sub("", text, count=1)  # "[1] ", "2019/09 ", "Li+'17 - ": before the title
    dashed = _NAMES_DASH.match(text)  # "Ann Lee, Bo Chen - Title, url": who wrote it
    if dashed and byline.all_names(dashed[1]) and len(dashed[2].split()) >= 3:
        text = dashed[2]
    text = cited.before_dated_byline(_AUTHOR_REF.sub("", text, count=1))
    for quote in (q for q in fields._QUOTED_PART.findall(text) if quotes_after(text, q)):
        text = text[: text.find(quote)].rstrip(' "“”-–—')  # "Name - "what it does""
    text = re.sub(r"^\s*\d{1,3}(?=\[)", "", text)  # "24[AAAI 2020] Title": an index number
    while (tag := fields.leading_tag(text)) is not None and len(text) - tag.end() > 8:
        text = text[tag.end() :]
    text = _ETAL_LEAD.sub("", text.lstrip(), count=1)
    named = _NAMES_STOP.match(text)  # "Ann Lee and Bo Chen. Title, ACL-2020, [[paper]]"
    rest = text[named.end() :] if named else ""
    signed = cited.STOP.split(rest, maxsplit=1)[0]  # "Title. Lee, Ann et al.": names follow
    if named and _plain_names(named[1]) and len(rest.split()) >= 3:
        text = text if fields.names_line(signed) or "et al" in signed else rest
    # "Title, Venue 2022 [acmdl" / "[acmdl],]": brackets typed amiss
    text = _LOOSE_END.sub("", text)
    text = re.sub(r"(?<=\((?:19|20)\d\d\))\s*[.,;]\s*$", "", text)  # "Title (2008).": its stop
    while (bracket := re.search(r"\s*[\[(][^\])]*[\])]\s*$", text)) and bracket.start() > 8:
        if _WORD_END.match(bracket[0]) and text[bracket.start() - 1].isalnum():
            break  # "GPT-4V(ision)", "Owl(s)": the end of the word it is typed onto
        head = [w for w in text[: bracket.start()].split() if re.search(r"[^\W\d_]", w)]
        if all(lexicon.is_venue_word(re.sub(r"[-'’,]", "", w)) for w in head):
            break  # "20191124 AAAI-20 (Title)": the bracket holds the title
        if _TITLE_FORM.fullmatch(bracket[0].strip()) or _OWN_ASIDE.fullmatch(bracket[0].strip()):
            break  # "Title (extended version)", "(but Might Have Been Afraid to Ask)": its own
        text = text[: bracket.start()]  # trailing [2022-12] [ACL 2023] (venue) tags
    text = _ARXIV_END.sub("", text)  # "Title. Lee, Ann. arXiv:1907.02226": the preprint
    stop = cited.STOP.search(text)  # "Classic Owls vs. Fast Owls: ...": no stop after "vs."
    after = cited.STOP.split(text[stop.end() :], maxsplit=1)[0] if stop else ""
    if (
        stop
        and len(text[: stop.start()].split()) >= 3
        and (fields.looks_like_authors(after) or fields._SURNAME_GIVEN.fullmatch(after))
    ):
        text = text[: stop.start()]
    dated = _DATED_BYLINE.search(text)  # the year, then who wrote it
    if dated and len(text[: dated.start()].split()) >= 3 and fields.looks_like_authors(dated[1]):
        text = text[: dated.start()]
    return text


def quotes_after(text: str, quote: str) -> bool:
    """``Skip-Thought Vectors - "unsupervised learning of a sentence encoder"``: words in lower
    case quoted after a named lead and a dash describe the paper (a line of its abstract)."""
    lead = text[: text.find(quote)]
    named = re.fullmatch(r"\W*([^\W\d_][^\"“”]*?)\s+[-–—]\s*[\"“”]", lead)
    return (
        bool(named)
        and len(named[1].split()) >= 2
        and quote.split()[0].isalpha()
        and quote.split()[0].islower()
    )


_NAME_LEAD_WORDS = 4  # "**HD-Painter:**": a name in bold before its title's colon


def named_lead(line: Line) -> str | None:
    """``***HD-Painter:*** High-Resolution Image Inpainting [[Paper]](url)``: a short bold
    name and a colon, then the rest of the title in plain words, only link words after."""
    if not line.strong or any(not fields.is_resource_text(link.text) for link in line.links):
        return None
    name = line.strong[0].strip()
    text = fields._line_title_text(line, upto_links=True).lstrip(" -*_")
    tag = re.match(r"[\[(][^\])]{2,30}[\])]\s*", text)  # "(CVPR 24') **Name**: Rest"
    text = text[tag.end() :] if tag and lexicon.is_venue_only(tag[0]) else text
    rest = re.match(r"\s*:?\s+(?P<rest>[A-Z0-9]\S*(?:\s+\S+)+)", text[len(name) :])
    for span in line.em if rest else ():  # "..., *Li et al.*": who wrote it, after the title
        at = rest["rest"].find(span)
        if at > 0 and byline.all_names(span.strip(" .,")):
            rest = re.match(r"(?P<rest>.+)", rest["rest"][:at].rstrip(" ,;*_"))
            break
    words = name.rstrip(" :").split()
    # "**A Video is Worth 256 Bases**: Spatial-Temporal ...": a title's first part in bold,
    # its colon after the bold, the rest in Title Case
    opening = name.endswith(":") or bool(rest) and shape.title_case(rest["rest"])
    if (
        not text.startswith(name)
        # "***Towards Owl Inpainting:*** Rest": the colon inside the bold, the title goes on
        or not 1 <= len(words) <= (_TITLE_LEAD_WORDS if opening else _NAME_LEAD_WORDS)
        # a coined name ("HD-Painter"), or a title's first words; not a field ("Metrics:")
        or not (nicknames.coined(words[0]) or len(words) >= 3)
        or not (name.endswith(":") or text[len(name) :].lstrip().startswith(":"))
        or rest is None
        # names after a bold title and its colon are a list of them, with commas
        or fields.names_line(rest["rest"])
        and (not name.endswith(":") or "," in rest["rest"])
        # "**Title**: *FAccT, Jun 2022*": where and when, not the title's end
        or any(rest["rest"].startswith(span) for span in line.em)
        or re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", rest["rest"])
    ):
        return None
    if re.match(r"[^:\s]+(?:\s[^:\s]+){0,3}:\s", rest["rest"]):
        return rest["rest"].strip()  # "**SambaMOTR**: Samba: Synchronized ...": a label
    return f"{name.rstrip(' :')}: {rest['rest'].strip()}"


_TITLE_LEAD_WORDS = 8  # a title's first part, bold up to its colon
_PLAIN_TITLE_WORDS = 3  # words a plain title before its paper link has, at least
_CONNECTIVES = frozenset(("on", "in", "at", "of", "for", "to", "by", "and", "or", "the", "a"))


def _labelled(line: Line, text: str) -> bool:
    """The line opens with an italic label and its colon: a note's topic, not a title."""
    marked = line.em[0].strip() if line.em else ""
    if any(marked in span for span in line.strong):
        return False  # "***DesignEdit:*** Title": a bold name leads the title
    colon = marked.endswith(":") or text[len(marked) :].lstrip().startswith(":")
    return bool(marked) and text.startswith(marked) and colon


def titled_before_paper(line: Line) -> str | None:
    """``A Task is Worth One Word: Learning ... [[Paper]](url) [[Code]](url)``: plain words
    in Title Case before a link word to the paper, the line's title (not names, not a
    sentence going on in lower case)."""
    first = next((link for link in line.links if not link.image_only), None)
    if first is None or not fields.is_resource_text(first.text):
        return None
    if fields.link_kind(first) != fields.PAPER:
        return None
    text = title_text(line).strip(" -–—:|*_")
    words = text.split()
    if (
        len(words) < _PLAIN_TITLE_WORDS
        or not line.text.lstrip(" -*_").startswith((words[0], *line.code[:1]))
        or not words[0][:1].isupper()
        or fields.names_line(text)
        or _labelled(line, text)  # "*Synthetic data:* STaR ([2203.14465](url))": a note
        or cited.STOP.search(text + " ")
        or re.search(r"[{}\\]|[:,]$", text)  # "Lee, Ann and Gonz{'a}lez", "Materials:"
        or text.split()[-1].casefold() in _CONNECTIVES
    ):
        return None
    return text


_AFTER_WORDS = 3  # words a title after its links has, at least


_ASIDE_WORDS = 6  # a bracket of this many words, in lower case, says what the paper does


def _drop_aside(text: str, code: list[str]) -> str:
    """``Title (`Reasoning VOS via Outside Knowledge!`)``, ``Title (segment both visible and
    invisible (e.g., occluded) video objects)``: a note in brackets after the title."""
    if not text.endswith(")"):
        return text
    depth = 0
    for at in range(len(text) - 1, -1, -1):  # the bracket the last one closes
        depth += {")": 1, "(": -1}.get(text[at], 0)
        if depth == 0:
            break
    inner = text[at + 1 : -1].strip()
    noted = inner in code or len(inner.split()) >= _ASIDE_WORDS and inner[:1].islower()
    return text[:at].rstrip() if noted and at > 0 else text


# ", Nature, 463, pp 747-756", ", Climatic Change 122(3)", ", 054046": a journal and where in it
_WHERE = re.compile(
    r"(?:[A-Z][\w.&'’-]*\.?(?:\s+(?:[A-Z&][\w.&'’-]*|of|on|and|in|for|the))*)?"
    r"(?:\s*[\d(][\w()\s:–-]*)?|pp?\.?\s*[\d–-]+|doi:\S+|vol\.?\s*\d+\S*"
)


def cut_where(title: str) -> tuple[str, str | None]:
    """``Title, Nature, 463, pp 747-756``: a cited title without the journal and the volume
    and pages after it (the parts after a comma, each a name or a number, one a number)."""
    pieces = title.split(", ")
    keep = len(pieces)
    while keep > 1 and _WHERE.fullmatch(pieces[keep - 1].strip(" .")):
        keep -= 1
    tail = pieces[keep:]
    if (
        not any(re.search(r"\d", piece) for piece in tail)
        or len(", ".join(pieces[:keep]).split()) < 3
    ):
        return title, None
    named = next((p.strip(" .") for p in tail if re.match(r"[A-Z]", p)), None)
    return ", ".join(pieces[:keep]), named and re.sub(r"\s*[\d(].*$", "", named)


def _after(line: Line, link) -> str:
    """The line's text after the last part that shows ``link``."""
    ends = [i for i, (text, href) in enumerate(line.parts) if href == link.href and text]
    return "".join(text for text, _href in line.parts[ends[-1] + 1 :]) if ends else ""


def title_after_links(line: Line) -> str | None:
    """``:blue_square: `SVOS` `Apr` - [paper](a) / [code](b) - UniSurgSAM: A Unified ...``:
    tags (emoji by name, code spans) and a month before the link words, the title after
    them (no brackets there: ``[qnn]`` tags follow a title, they are none)."""
    resource = [link for link in line.links if fields.is_resource_text(link.text)]
    shown = [link for link in line.links if not link.image_only]
    if not resource or len(resource) != len(shown) or not all(link.text for link in resource):
        return None
    text = line.text
    head = text.split(resource[0].text, 1)[0]
    # ":blue_square:" (an emoji by name) or a code span tags the line
    tagged = SHORTCODE.search(head) or any(code in head for code in line.code)
    for code in line.code:
        head = head.replace(code, " ")
    head = strip_emoji(head)
    if not tagged or re.search(r"[^\W\d_]{2,}", head):
        return None  # words before the links: the title is there, if anywhere
    tail = _after(line, resource[-1])  # (its words may be in the title: "[code]", "Encoder")
    tail = _drop_aside(re.split(r"\s[-–—|]\s", tail)[-1].strip(), line.code)
    tail = tail.strip(" \xa0-–—|/:,;()[]")  # "/ code - Title"
    for code in (c for c in line.code if tail.startswith(c)):
        tail = tail[len(code) :].strip()  # "`TPAMI` Title": the journal, marked as code
    words = tail.split()
    opens = words[0][:1].isupper() or words[0][:1].isdigit() if words else False  # "3AM: ..."
    # names there come as a list, with commas ("Segment and Track Anything" is a title)
    named = fields.names_line(tail) and ("," in tail or len(words) <= _AFTER_WORDS)
    if len(words) < _AFTER_WORDS or not opens or named:
        return None
    if re.search(r"[\[\]]", tail):
        return None
    return tail
