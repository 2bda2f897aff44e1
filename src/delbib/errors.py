"""The few exception types delbib raises for expected failures.

The CLI turns any ``DelbibError`` into a one-line message and an exit status, never a
traceback, so each error carries where the problem is (file, line, field) when known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


class DelbibError(Exception):
    """An expected failure that a person can act on."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the file, line and field (a worker process's error keeps them)."""
        return _rebuild, (type(self), self.message, self.path, self.line, self.field)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        field = f"field '{self.field}': " if self.field else ""
        return f"{where}{field}{self.message}"


class InputError(DelbibError):
    """Bad input (a markdown table, a catalog file, an option): nothing was written."""

    exit_code = 2


class CatalogError(InputError):
    """The catalog on disk is malformed or inconsistent."""


class OutputError(DelbibError):
    """A file could not be written (permissions, full disk, a FIFO nobody reads)."""


class IdentifierError(DelbibError):
    """A string that should be an identifier (DOI, arXiv id, ...) is not one."""


class SourceError(DelbibError):
    """A metadata service failed: network, HTTP status, or a body that does not parse."""


def _rebuild(
    cls: type[DelbibError], message: str, path: str | None, line: int | None, field: str | None
) -> DelbibError:
    return cls(message, path=path, line=line, field=field)
