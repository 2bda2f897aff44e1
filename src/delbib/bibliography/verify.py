"""``upgrade`` and ``check``: a person's own bibliography against the services ``resolve`` asks.

Both import the file into a scratch catalog (``importer``, one entry per record, nothing
merged), resolve every entry with the same sources and checks as ``delbib resolve``, and
answer per record of the file, in its order:

* ``upgrade`` replaces each preprint whose version of record is found by that version,
  written by delbib's BibTeX writer under the record's own key, keeping its arXiv id
  (``eprint``) and every field the upgrade has no reason to touch (keywords, abstract,
  custom fields). Every other byte of the file is left as written: the output is the input
  text with only the upgraded entries' spans replaced.
* ``check`` compares each record with the record found for the version it cites (a
  preprint with its arXiv record, not a later version of record): title, authors, year,
  venue, DOI, naming both values where they disagree; a record no service knows is "found
  nowhere", which may be a fabricated reference.
"""

from __future__ import annotations

import difflib
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from delbib.bibliography import importer as bibimport
from delbib.bibliography import readers as bibin
from delbib.bibliography.readers import Parsed, Problem, Record
from delbib.config import Config
from delbib.errors import InputError
from delbib.http import Http
from delbib.resolve import match
from delbib.resolve.run import Summary
from delbib.text import ascii_fold, title_key, title_similarity

# Fields an upgraded entry takes from the version of record; the preprint's values go.
REPLACED = frozenset(
    {
        "author",
        "title",
        "journal",
        "journaltitle",
        "shortjournal",
        "booktitle",
        "eventtitle",
        "howpublished",
        "publisher",
        "organization",
        "institution",
        "series",
        "volume",
        "number",
        "pages",
        "year",
        "month",
        "date",
        "doi",
        "url",
        "issn",
        "isbn",
        "address",
        "location",
        "archiveprefix",
        "eprinttype",
        "type",
    }
)


@dataclass
class Scratch:
    """One file resolved in a scratch catalog: per record, its scratch key."""

    parsed: Parsed
    keys: list[str | None]
    own: dict[str, dict[str, Any]]  # key -> the file's own record
    found: dict[str, dict[str, Any]]  # key -> the record resolve settled on
    summary: Summary
    entries: dict[str, Any] = field(default_factory=dict)


def is_preprint(item: dict[str, Any]) -> bool:
    from delbib.catalog.item import arxiv_id

    return item.get("type") == "article" and bool(arxiv_id(item))


def resolve_file(
    parsed: Parsed, *, config: Config, http: Http | None = None, upgrade: bool
) -> Scratch:
    """Import ``parsed`` into a scratch catalog and resolve every entry. ``upgrade``: look
    for the version of record of preprints (True) or keep the preprint (False)."""
    from delbib.catalog import model as catalog_mod
    from delbib.resolve import run as resolve

    with tempfile.TemporaryDirectory(prefix="delbib-") as tmp:
        cat = catalog_mod.new(tmp)
        report = bibimport.import_parsed(cat, [parsed], category_from="none", merge=False)
        parsed.problems = report.warnings
        own = dict(cat.resolved)
        records = dict(zip(report.keys, parsed.records, strict=True))
        policy = {
            key: upgrade
            for key in report.created
            if key in records and is_preprint(records[key].item)
        }
        summary = resolve.run(cat, config=config, refresh=True, http=http, upgrade=policy)
    return Scratch(parsed, report.keys, own, dict(cat.resolved), summary, dict(cat.entries))


# ---------------------------------------------------------------------------- upgrade


@dataclass
class Change:
    key: str
    line: int | None
    arxiv: str
    venue: str
    year: int | None
    doi: str | None
    via: str | None


@dataclass
class UpgradeResult:
    text: str
    original: str
    changes: list[Change]
    summary: Summary
    problems: list[Problem]
    encoding: str = "utf-8"

    def data(self) -> bytes:
        """The upgraded file's bytes, in the input's encoding."""
        return self.text.encode(self.encoding)

    def diff(self, before: str, after: str) -> str:
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.text.splitlines(keepends=True),
                fromfile=before,
                tofile=after,
            )
        )


def _raw_fields(raw: str) -> list[tuple[str, str]]:
    """(name, value as written) of one entry's fields, in order."""
    import bibtexparser

    library = bibtexparser.parse_string(raw, parse_stack=[])
    if not library.entries:
        return []
    return [(f.key, str(f.value)) for f in library.entries[0].fields]


def _upgraded_entry(record: Record, item: dict[str, Any], flavour: str, ascii: bool) -> str:
    """The entry of the version of record: delbib's writer, then the record's own fields the
    upgrade does not replace (eprint class, keywords, abstract, notes...), as written, with
    the record's own line ends. ``ascii`` writes non-ASCII as LaTeX (a file not in UTF-8)."""
    from delbib.export import formats

    rendered = formats.get(flavour).renderer(ascii=ascii)(item).rstrip("\n")
    written = {name.casefold() for name, _ in _raw_fields(rendered)}
    kept = [
        (name, value)
        for name, value in _raw_fields(record.raw or "")
        if name.casefold() not in REPLACED
        and name.casefold() not in written
        and not (name.casefold() == "note" and "arxiv" in value.casefold())
    ]
    if kept:
        body = rendered.removesuffix("\n}")
        rendered = body + "".join(f",\n  {name} = {value}" for name, value in kept) + "\n}"
    return rendered.replace("\n", "\r\n") if "\r\n" in (record.raw or "") else rendered


def upgrade(path: str | Path, *, config: Config, http: Http | None = None) -> UpgradeResult:
    """The text of ``path`` with every preprint whose version of record is found upgraded."""
    from delbib.catalog import csl
    from delbib.catalog.item import arxiv_id
    from delbib.errors import DelbibError

    parsed = bibin.read(path)
    if parsed.format != "bibtex":
        raise InputError("upgrade reads and writes BibTeX or biblatex (a .bib file)", path=path)
    scratch = resolve_file(parsed, config=config, http=http, upgrade=True)
    biblatex = re.search(r"(?im)^\s*(journaltitle|eprintclass|location|date)\s*=", parsed.text)
    flavour = "biblatex" if biblatex else "bibtex"
    text, pos, seek, pieces, changes = parsed.text, 0, 0, [], []
    for record, key in zip(parsed.records, scratch.keys, strict=True):
        start = text.find(record.raw or "\0", seek)  # records come in the file's order
        if start >= 0:
            seek = start + len(record.raw or "")
        found = scratch.found.get(key or "") or {}
        if not (
            key in scratch.summary.upgraded
            and is_preprint(record.item)
            and found.get("status") == "published"
        ):
            continue
        if start < 0:  # never expected: the parser's text of an entry is the file's
            problem = "not upgraded: its text was not found in the file as read"
            parsed.problems.append(Problem(parsed.path, record.line, problem))
            continue
        published = dict(found["csl"])
        if not published.get("author") and record.item.get("author"):
            published["author"] = record.item["author"]  # linked to the preprint: its authors
        item = csl.to_item(scratch.entries[key], {**found, "csl": published})
        if is_preprint(item):  # too little is known to cite the published version as one
            continue
        item["id"] = item["citation-key"] = record.key
        try:
            new = _upgraded_entry(record, item, flavour, ascii=parsed.encoding != "utf-8")
        except DelbibError as exc:  # a key BibTeX cannot hold: left as written
            parsed.problems.append(Problem(parsed.path, record.line, f"not upgraded: {exc}"))
            continue
        pieces += [text[pos:start], new]
        pos = start + len(record.raw or "")
        changes.append(
            Change(
                str(record.key),
                record.line,
                arxiv_id(record.item),
                str(item.get("container-title") or item.get("event-title") or ""),
                match.year_of(item),
                item.get("DOI"),
                (found.get("provenance") or {}).get("via"),
            )
        )
    pieces.append(text[pos:])
    return UpgradeResult(
        "".join(pieces), text, changes, scratch.summary, parsed.problems, parsed.encoding
    )


# ------------------------------------------------------------------------------ check

VERIFIED, DISAGREES, NOT_FOUND, FAILED = "verified", "disagrees", "found nowhere", "not checked"


@dataclass
class Finding:
    key: str | None
    line: int | None
    verdict: str
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> file/found
    found: str | None = None  # the request that gave the record compared
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _names(item: dict[str, Any]) -> str:
    return "; ".join(
        " ".join(p for p in (a.get("given"), a.get("family") or a.get("literal")) if p)
        for a in item.get("author") or []
    )


_YEARS = re.compile(r"\b(19|20)\d{2}\b|'\d{2}\b")


def _venue_key(venue: str) -> str:
    return title_key(_YEARS.sub(" ", ascii_fold(venue)))


def _acronym(venue: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", venue) if w not in ("The", "On"))


def same_venue(ours: str, theirs: list[str]) -> bool:
    """Loose: one name holds the other, they read alike, or one is the other's acronym
    ("ICLR 2024" and "International Conference on Learning Representations")."""
    a = _venue_key(ours)
    for other in theirs:
        b = _venue_key(other)
        if not a or not b or a in b or b in a or title_similarity(a, b) >= 0.6:
            return True
        for short, long in ((ours, other), (other, ours)):
            word = re.sub(r"[^A-Za-z]", "", _YEARS.sub("", short))
            if word and len(word) >= 3 and _acronym(long).casefold().startswith(word.casefold()):
                return True
    return False


def compare(mine: dict[str, Any], found: dict[str, Any], *, preprint: bool) -> dict[str, Any]:
    """Fields of ``mine`` (the file's item) that disagree with ``found``: name -> both."""
    out: dict[str, dict[str, Any]] = {}
    if (t1 := mine.get("title")) and (t2 := found.get("title")) and match.same_words(t1, t2):
        out["title"] = {"file": t1, "found": t2}
    ours, theirs = match.families(mine), match.families(found)
    if ours and theirs:
        incomplete = bool((mine.get("custom") or {}).get("incomplete_authors"))
        same = ours == theirs or (incomplete and theirs[: len(ours)] == ours)
        if not same:
            out["authors"] = {"file": _names(mine), "found": _names(found)}
    y1, y2 = match.year_of(mine), match.year_of(found)
    if y1 and y2 and not (0 <= y1 - y2 <= (1 if preprint else 0)):
        out["year"] = {"file": y1, "found": y2}
    venue = mine.get("container-title") or mine.get("event-title")
    theirs_venues = [
        v
        for v in (found.get(n) for n in ("container-title", "container-title-short", "event-title"))
        if isinstance(v, str) and v
    ]
    if isinstance(venue, str) and venue and theirs_venues and not same_venue(venue, theirs_venues):
        out["venue"] = {"file": venue, "found": theirs_venues[0]}
    d1, d2 = str(mine.get("DOI") or "").lower(), str(found.get("DOI") or "").lower()
    if d1 and d2 and d1 != d2:
        out["DOI"] = {"file": mine.get("DOI"), "found": found.get("DOI")}
    return out


def _unfound(record: Record, unresolved: dict[str, Any]) -> Finding:
    """A record resolve found nothing for: found nowhere, unless the closest search hit has
    its very title and differs only in year or authors, or only a word or two of the title
    (then that hit is named: the record may cite it wrongly)."""
    candidate = unresolved.get("candidate") or {}
    reason = str(candidate.get("reason") or "")
    close = (candidate.get("score") or 0) >= match.SEARCH_THRESHOLD and candidate.get("title")
    fields: dict[str, dict[str, Any]] = {}
    if close and reason.startswith("year"):
        fields["year"] = {"file": match.year_of(record.item), "found": match.year_of(candidate)}
    elif close and reason.startswith("authors"):
        fields["authors"] = {"file": _names(record.item), "found": f"other authors ({reason})"}
    elif close and reason.startswith("titles differ"):
        fields["title"] = {"file": record.item.get("title"), "found": candidate["title"]}
    if fields:
        return Finding(record.key, record.line, DISAGREES, fields, candidate.get("request"), reason)
    return Finding(record.key, record.line, NOT_FOUND, reason=unresolved.get("reason"))


def check(
    path: str | Path, *, config: Config, http: Http | None = None
) -> tuple[list[Finding], Scratch]:
    """One finding per record of ``path``, in the file's order."""
    parsed = bibin.read(path)
    scratch = resolve_file(parsed, config=config, http=http, upgrade=False)
    summary = scratch.summary
    findings = []
    for record, key in zip(parsed.records, scratch.keys, strict=False):
        if key is None:
            continue
        found = scratch.found.get(key) or {}
        request = (found.get("provenance") or {}).get("request")
        if key in summary.failed or found.get("provenance", {}).get("source") == "file":
            reason = summary.failed.get(key) or "not resolved this run"
            findings.append(Finding(record.key, record.line, FAILED, reason=reason))
            continue
        conflicts = found.get("conflicts") or []
        if not found.get("csl"):
            if conflicts:
                conflict = conflicts[0]
                fields = {"title": {"file": record.item.get("title"), "found": conflict["title"]}}
                why = f"{conflict['identifier']} is another paper"
                findings.append(
                    Finding(record.key, record.line, DISAGREES, fields, conflict["request"], why)
                )
            else:
                findings.append(_unfound(record, found.get("unresolved") or {}))
            continue
        fields = compare(record.item, found["csl"], preprint=is_preprint(record.item))
        verdict = DISAGREES if fields else VERIFIED
        findings.append(Finding(record.key, record.line, verdict, fields, request))
    return findings, scratch
