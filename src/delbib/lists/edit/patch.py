"""One item's text edited: each value found where the item writes it (inside its markup,
never inside a URL) and replaced; a clone of a sibling item for a new paper; a key anchor.
"""

from __future__ import annotations

import re

from delbib.catalog.model import clean_category
from delbib.errors import InputError
from delbib.lists.cells import cell
from delbib.lists.markdown import Row
from delbib.lists.markdown.fields import KIND_ORDER, link_kind
from delbib.lists.markdown.inline import Link

from .values import Target, same_title

ANCHOR = '<a id="delbib-{key}"></a>'
_DESTINATION = re.compile(
    r"\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)|(?:href|src)\s*=\s*\"[^\"]*\""
)
_LIST_MARKER = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)")
_AROUND = ("[]", "()", "（）")  # brackets a removed link leaves empty
_VENUE_YEAR = re.compile(r"[\s'’-]*(?:19|20)\d{2}$")  # a venue read with its year
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:([-./])(\d{1,2}))?(?![\d])")


def _badge_text(value: str) -> str:
    """A value as a shields.io badge path writes it (``NeurIPS_2024``, ``a--b`` for a-b)."""
    from urllib.parse import quote

    return quote(value.replace("-", "--").replace("_", "__").replace(" ", "_"), safe="'&+,")


def _badge_span(text: str, value: str) -> tuple[int, int] | None:
    """Where a shields.io badge of the item spells ``value`` (a venue shown as a badge)."""
    from urllib.parse import unquote

    for match in re.finditer(r"img\.shields\.io/badge/([^)\s\"?]+)", text):
        path = match.group(1)
        for part in re.split(r"(?<!-)-(?!-)", path):
            words = unquote(part).replace("__", "\0").replace("_", " ").replace("\0", "_")
            if words.replace("--", "-") == value:
                at = match.start(1) + path.index(part)
                return at, at + len(part)
    return None


def _with_markup(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` with the emphasis around it and the separator after it (``*A. Author*. ``),
    to drop a value without leaving empty markup."""
    lo, hi = span
    while lo > 0 and hi < len(text) and text[lo - 1] == text[hi] and text[hi] in "*_":
        lo, hi = lo - 1, hi + 1
    if hi < len(text) and text[hi] in ".,;":
        hi += 1
    while hi < len(text) and text[hi] == " ":
        hi += 1
    return lo, hi


def _masked(text: str) -> str:
    """``text`` with link destinations and HTML attributes blanked (same length), so that a
    value is never found inside a URL."""
    return _DESTINATION.sub(lambda m: m.group(0)[:2] + "\0" * (len(m.group(0)) - 2), text)


def _pattern(value: str) -> re.Pattern[str]:
    """``value`` as written in markdown: any character may be backslash-escaped, spaces vary."""
    parts = []
    for ch in value:
        if ch.isspace():
            parts.append(r"\s+")
        elif ch == "&":
            parts.append(r"(?:&|&amp;)")
        else:
            parts.append(r"\\?" + re.escape(ch))
    return re.compile("".join(parts).replace(r"\s+\s+", r"\s+"))


def _find(text: str, value: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not value or not value.strip():
        return None
    masked = _masked(text)
    for match in _pattern(value.strip()).finditer(masked):
        span = match.span()
        if not any(span[0] < b and a < span[1] for a, b in taken):
            return span
    return None


def _escape(value: str) -> str:
    return cell(value)


def _year_span(text: str, year: int, taken: list[tuple[int, int]]) -> re.Match[str] | None:
    for match in _YEAR.finditer(_masked(text)):
        if int(match.group(1)) == year and not any(
            match.start() < b and a < match.end() for a, b in taken
        ):
            return match
    return None


def _date_text(match: re.Match[str], year: int, month: int | None) -> str:
    """The new date written at the precision and in the form of the old one."""
    if match.group(2) is None or not month:
        return str(year)  # a month the new date does not give is not kept
    return f"{year}{match.group(2)}{month:0{len(match.group(3))}d}"


def _link_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, url) of the inline and HTML links in ``text``."""
    out = []
    for m in re.finditer(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?[^)]*\)", text):
        out.append((m.start(), m.end(), m.group(1), m.group(2)))
    for m in re.finditer(r"<a\s[^>]*?href\s*=\s*\"([^\"]*)\"[^>]*>(.*?)</a\s*>", text, re.I | re.S):
        out.append((m.start(), m.end(), m.group(2), m.group(1)))
    return sorted(out)


def _kind(url: str, label: str = "", first: bool = True) -> str:
    return link_kind(Link(label, url), first=first) or "project"


def patch(
    text: str, row: Row, want: Target, *, clone: bool = False, shown: frozenset[str] = frozenset()
) -> str:
    """``text`` (an item as written) showing ``want`` instead of what ``row`` read from it.

    Only values that differ are replaced, each inside its own markup; with ``clone`` every
    value is replaced (a sibling item used as the template of a new paper). ``shown``: links
    the entry's other items show (an entry listed twice has the links of both)."""
    edits: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def put(span: tuple[int, int] | None, new: str) -> bool:
        if span is None:
            return False
        edits.append((span[0], span[1], new))
        taken.append(span)
        return True

    title_span = _find(text, row.title, taken)
    if title_span:
        taken.append(title_span)
    changed_title = want.title != row.title and (
        clone or want.exact or not same_title(want.title, row.title)
    )
    if changed_title and title_span:
        taken.remove(title_span)
        put(title_span, _escape(want.title))
    venue_changed = (clone or want.venue != row.venue) and want.venue != row.venue
    if venue_changed and row.venue:
        span = _find(text, row.venue, taken)
        written_year = _VENUE_YEAR.search(text[span[0] : span[1]]) if span else None
        if (
            span
            and written_year
            and written_year.start()
            and not _VENUE_YEAR.search(want.venue or "")
        ):
            span = (span[0], span[0] + written_year.start())  # the year is replaced on its own
        month = re.match(r"[-./]\d{1,2}(?!\d)", text[span[1] :]) if span else None
        if span and month and re.search(r"\d$", text[span[0] : span[1]]):  # "arXiv 2025.02"
            span = (span[0], span[1] + month.end())
        if span is None and want.venue and (span := _badge_span(text, row.venue)):
            put(span, _badge_text(want.venue))
        else:
            put(span, _escape(want.venue or ""))
    if row.year and want.year and (clone or want.year != row.year):
        match = _year_span(text, row.year, taken)
        if match:
            put(match.span(), _date_text(match, want.year, want.month))
    if row.tldr and want.tldr != row.tldr and (span := _find(text, row.tldr, taken)):
        put(span, _escape(want.tldr or ""))
    if clone and row.authors and want.authors != row.authors:
        span = _find(text, row.authors, taken)
        if span and not want.authors:
            span = _with_markup(text, span)
        put(span, _escape(want.authors or ""))
    if row.categories and (clone or not _cleaned(row.categories) <= set(want.categories)):
        span = _category_cell(text, row.categories)
        if span is not None:
            put(span, _categories_text(row, want, clone))
    images = _clone_images(text, want, edits, taken) if clone else []
    taken += images
    _patch_links(text, row, want, images, edits, title_span, shown, clone)
    if clone and text.lstrip().startswith("|"):
        _blank_other_cells(text, edits, title_span)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


_IMAGE = re.compile(
    r"\[!\[[^\]]*\]\(([^)\s]*)[^)]*\)\]\(([^)\s]*)[^)]*\)|!\[[^\]]*\]\(([^)\s]*)[^)]*\)"
    r"|<img\s[^>]*?src\s*=\s*\"([^\"]*)\"[^>]*>",
    re.I,
)
_STARS = re.compile(r"(github/stars/)([\w.-]+/[\w.-]+?)(\.svg|\?|$)")
_REPO = re.compile(r"^https?://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?(?:[/?#]|$)")


def _clone_images(
    text: str, want: Target, edits: list[tuple[int, int, str]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A template's badges describe its own paper: a GitHub stars badge is pointed at the new
    paper's repository; any other image (a venue badge, a figure) is dropped."""
    repo = next((m.group(1) for u in want.links if (m := _REPO.match(u))), None)
    spans = []
    for match in _IMAGE.finditer(text):
        if any(match.start() < b and a < match.end() for a, b in taken):
            continue  # a badge that now shows a new value (the venue)
        src = match.group(1) or match.group(3) or match.group(4) or ""
        stars = _STARS.search(src)
        new = ""
        if stars and repo:
            new = match.group(0).replace(stars.group(2), repo, 1)
            if match.group(2):
                new = new.replace(f"]({match.group(2)}", f"](https://github.com/{repo}", 1)
        lo = match.start()
        while not new and lo > 0 and text[lo - 1] == " ":
            lo -= 1
        edits.append((lo, match.end(), new))
        spans.append((lo, match.end()))
    return spans


def _blank_other_cells(
    text: str, edits: list[tuple[int, int, str]], title_span: tuple[int, int] | None
) -> None:
    """Empty the cells of a cloned table row that no new value went into (a model name, a
    rating): they belong to the template's paper."""
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", text)]
    touched = [(a, b) for a, b, _ in edits] + ([title_span] if title_span else [])
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        inner = text[lo + 1 : hi]
        if not inner.strip() or any(lo < b and a < hi for a, b in touched):
            continue
        edits.append((lo + 1, hi, " "))


def _cleaned(names: tuple[str, ...]) -> set[str]:
    """Category names as an import stores them (emoji and markup dropped)."""
    return {clean_category(n) for n in names}


def _category_cell(text: str, names: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of a table cell that lists exactly ``names`` (a category column)."""
    wanted = [n.casefold() for n in names]
    for match in re.finditer(r"(?<=\|)([^|\n]*)(?=\|)", text):
        got = [p.strip().casefold() for p in re.split(r"[,;]", match.group(1)) if p.strip()]
        if got == wanted:
            inner = match.group(1)
            lead = len(inner) - len(inner.lstrip())
            return match.start() + lead, match.start() + len(inner.rstrip())
    return None


def _categories_text(row: Row, want: Target, clone: bool) -> str:
    """The categories a row's cell shows: the entry's, the row's own kept where it still has
    them (an entry listed twice spreads its categories over its rows)."""
    names = list(want.categories) if clone else [c for c in row.categories if c in want.categories]
    names += [c for c in want.categories if c not in names and c not in row.categories]
    bad = next((c for c in names if "," in c or ";" in c), None)
    if bad:
        raise InputError(
            f"category {bad!r} holds a comma or semicolon, which a category cell cannot "
            "show; rename it or render a list with one section per category",
            field="categories",
        )
    return _escape(", ".join(names))


def _patch_links(
    text: str,
    row: Row,
    want: Target,
    images: list[tuple[int, int]],
    edits: list[tuple[int, int, str]],
    title_span: tuple[int, int] | None,
    shown: frozenset[str],
    clone: bool,
) -> None:
    """Swap link destinations for the wanted ones of the same kind, drop links the entry no
    longer has, add the ones the item lacks after its last link (with a sibling's words)."""
    have = set(row.links) | shown
    wanted = [u for u in want.links if u not in have]
    gone = [u for u in row.links if u not in want.links]
    if not wanted and not gone:
        return
    spans = _link_spans(text)
    free = list(wanted)
    labels: dict[str, str] = {}
    given: dict[str, str] = {}  # kind -> the wanted link given to a template's link
    last_end = None
    for start, end, label, url in spans:
        if url not in row.links or any(start < b and a < end for a, b in images):
            continue  # not a link of the row, or a badge already redone
        kind = _kind(url, label)
        labels.setdefault(kind, label)
        last_end = end
        if url not in gone:
            continue
        new = next((u for u in free if _kind(u) == kind), None)
        dest_at = text.index(url, start)
        if new is not None:
            free.remove(new)
            given[kind] = new
        elif clone and kind in given:
            new = given[kind]  # a template's linked title and [pdf] both get the paper
        if new is not None:
            edits.append((dest_at, dest_at + len(url), new))
            if clone:
                _relabel(text, start, label, url, new, edits)
        elif title_span and start <= title_span[0] < end:
            edits.append((start, end, text[title_span[0] : title_span[1]]))  # unlink the title
        else:
            lo, hi = start, end
            while lo > 0 and hi < len(text) and text[lo - 1] + text[hi] in _AROUND:
                lo, hi = lo - 1, hi + 1
            while lo > 0 and text[lo - 1] == " ":
                lo -= 1
            edits.append((lo, hi, ""))
    while last_end is not None and last_end < len(text) and text[last_end] in "*_":
        last_end += 1  # after the bold or italics around a linked title
    if free and last_end is not None:
        added = []
        for url in sorted(free, key=lambda u: KIND_ORDER.index(_kind(u))):
            label = labels.get(_kind(url)) or _kind(url)
            added.append(f"[{label}]({url})")
        edits.append((last_end, last_end, " " + " ".join(added)))


def _relabel(
    text: str, start: int, label: str, old: str, new: str, edits: list[tuple[int, int, str]]
) -> None:
    """A cloned link whose words are its old paper's identifier (``[2401.01335](...)``) gets
    the new paper's identifier of that scheme, else its kind as words."""
    from delbib import identifiers

    for ident in identifiers.extract(old):
        scheme, _, value = ident.partition(":")
        if value and value in label:
            same = (i.partition(":") for i in identifiers.extract(new))
            fresh = next((v for s, _, v in same if s == scheme), None) or _kind(new)
            at = text.find(label, start) + label.index(value)
            edits.append((at, at + len(value), fresh))
            return


def add_anchor(text: str, key: str, *, table: bool, title: str) -> str:
    """The item with a key anchor at the start of its title cell (table) or after its list
    marker; unchanged when a table row's title is not found."""
    anchor = ANCHOR.format(key=key)
    if table:
        span = _find(text, title, [])
        if span is None:
            return text
        at = text.rfind("|", 0, span[0]) + 1
        while at < span[0] and text[at] == " ":
            at += 1
        return text[:at] + anchor + text[at:]
    marker = _LIST_MARKER.match(text)
    at = marker.end() if marker else len(text) - len(text.lstrip())
    return text[:at] + anchor + text[at:]
