"""Resolution: `resolve`, `add` and `import-reference`."""

from __future__ import annotations

import os
import sys

import click

from .common import Context, emit_json, handle_errors, json_option, quiet_option, stderr_console


@click.command()
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
    from delbib import config as config_mod
    from delbib.resolve import run as resolve_mod

    root = obj.catalog_path(for_write=True)
    cat = obj.load_at(root)
    settings = config_mod.load(root)
    options = dict(refresh=refresh, offline=offline, only=only, dry_run=dry_run, config=settings)
    if quiet or as_json or offline:
        summary = resolve_mod.run(cat, **options)
    else:
        from rich.progress import Progress

        with Progress(console=stderr_console(), transient=True) as progress:
            task = progress.add_task("resolving", total=None)

            def advance(key: str, kind: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, description=f"{kind}: {key}")

            summary = resolve_mod.run(cat, progress=advance, **options)
    if as_json:
        emit_json(summary.to_dict())
    elif not quiet:
        _show_resolve_summary(summary, dry_run=dry_run, offline=offline)
    if not as_json:
        for line in _unreachable_lines(summary.down, settings):
            click.echo(line, err=True)
    sys.exit(summary.exit_status())


def _unreachable_lines(down: dict[str, str], settings) -> list[str]:
    """One line per service that could not be reached: its name, the cause, what to check."""
    from delbib.http import unreachable

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


@click.command()
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
        emit_json({**result.to_dict(), "dry_run": dry_run})
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


@click.command("import-reference")
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
        emit_json(summary)
    elif not quiet:
        click.echo(f"{len(summary['written'])} resolved records written")
        if summary["rows_without_entry"]:
            click.echo(f"rows with no entry: {summary['rows_without_entry']}")
    for key, refused in summary["refused"].items():
        click.echo(f"refused: {key} (row {refused['row']}): {refused['reason']}", err=True)
    sys.exit(1 if summary["refused"] else 0)
