"""How the list reader does on the real lists (issue 17): one line per list, then each half's mean.

    DELBIB_LISTS_DIR=/path/to/shared/lists python bench/list_score.py --set dev
    DELBIB_LISTS_DIR=/path/to/shared/lists:/path/to/fresh python bench/list_score.py --set fresh
    python bench/list_score.py --set all --json

Each list is imported by the CLI into an empty temporary catalog and scored against its
hand-written expectation in tests/data/lists/real/ (tests/real_lists.py; docs/real-lists.md).
The lists are found in $DELBIB_LISTS_DIR, else <repo>/../shared/lists. Runs the lists one
after the other (the machine is shared); the largest takes seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import real_lists  # noqa: E402

METRICS = ("title_recall", "id_recall", "non_paper_share", "entries", "seconds")


def means(scores: list[real_lists.Score]) -> dict[str, float]:
    """Mean of each metric (and the share refused) over some lists."""
    if not scores:
        return {}
    out = {m: sum(getattr(s, m) for s in scores) / len(scores) for m in METRICS}
    out["refused"] = sum(s.refused for s in scores) / len(scores)
    return out


def set_means(scores: list[real_lists.Score]) -> dict[str, dict[str, float]]:
    """Each set's means, in the order the sets first appear."""
    names = dict.fromkeys(s.set for s in scores)
    return {name: means([s for s in scores if s.set == name]) for name in names}


def table(scores: list[real_lists.Score], *, blind: bool = False) -> str:
    """The per-list lines, the halves' means and difference, and a line per target missed
    (with ``blind``, which targets only: no missed title is shown)."""
    head = (
        f"{'file':<58} {'set':<7} {'entries':>7} {'papers':>11} {'title':>6} {'ids':>6} "
        f"{'junk':>6} {'refused':>7} {'sec':>6}"
    )
    lines = [head, "-" * len(head)]
    for s in scores:
        lines.append(
            f"{s.file[:58]:<58} {s.set:<7} {s.entries:>7} {f'{s.papers_min}-{s.papers_max}':>11} "
            f"{s.title_recall:>6.3f} {s.id_recall:>6.3f} {s.non_paper_share:>6.3f} "
            f"{'yes' if s.refused else 'no':>7} {s.seconds:>6.1f}"
        )
    lines.append("")
    halves = set_means(scores)
    for half, mean in halves.items():
        lines.append(
            f"mean {half:<13} title {mean['title_recall']:.3f}  ids {mean['id_recall']:.3f}  "
            f"junk {mean['non_paper_share']:.3f}  refused {mean['refused']:.2f}  "
            f"({sum(s.set == half for s in scores)} lists)"
        )
    for half in halves:
        if half != "dev" and "dev" in halves:
            gap = {m: halves[half][m] - halves["dev"][m] for m in METRICS[:3]}
            lines.append(
                f"{half} - dev: title {gap['title_recall']:+.3f}  ids {gap['id_recall']:+.3f}  "
                f"junk {gap['non_paper_share']:+.3f}"
            )
    failing = [s for s in scores if s.failures()]
    if failing:
        lines.append("")
        lines.append(f"{len(failing)} of {len(scores)} lists miss a target:")
        for s in failing:
            for failure in s.failures():
                shown = failure.split(";")[0].split(":")[0] if blind else failure[:400]
                lines.append(f"  {s.file}: {shown}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", choices=(*real_lists.SETS, "all"), default="dev", help="which lists to score"
    )
    parser.add_argument("--json", action="store_true", help="print every score as JSON")
    parser.add_argument("--only", nargs="*", default=(), help="file stems to score")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="figures only, never what was missed: for a held-out set before its design is done",
    )
    args = parser.parse_args(argv)
    if not real_lists.lists_dirs():
        print("real lists not found: set DELBIB_LISTS_DIR", file=sys.stderr)
        return 2
    scores = []
    for path in real_lists.expectation_files():
        expected = real_lists.load(path)
        if args.set != "all" and expected["set"] != args.set:
            continue
        if args.only and path.stem not in args.only:
            continue
        if real_lists.find_list(expected["file"]) is None:
            print(f"skipped {path.stem}: the list is not in DELBIB_LISTS_DIR", file=sys.stderr)
            continue
        scores.append(real_lists.score(expected))
        if not args.json:
            print(f"scored {path.stem}", file=sys.stderr)
    if args.json:
        means_ = set_means(scores)
        print(json.dumps({"lists": [asdict(s) for s in scores], "means": means_}, indent=2))
    else:
        print(table(scores, blind=args.blind))
    return 0


if __name__ == "__main__":
    sys.exit(main())
