"""Each source against recorded samples and the local fake services."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib import config as cfg
from delbib.errors import SourceError
from delbib.resolve.run import make_http
from delbib.resolve.sources import (
    NotFound,
    Services,
    acl,
    arxiv,
    crossref,
    csl_from_bibtex,
    dblp,
    doi,
    links_in,
    openreview,
)
from tests.fakeapi import FakeAPI, Fault, api_fixture  # noqa: F401 (the api fixture)

SAMPLES = Path(__file__).parent / "data" / "api-samples"


@pytest.fixture
def services(api: FakeAPI) -> Services:
    config = dataclasses.replace(cfg.load(None), mailto="test@example.org", arxiv_interval=0.001)
    return Services(config, make_http(config, sleep=lambda s: None))


def sample(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def test_crossref_mapping_of_recorded_records():
    acm = crossref.to_csl(sample("crossref-works-doi-proceedings-acm.json")["message"])
    assert acm["type"] == "paper-conference" and acm["DOI"] == "10.1145/3184558.3186235"
    assert acm["author"][0].keys() == {"given", "family"}
    assert acm["issued"]["date-parts"][0][0] == 2018
    ieee = crossref.to_csl(sample("crossref-works-doi-proceedings.json")["message"])
    assert "issued" not in ieee  # date-parts [[null]] is no date, not year 0
    plos = crossref.to_csl(sample("crossref-works-doi-journal.json")["message"])
    assert plos["type"] == "article-journal" and plos["container-title"] == "PLoS ONE"


def test_crossref_doi_through_habanero(api: FakeAPI, services: Services):
    found = doi.fetch(services, "10.1145/3626772.3657807")
    assert found.csl["title"] == "Data-efficient Fine-tuning for LLM-based Recommendation"
    assert found.csl["page"] == "365-374" and found.status == "published"
    seen = api.requests[-1]
    assert seen.path == "/crossref/works/10.1145/3626772.3657807"
    assert (
        "delbib/" in seen.headers["user-agent"]
        and "mailto:test@example.org" in seen.headers["user-agent"]
    )


def test_crossref_404_then_agency_then_content_negotiation(api: FakeAPI, services: Services):
    api.works.pop("10.1109/icde60146.2024.00390")
    api.datacite["10.1109/icde60146.2024.00390"] = {"type": "report", "title": "Elsewhere"}
    found = doi.fetch(services, "10.1109/icde60146.2024.00390")
    assert found.source == "doi.org" and found.csl["title"] == "Elsewhere"
    assert [r.path.split("/")[1] for r in api.requests] == ["crossref", "crossref", "doi"]


def test_arxiv_doi_goes_straight_to_doi_org(api: FakeAPI, services: Services):
    found = doi.fetch(services, "10.48550/arxiv.2311.13246")
    assert found.status == "preprint-only" and found.csl["custom"] == {"arxiv": "2311.13246"}
    assert found.csl["DOI"] == "10.48550/arxiv.2311.13246"
    assert api.count("/crossref") == 0


def test_unknown_doi_is_not_found(api: FakeAPI, services: Services):
    with pytest.raises(NotFound):
        doi.fetch(services, "10.1145/0000000.0000000")


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (Fault(200, {"Content-Type": "application/json"}, b'{"status": "ok", "mess'), "malformed"),
        (Fault(200, {"Content-Type": "text/html"}, b"<html>down</html>"), "HTTP 200"),
    ],
)
def test_crossref_bad_bodies_are_source_errors(api, services, fault, message):
    api.fail("/crossref/works/10.1145/3626772.3657807", *[fault] * 5)
    with pytest.raises(SourceError, match=message):
        crossref.fetch(services, "10.1145/3626772.3657807")


def test_crossref_429_is_retried_inside_habanero_calls(api: FakeAPI):
    sleeps: list[float] = []
    config = dataclasses.replace(cfg.load(None), mailto="t@example.org")
    services = Services(config, make_http(config, sleep=sleeps.append))
    page = (SAMPLES / "crossref-429.html").read_bytes()
    api.fail("/crossref/works/10.1145/3626772.3657807", Fault(429, {"Retry-After": "9"}, page))
    assert crossref.fetch(services, "10.1145/3626772.3657807").csl["DOI"]
    assert 9 in sleeps and api.count("/crossref") == 2


def test_arxiv_batches_ids(api: FakeAPI, services: Services):
    services.config = dataclasses.replace(services.config, arxiv_batch=2)
    arxiv.prefetch(services, ["2311.13246", "2401.17197", "2410.06961", "0000.00000"])
    assert api.count("/arxiv") == 2
    assert api.requests[0].query["id_list"] == "2311.13246,2401.17197"
    found = arxiv.fetch(services, "2410.06961")
    assert found.csl["custom"] == {"arxiv": "2410.06961", "arxiv_class": "cs.CL"}
    assert found.csl["number"] == "arXiv:2410.06961" and found.csl["publisher"] == "arXiv"
    with pytest.raises(NotFound):
        arxiv.fetch(services, "0000.00000")
    assert api.count("/arxiv") == 2  # both answered from the batch cache


def test_arxiv_error_feed_and_empty_feed(api: FakeAPI, services: Services):
    body = (SAMPLES / "arxiv-query-error-400.atom.xml").read_bytes()
    api.fail("/arxiv/api/query", Fault(400, {"Content-Type": "application/atom+xml"}, body))
    with pytest.raises(SourceError, match="incorrect id format for abc"):
        arxiv.query(services, ["abc"])
    empty = (SAMPLES / "arxiv-query-idlist-empty.atom.xml").read_bytes()
    api.fail("/arxiv/api/query", Fault(200, {"Content-Type": "application/atom+xml"}, empty))
    assert arxiv.query(services, ["0000.0000"]) == {}


def test_arxiv_recorded_entries_map_to_preprints_with_hints():
    feed = ET.parse(SAMPLES / "arxiv-query-search.atom.xml").getroot()
    items = [arxiv.to_csl(e) for e in feed.findall("atom:entry", arxiv.NS)]
    hinted = [(item, hints) for item, hints in items if hints]
    assert hinted and all(h[0].startswith("doi:10.") for _, h in hinted)
    assert all(i["DOI"].startswith("10.48550/arxiv.") for i, _ in items)
    nonascii = ET.parse(SAMPLES / "arxiv-query-idlist-nonascii.atom.xml").getroot()
    (item, _), *_ = [arxiv.to_csl(e) for e in nonascii.findall("atom:entry", arxiv.NS)]
    assert any(a["family"] == "Wübben" for a in item["author"])


def test_openreview_accepted_rejected_withdrawn(api: FakeAPI, services: Services):
    rejected = openreview.fetch(services, "o83aL1nZJd")
    assert rejected.status == "rejected"
    assert "container-title" not in rejected.csl and rejected.csl["type"] == "article"
    note = json.loads(json.dumps(api.notes["o83aL1nZJd"]))
    note["content"]["venueid"]["value"] = "ICLR.cc/2025/Conference/Withdrawn_Submission"
    api.notes["w1thdrawn1"] = {**note, "id": "w1thdrawn1", "forum": "w1thdrawn1"}
    assert openreview.fetch(services, "w1thdrawn1").status == "withdrawn"
    venues = {k: n["content"]["venueid"]["value"] for k, n in api.notes.items()}
    iclr = next(k for k, v in venues.items() if v == "ICLR.cc/2025/Conference")
    accepted = openreview.fetch(services, iclr)
    assert accepted.status == "published" and accepted.csl["container-title-short"] == "ICLR 2025"
    assert accepted.csl["custom"] == {"openreview": iclr}
    with pytest.raises(NotFound):
        openreview.fetch(services, "wcSx5VjTPP")


def test_acl_prefers_crossref_doi_else_anthology_bib(api: FakeAPI, services: Services):
    with_doi = acl.fetch(services, "2024.naacl-long.421")
    assert with_doi.source == "crossref" and with_doi.csl["custom"]["acl"] == "2024.naacl-long.421"
    without = next(i for i in api.acl if f"10.18653/v1/{i}".lower() not in api.works)
    found = acl.fetch(services, without)
    assert found.source == "acl" and found.csl["URL"] == f"https://aclanthology.org/{without}/"


def test_anthology_bib_layout():
    item = csl_from_bibtex((SAMPLES / "aclanthology-paper.bib").read_text(), "sample")
    assert item["type"] == "paper-conference" and item["DOI"] == "10.18653/v1/n19-1423"
    assert item["page"] == "4171-4186" and item["author"][0] == {
        "given": "Jacob",
        "family": "Devlin",
    }


THEORY = (
    "Towards a Theoretical Understanding of Synthetic Data in LLM Post-Training: "
    "A Reverse-Bottleneck Perspective"
)


def test_openreview_title_search(api: FakeAPI, services: Services):
    hits = openreview.search(services, THEORY)
    assert hits[0].csl["title"] == THEORY and hits[0].status == "published"
    assert hits[0].csl["container-title-short"] == "ICLR 2025"
    assert len(hits) == openreview.SEARCH_LIMIT  # near misses too: every hit must be judged
    assert all(h.csl["title"] != THEORY for h in hits[1:])
    (seen,) = api.requests
    assert seen.path == "/openreview/notes/search"
    assert seen.query == {
        "term": "Towards a Theoretical Understanding of Synthetic Data in LLM Post Training "
        "A Reverse Bottleneck Perspective",
        "type": "terms",
        "content": "all",
        "group": "all",
        "source": "forum",
        "limit": "10",
    }
    assert services.http.stats.requests == {"openreview": 1}  # under OpenReview's limit


def test_openreview_search_reports_each_decision(api: FakeAPI, services: Services):
    judgelm = "JudgeLM: Fine-tuned Large Language Models are Scalable Judges"
    statuses = {(h.csl["title"], h.status) for h in openreview.search(services, judgelm)}
    assert {(judgelm, "rejected"), (judgelm, "published")} <= statuses


def test_openreview_search_skips_replies_and_unreadable_notes(api: FakeAPI, services: Services):
    good = api.notes["0NphYCmgua"]
    reply = {**good, "id": "r3plyr3ply", "forum": "0NphYCmgua"}
    untitled = {**good, "id": "untitled00", "forum": "untitled00", "content": {}}
    body = json.dumps({"notes": [reply, untitled, good], "count": 3}).encode()
    api.fail("/openreview/notes/search", Fault(200, {"Content-Type": "application/json"}, body))
    hits = openreview.search(services, "Self-Rewarding Language Models")
    assert [h.csl["custom"]["openreview"] for h in hits] == ["0NphYCmgua"]


def test_openreview_search_unexpected_body_is_a_source_error(api: FakeAPI, services: Services):
    page = Fault(200, {"Content-Type": "application/json"}, b'{"searchUnavailable": true}')
    api.fail("/openreview/notes/search", page)
    with pytest.raises(SourceError, match="unexpected OpenReview response"):
        openreview.search(services, "Self-Rewarding Language Models")


@pytest.mark.parametrize(
    ("venue", "venueid", "status"),
    [
        ("ICLR 2025 Poster", "ICLR.cc/2025/Conference", "published"),
        ("COLM 2024", "colmweb.org/COLM/2024/Conference", "published"),
        ("NeurIPS 2024 Workshop MATH-AI", "NeurIPS.cc/2024/Workshop/MATH-AI", "published"),
        (
            "NeurIPS 2023 Datasets and Benchmarks Poster",
            "NeurIPS.cc/2023/Track/Datasets_and_Benchmarks",
            "published",
        ),
        ("TMLR", "TMLR", "published"),
        ("Submitted to ICLR 2025", "ICLR.cc/2025/Conference/Rejected_Submission", "rejected"),
        ("Rejected by TMLR", "TMLR/Rejected", "rejected"),
        (
            "ICLR 2025 Conference Withdrawn Submission",
            "ICLR.cc/2025/Conference/Withdrawn_Submission",
            "withdrawn",
        ),
        ("Submitted to ICLR 2026", "ICLR.cc/2026/Conference/Submission", "unknown"),
        ("ACL ARR 2024 February Submission", "aclweb.org/ACL/ARR/2024/February", "unknown"),
        ("CoRR 2024", "dblp.org/journals/CORR/2024", "unknown"),
        ("", "", "unknown"),
    ],
)
def test_openreview_status_only_from_accepted_venue_ids(venue, venueid, status):
    assert openreview.status_of(venue, venueid) == status


def test_crossref_types_say_what_is_a_paper():
    posted = sample("crossref-works-doi-posted-content-preprint.json")["message"]
    found = crossref._found(posted, "w")
    assert found.status == "preprint-only"  # bioRxiv: a preprint, never a version of record
    assert "doi:10.1016/j.xgen.2025.100814" in found.links  # its relation: is-preprint-of
    for kind in ("component", "peer-review", "dataset", "grant", "standard", "a-future-type"):
        assert crossref._found({**posted, "type": kind}, "w").status == "not-a-paper", kind
    for kind in ("proceedings-article", "journal-article", "book-chapter"):
        assert crossref._found({**posted, "type": kind}, "w").status == "preprint-only", kind
        published = {**posted, "type": kind, "DOI": "10.1016/j.xgen.2025.100814"}
        assert crossref._found(published, "w").status == "published", kind
    ssrn = {**posted, "type": "journal-article", "DOI": "10.2139/ssrn.4000001"}
    assert crossref._found(ssrn, "w").status == "preprint-only"  # "SSRN Electronic Journal"


def test_crossref_links_name_arxiv_alternative_ids_and_ieee_arnumbers():
    message = {
        "DOI": "10.1109/X.2024.1",
        "type": "proceedings-article",
        "title": ["T"],
        "alternative-id": ["10683735", "arXiv:2401.17197v2"],
        "link": [
            {"URL": "http://xplorestaging.ieee.org/ielx8/1/2/010683735.pdf?arnumber=10683735"}
        ],
        "relation": {"has-preprint": [{"id-type": "doi", "id": "10.48550/arXiv.2402.00001"}]},
    }
    links = crossref._found(message, "w").links
    assert {"doi:10.1109/x.2024.1", "arxiv:2401.17197", "ieee:10683735"} <= links
    assert "arxiv:2402.00001" in links


def test_links_in_bare_dois_and_urls():
    assert links_in("10.18653/v1/2023.acl-long.1") == {
        "doi:10.18653/v1/2023.acl-long.1",
        "acl:2023.acl-long.1",
    }
    assert links_in("https://proceedings.mlr.press/v235/liu24a.html") == {"pmlr:v235/liu24a"}


def test_dblp_recorded_search_answer():
    body = sample("dblp-search-publ.json")
    (hit,) = body["result"]["hits"]["hit"]
    found = dblp.to_found(hit["info"], "r")
    assert found.csl["title"].endswith("Full-Scan Test Architecture")  # dblp's final "." dropped
    assert found.csl["type"] == "paper-conference" and found.status == "published"
    assert [a["family"] for a in found.csl["author"]][:2] == ["Shinogi", "Yamada"]
    assert found.csl["issued"] == {"date-parts": [[2005]]} and found.csl["page"] == "366-371"
    assert found.csl["DOI"] == "10.1109/ats.2005.17" and "doi:10.1109/ats.2005.17" in found.links


def test_dblp_single_author_homonym_number_and_corr():
    info = {
        "authors": {"author": {"@pid": "1/2", "text": "Wei Wang 0001"}},
        "title": "A Preprint.",
        "venue": "CoRR",
        "year": "2024",
        "type": "Informal and Other Publications",
        "ee": "https://doi.org/10.48550/arXiv.2401.00001",
    }
    found = dblp.to_found(info, "r")
    assert found.csl["author"] == [{"given": "Wei", "family": "Wang"}]
    assert found.status == "preprint-only" and "container-title" not in found.csl
    assert "arxiv:2401.00001" in found.links
    assert dblp.to_found({**info, "type": "Editorship"}, "r").status == "not-a-paper"


def test_dblp_search_through_the_fake_and_once_per_run(api: FakeAPI, services: Services):
    config = dataclasses.replace(services.config, dblp_url=f"{api.base}/dblp")
    services = Services(config, services.http)
    title = "Provable Coresets for Preference Optimization"
    hits = dblp.search(services, title)
    assert any("pmlr:v267/quillon25a" in f.links for f in hits)
    assert dblp.search(services, title.upper() + "!") == hits  # same normalised query
    assert api.count("/dblp") == 1
    seen = api.requests[-1]
    assert seen.query["format"] == "json" and seen.query["q"] == title


def test_arxiv_title_search_and_what_arxiv_says_about_publication(api, services):
    hits = arxiv.search(services, "Sparse Reward Shaping: Makes Preference Data Go Further")
    (found,) = hits
    assert found.csl["custom"]["arxiv"] == "2511.99002" and found.venue_hint == "ICLR 2025"
    assert found.csl["custom"]["arxiv_journal_ref"] == "ICLR 2025"
    assert (
        api.requests[-1].query["search_query"]
        == 'ti:"Sparse Reward Shaping Makes Preference Data Go Further"'
    )
    (hinted,) = arxiv.search(services, "Curriculum Pruning for Sample-Efficient Instruction Tuning")
    assert hinted.hints == ["doi:10.5555/inv.1001"] and "doi:10.5555/inv.1001" in hinted.links


def test_crossref_down_falls_back_to_doi_org(services: Services):
    config = dataclasses.replace(services.config, crossref_url="http://127.0.0.1:9")
    services = Services(config, services.http)
    from tests.fakeapi import serve

    with serve() as api:
        services.config = dataclasses.replace(config, doi_url=f"{api.base}/doi")
        found = doi.fetch(services, "10.1145/3626772.3657807")
    assert found.source == "doi.org" and found.csl["DOI"] == "10.1145/3626772.3657807"
    assert "crossref" in services.http.stats.down


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    authors=JSONISH,
    venue=JSONISH,
    ee=JSONISH,
    year=JSONISH,
    kind=st.sampled_from([*dblp.TYPES, "Editorship", "", "?"]),
)
def test_dblp_hits_of_any_shape_never_crash(authors, venue, ee, year, kind):
    info = {"title": "A Title.", "authors": {"author": authors}, "venue": venue, "ee": ee}
    info.update(year=year, type=kind)
    found = dblp.to_found(info, "r")
    assert found.csl["title"] == "A Title" and found.status


@settings(max_examples=150, deadline=None)
@given(relation=JSONISH, alternative=JSONISH, link=JSONISH)
def test_crossref_relations_of_any_shape_never_crash(relation, alternative, link):
    message = {"DOI": "10.5555/x", "type": "journal-article", "title": ["T"]}
    message.update({"relation": relation, "alternative-id": alternative, "link": link})
    try:
        found = crossref._found(message, "w")
    except SourceError:
        return
    assert "doi:10.5555/x" in found.links


def test_a_refused_arxiv_batch_is_halved_until_the_bad_id_stands_alone(api, services):
    """arXiv refuses a whole id_list for one id it cannot parse (answer recorded in
    arxiv-query-error-400.atom.xml); the other ids of the batch must still be found."""
    services.config = dataclasses.replace(services.config, arxiv_batch=4)
    good = ["2311.13246", "2401.17197", "2410.06961"]
    arxiv.prefetch(services, [good[0], "2401.1719x", *good[1:]])
    for arxiv_id in good:
        assert arxiv.fetch(services, arxiv_id).csl["custom"]["arxiv"] == arxiv_id
    with pytest.raises(NotFound, match="incorrect id format for 2401.1719x"):
        arxiv.fetch(services, "2401.1719x")
    # the batch of 4, its halves, then the half with the bad id halved again
    assert [r.query["id_list"] for r in api.requests] == [
        "2311.13246,2401.1719x,2401.17197,2410.06961",
        "2311.13246,2401.1719x",
        "2311.13246",
        "2401.1719x",
        "2401.17197,2410.06961",
    ]
