"""Rules of the sixth round of real lists, each shown on invented papers: general readings
(what trails a title, who wrote it, which links are papers), not one list's shape."""

from __future__ import annotations

import pytest

from delbib.lists.markdown import fields, lexicon
from delbib.lists.markdown.inline import Link
from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


@pytest.mark.parametrize(
    ("listed", "title", "venue", "year"),
    [
        ("Owl Flight in the Dark, 2020,", "Owl Flight in the Dark", None, 2020),
        ("Owl Flight in the Dark. OWLJ'2020", "Owl Flight in the Dark", "OWLJ", 2020),
        ("Owl Flight in the Dark, FMOW, 2016, ,", "Owl Flight in the Dark", "FMOW", 2016),
        ("Owl Flight in the Dark, ESEC/FSE, 2022,", "Owl Flight in the Dark", "FSE", 2022),
        ("Do Owls Fly in the Dark? arxiv'2021", "Do Owls Fly in the Dark?", "arxiv", 2021),
        ("Owl Flight in the Dark, TACAS 2021", "Owl Flight in the Dark", "TACAS", 2021),
    ],
)
def test_a_venue_and_year_after_the_title_are_taken_off_it(listed, title, venue, year):
    """After a comma or a full stop, an acronym with its year (``PRL'2020``, ``FMSD, 2016``),
    known to the lexicon or not, or a year alone, says where and when the paper appeared."""
    assert lexicon.strip_title(listed) == (title, venue, year)


@pytest.mark.parametrize(
    "listed",
    ["Deep Learning for COVID 2019", "Owls of 2020", "Owl Flight in the Dark (Extended)"],
)
def test_words_of_the_title_stay(listed):
    assert lexicon.strip_title(listed)[0] == listed


def test_numbered_citations_with_a_trailing_venue_read_their_titles():
    text = HEAD + (
        "1. A Survey of Owl Navigation Methods, 2020, [paper](https://dl.acm.org/doi/10.1145/1.2)\n"
        "2. Owl-Guided Model Checking, OWLC, 2021, [paper](https://owls.example.org/c.pdf)\n"
        "3. Fuzzing Owl Nests at Scale. NEST'2019 [[paper]](https://arxiv.org/abs/1901.00001)\n"
    )
    assert [(r.title, r.year) for r in parse(text).rows] == [
        ("A Survey of Owl Navigation Methods", 2020),
        ("Owl-Guided Model Checking", 2021),
        ("Fuzzing Owl Nests at Scale", 2019),
    ]


def test_authors_before_a_colon_are_not_the_title():
    """``Ann Lee, et al.: Title. VENUE 2015.``: who wrote it, then its title."""
    text = HEAD + (
        "* Ann Lee, et al.: A Neural Model of Owl Calls. EMNLP 2015.\n"
        "* Bo Chen et al.: Owl Flight Revisited. ACL 2016.\n"
    )
    assert titles(text) == ["A Neural Model of Owl Calls", "Owl Flight Revisited"]


def test_a_names_only_reference_to_an_entry_elsewhere_is_not_a_paper():
    """``[Posch et al. JSSC 2011](#posch11)``: who wrote a paper listed further down."""
    text = HEAD + (
        "- [Owl Eyes: A Night Sensor](https://arxiv.org/abs/1901.00002), OWLS 2019\n"
        "- **Sensor** [(Owl Retina), Posch et al. JSSC 2011](#posch11),\n"
    )
    assert titles(text) == ["Owl Eyes: A Night Sensor"]


def test_labelled_paragraphs_after_a_title_paragraph_are_its_fields():
    """``**Title:** [..](..)`` then ``**Authors:** ...`` and ``**Journal Info:** ...`` as
    paragraphs of their own: one paper, not a paper and two records of names."""
    record = (
        "**Title:** [{t}](https://owls.example.org/{n})\n\n"
        "**Authors:** {a}, et al.\n\n"
        "**Journal Info:** Owl Communications, October 2019\n\n"
        "**Description:** This paper compared nine owl trackers.\n\n---\n\n"
    )
    text = HEAD + "".join(
        record.format(t=t, n=n, a=a)
        for t, n, a in (
            ("A Systematic Evaluation of Owl Trackers", 1, "Ann Lee"),
            ("Benchmarking Nest Detection Pipelines", 2, "Bo Chen"),
        )
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("A Systematic Evaluation of Owl Trackers", 2019),
        ("Benchmarking Nest Detection Pipelines", 2019),
    ]
    assert all("et al" in (r.authors or "") for r in rows)


@pytest.mark.parametrize(
    "url",
    [
        "https://pubmed.ncbi.nlm.nih.gov/30726870/",
        "https://www.ncbi.nlm.nih.gov/pubmed/12351577",
        "https://europepmc.org/article/MED/30726870",
        "https://www.mdpi.com/2076-3417/13/14/8122",
        "https://jamanetwork.com/journals/jama/fullarticle/2588763",
        "https://www.aaai.org/ocs/index.php/AAAI/AAAI17/paper/view/14806",
        "https://ui.adsabs.harvard.edu/abs/2022ApJ...925..186D",
        "https://www.isca-speech.org/archive/interspeech_2019/li19_interspeech.html",
        "https://osf.io/preprints/psyarxiv/abcde",
    ],
)
def test_a_scholarly_index_page_is_a_paper_link(url):
    assert fields.link_kind(Link("Owl Flight in the Dark", url)) == fields.PAPER


@pytest.mark.parametrize(
    "url",
    ["https://www.mdpi.com/journal/owls", "https://osf.io/owlteam/", "https://dblp.org/pid/1/2"],
)
def test_a_scholarly_site_s_other_pages_are_not(url):
    assert fields.link_kind(Link("Owl Flight in the Dark", url)) == fields.PROJECT
