"""A derived index of the catalog: every file's parsed and validated record, in one file.

The YAML and JSON files stay the source of truth. The index only spares a warm run from
parsing them again: each record is stored beside the file's stamp (size, mtime_ns,
ctime_ns, inode), and a file whose stamp differs is parsed again, so an edit, a new file or
a deleted one is seen on the next load. A 100k-entry catalog then loads in about the time of
one JSON read instead of 200k YAML and JSON parses.

Where it lives: in the user cache directory (``platformdirs``; ``$XDG_CACHE_HOME/delbib`` on
Linux), one file per catalog named after the catalog's absolute path. Never in the catalog:
commands on an unchanged catalog change no file in it (re-import is checked byte for byte),
a catalog kept in its own repository gets no stray file, and the catalog shipped inside the
package or a read-only one is served the same way. An index whose catalog is gone is
removed the next time a new index is written. Catalogs under ``MIN_FILES`` files get none:
they parse in under 10 ms. The shipped catalog (417 files) parses in about 30 ms and loads
from its index in about 6, a quarter of the headline export's time beyond ``import click``
(see docs/benchmarks.md). When the cache cannot be written, loading goes on without.

Safety: the index is written to a temporary file and renamed over the old one, so readers
and concurrent runs see either the old or the new index (the last writer wins). Its header
carries a format tag, the catalog's path, a token of the code that parsed the records (so a
change of the parsing or validation rules, or of delbib's version, discards it) and a CRC of
the payload: a corrupt, truncated or foreign index is ignored and rebuilt. A file changed
within ``RACY_NS`` of the load is not cached, since a second edit within the same clock tick
could leave its stamp unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from delbib.files import no_gc

FORMAT = "delbib-index/1"
MIN_FILES = 100  # catalogs with fewer files are parsed directly (docs/benchmarks.md)
RACY_NS = 2_000_000_000  # files changed this recently are parsed but not cached
PARALLEL_FILES = 4000  # files to parse before worker processes pay for their start
MAX_WORKERS = 4
CHUNK_FILES = 500  # files per task handed to a worker

Parser = Callable[[Path], Any]
Stamp = tuple[int, int, int, int]


def location(root: Path) -> Path:
    """The index file of the catalog at ``root``, in the user cache directory."""
    import platformdirs

    digest = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:20]
    return Path(platformdirs.user_cache_dir("delbib")) / f"index-{digest}"


def records(root: Path, sections: Mapping[str, tuple[str, Parser]]) -> dict[str, dict[str, Any]]:
    """The validated record of every file of each section, by file name in name order.

    ``sections`` maps a sub-directory of ``root`` to the suffix of its files and the function
    that reads, parses and validates one file (raising ``DelbibError`` naming the file).
    Records come from the index where the file's stamp matches, else from the parser; the
    index is then rewritten if anything changed. Sections the index holds but this call
    does not ask for are kept as they are.
    """
    root = Path(root)
    start_ns = time.time_ns()
    scans = {name: _scan(root / name, suffix) for name, (suffix, _) in sections.items()}
    where = location(root) if sum(map(len, scans.values())) >= MIN_FILES else None
    token = _token(sections) if where else ""
    old = _read(where, token, root) if where else None
    old_sections = old or {}
    result: dict[str, dict[str, Any]] = {}
    new_sections: dict[str, dict[str, list[Any]]] = {
        k: v for k, v in old_sections.items() if k not in sections
    }
    changed = old is None
    fresh_before = start_ns - RACY_NS
    misses: list[tuple[str, str]] = []
    for name in sections:
        cached = old_sections.get(name)
        if not isinstance(cached, dict):
            cached, changed = {}, True
        stamps = scans[name]
        found: dict[str, Any] = {}
        for file_name, stamp in stamps.items():
            hit = cached.get(file_name)
            if isinstance(hit, list) and len(hit) == 5 and tuple(hit[:4]) == stamp:
                found[file_name] = hit[4]
            else:
                found[file_name] = None  # keeps the name order; parsed below
                misses.append((name, file_name))
        result[name] = found
        # a file was parsed (new, edited, or too recent to have been kept) or deleted
        changed = changed or bool(misses) or len(cached) != len(stamps)
    for name, file_name, record in _parse(root, sections, misses):
        result[name][file_name] = record
    if changed and where:
        for name in sections:
            stamps = scans[name]
            new_sections[name] = {
                f: [*stamp, result[name][f]]
                for f, stamp in stamps.items()
                if max(stamp[1], stamp[2]) < fresh_before
            }
        _save(where, token, new_sections, root)
    return result


def _parse(
    root: Path, sections: Mapping[str, tuple[str, Parser]], files: list[tuple[str, str]]
) -> Iterator[tuple[str, str, Any]]:
    """(section, file name, record) of each file, parsed in order; spread over worker
    processes when there are enough files to pay for them (a cold 100k-entry catalog loads
    in about half the wall time on two cores), else parsed here. A failure is the first bad
    file's, in name order, as when parsing in one process."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(files) < PARALLEL_FILES or threading.active_count() > 1:
        # (forking a process that runs other threads is unsafe; they are rare at load time)
        for name, file_name in files:
            yield name, file_name, sections[name][1](root / name / file_name)
        return
    import functools
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    parsers = {name: parse for name, (_, parse) in sections.items()}
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_worker_start
    )
    try:
        for done in pool.map(functools.partial(_parse_chunk, root, parsers), chunks):
            yield from done
    finally:  # on an error or Ctrl-C, the chunks not started are dropped
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_chunk(
    root: Path, parsers: Mapping[str, Parser], files: list[tuple[str, str]]
) -> list[tuple[str, str, Any]]:
    """The records of some files (runs in a worker process)."""
    with no_gc():
        return [(name, f, parsers[name](root / name / f)) for name, f in files]


def _token(sections: Mapping[str, tuple[str, Parser]]) -> str:
    """What the cached records depend on besides the files: the code that made them."""
    from delbib._version import __version__

    from . import validate

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}".encode())
    modules = {sys.modules[__name__], validate}  # the parsers validate what they read
    modules |= {sys.modules[p.__module__] for _, p in sections.values()}
    for module in sorted(modules, key=lambda m: m.__name__):
        digest.update(module.__name__.encode() + b"\0")
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__).read_bytes())  # type: ignore[arg-type]
    return digest.hexdigest()


def _scan(directory: Path, suffix: str) -> dict[str, Stamp]:
    """Stamps of the files named ``*<suffix>`` in ``directory``, in name order."""
    try:
        listing = os.scandir(directory)
    except FileNotFoundError:
        return {}
    stamps = {}
    with listing:
        for item in listing:
            if item.name.endswith(suffix):
                try:
                    st = item.stat()
                except OSError:  # vanished or a broken link: the parser reports it
                    stamps[item.name] = (-1, -1, -1, -1)
                    continue
                stamps[item.name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return dict(sorted(stamps.items()))


def _header(line: bytes) -> dict[str, Any] | None:
    try:
        header = json.loads(line)
    except ValueError:
        return None
    return header if isinstance(header, dict) else None


def _read(where: Path, token: str, root: Path) -> dict[str, Any] | None:
    """The sections of a valid index of ``root`` made by this code, else None.

    Read a line (a few thousand records) at a time, so the peak holds the records and one
    line, not the whole file's text beside them (150 MB at 100k entries). The stdlib parser
    beats orjson on memory here (it shares the repeated keys: 790 MB against 1,100 MB for a
    100k-entry index read whole) and matches it on speed.
    """
    sections: dict[str, dict[str, Any]] = {}
    crc = size = 0
    trailer = None
    try:
        with where.open("rb") as handle:
            header = _header(handle.readline())
            if (
                header is None
                or header.get("format") != FORMAT
                or header.get("root") != str(root.resolve())
                or header.get("token") != token
            ):
                return None
            for line in handle:
                if trailer is not None:
                    return None
                if line.startswith(b"{"):
                    trailer = _header(line) or {}
                    continue
                crc = zlib.crc32(line, crc)
                size += len(line)
                name, files = json.loads(line)
                sections.setdefault(name, {}).update(files)
    except (OSError, ValueError, TypeError):
        return None
    if trailer is None or trailer.get("size") != size or trailer.get("crc32") != crc:
        return None
    return sections


def _save(where: Path, token: str, sections: dict[str, Any], root: Path) -> None:
    """Write the index atomically; when it is a new one, drop indexes of catalogs that are gone.

    The header says what the index is for; the records follow a few thousand to a line; a
    trailer holds their size and CRC, so the file is written as it is encoded. No fsync: a
    torn index after a crash fails its CRC and is rebuilt from the files. A cache that
    cannot be written only costs speed, so that failure is not an error.
    """
    header = {"format": FORMAT, "root": str(root.resolve()), "token": token}
    crc = size = 0
    new = not where.exists()
    try:
        with _replacing(where) as handle:
            handle.write(json.dumps(header).encode("ascii") + b"\n")
            for line in _encode(sections):
                crc = zlib.crc32(line, crc)
                size += len(line)
                handle.write(line)
            handle.write(json.dumps({"size": size, "crc32": crc}).encode("ascii") + b"\n")
    except OSError:
        return
    if new:  # pruning reads every index's first line: once per new catalog, not per write
        _prune(where.parent)


def _encode(sections: dict[str, dict[str, Any]], chunk: int = 2000) -> Iterator[bytes]:
    """The sections as JSON lines of ``[section, {file: record, ...}]``, ``chunk`` files each
    (at least one line per section, so an empty one is kept)."""
    for name, files in sections.items():
        items = list(files.items())
        for start in range(0, max(len(items), 1), chunk):
            line = json.dumps([name, dict(items[start : start + chunk])], separators=(",", ":"))
            yield line.encode("ascii") + b"\n"


def _prune(cache_dir: Path) -> None:
    """Remove the indexes of catalogs that no longer exist (reads one line of each), and
    temporary files a killed run left more than a day ago."""
    for path in cache_dir.glob("index-*"):
        try:
            if path.name.endswith(".tmp"):
                if path.stat().st_mtime < time.time() - 86400:
                    path.unlink(missing_ok=True)
                continue
            with path.open("rb") as handle:
                header = _header(handle.readline())
        except OSError:
            continue
        root = header.get("root") if header else None
        if not isinstance(root, str) or not (Path(root) / "catalog.yaml").is_file():
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Any]:
    """A file handle whose content replaces ``path`` at once when the block ends without
    error; on an error ``path`` is untouched and the temporary file removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
