"""How import-markdown and lint grow with the list: synthetic lists of N rows, timed in-process.

    python bench/import_bench.py --rows 300 3000 5000

Each list is a table (Title | Category | Link | Year | Venue) of titles made from list
titles (one word replaced, so word frequencies are list-like; see real_titles), with 5% of
the rows repeating an earlier paper under a reworded title and the same arXiv link, and 5%
near-duplicate titles under another link (what lint flags). Times: parse, import into an
empty catalog in three stages (parse the markdown; merge rows into entries, in memory; write
the files, each atomically with an fsync), lint's duplicate check on the result, and the whole
`delbib import-markdown` command in a fresh process into an empty catalog.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from delbib.catalog import lint
from delbib.catalog import model as catalog
from delbib.lists import importer, markdown  # noqa: E402

LISTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "lists"


def real_titles() -> list[str]:
    """Distinct list titles, for list-like word frequencies: the real lists' when
    DELBIB_REAL_LISTS names their directory (tests/data/lists/SOURCES.md), else pairs of our
    test lists' titles joined (as many as the real lists give, from our ~150)."""
    real = os.environ.get("DELBIB_REAL_LISTS")
    paths = sorted(Path(real).glob("*--*.md")) if real else sorted(LISTS.glob("shape-*.md"))
    titles = {}
    for path in paths:
        for row in markdown.parse_file(path).rows:
            titles.setdefault(row.title.casefold(), row.title.replace("|", "/"))
    found = list(titles.values())
    if real:
        return found
    return [f"{a} and {b}" for i, a in enumerate(found) for b in found[i + 1 : i + 11]]


def make_list(rows: int, seed: int = 7) -> str:
    """A table of ``rows`` papers whose titles are real titles with one word replaced (so they
    are distinct but keep real word frequencies), 5% repeats of an earlier paper (same link,
    reworded) and 5% near-duplicates under another link."""
    rng = random.Random(seed)
    base = real_titles()
    header = [
        "# Synthetic list",
        "",
        "| Title | Category | Link | Year | Venue |",
        "|---" * 5 + "|",
    ]
    lines = list(header)
    papers: list[tuple[str, str]] = []
    for n in range(rows):
        roll = rng.random()
        if papers and roll < 0.05:
            title, link = rng.choice(papers)
            title = title.replace(" ", "  ", 1) + "."
        elif papers and roll < 0.10:
            title, _ = rng.choice(papers)
            title, link = title + " revisited", f"https://arxiv.org/abs/24{n % 12 + 1:02d}.{n:05d}"
        else:
            words = base[n % len(base)].split()
            words[rng.randrange(len(words))] = (
                f"{rng.choice('bdfgklmprstvz')}{rng.choice('aeiou')}{n:x}"
            )
            title = " ".join(words)
            link = f"https://arxiv.org/abs/23{n % 12 + 1:02d}.{n:05d}"
            papers.append((title, link))
        lines.append(f"| {title} | Topic {n % 10} | [link]({link}) | {2018 + n % 7} | ICML |")
    return "\n".join(lines) + "\n"


def timed(func):
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[300, 3000, 5000])
    args = parser.parse_args()
    markdown.parse("| Title |\n|---|\n| warm up |\n")  # first use imports markdown-it
    print("| rows | parse s | merge s | write s | lint duplicates s | whole command s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "list.md"
            path.write_text(make_list(rows), encoding="utf-8")
            parsed, parse_s = timed(lambda p=path: importer.read(p))
            cat = catalog.new(Path(tmp) / "catalog")
            report, merge_s = timed(lambda c=cat, p=parsed: importer.import_rows(c, p, source="x"))
            _, write_s = timed(lambda c=cat, r=report: importer.save(c, r))
            loaded = catalog.load(Path(tmp) / "catalog")
            _, lint_s = timed(lambda c=loaded: lint.check_duplicates(c))
            command = [sys.executable, "-m", "delbib", "--catalog", str(Path(tmp) / "fresh")]
            _, whole_s = timed(
                lambda c=command, p=path: subprocess.run(
                    [*c, "import-markdown", str(p)], check=True
                )
            )
        print(
            f"| {rows:,} | {parse_s:.2f} | {merge_s:.2f} | {write_s:.2f} | {lint_s:.2f} "
            f"| {whole_s:.2f} |"
        )


if __name__ == "__main__":
    main()
