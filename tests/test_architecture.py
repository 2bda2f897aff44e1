"""The import graph of ``src/delbib``: no circle, and no stage importing a later one.

Imports are read with ``ast`` from every module, at module level and inside functions alike
(a deferred import is still a dependency), relative ones resolved, and ``from pkg import mod``
counted as an import of ``pkg.mod``. Two kinds of import count for the layer order but not for
circles: a string naming a module whole (what ``import_module`` takes: the sources' route table
names its plugins so, and the plugins import the table's shared types), and an import under
``if TYPE_CHECKING:``, which never runs.
The stages are listed in docs/architecture.md, which must say the same as ``STAGES``.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# Module or package -> (rank, stage). A module may import its own stage and any stage of a
# lower rank; two stages of one rank may not import each other. "delbib" itself is the
# library API (src/delbib/__init__.py), which imports the stages lazily, like the CLI.
STAGES: dict[str, tuple[int, str]] = {
    "delbib._version": (0, "ground"),
    "delbib.errors": (0, "ground"),
    "delbib.files": (0, "ground"),
    "delbib.text": (0, "ground"),
    "delbib.keys": (0, "ground"),
    "delbib.config": (0, "ground"),
    "delbib.identifiers": (0, "ground"),
    "delbib.http": (0, "ground"),
    "delbib.zoterotypes": (0, "ground"),
    "delbib.catalog": (1, "catalog"),
    "delbib.lists": (2, "lists"),
    "delbib.resolve": (2, "resolve"),
    "delbib.export": (3, "export"),
    "delbib.bibliography": (4, "bibliography"),
    "delbib.zotero": (4, "zotero"),
    "delbib": (5, "api"),
    "delbib.cli": (5, "cli"),
    "delbib.__main__": (5, "cli"),
}


def modules(src: Path, package: str) -> dict[str, Path]:
    """Dotted name -> file of every module of ``package`` under ``src`` (a package's
    ``__init__`` is the package's own name)."""
    found = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _owner(name: str, known: Iterable[str]) -> str | None:
    """``name`` if it is a module, else its nearest enclosing module (an attribute import)."""
    known = set(known)
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(src: Path, package: str) -> dict[str, set[tuple[str, bool]]]:
    """Module -> {(imported module, runs)} for the imports among ``package``'s modules;
    ``runs`` is False for a type-only import and a module only named in a string."""
    found = modules(src, package)
    graph: dict[str, set[tuple[str, bool]]] = {name: set() for name in found}
    for name, path in found.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        typing_only = _type_checking_lines(tree)
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            targets: list[str] = []
            runs = node.lineno not in typing_only if hasattr(node, "lineno") else True
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in found else base for a in node.names
                ]
            elif isinstance(node, ast.Constant) and "." in str(node.value):
                targets = [node.value] if node.value in found else []  # for import_module
                runs = False
            for target in targets:
                owner = _owner(target, found)
                if owner and owner != name and target.split(".")[0] == package:
                    graph[name].add((owner, runs))
    return graph


def circles(graph: Mapping[str, set[tuple[str, bool]]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), run-time imports."""
    edges = {m: sorted({t for t, runs in ts if runs}) for m, ts in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, []):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def stage_of(module: str, stages: Mapping[str, tuple[int, str]]) -> tuple[int, str] | None:
    """The stage of the longest entry of ``stages`` that is ``module`` or a package of it; the
    top package itself only names the module ``__init__``, not its subpackages."""
    best = None
    for prefix in stages:
        top = "." not in prefix
        if module == prefix or (not top and module.startswith(prefix + ".")):
            best = prefix if best is None or len(prefix) > len(best) else best
    return stages[best] if best else None


def violations(
    graph: Mapping[str, set[tuple[str, bool]]], stages: Mapping[str, tuple[int, str]]
) -> list[str]:
    """Every import of a later stage, or of another stage of the same rank, and every module
    no stage claims."""
    found = []
    for module, targets in sorted(graph.items()):
        mine = stage_of(module, stages)
        if mine is None:
            found.append(f"{module}: in no stage (add it to STAGES and docs/architecture.md)")
            continue
        for target, _ in sorted(targets):
            theirs = stage_of(target, stages)
            if theirs is None or theirs == mine:
                continue
            if theirs[0] >= mine[0]:
                found.append(f"{module} ({mine[1]}) imports {target} ({theirs[1]})")
    return found


def test_no_import_circle_in_delbib():
    assert circles(imports(SRC, "delbib")) == []


def test_no_stage_imports_a_later_one():
    assert violations(imports(SRC, "delbib"), STAGES) == []


MAX_LINES = 500  # issue 21: one concern per module; past this, split it along its concerns


def long_modules(root: Path) -> dict[str, int]:
    """Modules under ROOT longer than MAX_LINES, with their line counts."""
    counts = {
        str(path.relative_to(root)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(root.rglob("*.py"))
    }
    return {name: n for name, n in counts.items() if n > MAX_LINES}


def test_no_module_is_over_500_lines():
    assert long_modules(SRC / "delbib") == {}


def test_a_long_module_is_found(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert long_modules(tmp_path) == {"pkg/long.py": MAX_LINES + 1}


def test_the_architecture_page_names_every_stage():
    page = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for prefix, (_, stage) in STAGES.items():
        shown = prefix.removeprefix("delbib.").replace(".", "/") if prefix != "delbib" else ""
        assert f"`{stage}`" in page, stage
        if shown and not shown.startswith("_"):
            assert shown in page, prefix


# --- the checks themselves can fail ---------------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


SYNTHETIC_STAGES = {
    "pkg": (2, "api"),
    "pkg.low": (0, "low"),
    "pkg.high": (1, "high"),
    "pkg.side": (1, "side"),
}


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    return _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/low.py": "X = 1\n",
            "pkg/high/__init__.py": "",
            "pkg/high/a.py": "from pkg.low import X\n",
            "pkg/high/b.py": "from . import a\n",
            "pkg/side.py": "from pkg.low import X\n",
        },
    )


def test_a_clean_synthetic_package_passes(synthetic):
    graph = imports(synthetic, "pkg")
    assert graph["pkg.high.b"] == {("pkg.high.a", True)}
    assert circles(graph) == []
    assert violations(graph, SYNTHETIC_STAGES) == []


def test_a_circle_through_a_function_level_relative_import_is_found(synthetic):
    (synthetic / "pkg/high/a.py").write_text(
        "from pkg.low import X\n\ndef f():\n    from .b import g\n", encoding="utf-8"
    )
    assert circles(imports(synthetic, "pkg")) == [["pkg.high.a", "pkg.high.b"]]


def test_a_circle_through_a_package_init_is_found(synthetic):
    (synthetic / "pkg/high/__init__.py").write_text("from .b import a\n", encoding="utf-8")
    (synthetic / "pkg/high/a.py").write_text("import pkg.high\n", encoding="utf-8")
    assert circles(imports(synthetic, "pkg")) == [["pkg.high", "pkg.high.a", "pkg.high.b"]]


def test_a_type_only_import_makes_no_circle_but_keeps_the_order(synthetic):
    (synthetic / "pkg/low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.high.a import Y\n",
        encoding="utf-8",
    )
    graph = imports(synthetic, "pkg")
    assert circles(graph) == []
    assert violations(graph, SYNTHETIC_STAGES) == ["pkg.low (low) imports pkg.high.a (high)"]


def test_a_lower_stage_importing_a_higher_one_is_found(synthetic):
    (synthetic / "pkg/low.py").write_text("def f():\n    from pkg import side\n", encoding="utf-8")
    assert violations(imports(synthetic, "pkg"), SYNTHETIC_STAGES) == [
        "pkg.low (low) imports pkg.side (side)"
    ]


def test_stages_of_one_rank_may_not_import_each_other(synthetic):
    (synthetic / "pkg/side.py").write_text("from pkg.high.a import X\n", encoding="utf-8")
    assert violations(imports(synthetic, "pkg"), SYNTHETIC_STAGES) == [
        "pkg.side (side) imports pkg.high.a (high)"
    ]


def test_a_module_named_for_import_module_keeps_the_order_but_makes_no_circle(synthetic):
    (synthetic / "pkg/low.py").write_text(
        "import importlib\nimportlib.import_module('pkg.side')\n", encoding="utf-8"
    )
    (synthetic / "pkg/side.py").write_text("from pkg.low import X\n", encoding="utf-8")
    graph = imports(synthetic, "pkg")
    assert circles(graph) == []
    assert violations(graph, SYNTHETIC_STAGES) == ["pkg.low (low) imports pkg.side (side)"]


def test_a_module_in_no_stage_is_found(synthetic):
    (synthetic / "pkg/extra.py").write_text("", encoding="utf-8")
    assert violations(imports(synthetic, "pkg"), SYNTHETIC_STAGES) == [
        "pkg.extra: in no stage (add it to STAGES and docs/architecture.md)"
    ]
