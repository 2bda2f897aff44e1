"""render-list on real awesome lists: markers around the whole paper region, import, render.

The list must come back byte for byte (key anchors aside), with every link, and a fresh
import of the rendered list must give the same entries and keys. Expected values come from
the list itself (its bytes, its links counted with a regular expression) and from the
catalog files read with PyYAML, never from render-list's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from delbib.cli import main
from delbib.files import decode_text

from . import real_lists

# Every real list with an expectation file (dev, the first held-out ten, the fresh sets).
REAL_LISTS = [real_lists.load(path)["file"] for path in real_lists.expectation_files()]
# Lists that still miss the bar, with the measured reason.
# Where this file's own reading of a list (paper_lines, marked) puts the markers amiss; what
# delbib does then is what a user would see with markers set that way (2026-12-05).
KNOWN_MISSES: dict[str, str] = {
    # twelfth round: notes paragraphs whose reading dates and [Notes] links are not rendered
    # back as written (20 entries, the text around them differs)
    "chensivan--TIR.md": "paragraph notes rendered back otherwise",
    # no paper links: the intro's "papers" is the only paper line found, so the markers hold
    # no paper and render-list writes the table afresh there
    "XMUsuny--symbolic-execution-papers.md": "markers around the intro only; a table written",
    # an HTML page: the start marker lands inside an HTML block (before an <h3>), so the file
    # has no marker pair and render-list refuses it (exit 2, nothing written)
    "VirtualPatientEngine--literatureSurvey.md": "start marker inside an HTML block: refused",
    # no link at all (numbered titles under "# SIGGRAPH"): this test finds no paper line to
    # place its markers around
    "RIPmr--memo.md": "no links: no paper line for the test's markers",
    "PBearson--Fuzzing_Works.md": "no links: no paper line for the test's markers",
}

START, END = "<!-- delbib:start -->", "<!-- delbib:end -->"
_LINK = re.compile(r"\]\(|href\s*=", re.IGNORECASE)
_ANCHOR = re.compile(r'<a id="delbib-[^"]*"></a>')
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|^\s*<h[1-6]\b", re.IGNORECASE)


def real_list(name: str) -> Path:
    """The real list NAME, or a skip with the reason when it is not here."""
    path = real_lists.find_list(name)
    if path is None:
        pytest.skip(f"real list {name} not found (set DELBIB_LISTS_DIR or see docs/real-lists.md)")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def paper_lines(text: str) -> tuple[int, int] | None:
    """First and last line (0-based) of the items a GFM reading of the list takes as papers:
    found here with markdown-it and the list's own links (or, in a list without any, its
    items), not with delbib."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table"]).parse(text)
    lines = [
        tok.map
        for tok in tokens
        if tok.type in ("tr_open", "list_item_open", "paragraph_open", "html_block")
        and tok.map
        and re.search(
            r"arxiv\.org|doi\.org|openreview|\.pdf|aclanthology|papers?\b",
            _text(text, tok.map),
            re.I,
        )
    ]
    if not lines:  # a list of citations without links: every list item and table row
        lines = [t.map for t in tokens if t.type in ("tr_open", "list_item_open") and t.map]
    if not lines:
        return None
    return min(m[0] for m in lines), max(m[1] for m in lines) - 1


def _text(text: str, span: list[int]) -> str:
    return "\n".join(text.split("\n")[span[0] : span[1]])


def marked(text: str) -> str:
    """The list with a start marker before the heading above its first paper and an end
    marker after the block holding its last paper."""
    lines = text.split("\n")
    found = paper_lines(text)
    assert found is not None
    first, last = found
    start = first
    fence = False
    headings = []
    for i, line in enumerate(lines[:first]):
        if _FENCE.match(line):
            fence = not fence
        elif not fence and _HEADING.match(line):
            headings.append(i)
    if headings:
        start = headings[-1]
    end = last + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    out = [*lines[:start], START, *lines[start:end], "", END, *lines[end:]]
    return "\n".join(out)


def links(text: str) -> int:
    return len(_LINK.findall(text))


def keys_by_title(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["rows"]:
            out[data["key"]] = data["clean_title"]
    return out


def measure(name: str, tmp: Path) -> dict:
    """Import, render, re-import: what changed."""
    listing = tmp / name
    # a list saved in Latin-1 is tried as its owner would save it again: in UTF-8
    text, _ = decode_text(real_list(name).read_bytes())
    listing.write_text(marked(text), encoding="utf-8")
    before = listing.read_text(encoding="utf-8")
    catalog = tmp / "catalog"
    code, out, err = run("--catalog", str(catalog), "import-markdown", str(listing), "--json")
    if code not in (0, 1):
        return {"imports": False, "error": err.strip()[:200]}
    code, _, err = run("--catalog", str(catalog), "render-list", "-o", str(listing))
    after = listing.read_text(encoding="utf-8")
    fresh = tmp / "fresh"
    run("--catalog", str(fresh), "import-markdown", str(listing), "--json")
    return {
        "imports": True,
        "render_exit": code,
        "render_error": err.strip()[:200] if code else "",
        "entries": len(json.loads(out)["created"]),
        "identical": _ANCHOR.sub("", after) == before,
        "anchors": len(_ANCHOR.findall(after)),
        "links_before": links(before),
        "links_after": links(after),
        "same_keys": keys_by_title(fresh) == keys_by_title(catalog),
        "check_exit": run("--catalog", str(catalog), "render-list", "-o", str(listing), "--check")[
            0
        ],
    }


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[n]))
        if n in KNOWN_MISSES
        else n
        for n in REAL_LISTS
    ],
)
def test_render_right_after_import_keeps_the_list(name, tmp_path):
    real_list(name)
    got = measure(name, tmp_path)
    if not got["imports"]:
        pytest.skip(f"the list does not import: {got['error']}")
    assert got["render_exit"] == 0, got["render_error"]
    assert got["identical"], got
    assert got["links_after"] == got["links_before"]
    assert got["same_keys"]
    assert got["check_exit"] == 0


# Lists of different shapes: a table with a linked title, bullets, numbered bold titles over
# several lines, a dated table with badges, a table of paper cells.
RESOLVE_LISTS = [
    "Hannibal046--Awesome-LLM.md",
    "horseee--Awesome-Efficient-LLM.md",
    "BradyFU--Awesome-Multimodal-Large-Language-Models.md",
    "atfortes--Awesome-LLM-Reasoning.md",
    "xlite-dev--Awesome-LLM-Inference.md",
]


@pytest.mark.parametrize("name", RESOLVE_LISTS)
def test_after_resolve_only_the_corrected_items_change(name, tmp_path):
    """Ten entries get a resolved record (title in capitals, the next year, an ICLR venue):
    only their items change, every link stays, a second render changes nothing, and a
    re-import creates, drops and re-keys nothing."""
    import random

    real_list(name)
    listing = tmp_path / name
    listing.write_text(marked(real_list(name).read_text(encoding="utf-8")), encoding="utf-8")
    before = listing.read_text(encoding="utf-8")
    root = tmp_path / "catalog"
    assert run("--catalog", str(root), "import-markdown", str(listing))[0] in (0, 1)
    listed = {}
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["rows"]:
            listed[data["key"]] = data
    picked = random.Random(1).sample(sorted(listed), 10)
    (root / "resolved").mkdir(exist_ok=True)
    for key in picked:
        year = (listed[key]["year"] or 2020) + 1
        record = {
            "csl": {
                "type": "paper-conference",
                "title": listed[key]["clean_title"].upper(),
                "container-title-short": f"ICLR {year}",
                "issued": {"date-parts": [[year, 3]]},
            },
            "status": "published",
            "conflicts": [],
            "provenance": {"method": "test", "source": "hand-written"},
        }
        (root / "resolved" / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
    cat = ("--catalog", str(root))
    assert run(*cat, "render-list", "-o", str(listing))[0] == 0
    after = listing.read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert 10 <= len(changed) <= 40  # the picked items' lines, nothing else
    for key in picked:
        assert " ".join(listed[key]["clean_title"].upper().split()) in " ".join(after.split())
    assert links(after) == links(before)
    assert run(*cat, "render-list", "-o", str(listing), "--check")[0] == 0
    code, out, _ = run(*cat, "import-markdown", str(listing), "--json")
    report = json.loads(out)
    assert report["created"] == [] and report["departed"] == []
    fresh = tmp_path / "fresh"
    run("--catalog", str(fresh), "import-markdown", str(listing))
    assert sorted(keys_by_title(fresh)) == sorted(keys_by_title(root))


ADD_LISTS = [
    "Hannibal046--Awesome-LLM.md",
    "atfortes--Awesome-LLM-Reasoning.md",
    "XiaoxinHe--Awesome-Graph-LLM.md",
    "xlite-dev--Awesome-LLM-Inference.md",
    "horseee--Awesome-Efficient-LLM.md",
]


@pytest.mark.parametrize("name", ADD_LISTS)
def test_a_new_paper_lands_in_its_section_and_nothing_else_moves(name, tmp_path):
    """A paper file added by hand in the category of a listed paper: the list gains lines
    (nothing else changes), and a fresh import finds the paper, with its key, title, links
    and category (read from the heading above it)."""
    import difflib
    import random

    real_list(name)
    listing = tmp_path / name
    listing.write_text(marked(real_list(name).read_text(encoding="utf-8")), encoding="utf-8")
    before = listing.read_text(encoding="utf-8")
    root = tmp_path / "catalog"
    assert run("--catalog", str(root), "import-markdown", str(listing))[0] in (0, 1)
    listed = []
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["rows"] and data["categories"]:
            listed.append(data)
    category = random.Random(2).choice(listed)["categories"][0]
    links_new = ["https://arxiv.org/abs/2411.99999", "https://github.com/zz/quokka"]
    paper = {
        "key": "zebraquokka2024",
        "title": "Zebra Quokka Reasoning for Agents",
        "clean_title": "Zebra Quokka Reasoning for Agents",
        "tldr": None,
        "categories": [category],
        "links": links_new,
        "year": 2024,
        "venue": "NeurIPS 2024",
        "rows": [99999],
        "identifiers": ["arxiv:2411.99999"],
    }
    (root / "papers" / "zebraquokka2024.yaml").write_text(yaml.safe_dump(paper), "utf-8")
    assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
    after = listing.read_text(encoding="utf-8")
    ops = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes()
    assert [op for op, *_ in ops if op != "equal"] == ["insert"]
    assert run("--catalog", str(root), "render-list", "-o", str(listing), "--check")[0] == 0
    fresh = tmp_path / "fresh"
    run("--catalog", str(fresh), "import-markdown", str(listing))
    got = yaml.safe_load((fresh / "papers" / "zebraquokka2024.yaml").read_text("utf-8"))
    assert got["title"] == paper["title"]
    assert sorted(got["links"]) == sorted(links_new)
    assert got["categories"] == [category]
