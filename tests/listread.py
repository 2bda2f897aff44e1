"""Reading an invented list in memory, as the item-reader tests do."""

from __future__ import annotations

from delbib.lists import markdown


def parse(text: str) -> markdown.ParsedList:
    return markdown.parse(text, path="list.md")


def titles(text: str) -> list[str]:
    return [row.title for row in parse(text).rows]
