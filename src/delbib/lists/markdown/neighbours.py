"""Items a reader joins to the item before them: a paper's full title in its own paragraph,
under its short name and link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cited, fields, linetitle
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


def _picture(line: Line) -> bool:
    """``![cos_loss](./img/cos_loss.jpg)``: a figure, its alt text one word at most."""
    return bool(line.images) and len(line.text.split()) <= 1
