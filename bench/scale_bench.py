"""Scale benchmark: whole CLI runs on synthetic catalogs of growing size, beside floors.

Usage: python bench/scale_bench.py [--sizes 1000,10000,100000] [--rows 500,5000] [--keep DIR]

For each catalog size it builds a synthetic catalog (1-8 authors with accents, TeX specials
and capitals in titles, 1-3 of 13 categories, resolved records shaped like
``catalog/resolved/*.json``; one entry in ten unresolved) and times, each as a fresh process
with its peak memory (``run``):

- ``floor: read files``: one Python process reading every paper (YAML, C loader) and resolved
  record (JSON): the yardstick of the issue;
- ``floor: json.dumps``: ``json.dumps`` of the canonical items (timed inside the process);
- ``load cold`` / ``load warm``: ``catalog.load`` without, then with, a fresh index;
- ``export --all cold`` (no index) and ``warm`` (fresh index), each into a new directory;
- ``export --check`` on that directory, and ``lint``, both with a fresh index.

For each list size it writes an awesome-list markdown table (2% of its rows repeat a paper
under another category) and times ``import-markdown`` into an empty catalog, beside a floor:
reading the list and dumping one YAML text per row with the C dumper.

It prints one table per size (wall and CPU seconds, each as a ratio of the read floor's, and
the peak memory of the process with its workers) and how each CPU time grows with size. A cold
load parses in worker processes on a machine with several cores, so its wall time is what a
user waits and its CPU time (user + system, of the process and its children) what the work
costs; both are shown. Growth uses CPU time, which moves less with the load of other jobs.
The index goes to a private cache directory (``XDG_CACHE_HOME``) so the user's cache is
untouched and "cold" means no index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = [
    "data",
    "efficient",
    "selection",
    "synthesis",
    "alignment",
    "instruction",
    "tuning",
    "pruning",
    "distillation",
    "curriculum",
    "retrieval",
    "reasoning",
    "preference",
    "reward",
    "feedback",
    "benchmark",
    "evaluation",
    "multilingual",
    "low-resource",
    "compression",
    "quantization",
    "sparse",
    "mixture",
    "experts",
    "agents",
    "self-play",
    "bootstrapping",
    "contrastive",
    "augmentation",
    "filtering",
    "deduplication",
    "tokenizer",
    "scaling",
    "laws",
    "transformer",
    "attention",
    "long-context",
    "memory",
    "planning",
    "tool-use",
    "code",
    "math",
    "Ünïcode",
    "Zoë",
    "café",
    "naïve",
    "Gödel",
    "Ångström",
    "Erdős",
]
SPECIALS = ("50%", "R&D", "$O(n)$", "C#", "under_score", "{braces}", "~tilde", "x^2", "a\\b")
CAPITALS = ("LLM", "LLMs", "GPT-4", "ChatGPT", "BERT", "RLHF", "DPO", "LoRA", "T5", "CoT")
GIVEN = ("Ann", "Bo", "Íñigo", "Zoë", "José", "Chloé", "Łukasz", "Søren", "Mei", "Raj")
FAMILY = ("Chen", "Müller", "van der Berg", "O'Neil", "Wiśniewski", "García", "Smith", "Wübben")
FAMILY += ("Nguyễn", "de la Cruz", "Østergaard", "Şahin", "Dvořák", "Kim", "Rossi", "Tanaka")
VENUES = ("NIPS/ICML/ICLR", "*ACL", "arxiv", "Journal", "AAAI", "IEEE")
CATEGORIES = tuple(
    f"{name}"
    for name in (
        "Data Selection",
        "Data Quality Enhancement",
        "Data Synthesis",
        "Data Augmentation",
        "Self-Evolution",
        "Distillation",
        "Survey",
        "Toxicity / Trust-worthy",
        "Evaluation & Benchmarks",
        "Multimodal",
        "Reasoning",
        "Agents & Tools",
        "Other",
    )
)


# ----------------------------------------------------------------------------- builders


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 11))]
    words.insert(rng.randrange(len(words) + 1), rng.choice(CAPITALS))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(SPECIALS))
    title = " ".join(words)
    if rng.random() < 0.4:
        title = f"{rng.choice(CAPITALS)}-{rng.randint(1, 999)}: {title}"
    return title[0].upper() + title[1:]


def _record(rng: random.Random, i: int, title: str, year: int, arxiv: str) -> dict:
    """A resolved record shaped like the shipped ones (csl, status, provenance, ...)."""
    kind = rng.choice(("paper-conference", "article-journal", "article"))
    csl: dict = {
        "type": kind,
        "title": title,
        "author": [
            {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN)}
            for _ in range(rng.randint(1, 8))
        ],
        "issued": {"date-parts": [[year, rng.randint(1, 12)]]},
        "URL": f"https://arxiv.org/abs/{arxiv}",
    }
    if kind == "article":
        csl.update(publisher="arXiv", number=f"arXiv:{arxiv}")
        status = "preprint-only"
    else:
        doi = f"10.{rng.randint(1000, 9999)}/bench.{i}"
        csl.update(
            {
                "DOI": doi,
                "URL": f"https://doi.org/{doi}",
                "container-title": rng.choice(
                    ("Proceedings of ACL & EMNLP", "Transactions on Machine Learning Research")
                ),
                "page": f"{i % 900 + 1}-{i % 900 + 12}",
                "publisher": "Association for Computational Linguistics",
            }
        )
        if kind == "article-journal":
            csl.update(volume=str(rng.randint(1, 40)), issue=str(rng.randint(1, 12)))
        status = "published"
    return {
        "conflicts": [],
        "csl": csl,
        "provenance": {
            "confidence": "high",
            "evidence": [f"https://arxiv.org/abs/{arxiv}"],
            "identifiers": [f"arxiv:{arxiv}"],
            "method": "reference",
            "request": f"bench row {i + 1}",
            "rows": [i + 1],
            "source": "reference",
        },
        "status": status,
    }


def arxiv_id(i: int) -> str:
    """A valid, unique new-style arXiv id for the i-th paper (YYMM.NNNNN)."""
    return f"{15 + i % 10}{1 + i // 10 % 12:02d}.{i // 120:05d}"


def make_catalog(root: Path, n: int, seed: int = 7) -> None:
    """Write a synthetic catalog of ``n`` papers (nine in ten resolved)."""
    from delbib.catalog.model import Catalog, Category, Entry, dump_json, dump_yaml, slugify

    rng = random.Random(seed)
    cat = Catalog(
        root=root, source="synthetic", taxonomy=[Category(c, slugify(c)) for c in CATEGORIES]
    )
    cat.save_meta()
    cat.papers_dir.mkdir(parents=True, exist_ok=True)
    cat.resolved_dir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        key = f"paper{i:06d}"
        arxiv = arxiv_id(i)
        title = _title(rng)
        year = rng.randint(2015, 2025)
        entry = Entry(
            key=key,
            title=title,
            clean_title=title,
            categories=rng.sample(CATEGORIES, rng.randint(1, 3)),
            rows=[i + 1],
            tldr=f"Propose {rng.choice(WORDS)} for {rng.choice(CAPITALS)} {rng.choice(WORDS)}.",
            links=[f"https://arxiv.org/abs/{arxiv}"],
            year=year,
            venue=rng.choice(VENUES),
            identifiers=[f"arxiv:{arxiv}"],
        )
        (cat.papers_dir / f"{key}.yaml").write_text(dump_yaml(entry.to_yaml_dict()), "utf-8")
        if i % 10 != 9:
            record = _record(rng, i, title, year, arxiv)
            (cat.resolved_dir / f"{key}.json").write_text(dump_json(record), "utf-8")


def make_list(path: Path, rows: int, seed: int = 11) -> None:
    """An awesome-list table of ``rows`` rows; 2% repeat an earlier paper in another category."""
    rng = random.Random(seed)
    lines = [
        "# Awesome synthetic list",
        "",
        "| Title | TLDR | Category | Paper Link | Year | Publish |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    papers: list[tuple[str, str, int]] = []
    for i in range(rows):
        if papers and rng.random() < 0.02:
            title, link, year = rng.choice(papers)
        else:
            title = _title(rng).replace("|", "\\|")
            link = f"https://arxiv.org/pdf/{arxiv_id(i)}"
            year = rng.randint(2015, 2025)
            papers.append((title, link, year))
        tldr = f"Propose {rng.choice(WORDS)} for {rng.choice(CAPITALS)} {rng.choice(WORDS)}."
        cats = ", ".join(rng.sample(CATEGORIES, rng.randint(1, 2))).replace("|", "\\|")
        lines.append(
            f"| {title} | {tldr} | {cats} | [link]({link}) | {year} | {rng.choice(VENUES)} |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- floors (child)


def floor_read(root: Path) -> None:
    """Read every paper (YAML, C loader) and resolved record (JSON) in one process."""
    import yaml

    papers = [
        yaml.load(p.read_text("utf-8"), Loader=yaml.CSafeLoader)
        for p in sorted((root / "papers").glob("*.yaml"))
    ]
    resolved = [
        json.loads(p.read_text("utf-8")) for p in sorted((root / "resolved").glob("*.json"))
    ]
    print(json.dumps({"papers": len(papers), "resolved": len(resolved)}))


def floor_dumps(root: Path) -> None:
    """``json.dumps`` of the canonical items, timed inside the process."""
    from delbib.catalog import csl
    from delbib.catalog import model as catalog

    items = csl.items(catalog.load(root))
    t0, c0 = time.perf_counter(), time.process_time()
    text = json.dumps(items)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"seconds": wall, "cpu": cpu, "bytes": len(text)}))


def floor_import(markdown: Path) -> None:
    """Read the list and dump one YAML text per table row with the C dumper."""
    import yaml

    texts = []
    for line in markdown.read_text("utf-8").splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            texts.append(yaml.dump({"cells": cells}, Dumper=yaml.CSafeDumper, allow_unicode=True))
    print(json.dumps({"rows": len(texts)}))


def load_only(root: Path) -> None:
    from delbib.catalog import model as catalog

    print(json.dumps({"entries": len(catalog.load(root).entries)}))


CHILD_TASKS = {
    "floor-read": floor_read,
    "floor-dumps": floor_dumps,
    "floor-import": floor_import,
    "load": load_only,
}


# ----------------------------------------------------------------------------- runner


def tree_memory(pid: int) -> int:
    """Bytes of memory process ``pid`` and its descendants use now: the sum of their
    proportional set sizes (a page shared by forked workers counts once in all, not once in
    each), from Linux's ``/proc/PID/smaps_rollup``; 0 where that is missing."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(
            (int(ln.split()[1]) * 1024 for ln in rollup.splitlines() if ln.startswith("Pss:")), 0
        )
        todo += map(int, children)
    return total


def run(
    argv: list[str],
    env: dict[str, str],
    timeout: float,
    ok: tuple[int, ...] = (0,),
    json_out: bool = False,
) -> dict:
    """Run one process; wall and CPU seconds, peak memory (MB) and its output.

    The peak is the largest memory of the process and its worker processes (``tree_memory``),
    sampled every 20 ms, or the process's own ``ru_maxrss`` when that is larger (a peak
    shorter than a sample). A run counts only with an exit status in ``ok`` and,
    with ``json_out``, JSON on stdout (lint exits 1 for findings, and a crash exits 1 too).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
        deadline = t0 + timeout
        tree_peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return {"seconds": None, "cpu": None, "rss_mb": None, "status": "timeout"}
            tree_peak = max(tree_peak, tree_memory(proc.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = {
            "seconds": seconds,
            "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": max(usage.ru_maxrss * 1024, tree_peak) / 2**20,
            "stdout": out.read(),
        }
        if proc.returncode not in ok or (json_out and not _is_json(result["stdout"])):
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            result.update(
                seconds=None, cpu=None, status=f"exit {proc.returncode}: {' '.join(tail)[:80]}"
            )
        return result


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def bench_size(n: int, base: Path, env: dict[str, str], timeout: float) -> dict[str, dict]:
    root = base / f"catalog-{n}"
    if not (root / "catalog.yaml").is_file():
        t0 = time.perf_counter()
        make_catalog(root, n)
        print(f"built a {n:,}-entry catalog in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        time.sleep(2.1)  # let the files age past the index's racy window
    py = [sys.executable, __file__]
    cli = [sys.executable, "-m", "delbib", "--catalog", str(root)]
    cache = Path(env["XDG_CACHE_HOME"])
    results: dict[str, dict] = {}

    def step(name: str, argv: list[str], cold: bool = False, **how) -> dict:
        if cold:
            shutil.rmtree(cache, ignore_errors=True)
        results[name] = run(argv, env, timeout, **how)
        shown = results[name]["cpu"]
        print(
            f"  {n:>7,} {name:<22} "
            + (f"{shown:8.2f} s CPU" if shown is not None else results[name]["status"]),
            file=sys.stderr,
        )
        return results[name]

    step("floor: read files", [*py, "--child", "floor-read", str(root)])
    dumps = step("floor: json.dumps", [*py, "--child", "floor-dumps", str(root)])
    if dumps["seconds"] is not None:
        inside = json.loads(dumps["stdout"])
        dumps.update(seconds=inside["seconds"], cpu=inside["cpu"])
    step("load cold", [*py, "--child", "load", str(root)], cold=True)
    step("load warm", [*py, "--child", "load", str(root)])
    for label, cold in (("export --all cold", True), ("export --all warm", False)):
        out = base / f"exports-{n}"
        shutil.rmtree(out, ignore_errors=True)
        step(label, [*cli, "export", "--all", "--quiet", "--out-dir", str(out)], cold=cold)
    step("export --check", [*cli, "export", "--check", "--quiet", "--out-dir", str(out)])
    step("lint", [*cli, "lint", "--json"], ok=(0, 1), json_out=True)
    return results


def bench_import(rows: int, base: Path, env: dict[str, str], timeout: float) -> dict[str, dict]:
    listing = base / f"list-{rows}.md"
    make_list(listing, rows)
    target = base / f"imported-{rows}"
    shutil.rmtree(target, ignore_errors=True)
    results = {
        "floor: read + dump rows": run(
            [sys.executable, __file__, "--child", "floor-import", str(listing)], env, timeout
        ),
        "import-markdown": run(
            [sys.executable, "-m", "delbib", "--catalog", str(target), "import-markdown", "--quiet"]
            + [str(listing)],
            env,
            timeout,
        ),
    }
    for name, r in results.items():
        shown = f"{r['cpu']:8.2f} s CPU" if r["cpu"] is not None else r["status"]
        print(f"  {rows:>7,} rows {name:<24} {shown}", file=sys.stderr)
    return results


def _cells(r: dict) -> str:
    if r.get("cpu") is None:
        return f"{r.get('status', '-')} | "
    return f"{r['seconds']:.2f} | {r['cpu']:.2f}"


def report(sizes: dict[int, dict], imports: dict[int, dict]) -> str:
    """Markdown tables: per size, then growth per tenfold (or other) step in size."""
    lines = []
    for n, results in sizes.items():
        floor = results["floor: read files"]["cpu"]
        lines += [
            f"\n**{n:,} entries**\n",
            "| step | wall s | CPU s | wall vs read floor | CPU vs read floor | peak memory |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        wall_floor = results["floor: read files"]["seconds"]
        for name, r in results.items():
            ratios = ["", ""]
            if floor and r.get("cpu") is not None and name != "floor: json.dumps":
                ratios = [f"{r['seconds'] / wall_floor:.2f}x", f"{r['cpu'] / floor:.2f}x"]
            rss = f"{r['rss_mb']:,.0f} MB" if r.get("rss_mb") else ""
            lines.append(f"| {name} | {_cells(r)} | {' | '.join(ratios)} | {rss} |")
    if imports:
        lines += [
            "\n**import-markdown**\n",
            "| rows | step | wall s | CPU s | peak memory |",
            "|---|---|---:|---:|---:|",
        ]
        for rows, results in imports.items():
            for name, r in results.items():
                rss = f"{r['rss_mb']:,.0f} MB" if r.get("rss_mb") else ""
                lines.append(f"| {rows:,} | {name} | {_cells(r)} | {rss} |")
    growth = _growth(sizes) + _growth(imports)
    if growth:
        lines += ["\n**growth** (CPU time at the larger size / at the smaller)\n"] + growth
    return "\n".join(lines)


def _growth(table: dict[int, dict]) -> list[str]:
    ordered = sorted(table)
    out = []
    for small, large in zip(ordered, ordered[1:], strict=False):
        for name in table[large]:
            a, b = table[small][name].get("cpu"), table[large][name].get("cpu")
            if a and b:
                out.append(
                    f"- {name}: {large / small:.3g}x the size -> {b / a:.1f}x the time "
                    f"({small:,} -> {large:,})"
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="Catalog sizes (entries).")
    parser.add_argument("--rows", default="500,5000", help="Markdown list sizes (rows); '' skips.")
    parser.add_argument("--keep", type=Path, help="Build (or reuse) catalogs and lists here.")
    parser.add_argument("--timeout", type=float, default=3600, help="Seconds per process.")
    parser.add_argument("--json", type=Path, help="Also write the raw results here.")
    parser.add_argument("--child", nargs=2, metavar=("TASK", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        CHILD_TASKS[args.child[0]](Path(args.child[1]))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = [int(s) for s in args.rows.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="delbib-scale-") as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])
        )
        results = {n: bench_size(n, base, env, args.timeout) for n in sizes}
        imports = {r: bench_import(r, base, env, args.timeout) for r in rows}
    for table in (*results.values(), *imports.values()):
        for r in table.values():
            r.pop("stdout", None)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(report(results, imports))
    if args.json:
        args.json.write_text(json.dumps({"sizes": results, "imports": imports}, indent=1) + "\n")


if __name__ == "__main__":
    main()
