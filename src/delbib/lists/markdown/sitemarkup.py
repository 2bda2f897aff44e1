"""What a static site's renderer reads in a page and a person never sees as words.

``{{< tdopen >}}``, ``{{< anchor "add" >}}``: Hugo shortcodes (as MIT OpenCourseWare's course
pages write them); ``{% if x %}``, ``{{ site.url }}``: Jekyll's Liquid tags; ``[Title](url)
{target="_blank"}``, ``{:.btn}``: attribute lists (kramdown, Pandoc, MkDocs) that become a
link's attributes. Each is blanked in place, so every line and column stays where it is
written (line numbers in reports, render-list's edits).
"""

from __future__ import annotations

import re

_SHORTCODE = re.compile(r"\{\{[<%][^{}\n]*[>%]\}\}|\{%[^\n]*?%\}|\{\{[^{}\n]*\}\}")
_ATTR = r"(?:[.#][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}]+))"
_ATTRIBUTES = re.compile(rf"(?<=[)\]])\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}")


def blank(text: str) -> str:
    """The text with the site's markup replaced by as many spaces."""
    text = _SHORTCODE.sub(lambda m: " " * len(m.group(0)), text)
    return _ATTRIBUTES.sub(lambda m: " " * len(m.group(0)), text)
