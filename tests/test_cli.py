"""CLI: catalog discovery, list and stats output, bad input (message, exit 2, no writes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from delbib.cli import main

from .conftest import CATALOG, ROOT, SOURCE_LIST, snapshot


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_list_category_json_and_unknown_category(catalog_copy):
    result = run("--catalog", str(catalog_copy), "list", "--category", "data synthesis", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == 20  # 20 rows in the list, none merged
    assert all("Data Synthesis" in e["categories"] for e in data)
    result = run("--catalog", str(catalog_copy), "list", "--category", "Data Synth")
    assert result.exit_code == 2
    assert "unknown category 'Data Synth'" in result.stderr
    assert "Data Selection; Data Quality Enhancement" in result.stderr


def test_stats_counts_papers_per_category_and_year(catalog_copy):
    result = run("--catalog", str(catalog_copy), "stats", "--json")
    data = json.loads(result.stdout)
    assert data["papers"] == 208 and data["rows"] == 215
    assert sum(data["years"].values()) == 208
    assert data["categories"]["Data Pruning"] == 13  # 13 rows; row 204 merges with row 1
    text = run("--catalog", str(catalog_copy), "stats").stdout
    assert "Data Pruning" in text and "2024" in text


def test_catalog_from_env_and_option(catalog_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = catalog_copy / "papers" / "less2024.yaml"
    path.write_text(path.read_text().replace("clean_title: 'LESS:", "clean_title: 'MORE:"))
    result = run("list", env={"DELBIB_CATALOG": str(catalog_copy)})
    assert "MORE: Selecting Influential Data" in result.stdout
    other = run("--catalog", str(CATALOG), "list", env={"DELBIB_CATALOG": str(catalog_copy)})
    assert "LESS: Selecting Influential Data" in other.stdout  # --catalog wins over the env


def test_installed_delbib_outside_a_checkout_uses_the_shipped_catalog(tmp_path):
    # A fresh process in an empty directory, no env: falls back to the packaged catalog.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "delbib", "list", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(out.stdout)) == 208


def test_unusable_markdown_row_is_a_warning_and_strict_writes_nothing(catalog_copy, tmp_path):
    bad = tmp_path / "list.md"
    text = SOURCE_LIST.read_text(encoding="utf-8").splitlines()
    text[40] = "|  |" + text[40].split("|", 2)[2]  # row 31: its title cell emptied
    bad.write_text("\n".join(text), encoding="utf-8")
    before = snapshot(catalog_copy)
    result = run("--catalog", str(catalog_copy), "import-markdown", "--strict", str(bad))
    assert result.exit_code == 2
    assert f"warning: {bad}:41: row skipped: no title in the title column" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(catalog_copy) == before


def test_bad_yaml_exit_2_names_file_line_and_field(catalog_copy):
    path = catalog_copy / "papers" / "less2024.yaml"
    path.write_text(path.read_text().replace("year: 2024", "year: '2024'"), encoding="utf-8")
    before = snapshot(catalog_copy)
    for command in (["lint"], ["export"], ["import-markdown", str(SOURCE_LIST)]):
        result = run("--catalog", str(catalog_copy), *command)
        assert result.exit_code == 2, command
        assert f"{path}:9: field 'year': must be a year" in result.stderr
    assert snapshot(catalog_copy) == before


def test_missing_catalog_is_an_actionable_error(tmp_path):
    result = run("--catalog", str(tmp_path / "nowhere"), "lint")
    assert result.exit_code == 2
    assert "delbib import-markdown" in result.stderr


def test_help_is_fast_to_import():
    # `delbib --help` must not pull in the heavy libraries.
    code = (
        "import sys; from delbib.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'habanero', 'ftfy', 'rich', 'rapidfuzz', 'bibtexparser', 'pybtex', 'yaml'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_package_ships_the_repository_catalog():
    # Editable or not (CI installs with `pip install .`), the package carries the same catalog.
    from delbib.cli import _packaged_catalog

    def data(root):  # what package-data ships: not source/ (the build inputs)
        return {k: v for k, v in snapshot(root).items() if not k.startswith("source/")}

    assert len(data(_packaged_catalog())) == 1 + 2 * 208
    assert data(_packaged_catalog()) == data(CATALOG)


def test_output_dash_is_stdout_and_a_suffix_naming_no_format_means_bibtex(tmp_path):
    import bibtexparser

    base = ["--catalog", str(CATALOG), "export", "-c", "survey"]
    plain = run(*base)
    dash = run(*base, "-o", "-")
    assert dash.exit_code == 0 and dash.stdout == plain.stdout
    for target in (tmp_path / "refs.txt", tmp_path / "refs"):
        result = run(*base, "-o", str(target))
        assert result.exit_code == 0, result.output
        assert target.read_text(encoding="utf-8") == plain.stdout
    keys = {e.key for e in bibtexparser.parse_string(plain.stdout).entries}
    listed = run("--catalog", str(CATALOG), "list", "-c", "survey", "--json")
    assert keys == {e["key"] for e in json.loads(listed.stdout)}
    result = run(*base, "-o", "/dev/null")
    assert result.exit_code == 0 and "-> /dev/null (bibtex)" in result.stderr


def test_an_unwritable_output_names_the_target_exit_1(tmp_path):
    (tmp_path / "file").write_text("not a directory\n")
    target = tmp_path / "file" / "refs.bib"
    result = run("--catalog", str(CATALOG), "export", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"delbib: error: {target}: cannot write: Not a directory\n"
    fifo = tmp_path / "refs.fifo"
    os.mkfifo(fifo)
    result = run("--catalog", str(CATALOG), "export", "-o", str(fifo))
    assert result.exit_code == 1
    assert (
        result.stderr == f"delbib: error: {fifo}: cannot write: no process is reading this FIFO\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "refs.fifo"]


@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["list"], 0),
        (["export"], 0),
        (["export", "-o", "/dev/stdout"], 0),
        (["stats", "--json"], 0),
        (["stats"], 1),  # rich draws the tables and ends a broken pipe itself: quiet, status 1
    ],
)
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path, command, status):
    # `delbib list | head -1`: the reader goes away before delbib writes.
    process = subprocess.Popen(
        [sys.executable, "-m", "delbib", "--catalog", str(CATALOG), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert stderr.decode() == "" and process.returncode == status


def test_ctrl_c_while_exporting_keeps_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "refs.bib"
    target.write_text("old\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = run("--catalog", str(CATALOG), "export", "-o", str(target))
    assert result.exit_code == 130
    assert result.stderr == "delbib: interrupted; finished files are kept, none is half-written\n"
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_version_comes_from_the_source_tree_installed_or_not():
    """``python -m delbib --version`` from a checkout (no installed metadata) names the
    version pyproject.toml reads, instead of failing with "delbib is not installed"."""
    import tomllib

    from delbib._version import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["dynamic"]["version"]["attr"] == (
        "delbib._version.__version__"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "delbib", "--version"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"delbib, version {__version__}\n"
