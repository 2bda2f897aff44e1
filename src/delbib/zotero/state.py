"""What the last push left in a Zotero library, kept beside the catalog.

``<catalog>/.delbib-zotero/<user|group>-<id>.json`` holds, per library: the collections
delbib made (parent and one per category), every pushed item's Zotero key, version and the
fields as pushed (so an edit made in Zotero since can be told from a change
in the catalog), and a small index of the library's other items (version, citation key, DOI,
arXiv id) so unchanged items are not downloaded again.

The directory carries its own ``.gitignore``: the file is per-machine sync bookkeeping (it
names a personal library and changes on every push, so sharing it would make merge
conflicts), and losing it is safe: the next push matches items again by citation key, DOI and
arXiv id, and reports the differences it cannot attribute instead of overwriting them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from delbib.catalog.layout import STATE_DIR

from ..errors import InputError
from ..files import atomic_write
from .client import Library

FORMAT = 1  # bumped when the layout changes: an old file is then refused


@dataclass
class State:
    """The last push to one library; saved after every write so a crash loses nothing."""

    path: Path
    parent: str | None = None  # key of the parent collection
    collections: dict[str, str] = field(default_factory=dict)  # category name -> key
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # citekey -> key/version/pushed
    index: dict[str, dict[str, Any]] = field(default_factory=dict)  # zotero key -> version, ids

    @classmethod
    def load(cls, catalog_root: Path, library: Library) -> State:
        path = Path(catalog_root) / STATE_DIR / f"{library.kind}-{library.id}.json"
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            return cls(
                path,
                parent=data.get("parent"),
                collections=dict(data["collections"]),
                items=dict(data["items"]),
                index=dict(data["index"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"unreadable sync state ({exc}); delete it to match items again", path=path
            ) from None

    def save(self) -> None:
        data = asdict(self)
        data.pop("path")
        data["format"] = FORMAT
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        atomic_write(self.path, text)
        atomic_write(self.path.parent / ".gitignore", "*\n")
