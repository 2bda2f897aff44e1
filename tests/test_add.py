"""`delbib add` against the local fake services: the same entries and records as
import-markdown + resolve of a hand-written list, doubtful titles, duplicates, outages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from delbib.cli import main
from delbib.resolve.sources import dblp

from .conftest import ROOT, snapshot
from .fakeapi import FakeAPI, api_fixture  # noqa: F401 (the api fixture)

LIST = Path(__file__).parent / "data" / "add" / "papers.md"
BY_ID = [  # 20 papers, each form a user may paste (all in the fakes' data)
    "2305.14288",
    "https://arxiv.org/abs/2306.05685",
    "https://arxiv.org/pdf/2309.16797v2",
    "arxiv:2401.01335",
    "https://arxiv.org/abs/2308.07074",
    "2402.04333",
    "10.1109/icde60146.2024.00390",
    "https://doi.org/10.1109/tbdata.2025.3536934",
    "doi:10.1002/jrsm.1710",
    "https://doi.org/10.1007/978-981-97-5501-1_30",
    "https://openreview.net/forum?id=0NphYCmgua",
    "https://openreview.net/pdf?id=4es2oO9tw1",
    "https://openreview.net/forum?id=Pnk7vMbznK",
    "https://openreview.net/forum?id=RzrXtaNUZY",
    "https://aclanthology.org/2023.acl-long.754/",
    "https://aclanthology.org/2024.findings-acl.97.pdf",
    "https://aclanthology.org/2024.emnlp-main.2/",
    "https://dblp.org/rec/conf/aaai/Zhang24",
    "https://dblp.org/rec/conf/cikm/Li23",
    "https://dblp.org/rec/journals/corr/Xie24x",
]
BY_TITLE = [
    "LLM-Pruner: On the Structural Pruning of Large Language Models",
    "Self-Refine: Iterative Refinement with Self-Feedback",
    "Compact Language Models via Pruning and Knowledge Distillation",
    "Improving Data Efficiency via Curating LLM-Driven Rating Systems",
    "Diversify and Conquer: Diversity-Centric Data Selection with Iterative Refinement",
]
# Invented (tests/data/api/invented.yaml): Crossref and dblp hold this paper, arXiv does not.
CROSSREF_ONLY = "Small Proxy Models Select Better Pretraining Data"
# Invented too: one word off "Federated Curation of Medical Instruction Data"; and a title
# that Crossref alone holds, so no second record can vouch for it.
DOUBTFUL = {
    "Federated Curation of Clinical Instruction Data": (
        "candidate: 'Federated Curation of Medical Instruction Data' (2025, crossref, score 0.92"
    ),
    "Label Noise Audits for Crowdsourced Preference Data": (
        "candidate: 'Label Noise Audits for Crowdsourced Preference Data' (2025, crossref, "
        "score 1.0): no second record agrees with it"
    ),
}
INVENTED_ID = "2511.99001"  # invented too: not in the shipped catalog; published as a DOI


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


FAST = "arxiv_interval: 0.01\n"  # delbib.yaml: arXiv's 3 s between requests, scaled down


@pytest.fixture
def shipped(catalog_copy: Path) -> Path:
    (catalog_copy / "delbib.yaml").write_text(FAST)
    return catalog_copy


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    root = tmp_path / "added"
    result = _run("init", str(root))
    assert result.exit_code == 0, result.output
    (root / "delbib.yaml").write_text(FAST)
    return root


def _records(root: Path) -> dict[str, dict]:
    """Resolved records without the time they were fetched, and with arXiv's requests cut
    to their path: resolve asks arXiv for a batch of ids at once, add for one paper."""
    found = {}
    for path in sorted((root / "resolved").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["provenance"].pop("retrieved")
        for where in (record["provenance"], record["provenance"].get("preprint") or {}):
            if "id_list=" in where.get("request", ""):
                where["request"] = where["request"].split("?")[0]
        found[path.name] = record
    return found


def _papers(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "papers").glob("*.yaml"))}


def test_add_gives_what_import_and_resolve_give(api: FakeAPI, empty: Path, tmp_path: Path):
    added = _run("add", "--catalog", str(empty), "-c", "By identifier", "--new-category", *BY_ID)
    assert added.exit_code == 0, added.output
    assert added.stdout.count("added ") == 20
    titles = _run("add", *BY_TITLE, "--catalog", str(empty), "-c", "By title", "--new-category")
    assert titles.exit_code == 0, titles.output

    listed = tmp_path / "listed"
    imported = _run("--catalog", str(listed), "import-markdown", str(LIST))
    assert imported.exit_code == 0, imported.output
    (listed / "delbib.yaml").write_text(FAST)
    resolved = _run("--catalog", str(listed), "resolve", "--json")
    assert resolved.exit_code == 0, resolved.output
    assert json.loads(resolved.stdout)["counts"]["unresolved"] == 0

    assert len(_papers(empty)) == 25
    assert _papers(empty) == _papers(listed)
    assert _records(empty) == _records(listed)
    taxonomy = yaml.safe_load((empty / "catalog.yaml").read_text())["taxonomy"]
    assert [c["name"] for c in taxonomy] == ["By identifier", "By title"]
    # each route was taken: an upgrade to a version of record, a DOI, OpenReview, a dblp ee
    records = _records(empty)
    assert records["less2024.json"]["provenance"]["method"] == "upgrade"
    assert records["efficienttoxic2024.json"]["csl"]["DOI"] == "10.1609/aaai.v38i19.30178"
    assert records["magpie2025.json"]["csl"]["custom"]["openreview"] == "Pnk7vMbznK"
    assert records["selfrefine2023.json"]["provenance"]["method"] == "search"


def test_dry_run_resolves_and_writes_nothing(api: FakeAPI, empty: Path):
    before = snapshot(empty)
    result = _run("add", "2402.04333", "--catalog", str(empty), "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["added"][0]["key"] == "less2024" and data["files_written"] == 0
    assert api.count() > 0 and snapshot(empty) == before


def test_a_title_crossref_alone_searches_is_added_as_a_list_without_venues_gives_it(
    api: FakeAPI, empty: Path, tmp_path: Path
):
    # no venue is no listed preprint: the search is not arXiv's alone
    added = _run("add", CROSSREF_ONLY, "--catalog", str(empty), "-c", "By title", "--new-category")
    assert added.exit_code == 0, added.output
    listed, md = tmp_path / "listed", tmp_path / "list.md"
    md.write_text(
        f"| Title | Category | Year |\n| --- | --- | --- |\n| {CROSSREF_ONLY} | By title | 2025 |\n"
    )
    assert _run("--catalog", str(listed), "import-markdown", str(md)).exit_code == 0
    (listed / "delbib.yaml").write_text(FAST)
    resolved = _run("--catalog", str(listed), "resolve", "--json")
    assert json.loads(resolved.stdout)["counts"]["resolved"] == 1, resolved.output
    assert list(_papers(empty)) == ["smallproxy2025.yaml"]
    assert _papers(empty) == _papers(listed) and _records(empty) == _records(listed)
    record = _records(empty)["smallproxy2025.json"]
    assert record["csl"]["DOI"] == "10.5555/inv.1006" and record["status"] == "published"
    assert "dblp" in record["provenance"]["evidence"]["witness"]


@pytest.mark.parametrize("title", list(DOUBTFUL))
def test_doubtful_title_writes_nothing_and_shows_the_candidate(
    api: FakeAPI, empty: Path, title: str
):
    before = snapshot(empty)
    result = _run("add", title, "--catalog", str(empty))
    assert result.exit_code == 1
    assert DOUBTFUL[title] in result.stderr
    assert "no record is certainly this paper" in result.stderr
    assert snapshot(empty) == before


def test_a_paper_already_there_is_refused_naming_its_entry(api: FakeAPI, shipped: Path):
    before = snapshot(shipped)
    by_id = _run("add", "https://arxiv.org/abs/2402.04333v3", "--catalog", str(shipped))
    assert by_id.exit_code == 1
    assert "already in the catalog as less2024 (arxiv:2402.04333)" in by_id.stderr
    # the shipped entry links the arXiv page; its record names the OpenReview note too
    other = _run("add", "https://openreview.net/forum?id=0NphYCmgua", "--catalog", str(shipped))
    assert "already in the catalog as selfrewardinglanguage2024" in other.stderr
    by_title = _run(
        "add",
        "Less: selecting influential data for targeted instruction tuning.",
        "--catalog",
        str(shipped),
    )
    assert by_title.exit_code == 1 and "as less2024 (same title)" in by_title.stderr
    twice = _run("add", INVENTED_ID, f"arxiv:{INVENTED_ID}v2", "--catalog", str(shipped))
    assert twice.exit_code == 1
    assert f"already in the catalog as curriculumpruning2025 (arxiv:{INVENTED_ID})" in twice.stderr
    assert snapshot(shipped) == before  # the first of the two was not written either


def test_unreachable_service_is_one_line_and_writes_nothing(
    api: FakeAPI, empty: Path, monkeypatch: pytest.MonkeyPatch
):
    for name in api.config_env():
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens there
    before = snapshot(empty)
    for given in ("2402.04333", "https://doi.org/10.1002/jrsm.1710", BY_TITLE[0]):
        result = _run("add", given, "--catalog", str(empty))
        assert result.exit_code == 1, result.output
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("delbib: error: ")
        assert "nothing written" in lines[0] and "Traceback" not in result.output
    assert snapshot(empty) == before


def test_a_service_failing_mid_resolution_writes_nothing(api: FakeAPI, empty: Path, monkeypatch):
    monkeypatch.setenv("DELBIB_OPENREVIEW_URL", "http://127.0.0.1:9")  # LESS's upgrade route
    before = snapshot(empty)
    result = _run("add", "2402.04333", "--catalog", str(empty))
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert snapshot(empty) == before


def test_no_resolve_writes_what_was_given(api: FakeAPI, empty: Path):
    result = _run(
        "add", "arxiv:2402.04333", "--title", "LESS: Selecting Influential Data",
        "--no-resolve", "--key", "less", "--tldr", "Gradient features pick data.",
        "-c", "Selection", "--new-category", "--catalog", str(empty),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert api.count() == 0
    entry = yaml.safe_load((empty / "papers" / "less.yaml").read_text())
    assert entry["title"] == "LESS: Selecting Influential Data"
    assert entry["links"] == ["https://arxiv.org/abs/2402.04333"]
    assert entry["identifiers"] == ["arxiv:2402.04333"] and entry["rows"] == [1]
    assert entry["tldr"] == "Gradient features pick data." and entry["categories"] == ["Selection"]
    assert not (empty / "resolved" / "less.json").exists()
    alone = _run("add", "2305.14288", "--no-resolve", "--catalog", str(empty))
    assert alone.exit_code == 2 and "--title" in alone.stderr


def test_unknown_category_and_bad_identifier_are_refused(api: FakeAPI, shipped: Path):
    before = snapshot(shipped)
    unknown = _run("add", "2305.14288", "-c", "No Such Thing", "--catalog", str(shipped))
    assert unknown.exit_code == 2 and "--new-category" in unknown.stderr
    assert "Data Selection" in unknown.stderr  # the valid names are listed
    typo = _run("add", "2305.1428x", "--catalog", str(shipped))
    assert typo.exit_code == 1 and "2305.1428x" in typo.stderr and api.count() == 0
    assert snapshot(shipped) == before


def test_existing_category_by_slug_and_list_rendered(api: FakeAPI, shipped: Path, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# List\n\n<!-- delbib:start -->\n<!-- delbib:end -->\n\nEnd.\n")
    result = _run(
        "add", INVENTED_ID, "-c", "data-pruning", "--list", str(readme),
        "--catalog", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    entry = yaml.safe_load((shipped / "papers" / "curriculumpruning2025.yaml").read_text())
    assert entry["categories"] == ["Data Pruning"]
    assert entry["rows"] == [216]  # after the shipped list's 215 rows
    record = json.loads((shipped / "resolved" / "curriculumpruning2025.json").read_text())
    assert record["csl"]["DOI"] == "10.5555/inv.1001"  # invented.yaml's expected answer
    text = readme.read_text()
    assert "Curriculum Pruning for Sample-Efficient Instruction Tuning" in text
    assert text.startswith("# List\n") and text.endswith("<!-- delbib:end -->\n\nEnd.\n")


def test_a_list_without_markers_is_refused_before_any_write(api: FakeAPI, shipped: Path, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# List without markers\n")
    before = snapshot(shipped)
    result = _run("add", INVENTED_ID, "--list", str(readme), "--catalog", str(shipped))
    assert result.exit_code == 2 and "markers" in result.stderr
    assert snapshot(shipped) == before and api.count() == 0
    assert readme.read_text() == "# List without markers\n"


def test_a_title_the_identifier_record_does_not_bear_is_doubtful(api: FakeAPI, empty: Path):
    # invented.yaml: arXiv 2511.99012 is another paper than the one a list gave it for
    before = snapshot(empty)
    result = _run(
        "add", "2511.99012", "--title", "Gradient Signatures Predict Instruction Data Quality",
        "--catalog", str(empty),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "arxiv:2511.99012 is another paper than this title's" in result.stderr
    assert "candidate: 'Gradient Signatures of Memorization in Code Models'" in result.stderr
    # the paper the title names is shown, for adding by its own identifier
    assert "candidate: 'Gradient Signatures Predict Instruction Data Quality' (2025, crossref" in (
        result.stderr
    )
    assert snapshot(empty) == before


def test_an_identifier_nobody_has_is_refused(api: FakeAPI, empty: Path):
    result = _run("add", "https://openreview.net/forum?id=noSuchNote1", "--catalog", str(empty))
    assert result.exit_code == 2
    assert "no such paper" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://dblp.org/rec/conf/iclr/Lu24", "conf/iclr/Lu24"),
        ("https://dblp.org/rec/conf/iclr/Lu24.html", "conf/iclr/Lu24"),
        (
            "https://dblp.uni-trier.de/rec/bibtex/journals/corr/abs-2305-14288",
            "journals/corr/abs-2305-14288",
        ),
        ("https://dblp.org/rec/journals/corr/abs-2305-14288.bib", "journals/corr/abs-2305-14288"),
        ("https://dblp.org/rec/series/sci/2023-1062.xml", "series/sci/2023-1062"),
        ("https://dblp.org/pid/123/4567.html", None),
        ("https://example.org/rec/conf/iclr/Lu24", None),
    ],
)
def test_dblp_record_links(url: str, key: str | None):
    assert dblp.record_key(url) == key


def test_dblp_record_export_as_dblp_writes_it():
    """The real BibTeX export of a dblp record (papis' test fixture, ../shared/api-samples)."""
    shared = [p / "shared" for p in (ROOT.parent, ROOT.parent.parent)]
    sample = next((p / "api-samples" / "dblp-rec.bib" for p in shared if p.is_dir()), None)
    if sample is None or not sample.is_file():
        pytest.skip("../shared/api-samples/dblp-rec.bib is not here")
    found, pages = dblp.from_bibtex(sample.read_text(encoding="utf-8"), "request")
    assert found.csl["title"] == (
        "Banach Space Valued Neural Network - Ordinary and Fractional Approximation and "
        "Interpolation"
    )
    assert found.csl["author"] == [{"given": "George A.", "family": "Anastassiou"}]
    assert found.csl["DOI"] == "10.1007/978-3-031-16400-2" and found.status == "published"
    assert found.csl["issued"] == {"date-parts": [[2023]]} and found.csl["type"] == "book"
    assert pages == ["https://doi.org/10.1007/978-3-031-16400-2"]
    assert found.links == {"doi:10.1007/978-3-031-16400-2"}
