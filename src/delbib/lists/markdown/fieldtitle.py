"""A paper written as labelled fields: ``**Title**: ...``, ``Authors: ...``, ``Abstract: ...``.

Reading notes, paper digests and lists written in many languages give each paper as fields
with labels: ``Title: Owl Calls at Night`` / ``Authors: Ann Lee`` / ``Venue: OWLC 2019``,
``- **Paper title**: ...``, ``**论文题目**：...`` then ``**摘要**：...`` and ``**个人总结**：...``.
A label that says "title" names a paper as a reference does, link or not, and the fields
under it are that paper's; a note field (abstract, summary, comments) is the reader's prose,
so a link written in it (``more in my post: url``) is the note's, not the paper's.
"""

from __future__ import annotations

import re

from . import fields
from .inline import Line

# "Title", "Paper title", "Title of the paper", "论文题目", "Titel", "Título": then ":" or "："
_TITLE_LABEL = re.compile(
    r"^[\W_]*(?:\[\s*\d{1,4}\s*\]\s*)?"  # "[3] 论文题目：", "- **Title**:"
    r"(?:(?:paper|article|publication|work)(?:'s)?\s+(?:title|name)|title(?:\s+of\s+"
    r"(?:the\s+)?(?:paper|article|work))?|paper|titel|t[íi]tulo|titre|titolo"
    r"|论文题目|论文标题|论文名称|论文名|文章标题|文章题目|题目|标题|论文|タイトル|論文|제목)"
    r"[\s*_]*[:：]\s*(?P<title>.+)$",
    re.I,
)
# "Authors:", "By", "作者：", "Autoren:": the label before an item's names
AUTHORS_LABEL = re.compile(
    r"^\W*(?:by\s+|(?:authors?(?:\(s\))?|autor(?:en|es)?|auteurs?|autori|作者|著者|저자)"
    r"\W*[:：]\W*)",
    re.I,
)
# the reader's own prose about the paper: what follows it is notes until another field
_NOTE_LABEL = re.compile(
    r"^[\W_]*(?:(?:paper|article|my|personal|short|brief)\s+)?(?:abstract|summary|tl;?dr|notes?"
    r"|comments?|review|thoughts|takeaways?|highlights?|contributions?|description|overview"
    r"|论文摘要|摘要|个人总结|总结|简介|概述|笔记|评论|贡献|要点|思路|zusammenfassung|resumen"
    r"|résumé|resumo|要約|概要)[\s*_]*[:：]",
    re.I,
)
# "Authors:", "Venue:", "Code:", "链接：": a field of the paper's own
_FIELD_LABEL = re.compile(
    r"^[\W_]*[^\W\d_][\w .'/&()・-]{0,24}?[\s*_]*[:：](?!//)"
)  # "差分・新規性:"
# scripts written without spaces between words: kana, CJK ideographs, Hangul syllables
CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK = re.compile(f"[{CJK_CHARS}]")
_WRAP_WORDS = 8  # the end of a title wrapped onto the next line is a few words


def title(line: Line) -> str | None:
    """The title a labelled line gives (``**Paper title**: Owl Calls``), or the words of a
    line the block marks as a work's title; None for any other line, and for a label
    before a link word or an address (``Paper: [arXiv](url)``, ``Paper: https://...``)."""
    if line.titles:
        return line.text
    found = _TITLE_LABEL.match(line.text)
    if found is None:
        return None
    text = found["title"]
    for link in line.links:  # "Title: Owl Calls [[pdf]](url) [code](url)": the title ends there
        if link.text.strip() and fields.is_resource_text(link.text):
            text = text.split(link.text, 1)[0].rstrip(" [(|,;-–—")
    text = fields.unmarked(text.strip(" *_"))
    if words(text) < 2 or "://" in text or fields.is_resource_text(text) or _NOTE_LABEL.match(text):
        return None
    return text


def is_field(text: str) -> bool:
    """``Autoren: Dan Park``, ``Venue: OWLC``: a labelled field, not a title's or venue's words."""
    return _FIELD_LABEL.match(text.strip()) is not None


# "Year:", "Category:", "Tags:": labels of a paper's record that never name it
_RECORD_LABEL = (
    r"(?:year|date|published|category|categories|topics?|tags?|keywords?|fields?|areas?|type"
    r"|status|rating|stars|level|difficulty|priority|read|added|updated)"
)
_RECORD_FIELD = re.compile(
    rf"[\W_]*({_RECORD_LABEL})[\s*_]*[:：]([^:：]*?)(?=$|[\W_]*{_RECORD_LABEL}[\s*_]*[:：])", re.I
)
_RECORD_VALUE_WORDS = 3  # "Date: 2019-03", "Tags: NLP, GNN": one label's short value


def record_only(text: str) -> bool:
    """``**Year:** 2019 **Category:** Alternative Data``: a line of a record's labelled
    fields and nothing else; it dates or files the paper above it, it is no title. One
    label alone files it only with a short value: ``DATE: Domain Adaptive Product Seeker``
    is a title after its acronym."""
    text, found, at = text.strip(), [], 0
    while at < len(text) and (field := _RECORD_FIELD.match(text, at)) and field.end() > at:
        found.append(field)
        at = field.end()
    if not found or at < len(text):
        return False
    label, value = found[0][1], found[0][2]
    return len(found) > 1 or not label.isupper() and len(value.split()) <= _RECORD_VALUE_WORDS


def wrapped(first: Line, after: Line) -> bool:
    """``论文题目：... Using Deep`` / ``Convolutional Neural Network``: a labelled title that
    goes on, unlabelled and unstopped, on the next line of the file."""
    text = after.text
    return (
        title(first) is not None
        and bool(after.number and after.number == first.number + 1)
        and not after.links
        and not re.search(r"[.:：;!?。]\s*$|^\W", text)
        and 1 <= len(text.split()) <= _WRAP_WORDS
        and text[:1].isupper()
        and not is_field(text)
    )


def own_lines(lines: list[Line]) -> list[Line]:
    """An item led by a labelled title without its notes: a note field (abstract, summary)
    and the unlabelled lines after it are left out, so a link in them is not the paper's;
    the title's end wrapped onto the next line is joined to it."""
    if not lines or title(lines[0]) is None:
        return lines
    kept = [lines[0]]
    note = False
    for line in lines[1:]:
        if len(kept) == 1 and wrapped(lines[0], line):
            first = lines[0]
            joined = Line(
                [*first.parts, (" ", None), *line.parts],
                [*first.links],
                [*first.images],
                [*first.keys],
                [*first.strong],
                [*first.em, *line.em],
                [*first.code, *line.code],
                first.number,
            )
            kept[0] = joined
            continue
        if _NOTE_LABEL.match(line.text):
            note = True
        elif _FIELD_LABEL.match(line.text) and not _prose_label(line.text):
            note = False
        if not note:
            kept.append(line)
    return kept


def _prose_label(text: str) -> bool:
    """``详细的分析可以看：url``, ``More details in my post: url``: a sentence ending in a
    colon, not a field's label."""
    label = re.split(r"[:：]", text, maxsplit=1)[0]
    return len(label.split()) > 3 or len(_CJK.findall(label)) > 4


def words(text: str) -> int:
    """Words of a text, each character of a script written without spaces one."""
    return len(text.split()) + len(_CJK.findall(text))
