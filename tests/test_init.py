"""`delbib init` and the global options: --catalog after the command name, $DELBIB_CATALOG."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from delbib.cli import main

from .conftest import CATALOG, snapshot


def _run(*args: str, **env: str):
    return CliRunner().invoke(main, list(args), env=env or None)


def _leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def test_init_makes_an_empty_catalog_that_commands_use(tmp_path: Path):
    root = tmp_path / "mine"
    result = _run("init", str(root))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((root / "catalog.yaml").read_text()) == {"source": None, "taxonomy": []}
    assert (root / "papers").is_dir() and (root / "resolved").is_dir()
    listed = _run("list", "--catalog", str(root))
    assert listed.exit_code == 0 and listed.stdout == ""
    lint = _run("--catalog", str(root), "lint")
    assert lint.exit_code == 0, lint.output
    added = _run("add", "A Paper Typed by Hand", "--no-resolve", "--catalog", str(root))
    assert added.exit_code == 0, added.output
    assert (root / "papers" / "papertyped.yaml").is_file()


def test_init_never_overwrites(tmp_path: Path):
    root = tmp_path / "mine"
    assert _run("init", str(root)).exit_code == 0
    (root / "papers" / "x.yaml").write_text("key: x\n")
    before = snapshot(root)
    again = _run("init", str(root))
    assert again.exit_code == 2 and "already here" in again.stderr
    shipped = _run("init", "--from-shipped", str(root))
    assert shipped.exit_code == 2
    assert snapshot(root) == before
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    refused = _run("init", "--from-shipped", str(busy))
    assert refused.exit_code == 2 and "not an empty directory" in refused.stderr
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]


def test_init_default_place_is_the_catalog_option_env_or_cwd(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DELBIB_CATALOG", raising=False)
    assert _run("init").exit_code == 0 and (tmp_path / "catalog" / "catalog.yaml").is_file()
    assert _run("init", DELBIB_CATALOG=str(tmp_path / "env")).exit_code == 0
    assert (tmp_path / "env" / "catalog.yaml").is_file()
    assert _run("init", "--catalog", str(tmp_path / "opt")).exit_code == 0
    assert (tmp_path / "opt" / "catalog.yaml").is_file()


def test_from_shipped_copies_an_editable_catalog(tmp_path: Path):
    def shipped(root: Path) -> dict[str, bytes]:  # what package-data ships: not source/
        return {k: v for k, v in snapshot(root).items() if not k.startswith("source/")}

    packaged = shipped(CATALOG)
    root = tmp_path / "copy"
    result = _run("init", "--from-shipped", str(root))
    assert result.exit_code == 0, result.output
    assert "208 papers, 13 categories" in result.stderr
    assert shipped(root) == packaged  # every file, byte for byte
    offline = _run("resolve", "--offline", "--json", "--catalog", str(root))
    assert offline.exit_code == 0 and '"missing": []' in offline.stdout
    added = _run(
        "add", "A Paper Typed by Hand", "--no-resolve", "-c", "Survey", "--catalog", str(root)
    )
    assert added.exit_code == 0, added.output
    assert len(list((root / "papers").glob("*.yaml"))) == 209
    assert shipped(CATALOG) == packaged  # the package's own copy is untouched


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "small"
    assert _run("init", str(root)).exit_code == 0
    added = _run(
        "--catalog", str(root), "add", "Only Paper Here", "--no-resolve", "-c", "Mine",
        "--new-category",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    return root


def test_catalog_option_goes_after_the_command_too(small: Path, tmp_path: Path):
    out = tmp_path / "a.bib"
    result = _run("export", "--catalog", str(small), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "@" in out.read_text() and "Only Paper Here" in out.read_text()
    assert "1 entries" in result.stderr
    # after the command name wins over before it
    listed = _run("--catalog", str(CATALOG), "list", "--catalog", str(small))
    assert listed.stdout.splitlines() == ["onlypaper\t\tOnly Paper Here"]


def test_delbib_catalog_environment_variable(small: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    listed = _run("list", DELBIB_CATALOG=str(small))
    assert listed.stdout.splitlines() == ["onlypaper\t\tOnly Paper Here"]
    option = _run("list", "--catalog", str(CATALOG), DELBIB_CATALOG=str(small))
    assert len(option.stdout.splitlines()) == 208  # the option wins over the environment


@pytest.mark.parametrize("command", list(_leaf_commands(main)), ids=" ".join)
def test_every_command_help_says_where_catalog_goes(command: tuple[str, ...]):
    result = _run(*command, "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--catalog DIRECTORY" in text and "before or after the command name" in text
