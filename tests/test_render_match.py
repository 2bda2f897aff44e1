"""render-list finds every imported entry again at its own item, and a new paper's item holds
only the new paper's values.

Invented lists, one per cause found on real lists: titles with no Latin letter (their
normalised key was empty, so a re-import matched nothing and render dropped the items and
inserted copies), a sibling item that holds several papers or no link (a clone of it kept
the sibling's text and lost the new paper's links). Expected texts are written by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from delbib.catalog.model import Catalog, Entry
from delbib.cli import main
from delbib.lists.edit.items import match_rows
from delbib.lists.markdown import Row
from delbib.lists.render import END, START

_ANCHOR = re.compile(r'<a id="delbib-[^"]*"></a>')


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def import_and_render(tmp_path: Path, text: str, **new_paper) -> tuple[Path, str]:
    """Import ``text``, optionally add a paper by hand, render; the catalog and the result."""
    tmp_path.mkdir(exist_ok=True)
    listing = tmp_path / "README.md"
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    code, _, err = run("--catalog", str(root), "import-markdown", str(listing))
    assert code in (0, 1), err
    if new_paper:
        data = {
            "key": "newpaper2024",
            "title": new_paper["title"],
            "clean_title": new_paper["title"],
            "tldr": None,
            "categories": new_paper["categories"],
            "links": new_paper["links"],
            "year": new_paper.get("year"),
            "venue": new_paper.get("venue"),
            "rows": [999],
            "identifiers": [],
        }
        path = root / "papers" / "newpaper2024.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    code, _, err = run("--catalog", str(root), "render-list", "-o", str(listing))
    assert code == 0, err
    return root, listing.read_text(encoding="utf-8")


def listed_titles(root: Path) -> list[str]:
    out = []
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["rows"]:
            out.append(data["title"])
    return sorted(out)


CHINESE = (
    f"# 论文\n\n{START}\n## 自我改进\n\n"
    "- **自我改进的智能体框架** — 张三. *arXiv* 2024. [[论文]](https://arxiv.org/abs/2401.00001)\n"
    "- **面向推理的强化学习** — 李四. *ICLR* 2023.\n"
    f"\n{END}\n"
)


def test_titles_without_latin_letters_are_found_again(tmp_path):
    """Before: both items were removed and re-inserted as copies of each other."""
    root, got = import_and_render(tmp_path, CHINESE)
    assert got == CHINESE
    # and importing the list again finds the same two entries (no duplicates)
    code, _, err = run("--catalog", str(root), "import-markdown", str(tmp_path / "README.md"))
    assert code in (0, 1), err
    assert len(listed_titles(root)) == 2
    assert len(list((root / "papers").glob("*.yaml"))) == 2


def test_an_entry_is_found_at_the_row_its_import_recorded():
    """A title with nothing to compare by (no letter, no identifier the import can weigh):
    the row the entry was read from, under the same title, is still its item."""
    catalog = Catalog(root=Path("."))
    catalog.entries["infinity2024"] = Entry(
        key="infinity2024", title="∞", clean_title="∞", categories=[], rows=[2]
    )
    catalog.entries["other2024"] = Entry(
        key="other2024", title="A Real Title", clean_title="A Real Title", categories=[], rows=[1]
    )
    rows = [
        Row(index=1, line=3, end_line=3, title="A Real Title"),
        Row(index=2, line=4, end_line=4, title="∞"),
    ]
    assert match_rows(catalog, rows, {}) == {1: "other2024", 2: "infinity2024"}


SHARED_ITEM = (
    f"{START}\n## Weights\n\n"
    "**Self-training methods for language models**\n\n"
    "- *Self-play:* SPIN ([2401.01335](https://arxiv.org/abs/2401.01335)), "
    "Self-Rewarding LMs ([2401.10020](https://arxiv.org/abs/2401.10020)).\n"
    "- *Synthetic data:* STaR ([2203.14465](https://arxiv.org/abs/2203.14465)).\n"
    f"{END}\n"
)


def test_a_new_paper_next_to_an_item_of_several_papers_is_its_own_item(tmp_path):
    """The sibling is a bold line over a list of other papers: a clone of it kept those
    papers' names with their links emptied. The new item holds the new paper's values."""
    _, got = import_and_render(
        tmp_path,
        SHARED_ITEM,
        title="Reinforced Self-Training for Language Modeling",
        categories=["Weights"],
        links=["https://arxiv.org/abs/2308.08998"],
        year=2023,
        venue="arXiv",
    )
    at = SHARED_ITEM.index(END)
    new = (
        '\n<a id="delbib-newpaper2024"></a>**Reinforced Self-Training for Language Modeling** '
        "(arXiv 2023) [paper](https://arxiv.org/abs/2308.08998)\n"
    )
    assert got.count("](https://arxiv.org/abs/") == 4
    assert "()" not in got
    assert got[:at] == SHARED_ITEM[:at]
    assert got[at:].endswith(END + "\n")
    assert got[at : -len(END) - 1].replace('<a id="delbib-newpaper2024"></a>', "") == new.replace(
        '<a id="delbib-newpaper2024"></a>', ""
    )


CITATIONS = (
    f"{START}\n## Graphs\n\n"
    "- **Old Paper About Graph Networks**. *NeurIPS* 2020.\n"
    "- **Another Paper On Graph Pooling**. *ICML* 2021.\n"
    f"\n{END}\n"
)


def test_a_citation_without_link_is_kept_and_a_new_paper_keeps_its_links(tmp_path):
    """Citations without a link round-trip; a new paper cloned from one would lose its link
    (a clone adds links after the sibling's last link, and there is none), so it is written
    from its own values in the list's marker."""
    _, kept = import_and_render(tmp_path / "a", CITATIONS)
    assert kept == CITATIONS
    _, got = import_and_render(
        tmp_path / "b",
        CITATIONS,
        title="Message Passing on Sparse Graphs",
        categories=["Graphs"],
        links=["https://arxiv.org/abs/2402.00004"],
        year=2024,
        venue="ICLR",
    )
    assert "https://arxiv.org/abs/2402.00004" in got
    new_line = next(line for line in got.splitlines() if "Message Passing" in line)
    assert new_line.replace('<a id="delbib-newpaper2024"></a>', "") == (
        "- **Message Passing on Sparse Graphs** (ICLR 2024) "
        "[paper](https://arxiv.org/abs/2402.00004)"
    )
    assert "Old Paper" not in new_line and "NeurIPS" not in new_line


# Shapes the reader is learning (fields split by pipes, a trailing ", Venue Year"): render
# works from the lines and values the reader reports, so they are kept and edited in place.
PIPES = (
    f"{START}\n## Agents\n\n"
    "- Self-Refine: Iterative Refinement with Self-Feedback | NeurIPS 2023 | "
    "[paper](https://arxiv.org/abs/2303.17651)\n"
    "- Reflexion: Language Agents with Verbal Reinforcement Learning | NeurIPS 2023 | "
    "[paper](https://arxiv.org/abs/2303.11366)\n"
    f"{END}\n"
)
TRAILING = (
    f"{START}\n## Agents\n\n"
    "- [Self-Refine: Iterative Refinement with Self-Feedback]"
    "(https://arxiv.org/abs/2303.17651), NeurIPS 2023\n"
    "- [Reflexion: Language Agents with Verbal Reinforcement Learning]"
    "(https://arxiv.org/abs/2303.11366), NeurIPS 2023\n"
    f"{END}\n"
)


def _resolve(root: Path, title: str, venue: str, year: int) -> None:
    """A resolved record for the entry titled ``title``, written by hand."""
    import json

    for path in (root / "papers").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["title"] == title:
            record = {
                "csl": {
                    "type": "paper-conference",
                    "title": title,
                    "container-title-short": venue,
                    "issued": {"date-parts": [[year]]},
                },
                "status": "published",
                "conflicts": [],
                "provenance": {"method": "test", "source": "hand-written"},
            }
            (root / "resolved").mkdir(exist_ok=True)
            (root / "resolved" / f"{data['key']}.json").write_text(json.dumps(record), "utf-8")
            return
    raise AssertionError(f"no entry titled {title!r}")


def test_pipe_separated_and_trailing_venue_items_are_kept_then_edited_in_place(tmp_path):
    for n, text in enumerate((PIPES, TRAILING)):
        root, kept = import_and_render(tmp_path / str(n), text)
        assert kept == text
        _resolve(
            root, "Reflexion: Language Agents with Verbal Reinforcement Learning", "ICLR", 2024
        )
        listing = tmp_path / str(n) / "README.md"
        assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
        got = listing.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        assert got.splitlines(keepends=True)[:4] == lines[:4]  # the other item stays
        assert _ANCHOR.sub("", got.splitlines()[4]) == lines[4].rstrip("\n").replace(
            "NeurIPS 2023", "ICLR 2024"
        )


def test_a_new_paper_in_a_trailing_venue_list_is_cloned_in_its_shape(tmp_path):
    _, got = import_and_render(
        tmp_path,
        TRAILING,
        title="Voyager: An Open-Ended Embodied Agent",
        categories=["Agents"],
        links=["https://arxiv.org/abs/2305.16291"],
        year=2024,
        venue="TMLR",
    )
    new_line = got.splitlines()[5].replace('<a id="delbib-newpaper2024"></a>', "")
    assert new_line == (
        "- [Voyager: An Open-Ended Embodied Agent](https://arxiv.org/abs/2305.16291), TMLR 2024"
    )
    assert got.replace(got.splitlines(keepends=True)[5], "") == TRAILING


IDS_AS_WORDS = (
    f"{START}\n## Agents\n\n"
    "- Alpha Beta Gamma Agents ([2403.00001](https://arxiv.org/abs/2403.00001)) "
    "([code](https://github.com/a/b))\n"
    "- Delta Epsilon Zeta Agents ([2207.00002](https://arxiv.org/abs/2207.00002)) "
    "([code](https://github.com/c/d))\n"
    f"{END}\n"
)


def test_a_clone_names_the_new_papers_identifier_and_drops_empty_brackets(tmp_path):
    """The sibling's link words are its arXiv id: the clone shows the new paper's id, and the
    sibling's code link, which the new paper lacks, goes with its parentheses."""
    _, got = import_and_render(
        tmp_path,
        IDS_AS_WORDS,
        title="Eta Theta Iota Agents",
        categories=["Agents"],
        links=["https://arxiv.org/abs/2305.00003"],
    )
    new_line = _ANCHOR.sub("", got.splitlines()[5])
    assert new_line == "- Eta Theta Iota Agents ([2305.00003](https://arxiv.org/abs/2305.00003))"
    assert got.replace(got.splitlines(keepends=True)[5], "") == IDS_AS_WORDS
