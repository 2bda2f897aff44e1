"""`import-markdown` and `render-list`: an awesome list into the catalog and back."""

from __future__ import annotations

import os
import sys

import click

from delbib.errors import InputError

from .common import Context, emit_json, handle_errors, json_option, quiet_option


@click.command("import-markdown")
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
            emit_json(
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
        emit_json(report.to_dict())
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


@click.command("render-list")
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
        from delbib.files import ensure_parent

        ensure_parent(output, mkdir)
        changed = render.render_list(cat, output, **options)
        if not quiet:
            click.echo(f"{output}: {'written' if changed else 'unchanged'}", err=True)
    else:
        click.echo(render.render_file(cat, None, **options), nl=False)
