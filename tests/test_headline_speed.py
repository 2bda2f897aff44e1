"""The headline export does not rebuild the ISO 4 abbreviator (issue 20, part 7) nor classify
the whole BMP for title protection (issue 20, item 10).

Each test runs delbib in a fresh process with its own cache directory, as a user's first and
later runs would be; whether pyiso4's abbreviator was built is read from ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import CATALOG, ROOT

JOURNAL_CATEGORY = "Data Synthesis"  # holds journal articles (ISO 4 abbreviations)
PROBE = """
import sys
from delbib.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("BUILT" if "pyiso4.ltwa" in sys.modules else "NOT BUILT", file=sys.stderr)
"""


def delbib(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "XDG_CACHE_HOME": str(cache),
        "DELBIB_CATALOG": str(CATALOG),
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=300
    )


def journal_abbreviations(text: str) -> set[str]:
    items = json.loads(text)
    return {i["container-title-short"] for i in items if i.get("type") == "article-journal"}


def test_the_abbreviator_is_built_once_then_exports_read_the_cache(tmp_path):
    args = ["export", "--category", JOURNAL_CATEGORY, "-f", "csljson"]
    first = delbib(tmp_path, *args)
    assert first.returncode == 0, first.stderr
    assert journal_abbreviations(first.stdout)  # the category has journal abbreviations
    assert first.stderr.splitlines()[-1] == "BUILT"  # a fresh cache: computed, once
    again = delbib(tmp_path, *args)
    assert again.stderr.splitlines()[-1] == "NOT BUILT"  # never the 56,000-word tree again
    assert again.stdout == first.stdout  # and say the same
    shipped = (ROOT / "exports" / "csljson" / "data-synthesis.json").read_text("utf-8")
    assert journal_abbreviations(again.stdout) == journal_abbreviations(shipped)


def test_import_reference_computes_the_abbreviations_so_export_does_not(tmp_path, catalog_copy):
    reference = ROOT / "catalog" / "source" / "catalog-reference.jsonl"
    journals = []
    for path in (catalog_copy / "resolved").glob("*.json"):
        record = json.loads(path.read_text("utf-8"))
        if (record.get("csl") or {}).get("type") == "article-journal":
            journals.append(path)
            path.unlink()  # these come back from the reference rows
    assert journals
    env_catalog = ["--catalog", str(catalog_copy)]
    imported = delbib(tmp_path, *env_catalog, "import-reference", str(reference))
    assert imported.returncode in (0, 1), imported.stderr
    assert imported.stderr.splitlines()[-1] == "BUILT"  # computed while storing the records
    assert any(path.exists() for path in journals)
    export = delbib(
        tmp_path, *env_catalog, "export", "--category", JOURNAL_CATEGORY, "-f", "csljson"
    )
    assert export.returncode == 0 and export.stderr.splitlines()[-1] == "NOT BUILT"


KINDS_PROBE = """
import sys
import delbib.export.latex as latex
classified = []
build = latex._kinds.__wrapped__
latex._kinds = lambda bound: classified.append(bound) or build(bound)
from delbib.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(sorted(set(classified)), file=sys.stderr)
"""


def test_the_headline_export_classifies_ascii_only(tmp_path):
    """Title protection classifies only the characters below the titles' largest one (the
    ASCII ones here), not the 65,536 of the BMP it once classified in every process (40 ms
    of the headline command's 200). Counted, not timed."""
    out = tmp_path / "refs.bib"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_CACHE_HOME": str(tmp_path)}
    args = ["--catalog", str(CATALOG), "export", "--category", JOURNAL_CATEGORY, "-o", str(out)]
    run = subprocess.run(
        [sys.executable, "-c", KINDS_PROBE, *args], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "[128]"  # tables of the ASCII characters only
    shipped = ROOT / "exports" / "bibtex" / "data-synthesis.bib"
    assert out.read_bytes() == shipped.read_bytes()
