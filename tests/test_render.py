"""render-list: the list's tables from the catalog, read back by the importer and a GFM parser.

Expected values come from the catalog's YAML files (read here with PyYAML, not through
delbib) and from markdown-it-py, a CommonMark/GFM parser independent of delbib.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from delbib.cli import main
from delbib.lists.cells import cell
from delbib.lists.render import END, START
from delbib.lists.table import link

from .conftest import CATALOG, ROOT, SOURCE_LIST, snapshot
from .real_lists import list_files

LISTS_DIR = ROOT / "tests" / "data" / "lists"
# The real lists are not in the repository (see tests/data/lists/SOURCES.md): read from
# ../shared/lists or $DELBIB_LISTS_DIR when there.
# The shipped list, our own lists of every shape, and the real lists when given.
LISTS = [
    SOURCE_LIST,
    *sorted(LISTS_DIR.glob("shape-*.md")),
    *list_files(),
]
TEMPLATE = ROOT / "docs" / "templates" / "bullets.md.j2"
GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])
HTML_GFM = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def papers(root: Path) -> dict[str, dict]:
    """Every paper file of a catalog, read with PyYAML: key -> fields."""
    out = {}
    for path in sorted((root / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["key"]] = data
    return out


def taxonomy(root: Path) -> list[tuple[str, str]]:
    meta = yaml.safe_load((root / "catalog.yaml").read_text(encoding="utf-8"))
    return [(c["name"], c["slug"]) for c in meta["taxonomy"]]


def parents(root: Path) -> dict[str, str | None]:
    meta = yaml.safe_load((root / "catalog.yaml").read_text(encoding="utf-8"))
    return {c["name"]: c.get("parent") for c in meta["taxonomy"]}


def by_rows(root: Path) -> dict[tuple[int, ...], dict]:
    """Entries of a catalog by their source rows (what a rendered list keeps for each)."""
    return {tuple(p["rows"]): p for p in papers(root).values() if p["rows"]}


def assert_same_entries(expected_root: Path, got_root: Path) -> None:
    """Same entries (matched by source rows), categories, identifiers, links, TLDRs, taxonomy."""
    expected, got = by_rows(expected_root), by_rows(got_root)
    assert sorted(got) == sorted(expected)
    for rows, want in expected.items():
        have = got[rows]
        for name in ("categories", "identifiers", "links", "tldr"):
            assert have[name] == want[name], (want["key"], name)
    used = {c for p in expected.values() for c in p["categories"]}
    assert [t for t in taxonomy(got_root) if t[0] in used] == [
        t for t in taxonomy(expected_root) if t[0] in used
    ]
    # Other categories may only be headings above those (a nested list's "Survey Papers"): a
    # one-table rendering names each paper's own categories, not the headings above them.
    above = {
        p for catalog_root in (got_root, expected_root) for p in parents(catalog_root).values()
    }
    assert [t[0] for t in taxonomy(got_root) if t[0] not in used and t[0] not in above] == []


def import_into(root: Path, markdown: Path, *, warnings: bool = False) -> dict:
    """Import with --json; exit 1 (rows reported as unusable) only when ``warnings``."""
    import json

    code, out, err = run("--catalog", str(root), "import-markdown", str(markdown), "--json")
    assert code in ((0, 1) if warnings else (0,)), err
    return json.loads(out)


# ------------------------------------------------------------------ round trip


def test_rendered_list_imports_into_a_fresh_catalog_with_the_same_entries(tmp_path):
    rendered = tmp_path / "rendered.md"
    code, _, err = run("--catalog", str(CATALOG), "render-list", "-o", str(rendered))
    assert code == 0, err
    report = import_into(tmp_path / "fresh", rendered)
    assert report["entries"] == len(papers(CATALOG))
    assert_same_entries(CATALOG, tmp_path / "fresh")
    assert taxonomy(tmp_path / "fresh") == taxonomy(CATALOG)  # every category, in order
    # The key anchors carry every key, also of the papers whose rendered year differs from
    # the listed one (a key made afresh from it would differ).
    shipped = {rows: p["key"] for rows, p in by_rows(CATALOG).items()}
    assert {rows: p["key"] for rows, p in by_rows(tmp_path / "fresh").items()} == shipped


def test_a_key_anchor_is_used_only_when_it_is_a_free_valid_key(tmp_path):
    """Handwritten lists may carry anchors too: one that names no valid key, or a key another
    row already took, is ignored and the key is made from the title as usual."""
    listing = tmp_path / "list.md"
    listing.write_text(
        "# List\n\n## Topic\n\n| Title | Link | Year |\n| --- | --- | --- |\n"
        '| <a id="delbib-mykey2020"></a>Alpha Beta Gamma | https://ex.org/1 | 2020 |\n'
        '| <a id="delbib-mykey2020"></a>Delta Epsilon Zeta | https://ex.org/2 | 2020 |\n'
        '| <a id="delbib-Not A Key!"></a>Eta Theta Iota | https://ex.org/3 | 2020 |\n'
        '| <a id="top"></a>Kappa Lambda Mu | https://ex.org/4 | 2020 |\n',
        encoding="utf-8",
    )
    import_into(tmp_path / "cat", listing)
    titles = {p["key"]: p["title"] for p in papers(tmp_path / "cat").values()}
    assert titles["mykey2020"] == "Alpha Beta Gamma"
    assert sorted(titles.values()) == [
        "Alpha Beta Gamma",
        "Delta Epsilon Zeta",
        "Eta Theta Iota",
        "Kappa Lambda Mu",
    ]
    assert {k for k, t in titles.items() if t != "Alpha Beta Gamma"}.isdisjoint(
        {"mykey2020", "top", "not a key!"}
    )


def test_listed_values_round_trip_to_identical_files(tmp_path):
    """--listed renders titles, years and venues as listed: a fresh import gives back every
    paper file byte for byte, keys included, and the same catalog.yaml."""
    source = yaml.safe_load((CATALOG / "catalog.yaml").read_text(encoding="utf-8"))["source"]
    rendered = tmp_path / source
    assert run("--catalog", str(CATALOG), "render-list", "--listed", "-o", str(rendered))[0] == 0
    import_into(tmp_path / "fresh", rendered)
    got = snapshot(tmp_path / "fresh")
    expected = {f"papers/{name}": data for name, data in snapshot(CATALOG / "papers").items()}
    expected["catalog.yaml"] = (CATALOG / "catalog.yaml").read_bytes()
    # Set by hand, not listed: the pin on a mislinked paper and the accepted lint findings.
    pinned = "papers/sampleefficientalignment2024.yaml"
    expected[pinned] = expected[pinned].replace(b"pinned:\n- arxiv:2411.01493\n", b"")
    expected["catalog.yaml"] = expected["catalog.yaml"].split(b"accept:\n")[0]
    assert sorted(got) == sorted(expected)
    assert [name for name in got if got[name] != expected[name]] == []


def test_rendered_list_into_the_same_catalog_keeps_every_entry(catalog_copy, tmp_path):
    """Importing the rendered list into the catalog it came from creates, drops and re-keys
    nothing, and changes no category, identifier, link, TLDR, row or resolved record; only the
    as-listed title, year and venue take the resolved values the list now shows, and then a
    second render and import change nothing at all."""
    before = papers(catalog_copy)
    resolved = snapshot(catalog_copy / "resolved")
    rendered = tmp_path / "Awesome-Data-Efficient-LLM.md"
    assert run("--catalog", str(catalog_copy), "render-list", "-o", str(rendered))[0] == 0
    first = rendered.read_bytes()
    report = import_into(catalog_copy, rendered)
    assert report["created"] == [] and report["departed"] == []
    after = papers(catalog_copy)
    assert sorted(after) == sorted(before)
    for key, old in before.items():
        new = after[key]
        for name in ("categories", "identifiers", "links", "tldr", "rows", "pinned", "locked"):
            assert new.get(name) == old.get(name), (key, name)
    assert snapshot(catalog_copy / "resolved") == resolved
    # The list shows e.g. ICLR 2024 for a paper listed as NIPS/ICML/ICLR: it is adopted.
    assert before["alpagasus2024"]["venue"] == "NIPS/ICML/ICLR"
    assert after["alpagasus2024"]["venue"] == "ICLR 2024"
    assert after["alpagasus2024"]["title"] == "AlpaGasus: Training a Better Alpaca with Fewer Data"
    # A fixed point from here on.
    state = snapshot(catalog_copy)
    assert run("--catalog", str(catalog_copy), "render-list", "-o", str(rendered))[0] == 0
    assert rendered.read_bytes() == first
    assert import_into(catalog_copy, rendered)["files_written"] == 0
    assert snapshot(catalog_copy) == state


def test_listed_render_into_the_same_catalog_changes_no_file(catalog_copy, tmp_path):
    state = snapshot(catalog_copy)
    rendered = tmp_path / "Awesome-Data-Efficient-LLM.md"
    code, _, _ = run("--catalog", str(catalog_copy), "render-list", "--listed", "-o", str(rendered))
    assert code == 0
    assert import_into(catalog_copy, rendered)["files_written"] == 0
    assert snapshot(catalog_copy) == state


# Real lists whose round trip fails today, with what the test saw (2026-12-05).
ROUND_TRIP_GAPS: dict[str, str] = {
    # measured 2026-12-05, on the reader as the fifth round left it and after the sixth
    "zhaoxin94--awesome-domain-adaptation.md": "742 entries both ways, but rows numbered apart",
    # seventh round (14:45 UTC): lists first measured this round
    "ENSTA-U2IS-AI--awesome-uncertainty-deeplearning.md": "two titles come back otherwise",
    "gjy3035--Awesome-Crowd-Counting.md": "two rendered rows read back without a title",
    "scott89--awesome-depth.md": "a paper read into two rows apart",
    # ninth round (21:05 UTC), failing on the reader before the round too
    "ycjing--Neural-Style-Transfer-Papers.md": (
        "the list's own paper, quoted in a sentence before its link words, reads back otherwise"
    ),
    # tenth round (00:16 UTC), failing on the reader before the round too (322dd1a)
    "heathersherry--Knowledge-Graph-Tutorials-and-Papers.md": "one entry comes back otherwise",
    "mahdims--Awesome-OR-AI.md": "a paper's links in a <details> cell come back otherwise",
    # eleventh round (02:00 UTC), failing on the reader before the round too (dedac24)
    "khakhalin--notes.md": "a paper listed twice (two title casings) comes back as one row",
    # blind lists of the eleventh round (02:57 UTC)
    "LiZhang2021--Blockchain.md": "entries come back otherwise (failing on dedac24 too)",
    "iphysresearch--Survey4GWML.md": (
        "14 rendered entries read back under other keys; it imported 9 entries before this "
        "round read its bracketed author-date labels (155 now)"
    ),
    # twelfth round (05:57 UTC): lists first measured this round
    "MLGroupJLU--LLM-eval-survey.md": "a paper listed in two sections comes back one row short",
    "chenxingqiang--alphafold2-docs.md": (
        "a reference wrapped onto a second checklist item comes back as an entry of its own"
    ),
    "sherrylixuecheng--awesome-ai4chem.md": "a data set item comes back as an entry of its own",
    "weimingwill--awesome-federated-learning.md": (
        "a paper listed four times comes back as one row"
    ),
    # fourteenth round: a paper its two sections list (HEAD), read as one paper this round
    "LutingWang--awesome-knowledge-distillation-for-object-detection.md": (
        "a paper listed in two sections comes back as one row"
    ),
}


@pytest.mark.parametrize(
    "listing",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=ROUND_TRIP_GAPS[p.name]))
        if p.name in ROUND_TRIP_GAPS
        else p
        for p in LISTS
    ],
    ids=lambda p: p.name,
)
def test_round_trip_of_lists(listing, tmp_path):
    """Any list: import it, render the catalog, import the rendering into a fresh catalog and
    into the same one: same entries, categories and identifiers."""
    first = tmp_path / "first"
    import_into(first, listing, warnings=True)  # a list may have rows it cannot use
    rendered = tmp_path / "rendered.md"
    assert run("--catalog", str(first), "render-list", "-o", str(rendered))[0] == 0
    import_into(tmp_path / "second", rendered)
    assert_same_entries(first, tmp_path / "second")
    before = papers(first)
    report = import_into(first, rendered)
    assert report["created"] == [] and report["departed"] == []
    assert_same_entries(tmp_path / "second", first)
    assert sorted(papers(first)) == sorted(before)


# ------------------------------------------------------------------ the file and --check


def test_check_fails_after_an_edit_and_passes_after_rendering_again(catalog_copy, tmp_path):
    readme = tmp_path / "README.md"
    head = "# My list\r\n\r\nIntro with ü and a | pipe.\r\n\r\n"
    tail = "\r\n## Contributing\r\n\r\nNo trailing newline"
    readme.write_bytes(f"{head}{START}\r\nold table\r\n{END}{tail}".encode())
    cat = ("--catalog", str(catalog_copy))
    assert run(*cat, "render-list", "-o", str(readme), "--check")[0] == 1
    assert run(*cat, "render-list", "-o", str(readme))[0] == 0
    data = readme.read_bytes()
    assert data.startswith(f"{head}{START}\r\n".encode())
    assert data.endswith(f"{END}{tail}".encode())
    assert b"old table" not in data and b"\n| " not in data.replace(b"\r\n", b"")  # CRLF kept
    assert run(*cat, "render-list", "-o", str(readme), "--check")[0] == 0

    paper = catalog_copy / "papers" / "alpagasus2024.yaml"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace("ALPAGASUS as example", "AlpaGasus as example"),
        encoding="utf-8",
    )
    code, _, err = run(*cat, "render-list", "-o", str(readme), "--check")
    assert code == 1 and "differs" in err
    assert run(*cat, "render-list", "-o", str(readme))[0] == 0
    assert run(*cat, "render-list", "-o", str(readme), "--check")[0] == 0
    assert b"AlpaGasus as example" in readme.read_bytes()


def test_a_file_without_markers_is_an_error_and_is_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# A list\n\n| Title |\n| --- |\n| x |\n", encoding="utf-8")
    before = readme.read_bytes()
    code, _, err = run("--catalog", str(CATALOG), "render-list", "-o", str(readme))
    assert code == 2
    assert str(readme) in err and "markers" in err and "Traceback" not in err
    assert readme.read_bytes() == before


def test_unbalanced_markers_name_the_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"x\n{START}\n{START}\n{END}\n", encoding="utf-8")
    code, _, err = run("--catalog", str(CATALOG), "render-list", "-o", str(readme))
    assert code == 2 and f"{readme}:2:" in err


def test_check_needs_a_file():
    code, _, err = run("--catalog", str(CATALOG), "render-list", "--check")
    assert code == 2 and "-o" in err


def test_the_lists_own_columns_are_kept(tmp_path):
    """A maintainer's table between the markers keeps its headers and order; a column delbib
    has no data for stays empty."""
    readme = tmp_path / "README.md"
    header = "| Paper | Venue | Code | Year | Tags |"
    readme.write_text(f"{START}\n{header}\n|---|---|---|---|---|\n{END}\n", encoding="utf-8")
    assert run("--catalog", str(CATALOG), "render-list", "-o", str(readme))[0] == 0
    lines = readme.read_text(encoding="utf-8").splitlines()
    assert lines[1] == header
    tokens = GFM.parse(readme.read_text(encoding="utf-8"))
    rows = _table_cells(tokens)
    assert rows[0] == ["Paper", "Venue", "Code", "Year", "Tags"]
    alpagasus = next(r for r in rows if r[0].startswith("AlpaGasus"))
    assert alpagasus == [
        "AlpaGasus: Training a Better Alpaca with Fewer Data",
        "ICLR 2024",
        "",
        "2024",
        "Data Selection",
    ]


def test_a_list_without_category_column_gets_one_table_per_category(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        f"{START}\n#### Any\n\n| Title | Link |\n|---|---|\n{END}\n", encoding="utf-8"
    )
    assert run("--catalog", str(CATALOG), "render-list", "-o", str(readme))[0] == 0
    text = readme.read_text(encoding="utf-8")
    headings = [line[5:] for line in text.splitlines() if line.startswith("#### ")]
    assert headings == [name for name, _ in taxonomy(CATALOG)]
    import_into(tmp_path / "fresh", readme)
    fresh = papers(tmp_path / "fresh")
    assert len(fresh) == len(papers(CATALOG))

    def categories_by_links(entries):  # entries told apart by their links (a few share them)
        return Counter((tuple(p["links"]), tuple(sorted(p["categories"]))) for p in entries)

    assert categories_by_links(fresh.values()) == categories_by_links(papers(CATALOG).values())


def _table_cells(tokens) -> list[list[str]]:
    rows, current = [], None
    for tok in tokens:
        if tok.type == "tr_open":
            current = []
        elif tok.type == "inline" and current is not None:
            current.append("".join(c.content for c in tok.children if c.type == "text"))
        elif tok.type == "tr_close":
            rows.append(current)
            current = None
    return rows


# ------------------------------------------------------------------ GFM text

_MARKUP = "\\`*_~[]()<>!&#;|:-+= x\n\t"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_MARKUP), max_size=30) | st.text(max_size=30))
def test_cells_read_back_as_the_same_plain_text(text):
    """A GFM parser reads every rendered cell back as exactly the text (no emphasis, link,
    code, HTML, entity or extra cell), with line breaks as spaces."""
    table = f"| a | b |\n| --- | --- |\n| {cell(text)} | end |\n"
    tokens = GFM.parse(table)
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 4  # two header cells, two body cells: no pipe leaked
    children = inline[2].children
    assert all(c.type == "text" for c in children), [c.type for c in children]
    spaced = re.sub("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+", " ", text)  # a run: one space
    expected = re.sub("[\x00-\x08\x0e-\x1f]", "", spaced).strip()  # readers trim cells
    assert "".join(c.content for c in children) == expected
    assert inline[3].content == "end"


def test_pairs_are_escaped_but_a_lone_star_stays_readable():
    assert cell("*ACL") == "*ACL"
    assert cell("a *b* c") == r"a \*b\* c"
    assert cell("x | y") == r"x \| y"
    assert cell("&amp; & co") == r"\&amp; & co"


@pytest.mark.parametrize(
    "url",
    [
        "https://openreview.net/pdf?id=wcSx5VjTPP",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "https://example.org/a)b",
        "https://example.org/a b|c",
        "https://example.org/a\\b",
        "https://wangsen99.github.io/papers/lmee/}{website}",  # read from a LaTeX \\href
        "https://example.org/été?q=\"x\"&y='z'",
        *[u for p in papers(CATALOG).values() for u in p["links"]],
    ],
)
def test_links_point_where_the_catalog_says(url):
    """A GFM reader with HTML on (as import-markdown reads) gets the very same address."""
    import html

    tokens = HTML_GFM.parse(f"| L |\n| --- |\n| {link(url)} |\n")
    children = [c for t in tokens if t.type == "inline" for c in t.children]
    hrefs = [c.attrs["href"] for c in children if c.type == "link_open"]
    hrefs += [
        html.unescape(m.group(1))
        for c in children
        if c.type == "html_inline"
        for m in [re.match(r'<a href="([^"]*)">', c.content)]
        if m
    ]
    assert hrefs == [url]


# ------------------------------------------------------------------ templates and bad input


def test_a_template_gives_another_layout(tmp_path):
    out = tmp_path / "list.md"
    code, _, err = run(
        "--catalog", str(CATALOG), "render-list", "--template", str(TEMPLATE), "-o", str(out)
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    sections = {}
    for block in text.split("\n## ")[1:]:
        name, _, body = block.partition("\n")
        sections[name] = [line for line in body.splitlines() if line.startswith("- ")]
    expected = {
        name: sum(name in p["categories"] for p in papers(CATALOG).values() if p["rows"])
        for name, _ in taxonomy(CATALOG)
    }
    assert {k: len(v) for k, v in sections.items()} == expected
    strong = [
        c.content
        for t in GFM.parse(text)
        if t.type == "inline"
        for i, c in enumerate(t.children)
        if c.type == "text" and i and t.children[i - 1].type == "strong_open"
    ]
    assert "AlpaGasus: Training a Better Alpaca with Fewer Data" in strong


def test_a_broken_template_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "bad.md.j2"
    bad.write_text("ok\n{% for p in papers %}\n{{ p.title }\n", encoding="utf-8")
    code, _, err = run("--catalog", str(CATALOG), "render-list", "--template", str(bad))
    assert code == 2 and f"{bad}:3:" in err and "Traceback" not in err


def test_a_category_with_a_comma_cannot_go_in_a_list_s_category_cells(catalog_copy, tmp_path):
    """A list whose own table has a Category column cannot show such a category: exit 2,
    the list untouched."""
    listing = tmp_path / "README.md"
    assert run("--catalog", str(catalog_copy), "render-list", "-o", str(listing))[0] == 0
    before = listing.read_bytes()
    meta = catalog_copy / "catalog.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("name: Survey", "name: Survey, review"),
        encoding="utf-8",
    )
    for path in (catalog_copy / "papers").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "\n- Survey\n" in text:
            path.write_text(text.replace("\n- Survey\n", "\n- Survey, review\n"), "utf-8")
    code, _, err = run("--catalog", str(catalog_copy), "render-list", "-o", str(listing))
    assert code == 2 and "Survey, review" in err
    assert listing.read_bytes() == before


def test_departed_papers_are_not_listed(catalog_copy, tmp_path):
    paper = catalog_copy / "papers" / "alpagasus2024.yaml"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace("rows:\n- 3\n", "rows: []\n"), "utf-8"
    )
    code, out, _ = run("--catalog", str(catalog_copy), "render-list")
    assert code == 0 and "AlpaGasus" not in out and "Fewer Data" not in out
    assert out.startswith(START + "\n") and out.endswith(END + "\n")


def test_stdout_equals_a_new_file(tmp_path):
    out = tmp_path / "new.md"
    code, text, _ = run("--catalog", str(CATALOG), "render-list")
    assert code == 0
    assert run("--catalog", str(CATALOG), "render-list", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == text


def test_the_workflow_example_checks_a_list_repository_on_pull_requests():
    workflow = yaml.safe_load((ROOT / "docs" / "list-repository-workflow.yml").read_text("utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    runs = [step.get("run", "") for step in workflow["jobs"]["catalog"]["steps"]]
    checks = ("delbib lint", "delbib render-list -o README.md --check", "delbib export --check")
    for command in checks:
        assert any(r.startswith(command) for r in runs), command


def test_a_category_with_a_comma_is_rendered_as_a_section_not_a_cell(tmp_path):
    """A category cell would split "Datasets, Benchmarks & Surveys" in two: such a catalog
    is rendered with one section per category, and comes back with the same categories."""
    listing = tmp_path / "graph.md"
    listing.write_text(
        "# Awesome graph papers\n\n"
        "## Datasets, Benchmarks & Surveys\n"
        "- Talk like a Graph: Encoding Graphs for Large Language Models "
        "[[paper](https://arxiv.org/abs/2310.04560)]\n"
        "- GraphArena: Evaluating Large Language Models on Graph Computation "
        "[[paper](https://arxiv.org/abs/2407.00379)]\n\n"
        "## Prompting\n"
        "- GraphText: Graph Reasoning in Text Space [[paper](https://arxiv.org/abs/2310.01089)]\n",
        "utf-8",
    )
    first, second = tmp_path / "first", tmp_path / "second"
    import_into(first, listing)
    rendered = tmp_path / "rendered.md"
    code, _, err = run("--catalog", str(first), "render-list", "-o", str(rendered))
    assert code == 0, err
    text = rendered.read_text("utf-8")
    assert "### Datasets, Benchmarks & Surveys" in text and "| Category |" not in text
    import_into(second, rendered)
    assert taxonomy(second) == taxonomy(first)
    assert_same_entries(first, second)


def test_a_paper_above_the_first_heading_stays_above_it(tmp_path):
    """A list's own paper, written above its first heading, has no category: a rendering
    with one section per category (here forced by the comma) keeps it, above the first
    heading, where a re-import reads it with no category again."""
    listing = tmp_path / "graph.md"
    listing.write_text(
        "# Awesome graph papers\n\n"
        "- [Graphs Meet Language Models: A Survey](https://arxiv.org/abs/2402.00001), 2024.\n\n"
        "## Datasets, Benchmarks & Surveys\n\n"
        "- Talk like a Graph: Encoding Graphs for Large Language Models "
        "[[paper](https://arxiv.org/abs/2310.04560)]\n"
        "- GraphArena: Evaluating Large Language Models on Graph Computation "
        "[[paper](https://arxiv.org/abs/2407.00379)]\n\n"
        "## Prompting\n\n"
        "- GraphText: Graph Reasoning in Text Space [[paper](https://arxiv.org/abs/2310.01089)]\n",
        "utf-8",
    )
    first, second = tmp_path / "first", tmp_path / "second"
    import_into(first, listing)
    rendered = tmp_path / "rendered.md"
    assert run("--catalog", str(first), "render-list", "-o", str(rendered))[0] == 0
    text = rendered.read_text("utf-8")
    survey = text.index("Graphs Meet Language Models: A Survey")
    assert survey < text.index("### Datasets, Benchmarks & Surveys")
    assert "](https://arxiv.org/abs/2402.00001)" in text
    import_into(second, rendered)
    assert_same_entries(first, second)
    survey_entry = next(p for p in papers(second).values() if "Graphs Meet" in p["title"])
    assert survey_entry["categories"] == [] and survey_entry["rows"] == [1]
    assert taxonomy(second) == taxonomy(first)


def test_a_section_with_papers_after_its_subsection_keeps_its_place(tmp_path):
    """Tutorials lists Books (a label over its own items) and then a paper of its own: one
    table with a category column would name Books before Tutorials, and a re-import would
    put Books first (Tutorials' own item links a paper's PDF: a talk's slides there would be a
    tutorial, no paper). The rendering has sections instead, Tutorials' own paper after Books',
    and a re-import gives the same categories in the same order under the same parent."""
    listing = tmp_path / "tides.md"
    listing.write_text(
        "# Awesome tide papers\n\n## Tutorials\n\n- Books\n"
        "  - [Tide Modelling from First Principles](https://example.org/books/tides.pdf), 2019.\n"
        "  - [Coastal Waves, a Primer](https://example.org/books/waves.pdf), 2017.\n"
        "- [A Short Course on Tidal Energy](https://example.org/papers/energy.pdf), 2021.\n\n"
        "## Forecasting\n\n"
        "- [Neural Tide Forecasting at Scale](https://arxiv.org/abs/2101.00001), 2021.\n",
        "utf-8",
    )
    first, second = tmp_path / "first", tmp_path / "second"
    import_into(first, listing, warnings=True)  # the label "Books" is no paper
    assert [name for name, _ in taxonomy(first)] == ["Tutorials", "Books", "Forecasting"]
    rendered = tmp_path / "rendered.md"
    assert run("--catalog", str(first), "render-list", "-o", str(rendered))[0] == 0
    text = rendered.read_text("utf-8")
    assert "| Category |" not in text
    at = [text.index(words) for words in ("Tutorials", "Books", "Coastal Waves", "Tidal Energy")]
    assert at == sorted(at)
    import_into(second, rendered)
    assert_same_entries(first, second)
    assert [name for name, _ in taxonomy(second)] == ["Tutorials", "Books", "Forecasting"]
    assert parents(second)["Books"] == "Tutorials"


def test_a_year_after_next_year_is_never_written_into_a_list(tmp_path):
    """A catalog year no paper can have (a typo, ``'98`` read as 2098) is not shown: a fresh
    rendering leaves the year cell empty and re-imports without a warning, and an edited
    list keeps the year its maintainer wrote."""
    listing = tmp_path / "README.md"
    item = "- [Cycle Elimination in Constraint Graphs](https://example.org/cycles.pdf), 1998."
    original = f"# Compiler papers\n\n{START}\n## Pointer Analysis\n\n{item}\n{END}\n"
    listing.write_text(original, "utf-8")
    root = tmp_path / "cat"
    import_into(root, listing)
    (paper,) = (root / "papers").glob("*.yaml")
    data = yaml.safe_load(paper.read_text("utf-8"))
    assert data["year"] == 1998
    data["year"] = 2098
    paper.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    code, _, err = run("--catalog", str(root), "render-list", "-o", str(listing))
    assert code == 0, err
    assert listing.read_text("utf-8") == original
    rendered = tmp_path / "rendered.md"
    assert run("--catalog", str(root), "render-list", "-o", str(rendered))[0] == 0
    text = rendered.read_text("utf-8")
    assert "2098" not in text.replace("delbib-", "")  # the key may hold it, no cell does
    (row,) = [r for r in _table_cells(GFM.parse(text)) if r[0] != "Title"]
    assert row[0] == "Cycle Elimination in Constraint Graphs" and row[4] == ""
    code, _, err = run("--catalog", str(tmp_path / "fresh"), "import-markdown", str(rendered))
    assert code == 0 and "warning" not in err


def test_markers_shown_in_a_code_block_are_not_markers(catalog_copy, tmp_path):
    """A README that documents the markers in a code block (as delbib's own does) keeps that
    block; only marker lines GitHub reads as HTML comments bound the table."""
    shown = f"```markdown\n{START}\n| your table |\n{END}\n```\n"
    readme = tmp_path / "README.md"
    readme.write_text(f"# List\n\nHow it works:\n\n{shown}\n## Papers\n\n{START}\n{END}\n", "utf-8")
    assert run("--catalog", str(catalog_copy), "render-list", "-o", str(readme))[0] == 0
    text = readme.read_text("utf-8")
    assert text.startswith(f"# List\n\nHow it works:\n\n{shown}\n## Papers\n\n{START}\n| Title |")
    assert text.count("AlpaGasus: Training a Better Alpaca") == 1
    only_shown = tmp_path / "only-shown.md"
    only_shown.write_text(f"# List\n\n{shown}", "utf-8")
    code, _, err = run("--catalog", str(catalog_copy), "render-list", "-o", str(only_shown))
    assert code == 2 and "has no" in err and only_shown.read_text("utf-8") == f"# List\n\n{shown}"


# ------------------------------------------------------------------ editing a maintainer's list

TOT_ROW = (
    "| 2022-05 | **Tree of Thoughts: Deliberate Problem Solving with Large Language Models** "
    "| arXiv | [[pdf]](https://arxiv.org/pdf/2305.10601.pdf) "
    "| [code](https://github.com/princeton-nlp/tree-of-thought-llm) |"
)
COT_ROW = (
    "| 2022-01 | **chain of thought prompting elicits reasoning in large language models** "
    "| NeurIPS | [[pdf]](https://arxiv.org/abs/2201.11903) | - |"
)
EDITED = f"""# Reasoning papers

[![Awesome](https://awesome.re/badge.svg)](https://awesome.re) Prose the maintainer wrote.

{START}
## Prompting

Some words about prompting, with a [link](https://example.org/blog).

| Date | Title | Venue | Paper | Code |
|:---|:---|:---|:---|:---|
{TOT_ROW}
{COT_ROW}

<details><summary>Tools</summary>

| Tool | Link |
|---|---|
| LangChain | [repo](https://github.com/langchain-ai/langchain) |

<!-- a comment -->
{END}
</details>

## Contributing
"""


def _record(title: str, venue: str, issued: list[int]) -> dict:
    return {
        "csl": {
            "type": "paper-conference",
            "title": title,
            "container-title-short": venue,
            "issued": {"date-parts": [issued]},
        },
        "status": "published",
        "conflicts": [],
        "provenance": {"method": "test", "source": "hand-written"},
    }


def _key_of(root: Path, words: str) -> str:
    return next(k for k, p in papers(root).items() if words in p["title"].casefold())


def test_render_right_after_import_changes_no_byte(tmp_path):
    listing = tmp_path / "README.md"
    listing.write_text(EDITED, encoding="utf-8")
    import_into(tmp_path / "cat", listing, warnings=True)
    code, _, err = run("--catalog", str(tmp_path / "cat"), "render-list", "-o", str(listing))
    assert code == 0 and "unchanged" in err
    assert listing.read_text(encoding="utf-8") == EDITED


def test_after_resolve_only_the_corrected_values_change(tmp_path):
    """A resolved record corrects a title's case, a venue and a year: exactly those texts
    change, in their own markup and at the date's precision; the item whose key a fresh
    import would now make differently gets a key anchor; the rest keeps every byte."""
    import json

    listing = tmp_path / "README.md"
    listing.write_text(EDITED, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    tot, cot = _key_of(root, "tree of thoughts"), _key_of(root, "chain of thought")
    assert tot.endswith("2022") and cot.endswith("2022")  # keys made from the listed years
    records = {
        tot: _record(
            "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
            "NeurIPS 2023",
            [2023, 12],
        ),
        cot: _record(
            "Chain of Thought Prompting Elicits Reasoning in Large Language Models",
            "NeurIPS 2022",
            [2022],
        ),
    }
    (root / "resolved").mkdir(exist_ok=True)
    for key, record in records.items():
        (root / "resolved" / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
    cat = ("--catalog", str(root))
    assert run(*cat, "render-list", "-o", str(listing), "--check")[0] == 1
    code, diff, _ = run(*cat, "render-list", "-o", str(listing), "--diff")
    assert code == 1 and "-| 2022-05 |" in diff and "+| 2023-12 |" in diff
    assert listing.read_text(encoding="utf-8") == EDITED  # --diff writes nothing
    assert run(*cat, "render-list", "-o", str(listing))[0] == 0
    expected = (
        EDITED.replace(
            "| 2022-05 | **Tree of Thoughts",
            f'| 2023-12 | <a id="delbib-{tot}"></a>**Tree of Thoughts',
        )
        .replace("Language Models** | arXiv |", "Language Models** | NeurIPS 2023 |")
        .replace(
            "**chain of thought prompting elicits reasoning in large language models** | NeurIPS |",
            "**Chain of Thought Prompting Elicits Reasoning in Large Language Models** "
            "| NeurIPS 2022 |",
        )
    )
    assert listing.read_text(encoding="utf-8") == expected
    assert run(*cat, "render-list", "-o", str(listing), "--check")[0] == 0
    # A fresh import of the edited list keeps both keys and every link.
    fresh = tmp_path / "fresh"
    import_into(fresh, listing, warnings=True)
    assert sorted(papers(fresh)) == sorted([tot, cot])
    assert {k: p["links"] for k, p in papers(fresh).items()} == {
        k: p["links"] for k, p in papers(root).items()
    }


def _add_paper(root: Path, key: str, **fields) -> None:
    """A paper file written by hand, as `delbib add` or a maintainer would."""
    data = {
        "key": key,
        "title": fields["title"],
        "clean_title": fields["title"],
        "tldr": None,
        "categories": fields["categories"],
        "links": fields["links"],
        "year": fields.get("year"),
        "venue": fields.get("venue"),
        "rows": [999],
        "identifiers": [],
    }
    if fields.get("authors"):
        data["authors"] = fields["authors"]
    (root / "papers" / f"{key}.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False), encoding="utf-8"
    )


def _render_with_new_paper(tmp_path: Path, text: str, **fields) -> str:
    listing = tmp_path / "README.md"
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    _add_paper(root, "newpaper2023", **fields)
    code, _, err = run("--catalog", str(root), "render-list", "-o", str(listing))
    assert code == 0, err
    return listing.read_text(encoding="utf-8")


def test_a_new_paper_goes_into_a_date_ordered_table_in_its_shape(tmp_path):
    table = (
        f"# L\n\n{START}\n## Agents\n\n| Date | Title | Paper | Code |\n|---|---|---|---|\n"
        "| 2024-03 | [**Alpha Beta Gamma Agents**](https://arxiv.org/abs/2403.00001) "
        "| [[pdf]](https://arxiv.org/pdf/2403.00001) | [[code]](https://github.com/a/b) |\n"
        "| 2022-07 | [**Delta Epsilon Zeta Agents**](https://arxiv.org/abs/2207.00002) "
        "| [[pdf]](https://arxiv.org/pdf/2207.00002) | [[code]](https://github.com/c/d) |\n"
        f"\n## Tools\n\nNot papers.\n{END}\n"
    )
    got = _render_with_new_paper(
        tmp_path,
        table,
        title="Eta Theta Iota Agents",
        categories=["Agents"],
        links=["https://arxiv.org/abs/2305.00003", "https://github.com/e/f"],
        year=2023,
    )
    new_row = (  # with its key, which a fresh import would not make from the title
        '| 2023 | <a id="delbib-newpaper2023"></a>[**Eta Theta Iota Agents**]'
        "(https://arxiv.org/abs/2305.00003) "
        "| [[pdf]](https://arxiv.org/abs/2305.00003) | [[code]](https://github.com/e/f) |\n"
    )
    lines = table.splitlines(keepends=True)
    assert got == "".join([*lines[:8], new_row, *lines[8:]])


def test_a_new_paper_goes_to_the_end_of_a_bullet_section_in_its_link_words(tmp_path):
    bullets = (
        f"# L\n\n{START}\n## Graphs\n\n"
        "- Talk like a Graph: Encoding Graphs for Large Language Models "
        "[[paper](https://arxiv.org/abs/2310.04560)] [[code](https://github.com/g/t)]\n"
        "- GraphText: Graph Reasoning in Text Space [[paper](https://arxiv.org/abs/2310.01089)]\n"
        f"\n## Other\n\n- GraphArena: Evaluating Models on Graph Computation "
        f"[[paper](https://arxiv.org/abs/2407.00379)]\n{END}\n"
    )
    got = _render_with_new_paper(
        tmp_path,
        bullets,
        title="Graph Chain of Thought Reasoning",
        categories=["Graphs"],
        links=["https://arxiv.org/abs/2404.07103"],
        year=2024,
    )
    new_item = (
        '- <a id="delbib-newpaper2023"></a>Graph Chain of Thought Reasoning '
        "[[paper](https://arxiv.org/abs/2404.07103)]\n"
    )
    at = bullets.index("\n## Other")
    assert got == bullets[:at] + new_item + bullets[at:]


@pytest.mark.parametrize(
    "section",
    [
        "- [Alpha Beta Gamma Study](https://arxiv.org/abs/2301.00001), 2023.\n"
        "- [Delta Epsilon Zeta Study](https://arxiv.org/abs/2201.00002), 2022.\n",
        "| Date | Title | Paper |\n|---|---|---|\n"
        "| 2023-04 | Alpha Beta Gamma Study | [pdf](https://arxiv.org/abs/2301.00001) |\n"
        "| 2022-01 | Delta Epsilon Zeta Study | [pdf](https://arxiv.org/abs/2201.00002) |\n",
    ],
    ids=["bullets", "table"],
)
def test_a_new_paper_without_a_year_gets_no_sibling_s_year(tmp_path, section):
    """A new paper is written in a dated sibling's markup, but the sibling's date is not
    its: the new item shows no year, with its own title and link, and nothing else moves."""
    text = f"# L\n\n{START}\n## Studies\n\n{section}{END}\n"
    got = _render_with_new_paper(
        tmp_path,
        text,
        title="Eta Theta Iota Study",
        categories=["Studies"],
        links=["https://arxiv.org/abs/2401.00003"],
    )
    old, new = text.splitlines(), got.splitlines()
    added = [line for line in new if line not in old]
    assert [line for line in new if line in old] == old and len(added) == 1
    assert "Eta Theta Iota Study" in added[0] and "(https://arxiv.org/abs/2401.00003)" in added[0]
    shown = re.sub(r'<a id="delbib-[^"]*"></a>|\(https://[^)]*\)', "", added[0])
    assert re.search(r"(?<!\d)(19|20)\d\d(?!\d)", shown) is None
    import_into(tmp_path / "fresh", tmp_path / "README.md")
    fresh = next(p for p in papers(tmp_path / "fresh").values() if "Eta" in p["title"])
    assert fresh["year"] is None and fresh["links"] == ["https://arxiv.org/abs/2401.00003"]


def test_a_new_paper_in_a_numbered_list_of_bold_titles(tmp_path):
    numbered = (
        f"# L\n\n{START}\n## Surveys\n\n"
        "1. **A Survey of Alpha Methods**. *Ann Smith, Bob Jones*. ACL 2021. "
        "[[pdf](https://aclanthology.org/2021.acl-long.1.pdf)]\n"
        "2. **A Survey of Beta Methods**. *Carl Doe*. EMNLP 2022. "
        "[[pdf](https://aclanthology.org/2022.emnlp-main.2.pdf)]\n"
        f"{END}\n"
    )
    got = _render_with_new_paper(
        tmp_path,
        numbered,
        title="A Survey of Gamma Methods",
        categories=["Surveys"],
        links=["https://arxiv.org/abs/2301.00004"],
        year=2023,
        venue="ICLR 2023",
        authors="Dana Roe",
    )
    new_item = (
        '2. <a id="delbib-newpaper2023"></a>**A Survey of Gamma Methods**. *Dana Roe*. ICLR 2023. '
        "[[pdf](https://arxiv.org/abs/2301.00004)]\n"
    )
    assert got == numbered.replace(f"{END}", new_item + END)


def test_a_departed_paper_disappears_and_a_new_category_gets_a_section(tmp_path):
    listing = tmp_path / "README.md"
    text = (
        f"# L\n\n{START}\n## Agents\n\n| Title | Paper |\n|---|---|\n"
        "| Alpha Beta Gamma Agents | [pdf](https://arxiv.org/abs/2403.00001) |\n"
        "| Delta Epsilon Zeta Agents | [pdf](https://arxiv.org/abs/2207.00002) |\n"
        f"{END}\n"
    )
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    gone = root / "papers" / f"{_key_of(root, 'delta epsilon')}.yaml"
    gone.write_text(gone.read_text("utf-8").replace("rows:\n- 2\n", "rows: []\n"), "utf-8")
    meta = yaml.safe_load((root / "catalog.yaml").read_text("utf-8"))
    meta["taxonomy"].append({"name": "Memory", "slug": "memory"})
    (root / "catalog.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), "utf-8")
    _add_paper(
        root,
        "newpaper2023",
        title="Eta Theta Iota Memory",
        categories=["Memory"],
        links=["https://arxiv.org/abs/2305.00003"],
        year=2023,
    )
    assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
    assert listing.read_text("utf-8") == (
        f"# L\n\n{START}\n## Agents\n\n| Title | Paper |\n|---|---|\n"
        "| Alpha Beta Gamma Agents | [pdf](https://arxiv.org/abs/2403.00001) |\n"
        "\n## Memory\n\n| Title | Paper |\n|---|---|\n"
        '| <a id="delbib-newpaper2023"></a>Eta Theta Iota Memory '
        "| [pdf](https://arxiv.org/abs/2305.00003) |\n"
        f"{END}\n"
    )


def test_markers_inside_html_blocks_bound_the_edited_part(tmp_path):
    """A start marker inside a <details> block (no blank line before it) and an end marker
    before its </details>: the part between them is edited, the HTML around it kept."""
    text = (
        "# L\n\n<details open>\n<summary>Papers</summary>\n"
        f"{START}\n\n#### Agents\n\n"
        "- Alpha Beta Gamma Agents [[paper](https://arxiv.org/abs/2403.00001)]\n"
        "- Delta Epsilon Zeta Agents [[paper](https://arxiv.org/abs/2207.00002)]\n\n"
        f"{END}\n</details>\n"
    )
    listing = tmp_path / "README.md"
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    assert run("--catalog", str(root), "render-list", "-o", str(listing), "--check")[0] == 0
    gone = root / "papers" / f"{_key_of(root, 'delta epsilon')}.yaml"
    gone.write_text(gone.read_text("utf-8").replace("rows:\n- 2\n", "rows: []\n"), "utf-8")
    assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
    assert listing.read_text("utf-8") == text.replace(
        "- Delta Epsilon Zeta Agents [[paper](https://arxiv.org/abs/2207.00002)]\n", ""
    )


def test_a_new_paper_without_authors_leaves_no_empty_markup(tmp_path):
    numbered = (
        f"# L\n\n{START}\n## Surveys\n\n"
        "1. **A Survey of Alpha Methods**. *Ann Smith, Bob Jones*. ACL 2021. "
        "[[pdf](https://aclanthology.org/2021.acl-long.1.pdf)]\n"
        f"{END}\n"
    )
    got = _render_with_new_paper(
        tmp_path,
        numbered,
        title="A Survey of Gamma Methods",
        categories=["Surveys"],
        links=["https://arxiv.org/abs/2301.00004"],
        year=2023,
        venue="ICLR 2023",
    )
    new_item = (
        '1. <a id="delbib-newpaper2023"></a>**A Survey of Gamma Methods**. ICLR 2023. '
        "[[pdf](https://arxiv.org/abs/2301.00004)]\n"
    )
    assert got == numbered.replace(f"{END}", new_item + END)


def test_a_venue_shown_as_a_badge_is_corrected_in_the_badge(tmp_path):
    import json

    text = (
        f"# L\n\n{START}\n## Pruning\n\n| Title | Code |\n|---|---|\n"
        "| [![Publish](https://img.shields.io/badge/Conference-arXiv-blue)]() <br> "
        "[Sparse Alpha Networks for Pruning](https://arxiv.org/abs/2305.11111) "
        "| [Github](https://github.com/a/sparse) |\n"
        f"{END}\n"
    )
    listing = tmp_path / "README.md"
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    key = _key_of(root, "sparse alpha")
    assert papers(root)[key]["venue"] == "arXiv"  # read from the badge
    (root / "resolved").mkdir(exist_ok=True)
    record = _record("Sparse Alpha Networks for Pruning", "NeurIPS 2023", [2023])
    (root / "resolved" / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
    assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
    # The venue now names a year, from which a fresh import would make another key.
    expected = text.replace("Conference-arXiv-blue", "Conference-NeurIPS_2023-blue").replace(
        "| [![Publish]", f'| <a id="delbib-{key}"></a>[![Publish]'
    )
    assert listing.read_text("utf-8") == expected


def test_a_new_paper_with_a_resolved_month_goes_between_the_months(tmp_path):
    import json

    table = (
        f"# L\n\n{START}\n## Agents\n\n| Date | Title | Paper |\n|---|---|---|\n"
        "| 2024-03 | Alpha Beta Gamma Agents | [pdf](https://arxiv.org/abs/2403.00001) |\n"
        "| 2023-09 | Delta Epsilon Zeta Agents | [pdf](https://arxiv.org/abs/2309.00002) |\n"
        "| 2023-02 | Kappa Lambda Mu Agents | [pdf](https://arxiv.org/abs/2302.00003) |\n"
        f"{END}\n"
    )
    listing = tmp_path / "README.md"
    listing.write_text(table, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    _add_paper(
        root,
        "newpaper2023",
        title="Eta Theta Iota Agents",
        categories=["Agents"],
        links=["https://arxiv.org/abs/2306.00004"],
        year=2023,
    )
    (root / "resolved").mkdir(exist_ok=True)
    record = _record("Eta Theta Iota Agents", "ICML 2023", [2023, 6])
    (root / "resolved" / "newpaper2023.json").write_text(json.dumps(record), encoding="utf-8")
    assert run("--catalog", str(root), "render-list", "-o", str(listing))[0] == 0
    new_row = (
        '| 2023-06 | <a id="delbib-newpaper2023"></a>Eta Theta Iota Agents '
        "| [pdf](https://arxiv.org/abs/2306.00004) |\n"
    )
    lines = table.splitlines(keepends=True)
    assert listing.read_text("utf-8") == "".join([*lines[:9], new_row, *lines[9:]])


def test_markers_around_one_section_leave_the_rest_and_add_nothing(tmp_path):
    """Markers around one table of a list: the papers of the other sections are not pulled
    in, and a paper listed in both keeps the links each item shows."""
    text = (
        "# L\n\n## Agents\n\n| Title | Links |\n|---|---|\n"
        "| Alpha Beta Gamma Agents | [pdf](https://arxiv.org/abs/2403.00001) "
        "[code](https://github.com/a/alpha) |\n"
        "| Delta Epsilon Zeta Agents | [pdf](https://arxiv.org/abs/2207.00002) |\n\n"
        f"## Memory\n\n{START}\n| Title | Links |\n|---|---|\n"
        "| Alpha Beta Gamma Agents | [pdf](https://arxiv.org/abs/2403.00001) |\n"
        "| Eta Theta Iota Memory | [pdf](https://arxiv.org/abs/2305.00003) |\n"
        f"{END}\n"
    )
    listing = tmp_path / "README.md"
    listing.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    import_into(root, listing, warnings=True)
    code, _, err = run("--catalog", str(root), "render-list", "-o", str(listing))
    assert code == 0 and "unchanged" in err
    assert listing.read_text("utf-8") == text
