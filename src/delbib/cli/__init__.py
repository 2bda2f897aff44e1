"""The ``delbib`` command line: thin click commands over the library, one module per stage.

Each command's docstring is its ``--help`` text. A command's module is imported when that
command runs or ``--help`` lists it, and heavy modules (rich, habanero, ftfy, the writers) only
inside the commands that use them, so that ``delbib --help`` starts fast. Expected failures
(``DelbibError``) print one line and exit 1 or 2, never a traceback.
"""

from __future__ import annotations

from importlib import import_module

import click

from .._version import __version__
from .common import CATALOG_ENV, CATALOG_HELP, Context, _packaged_catalog, locate_catalog

__all__ = ["CATALOG_ENV", "Context", "_packaged_catalog", "locate_catalog", "main"]

# Command name -> (module, function): where each command of ``delbib`` is defined.
COMMANDS: dict[str, tuple[str, str]] = {
    "import-markdown": ("delbib.cli.lists", "import_markdown"),
    "render-list": ("delbib.cli.lists", "render_list"),
    "init": ("delbib.cli.catalog", "init"),
    "lint": ("delbib.cli.catalog", "lint"),
    "list": ("delbib.cli.catalog", "list_"),
    "stats": ("delbib.cli.catalog", "stats"),
    "rekey": ("delbib.cli.catalog", "rekey"),
    "resolve": ("delbib.cli.resolve", "resolve"),
    "add": ("delbib.cli.resolve", "add"),
    "import-reference": ("delbib.cli.resolve", "import_reference"),
    "export": ("delbib.cli.export", "export"),
    "survey": ("delbib.cli.export", "survey"),
    "site": ("delbib.cli.export", "site"),
    "import-bib": ("delbib.cli.bibliography", "import_bib"),
    "upgrade": ("delbib.cli.bibliography", "upgrade"),
    "check": ("delbib.cli.bibliography", "check"),
    "zotero": ("delbib.cli.zotero", "zotero"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported by name when first asked for: ``delbib export``
    loads the export commands alone; ``--help`` and ``commands`` load them all (each module
    imports its library code inside the commands, so that stays cheap)."""

    def __init__(self, *args, lazy: dict[str, tuple[str, str]], **kwargs) -> None:
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

    def _load(self, name: str) -> None:
        module, function = self.lazy.pop(name)
        command = getattr(import_module(module), function)
        _accept_global_options(command)
        self._commands[name] = command


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--catalog", type=click.Path(file_okay=False), default=None, help=CATALOG_HELP)
@click.version_option(version=__version__, prog_name="delbib")
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
