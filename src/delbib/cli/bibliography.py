"""A person's own bibliography files: `import-bib`, `upgrade` and `check`."""

from __future__ import annotations

import sys

import click

from delbib.errors import InputError

from .common import Context, emit_json, handle_errors, json_option, quiet_option


def _warn_all(problems, quiet: bool) -> None:
    for problem in [] if quiet else problems:
        click.echo(f"delbib: warning: {problem}", err=True)


@click.command("import-bib")
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

    parsed = [bibin.read(path, fmt) for path in files]
    cat = catalog_mod.load_or_new(obj.catalog_path(for_write=True))
    report = bibimport.import_parsed(
        cat, parsed, category_from=category_from, categories=categories
    )
    bibimport.save(cat, report)
    _warn_all(report.warnings, quiet)
    if as_json:
        emit_json(report.to_dict())
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
    from delbib import config as config_mod

    return config_mod.load(obj.catalog_path())


@click.command()
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
        emit_json(
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


@click.command()
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
        emit_json(
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
