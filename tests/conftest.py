"""Shared fixtures: paths into the repository and throwaway copies of the shipped catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog"
SOURCE_LIST = CATALOG / "source" / "Awesome-Data-Efficient-LLM.md"
REFERENCE = CATALOG / "source" / "catalog-reference.jsonl"
AMENDMENTS = CATALOG / "source" / "reference-amendments.jsonl"
EXPORTS = ROOT / "exports"
SCHEMA = ROOT / "tests" / "data" / "schemas" / "csl-data.json"


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory):
    """delbib's user cache (catalog indexes, ISO 4, validator) in the session's temporary
    tree, for in-process and subprocess runs alike: the index of every catalog copy then
    lives and is removed beside the copy, never in the user's own cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache-home")))
        yield


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalog (papers, resolved records, taxonomy)."""
    dest = tmp_path / "catalog"
    shutil.copytree(CATALOG, dest, ignore=shutil.ignore_patterns("source"))
    return dest


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under a directory with its bytes, to prove nothing changed."""
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }
