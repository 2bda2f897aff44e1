"""A local stand-in for Crossref, doi.org, arXiv, OpenReview and the ACL Anthology.

Serves the records in tests/data/api/ in each service's real response format under one base
URL (``/crossref``, ``/doi``, ``/arxiv``, ``/openreview``, ``/acl``), including the two
searches (Crossref's ``/works?query.bibliographic=`` and OpenReview's ``/notes/search``),
records every request, and replays injected faults (status, headers, body, or a delay past
the client's timeout).
"""

from __future__ import annotations

import contextlib
import json
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
ATOM = "{http://www.w3.org/2005/Atom}"
STOPWORDS = frozenset({"a", "an", "and", "for", "from", "in", "of", "on", "the", "to", "with"})
NOT_FOUND = (404, {"Content-Type": "text/plain"}, b"Resource not found.")
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


class FakeAPI:
    """The services' data and behaviour; ``faults[path]`` is consumed one fault per request."""

    def __init__(self) -> None:
        self.works = json.loads((DATA / "crossref-works.json").read_text(encoding="utf-8"))
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
        }

    # ------------------------------------------------------------------ services

    def answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        service, _, rest = path.lstrip("/").partition("/")
        handler = getattr(self, f"_{service}", None)
        if handler is None:
            return Fault(*NOT_FOUND)
        return handler(urllib.parse.unquote(rest), query, headers)

    def _crossref(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        limits = {"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"}
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
            from delbib.sources.crossref import to_csl

            return _json(to_csl(self.works[doi]))
        page = b"<!DOCTYPE html><html><head><title>Error: DOI Not Found</title></head></html>"
        return Fault(404, {"Content-Type": "text/html;charset=utf-8"}, page)

    def _arxiv(self, rest: str, query: dict[str, str], headers: dict[str, str]) -> Fault:
        ids = [i for i in query.get("id_list", "").split(",") if i]
        atom = {"Content-Type": "application/atom+xml; charset=utf-8"}
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
        with api.lock:
            api.requests.append(Seen(url.path, query, headers))
            queue = api.faults.get(url.path) or []
            fault = queue.pop(0) if queue else None
        reply = fault or api.answer(url.path, query, headers)
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
def serve() -> Iterator[FakeAPI]:
    """Run the fake services on a free port of 127.0.0.1 until the block ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.api = FakeAPI()
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
