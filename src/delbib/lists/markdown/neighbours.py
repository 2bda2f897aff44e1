"""Items a reader joins to the item before them: a paper's full title in its own paragraph,
under its short name and link; a title and its names listed under a paper's links; bullets
of labelled fields after a ``Title: ...`` one."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import cited, fields, fieldtitle, linetitle
from .inline import Line

if TYPE_CHECKING:
    from .blocks import Item


def names_over_titles(items: list[Item]) -> list[Item]:
    """``**[1] DeepID1** [[paper]](url)`` then, a paragraph below, ``Deep Learning Face
    Representation from Predicting 10,000 Classes``: a short name and its link, then the
    paper's full title on its own: one item."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        shown = [line for line in item.lines if not _picture(line)]  # a figure below: aside
        plain = len(shown) == 1 and not (shown[0].links or shown[0].strong)
        if prev is not None and len(prev.lines) == 1 and plain:
            line = prev.lines[0]
            name = (line.strong or [link.text for link in line.links] or [""])[0]
            name = linetitle.NUMBERED.sub("", name)  # "[1] DeepID1": its number
            named = name and line.links and not fields.names_line(line.text)  # not a byline
            # a paragraph of its own under the name: three words are a title ("Finding
            # Tiny Faces")
            if named and cited.full_title_below(name, [line, shown[0]], least=3):
                prev.lines = [line, *item.lines]
                prev.end_line = item.end_line
                continue
        out.append(item)
    return out


_NAME_WORDS = 5  # "FGFI. *CVPR 2019*.": a short name and where it appeared, no title


def title_and_names(items: list[tuple[list[Item], list[Item]]], block: list[Line]) -> list[Line]:
    """``FGFI. *CVPR 2019*.`` / ``[[arXiv](url)]`` then ``- Title`` / ``- Ann Lee and Bo
    Chen``: a paper's short name and links, then a list of two bullets, its title and its
    names; the lines of those two bullets to read before the name's, or [] when not so
    written."""
    own = [item for mine, _ in items for item in mine]
    if len(own) != 2 or any(sub for _, sub in items) or not block or block[0].links:
        return []
    lines = [line for item in own for line in item.lines]
    if len(lines) != 2 or any(line.links for line in lines):
        return []
    title, names = lines
    paper = any(fields.link_kind(link) == fields.PAPER for line in block for link in line.links)
    if (
        not paper
        or len(block[0].text.split()) > _NAME_WORDS
        or len(title.text.split()) < 3
        or fields.names_line(title.text)
        or not fields.names_line(names.text)
    ):
        return []
    # read first, as the work's title and its byline, the item starting where its name does
    at = block[0].number
    return [replace(title, titles=True, number=at), replace(names, number=at)]


def _picture(line: Line) -> bool:
    """``![cos_loss](./img/cos_loss.jpg)``: a figure, its alt text one word at most."""
    return bool(line.images) and len(line.text.split()) <= 1


def fields_joined(items: list[Item], shapes: tuple[str, ...]) -> list[Item]:
    """Items written as labelled fields (fieldtitle.py), without their notes' lines; bullets
    or paragraphs that are fields (``- Authors: ...``, ``**Journal:** ...``) after a
    ``Title: ...`` one are that paper's, as the lines of one item would be."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and item.shape == prev.shape in shapes
            and item.labels == prev.labels
            and item.lines
            and prev.lines
            and fieldtitle.title(prev.lines[0]) is not None
            and fieldtitle.title(item.lines[0]) is None
            and fieldtitle.is_field(item.lines[0].text)
        ):
            prev.lines = [*prev.lines, *item.lines]
            prev.end_line = max(prev.end_line, item.end_line)
            continue
        out.append(item)
    for item in out:
        item.lines = fieldtitle.own_lines(item.lines)
    return out
