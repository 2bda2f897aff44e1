"""Every third-party module the package imports comes from a declared runtime dependency.

A quick static check (the slow one, tests/test_install.py, runs every command in an
environment that has only the runtime dependencies, which also catches what a library
imports lazily, like rapidfuzz's numpy).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from .conftest import ROOT


def imported_modules() -> dict[str, str]:
    """Top-level module name -> first file importing it, for every import in src/delbib."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "delbib").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path.name)
    return found


def test_every_imported_distribution_is_a_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        re.match(r"[A-Za-z0-9._-]+", r).group().lower().replace("_", "-")
        for r in project["dependencies"]
    }
    providers = packages_distributions()
    missing = {}
    for module, where in imported_modules().items():
        if module in sys.stdlib_module_names or module == "delbib" or module == "__future__":
            continue
        dists = {d.lower().replace("_", "-") for d in providers.get(module, [module])}
        if not dists & declared:
            missing[module] = where
    assert missing == {}, f"imported but not declared in [project] dependencies: {missing}"
