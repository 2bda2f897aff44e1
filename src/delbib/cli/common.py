"""What every command shares: where the catalog is, the context object, the ``--json`` and
``--quiet`` options, and turning expected failures into one line and an exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, NoReturn

import click

from delbib.errors import DelbibError

if TYPE_CHECKING:  # pathlib and json are imported where used: `delbib --help` stays fast
    from pathlib import Path

CATALOG_ENV = "DELBIB_CATALOG"


def _packaged_catalog() -> Path:
    from delbib.catalog.layout import shipped_catalog

    return shipped_catalog()


def locate_catalog(explicit: str | None, *, for_write: bool = False) -> Path:
    """--catalog, then $DELBIB_CATALOG, then ./catalog, then the catalog shipped in the package.

    Commands that write never fall back to the packaged copy: they create ./catalog instead.
    """
    from pathlib import Path

    if explicit:
        return Path(explicit)
    if os.environ.get(CATALOG_ENV):
        return Path(os.environ[CATALOG_ENV])
    local = Path("catalog")
    if for_write or (local / "catalog.yaml").is_file():
        return local
    return _packaged_catalog()


class Context:
    def __init__(self, catalog: str | None) -> None:
        self.catalog_option = catalog

    def catalog_path(self, *, for_write: bool = False) -> Path:
        return locate_catalog(self.catalog_option, for_write=for_write)

    def load(self):  # -> Catalog (import kept lazy)
        return self.load_at(self.catalog_path())

    @staticmethod
    def load_at(root: Path):
        from delbib.catalog import model as catalog

        return catalog.load(root)


def emit_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def handle_errors(func: Callable) -> Callable:
    """Turn expected failures into a one-line message and their exit status.

    Bad input (``InputError``) exits 2, a failed action 1, Ctrl-C 130; a closed pipe
    (``delbib list | head -1``) ends quietly with status 0, as ``cat`` would end for a reader
    that has seen enough.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            _discard_stdout()
            sys.exit(0)
        except DelbibError as exc:
            click.echo(f"delbib: error: {_one_line(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # a file we must read or write cannot be (permissions, ...)
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"delbib: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo(
                "delbib: interrupted; finished files are kept, none is half-written", err=True
            )
            sys.exit(130)

    return wrapper


def report_check(
    out_dir: str, problems: list[str], fix: str, as_json: bool, quiet: bool
) -> NoReturn:
    """What ``--check`` of a generated directory found, then exit 1 when anything differs."""
    if as_json:
        emit_json({"ok": not problems, "problems": problems})
    else:
        for problem in problems:
            click.echo(problem)
        if not quiet:
            state = f"{len(problems)} files differ; run `{fix}`" if problems else "up to date"
            click.echo(f"{out_dir}: {state}", err=True)
    sys.exit(1 if problems else 0)


def _one_line(message: str) -> str:
    """An error is one line even when a library's message spans several."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests' captured output)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")


def out_dir_option(default: str, help: str) -> Callable:
    """``--out-dir DIR`` of the commands that write a tree (export, survey, site)."""
    return click.option(
        "--out-dir", type=click.Path(file_okay=False), default=default, show_default=True, help=help
    )


CATALOG_HELP = f"Catalog directory (default: ${CATALOG_ENV}, ./catalog, or the shipped catalog)."
