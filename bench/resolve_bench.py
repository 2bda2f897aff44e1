"""Resolve the whole shipped catalog against the local fake services, under the real limits.

Crossref's polite-pool limits are enforced as configured in ``delbib.http.LIMITS``; arXiv's
3 s interval is scaled (``--arxiv-interval``, default 0.3 s) so a run takes seconds, and the
floor printed uses the same interval. Prints wall time beside the floor the limits set, and
requests per entry. Run: ``PYTHONPATH=src python bench/resolve_bench.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from delbib import catalog as cat  # noqa: E402
from delbib import config as cfg  # noqa: E402
from delbib import resolve  # noqa: E402
from tests.fakeapi import serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--arxiv-interval", type=float, default=0.3)
    args = parser.parse_args()
    with serve() as api, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        shutil.copytree(ROOT / "catalog", root, ignore=shutil.ignore_patterns("source", "resolved"))
        env = {**api.config_env(), "DELBIB_MAILTO": "bench@example.org"}
        config = dataclasses.replace(cfg.load(root, env=env), arxiv_interval=args.arxiv_interval)
        catalog = cat.load(root)
        http = resolve.make_http(config)
        start = time.perf_counter()
        summary = resolve.run(catalog, config=config, http=http)
        wall = time.perf_counter() - start
    floors = {
        bucket: (count - 1) * http.bucket(bucket).interval
        for bucket, count in http.stats.requests.items()
    }
    print(f"entries {len(catalog.entries)}, counts {summary.to_dict()['counts']}")
    print(f"requests {summary.requests} ({summary.requests / len(catalog.entries):.2f} per entry)")
    for bucket, count in sorted(http.stats.requests.items()):
        print(f"  {bucket:24} {count:4} requests, floor {floors[bucket]:6.2f} s")
    print(f"wall {wall:.2f} s; floor {max(floors.values()):.2f} s (slowest service, in parallel)")


if __name__ == "__main__":
    main()
