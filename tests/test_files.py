"""Writing files: atomic replacement, modes, symlinks, devices and FIFOs, errors naming the target.

An interrupted write leaves the old file whole and no temporary behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib.catalog import model as catalog
from delbib.errors import OutputError
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


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_new_files_get_the_umask_mode_and_existing_files_keep_theirs(tmp_path, umask_027):
    new = tmp_path / "new.bib"
    atomic_write(new, "a\n")
    assert stat.S_IMODE(new.stat().st_mode) == 0o640  # 0666 & ~027, not mkstemp's 0600
    kept = tmp_path / "kept.bib"
    kept.write_text("old\n")
    for mode in (0o600, 0o664, 0o755):
        kept.chmod(mode)
        atomic_write(kept, f"text for {mode:o}\n")
        assert stat.S_IMODE(kept.stat().st_mode) == mode
        assert kept.read_text() == f"text for {mode:o}\n"


def test_catalog_files_get_the_umask_mode(tmp_path, umask_027):
    cat = catalog.new(tmp_path / "cat")
    cat.save_meta()
    assert stat.S_IMODE((tmp_path / "cat" / "catalog.yaml").stat().st_mode) == 0o640


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "paper").mkdir()
    real = tmp_path / "paper" / "refs.bib"
    real.write_text("stale\n")
    real.chmod(0o644)
    link = tmp_path / "refs.bib"
    link.symlink_to("paper/refs.bib")
    assert atomic_write(link, "fresh\n") is True
    assert link.is_symlink() and os.readlink(link) == "paper/refs.bib"
    assert real.read_text() == "fresh\n" and stat.S_IMODE(real.stat().st_mode) == 0o644
    assert atomic_write(link, "fresh\n") is False  # unchanged target: not rewritten
    dangling = tmp_path / "dangling.bib"
    dangling.symlink_to("paper/new.bib")
    atomic_write(dangling, "created\n")
    assert dangling.is_symlink() and (tmp_path / "paper" / "new.bib").read_text() == "created\n"
    assert sorted(p.name for p in (tmp_path / "paper").iterdir()) == ["new.bib", "refs.bib"]


def test_a_device_is_written_directly_not_replaced(tmp_path):
    assert atomic_write("/dev/null", "anything\n") is True
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_directly_and_one_nobody_reads_fails_at_once(tmp_path):
    fifo = tmp_path / "refs.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(OutputError) as info:
        atomic_write(fifo, "nobody listens\n")
    assert time.monotonic() - started < 5
    assert str(info.value) == f"{fifo}: cannot write: no process is reading this FIFO"
    received = []
    text = "x" * 300_000 + "\n"  # more than a pipe holds: the writer must wait for the reader
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the writer
    reader = threading.Thread(target=lambda: received.append(_read_bytes(fd, len(text))))
    reader.start()
    atomic_write(fifo, text)
    reader.join(30)
    os.close(fd)
    assert received == [text.encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.fifo"]


def _read_bytes(fd: int, size: int) -> bytes:
    """Read ``size`` bytes from a non-blocking FIFO (empty until the writer comes)."""
    chunks, total, deadline = [], 0, time.monotonic() + 30
    while total < size and time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            chunk = b""
        if not chunk:
            time.sleep(0.005)
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def test_errors_name_the_target_not_the_temporary_file(tmp_path):
    (tmp_path / "file").write_text("a file, not a directory\n")
    target = tmp_path / "file" / "refs.bib"
    with pytest.raises(OutputError) as info:
        atomic_write(target, "x\n")
    assert str(info.value).startswith(f"{target}: cannot write: ")
    assert ".tmp" not in str(info.value)
    assert info.value.exit_code == 1
    with pytest.raises(OutputError, match=f"^{tmp_path}: cannot write: Is a directory"):
        atomic_write(tmp_path, "x\n")


def test_interrupted_while_writing_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.bib"
    path.write_text("old\n")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.bib"]
    assert path.read_text() == "old\n"


file_names = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], exclude_characters="/"),
    min_size=1,
    max_size=40,
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)


@settings(max_examples=100, deadline=None)
@given(file_names, st.text(max_size=200), st.text(max_size=200))
def test_any_file_name_and_text_round_trip_with_no_temporary_left(name, old, new):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        atomic_write(path, old)
        atomic_write(path, new)
        assert path.read_bytes() == new.encode("utf-8")
        assert [p.name for p in Path(tmp).iterdir()] == [name]
