"""The exports: `export`, `survey` and `site`."""

from __future__ import annotations

import click

from delbib.errors import InputError

from .common import (
    Context,
    emit_json,
    handle_errors,
    json_option,
    out_dir_option,
    quiet_option,
    report_check,
    stderr_console,
)


@click.command()
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
@out_dir_option("exports", "Directory for --all and --check.")
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
    from delbib.export import formats
    from delbib.export import run as exporter

    cat = obj.load()
    if check and cited_in:
        raise InputError("--check compares --out-dir with the whole catalog; drop --cited-in")
    if check:
        problems = exporter.check(cat, out_dir)
        report_check(out_dir, problems, "delbib export --all", as_json, quiet)
    if all_:
        if categories or output or fmt or cited_in:
            raise InputError(
                "--all writes every category and format; drop --category/-o/--format/--cited-in"
            )
        result = _export_all(cat, out_dir, quiet or as_json)
        if as_json:
            emit_json(result.to_dict())
        elif not quiet:
            click.echo(
                f"{result.entries} entries -> {len(result.files)} files in {out_dir} "
                f"({len(result.written)} changed, {len(result.removed)} removed)",
                err=True,
            )
        _warn_incomplete(result.incomplete, quiet or as_json)
        return
    fmt = fmt or formats.for_output(output)
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
        from delbib.files import atomic_write, ensure_parent

        ensure_parent(output, mkdir)
    text, incomplete = exporter.render(cat, entries, fmt, chosen, **options)
    if output and output != "-":
        atomic_write(output, text)
        if as_json:
            emit_json(
                {"entries": len(entries), "output": output, "format": fmt, "incomplete": incomplete}
            )
        elif not quiet:
            click.echo(f"{len(entries)} entries -> {output} ({fmt})", err=True)
    else:
        click.echo(text, nl=False)
    _warn_incomplete(incomplete, quiet or as_json)


def _export_all(cat, out_dir: str, quiet: bool):
    from delbib.export import run as exporter

    if quiet:
        return exporter.export_all(cat, out_dir)
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as progress:
        task = progress.add_task("exporting", total=len(cat.entries))

        def advance(done: int, _total: int) -> None:
            if done % 500 == 0 or done == _total:  # a refresh per entry would cost more
                progress.update(task, completed=done)

        return exporter.export_all(cat, out_dir, progress=advance)


def _warn_incomplete(incomplete: dict[str, list[str]], quiet: bool) -> None:
    if incomplete and not quiet:
        listed = "; ".join(f"{k} (no {', '.join(v)})" for k, v in sorted(incomplete.items()))
        click.echo(f"warning: {len(incomplete)} entries exported incomplete: {listed}", err=True)


@click.command()
@out_dir_option("survey", "Directory of the kit.")
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
        emit_json(kit.to_dict())
    elif not quiet:
        click.echo(
            f"{len(kit.files)} files in {out_dir} ({len(kit.written)} changed, "
            f"{len(kit.removed)} removed); compile: cd {out_dir} && latexmk -pdf main.tex",
            err=True,
        )


@click.command()
@out_dir_option("site", "Directory of the site.")
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
        report_check(out_dir, problems, f"delbib site --out-dir {out_dir}", as_json, quiet)
    result = site_mod.write(cat, out_dir, templates)
    if as_json:
        emit_json(result.to_dict())
    elif not quiet:
        click.echo(
            f"{result.papers} papers -> {len(result.files) + len(result.downloads)} files in "
            f"{out_dir} ({len(result.written)} changed, {len(result.removed)} removed); "
            f"open {out_dir}/index.html",
            err=True,
        )
