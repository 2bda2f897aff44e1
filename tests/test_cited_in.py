"""`delbib export --cited-in`: only the entries a LaTeX document cites (.tex or .aux)."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
from click.testing import CliRunner

from delbib.cli import main
from delbib.export import citations

from .conftest import CATALOG

DATA = Path(__file__).parent / "data" / "add"
CITED = {  # written by hand from survey.tex and survey-chapter.tex
    "alpagasus2024", "less2024", "coachlm2023", "auggpt2025", "autolabel2024", "chatts2024",
    "clues2024", "bitdistiller2024", "calibraeval2024", "compresso2024", "codeless2024",
    "condor2025",
}  # fmt: skip


def _export(*args: str):
    return CliRunner().invoke(main, ["--catalog", str(CATALOG), "export", *args])


def test_tex_cited_keys_are_exactly_the_exported_entries(tmp_path: Path):
    out = tmp_path / "refs.bib"
    result = _export("--cited-in", str(DATA / "survey.tex"), "-o", str(out))
    assert result.exit_code == 0, result.output
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert {e.key for e in library.entries} == CITED and len(library.entries) == 12
    assert "cites 1 keys the catalog does not have: nosuchpaper2099" in result.stderr
    assert "arxivcopilot2024" not in out.read_text()  # only cited in a comment


def test_aux_files_of_bibtex_and_biber(tmp_path: Path):
    aux = tmp_path / "main.aux"
    aux.write_text(
        "\\relax\n\\citation{alpagasus2024,less2024}\n\\citation{less2024}\n"
        "\\abx@aux@cite{0}{chatts2024}\n\\abx@aux@segm{0}{0}{chatts2024}\n"
        "\\abx@aux@cite{condor2025}\n\\bibdata{refs}\n"
    )
    assert citations.read(aux) == ["alpagasus2024", "less2024", "chatts2024", "condor2025"]
    result = _export("--cited-in", str(aux), "-f", "csljson")
    assert result.exit_code == 0, result.output
    ids = [item["id"] for item in json.loads(result.stdout)]
    assert sorted(ids) == ["alpagasus2024", "chatts2024", "condor2025", "less2024"]
    assert result.stderr == ""


def test_nocite_star_is_every_entry_and_category_still_narrows(tmp_path: Path):
    tex = tmp_path / "all.tex"
    tex.write_text("\\nocite{*}\n")
    result = _export("--cited-in", str(tex), "-c", "Survey", "-f", "csljson")
    assert result.exit_code == 0, result.output
    plain = _export("-c", "Survey", "-f", "csljson")
    assert result.stdout == plain.stdout


def test_a_missing_document_is_one_line_exit_2(tmp_path: Path):
    result = _export("--cited-in", str(tmp_path / "nope.tex"))
    assert result.exit_code == 2
    assert result.stderr.startswith("delbib: error: ") and len(result.stderr.splitlines()) == 1
