"""`import-reference`: the shipped resolved records come from the reference file, reproducibly."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from delbib.catalog import model as catalog
from delbib.cli import main
from delbib.errors import InputError
from delbib.resolve import reference

from .conftest import AMENDMENTS, REFERENCE, snapshot


def test_shipped_resolved_records_are_reproduced_from_the_reference(catalog_copy):
    before = snapshot(catalog_copy / "resolved")
    shutil.rmtree(catalog_copy / "resolved")
    args = ["--catalog", str(catalog_copy), "import-reference", str(REFERENCE), str(AMENDMENTS)]
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["written"]) == 208
    assert snapshot(catalog_copy / "resolved") == before


def test_amendments_add_what_the_reference_states_only_in_its_notes(catalog_copy):
    """Facts read here from the reference's own notes (rows 28, 96), not from delbib."""
    notes = {r["row"]: r.get("notes") or "" for r in map(json.loads, REFERENCE.open())}
    assert "Proceedings of the VLDB Endowment 18(8):2385-2398 (2025)" in notes[28]
    assert "arXiv spells 'Ondřej Dušek'" in notes[96]
    cat = catalog.load(catalog_copy)
    by_row = {r: e.key for e in cat.entries.values() for r in e.rows}
    vldb = cat.resolved[by_row[28]]
    assert (vldb["csl"]["volume"], vldb["csl"]["issue"], vldb["csl"]["page"]) == (
        "18",
        "8",
        "2385-2398",
    )
    assert vldb["provenance"]["source"] == "reference"
    assert vldb["provenance"]["confidence"] == "high"
    assert "amended by reference-amendments.jsonl row 28" in vldb["provenance"]["request"]
    names = [(a["given"], a["family"]) for a in cat.resolved[by_row[96]]["csl"]["author"]]
    assert ("Ondřej", "Dušek") in names


def test_an_amendment_of_a_row_the_reference_lacks_is_refused(catalog_copy, tmp_path):
    bad = tmp_path / "amend.jsonl"
    bad.write_text('{"row": 9999, "volume": "1"}\n', encoding="utf-8")
    args = ["--catalog", str(catalog_copy), "import-reference", str(REFERENCE), str(bad)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "amend.jsonl" in result.stderr and "row 9999" in result.stderr


def test_a_reimport_without_the_amendments_would_blank_their_pages_and_is_refused(catalog_copy):
    args = ["--catalog", str(catalog_copy), "import-reference", str(REFERENCE), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    refused = json.loads(result.stdout)["refused"]
    assert "would blank" in refused["leakcheatrepeat2024"]["reason"]


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


def reference_rows(*rows: int) -> dict[int, dict]:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return {r["row"]: r for r in records if r["row"] in rows}


def import_records(catalog_copy, tmp_path, *records):
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return CliRunner().invoke(
        main, ["--catalog", str(catalog_copy), "import-reference", str(path), "--json"]
    )


CATS = {"row": 3, "title": "About Cats", "issued": 1999, "author": [{"family": "Felix"}]}


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (CATS, "names another paper ('About Cats'): title similarity"),
        (  # says it was gathered for this row's listed title, but its year is another paper's
            {**CATS, "catalog_title": "Alpagasus:Training a Better Alpaca with Fewer Data"},
            "names another paper ('About Cats'): year 1999 is not within one of [2024]",
        ),
        (
            {**reference_rows(3)[3], "author": [{"given": "Tom", "family": "Cat"}]},
            "authors disagree: 0 of 1 authors shared",
        ),
        ({"row": 3}, "would blank title, author, issued (known from the current record)"),
        ({**reference_rows(3)[3], "type": "banana"}, "not valid CSL-JSON: type: 'banana'"),
    ],
)
def test_a_record_for_another_paper_or_blanking_known_fields_is_refused(
    catalog_copy, tmp_path, record, reason
):
    good = reference_rows(7)[7]
    good["page"] = "1-99"  # a real change to another entry: it is still adopted
    before = snapshot(catalog_copy)
    result = import_records(catalog_copy, tmp_path, record, good)
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert list(summary["refused"]) == ["alpagasus2024"]
    assert summary["refused"]["alpagasus2024"]["row"] == 3
    assert reason in summary["refused"]["alpagasus2024"]["reason"]
    assert f"refused: alpagasus2024 (row 3): {summary['refused']['alpagasus2024']['reason']}\n" in (
        result.stderr
    )
    after = snapshot(catalog_copy)
    assert after["resolved/alpagasus2024.json"] == before["resolved/alpagasus2024.json"]
    changed = sorted(k for k in after if after[k] != before[k])
    assert len(summary["written"]) == 1 and changed == [f"resolved/{summary['written'][0]}.json"]
    assert json.loads(after[changed[0]])["csl"]["page"] == "1-99"


def test_a_renamed_paper_is_adopted_when_the_record_names_the_listed_title(catalog_copy, tmp_path):
    # Row 25 was retitled on arXiv after it was listed: its record says which listed title it
    # was gathered for (catalog_title), and its year and authors agree.
    record = reference_rows(25)[25]
    shutil.rmtree(catalog_copy / "resolved")
    result = import_records(catalog_copy, tmp_path, record)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["written"] == ["llmsnaturally2024"]
    record.pop("catalog_title")  # without it, the new title alone does not name the entry
    shutil.rmtree(catalog_copy / "resolved")
    result = import_records(catalog_copy, tmp_path, record)
    assert result.exit_code == 1 and "title similarity 0.60 < 0.80" in result.stderr
    assert not (catalog_copy / "resolved").exists()


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ('{"row": 3, "author": "Chen, Lichang"}', "author", "must be a list of {given, family}"),
        ('{"row": 3, "author": [{"family": 7}]}', "author[0]", "must be a {given, family} object"),
        ('{"row": 3, "issued": "2024"}', "issued", "must be a year (integer) or null"),
        ('{"row": 3, "title": ["A"]}', "title", "must be a string or null"),
        ('{"row": true}', "row", "each record needs an integer 'row'"),
    ],
)
def test_a_record_of_the_wrong_shape_is_bad_input(catalog_copy, tmp_path, line, field, message):
    path = tmp_path / "facts.jsonl"
    path.write_text('{"row": 1}\n' + line + "\n", encoding="utf-8")
    before = snapshot(catalog_copy)
    result = CliRunner().invoke(
        main, ["--catalog", str(catalog_copy), "import-reference", str(path)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"delbib: error: {path}:2: field '{field}': {message}")
    assert result.stderr.count("\n") == 1
    assert snapshot(catalog_copy) == before
