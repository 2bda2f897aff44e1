"""The item reader (issue 17): every block shape GitHub renders, parts read by role, papers
told from non-papers by evidence, --explain, warnings instead of refusal, linear time.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

import json
import time

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib.cli import main
from delbib.lists import markdown
from delbib.lists.markdown import evidence, lexicon, linkwords

from .listread import parse, titles


def test_paragraph_item_over_three_lines_with_hard_breaks():
    text = (
        "## Papers\n\n"
        "**Folding Paper Cranes with Graph Networks.**  \n"
        "Ada Stone, Ben Rivers  \n"
        "*Journal of Origami Learning, May 2021.*  \n"
        "[[DOI](https://doi.org/10.1234/cranes.2021)]\n\n"
        "**Tiling Floors by Reinforcement.** \\\n"
        "Cara Vale, Dan Moss \\\n"
        "*NeurIPS 2019.* [[pdf](https://arxiv.org/abs/1901.00001)]\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.line, r.end_line) for r in rows] == [
        ("Folding Paper Cranes with Graph Networks", 3, 6),
        ("Tiling Floors by Reinforcement", 8, 10),
    ]
    assert rows[0].authors == "Ada Stone, Ben Rivers"
    assert rows[1].venue == "NeurIPS 2019" and rows[1].year == 2019


def test_sub_bullets_are_the_fields_of_their_item():
    text = (
        "- **Sorting Socks at Scale (AAAI 2022)**\n"
        "  - Eve North, Finn South\n"
        "  - [[Paper](https://arxiv.org/abs/2201.00002)] [[Code](https://github.com/x/socks)]\n"
        "- **Counting Clouds (NIMBUS)**\n"
        "  - Gil West\n"
        "  - [[Paper](https://arxiv.org/abs/2201.00003)]\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year, r.line, r.end_line) for r in rows] == [
        ("Sorting Socks at Scale", "AAAI 2022", 2022, 1, 3),
        ("Counting Clouds", None, None, 4, 6),  # the nickname is not the title
    ]
    assert rows[0].kinds == ("paper", "code")


def test_bold_title_then_bullets_of_bare_links():
    text = (
        "**Painting Fences in One Shot**\n\n"
        "- Paper: https://arxiv.org/abs/2312.00004\n"
        "- Code: https://github.com/x/fences\n\n"
        "**Weaving Baskets from Text**\n\n"
        "- Homepage: https://baskets.example.org/\n"
        "- Paper: https://arxiv.org/abs/2312.00005\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == ["Painting Fences in One Shot", "Weaving Baskets from Text"]
    assert rows[0].links[0] == "https://arxiv.org/abs/2312.00004"


def test_papers_nested_under_a_label_or_a_paper_stand_apart():
    text = (
        "- Robots that cook\n"
        "  - [Stirring Soup with Transformers](https://arxiv.org/abs/2001.00006), 2020\n"
        "  - [Flipping Pancakes Safely](https://arxiv.org/abs/2001.00007), 2020\n"
        "- [Baking Bread by Diffusion](https://arxiv.org/abs/2001.00008)\n"
        "    - [Kneading Dough by Diffusion](https://arxiv.org/abs/2001.00009)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Stirring Soup with Transformers",
        "Flipping Pancakes Safely",
        "Baking Bread by Diffusion",
        "Kneading Dough by Diffusion",
    ]
    assert [s.line for s in parsed.skipped] == [1]  # the label


def test_venue_and_year_stuck_to_titles_fill_venue_and_year():
    text = (
        "- 2008-NIPS - Stacking Chairs with Kernels [[pdf](https://arxiv.org/abs/0801.00010)]\n"
        "- IJCV'23 Parking Bicycles by Vision [[pdf](https://arxiv.org/abs/2301.00011)]\n"
        "- [CVPR 2023] (black-box) Hiding Eggs from Detectors [[paper]](https://arxiv.org/abs/2301.00012)\n"
        "- Mowing Lawns Efficiently (ICML 2021) [[paper]](https://arxiv.org/abs/2101.00013)\n"
        "- 20191124 AAAI-20 (Ironing Shirts with Planning) [[pdf]](https://arxiv.org/abs/1911.00014)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Stacking Chairs with Kernels", 2008),
        ("Parking Bicycles by Vision", 2023),
        ("Hiding Eggs from Detectors", 2023),
        ("Mowing Lawns Efficiently", 2021),
        ("Ironing Shirts with Planning", 2020),
    ]
    assert rows[0].venue == "NIPS" and rows[3].venue == "ICML 2021"


def test_lexicon_keeps_venue_words_that_are_part_of_a_title():
    assert lexicon.strip_title("Learning in Nature") == ("Learning in Nature", None, None)
    assert lexicon.strip_title("Science of Deep Learning")[0] == "Science of Deep Learning"
    assert lexicon.strip_title("A Report from IWSLT 2020")[0] == "A Report from IWSLT 2020"
    assert lexicon.precise_date("[2023/09] x") == "2023/09"
    assert lexicon.precise_date("23.07") == "23.07"


def test_link_words_are_never_titles_and_never_merge_papers():
    text = (
        "- **Lifting Boxes with Soft Grippers** [[Project Page]](https://boxes.example.org)"
        " [[NeurIPS 2023]](https://arxiv.org/abs/2305.00015)\n"
        "- **Folding Towels from Video** [[Project Page]](https://towels.example.org)"
        " [[Matlab Code]](https://github.com/x/towels) [[pdf]](https://arxiv.org/abs/2305.00016)\n"
        "- **Opening Doors with Haptics** [[Project Page]](https://doors.example.org)"
        " [Blog Post](https://blog.example.org/doors) [[pdf]](https://arxiv.org/abs/2305.00017)\n"
    )
    assert titles(text) == [
        "Lifting Boxes with Soft Grippers",
        "Folding Towels from Video",
        "Opening Doors with Haptics",
    ]
    for words in (
        "[[Project Page]]",
        "Matlab Code",
        "Blog Post",
        "NeurIPS 2023",
        "`[official code - caffe]`",
        ":pencil: Notes",  # the list writer's own notes on the paper
        "Reading notes",
        "Summary",
    ):
        assert linkwords.is_link_words(words, is_venue=lexicon.is_venue_word), words
    assert not linkwords.is_link_words("Segment Everything Model")


def test_a_link_to_the_writers_notes_before_the_paper_link_is_no_title():
    text = (
        ":rocket: [:pencil: Notes](./notes/owls.md) [[Counting Owls in the Dark (OWLC)]"
        "(https://arxiv.org/abs/2301.00001)] 2023 @ Owl Lab\n\n"
        ":star: [[Owl Calls as Graph Signals](https://arxiv.org/abs/2301.00002)] 2023 @ Owl Lab\n"
    )
    assert titles(text) == ["Counting Owls in the Dark", "Owl Calls as Graph Signals"]


def test_non_papers_are_skipped_and_counted_by_kind():
    text = (
        "## The Team\n\n| Name | Affiliation |\n|---|---|\n"
        "| [Ann Lee](https://ann.example.org) | Some University |\n"
        "| [Bo Chen](https://bo.example.org) | Other University |\n\n"
        "## Tools\n\n"
        "- [Spoon](https://github.com/x/spoon) - a toolkit for stirring\n"
        "- [Fork](https://github.com/x/fork) - a toolkit for picking\n\n"
        "## Papers\n\n"
        "- [Stirring Soup with Transformers](https://arxiv.org/abs/2001.00006)\n"
    )
    parsed = parse(text)
    assert titles(text) == ["Stirring Soup with Transformers"]
    counts = parsed.skipped_counts()
    assert counts.get("code or tool (only code links)") == 2
    assert sum(counts.values()) == 4


def test_html_paragraph_and_html_table_items():
    text = (
        '<p align="left">\n'
        '    <a href="https://arxiv.org/abs/2405.00018" title="x">\n'
        "        <strong>Sweeping Floors with Foundation Models</strong>\n"
        "    </a>\n    <br/>\n    Ivy Park, Jon Hill\n    <br/>\n"
        '    [<a href="https://arxiv.org/abs/2405.00018">paper</a>]'
        ' [<a href="https://github.com/x/sweep">code</a>]\n'
        "</p>\n\n"
        "<table>\n<tr><td><b>Watering Plants by Language</b></td>"
        '<td><a href="https://arxiv.org/abs/2405.00019">pdf</a></td></tr>\n</table>\n'
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Sweeping Floors with Foundation Models",
        "Watering Plants by Language",
    ]
    assert rows[0].authors == "Ivy Park, Jon Hill"
    assert rows[0].kinds == ("paper", "code")


def test_numbered_br_lines_and_plain_citations():
    text = (
        "[2]Drying Dishes with Attention<br>\n"
        "[paper](https://arxiv.org/abs/2302.00020) | [code](https://github.com/x/dishes)<br><br>\n"
        "[1]Stacking Plates by Search<br>\n"
        "[paper](https://arxiv.org/abs/2302.00021)<br><br>\n\n"
        "## Reading\n\n"
        "- Moss and Fern. 2020. “Estimating Rainfall from Umbrella Counts.”"
        " *Journal of Weather Economics*.\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Drying Dishes with Attention",
        "Stacking Plates by Search",
        "Estimating Rainfall from Umbrella Counts",
    ]
    assert rows[2].links == () and rows[2].year == 2020


def test_dates_with_more_than_a_year_are_kept_as_written():
    text = (
        "- [2023/09] **Knitting Scarves with LLMs** [[paper](https://arxiv.org/abs/2309.00022)]\n"
    )
    (row,) = parse(text).rows
    assert (row.year, row.date) == (2023, "2023/09")


def test_short_row_is_a_warning_with_its_line():
    text = (
        "| Title | Venue | Paper | Code |\n|---|---|---|---|\n"
        "| Raking Leaves by Search | ICML 2020 | [pdf](https://arxiv.org/abs/2001.00023) | - |\n"
        "| Shovelling Snow by Search | ICML 2021 |\n"
    )
    parsed = parse(text)
    assert len(parsed.rows) == 2
    assert [(w.line, w.message) for w in parsed.warnings] == [
        (4, "table row has 2 of 4 cells; the missing ones are empty")
    ]


def _cli(tmp_path, text: str, *args: str):
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--catalog", str(tmp_path / "cat"), "import-markdown", str(path), *args]
    )
    return result


SHORT_ROW_LIST = (
    "| Title | Venue | Paper |\n|---|---|---|\n"
    "| Raking Leaves by Search | ICML 2020 | [pdf](https://arxiv.org/abs/2001.00023) |\n"
    "| Shovelling Snow by Search |\n"
)


def test_warnings_do_not_refuse_and_strict_writes_nothing(tmp_path):
    strict = _cli(tmp_path, SHORT_ROW_LIST, "--strict")
    assert strict.exit_code == 2 and not (tmp_path / "cat").exists()
    loose = _cli(tmp_path, SHORT_ROW_LIST)
    assert loose.exit_code == 1
    assert "list.md:4: table row has 1 of 3 cells" in loose.stderr
    assert len(list((tmp_path / "cat" / "papers").glob("*.yaml"))) == 2


def test_a_file_without_papers_is_exit_2(tmp_path):
    result = _cli(tmp_path, "# Tools\n\n- [Spoon](https://github.com/x/spoon) - stirs\n")
    assert result.exit_code == 2
    assert "no paper table or paper list found" in result.stderr
    assert "1 code or tool" in result.stderr


def test_explain_shows_each_item_and_writes_nothing(tmp_path):
    text = (
        "- [Spoon](https://github.com/x/spoon) - stirs\n"
        "- [Stirring Soup with Transformers](https://arxiv.org/abs/2001.00006) *ICML 2020*\n"
    )
    shown = _cli(tmp_path, text, "--explain")
    assert shown.exit_code == 0 and not (tmp_path / "cat").exists()
    lines = shown.stdout.splitlines()
    assert "skipped" in lines[0] and "code or tool" in lines[0]
    assert "paper" in lines[1] and "title: Stirring Soup with Transformers" in lines[1]
    assert "venue: ICML 2020" in lines[1]
    data = json.loads(_cli(tmp_path, text, "--explain", "--json").stdout)
    assert [(i["line"], i["paper"]) for i in data["items"]] == [(1, False), (2, True)]
    assert data["items"][1]["links"] == [
        {"kind": "paper", "url": "https://arxiv.org/abs/2001.00006"}
    ]


pieces = st.sampled_from(
    [
        "- ", "  - ", "1. ", "**", "*", "[", "]", "(", ")", "[[pdf]]", "(https://arxiv.org/abs/2001.00001)",
        "<p>", "</p>", "<br>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<strong>",
        "</strong>", '<a href="https://arxiv.org/abs/2001.00002">', "</a>", "| ", "|---|", "\n",
        "\n\n", "  \n", "\\\n", "Title Words Here", "ICML'23 ", "2008-NIPS - ", "(AAAI 2022)",
        "[14]", "“", "”", '"', "`", "# ", "<!--", "-->", "<details>", "2023.07", "et al.", ":",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40))
def test_hostile_markdown_never_crashes_the_reader(parts):
    parsed = markdown.parse("".join(parts), path="x.md")
    for row in parsed.rows:
        assert row.title and row.line <= row.end_line
    for item in parsed.skipped:
        assert item.line <= item.end_line


def test_a_15000_line_list_reads_in_seconds():
    lines = []
    for i in range(3000):
        lines += [
            f"**Paper Number {i} About Things**  ",
            f"Author {i}, Other Person  ",
            f"*ICML 2020* [[pdf](https://arxiv.org/abs/2001.{i:05d})]",
            "",
            f"- [Tool {i}](https://github.com/x/t{i})",
        ]
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    parsed = markdown.parse(text)
    elapsed = time.perf_counter() - start
    assert len(parsed.rows) == 3000
    assert elapsed < 20, elapsed


def test_the_lists_own_citation_section_holds_no_items():
    text = (
        "## Papers\n\n"
        "- [Counting Sheep Asleep](https://arxiv.org/abs/2101.00010)\n\n"
        "## Citation\n\n"
        "> **Ann Lee**, Bo Chen (2026). **A Survey of Counting Sheep**. *Journal of Sleep*, 12. "
        "https://doi.org/10.1234/sheep.2026\n\n"
        "## How to cite\n\n"
        "- [A Survey of Counting Sheep](https://doi.org/10.1234/sheep.2026)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == ["Counting Sheep Asleep"]
    assert parsed.skipped_counts() == {"the list's own citation (under a Citation heading)": 2}
    topic = "## Citations\n\n" + "".join(
        f"- [Recommending Citations for Sheep {n}](https://arxiv.org/abs/2101.0010{n})\n"
        for n in range(4)
    )
    assert len(parse(topic).rows) == 4  # a topic of four papers, not the list's own citation


def test_an_authors_reference_is_never_a_title():
    text = (
        "## Tracking\n\n"
        "- Ann Lee, *[Tracking Moths with Event Cameras](https://doi.org/10.1234/moths)*, "
        "IROS, 2019.\n"
        "- [Lee et al., IROS 2019](#Lee19iros).\n"
        "- [Van Dyke et al., TPAMI 2020](#vd20),\n"
        "- [Chen et al., ICCV 2023](#Chen23iccv), *Tracking Bats at Dusk with Events*.\n"
    )
    assert titles(text) == [
        "Tracking Moths with Event Cameras",
        "Tracking Bats at Dusk with Events",  # the title after the reference, as listed
    ]


def test_listing_pages_and_words_made_with_a_venue_name_are_no_evidence():
    text = (
        "## Browse\n\n"
        "[Ann Lee (14)](https://lab.example.io/list/papers/?author=Ann+Lee) · "
        "[Bo Chen (9)](https://lab.example.io/list/papers/?author=Bo+Chen)\n\n"
        "## Features\n\n"
        "- **One-click citation copy** — `@misc` for arXiv-only papers\n\n"
        "## Papers\n\n"
        "- [Herding Cats with Diffusion](https://proceedings.example.cc/papers/2023/cats.html)\n"
    )
    assert titles(text) == ["Herding Cats with Diffusion"]
    assert lexicon.venue_in("for arXiv-only papers") == (None, None)
    assert lexicon.venue_in("AAAI-20") == ("AAAI-20", 2020)


def test_table_rows_without_a_paper_link_in_a_table_of_linked_papers_are_tools():
    text = (
        "| Date | Title | Paper | Code |\n|---|---|---|---|\n"
        "| 2024.01 | Baking Bread with Attention | [[pdf]](https://arxiv.org/pdf/2401.00011) "
        "| [[bread]](https://github.com/x/bread) |\n"
        "| 2024.02 | Proofing Dough at Scale | [[pdf]](https://arxiv.org/pdf/2402.00012) | ⚠️ |\n"
        "| 2024.03 | Kneading Loaves Faster | [[pdf]]() | [[knead]](https://github.com/x/knead) |\n"
        "| 2024.04 | Crumb Detection in the Wild | [[blog]](https://crumbs.example.org/post) "
        "| ⚠️ |\n"
        "| 2024.05 | OvenKit: a toolkit for ovens | [[docs]](https://ovenkit.example.org/) "
        "| [[ovenkit]](https://github.com/x/ovenkit) |\n"
        "| 2024.06 | ToastLib | ⚠️ | [[toastlib]](https://github.com/x/toastlib) |\n"
        "| 2024.07 | Slicer App | [[app]](https://slicer.example.org) | ⚠️ |\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Baking Bread with Attention",
        "Proofing Dough at Scale",
        "Kneading Loaves Faster",  # "[[pdf]]()": a paper whose link was lost
        "Crumb Detection in the Wild",  # a page about the work
    ]
    assert parsed.skipped_counts() == {
        "no paper link in the paper column of a table of linked papers": 3
    }


def test_a_table_without_a_paper_column_keeps_rows_that_link_only_code():
    text = (
        "| Venue | Paper Title | Code |\n|---|---|---|\n"
        "| KDD 2021 | Segmenting Streams of Socks | [SockSeg](https://github.com/x/sockseg) |\n"
        "| ICDM 2020 | Folding Time Series Flat | |\n"
    )
    assert titles(text) == ["Segmenting Streams of Socks", "Folding Time Series Flat"]


def test_a_write_up_kept_in_a_repository_is_not_a_tool():
    text = (
        "| Date | Title | Paper | Code |\n|---|---|---|---|\n"
        "| 2024.01 | Baking Bread with Attention | [[pdf]](https://arxiv.org/pdf/2401.00011) "
        "| ⚠️ |\n"
        "| 2024.02 | Oven Notes: Baking at Scale | "
        "[[docs]](https://github.com/x/oven/blob/main/docs/notes.md) | ⚠️ |\n"
        "| 2024.03 | OvenKit | [[docs]](https://github.com/x/ovenkit) | ⚠️ |\n"
    )
    assert titles(text) == ["Baking Bread with Attention", "Oven Notes: Baking at Scale"]


def test_one_word_names_linking_a_paper_outside_a_paper_list_are_models():
    text = (
        "## Open Models\n\n"
        "- [Parrot-7B](https://huggingface.co/x/parrot-7b)\n"
        "- [Parrot-Chat](https://github.com/x/parrot-chat)\n"
        "- [Parrot-v2-70B-MoE](https://arxiv.org/abs/2405.00013)\n"
        "- [Crow 2 Report](https://crow.example.org/blog)\n\n"
        "## Papers\n\n"
        "- [Nougat](https://arxiv.org/abs/2308.00014)\n"
        "- [Parrots Repeat: Imitation in Language Models](https://arxiv.org/abs/2308.00015)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "Nougat",  # a one-word title in a list of papers is a paper
        "Parrots Repeat: Imitation in Language Models",
    ]
    kinds = parsed.skipped_counts()
    assert kinds["a one-word name linking a paper, in a block that is not a paper list"] == 1


def test_a_paper_linked_by_its_own_title_inside_an_item_about_something_else():
    text = (
        "## Books\n\n"
        "- [The Owl Book of Language Models](https://owls.example.org/book) - a textbook based "
        "on [*A Survey of Owl Language Models*](https://arxiv.org/abs/2303.00016).\n"
        "- [Hands-On Owls](https://publisher.example.com/owls) - a practical guide.\n"
    )
    parsed = parse(text)
    assert parsed.rows == []
    assert sum(parsed.skipped_counts().values()) == 2


def test_a_bold_label_before_a_colon_names_the_paper_linked_after_it():
    text = (
        "## Devices\n\n"
        "- **OWL (Optical Wing Locator)**: Lee, A., Chen, B., *[A 64x64 10us latency wing "
        "sensor](https://doi.org/10.1234/owl.2008)*, IEEE J. Sensors, 2008.\n"
        "- **Moth Camera (MC)**: Lee, A. and Chen, B.,  \n"
        "*[Utility of a Moth Camera](http://arxiv.org/abs/2202.00017)*  \n"
        "arXiv (2022)\n"
        "- Lee,A. and Ng, B.,  \n"
        "*[Counting Moths and Owls at Night](https://doi.org/10.1234/night.2015)*,  \n"
        "Front. Owls (2015).\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "A 64x64 10us latency wing sensor",
        "Utility of a Moth Camera",
        "Counting Moths and Owls at Night",  # the authors line leads into the title
    ]
    assert rows[2].links == ("https://doi.org/10.1234/night.2015",)


def test_an_acronym_spelling_the_words_before_it_stays_in_the_title():
    text = (
        '* "On Teaching Owls Planning and Scheduling (TOPS)", *ICAPS, May 2024*, '
        "[[Paper]](https://arxiv.org/abs/2405.00018)\n"
        "* **Counting Clouds (NIMBUS)** [[Paper]](https://arxiv.org/abs/2405.00019)\n"
    )
    assert titles(text) == [
        "On Teaching Owls Planning and Scheduling (TOPS)",  # T-O-P-S, "and" aside
        "Counting Clouds",  # a nickname spelling nothing
    ]


def test_a_bold_start_of_a_title_closed_by_a_stray_quote():
    text = (
        '* **Owls in Mobile Robots**: Path Planning with Language Models", *arXiv, Jul 2024*, '
        "[[Paper](https://arxiv.org/abs/2407.00020)]\n"
        '* **OWLBOT**: "OWLBOT: Owls as Robot Planners", *CoRL, 2024*. '
        "[[Paper](https://arxiv.org/abs/2407.00021)]\n"
    )
    assert titles(text) == [
        "Owls in Mobile Robots: Path Planning with Language Models",
        "OWLBOT: Owls as Robot Planners",
    ]


def test_a_plain_title_wrapped_onto_the_next_line_goes_on_to_its_full_stop():
    text = (
        "- The Owl Lab Speech Translation System for IWSLT 2022\n"
        "Evaluation. [[PDF](https://aclanthology.org/2022.iwslt-1.99.pdf)]\n\n"
        "- Listening to Owls at Night\n"
        "A. Lee, B. Chen. [[PDF](https://arxiv.org/abs/2201.00022)]\n"
    )
    assert titles(text) == [
        "The Owl Lab Speech Translation System for IWSLT 2022 Evaluation",
        "Listening to Owls at Night",  # the next line is its authors
    ]


def test_a_markdown_link_pasted_as_a_target_leads_to_its_inner_target():
    text = (
        "- Hooting Transducers for Speech. *ACL 2023*. "
        "[[PDF]([https://aclanthology.org/2023.acl-long.1.pdf]"
        "(https://aclanthology.org/2023.acl-long.2.pdf))]\n"
    )
    assert parse(text).rows[0].links == ("https://aclanthology.org/2023.acl-long.2.pdf",)


def test_a_title_cell_ends_where_its_summary_begins():
    text = (
        "| Paper | Links |\n|---|---|\n"
        "| 1) Small Owls Reason Well  OwlPROF is a light framework for owls. Highlights: "
        "<br>● fast | [Paper](https://arxiv.org/abs/2504.00023) |\n"
        "| 2) OwlMax-01 - introduces a new series of owl models with  many experts "
        "| [Paper](https://arxiv.org/abs/2501.00024) |\n"
        "| 3) Boosting Owls with Self-Guided  Data Selection for Tuning "
        "| [Paper](https://arxiv.org/abs/2501.00025) |\n"
        "| 4) Owls in  Language Models: A Survey of Hoots "
        "| [Paper](https://arxiv.org/abs/2501.00026) |\n"
    )
    assert titles(text) == [
        "Small Owls Reason Well",
        "OwlMax-01",
        "Boosting Owls with Self-Guided  Data Selection for Tuning",  # no summary: kept whole
        "Owls in  Language Models: A Survey of Hoots",
    ]


def test_a_sentence_going_on_in_lower_case_is_not_a_citation():
    text = (
        "# Owl Papers\n\n"
        "- CVPR 2024 decisions are now available on the website!\n"
        "- Moss and Fern. 2020. “Owls at Dusk.” *Journal of Owl Studies*.\n"
        "- mPLUG-Owl: Owls for Multimodal Models. *CVPR 2023*.\n"
    )
    assert titles(text) == ["Owls at Dusk", "mPLUG-Owl: Owls for Multimodal Models"]


def test_explain_with_strict_says_the_import_would_write_nothing(tmp_path):
    shown = _cli(tmp_path, SHORT_ROW_LIST, "--explain", "--strict")
    assert shown.exit_code == 2 and not (tmp_path / "cat").exists()
    assert "list.md:4: table row has 1 of 3 cells" in shown.stderr
    assert shown.stdout.splitlines()[-1] == "--strict: 1 warnings; the import would write nothing"
    data = json.loads(_cli(tmp_path, SHORT_ROW_LIST, "--explain", "--strict", "--json").stdout)
    assert data["strict_refused"] is True and len(data["items"]) == 2
    loose = _cli(tmp_path, SHORT_ROW_LIST, "--explain")
    assert loose.exit_code == 0  # explaining is not importing: warnings alone do not fail it
    clean = _cli(
        tmp_path,
        SHORT_ROW_LIST.splitlines(keepends=True)[0] + "|---|---|---|\n"
        "| Raking Leaves | ICML 2020 | [pdf](https://arxiv.org/abs/2001.00023) |\n",
        "--explain",
        "--strict",
    )
    assert clean.exit_code == 0 and "--strict" not in clean.stdout


def test_the_label_of_nested_papers_is_their_category():
    text = (
        "## Kitchen\n\n"
        "- Robots that cook:\n"
        "  - [Stirring Soup with Transformers](https://arxiv.org/abs/2001.00006), 2020\n"
        "  - [Flipping Pancakes Safely](https://arxiv.org/abs/2001.00007), 2020\n"
        "- **Dish Washing**\n"
        "  - [Scrubbing Pans by Search](https://arxiv.org/abs/2001.00010)\n"
        "  - [Drying Cups Fast](https://arxiv.org/abs/2001.00011)\n"
        "- [Baking Bread by Diffusion](https://arxiv.org/abs/2001.00008)\n"
        "    - [Kneading Dough by Diffusion](https://arxiv.org/abs/2001.00009)\n"
    )
    parsed = parse(text)
    assert [(r.title, r.categories) for r in parsed.rows] == [
        ("Stirring Soup with Transformers", ("Robots that cook",)),
        ("Flipping Pancakes Safely", ("Robots that cook",)),
        ("Scrubbing Pans by Search", ("Dish Washing",)),
        ("Drying Cups Fast", ("Dish Washing",)),
        ("Baking Bread by Diffusion", ("Kitchen",)),
        ("Kneading Dough by Diffusion", ("Kitchen",)),  # nested under a paper: no new category
    ]
    assert parsed.parents == {
        "Kitchen": None,
        "Robots that cook": "Kitchen",
        "Dish Washing": "Kitchen",
    }


def test_news_about_the_list_holds_no_items():
    text = (
        "## 🔔 News\n\n"
        "- [2024/06/07] OwlGym has been released for training owls! "
        "Paper: [OwlGym](https://arxiv.org/abs/2406.00027).\n"
        "- [2024/05/02] [Hooting at Scale](https://arxiv.org/abs/2402.00028) was accepted!\n\n"
        "## Papers\n\n"
        "- [2024/02] **Hooting at Scale.** *A. Lee et al. ICML 2024.* "
        "[[paper](https://arxiv.org/abs/2402.00028)]\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == ["Hooting at Scale"]
    assert parsed.skipped_counts() == {"news about the list (under a News or Updates heading)": 2}


def test_a_bar_of_short_links_is_navigation_not_an_item():
    text = (
        "# Owl Papers\n\n"
        '<a href="https://arxiv.org/abs/2503.00029">📝 Survey Paper</a> |\n'
        '<a href="#papers">📄 Paper List</a> |\n'
        '<a href="https://notes.example.org/owls">📚 Notes</a> |\n'
        '<a href="https://github.com/x/owls">⭐ GitHub</a>\n\n'
        "[Owls (236)](https://owls.example.io/list/?env=Owls) · "
        "[Hawks (138)](https://owls.example.io/list/?env=Hawks) · "
        "[Crows (9)](https://owls.example.io/list/?env=Crows)\n\n"
        "## Papers\n\n"
        "- [Nocturnal Vision for Owls](https://arxiv.org/abs/2503.00030) | "
        "[code](https://github.com/x/nv)\n"
    )
    assert titles(text) == ["Nocturnal Vision for Owls"]


def test_a_link_in_the_middle_of_a_sentence_is_not_a_paper_item():
    text = (
        "A list of owl papers. I wrote it with reference to [this survey paper]"
        "(https://arxiv.org/pdf/1809.00031v1.pdf) and searching.\n\n"
        "## Papers\n\n"
        "- [Owl Detection in the Dark](https://arxiv.org/abs/1809.00032)\n"
        "- [Counting Owls with Transformers](https://arxiv.org/abs/1809.00033)\n"
    )
    assert titles(text) == ["Owl Detection in the Dark", "Counting Owls with Transformers"]


def test_a_short_bold_name_before_a_longer_linked_title_names_that_paper():
    text = (
        "## Tools and papers\n\n"
        "- **Owl Net** [Owl Net: Seeing Owls in the Dark](https://arxiv.org/abs/2401.00034)\n"
        "- **Owl Kit** - a toolkit, see [The Owl Dataset From Somewhere](https://owls.example.org/d)\n"
        "- [Owl Toolkit](https://github.com/x/owlkit) - "
        "[Owl Toolkit: Tools for Owl Research](https://arxiv.org/abs/2401.00035)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.kinds[0]) for r in rows] == [
        ("Owl Net: Seeing Owls in the Dark", "paper"),
        ("Owl Kit", "project"),  # the link after a description is not its title
        ("Owl Toolkit", "paper"),  # a repository's item links its own paper
    ]


def test_talk_videos_and_slides_are_not_papers():
    text = (
        "## Owl Vision\n\n"
        "- Lee, A., *[Seeing Owls at Night](https://doi.org/10.1234/owls.2014)*, 2014. "
        "[Poster](https://lab.example.org/owl-poster.pdf)\n"
        "- [Owl Cameras Tutorial - Ann Lee, version 4](https://youtu.be/abc123)\n"
        "- [Slides](https://lab.example.org/talk.pdf) and [Video](https://youtu.be/def456) by "
        "[Bo Chen](https://www.linkedin.com/in/bo-chen), Owl Corp (2019).\n"
        "- Chen, B., *[Hearing Owls by Day](https://doi.org/10.1234/owls.2015)*, 2015.\n"
    )
    parsed = parse(text)
    assert [(r.title, r.kinds) for r in parsed.rows] == [
        ("Seeing Owls at Night", ("paper", "project")),  # the poster PDF is not the paper
        ("Hearing Owls by Day", ("paper",)),
    ]
    assert parsed.skipped_counts()["video or talk (only video links)"] == 1


def test_a_title_case_title_is_not_a_line_of_names():
    text = (
        "- Backdoor Owls Against Deep Learning Systems in the Physical World.\n"
        "  [[pdf]](https://arxiv.org/pdf/2006.00036.pdf)\n"
        "  [[Master Thesis]](https://uni.example.edu/theses/owls.pdf)\n"
        "  - Ann Lee, Bo Chen, and Cy Ng. *CVPR*, 2021.\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == [
        "Backdoor Owls Against Deep Learning Systems in the Physical World"
    ]
    assert rows[0].authors.startswith("Ann Lee, Bo Chen, and Cy Ng")  # not the title line


def test_a_paragraph_of_prose_after_badges_is_not_a_paper():
    words = "owls, hawks and crows; " * 12
    text = (
        "# Owl Papers\n\n"
        "[![arXiv](https://img.shields.io/badge/arXiv-2503.00037-red.svg)]"
        "(https://arxiv.org/abs/2503.00037)\n\n"
        f"This repository curates papers on birds, covering {words}and more.\n\n"
        "## Papers\n\n"
        "- [Owls in the Dark](https://arxiv.org/abs/2503.00038) - [PDF](https://x.org/a.pdf), "
        "[Video](https://youtu.be/abc), [Project page](https://owls.example.org)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.kinds) for r in rows] == [
        ("Owls in the Dark", ("paper", "paper", "project", "video"))  # its links are no bar
    ]


def test_a_title_cell_ends_before_a_summary_that_introduces_a_list():
    text = (
        "| Paper | Links |\n|---|---|\n"
        "| 1) Fractal Owl Models  Researchers from Owl Lab introduce a fractal framework where "
        "modules are invoked recursively, resulting in self-similar architectures: "
        "<br>● fast | [Paper](https://arxiv.org/abs/2502.00039) |\n"
    )
    assert titles(text) == ["Fractal Owl Models"]


def test_a_lower_case_title_after_a_venue_tag_is_still_a_title():
    text = "- CVPR 2023 Oral [learning to see owls in the dark](https://arxiv.org/abs/2303.00040)\n"
    assert titles(text) == ["learning to see owls in the dark"]


def test_a_document_among_tools_is_not_a_paper_without_more_evidence():
    text = (
        "## Papers\n\n"
        "- (*ICML'24*) Owl Graphs Talk [[paper](https://arxiv.org/abs/2402.00041)]\n"
        "- (*arXiv 2024.10*) Owl Graphs Listen [[paper](https://arxiv.org/abs/2410.00042)]\n\n"
        "## Resources & Tools\n"
        "- [OwlGraph: Extracting owl graphs from text](https://github.com/x/owlgraph)\n"
        "- [OwlML: Owl markup language](https://uni.example.edu/handbook/owlml.pdf). A file "
        "format for owls.\n"
        "- [OwlGML: Owl graph language](https://owls.example.org/gml.html). Read owl graphs.\n"
        "- [OwlPyG: GNNs + owls](https://github.com/x/owlpyg/tree/main/examples)\n\n"
        "## Software\n"
        "- [OwlKit](https://github.com/x/owlkit)\n"
        "- [OwlDocs](https://owls.example.org/docs)\n"
        "- [Owl Benchmark for Graphs](https://uni.example.edu/owlbench.pdf). NeurIPS 2023.\n\n"
        "## Libraries\n"
        "- [OwlLib](https://github.com/x/owllib)\n"
        "- [OwlSite](https://owls.example.org/)\n"
        "- [Hooting Graphs](https://arxiv.org/abs/2401.00043)\n"
    )
    parsed = parse(text)
    # among tools a PDF with a venue or an arXiv link is a paper; the bare handbook PDF is not
    assert [r.title for r in parsed.rows] == [
        "Owl Graphs Talk",
        "Owl Graphs Listen",
        "Owl Benchmark for Graphs",
        "Hooting Graphs",
    ]
    assert parsed.skipped_counts()[evidence.DOCUMENT] == 1


def test_a_plain_word_in_parentheses_ending_a_title_is_not_a_nickname():
    text = (
        "| Title | Paper Link | Year |\n| --- | --- | --- |\n"
        "| How to Train Owls (Effectively) | [link](https://arxiv.org/abs/2410.00051) | 2024 |\n"
        "| Counting Clouds Fast (NIMBUS) | [link](https://arxiv.org/abs/2410.00052) | 2024 |\n"
        "| Watching Owls Closely (OwlV2) | [link](https://arxiv.org/abs/2410.00053) | 2024 |\n"
    )
    assert titles(text) == [
        "How to Train Owls (Effectively)",  # a word of the title
        "Counting Clouds Fast",  # coined names: capitals or digits inside
        "Watching Owls Closely",
    ]


def test_a_relative_link_to_a_pdf_in_a_list_of_papers_is_a_paper_link():
    text = (
        "# Readings in Owl Science\n\n"
        "## Basics\n"
        "* [A Relational Model of Owl Nests](papers/owl_nests.pdf) (1971): The one that started "
        "it all.\n\n"
        "* [Owl Sorting: A Cache-Friendly Hoot](papers/owlsort.pdf) (1996): Sorting owls "
        "revisited.\n\n"
        "* [Owl Notes](notes/owls.md): our own notes on owls.\n"
        "* [Back to top](#basics)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.links) for r in rows] == [
        ("A Relational Model of Owl Nests", 1971, ("papers/owl_nests.pdf",)),
        ("Owl Sorting: A Cache-Friendly Hoot", 1996, ("papers/owlsort.pdf",)),
    ]


def test_a_quotation_in_the_notes_after_a_linked_title_is_not_the_title():
    text = (
        "## Consistency\n"
        '* [OWL Ten Years Later: How the "Hoots" Have Changed](https://example.org/owl.pdf) '
        '(2013): Ann Lee looks back, explaining "the two of three rule was always '
        'misleading for owls."\n'
        '* Ben Moss. "Quoted Titles of Owl Papers Stay Titles". [pdf](https://example.org/q.pdf)\n'
    )
    assert titles(text) == [
        'OWL Ten Years Later: How the "Hoots" Have Changed',
        "Quoted Titles of Owl Papers Stay Titles",
    ]


def test_a_short_quoted_title_closed_by_its_stop_is_the_title():
    text = (
        "## Models\n\n"
        '**[7]** Stone, Ada, et al. "Owl Morphism." arXiv preprint arXiv:1601.00071 (2016). '
        "[[pdf]](https://arxiv.org/abs/1601.00071) **(Grow a trained owl without retraining)**\n\n"
        '**[8]** Moss, Ben. "**Hooting at scale with deep owls**." Owl Conference, 2013. '
        "[[pdf]](https://arxiv.org/abs/1301.00072) **(Milestone)**\n"
    )
    # the stop closes the reference's sentence, no part of the title
    assert titles(text) == ["Owl Morphism", "Hooting at scale with deep owls"]


def test_a_leading_tag_with_a_nested_parenthesis_is_not_the_title():
    text = (
        "## Defenses\n"
        "- [CVPR 2022] (white-box (defense)) OwlShield: Guarding Nests Against Inversion "
        "[[paper]](https://arxiv.org/abs/2203.00081)\n"
        "- [TIFS 2022] (black-box (defense)) One Hoot Defense—Defending Owls via Privacy "
        "[[paper]](https://arxiv.org/abs/2203.00082)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("OwlShield: Guarding Nests Against Inversion", 2022),
        ("One Hoot Defense—Defending Owls via Privacy", 2022),
    ]


def test_a_link_pasted_inside_a_link_word_keeps_the_link_word():
    text = (
        "## Owls\n\n"
        "[2]Owl Volumes for Real-time Rendering of Feathers<br>\n"
        "[paper]([arxiv.org](https://arxiv.org/abs/2203.00091)) | "
        "[code]([github.com](https://github.com/x/owl-volumes))<br><br>\n\n"
        "[1]Exploring Gaps for Owl Frame Interpolation<br>\n"
        "[paper]([[2202.00092\\] Exploring Gaps for Owl Frame Interpolation (arxiv.org)]"
        "(https://arxiv.org/abs/2202.00092))<br><br>\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.links[0]) for r in rows] == [
        ("Owl Volumes for Real-time Rendering of Feathers", "https://arxiv.org/abs/2203.00091"),
        ("Exploring Gaps for Owl Frame Interpolation", "https://arxiv.org/abs/2202.00092"),
    ]


def test_where_papers_are_linked_apart_a_page_alone_is_not_a_paper():
    text = (
        "## Data Quality\n"
        "1. [Watching Owl Data at Scale](https://eng.example.com/watching-owl-data/) "
        "`Owlco` `2017`\n"
        "2. [Data Challenges in Owl Learning](https://research.example.com/pubs/pub1/) "
        "([Paper](https://owls.example.org/papers/p1.pdf)) `Owlco` `2017`\n"
        "3. [Checking Owl Data Automatically](https://science.example.com/publications/owl) "
        "([Paper](https://arxiv.org/abs/1801.00101)) `Hootle` `2018`\n"
        "4. [Meet Hoot — Our Owl Data Tool](https://example.io/blog/meet-hoot) `Hootle` `2019`\n"
        "5. Stone, A., Rivers, B., *[Frame-free Owl Vision](https://uni.example.edu/owls/42)*, "
        "Int. Symp. on Owl Circuits (ISOC), 2008.\n"
        "6. [Validating Owl Data](https://arxiv.org/abs/1801.00105) `Owlco` `2019`\n\n"
        "## Elsewhere\n"
        "1. [Owl Flight Dynamics in the Wild](https://owls.example.org/flight) `2020`\n"
        "2. [Owl Nests from Above](https://arxiv.org/abs/2001.00102) `2020`\n"
        "3. [Owl Songs at Dusk](https://arxiv.org/abs/2001.00103) `2020`\n\n"
        "## Bandits\n"
        "1. [Owl Bandits in Production](https://blog.example.com/owl-bandits) `Owlco` `2021`\n"
        "2. [Calibrating Owls with Bandits](https://owls.example.org/calibrating) "
        "([Paper](https://arxiv.org/abs/2111.00104)) `Hootle` `2022`\n"
    )
    rows = parse(text).rows
    # the paper is the ([Paper]) link; blog posts beside them are skipped, even where a
    # single item of the block links its paper apart
    assert [(r.title, r.links[0]) for r in rows] == [
        ("Data Challenges in Owl Learning", "https://owls.example.org/papers/p1.pdf"),
        ("Checking Owl Data Automatically", "https://arxiv.org/abs/1801.00101"),
        ("Frame-free Owl Vision", "https://uni.example.edu/owls/42"),  # a citation: authors, venue
        ("Validating Owl Data", "https://arxiv.org/abs/1801.00105"),
        ("Owl Flight Dynamics in the Wild", "https://owls.example.org/flight"),
        ("Owl Nests from Above", "https://arxiv.org/abs/2001.00102"),
        ("Owl Songs at Dusk", "https://arxiv.org/abs/2001.00103"),
        ("Calibrating Owls with Bandits", "https://arxiv.org/abs/2111.00104"),
    ]


def test_a_citation_names_its_journal_after_the_quoted_title_italic_or_not():
    text = (
        "### Owl Effects\n"
        "- Stone and Rivers. 2020. “Two-Way Fixed Owl Estimators with Uneven Effects.” "
        "*American Owl Review*.\n"
        "- Vale and Moss. 2022. “A More Credible Approach to Parallel Owls.” Review of Owl "
        "Studies.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year) for r in rows] == [
        ("Two-Way Fixed Owl Estimators with Uneven Effects", "American Owl Review", 2020),
        ("A More Credible Approach to Parallel Owls", "Review of Owl Studies", 2022),
    ]


def test_apa_citations_without_links_are_papers():
    text = (
        "#### Owl Panels\n"
        "- Stone, A., Vale, C., Moss, D. A., & Rivers, B. (2021). Synthetic owls-in-owls. "
        "*American Owl Review*, 111(12), 4088-4118.\n"
        "- Lee, J. D., & Park, B. (2022). Owl labor. *Journal of Owl Economics*, 40(S1), "
        "S97-S140.\n"
        "- Hart, V., Gray, V., & Reed, J. (2018). Double/debiased learning for owls and their\n"
        "  structural nests.\n"
        " - Field, Ann, & Rolf Brook. (2024). \u201dNowcasting owls: what do trees add?\u201d "
        "*Owl Bank Working Papers* 2024-06.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Synthetic owls-in-owls", 2021),
        ("Owl labor", 2022),
        ("Double/debiased learning for owls and their structural nests", 2018),
        ("Nowcasting owls: what do trees add?", 2024),
    ]
    assert [r.venue for r in rows[:2]] == ["American Owl Review", "Journal of Owl Economics"]


def test_an_empty_paper_link_beside_code_still_says_paper():
    text = (
        "## Owls\n\n"
        "[11]Spherical Owls for LiDAR-based Nest Recognition<br>\n"
        "[paper](https://arxiv.org/abs/2303.00111) | [code](https://github.com/x/owlsphere)<br><br>\n\n"
        "[10]OWLTR: Meta Loss Owls for Fine-tuning Video Owl Models<br>\n"
        "[paper]() | [code](https://github.com/x/owltr)<br><br>\n\n"
        "## Tools\n"
        "- [OwlKit](https://github.com/x/owlkit)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.links) for r in rows] == [
        (
            "Spherical Owls for LiDAR-based Nest Recognition",
            ("https://arxiv.org/abs/2303.00111", "https://github.com/x/owlsphere"),
        ),
        ("OWLTR: Meta Loss Owls for Fine-tuning Video Owl Models", ("https://github.com/x/owltr",)),
    ]


def test_two_linked_titles_joined_by_and_are_two_papers():
    text = (
        "## Classic Owl Systems\n"
        "* [The Owl File System](papers/ofs.pdf) (2003) and [Owltable: A Distributed Store for "
        "Nests](papers/owltable.pdf) (2006): Two core parts of the owl stack.\n\n"
        "* [Hoot: A Lookup Service](papers/hoot.pdf) (2001): see [the survey of owls](#survey) "
        "and more.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.links) for r in rows] == [
        ("The Owl File System", 2003, ("papers/ofs.pdf",)),
        ("Owltable: A Distributed Store for Nests", 2006, ("papers/owltable.pdf",)),
        ("Hoot: A Lookup Service", 2001, ("papers/hoot.pdf",)),
    ]


def test_text_typed_after_a_pdf_address_is_not_part_of_it():
    text = (
        "## Owls\n\n"
        '**[1]** Lee, Ann. "**Hooting at scale**." Owl Conf, 2013. '
        "[[pdf]](http://arxiv.org/pdf/1112.00121.pdf&embed)\n\n"
        '**[2]** Moss, Ben. "**A neural owl model**." arXiv (2015). '
        "[[pdf]](http://arxiv.org/pdf/1506.00122.pdf%20(http://arxiv.org/pdf/1506.00122.pdf))\n"
    )
    rows = parse(text).rows
    assert [r.links for r in rows] == [
        ("http://arxiv.org/pdf/1112.00121.pdf",),
        ("http://arxiv.org/pdf/1506.00122.pdf",),
    ]
