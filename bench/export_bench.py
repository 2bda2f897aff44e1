"""Export benchmark: a synthetic catalog of N entries through every writer.

Usage: python bench/export_bench.py [--entries 100000] [--keep DIR]

Builds a synthetic catalog on disk (paper YAML files + resolved JSON records shaped like
the shipped ones), then, each in a fresh process so peak memory is per stage:
  - load      the catalog from disk (YAML curated files + JSON resolved records)
  - items     canonical CSL items built from the loaded catalog
  - baseline  the same items through ``json.dumps`` (the yardstick)
  - bibtex, biblatex, csljson, ris   the writers on the same items
It prints entries per second and peak RSS for each stage, and each writer's speed as a
ratio of the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ("load", "items", "baseline", "bibtex", "biblatex", "csljson", "ris")
WORDS = [
    "data",
    "efficient",
    "selection",
    "synthesis",
    "LLM",
    "alignment",
    "instruction",
    "tuning",
    "pruning",
    "distillation",
    "Ünïcode",
    "Zoë",
    "café",
    "naïve",
    "50%",
    "R&D",
    "$x$",
    "C#",
    "under_score",
    "{braces}",
    "GPT-4",
    "ChatGPT",
    "survey",
    "agent",
]
FAMILIES = ("Chen", "Müller", "van der Berg", "O'Neil", "Łukasz", "García", "Smith", "Wübben")


def make_catalog(root: Path, n: int, seed: int = 7) -> None:
    """Write a synthetic catalog: n papers over 13 categories, all resolved."""
    from delbib.catalog import Catalog, Category, Entry, slugify

    rng = random.Random(seed)
    cats = [f"Category {i}" for i in range(13)]
    cat = Catalog(root=root, source="synthetic", taxonomy=[Category(c, slugify(c)) for c in cats])
    cat.save_meta()
    kinds = ("paper-conference", "article-journal", "article")
    for i in range(n):
        key = f"paper{i:06d}"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
        entry = Entry(
            key=key,
            title=title,
            clean_title=title,
            categories=rng.sample(cats, rng.randint(1, 3)),
            rows=[i + 1],
            tldr="A synthetic summary.",
            links=[f"https://arxiv.org/abs/2401.{i:05d}"],
            year=rng.randint(2015, 2025),
            venue="arxiv",
            identifiers=[f"arxiv:2401.{i:05d}"],
        )
        cat.entries[key] = entry
        cat.save_entry(entry)
        kind = rng.choice(kinds)
        csl = {
            "type": kind,
            "title": title,
            "author": [
                {"family": rng.choice(FAMILIES), "given": rng.choice(("Ann", "Bo", "Íñigo"))}
                for _ in range(rng.randint(1, 8))
            ],
            "issued": {"date-parts": [[entry.year]]},
            "URL": f"https://arxiv.org/abs/2401.{i:05d}",
            "custom": {"arxiv": f"2401.{i:05d}"},
        }
        if kind == "article":
            csl.update(publisher="arXiv", number=f"arXiv:2401.{i:05d}")
        else:
            csl.update({"container-title": "Proceedings of Something & More", "page": "1-10"})
            csl["DOI"] = f"10.1234/bench.{i}"
        cat.save_resolved(key, {"csl": csl, "status": "published", "provenance": {}})


def run_stage(stage: str, root: Path) -> dict:
    """One stage, timed, in this process (called in a child process by main)."""
    from delbib import catalog as catalog_mod
    from delbib import csl, formats

    t0 = time.perf_counter()
    cat = catalog_mod.load(root)
    t1 = time.perf_counter()
    result = {"stage": stage, "entries": len(cat.entries), "load_s": t1 - t0}
    if stage != "load":
        items = csl.items(cat)
        t2 = time.perf_counter()
        result["items_s"] = t2 - t1
        if stage == "baseline":
            text = json.dumps(items)
        elif stage != "items":
            text = formats.write(stage, items)
        if stage != "items":
            result["write_s"] = time.perf_counter() - t2
            result["bytes"] = len(text.encode("utf-8"))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the catalog here.")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.catalog)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "catalog"
        if not (root / "catalog.yaml").exists():
            t0 = time.perf_counter()
            make_catalog(root, args.entries)
            print(f"built a {args.entries}-entry catalog in {time.perf_counter() - t0:.1f} s")
        results = {}
        for stage in STAGES:
            out = subprocess.run(
                [sys.executable, __file__, "--stage", stage, "--catalog", str(root)],
                capture_output=True,
                text=True,
                check=True,
            )
            results[stage] = json.loads(out.stdout)
    n = results["load"]["entries"]
    base = results["baseline"]["write_s"]
    print(f"\n{n} entries (python {sys.version.split()[0]})")
    print(f"{'stage':<10} {'seconds':>8} {'entries/s':>11} {'vs json.dumps':>14} {'peak RSS':>9}")
    print(
        f"{'load':<10} {results['load']['load_s']:8.2f} {n / results['load']['load_s']:11,.0f} "
        f"{'':>14} {results['load']['peak_rss_mb']:7.0f}MB"
    )
    print(
        f"{'items':<10} {results['items']['items_s']:8.2f} "
        f"{n / results['items']['items_s']:11,.0f} "
        f"{'':>14} {results['items']['peak_rss_mb']:7.0f}MB"
    )
    for stage in ("baseline", "bibtex", "biblatex", "csljson", "ris"):
        s = results[stage]["write_s"]
        label = "json.dumps" if stage == "baseline" else stage
        print(
            f"{label:<10} {s:8.2f} {n / s:11,.0f} {s / base:13.1f}x "
            f"{results[stage]['peak_rss_mb']:7.0f}MB"
        )


if __name__ == "__main__":
    main()
