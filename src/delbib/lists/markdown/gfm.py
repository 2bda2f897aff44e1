"""Markdown as GitHub reads it (CommonMark with tables, strikethrough, raw HTML and front
matter, ``> [!NOTE]`` call-outs), and two questions the renderer asks of a list's text: the
shape of its first table and which of its lines are HTML blocks."""

from __future__ import annotations

import re

from .inline import Cell, parse_inline

_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*(?:\n|$)", re.I)


def parser():
    """GitHub's markdown reader (its inline extensions are read in inline.py)."""
    from markdown_it import MarkdownIt  # imported here so that `delbib --help` stays fast
    from mdit_py_plugins.front_matter import front_matter_plugin

    # a page's front matter (``---`` / ``layout: archive`` / ``---``) is metadata GitHub shows
    # as a table apart, never the list: its "# title:" line is no heading
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.use(front_matter_plugin)


def first_table(text: str) -> tuple[str | None, list[Cell], list[Cell]] | None:
    """The first table of ``text`` as GitHub reads it: the heading marks before it (``##``),
    its header cells and its first body row; None without a table. Used to keep a list's
    own table shape when it is rendered back."""
    tokens = parser().parse(text)
    heading: str | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and heading is None:
            heading = tok.markup
        if tok.type != "table_open":
            continue
        header: list[Cell] = []
        first: list[Cell] = []
        in_head, rows = False, 0
        for inner in tokens[i + 1 :]:
            if inner.type == "table_close":
                break
            if inner.type in ("thead_open", "thead_close"):
                in_head = inner.type == "thead_open"
            elif inner.type == "tr_open" and not in_head:
                rows += 1
            elif inner.type == "inline" and (in_head or rows == 1):
                (header if in_head else first).append(parse_inline(inner.children or []))
        return heading, header, first
    return None


def html_block_lines(text: str) -> list[int]:
    """0-based numbers of the lines of HTML blocks (``<details>`` bodies too), as GitHub reads
    the text: an HTML comment shown in a code block or quoted inline text is not one."""
    return [
        number
        for tok in parser().parse(text)
        if tok.type == "html_block" and tok.map
        for number in range(tok.map[0], tok.map[1])
    ]


def is_alert(node) -> bool:
    """``> [!NOTE]`` and its kin: a call-out GitHub draws as a box, never a paper."""
    first = node.children[0] if node.children else None
    inline = first.children[0] if first is not None and first.type == "paragraph" else None
    return inline is not None and bool(_ALERT.match(inline.content))
