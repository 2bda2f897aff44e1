"""Rows of a paper table that show no paper: a tool among the papers (``| OwlKit |
[[GitHub]] |``), a model whose paper cell is left ``-``, a leaderboard's page, while most rows
link their paper. A row with a paper's whole title and no link yet stays a paper."""

from __future__ import annotations

import re

from . import fields, linkwords
from .columns import header_text
from .inline import Cell
from .linkwords import PAPER, VIDEO, is_data_url

_LINKED_TABLE_SHARE = 0.5  # a table whose link column links a paper in this share of rows
# ".../blob/main/docs/notes.md": a document inside a repository
_DOCUMENT_PATH = re.compile(r"/(?:blob|raw)/[^?#]+\.(?:md|pdf|rst|txt|html?)(?:[?#].*)?$", re.I)
# "| Seg2Sat | ... | Github | null |": published where code is kept, not in a venue
_CODE_PLACES = frozenset(("github", "gitlab", "hugging face", "huggingface", "code", "repo"))


def rows_without_paper(
    header: list[Cell], body: list[tuple[int, list[Cell]]], roles: dict[str, int]
) -> set[int]:
    """Rows of a table of linked papers that link no paper: :func:`_tool_rows` and
    :func:`_placeholder_rows`."""
    return _tool_rows(body, roles) | _placeholder_rows(header, body, roles)


def _tool_rows(body: list[tuple[int, list[Cell]]], roles: dict[str, int]) -> set[int]:
    """Rows of a table whose paper-link column links a paper (or its page) in most rows,
    that link none there nor from the title, link something else (code, docs) and name no
    venue: tools listed among the papers, with ``[[docs]]``, ``[[github]]`` or a ``⚠️``
    placeholder for a paper."""
    if "links" not in roles or not body:
        return set()
    cols = [roles["links"], roles["title"]]

    def linked(cells: list[Cell]) -> bool:
        """Links a paper or a page about one (not only code, docs or an app)."""
        shown = [cells[c] for c in cols if c < len(cells)]
        for link in (link for cell in shown for link in cell.links):
            kind = fields.link_kind(link)
            if _DOCUMENT_PATH.search(link.href):
                return True  # a write-up kept in a repository, not the repository
            if (
                fields.is_resource_text(link.text)
                and linkwords.kind_of_words(link.text) == PAPER
                and kind not in (fields.PROJECT, VIDEO)  # "[Link](a leaderboard)"
            ):
                return True  # "[[pdf]]()": the list names a paper, its link is lost
            if (
                kind == PAPER
                or kind in (fields.PROJECT, VIDEO)
                and not linkwords.is_software_words(link.text)
                and not is_data_url(link.href)  # a leaderboard's or a demo's page
            ):
                return True
        return False

    flags = [(line, linked(cells), cells) for line, cells in body]
    if sum(flag for _, flag, _ in flags) < _LINKED_TABLE_SHARE * len(flags):
        return set()
    return {
        line
        for line, flag, cells in flags
        if not flag
        and any(cell.links for cell in cells)  # a row that lost its cells links nothing
        and not _venue_named(cells, roles)
    }


# headers of a column of paper links beside the title column: "| Title | Paper | Code |"
_PAPER_COLUMNS = frozenset(("paper", "papers", "paper link", "pdf", "arxiv", "paper url"))


def _placeholder_rows(
    header: list[Cell], body: list[tuple[int, list[Cell]]], roles: dict[str, int]
) -> set[int]:
    """Rows whose cell in a column of paper links (most rows link a paper there) is left
    empty on purpose (``null``, ``-``, ``N/A``, ``coming soon``), that link no paper
    elsewhere and name no venue: a model or a data set without a paper
    (``| Owl Model | - | null | [link](owl.github.io) |``)."""
    papers = [
        at
        for at, cell in enumerate(header)
        if at != roles.get("title") and header_text(cell) in _PAPER_COLUMNS
    ]
    found: set[int] = set()
    for at in papers:
        cells_at = [(line, cells[at]) for line, cells in body if at < len(cells)]
        if sum(bool(cell.links) for _, cell in cells_at) < _LINKED_TABLE_SHARE * len(body):
            continue  # not a column of paper links
        found |= {
            line
            for line, cells in body
            if at < len(cells)
            and not cells[at].links
            and cells[at].text.strip()  # written down; an empty cell may be a short row
            and fields.is_placeholder(cells[at].text)
            and not _long_title(cells, roles)
            and not any(
                fields.link_kind(link, first=False) == PAPER for c in cells for link in c.links
            )
            and not _venue_named(cells, roles)
        }
    return found


_TITLE_WORDS = 6  # a title cell of as many words names a paper, not a model or a data set


def _long_title(cells: list[Cell], roles: dict[str, int]) -> bool:
    """``| 2026 | Continual Adaptation for Indigenous Speech Recognition | - | - |``: a paper's
    whole title, its link not found yet, where a model's or a data set's name is a word or two."""
    at = roles.get("title")
    return at is not None and at < len(cells) and len(cells[at].text.split()) >= _TITLE_WORDS


def _venue_named(cells: list[Cell], roles: dict[str, int]) -> bool:
    """The row names a venue: not a cell left empty on purpose (``-``, ``null``) nor one
    naming where code is kept (``GitHub``)."""
    venue = roles.get("venue")
    if venue is None or venue >= len(cells):
        return False
    text = cells[venue].text
    return not fields.is_placeholder(text) and text.strip(" *_`").casefold() not in _CODE_PLACES
