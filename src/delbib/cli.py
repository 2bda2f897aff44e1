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
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .errors import DelbibError, InputError

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


def _report_check(
    out_dir: str, problems: list[str], fix: str, as_json: bool, quiet: bool
) -> NoReturn:
    """What ``--check`` of a generated directory found, then exit 1 when anything differs."""
    if as_json:
        _emit_json({"ok": not problems, "problems": problems})
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


CATALOG_HELP = f"Catalog directory (default: ${CATALOG_ENV}, ./catalog, or the shipped catalog)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--catalog", type=click.Path(file_okay=False), default=None, help=CATALOG_HELP)
@click.version_option(package_name="delbib")
@click.pass_context
def main(ctx: click.Context, catalog: str | None) -> None:
    """Turn a curated paper catalog into BibTeX, biblatex, CSL-JSON, RIS and Zotero RDF, per
    category."""
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
    "was skipped (with --json: as JSON). With --strict, exit 2 when the import would refuse.",
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
    from delbib.lists import importer
    from delbib.lists import markdown as markdown_mod
    from delbib.lists.markdown import columns as columns_mod

    overrides = columns_mod.parse_overrides(columns)
    if explain:
        parsed = markdown_mod.parse_file(markdown, columns=overrides)
        records = importer.explain(parsed)
        refused = strict and bool(parsed.warnings)  # what the import would do with --strict
        if as_json:
            _emit_json(
                {
                    "items": records,
                    "skipped": parsed.skipped_counts(),
                    "warnings": [str(w) for w in parsed.warnings],
                    "strict_refused": refused,
                }
            )
        else:
            for problem in [] if quiet else parsed.warnings:
                click.echo(f"delbib: warning: {problem}", err=True)
            click.echo(importer.format_explain(records, parsed))
            if refused:
                click.echo(
                    f"--strict: {len(parsed.warnings)} warnings; the import would write nothing"
                )
        if refused:
            sys.exit(2)
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


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--from-shipped", is_flag=True, help="Copy the catalog shipped with delbib instead.")
@click.pass_obj
@handle_errors
def init(obj: Context, directory: str | None, from_shipped: bool) -> None:
    """Create a catalog: empty, or a copy of the shipped one to edit, resolve and push.

    DIRECTORY defaults to --catalog, $DELBIB_CATALOG, else ./catalog. An existing catalog
    or a directory holding files is never overwritten (exit 2).

    \b
    Examples:
      delbib init                          # ./catalog, empty
      delbib init --from-shipped mylist/   # the shipped catalog, editable
    """
    from delbib.catalog import model as catalog_mod

    root = directory or str(obj.catalog_path(for_write=True))
    cat = catalog_mod.init(root, copy_of=_packaged_catalog() if from_shipped else None)
    where = "" if root in ("catalog", "./catalog") else f" --catalog {root}"
    click.echo(
        f"{root}: {'a copy of the shipped catalog' if from_shipped else 'an empty catalog'} "
        f"({len(cat.entries)} papers, {len(cat.taxonomy)} categories); next: "
        f"delbib{where} add ID --category NAME" + (" --new-category" if not cat.taxonomy else ""),
        err=True,
    )


@main.command()
@click.argument("papers", nargs=-1, required=True, metavar="ID|URL|TITLE...")
@click.option(
    "--category",
    "-c",
    "categories",
    multiple=True,
    metavar="NAME",
    help="Its category (repeatable); one the taxonomy lacks needs --new-category.",
)
@click.option("--new-category", is_flag=True, help="Create the --category names that are new.")
@click.option("--key", help="Its citation key (one paper; default: from its title and year).")
@click.option(
    "--title",
    help="Its title, with one identifier: the record must bear it; needed with --no-resolve.",
)
@click.option("--tldr", help="A one-line summary, as a list's TLDR column holds.")
@click.option("--dry-run", is_flag=True, help="Resolve and check, show the entry; write nothing.")
@click.option("--no-resolve", is_flag=True, help="Ask no service: write what was given.")
@click.option(
    "--list",
    "list_file",
    type=click.Path(dir_okay=False),
    metavar="README.md",
    help="Then render the list's paper table between its markers.",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def add(
    obj: Context,
    papers: tuple[str, ...],
    categories: tuple[str, ...],
    new_category: bool,
    key: str | None,
    title: str | None,
    tldr: str | None,
    dry_run: bool,
    no_resolve: bool,
    list_file: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Add papers by arXiv id, DOI, an arXiv, doi.org, OpenReview, ACL Anthology or dblp
    link, or a quoted title: resolved and checked as `delbib resolve` does, then written.

    A title is taken only when a second record corroborates the search hit; a doubtful
    match writes nothing and shows the candidates (exit 1). A paper already in the catalog
    (same identifier or title) is refused, naming its entry. A service that fails or cannot
    be reached is a one-line error (exit 1), and nothing is written.

    \b
    Examples:
      delbib add 2307.08701 --category "Data Selection"
      delbib add https://openreview.net/forum?id=wcSx5VjTPP -c Survey --new-category
      delbib add "LIMA: Less Is More for Alignment" -c "Data Selection" --list README.md
      delbib add 10.18653/v1/2023.acl-long.754 --dry-run --json
    """
    from delbib.lists import render
    from delbib.resolve import add as add_mod

    root = obj.catalog_path(for_write=True)
    if list_file and not dry_run:  # a list that cannot be rendered stops us before any write
        render.render_file(obj.load_at(root), render.read_existing(list_file), path=list_file)
    try:
        result = add_mod.run(
            root,
            list(papers),
            title=title,
            dry_run=dry_run,
            categories=categories,
            new_category=new_category,
            key=key,
            tldr=tldr,
            resolve=not no_resolve,
        )
    except add_mod.Doubtful as exc:
        for c in exc.candidates:
            year = ((c.get("issued") or {}).get("date-parts") or [[None]])[0][0]
            click.echo(
                f"candidate: {c.get('title')!r} ({year or '?'}, {c.get('source')}, "
                f"score {c.get('score')}): {c.get('reason')}",
                err=True,
            )
        raise
    if list_file and not dry_run:
        changed = render.render_list(obj.load_at(root), list_file)
        if not quiet and not as_json:
            click.echo(f"{list_file}: {'written' if changed else 'unchanged'}", err=True)
    if as_json:
        _emit_json({**result.to_dict(), "dry_run": dry_run})
        return
    if quiet:
        return
    for item in result.added:
        data = item.to_dict()
        found = f"{data['kind']} via {data['source']}" if data["source"] else "not resolved"
        click.echo(
            f"{'would add' if dry_run else 'added'} {data['key']}: "
            f"{data['resolved_title'] or data['title']!r} ({found}"
            + (f", doi:{data['DOI']}" if data["DOI"] else "")
            + f") [{', '.join(data['categories'])}]"
        )
    for name in result.new_categories:
        click.echo(f"{'would create' if dry_run else 'new'} category: {name}")
    if not dry_run:
        click.echo(f"{len(result.added)} added; {result.written} files written", err=True)


@main.command("import-reference")
@click.argument("jsonl", type=click.Path(dir_okay=False))
@click.argument("amendments", nargs=-1, type=click.Path(dir_okay=False))
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_reference(
    obj: Context, jsonl: str, amendments: tuple[str, ...], as_json: bool, quiet: bool
) -> None:
    """Adopt hand-gathered metadata (JSON Lines, one record per list row) as resolved records.

    AMENDMENTS are JSON Lines files of corrections: a row and the fields it adds or corrects,
    with evidence; each is merged over that row's record. A record that names another paper
    than its entry, or would blank a field the entry's record knows, is refused and reported;
    exit 1 when any was refused.

    Example: delbib import-reference catalog/source/catalog-reference.jsonl
    catalog/source/reference-amendments.jsonl
    """
    from delbib.resolve import reference

    cat = obj.load()
    records = reference.read(jsonl)
    for path in amendments:
        records = reference.amend(records, path)
    summary = reference.apply(cat, records, source=os.path.basename(jsonl))
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

    A finding listed under `accept:` in catalog.yaml (rule, keys, reason) is reported as
    accepted and does not count; --json lists it with its reason.

    Example: delbib lint --json
    """
    from delbib.catalog import lint as lint_mod

    findings = lint_mod.run(obj.load())
    open_findings = [f for f in findings if not f.accepted]
    errors = sum(f.severity == "error" for f in open_findings)
    if as_json:
        _emit_json([f.to_dict() for f in findings])
    else:
        for finding in open_findings:
            click.echo(str(finding))
        accepted = len(findings) - len(open_findings)
        click.echo(
            f"{errors} errors, {len(open_findings) - errors} warnings, {accepted} accepted",
            err=True,
        )
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
    from delbib.export import run as exporter

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
    from delbib.catalog import stats as stats_mod

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
@click.option("--mkdir", is_flag=True, help="Create the directory of -o if it is missing.")
@click.option("--all", "all_", is_flag=True, help="Every category in every format.")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    default="exports",
    show_default=True,
    help="Directory for --all and --check.",
)
@click.option("--check", is_flag=True, help="Exit 1 when --out-dir differs from the catalog.")
@click.option(
    "--cited-in",
    type=click.Path(dir_okay=False),
    metavar="FILE.tex|FILE.aux",
    help="Only the entries this LaTeX document (or its .aux) cites.",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def export(
    obj: Context,
    categories: tuple[str, ...],
    cited_in: str | None,
    output: str | None,
    fmt: str | None,
    ascii_: bool,
    mkdir: bool,
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
      delbib export --cited-in main.tex -o refs.bib
      delbib export --all --out-dir exports/
      delbib export --check
    """
    from delbib.export import run as exporter

    cat = obj.load()
    if check and cited_in:
        raise InputError("--check compares --out-dir with the whole catalog; drop --cited-in")
    if check:
        problems = exporter.check(cat, out_dir)
        _report_check(out_dir, problems, "delbib export --all", as_json, quiet)
    if all_:
        if categories or output or fmt or cited_in:
            raise InputError(
                "--all writes every category and format; drop --category/-o/--format/--cited-in"
            )
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
    if cited_in:
        from delbib.export import citations

        entries, unknown = exporter.cited(cat, entries, citations.read(cited_in))
        if unknown and not quiet:
            click.echo(
                f"delbib: warning: {cited_in} cites {len(unknown)} keys the catalog does not "
                f"have: {', '.join(unknown)}",
                err=True,
            )
    chosen = [cat.category(c).name for c in categories] or None
    if output and output != "-":
        _check_parent(output, mkdir)
    text, incomplete = exporter.render(cat, entries, fmt, chosen, **options)
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
    cannot be reached, or that answers nothing for `deadline` seconds (30 by default), is
    skipped for the run with one line saying which and what to check. Exit status: 0 when
    every entry asked about was resolved, 1 when some failed or stayed unresolved (or the run
    was abandoned), 2 when no service could be reached.

    \b
    Examples:
      delbib resolve                     # only what is missing
      delbib resolve --only less2024 --refresh --dry-run
      DELBIB_MAILTO=you@example.org delbib resolve --json
    """
    from delbib.resolve import run as resolve_mod

    from . import config as config_mod

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
    if not as_json:
        for line in _unreachable_lines(summary.down, settings):
            click.echo(line, err=True)
    sys.exit(summary.exit_status())


def _unreachable_lines(down: dict[str, str], settings) -> list[str]:
    """One line per service that could not be reached: its name, the cause, what to check."""
    from .http import unreachable

    return [
        f"delbib: {unreachable(service, why, getattr(settings, f'{service}_url', None))}"
        for service, why in sorted(down.items())
    ]


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
    by_reason: dict[str, list[str]] = {}
    for key, reason in summary.failed.items():  # one line per cause, not per entry
        by_reason.setdefault(reason, []).append(key)
    for reason, keys in by_reason.items():
        echo(f"failed (retried next run): {', '.join(keys)}: {reason}")
    for key, reason in summary.incomplete.items():
        echo(f"saved, asked again next run (a service failed): {key}: {reason}")
    if dry_run:
        for key, change in summary.changes.items():
            for name, values in change.items():
                echo(f"would change {key}.{name}: {values['old']!r} -> {values['new']!r}")
    if summary.aborted:
        echo(f"abandoned: {summary.aborted}", err=True)


def _export_all(cat, out_dir: str, quiet: bool):
    from delbib.export import run as exporter

    if quiet:
        return exporter.export_all(cat, out_dir)
    from rich.progress import Progress

    with Progress(console=_stderr_console(), transient=True) as progress:
        task = progress.add_task("exporting", total=len(cat.entries))

        def advance(done: int, _total: int) -> None:
            if done % 500 == 0 or done == _total:  # a refresh per entry would cost more
                progress.update(task, completed=done)

        return exporter.export_all(cat, out_dir, progress=advance)


def _check_parent(output: str, mkdir: bool) -> None:
    """A missing directory in ``-o`` is most often a typo: refuse it, naming the directory,
    unless ``--mkdir`` asks for it."""
    from pathlib import Path

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


def _format_for(output: str | None) -> str:
    """The format an output's suffix names; BibTeX when its suffix says nothing (``-o -``,
    ``-o /dev/null``, ``-o refs.txt``), as the ``--format`` help promises."""
    from delbib.export import formats

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
@click.option("--mkdir", is_flag=True, help="Create the directory of -o if it is missing.")
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
    mkdir: bool,
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
    from delbib.lists import render

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
        _check_parent(output, mkdir)
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
    from delbib.export import survey as survey_mod

    kit = survey_mod.write(obj.load(), out_dir, sort=sort, leaves=tree)
    if as_json:
        _emit_json(kit.to_dict())
    elif not quiet:
        click.echo(
            f"{len(kit.files)} files in {out_dir} ({len(kit.written)} changed, "
            f"{len(kit.removed)} removed); compile: cd {out_dir} && latexmk -pdf main.tex",
            err=True,
        )


@main.command()
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    default="site",
    show_default=True,
    help="Directory of the site.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    help="Directory of Jinja2 templates (and assets/) that replace the shipped ones by name.",
)
@click.option("--check", is_flag=True, help="Exit 1 when --out-dir differs from the catalog.")
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def site(
    obj: Context, out_dir: str, templates: str | None, check: bool, as_json: bool, quiet: bool
) -> None:
    """Write a static site: search, a page per category with citations to copy, downloads.

    It works from file:// and on GitHub Pages (relative links, no server).

    \b
    Examples:
      delbib site --out-dir site/ && xdg-open site/index.html
      delbib site --out-dir site/ --templates my-templates/
      delbib site --out-dir site/ --check
    """
    from delbib.export import site as site_mod

    cat = obj.load()
    if check:
        problems = site_mod.check(cat, out_dir, templates)
        _report_check(out_dir, problems, f"delbib site --out-dir {out_dir}", as_json, quiet)
    result = site_mod.write(cat, out_dir, templates)
    if as_json:
        _emit_json(result.to_dict())
    elif not quiet:
        click.echo(
            f"{result.papers} papers -> {len(result.files) + len(result.downloads)} files in "
            f"{out_dir} ({len(result.written)} changed, {len(result.removed)} removed); "
            f"open {out_dir}/index.html",
            err=True,
        )


@main.command()
@click.option("--dry-run", is_flag=True, help="List the renames; change nothing.")
@click.option(
    "--pattern",
    metavar="PATTERN",
    help="Key pattern, e.g. 'auth + year' (default: key_pattern in delbib.yaml, 'name + year').",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def rekey(obj: Context, dry_run: bool, pattern: str | None, as_json: bool, quiet: bool) -> None:
    """Rename citation keys to the key pattern; the old keys stay citable as aliases.

    Only keys that differ from the pattern are renamed (with the default pattern: keys whose
    year is not the year the paper is cited with). Old keys go to the entry's aliases: biblatex
    exports write them as `ids`, Zotero's Extra gets a `tex.ids:` line. Keys change only when
    you run this.

    \b
    Examples:
      delbib rekey --dry-run
      delbib rekey --pattern "auth + shorttitle(1) + year"
    """
    from delbib.catalog import rekey as rekey_mod

    from . import config as config_mod
    from . import keys

    root = obj.catalog_path(for_write=not dry_run)
    cat = obj.load_at(root)
    if pattern is not None:
        try:
            keys.parse(pattern)
        except ValueError as exc:
            raise InputError(str(exc), field="pattern") from None
    pattern = pattern or config_mod.load(root).key_pattern
    renames = rekey_mod.plan(cat, pattern)
    if not dry_run:
        rekey_mod.apply(cat, renames)
    if as_json:
        _emit_json({"dry_run": dry_run, "pattern": pattern, "renames": renames})
        return
    if not quiet:
        for old, new in renames.items():
            click.echo(f"{old} -> {new}")
        done = "would be renamed" if dry_run else "renamed (old keys kept as aliases)"
        click.echo(f"{len(renames)} keys {done}", err=True)


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

    The API key comes from $ZOTERO_API_KEY or the file zotero-api-key in delbib's user
    configuration directory (~/.config/delbib on Linux), never from the command line or
    delbib.yaml, which is committed with the catalog. A Zotero server that answers nothing
    for `deadline` seconds (30 by default) ends the command with one line saying so.

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
    from .zotero.pull import pull

    cat, client = _zotero_setup(obj, library)
    report = pull(cat, client, collection=collection)
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


# ------------------------------------------------------------- global options, anywhere


def _late_catalog(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``--catalog`` given after the command name wins over one given before it."""
    if value is not None:
        ctx.find_object(Context).catalog_option = value


def _accept_global_options(group: click.Group) -> None:
    """Every command also takes the group's options after its name (``delbib export
    --catalog DIR``), and its --help says they may go either side."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _accept_global_options(command)
            continue
        command.params.append(
            click.Option(
                ["--catalog"],
                type=click.Path(file_okay=False),
                expose_value=False,
                callback=_late_catalog,
                help=f"{CATALOG_HELP} Goes before or after the command name.",
            )
        )


# ------------------------------------------------------------------ bring your own .bib


def _warn_all(problems, quiet: bool) -> None:
    for problem in [] if quiet else problems:
        click.echo(f"delbib: warning: {problem}", err=True)


@main.command("import-bib")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--category-from",
    type=click.Choice(["keywords", "collections", "none"]),
    default="keywords",
    show_default=True,
    help="Where categories come from: keywords (BibTeX keywords, RIS KW, CSL keyword, Zotero "
    "tags), collections (Zotero collections, JabRef groups) or none.",
)
@click.option("--category", "categories", multiple=True, help="Put every record in this category.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["bibtex", "csljson", "ris", "zotero-rdf"]),
    help="Input format (default: from the suffix or the content).",
)
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def import_bib(
    obj: Context,
    files: tuple[str, ...],
    category_from: str,
    categories: tuple[str, ...],
    fmt: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Add bibliography files (BibTeX, biblatex, CSL-JSON, RIS, Zotero RDF) to the catalog.

    Each record becomes an entry keeping its key, with a resolved record made from its own
    fields (provenance: the file and line).

    Records of one paper (same DOI, arXiv id or title) are merged; fields with no CSL place
    are kept in the record's provenance and reported; a record that cannot be read is a
    warning naming its line (exit 1). `delbib resolve` then checks them against the services.

    \b
    Examples:
      delbib --catalog mycat import-bib refs.bib
      delbib import-bib library.rdf --category-from collections
    """
    from delbib.bibliography import importer as bibimport
    from delbib.bibliography import readers as bibin
    from delbib.catalog import model as catalog_mod
    from delbib.catalog.layout import CATALOG_FILE

    parsed = [bibin.read(path, fmt) for path in files]
    root = obj.catalog_path(for_write=True)
    exists = (root / CATALOG_FILE).is_file()
    cat = catalog_mod.load(root) if exists else catalog_mod.new(root)
    report = bibimport.import_parsed(
        cat, parsed, category_from=category_from, categories=categories
    )
    bibimport.save(cat, report)
    _warn_all(report.warnings, quiet)
    if as_json:
        _emit_json(report.to_dict())
    elif not quiet:
        read = sum(len(p.records) for p in parsed)
        click.echo(
            f"{read} records -> {len(report.created)} new entries, {len(report.merged)} merged "
            f"into others; {report.files_written} files written"
            + (f"; {len(report.warnings)} warnings" if report.warnings else "")
        )
        for written, key in report.renamed.items():
            click.echo(f"key {written} is {key} in the catalog")
        for key, names in report.unplaced.items():
            click.echo(f"{key}: kept in its record's provenance.unplaced: {', '.join(names)}")
    sys.exit(1 if report.warnings else 0)


def _warn_services(summary) -> None:
    """What a run could not ask (the entries concerned are reported as not checked)."""
    for service, reason in summary.down.items():
        click.echo(f"unreachable this run, skipped: {service}: {reason}", err=True)
    if summary.aborted:
        click.echo(f"abandoned: {summary.aborted}", err=True)


def _settings(obj: Context):
    """Service settings: the catalog's delbib.yaml when there is one, then the environment."""
    from . import config as config_mod

    return config_mod.load(obj.catalog_path())


@main.command()
@click.argument("bib", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Where to write the upgraded file (required unless --dry-run; may name BIB itself).",
)
@click.option("--dry-run", is_flag=True, help="Show the changes as a diff; write nothing.")
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def upgrade(
    obj: Context, bib: str, output: str | None, dry_run: bool, as_json: bool, quiet: bool
) -> None:
    """Upgrade the preprints of a .bib file to their published versions.

    Every entry is resolved with the same sources and checks as `delbib resolve`; a preprint
    whose version of record is found is rewritten from it under its own key, keeping its
    arXiv id (eprint) and fields such as keywords or abstract. Every other byte of the file
    is left as written, entries keep their keys and order. BIB is never modified unless -o
    names it (then it is replaced atomically).

    \b
    Examples:
      delbib upgrade refs.bib -o refs.upgraded.bib
      delbib upgrade refs.bib --dry-run
    """
    from delbib import files
    from delbib.bibliography import verify

    if not output and not dry_run:
        raise InputError("give -o OUT.bib (or --dry-run to see the changes)", field="output")
    result = verify.upgrade(bib, config=_settings(obj))
    _warn_all(result.problems, quiet)
    _warn_services(result.summary)
    if dry_run:
        click.echo(result.diff(bib, output or bib), nl=False)
    elif output:
        files.atomic_write(output, result.data())
    if as_json:
        _emit_json(
            {
                "upgraded": [vars(c) for c in result.changes],
                "requests": result.summary.requests,
                "failed": result.summary.failed,
                "aborted": result.summary.aborted,
            }
        )
    elif not quiet:
        for c in result.changes:
            where = c.venue + (f" {c.year}" if c.year else "") + (f", doi:{c.doi}" if c.doi else "")
            click.echo(f"upgraded {c.key}: arXiv:{c.arxiv} -> {where}")
        click.echo(
            f"{len(result.changes)} preprints upgraded, every other entry left as written "
            f"({result.summary.requests} requests"
            + (f", {len(result.summary.failed)} entries failed" if result.summary.failed else "")
            + ")"
            + ("" if output or not dry_run else "; nothing written")
        )
    sys.exit(1 if result.summary.aborted else 0)


@main.command()
@click.argument("bib", type=click.Path(dir_okay=False, exists=True))
@json_option
@quiet_option
@click.pass_obj
@handle_errors
def check(obj: Context, bib: str, as_json: bool, quiet: bool) -> None:
    """Check each entry of a bibliography: verified, disagreeing, or found nowhere.

    Reads BibTeX, biblatex, CSL-JSON, RIS or Zotero RDF and asks the services `delbib
    resolve` asks, with the same checks.

    Each entry is verified, or its title, authors, year, venue or DOI disagree with the
    record found (both values shown), or it is found nowhere (it may be made up). A preprint
    is compared with its arXiv record. Exit 1 when anything disagrees, is not found or
    cannot be read.

    \b
    Examples:
      delbib check refs.bib
      delbib check refs.bib --json
    """
    from delbib.bibliography import verify

    findings, scratch = verify.check(bib, config=_settings(obj))
    _warn_all(scratch.parsed.problems, quiet)
    _warn_services(scratch.summary)
    if as_json:
        _emit_json(
            {
                "entries": [f.to_dict() for f in findings],
                "counts": {
                    v: sum(f.verdict == v for f in findings)
                    for v in (verify.VERIFIED, verify.DISAGREES, verify.NOT_FOUND, verify.FAILED)
                },
                "requests": scratch.summary.requests,
            }
        )
    elif not quiet:
        for f in findings:
            if f.verdict == verify.VERIFIED:
                click.echo(f"verified: {f.key}")
            elif f.verdict == verify.DISAGREES:
                parts = "; ".join(
                    f"{name}: file {v['file']!r}, found {v['found']!r}"
                    for name, v in f.fields.items()
                )
                click.echo(f"disagrees: {f.key} (line {f.line}): {parts}")
            elif f.verdict == verify.NOT_FOUND:
                click.echo(f"found nowhere (possibly fabricated): {f.key} (line {f.line})")
            else:
                click.echo(f"not checked: {f.key} (line {f.line}): {f.reason}")
        counts = {v: sum(f.verdict == v for f in findings) for v in ("verified", "disagrees")}
        click.echo(
            f"{len(findings)} entries: {counts['verified']} verified, {counts['disagrees']} "
            f"disagree, {sum(f.verdict == verify.NOT_FOUND for f in findings)} found nowhere, "
            f"{sum(f.verdict == verify.FAILED for f in findings)} not checked"
        )
    unread = bool(scratch.parsed.problems)  # a record that could not be read is not verified
    sys.exit(0 if all(f.verdict == verify.VERIFIED for f in findings) and not unread else 1)


_accept_global_options(main)


if __name__ == "__main__":  # pragma: no cover
    main()
