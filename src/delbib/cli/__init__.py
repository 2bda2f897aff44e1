"""The ``delbib`` command line: thin click commands over the library, one module per stage.

Each command's docstring is its ``--help`` text. A command's module is imported only when
that command runs (or a listing needs its help line), and heavy modules (rich, habanero,
ftfy, the writers) only inside the commands that use them, so that ``delbib --help`` starts
fast. Expected failures (``DelbibError``) print one line and exit 1 or 2, never a traceback.
"""

from __future__ import annotations

from importlib import import_module

import click

from .common import CATALOG_ENV, CATALOG_HELP, Context, _packaged_catalog, locate_catalog

__all__ = ["CATALOG_ENV", "Context", "_packaged_catalog", "locate_catalog", "main"]

# Command name -> (module, function, summary): where each command of ``delbib`` is defined, and
# the first paragraph of its help, which the command listing of ``delbib --help`` shortens, so
# that the listing imports no command module (tests/test_startup.py holds it to the docstring).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "import-markdown": (
        "delbib.cli.lists",
        "import_markdown",
        "Create or update the catalog from an awesome list: paper tables or paper lists.",
    ),
    "render-list": (
        "delbib.cli.lists",
        "render_list",
        "Write the awesome list's papers from the catalog.",
    ),
    "init": (
        "delbib.cli.catalog",
        "init",
        "Create a catalog: empty, or a copy of the shipped one to edit, resolve and push.",
    ),
    "lint": (
        "delbib.cli.catalog",
        "lint",
        "Report catalog problems with each entry's key and source rows (exit 1 on errors).",
    ),
    "list": (
        "delbib.cli.catalog",
        "list_",
        "List the catalog's papers: key, year and cleaned title.",
    ),
    "stats": ("delbib.cli.catalog", "stats", "Papers per category and per year."),
    "rekey": (
        "delbib.cli.catalog",
        "rekey",
        "Rename citation keys to the key pattern; the old keys stay citable as aliases.",
    ),
    "resolve": (
        "delbib.cli.resolve",
        "resolve",
        "Fetch full metadata (Crossref/DOI, arXiv, OpenReview, ACL Anthology, dblp) for entries "
        "that lack it, and store it with its provenance and evidence beside each entry.",
    ),
    "add": (
        "delbib.cli.resolve",
        "add",
        "Add papers by arXiv id, DOI, an arXiv, doi.org, OpenReview, ACL Anthology or dblp link, "
        "or a quoted title: resolved and checked as `delbib resolve` does, then written.",
    ),
    "import-reference": (
        "delbib.cli.resolve",
        "import_reference",
        "Adopt hand-gathered metadata (JSON Lines, one record per list row) as resolved records.",
    ),
    "export": (
        "delbib.cli.export",
        "export",
        "Export citations: BibTeX, biblatex, CSL-JSON, RIS or Zotero RDF.",
    ),
    "survey": (
        "delbib.cli.export",
        "survey",
        "Write a LaTeX kit for a survey: refs.bib, a table per category, the taxonomy tree.",
    ),
    "site": (
        "delbib.cli.export",
        "site",
        "Write a static site: search, a page per category with citations to copy, downloads.",
    ),
    "import-bib": (
        "delbib.cli.bibliography",
        "import_bib",
        "Add bibliography files (BibTeX, biblatex, CSL-JSON, RIS, Zotero RDF) to the catalog.",
    ),
    "upgrade": (
        "delbib.cli.bibliography",
        "upgrade",
        "Upgrade the preprints of a .bib file to their published versions.",
    ),
    "check": (
        "delbib.cli.bibliography",
        "check",
        "Check each entry of a bibliography: verified, disagreeing, or found nowhere.",
    ),
    "zotero": (
        "delbib.cli.zotero",
        "zotero",
        "Keep a Zotero library in step with the catalog (Zotero Web API v3).",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands are imported by name when first asked for: ``delbib export``
    loads the export commands alone, ``--help`` none; ``commands`` loads them all."""

    def __init__(self, *args, lazy: dict[str, tuple[str, str, str]], **kwargs) -> None:
        self.lazy = dict(lazy)
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> dict[str, click.Command]:
        for name in list(self.lazy):
            self._load(name)
        return self._commands

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._commands = value

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            self._load(cmd_name)
        return self._commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self._commands, *self.lazy})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The listing of ``--help``, as click writes it, from the summaries of the commands
        not loaded yet."""
        listed = {name: click.Command(name, help=entry[2]) for name, entry in self.lazy.items()}
        listed.update(self._commands)
        rows = [(name, listed[name]) for name in sorted(listed) if not listed[name].hidden]
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])

    def _load(self, name: str) -> None:
        module, function, _ = self.lazy.pop(name)
        command = getattr(import_module(module), function)
        _accept_global_options(command)
        self._commands[name] = command


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--catalog", type=click.Path(file_okay=False), default=None, help=CATALOG_HELP)
@click.version_option(package_name="delbib")
@click.pass_context
def main(ctx: click.Context, catalog: str | None) -> None:
    """Turn a curated paper catalog into BibTeX, biblatex, CSL-JSON, RIS and Zotero RDF, per
    category."""
    ctx.obj = Context(catalog)


def _late_catalog(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``--catalog`` given after the command name wins over one given before it."""
    if value is not None:
        ctx.find_object(Context).catalog_option = value


def _accept_global_options(command: click.Command) -> None:
    """Every command also takes the group's options after its name (``delbib export
    --catalog DIR``), and its --help says they may go either side."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _accept_global_options(sub)
        return
    command.params.append(
        click.Option(
            ["--catalog"],
            type=click.Path(file_okay=False),
            expose_value=False,
            callback=_late_catalog,
            help=f"{CATALOG_HELP} Goes before or after the command name.",
        )
    )
