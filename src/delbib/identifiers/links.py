"""Identifiers read from links: each host's URL shapes (arXiv and its mirrors, DOI hosts and
publisher paths, the ACL Anthology, OpenReview, NeurIPS, PMLR, PMC, IEEE, AAAI), Google
Scholar redirects unwrapped, void links ("no link") recognised.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from delbib.identifiers.schemes import (
    _ACL_DOI,
    _ACL_NEW_VOLUME,
    _ACL_OLD_VOLUME,
    _ACL_PAPER,
    _ACL_VOLUME,
    _ARXIV_DOI,
    _ARXIV_NEW,
    _ARXIV_OLD,
    _DIGITS,
    _DOI,
    _DOI_PREFIX_SEGMENT,
    _DOI_URL_PREFIX,
    _OPENREVIEW_ID,
    _TWO_SEGMENT_DOI_PREFIXES,
    _VERSIONED_DOI_PREFIXES,
    _acl_case,
    _normalize_arxiv,
    _normalize_doi,
    value,
)

# --- URL shapes --------------------------------------------------------------------------------

# After a ".pdf" that ends the id, a tail pasted on with "&" or a space (".pdf&embed",
# ".pdf (http://arxiv.org/pdf/...)") is a typing slip, not part of the address.
# "/ftp/arxiv/papers/2212/2212.13248.pdf": arXiv's file tree, by month, names the id too
_ARXIV_PATH = re.compile(
    rf"^/(?:abs|pdf|html|ps|format|ftp/arxiv/papers/\d{{4}})/({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf(?:[&\s].*)?)?/?$",
    re.IGNORECASE | re.DOTALL,
)
# "/P19-1001.pdf", "/anthology/N19-1423/"; the older trees by letter and volume
# ("/anthology/W/W17/W17-0102.pdf", "/pdf/W/W05/W05-0811.pdf", "/anthology/papers/W/W19/W19-4222/")
# and the id named twice ("/papers/W18-5815/w18-5815")
_ACL_PATH = re.compile(
    r"^/(?:anthology/)?(?:papers/|pdf/)?(?:[a-z]/[a-z]\d{2}/)?([^/]+?)(?:v\d+)?"
    r"(?:\.pdf|\.bib|\.xml)?/?(?:(?<=/)\1/?)?$",
    re.IGNORECASE,
)
_ACL_VOLUME_PAGE = re.compile(r"^/(?:anthology/)?volumes/([^/]+?)/?$", re.IGNORECASE)
_OPENREVIEW_PDF_PATH = re.compile(r"^/pdf/([0-9a-f]{40})\.pdf$", re.IGNORECASE)
_NEURIPS_PATH = re.compile(
    r"^/(?:paper_files/)?paper/((?:19|20)\d{2})/(?:file|hash)/([0-9a-f]{32})-", re.IGNORECASE
)
_PMLR_PATH = re.compile(r"^/(v\d+|r\d+)/([a-z0-9][a-z0-9_-]*?)(?:\.html|\.pdf|/.*)?$", re.I)
_PMC_PATH = re.compile(r"^/(?:pmc/)?articles/(pmc\d+)(?:/|$)", re.IGNORECASE)
_IEEE_DOCUMENT_PATH = re.compile(r"/document/(\d+)(?:/|$)")
_AAAI_PATH = re.compile(r"^/index\.php/AAAI/article/(?:view|download)/(\d+)(?:/\d+)?/?$")
_VOID = re.compile(r"^(?:https?://)?javascript:", re.IGNORECASE)
_BARE_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)+/", re.ASCII)

# arXiv and its mirrors that keep arXiv's paths (/abs/ID, /pdf/ID, /html/ID).
_ARXIV_HOSTS = frozenset(
    {"arxiv.org", "export.arxiv.org", "browse.arxiv.org", "ar5iv.labs.arxiv.org", "ar5iv.org"}
    | {"cn.arxiv.org", "de.arxiv.org", "in.arxiv.org", "xxx.lanl.gov"}  # old mirrors
)
# Pages named by an arXiv id under another path: huggingface.co/papers/ID, alphaxiv.org/abs/ID.
_ARXIV_PAGE_PATH = re.compile(
    rf"^/(?:papers|abs|overview)/({_ARXIV_NEW})(?:v\d+)?/?$", re.IGNORECASE
)
_ARXIV_PAGE_HOSTS = frozenset({"huggingface.co", "alphaxiv.org"})
_COOL_PATH = re.compile(r"^/(arxiv|venue)/(?:pdf/)?([^/]+?)/?$", re.IGNORECASE)
# Outbound-link redirects and the query keys that hold their target.
_REDIRECT_KEYS = {"link.zhihu.com": ("target",), "link.juejin.cn": ("target",)}
# the Anthology, its old home and its mirrors of the same paths
_ACL_HOSTS = frozenset(
    {
        "aclanthology.org",
        "aclweb.org",
        "anthology.aclweb.org",
        "aclanthology.info",
        "aclanthology.coli.uni-saarland.de",
    }
)
_NEURIPS_HOSTS = frozenset({"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"})
_PMC_HOSTS = frozenset({"pmc.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov"})
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "doi.ieeecomputersociety.org"})
# Publishers whose article URLs have the DOI as a path segment ("/chapter/10.1007/...").
_DOI_PATH_HOSTS = frozenset(
    {
        "dl.acm.org",
        "onlinelibrary.wiley.com",
        "tandfonline.com",
        "link.springer.com",
        "direct.mit.edu",
        "techrxiv.org",
        "journals.aps.org",  # /prx/abstract/10.1103/PhysRevX.11.041011
        "frontiersin.org",  # /articles/10.3389/fgene.2021.617282/full
    }
)
# Publishers with a host per journal: genomebiology.biomedcentral.com/articles/10.1186/...
_DOI_PATH_DOMAINS = (".biomedcentral.com",)
_ACM_HOSTS = frozenset({"dl.acm.org", "portal.acm.org"})
_ACM_DOID = re.compile(r"\d+\.\d+")
# A query value that is a whole DOI names the page's paper (PLOS "article?id=10.1371/...").
_DOI_QUERY_KEYS = ("id", "doi")
# "/10.1117/12.3011559.short": a path segment that opens a DOI, on any publisher's host
_DOI_SEGMENT = re.compile(r"/10\.\d{4,9}/[^/]")
_VIEW_SEGMENTS = re.compile(
    r"(?:/(?:full|abstract|pdf|html?|meta|fulltext|epdf|references))+/?$", re.I
)
_SESSION = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)  # a server's session, not the DOI's
_PAGE_VIEW = re.compile(r"(?:\.(?:pdf|short|full|abstract|html?|epdf))+$", re.IGNORECASE)
_WHOLE_DOI = re.compile(r"10\.\d{4,9}/\S+")
# Publishers whose DOIs hold slashes of their own, so the whole path says where the DOI ends:
# host -> the whole path with the DOI as group 1 (the page's view or version after it goes).
_RXIV_CONTENT = re.compile(
    r"^/content/(10\.1101/(?:\d{4}\.\d\d\.\d\d\.)?\d{6,})(?:v\d+)?(?:\.[a-z-]+)*/?$"
)
_DOI_PATH_FORMS = {
    # /article/10.1088/1367-2630/18/2/023023/meta (EPL: /article/10.1209/0295-5075/134/10002)
    "iopscience.iop.org": re.compile(
        r"^/article/(10\.\d{4,9}/.+?)(?:/(?:meta|pdf|ampdf|epub|fulltext|references|cites|data))?/?$"
    ),
    # /content/10.1101/2020.06.02.129270v2.full.pdf: version and view are no part of the DOI
    "biorxiv.org": _RXIV_CONTENT,
    "medrxiv.org": _RXIV_CONTENT,
}


def is_void(url: str) -> bool:
    """True for links that mean "no link": empty, ``#``, ``javascript:void()`` in any spelling.

    The catalog writes missing links as ``http://javascript:void()``; treating them as URLs would
    put a dead link into every bibliography.
    """
    text = (url or "").strip()
    return text in ("", "#") or bool(_VOID.match(text))


# "DOI: 10.1207/s1532", "doi:10.1145/3.4": a DOI written out in the text, not part of a URL
# (nor of a longer number); it ends before the punctuation that closes its sentence
_WRITTEN_DOI = re.compile(r"(?<![\w/.%-])10\.\d{4,9}(?:\.\d+)*/[^\s<>\"'\]]*[^\s<>\"'\]).,;:]")


def written_dois(text: str) -> list[str]:
    """DOIs written out as plain text (``DOI: 10.1207/s15327051hci0104_2``), as written: a
    reference list gives its identifier that way as often as a link to doi.org."""
    return [match.group(0) for match in _WRITTEN_DOI.finditer(text or "")]


# "arXiv:1710.02569", "arXiv preprint arXiv:1710.02569v2": an arXiv id written out after its
# scheme name, as references cite a preprint
_WRITTEN_ARXIV = re.compile(
    rf"(?<![\w/])arxiv(?::\s?|\s)((?:{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?)(?![\w.]*\d)",
    re.IGNORECASE,
)
# "arXiv:1908. 00723": an id a PDF's line break split after its dot
_SPLIT_ARXIV = re.compile(r"(?<![\w/])(arxiv:\s?\d{4}\.)\s+(\d{4,5})(?!\d)", re.IGNORECASE)


def joined_arxiv(text: str) -> str:
    """The text with arXiv ids split after their dot (``arXiv:1908. 00723``) made whole."""
    return _SPLIT_ARXIV.sub(r"\1\2", text)


def written_arxiv_ids(text: str) -> list[str]:
    """arXiv ids written out as plain text (``arXiv:1710.02569``, ``Arxiv 2204.09888``), as
    written: a reference cites a preprint that way as often as it links arxiv.org."""
    return [match.group(1) for match in _WRITTEN_ARXIV.finditer(joined_arxiv(text or ""))]


def extract(url: str) -> list[str]:
    """Identifiers in one link, most specific first, without duplicates.

    Returns ``[]`` for void links and for links that carry no identifier (kept as plain URLs by
    the caller). Google Scholar redirect links are unwrapped first.
    """
    if is_void(url):
        return []
    found: list[str] = []
    for identifier in _extract(url.strip(), depth=0):
        if identifier not in found:
            found.append(identifier)
    return found


def _from_doi(doi: str) -> list[str]:
    """A DOI plus what it implies exactly (arXiv DataCite DOIs, ACL Anthology DOIs)."""
    if not _DOI.fullmatch(doi):
        return []
    canonical = _normalize_doi(doi, doi)
    found = [canonical]
    arxiv = _ARXIV_DOI.fullmatch(value(canonical))
    if arxiv:
        found.append("arxiv:" + arxiv.group(1))
    acl = _ACL_DOI.fullmatch(value(canonical))
    if acl and _ACL_PAPER.fullmatch(acl.group(1)):
        found.append("acl:" + _acl_case(acl.group(1)))
    return found


def _doi_in_path(path: str) -> str | None:
    match = _DOI_PREFIX_SEGMENT.search(path)
    if not match:
        return None
    doi, after = match.group(1), match.group(2)
    if doi.lower().startswith(_TWO_SEGMENT_DOI_PREFIXES):
        if not after:
            return None  # "10.1093/nar" alone is a journal, not a paper
        doi += "/" + after
    elif after and doi.lower().startswith(_VERSIONED_DOI_PREFIXES) and re.fullmatch(r"v\d+", after):
        doi += "/" + after
    doi = _PAGE_VIEW.sub("", doi)  # "10.1117/12.3011559.short": the page's view of it
    # A DOI never ends in a full stop or comma: one there closed the sentence the URL was in.
    return doi.rstrip(".,;") or None


def _extract(url: str, depth: int) -> list[str]:
    bare = re.sub(r"^doi:\s*", "", url, flags=re.IGNORECASE)
    if _WHOLE_DOI.fullmatch(bare):
        return _from_doi(bare)  # "[paper](10.1016/j.x.2022.09.005)": the DOI meant as its link
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        if not _BARE_HOST.match(url):
            return []
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    path = unquote(parts.path)
    query = parse_qs(parts.query)

    # Redirects (Google Scholar, Google, Zhihu's outbound links): the target is a
    # percent-encoded parameter.
    redirect = _REDIRECT_KEYS.get(host) or (
        ("url", "q") if host.startswith(("scholar.google.", "google.")) else None
    )
    if redirect and depth < 2:
        for key in redirect:
            if key in query:
                return _extract(query[key][0].strip(), depth + 1)
        return []

    if re.fullmatch(r"10\.\d{4,9}", host) and len(path) > 1:  # "https://10.1145/3299869.3300065"
        return _from_doi(host + path.rstrip("/"))  # a DOI typed where its address goes

    if host in _DOI_HOSTS:  # "doi.org/doi.org/10.x/y": the host pasted twice
        return _from_doi(_DOI_URL_PREFIX.sub("", path.lstrip("/")).rstrip("/"))

    if host in _ARXIV_HOSTS:
        match = _ARXIV_PATH.match(path)
        return [_normalize_arxiv(match.group(1), url)] if match else []

    if host in _ARXIV_PAGE_HOSTS:
        match = _ARXIV_PAGE_PATH.match(path)
        return [_normalize_arxiv(match.group(1), url)] if match else []

    if host in _ACL_HOSTS:
        return _acl_from_path(path, parts.fragment)

    if host == "papers.cool":  # Cool Papers: "/arxiv/ID", "/venue/2024.findings-emnlp.266"
        match = _COOL_PATH.match(path)
        if match and match.group(1).lower() == "arxiv":
            return _extract("https://arxiv.org/abs/" + match.group(2), depth + 1)
        if match and _ACL_PAPER.fullmatch(match.group(2)):
            return ["acl:" + _acl_case(match.group(2))]
        return []

    if host == "openreview.net":
        if path.rstrip("/") in ("/forum", "/pdf", "/attachment", "/revisions") and "id" in query:
            note = query["id"][0].rstrip("/")  # "?id=v1f6c7wVBm/": a slash typed after it
            return ["openreview:" + note] if _OPENREVIEW_ID.fullmatch(note) else []
        match = _OPENREVIEW_PDF_PATH.match(path)
        return ["openreview-pdf:" + match.group(1).lower()] if match else []

    if host in _NEURIPS_HOSTS:
        match = _NEURIPS_PATH.match(path)
        return [f"neurips:{match.group(1)}/{match.group(2).lower()}"] if match else []

    if host == "proceedings.mlr.press":
        match = _PMLR_PATH.match(path)
        return [f"pmlr:{match.group(1).lower()}/{match.group(2).lower()}"] if match else []

    if host in _PMC_HOSTS:
        match = _PMC_PATH.match(path)
        return ["pmc:" + match.group(1).upper()] if match else []

    if host == "ieeexplore.ieee.org":
        numbers = query.get("arnumber")
        if numbers and _DIGITS.fullmatch(numbers[0]):
            return [f"ieee:{int(numbers[0])}"]
        match = _IEEE_DOCUMENT_PATH.search(path)
        return [f"ieee:{int(match.group(1))}"] if match else []

    if host == "ojs.aaai.org":
        match = _AAAI_PATH.match(path)
        return [f"aaai:{int(match.group(1))}"] if match else []

    if host in _ACM_HOSTS and path.rstrip("/") == "/citation.cfm":
        # ACM's old pages: "citation.cfm?doid=1559845.1559874" is DOI 10.1145/1559845.1559874
        # ("citation.cfm?doi=10.x/y" is read below with the other query DOIs)
        doid = (query.get("doid") or [""])[0].strip()
        if _ACM_DOID.fullmatch(doid):
            return _from_doi("10.1145/" + doid)

    if host in _DOI_PATH_FORMS:
        match = _DOI_PATH_FORMS[host].match(path)
        return _from_doi(match.group(1)) if match else []

    # Publisher pages with the DOI as a path segment: "/doi/10.x/..." on any (Atypon) host, and
    # on any host a segment that opens a DOI ("/Article-Title/10.1117/12.3011559.short")
    path = _SESSION.sub("", path)
    if host in _DOI_PATH_HOSTS or host.endswith(_DOI_PATH_DOMAINS) or "/doi/" in path:
        doi = _doi_in_path(path)
        if doi:
            return _from_doi(doi)
    elif segment := _DOI_SEGMENT.search(path):
        # on a host whose paths this module does not know, the DOI runs to the end of the
        # path ("/10.1214/aoms/1177729586.full"), less the page's view of it
        doi = _PAGE_VIEW.sub("", _VIEW_SEGMENTS.sub("", path[segment.start() + 1 :]))
        return _from_doi(doi.rstrip(".,;/"))

    for key in _DOI_QUERY_KEYS:
        values = query.get(key) or []
        if values and _WHOLE_DOI.fullmatch(values[0].strip()):
            return _from_doi(values[0].strip())
    return []


def _acl_from_path(path: str, fragment: str) -> list[str]:
    volume_page = _ACL_VOLUME_PAGE.match(path)
    if volume_page and _ACL_VOLUME.fullmatch(volume_page.group(1)):
        return ["acl-volume:" + _acl_case(volume_page.group(1))]
    match = _ACL_PATH.match(path)
    if not match:
        return []
    anthology_id = match.group(1)
    if _ACL_PAPER.fullmatch(anthology_id):
        return ["acl:" + _acl_case(anthology_id)]
    if re.fullmatch(f"{_ACL_NEW_VOLUME}|{_ACL_OLD_VOLUME}", anthology_id, re.IGNORECASE):
        page = re.fullmatch(r"page=(\d+)", fragment or "")
        suffix = f"#page={int(page.group(1))}" if page else ""
        return [f"acl-volume:{_acl_case(anthology_id)}{suffix}"]
    return []
