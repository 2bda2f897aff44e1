"""BibTeX and biblatex writer: canonical CSL-JSON items -> ``.bib`` text.

Decisions (see also ``delbib.export.latex``):

* Entry types: paper-conference -> ``@inproceedings``; article-journal -> ``@article``;
  chapter -> ``@incollection``; report -> ``@techreport`` (biblatex ``@report``);
  thesis -> ``@phdthesis``/``@mastersthesis`` (biblatex ``@thesis``); book -> ``@book``;
  anything else -> ``@misc``.
* arXiv preprints (CSL ``article`` with an id) are ``@misc`` in both flavours, never
  ``@article`` or ``@online``: Zotero's BibTeX import makes a journal article of the first
  and a web page of the second. Classic BibTeX adds ``howpublished = {arXiv preprint
  arXiv:ID}`` (what plainnat prints); both write ``eprint`` with ``eprinttype = {arxiv}``
  (what biber and Zotero read: Zotero keeps ``arXiv: ID`` in Extra) and the class as
  ``eprintclass`` (classic: ``primaryClass``, its alias). No ``archivePrefix``: biber
  treats it as an alias of ``eprinttype`` and, with both present, warns and drops it.
  Published items with an arXiv id keep the eprint fields too.
* Venues: ``eventtitle`` holds a conference's event label (Zotero's Conference Name) in
  the classic flavour, where the natbib styles ignore it; biblatex's standard styles print
  it after ``booktitle`` ("In: Findings of ... EMNLP 2024. EMNLP 2024."), so biblatex gets
  it only when there is no ``booktitle``. ``shortjournal`` holds a journal's ISO 4
  abbreviation (Zotero's Journal Abbr).
* The canonical items already have types whose required fields are known (``delbib.catalog.csl``);
  for other items the classic flavour still writes an entry missing a required field
  (author, journal/booktitle, publisher, school, institution) as ``@misc`` with the
  container in ``howpublished``, so plainnat prints what is known instead of warning.
* An item without author or editor cites with a short label (the name before a colon,
  else its first title words) and its year: biblatex gets ``label`` (the authoryear cite
  "DELE 2024"); the natbib styles print a ``key`` label where a name would be, but never
  with a year (``\\citep`` gives "[DELE]"), so the classic ``key`` holds both: "DELE, 2024"
  (``\\citep`` "[DELE, 2024]", ``\\citet`` "DELE, 2024"). No author is made up: a reader
  of the file (Zotero, pybtex) finds none. An item without a date gets ``year = {n.d.}``
  (classic). An author list known to be incomplete ends in ``and others`` (both flavours).
* A classic ``@misc`` with an arXiv id always prints it: ``howpublished`` for a preprint,
  else ``note = {arXiv:ID}`` (the natbib styles have no ``eprint`` field).
* ``doi`` and ``url`` are written raw (url.sty/hyperref and biber treat them verbatim);
  braces, backslashes and whitespace in them are percent-encoded so the .bib stays
  brace-balanced. ``url`` is omitted when it only repeats the DOI (doi.org link) or the
  arXiv id (arxiv.org abs/pdf link with eprint present): it adds nothing there. A classic
  file starts with a ``@preamble`` that, in a document loading neither url.sty nor
  hyperref, defines ``\\url`` to read its argument with ``_ % # ~ ^ & $`` as plain
  characters, and ``\\doi`` (unless a package did) as ``doi: \\url``: the natbib styles'
  own fallbacks (``\\texttt{#1}``, ``doi: #1``) stop LaTeX at the first ``_`` ("Missing $
  inserted"), and with url.sty their roman ``\\doi`` drops ``_`` in the default font.
* ``keywords`` holds the categories; ``note`` holds nothing else (the citation key is
  already the entry key).
* Output is deterministic: one entry per item in input order, a fixed field order,
  ``\\n`` line endings, a blank line between entries and a final newline. ``entries``
  renders each item once; ``document`` joins rendered entries, so an export layout can
  assemble many files from one rendering (``write`` is the two in a row).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from delbib.catalog.item import arxiv_id, categories, date_parts
from delbib.errors import InputError
from delbib.export.formats import Frame, join
from delbib.export.latex import clean_text, encode, escape, escape_title

__all__ = ["FLAVOURS", "PREAMBLE", "frame", "renderer", "short_label", "write"]

FLAVOURS = ("bibtex", "biblatex")

_KEY = re.compile(r"[A-Za-z0-9_:.\-]+")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RANGE_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")
# A name part BibTeX/biber would mis-split or mis-initial: a comma, the word "and", a TeX special.
_NAME_SPLITTER = re.compile(r"[,&%$#_{}~^\\]")
_AND_WORD = re.compile(r"(?:^|\s)and(?:\s|$)", re.IGNORECASE)
_FAMILY_GIVEN = frozenset({"family", "given"})
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/(.+?)/?", re.IGNORECASE)
_ARXIV_URL = re.compile(
    r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(.+?)(?:v\d+)?(?:\.pdf)?/?", re.IGNORECASE
)
_RAW_UNSAFE = re.compile(r"[{}\\\s]")
_RAW_CODES = {"{": "%7B", "}": "%7D", "\\": "%5C"}
# In a document without url.sty or hyperref, \url reads its argument with the TeX specials a
# DOI or URL holds as plain characters; \doi is \url (see the module docstring).
PREAMBLE = (
    '@preamble{ "\\expandafter\\ifx\\csname url\\endcsname\\relax '
    "\\def\\url{\\begingroup\\catcode`\\_=12 \\catcode`\\%=12 \\catcode`\\#=12 "
    "\\catcode`\\~=12 \\catcode`\\^=12 \\catcode`\\&=12 \\catcode`\\$=12 \\delbiburl}"
    "\\def\\delbiburl#1{\\texttt{#1}\\endgroup}\\fi"
    '\\expandafter\\ifx\\csname doi\\endcsname\\relax \\def\\doi{doi: \\url}\\fi" }\n'
)
_LABEL_STOP = frozenset({"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with"})

# One global order keeps every entry type's fields in the same relative order.
_FIELD_ORDER = (
    "author",
    "editor",
    "title",
    "booktitle",
    "eventtitle",
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
    "eprinttype",
    "primaryClass",
    "eprintclass",
    "note",
    "keywords",
    "ids",
    "key",
    "label",
)
_RANK = {name: index for index, name in enumerate(_FIELD_ORDER)}

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
    if type(value) is str:
        return clean_text(value)
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    return clean_text(str(value))


def _field(value: Any, ascii: bool) -> str:
    """A value as field text, cleaned and escaped."""
    return escape(value, ascii=ascii) if type(value) is str else encode(_text(value), ascii=ascii)


def _raw(value: str) -> str:
    """Verbatim field (url, doi, eprint) made brace-safe by percent-encoding."""
    value = value.strip()
    if not _RAW_UNSAFE.search(value):
        return value
    return _RAW_UNSAFE.sub(lambda m: _RAW_CODES.get(m.group(), "%20"), value)


def _key(item: Mapping[str, Any]) -> str:
    key = item.get("citation-key") or item.get("id")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise InputError(
            f"item {key!r} has no valid citation key (ASCII letters, digits and _:.- only)",
            field="citation-key",
        )
    return key


def _custom(item: Mapping[str, Any]) -> Mapping[str, Any]:
    custom = item.get("custom")
    return custom if isinstance(custom, Mapping) else {}


def _doi(item: Mapping[str, Any]) -> str:
    doi = str(item.get("DOI") or "").strip()
    return _DOI_PREFIX.sub("", doi)


def _useful_url(item: Mapping[str, Any], doi: str, eprint: str) -> str:
    """The URL unless it only repeats the DOI or the arXiv eprint."""
    url = str(item.get("URL") or "").strip()
    if not url:
        return ""
    if doi and (m := _DOI_URL.fullmatch(url)) and m.group(1).lower() == doi.lower():
        return ""
    if eprint and (m := _ARXIV_URL.fullmatch(url)) and m.group(1).lower() == eprint.lower():
        return ""
    return url


def _name_part(part: str, ascii: bool, *, whole: bool = False) -> str:
    """Escape one name part; brace it whole if BibTeX/biber would mis-split it.

    A comma or the word "and" would split the name; an escaped TeX special (``\\&``)
    would become a bogus initial in biber (``\\\\bibinitperiod``).
    """
    encoded = encode(part, ascii=ascii)
    if whole or _splits(part):
        return "{" + encoded + "}"
    return encoded


def _splits(part: str) -> bool:
    """True when BibTeX/biber would mis-split or mis-initial the name part (see ``_name_part``)."""
    return bool(_NAME_SPLITTER.search(part) or ("and" in part.lower() and _AND_WORD.search(part)))


def _name(name: Any, ascii: bool) -> str:
    if type(name) is dict and name.keys() == _FAMILY_GIVEN:
        family, given = name["family"], name["given"]
        if type(family) is str and type(given) is str:
            return _family_given(family, given, ascii)
    return _any_name(name, ascii)


@lru_cache(maxsize=8192)
def _family_given(family: str, given: str, ascii: bool) -> str:
    """``_any_name`` of the commonest name, cached: an author recurs across a catalog."""
    return _any_name({"family": family, "given": given}, ascii)


def _any_name(name: Any, ascii: bool) -> str:
    if not isinstance(name, Mapping):
        literal = _text(name)
        return "{" + encode(literal, ascii=ascii) + "}" if literal else ""
    literal = _text(name.get("literal"))
    family = _text(name.get("family"))
    given = _text(name.get("given"))
    if literal or not family:
        literal = literal or given
        return "{" + encode(literal, ascii=ascii) + "}" if literal else ""
    dropping = name.get("dropping-particle")
    non_dropping = name.get("non-dropping-particle")
    if dropping or non_dropping:
        particles = " ".join(p for p in (_text(dropping), _text(non_dropping)) if p)
        von_last_text = f"{particles} {family}".strip()
    else:
        von_last_text = family
    suffix = _text(name.get("suffix"))
    # Alone, a multi-word family would be read as "First Last": keep it whole.
    lone = not given and not suffix
    von_last = _name_part(von_last_text, ascii, whole=lone and " " in von_last_text)
    if lone:
        return von_last
    if suffix:
        return f"{von_last}, {_name_part(suffix, ascii)}, {_name_part(given, ascii)}"
    return f"{von_last}, {_name_part(given, ascii)}"


def _names(names: Any, ascii: bool, *, others: bool = False) -> str:
    if not isinstance(names, list):
        return ""
    written = [text for name in names if (text := _name(name, ascii))]
    if others and written:
        written.append("others")
    return " and ".join(written)


def _keywords(item: Mapping[str, Any], ascii: bool) -> str:
    return ", ".join([_keyword(w, ascii) for w in categories(item)])


@lru_cache(maxsize=1024)
def _keyword(word: str, ascii: bool) -> str:
    """An escaped category, cached: a catalog has few categories, each on many items."""
    return escape(word, ascii=ascii)


def _pages(value: Any, ascii: bool) -> str:
    pages = _text(value)
    return encode(_RANGE_DASH.sub("--", pages), ascii=ascii) if pages else ""


def short_label(title: str) -> str:
    """A short label for an entry without author: the name before a colon ("DELE: Data
    Efficient LLM Evaluation" -> "DELE"), else its first three title words, continued to
    the next word while the last is an article or conjunction ("Use of a Structured")."""
    title = clean_text(title)
    head = title.split(":", 1)[0].strip()
    if head and head != title and len(head.split()) <= 3:
        return head
    words = title.split()
    count = min(3, len(words))
    while count < len(words) and words[count - 1].casefold() in _LABEL_STOP:
        count += 1
    return " ".join(words[:count])


def _entry(item: Mapping[str, Any], biblatex: bool, ascii: bool) -> tuple[str, dict[str, str]]:
    """Entry type and {field: value-as-written} for one item."""
    kind = str(item.get("type") or "document")
    f: dict[str, str] = {}

    def put(name: str, value: str) -> None:
        if value:
            f[name] = "{" + value + "}"

    def text(name: str, csl: str) -> None:
        value = item.get(csl)
        if value:
            put(name, _field(value, ascii))

    custom = _custom(item)
    put("author", _names(item.get("author"), ascii, others=bool(custom.get("incomplete_authors"))))
    if item.get("editor"):
        put("editor", _names(item.get("editor"), ascii))
    title = _text(item.get("title"))
    # escape_title (and short_label) clean the cleaned title again, so a doubly escaped
    # entity (&amp;amp;) ends as "&": the output this writer has always had.
    put("title", escape_title(title, ascii=ascii))

    parts = date_parts(item)
    if parts:
        if biblatex:
            put("date", "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]))
        else:
            put("year", str(parts[0]))
            if len(parts) > 1 and 1 <= parts[1] <= 12:
                f["month"] = _MONTHS[parts[1] - 1]

    eprint = arxiv_id(item)
    doi = _doi(item)
    put("doi", _raw(doi))
    put("url", _raw(_useful_url(item, doi, eprint)))
    if eprint:
        put("eprint", _raw(eprint))
        put("eprinttype", "arxiv")
        cls = _raw(str(custom.get("arxiv_class") or ""))
        put("eprintclass" if biblatex else "primaryClass", cls)
    put("keywords", _keywords(item, ascii))
    if biblatex and custom.get("aliases"):  # earlier keys (delbib rekey) still cite it
        put("ids", ",".join(custom["aliases"]))

    container = _field(item.get("container-title"), ascii)
    publisher = _field(item.get("publisher"), ascii)
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
        if not (biblatex and container):
            text("eventtitle", "event-title")
    elif kind == "article-journal" or (kind == "article" and not eprint and container):
        entry = "article"
        put("journaltitle" if biblatex else "journal", container)
        text("shortjournal", "container-title-short")
        text("volume", "volume")
        text("number", "issue")
        put("pages", _pages(item.get("page"), ascii))
        text("issn", "ISSN")  # no publisher: not an @article field (biber rejects it)
    elif kind == "article" and eprint:
        entry = "misc"
        if not biblatex:
            put("howpublished", escape(f"arXiv preprint arXiv:{eprint}", ascii=ascii))
    elif kind == "chapter":
        entry = "incollection"
        in_book("edition")
    elif kind == "report":
        entry = "report" if biblatex else "techreport"
        put("institution", publisher)
        kind_of_report = _field(item.get("genre"), ascii)
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
        number = _field(item.get("number"), ascii)
        if kind == "article" and publisher and number:
            how = f"{publisher} {number}"
        put("howpublished", how)

    if not biblatex:
        # plainnat warns on any entry without a year: "n.d." is the usual no-date marker.
        f.setdefault("year", "{n.d.}")
    if "author" not in f and "editor" not in f:
        label = escape(short_label(title), ascii=ascii) or _key(item)
        if biblatex:
            put("label", label)
        else:  # natbib drops the year of a key label, so the year is part of it
            put("key", f"{label}, {f['year'][1:-1]}")
    if not biblatex:
        required = _REQUIRED.get(entry, ())
        if any(r not in f for r in required):
            # The container moves to howpublished (the one field @misc prints for it).
            how = next((f.pop(c) for c in _CONTAINER_FIELDS if c in f), "")
            for other in _CONTAINER_FIELDS[:-1]:
                f.pop(other, None)
            if how:
                f["howpublished"] = how
            entry = "misc"
        if entry == "misc" and eprint and "arXiv" not in f.get("howpublished", ""):
            put("note", escape(f"arXiv:{eprint}", ascii=ascii))
    return entry, f


def _format(entry: str, key: str, fields: Mapping[str, str]) -> str:
    names = sorted(fields, key=_RANK.__getitem__)
    body = ",\n".join([f"  {name} = {fields[name]}" for name in names])
    return f"@{entry}{{{key},\n{body}\n}}\n" if names else f"@{entry}{{{key}\n}}\n"


def _check_flavour(flavour: str) -> None:
    if flavour not in FLAVOURS:
        raise InputError(f"unknown BibTeX flavour {flavour!r}; use one of {', '.join(FLAVOURS)}")


def renderer(*, flavour: str = "bibtex", ascii: bool = False) -> Callable[[Mapping[str, Any]], str]:
    """A function rendering one item as a ``.bib`` entry; it refuses a key it rendered
    before, since a file with two entries of one key loses one of them."""
    _check_flavour(flavour)
    biblatex = flavour == "biblatex"
    seen: set[str] = set()

    def render(item: Mapping[str, Any]) -> str:
        key = _key(item)
        if key in seen:
            raise InputError(f"duplicate citation key {key!r}", field="citation-key")
        seen.add(key)
        entry, fields = _entry(item, biblatex, ascii)
        return _format(entry, key, fields)

    return render


def frame(*, flavour: str = "bibtex", ascii: bool = False) -> Frame:
    """A ``.bib`` file: entries with a blank line between them."""
    _check_flavour(flavour)
    return Frame(head="" if flavour == "biblatex" else PREAMBLE + "\n", sep="\n", empty="")


def write(
    items: Iterable[Mapping[str, Any]], *, flavour: str = "bibtex", ascii: bool = False
) -> str:
    """Serialise canonical items to BibTeX (``flavour="bibtex"``) or biblatex.

    ``ascii=True`` writes non-ASCII as LaTeX (``{\\'e}``) for 8-bit BibTeX toolchains.
    Raises ``InputError`` for an unknown flavour or a missing, invalid or duplicate key:
    BibTeX cannot represent those, and dropping the item silently would be worse.
    """
    return join(frame(flavour=flavour), map(renderer(flavour=flavour, ascii=ascii), items))
