"""`delbib rekey` and key patterns (issue 20, part 4).

Which keys name another year than their paper is computed here from the shipped BibTeX export
read by bibtexparser (each entry's key against its year field), not by rekey's code.
"""

from __future__ import annotations

import json
import re
import subprocess

import bibtexparser
import pytest
import yaml
from click.testing import CliRunner

from delbib import keys
from delbib.cli import main

from .conftest import CATALOG, EXPORTS, snapshot
from .test_latex_compile import _require


def year_mismatches() -> dict[str, str]:
    """Key -> the year its entry prints, for keys whose trailing year is another one."""
    library = bibtexparser.parse_string((EXPORTS / "bibtex" / "all.bib").read_text("utf-8"))
    found = {}
    for entry in library.entries:
        year = entry.fields_dict["year"].value
        listed = re.search(r"((?:19|20)\d\d)\d*$", entry.key)
        if year.isdigit() and listed and listed.group(1) != year:
            found[entry.key] = year
    return found


def rekey(root, *args):
    return CliRunner().invoke(main, ["--catalog", str(root), "rekey", *args])


def test_dry_run_on_the_shipped_catalog_lists_the_year_mismatched_keys():
    before = snapshot(CATALOG)
    result = rekey(CATALOG, "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    renames = json.loads(result.stdout)["renames"]
    expected = year_mismatches()
    assert len(expected) >= 30  # the issue counted 32 on the catalog of its day
    assert sorted(renames) == sorted(expected)
    for old, new in renames.items():
        stem = re.sub(r"((?:19|20)\d\d)\d*$", "", old)
        assert new.startswith(stem) and expected[old] in new, (old, new)
    assert snapshot(CATALOG) == before  # a dry run (and the shipped catalog) stays as it is
    text = rekey(CATALOG, "--dry-run")
    assert "magpie2024 -> magpie2025" in text.stdout


def test_rekey_renames_keeps_aliases_and_a_second_run_changes_nothing(catalog_copy):
    expected = year_mismatches()
    result = rekey(catalog_copy)
    assert result.exit_code == 0, result.output
    paper = yaml.safe_load((catalog_copy / "papers" / "magpie2025.yaml").read_text("utf-8"))
    assert paper["key"] == "magpie2025" and paper["aliases"] == ["magpie2024"]
    assert not (catalog_copy / "papers" / "magpie2024.yaml").exists()
    assert (catalog_copy / "resolved" / "magpie2025.json").exists()
    assert not (catalog_copy / "resolved" / "magpie2024.json").exists()
    assert len(list((catalog_copy / "papers").glob("*.yaml"))) == 208
    again = rekey(catalog_copy, "--dry-run", "--json")
    assert json.loads(again.stdout)["renames"] == {}
    runner = CliRunner()
    biblatex = runner.invoke(main, ["--catalog", str(catalog_copy), "export", "-f", "biblatex"])
    library = bibtexparser.parse_string(biblatex.stdout)
    ids = {e.key: e.fields_dict["ids"].value for e in library.entries if "ids" in e.fields_dict}
    assert len(ids) == len(expected) and ids["magpie2025"] == "magpie2024"
    csljson = runner.invoke(main, ["--catalog", str(catalog_copy), "export", "-f", "csljson"])
    magpie = next(i for i in json.loads(csljson.stdout) if i["id"] == "magpie2025")
    assert "tex.ids: magpie2024" in magpie["note"].splitlines()  # Zotero's Extra


def test_an_alias_that_is_another_entrys_key_is_refused(catalog_copy):
    path = catalog_copy / "papers" / "magpie2024.yaml"
    path.write_text(path.read_text("utf-8") + "aliases:\n- less2024\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--catalog", str(catalog_copy), "list"])
    assert result.exit_code == 2
    assert "magpie2024.yaml" in result.stderr and "aliases" in result.stderr


def test_a_document_citing_the_old_keys_still_compiles_with_biber(catalog_copy, tmp_path):
    _require("biber")
    old_keys = sorted(year_mismatches())
    assert rekey(catalog_copy).exit_code == 0
    bib = CliRunner().invoke(main, ["--catalog", str(catalog_copy), "export", "-f", "biblatex"])
    (tmp_path / "refs.bib").write_text(bib.stdout, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n"
        "\\addbibresource{refs.bib}\n\\begin{document}\n"
        f"\\cite{{{','.join(old_keys)}}}\n\\printbibliography\n\\end{{document}}\n",
        encoding="utf-8",
    )
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for step in (latex, ["biber", "doc"], latex, latex):
        done = subprocess.run(step, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:]
    log = (tmp_path / "doc.log").read_text("utf-8", errors="replace")
    assert "undefined" not in log.lower(), re.findall(r".*undefined.*", log)
    bbl = (tmp_path / "doc.bbl").read_text("utf-8", errors="replace")
    assert "\\entry{magpie2025}" in bbl


@pytest.mark.parametrize(
    ("pattern", "taken", "expected"),
    [
        ("name + year", (), "alpagasus2024"),
        ("auth + year", (), "chen2024"),
        ("auth + year", ("chen2024",), "chen2024a"),
        ("auth + shorttitle(2) + year", (), "chenalpagasustraining2024"),
        ("veryshorttitle + '_' + year", (), "alpagasus_2024"),
    ],
)
def test_patterns(pattern, taken, expected):
    title = "AlpaGasus: Training a Better Alpaca with Fewer Data"
    made = keys.make(pattern, title=title, year=2024, author="Chen", taken=taken)
    assert made == expected


def test_a_bad_pattern_is_refused_naming_the_part(catalog_copy):
    (catalog_copy / "delbib.yaml").write_text("key_pattern: auth + yeer\n", encoding="utf-8")
    result = rekey(catalog_copy, "--dry-run")
    assert result.exit_code == 2
    assert "'yeer' is not a key part" in result.stderr and "delbib.yaml" in result.stderr


def test_a_pattern_given_is_checked_and_wins_over_delbib_yaml(catalog_copy):
    from delbib.catalog import rekey as rekey_mod

    (catalog_copy / "delbib.yaml").write_text('key_pattern: "auth + year"\n', encoding="utf-8")
    assert rekey_mod.choose_pattern(catalog_copy, None) == "auth + year"
    assert rekey_mod.choose_pattern(catalog_copy, "name + year") == "name + year"
    result = rekey(catalog_copy, "--dry-run", "--pattern", "auth + yeer")
    assert result.exit_code == 2
    assert "'yeer' is not a key part" in result.stderr and "pattern" in result.stderr


def test_new_entries_take_the_key_pattern_of_delbib_yaml(tmp_path):
    from .conftest import SOURCE_LIST

    root = tmp_path / "catalog"
    root.mkdir()
    (root / "delbib.yaml").write_text("key_pattern: \"veryshorttitle + '-' + year\"\n")
    result = CliRunner().invoke(
        main, ["--catalog", str(root), "import-markdown", "-q", str(SOURCE_LIST)]
    )
    assert result.exit_code == 0, result.output
    made = sorted(p.stem for p in (root / "papers").glob("*.yaml"))
    assert len(made) == 208 and "alpagasus-2024" in made
    assert all(re.fullmatch(r"[a-z0-9]+-(?:(?:19|20)\d\d)?[a-z0-9]*", k) for k in made), made
