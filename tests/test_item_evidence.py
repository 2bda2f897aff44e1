"""What tells a paper from a non-paper (issue 17, round 3): a conference's paper page, a title
whose link is broken, a link its writer calls a paper, and the evidence a person uses to skip
news, blog posts, books and databases.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists import markdown
from delbib.lists.markdown import evidence


def parse(text: str) -> markdown.ParsedList:
    return markdown.parse(text, path="list.md")


def titles(text: str) -> list[str]:
    return [row.title for row in parse(text).rows]


def test_a_conference_page_for_one_paper_is_a_paper_link():
    # a heading titled by its paper's link: a NeurIPS-style poster page names one paper, as an
    # arXiv link does; the conference's tutorial page does not
    text = (
        "## Owl Detection\n\n"
        "### [Owl Density: Counting Owls in Semantic Space](https://arxiv.org/abs/2405.00071)\n"
        "- **Metrics:** AUROC\n"
        "- **Datasets:** OwlQA\n\n"
        "### [Owl Entropy: Measuring Hoots in Latent Space](https://neurips.cc/virtual/2024/"
        "poster/99901)\n"
        "- **Metrics:** AUPR\n"
        "- **Datasets:** NestBench\n\n"
        "### [Owls for Beginners](https://icml.cc/virtual/2024/tutorial/99902)\n"
        "- **Metrics:** none\n"
        "- **Datasets:** none\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.links) for r in rows] == [
        ("Owl Density: Counting Owls in Semantic Space", ("https://arxiv.org/abs/2405.00071",)),
        (
            "Owl Entropy: Measuring Hoots in Latent Space",
            ("https://neurips.cc/virtual/2024/poster/99901",),
        ),
    ]
    assert [row.kinds for row in rows] == [("paper",), ("paper",)]


def test_a_linked_title_whose_link_is_broken_is_a_paper_like_its_siblings():
    # "2024 - [Title](s41467-...)": the site was left out of the address; the item is written
    # the way every paper around it is, so it is a paper without a usable link
    text = (
        "## Introduction\n\n"
        "- 2024 - [Owls Predict the Weather](https://doi.org/10.1234/owl.2024.1)\n"
        "- 2024 - [Nesting Habits of Urban Owls](https://arxiv.org/abs/2401.00081)\n"
        "- 2024 - [Prospective Owl Design with Deep Hoot Learning](s41467-099-00001-x)\n"
        "- 2023 - [Owls at Night: A Survey](https://doi.org/10.1234/owl.2023.2)\n"
        "- [Back to the Top of the List](#introduction)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.links) for r in rows] == [
        ("Owls Predict the Weather", 2024, ("https://doi.org/10.1234/owl.2024.1",)),
        ("Nesting Habits of Urban Owls", 2024, ("https://arxiv.org/abs/2401.00081",)),
        ("Prospective Owl Design with Deep Hoot Learning", 2024, ()),
        ("Owls at Night: A Survey", 2023, ("https://doi.org/10.1234/owl.2023.2",)),
    ]


def test_a_broken_link_alone_does_not_make_a_paper():
    # outside a list of papers, or unlike its siblings (no year), a dead link is no evidence
    text = (
        "## Tools\n\n"
        "- [Owl Toolkit for Counting](tools/owlkit.md): counts owls.\n"
        "- [Hoot Recorder Deluxe](tools/hoot.md): records hoots.\n"
    )
    assert titles(text) == []


def test_an_item_whose_link_its_writer_calls_a_paper_is_a_paper_among_tools():
    # among tools and prose, "[[paper]]" beside a title of several words says paper, even when
    # the journal page carries no identifier; a bare "[[pdf]]" or a one-word tool does not
    text = (
        "### Structure prediction\n\n"
        "This category is divided into sub-categories.\n\n"
        "**Highly Accurate Owl Structure Prediction with Hootfold** "
        "[[github](https://github.com/x/hootfold)][[paper](https://www.nature.com/articles/"
        "s41586-099-00001-2)]\n\n"
        "This one needs no introduction: the owl folding method everyone uses, described at "
        "length in the paper above and followed by many others.\n\n"
        "**OpenHoot** [[github](https://github.com/x/openhoot)]\n\n"
        "A reimplementation of Hootfold in another framework, useful for training.\n\n"
        "**HootKit** [[github](https://github.com/x/hootkit)]\n\n"
        "**Owl Viewer** [[github](https://github.com/x/owlviewer)]\n\n"
        "**NestDB Client** [[github](https://github.com/x/nestdb)]\n\n"
        "**Owl Nest Markup Format** [[pdf](https://uni.example.edu/handbook/onmf.pdf)]\n\n"
        "**MiniHoot** [[github](https://github.com/x/minihoot)][[paper](https://www.nature.com/"
        "articles/s41586-099-00002-3)]\n"
    )
    parsed = parse(text)
    assert [row.title for row in parsed.rows] == [
        "Highly Accurate Owl Structure Prediction with Hootfold"
    ]
    counts = parsed.skipped_counts()
    assert counts[evidence.DOCUMENT] == 1  # the markup format's handbook
    assert counts[evidence.NAME] == 1  # MiniHoot: a tool's name linking its paper
