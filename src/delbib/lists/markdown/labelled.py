"""A line led by where its paper appeared: ``\\[[CoRL 2023](paper)\\] Title of the Paper``.

The link's text is a venue and year (``arXiv 2024``, ``ICLR 2023 Poster``), so the link is
the paper's and the title is the plain text after it. Such a line opens an item as a titled
line does: nested under a paper written the same way, it is a paper of its own.
"""

from __future__ import annotations

import re

from . import dates, fields, lexicon
from .inline import Line, strip_emoji

_TITLE_WORDS = 3  # plain words after the label that read as a title, not a note


def title_after_label(line: Line) -> str | None:
    """The plain title after a leading venue-and-year link to the paper, else None."""
    link = next((link for link in line.links if not link.image_only), None)
    if link is None or not link.text:
        return None
    before, _, after = line.text.partition(link.text)
    labelled = _labels_a_paper(link) or fields.leading_label(line) is link
    if re.search(r"[^\W_]", strip_emoji(before)) or not labelled:
        return None
    following = [x for x in line.links if x is not link and x.text]
    for other in following:  # the title ends where the next link starts
        after = after.split(other.text, 1)[0]
    title = after.strip(" \\[]()-–—:|")
    words = title.split()
    if len(words) < _TITLE_WORDS or not words[0][:1].isupper():
        return None
    return title


def _labels_a_paper(link) -> bool:
    """``[arXiv 2024](arxiv)``, ``[CoRL 2023 Workshop TGR](openreview)``: link words that
    name a venue or a year, leading to a paper."""
    text = link.text.strip(" []()")
    dated = lexicon.venue_in(text)[0] is not None or dates.year_in(text) is not None
    return dated and fields.is_resource_text(link.text) and fields.link_kind(link) == fields.PAPER
