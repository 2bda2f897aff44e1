"""Paper identifiers found in links, normalised once so the rest of delbib compares with ``==``.

An identifier is a plain string ``scheme:value``; the value is in one canonical spelling, so two
links to the same paper (``arxiv.org/abs/2401.01335v2`` and ``export.arxiv.org/pdf/2401.01335.pdf``)
give the same string. Schemes, most preferred first when a paper has several:

- ``doi:10.1145/3626772.3657807``: doi.org, publisher ``/doi/`` paths (ACM, Wiley, Taylor &
  Francis, MIT Press, TechRxiv), Springer ``/chapter/``, ``/article/``, ``/content/pdf/``,
  APS ``/<journal>/abstract/``, IOP and EPL ``/article/`` (DOIs with slashes of their own:
  ``10.1088/1367-2630/18/2/023023``), bioRxiv and medRxiv ``/content/``
- ``acl:2024.naacl-long.421``, ``acl:P19-1001``: aclanthology.org (and ACL DOIs 10.18653/v1/...)
- ``openreview:wcSx5VjTPP``: openreview.net ``forum?id=``, ``pdf?id=``, ``attachment?id=``
- ``arxiv:2311.13246``, ``arxiv:cs/0601001``: arxiv.org (also export., browse., ar5iv mirrors),
  huggingface.co/papers/ID, alphaxiv.org/abs/ID, arXiv DataCite DOIs
- ``pmlr:v225/goel23a``: proceedings.mlr.press
- ``neurips:2023/fa3ed726cc5073b9c31e3e49a807789c``: proceedings.neurips.cc, papers.nips.cc
- ``aaai:30178``: ojs.aaai.org, AAAI journal (article id, not the galley file id)
- ``ieee:10683735``: ieeexplore.ieee.org arnumber
- ``pmc:PMC11141838``: PubMed Central
- ``openreview-pdf:<40 hex>``: openreview.net/pdf/<hash>.pdf (a PDF content hash)
- ``acl-volume:2024.trac-1#page=49``: a whole-volume Anthology PDF (not a paper)

Decisions worth knowing:

- DOIs are lowercased (they are case-insensitive) and, when taken from a URL, percent-decoded and
  cut at the DOI: query strings (``?casa_token=``), ``.pdf`` and trailing publisher path parts go.
  A bioRxiv ``v2`` and ``.full.pdf`` and an IOP ``/meta`` or ``/pdf`` are views of the paper,
  not part of its DOI. TechRxiv DOIs are versioned: ``/v1`` is part of the registered DOI
  (``10.36227/techrxiv.171665607.76504195/v1``), so it is kept.
- arXiv ids lose their version (``v2``): the catalog cites the paper, not a revision. Old-style
  ids lose the subject class (``math.GT/0309136`` -> ``math/0309136``), as arXiv itself does.
- ``openreview.net/pdf/<40 hex>.pdf`` names a PDF by content hash, not a note: it gets its own
  ``openreview-pdf`` scheme so nobody queries the OpenReview API with it as a note id.
- ``aclanthology.org/2024.trac-1.pdf#page=49`` is a whole proceedings volume. It is not a paper
  id, so it gets ``acl-volume:2024.trac-1#page=49``: the page stays in the value (mirroring the
  PDF ``#page=`` anchor) so that two papers of one volume never compare equal, and
  ``url_for`` can send a reader to the right page.
- NeurIPS ids are ``YEAR/HASH``; the track (main, Datasets and Benchmarks) is not part of the
  paper's identity, so ``url_for`` can only build the abstract page where the URL does not
  depend on it (up to 2021).
- Links that carry no identifier we trust (ResearchGate, HAL, SSRN, preprints.org, ProQuest, NSF
  PAR, homepages, third-party arXiv copies) give ``[]``; the caller keeps them as plain URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, quote, unquote, urlsplit

from delbib.errors import IdentifierError

__all__ = ["SCHEMES", "extract", "is_void", "normalize", "scheme", "url_for", "value"]

SCHEMES: tuple[str, ...] = (
    "doi",
    "acl",
    "openreview",
    "arxiv",
    "pmlr",
    "neurips",
    "aaai",
    "ieee",
    "pmc",
    "openreview-pdf",
    "acl-volume",
)

# --- value syntax (anchored, used by normalize and by the URL rules) ---------------------------

_DOI = re.compile(r"10\.\d{1,9}(?:\.\d+)*/\S+")
_DOI_PREFIX_SEGMENT = re.compile(r"(?:^|/)(10\.\d{1,9}(?:\.\d+)*/[^/]+)(?:/(v\d+))?", re.IGNORECASE)
_VERSIONED_DOI_PREFIXES = ("10.36227/", "10.22541/")  # TechRxiv, Authorea: DOIs end in /vN
_DOI_URL_PREFIX = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_ACL_DOI = re.compile(r"10\.18653/v1/(.+)", re.IGNORECASE)

_ARXIV_NEW = r"\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}"
_ARXIV_OLD = r"[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d{2}(?:0[1-9]|1[0-2])\d{3}"
_ARXIV_ID = re.compile(rf"({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?", re.IGNORECASE)

_ACL_NEW_PAPER = r"\d{4}\.[a-z\d]+(?:-[a-z\d]+)*\.\d+"
_ACL_OLD_PAPER = r"[a-z]\d{2}-\d{4}"
_ACL_PAPER = re.compile(rf"({_ACL_NEW_PAPER}|{_ACL_OLD_PAPER})", re.IGNORECASE)
_ACL_NEW_VOLUME = r"\d{4}\.[a-z\d]+(?:-[a-z\d]+)*"
_ACL_OLD_VOLUME = r"[a-z]\d{2}-\d{1,2}"
_ACL_VOLUME = re.compile(rf"({_ACL_NEW_VOLUME}|{_ACL_OLD_VOLUME})(?:#page=(\d+))?", re.IGNORECASE)

_OPENREVIEW_ID = re.compile(r"[A-Za-z0-9_-]{6,32}")
_HEX40 = re.compile(r"[0-9a-f]{40}", re.IGNORECASE)
_NEURIPS = re.compile(r"((?:19|20)\d{2})/([0-9a-f]{32})", re.IGNORECASE)
_PMLR = re.compile(r"(v\d+|r\d+)/([a-z0-9][a-z0-9_-]*)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PMC = re.compile(r"(?:pmc)?(\d+)", re.IGNORECASE)
_PMC_BARE = re.compile(r"pmc\d+", re.IGNORECASE)
_SCHEME_PREFIX = re.compile(r"^([a-z][a-z-]*)\s*:(?!//)(.*)$", re.IGNORECASE | re.DOTALL)

# --- URL shapes --------------------------------------------------------------------------------

# After a ".pdf" that ends the id, a tail pasted on with "&" or a space (".pdf&embed",
# ".pdf (http://arxiv.org/pdf/...)") is a typing slip, not part of the address.
_ARXIV_PATH = re.compile(
    rf"^/(?:abs|pdf|html|ps|format)/({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf(?:[&\s].*)?)?/?$",
    re.IGNORECASE | re.DOTALL,
)
_ACL_PATH = re.compile(
    r"^/(?:anthology/)?([^/]+?)(?:v\d+)?(?:\.pdf|\.bib|\.xml)?/?$", re.IGNORECASE
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
)
# Pages named by an arXiv id under another path: huggingface.co/papers/ID, alphaxiv.org/abs/ID.
_ARXIV_PAGE_PATH = re.compile(
    rf"^/(?:papers|abs|overview)/({_ARXIV_NEW})(?:v\d+)?/?$", re.IGNORECASE
)
_ARXIV_PAGE_HOSTS = frozenset({"huggingface.co", "alphaxiv.org"})
_ACL_HOSTS = frozenset({"aclanthology.org", "aclweb.org"})
_NEURIPS_HOSTS = frozenset({"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"})
_PMC_HOSTS = frozenset({"pmc.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov"})
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
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
    }
)
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


# --- public API --------------------------------------------------------------------------------


def is_void(url: str) -> bool:
    """True for links that mean "no link": empty, ``#``, ``javascript:void()`` in any spelling.

    The catalog writes missing links as ``http://javascript:void()``; treating them as URLs would
    put a dead link into every bibliography.
    """
    text = (url or "").strip()
    return text in ("", "#") or bool(_VOID.match(text))


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


def scheme(identifier: str) -> str:
    """The scheme of ``scheme:value`` (``"doi"``, ``"arxiv"``, ...)."""
    return _split(identifier)[0]


def value(identifier: str) -> str:
    """The part after the first colon: what the scheme's own services expect."""
    return _split(identifier)[1]


def normalize(identifier: str) -> str:
    """Validate a hand-written identifier and return its canonical ``scheme:value`` form.

    Accepts any case of the scheme (``DOI:``, ``arXiv:``), ``doi.org`` and other supported URLs,
    bare DOIs (``10.1/x``), bare arXiv ids (``2401.01335v2``) and bare PMC ids, so catalog authors
    can paste what they have. Raises ``IdentifierError`` naming the bad value otherwise.
    """
    text = (identifier or "").strip()
    if not text:
        raise IdentifierError("empty identifier", field="identifier")
    prefixed = _SCHEME_PREFIX.match(text)
    if prefixed and prefixed.group(1).lower() in _NORMALIZERS:
        val = prefixed.group(2).strip()
        if not val:
            raise IdentifierError(
                f"{text!r} has no value after '{prefixed.group(1)}:'", field="identifier"
            )
        return _NORMALIZERS[prefixed.group(1).lower()](val, text)
    if _DOI.fullmatch(text):
        return _normalize_doi(text, text)
    if "://" in text:
        return _normalize_link(text)
    if _ARXIV_ID.fullmatch(text):
        return _normalize_arxiv(text, text)
    if _PMC_BARE.fullmatch(text):
        return "pmc:" + text.upper()
    if _BARE_HOST.match(text):
        return _normalize_link(text)
    if prefixed:
        raise IdentifierError(
            f"unknown identifier scheme {prefixed.group(1)!r} in {text!r}; known schemes: "
            f"{', '.join(SCHEMES)}",
            field="identifier",
        )
    raise IdentifierError(
        f"{text!r} is not an identifier: write 'scheme:value' with a scheme among "
        f"{', '.join(SCHEMES)} (e.g. 'doi:10.1145/3626772.3657807')",
        field="identifier",
    )


def url_for(identifier: str) -> str | None:
    """The canonical landing page for an identifier, or None where it cannot be derived.

    Used for the ``url`` field of exported entries, so it points at the paper's page rather than
    at whatever mirror or PDF the catalog happened to link.
    """
    canonical = normalize(identifier)
    name, val = _split(canonical)
    if name == "doi":
        return "https://doi.org/" + quote(val, safe="/:;()")
    if name == "arxiv":
        return f"https://arxiv.org/abs/{val}"
    if name == "acl":
        return f"https://aclanthology.org/{val}/"
    if name == "acl-volume":
        volume, _, page = val.partition("#page=")
        if page:
            return f"https://aclanthology.org/{volume}.pdf#page={page}"
        return f"https://aclanthology.org/volumes/{volume}/"
    if name == "openreview":
        return f"https://openreview.net/forum?id={val}"
    if name == "openreview-pdf":
        return f"https://openreview.net/pdf/{val}.pdf"
    if name == "neurips":
        year, paper_hash = val.split("/")
        if int(year) <= 2021:
            return (
                f"https://proceedings.neurips.cc/paper_files/paper/{year}/hash/"
                f"{paper_hash}-Abstract.html"
            )
        return None  # from 2022 the page name depends on the track, which the id does not hold
    if name == "pmlr":
        return f"https://proceedings.mlr.press/{val}.html"
    if name == "pmc":
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{val}/"
    if name == "ieee":
        return f"https://ieeexplore.ieee.org/document/{val}"
    if name == "aaai":
        return f"https://ojs.aaai.org/index.php/AAAI/article/view/{val}"
    return None  # pragma: no cover - every scheme in SCHEMES is handled above


# --- helpers -----------------------------------------------------------------------------------


def _normalize_link(text: str) -> str:
    if _DOI_URL_PREFIX.match(text):
        return _normalize_doi(text, text)
    found = extract(text)
    if not found:
        raise IdentifierError(
            f"{text!r} is a link, not an identifier, and no identifier could be read from it; "
            "write e.g. 'doi:10.1145/3626772.3657807' or 'arxiv:2401.01335'",
            field="identifier",
        )
    return found[0]


def _split(identifier: str) -> tuple[str, str]:
    name, sep, val = (identifier or "").partition(":")
    if not sep or not name or not val:
        raise IdentifierError(
            f"{identifier!r} is not a 'scheme:value' identifier", field="identifier"
        )
    return name, val


def _bad(kind: str, val: str, original: str, example: str) -> IdentifierError:
    shown = repr(original) if original == val else f"{val!r} (in {original!r})"
    return IdentifierError(
        f"not a valid {kind}: {shown}; expected e.g. {example}", field="identifier"
    )


def _normalize_doi(val: str, original: str) -> str:
    val = val.strip()
    if _DOI_URL_PREFIX.match(val):  # a doi.org link: its path is percent-encoded
        val = unquote(_DOI_URL_PREFIX.sub("", val).split("?")[0].split("#")[0])
    if not _DOI.fullmatch(val):
        raise _bad("DOI", val, original, "'10.1145/3626772.3657807'")
    val = val.lower()
    arxiv = _ARXIV_DOI.fullmatch(val)
    if arxiv and _ARXIV_ID.fullmatch(arxiv.group(1)):  # arXiv DOIs name the unversioned paper
        val = "10.48550/arxiv." + _normalize_arxiv(arxiv.group(1), original)[len("arxiv:") :]
    return "doi:" + val


def _normalize_arxiv(val: str, original: str) -> str:
    val = val.strip()
    if val.lower().startswith("arxiv:"):
        val = val[6:]
    match = _ARXIV_ID.fullmatch(val)
    if not match:
        raise _bad("arXiv id", val, original, "'2401.01335' or 'cs/0601001'")
    arxiv_id = match.group(1).lower()
    if "/" in arxiv_id:
        archive, number = arxiv_id.split("/")
        arxiv_id = archive.split(".")[0] + "/" + number  # drop the subject class
    return "arxiv:" + arxiv_id


def _normalize_acl(val: str, original: str) -> str:
    match = _ACL_PAPER.fullmatch(val)
    if not match:
        raise _bad("ACL Anthology paper id", val, original, "'2024.naacl-long.421' or 'P19-1001'")
    return "acl:" + _acl_case(val)


def _normalize_acl_volume(val: str, original: str) -> str:
    match = _ACL_VOLUME.fullmatch(val)
    if not match or _ACL_PAPER.fullmatch(match.group(1)):
        raise _bad(
            "ACL Anthology volume id", val, original, "'2024.trac-1' or '2024.trac-1#page=49'"
        )
    page = f"#page={int(match.group(2))}" if match.group(2) else ""
    return "acl-volume:" + _acl_case(match.group(1)) + page


def _acl_case(anthology_id: str) -> str:
    # New-style ids are lowercase; old-style ids start with an uppercase venue letter.
    if anthology_id[:1].isalpha():
        return anthology_id.upper()
    return anthology_id.lower()


def _normalize_openreview(val: str, original: str) -> str:
    if not _OPENREVIEW_ID.fullmatch(val):
        raise _bad("OpenReview note id", val, original, "'wcSx5VjTPP'")
    return "openreview:" + val  # note ids are case-sensitive


def _normalize_openreview_pdf(val: str, original: str) -> str:
    if not _HEX40.fullmatch(val):
        raise _bad("OpenReview PDF hash (40 hex digits)", val, original, "'7b79429056d9...'")
    return "openreview-pdf:" + val.lower()


def _normalize_neurips(val: str, original: str) -> str:
    if not _NEURIPS.fullmatch(val):
        raise _bad("NeurIPS id", val, original, "'2023/fa3ed726cc5073b9c31e3e49a807789c'")
    return "neurips:" + val.lower()


def _normalize_pmlr(val: str, original: str) -> str:
    if not _PMLR.fullmatch(val):
        raise _bad("PMLR id", val, original, "'v225/goel23a'")
    return "pmlr:" + val.lower()


def _normalize_pmc(val: str, original: str) -> str:
    match = _PMC.fullmatch(val)
    if not match:
        raise _bad("PubMed Central id", val, original, "'PMC11141838'")
    return "pmc:PMC" + match.group(1)


def _digits(kind: str, label: str, example: str) -> Callable[[str, str], str]:
    def normalizer(val: str, original: str) -> str:
        if not _DIGITS.fullmatch(val):
            raise _bad(label, val, original, example)
        return f"{kind}:{int(val)}"

    return normalizer


_NORMALIZERS = {
    "doi": _normalize_doi,
    "arxiv": _normalize_arxiv,
    "acl": _normalize_acl,
    "acl-volume": _normalize_acl_volume,
    "openreview": _normalize_openreview,
    "openreview-pdf": _normalize_openreview_pdf,
    "neurips": _normalize_neurips,
    "pmlr": _normalize_pmlr,
    "pmc": _normalize_pmc,
    "ieee": _digits("ieee", "IEEE Xplore document number", "'10683735'"),
    "aaai": _digits("aaai", "AAAI OJS article number", "'30178'"),
}


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
    doi = match.group(1)
    if doi.lower().endswith(".pdf"):
        doi = doi[:-4]
    if match.group(2) and doi.lower().startswith(_VERSIONED_DOI_PREFIXES):
        doi += "/" + match.group(2)
    return doi


def _extract(url: str, depth: int) -> list[str]:
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

    # Google Scholar (and plain Google) redirects: the target is a percent-encoded parameter.
    if (host.startswith("scholar.google.") or host.startswith("google.")) and depth < 2:
        for key in ("url", "q"):
            if key in query:
                return _extract(query[key][0].strip(), depth + 1)
        return []

    if host in _DOI_HOSTS:
        return _from_doi(path.lstrip("/").rstrip("/"))

    if host in _ARXIV_HOSTS:
        match = _ARXIV_PATH.match(path)
        return [_normalize_arxiv(match.group(1), url)] if match else []

    if host in _ARXIV_PAGE_HOSTS:
        match = _ARXIV_PAGE_PATH.match(path)
        return [_normalize_arxiv(match.group(1), url)] if match else []

    if host in _ACL_HOSTS:
        return _acl_from_path(path, parts.fragment)

    if host == "openreview.net":
        if path.rstrip("/") in ("/forum", "/pdf", "/attachment", "/revisions") and "id" in query:
            note = query["id"][0]
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

    if host in _DOI_PATH_FORMS:
        match = _DOI_PATH_FORMS[host].match(path)
        return _from_doi(match.group(1)) if match else []

    # Publisher pages with the DOI as a path segment; "/doi/10.x/..." on any (Atypon) host.
    if host in _DOI_PATH_HOSTS or "/doi/" in path:
        doi = _doi_in_path(path)
        return _from_doi(doi) if doi else []

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
