"""Item shapes met in the fifth round of real lists, each shown on invented papers."""

from __future__ import annotations

import pytest

from delbib.lists.markdown import dates
from tests.listread import parse, titles

HEAD = "# Owl Papers\n\n## Flight\n\n"


def test_a_linked_title_followed_by_its_authors_and_venue_is_a_paper_whatever_it_links():
    """``[Title](project page), Lee et al., ECCV 2020``: a reference, though its link leads to
    a project page and no item of the block links a paper."""
    text = HEAD + (
        "- [Owl Fields: Representing Roosts as Radiance Fields](https://owls.example.org/fields)"
        ", Lee et al., ECCV 2020 | [github](https://github.com/owl/fields)\n"
        "- [Hoot Primitives with a Multiresolution Hash](https://owl.github.io/hoot/), "
        "Ann Chen, Bo Park and Cy Diaz, SIGGRAPH 2022\n"
        "- [Nesting Scenes from Monocular Owls](https://owls.example.org/nest), Ng et al., 2021\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Owl Fields: Representing Roosts as Radiance Fields", "Lee et al.", 2020),
        ("Hoot Primitives with a Multiresolution Hash", "Ann Chen, Bo Park and Cy Diaz", 2022),
        ("Nesting Scenes from Monocular Owls", "Ng et al.", 2021),
    ]


def test_a_linked_page_without_authors_stays_a_page_outside_a_paper_list():
    """A linked name with a year but no authors (``[Owl Tools](site), 2023``) says nothing of a
    paper; nor does one name before a year (``- Lilian Owl (2023)``, a post's writer)."""
    text = HEAD + (
        "- [Owl Tools for Everyone](https://owls.example.org/tools), 2023\n"
        "- [Notes on Owl Flight Today](https://owls.example.org/notes) - Lilian Owl (2023)\n"
    )
    assert titles(text) == []


def test_a_paper_linked_to_a_blog_post_about_it_is_cited_by_its_authors_and_venue():
    text = HEAD + (
        "- [Owl Textures: Neural Reflectance of Feathers]"
        "(https://owls.example.com/blog/owl-textures/), Baatz et al., CVPR 2021\n"
        "- [Owl Dataset](https://owls.example.com/2020/11/24/owl-dataset/): "
        "Lee, A., Chen, B., [Learning to Detect Owls. NeurIPS 2020](#lee20)\n"
    )
    assert titles(text) == ["Owl Textures: Neural Reflectance of Feathers"]


@pytest.mark.parametrize(
    ("href", "paper"),
    [
        ("https://www.jstor.org/stable/2235829", True),
        ("https://academic.oup.com/qje/article/138/1/1/6750017", True),
        ("https://academic.oup.com/qje", False),  # the journal's own page
        ("https://www.cambridge.org/core/journals/owl-review", False),
    ],
)
def test_a_publishers_article_page_is_a_paper_link_its_journal_page_is_not(href, paper):
    text = HEAD + f"- [Sequential Tests of Owl Hypotheses]({href}) - Wald\n"
    assert (titles(text) == ["Sequential Tests of Owl Hypotheses"]) is paper


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Wald (1945)", 1945),
        ("Shannon, 1948.", 1948),
        ("arXiv 1912", 2019),  # YYMM: December 2019, not the year 1912
        ("1899", None),
    ],
)
def test_classic_years_are_years_and_earlier_four_digits_a_year_and_month(text, year):
    assert dates.year_in(text) == year


def test_an_emoji_shortcode_typed_onto_a_word_is_an_emoji():
    text = HEAD + (
        "- [Ha-Owl:laughing:: Hallucinated Owls in the Wild](https://arxiv.org/abs/2111.00001)\n"
        "- [Owls at 10:30:00 and Later](https://arxiv.org/abs/2111.00002)\n"
    )
    assert titles(text) == [
        "Ha-Owl: Hallucinated Owls in the Wild",
        "Owls at 10:30:00 and Later",
    ]


def test_a_quoted_linked_title_between_its_authors_and_venue_is_a_paper():
    """``Lee, Ann, et al. ["Title."](repository page), CCS, 2023``: an MLA reference whose
    title links a library's page."""
    text = HEAD + (
        '- Lee, Ann, et al. ["Owlgx: Detecting Owl Pointers via Symbolic Flight"]'
        "(https://owls.example.edu/bitstreams/4fb7/download), CCS, 2023\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.venue, r.year) for r in rows] == [
        ("Owlgx: Detecting Owl Pointers via Symbolic Flight", "Lee, Ann, et al", "CCS", 2023)
    ]


def test_symbols_of_text_stay_in_titles_pictographs_go():
    text = HEAD + (
        "- [Owl Fields for 360° Views at 40℃ © Owls](https://arxiv.org/abs/2111.00003) ★\n"
        "- ⭐ [Owls Seen from Afar 🦉](https://arxiv.org/abs/2111.00004)\n"
    )
    assert titles(text) == ["Owl Fields for 360° Views at 40℃ © Owls", "Owls Seen from Afar"]
