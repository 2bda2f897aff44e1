"""dblp's publication search (``/search/publ/api?format=json``): ML venues without DOIs.

ICLR, NeurIPS, ICML and PMLR papers have no DOI, so Crossref cannot name them, while dblp
lists them with the proceedings page in ``ee`` (and, for arXiv preprints, a CoRR record whose
``ee`` is the arXiv page). Those links let resolve check a hit against an entry's PMLR or
NeurIPS link or its arXiv id. dblp asks for at most one request per second; the shared client
keeps under that and honours Retry-After.
"""

from __future__ import annotations

import re
from typing import Any

from delbib.errors import SourceError
from delbib.resolve.sources import NOT_A_PAPER, Found, Services, links_in, split_name

SEARCH_LIMIT = 10
# dblp's publication type -> (CSL type, status); a CoRR "journal article" is a preprint.
TYPES = {
    "Conference and Workshop Papers": ("paper-conference", "published"),
    "Journal Articles": ("article-journal", "published"),
    "Parts in Books or Collections": ("chapter", "published"),
    "Books and Theses": ("book", "published"),
    "Informal and Other Publications": ("article", "preprint-only"),
    "Informal Publications": ("article", "preprint-only"),
}
_HOMONYM = re.compile(r"\s+\d{4}$")  # "Wei Wang 0001": dblp's number for namesakes
_QUERY_SYNTAX = re.compile(r"[^\w\s]+")  # dblp reads "|", "-", "$" as operators


def search(services: Services, title: str) -> list[Found]:
    """Publications whose title matches ``title`` (asked once per run), best first."""
    url = f"{services.config.dblp_url}/search/publ/api"
    params = {
        "q": " ".join(_QUERY_SYNTAX.sub(" ", title).split()),
        "format": "json",
        "h": str(SEARCH_LIMIT),
    }
    request = f"{url}?q={params['q']}&format=json&h={SEARCH_LIMIT}"

    def ask() -> list[Found]:
        body = services.http.get("dblp", url, params=params, expect="json").json()
        result = body.get("result") if isinstance(body, dict) else None
        if not isinstance(result, dict) or not isinstance(result.get("hits"), dict):
            raise SourceError(f"{request}: unexpected dblp response {str(body)[:80]!r}")
        hits = _as_list(result["hits"].get("hit"))
        found = []
        for hit in hits:
            info = hit.get("info") if isinstance(hit, dict) else None
            if isinstance(info, dict) and info.get("title"):
                found.append(to_found(info, request))
        return found

    return services.cached_search("dblp", title, ask)


def _as_list(value: Any) -> list[Any]:
    """dblp gives a single element where a list has one member."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text")
    return re.sub(r"\s+", " ", str(value or "")).strip()


def to_found(info: dict[str, Any], request: str) -> Found:
    """One hit's ``info`` as a CSL item with its status and the identifiers its links name."""
    venue = ", ".join(_text(v) for v in _as_list(info.get("venue")))
    kind, status = TYPES.get(_text(info.get("type")), ("article", NOT_A_PAPER))
    if venue == "CoRR" and status != NOT_A_PAPER:
        kind, status = "article", "preprint-only"
    item: dict[str, Any] = {"type": kind, "title": _text(info["title"]).rstrip(".")}
    authors = [
        _HOMONYM.sub("", _text(a)) for a in _as_list((info.get("authors") or {}).get("author"))
    ]
    if people := [split_name(a) for a in authors if a]:
        item["author"] = people
    if re.fullmatch(r"\d{4}", _text(info.get("year"))):
        item["issued"] = {"date-parts": [[int(_text(info["year"]))]]}
    if status == "published" and venue:
        item["container-title"] = venue
        item["container-title-short"] = venue
    for csl, key in (("page", "pages"), ("volume", "volume"), ("issue", "number")):
        if status == "published" and _text(info.get(key)):
            item[csl] = _text(info[key])
    ee = [_text(e) for e in _as_list(info.get("ee"))]
    doi = _text(info.get("doi")).lower()
    if doi and status == "published":
        item["DOI"] = doi
    if pages := [e for e in ee if not re.match(r"https?://(dx\.)?doi\.org/", e)]:
        item["URL"] = pages[0]
    return Found(item, "dblp", request, status, links=links_in(*ee, *([doi] if doi else [])))


# dblp's BibTeX entry type of a record -> the publication type its search names
_RECORD_TYPES = {
    "inproceedings": "Conference and Workshop Papers",
    "article": "Journal Articles",
    "incollection": "Parts in Books or Collections",
    "book": "Books and Theses",
    "phdthesis": "Books and Theses",
    "mastersthesis": "Books and Theses",
}
RECORD_URL = re.compile(
    r"^https?://(?:www\.)?dblp(?:\.uni-trier\.de|\.org|\.dagstuhl\.de)"
    r"/rec/(?:bibtex\d?/|xml/)?([a-z0-9]+(?:/[\w.-]+)+?)/?$",
    re.IGNORECASE,
)
_EXPORT_SUFFIX = re.compile(r"\.(?:html|xml|bib|ris|nt|ttl|rdf)$", re.IGNORECASE)


def record_key(url: str) -> str | None:
    """The dblp key of a record page (``https://dblp.org/rec/conf/iclr/Li24``, also its
    ``.html``/``.bib``/``.xml`` exports), else None."""
    found = RECORD_URL.match(url.strip())
    return _EXPORT_SUFFIX.sub("", found.group(1)) if found else None


def record(services: Services, key: str) -> tuple[Found, list[str]]:
    """One dblp record (its BibTeX export, ``/rec/{key}.bib``) as a :class:`Found`, read
    like a search hit, and the paper's own pages it names (its DOI, arXiv or OpenReview page)."""
    from delbib.resolve.sources import NotFound

    url = f"{services.config.dblp_url}/rec/{key}.bib"
    response = services.http.get("dblp", url, ok=(404, 410))
    if response.status in (404, 410):
        raise NotFound(f"{url}: dblp has no record {key}")
    return from_bibtex(response.text, url)


def from_bibtex(text: str, request: str) -> tuple[Found, list[str]]:
    """A dblp BibTeX record: ``url`` is the paper's page (dblp's ``ee``), ``doi`` and an
    arXiv ``eprint`` name it too."""
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    from delbib import identifiers

    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    if not library.entries:
        raise SourceError(f"{request}: no BibTeX entry in the response: {text[:80]!r}")
    entry = library.entries[0]
    fields = {f.key.lower(): re.sub(r"\s+", " ", str(f.value)).strip() for f in entry.fields}
    if not fields.get("title"):
        raise SourceError(f"{request}: the dblp record has no title")
    pages = [fields["url"]] if fields.get("url") else []
    named = {i for page in pages for i in identifiers.extract(page)}
    if (doi := fields.get("doi", "").lower()) and f"doi:{doi}" not in named:
        pages.append(f"https://doi.org/{doi}")
    eprint = fields.get("eprint", "") if fields.get("eprinttype", "").lower() == "arxiv" else ""
    if eprint and f"arxiv:{eprint}" not in named:
        pages.append(f"https://arxiv.org/abs/{eprint}")
    info: dict[str, Any] = {
        "title": fields["title"],
        "authors": {"author": [a for a in re.split(r"\s+and\s+", fields.get("author", "")) if a]},
        "year": fields.get("year"),
        "venue": fields.get("journal") or fields.get("booktitle") or "",
        "type": _RECORD_TYPES.get(entry.entry_type.lower(), "Informal and Other Publications"),
        "ee": pages,
        "doi": doi,
    }
    return to_found(info, request), pages
