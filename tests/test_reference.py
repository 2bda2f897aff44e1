"""`import-reference`: the shipped resolved records come from the reference file, reproducibly."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from delbib import catalog, reference
from delbib.cli import main
from delbib.errors import InputError

from .conftest import REFERENCE, snapshot


def test_shipped_resolved_records_are_reproduced_from_the_reference(catalog_copy):
    before = snapshot(catalog_copy / "resolved")
    shutil.rmtree(catalog_copy / "resolved")
    result = CliRunner().invoke(
        main, ["--catalog", str(catalog_copy), "import-reference", str(REFERENCE), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["written"]) == 208
    assert snapshot(catalog_copy / "resolved") == before


def test_title_named_paper_is_kept_and_wrong_links_recorded(catalog_copy):
    cat = catalog.load(catalog_copy)
    by_row = {r: e.key for e in cat.entries.values() for r in e.rows}
    for row, title in [
        (19, "Sample-Efficient Alignment for LLMs"),
        (
            178,
            "Data to Defense: The Role of Curation in Customizing LLMs "
            "Against Jailbreaking Attacks",
        ),
        (172, "LLM-Enhanced Data Management"),
    ]:
        record = cat.resolved[by_row[row]]
        assert record["csl"]["title"] == title
        assert record["conflicts"][0]["kind"] == "link-points-to-another-paper"
    sample = cat.resolved[by_row[19]]["csl"]
    assert sample["custom"]["arxiv"] == "2411.01493"  # not the linked 2410.06961
    assert not cat.resolved[by_row[62]]["conflicts"]


def test_preprints_published_papers_and_rejected_submissions(catalog_copy):
    cat = catalog.load(catalog_copy)
    coach = cat.resolved["coachlm2023"]
    assert coach["csl"]["type"] == "paper-conference"
    assert coach["csl"]["DOI"] == "10.1109/icde60146.2024.00390"
    assert coach["provenance"]["source"] == "reference"
    assert coach["provenance"]["confidence"] == "high"
    rejected = [r for r in cat.resolved.values() if r["status"] == "rejected"]
    assert rejected and all("container-title" not in r["csl"] for r in rejected)
    preprint = next(r for r in cat.resolved.values() if r["status"] == "preprint-only")
    assert preprint["csl"]["publisher"] == "arXiv"
    assert preprint["csl"]["number"] == f"arXiv:{preprint['csl']['custom']['arxiv']}"


def test_bad_reference_line_names_file_and_line(tmp_path):
    bad = tmp_path / "ref.jsonl"
    bad.write_text('{"row": 1}\n{"row": 2,\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        reference.read(bad)
    assert str(info.value).startswith(f"{bad}:2: not a JSON object")
