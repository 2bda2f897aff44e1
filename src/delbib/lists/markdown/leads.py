"""How a line or a nested item opens: with its title, with its names, or with a sentence of
prose, which tells a paper's own line from the notes and fields under it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...identifiers.links import extract
from . import byline, citation, cited, fields, fieldtitle, linetitle, sections
from .inline import Line, squash, strip_emoji

if TYPE_CHECKING:
    from .blocks import Item


def names_led(line: Line) -> bool:
    """``*Ann Lee, Bo Chen*. OWLS 2018. [[pdf](url)]``: a byline, opening with an italic
    span of names."""
    first = line.em[0].strip() if line.em else ""
    return bool(first) and line.text.lstrip(" *_").startswith(first) and cited.authors_span(first)


def sentence_led(line: Line) -> bool:
    """``Easily one of the most cited papers; introduces [Lamport clocks](wiki)``, ``Related
    blog post, [Title](url)``: a link after words of a sentence, as notes under a paper are
    written; a nested paper opens with its title (``[Title](url)``, ``**Title**``)."""
    if not line.links:
        return False
    before = line.text.split(line.links[0].text, 1)[0] if line.links[0].text else ""
    if re.search(r":|\bet al\b", before) or byline.dated_names(line.links[0].text):
        return False  # "X is described in: Lee et al., *[Title](doi)*": a citation it leads to
    return len(re.findall(r"(?<![\w'’])[a-z]{2,}\b", before)) >= 2


def links_paper(item: Item) -> bool:
    """A sub-item that links a paper (``[Paper](doi)``, an arXiv page), led by its title, not
    by a sentence: a paper nested under another."""
    links = [link for line in item.lines for link in line.links]
    return (
        bool(item.lines)
        and not sentence_led(item.lines[0])
        and any(fields.link_kind(link) == fields.PAPER for link in links)
    )


_OWN_WORDS = 3  # words outside its links that an item needs to be a paper, not a field


def papers_of_their_own(items: list[Item]) -> bool:
    """``- `[CVPR 2024]` Title [[paper]](arxiv)`` twice or more under a bold label: each
    bullet names and links a paper, so they are papers, not the label's fields (``- Paper:
    [link](url)`` has no words of its own)."""
    return sum(map(paper_of_its_own, items)) >= 2


def group_of_papers(label: str | None, items: list[Item]) -> bool:
    """A parent item that names a year or a venue (``- **Year 2019**``, ``- **TIP**``), over
    a bullet that names and links a paper: its papers, not its fields (a parent of other
    words, ``* Barn Owl Nets``, may be the paper's nickname over its citation)."""
    dated = label is not None and any(sections.heading_venue(label))
    return dated and any(map(paper_of_its_own, items))


def described(lines: list[Line]) -> bool:
    """``- Definition and discussion of animal-used tools``: one line of plain words and no
    link, in lower case after its first word, over the paper it is about."""
    if len(lines) != 1 or lines[0].links or lines[0].strong or re.match(r"\W*[\"“]", lines[0].text):
        return False  # ('3. "A brief report on owls."' / '*Ann Lee* [[paper]]': a title, quoted)
    words = strip_emoji(lines[0].text).split()
    return len(words) >= _OWN_WORDS and sum(w[:1].islower() for w in words[1:]) * 2 >= len(words)


def plain_paper(item: Item, block: list[Line]) -> bool:
    """``Title  `` / ``🕝 **[CVPR'24]** **[[PDF]](arxiv)**``: a paragraph of its own that opens
    with a plain line of words and links a paper below it is one paper, ended there."""
    first = block[0] if block else None
    return (
        first is not None
        and item.lines[:1] == [first]
        and len(block) >= 2
        and not first.links
        and len(re.findall(r"[^\W\d_]{2,}", first.text)) >= _OWN_WORDS
        and not sentence_led(block[1])
        and any(fields.link_kind(link) == fields.PAPER for ln in block[1:] for link in ln.links)
    )


def half_papers(items: list[Item]) -> bool:
    """``3. **Hybrid**`` over ``- `kit`: [code]`` and ``- `IdInvert`: Title (ECCV 2020):
    [arxiv]``: under a bold parent that links nothing, half of the sub-items naming and linking a
    paper each are papers of their own (a repository beside them is no field of a paper)."""
    return 2 * sum(map(paper_of_its_own, items)) >= len(items) >= 2


def paper_of_its_own(item: Item) -> bool:
    """``- `[CVPR 2024]` Title [[paper]](arxiv)``: a bullet that names and links one paper."""
    words = " ".join(part for line in item.lines for part, href in line.parts if not href)
    words = re.sub(r"\S*://\S*|www\.\S+", " ", words)  # a bare address is no word of its own
    # "SPIN（[2401.01335](arxiv)）、STaR（[2203.14465](arxiv)）": several papers cited
    cited = {i for line in item.lines for link in line.links for i in extract(link.href)}
    return (
        links_paper(item)
        and len(cited) <= 1
        and len(re.findall(r"[^\W\d_]{2,}", words)) >= _OWN_WORDS
    )


def led_by_title(line: Line) -> bool:
    """``**Title** [[pdf](url)]``, ``[Title](url)``, ``Title: ...``: the line starts with its
    bold, linked or labelled title, as a paper's line does; a sentence of prose mentioning a
    bold name does not."""
    if fieldtitle.title(line) is not None:
        return True  # "Title: Owl Calls": a labelled title opens its paper's fields
    text = line.text.lstrip()
    if linetitle.NUMBERED.match(text):
        return True  # "2.Title <br>": the list's next number opens its next paper
    spans = [*line.strong, *(link.text for link in line.links)]
    return any(span.strip() and text.startswith(span.strip()) for span in spans)


def fields_only(items: list[Item]) -> bool:
    """``- Paper: url``, ``- [code](url)``, ``- *Ann Lee, Bo Chen*``: bullets that give the
    title above them its fields; bullets of badges alone (a repository's name drawn in an
    image) are entries of a list under a label, each a repository of its own, and so are
    bullets that each name and link a paper."""
    if papers_of_their_own(items):
        return False
    for item in items:
        links = [link for line in item.lines for link in line.links]
        words = " ".join(line.text for line in item.lines).strip()
        if links and all(link.image_only for link in links) and not words:
            return False
    return True


def placed_after_names(before: Line, line: Line) -> bool:
    """``**Title** \\`` / ``*Ann Lee, Bo Chen* \\`` / ``Owl Engineering [[Paper](url)] \\``:
    after a byline, a plain line of words then the paper's link says where it appeared; it
    opens no paper of its own."""
    found = linetitle.line_title(line)
    plain = found is None or found[1] == "plain"
    named = names_led(before) or cited.authors_line(before.text.strip(" *_"))
    return plain and not line.strong and named and fields.has_link(line)


def led_by_citation(line: Line) -> bool:
    """``🟢 Lee, A., & Chen, B. (2020). Title. bioRxiv. https://...``: a paragraph that opens
    with a whole reference, names, date and title, opens a paper of its own, however the
    paragraphs before it run on (notes, links, a label)."""
    found = citation.read(strip_emoji(fields._line_title_text(line)))
    return found is not None and bool(found.authors) and found.year is not None


_DATED_LINES = 3  # source lines of one reference's paragraph
_DATED_WORDS = 5
_DATED_SHARE = 0.6  # of a run's paragraphs: most are references, each one paper
# its year closes it, in brackets or near its end: "Title. Lee, et al. IUI (2021).", not a
# note's "In 2019 the owls came back, and ..."
# (or its volume and pages: "Cell. 2013;152: 327–339.")
_CLOSING_YEAR = re.compile(
    r"\((?:19|20)\d{2}[a-z]?\)|(?<![\d.])(?:19|20)\d{2}[a-z]?(?=\W{0,3}$|;\s?\d)"
)


def dated_paragraphs(blocks: list[list[Line]]) -> set[int]:
    """The paragraphs of a run that each end a reference with its year, when most of the run's
    paragraphs do (``Title. Weisz, et al. IUI (2021). [Notes](x.md)`` paragraph after
    paragraph): each is one paper however its title is written, never the next one's lines."""
    dated = set()
    for index, lines in enumerate(blocks):
        text = squash(" ".join(fields._line_title_text(line) for line in lines))
        tail = text[len(text) * 2 // 3 :] if len(text) > 60 else text
        if (
            len(lines) <= _DATED_LINES
            and len(text.split()) >= _DATED_WORDS
            and _CLOSING_YEAR.search(tail)
        ):
            dated.add(index)
    worded = [lines for lines in blocks if any(line.text.strip() for line in lines)]
    return dated if len(worded) >= 3 and len(dated) >= _DATED_SHARE * len(worded) else set()
