"""Writer benchmark: each format's renderer on the same canonical items, beside json.dumps.

Usage: python bench/export_bench.py [--entries 100000] [--keep DIR]

Builds (or reuses) the synthetic catalog of ``scale_bench.py`` and, in one process, times
the steps of an export one by one, in CPU seconds: building the canonical items
(``csl.to_item``), then each format rendering every item once (what ``export --all`` does per
format), beside ``json.dumps`` of the same items, the floor. Where ``scale_bench.py`` times
whole commands, this shows which writer the time goes to.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_bench import make_catalog  # noqa: E402


def measure(root: Path) -> dict[str, float]:
    """CPU seconds of each step on the catalog at ``root``."""
    from delbib.catalog import csl
    from delbib.catalog import model as catalog
    from delbib.export import formats

    cat = catalog.load(root)
    entries = cat.ordered()
    start = time.process_time()
    items = [csl.to_item(e, cat.resolved.get(e.key)) for e in entries]
    seconds = {"items": time.process_time() - start}
    start = time.process_time()
    json.dumps(items)
    seconds["json.dumps"] = time.process_time() - start
    for name in formats.names():
        render = formats.get(name).renderer()
        start = time.process_time()
        for item in items:
            render(item)
        seconds[name] = time.process_time() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the catalog here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "catalog"
        if not (root / "catalog.yaml").exists():
            make_catalog(root, args.entries)
        seconds = measure(root)
    floor = seconds["json.dumps"]
    n = args.entries
    print(f"\n{n:,} entries (python {sys.version.split()[0]}), CPU time\n")
    print("| step | s | entries/s | vs json.dumps |\n|---|---:|---:|---:|")
    for step, s in seconds.items():
        print(f"| {step} | {s:.2f} | {n / s:,.0f} | {s / floor:.1f}x |")


if __name__ == "__main__":
    main()
