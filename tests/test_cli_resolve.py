"""`delbib resolve` end to end: the real CLI against the local fake services."""

from __future__ import annotations

import json

from click.testing import CliRunner

from delbib.cli import main

from .conftest import snapshot
from .fakeapi import FakeAPI, api_fixture  # noqa: F401 (the api fixture)

MISSING = ["coachlm2023", "selfrewardinglanguage2024", "less2024"]


def _drop(catalog_copy, keys):
    for key in keys:
        (catalog_copy / "resolved" / f"{key}.json").unlink()


def test_resolve_fetches_only_what_is_missing_then_nothing(api: FakeAPI, catalog_copy, monkeypatch):
    monkeypatch.setenv("DELBIB_ARXIV_URL", f"{api.base}/arxiv")
    _drop(catalog_copy, MISSING)
    runner = CliRunner()
    args = ["--catalog", str(catalog_copy), "resolve"]

    offline = runner.invoke(main, [*args, "--offline", "--json"])
    assert offline.exit_code == 0 and api.count() == 0
    assert sorted(json.loads(offline.stdout)["missing"]) == sorted(MISSING)

    before = snapshot(catalog_copy)
    dry = runner.invoke(main, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would change coachlm2023.title" in dry.stdout
    assert snapshot(catalog_copy) == before  # a dry run writes nothing

    result = runner.invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert sorted(summary["resolved"] + summary["upgraded"]) == sorted(MISSING)
    assert summary["counts"]["unchanged"] == 205
    for key in MISSING:
        record = json.loads((catalog_copy / "resolved" / f"{key}.json").read_text())
        assert record["csl"]["title"] and record["provenance"]["source"] != "reference"
        assert record["provenance"]["request"].startswith(api.base)
    coach = json.loads((catalog_copy / "resolved" / "coachlm2023.json").read_text())
    assert coach["csl"]["DOI"] == "10.1109/icde60146.2024.00390"
    assert all("delbib/" in r.headers.get("user-agent", "") for r in api.requests)

    requests = api.count()
    again = runner.invoke(main, [*args, "--json"])
    assert json.loads(again.stdout)["requests"] == 0 and api.count() == requests

    text = runner.invoke(main, [*args])
    assert "unchanged 208" in text.stdout
    quiet = runner.invoke(main, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_pinning_the_right_identifier_refetches_that_entry(api: FakeAPI, catalog_copy):
    # The shipped paper file pins the right id; make its record the one made before the pin.
    path = catalog_copy / "resolved" / "sampleefficientalignment2024.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["provenance"]["identifiers"] == ["arxiv:2411.01493"]
    record["provenance"]["identifiers"] = ["arxiv:2410.06961"]
    path.write_text(json.dumps(record), encoding="utf-8")
    runner = CliRunner()
    args = ["--catalog", str(catalog_copy), "resolve", "--json"]
    offline = json.loads(runner.invoke(main, [*args, "--offline"]).stdout)
    assert offline["missing"] == ["sampleefficientalignment2024"]

    summary = json.loads(runner.invoke(main, args).stdout)
    assert summary["counts"]["unchanged"] == 207
    record = json.loads(
        (catalog_copy / "resolved" / "sampleefficientalignment2024.json").read_text()
    )
    assert record["csl"]["title"] == "Sample-Efficient Alignment for LLMs"
    assert record["csl"]["custom"]["arxiv"] == "2411.01493"
    assert record["provenance"]["identifiers"] == ["arxiv:2411.01493"]
    assert not any("2410.06961" in r.query.get("id_list", "") for r in api.requests)


def test_unreachable_service_is_reported_and_its_entries_take_other_routes(
    api: FakeAPI, catalog_copy, monkeypatch
):
    monkeypatch.setenv("DELBIB_OPENREVIEW_URL", "http://127.0.0.1:9")
    keys = ["coachlm2023", "less2024"]  # a DOI link and an arXiv link
    openreview_only = "advancingtheorem2024"  # its only link is an OpenReview forum
    assert "openreview:" in (catalog_copy / "papers" / f"{openreview_only}.yaml").read_text()
    _drop(catalog_copy, [*keys, openreview_only])
    result = CliRunner().invoke(main, ["--catalog", str(catalog_copy), "resolve"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "cannot reach" in line]
    assert lines == [
        "delbib: cannot reach openreview (http://127.0.0.1:9): Connection refused; "
        "check the network connection (or a proxy), and openreview_url in delbib.yaml or "
        "DELBIB_OPENREVIEW_URL"
    ]
    assert "failed 0 (" in result.stdout and "0 refused with 429" in result.stdout
    record = json.loads((catalog_copy / "resolved" / f"{openreview_only}.json").read_text())
    assert record["provenance"]["source"] != "openreview" and record["csl"]["title"]
    assert all(not r.path.startswith("/openreview") for r in api.requests)
