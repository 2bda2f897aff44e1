"""render-list's file: the marked block of a list, its new text, and writing it, showing the
diff (``--diff``) or checking it is current (``--check``).

A marked part that already holds paper items is edited in place (``edit/``): only changed
values, new and departed papers change, every other byte stays. An empty part, a new file or
stdout gets the block generated afresh (``table``, in the rows ``arrange`` lays out).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from delbib.catalog.model import Catalog
from delbib.errors import InputError
from delbib.files import atomic_write
from delbib.lists.markdown import gfm
from delbib.lists.table import default_shape, markdown_block, shape_of, template_block

START = "<!-- delbib:start -->"
END = "<!-- delbib:end -->"


@dataclass(frozen=True)
class Block:
    """Where the generated block sits in a file: text before, inside and after the markers."""

    before: str
    inside: str
    after: str
    newline: str


def _markers(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the start and end markers: a marker line is an HTML block of its own, so
    the markers a README shows in a code block (as this project's does) are not taken."""
    if START not in text and END not in text:
        return [], []
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    starts: list[int] = []
    ends: list[int] = []
    for number in gfm.html_block_lines(text):
        line = text[offsets[number] : offsets[number + 1]]
        for marker, found in ((START, starts), (END, ends)):
            if line.strip() == marker:
                found.append(offsets[number] + line.index(marker))
    return starts, ends


def find_block(text: str, *, path: str | Path = "<text>") -> Block | None:
    """The marked block of ``text``; None when it has no markers; an error when they are wrong."""
    starts, ends = _markers(text)
    if not starts and not ends:
        return None
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        where = (starts or ends)[0]
        raise InputError(
            f"needs exactly one {START} followed by one {END} "
            f"(found {len(starts)} start and {len(ends)} end markers)",
            path=path,
            line=text.count("\n", 0, where) + 1,
        )
    head_end = starts[0] + len(START)
    newline = "\r\n" if text[head_end : head_end + 2] == "\r\n" else "\n"
    return Block(text[:head_end], text[head_end : ends[0]], text[ends[0] :], newline)


def render_file(
    catalog: Catalog,
    existing: str | None,
    *,
    path: str | Path = "<output>",
    template: str | Path | None = None,
    listed: bool = False,
) -> str:
    """The whole text of the output file: ``existing`` with its marked block replaced, or a
    new file holding only the block. A file without markers is an error, never overwritten."""
    block = find_block(existing, path=path) if existing is not None else None
    if existing is not None and block is None:
        raise InputError(
            f"has no {START} ... {END} markers: add them around the paper table", path=path
        )
    if template is None and block is not None and existing is not None:
        start = existing.count("\n", 0, len(block.before))
        end = existing.count("\n", 0, len(block.before) + len(block.inside))
        from .edit.region import edit_region

        edited = edit_region(catalog, existing, start, end, listed=listed, path=str(path))
        if edited is not None:
            return edited
    if template is not None:
        body = template_block(catalog, template, listed=listed)
    else:
        shape = (shape_of(block.inside) if block else None) or default_shape(catalog)
        if not any(c.role == "title" for c in shape.columns):
            raise InputError("the table between the markers has no title column", path=path)
        body = markdown_block(catalog, shape, listed=listed)
    if block is None:
        return f"{START}\n{body}{END}\n"
    nl = block.newline
    if nl != "\n":
        body = body.replace("\n", nl)
    return f"{block.before}{nl}{body}{block.after}"


def read_existing(path: str | Path) -> str | None:
    """A file's text exactly as stored (line ends kept), or None when it does not exist."""
    try:
        return Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from exc


def render_list(catalog: Catalog, path: str | Path, **options: Any) -> bool:
    """Render into ``path`` (created, or its marked part edited); True when it changed.

    The library entry point (``render-list -o``, ``add --list``); ``options`` as for
    ``render_file``."""
    text = render_file(catalog, read_existing(path), path=path, **options)
    return atomic_write(path, text)


def diff(catalog: Catalog, path: str | Path, **options: Any) -> str:
    """What ``render_list`` would change in ``path``, as a unified diff ("" when nothing)."""
    import difflib

    existing = read_existing(path)
    new = render_file(catalog, existing, path=path, **options)
    if new == existing:
        return ""
    name = str(path)
    lines = difflib.unified_diff(
        (existing or "").splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"{name} (now)",
        tofile=f"{name} (rendered)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def is_current(catalog: Catalog, path: str | Path, **options: Any) -> bool:
    """True when ``path`` already holds what ``render_list`` would write (False when missing)."""
    existing = read_existing(path)
    if existing is None:
        return False
    return render_file(catalog, existing, path=path, **options) == existing
