"""arXiv export API (Atom): many ids per request, one request per ``arxiv_interval`` seconds.

arXiv asks for at most one request every 3 seconds, so ids are fetched in batches
(``prefetch``) and single lookups read the batch cache first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

from delbib.errors import SourceError
from delbib.http import RunAborted
from delbib.resolve.sources import Found, NotFound, Services, links_in, split_name

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}
_ABS_ID = re.compile(r"arxiv\.org/abs/(.+?)(?:v\d+)?$")
_QUERY_SYNTAX = re.compile(r"[^\w\s]+")  # quotes, colons, parentheses: arXiv query syntax
SEARCH_LIMIT = 5


def fetch(services: Services, arxiv_id: str) -> Found:
    """The arXiv record of one id (from the batch cache when ``prefetch`` got it)."""
    if arxiv_id not in services.arxiv_cache:
        prefetch(services, [arxiv_id])
    result = services.arxiv_cache[arxiv_id]
    if isinstance(result, SourceError):
        raise result
    return result


def prefetch(services: Services, ids: Iterable[str]) -> None:
    """Fetch every id not cached yet, ``arxiv_batch`` ids per request."""
    todo = [i for i in dict.fromkeys(ids) if i not in services.arxiv_cache]
    size = services.config.arxiv_batch
    for start in range(0, len(todo), size):
        _fetch_batch(services, todo[start : start + size])


def _fetch_batch(services: Services, batch: list[str]) -> None:
    """Cache the answer for each id of ``batch``. arXiv refuses a whole ``id_list`` for one
    id it cannot parse, so a refused batch is halved until the refused ids stand alone: one
    bad id costs about log2(batch) more requests, not a "not found" for all its neighbours."""
    try:
        found = query(services, batch)
    except RunAborted:
        raise
    except NotFound as exc:
        if len(batch) == 1:
            services.arxiv_cache[batch[0]] = exc
            return
        half = len(batch) // 2
        _fetch_batch(services, batch[:half])
        _fetch_batch(services, batch[half:])
        return
    except SourceError as exc:  # each entry of the batch reports it; nothing is stored
        services.arxiv_cache.update(dict.fromkeys(batch, exc))
        return
    for arxiv_id in batch:
        services.arxiv_cache[arxiv_id] = found.get(arxiv_id) or NotFound(
            f"arXiv has no record {arxiv_id}"
        )


def query(services: Services, ids: list[str]) -> dict[str, Found]:
    """One ``id_list`` request; ids arXiv does not know are absent from the result."""
    params = {"id_list": ",".join(ids), "max_results": str(len(ids))}
    return {f.csl["custom"]["arxiv"]: f for f in _feed(services, params)}


def search(services: Services, title: str) -> list[Found]:
    """Preprints whose title holds ``title`` as a phrase (``ti:"..."``), asked once per run;
    for entries without an identifier: arXiv's record names the authors a search hit elsewhere
    must share, and its ``doi`` field the published version."""
    phrase = " ".join(_QUERY_SYNTAX.sub(" ", title).split())
    params = {"search_query": f'ti:"{phrase}"', "max_results": str(SEARCH_LIMIT)}
    return services.cached_search("arxiv", title, lambda: list(_feed(services, params)))


def _feed(services: Services, params: dict[str, str]) -> list[Found]:
    url = f"{services.config.arxiv_url}/api/query"
    response = services.http.get("arxiv", url, params=params, ok=(400,), expect="xml")
    request = f"{url}?" + "&".join(f"{k}={v}" for k, v in params.items())
    try:
        feed = ET.fromstring(response.body)
    except ET.ParseError as exc:
        raise SourceError(f"{request}: not an Atom feed ({exc})") from exc
    entries = feed.findall("atom:entry", NS)
    if response.status == 400 or _is_error(entries):  # an answer, not a failure: permanent
        detail = entries[0].findtext("atom:summary", "", NS).strip() if entries else ""
        raise NotFound(f"{request}: arXiv refused the query: {detail or response.status}")
    found = []
    for entry in entries:
        item, hints = to_csl(entry)
        venue = " ".join(
            re.sub(r"\s+", " ", entry.findtext(f"arxiv:{name}", "", NS)).strip()
            for name in ("journal_ref", "comment")
        ).strip()
        links = {f"arxiv:{item['custom']['arxiv']}"} | links_in(*(h[4:] for h in hints))
        found.append(Found(item, "arxiv", request, "preprint-only", hints, links, venue))
    return found


def _is_error(entries: list[ET.Element]) -> bool:
    """arXiv reports a bad query as a feed whose single entry is titled "Error"."""
    return len(entries) == 1 and entries[0].findtext("atom:title", "", NS).strip() == "Error"


def to_csl(entry: ET.Element) -> tuple[dict[str, Any], list[str]]:
    """An Atom entry as a preprint CSL item, plus hints at its published version."""
    abs_url = entry.findtext("atom:id", "", NS).strip()
    match = _ABS_ID.search(abs_url)
    if not match:
        raise SourceError(f"arXiv entry with an unexpected id {abs_url!r}")
    arxiv_id = match.group(1)

    def text(path: str) -> str:
        return re.sub(r"\s+", " ", entry.findtext(path, "", NS)).strip()

    item: dict[str, Any] = {
        "type": "article",
        "title": text("atom:title"),
        "author": [split_name(a.text or "") for a in entry.findall("atom:author/atom:name", NS)],
        "publisher": "arXiv",
        "number": f"arXiv:{arxiv_id}",
        "DOI": f"10.48550/arxiv.{arxiv_id}".lower(),
        "URL": f"https://arxiv.org/abs/{arxiv_id}",
        "custom": {"arxiv": arxiv_id},
    }
    published = text("atom:published")
    if re.match(r"\d{4}-\d{2}-\d{2}", published):
        item["issued"] = {"date-parts": [[int(p) for p in published[:10].split("-")]]}
    primary = entry.find("arxiv:primary_category", NS)
    if primary is not None and primary.get("term"):
        item["custom"]["arxiv_class"] = primary.get("term")
    hints = []
    if doi := text("arxiv:doi"):
        hints.append(f"doi:{doi.lower()}")
        item["custom"]["arxiv_doi"] = doi.lower()
    if journal_ref := text("arxiv:journal_ref"):
        item["custom"]["arxiv_journal_ref"] = journal_ref
    return item, hints
