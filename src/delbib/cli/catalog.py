"""The catalog itself: `init`, `lint`, `list`, `stats` and `rekey`."""

from __future__ import annotations

import sys

import click

from .common import Context, _packaged_catalog, emit_json, handle_errors, json_option, quiet_option


@click.command()
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


@click.command()
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
        emit_json([f.to_dict() for f in findings])
    else:
        for finding in open_findings:
            click.echo(str(finding))
        accepted = len(findings) - len(open_findings)
        click.echo(
            f"{errors} errors, {len(open_findings) - errors} warnings, {accepted} accepted",
            err=True,
        )
    sys.exit(1 if errors else 0)


@click.command("list")
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
        emit_json([e.to_yaml_dict() for e in entries])
        return
    for e in entries:
        click.echo(f"{e.key}\t{e.year or ''}\t{e.clean_title}")


@click.command()
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
        emit_json(data)
    else:
        stats_mod.show(data)


@click.command()
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

    root = obj.catalog_path(for_write=not dry_run)
    cat = obj.load_at(root)
    pattern = rekey_mod.choose_pattern(root, pattern)
    renames = rekey_mod.plan(cat, pattern)
    if not dry_run:
        rekey_mod.apply(cat, renames)
    if as_json:
        emit_json({"dry_run": dry_run, "pattern": pattern, "renames": renames})
        return
    if not quiet:
        for old, new in renames.items():
            click.echo(f"{old} -> {new}")
        done = "would be renamed" if dry_run else "renamed (old keys kept as aliases)"
        click.echo(f"{len(renames)} keys {done}", err=True)
