"""Writing files safely: a crash or Ctrl-C leaves either the old file or the new one, never half.

What a path names decides how it is written:

- a regular file (or nothing yet) is replaced atomically: the text goes to a temporary file
  beside it, which is renamed over it. An existing file keeps its permission bits; a new one
  gets the mode the umask gives (``0666 & ~umask``), like any file a shell creates;
- a symbolic link is written through: its target is replaced, the link stays;
- anything else (a device such as ``/dev/null``, a FIFO, a terminal, ``/dev/stdout`` or
  ``/proc/self/fd/1`` when that is a pipe) is written directly, never replaced by a file.
  A FIFO that no process reads is an error, not a hang.

``atomic_write`` writes a whole text; ``AtomicFile`` takes a file piece by piece (an export
streams into many at once) and replaces the target on ``commit``, or leaves it untouched on
``abort``. Failures are ``OutputError`` naming the path asked for, never the temporary file.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import gc
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError, OutputError

_NEW_FILE_MODE = 0o666  # narrowed by the process umask when the temporary file is created


def ensure_parent(output: str | Path, mkdir: bool) -> None:
    """A missing directory in ``-o`` is most often a typo: refuse it, naming the directory,
    unless ``--mkdir`` asks for it."""
    parent = Path(output).parent
    if parent.exists():  # a directory, or a file in the way (then the write names it)
        return
    if not mkdir:
        raise InputError(
            f"directory {str(parent)!r} does not exist (give --mkdir to create it)", field="output"
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create directory {str(parent)!r}: {exc.strerror}") from None


def atomic_write(path: str | Path, text: str | bytes) -> bool:
    """Write ``text`` (UTF-8, ``\\n`` newlines; bytes as they are) to ``path``; see the module
    docstring.

    Returns False and leaves a regular file untouched (mtime included) when it already holds
    exactly this text, so that re-running a command on an unchanged catalog changes no file.
    """
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        target = Path(os.path.realpath(path))  # through a symlink to the file it names
        same_size = target.is_file() and target.stat().st_size == len(data)
        if same_size and target.read_bytes() == data:
            return False
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    out = AtomicFile(path)
    try:
        out.write(data)
    except BrokenPipeError:
        out.abort()
        raise  # the reader went away (`-o /dev/stdout | head`): the CLI ends quietly
    except OSError as exc:
        out.abort()
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    except BaseException:
        out.abort()
        raise
    return out.commit()


class AtomicFile:
    """A file written piece by piece that takes the place of ``path`` whole on ``commit``
    (see the module docstring), so a long export holds no file's text in memory.

    ``abort`` (or any failure) leaves ``path`` as it was. ``commit`` returns False and keeps
    a regular file untouched when it already held exactly these bytes.
    """

    def __init__(self, path: str | Path, buffer: int = 1 << 18) -> None:
        self.path = Path(path)
        self._tmp: Path | None = None
        try:
            try:
                mode = os.stat(self.path).st_mode
            except FileNotFoundError:
                mode = None
            if mode is not None and not stat.S_ISREG(mode):
                self._mode = None
                self._handle = _open_directly(self.path, mode)
            else:
                self._mode = None if mode is None else stat.S_IMODE(mode)
                self._target = Path(os.path.realpath(self.path))
                self._target.parent.mkdir(parents=True, exist_ok=True)
                fd, self._tmp = _create_temporary(self._target)
                self._handle = os.fdopen(fd, "wb", buffering=buffer)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self.path) from exc
        # the file's own method, for speed: an OSError it raises is the caller's to report
        self.write: Callable[[bytes], Any] = self._handle.write

    def commit(self) -> bool:
        """Finish: rename the temporary file over the target (True), or drop it when the
        target already holds the same bytes (False)."""
        tmp = self._tmp
        try:
            if tmp is None:  # a device or FIFO, written directly
                self._handle.close()
                return True
            self._handle.flush()
            if self._mode is not None and _same_bytes(tmp, self._target):
                self.abort()
                return False
            if self._mode is not None:
                os.fchmod(self._handle.fileno(), self._mode)
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(tmp, self._target)
        except BrokenPipeError:
            raise
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self.path) from exc
        except BaseException:
            self.abort()
            raise
        self._tmp = None
        return True

    def abort(self) -> None:
        """Drop what was written; the target stays as it was."""
        with contextlib.suppress(OSError):
            self._handle.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


def _same_bytes(a: Path, b: Path, chunk: int = 1 << 20) -> bool:
    """Whether two files hold the same bytes (sizes first, then chunk by chunk)."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as left, b.open("rb") as right:
        while True:
            block = left.read(chunk)
            if block != right.read(chunk):
                return False
            if not block:
                return True


def _create_temporary(target: Path) -> tuple[int, Path]:
    """A new hidden file beside ``target``, created with mode 0666 so the umask applies
    (``tempfile.mkstemp`` would force 0600 on every file written)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, _NEW_FILE_MODE), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _open_directly(path: Path, mode: int) -> Any:
    """A device, FIFO or socket opened to write into as it is; a FIFO nobody reads fails
    at once."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(mode):
            raise OSError(exc.errno, "no process is reading this FIFO", str(path)) from exc
        raise
    # Non-blocking was only for the open: a slow reader must slow us down, not fail us.
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return os.fdopen(fd, "wb")


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Parsing a large catalog creates millions of dicts, lists and strings and no cycle; the
    collector's full passes over them cost more than the parsing itself (measured: a 150 MB
    JSON read takes 3.3 s with the collector on, 1.3 s with it paused).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode_text(data: bytes) -> tuple[str, str]:
    """A text file's characters and the encoding they were read in: UTF-16 when it opens with
    its byte-order mark (a Windows editor's), else UTF-8, else Latin-1, where every byte is a
    character (an old file typed in Windows-1252 or ISO 8859-1); UTF-16 that does not decode
    raises ``UnicodeDecodeError``."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"  # a UTF-8 BOM stays: an upgraded file keeps it
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
