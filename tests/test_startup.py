"""`delbib --help` must start about as fast as click itself: the CLI module may import only
click and small standard-library modules; every heavy library is imported by the command
that uses it (the README's benchmark section gives the measured ratio)."""

from __future__ import annotations

import ast
import subprocess
import sys

HEAVY = {
    "habanero",
    "httpx2",
    "rich",
    "ftfy",
    "yaml",
    "markdown_it",
    "jinja2",
    "orjson",
    "rapidfuzz",
    "pybtex",
    "bibtexparser",
    "pylatexenc",
    "pyiso4",
    "fastjsonschema",
    "platformdirs",
    "json",
    "pathlib",
    "delbib.catalog.model",
    "delbib.export.formats",
}


def _modules_after(code: str) -> set[str]:
    """Modules loaded by ``code`` in a fresh interpreter (printed without importing json)."""
    probe = f"{code}\nimport sys\nprint(repr(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(ast.literal_eval(out.splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_module():
    loaded = _modules_after("import delbib.cli")
    assert "click" in loaded  # the probe sees what the CLI imports
    assert not loaded & HEAVY, sorted(loaded & HEAVY)


def test_help_renders_without_loading_heavy_modules():
    code = (
        "from delbib.cli import main\n"
        "try:\n    main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    loaded = _modules_after(code)
    assert not loaded & HEAVY, sorted(loaded & HEAVY)


def test_a_command_imports_only_its_own_command_module():
    one = _modules_after(
        "from delbib.cli import main\n"
        "try:\n    main(['stats', '--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    assert {m for m in one if m.startswith("delbib.cli.")} == {
        "delbib.cli.common",
        "delbib.cli.catalog",
    }


def test_every_command_is_in_the_table():
    from delbib.cli import COMMANDS, main

    assert sorted(main.commands) == sorted(COMMANDS)
