"""BibTeX and biblatex -> CSL items (bibtexparser v2; LaTeX decoded with pylatexenc).

Both dialects are read by one table: ``journal``/``journaltitle``, ``address``/``location``,
``year``+``month``/``date``, ``eprint`` with ``archivePrefix``/``eprinttype``. Names are split
the way BibTeX splits them ("von Last, Jr, First"; a braced name is one literal name) before
their parts are decoded. Fields CSL has no place for (``note``, ``file``, a ``key`` label,
custom fields) are kept as ``unplaced``. An entry bibtexparser cannot parse, or one without a
key, is a problem naming its line; so is a duplicate key (the later entry is still read).
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from delbib.bibliography.readers import Parsed, Problem, Record, split_keywords, year_parts

TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "mvbook": "book",
    "proceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "misc": "document",
    "software": "software",
    "dataset": "dataset",
}
# BibTeX/biblatex field -> CSL text field
TEXT_FIELDS = {
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "shortjournal": "container-title-short",
    "eventtitle": "event-title",
    "series": "collection-title",
    "volume": "volume",
    "edition": "edition",
    "publisher": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "organization": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "language": "language",
    "type": "genre",
}
RAW_FIELDS = {"doi": "DOI", "url": "URL"}  # verbatim: not LaTeX-decoded
# Read together with another field (year with month/date, eprint with its prefix).
CONSUMED = frozenset(
    {
        "author",
        "editor",
        "year",
        "month",
        "date",
        "pages",
        "number",
        "eprint",
        "archiveprefix",
        "eprinttype",
        "primaryclass",
        "eprintclass",
        "keywords",
        "groups",
        "howpublished",
    }
)
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@functools.cache
def _decoder() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", keep_braced_groups=False)


def decode(text: str) -> str:
    """Plain text of a LaTeX field value (accents, escapes, braces, ``--``)."""
    text = str(text)
    if "\\" not in text and "$" not in text and "~" not in text and "--" not in text:
        text = text.replace("{", "").replace("}", "")  # braces only: no need to parse
    else:
        try:
            text = _decoder().latex_to_text(text)
        except Exception:  # pylatexenc's own errors on hostile input: keep the text as is
            text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


def _names(value: str) -> list[dict[str, str]]:
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    people = []
    for name in split_multiple_persons_names(value):
        if name.strip().casefold() == "others":
            continue
        stripped = name.strip()
        if stripped.startswith("{") and stripped.endswith("}") and stripped.count("{") == 1:
            people.append({"literal": decode(stripped)})
            continue
        try:
            parts = parse_single_name_into_parts(name, strict=False)
        except Exception:  # an unbalanced name: keep it whole
            people.append({"literal": decode(name)})
            continue
        person = {
            "family": decode(" ".join(parts.last)),
            "given": decode(" ".join(parts.first)),
            "non-dropping-particle": decode(" ".join(parts.von)),
            "suffix": decode(" ".join(parts.jr)),
        }
        person = {k: v for k, v in person.items() if v}
        if "family" not in person:
            person = {"literal": person.get("given") or decode(name)}
        people.append(person)
    return people


def _issued(fields: dict[str, str]) -> dict[str, Any] | None:
    if fields.get("date"):
        return year_parts(fields["date"])
    issued = year_parts(fields.get("year"))
    month = fields.get("month", "").strip().casefold()[:3]
    month_number = MONTHS.get(month) or (int(month) if month.isdigit() else None)
    if issued and month_number and 1 <= month_number <= 12:
        issued["date-parts"][0].append(month_number)
    return issued


def to_record(key: str, entry_type: str, fields: dict[str, str]) -> Record:
    """One entry's fields (names lower-cased, values undecoded) as a record."""
    from delbib.bibliography.readers import arxiv_in

    entry_type = entry_type.lower()
    item: dict[str, Any] = {"type": TYPES.get(entry_type, "document")}
    unplaced: dict[str, str] = {}
    for name, value in fields.items():
        if name in TEXT_FIELDS and TEXT_FIELDS[name] not in item:
            if text := decode(value):
                item[TEXT_FIELDS[name]] = text
        elif name in RAW_FIELDS:
            item[RAW_FIELDS[name]] = "".join(value.split())
        elif name not in CONSUMED:
            unplaced[name] = " ".join(value.split())
    custom: dict[str, Any] = {}
    for role in ("author", "editor"):
        if fields.get(role, "").strip():
            item[role] = _names(fields[role])
    if re.search(r"\band\s+others\s*$", fields.get("author", "")):
        custom["incomplete_authors"] = True  # what delbib's writer turns back into "others"
    if issued := _issued(fields):
        item["issued"] = issued
    if pages := decode(fields.get("pages", "")):
        item["page"] = re.sub(r"\s*[-\u2013\u2014]+\s*", "-", pages)
    if number := decode(fields.get("number", "")):
        item["issue" if item["type"] in ("article-journal", "paper-conference") else "number"] = (
            number
        )
    how = decode(fields.get("howpublished", ""))
    if how and not how.lower().startswith(("http", "\\url")) and "container-title" not in item:
        item["container-title"] = how
    elif how:
        item.setdefault("URL", re.sub(r"^\\url\{|\}$", "", fields["howpublished"].strip()))
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "arxiv").lower()
    if fields.get("eprint") and "arxiv" in prefix:
        if arxiv := arxiv_in(fields["eprint"]):
            custom["arxiv"] = arxiv
        else:
            unplaced["eprint"] = fields["eprint"]
    elif fields.get("eprint"):
        unplaced.update(eprint=fields["eprint"], eprinttype=prefix)
    if cls := (fields.get("primaryclass") or fields.get("eprintclass") or "").strip():
        custom["arxiv_class"] = cls
    if custom:
        item["custom"] = custom
    if (
        entry_type == "misc"
        and custom.get("arxiv")
        and not ({"howpublished", "publisher"} & set(fields))
    ):
        item["type"] = "article"  # @misc{eprint = ...}: how most .bib files cite a preprint
    if item["type"] == "thesis" and entry_type == "mastersthesis":
        item.setdefault("genre", "Master's thesis")
    return Record(
        key=key,
        item=item,
        keywords=split_keywords(decode(fields.get("keywords", ""))),
        collections=split_keywords(decode(fields.get("groups", ""))),
        unplaced=unplaced,
        entry_type=entry_type,
    )


def read(text: str, parsed: Parsed) -> None:
    """Every entry of a .bib text, in order, into ``parsed``."""
    import bibtexparser
    from bibtexparser import model

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # failures become problems
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # the parser's own failure on hostile input
        parsed.problems.append(Problem(parsed.path, None, f"cannot parse as BibTeX: {exc}"))
        return
    seen: set[str] = set()
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, model.ParsingFailedBlock):
            what = (block.raw or "").strip().splitlines()[0][:60] if block.raw else "?"
            parsed.problems.append(
                Problem(parsed.path, line, f"not read (a syntax error in {what!r})")
            )
            continue
        if not isinstance(block, model.Entry):
            continue
        if not block.key:
            parsed.problems.append(Problem(parsed.path, line, "entry without a key, not read"))
            continue
        if block.key in seen:
            parsed.problems.append(Problem(parsed.path, line, f"duplicate key {block.key!r}"))
        seen.add(block.key)
        fields: dict[str, str] = {}
        for f in block.fields:
            fields.setdefault(f.key.lower(), str(f.value))
        try:
            record = to_record(block.key, block.entry_type, fields)
        except Exception as exc:  # a value no rule foresaw: report it, read the rest
            parsed.problems.append(Problem(parsed.path, line, f"entry not read: {exc}"))
            continue
        record.line, record.raw = line, block.raw
        parsed.records.append(record)
