"""Paper identifiers found in links, normalised once so the rest of delbib compares with ``==``.

An identifier is a plain string ``scheme:value``; the value is in one canonical spelling, so two
links to the same paper (``arxiv.org/abs/2401.01335v2`` and ``export.arxiv.org/pdf/2401.01335.pdf``)
give the same string. Schemes, most preferred first when a paper has several:

- ``doi:10.1145/3626772.3657807``: doi.org, publisher ``/doi/`` paths (ACM, Wiley, Taylor &
  Francis, MIT Press, TechRxiv), Springer ``/chapter/``, ``/article/``, ``/content/pdf/``,
  APS ``/<journal>/abstract/``, IOP and EPL ``/article/`` (DOIs with slashes of their own:
  ``10.1088/1367-2630/18/2/023023``), bioRxiv and medRxiv ``/content/``, BMC and Frontiers
  ``/articles/``, a whole DOI as a ``?id=`` or ``?doi=`` value (PLOS); OUP and Hindawi DOIs
  always hold two suffix segments (``10.1093/nar/gkad055``), so both are taken from a path
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

from delbib.identifiers.canonical import normalize, url_for
from delbib.identifiers.links import extract, is_void, written_arxiv_ids, written_dois
from delbib.identifiers.schemes import SCHEMES, scheme, value

__all__ = [
    "SCHEMES",
    "extract",
    "is_void",
    "normalize",
    "scheme",
    "url_for",
    "value",
    "written_arxiv_ids",
    "written_dois",
]
