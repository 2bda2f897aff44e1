"""Any spelling a person writes (a ``scheme:value`` in any case, a link, a bare DOI, arXiv or
PMC id) -> the canonical identifier, and an identifier -> its landing page.
"""

from __future__ import annotations

from urllib.parse import quote

from delbib.errors import IdentifierError
from delbib.identifiers.links import _BARE_HOST, extract
from delbib.identifiers.schemes import (
    _ARXIV_ID,
    _DOI,
    _DOI_URL_PREFIX,
    _NORMALIZERS,
    _PMC_BARE,
    _SCHEME_PREFIX,
    SCHEMES,
    _normalize_arxiv,
    _normalize_doi,
    _split,
)


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
