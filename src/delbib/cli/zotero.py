"""`delbib zotero push` and `pull`: a Zotero library in step with the catalog."""

from __future__ import annotations

import sys

import click

from .common import Context, emit_json, handle_errors, json_option, quiet_option, stderr_console

library_option = click.option(
    "--library", required=True, metavar="user:ID|group:ID", help="The Zotero library."
)
collection_option = click.option(
    "--collection", metavar="NAME", help="Parent collection (default: the list's name)."
)


@click.group()
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
    from delbib import config as config_mod
    from delbib.zotero.client import Library
    from delbib.zotero.sync import make_client

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
    from delbib.zotero import sync

    cat, client = _zotero_setup(obj, library)
    options = dict(collection=collection, dry_run=dry_run, prune=prune, force=force)
    if quiet or as_json:
        summary = sync.push(cat, client, **options)
    else:
        from rich.progress import Progress

        with Progress(console=stderr_console(), transient=True) as progress:
            task = progress.add_task("reading the library", total=None)

            def advance(what: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total or None, description=what)

            summary = sync.push(cat, client, progress=advance, **options)
    if as_json:
        emit_json(summary.to_dict())
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
    from delbib.zotero.pull import pull

    cat, client = _zotero_setup(obj, library)
    report = pull(cat, client, collection=collection)
    if as_json:
        emit_json(report.to_dict())
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
