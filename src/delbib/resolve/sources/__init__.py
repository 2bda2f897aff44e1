"""Metadata services, one module each, behind one interface: identifier -> :class:`Found`.

Which service answers which identifier scheme, and in which order schemes are tried, is data
(``ORDER`` and ``FETCHERS``); modules are imported on first use so ``delbib --help`` stays fast.
A fetcher returns a ``Found`` or raises ``SourceError`` (``NotFound`` when the service says
there is no such record).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from delbib.config import Config
from delbib.errors import SourceError
from delbib.http import Http
from delbib.resolve.match import NOT_A_PAPER as NOT_A_PAPER  # re-exported for the sources

# Identifier schemes in the order they are tried: a version of record (DOI, Anthology) before
# a venue's review page before a preprint.
ORDER: tuple[str, ...] = ("doi", "acl", "openreview", "arxiv")
FETCHERS: dict[str, tuple[str, str]] = {
    "doi": ("delbib.resolve.sources.doi", "fetch"),
    "acl": ("delbib.resolve.sources.acl", "fetch"),
    "openreview": ("delbib.resolve.sources.openreview", "fetch"),
    "arxiv": ("delbib.resolve.sources.arxiv", "fetch"),
}
# Identifier schemes no service fetches by id, and the search that finds their records: a
# hit counts only when it links back to the identifier (dblp's ``ee`` names the PMLR or
# NeurIPS page, Crossref's full-text links name IEEE's arnumber).
ROUTES: dict[str, tuple[str, ...]] = {
    "pmlr": ("dblp",),
    "neurips": ("dblp", "openreview"),
    "ieee": ("crossref", "dblp"),
}
# Statuses of a record that is not a version of record, so resolve looks for one.
NOT_PUBLISHED = frozenset({"preprint-only", "rejected", "withdrawn", "unknown"})
# NOT_A_PAPER (imported above): supplementary material, reviews, datasets... never accepted


class NotFound(SourceError):
    """The service answered: it has no such record."""


@dataclass
class Found:
    """One CSL item from one request, with what resolve needs to judge and record it."""

    csl: dict[str, Any]
    source: str
    request: str
    status: str = "published"
    hints: list[str] = field(default_factory=list)  # identifiers of a version of record
    links: set[str] = field(default_factory=set)  # identifiers of this paper the record names
    venue_hint: str = ""  # free text naming where it appeared (arXiv's journal_ref, comment)


@dataclass
class Services:
    """What fetchers share during one run: settings, the HTTP client, arXiv's batch cache and
    the answers of searches (per service and normalised query: one request per question)."""

    config: Config
    http: Http
    arxiv_cache: dict[str, Found | SourceError] = field(default_factory=dict)
    searches: dict[tuple[str, str], list[Found] | SourceError] = field(default_factory=dict)
    fetched: dict[str, Found | SourceError] = field(default_factory=dict)

    def fetch(self, identifier: str) -> Found:
        """The record of ``scheme:value``, asked once per run (an answer that it does not
        exist too): ``add`` reads a record for its title and then resolves with it."""
        scheme, value = identifier.split(":", 1)
        return _remembered(self.fetched, identifier, lambda: fetcher(scheme)(self, value))

    def cached_search(
        self, service: str, query: str, ask: Callable[[], list[Found]]
    ) -> list[Found]:
        """``ask()`` once per (service, normalised query) in a run; errors are remembered too,
        except a rate refusal or abort, which the next caller may retry."""
        from delbib.text import title_key

        return _remembered(self.searches, (service, title_key(query)), ask)


def _remembered(cache: dict, key: Any, ask: Callable[[], Any]) -> Any:
    """``ask()``'s answer or ``SourceError`` for ``key``, asked once; an aborted run is not
    remembered (nothing was answered)."""
    from delbib.http import RunAborted

    if key not in cache:
        try:
            cache[key] = ask()
        except RunAborted:
            raise
        except SourceError as exc:
            cache[key] = exc
    answer = cache[key]
    if isinstance(answer, SourceError):
        raise answer
    return answer


def links_in(*texts: str) -> set[str]:
    """Identifiers named by URLs or bare DOIs (a DOI of arXiv or the Anthology names both)."""
    from delbib import identifiers

    found: set[str] = set()
    for text in texts:
        text = text.strip()
        if re.match(r"10\.\d+/", text):
            text = f"https://doi.org/{text}"
        elif re.fullmatch(r"(?i)arxiv:\S+", text):
            text = f"https://arxiv.org/abs/{text.split(':', 1)[1]}"
        found.update(identifiers.extract(text))
        if arnumber := re.search(r"[?&]arnumber=0*(\d+)", text):
            found.add(f"ieee:{arnumber.group(1)}")
    return found


def fetcher(scheme: str) -> Callable[[Services, str], Found]:
    """The function that fetches identifiers of ``scheme`` (KeyError when none does)."""
    module, name = FETCHERS[scheme]
    return getattr(importlib.import_module(module), name)


def split_name(name: str) -> dict[str, str]:
    """ "Given Family" or "Family, Given" -> CSL name (particles stay with the given name)."""
    name = re.sub(r"\s+", " ", name).strip().strip(",")
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    else:
        given, _, family = name.rpartition(" ")
    return {"given": given, "family": family} if given else {"family": family}


def year_item(year: Any) -> dict[str, Any] | None:
    """CSL ``issued`` for a year given as text or number; None when it is not a year."""
    text = str(year or "").strip()
    return {"date-parts": [[int(text)]]} if re.fullmatch(r"\d{4}", text) else None


BIBTEX_TYPES = {
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "article": "article-journal",
    "incollection": "chapter",
    "book": "book",
    "proceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "misc": "article",
}
BIBTEX_FIELDS = {  # BibTeX field -> CSL field
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "publisher": "publisher",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "doi": "DOI",
    "url": "URL",
}


def csl_from_bibtex(text: str, where: str) -> dict[str, Any]:
    """The first entry of a BibTeX text as a CSL item (ACL Anthology, OpenReview ``_bibtex``)."""
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    if not library.entries:
        raise SourceError(f"{where}: no BibTeX entry in the response: {text[:80]!r}")
    entry = library.entries[0]
    fields = {f.key.lower(): re.sub(r"\s+", " ", str(f.value)).strip() for f in entry.fields}
    item: dict[str, Any] = {"type": BIBTEX_TYPES.get(entry.entry_type.lower(), "article")}
    for bib, csl in BIBTEX_FIELDS.items():
        if fields.get(bib):
            item[csl] = fields[bib]
    if "page" in item:
        item["page"] = re.sub(r"\s*[-\u2013\u2014]+\s*", "-", item["page"])  # "--" decodes to "–"
    if "DOI" in item:
        item["DOI"] = item["DOI"].lower()
    if fields.get("author"):
        item["author"] = [split_name(n) for n in re.split(r"\s+and\s+", fields["author"])]
    if issued := year_item(fields.get("year")):
        item["issued"] = issued
    return item
