"""CSL-JSON -> CSL items: already the canonical shape, so this checks and sorts out.

An array of items (or one item, or ``{"items": [...]}``). ``id`` / ``citation-key`` is the
key; ``keyword`` (and delbib's own ``custom.categories``) the keywords; the ``note`` lines
delbib and Zotero write ("Citation Key: K", "arXiv: ID") are read back, other note lines are
kept as unplaced. An item that breaks the CSL-JSON schema is a problem naming its line.
"""

from __future__ import annotations

import json
import re

from delbib.bibliography.readers import Parsed, Problem, Record, arxiv_in, split_keywords

_NOTE_KEY = re.compile(r"(?i)^\s*citation key:\s*(\S+)\s*$")


def _line(text: str, index: int, starts: list[int]) -> int | None:
    return text.count("\n", 0, starts[index]) + 1 if index < len(starts) else None


def _item_starts(text: str) -> list[int]:
    """Where each top-level array member starts (for line numbers), by a light scan."""
    starts, depth, in_string, escaped = [], 0, False, False
    for pos, char in enumerate(text):
        if in_string:
            escaped = not escaped and char == "\\"
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string, escaped = True, False
        elif char in "[{":
            depth += 1
            if depth == 2 and char == "{":
                starts.append(pos)
        elif char in "]}":
            depth -= 1
    return starts


def read(text: str, parsed: Parsed) -> None:
    from delbib.catalog.validate import csl_problem

    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        parsed.problems.append(Problem(parsed.path, line, f"not JSON: {exc}"))
        return
    if isinstance(data, dict):
        data = data.get("items") if isinstance(data.get("items"), list) else [data]
    if not isinstance(data, list):
        parsed.problems.append(Problem(parsed.path, 1, "expected a JSON array of CSL items"))
        return
    starts = _item_starts(text) if text.lstrip().startswith("[") else [0]
    for index, raw in enumerate(data):
        line = _line(text, index, starts)
        if not isinstance(raw, dict):
            parsed.problems.append(Problem(parsed.path, line, "not a CSL item (an object)"))
            continue
        item = dict(raw)
        key = item.pop("citation-key", None) or item.pop("id", None)
        item.pop("id", None)
        item.pop("citation-key", None)
        if abbreviation := item.pop("journalAbbreviation", None):
            item.setdefault("container-title-short", abbreviation)
        keywords = split_keywords(str(item.pop("keyword", "") or ""))
        custom = item.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("categories"), list):
            custom = dict(custom)
            keywords = [str(c) for c in custom.pop("categories") if str(c).strip()]
            item["custom"] = custom
        unplaced: dict[str, str] = {}
        notes = []
        for note_line in str(item.pop("note", "") or "").splitlines():
            if found := _NOTE_KEY.match(note_line):
                key = key or found.group(1)
            elif (arxiv := arxiv_in(note_line)) and note_line.strip().lower().startswith("arxiv"):
                item["custom"] = {**(item.get("custom") or {}), "arxiv": arxiv}
            elif note_line.strip():
                notes.append(note_line.strip())
        if notes:
            unplaced["note"] = "\n".join(notes)
        if problem := csl_problem({"id": str(key or "x"), **item}):
            where, message = problem
            name = ".".join(map(str, where)) or "item"
            parsed.problems.append(Problem(parsed.path, line, f"field '{name}': {message}"))
            continue
        parsed.records.append(
            Record(
                key=str(key) if key is not None else None,
                item=item,
                line=line,
                keywords=keywords,
                unplaced=unplaced,
                entry_type=str(item.get("type")),
            )
        )
