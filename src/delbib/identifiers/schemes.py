"""Each scheme's value syntax and its one canonical spelling: a validator per scheme that
says, in one line naming the value, what a good one looks like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from delbib.errors import IdentifierError

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
_DOI_PREFIX_SEGMENT = re.compile(
    r"(?:^|/)(10\.\d{1,9}(?:\.\d+)*/[^/]+)(?:/([^/]+))?", re.IGNORECASE
)
_VERSIONED_DOI_PREFIXES = ("10.36227/", "10.22541/")  # TechRxiv, Authorea: DOIs end in /vN
# Registrants whose DOIs always hold two suffix segments, so a URL path's next segment is part
# of the DOI: Oxford University Press (10.1093/nar/gkad055: journal, article) and Hindawi
# (10.1155/2007/82174: year, article). On their pages a further segment is the page's own.
_TWO_SEGMENT_DOI_PREFIXES = ("10.1093/", "10.1155/")
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


def scheme(identifier: str) -> str:
    """The scheme of ``scheme:value`` (``"doi"``, ``"arxiv"``, ...)."""
    return _split(identifier)[0]


def value(identifier: str) -> str:
    """The part after the first colon: what the scheme's own services expect."""
    return _split(identifier)[1]


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
