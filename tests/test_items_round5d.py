"""Item shapes met in the fifth round's held-out lists, each shown on invented papers."""

from __future__ import annotations

from delbib.catalog import model as catalog
from delbib.lists import importer
from tests.listread import parse

HEAD = "# Owl Papers\n\n## Benchmarks\n\n"

# A paragraph of HTML that opens the table with no blank line between: one HTML block to
# markdown, a paragraph and then rows to a person.
_NAMED_TABLE = (
    "<p>\n    Benchmarks for owl vision, by the <strong>task</strong> they set.\n</p>\n"
    "<table>\n  <thead><tr><th>Benchmark</th><th>Resources</th><th>Task</th></tr></thead>\n"
    "  <tbody>\n"
    "    <tr>\n"
    '      <td>(ICML 2021) <a href="https://arxiv.org/abs/2101.04242">OwlEye</a></td>\n'
    '      <td><a href="https://github.com/owl/owleye">Code</a></td>\n'
    "      <td>QA</td>\n"
    "    </tr>\n"
    "    <tr>\n"
    '      <td>(Preprint 2022) <a href="https://arxiv.org/abs/2202.05353">Night Hunt</a></td>\n'
    "      <td>-</td>\n"
    "      <td>Infer</td>\n"
    "    </tr>\n"
    "  </tbody>\n</table>\n"
)


def test_a_table_after_an_html_paragraph_in_one_block_is_read_row_by_row():
    rows = parse(HEAD + _NAMED_TABLE).rows
    links = [r.links[0] for r in rows if r.links]
    assert links == ["https://arxiv.org/abs/2101.04242", "https://arxiv.org/abs/2202.05353"]


def test_a_row_naming_a_paper_by_its_benchmark_is_the_paper_listed_in_full(tmp_path):
    # the table names each paper by its benchmark; the list gives the first one in full
    # elsewhere under the same link: one paper, not two; two full titles under one link
    # stay two papers (the list's mistake, which lint reports)
    text = (
        HEAD
        + _NAMED_TABLE
        + "\n## Papers\n\n"
        + "- (ICML 2021) OwlEye: Seeing in the Dark with Owl Vision."
        " [**[Paper]**](https://arxiv.org/abs/2101.04242)\n"
        + "- Feather Patterns of Tawny Owls. [**[Paper]**](https://arxiv.org/abs/2303.00111)\n"
        + "- Wing Loading Across Owl Species. [**[Paper]**](https://arxiv.org/abs/2303.00111)\n"
    )
    path = tmp_path / "owls.md"
    path.write_text(text, encoding="utf-8")
    importer.run(path, tmp_path / "c")
    entries = catalog.load(tmp_path / "c").entries.values()
    by_id = {i: [e for e in entries if i in e.identifiers] for i in ("arxiv:2101.04242",)}
    assert len(by_id["arxiv:2101.04242"]) == 1
    assert len([e for e in entries if "arxiv:2303.00111" in e.identifiers]) == 2
    assert len(entries) == 4


def test_a_glossary_of_abbreviations_lists_no_papers_even_where_it_links_one():
    # the terms link pages explaining them, two link the paper that named the method: still
    # definitions of the list's abbreviations, not its papers
    text = HEAD + (
        "A dictionary of the abbreviations used below.\n\n"
        "* OWN: [Owl Wing Network](https://en.wikipedia.org/wiki/Owl)\n"
        "* HFT: [Hoot Frequency Transform](https://blog.example.org/hft)\n"
        "* NOF: [Nocturnal Optical Flow](https://arxiv.org/abs/2001.01234)\n"
        "* TaLoN: [Talon Localisation Network](https://arxiv.org/abs/2002.04321)\n"
        "* BRR: [Barn Roost Regression](https://en.wikipedia.org/wiki/Barn)\n"
        "* PSN: Perch Selection Net\n\n"
        "## Papers\n\n"
        "* NOF: [Nocturnal Optical Flow for Owl Tracking in Dense Forests]"
        "(https://arxiv.org/abs/2001.01234)\n"
        "* [Wing Beats of Barn Owls](https://arxiv.org/abs/2003.05555)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Nocturnal Optical Flow for Owl Tracking in Dense Forests",
        "Wing Beats of Barn Owls",
    ]


def test_a_leading_tag_ending_in_a_year_names_a_long_journal_and_is_left_out():
    text = HEAD + (
        "- (Journal of Comparative Owl Behaviour and Ecology 2019) Owls as Planners of Their"
        " Own Flight. [**[Paper]**](https://doi.org/10.1234/jcobe.2019.12)\n"
        "- (ICML 2022) Owl Flight as Inverse Planning. [**[Paper]**]"
        "(https://arxiv.org/abs/2201.01111)\n"
    )
    assert [r.title.rstrip(".") for r in parse(text).rows] == [
        "Owls as Planners of Their Own Flight",
        "Owl Flight as Inverse Planning",
    ]


def test_a_dash_inside_a_linked_title_cell_is_the_titles_own():
    # "Name - what it does" links the name alone; a link over the whole of it is the title
    text = HEAD + (
        "| Paper | Code |\n|---|---|\n"
        "|[Owl call detection - a lightweight acoustic approach for dense forests]"
        "(https://ieeexplore.ieee.org/document/9100001)|[owlcall](https://github.com/o/c)|\n"
        "|[Roost mapping with drones](https://ieeexplore.ieee.org/document/9100002)|-|\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owl call detection - a lightweight acoustic approach for dense forests",
        "Roost mapping with drones",
    ]


def test_a_year_then_a_dash_and_names_after_a_heading_title_is_its_byline():
    text = HEAD + (
        "#### Owls steer by the stars during long migrations (2014) - Ann Lee\n"
        "https://example.org/owl-stars.pdf\n\n"
        "#### Barn owls prefer quiet roosts (2016)\n"
        "https://example.org/quiet-roosts.pdf\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Owls steer by the stars during long migrations",
        "Barn owls prefer quiet roosts",
    ]
    assert [r.year for r in rows] == [2014, 2016]
