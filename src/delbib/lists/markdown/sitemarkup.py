"""What a static site's renderer reads in a page and a person never sees as words.

``{{< tdopen >}}``, ``{{< anchor "add" >}}``: Hugo shortcodes (as MIT OpenCourseWare's course
pages write them); ``{% if x %}``, ``{{ site.url }}``: Jekyll's Liquid tags; ``[Title](url)
{target="_blank"}``, ``{:.btn}``: attribute lists (kramdown, Pandoc, MkDocs) that become a
link's attributes; ``[@2022LeeOwls]``: a Pandoc citation key, which the renderer turns into
the citation it names. Each is blanked in place, so every line and column stays where it is
written (line numbers in reports, render-list's edits).
"""

from __future__ import annotations

import re

_SHORTCODE = re.compile(r"\{\{[<%][^{}\n]*[>%]\}\}|\{%[^\n]*?%\}|\{\{[^{}\n]*\}\}")
_ATTR = r"(?:[.#][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}]+))"
_ATTRIBUTES = re.compile(rf"(?<=[)\]])\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}")


_CITATION_KEY = re.compile(r"\[-?@[\w:./+-]+(?:\s*;\s*-?@[\w:./+-]+)*\](?![(\[])")


def blank(text: str) -> str:
    """The text with the site's markup replaced by as many spaces."""
    for markup in (_SHORTCODE, _ATTRIBUTES, _CITATION_KEY):
        text = markup.sub(lambda m: " " * len(m.group(0)), text)
    return text
