"""Works written as a heading over a byline, and papers written as labelled fields.

Invented lists in the spirit of annotated reading lists (``### Title`` / ``Ann Lee,`` /
``Journal of Owls 3 (2002).`` / notes with sub-headings) and of reading notes that label
each paper's fields (``**Title**: ...``, ``论文题目：...``, ``Abstract: ...``).
"""

from __future__ import annotations

from tests.listread import parse, titles

READING_LIST = """# Owl reading

## Field studies

### Owl Calls in the Night: A Field Study
Ann Lee, Bo Chen,
Journal of Owl Research 12 (2003) 45-67.

[pdf][lee03]

Notes on it; I wrote [Owl Kit](https://github.com/x/owlkit) after reading it.

#### Methods

* Counting owls at dusk
* Counting owls at dawn

#### Choice quotes

Owls call more in winter than in summer, and more at dusk than at dawn.

### Hooting as Signal
Dan Park,
Owl Letters, Vol. 3, No. 2, May 2010

[pdf][park10]

## Notes on Owl Feeders
Eve Stone,
Eve's Owl Diary,
March 3, 2015

[html][stone15]

### Feeders at Scale: A Survey
Gus Hill,
Proceedings of the 4th Symposium on Owl Care, 2016.

[lee03]: https://uni.example.edu/~lee/owls.pdf
[park10]: https://uni.example.edu/~park/hoot.pdf
[stone15]: https://evestone.example.org/2015/03/03/notes-on-owl-feeders/
"""


def test_a_heading_over_a_byline_is_one_work_titled_by_the_heading():
    rows = {row.title: row for row in parse(READING_LIST).rows}
    owl = rows["Owl Calls in the Night: A Field Study"]
    assert (owl.authors, owl.year) == ("Ann Lee, Bo Chen", 2003)
    # the notes' link leads to a tool, not to the work
    assert owl.links == ("https://uni.example.edu/~lee/owls.pdf",)
    # a volume and number in the byline never stand for the title
    assert rows["Hooting as Signal"].year == 2010


def test_the_notes_sub_headings_name_no_papers_and_no_categories():
    found = parse(READING_LIST)
    assert not {"Methods", "Choice quotes"} & {row.title for row in found.rows}
    assert all(row.categories in ((), ("Field studies",)) for row in found.rows)


def test_a_deeper_heading_over_a_byline_is_a_work_of_its_own():
    # "### Feeders at Scale" sits under the "## Notes on Owl Feeders" work: its own byline
    # makes it a second work, not a note of the first
    assert "Feeders at Scale: A Survey" in titles(READING_LIST)


def test_a_blog_post_by_its_permalink_is_no_paper_whatever_its_link_word():
    # "[html]" to a /2015/03/03/slug/ address: a post, as blog engines name them
    assert "Notes on Owl Feeders" not in titles(READING_LIST)


def test_a_book_over_its_byline_is_a_work_without_a_link():
    text = (
        "## Books\n\n### The Barn Owl Handbook\nCarla Moss,\nFeather Press,\n1999.\n\nLiked it.\n"
    )
    assert titles(text) == ["The Barn Owl Handbook"]


def test_a_topic_heading_over_references_is_not_a_work():
    text = (
        "#### Owl counting\n"
        "- Lee, A., & Chen, B. (2021). Counting owls at dusk. *Owl Review*, 3(2), 1-9.\n"
        "- Moss, C. (2019). Owl census methods. *Journal of Owls*, 7, 10-20.\n"
    )
    assert titles(text) == ["Counting owls at dusk", "Owl census methods"]


def test_a_heading_over_prose_naming_people_is_not_a_work():
    text = (
        "## Owl Feeders in Practice\n"
        "Ann Lee and Bo Chen kindly reviewed this page.\n\n"
        "- [Feeder Placement for Barn Owls](https://arxiv.org/abs/2101.00001)\n"
    )
    assert titles(text) == ["Feeder Placement for Barn Owls"]


NOTES_IN_CHINESE = """# 猫头鹰论文笔记

## 2021.03

### [1]猫头鹰检测

**论文题目**：Owl Detection with Deep Feathers

**摘要**：我们提出了一种检测猫头鹰的方法。

**个人总结**：详细的分析见：https://blog.example.cn/owl/123

### [2] 论文题目：Unsupervised Owl Counting Across
Night Scales

论文摘要：一种新的计数方法。

### [3]夜间计数

题目：Counting Owls by Their Calls
"""


def test_a_title_label_names_a_paper_without_a_link():
    assert titles(NOTES_IN_CHINESE) == [
        "Owl Detection with Deep Feathers",
        "Unsupervised Owl Counting Across Night Scales",  # wrapped onto the next line
        "Counting Owls by Their Calls",
    ]


def test_a_link_in_a_summary_field_is_the_notes_not_the_papers():
    row = parse(NOTES_IN_CHINESE).rows[0]
    assert row.links == ()


def test_a_heading_over_one_labelled_paper_describes_it_and_names_no_category():
    # "### [1]猫头鹰检测" ("owl detection") stands over one paper's fields: that paper's heading
    assert parse(NOTES_IN_CHINESE).rows[0].categories == ()


def test_a_numbered_topic_heading_names_its_category_without_the_number():
    text = (
        "### [1]猫头鹰检测\n\n"
        "- [Owl Detection with Deep Feathers](https://arxiv.org/abs/2101.00003)\n"
        "- [Owl Counting at Dusk](https://arxiv.org/abs/2101.00004)\n"
    )
    assert {row.categories for row in parse(text).rows} == {("猫头鹰检测",)}


def test_english_field_blocks_give_one_paper_each():
    text = (
        "## Papers\n\n"
        "Title: Owl Calls as Graph Signals\n"
        "Authors: Ann Lee, Bo Chen\n"
        "Venue: NeurIPS 2021\n"
        "Abstract: We study owls. More in my post at https://example.org/blog/owls\n\n"
        "Title: Sparse Hooting Models\n"
        "Authors: Carla Moss\n"
        "Venue: ICML 2020\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Owl Calls as Graph Signals", "Ann Lee, Bo Chen", 2021),
        ("Sparse Hooting Models", "Carla Moss", 2020),
    ]
    assert rows[0].links == ()


def test_bold_title_fields_in_bullets():
    text = (
        "## Reading\n\n"
        "- **Paper title**: Owl Calls as Graph Signals\n"
        "  - **Authors**: Ann Lee, Bo Chen\n"
        "  - **Venue**: NeurIPS 2021\n"
        "- **Título**: Modelos de Ululato Escasos\n"
        "  - **Paper**: [arXiv](https://arxiv.org/abs/2001.00001)\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == ["Owl Calls as Graph Signals", "Modelos de Ululato Escasos"]
    assert rows[1].links == ("https://arxiv.org/abs/2001.00001",)


def test_a_paper_label_before_a_link_word_gives_no_title():
    text = "## Owls\n\n- **Owl Calls as Graph Signals**\n  - Paper: [arXiv](https://arxiv.org/abs/2101.00002)\n"
    assert titles(text) == ["Owl Calls as Graph Signals"]


def test_a_byline_may_be_labelled_or_led_by_by():
    text = (
        "## Owls\n\n"
        "### Owl Calls in the Night\n"
        "**Authors**: Ann Lee, Bo Chen\n"
        "**Venue**: NeurIPS 2021\n\n"
        "Some notes.\n\n"
        "### Sparse Hooting Models\n"
        "By Carla Moss (2019)\n\n"
        "#### Key ideas\n"
        "- sparse hoots\n"
    )
    rows = parse(text).rows
    assert [r.title for r in rows] == ["Owl Calls in the Night", "Sparse Hooting Models"]
    assert (rows[0].authors, rows[0].venue, rows[1].year) == (
        "Ann Lee, Bo Chen",
        "NeurIPS 2021",
        2019,
    )


def test_a_labelled_title_ends_where_its_link_words_start():
    text = (
        "## Owls\n\n"
        "Title: Owl Calls as Graph Signals [[pdf]](https://uni.example.edu/owl.pdf)\n"
        "Authors: Ann Lee\n\n"
        "Titel: Eulenrufe in der Nacht\n"
        "Autoren: Dan Park\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors) for r in rows] == [
        ("Owl Calls as Graph Signals", "Ann Lee"),
        ("Eulenrufe in der Nacht", "Dan Park"),
    ]
    assert rows[1].venue is None  # the authors' field is no venue


def test_a_byline_line_of_names_then_venue_gives_each_its_part():
    text = (
        "## Owls\n\n"
        "#### Owl Calls in the Night: A Field Study\n"
        "*Sidney Moss*, Journal of Owl Research, 2003\n\n"
        "> Notes about it.\n\n"
        "#### Hooting as Signal\n"
        "Dan Park and Eve Stone — Owl Letters (2010)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Owl Calls in the Night: A Field Study", "Sidney Moss", 2003),
        ("Hooting as Signal", "Dan Park and Eve Stone", 2010),
    ]
    assert rows[0].venue != "Sidney Moss"  # the names in italics are no journal


def test_a_heading_over_prose_led_by_a_capitalised_phrase_is_not_a_work():
    text = (
        "# What is Owl Watching?\n"
        "*Automated Owl Watching* (AutoOwl) gives methods to watch owls without an expert, "
        "to count them faster and to see them at night, as the field has asked since 2015 "
        "when the first cameras were set up in barns across the country.\n\n"
        "## Papers\n\n"
        "- [Owl Counting at Dusk](https://arxiv.org/abs/2101.00004)\n"
    )
    assert titles(text) == ["Owl Counting at Dusk"]


def test_field_bullets_after_a_title_bullet_are_that_papers():
    text = (
        "## Owls\n\n"
        "- Title: Owl Calls as Graph Signals\n"
        "- Authors: Ann Lee, Bo Chen\n"
        "- Link: https://arxiv.org/abs/2101.00001\n\n"
        "- Title: Sparse Hooting Models\n"
        "- Authors: Carla Moss\n"
        "- Link: https://arxiv.org/abs/2101.00002\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.links) for r in rows] == [
        ("Owl Calls as Graph Signals", "Ann Lee, Bo Chen", ("https://arxiv.org/abs/2101.00001",)),
        ("Sparse Hooting Models", "Carla Moss", ("https://arxiv.org/abs/2101.00002",)),
    ]
    assert parse(text).skipped == []


def test_a_labelled_title_after_a_summary_line_opens_its_paper():
    text = (
        "<details><summary>Owl Calls</summary>\n\n"
        "Title: Owl Calls as Graph Signals<br>\n"
        "Authors: Ann Lee<br>\n"
        "Venue: ICLR 2022\n\n"
        "</details>\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.authors, r.year) for r in rows] == [
        ("Owl Calls as Graph Signals", "Ann Lee", 2022)
    ]


def test_a_topic_heading_over_unlinked_dated_titles_is_not_a_work():
    """Two bullets each ending in "(Venue Year)" are two works, linked or not; the heading
    over them names their topic, it is no paper's title."""
    text = (
        "## Papers\n\n### Nest / Egg Counting\n\n"
        "- Counting owl eggs from drone footage at dusk (ICRA 2018) [link]\n"
        "- A loss for nest spotting in forest videos (CVPR 2021) "
        "[[link](https://arxiv.org/abs/2101.00001)]\n"
    )
    assert titles(text) == [
        "Counting owl eggs from drone footage at dusk",
        "A loss for nest spotting in forest videos",
    ]


def test_labelled_fields_dated_under_a_linked_heading_stay_that_papers():
    text = (
        "### [Owl Calls Predict Owl Moods](https://arxiv.org/abs/2201.00002)\n"
        "- **Summary:** Owls hoot more at dusk than at dawn, a result shown at ICML 2022.\n"
        "- **Comments:** Beats the owl mood baseline from NeurIPS 2021 on every census.\n"
    )
    assert titles(text) == ["Owl Calls Predict Owl Moods"]


def test_names_pasted_with_runs_of_spaces_are_the_bylines_not_a_paper():
    """A title as a bare bullet, then a sub-bullet of names pasted from a journal page (runs
    of spaces for commas, a Unicode hyphen, a long name with a middle initial) and the link:
    one paper, titled by the bullet."""
    text = (
        "### Owls\n"
        "* Counting owls from the air with deep networks\n"
        "  * Ann B. Lee  Bo C. Ortiz\u2010Moss  Rosa T. Maria Costa Lima  Dan E. Fox. "
        "https://besjournals.onlinelibrary.wiley.com/doi/full/10.1111/2041-210X.13011\n"
    )
    assert titles(text) == ["Counting owls from the air with deep networks"]
