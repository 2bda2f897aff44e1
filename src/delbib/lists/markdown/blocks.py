"""Blocks -> candidate items: every place GitHub shows something that may be one paper.

A list item comes with its sub-items when they are its fields (authors, ``Paper: url``,
``📅 Date``), and stands apart from them when they are papers of their own. Paragraphs and
HTML blocks are runs of lines cut into items at each line that opens with a title, so a
``**Title**`` line, an authors line and a ``[[pdf]](url)`` line are one item; a list that
follows a title line and has no titles of its own holds that title's fields (``- Paper:
https://...``). HTML tables give one item per ``<tr>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import gfm, htmltable, leads, neighbours, readings
from .inline import Cell, Line, parse_inline, squash, strip_emoji

LIST_ITEM, PARAGRAPH, HTML, HTML_ROW = "list item", "paragraph", "html", "html table row"
_JOINED = (LIST_ITEM, PARAGRAPH)  # shapes whose items of labelled fields join the one before
_TASK_BOX = re.compile(r"^\s*\[[ xX]\]\s+(?=\S|$)")  # "- [ ] **Title**": a task list's box
_LABEL_WORDS = 8  # a parent item of more words is a paper or a sentence, not a group's name
_APART_SHARE = 0.8  # of the paragraphs under a label that open with a linked title


@dataclass
class Item:
    """One candidate paper: where it sits and its lines as GitHub shows them."""

    shape: str
    line: int  # 1-based first line
    end_line: int  # 1-based last line (inclusive)
    lines: list[Line] = field(default_factory=list)
    labels: tuple[str, ...] = ()  # the labels it is nested under ("- Robots that cook:")
    fields: dict[str, str] = field(default_factory=dict)  # "<th>Venue</th>"'s cell: its venue
    note: bool = False  # a sentence about the item it is nested under, not an item
    peer: bool = False  # a heading among its level's papers, a paper as they are (onepaper.py)

    @property
    def cell(self) -> Cell:
        return Cell(self.lines or [Line()])


@dataclass
class Heading:
    level: int
    cell: Cell | None  # markdown heading text, or None for an HTML heading
    html: str = ""
    paper: bool = False  # the title of the one paper its section holds, not a category


@dataclass
class Table:
    tokens: list
    line: int


@dataclass
class Items:
    """Items of one block (a list, or a run of paragraphs): judged together, since a list
    whose items mostly link papers is a paper list."""

    items: list[Item]


Event = Heading | Table | Items

_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)(?:</?h\1\s*/?>|$)", re.I | re.S)
# A table anywhere in an HTML block: ``<p>intro</p>`` or ``<div align="center">`` before it
# with no blank line between is still one block to markdown, but a person reads rows
_HTML_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|$)", re.I | re.S)
# an indented block of HTML elements (``<div class="paper">``), as a static site's page writes
_HTML_CODE = re.compile(
    r"^\s*</?(?:div|p|h[1-6]|ul|ol|li|span|section|article|table|tr|td|a)\b", re.I
)
# "<tr>...": rows of a table whose head a blank line cut off (HTML blocks end at one)
_TABLE_PIECE = re.compile(r"^\s*<(?:tr|td|th|tbody|/tr)\b", re.I)
_TABLE_END = re.compile(r"</table\s*>", re.I)
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[*+-]|\d{1,3}\.)[ \t]+(?=\S)")  # "* " opening a line
# Tags after which GitHub starts a new line of text.
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|li|hr|/?h[1-6])\b[^>]*>", re.I)
# "<h3 class="paper-title">", "<div class="title">": an element a page sets its works' titles in
# (a bare "<h3>" heads a section as often as a work)
_HTML_TITLE = re.compile(r"<\s*\w+\b[^>]*\bclass\s*=\s*[\"'][^\"']*\btitle\b", re.I)


def _inline_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"])


LineTest = Callable[[Line], object]


_RUN_TITLE_WORDS = (3, 30)  # a title's words, fewer than a sentence of prose


class _Walker:
    def __init__(
        self, tokens: list, text_lines: list[str], opens: LineTest, links: LineTest
    ) -> None:
        from markdown_it.tree import SyntaxTreeNode

        self.root = SyntaxTreeNode(tokens)
        self.text_lines = text_lines
        self.opens = opens  # does this line hold a title
        self.links = links  # does this line link a paper or resource
        self._md = None
        self.table = htmltable.Reader()  # the HTML table being read, row by row

    def end_line(self, start: int, stop: int) -> int:
        """The last non-blank line in [start, stop) (0-based, half-open map) as a 1-based
        number, so an item's range does not hold the blank line after it."""
        last = min(stop, len(self.text_lines)) - 1
        while last > start and not self.text_lines[last].strip():
            last -= 1
        return max(last, start) + 1

    def inline(self, source: str, first_line: int) -> list[Line]:
        if self._md is None:
            self._md = _inline_parser()
        tokens = self._md.parseInline(source)
        children = tokens[0].children if tokens else []
        return parse_inline(children or [], first_line).lines

    # ------------------------------------------------------------------ walk

    def events(self, nodes=None) -> Iterator[Event]:
        run: list[list[Line]] = []
        run_map: list[tuple[int, int]] = []

        # rows of an HTML table that blank lines cut into HTML blocks: one block of items
        rows: list[Item] = []

        def flush() -> Iterator[Event]:
            if run:
                yield Items(neighbours.fields_joined(self.cut(run, run_map), _JOINED))
                run.clear()
                run_map.clear()

        def flush_rows() -> Iterator[Event]:
            if rows:
                yield Items(list(rows))
                rows.clear()

        table_open = False  # an HTML table whose </table> is still to come

        def table_piece(content: str, at: int) -> Iterator[Event]:
            """``<tr><td>...</td></tr>`` after a blank line, or indented so that it reads as
            code: the rows of the table still open."""
            nonlocal table_open
            yield from flush()
            rows.extend(self.html_rows(content, at))
            table_open = not _TABLE_END.search(content)
            if not table_open:
                yield from flush_rows()

        siblings = list(self.root.children if nodes is None else nodes)
        taken: set[int] = set()  # paragraphs read as the list item above them
        for index, node in enumerate(siblings):
            start, stop = node.map or (0, 0)
            if index in taken:
                continue
            # "<tr>" after a blank line, or indented so that it reads as code: the table goes on
            # "    <div class="publication-item">" after a blank line: code to GitHub, but
            # HTML to the site's renderer (kramdown reads a block element to its closing tag)
            markup = node.type == "code_block" and _HTML_CODE.match(node.content) is not None
            html = node.type == "html_block" or node.type == "code_block" and (table_open or markup)
            piece = html and _TABLE_PIECE.search(node.content)
            if not piece:
                yield from flush_rows()
                table_open = False
            if node.type == "heading":
                yield from flush()
                yield Heading(int(node.tag[1:]), self.paragraph_cell(node))
            elif node.type == "paragraph":
                run.append(self.paragraph_cell(node).lines)
                run_map.append((start, stop))
            elif node.type == "html_block" or markup:
                content = node.content
                heading = _HTML_HEADING.match(content)
                if heading:
                    yield from flush()
                    yield Heading(int(heading.group(1)), None, heading.group(2))
                elif table := _HTML_TABLE.search(content):
                    before, after = content[: table.start()], content[table.end() :]
                    if before.strip():
                        run.append(self.html_lines(before, start))
                        run_map.append((start, start + before.count("\n") + 1))
                    yield from flush()
                    rows.extend(self.html_rows(table.group(0), start + before.count("\n")))
                    table_open = not _TABLE_END.search(table.group(0))
                    if not table_open:
                        yield from flush_rows()
                    if after.strip():
                        below = start + content.count("\n", 0, table.end())
                        run.append(self.html_lines(after, below))
                        run_map.append((below, stop))
                elif piece:
                    yield from table_piece(content, start)
                else:
                    run.append(self.html_lines(content, start))
                    run_map.append((start, stop))
            elif piece:
                yield from table_piece(node.content, start)
            elif node.type == "table":
                yield from flush()
                yield Table(node.to_tokens(), start + 1)
            elif node.type in ("bullet_list", "ordered_list"):
                items = [self.list_item(child) for child in node.children]
                titles = any(self.has_title(own) for own, _ in items)
                fielded = leads.fields_only([it for own, _ in items for it in own])
                if run and self.is_title_run(run) and not titles and fielded:
                    # "**Title**" then "- Paper: url" / "- Code: url": the title's fields
                    run.append([line for own, _ in items for item in own for line in item.lines])
                    run_map.append((start, stop))
                    yield from flush()
                    continue
                if run and (pair := neighbours.title_and_names(items, run[-1])):
                    run[-1][:0] = pair  # "FGFI. *CVPR 2019*. [[arXiv](url)]" / "- Title"
                    run_map[-1] = (run_map[-1][0], stop)
                    yield from flush()
                    continue
                yield from flush()
                found = [it for own, sub in items for it in (*own, *sub)]
                after = siblings[index + 1] if index + 1 < len(siblings) else None
                if self.opens_run(found, siblings[index + 1 :]):
                    # "1. Title <br>" then "**Summary:** ...", "作者: names", "论文链接: url"
                    # as paragraphs: the list ends, a person reads the paper's fields on
                    run.append(found[0].lines)
                    run_map.append((start, stop))
                    continue
                if found and after is not None and self.continues(found[-1], after):
                    # "10. **Title**" then "   *Names*. [[pdf](url)]", indented one space
                    # short of the item's text: GitHub ends the list, a person reads on
                    found[-1].lines.extend(self.paragraph_cell(after).lines)
                    found[-1].end_line = self.end_line(*after.map)
                    taken.add(index + 1)
                yield Items(neighbours.fields_joined(found, _JOINED))
            elif node.type == "blockquote":
                yield from flush()
                if not gfm.is_alert(node):  # "> [!NOTE]": GitHub's call-out, a note to readers
                    yield from self.events(node.children)
            else:  # code blocks, rules, front matter: an item ends there
                yield from flush()
        yield from flush()
        yield from flush_rows()

    def paragraph_cell(self, node) -> Cell:
        inline = node.children[0] if node.children else None
        start = (node.map or (0, 0))[0] + 1
        tokens = inline.token.children if inline is not None and inline.token else []
        return parse_inline(tokens or [], start)

    # ------------------------------------------------------------------ lists

    def list_item(self, node) -> tuple[list[Item], list[Item]]:
        """A list item with the sub-items that are its fields, and the sub-items that are
        items of their own (papers nested under a paper or a label)."""
        start, stop = node.map or (0, 0)
        own: list[Line] = []
        children: list[Item] = []
        sub_lists: list[list[tuple[list[Item], list[Item]]]] = []
        group: list[Line] = []  # "+ #### Meta Learning": a heading inside the item names a group
        paragraphs: list[Item] = []
        for child in node.children:
            if child.type == "paragraph":
                lines = self.paragraph_cell(child).lines
                if not own and lines[0].parts and lines[0].parts[0][1] is None:
                    text = lines[0].parts[0][0]
                    lines[0].parts[0] = (_TASK_BOX.sub("", text, count=1), None)
                own.extend(lines)
                first, last = child.map or (start, start)
                paragraphs.append(Item(PARAGRAPH, first + 1, self.end_line(first, last), lines))
            elif child.type == "heading":
                group.extend(self.paragraph_cell(child).lines)
            elif child.type == "html_block":
                own.extend(self.html_lines(child.content, (child.map or (0, 0))[0]))
            elif child.type in ("bullet_list", "ordered_list"):
                sub_lists.append([self.list_item(grand) for grand in child.children])
        if apart := self.papers_apart(paragraphs):  # "- Query-based RAG" / "[Title](url)" ...
            own = paragraphs[0].lines
            children.extend(apart)
        subs = [pair for group in sub_lists for pair in group]
        separate = sum(self.has_title(pair[0]) and self.has_link(pair[0]) for pair in subs)
        # "- **Year 2019**" / "- **TIP**" / "- Title [[Paper]](url)": a short label's papers
        labelled = leads.group_of_papers(self.label(own), [i for p in subs for i in (*p[0], *p[1])])
        linked = bool(own) and self.has_link([Item(LIST_ITEM, 0, 0, own)])
        bold = not linked and len(own) == 1 and own[0].strong  # "3. **Hybrid**": a bold label
        half = bold and leads.half_papers([i for p in subs for i in p[0]])
        if subs and (separate * 2 > len(subs) or half or not own or labelled):
            # papers of their own, or the sub-items of a parent with no text of its own
            for own_items, nested in subs:
                for sub in own_items:
                    sub.note = linked and bool(sub.lines) and leads.sentence_led(sub.lines[0])
                children.extend(own_items)
                children.extend(nested)
            label = self.label(own or group)
            if label:
                for child in children:
                    child.labels = (label, *child.labels)
        else:
            # under a paper with its link, a sub-item with a title and a link of its own is a
            # paper too ("Background: Title (1974). [Paper](doi)"); notes join the parent
            for own_items, nested in subs:
                for item in own_items:
                    if linked and self.has_title([item]) and leads.links_paper(item):
                        children.append(item)
                        continue
                    own.extend(item.lines)
                children.extend(nested)
        item = Item(LIST_ITEM, start + 1, self.end_line(start, stop), own)
        if children:
            item.end_line = self.end_line(start, min(child.line for child in children) - 1)
        return [item], children

    def papers_apart(self, paragraphs: list[Item]) -> list[Item]:
        """A list item's label (``- Query-based RAG``) over paragraphs indented under it that
        each open with a linked title (``[REALM: Retrieval-Augmented ...](arxiv)``): the
        paragraphs are papers of their own, filed under the label; one paper under a line
        that says what it is about, the same; [] when not so written."""
        label = self.label(paragraphs[0].lines) if paragraphs else None
        rest = paragraphs[1:]
        titled = [p for p in rest if self.has_title([p]) and self.has_link([p])]
        # "- Definition of agents" / "**Title** *Names* 2016 [[Book]](url)": what it is about
        described = bool(titled) and leads.described(paragraphs[0].lines)
        if not described and (label is None or len(titled) < 2):
            return []
        if len(titled) < _APART_SHARE * len(rest):
            return []
        for paragraph in rest if label else ():
            paragraph.labels = (label, *paragraph.labels)
        return rest

    def continues(self, item: Item, node) -> bool:
        """An indented paragraph right after a list that links, led by its names (no title of
        its own), what the list's last item titles without a link: that item's byline,
        under-indented."""
        if node.type != "paragraph" or not node.map or item.shape != LIST_ITEM:
            return False
        if not self.text_lines[node.map[0]][:1].isspace():
            return False
        lines = self.paragraph_cell(node).lines
        return (
            self.has_title([item])
            and not self.has_link([item])
            and self.has_link([Item(PARAGRAPH, 0, 0, lines)])
            and leads.names_led(lines[0])
        )

    def opens_run(self, found: list[Item], following: list) -> bool:
        """A list of one item, a line of a few words without a link, paragraphs right after
        it that link something: the item opens a run of paragraphs that give its fields."""
        if len(found) != 1 or len(found[0].lines) != 1 or self.has_link(found):
            return False
        if not _RUN_TITLE_WORDS[0] <= len(found[0].lines[0].text.split()) <= _RUN_TITLE_WORDS[1]:
            return False
        for node in following:  # the paragraphs up to the next other block, until one links
            if node.type != "paragraph":
                return False
            if self.has_link([Item(PARAGRAPH, 0, 0, self.paragraph_cell(node).lines)]):
                return True
        return False

    def label(self, lines: list[Line]) -> str | None:
        """A parent item's text when it only names a group (``- Robots that cook:``,
        ``- **Surveys**``): a few words, no link, no title mark."""
        if len(lines) != 1 or lines[0].links or self.opens(lines[0]) and not lines[0].strong:
            return None
        text = squash(strip_emoji(lines[0].text)).strip(" :*_-–—")
        words = text.split()
        if not 1 <= len(words) <= _LABEL_WORDS or not re.search(r"[^\W\d_]", text):
            return None
        return text

    # ------------------------------------------------------------------ runs

    def cut(self, blocks: list[list[Line]], maps: list[tuple[int, int]]) -> list[Item]:
        """Items of a run of paragraphs: a new item at each line that opens with a title once
        the current one has its title, or at a block that opens with one; a block boundary
        ends an item that has a paper link."""
        items: list[Item] = []
        current: Item | None = None
        titled = cited_run = False  # cited_run: the item opened with a reference
        dated, holds_dated = leads.dated_paragraphs(blocks), False
        for at, (lines, (start, stop)) in enumerate(zip(blocks, maps, strict=True)):
            alone = readings.titled_byline(lines)  # "Title" / "<br> Ann Lee, Owls (2012)"
            # a reference's paragraph once the item holds one: the next paper's
            fresh = at in dated and holds_dated
            for index, line in enumerate(lines):
                number = line.number or start + 1
                opens = bool(self.opens(line))
                # "**Title**" / "*Ann Lee*" / "Owl Engineering [[Paper](url)]": the venue's line
                after = current.lines[-1] if current is not None and current.lines else None
                opens = opens and not (titled and after and leads.placed_after_names(after, line))
                # a block opening with a title starts an item even after untitled prose (the
                # previous paper's description): a person reads a new paper there
                led = index == 0 and leads.led_by_title(line)
                # a reference's paragraph opens a paper, unless a title is still waiting for
                # its byline ("**Title**" / "*Lee, A. (2018). Proceedings of X*, 1-9.")
                ref = index == 0 and not opens and leads.led_by_citation(line)
                waiting = titled and not cited_run and not self.has_link([current])
                cites = ref and current is not None and bool(current.lines) and not waiting
                if (
                    current is None
                    or opens
                    and (titled or led)
                    or index == 0
                    and (alone or fresh)
                    or cites
                ):
                    if current is not None:
                        items.append(current)
                    current = Item(PARAGRAPH, number, number, [])
                    titled, cited_run, holds_dated = False, ref, False
                current.lines.append(line)
                current.end_line = max(current.end_line, number)
                titled = titled or opens or cites or ref and cited_run
            holds_dated = holds_dated or at in dated
            if current is not None:
                current.end_line = max(current.end_line, self.end_line(start, stop))
                ended = titled and self.has_link([current]) or alone
                if ended or leads.plain_paper(current, lines):
                    items.append(current)
                    current, titled, cited_run, holds_dated = None, False, False, False
        if current is not None:
            items.append(current)
        return neighbours.names_over_titles(items)

    def has_title(self, items: list[Item]) -> bool:
        return any(self.opens(line) for item in items for line in item.lines)

    def has_link(self, items: list[Item]) -> bool:
        return any(self.links(line) for item in items for line in item.lines)

    def is_title_run(self, run: list[list[Line]]) -> bool:
        """The run ends with a title that has no link yet (amusi's ``**Title**`` line)."""
        last = run[-1]  # (led by it: "Views from **a single image** based on **3D**." is prose)
        return (
            bool(last)
            and bool(self.opens(last[0]))
            and leads.led_by_title(last[0])
            and not any(map(self.links, last))
        )

    def html_lines(self, content: str, start: int) -> list[Line]:
        """The lines an HTML block shows: new lines at ``<br>``, ``<p>``, ``<div>``..."""
        content = htmltable.shown(content, _HTML_BREAK)
        lines: list[Line] = []
        pos, after = 0, None  # the break the chunk follows: its opening tag
        for piece in [*_HTML_BREAK.finditer(content), None]:
            end = piece.start() if piece else len(content)
            chunk = content[pos:end]
            top = start + 1 + content.count("\n", 0, pos)  # the chunk's first source line
            titled = after is not None and _HTML_TITLE.match(after.group(0)) is not None
            # '<div markdown="1">' / "* [Title](url)" / "* [Title](url)": a site's renderer
            # reads a list in the block, an item a line
            cuts = [0, *(i for m in _BULLET.finditer(chunk) for i in m.span()), len(chunk)]
            for a, b in zip(cuts[::2], cuts[1::2], strict=True):
                bullet = chunk[a:b]
                at = top + chunk.count("\n", 0, a) + _leading_newlines(bullet)
                for line in self.inline(" ".join(bullet.split()), at) if bullet.strip() else ():
                    line.number = at
                    # a title element's words of a work: at least two, not a year's heading
                    line.titles = titled and len(re.findall(r"[^\W\d_]{2,}", line.text)) >= 2
                    lines.append(line)
            pos, after = (piece.end(), piece) if piece else (end, None)
        return lines

    def html_rows(self, content: str, start: int) -> list[Item]:
        """The rows of an HTML table as items (htmltable.py), each cell a line."""
        items = []
        for row in self.table.rows(content):
            first = start + 1 + content.count("\n", 0, row.start)
            last = start + 1 + content.count("\n", 0, row.end)
            lines = self.html_lines(row.html, first - 1)
            if lines:
                items.append(Item(HTML_ROW, first, last, lines, fields=row.fields))
        return items


def _leading_newlines(chunk: str) -> int:
    stripped = chunk.lstrip()
    return chunk[: len(chunk) - len(stripped)].count("\n")


def walk(tokens: list, text: str, *, opens: LineTest, links: LineTest) -> Iterator[Event]:
    """Headings, tables and item groups of a parsed document, in file order. ``opens`` tells
    a line that holds a title, ``links`` one that links something (parts knows both)."""
    return _Walker(tokens, text.splitlines(), opens, links).events()
