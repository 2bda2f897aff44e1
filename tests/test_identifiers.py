"""Tests for delbib.identifiers: every link form of the catalog source list, normalisation, URLs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delbib import identifiers
from delbib.errors import IdentifierError
from delbib.identifiers import SCHEMES, extract, is_void, normalize, scheme, url_for, value

SOURCE = Path(__file__).parents[1] / "catalog/source"
LIST_FILE = SOURCE / "Awesome-Data-Efficient-LLM.md"
REFERENCE_FILE = SOURCE / "catalog-reference.jsonl"

# --- every link form in the list (real URLs from it), plus the neighbouring forms ------------

LINK_CASES: list[tuple[str, list[str]]] = [
    # ACM, with and without the casa_token access parameter
    (
        "https://dl.acm.org/doi/pdf/10.1145/3626772.3657807?casa_token=yBnSImHcfyQAAAAA:"
        "eWCsuzaFE7kyRdOaAbg-bJKWyOVb_FAeWQAy1IhHgJkmO06ZunEZVBGvMAjpSoVIVEiYYXrHtY1h",
        ["doi:10.1145/3626772.3657807"],
    ),
    ("https://dl.acm.org/doi/pdf/10.1145/3700791", ["doi:10.1145/3700791"]),
    ("https://dl.acm.org/doi/abs/10.1145/3583780.3615017", ["doi:10.1145/3583780.3615017"]),
    ("https://dl.acm.org/doi/10.1145/3640457.3688118", ["doi:10.1145/3640457.3688118"]),
    # Google Scholar redirects wrapping ACM PDFs; the wrapped casa_token must not leak
    (
        "https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/"
        "10.14778/3685800.3685838%3Fcasa_token%3DRMVy-w25l38AAAAA:yn4hHsCOdVNfvCfv3LTy3eSrygxKhbj"
        "jVJHJA5PoYDD1vUfujE-pbQPmlEuY5Bb_ERqunv3Ok8WI&hl=zh-CN&sa=T&oi=ucasa&ct=ucasa"
        "&ei=XOSlZ7_jK_imieoPuuv_sAc&scisig=AFWwaeZJEXSXgDXztN3ukyA9rymL",
        ["doi:10.14778/3685800.3685838"],
    ),
    (
        "https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/"
        "10.1145/3613904.3641960%3Fcasa_token%3DTtIknMAB90wAAAAA:8yWnA2jAO1nC_Wm74CPD6CbulryGNXIq"
        "DZlk_AKXdDpd6-_8Qjs46GxS16AteD-aHO4lh1RLOfVd&hl=zh-CN&sa=T&oi=ucasa&ct=ucasa"
        "&ei=48ylZ5fIC_imieoPuuv_sAc&scisig=AFWwaebyeTz3TQe59tkeXaqGtes4",
        ["doi:10.1145/3613904.3641960"],
    ),
    (
        "https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/"
        "10.1145/3640543.3645174%3Fcasa_token%3DrTvCJHldxaIAAAAA:EkyKK8cg-ThvigqVeNHKeP61fhP7dkXY"
        "iSiGTZc4_7qerQLRSw4XC-VKXJuCZfTwFScWnwqTLDAi&hl=zh-CN&sa=T&oi=ucasa&ct=ucasa"
        "&ei=6tWlZ-KQEdabieoPjsC_yAM&scisig=AFWwaeaxRVmRLGgPhYgQTwES9gJl",
        ["doi:10.1145/3640543.3645174"],
    ),
    # Wiley, Taylor & Francis, MIT Press, TechRxiv (versioned DOI, reference row 152)
    ("https://onlinelibrary.wiley.com/doi/pdf/10.1002/jrsm.1710", ["doi:10.1002/jrsm.1710"]),
    (
        "https://www.tandfonline.com/doi/epdf/10.1080/17452007.2025.2456768?needAccess=true",
        ["doi:10.1080/17452007.2025.2456768"],
    ),
    (
        "https://direct.mit.edu/coli/article-pdf/doi/10.1162/coli_a_00515/2348416/coli_a_00515.pdf",
        ["doi:10.1162/coli_a_00515"],
    ),
    (
        "https://www.techrxiv.org/doi/pdf/10.36227/techrxiv.171665607.76504195/v1",
        ["doi:10.36227/techrxiv.171665607.76504195/v1"],
    ),
    # Springer: chapter, content/pdf, article
    (
        "https://link.springer.com/chapter/10.1007/978-3-031-61057-8_31",
        ["doi:10.1007/978-3-031-61057-8_31"],
    ),
    (
        "https://link.springer.com/chapter/10.1007/978-981-97-5501-1_30",
        ["doi:10.1007/978-981-97-5501-1_30"],
    ),
    (
        "https://link.springer.com/content/pdf/10.1186/s40537-024-00928-3.pdf",
        ["doi:10.1186/s40537-024-00928-3"],
    ),
    (
        "https://link.springer.com/article/10.1186/s40537-024-00928-3",
        ["doi:10.1186/s40537-024-00928-3"],
    ),
    # APS: the DOI is one path segment after the journal and the view
    (
        "https://journals.aps.org/prx/abstract/10.1103/PhysRevX.11.041011",
        ["doi:10.1103/physrevx.11.041011"],
    ),
    (
        "https://journals.aps.org/prl/pdf/10.1103/PhysRevLett.119.180509",
        ["doi:10.1103/physrevlett.119.180509"],
    ),
    ("https://journals.aps.org/prx/", []),
    # IOP and EPL: DOIs with slashes of their own; /meta and /pdf are views
    (
        "https://iopscience.iop.org/article/10.1088/1367-2630/18/2/023023",
        ["doi:10.1088/1367-2630/18/2/023023"],
    ),
    (
        "https://iopscience.iop.org/article/10.1088/1367-2630/18/2/023023/meta",
        ["doi:10.1088/1367-2630/18/2/023023"],
    ),
    (
        "https://iopscience.iop.org/article/10.1088/1367-2630/18/2/023023/pdf",
        ["doi:10.1088/1367-2630/18/2/023023"],
    ),
    (
        "https://iopscience.iop.org/article/10.1209/0295-5075/134/10002",
        ["doi:10.1209/0295-5075/134/10002"],
    ),
    ("https://iopscience.iop.org/journal/1367-2630", []),
    # any publisher: a path segment that opens a DOI, the page's view and session left out
    (
        "https://www.owlpress.example/proceedings/12941/Owl-Title/10.1117/12.3011559.short#_=_",
        ["doi:10.1117/12.3011559"],
    ),
    (
        "https://journal.owls.example/articles/10.1186/s40537-018-0124-9.full.pdf",
        ["doi:10.1186/s40537-018-0124-9"],
    ),
    (
        "https://www.owls.example/OWL/doi/10.1007/s11432-022-3852-0;JSESSIONID=70b510e0-ae16",
        ["doi:10.1007/s11432-022-3852-0"],
    ),
    (  # the DOI runs to the end of the path on a host whose paths are not known
        "https://owlclid.example/journals/owls/volume-22/Owl-Method/10.1214/aoms/1177729586.full",
        ["doi:10.1214/aoms/1177729586"],
    ),
    ("https://owls.example/articles/10.1234/owl.5/full", ["doi:10.1234/owl.5"]),
    ("https://www.owls.example/v10.1117/page", []),  # not a segment that opens a DOI
    ("https://www.owls.example/10.5/owl", []),  # a registrant has four digits or more
    ("https://iopscience.iop.org/article/pdf", []),
    # bioRxiv: the version and the full-text view are not part of the DOI
    (
        "https://www.biorxiv.org/content/10.1101/2020.06.02.129270v2",
        ["doi:10.1101/2020.06.02.129270"],
    ),
    (
        "https://www.biorxiv.org/content/10.1101/2020.06.02.129270v2.full",
        ["doi:10.1101/2020.06.02.129270"],
    ),
    (
        "https://www.biorxiv.org/content/10.1101/2020.06.02.129270v1.full.pdf",
        ["doi:10.1101/2020.06.02.129270"],
    ),
    ("https://www.biorxiv.org/content/early/2020/06/03/2020.06.02.129270", []),
    ("https://www.biorxiv.org/about-biorxiv", []),
    # Publisher URLs carrying a DOI (invented articles). OUP and Hindawi DOIs hold two suffix
    # segments; the page's number or slug after them is not part of the DOI.
    (
        "https://academic.oup.com/nar/advance-article/doi/10.1093/nar/gkz999/6123456",
        ["doi:10.1093/nar/gkz999"],
    ),
    (
        "https://academic.oup.com/bioinformatics/article-abstract/doi/10.1093/bioinformatics/"
        "btq001/2345678/A-Made-Up-Title#1234",
        ["doi:10.1093/bioinformatics/btq001"],
    ),
    ("https://academic.oup.com/nar/article/doi/10.1093/nar", []),
    ("https://academic.oup.com/nar/article/51/W1/W9/7123456", []),  # no DOI in the URL
    ("https://link.springer.com/article/10.1155/2009/12345", ["doi:10.1155/2009/12345"]),
    # HighWire "/cgi/doi/": a full stop after the DOI closed the sentence
    ("https://www.genome.org/cgi/doi/10.1101/gr.123456.119.", ["doi:10.1101/gr.123456.119"]),
    # BMC (a host per journal), Frontiers, PLOS (the DOI as ?id=), IEEE CS DOI resolver
    (
        "https://genomebiology.biomedcentral.com/articles/10.1186/s13059-099-0001-x",
        ["doi:10.1186/s13059-099-0001-x"],
    ),
    (
        "https://bmcbioinformatics.biomedcentral.com/track/pdf/10.1186/s12859-099-0002-y.pdf",
        ["doi:10.1186/s12859-099-0002-y"],
    ),
    (
        "https://www.frontiersin.org/articles/10.3389/fgene.2099.000001/full",
        ["doi:10.3389/fgene.2099.000001"],
    ),
    (
        "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.9999999",
        ["doi:10.1371/journal.pone.9999999"],
    ),
    (
        "https://dl.acm.org/citation.cfm?doi=10.1145/9999999.9999998",
        ["doi:10.1145/9999999.9999998"],
    ),
    ("https://dl.acm.org/citation.cfm?id=3999999", []),  # an ACM number, not a DOI
    ("https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.99.9999", []),  # no DOI at all
    ("https://doi.ieeecomputersociety.org/10.1109/ABC.2099.00001", ["doi:10.1109/abc.2099.00001"]),
    ("https://doi.org/doi.org/10.1093/nar/gkz998", ["doi:10.1093/nar/gkz998"]),
    # doi.org: percent-decoded, lowercased; DataCite arXiv and ACL DOIs imply the other id
    ("https://doi.org/10.1145/3626772.3657807", ["doi:10.1145/3626772.3657807"]),
    ("http://dx.doi.org/10.1002%2FJRSM.1710", ["doi:10.1002/jrsm.1710"]),
    (
        "https://doi.org/10.48550/arXiv.2401.01335",
        ["doi:10.48550/arxiv.2401.01335", "arxiv:2401.01335"],
    ),
    (
        "https://doi.org/10.18653/v1/2024.naacl-long.421",
        ["doi:10.18653/v1/2024.naacl-long.421", "acl:2024.naacl-long.421"],
    ),
    # arXiv: abs, pdf, .pdf, vN, trailing "?", ?trk=, export., http://, old style
    ("https://arxiv.org/pdf/2311.13246", ["arxiv:2311.13246"]),
    ("https://arxiv.org/abs/2410.06961", ["arxiv:2410.06961"]),
    # a tail pasted after the ".pdf" (a query without "?", the URL again after a space)
    ("http://arxiv.org/pdf/1112.6209.pdf&embed", ["arxiv:1112.6209"]),
    (
        "http://arxiv.org/pdf/1506.05869.pdf%20(http://arxiv.org/pdf/1506.05869.pdf)",
        ["arxiv:1506.05869"],
    ),
    ("https://arxiv.org/abs/1112.6209&embed", []),
    ("http://arxiv.org/pdf/2312.11508v2", ["arxiv:2312.11508"]),
    ("http://arxiv.org/pdf/2405.01724v1", ["arxiv:2405.01724"]),
    ("https://arxiv.org/pdf/2411.17388?", ["arxiv:2411.17388"]),
    ("https://arxiv.org/pdf/2406.18403?", ["arxiv:2406.18403"]),
    ("https://arxiv.org/pdf/2404.07503v1?trk=public_post_comment-text", ["arxiv:2404.07503"]),
    ("https://export.arxiv.org/pdf/2403.17860v3.pdf", ["arxiv:2403.17860"]),
    # arXiv's file tree by month: the file is named by the id
    ("https://arxiv.org/ftp/arxiv/papers/2105/2105.01234.pdf", ["arxiv:2105.01234"]),
    ("https://arxiv.org/ftp/arxiv/papers/2105/", []),
    ("https://arxiv.org/pdf/2401.01335.pdf", ["arxiv:2401.01335"]),
    ("https://arxiv.org/abs/cs/0601001v1", ["arxiv:cs/0601001"]),
    ("https://arxiv.org/abs/math.GT/0309136", ["arxiv:math/0309136"]),
    ("https://arxiv.org/abs/0704.0001", ["arxiv:0704.0001"]),
    # ACL Anthology: landing page, PDF, old-style ids, revisions; a whole-volume PDF
    ("https://aclanthology.org/2024.naacl-long.421/", ["acl:2024.naacl-long.421"]),
    ("https://aclanthology.org/2024.findings-acl.390/", ["acl:2024.findings-acl.390"]),
    ("https://aclanthology.org/2024.tacl-1.27/", ["acl:2024.tacl-1.27"]),
    ("https://aclanthology.org/2023.acl-long.754.pdf", ["acl:2023.acl-long.754"]),
    ("https://aclanthology.org/2024.dash-1.4.pdf", ["acl:2024.dash-1.4"]),
    ("https://aclanthology.org/2024.nlp4dh-1.36.pdf", ["acl:2024.nlp4dh-1.36"]),
    ("https://aclanthology.org/2024.findings-emnlp.873.pdf", ["acl:2024.findings-emnlp.873"]),
    ("https://aclanthology.org/2023.acl-long.754v2.pdf", ["acl:2023.acl-long.754"]),
    ("https://aclanthology.org/P19-1001.pdf", ["acl:P19-1001"]),
    ("https://aclanthology.org/N19-1423/", ["acl:N19-1423"]),
    ("https://www.aclweb.org/anthology/N19-1423.pdf", ["acl:N19-1423"]),
    # the older trees by letter and volume, and the Anthology's old home and mirrors
    ("http://www.aclweb.org/anthology/W/W11/W11-0101.pdf", ["acl:W11-0101"]),
    ("http://www.anthology.aclweb.org/N/N12/N12-2001.pdf", ["acl:N12-2001"]),
    ("https://aclanthology.info/pdf/W/W03/W03-0301.pdf", ["acl:W03-0301"]),
    ("https://aclanthology.info/papers/W16-4101/w16-4101", ["acl:W16-4101"]),
    ("https://aclanthology.coli.uni-saarland.de/papers/C16-1001/c16-1001", ["acl:C16-1001"]),
    ("https://www.aclweb.org/anthology/papers/W/W16/W16-4102/", ["acl:W16-4102"]),
    # a different id in the second segment is no page of the first
    ("https://aclanthology.info/papers/W16-4101/w16-4102", []),
    ("https://aclanthology.org/2024.trac-1.pdf#page=49", ["acl-volume:2024.trac-1#page=49"]),
    ("https://aclanthology.org/2024.trac-1.pdf", ["acl-volume:2024.trac-1"]),
    ("https://aclanthology.org/volumes/2024.trac-1/", ["acl-volume:2024.trac-1"]),
    # OpenReview: note ids (pdf, forum, attachment) vs PDF content hashes
    ("https://openreview.net/pdf?id=wcSx5VjTPP", ["openreview:wcSx5VjTPP"]),
    ("https://openreview.net/pdf?id=zt78MtOz605", ["openreview:zt78MtOz605"]),
    ("https://openreview.net/forum?id=S37hOerQLB", ["openreview:S37hOerQLB"]),
    ("https://openreview.net/attachment?id=Oc8Cteojey&name=pdf", ["openreview:Oc8Cteojey"]),
    (
        "https://openreview.net/pdf/7b79429056d9d05232854cd6819ad0eef053ec70.pdf",
        ["openreview-pdf:7b79429056d9d05232854cd6819ad0eef053ec70"],
    ),
    # NeurIPS, both hosts, PDF and abstract pages, old layout
    (
        "https://proceedings.neurips.cc/paper_files/paper/2023/file/"
        "fa3ed726cc5073b9c31e3e49a807789c-Paper-Datasets_and_Benchmarks.pdf",
        ["neurips:2023/fa3ed726cc5073b9c31e3e49a807789c"],
    ),
    (
        "https://proceedings.neurips.cc/paper_files/paper/2023/file/"
        "44956951349095f74492a5471128a7e0-Paper-Conference.pdf",
        ["neurips:2023/44956951349095f74492a5471128a7e0"],
    ),
    (
        "https://papers.nips.cc/paper_files/paper/2024/file/"
        "1b57aaddf85ab01a2445a79c9edc1f4b-Paper-Conference.pdf",
        ["neurips:2024/1b57aaddf85ab01a2445a79c9edc1f4b"],
    ),
    (
        "https://proceedings.neurips.cc/paper_files/paper/2023/hash/"
        "44956951349095f74492a5471128a7e0-Abstract-Conference.html",
        ["neurips:2023/44956951349095f74492a5471128a7e0"],
    ),
    (
        "https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html",
        ["neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a"],
    ),
    # PMLR, PMC, IEEE Xplore, AAAI OJS
    ("https://proceedings.mlr.press/v225/goel23a/goel23a.pdf", ["pmlr:v225/goel23a"]),
    ("https://proceedings.mlr.press/v235/yuan24d.html", ["pmlr:v235/yuan24d"]),
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMC11141838/pdf/2418.pdf", ["pmc:PMC11141838"]),
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMC10785941/pdf/1147.pdf", ["pmc:PMC10785941"]),
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10785941/", ["pmc:PMC10785941"]),
    ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10683735", ["ieee:10683735"]),
    ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10411643", ["ieee:10411643"]),
    ("https://ieeexplore.ieee.org/document/10683735", ["ieee:10683735"]),
    ("https://ieeexplore.ieee.org/abstract/document/10832347/", ["ieee:10832347"]),
    ("https://ojs.aaai.org/index.php/AAAI/article/view/30178/32091", ["aaai:30178"]),
    ("https://ojs.aaai.org/index.php/AAAI/article/view/30178", ["aaai:30178"]),
    # plain URLs: no identifier we trust
    (
        "https://www.researchgate.net/profile/Lichang-Chen-3/publication/372416306_AlpaGasus_"
        "Training_A_Better_Alpaca_with_Fewer_Data/links/65bf17811e1ec12eff71c20c/"
        "AlpaGasus-Training-A-Better-Alpaca-with-Fewer-Data.pdf",
        [],
    ),
    ("https://hal.science/hal-04733161/document", []),
    (
        "https://papers.ssrn.com/sol3/Delivery.cfm/15a022cb-de51-45bd-8673-8b6b1ff087aa-MECA.pdf"
        "?abstractid=5002351&mirid=1",
        [],
    ),
    ("https://www.preprints.org/manuscript/202409.0662/download/final_file", []),
    (
        "https://search.proquest.com/openview/f507a0708ada710bf837fb09cbeacce6/1?pq-origsite="
        "gscholar&cbl=18750&diss=y&casa_token=y3IMfUXgc-cAAAAA:TLZXqHQgYDujH6JiOoTSw2cJD9aQtgsQ",
        [],
    ),
    ("https://par.nsf.gov/servlets/purl/10448809", []),
    ("https://chywang.github.io/papers/coling2025.pdf", []),
    # a third-party copy of an arXiv PDF is not arXiv
    ("https://www.rivista.ai/wp-content/uploads/2024/10/2407.19594v2.pdf", []),
    # arXiv mirrors and pages named by an arXiv id (seen in real awesome lists)
    ("https://browse.arxiv.org/pdf/2306.00978.pdf", ["arxiv:2306.00978"]),
    ("https://ar5iv.labs.arxiv.org/html/2305.10601", ["arxiv:2305.10601"]),
    ("https://huggingface.co/papers/2401.01335", ["arxiv:2401.01335"]),
    ("https://www.alphaxiv.org/abs/2502.11089v2", ["arxiv:2502.11089"]),
    ("https://huggingface.co/datasets/AgentGym/AgentTraj-L", []),
    ("https://huggingface.co/papers", []),
    # a bare DOI as the link's target (the lister meant doi.org); a version number is not one
    ("10.1234/owl.2021.05.007", ["doi:10.1234/owl.2021.05.007"]),
    ("doi:10.5555/Owl-Calls", ["doi:10.5555/owl-calls"]),
    ("10.5/notes", []),
    ("docs/10.2/owls.md", []),
    # void links
    ("http://javascript:void()", []),
    ("javascript:void(0)", []),
    ("", []),
]


@pytest.mark.parametrize(("url", "expected"), LINK_CASES, ids=[u[:70] for u, _ in LINK_CASES])
def test_extract_link_forms(url: str, expected: list[str]) -> None:
    assert extract(url) == expected


@pytest.mark.parametrize(("url", "expected"), LINK_CASES, ids=[u[:70] for u, _ in LINK_CASES])
def test_extracted_identifiers_are_canonical(url: str, expected: list[str]) -> None:
    for identifier in extract(url):
        assert scheme(identifier) in SCHEMES
        assert normalize(identifier) == identifier


def test_scholar_redirect_does_not_leak_the_access_token() -> None:
    url = LINK_CASES[4][0]
    (doi,) = extract(url)
    assert "casa" not in doi and "?" not in doi and "%" not in doi


def test_identifiers_are_unique_and_ordered() -> None:
    assert extract("https://doi.org/10.48550/arXiv.2401.01335v2") == [
        "doi:10.48550/arxiv.2401.01335",
        "arxiv:2401.01335",
    ]


def test_trac_volume_is_never_a_paper_id() -> None:
    (identifier,) = extract("https://aclanthology.org/2024.trac-1.pdf#page=49")
    assert scheme(identifier) == "acl-volume"
    assert not identifier.startswith("acl:")
    # two papers of one volume must not compare equal
    assert extract("https://aclanthology.org/2024.trac-1.pdf#page=1") != [identifier]


@pytest.mark.parametrize(
    "url",
    [
        "http://javascript:void()",
        "javascript:void()",
        "javascript:void(0)",
        "JavaScript:;",
        "",
        " ",
        "#",
    ],
)
def test_is_void(url: str) -> None:
    assert is_void(url)
    assert extract(url) == []


@pytest.mark.parametrize(
    "url", ["https://arxiv.org/abs/2401.01335", "https://hal.science/hal-04733161/document"]
)
def test_is_not_void(url: str) -> None:
    assert not is_void(url)


# --- the whole list -------------------------------------------------------------------------

# Hosts whose links are kept as plain URLs: a new host that yields nothing must be added here
# on purpose, not slip through.
PLAIN_URL_HOSTS = {
    "www.researchgate.net",
    "chywang.github.io",
    "search.proquest.com",
    "www.rivista.ai",
    "par.nsf.gov",
    "hal.science",
    "www.preprints.org",
    "papers.ssrn.com",
}

_LINK = re.compile(r"\]\(((?:[^()\s]|\([^()]*\))*)\)")  # allows "javascript:void()" inside


def _list_rows() -> list[str]:
    """The Paper Link cell URL of each data row of the table, in order."""
    rows = []
    in_table = False
    for line in LIST_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("| ---"):
            in_table = True
            continue
        if in_table and line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            (url,) = _LINK.findall(cells[3])
            rows.append(url)
        elif in_table and rows:
            break
    return rows


def _reference() -> list[dict]:
    lines = REFERENCE_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_link_in_the_list_is_void_identified_or_allowed() -> None:
    links = _LINK.findall(LIST_FILE.read_text(encoding="utf-8"))
    assert len(links) == 215
    unexplained = []
    plain_hosts_seen = set()
    for url in links:
        found = extract(url)
        host = urlsplit(url).hostname
        if is_void(url):
            assert found == []
        elif host in PLAIN_URL_HOSTS:
            assert found == [], url  # an allow-listed host that suddenly yields ids: look at it
            plain_hosts_seen.add(host)
        elif not found:
            unexplained.append(url)
    assert unexplained == []
    assert plain_hosts_seen == PLAIN_URL_HOSTS  # the allow-list holds no stale entries


def test_identifier_counts_over_the_whole_list() -> None:
    counts: dict[str, int] = {}
    for url in _list_rows():
        found = extract(url)
        kinds = [scheme(i) for i in found] or ["void" if is_void(url) else "plain"]
        for kind in kinds:
            counts[kind] = counts.get(kind, 0) + 1
    assert counts == {
        "doi": 18,
        "arxiv": 81,
        "acl": 46,
        "openreview": 41,
        "neurips": 5,
        "ieee": 2,
        "pmc": 2,
        "aaai": 1,
        "pmlr": 1,
        "acl-volume": 1,
        "openreview-pdf": 1,
        "plain": 9,
        "void": 7,
    }


def test_table_rows_line_up_with_the_reference() -> None:
    rows = _list_rows()
    reference = _reference()
    assert len(rows) == len(reference) == 215
    assert [r["url"] for r in reference] == rows


# Rows whose link points at another paper than the one the row names: the reference's arxiv/DOI
# describe the named paper, so comparing them with what the link holds would be wrong.
_MISMATCH = re.compile(r"LINK/TITLE MISMATCH|WRONG LINK")
_ANTHOLOGY_ID = re.compile(r"ACL Anthology ID (\S+?);")


def test_extracted_ids_agree_with_the_reference() -> None:
    checked = {"doi": 0, "arxiv": 0, "openreview": 0, "acl": 0}
    skipped = []
    for ref, url in zip(_reference(), _list_rows(), strict=True):
        if _MISMATCH.search(ref.get("notes") or ""):
            skipped.append(ref["row"])
            continue
        for identifier in extract(url):
            kind, val = scheme(identifier), value(identifier)
            if kind == "doi":
                assert val == ref["DOI"], (ref["row"], url)
            elif kind == "arxiv":
                assert val == ref["arxiv"], (ref["row"], url)
            elif kind == "openreview":
                assert val == ref["openreview_id"], (ref["row"], url)
            elif kind == "acl":
                anthology = _ANTHOLOGY_ID.search(ref.get("notes") or "")
                doi = ref["DOI"] or ""
                if anthology:
                    assert val == anthology.group(1), (ref["row"], url)
                elif doi.startswith("10.18653/v1/"):
                    assert val == doi.removeprefix("10.18653/v1/"), (ref["row"], url)
                else:
                    continue
            else:
                continue
            checked[kind] += 1
    assert skipped == [19, 172, 178]
    # exact counts, so a form that stops yielding ids cannot pass silently
    # (46 ACL rows, 45 checked: row 88's reference has neither an Anthology ID nor a DOI)
    assert checked == {"doi": 17, "arxiv": 79, "openreview": 41, "acl": 45}


# --- normalize ------------------------------------------------------------------------------

NORMALIZE_CASES = [
    ("DOI:10.1145/ABC", "doi:10.1145/abc"),
    ("doi: 10.1145/3626772.3657807", "doi:10.1145/3626772.3657807"),
    ("https://doi.org/10.1/x", "doi:10.1/x"),
    ("https://doi.org/10.1002%2FJRSM.1710", "doi:10.1002/jrsm.1710"),
    ("doi:https://doi.org/10.1002/jrsm.1710", "doi:10.1002/jrsm.1710"),
    ("10.1/x", "doi:10.1/x"),
    ("10.36227/techrxiv.171665607.76504195/v1", "doi:10.36227/techrxiv.171665607.76504195/v1"),
    ("doi:10.48550/arXiv.2401.01335v2", "doi:10.48550/arxiv.2401.01335"),
    ("arXiv:2401.01335v2", "arxiv:2401.01335"),
    ("2401.01335", "arxiv:2401.01335"),
    ("2401.01335v3", "arxiv:2401.01335"),
    ("cs/0601001", "arxiv:cs/0601001"),
    ("arxiv:math.GT/0309136v2", "arxiv:math/0309136"),
    ("https://arxiv.org/abs/2311.13246v2", "arxiv:2311.13246"),
    ("ACL:2024.NAACL-long.421", "acl:2024.naacl-long.421"),
    ("acl:p19-1001", "acl:P19-1001"),
    ("acl-volume:2024.trac-1#page=049", "acl-volume:2024.trac-1#page=49"),
    ("acl-volume:2024.trac-1", "acl-volume:2024.trac-1"),
    ("openreview:wcSx5VjTPP", "openreview:wcSx5VjTPP"),
    ("OpenReview:wcSx5VjTPP", "openreview:wcSx5VjTPP"),
    (
        "openreview-pdf:7B79429056D9D05232854CD6819AD0EEF053EC70",
        "openreview-pdf:7b79429056d9d05232854cd6819ad0eef053ec70",
    ),
    (
        "neurips:2023/FA3ED726CC5073B9C31E3E49A807789C",
        "neurips:2023/fa3ed726cc5073b9c31e3e49a807789c",
    ),
    ("PMLR:V225/Goel23a", "pmlr:v225/goel23a"),
    ("pmc:11141838", "pmc:PMC11141838"),
    ("PMC11141838", "pmc:PMC11141838"),
    ("ieee:010683735", "ieee:10683735"),
    ("aaai:30178", "aaai:30178"),
    ("  doi:10.1145/3700791  ", "doi:10.1145/3700791"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected
    assert normalize(expected) == expected


@pytest.mark.parametrize(
    ("bad", "shown"),
    [
        ("isbn:9780262046824", "isbn"),
        ("foo", "foo"),
        ("doi:11.1145/abc", "11.1145/abc"),
        ("doi:10.1145/a b", "10.1145/a b"),
        ("arxiv:2413.00001", "2413.00001"),
        ("arxiv:1234", "1234"),
        ("acl:2024.trac-1", "2024.trac-1"),
        ("acl-volume:2024.trac-1.6", "2024.trac-1.6"),
        ("openreview:ab", "ab"),
        ("openreview-pdf:1234", "1234"),
        ("neurips:2023/xyz", "2023/xyz"),
        ("pmlr:goel23a", "goel23a"),
        ("pmc:abc", "abc"),
        ("ieee:12a", "12a"),
        ("aaai:view/30178", "view/30178"),
        ("https://hal.science/hal-04733161/document", "hal.science"),
        ("doi:", "doi:"),
    ],
)
def test_normalize_rejects_with_a_message_naming_the_value(bad: str, shown: str) -> None:
    with pytest.raises(IdentifierError) as caught:
        normalize(bad)
    assert shown in str(caught.value)
    assert caught.value.field == "identifier"


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_normalize_rejects_empty(bad: str) -> None:
    with pytest.raises(IdentifierError, match="empty"):
        normalize(bad)


def test_scheme_and_value() -> None:
    assert scheme("doi:10.48550/arxiv.2401.01335") == "doi"
    assert value("doi:10.48550/arxiv.2401.01335") == "10.48550/arxiv.2401.01335"
    assert scheme("acl-volume:2024.trac-1#page=49") == "acl-volume"
    assert value("acl-volume:2024.trac-1#page=49") == "2024.trac-1#page=49"
    assert value("arxiv:cs/0601001") == "cs/0601001"
    with pytest.raises(IdentifierError, match="10.1145/abc"):
        scheme("10.1145/abc")
    with pytest.raises(IdentifierError):
        value("doi:")


def test_scheme_preference_order() -> None:
    assert SCHEMES[:4] == ("doi", "acl", "openreview", "arxiv")
    assert len(set(SCHEMES)) == len(SCHEMES)
    # the weak, non-paper identifiers come last
    assert SCHEMES.index("openreview-pdf") > SCHEMES.index("pmc")
    assert SCHEMES.index("acl-volume") > SCHEMES.index("pmc")


# --- url_for --------------------------------------------------------------------------------

URL_CASES = [
    ("doi:10.1145/3626772.3657807", "https://doi.org/10.1145/3626772.3657807"),
    (
        "doi:10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o",
        "https://doi.org/10.1002/(sici)1097-4571(199806)49:8%3C693::aid-asi4%3E3.0.co;2-o",
    ),
    ("doi:10.1/a#b?c", "https://doi.org/10.1/a%23b%3Fc"),
    ("arxiv:2401.01335", "https://arxiv.org/abs/2401.01335"),
    ("arxiv:cs/0601001", "https://arxiv.org/abs/cs/0601001"),
    ("acl:2024.naacl-long.421", "https://aclanthology.org/2024.naacl-long.421/"),
    ("acl:P19-1001", "https://aclanthology.org/P19-1001/"),
    ("acl-volume:2024.trac-1#page=49", "https://aclanthology.org/2024.trac-1.pdf#page=49"),
    ("acl-volume:2024.trac-1", "https://aclanthology.org/volumes/2024.trac-1/"),
    ("openreview:wcSx5VjTPP", "https://openreview.net/forum?id=wcSx5VjTPP"),
    (
        "openreview-pdf:7b79429056d9d05232854cd6819ad0eef053ec70",
        "https://openreview.net/pdf/7b79429056d9d05232854cd6819ad0eef053ec70.pdf",
    ),
    (
        "neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a",
        "https://proceedings.neurips.cc/paper_files/paper/2020/hash/"
        "1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html",
    ),
    # from 2022 the abstract page name depends on the track, which the id does not record
    ("neurips:2023/fa3ed726cc5073b9c31e3e49a807789c", None),
    ("pmlr:v225/goel23a", "https://proceedings.mlr.press/v225/goel23a.html"),
    ("pmc:PMC11141838", "https://pmc.ncbi.nlm.nih.gov/articles/PMC11141838/"),
    ("ieee:10683735", "https://ieeexplore.ieee.org/document/10683735"),
    ("aaai:30178", "https://ojs.aaai.org/index.php/AAAI/article/view/30178"),
    # url_for normalises first
    ("DOI:10.1145/ABC", "https://doi.org/10.1145/abc"),
]


@pytest.mark.parametrize(("identifier", "expected"), URL_CASES)
def test_url_for(identifier: str, expected: str | None) -> None:
    assert url_for(identifier) == expected


def test_url_for_covers_every_scheme() -> None:
    assert {scheme(normalize(i)) for i, _ in URL_CASES} == set(SCHEMES)


@pytest.mark.parametrize(("identifier", "url"), [c for c in URL_CASES if c[1] and "#" not in c[1]])
def test_url_for_leads_back_to_the_identifier(identifier: str, url: str) -> None:
    assert extract(url)[0] == normalize(identifier)


def test_url_for_rejects_bad_identifiers() -> None:
    with pytest.raises(IdentifierError, match="isbn"):
        url_for("isbn:123")


# --- properties -----------------------------------------------------------------------------

_DOI_SUFFIX_CHARS = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
dois = st.builds(
    lambda registrant, suffix: f"10.{registrant}/{suffix}",
    st.integers(min_value=1000, max_value=999_999_999),
    st.text(_DOI_SUFFIX_CHARS, min_size=1, max_size=40),
)
arxiv_ids = st.builds(
    lambda yy, mm, number, version: f"{yy:02d}{mm:02d}.{number:05d}{version}",
    st.integers(min_value=7, max_value=99),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=99_999),
    st.sampled_from(["", "v1", "v2", "v12"]),
)
spellings = st.sampled_from(["{}", "doi:{}", "DOI:{}", "Doi: {}"])
arxiv_spellings = st.sampled_from(
    [
        "{}",
        "arxiv:{}",
        "arXiv:{}",
        "ARXIV:{}",
        "https://arxiv.org/abs/{}",
        "http://arxiv.org/pdf/{}.pdf",
    ]
)


@given(dois, spellings)
def test_normalize_is_idempotent_for_dois(doi: str, spelling: str) -> None:
    once = normalize(spelling.format(doi))
    assert normalize(once) == once
    assert once == "doi:" + doi.lower()


@given(dois)
def test_doi_org_links_normalize_like_bare_dois(doi: str) -> None:
    assert normalize("https://doi.org/" + quote(doi, safe="/")) == normalize(doi)


@given(arxiv_ids, arxiv_spellings)
def test_normalize_is_idempotent_for_arxiv_ids(arxiv_id: str, spelling: str) -> None:
    once = normalize(spelling.format(arxiv_id))
    assert normalize(once) == once
    assert once == "arxiv:" + arxiv_id.split("v")[0]


def test_module_has_no_heavy_imports() -> None:
    allowed = {"__future__", "re", "collections.abc", "urllib.parse", "delbib.errors"}
    for path in Path(identifiers.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        imported = set(re.findall(r"^(?:from|import) ([\w.]+)", source, re.MULTILINE))
        assert {i for i in imported if not i.startswith("delbib.identifiers.")} <= allowed, path
