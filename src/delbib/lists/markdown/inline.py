"""One table cell or list item, parsed by markdown-it into lines of text and links.

A cell such as ``![Star](badge) <br> [**Title**](https://arxiv.org/...) <br> A. Author`` is
three lines: a badge, a linked title, authors. Everything downstream (titles, authors, links,
years, venues) reads this model instead of the raw markdown, so emphasis, HTML and escapes
mean what GitHub shows.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote

from delbib.identifiers import extract, written_arxiv_ids, written_dois

_BREAK_TAG = re.compile(r"^<\s*br\s*/?\s*>$", re.IGNORECASE)
_HTML_ANCHOR = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_HTML_IMG = re.compile(r"<img\s[^>]*?src\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_HTML_ANCHOR_END = re.compile(r"</a\s*>", re.IGNORECASE)
_HTML_STYLE = re.compile(r"<(/?)\s*(strong|b|em|i)\s*>", re.IGNORECASE)  # <strong>, </i>
# <a id="delbib-KEY"></a>: the citation key render-list writes into a title cell, so a rendered
# list imported into a new catalog keeps its keys (GitHub shows nothing for it).
_KEY_ANCHOR = re.compile(r"<a\s[^>]*?(?:id|name)\s*=\s*[\"']delbib-([^\"']+)[\"']", re.IGNORECASE)
_BARE_URL = re.compile(r"\bhttps?://[^\s<>\])|]+[^\s<>\])|.,;:'\"]")
# ":star:", "Ha-NeRF:laughing:: Title": GitHub shows an emoji for a shortcode, even one typed
# onto a word
SHORTCODE = re.compile(
    r"(?:(?<=\s)|^):[a-z0-9_+-]+:(?=\s|$)|(?<=\w):[a-z][a-z_]{2,30}:(?=\W|$)"
    r"|(?<=\w):[a-z]{1,2}:\s*$"  # "Title:o:": a short one typed onto the title's end
)
_SPACES = re.compile(r"\s+")
# "[PDF]([https://a.org/1.pdf](https://a.org/2.pdf))": a markdown link pasted as the target;
# the target that was meant is the inner link's; "[pdf]((https://a.org/1/))": a target typed
# in a second pair of parentheses, the address inside them
_PASTED_LINK = re.compile(r"(?:\[[^\]]*\])?\((\S+)\)")
# "github.com/o/r/blob/main/[dl.acm.org/doi/10.1/x](https:/dl.acm.org/doi/10.1/x)": a
# markdown link pasted after a repository's address; GitHub shows a link, the paper's inside
_PASTED_INSIDE = re.compile(r"\]\\?\((https?:/+[^\s()\\]+)\\?\)$")
# "x.pdf&embed", "x.pdf%20(http://.../x.pdf)": text typed after a PDF's name is not its address
_PDF_TAIL = re.compile(r"(https?://\S+?\.pdf)(?:&[\w=]*|%20\S*)", re.IGNORECASE)
_OUTER_LINK = re.compile(r"\[([^\[\]]{1,30})\]\(\[?$")  # "[paper](" right before a link
# "[Title](https://x.org/S2666-3864(25)": a link whose target never closes shows as typed; a
# reader still reads a linked title
_BROKEN_LINK = re.compile(r"\[([^\[\]]{3,})\]\((https?://[^\s()]+(?:\([^\s()]*\)?)?[^\s()]*)")


_ADDRESS = re.compile(r"\s*(?:https?://|www\.|ftp://|10\.\d{4,9}/)", re.I)


@dataclass(frozen=True)
class Link:
    """A hyperlink: its visible text (images give their alt text) and its target."""

    text: str
    href: str
    image_only: bool = False  # a badge: the link shows only an image

    @property
    def bare(self) -> bool:
        """The link shows its own address (``https://...``, a written DOI): no title's link."""
        return bool(_ADDRESS.match(self.text))


@dataclass
class Line:
    """Text between two line breaks (``<br>``, soft or hard breaks)."""

    parts: list[tuple[str, str | None]] = field(default_factory=list)  # (text, href or None)
    links: list[Link] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # image sources (badges, figures)
    keys: list[str] = field(default_factory=list)  # citation keys of <a id="delbib-KEY"> anchors
    strong: list[str] = field(default_factory=list)  # bold spans' text
    em: list[str] = field(default_factory=list)  # italic spans' text (authors, venues)
    code: list[str] = field(default_factory=list)  # code spans' text (tags: `ACL 2021`)
    number: int = 0  # 1-based line of the file it starts on (0 when unknown)
    titles: bool = False  # the whole line is a work's title (a heading over its byline)
    soft: bool = False  # after a soft break: GitHub shows it on the line before

    @property
    def text(self) -> str:
        """As written (inner spacing kept: titles are stored as listed)."""
        return "".join(t for t, _ in self.parts).strip()


@dataclass
class Cell:
    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines).strip()

    @property
    def links(self) -> list[Link]:
        return [link for line in self.lines for link in line.links]

    @property
    def images(self) -> list[str]:
        return [src for line in self.lines for src in line.images]

    @property
    def keys(self) -> list[str]:
        return [key for line in self.lines for key in line.keys]


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def is_emoji(ch: str) -> bool:
    """Pictographs, dingbats and their joiners/selectors/skin tones: decoration, not words.
    Symbols of text (``360°``, ``SimNet™``, ``Owl®``, ``40℃``, Latin-1 and letterlike) are
    written as part of words, and a box-drawing line (``Chemists─It``) stands for a dash
    between words: the title's own."""
    code = ord(ch)
    text_symbol = code < 0x2190 or 0x2500 <= code <= 0x257F  # below arrows; box drawing
    marks = unicodedata.category(ch) == "So" and not text_symbol
    return marks or ch in "\u200d\ufe0f\ufe0e\u20e3" or 0x1F3FB <= code <= 0x1F3FF


def strip_emoji(text: str) -> str:
    """Remove emoji and ``:shortcode:`` emoji, keeping the words around them as spaced."""
    text = SHORTCODE.sub("", text)
    return "".join(ch for ch in text if not is_emoji(ch)).strip()


def parse_inline(children: list, first_line: int = 0) -> Cell:
    """markdown-it inline children -> a ``Cell`` (lines split at every kind of line break);
    ``first_line`` is the file line the text starts on, counted on at each source newline."""
    lines = [Line(number=first_line)]
    href: str | None = None
    link_text: list[str] = []
    link_has_image = False
    outer: re.Match | None = None
    depth = {"strong": 0, "em": 0}
    spans: dict[str, list[str]] = {"strong": [], "em": []}
    wrapped = 0  # source newlines inside the current line (a wrapped span)

    def add(text: str) -> None:
        if not text:
            return
        lines[-1].parts.append((text, href))
        if href is not None:
            link_text.append(text)
        for style, open_count in depth.items():
            if open_count:
                spans[style].append(text)

    for tok in children:
        kind = tok.type
        if kind == "text" or kind == "code_inline":
            text = tok.content
            if kind == "code_inline":
                lines[-1].code.append(squash(text))
            broken = _BROKEN_LINK.search(text) if href is None else None
            if broken:
                add(text[: broken.start()])
                href = broken.group(2)
                add(broken.group(1))
                lines[-1].links.append(Link(squash(broken.group(1)), href))
                href, text = None, text[broken.end() :]
            if href is None:  # bare URLs: GitHub links them (GFM autolink extension)
                # "DOI: 10.1207/x": a link to doi.org; in the order written, bare URLs too
                bare = [(m.start(), m.group(0), m.group(0)) for m in _BARE_URL.finditer(text)]
                bare += [(text.find(d), d, "https://doi.org/" + d) for d in written_dois(text)]
                lines[-1].links.extend(Link(shown, to) for _, shown, to in sorted(bare))
                # "[Title](pdf). arXiv:1710.02569": the linked paper's preprint; a line of
                # names and title without links (a note under an item) stays a note
                # (one the line links already adds nothing: "[Title](arxiv/X). arXiv: X.")
                linked = {i for link in lines[-1].links for i in extract(link.href)}
                for arxiv in written_arxiv_ids(text) if lines[-1].links else ():
                    preprint = "https://arxiv.org/abs/" + arxiv
                    if not linked.issuperset(extract(preprint)):
                        lines[-1].links.append(Link(arxiv, preprint))
            add(text)
        elif kind == "softbreak" and (depth["strong"] or depth["em"] or href is not None):
            # a bold title, or a link's text, wrapped onto the next source line is one span
            add(" ")
            wrapped += 1
        elif kind in ("softbreak", "hardbreak"):
            number = lines[-1].number + 1 + wrapped if first_line else 0
            lines.append(Line(number=number, soft=kind == "softbreak"))
            wrapped = 0
        elif kind == "html_inline" and (key := _KEY_ANCHOR.match(tok.content)):
            lines[-1].keys.append(html.unescape(key.group(1)).strip())
        elif kind == "html_inline" and (anchor := _HTML_ANCHOR.match(tok.content)):
            href = html.unescape(anchor.group(1)).strip()  # <a href="...">: a link, as rendered
            # "https://doi.org/10.1/x ; SSRN: https://...": several addresses typed into one
            # attribute: the first one is the paper's address, the rest a note
            href = re.split(r"[\s;]+", href)[0] if re.match(r"https?://\S+[\s;]", href) else href
            link_text, link_has_image = [], False
        elif kind == "html_inline" and href is not None and _HTML_ANCHOR_END.match(tok.content):
            text = squash("".join(link_text))
            lines[-1].links.append(Link(text, href, image_only=link_has_image and not text))
            href = None
        elif kind == "html_inline" and _BREAK_TAG.match(tok.content.strip()):
            if href is not None:  # "[Owl Nets:<br />A Survey](url)": the link's words go on
                add(" ")
            else:
                lines.append(Line(number=lines[-1].number))
        elif kind == "html_inline" and (style_tag := _HTML_STYLE.fullmatch(tok.content.strip())):
            style = "strong" if style_tag.group(2).lower() in ("strong", "b") else "em"
            if not style_tag.group(1):
                depth[style] += 1
            elif depth[style]:
                depth[style] -= 1
                if not depth[style]:
                    getattr(lines[-1], style).append(squash("".join(spans[style])))
                    spans[style] = []
        elif kind == "html_inline" and (img := _HTML_IMG.match(tok.content)):
            lines[-1].images.append(html.unescape(img.group(1)))  # <img src=...>: a badge
            link_has_image = link_has_image or href is not None
        elif kind == "link_open":
            href = (tok.attrs.get("href") or "").strip()
            pasted = _PASTED_LINK.fullmatch(unquote(href)) or _PASTED_INSIDE.search(unquote(href))
            href = pasted.group(1) if pasted else href
            href = re.sub(r"^(https?:/)(?=[^/])", r"\1/", href)  # "https:/dl.acm.org/..."
            pdf = _PDF_TAIL.fullmatch(href)
            href = pdf.group(1) if pdf else href
            link_text, link_has_image = [], False
            before = lines[-1].parts[-1] if lines[-1].parts else ("", "")
            outer = _OUTER_LINK.search(before[0]) if before[1] is None else None
        elif kind == "link_close":
            # "[paper]([[2202.07291] Title (arxiv.org)](url))": a link pasted as the target of
            # another link says what the outer one says ("paper"), not its page's title
            text = outer.group(1) if outer else squash("".join(link_text))
            outer = None
            lines[-1].links.append(Link(text, href or "", image_only=link_has_image and not text))
            href = None
        elif kind == "image":
            lines[-1].images.append(str(tok.attrs.get("src") or ""))
            link_has_image = link_has_image or href is not None
        elif kind in ("strong_open", "em_open"):
            depth[kind[:-5]] += 1
        elif kind in ("strong_close", "em_close"):
            style = kind[:-6]
            depth[style] -= 1
            if not depth[style]:
                getattr(lines[-1], style).append(squash("".join(spans[style])))
                spans[style] = []
    return Cell([line for line in lines if line.parts or line.links or line.images] or [Line()])
