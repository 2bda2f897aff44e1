"""Rules of the twelfth round of real lists, each shown on invented papers: a venue and year
before a note in another language, paragraphs that are each a whole reference, numbered
Nature-style references, title-first references with their names after, Harvard references,
italic names after a title, books cited with their publisher, unlinked titled rows in a
paper table, linked titles placed by venue and year, and meetings listed under a heading."""

from __future__ import annotations

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def rows(text: str) -> list[tuple]:
    return [(r.title, r.venue, r.year) for r in parse(text).rows]


def test_a_venue_and_year_before_a_note_in_another_language_leave_the_title():
    """``- Title RecSys 2021 【中文注释】``: the note goes, then the venue and year; a title
    ending in words of its own (``... of SIGIR 2019``) keeps them whole."""
    text = HEAD + (
        "- Silent Wings for Night Recommendation RecSys 2021 【夜间推荐的安静翅膀】\n"
        "- Owl Nests at Scale KDD 2020【大规模猫头鹰巢】\n"
        "- Report on the Owl Track of SIGIR 2019 【报告】\n"
    )
    assert rows(text) == [
        ("Silent Wings for Night Recommendation", "RecSys 2021", 2021),
        ("Owl Nests at Scale", "KDD 2020", 2020),
        ("Report on the Owl Track of SIGIR 2019", None, None),
    ]


def test_paragraphs_that_each_end_a_reference_with_its_year_are_one_paper_each():
    """``Title. Weisz, et al. IUI (2021). [Notes](x.md)`` paragraph after paragraph, a
    reading date before some: three papers, not one whose names are the next paper."""
    text = "# Reading notes\n\n" + (
        "<em>(2022-5-28)</em> Owls Together? An Evaluation of Owl-Supported Hunting. Lee, et al."
        " IUI (2021). [Notes](notes/lee.md)\n\n"
        "Night Flight: intermittent, continuous, and silent. Chen, et al. Owl Interaction (2020)"
        " [Notes](notes/chen.md)\n\n"
        "<em>(2022-2-25 )</em> Are owl calls useful? a case study of barn owls. B. Moss, et al."
        " arXiv preprint arXiv:2007.12248 (2020). [Notes](notes/moss.md)\n"
    )
    found = parse(text).rows
    assert [(r.title, r.year) for r in found] == [
        ("Owls Together? An Evaluation of Owl-Supported Hunting", 2021),
        ("Night Flight: intermittent, continuous, and silent", 2020),
        ("Are owl calls useful? a case study of barn owls", 2020),
    ]
    assert found[2].links == ("https://arxiv.org/abs/2007.12248",)


def test_numbered_nature_references_are_read_past_their_number():
    """``- [x] 9. Lee, A. B. Title. Owl Sci. 181, 223–230 (1973).``: the number is the
    list's, the volume and pages are not the journal's name, ``et al.`` ends the names."""
    text = HEAD + (
        "- [x] 1. Lee, A. B. & Moss, C. Principles that govern the flight of owls."
        " Owl Sci. 181, 223–230 (1973).\n\n"
        "- [x] 2. Chen, D. E. et al. OwlBase: the owl sighting resource in 2020."
        " Nucleic Owls Res. 48, D570–D578 (2019).\n"
    )
    assert rows(text) == [
        ("Principles that govern the flight of owls", "Owl Sci", 1973),
        ("OwlBase: the owl sighting resource in 2020", "Nucleic Owls Res", 2019),
    ]


def test_a_harvard_reference_gives_its_title_whole():
    """``[Lee, M-P. and Moss, C., 2025. Owls Together? A field study of barns. *Owl
    Review*, 13(7), pp.1-9.](doi)``: the names with their year, then the title with its
    subtitle after a question, then the journal; a working paper's number is no title's."""
    text = HEAD + (
        "- [Lee, M-P. and Moss, C., 2025. Owls Together? A field study of barns. *Owl Review*,"
        " 13(7), pp.1–9.](https://doi.org/10.1234/owl.1)\n"
        "- [Chen, N., Park, A. and Wolf, A., 2024. Designing Owl Nests: A Sufficient Approach"
        " (No. w33949). National Bureau of Owl Research.](https://example.org/owl-nests)\n"
    )
    assert [r[:2] for r in rows(text)] == [
        ("Owls Together? A field study of barns", "Owl Review"),
        ("Designing Owl Nests: A Sufficient Approach", "National Bureau of Owl Research"),
    ]


def test_italic_names_after_a_title_are_not_part_of_it():
    """``1. Title, _Ann Lee et al._ arXiv 2023. [[paper](arxiv)]`` and ``Title. _Bo Chen_
    arXiv 2023.``: the title ends before the names; an italic phrase of the title (``... in
    _Owl Segmentation_``) stays."""
    text = HEAD + (
        "1. Owls Are Not Abstract Reasoners, _Ann Lee et al._ arXiv 2023."
        " [[paper](https://arxiv.org/abs/2305.00001)]\n"
        "2. Measuring Owl Knowledge in Large Owl Models. _Bo Chen_ arXiv 2023."
        " [[paper](https://arxiv.org/abs/2306.00002)]\n"
        "3. Knowledge Distillation for Incremental Learning in _Owl Segmentation_."
        " arXiv:1911.00003\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owls Are Not Abstract Reasoners",
        "Measuring Owl Knowledge in Large Owl Models",
        "Knowledge Distillation for Incremental Learning in Owl Segmentation",
    ]
    assert [r.authors for r in parse(text).rows][:2] == ["Ann Lee et al", "Bo Chen"]


def test_a_book_cited_with_its_authors_and_year_is_imported_though_it_links_a_bookshop():
    """``1. [Title](amazon)`` over ``T. Brown, H. Lee. Pearson, 2017``: a book a reading list
    cites; a bookshop link alone, with no names, stays a bookshop's page."""
    text = HEAD + (
        "1. [Owl Chemistry: The Central Science](https://www.amazon.com/Owl-Chemistry/dp/0134414233)\n"
        "    T. Brown, H. Lee, & B. Moss. Pearson, 2017\n"
        "2. [Buy the owl poster](https://www.amazon.com/Owl-Poster/dp/B000000001)\n"
    )
    found = parse(text)
    assert [(r.title, r.year) for r in found.rows] == [("Owl Chemistry: The Central Science", 2017)]
    assert [s.text for s in found.skipped] == ["Buy the owl poster"]


def test_a_paper_table_row_with_a_whole_title_and_no_link_yet_is_a_paper():
    """``| 2026 | Continual Adaptation for Owl Speech Recognition | - | - |`` in a table of
    linked papers: a paper whose link is missing; a model's short name with ``-`` stays out."""
    link = "[![Paper](https://img.shields.io/badge/Paper-blue)](https://arxiv.org/abs/2601.{})"
    text = HEAD + (
        "| Year | Title | Venue | Paper |\n|---|---|---|---|\n"
        "| 2026 | Continual Adaptation for Pacific Owl Speech Recognition | - | - |\n"
        f"| 2026 | Efficient Rehearsal for Owl Hearing | Owl Letters | {link.format('00001')} |\n"
        f"| 2025 | Owl Calls Under Noise | INTERSPEECH | {link.format('00002')} |\n"
        f"| 2025 | Silent Wings in Noisy Forests | ICASSP | {link.format('00003')} |\n"
        "| 2025 | OwlNet | - | - |\n"
    )
    titles = [r.title for r in parse(text).rows]
    assert titles[0] == "Continual Adaptation for Pacific Owl Speech Recognition"
    assert "OwlNet" not in titles


def test_a_linked_title_placed_by_venue_and_year_is_a_paper_but_a_meeting_is_not():
    """``- [Title](project page), IROS 2023.``: a paper by where and when it appeared; under
    ``## Workshops``, ``[The 2nd Workshop on Owls](site), IROS 2023`` is a meeting."""
    text = (
        "# Owl navigation\n\n## Planning\n\n"
        "- A list of owl planners.\n"
        "- (OwlHu) [Toward Owl-Like Robot Navigation: Large-Scale Planning in Crowded Barns]"
        "(https://cs.example.edu/~lee/OwlHu/), IROS 2023.\n"
        "- [OwlSim](https://github.com/lee/owlsim)\n\n"
        "## Workshops\n\n"
        "- [The 2nd Workshop on Owl Navigation: Advances and Evaluation](https://owlnav.dev/),"
        " IROS 2023.\n"
        "- [Unsolved Problems in Owl Navigation](https://unsolvedowls.org/), RSS 2024.\n"
    )
    assert rows(text) == [
        (
            "Toward Owl-Like Robot Navigation: Large-Scale Planning in Crowded Barns",
            "IROS 2023",
            2023,
        )
    ]


def test_an_openreview_link_with_a_slash_typed_after_its_id_gives_the_id():
    """``openreview.net/forum?id=v1f6c7wVBm/``: the identifier without the slash."""
    from delbib.identifiers import extract

    assert extract("https://openreview.net/forum?id=v1f6c7wVBm/") == ["openreview:v1f6c7wVBm"]


def test_names_after_a_semicolon_are_not_part_of_the_title():
    """``1. Title; de Lee et al., 2014 [[Paper](url)]``, ``Title; Moss, M., 2000``, ``Title;
    Gordon and Van Owl; 2013``: who wrote it, after the semicolon; the year is kept."""
    text = HEAD + (
        "1. Universal Owl Dependencies: A cross-species typology; de Marneffe et al., 2014"
        " [[Paper](https://aclanthology.org/L14-1045/)]\n"
        "2. How the Owl Revolution Changes Ornithology; Moss, M., 2000"
        " [[Paper](https://aclanthology.org/W09-0103/)]\n"
        "3. Reporting bias and owl acquisition; Gordon and Van Owl; 2013"
        " [[Paper](https://dl.acm.org/doi/10.1145/2509558.2509563)]\n"
        "4. OwlVe: Global Vectors for Owl Calls; Pennington, Jeffrey et al., 2014"
        " [[Paper](https://aclanthology.org/D14-1162/)]\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Universal Owl Dependencies: A cross-species typology", 2014),
        ("How the Owl Revolution Changes Ornithology", 2000),
        ("Reporting bias and owl acquisition", 2013),
        ("OwlVe: Global Vectors for Owl Calls", 2014),
    ]


def test_vancouver_references_in_paragraphs_are_one_paper_each():
    """Paragraph after paragraph of ``Lee A, Chen B. Title. Owl Res. 2013;152: 327–339.``,
    one author alone too: each a paper, their dates closed by volume and pages."""
    text = "# Reading\n\nOwl reviews\n\n" + (
        "Zeitlinger J. Seven myths of how owls read the night. Curr Opin Owl Biol. 2020;23:"
        " 22–31.\n\n"
        "Kwasnieski JC, Mogno I, Myers CA. Complex effects of owl variants in a barn."
        " Proc Natl Acad Owls. 2012;109: 19498–19503.\n\n"
        "Jolma A, Yan J, et al. Night-Binding Specificities of Barn Owls. Owl Cell."
        " 2013;152: 327–339.\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("Seven myths of how owls read the night", 2020),
        ("Complex effects of owl variants in a barn", 2012),
        ("Night-Binding Specificities of Barn Owls", 2013),
    ]


def test_a_table_names_each_paper_in_the_column_that_links_it():
    """``| OwlBench [[paper](arxiv)] | Empathy | Emotional changes |``, no header naming the
    titles: the linked name is the row's title, not the words describing the criteria; a
    ``[Link]`` to a leaderboard's space is no paper."""
    text = HEAD + (
        "| Benchmark | Focus | Evaluation Criteria |\n|---|---|---|\n"
        "| OwlBench [[paper](https://arxiv.org/abs/2308.03656)] | Empathy ability"
        " | Emotional changes of owls |\n"
        "| NestQA [[paper](https://arxiv.org/abs/2305.08322)] | Nest questions"
        " | Exams in a barn context |\n"
        "| HootEval [[paper](https://arxiv.org/abs/2103.03874)] | Hooting | Mathematical hoot"
        " ability |\n"
        "| OwlLeaderboard [[Link](https://huggingface.co/spaces/owls/leaderboard)] | Chatbots"
        " | Leaderboard rankings of owls |\n"
    )
    found = parse(text).rows
    assert [(r.title, r.kinds) for r in found] == [
        ("OwlBench", ("paper",)),
        ("NestQA", ("paper",)),
        ("HootEval", ("paper",)),
        ("OwlLeaderboard", ("project",)),
    ]


def test_an_unlinked_coined_name_then_its_title_in_full_is_a_paper_but_a_label_is_not():
    """``- OwlNet: Deep Real-time Owl Odometry`` among linked papers: a paper named by its
    coined name and title; ``- NEW: Reasoning Models for Owl Calls`` is a label."""
    text = HEAD + (
        "- [Owl Odometry in Real Time](https://arxiv.org/abs/1901.00001)\n"
        "- OwlNet: Deep Real-time Owl Odometry Revisited\n"
        "- SelfOwlLO: Self-supervised Owl Odometry with Voxel-based Deep Networks\n"
        "- NEW: Reasoning Models for Owl Call Analysis\n"
        "- Owls: see the list below\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Owl Odometry in Real Time",
        "OwlNet: Deep Real-time Owl Odometry Revisited",
        "SelfOwlLO: Self-supervised Owl Odometry with Voxel-based Deep Networks",
    ]


def test_a_block_of_nothing_but_titles_in_full_is_a_reading_list():
    """``1. Measuring and Detecting Fast-Flux Owl Networks<br>`` item after item, unlinked: a
    reading list of papers; a list of topics (``- Owl calls``) or sentences stays out."""
    text = (
        "# Notes\n\n## Owl security:<br>\n"
        "1. Measuring and Detecting Fast-Flux Owl Networks<br>\n"
        "2. Cloudy with a Chance of Owls: Forecasting Barn Incidents<br>\n"
        "3. An Analysis of Using Reflectors for Distributed Owl Attacks<br>\n"
        "4. Inferring Blackholing Activity in the Owl Internet<br>\n\n"
        "## Topics\n\n"
        "- Owl calls\n- Barn layouts\n- Night flights\n\n"
        "## To do\n\n"
        "- Read the papers about owls again this week\n"
        "- Write the summary of the barn study for Monday\n"
        "- Ask the group which owl data set to use\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Measuring and Detecting Fast-Flux Owl Networks",
        "Cloudy with a Chance of Owls: Forecasting Barn Incidents",
        "An Analysis of Using Reflectors for Distributed Owl Attacks",
        "Inferring Blackholing Activity in the Owl Internet",
    ]


def test_a_venue_after_in_closes_the_title():
    """``OwlGPT: A Large Owl Model for Barn Tasks, in arXiv 2023``: the venue and year go."""
    text = HEAD + "- OwlGPT: A Large Owl Model for Barn Science Tasks, in arXiv 2023\n"
    assert rows(text) == [("OwlGPT: A Large Owl Model for Barn Science Tasks", "arXiv 2023", 2023)]
