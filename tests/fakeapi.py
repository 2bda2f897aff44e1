"""A local stand-in for Crossref, doi.org, arXiv, OpenReview, the ACL Anthology and dblp.

Serves the records in tests/data/api/ in each service's real response format under one base
URL (``/crossref``, ``/doi``, ``/arxiv``, ``/openreview``, ``/acl``, ``/dblp``), including the
searches (Crossref's ``/works?query.bibliographic=``, arXiv's ``search_query=ti:``,
OpenReview's ``/notes/search``, dblp's ``/search/publ/api``), records every request, and
replays injected faults (status, headers, body, or a delay past the client's timeout).

By default it is noisy the way Crossref's index is: every work of the reference gets a
supplementary ``component`` carrying its title; every third a posted-content copy (SSRN or
Research Square) with part of its authors and the year before; every fourth a later paper of
the same authors titled "Towards ..."; arXiv-only papers get SSRN copies and "Towards" papers
too. On top come the invented papers of tests/data/api/invented.yaml (facts and expected
answers written by hand). With ``enforce`` set, the published rate limits are enforced: a
request over a limit is answered 429 with Retry-After, and counted in ``throttled``.
"""

from __future__ import annotations

import collections
import contextlib
import html
import json
import math
import re
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "api"
INVENTED = DATA / "invented.yaml"
ATOM = "{http://www.w3.org/2005/Atom}"
STOPWORDS = frozenset({"a", "an", "and", "for", "from", "in", "of", "on", "the", "to", "with"})
NOT_FOUND = (404, {"Content-Type": "text/plain"}, b"Resource not found.")
TOO_MANY = (Path(__file__).parent / "data" / "api-samples" / "crossref-429.html").read_bytes()
FEED_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
    "  <id>https://arxiv.org/api/fake</id>\n  <title>arXiv Query: fake</title>\n"
    "  <opensearch:totalResults>{n}</opensearch:totalResults>\n"
)


@dataclass
class Fault:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


@dataclass
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    status: int = 200
    at: float = 0.0  # arrival, time.monotonic()


# Published limits (requests, per seconds, at once), enforced when ``FakeAPI.enforce`` is set.
# arXiv's 3 s follow ``arxiv_interval`` so tests and the bench can scale it.
LIMITS = {
    "crossref-polite-single": (10, 1.0, 3),
    "crossref-polite-query": (3, 1.0, 3),
    "crossref-public-single": (5, 1.0, 1),
    "crossref-public-query": (1, 1.0, 1),
    "openreview": (2, 1.0, 1),
    "dblp": (1, 1.0, 1),
    "doi": (5, 1.0, 2),
    "acl": (2, 1.0, 1),
}
SUPPLEMENT_TITLES = (
    "Supplemental Material for {}",
    "{} - Supplemental Material",
    "Appendix: {}",
    "{} (Video Presentation)",
)


class FakeAPI:
    """The services' data and behaviour; ``faults[path]`` is consumed one fault per request."""

    def __init__(self, *, noisy: bool = True) -> None:
        self.works = json.loads((DATA / "crossref-works.json").read_text(encoding="utf-8"))
        self.dblp = json.loads((DATA / "dblp-publ.json").read_text(encoding="utf-8"))
        self.datacite = json.loads((DATA / "datacite-csl.json").read_text(encoding="utf-8"))
        self.notes = json.loads((DATA / "openreview-notes.json").read_text(encoding="utf-8"))
        self.acl = json.loads((DATA / "acl-bib.json").read_text(encoding="utf-8"))
        feed = ET.parse(DATA / "arxiv-entries.atom.xml").getroot()
        self.arxiv = {
            re.sub(r"^.*/abs/|v\d+$", "", e.findtext(f"{ATOM}id")): ET.tostring(e, "unicode")
            for e in feed.findall(f"{ATOM}entry")
        }
        self.faults: dict[str, list[Fault]] = {}
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        self.base = ""
        self.enforce = False
        self.arxiv_interval = 3.0
        self.throttled = 0
        self._arrivals: dict[str, collections.deque[float]] = {}
        self._in_flight: dict[str, int] = {}
        self.invented: list[dict] = []
        if noisy:
            self._add_noise()
            self._add_invented()

    def fail(self, path: str, *faults: Fault) -> None:
        """Serve ``faults`` (in order) to the next requests for ``path`` (no query string)."""
        self.faults.setdefault(path, []).extend(faults)

    def count(self, prefix: str = "/") -> int:
        return sum(1 for r in self.requests if r.path.startswith(prefix))

    def config_env(self) -> dict[str, str]:
        return {
            "DELBIB_CROSSREF_URL": f"{self.base}/crossref",
            "DELBIB_DOI_URL": f"{self.base}/doi",
            "DELBIB_ARXIV_URL": f"{self.base}/arxiv",
            "DELBIB_OPENREVIEW_URL": f"{self.base}/openreview",
            "DELBIB_ACL_URL": f"{self.base}/acl",
            "DELBIB_DBLP_URL": f"{self.base}/dblp",
        }

    # ------------------------------------------------------------------ noise and invented

    def _add_noise(self) -> None:
        """Records that carry a paper's title without being the paper (see module doc)."""
        for i, doi in enumerate(sorted(self.works)):
            work = self.works[doi]
            title, people = work["title"][0], work.get("author") or []
            year = (work["issued"]["date-parts"][0] or [None])[0]
            supp = SUPPLEMENT_TITLES[i % 4].format(title)
            self._noise_work(f"{doi}.supp", "component", supp, people, year)
            if i % 3 == 0 and year:
                self._copy(f"10.2139/ssrn.{4000000 + i}", "SSRN", title, people, year - 1)
            if i % 3 == 1 and year:
                rs = f"10.21203/rs.3.rs-{3000000 + i}/v1"
                self._copy(rs, "Research Square", title, people, year - 1)
            if i % 4 == 0 and year:
                towards = f"Towards {title[0].lower()}{title[1:]}"
                self._noise_work(
                    f"10.5555/noise.towards.{i}", "proceedings-article", towards, people, year + 1
                )
        in_crossref = {title_words(w["title"][0]) for w in self.works.values()}
        for i, (arxiv_id, entry) in enumerate(sorted(self.arxiv.items())):
            tree = ET.fromstring(entry)
            title = " ".join((tree.findtext(f"{ATOM}title") or "").split())
            if not title or title_words(title) in in_crossref:
                continue
            people = [_person(n.text or "") for n in tree.findall(f"{ATOM}author/{ATOM}name")]
            year = 2000 + int(arxiv_id[:2]) if re.match(r"\d{4}\.", arxiv_id) else 2020
            if i % 3 == 0:
                self._copy(f"10.2139/ssrn.{5000000 + i}", "SSRN", title, people, year)
            if i % 4 == 1:
                towards = f"Towards {title[0].lower()}{title[1:]}"
                self._noise_work(
                    f"10.5555/noise.atowards.{i}", "proceedings-article", towards, people, year + 1
                )

    def _noise_work(self, doi: str, kind: str, title: str, people: list, year: int | None) -> None:
        work = {
            "DOI": doi,
            "type": kind,
            "title": [title],
            "prefix": doi.split("/")[0],
            "author": people,
            "issued": {"date-parts": [[year]] if year else [[None]]},
            "source": "Crossref",
            "URL": f"https://doi.org/{doi}",
        }
        if kind == "proceedings-article":
            work["container-title"] = ["Proceedings of a Workshop the Reference Never Saw"]
        self.works[doi] = work

    def _copy(self, doi: str, server: str, title: str, people: list, year: int) -> None:
        """A posted-content copy naming part of the authors (every second one)."""
        self._noise_work(doi, "posted-content", title, people[1::2] or people[:1], year)
        self.works[doi].update(subtype="preprint", institution=[{"name": server}])

    def _add_invented(self) -> None:
        import yaml

        self.invented = yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]
        for paper in self.invented:
            records = paper["records"]
            for rec in records.get("crossref", []):
                people = [_person(n) for n in rec.get("authors") or []]
                self._noise_work(rec["DOI"], rec["type"], rec["title"], people, rec["year"])
                work = self.works[rec["DOI"]]
                if rec.get("container"):
                    work["container-title"] = [rec["container"]]
                if rec.get("institution"):
                    work.update(subtype="preprint", institution=[{"name": rec["institution"]}])
                for name, target in (rec.get("relation") or {}).items():
                    work["relation"] = {
                        name: [{"id-type": "doi", "id": target, "asserted-by": "subject"}]
                    }
                if rec.get("link"):
                    work["link"] = [
                        {
                            "URL": url,
                            "content-type": "unspecified",
                            "content-version": "vor",
                            "intended-application": "similarity-checking",
                        }
                        for url in rec["link"]
                    ]
            for rec in records.get("arxiv", []):
                self.arxiv[rec["id"]] = _atom_entry(rec)
            for rec in records.get("openreview", []):
                self.notes[rec["id"]] = _note(rec)
            for rec in records.get("dblp", []):
                self.dblp.append(_dblp_info(rec))

    # ------------------------------------------------------------------ services

    def answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        service, _, rest = path.lstrip("/").partition("/")
        handler = getattr(self, f"_{service}", None)
        if handler is None:
            return Fault(*NOT_FOUND)
        return handler(urllib.parse.unquote(rest), query, headers)

    def _crossref(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        limits: dict[str, str] = {}  # the handler adds the pool's announced limit
        if rest == "works":
            items = self.search(query.get("query.bibliographic", ""), int(query.get("rows", 20)))
            message = {"total-results": len(items), "items": items, "items-per-page": len(items)}
            return _json({"status": "ok", "message-type": "work-list", "message": message}, limits)
        doi = rest.removeprefix("works/").lower()
        if doi.endswith("/agency"):
            doi = doi.removesuffix("/agency")
            agency = "crossref" if doi in self.works else "datacite"
            if doi not in self.works and doi not in self.datacite:
                return Fault(*NOT_FOUND)
            agency_obj = {"id": agency, "label": "Crossref" if agency == "crossref" else "DataCite"}
            message = {"DOI": doi, "agency": agency_obj}
            return _json({"status": "ok", "message-type": "work-agency", "message": message})
        if doi not in self.works:
            return Fault(*NOT_FOUND)
        message = self.works[doi]
        return _json({"status": "ok", "message-type": "work", "message": message}, limits)

    def search(self, text: str, rows: int) -> list[dict]:
        """Crossref-like relevance: word overlap with the title, best first."""
        words = set(re.findall(r"\w+", text.casefold()))
        scored = []
        for work in self.works.values():
            title = set(re.findall(r"\w+", work["title"][0].casefold()))
            overlap = len(words & title) / max(1, len(words | title))
            if overlap > 0.2:
                scored.append((round(100 * overlap, 3), work))
        scored.sort(key=lambda pair: -pair[0])
        return [{**work, "score": score} for score, work in scored[:rows]]

    def _doi(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        doi = rest.lower()
        if "citationstyles.csl+json" not in headers.get("accept", ""):
            return Fault(406, {"Content-Type": "text/plain"}, b"Not acceptable")
        if doi in self.datacite:
            body = json.dumps(self.datacite[doi]).encode()
            return Fault(200, {"Content-Type": "application/vnd.citationstyles.csl+json"}, body)
        if doi in self.works:  # doi.org would redirect to Crossref's transform
            from delbib.resolve.sources.crossref import to_csl

            return _json(to_csl(self.works[doi]))
        page = b"<!DOCTYPE html><html><head><title>Error: DOI Not Found</title></head></html>"
        return Fault(404, {"Content-Type": "text/html;charset=utf-8"}, page)

    def _arxiv(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        ids = [i for i in query.get("id_list", "").split(",") if i]
        atom = {"Content-Type": "application/atom+xml; charset=utf-8"}
        if phrase := re.fullmatch(r'ti:"(.*)"', query.get("search_query", "")):
            wanted = " ".join(_words(phrase.group(1)))  # a phrase: these words, in this order
            hits = [
                e
                for _, e in sorted(self.arxiv.items())
                if wanted and f" {wanted} " in f" {' '.join(_words(_atom_title(e)))} "
            ][: int(query.get("max_results", 10))]
            body = FEED_HEAD.format(n=len(hits)) + "".join(hits) + "</feed>\n"
            return Fault(200, atom, body.encode())
        if any(not re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?|[a-z-]+/\d{7}", i) for i in ids):
            bad = next(i for i in ids if not re.fullmatch(r"\d{4}\.\d{4,5}", i))
            error = (
                f"  <entry>\n    <id>https://arxiv.org/api/errors#incorrect_id_format_for_{bad}"
                f"</id>\n    <title>Error</title>\n    <summary>incorrect id format for {bad}"
                "</summary>\n  </entry>\n"
            )
            return Fault(400, atom, (FEED_HEAD.format(n=1) + error + "</feed>\n").encode())
        entries = [self.arxiv[i] for i in ids if i in self.arxiv]
        body = FEED_HEAD.format(n=len(entries)) + "".join(entries) + "</feed>\n"
        return Fault(200, atom, body.encode())

    def _openreview(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        if rest == "notes/search":
            if query.get("source", "all") not in ("all", "forum", "reply") or not query.get("term"):
                bad = {"name": "ValidationError", "message": "bad search query", "status": 400}
                return _json(bad, status=400)
            hits = self.search_notes(query["term"])
            return _json({"notes": hits[: int(query.get("limit", 1000))], "count": len(hits)})
        if rest != "notes":
            return Fault(*NOT_FOUND)
        note = self.notes.get(query.get("id") or query.get("forum") or "")
        if note is None:
            missing = {
                "name": "NotFoundError",
                "message": f"The Note {query.get('id')} was not found",
                "status": 404,
            }
            return _json(missing, status=404)
        return _json({"notes": [note], "count": 1})

    def search_notes(self, term: str) -> list[dict]:
        """Full-text-like relevance over titles, as a search engine ranks an OR of the words:
        every note sharing a significant word with the term is a hit; a title holding the
        whole normalised term ranks first, then by the share of the term's words it holds.
        Near misses ("... Synthetic Data ...") come back too, so hits must be judged."""
        words = [w for w in _words(term) if w not in STOPWORDS]
        phrase = " ".join(_words(term))
        scored = []
        for note in self.notes.values():
            title = _words(note["content"]["title"]["value"])
            shared = len(set(words) & set(title))
            if shared:
                score = shared / len(set(words)) + (phrase in " ".join(title))
                scored.append((-score, note["id"], note))
        return [note for _, _, note in sorted(scored, key=lambda hit: hit[:2])]

    def _acl(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        anthology_id = rest.removesuffix(".bib")
        if anthology_id not in self.acl:
            return Fault(404, {"Content-Type": "text/html"}, b"<html>404 Not Found</html>")
        bib = self.acl[anthology_id].encode()
        return Fault(200, {"Content-Type": "application/x-bibtex; charset=utf-8"}, bib)

    def _dblp(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        """dblp's publication search: every word of the query must be in the title (dblp
        matches words as prefixes; whole words are enough here), best first."""
        if rest.startswith("rec/") and rest.endswith(".bib"):
            return self._dblp_record(rest.removeprefix("rec/").removesuffix(".bib"))
        if rest != "search/publ/api" or query.get("format") != "json":
            return Fault(*NOT_FOUND)
        words = set(_words(query.get("q", "")))
        hits = [info for info in self.dblp if words and words <= set(_words(info["title"]))]
        hits.sort(key=lambda info: len(_words(info["title"])))
        sent = hits[: int(query.get("h", 30))]
        result = {
            "query": query.get("q", ""),
            "status": {"@code": "200", "text": "OK"},
            "time": {"@unit": "msecs", "text": "1.00"},
            "completions": {"@total": "0", "@computed": "0", "@sent": "0"},
            "hits": {
                "@total": str(len(hits)),
                "@computed": str(len(hits)),
                "@sent": str(len(sent)),
                "@first": "0",
            },
        }
        if sent:
            result["hits"]["hit"] = [
                {"@score": "5", "@id": str(1000 + i), "info": info, "url": f"URL#{1000 + i}"}
                for i, info in enumerate(sent)
            ]
        return _json({"result": result})

    def _dblp_record(self, key: str) -> Fault:
        """dblp's BibTeX export of a record (``/rec/{key}.bib``, the layout of
        ../shared/api-samples/dblp-rec.bib), built from the search data."""
        info = next((i for i in self.dblp if i.get("key") == key), None)
        if info is None:
            return Fault(404, {"Content-Type": "text/html"}, b"<html>Error 404</html>")
        kind = {
            "Conference and Workshop Papers": "inproceedings",
            "Journal Articles": "article",
            "Informal and Other Publications": "article",
        }.get(info.get("type"), "misc")
        people = info.get("authors", {}).get("author") or []
        people = people if isinstance(people, list) else [people]
        fields = {
            "author": " and ".join(p["text"] for p in people),
            "title": info["title"].rstrip("."),
            "journal" if kind == "article" else "booktitle": info.get("venue", ""),
            "year": info.get("year", ""),
            "url": info.get("ee", ""),
        }
        if doi := info.get("doi"):
            fields["doi"] = doi.upper() if "arxiv" in doi.casefold() else doi
        if arxiv := re.search(r"arxiv\.(\d{4}\.\d{4,5})", info.get("ee", ""), re.IGNORECASE):
            fields.update(eprinttype="arXiv", eprint=arxiv.group(1))
        fields["biburl"] = f"https://dblp.org/rec/{key}.bib"
        body = f"@{kind}{{DBLP:{key},\n" + ",\n".join(
            f"  {name:<12} = {{{_latex(value) if name in TEXT_FIELDS else value}}}"
            for name, value in fields.items()
            if value
        )
        return Fault(200, {"Content-Type": "application/x-bibtex"}, (body + "\n}\n").encode())

    # ------------------------------------------------------------------ rate limits

    def bucket_of(self, path: str, query: dict[str, str], headers: dict[str, str]) -> str:
        service = path.lstrip("/").split("/", 1)[0]
        if service != "crossref":
            return service
        polite = "mailto" in headers.get("user-agent", "") or "mailto" in query
        kind = "query" if path == "/crossref/works" else "single"
        return f"crossref-{'polite' if polite else 'public'}-{kind}"

    def admit(self, bucket: str, now: float) -> bool:
        """Count a request against its bucket's published limit; False means 429."""
        limit = LIMITS.get(bucket) or ((1, self.arxiv_interval, 1) if bucket == "arxiv" else None)
        if not self.enforce or limit is None:
            return True
        count, seconds, at_once = limit
        arrivals = self._arrivals.setdefault(bucket, collections.deque())
        while arrivals and arrivals[0] <= now - seconds:
            arrivals.popleft()
        if len(arrivals) >= count or self._in_flight.get(bucket, 0) >= at_once:
            self.throttled += 1
            return False
        arrivals.append(now)
        self._in_flight[bucket] = self._in_flight.get(bucket, 0) + 1
        return True

    def release(self, bucket: str) -> None:
        if bucket in self._in_flight:
            self._in_flight[bucket] -= 1

    def rate_headers(self, bucket: str) -> dict[str, str]:
        """Crossref announces its pool's limit in every answer."""
        if not bucket.startswith("crossref") or bucket not in LIMITS:
            return {}
        count, seconds, _ = LIMITS[bucket]
        return {"X-Rate-Limit-Limit": str(count), "X-Rate-Limit-Interval": f"{seconds:g}s"}


def title_words(title: str) -> str:
    return " ".join(_words(title))


def _person(name: str) -> dict:
    given, _, family = name.strip().rpartition(" ")
    return {"given": given, "family": family, "sequence": "additional", "affiliation": []}


def _atom_title(entry: str) -> str:
    found = re.search(r"<(?:\w+:)?title>(.*?)</(?:\w+:)?title>", entry, re.DOTALL)
    return html.unescape(found.group(1)) if found else ""


def _atom_entry(rec: dict) -> str:
    """An invented paper's arXiv entry (with arxiv:doi, journal_ref, comment when given)."""
    from xml.sax.saxutils import escape

    yymm = rec["id"].split(".")[0]
    date = f"20{yymm[:2]}-{yymm[2:]}-01T00:00:00Z"
    people = "".join(
        f"\n    <author>\n      <name>{escape(n)}</name>\n    </author>" for n in rec["authors"]
    )
    extra = "".join(
        f"\n    <arxiv:{tag}>{escape(str(rec[key]))}</arxiv:{tag}>"
        for key, tag in (("doi", "doi"), ("journal_ref", "journal_ref"), ("comment", "comment"))
        if rec.get(key)
    )
    return f"""  <entry>
    <id>http://arxiv.org/abs/{rec["id"]}v2</id>
    <title>{escape(rec["title"])}</title>
    <updated>{date}</updated>
    <link href="https://arxiv.org/abs/{rec["id"]}v2" rel="alternate" type="text/html"/>
    <summary>Abstract of {escape(rec["title"])}.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>{date}</published>{extra}
    <arxiv:primary_category term="cs.CL"/>{people}
  </entry>
"""


def _note(rec: dict) -> dict:
    """An invented paper's OpenReview API v2 note, ``_bibtex`` in OpenReview's layout."""
    accepted = not rec["venueid"].endswith("_Submission")
    kind = "inproceedings" if accepted else "misc"
    lines = [
        f"@{kind}{{{rec['id'].lower()},",
        f"title={{{rec['title']}}},",
        f"author={{{' and '.join(rec['authors'])}}},",
    ]
    if accepted and rec.get("container"):
        lines.append(f"booktitle={{{rec['container']}}},")
    lines += [f"year={{{rec['year']}}},", f"url={{https://openreview.net/forum?id={rec['id']}}}"]
    return {
        "id": rec["id"],
        "forum": rec["id"],
        "content": {
            "title": {"value": rec["title"]},
            "authors": {"value": rec["authors"]},
            "venue": {"value": rec["venue"]},
            "venueid": {"value": rec["venueid"]},
            "_bibtex": {"value": "\n".join([*lines, "}"])},
        },
    }


def _dblp_info(rec: dict) -> dict:
    """An invented paper's dblp ``info`` (one author is a single object, as dblp sends it)."""
    people = [{"@pid": f"00/{i}", "text": n} for i, n in enumerate(rec.get("authors") or [])]
    info = {
        "authors": {"author": people[0] if len(people) == 1 else people},
        "title": rec["title"].rstrip(".") + ".",
        "venue": rec["venue"],
        "year": str(rec["year"]),
        "type": rec["type"],
        "key": f"invented/{title_words(rec['title']).replace(' ', '')[:20]}{rec['year']}",
        "ee": rec["ee"],
    }
    if rec["ee"].startswith("https://doi.org/"):
        info["doi"] = rec["ee"].removeprefix("https://doi.org/")
    return info


TEXT_FIELDS = frozenset({"author", "title", "journal", "booktitle"})


def _latex(text: str) -> str:
    """BibTeX's escapes for the characters dblp escapes (``#InsTag`` -> ``\\#InsTag``)."""
    return re.sub(r"([#&%$_])", r"\\\1", text)


def _words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", text.casefold())


def _json(data: object, headers: dict[str, str] | None = None, status: int = 200) -> Fault:
    body = json.dumps(data).encode()
    return Fault(status, {"Content-Type": "application/json", **(headers or {})}, body)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        api = self.server.api
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        headers = {k.lower(): v for k, v in self.headers.items()}
        bucket = api.bucket_of(url.path, query, headers)
        with api.lock:
            now = time.monotonic()
            admitted = api.admit(bucket, now)
            seen = Seen(url.path, query, headers, at=now)
            api.requests.append(seen)
            queue = (api.faults.get(url.path) or []) if admitted else []
            fault = queue.pop(0) if queue else None
        if not admitted:
            retry = str(math.ceil(LIMITS.get(bucket, (1, api.arxiv_interval, 1))[1]))
            reply = Fault(429, {"Content-Type": "text/html", "Retry-After": retry}, TOO_MANY)
        else:
            try:
                reply = fault or api.answer(url.path, query, headers)
                reply.headers = {**api.rate_headers(bucket), **reply.headers}
            finally:
                with api.lock:
                    api.release(bucket)
        seen.status = reply.status
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out first
            return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    api: FakeAPI


@contextlib.contextmanager
def serve(*, noisy: bool = True) -> Iterator[FakeAPI]:
    """Run the fake services on a free port of 127.0.0.1 until the block ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.api = FakeAPI(noisy=noisy)
    server.api.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.api
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(name="api")
def api_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAPI]:
    """A running fake server; DELBIB_* URLs point at it for the test's duration."""
    with serve() as api:
        for name, value in api.config_env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("DELBIB_MAILTO", raising=False)
        yield api


def add_invented(root: Path) -> list[dict]:
    """Write the invented papers into the catalog at ``root`` as entries, the way a list row
    would give them (title, year, venue, links; identifiers from the links); returns them."""
    import yaml

    from delbib import identifiers
    from delbib.catalog import model as cat

    catalog = cat.load(root, with_resolved=False)
    papers = yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]
    for row, paper in enumerate(papers, start=10_001):
        listed = paper["entry"]
        links = listed.get("links") or []
        found = [i for link in links for i in identifiers.extract(link)]
        entry = cat.Entry(
            key=paper["key"],
            title=listed["title"],
            clean_title=listed["title"],
            categories=[catalog.taxonomy[0].name],
            rows=[row],
            links=links,
            year=listed.get("year", 2025),
            venue=listed.get("venue"),
            identifiers=list(dict.fromkeys(found)),
        )
        catalog.save_entry(entry)
    return papers
