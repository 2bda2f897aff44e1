"""BibTeX and biblatex writer: canonical CSL-JSON items -> ``.bib`` text.

Decisions (see also ``delbib.latex``):

* Entry types: paper-conference -> ``@inproceedings``; article-journal -> ``@article``;
  chapter -> ``@incollection``; report -> ``@techreport`` (biblatex ``@report``);
  thesis -> ``@phdthesis``/``@mastersthesis`` (biblatex ``@thesis``); book -> ``@book``;
  anything else -> ``@misc``.
* arXiv preprints: classic BibTeX writes what arXiv and Google Scholar give, so natbib's
  plainnat prints "arXiv preprint arXiv:ID": ``@article`` with ``journal = {arXiv
  preprint arXiv:ID}``, ``eprint``, ``archivePrefix = {arXiv}`` and ``primaryClass``.
  biblatex writes ``@online`` with ``eprint``, ``eprinttype = {arxiv}``, ``eprintclass``
  (what Zotero's biblatex export does). Published items with an arXiv id keep the
  eprint fields too.
* Classic flavour only, so plainnat prints what is known instead of warning: an item
  without a date gets ``year = {n.d.}``; one without author or editor gets ``key`` (its
  title) for sorting and labels; one still missing a field its entry type requires
  (author, journal/booktitle, publisher, school, institution) is written as ``@misc``
  with the container in ``howpublished``. biber does not warn on missing fields, so
  the biblatex flavour keeps the type and adds nothing.
* ``doi`` and ``url`` are written raw (url.sty/hyperref and biber treat them verbatim);
  braces, backslashes and whitespace in them are percent-encoded so the .bib stays
  brace-balanced. ``url`` is omitted when it only repeats the DOI (doi.org link) or the
  arXiv id (arxiv.org abs/pdf link with eprint present): it adds nothing there.
* ``keywords`` holds the categories; ``note`` is not written (the citation key is
  already the entry key).
* Output is deterministic: one entry per item in input order, a fixed field order,
  ``\\n`` line endings, a blank line between entries and a final newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from delbib.errors import InputError
from delbib.formats import arxiv_id, categories, date_parts
from delbib.latex import braces_balanced, clean_text, escape, escape_title

__all__ = ["FLAVOURS", "write"]

FLAVOURS = ("bibtex", "biblatex")

_KEY = re.compile(r"[A-Za-z0-9_:.\-]+")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RANGE_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")
_TEX_SPECIALS = frozenset("&%$#_{}~^\\")
_AND = re.compile(r"(^|\s)and(\s|$)", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)

# One global order keeps every entry type's fields in the same relative order.
_FIELD_ORDER = (
    "author",
    "editor",
    "title",
    "booktitle",
    "journal",
    "journaltitle",
    "shortjournal",
    "howpublished",
    "series",
    "volume",
    "number",
    "pages",
    "type",
    "institution",
    "school",
    "organization",
    "publisher",
    "address",
    "location",
    "edition",
    "year",
    "month",
    "date",
    "isbn",
    "issn",
    "doi",
    "url",
    "eprint",
    "archivePrefix",
    "eprinttype",
    "primaryClass",
    "eprintclass",
    "keywords",
    "key",
)

# Fields the standard BibTeX styles (plain, plainnat) warn about when empty.
_REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "book": ("author", "title", "publisher", "year"),
}
_CONTAINER_FIELDS = ("journal", "booktitle", "institution", "school", "publisher")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    return clean_text(str(value))


def _raw(value: str) -> str:
    """Verbatim field (url, doi, eprint) made brace-safe by percent-encoding."""
    value = value.strip().replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
    return re.sub(r"\s", "%20", value)


def _key(item: Mapping[str, Any]) -> str:
    key = item.get("citation-key") or item.get("id")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise InputError(
            f"item {key!r} has no valid citation key (ASCII letters, digits and _:.- only)",
            field="citation-key",
        )
    return key


def _arxiv_class(item: Mapping[str, Any]) -> str:
    custom = item.get("custom")
    if isinstance(custom, Mapping):
        return str(custom.get("arxiv_class") or "").strip()
    return ""


def _doi(item: Mapping[str, Any]) -> str:
    doi = str(item.get("DOI") or "").strip()
    return _DOI_PREFIX.sub("", doi)


def _useful_url(item: Mapping[str, Any], doi: str, eprint: str) -> str:
    """The URL unless it only repeats the DOI or the arXiv eprint."""
    url = str(item.get("URL") or "").strip()
    if not url:
        return ""
    if doi and re.fullmatch(
        r"https?://(?:dx\.)?doi\.org/" + re.escape(doi) + r"/?", url, re.IGNORECASE
    ):
        return ""
    if eprint and re.fullmatch(
        r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/"
        + re.escape(eprint)
        + r"(?:v\d+)?(?:\.pdf)?/?",
        url,
        re.IGNORECASE,
    ):
        return ""
    return url


def _name_part(part: str, ascii: bool, *, whole: bool = False) -> str:
    """Escape one name part; brace it whole if BibTeX/biber would mis-split it.

    A comma or the word "and" would split the name; an escaped TeX special (``\\&``)
    would become a bogus initial in biber (``\\\\bibinitperiod``).
    """
    encoded = escape(part, ascii=ascii)
    if whole or "," in part or _AND.search(part) or any(c in _TEX_SPECIALS for c in part):
        return "{" + encoded + "}"
    return encoded


def _name(name: Any, ascii: bool) -> str:
    if not isinstance(name, Mapping):
        literal = _text(name)
        return "{" + escape(literal, ascii=ascii) + "}" if literal else ""
    literal = _text(name.get("literal"))
    family = _text(name.get("family"))
    given = _text(name.get("given"))
    if literal or not family:
        literal = literal or given
        return "{" + escape(literal, ascii=ascii) + "}" if literal else ""
    particles = " ".join(
        p
        for p in (_text(name.get("dropping-particle")), _text(name.get("non-dropping-particle")))
        if p
    )
    suffix = _text(name.get("suffix"))
    von_last_text = f"{particles} {family}".strip()
    # Alone, a multi-word family would be read as "First Last": keep it whole.
    lone = not given and not suffix
    von_last = _name_part(von_last_text, ascii, whole=lone and " " in von_last_text)
    if lone:
        return von_last
    parts = [von_last]
    if suffix:
        parts.append(_name_part(suffix, ascii))
    parts.append(_name_part(given, ascii))
    return ", ".join(parts)


def _names(names: Any, ascii: bool) -> str:
    if not isinstance(names, list):
        return ""
    return " and ".join(n for n in (_name(x, ascii) for x in names) if n)


def _keywords(item: Mapping[str, Any], ascii: bool) -> str:
    return ", ".join(escape(w, ascii=ascii) for w in categories(item))


def _pages(value: Any, ascii: bool) -> str:
    pages = _text(value)
    return escape(_RANGE_DASH.sub("--", pages), ascii=ascii) if pages else ""


def _braced(value: str) -> str:
    return "{" + value + "}"


def _entry(item: Mapping[str, Any], flavour: str, ascii: bool) -> tuple[str, dict[str, str]]:
    """Entry type and {field: value-as-written} for one item."""
    biblatex = flavour == "biblatex"
    kind = str(item.get("type") or "document")
    f: dict[str, str] = {}

    def put(name: str, value: str, *, braced: bool = True) -> None:
        if value:
            f[name] = _braced(value) if braced else value

    def text(name: str, csl: str) -> None:
        put(name, escape(_text(item.get(csl)), ascii=ascii))

    put("author", _names(item.get("author"), ascii))
    put("editor", _names(item.get("editor"), ascii))
    put("title", escape_title(_text(item.get("title")), ascii=ascii))

    parts = date_parts(item)
    if parts:
        if biblatex:
            put("date", "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]))
        else:
            put("year", str(parts[0]))
            if len(parts) > 1 and 1 <= parts[1] <= 12:
                put("month", _MONTHS[parts[1] - 1], braced=False)

    eprint = arxiv_id(item)
    doi = _doi(item)
    put("doi", _raw(doi))
    put("url", _raw(_useful_url(item, doi, eprint)))
    if eprint:
        put("eprint", _raw(eprint))
        cls = _raw(_arxiv_class(item))
        if biblatex:
            put("eprinttype", "arxiv")
            put("eprintclass", cls)
        else:
            put("archivePrefix", "arXiv")
            put("primaryClass", cls)
    put("keywords", _keywords(item, ascii))

    container = escape(_text(item.get("container-title")), ascii=ascii)
    publisher = escape(_text(item.get("publisher")), ascii=ascii)
    place = "location" if biblatex else "address"
    genre = _text(item.get("genre")).lower()

    def in_book(*extra: str) -> None:
        """The fields of a paper inside a book: proceedings or a collection."""
        put("booktitle", container)
        text("series", "collection-title")
        text("volume", "volume")
        put("pages", _pages(item.get("page"), ascii))
        put("publisher", publisher)
        text(place, "publisher-place")
        for name in extra:
            text(name, name)
        text("isbn", "ISBN")

    if kind == "paper-conference":
        entry = "inproceedings"
        in_book()
    elif kind == "article-journal" or (kind == "article" and not eprint and container):
        entry = "article"
        put("journaltitle" if biblatex else "journal", container)
        if biblatex:
            text("shortjournal", "container-title-short")
        text("volume", "volume")
        text("number", "issue")
        put("pages", _pages(item.get("page"), ascii))
        if not biblatex:
            put("publisher", publisher)
        text("issn", "ISSN")
    elif kind == "article" and eprint:
        if biblatex:
            entry = "online"
        else:
            entry = "article"
            put("journal", escape(f"arXiv preprint arXiv:{eprint}", ascii=ascii))
    elif kind == "chapter":
        entry = "incollection"
        in_book("edition")
    elif kind == "report":
        entry = "report" if biblatex else "techreport"
        put("institution", publisher)
        kind_of_report = escape(_text(item.get("genre")), ascii=ascii)
        put("type", kind_of_report or ("techreport" if biblatex else ""))
        text("number", "number")
        text(place, "publisher-place")
    elif kind == "thesis":
        masters = "master" in genre
        if biblatex:
            entry = "thesis"
            put("type", "mathesis" if masters else "phdthesis")
            put("institution", publisher)
        else:
            entry = "mastersthesis" if masters else "phdthesis"
            put("school", publisher)
        text(place, "publisher-place")
    elif kind == "book":
        entry = "book"
        text("series", "collection-title")
        text("volume", "volume")
        put("publisher", publisher)
        text(place, "publisher-place")
        text("edition", "edition")
        text("isbn", "ISBN")
    else:  # document, non-arXiv preprints, anything unknown
        entry = "misc"
        how = container or publisher
        number = escape(_text(item.get("number")), ascii=ascii)
        if kind == "article" and publisher and number:
            how = f"{publisher} {number}"
        put("howpublished", how)

    if not biblatex:
        # plainnat warns on any entry without a year and sorts nothing without an
        # author or key: "n.d." is the usual no-date marker, the title a fine label.
        f.setdefault("year", "{n.d.}")
        if "author" not in f and "editor" not in f:
            put("key", f.get("title", "")[1:-1] or escape(_key(item), ascii=ascii))
        required = _REQUIRED.get(entry, ())
        if any(r not in f for r in required):
            # The container moves to howpublished (the one field @misc prints for it).
            how = next((f.pop(c) for c in _CONTAINER_FIELDS if c in f), "")
            for other in _CONTAINER_FIELDS[:-1]:
                f.pop(other, None)
            if how:
                f["howpublished"] = how
            entry = "misc"
    return entry, f


def _format(entry: str, key: str, fields: Mapping[str, str]) -> str:
    lines = [f"  {name} = {fields[name]}" for name in _FIELD_ORDER if name in fields]
    body = ",\n".join(lines)
    return f"@{entry}{{{key},\n{body}\n}}\n" if lines else f"@{entry}{{{key}\n}}\n"


def write(
    items: Iterable[Mapping[str, Any]], *, flavour: str = "bibtex", ascii: bool = False
) -> str:
    """Serialise canonical items to BibTeX (``flavour="bibtex"``) or biblatex.

    ``ascii=True`` writes non-ASCII as LaTeX (``{\\'e}``) for 8-bit BibTeX toolchains.
    Raises ``InputError`` for an unknown flavour or a missing, invalid or duplicate key:
    BibTeX cannot represent those, and dropping the item silently would be worse.
    """
    if flavour not in FLAVOURS:
        raise InputError(f"unknown BibTeX flavour {flavour!r}; use one of {', '.join(FLAVOURS)}")
    seen: set[str] = set()
    entries: list[str] = []
    for item in items:
        key = _key(item)
        if key in seen:
            raise InputError(f"duplicate citation key {key!r}", field="citation-key")
        seen.add(key)
        entry, fields = _entry(item, flavour, ascii)
        text = _format(entry, key, fields)
        if not braces_balanced(text):  # pragma: no cover - guarded by construction
            raise AssertionError(f"unbalanced braces in entry {key!r}")
        entries.append(text)
    return "\n".join(entries)
