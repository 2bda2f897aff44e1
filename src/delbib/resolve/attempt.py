"""One entry's routes to a record, tried in order until one answers.

A title alone never decides (``match``). In order:

1. its identifiers, in ``sources.ORDER``: a record whose title is not the catalog's is a
   conflict (reported, never applied);
2. PMLR, NeurIPS and IEEE links, through a search whose hit must link back to them;
3. an arXiv record under a new title, when a record bearing the listed title names the same
   arXiv id and has the same authors (retitled);
4. a title search, accepted only when a second independent record vouches for the hit.

A preprint (or a rejected submission) is then upgraded to its version of record: arXiv's own
DOI, else its journal_ref as the venue, else one search where the venue suggests; the
published record must share the preprint's authors or be linked to it. A failing service is
noted on the attempt, never fatal.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Any

from delbib.catalog.model import Entry
from delbib.errors import SourceError
from delbib.http import HostDown, HttpStatusError, RunAborted
from delbib.resolve import match
from delbib.resolve.sources import FETCHERS, ORDER, ROUTES, Found, NotFound, Services
from delbib.text import title_similarity

# Where a paper's version of record is likely listed, from the venue the list or arXiv names:
# ML conferences publish on OpenReview (no DOI), the others have DOIs in Crossref. One search
# per question keeps a run near one request per entry; dblp, which lists both kinds, stands in
# for a service that cannot be reached and corroborates what one search alone cannot.
ML_VENUES = re.compile(
    r"\b(ICLR|NeurIPS|NIPS|ICML|COLM|TMLR|AISTATS|UAI|CoRL|Learning Representations|"
    r"Neural Information Processing|Machine Learning Research)\b",
    re.IGNORECASE,
)
FALLBACK = {"crossref": "dblp", "openreview": "dblp"}
PREPRINT_VENUES = re.compile(r"\s*(arxiv|preprint)\s*", re.IGNORECASE)
SEARCHES = {
    "crossref": ("delbib.resolve.sources.crossref", "search"),
    "openreview": ("delbib.resolve.sources.openreview", "search"),
    "dblp": ("delbib.resolve.sources.dblp", "search"),
    "arxiv": ("delbib.resolve.sources.arxiv", "search"),
}
JOURNAL = re.compile(r"\b(journal|transactions|letters|review|magazine)\b", re.IGNORECASE)


def plan(*venues: str | None) -> str:
    """The search service that most likely lists the version of record of a paper listed or
    announced at ``venues``."""
    return "openreview" if ML_VENUES.search(" ".join(v for v in venues if v)) else "crossref"


def listed_preprint(venue: str | None) -> bool:
    """Whether the list gives the paper as a preprint ("arXiv", "preprint"). A list with no
    venue says nothing about where the paper is: it is not a listed preprint."""
    return bool(venue and PREPRINT_VENUES.fullmatch(venue))


def usable_ids(entry: Entry) -> list[str]:
    """The entry's identifiers that a source can fetch, in ``ORDER``."""
    ids = [i for i in entry.ids if i.split(":", 1)[0] in FETCHERS]
    return sorted(ids, key=lambda i: ORDER.index(i.split(":", 1)[0]))


@dataclass
class Choice:
    """An accepted record, how it was found, and the preprint it stands for (if any)."""

    found: Found
    verdict: match.Verdict
    method: str
    preprint: Found | None = None
    via: str | None = None
    catalog_title: str | None = None  # the listed title of a paper renamed since


@dataclass
class Attempt:
    """One entry's resolution: what was fetched, what disagreed, what failed."""

    services: Services
    entry: Entry
    title: str = ""
    records: list[tuple[str, Found]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # a service failed: answer may be partial
    down: list[str] = field(default_factory=list)  # services unreachable this run
    skipped: list[str] = field(default_factory=list)  # auxiliary searches that failed
    best: dict[str, Any] = field(default_factory=lambda: {"reason": "no search hits"})
    seek_published: bool = False  # search for a version of record even for a listed preprint
    rejected: list[dict[str, Any]] = field(default_factory=list)  # every candidate considered

    def __post_init__(self) -> None:
        self.title = self.entry.clean_title or self.entry.title

    def hits(self, service: str, title: str, *, auxiliary: bool = False) -> list[Found]:
        """A search's hits (cached per run). A failing service is noted, never fatal; one
        that cannot be reached is replaced by its ``FALLBACK``. An ``auxiliary`` search (one
        that could only have corroborated or bettered an answer) that fails is only noted in
        ``skipped``: it does not make the entry failed, so a service a setup lacks is not
        asked for again and again."""
        module, name = SEARCHES[service]
        try:
            return getattr(importlib.import_module(module), name)(self.services, title)
        except RunAborted:
            raise
        except SourceError as exc:
            if auxiliary or _permanent(exc):
                self.skipped.append(f"{service} search: {exc}")
                return []
            if not isinstance(exc, HostDown):
                self.errors.append(f"{service} search: {exc}")
                return []
            self.down.append(f"{service} search: {exc.service} unreachable")
            if service in FALLBACK:
                return self.hits(FALLBACK[service], title, auxiliary=True)
            return []

    def consider(self, found: Found, verdict: match.Verdict) -> None:
        """Keep the rejected candidates, and the closest one, to show a person."""
        candidate = {
            "title": found.csl.get("title"),
            "DOI": found.csl.get("DOI"),
            "issued": found.csl.get("issued"),
            "source": found.source,
            "score": round(verdict.score, 3),
            "reason": verdict.reason,
            "request": found.request,
        }
        self.rejected.append(candidate)
        if verdict.score > self.best.get("score", -1.0):
            self.best = candidate

    # ---------------------------------------------------------------- routes to a record

    def by_identifier(self) -> Choice | None:
        """The first record an identifier names whose title is the catalog's (a pinned
        identifier wins regardless); others become conflicts, kept for ``retitled``."""
        for ident in usable_ids(self.entry):
            try:
                found = self.services.fetch(ident)
            except RunAborted:
                raise
            except NotFound as exc:
                self.misses.append(f"{ident}: {exc}")
                continue
            except HostDown as exc:  # other routes (a search) may still find the paper
                self.down.append(f"{ident}: {exc.service} unreachable")
                continue
            except SourceError as exc:
                self.errors.append(f"{ident}: {exc}")
                continue
            self.records.append((ident, found))
            verdict = match.judge(
                self.title,
                found.csl,
                status=found.status,
                threshold=match.IDENTIFIER_THRESHOLD,
                links=[ident],
                candidate_links=found.links | {ident},
            )
            pinned = ident in self.entry.pinned and found.status != match.NOT_A_PAPER
            if verdict.accepted or pinned:
                return Choice(found, verdict, "identifier")
            self.conflicts.append(_conflict(ident, found, verdict))
        return None

    def by_route(self) -> Choice | None:
        """PMLR, NeurIPS and IEEE links: no service fetches them by id, so the catalog title
        is searched where such papers are listed and a hit counts only when it links back to
        the entry's identifier (or, on OpenReview, is that venue's accepted paper that year)."""
        for ident in self.entry.ids:
            scheme, value = ident.split(":", 1)
            links = {ident}
            if scheme == "neurips":
                links.add(f"venue:neurips:{value.split('/')[0]}")
            for service in ROUTES.get(scheme, ()):
                for found in self.hits(service, self.title):
                    verdict = match.judge(
                        self.title,
                        found.csl,
                        status=found.status,
                        years=[self.entry.year],
                        threshold=match.IDENTIFIER_THRESHOLD,
                        links=links,
                        candidate_links=found.links,
                        corroborate=True,
                    )
                    if verdict.accepted and "link" in verdict.evidence:
                        return Choice(found, verdict, "identifier", via=f"{service} search")
                    self.consider(found, verdict)
        return None

    def retitled(self) -> Choice | None:
        """An arXiv record the entry links under a new title is the paper when another
        record bearing the catalog title names that same identifier and has the same authors
        (arXiv shows a paper's latest title; lists keep the first). Authors alone would not
        do: one group writes several papers with similar titles. The witness is one of the
        entry's other records, else a dblp hit (dblp links each version to its arXiv id)."""
        for ident, found in self.records:
            score = title_similarity(self.title, found.csl.get("title") or "")
            if found.source != "arxiv" or score < match.RETITLED_THRESHOLD:
                continue  # arXiv shows the latest title; a DOI's record keeps its own
            others = [f for i, f in self.records if i != ident]
            for witness in [*others, *self.hits("dblp", self.title, auxiliary=True)]:
                verdict = match.judge(
                    self.title,
                    witness.csl,
                    status=witness.status,
                    years=[match.year_of(found.csl), self.entry.year],
                    later=3,
                    authors=match.families(found.csl),
                    links=found.links | {ident},
                    candidate_links=witness.links,
                    corroborate=True,
                )
                if not (verdict.accepted and "link" in verdict.evidence):
                    continue
                evidence = {
                    **verdict.evidence,
                    "title": round(score, 3),
                    "retitled": {"catalog_title": self.title, "witness": witness.request},
                }
                self.conflicts = [c for c in self.conflicts if c["identifier"] != ident]
                accepted = match.Verdict(True, score, "retitled", evidence)
                return Choice(found, accepted, "identifier", catalog_title=self.title)
        return None

    def by_search(self) -> Choice | None:
        """Without a usable identifier the title is all there is, and a title alone never
        decides: a hit is taken only when a second, independent record with the same title
        agrees with it on authors or is linked to it by an identifier (and for an entry with
        no link at all, only under the exact normalised title). The venue's likely
        service is asked first (arXiv for a listed preprint), then arXiv (its record names the
        authors), then dblp; an entry with no link at all goes on only while hits come, and
        with no venue listed either, past both the venue's service and arXiv."""
        passing: list[Found] = []
        venue = (self.entry.venue or "").strip()
        first = "arxiv" if listed_preprint(venue) else plan(venue)
        likeliest = {first} if venue else {first, "arxiv"}
        for service in dict.fromkeys((first, "arxiv", "dblp")):
            if not passing and not self.entry.ids and service not in likeliest:
                break  # no link, and the likeliest services have no such title: give up early
            for found in self.hits(service, self.title, auxiliary=service == "dblp"):
                verdict = match.judge(
                    self.title, found.csl, status=found.status, years=[self.entry.year], later=1
                )
                if verdict.accepted and not self.entry.ids and verdict.score < 1.0:
                    # nothing links the entry to any record: only its exact title will do
                    verdict = match.Verdict(False, verdict.score, "not the exact title")
                if verdict.accepted:
                    passing.append(found)
                else:
                    self.consider(found, verdict)
            if choice := _corroborated(self.title, passing):
                return choice
        for found in passing:
            self.consider(found, match.Verdict(False, 1.0, "no second record agrees with it"))
        return None

    # ---------------------------------------------------------------- version of record

    def upgrade(self, preprint: Found) -> Choice | None:
        """The version of record of a preprint: arXiv's own DOI link, else its journal_ref as
        the venue, else one search (the service the venue suggests) whose hit must be a
        published paper, no earlier than the preprint, sharing its authors or linked to it: it
        is never less corroborated than the preprint it replaces. A paper the list gives as a
        preprint, for which arXiv names no venue, is not searched for."""
        from delbib.resolve.sources import doi

        title = preprint.csl.get("title") or self.title
        authors = match.families(preprint.csl)
        years = [match.year_of(preprint.csl), self.entry.year]
        links = preprint.links | set(self.entry.ids)
        for hint in preprint.hints:
            try:
                found = doi.fetch(self.services, hint.split(":", 1)[1])
            except RunAborted:
                raise
            except NotFound:
                continue
            except SourceError as exc:
                self.errors.append(f"{hint}: {exc}")
                continue
            verdict = match.judge(
                title,
                found.csl,
                status=found.status,
                authors=authors,
                links=links | {hint},
                candidate_links=found.links,
                threshold=match.IDENTIFIER_THRESHOLD,
                corroborate=True,
            )
            if verdict.accepted and found.status == "published":
                return Choice(found, verdict, "upgrade", preprint, via=f"arxiv:doi {hint}")
        if journal_ref := (preprint.csl.get("custom") or {}).get("arxiv_journal_ref"):
            return _journal_ref_choice(preprint, journal_ref)
        quiet = preprint.status == "preprint-only" and not preprint.venue_hint
        if quiet and listed_preprint(self.entry.venue) and not self.seek_published:
            return None  # listed as a preprint, and arXiv names no venue: do not search
        # A renamed paper's version of record may carry either title: ask for both.
        titles = [title, *([self.title] if match.same_words(title, self.title) else [])]
        # One search; a second (dblp) only for an ML venue the list names: ICML and NeurIPS
        # papers before their OpenReview years are in dblp alone.
        services = [plan(self.entry.venue, preprint.venue_hint)]
        if ML_VENUES.search(self.entry.venue or ""):
            services.append("dblp")
        for service in services:
            for asked in titles:
                for found in self.hits(service, asked, auxiliary=service == "dblp"):
                    if found.status != "published":
                        continue
                    verdict = match.judge(
                        asked,
                        found.csl,
                        status=found.status,
                        years=years,
                        later=3,
                        authors=authors,
                        links=links,
                        candidate_links=found.links,
                        corroborate=True,
                    )
                    if verdict.accepted:
                        via = f"{service} search"
                        return Choice(found, verdict, "upgrade", preprint, via=via)
        return None


def _permanent(exc: SourceError) -> bool:
    """An answer that asking again will not change: the service refused this query (HTTP 4xx
    other than 429, arXiv's error feed) or has no such endpoint."""
    if isinstance(exc, NotFound):
        return True
    return isinstance(exc, HttpStatusError) and 400 <= exc.status < 500 and exc.status != 429


def _corroborated(title: str, passing: list[Found]) -> Choice | None:
    """The best record among ``passing`` (same title, year, a paper) that another one vouches
    for: shared authors or a shared identifier. A version of record is preferred, then an
    arXiv or OpenReview preprint; copies on SSRN and the like only ever vouch."""

    def rank(found: Found) -> int:
        if found.status == "published":
            return 0
        return 1 if found.source in ("arxiv", "openreview") else 9

    for chosen in sorted(passing, key=rank):
        if rank(chosen) == 9:
            break
        for witness in passing:
            if (
                witness is chosen
                or witness.csl.get("DOI")
                and (
                    witness.csl.get("DOI") == chosen.csl.get("DOI")
                    and witness.source == chosen.source
                )
            ):
                continue
            verdict = match.judge(
                title,
                chosen.csl,
                status=chosen.status,
                authors=match.families(witness.csl),
                links=witness.links,
                candidate_links=chosen.links,
                corroborate=True,
            )
            if verdict.accepted:
                evidence = {**verdict.evidence, "witness": witness.request}
                preprint = (
                    witness if witness.source == "arxiv" and chosen.source != "arxiv" else None
                )
                accepted = match.Verdict(True, verdict.score, "accepted", evidence)
                return Choice(chosen, accepted, "search", preprint, via=f"{chosen.source} search")
    return None


def _journal_ref_choice(preprint: Found, journal_ref: str) -> Choice:
    """arXiv's journal_ref as the venue of a preprint whose version of record nobody else
    names: the preprint's metadata, the venue (and its year) from the authors' own note."""
    csl = {k: v for k, v in preprint.csl.items() if k not in ("DOI", "publisher", "number")}
    csl["type"] = "article-journal" if JOURNAL.search(journal_ref) else "paper-conference"
    csl["container-title"] = journal_ref
    year = re.search(r"\b(19|20)\d{2}\b", journal_ref)
    if year and int(year.group(0)) >= (match.year_of(preprint.csl) or 0):
        csl["issued"] = {"date-parts": [[int(year.group(0))]]}
    found = Found(csl, "arxiv", preprint.request, "published", links=preprint.links)
    evidence = {"link": f"arxiv:{preprint.csl['custom']['arxiv']}", "journal_ref": journal_ref}
    verdict = match.Verdict(True, 1.0, "accepted", evidence)
    return Choice(found, verdict, "upgrade", preprint, via="arxiv journal_ref")


def _conflict(ident: str, found: Found, verdict: match.Verdict) -> dict[str, Any]:
    return {
        "identifier": ident,
        "title": found.csl.get("title"),
        "score": round(verdict.score, 3),
        "source": found.source,
        "request": found.request,
        "reason": f"the record is not the paper the catalog names ({verdict.reason})",
    }
