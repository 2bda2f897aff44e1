"""Rules made after the twelfth round's held-out and blind lists were measured (reported apart
from the design), each shown on invented papers: paragraphs of linked titles under a label
inside a list item, names and venue in one italic span, a quote that ends a title, a bold
venue tag, a paper link left as ``nan``, a bold first part of a title after a venue tag, and
the page owner's bold name among a reference's authors."""

from __future__ import annotations

from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_linked_titles_indented_under_a_label_are_papers_of_their_own():
    """``- Query-based owls`` then paragraphs ``[Title](arxiv)`` indented under it: each a
    paper filed under the label, not one item citing many."""
    text = HEAD + (
        "  - Query-based owls\n\n"
        "    [OWLM: Retrieval-Augmented Owl Model Pre-Training](https://arxiv.org/abs/2002.08909)\n\n"
        "    [Self-Owl: Learning to Retrieve and Hoot](https://arxiv.org/abs/2310.11511)\n\n"
        "    [When Owl Models Meet a Private Barn](https://arxiv.org/abs/2210.17236)\n"
    )
    found = parse(text).rows
    assert [(r.title, r.categories[-1]) for r in found] == [
        ("OWLM: Retrieval-Augmented Owl Model Pre-Training", "Query-based owls"),
        ("Self-Owl: Learning to Retrieve and Hoot", "Query-based owls"),
        ("When Owl Models Meet a Private Barn", "Query-based owls"),
    ]


def test_names_and_venue_in_one_italic_span_end_the_title():
    """``1. Title, *Jung Kim et al, Arxiv.* [pdf](url)``: the title ends before the span."""
    text = HEAD + (
        "1. Iterative Owl Encoder-Decoder Network for Barn Segmentation,"
        " *Jung Uk Kim et al, Arxiv.* [pdf](https://arxiv.org/pdf/1708.03431v1.pdf)\n"
        "1. Anatomically Constrained Owl Networks, *Ozan Oktay et al, IEEE TMI.*"
        " [pdf](https://arxiv.org/pdf/1705.00001.pdf)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "Iterative Owl Encoder-Decoder Network for Barn Segmentation",
        "Anatomically Constrained Owl Networks",
    ]


def test_a_quote_that_ends_a_title_and_a_bold_venue_tag_are_the_titles_and_not():
    """``- Owl Models for Barn Localization Can Be "Lost in the End".  **`OWLSE 2025`**``: the
    quote ends the title; ``**`Owlware 2024`**`` is where it appeared; ``[[Paper](nan)]``
    promises a paper beside the code."""
    text = HEAD + (
        '- Owl Models for In-Barn Localization Can Be "Lost in the End".  **`OWLSE 2025`**'
        " [[Paper](https://dl.acm.org/doi/abs/10.1145/3715758)]\n"
        "- OFEPT: Owl Flow Embedding for Pre-Trained Barn Detection.  **`Owlware 2024`**"
        " [[Paper](https://dl.acm.org/doi/abs/10.1145/3671016.3671388)]"
        " [[Code](https://github.com/owl/ofept)]\n"
        "- OLAP: A Deep Owl Augmented Prompting framework for barn detection.  **`JSS 2024`**"
        " [[Paper](nan)] [[Code](https://github.com/owl/olap)]\n"
    )
    assert [r.title for r in parse(text).rows] == [
        'Owl Models for In-Barn Localization Can Be "Lost in the End"',
        "OFEPT: Owl Flow Embedding for Pre-Trained Barn Detection",
        "OLAP: A Deep Owl Augmented Prompting framework for barn detection",
    ]


def test_a_bold_first_part_of_a_title_after_a_venue_tag_takes_the_rest_after_its_colon():
    """``- (CVPR 24') **An Owl is Worth 256 Bases**: Spatial Owl Inversion for Barns, *Li et
    al.*``: the bold opening, its colon, the rest of the title; the names after it are not."""
    text = HEAD + (
        "- (CVPR 24') **An Owl is Worth 256 Bases**: Spatial-Temporal Owl Inversion for Barn"
        " Editing, *Li et al.*\n"
        '    - <a href="https://arxiv.org/abs/2312.05856">arXiv</a>\n'
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("An Owl is Worth 256 Bases: Spatial-Temporal Owl Inversion for Barn Editing", 2024)
    ]


def test_the_page_owners_bold_name_among_the_authors_is_no_title():
    """``**Ryan, O.** & Hamaker, E.L. (2021) Title. *Journal*. [DOI: ...](doi)``: the bold
    name is the page owner's among the authors; it never becomes the title."""
    text = HEAD + (
        "**Ryan, O.** & Hamaker, E.L. (2021) Time to Intervene: A Continuous-Time Approach to"
        " Owl Networks. *Owlometrika*. [DOI: 10.1007/s11336-021-09767-0]"
        "(https://doi.org/10.1007/s11336-021-09767-0) [[R-package]](https://github.com/owl/ct)\n"
    )
    titles = [r.title for r in parse(text).rows]
    assert titles and "Ryan, O." not in titles


def test_a_linked_title_opening_the_line_wins_over_bold_notes_after_it():
    """``- [Title](doi) — Lee et al., *Venue*, 2026. **PR · Systematic roadmap · Tags: owls.**
    Finding``: the linked title is the paper's; the bold words are the list's notes on it."""
    text = HEAD + (
        "- [A Roadmap for Modern Owl Review: Challenges and Opportunities]"
        "(https://doi.org/10.1145/3800963) — Lee et al., *ACM Transactions on Owls*, 2026."
        " **PR · Systematic roadmap · NEW · Tags: taxonomy, owls, future research.**"
        " Consolidates research on owl review.\n"
        "- [Owl Review Automation: Strengths and Weaknesses](https://doi.org/10.1109/TSE.2024.1)"
        " — Chen et al., *IEEE Transactions on Owls*, 2024. **PR · Controlled experiment ·"
        " Tags: automation, owls.** Compares tools.\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "A Roadmap for Modern Owl Review: Challenges and Opportunities",
        "Owl Review Automation: Strengths and Weaknesses",
    ]


def test_a_sentence_with_bold_words_over_a_list_is_no_title_of_the_list():
    """``Views from **a single image** based on **3D owls**.`` then ``- `[CVPR 2024]` Title
    [[paper]](url)`` items: the sentence introduces the papers; it holds none of them."""
    text = "# Owl photography\n\n## Single image\nViews from **a single input image** based on" + (
        " **3D owls**.\n"
        "- `[arXiv 2024]` OwlWarp: Single Image to Novel Owl Views [[paper]]"
        "(https://arxiv.org/abs/2405.17251) :leaves:\n"
        "- `[CVPR 2024]` OwlJourney: Going from Anywhere to Every Barn [[paper]]"
        "(https://arxiv.org/abs/2312.03884)\n"
    )
    assert [r.title for r in parse(text).rows] == [
        "OwlWarp: Single Image to Novel Owl Views",
        "OwlJourney: Going from Anywhere to Every Barn",
    ]


def test_a_table_cell_of_titles_each_over_its_authors_line_holds_a_paper_each():
    """``| 2024 | [**Title A**](pdf)<br>Ann Lee (Owl U), Bo Chen (Barn U)<br>[**Title B**](pdf)<br>
    Cy Moss (Owl U), Di Park (Nest U) |``: two papers, each with its authors."""
    text = HEAD + (
        "| Year | Paper |\n|---|---|\n"
        "| 2024 | [**OWLZENE: A Practical Root Cause Analysis of Owl Mutations**]"
        "(https://owls.example.org/a.pdf)<br>Ann Lee (Owl University), Bo Chen (Barn University)"
        "<br> [**Shedding Light on Owl Scoring Inconsistencies**](https://arxiv.org/pdf/2308.15259)"
        "<br>Cy Moss (Owl University), Di Park (Nest University) |\n"
        "| 2023 | [**Owl Attacks and a Proof for Barns**](https://owls.example.org/b.pdf)"
        "<br>Eve Diaz (Owl University), Fay Wolf (Barn University) |\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("OWLZENE: A Practical Root Cause Analysis of Owl Mutations", 2024),
        ("Shedding Light on Owl Scoring Inconsistencies", 2024),
        ("Owl Attacks and a Proof for Barns", 2023),
    ]


def test_a_track_after_the_venue_leaves_the_title():
    """``- OwlNet-ST: All-in-One Owl Translation Toolkit, ACL-2020 Demo, [[paper]](url)``."""
    text = HEAD + (
        "- OwlNet-ST: All-in-One Owl Translation Toolkit, ACL-2020 Demo,"
        " [[paper]](https://arxiv.org/pdf/2004.10234)\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("OwlNet-ST: All-in-One Owl Translation Toolkit", 2020)
    ]
