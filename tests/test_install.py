"""A fresh virtual environment with only `pip install .`: every command runs, no traceback.

This is what a new user gets; the machine's own Python (which may have numpy and the test
tools) cannot hide a missing runtime dependency here. Slow (it builds an environment, using
pip's cache): marked ``slow``, and CI runs it with the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from delbib.cli import main

from .conftest import AMENDMENTS, CATALOG, REFERENCE, ROOT, SOURCE_LIST

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runtime_env(tmp_path_factory) -> Path:
    """A virtual environment holding delbib and its runtime dependencies only."""
    venv = tmp_path_factory.mktemp("runtime") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(ROOT)],
        check=True,
        timeout=900,
    )
    return venv


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """An empty current directory (so the packaged catalog is used) and a writable copy."""
    work = tmp_path_factory.mktemp("work")
    shutil.copytree(CATALOG, work / "copy")
    return work


def delbib(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(cwd),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(venv / "bin" / "delbib"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_environment_has_no_test_or_optional_packages(runtime_env):
    for module in ("numpy", "pytest", "hypothesis", "jsonschema"):
        probe = subprocess.run(
            [str(runtime_env / "bin" / "python"), "-c", f"import {module}"], capture_output=True
        )
        assert probe.returncode != 0, f"{module} is installed in the runtime-only environment"


COPY = "copy"
CASES = [
    (["--help"], 0),
    (["--version"], 0),
    *[([name, "--help"], 0) for name in sorted(main.commands)],
    (["list"], 0),
    (["list", "--category", "survey", "--json"], 0),
    (["stats"], 0),
    (["stats", "--json"], 0),
    (["lint"], 0),  # warnings only: the shared link is pinned, known findings accepted
    (["lint", "--json"], 0),
    (["export"], 0),
    (["export", "-c", "Data Synthesis", "-o", "refs.bib"], 0),
    (["export", "-f", "ris", "-o", "refs.ris"], 0),
    (["export", "-f", "csljson", "-o", "-"], 0),
    (["export", "--all", "--out-dir", "out"], 0),
    (["export", "--check", "--out-dir", "out"], 0),
    (["site", "--out-dir", "site"], 0),  # templates and assets ship in the package
    (["site", "--check", "--out-dir", "site"], 0),
    (["--catalog", COPY, "resolve", "--offline"], 0),
    (["--catalog", COPY, "import-markdown", f"{COPY}/source/{SOURCE_LIST.name}"], 0),
    (
        [
            "--catalog",
            COPY,
            "import-reference",
            f"{COPY}/source/{REFERENCE.name}",
            f"{COPY}/source/{AMENDMENTS.name}",
        ],
        0,
    ),
    (["--catalog", COPY, "export", "--all", "--out-dir", "out2"], 0),
    (["list", "--category", "no such category"], 2),
    (["--catalog", "nowhere", "stats"], 2),
    (["export", "-o", "refs.bib/x.bib"], 1),
]


@pytest.mark.parametrize(("args", "status"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_every_command_runs_without_traceback(runtime_env, workdir, args, status):
    result = delbib(runtime_env, workdir, *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, result.stderr
    if status == 0:
        assert result.stdout or result.stderr
    else:
        assert result.stderr.startswith("delbib: error: ") or args[0] == "lint"


def test_the_installed_tool_lists_and_exports_the_shipped_catalog(runtime_env, workdir):
    listed = delbib(runtime_env, workdir, "list")
    assert len(listed.stdout.splitlines()) == len(list((CATALOG / "papers").glob("*.yaml")))
    assert os.path.getsize(workdir / "out" / "bibtex" / "all.bib") > 0
    assert (workdir / "out" / "bibtex" / "all.bib").read_bytes() == (
        ROOT / "exports" / "bibtex" / "all.bib"
    ).read_bytes()
