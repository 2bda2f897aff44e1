"""The names of a catalog's layout on disk, which every stage that reads or writes it shares."""

from pathlib import Path

CATALOG_FILE = "catalog.yaml"
PAPERS_DIR = "papers"
RESOLVED_DIR = "resolved"
ALL_PAPERS = "all"  # file stem of the all-papers export (a category slug may not take it)
STATE_DIR = ".delbib-zotero"  # Zotero sync state, per library (``rekey`` renames keys in it)


def shipped_catalog() -> Path:
    """The catalog that ships inside the package (what commands read when no other is found)."""
    return Path(__file__).parent.parent / "data" / "catalog"
