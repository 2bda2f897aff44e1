"""Writing files safely: a crash or Ctrl-C leaves either the old file or the new one, never half.

What a path names decides how it is written:

- a regular file (or nothing yet) is replaced atomically: the text goes to a temporary file
  beside it, which is renamed over it. An existing file keeps its permission bits; a new one
  gets the mode the umask gives (``0666 & ~umask``), like any file a shell creates;
- a symbolic link is written through: its target is replaced, the link stays;
- anything else (a device such as ``/dev/null``, a FIFO, a terminal, ``/dev/stdout`` or
  ``/proc/self/fd/1`` when that is a pipe) is written directly, never replaced by a file.
  A FIFO that no process reads is an error, not a hang.

Failures are ``OutputError`` naming the path asked for, never the temporary file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import secrets
import stat
from pathlib import Path

from .errors import OutputError

_NEW_FILE_MODE = 0o666  # narrowed by the process umask when the temporary file is created


def atomic_write(path: str | Path, text: str) -> bool:
    """Write ``text`` (UTF-8, ``\\n`` newlines) to ``path``; see the module docstring.

    Returns False and leaves a regular file untouched (mtime included) when it already holds
    exactly this text, so that re-running a command on an unchanged catalog changes no file.
    """
    path = Path(path)
    data = text.encode("utf-8")
    try:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            _write_directly(path, data, mode)
            return True
        target = Path(os.path.realpath(path))  # through a symlink to the file it names
        if mode is not None and target.read_bytes() == data:
            return False
        _replace(target, data, None if mode is None else stat.S_IMODE(mode))
    except BrokenPipeError:
        raise  # the reader went away (`-o /dev/stdout | head`): the CLI ends quietly
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    return True


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    """Write a temporary file beside ``target`` and rename it over ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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


def _write_directly(path: Path, data: bytes, mode: int) -> None:
    """Write into a device, FIFO or socket as it is; a FIFO nobody reads fails at once."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(mode):
            raise OSError(exc.errno, "no process is reading this FIFO", str(path)) from exc
        raise
    # Non-blocking was only for the open: a slow reader must slow us down, not fail us.
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
