"""The ``delbib`` command line: thin click commands over the library.

Each command's docstring is its ``--help`` text. Heavy modules (rich, habanero, ftfy, the
writers) are imported inside the commands that use them so that ``delbib --help`` starts
fast. Expected failures (``DelbibError``) print one line and exit 1 or 2, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import DelbibError, InputError

CATALOG_ENV = "DELBIB_CATALOG"


def _packaged_catalog() -> Path:
    return Path(__file__).parent / "data" / "catalog"


def locate_catalog(explicit: str | None, *, for_write: bool = False) -> Path:
    """--catalog, then $DELBIB_CATALOG, then ./catalog, then the catalog shipped in the package.

    Commands that write never fall back to the packaged copy: they create ./catalog instead.
    """
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
        from . import catalog

        return catalog.load(root)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def handle_errors(func: Callable) -> Callable:
    """Turn expected failures into a one-line message and their exit status."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DelbibError as exc:
            click.echo(f"delbib: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # a file we must write cannot be (permissions, full disk)
            click.echo(f"delbib: error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo(
                "delbib: interrupted; finished files are kept, none is half-written", err=True
            )
            sys.exit(130)

    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--catalog",
    type=click.Path(file_okay=False),
    default=None,
    help=f"Catalog directory (default: ${CATALOG_ENV}, ./catalog, or the shipped catalog).",
)
@click.version_option(package_name="delbib")
@click.pass_context
def main(ctx: click.Context, catalog: str | None) -> None:
    """Turn a curated paper catalog into BibTeX, CSL-JSON and RIS, per category."""
    ctx.obj = Context(catalog)


@main.command("import-markdown")
@click.argument("markdown", type=click.Path(dir_okay=False))
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_markdown(obj: Context, markdown: str, as_json: bool, quiet: bool) -> None:
    """Create or update the catalog from an awesome-list markdown table.

    Rows that are the same paper become one entry; keys, pinned identifiers and resolved
    metadata survive a re-import; papers that left the list are reported, not deleted.

    Example: delbib import-markdown catalog/source/Awesome-Data-Efficient-LLM.md
    """
    from . import importer

    report = importer.run(markdown, obj.catalog_path(for_write=True))
    if as_json:
        _emit_json(report.to_dict())
    elif not quiet:
        data = report.to_dict()
        click.echo(
            f"{data['rows']} rows -> {data['entries']} entries: {len(report.created)} new, "
            f"{len(report.updated)} updated, {data['unchanged']} unchanged; "
            f"{report.files_written} files written"
        )
        for key in report.departed:
            click.echo(f"no longer in the list (kept): {key}")


@main.command("import-reference")
@click.argument("jsonl", type=click.Path(dir_okay=False))
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_reference(obj: Context, jsonl: str, as_json: bool, quiet: bool) -> None:
    """Adopt hand-gathered metadata (JSON Lines, one record per list row) as resolved records.

    Example: delbib import-reference catalog/source/catalog-reference.jsonl
    """
    from . import reference

    cat = obj.load()
    summary = reference.apply(cat, reference.read(jsonl), source=Path(jsonl).name)
    if as_json:
        _emit_json(summary)
    elif not quiet:
        click.echo(f"{len(summary['written'])} resolved records written")
        if summary["rows_without_entry"]:
            click.echo(f"rows with no entry: {summary['rows_without_entry']}")


@main.command()
@json_option
@click.pass_obj
@handle_errors
def lint(obj: Context, as_json: bool) -> None:
    """Report catalog problems with each entry's key and source rows (exit 1 on errors).

    Example: delbib lint --json
    """
    from . import lint as lint_mod

    findings = lint_mod.run(obj.load())
    errors = sum(f.severity == "error" for f in findings)
    if as_json:
        _emit_json([f.to_dict() for f in findings])
    else:
        for finding in findings:
            click.echo(str(finding))
        click.echo(f"{errors} errors, {len(findings) - errors} warnings", err=True)
    sys.exit(1 if errors else 0)


@main.command("list")
@click.option("--category", "-c", "categories", multiple=True, help="Only this category.")
@json_option
@click.pass_obj
@handle_errors
def list_(obj: Context, categories: tuple[str, ...], as_json: bool) -> None:
    """List the catalog's papers: key, year and cleaned title.

    Example: delbib list --category "Data Synthesis"
    """
    from . import exporter

    cat = obj.load()
    entries = exporter.select(cat, categories)
    if as_json:
        _emit_json([e.to_yaml_dict() for e in entries])
        return
    for e in entries:
        click.echo(f"{e.key}\t{e.year or ''}\t{e.clean_title}")


@main.command()
@json_option
@click.pass_obj
@handle_errors
def stats(obj: Context, as_json: bool) -> None:
    """Papers per category and per year.

    Example: delbib stats
    """
    from . import stats as stats_mod

    data = stats_mod.compute(obj.load())
    if as_json:
        _emit_json(data)
    else:
        stats_mod.show(data)


@main.command()
@click.option("--category", "-c", "categories", multiple=True, help="Only these categories.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["bibtex", "biblatex", "csljson", "ris"]),
    help="Output format (default: from the -o suffix, else bibtex).",
)
@click.option("--ascii", "ascii_", is_flag=True, help="BibTeX with LaTeX-encoded accents.")
@click.option("--all", "all_", is_flag=True, help="Every category in every format.")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    default="exports",
    show_default=True,
    help="Directory for --all and --check.",
)
@click.option("--check", is_flag=True, help="Exit 1 when --out-dir differs from the catalog.")
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def export(
    obj: Context,
    categories: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    ascii_: bool,
    all_: bool,
    out_dir: str,
    check: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Export citations: BibTeX, biblatex, CSL-JSON or RIS.

    \b
    Examples:
      delbib export --category "Data Synthesis" -o refs.bib
      delbib export --all --out-dir exports/
      delbib export --check
    """
    from . import exporter, formats

    cat = obj.load()
    if check:
        problems = exporter.check(cat, out_dir)
        if as_json:
            _emit_json({"ok": not problems, "problems": problems})
        else:
            for problem in problems:
                click.echo(problem)
            if not quiet:
                click.echo(
                    f"{out_dir}: "
                    + (
                        "up to date"
                        if not problems
                        else f"{len(problems)} files differ; run `delbib export --all`"
                    ),
                    err=True,
                )
        sys.exit(1 if problems else 0)
    if all_:
        if categories or output or fmt:
            raise InputError("--all writes every category and format; drop --category/-o/--format")
        result = _export_all(cat, out_dir, quiet or as_json)
        if as_json:
            _emit_json(result.to_dict())
        elif not quiet:
            click.echo(
                f"{result.entries} entries -> {len(result.files)} files in {out_dir} "
                f"({len(result.written)} changed, {len(result.removed)} removed)",
                err=True,
            )
        _warn_incomplete(result.incomplete, quiet or as_json)
        return
    fmt = fmt or (formats.for_suffix(output) if output else "bibtex")
    options = {"ascii": True} if ascii_ else {}
    if ascii_ and fmt not in ("bibtex", "biblatex"):
        raise InputError("--ascii applies to BibTeX output only")
    entries = exporter.select(cat, categories)
    text, incomplete = exporter.render(cat, entries, fmt, **options)
    if output:
        from .files import atomic_write

        atomic_write(output, text)
        if as_json:
            _emit_json(
                {"entries": len(entries), "output": output, "format": fmt, "incomplete": incomplete}
            )
        elif not quiet:
            click.echo(f"{len(entries)} entries -> {output} ({fmt})", err=True)
    else:
        click.echo(text, nl=False)
    _warn_incomplete(incomplete, quiet or as_json)


@main.command()
@click.option("--refresh", is_flag=True, help="Fetch again even what is already resolved.")
@click.option("--offline", is_flag=True, help="Make no request: list what would be fetched.")
@click.option("--only", "only", multiple=True, metavar="KEY", help="Only this entry (repeatable).")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def resolve(
    obj: Context,
    refresh: bool,
    offline: bool,
    only: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Fetch full metadata (Crossref/DOI, arXiv, OpenReview, ACL Anthology) for entries that
    lack it, and store it with its provenance beside each entry.

    A doubtful match is reported with the best candidate, never written. Exit 1 when the
    run was abandoned (too many failed requests).

    \b
    Examples:
      delbib resolve                     # only what is missing
      delbib resolve --only less2024 --refresh --dry-run
      DELBIB_MAILTO=you@example.org delbib resolve --json
    """
    from . import config as config_mod
    from . import resolve as resolve_mod

    root = obj.catalog_path(for_write=True)
    cat = obj.load_at(root)
    settings = config_mod.load(root)
    options = dict(refresh=refresh, offline=offline, only=only, dry_run=dry_run, config=settings)
    if quiet or as_json or offline:
        summary = resolve_mod.run(cat, **options)
    else:
        from rich.progress import Progress

        with Progress(console=_stderr_console(), transient=True) as progress:
            task = progress.add_task("resolving", total=None)

            def advance(key: str, kind: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, description=f"{kind}: {key}")

            summary = resolve_mod.run(cat, progress=advance, **options)
    if as_json:
        _emit_json(summary.to_dict())
    elif not quiet:
        _show_resolve_summary(summary, dry_run=dry_run, offline=offline)
    sys.exit(1 if summary.aborted else 0)


def _show_resolve_summary(summary, *, dry_run: bool, offline: bool) -> None:
    echo = click.echo
    if offline:
        echo(
            f"offline: {len(summary.missing)} entries need a request: {', '.join(summary.missing)}"
        )
        return
    counts = summary.to_dict()["counts"]
    echo(
        "resolved {resolved}, upgraded to a published version {upgraded}, unchanged "
        "{unchanged}, unresolved {unresolved}, conflicts {conflicts}, failed {failed}".format(
            **counts
        )
        + f" ({summary.requests} requests)"
    )
    for key, reason in summary.unresolved.items():
        echo(f"unresolved: {key}: {reason}")
    for key, conflicts in summary.conflicts.items():
        for conflict in conflicts:
            echo(f"conflict: {key}: {conflict.get('identifier')} is {conflict.get('title')!r}")
    for key, reason in summary.failed.items():
        echo(f"failed (retried next run): {key}: {reason}")
    if dry_run:
        for key, change in summary.changes.items():
            for name, values in change.items():
                echo(f"would change {key}.{name}: {values['old']!r} -> {values['new']!r}")
    if summary.aborted:
        echo(f"abandoned: {summary.aborted}", err=True)


def _export_all(cat, out_dir: str, quiet: bool):
    from . import exporter

    if quiet:
        return exporter.export_all(cat, out_dir)
    from rich.progress import Progress

    total = len(exporter.ALL_FORMATS) * (len(cat.taxonomy) + 1)
    with Progress(console=_stderr_console(), transient=True) as progress:
        task = progress.add_task("exporting", total=total)
        return exporter.export_all(cat, out_dir, progress=lambda _rel: progress.advance(task))


def _warn_incomplete(incomplete: dict[str, list[str]], quiet: bool) -> None:
    if incomplete and not quiet:
        listed = "; ".join(f"{k} (no {', '.join(v)})" for k, v in sorted(incomplete.items()))
        click.echo(f"warning: {len(incomplete)} entries exported incomplete: {listed}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
