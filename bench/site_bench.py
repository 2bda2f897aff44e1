"""Site benchmark: `delbib site` on a synthetic catalog, its front page in headless Chromium.

Usage: python bench/site_bench.py [--papers 10000] [--loads 5] [--keep DIR]

Builds a synthetic catalog with ``scale_bench.make_catalog`` (1-8 authors, 1-3 of 13
categories, nine in ten resolved), writes its site with ``delbib site`` (timed, as a fresh
process) and measures, in headless Chromium through Selenium (Debian's ``chromium`` and
``chromium-driver``), from ``file://``:

- the front page's weight: index.html and everything it loads (style, scripts, search data);
- front page load: navigation start to the end of the load event (``PerformanceNavigationTiming``),
  over ``--loads`` fresh navigations (the first is reported apart: the file cache is cold);
- search ready: navigation start to the ``delbib-index-built`` mark (the page indexes the
  search data with MiniSearch right after the load event);
- search: the page's own ``delbib-search`` measure per query (search, filters and drawing the
  results), each query typed five times, as a person types (an ``input`` event).

It prints one table; the issue's bar is a load under 1 s and a search under 100 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

# (query, category index, year): typed words, then words and filters, then filters alone
QUERIES = [
    ("data", "", ""),
    ("alignment reward", "", ""),
    ("distil", "", ""),
    ("Müller", "", ""),
    ("ICLR", "", ""),
    ("2023", "", ""),
    ("quantization sparse", "", ""),
    ("data", "0", ""),
    ("data", "0", "2020"),
    ("", "3", "2021"),
]
FRONT = ["index.html", "assets/site.css", "assets/site.js", "assets/minisearch.min.js"]


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


LOAD = """
var done = arguments[0];
function wait() {
  var nav = performance.getEntriesByType("navigation")[0];
  var built = performance.getEntriesByName("delbib-index-built")[0];
  if (nav && nav.loadEventEnd > 0 && built) done([nav.loadEventEnd, built.startTime]);
  else setTimeout(wait, 10);
}
wait();
"""

TYPE = """
var box = document.getElementById("q");
performance.clearMeasures("delbib-search");
document.getElementById("filter-category").value = arguments[1];
document.getElementById("filter-year").value = arguments[2];
box.value = arguments[0];
box.dispatchEvent(new Event("input"));
var m = performance.getEntriesByName("delbib-search");
return [m[m.length - 1].duration, Number(document.getElementById("search").dataset.results)];
"""


def measure(site: Path, loads: int) -> dict:
    driver = browser()
    try:
        page = (site / "index.html").as_uri()
        times = []
        for _ in range(loads):
            driver.get("about:blank")
            driver.get(page)
            times.append(driver.execute_async_script(LOAD))
        searches = {}
        for query in QUERIES:
            runs = [driver.execute_script(TYPE, *query) for _ in range(5)]
            searches[query] = (
                max(r[0] for r in runs),
                statistics.median(r[0] for r in runs),
                runs[0][1],
            )
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    return {"loads": times, "searches": searches, "errors": errors}


def weight(site: Path) -> int:
    return sum((site / rel).stat().st_size for rel in [*FRONT, "assets/search-data.js"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the catalog and site in this directory.")
    args = parser.parse_args()
    from scale_bench import make_catalog

    base = args.keep or Path(tempfile.mkdtemp(prefix="delbib-site-bench-"))
    catalog, site = base / "catalog", base / "site"
    if not (catalog / "catalog.yaml").exists():
        make_catalog(catalog, args.papers)
    env = {
        "PYTHONPATH": str(ROOT / "src"),
        "PATH": "/usr/bin:/bin",
        "XDG_CACHE_HOME": str(base / "cache"),
    }
    command = [
        sys.executable,
        "-m",
        "delbib",
        "--catalog",
        str(catalog),
        "site",
        "--out-dir",
        str(site),
        "-q",
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env)
    build = time.perf_counter() - start
    result = measure(site, args.loads)
    loads = [load for load, _ in result["loads"]]
    ready = [built for _, built in result["loads"]]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    print(
        f"site of {args.papers} papers: built in {build:.1f} s (a fresh process, index cold), "
        f"{total / 1e6:.1f} MB on disk with downloads"
    )
    print(
        f"front page weight: {weight(site) / 1e3:.0f} kB "
        f"(search data {(site / 'assets/search-data.js').stat().st_size / 1e3:.0f} kB)"
    )
    print(
        f"front page load (ms): first {loads[0]:.0f}, median of the rest "
        f"{statistics.median(loads[1:] or loads):.0f}, max {max(loads):.0f}"
    )
    print(
        f"search ready (ms): first {ready[0]:.0f}, median {statistics.median(ready):.0f}, "
        f"max {max(ready):.0f}"
    )
    print("search (ms): query | category | year | results | median | max of 5")
    for (query, category, year), (worst, median, found) in result["searches"].items():
        shown = f"{query!r:22} {category or '-':>3} {year or '-':>5}"
        print(f"  {shown} {found:6d} {median:7.1f} {worst:7.1f}")
    print(f"console errors: {len(result['errors'])}")
    slowest = max(worst for worst, _, _ in result["searches"].values())
    verdict = max(loads) < 1000 and slowest < 100
    print(f"bar (load < 1000 ms, search < 100 ms): {'met' if verdict else 'NOT met'}")
    if not args.keep:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
