"""Atomic writes: an interrupted write leaves the old file whole and no temporary behind."""

from __future__ import annotations

import os

import pytest

from delbib.files import atomic_write


def test_unchanged_text_is_not_rewritten(tmp_path):
    path = tmp_path / "a.txt"
    assert atomic_write(path, "same\n") is True
    os.utime(path, (1, 1))
    assert atomic_write(path, "same\n") is False
    assert path.stat().st_mtime == 1


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "catalog.yaml"
    atomic_write(path, "old contents\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "new contents that never land\n")
    assert path.read_text() == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.yaml"]


def test_creates_parent_directories_and_writes_utf8_lf(tmp_path):
    path = tmp_path / "deep" / "dir" / "x.bib"
    atomic_write(path, "Zoë\n")
    assert path.read_bytes() == "Zoë\n".encode()
