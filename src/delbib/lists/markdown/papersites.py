"""Addresses of one paper's own page: the hosts of scholarly indexes, archives and
publishers, and the paths under which a site files one article (not its journal's page,
its listing or its search).

``link_kind`` asks here after identifiers: a page whose address holds no DOI or arXiv id is
still a paper when a person would read the address as one article's.
"""

from __future__ import annotations

import re

_PAPER_HOSTS = (
    "researchgate.net",
    "semanticscholar.org",
    "ssrn.com",
    "biorxiv.org",
    "medrxiv.org",
    "hal.science",
    "sciencedirect.com",
    "nature.com",
    "science.org",
    "dl.acm.org",
    "portal.acm.org",  # the ACM library's old name
    "aclweb.org",
    "papers.nips.cc",
    "proceedings.neurips.cc",
    "proceedings.iclr.cc",  # the same site as NeurIPS', one page per paper
    "jmlr.org",
    "openaccess.thecvf.com",
    "ecva.net",
    "ijcai.org",
    "usenix.org",
    "vldb.org",
    "mlsys.org",
    "techrxiv.org",
    # indexes and archives whose every page is one paper's record
    "pubmed.ncbi.nlm.nih.gov",
    "europepmc.org",
    "adsabs.harvard.edu",
    "citeseerx.ist.psu.edu",
    "isca-speech.org",
    "isca-archive.org",
    "roboticsproceedings.org",
    "drops.dagstuhl.de",
    "escholarship.org",
    "psyarxiv.com",
    "chemrxiv.org",
    "projecteuclid.org",
    "ideas.repec.org",
    "peerj.com",
    "elifesciences.org",
)
# Publishers whose article pages hold no DOI ("academic.oup.com/qje/article/138/1/1/6750017",
# "jstor.org/stable/2235829"); their journals' own pages are not papers
_ARTICLE_HOSTS = (
    *("jstor.org", "academic.oup.com", "cambridge.org", "pnas.org", "cell.com", "aaai.org"),
    *("thelancet.com", "jamanetwork.com", "bmj.com", "ncbi.nlm.nih.gov", "osf.io"),
    *("cshlp.org", "mdpi.com"),
)
# "/fullarticle/2588763", "/pubmed/30726870", "/paper/view/14806",
# "/preprints/psyarxiv/x", "/content/29/11/1915", mdpi's "/2076-3417/13/14/8122" (an ISSN)
_ARTICLE_PATH = re.compile(
    r"/(?:article|articles|stable|doi|fulltext|chapter|fullarticle|pubmed|paper|preprints"
    r"|content)/|^/\d{4}-\d{3}[\dx]/\d+/",
    re.I,
)
# ".../papers/2020/file/x.pdf" is a paper; ".../papers/?author=X" is a listing page
_PAPERS_PATH = re.compile(r"/papers/[^/]")
# A conference's page for one accepted paper (NeurIPS, ICML, ICLR, CVPR run the same site):
# "neurips.cc/virtual/2024/poster/95598"; its tutorials and workshops are not papers
_CONFERENCE_PAPER_PATH = re.compile(r"^/virtual/(?:19|20)\d{2}/(?:poster|oral|spotlight)/\d+/?$")
# A digital library's page for one article, filed under its venue and year:
# "computer.org/csdl/proceedings-article/sp/2025/2236/x", "/csdl/journal/tp/2024/01/x";
# "/csdl/journal/td" (a journal's own page) is not one
_LIBRARY_ARTICLE_PATH = re.compile(
    r"^/csdl/(?:proceedings-article|journal|magazine)/[^/]+/(?:19|20)\d{2}/[^/]+"
)
# "viewdoc/download?doi=10.1.1.1.1&type=pdf", "getfile?format=pdf": a PDF its query names
_PDF_QUERY = re.compile(r"(?:^|&)(?:type|format|ext|filetype)=pdf(?:&|$)", re.IGNORECASE)


# "scholar.google.com/scholar?cluster=1146...": Google Scholar's entry for one paper's versions
_SCHOLAR_CLUSTER = re.compile(r"(?:^|&)cluster=\d+")


def is_paper_page(host: str, path: str, query: str) -> bool:
    """The address (host without ``www.``, path in lower case, query) shows one paper."""
    return bool(
        _PDF_QUERY.search(query)
        or host.startswith("scholar.google.")
        and _SCHOLAR_CLUSTER.search(query)
        or host.endswith(_PAPER_HOSTS)
        or host.endswith(_ARTICLE_HOSTS)
        and _ARTICLE_PATH.search(path)
        or _PAPERS_PATH.search(path)
        or _CONFERENCE_PAPER_PATH.match(path)
        or _LIBRARY_ARTICLE_PATH.match(path)
    )


# "/slides/16.%20Talk.pdf", "/talks/owl.pdf", "owl-slides.pdf": a talk's slides, though a
# PDF (a conference's "/poster/95598" page is a paper's)
_TALK_FILE = re.compile(r"/(?:slides?|talks?)/|[-_/]slides?[-_.]")


def is_talk_file(path: str) -> bool:
    """The path (in lower case) files a talk's slides, not a paper."""
    return bool(_TALK_FILE.search(path))
