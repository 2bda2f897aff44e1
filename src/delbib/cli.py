"""The ``delbib`` command line: thin click commands over the library.

Each command's docstring is its ``--help`` text. Heavy modules (rich, habanero, ftfy, the
writers) are imported inside the commands that use them so that ``delbib --help`` starts
fast. Expected failures (``DelbibError``) print one line and exit 1 or 2, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from .errors import DelbibError, InputError

if TYPE_CHECKING:  # pathlib and json are imported where used: `delbib --help` stays fast
    from pathlib import Path

CATALOG_ENV = "DELBIB_CATALOG"


def _packaged_catalog() -> Path:
    from pathlib import Path

    return Path(__file__).parent / "data" / "catalog"


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
        from . import catalog

        return catalog.load(root)


def _emit_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _stderr_console():
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
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="ROLE=HEADER",
    help="Which header holds a field when guessing cannot tell, e.g. title=Paper, year=When "
    "(roles: title, tldr, categories, links, year, venue, authors).",
)
@click.option("--strict", is_flag=True, help="Treat every warning as an error: write nothing.")
@click.option(
    "--force", is_flag=True, help="Import even if most entries would lose their rows or a field."
)
@click.option(
    "--explain",
    is_flag=True,
    help="Write nothing; show every item found, with its line: how it was read, or why it "
    "was skipped (with --json: as JSON).",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_markdown(
    obj: Context,
    markdown: str,
    columns: tuple[str, ...],
    strict: bool,
    force: bool,
    explain: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Create or update the catalog from an awesome list: paper tables or paper lists.

    Rows that are the same paper become one entry; keys, pinned identifiers and resolved
    metadata survive a re-import; papers that left the list are reported, not deleted. Rows
    that cannot be used are warnings naming their line (exit 1); --strict makes them errors.
    An import that would erase most of the catalog is refused unless --force.

    Items that are not papers (tools, blogs, team tables, labels) are skipped and counted by
    kind; --explain shows, item by item, how the list was read. Exit 2 only when the file
    holds no paper.

    Example: delbib import-markdown catalog/source/Awesome-Data-Efficient-LLM.md
    """
    from . import importer
    from . import markdown as markdown_mod
    from .markdown import columns as columns_mod

    overrides = columns_mod.parse_overrides(columns)
    if explain:
        parsed = markdown_mod.parse_file(markdown, columns=overrides)
        records = importer.explain(parsed)
        if as_json:
            _emit_json(
                {
                    "items": records,
                    "skipped": parsed.skipped_counts(),
                    "warnings": [str(w) for w in parsed.warnings],
                }
            )
        else:
            click.echo(importer.format_explain(records, parsed))
        return
    parsed = importer.read(markdown, columns=overrides)
    for problem in [] if quiet else parsed.warnings:
        click.echo(f"delbib: warning: {problem}", err=True)
    if strict and parsed.warnings:
        raise InputError(
            f"{len(parsed.warnings)} warnings and --strict: nothing written", path=markdown
        )
    report = importer.update(
        parsed, obj.catalog_path(for_write=True), source=os.path.basename(markdown), force=force
    )
    if as_json:
        _emit_json(report.to_dict())
    elif not quiet:
        data = report.to_dict()
        click.echo(
            f"{data['rows']} rows -> {data['entries']} entries: {len(report.created)} new, "
            f"{len(report.updated)} updated, {data['unchanged']} unchanged; "
            f"{report.files_written} files written"
            + (f"; {len(report.warnings)} warnings" if report.warnings else "")
            + (
                f"; {sum(report.skipped.values())} items skipped as not papers"
                if report.skipped
                else ""
            )
        )
        for key in report.departed:
            click.echo(f"no longer in the list (kept): {key}")
    sys.exit(1 if report.warnings else 0)


@main.command("import-reference")
@click.argument("jsonl", type=click.Path(dir_okay=False))
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_reference(obj: Context, jsonl: str, as_json: bool, quiet: bool) -> None:
    """Adopt hand-gathered metadata (JSON Lines, one record per list row) as resolved records.

    A record that names another paper than its entry, or would blank a field the entry's
    record knows, is refused and reported; exit 1 when any was refused.

    Example: delbib import-reference catalog/source/catalog-reference.jsonl
    """
    from . import reference

    cat = obj.load()
    summary = reference.apply(cat, reference.read(jsonl), source=os.path.basename(jsonl))
    if as_json:
        _emit_json(summary)
    elif not quiet:
        click.echo(f"{len(summary['written'])} resolved records written")
        if summary["rows_without_entry"]:
            click.echo(f"rows with no entry: {summary['rows_without_entry']}")
    for key, refused in summary["refused"].items():
        click.echo(f"refused: {key} (row {refused['row']}): {refused['reason']}", err=True)
    sys.exit(1 if summary["refused"] else 0)


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
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File, device or FIFO to write; - is stdout (the default).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["bibtex", "biblatex", "csljson", "ris", "zotero-rdf"]),
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
    """Export citations: BibTeX, biblatex, CSL-JSON, RIS or Zotero RDF.

    \b
    Examples:
      delbib export --category "Data Synthesis" -o refs.bib
      delbib export --all --out-dir exports/
      delbib export --check
    """
    from . import exporter

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
    fmt = fmt or _format_for(output)
    options = {"ascii": True} if ascii_ else {}
    if ascii_ and fmt not in ("bibtex", "biblatex"):
        raise InputError("--ascii applies to BibTeX output only")
    entries = exporter.select(cat, categories)
    text, incomplete = exporter.render(cat, entries, fmt, **options)
    if output and output != "-":
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
    """Fetch full metadata (Crossref/DOI, arXiv, OpenReview, ACL Anthology, dblp) for
    entries that lack it, and store it with its provenance and evidence beside each entry.

    A doubtful match is reported with the best candidate, never written. A service that
    cannot be reached is skipped for the run. Exit 1 when the run was abandoned (too many
    failed requests).

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
        + f" ({summary.requests} requests, {summary.throttled} refused with 429)"
    )
    for key, reason in summary.unresolved.items():
        echo(f"unresolved: {key}: {reason}")
    for key, conflicts in summary.conflicts.items():
        for conflict in conflicts:
            echo(f"conflict: {key}: {conflict.get('identifier')} is {conflict.get('title')!r}")
    for key, reason in summary.failed.items():
        echo(f"failed (retried next run): {key}: {reason}")
    for key, reason in summary.incomplete.items():
        echo(f"saved, asked again next run (a service failed): {key}: {reason}")
    for service, reason in summary.down.items():
        echo(f"unreachable this run, skipped: {service}: {reason}", err=True)
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

    with Progress(console=_stderr_console(), transient=True) as progress:
        task = progress.add_task("exporting", total=len(cat.entries))

        def advance(done: int, _total: int) -> None:
            if done % 500 == 0 or done == _total:  # a refresh per entry would cost more
                progress.update(task, completed=done)

        return exporter.export_all(cat, out_dir, progress=advance)


def _format_for(output: str | None) -> str:
    """The format an output's suffix names; BibTeX when its suffix says nothing (``-o -``,
    ``-o /dev/null``, ``-o refs.txt``), as the ``--format`` help promises."""
    from . import formats

    try:
        return formats.for_suffix(output) if output else "bibtex"
    except InputError:
        return "bibtex"


def _warn_incomplete(incomplete: dict[str, list[str]], quiet: bool) -> None:
    if incomplete and not quiet:
        listed = "; ".join(f"{k} (no {', '.join(v)})" for k, v in sorted(incomplete.items()))
        click.echo(f"warning: {len(incomplete)} entries exported incomplete: {listed}", err=True)


@main.command("render-list")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.option("--template", type=click.Path(dir_okay=False), help="A Jinja2 template instead.")
@click.option("--listed", is_flag=True, help="Titles, years and venues as listed, not resolved.")
@click.option("--check", is_flag=True, help="Exit 1 when --output differs from the catalog.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what would change; write nothing.")
@quiet_option
@click.pass_obj
@handle_errors
def render_list(
    obj: Context,
    output: str | None,
    template: str | None,
    listed: bool,
    check: bool,
    show_diff: bool,
    quiet: bool,
) -> None:
    """Write the awesome list's papers from the catalog.

    In an existing file only the paper items between <!-- delbib:start --> and
    <!-- delbib:end --> that changed are edited, in their own shape; every other
    byte stays. A new file holds just the marked tables.

    \b
    Examples:
      delbib render-list -o README.md
      delbib render-list -o README.md --check --diff
      delbib render-list --template bullets.md.j2 -o README.md
    """
    from . import render

    cat = obj.load()
    options = {"template": template, "listed": listed}
    if (check or show_diff) and not output:
        raise InputError(f"--{'check' if check else 'diff'} compares a file: give it with -o FILE")
    if show_diff:
        text = render.diff(cat, output, **options)
        click.echo(text, nl=False)
        sys.exit(1 if text else 0)
    if check:
        current = render.is_current(cat, output, **options)
        if not quiet:
            click.echo(
                f"{output}: "
                + ("up to date" if current else f"differs; run `delbib render-list -o {output}`"),
                err=True,
            )
        sys.exit(0 if current else 1)
    if output:
        changed = render.render_list(cat, output, **options)
        if not quiet:
            click.echo(f"{output}: {'written' if changed else 'unchanged'}", err=True)
    else:
        click.echo(render.render_file(cat, None, **options), nl=False)


@main.command()
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    default="survey",
    show_default=True,
    help="Directory of the kit.",
)
@click.option(
    "--sort",
    type=click.Choice(["list", "year", "venue"]),
    default="list",
    show_default=True,
    help="Order of the papers in each table.",
)
@click.option(
    "--tree",
    type=click.Choice(["counts", "keys"]),
    default="counts",
    show_default=True,
    help="Taxonomy figure: papers per category, or their citations at the leaves.",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def survey(obj: Context, out_dir: str, sort: str, tree: str, as_json: bool, quiet: bool) -> None:
    """Write a LaTeX kit for a survey: refs.bib, a table per category, the taxonomy tree.

    main.tex compiles with pdflatex + bibtex, main-biblatex.tex with biber.

    \b
    Examples:
      delbib survey --out-dir survey/ && cd survey && latexmk -pdf main.tex
      delbib survey --sort year --tree keys
    """
    from . import survey as survey_mod

    kit = survey_mod.write(obj.load(), out_dir, sort=sort, leaves=tree)
    if as_json:
        _emit_json(kit.to_dict())
    elif not quiet:
        click.echo(
            f"{len(kit.files)} files in {out_dir} ({len(kit.written)} changed, "
            f"{len(kit.removed)} removed); compile: cd {out_dir} && latexmk -pdf main.tex",
            err=True,
        )


# ----------------------------------------------------------------------------- zotero

library_option = click.option(
    "--library", required=True, metavar="user:ID|group:ID", help="The Zotero library."
)
collection_option = click.option(
    "--collection", metavar="NAME", help="Parent collection (default: the list's name)."
)


@main.group()
def zotero() -> None:
    """Keep a Zotero library in step with the catalog (Zotero Web API v3).

    The API key comes from $ZOTERO_API_KEY or `zotero_api_key` in delbib.yaml, never from
    the command line.

    \b
    Examples:
      delbib zotero push --library user:1234567 --dry-run
      delbib zotero push --library user:1234567
      delbib zotero pull --library user:1234567
    """


def _zotero_setup(obj: Context, library: str):
    """The catalog and a client for the library (the API key is checked here, before any
    progress display)."""
    from . import config as config_mod
    from .zotero.client import Library
    from .zotero.sync import make_client

    parsed = Library.parse(library)
    root = obj.catalog_path(for_write=True)
    return obj.load_at(root), make_client(config_mod.load(root), parsed)


@zotero.command("push")
@library_option
@collection_option
@click.option("--dry-run", is_flag=True, help="Show what would be created, updated, moved.")
@click.option("--prune", is_flag=True, help="Delete delbib's own items the catalog dropped.")
@click.option("--force", is_flag=True, help="Overwrite fields edited in Zotero.")
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def zotero_push(
    obj: Context,
    library: str,
    collection: str | None,
    dry_run: bool,
    prune: bool,
    force: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Push the catalog into a Zotero library: one collection per category, safe to re-run.

    Items are matched by citation key, DOI, then arXiv id; a re-push with nothing changed
    writes nothing; fields edited in Zotero are reported and kept unless --force.

    \b
    Examples:
      delbib zotero push --library user:1234567 --dry-run
      delbib zotero push --library group:987654 --collection "Data-efficient LLMs" --json
    """
    from .zotero import sync

    cat, client = _zotero_setup(obj, library)
    options = dict(collection=collection, dry_run=dry_run, prune=prune, force=force)
    if quiet or as_json:
        summary = sync.push(cat, client, **options)
    else:
        from rich.progress import Progress

        with Progress(console=_stderr_console(), transient=True) as progress:
            task = progress.add_task("reading the library", total=None)

            def advance(what: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total or None, description=what)

            summary = sync.push(cat, client, progress=advance, **options)
    if as_json:
        _emit_json(summary.to_dict())
    elif not quiet:
        _show_push_summary(summary)
    sys.exit(1 if summary.failed else 0)


def _show_push_summary(summary) -> None:
    echo = click.echo
    would = "would be " if summary.dry_run else ""
    for key, fields in summary.updated.items():
        echo(f"{'would update' if summary.dry_run else 'updated'}: {key} ({', '.join(fields)})")
    for key in summary.moved:
        echo(f"{'would move' if summary.dry_run else 'moved'}: {key} (categories)")
    if summary.dry_run:
        for key in summary.created:
            echo(f"would create: {key}")
        for name in summary.collections_created:
            echo(f"would create collection: {name}")
        for name in summary.collections_moved:
            echo(f"would move collection: {name}")
        for key in summary.pruned:
            echo(f"would delete: {key}")
    for key, fields in summary.edited.items():
        for name, values in fields.items():
            echo(
                f"edited in Zotero (kept; --force overwrites): {key}.{name}: "
                f"{values['zotero']!r}, catalog has {values['catalog']!r}"
            )
    for key in summary.deleted_in_zotero:
        echo(f"deleted in Zotero (not recreated; --force does): {key}")
    for key in summary.not_in_catalog:
        echo(f"delbib's item no longer in the catalog (kept; --prune deletes): {key}")
    for key, reason in summary.failed.items():
        echo(f"failed (retried next push): {key}: {reason}")
    echo(
        f"{summary.library}: {len(summary.created)} {would}created, "
        f"{len(summary.updated)} {would}updated, {len(summary.moved)} {would}moved, "
        f"{len(summary.unchanged)} left alone, {len(summary.edited)} with Zotero edits kept, "
        f"{len(summary.pruned)} {would}deleted, {len(summary.failed)} failed; collections: "
        f"{len(summary.collections_created)} {would}created, "
        f"{len(summary.collections_moved)} {would}moved ({summary.requests} requests, "
        f"{summary.writes} writes)"
    )


@zotero.command("pull")
@library_option
@collection_option
@json_option
@click.pass_obj
@handle_errors
def zotero_pull(obj: Context, library: str, collection: str | None, as_json: bool) -> None:
    """Report what changed in Zotero since the push, as a diff to apply to the catalog.

    Read only: items in the pushed collections that the catalog lacks (+) and fields or
    categories edited in Zotero (~).

    \b
    Example:
      delbib zotero pull --library user:1234567 --json
    """
    from .zotero import sync

    cat, client = _zotero_setup(obj, library)
    report = sync.pull(cat, client, collection=collection)
    if as_json:
        _emit_json(report.to_dict())
        return
    for item in report.not_in_catalog:
        ids = " ".join(f"{k}:{item[k]}" for k in ("doi", "arxiv") if item[k])
        echo_ids = f" {ids}" if ids else ""
        click.echo(
            f"+ {item['zotero_key']} {item['date'] or '?'} {item['title']!r}{echo_ids} "
            f"[{', '.join(item['categories'])}]"
        )
    for key, fields in report.edited.items():
        for name, values in fields.items():
            click.echo(f"~ {key}.{name}: {values['pushed']!r} -> {values['zotero']!r}")
    click.echo(
        f"{len(report.not_in_catalog)} items not in the catalog, {len(report.edited)} edited "
        f"in Zotero ({report.requests} requests)",
        err=True,
    )


if __name__ == "__main__":  # pragma: no cover
    main()
