"""What tells a paper from a non-paper (issue 17, round 3): a conference's paper page, a title
whose link is broken, a link its writer calls a paper, and the evidence a person uses to skip
news, blog posts, books and databases.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists.markdown import evidence, linkwords

from .listread import parse, titles


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


def test_items_of_a_section_that_names_what_it_lists_are_not_papers():
    # "### Academic conferences": conference names linking conference sites (one on a host
    # that also serves papers); a paper listed there with its year or identifier stays
    text = (
        "## Papers\n\n"
        "* Owl Consensus Made Simple, OSDI 2014 [[pdf](https://owls.example.org/simple.pdf)]\n"
        "* Fast Owl Replication, NSDI 2016 [[pdf](https://owls.example.org/fast.pdf)]\n\n"
        "### Academic conferences & symposiums\n"
        "* [Networked Owl Systems Design and Implementation (NOSDI)]"
        "(https://www.usenix.org/conference/nosdi20)\n"
        "* [Symposium on Owl Computing (SOC)](https://soc2020.example.org)\n"
        "* Owl Best Paper: Nesting at Scale, SOC 2019 [[pdf](https://owls.example.org/n.pdf)]\n\n"
        "### Blogroll\n"
        "* [The Owl Trail](https://www.owl-trail.example.org) by Ann Lee\n"
        "* [Hoots from the Field](https://hoots.example.org/archive/) by Bo Chen\n\n"
        "### Datasets\n"
        "* [OwlSet](https://owlset.example.org/download)\n"
        "* [NestSet: A Benchmark of Owl Nests](https://arxiv.org/abs/2301.00091)\n"
    )
    parsed = parse(text)
    assert [row.title for row in parsed.rows] == [
        "Owl Consensus Made Simple",
        "Fast Owl Replication",
        "Owl Best Paper: Nesting at Scale",
        "NestSet: A Benchmark of Owl Nests",
    ]
    # the conferences and datasets sections hold a paper each, so their sites would be taken
    # for papers (one on a host that serves papers) but for their headings; the blogroll's
    # sites are web pages outside a paper list anyway
    kinds = parsed.skipped_counts()
    assert kinds["item of a section of conferences (no identifier or year)"] == 2
    assert kinds["item of a section of datasets (no identifier or year)"] == 1
    assert kinds[evidence.WEB_PAGE] == 2


def test_news_books_and_engineering_posts_are_not_papers_in_a_list_of_papers():
    # a book's reference list: "YEAR - [Title](url)"; the address tells a person what each is
    text = (
        "## References\n\n"
        "- 2024 - [Owls Learn to Count](https://doi.org/10.1234/owl.2024.3)\n"
        "- 2023 - [Hooting at Scale](https://arxiv.org/abs/2301.00101)\n"
        "- 2024 - [Nest Graphs for Owls](https://arxiv.org/abs/2401.00102)\n"
        "- 2021 - [Owl Vision Transformers](https://arxiv.org/abs/2101.00103)\n"
        "- 2020 - [Counting Feathers](https://doi.org/10.1234/owl.2020.4)\n"
        "- 2019 - [Owls in the Wild](https://arxiv.org/abs/1901.00104)\n"
        "- 2018 - [Night Flight Models](https://doi.org/10.1234/owl.2018.5)\n"
        "- 2022 - [Owl Priors](https://www.owlsociety.example.org/proceedings/owl-priors)\n"
        "- 2024 - [The Owl Boom Is Here](https://www.theguardian.com/science/2024/may/01/owls)\n"
        "- 2025 - [Owl Lab Opens Its Doors](https://home.owl-lab.example.org/news/official-news/"
        "owl-lab-opens)\n"
        "- 2011 - [Hooting, Fast and Slow](https://www.amazon.de/-/en/Hooting-Fast-Slow/dp/"
        "0141000000)\n"
        "- 2019 - [Invisible Owls](https://www.goodreads.com/book/show/41100000-invisible-owls)\n"
        "- 2025 - [Building Effective Owl Agents](https://www.owlcorp.example.com/engineering/"
        "building-effective-owl-agents)\n"
    )
    parsed = parse(text)
    assert [row.title for row in parsed.rows] == [
        "Owls Learn to Count",
        "Hooting at Scale",
        "Nest Graphs for Owls",
        "Owl Vision Transformers",
        "Counting Feathers",
        "Owls in the Wild",
        "Night Flight Models",
        "Owl Priors",  # a society's page for a paper: nothing says it is not one
    ]
    kinds = parsed.skipped_counts()
    assert kinds[evidence.NEWS_ARTICLE] == 2
    assert kinds[evidence.BOOK] == 2
    assert kinds[evidence.BLOG] == 1


def test_a_paper_linked_beside_its_news_or_its_book_page_stays_a_paper():
    # evidence from one link is not enough when another link is the paper or a plain page
    text = (
        "## Papers\n\n"
        "- [Owls Learn to Count](https://arxiv.org/abs/2401.00111) "
        "[[news](https://www.nytimes.com/2024/01/02/science/owls-count.html)]\n"
        "- Designing Owl-Intensive Applications, Book 2017 [[website](https://owlbook.example.net)"
        ",[amazon](https://www.amazon.com/Designing-Owl-Intensive/dp/1449300000)]\n"
        "- [Nest Graphs for Owls](https://arxiv.org/abs/2401.00112)\n"
    )
    assert titles(text) == [
        "Owls Learn to Count",
        "Designing Owl-Intensive Applications",
        "Nest Graphs for Owls",
    ]


def test_a_name_linking_a_sites_front_page_and_a_library_book_are_not_papers():
    # a site's front page named by a name or a resource ("... Database") is the site; a
    # paper's project page on a front page is titled by the paper, and a cited one stays
    text = (
        "## Data\n\n"
        "- 2024 - [Owls Learn to Count](https://doi.org/10.1234/owl.2024.3)\n"
        "- 2023 - [Hooting at Scale](https://arxiv.org/abs/2301.00101)\n"
        "- 2024 - [Nest Graphs for Owls](https://arxiv.org/abs/2401.00102)\n"
        "- 2021 - [Owl Vision Transformers](https://arxiv.org/abs/2101.00103)\n"
        "- 2020 - [Counting Feathers](https://doi.org/10.1234/owl.2020.4)\n"
        "- 2019 - [Owls in the Wild](https://arxiv.org/abs/1901.00104)\n"
        "- 2024 - [Owl Crawl](https://owlcrawl.example.org)\n"
        "- 2019 - [Owl Nest Materials Database](https://www.owlnests.example.org/home)\n"
        "- 2002 - [Molecular Biology of the Owl](https://www.ncbi.nlm.nih.gov/books/NBK00001/)\n"
        "- 2023 - [OwlNeRF: Neural Owl Fields for Night Vision](https://owlnerf.github.io)\n"
        "- **OwlSet++: Owls for Visibility Dataset** *Ann Lee, Bo Chen* RA-L 2022 "
        "[[web](https://owlset.example.org/)]\n"
    )
    parsed = parse(text)
    assert [row.title for row in parsed.rows] == [
        "Owls Learn to Count",
        "Hooting at Scale",
        "Nest Graphs for Owls",
        "Owl Vision Transformers",
        "Counting Feathers",
        "Owls in the Wild",
        "OwlNeRF: Neural Owl Fields for Night Vision",
        "OwlSet++: Owls for Visibility Dataset",
    ]
    kinds = parsed.skipped_counts()
    assert kinds[evidence.SITE] == 2
    assert kinds[evidence.BOOK] == 1


def test_a_news_or_book_site_is_matched_by_its_whole_name():
    # "ft.com" is a newspaper, "microsoft.com" is not; a host under a site counts as it
    assert linkwords.is_news_url("https://www.ft.com/content/owls-0001")
    assert linkwords.is_news_url("https://edition.cnn.com/2024/05/01/owls")
    assert not linkwords.is_news_url("https://www.microsoft.com/en-us/research/project/owls/")
    assert not linkwords.is_news_url("https://anytime.example.com/owls")
    assert linkwords.is_book_url("https://www.goodreads.com/book/show/100-owls")
    assert not linkwords.is_book_url("https://mygoodreads.com/owls")


def test_an_unlinked_list_of_dated_titles_cites_papers_written_alike():
    """No item links a paper; most close with "(Venue Year)". An item closed by a year alone
    or by a venue no lexicon knows is written the same way: a paper too. A bare line with no
    year is not."""
    text = (
        "### Flight forecasting\n\n"
        "- Predicting Owl Flight Paths over Open Fields (ICML 2017)\n"
        "- Graph Networks for Interacting Owls (NeurIPS 2018)\n"
        "- Learning Owl Moves from Partial Views (ICLR 2019)\n"
        "- OwlNet: Double Attentive Networks for Owl Trajectories (2020)\n"
        "- OwlBall: A Deep Owl Detector (OWLCONF 2019)\n"
        "- Owl flight notes\n"
    )
    assert titles(text) == [
        "Predicting Owl Flight Paths over Open Fields",
        "Graph Networks for Interacting Owls",
        "Learning Owl Moves from Partial Views",
        "OwlNet: Double Attentive Networks for Owl Trajectories",
        "OwlBall: A Deep Owl Detector",
    ]


def test_a_publishers_page_for_a_whole_book_is_a_book_whatever_its_doi():
    """``/book/`` and an ISBN (bare or in a DOI) name one whole book; a chapter of a
    proceedings volume is a part that may be a paper."""
    assert linkwords.is_book_url("https://link.springer.com/book/10.1007/978-3-030-11111-1")
    assert linkwords.is_book_url("https://www.springer.com/gp/book/9783030222222")
    assert not linkwords.is_book_url(
        "https://link.springer.com/chapter/10.1007/978-3-030-11111-1_7"
    )
    text = (
        "## Reading\n\n"
        "- Owl Flight Analysis: https://link.springer.com/book/10.1007/978-3-030-11111-1 "
        "フクロウの本\n"
        "- Counting Owls at Dusk with Deep Networks "
        "https://link.springer.com/chapter/10.1007/978-3-030-11111-1_7\n"
        "- Tracking Owls over Open Fields https://arxiv.org/abs/2101.00003\n"
    )
    assert titles(text) == [
        "Counting Owls at Dusk with Deep Networks",
        "Tracking Owls over Open Fields",
    ]
