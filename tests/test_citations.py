"""Plain citations read the way a person reads a reference list (issue 17): the title is the
sentence that is neither the names nor the venue, pages and date, whatever the style; its
closing stop is kept (titles are stored as listed), a comma or quote around it is not.

Every citation is invented; expected values come from reading it.
"""

from __future__ import annotations

import pytest

from delbib.lists import markdown
from delbib.lists.markdown import citation
from delbib.lists.markdown.citation import Citation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # APA, conference paper, the month after the year
            "Moss, K., & Fenwick, T. (2016, March). Quiet routing for sparse owl networks. "
            "In Proceedings of the 9th Symposium on Nocturnal Systems (pp. 12-20).",
            Citation(
                "Quiet routing for sparse owl networks.",
                "Moss, K., & Fenwick, T.",
                "Proceedings of the 9th Symposium on Nocturnal Systems",
                2016,
            ),
            id="apa-proceedings",
        ),
        pytest.param(  # APA, journal article, names cut short with an ellipsis
            "Lark, A., Finch, B. C., ... & Wren, D. (2011). Feather counts in winter. "
            "Journal of Avian Arithmetic, 14(2), 101-119.",
            Citation(
                "Feather counts in winter.",
                "Lark, A., Finch, B. C., ... & Wren, D.",
                "Journal of Avian Arithmetic",
                2011,
            ),
            id="apa-journal",
        ),
        pytest.param(  # ACM reference format: the year after the names
            "Nora Quill and Tomas Reed. 2018. Sparse Maps for Lantern Robots. In Proceedings "
            "of the Workshop on Dim Robotics. 44-51.",
            Citation(
                "Sparse Maps for Lantern Robots.",
                "Nora Quill and Tomas Reed",
                "Proceedings of the Workshop on Dim Robotics",
                2018,
            ),
            id="acm",
        ),
        pytest.param(  # LNCS: names with initials, a colon, the year in brackets at the end
            "Reed, T., Quill, N.: Lantern Planning with Soft Graphs. In: Advances in Dim "
            "Computing, pp. 3-17. Springer (2012)",
            Citation(
                "Lantern Planning with Soft Graphs.",
                "Reed, T., Quill, N.",
                "Advances in Dim Computing",
                2012,
            ),
            id="lncs",
        ),
        pytest.param(  # IEEE: quoted title, the comma inside the quotes, abbreviated venue
            'A. Tern, B. Plover, and C. Gull, "Tidal caching for shore sensors," in Proc. '
            "Int. Conf. Coastal Computing, 2019, pp. 1-8.",
            Citation(
                "Tidal caching for shore sensors",
                "A. Tern, B. Plover, and C. Gull",
                "Proc. Int. Conf. Coastal Computing",
                2019,
            ),
            id="ieee",
        ),
        pytest.param(  # IEEE with the quote left open: the title runs to a known venue
            'K. Dune and L. Sedge. "Wind Shadows on Sandy Owls, IEEE Transactions on Dunes, '
            "3(1): 1-9, May 2004.",
            Citation(
                "Wind Shadows on Sandy Owls",
                "K. Dune and L. Sedge",
                "IEEE Transactions on Dunes",
                2004,
            ),
            id="ieee-open-quote",
        ),
        pytest.param(  # Chicago author-date: the year between names and quoted title
            'Gull, Carla, and Dan Plover. 2014. "Shoreline Memory in Small Birds." Journal '
            "of Coastal Minds 8 (2): 33-50.",
            Citation(
                "Shoreline Memory in Small Birds.",
                "Gull, Carla, and Dan Plover",
                "Journal of Coastal Minds",
                2014,
            ),
            id="chicago",
        ),
        pytest.param(  # MLA: curly quotes, the year late among volume and pages
            "Plover, Dan. “Salt and Signal.” Coastal Review, vol. 3, no. 1, 2010, pp. 5-9.",
            Citation("Salt and Signal.", "Plover, Dan", "Coastal Review", 2010),
            id="mla",
        ),
        pytest.param(  # Vancouver: surnames then initials without stops
            "Heron K, Egret LM, Bittern A. Wading gait analysis with soft sensors. "
            "J Marsh Robot. 2017;4:22-9.",
            Citation(
                "Wading gait analysis with soft sensors.",
                "Heron K, Egret LM, Bittern A",
                "J Marsh Robot",
                2017,
            ),
            id="vancouver",
        ),
        pytest.param(  # the short "Names. Title. VENUE year", initials inside the names
            "Ivy Marsh, Otto J. Fern, and P. Q. Reed. Lantern Graphs for Night Maps. NOCTIS 2015.",
            Citation(
                "Lantern Graphs for Night Maps.",
                "Ivy Marsh, Otto J. Fern, and P. Q. Reed",
                "NOCTIS",
                2015,
            ),
            id="short",
        ),
        pytest.param(  # initials before each surname; the venue after the title's comma
            "A. Finch, B. Lark, and C. Wren. Song Maps in Hedgerows, NOCTIS 2008.",
            Citation("Song Maps in Hedgerows", "A. Finch, B. Lark, and C. Wren", "NOCTIS", 2008),
            id="initials-first",
        ),
        pytest.param(  # surnames first: the last initials close the names
            "Finch, A., Lark, B. C. Song Maps in Hedgerows. Owl Letters, 12, 2008.",
            Citation("Song Maps in Hedgerows.", "Finch, A., Lark, B. C.", "Owl Letters", 2008),
            id="surnames-first",
        ),
        pytest.param(  # one author; the venue closes the title's sentence
            "Ivy Marsh. A Verified Lantern for Moths CACM in 2011.",
            Citation("A Verified Lantern for Moths", "Ivy Marsh", "CACM", 2011),
            id="venue-in-title-sentence",
        ),
        pytest.param(  # the venue first, as a tag
            "PLDI '09. Moth routing under sparse light: a study.",
            Citation("Moth routing under sparse light: a study.", None, "PLDI '09", 2009),
            id="venue-first",
        ),
        pytest.param(
            "Owl Nets for Night. Ann Lee and Bo Chen. NOCTIS 2015.",
            Citation("Owl Nets for Night.", "Ann Lee and Bo Chen", "NOCTIS", 2015),
            id="title-then-names",
        ),
    ],
)
def test_each_reference_style_gives_title_authors_venue_and_year(text, expected):
    assert citation.read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We thank Ann Lee. She wrote the code in 2019.",  # prose
        "Ann Lee. A Story of Owls.",  # no venue, no year: nothing says it is a citation
        "Lantern Maps",
    ],
)
def test_what_is_not_a_citation_line_is_left_to_the_other_readers(text):
    assert citation.read(text) is None


def test_a_task_list_of_citations_reads_each_paper_and_not_its_notes():
    text = (
        "## Reading group\n"
        "- [x] Moss, K. (2016). Quiet routing for sparse owls. Owl Letters, 3(1), 1-9.\n"
        "  - presented by `Ann Lee`, 2021.11.07\n"
        "  - [Slides folder](https://github.com/someone/reading/tree/main/slides)\n"
        '- [ ] A. Tern and B. Plover. "Tidal caching for shore sensors," in Proc. Coastal '
        "Computing, 2019.\n"
        "- [ ] Ivy Marsh. Lantern Graphs for Night Maps. NOCTIS 2015.\n"
    )
    rows = markdown.parse(text, path="list.md").rows
    assert rows[0].date is None  # the day it was presented is not the paper's
    assert [(r.title, r.authors, r.venue, r.year) for r in rows] == [
        ("Quiet routing for sparse owls", "Moss, K.", "Owl Letters", 2016),
        (
            "Tidal caching for shore sensors",
            "A. Tern and B. Plover",
            "Proc. Coastal Computing",
            2019,
        ),
        ("Lantern Graphs for Night Maps", "Ivy Marsh", "NOCTIS", 2015),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ann Lee and Bo Chen, Quiet Routing for Sparse Owl Colonies, NOCTIS, 2015.",
            Citation(
                "Quiet Routing for Sparse Owl Colonies", "Ann Lee and Bo Chen", "NOCTIS", 2015
            ),
        ),
        (  # a title with commas of its own; an arXiv number for its venue
            "Ivy Marsh, Tom van der Berg, Dune, Tide and Reed: Three Cues for Shore Birds, "
            "arXiv:1701.01234",
            Citation(
                "Dune, Tide and Reed: Three Cues for Shore Birds",
                "Ivy Marsh, Tom van der Berg",
                "arXiv",
                None,
            ),
        ),
    ],
)
def test_names_one_by_one_between_commas_then_the_title(text, expected):
    assert citation.commas(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, Bo Chen. Owl Nets for Night, NOCTIS, 2015.",  # the names end at a stop
        "Night Owls and Day Larks, NOCTIS 2015",  # a title, no names
        "Ann Lee, Bo Chen, Cy Moss,",  # names only: the title is on the next line
    ],
)
def test_a_line_that_does_not_name_its_authors_one_by_one_is_not_read_by_commas(text):
    assert citation.commas(text) is None


def test_a_nickname_over_its_citation_is_titled_by_the_citation():
    """``* Owl-Net [[Paper]](url)`` over the citation: the name beside the link words is the
    paper's nickname; the citation under it gives title, names, venue and year. A citation
    on the linked line itself gives its title too, without the names before it."""
    text = (
        "## Vision\n"
        "* Owl-Net [[Paper]](https://arxiv.org/abs/1701.01234) [[Code]](https://github.com/o/n)\n"
        "  * Ann Lee and Bo Chen, Seeing in the Dark with Owl Eyes, NOCTIS, 2016.\n"
        "* Ivy Marsh, Tom Reed, Lantern Maps for Night Walks, BMVC, 2014. "
        "[[Paper]](https://example.org/lantern.pdf)\n"
        "* Heron Sort [[Paper]](https://arxiv.org/abs/1702.04321)\n"
    )
    rows = markdown.parse(text, path="list.md").rows
    assert [(r.title, r.authors, r.venue, r.year) for r in rows[:2]] == [
        ("Seeing in the Dark with Owl Eyes", "Ann Lee and Bo Chen", "NOCTIS", 2016),
        ("Lantern Maps for Night Walks", "Ivy Marsh, Tom Reed", "BMVC", 2014),
    ]
    assert rows[2].title == "Heron Sort"  # no citation under it: the name is all there is


def test_a_nickname_without_links_over_a_linked_citation_is_titled_by_the_citation():
    """``* SONAR`` over ``* Names, Title, VENUE, 2016. [[Paper]](url)`` or an APA citation:
    the short name is a nickname; a quoted title wrapped onto the next line is read on. A
    first line that is a sentence (``Title.``) or a lead-in of names keeps its own reading:
    the line under it is its byline."""
    text = (
        "## Hearing\n"
        "* SONAR\n"
        "  * Ann Lee, Bo Chen, Echo, Pulse and Return: Three Cues for Bats, NOCTIS, 2016. "
        "[[Paper]](https://example.org/sonar.pdf)\n"
        "* Moth Lab / Bat Institute\n"
        "  * Moss, K., & Tern, A. (2017). Quiet Wings for Night Flight. arXiv:1705.01234. "
        "[[Paper]](https://arxiv.org/abs/1705.01234)\n"
        "* Owl Institute [[Paper](https://example.org/hoot.pdf)]\n"
        '  * Ann Lee, Bo Chen, and Cy Moss, "Hooting Rhythms of Barn Owls\n'
        '    under a Full Moon", NOCTIS, 2015\n'
        "* Listening to Caves.\n"
        "  * Ivy Marsh, Tom Reed, and Cy Moss. arXiv, 2018. "
        "[[pdf]](https://arxiv.org/pdf/1801.04321.pdf)\n"
    )
    rows = markdown.parse(text, path="list.md").rows
    assert [r.title for r in rows] == [
        "Echo, Pulse and Return: Three Cues for Bats",
        "Quiet Wings for Night Flight",
        "Hooting Rhythms of Barn Owls under a Full Moon",
        "Listening to Caves",
    ]


def test_one_name_before_a_colon_is_the_author_when_the_title_holds_the_nickname():
    text = (
        "## Owls\n"
        "* Barn Owl Nets\n"
        "  * Ann Lee: Deep Barn Owl Nets for Night Flight. NOCTIS, 2001. "
        "[[Paper]](https://example.org/barn.pdf)\n"
        "* Owl Survey\n"
        "  * Night Vision: A Survey of Owls. NOCTIS, 2003. "
        "[[Paper]](https://example.org/survey.pdf)\n"
    )
    rows = markdown.parse(text, path="list.md").rows
    assert rows[0].title == "Deep Barn Owl Nets for Night Flight"
    assert (
        citation.named_colon("Night Vision: A Survey of Owls. NOCTIS, 2003.", "Owl Survey") is None
    )
    assert rows[1].title != "A Survey of Owls"  # "Night Vision" is no author here


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Owl Nets for Night Ann Lee, Bo Chen, Cy D. Moss, NOCTIS, 2016",
            Citation("Owl Nets for Night", "Ann Lee, Bo Chen, Cy D. Moss", "NOCTIS", 2016),
        ),
        ("Owl Nets for Night Ann Lee, Bo Chen", None),  # nothing says the names end there
        ("Night Owls, Day Larks, Dawn Wrens, NOCTIS 2016", None),  # no name glued to a title
    ],
)
def test_a_title_run_into_its_first_authors_name(text, expected):
    assert citation.glued(text) == expected
