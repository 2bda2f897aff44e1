"""The everyday commands against Python's floor: ``delbib export --category "Data Synthesis"
-o refs.bib`` (the headline), ``delbib list`` and ``delbib --help`` on the shipped catalog,
beside ``python -c 'import click'``, each run in a fresh process.

Usage: python bench/headline_bench.py [--runs 10] [--src DIR] [--catalog DIR] [--json]

Runs the commands in turn (so all see the same machine load), ``--runs`` times
each, after one untimed warm-up run of each (the warm-up fills delbib's caches, as any
earlier export on the machine would), and prints the medians and their ratio. ``--src`` is
the ``src`` directory of the delbib to time (default: this checkout's), so two versions can
be compared in one run; the catalog is this checkout's ``catalog/`` unless ``--catalog``.
Both commands read and write bytecode in a private ``PYTHONPYCACHEPREFIX`` (``--no-bytecode``
keeps the caller's setting): an installed delbib has its modules' bytecode, as click has
its own, so with ``PYTHONDONTWRITEBYTECODE`` set each export would compile delbib's modules
from source, a cost no user pays.
The targets: the export within 4x ``import click`` (issue 20), ``--help`` within 1.3x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "export": ["-m", "delbib", "export", "--category", "Data Synthesis", "-o", "refs.bib"],
    "list": ["-m", "delbib", "list"],
    "--help": ["-m", "delbib", "--help"],
    "import click": ["-c", "import click"],
}
FLOOR = "import click"


def _time(args: list[str], cwd: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(src: Path, catalog: Path, runs: int, bytecode: bool = True) -> dict[str, float]:
    """Median wall seconds of each command over ``runs`` alternated runs, and each one's
    ratio to the floor (``<name> ratio``)."""
    env = {**os.environ, "PYTHONPATH": str(src), "DELBIB_CATALOG": str(catalog)}
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="delbib-headline-") as cwd:
        if bytecode:  # written by the warm-up runs, read by the timed ones
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = os.path.join(cwd, "pycache")
        for args in COMMANDS.values():
            _time(args, cwd, env)
        for _ in range(runs):
            for name, args in COMMANDS.items():
                times[name].append(_time(args, cwd, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name in COMMANDS:
        if name != FLOOR:
            medians[f"{name} ratio"] = medians[name] / medians[FLOOR]
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--catalog", type=Path, default=ROOT / "catalog")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="Keep the caller's bytecode settings."
    )
    args = parser.parse_args()
    result = measure(args.src.resolve(), args.catalog.resolve(), args.runs, not args.no_bytecode)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{FLOOR}: {result[FLOOR] * 1000:.0f} ms (the floor; medians of {args.runs})")
    for name in COMMANDS:
        if name != FLOOR:
            print(
                f"delbib {name}: {result[name] * 1000:.0f} ms, "
                f"{result[f'{name} ratio']:.2f}x the floor"
            )


if __name__ == "__main__":
    main()
