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
    [
        "https://www.mdpi.com/journal/owls",
        "https://osf.io/owlteam/",
        "https://dblp.org/rec/conf/owls/Lee21",  # a record of the paper, not the paper
    ],
)
def test_a_scholarly_site_s_other_pages_are_not(url):
    assert fields.link_kind(Link("Owl Flight in the Dark", url)) == fields.PROJECT


@pytest.mark.parametrize(
    "label", ["[7 Jun 2021]", "arXiv 26 Sep 2019", "OwlSc2019", "OWLC'22", "June 3rd, 2020"]
)
def test_a_date_written_as_link_words_is_never_a_title(label):
    """``Title [[7 Jun 2021]](arxiv)``: the link's words say when the paper appeared; the
    title is the plain text before it, and the date gives the year."""
    text = HEAD + f"- Owl Flight in the Dark [[{label}]](https://arxiv.org/abs/2106.02377)\n"
    rows = parse(text).rows
    assert [r.title for r in rows] == ["Owl Flight in the Dark"]
    assert rows[0].year in (2019, 2020, 2021, 2022)


@pytest.mark.parametrize("words", ["Owls 2021", "Deep Owl Learning", "Owl2Vec"])
def test_words_with_a_year_are_not_a_date(words):
    assert not fields.is_resource_text(words) or words == "Owls 2021"
    text = HEAD + f"- [{words}: Nesting at Night](https://arxiv.org/abs/2106.02377)\n"
    assert titles(text) == [f"{words}: Nesting at Night"]


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        (
            "Owl Adaptation with Covariate and",
            "Label Shift Alignment",
            "Owl Adaptation with Covariate and Label Shift Alignment",
        ),
        (
            "Scale-aware Owl Detection Network",
            "for Cross-dataset Nest Detection",
            "Scale-aware Owl Detection Network for Cross-dataset Nest Detection",
        ),
    ],
)
def test_a_plain_title_wrapped_onto_the_next_line_is_read_whole(first, second, title):
    """GitHub shows a soft line break as a space: a phrase cut after "and", or going on with
    "for ...", is one title up to its links."""
    text = HEAD + f"- {first}\n{second} [[ICCV 2019]](https://arxiv.org/abs/1910.10320)\n"
    assert titles(text) == [title]


def test_a_line_of_authors_under_a_plain_title_is_not_its_end():
    text = HEAD + (
        "- Owl Adaptation in the Wild\n  Ann Lee, Bo Chen [[pdf]](https://owls.example.org/a.pdf)\n"
    )
    assert titles(text) == ["Owl Adaptation in the Wild"]


def test_a_short_bold_name_after_the_linked_title_the_line_opens_with_is_a_name():
    """``*[Title](pdf)*, EMNLP 2018 | **OwlWOZ 2.0** | en``: the bold words name the data set
    the paper made; the title is the link the line opens with."""
    text = HEAD + (
        "* *[OwlWOZ - A Multi-Domain Owl-of-Oz Dataset](https://aclanthology.org/D18-1547.pdf)*"
        " , EMNLP 2018 | **OwlWOZ 2.0** | en | [[Dataset](https://github.com/owl/woz)]\n"
        "* *[Fair Evaluation of Owl Tracking](https://aclanthology.org/2022.acl-short.35.pdf)*,"
        " ACL 2022 | **Flexible Owl Accuracy**\n"
    )
    assert titles(text) == [
        "OwlWOZ - A Multi-Domain Owl-of-Oz Dataset",
        "Fair Evaluation of Owl Tracking",
    ]


def test_a_full_title_under_a_short_name_is_the_title():
    """``**Hoot** [[Paper](arxiv)] @OwlLab`` / ``<br/> Hoot: a Visual Owl Model (NeurIPS
    2022)``: the name, then the paper's full title on the next line."""
    text = HEAD + (
        "  * **Hoot** [[Paper](https://arxiv.org/abs/2204.14198)] @OwlLab\n"
        "    <br/> Hoot: a Visual Owl Model for Few-Shot Hooting (NeurIPS 2022)\n\n"
        "  * **OwlV2 (Empirical)** [[Paper](https://arxiv.org/abs/2209.01540)]"
        "[[Code](https://github.com/owl/v2)] @OwlLab\n"
        "  <br/> An Empirical Study of End-to-End Owl Transformers (CVPR 2023)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [
        ("Hoot: a Visual Owl Model for Few-Shot Hooting", 2022),
        ("An Empirical Study of End-to-End Owl Transformers", 2023),
    ]


@pytest.mark.parametrize(
    "below",
    [
        "Ann Lee, Bo Chen and Cy Diaz",  # names
        "Ann Lee, Owl Flight at Night, arXiv:1411.07386",  # a citation, names first
        "Owl Team. Technical Report'24",  # sentences
        "a short note on how owls fly at night",  # notes in lower case
    ],
)
def test_what_is_not_a_title_under_a_short_name_leaves_the_name(below):
    text = HEAD + f"* **Hoot Net** [[Paper](https://arxiv.org/abs/2204.14198)]\n  <br/> {below}\n"
    assert titles(text) == ["Hoot Net"]


@pytest.mark.parametrize(
    "url",
    [
        "http://owls.example.org/afirm2019/slides/16.%20Owl%20Talk.pdf",
        "https://owls.example.org/talks/owl-flight.pdf",
        "https://owls.example.org/files/owl-flight-slides.pdf",
    ],
)
def test_a_talk_s_slides_are_not_a_paper_though_a_pdf(url):
    assert fields.link_kind(Link("Owl Flight at Spotify", url)) == fields.PROJECT
    assert fields.link_kind(Link("paper", url)) == fields.PAPER  # its writer says so


@pytest.mark.parametrize(
    "url",
    [
        "https://neurips.cc/virtual/2024/poster/95598",
        "https://www.usenix.org/conference/usenixsecurity21/presentation/owl",
        "https://owls.example.org/papers/owl-flight.pdf",
    ],
)
def test_a_paper_s_conference_pages_stay_papers(url):
    assert fields.link_kind(Link("Owl Flight at Night", url)) == fields.PAPER


def test_a_short_name_in_brackets_before_the_title_is_where_it_appeared():
    """``[[Owl Neurodynamics](springer)] Title.`` among ``[[OWLC](url)] Title``: the bracketed
    name tags the title with its journal, known to the lexicon or not."""
    text = HEAD + (
        "- [[OWLC](https://owls.example.org/a.pdf)] Binary Owl Networks for Night Vision\n"
        "- [[Owl Neurodynamics](https://link.springer.com/article/10.1007/s11571-022-09927-7)]"
        " Pruning and quantization of owl networks in memristors.\n"
        "- [[IEEE J. Owl Circuits](https://ieeexplore.ieee.org/document/8226999/)] [66:fire:]"
        " Hoot Memory: A Single-Chip Owl Accelerator\n"
    )
    assert [r.title.rstrip(".") for r in parse(text).rows] == [
        "Binary Owl Networks for Night Vision",
        "Pruning and quantization of owl networks in memristors",
        "Hoot Memory: A Single-Chip Owl Accelerator",
    ]


def test_a_bracketed_title_followed_by_its_authors_stays_the_title():
    text = HEAD + (
        "[[Meta Learning Owl Hierarchies](https://arxiv.org/abs/1710.09767)] "
        "[[blog](https://owls.example.org/blog/x)] Lee et al., 2017 @ OwlLab, Berkeley.\n\n"
        "[[Programmable Owls](https://arxiv.org/abs/1706.06383)] Lee and Chen, 2017 @ OwlMind\n"
    )
    assert titles(text) == ["Meta Learning Owl Hierarchies", "Programmable Owls"]


def test_a_pdf_on_an_ftp_server_is_a_paper():
    link = Link("Locally Optimized Owls", "ftp://ftp.owls.example.org/pub/owls.pdf")
    assert fields.link_kind(link) == fields.PAPER


def test_papers_listed_a_line_each_under_a_topic_are_papers_of_their_own():
    """``6. Owl Protocols <br />`` then ``i. Title, 2019, [paper](url) <br />`` lines: each line
    is a paper; the topic line is none, and a topic with one paper gives that paper."""
    text = HEAD + (
        "4. Owl Side Channels <br />\n"
        "   i. QHoot: Quantitative Hooting for Side Channels, OWLS, 2021,"
        " [paper](https://dl.acm.org/doi/10.1145/3460319.3464817) <br />\n"
        "5. Owl Protocols <br />\n"
        "   i. A Survey on Verifying Owl Protocols, 2019,"
        " [paper](https://link.springer.com/article/10.1007/s12927-019-0003-8) <br />\n"
        "   ii. Towards formal verification of owl calls: A Review, 2020,"
        " [paper](https://owls.example.org/b.pdf) <br />\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.line) for r in rows] == [
        ("QHoot: Quantitative Hooting for Side Channels", 2021, 5),  # the item, one paper
        ("A Survey on Verifying Owl Protocols", 2019, 8),
        ("Towards formal verification of owl calls: A Review", 2020, 9),
    ]


def test_citations_nested_under_a_nickname_are_each_a_paper():
    """``* Owl Nets`` over ``* Ann Lee, Bo Chen, Title, arXiv:... [[Paper]](url)`` sub-items:
    every citation is a paper, names spaced or not."""
    text = HEAD + (
        "* Owl Vision Lab\n"
        "  * Ann Lee, Bo Chen, Learning Owl Deconvolution for Segmentation, arXiv:1505.04366."
        " [[Paper]](http://arxiv.org/pdf/1505.04366)\n"
        "  * Bo Chen,Cy Diaz,\tAnn Lee, and\tDi Ng, Decoupled Owl Networks for Segmentation,"
        " arXiv:1506.04924. [[Paper]](http://arxiv.org/pdf/1506.04924)\n"
    )
    assert titles(text) == [
        "Learning Owl Deconvolution for Segmentation",
        "Decoupled Owl Networks for Segmentation",
    ]


def test_a_paper_s_own_notes_under_it_stay_its_notes():
    """Under a paper's own first line, lines that link other works are its notes."""
    text = HEAD + (
        "* Owl Consensus as a Network Service, Tech Report 2018 [[pdf](https://owls.example.org/"
        "p.pdf)]\n"
        "  * Owl Consensus is also evaluated in The Case For Owls On Demand"
        " [[pdf](https://owls.example.org/q.pdf)]\n"
    )
    assert titles(text) == ["Owl Consensus as a Network Service"]


def test_numbered_lines_tagged_with_their_venue_are_a_paper_each():
    """A paragraph of ``24[AAAI 2020] Title`` lines (hard breaks, no links): each line cites
    its paper by venue and year, known to the lexicon or not (``[OWLM 2020]``)."""
    text = HEAD + (
        "24[AAAI 2020] Temporally Grounding Owl Queries in Videos  \n"
        "25[OWLM 2020] Owl Retrieval via Cross-Modal Hooting Networks  \n"
        "26[TOWL2022] Moment is Important: Owl Retrieval via Hooting:o:  \n"
    )
    rows = parse(text).rows
    assert [(r.title, r.venue, r.year, r.line) for r in rows] == [
        ("Temporally Grounding Owl Queries in Videos", "AAAI 2020", 2020, 5),
        ("Owl Retrieval via Cross-Modal Hooting Networks", "OWLM", 2020, 6),
        ("Moment is Important: Owl Retrieval via Hooting", "TOWL", 2022, 7),
    ]


@pytest.mark.parametrize(
    ("text", "venue"),
    [("Owl Flight [OWLM 2020]", ("OWLM", 2020)), ("(TOWL2022) Owl Flight", ("TOWL", 2022))],
)
def test_a_dated_acronym_set_apart_names_the_venue(text, venue):
    assert lexicon.venue_in(text) == venue


@pytest.mark.parametrize("text", ["Owls in 2020", "Owl Flight (2020)", "OWL flight 2020"])
def test_a_year_alone_names_no_venue(text):
    assert lexicon.venue_in(text) == (None, None)


@pytest.mark.parametrize(
    "item",
    [
        "[Slides: Owl Checking of Transition Systems](https://owls.example.org/owl.pdf)",
        "[Owl Checking (Stanford lecture)](https://owls.example.org/lec.pdf)",
        "[Tutorial : Deeper Owl Conversations](https://owls.example.org/t.pdf), OWLS 2020",
    ],
)
def test_a_title_that_says_it_is_a_talk_is_no_paper(item):
    text = HEAD + f"- {item}\n- [Owl Flight in the Dark](https://arxiv.org/abs/1901.00001)\n"
    assert titles(text) == ["Owl Flight in the Dark"]


def test_a_talk_s_title_with_an_identifier_is_the_paper_s():
    text = HEAD + "- [Tutorial: Owl Replication in Nests](https://doi.org/10.1145/1.2)\n"
    assert titles(text) == ["Tutorial: Owl Replication in Nests"]


def test_an_affiliation_column_is_never_the_title_column():
    """``| Checker | Ref | Affiliation |`` with tool names: the long words are where the tool
    was made; no row is a paper titled by them."""
    text = HEAD + (
        "| Checker | Ref | Affiliation |\n| --- | --- | --- |\n"
        "| OWLBMC | [paper](https://doi.org/10.1007/978-3-540-24730-2_15)"
        " | Queen Owl U. London, UK |\n"
        "| HOOTER | [paper](https://doi.org/10.1007/978-3-642-22110-1_16) | Owl Munich, Germany |\n"
    )
    assert all("London" not in t and "Munich" not in t for t in titles(text))


def test_an_html_table_cut_by_blank_lines_is_still_one_table_of_rows():
    """GitHub renders ``<table>`` whose rows are set apart by blank lines as one table, though
    each blank line ends an HTML block: every row is read as a row."""
    text = HEAD + (
        "<table>\n<thead>\n<tr><th>Paper</th><th>Idea</th></tr>\n</thead>\n\n"
        '<tr>\n<td><a href="https://arxiv.org/abs/1412.6572">Explaining and Harnessing Owl'
        " Examples</a></td>\n<td>Add a small hoot</td>\n</tr>\n\n"
        '<tr>\n<td><a href="https://arxiv.org/abs/1607.02533">Adversarial Owls in the Physical'
        " World</a></td>\n<td>Iterate the hoot</td>\n</tr>\n</table>\n\n"
        "Some words after the table.\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.shape) for r in rows] == [
        ("Explaining and Harnessing Owl Examples", "html table row"),
        ("Adversarial Owls in the Physical World", "html table row"),
    ]


def test_a_journal_and_year_as_link_words_after_a_title_are_its_venue():
    """``Title [[Owl Letters 2021]](doi)``: the link is the paper's, its words where it
    appeared; the plain words before it are the title."""
    text = HEAD + (
        "- Universal Owl Adaptation by Style [[Owl Letters 2023]]"
        "(https://link.springer.com/article/10.1007/s10489-023-04731-0)\n"
        "- Multi-level Owl Detection with Adversarial Nets [[Owlcomputing 2021]]"
        "(https://arxiv.org/abs/2006.15954) [[Pytorch]](https://github.com/owl/nets)\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year, r.kinds[0]) for r in rows] == [
        ("Universal Owl Adaptation by Style", 2023, "paper"),
        ("Multi-level Owl Detection with Adversarial Nets", 2021, "paper"),
    ]


def test_a_title_wrapped_before_its_venue_tag_reads_whole():
    text = HEAD + (
        "- Domain-invariant Owl Learning using Adaptive Filter\n"
        "Decomposition [[ICCV 2019]](https://arxiv.org/abs/1909.12345)\n"
    )
    assert titles(text) == ["Domain-invariant Owl Learning using Adaptive Filter Decomposition"]


def test_a_page_s_front_matter_is_not_the_list():
    """A Jekyll page (``---`` / ``layout: archive`` / ``# title: "..."`` / ``---``) keeps its
    metadata apart, as GitHub shows it: its commented title is no heading over the papers."""
    text = (
        '---\nlayout: archive\n# title: "The Owl Reading List"\npermalink: /owls/\n---\n\n'
        "{% include base_path %}\n\n## Owl Reading List\n\n### Interconnect\n"
        '1. Lee, Ann, and Bo Chen. ["The high-radix owl network."](https://dl.acm.org/doi/abs/'
        "10.1145/1150019.1136488) ACM Owl News 34, no. 2 (2006): 16-28.\n"
        '1. Diaz, Cy. ["Slim owl: A low-diameter nest topology."](https://ieeexplore.ieee.org/'
        "abstract/document/7013016) In SC'14 (2014).\n"
    )
    rows = parse(text).rows
    assert [(r.title.rstrip("."), r.line) for r in rows] == [
        ("The high-radix owl network", 12),
        ("Slim owl: A low-diameter nest topology", 13),
    ]


def test_an_acronym_ending_a_title_of_acronyms_is_the_title_s_own():
    text = HEAD + (
        "- [Owl forecasting with neural networks: a comparison of long short-term memory (LSTM),"
        " convolutional networks (CNNs), and non-linear autoregressive owls with exogenous"
        " input (NARX)](https://owls.example.org/a.pdf)\n"
    )
    assert titles(text)[0].endswith("exogenous input (NARX)")


def test_a_title_linked_to_nothing_among_linked_titles_is_a_paper():
    """``- [Title]()``: a link its writer left without a target, in a list of linked papers."""
    text = HEAD + (
        "- [Owl Flight in the Dark](https://arxiv.org/abs/1901.00001)\n"
        "- [A Deep Owl Architecture for Conservative Hooting Systems]()\n"
        "- [Nesting Owls at Scale](https://arxiv.org/abs/1901.00002)\n"
    )
    assert titles(text) == [
        "Owl Flight in the Dark",
        "A Deep Owl Architecture for Conservative Hooting Systems",
        "Nesting Owls at Scale",
    ]


def test_a_bracketed_tag_after_a_plain_title_is_never_the_title():
    text = HEAD + (
        "- TarOwl: Generating target owls for unsupervised adaptation [[Owl-Based Systems]]()\n"
        "- Confidence Regularized Owl Training [[OWLC2019 Oral]](https://arxiv.org/abs/1908.09822)\n"
    )
    assert titles(text) == [
        "TarOwl: Generating target owls for unsupervised adaptation",
        "Confidence Regularized Owl Training",
    ]


def test_a_figure_caption_naming_its_source_is_no_paper():
    text = HEAD + (
        "* Owl Net [[Paper]](https://owls.example.org/owl.pdf)\n"
        "  * Ann Lee, Bo Chen, Owl Classification with Deep Owls, OWLS, 2012.\n"
        "* ![fig](https://owls.example.org/fig.png)\n"
        "  (from Ann Lee, Bo Chen, Owl Classification with Deep Owls, OWLS, 2012.)\n"
    )
    assert titles(text) == ["Owl Classification with Deep Owls"]


def test_a_cell_spanning_several_rows_names_their_group_not_a_title():
    text = HEAD + (
        '<table>\n<tr>\n<th rowspan="2"><sub><strong>Gradient-based</strong></sub></th>\n'
        '<td><a href="https://arxiv.org/abs/1412.6572">Explaining and Harnessing Owl'
        ' Examples</a></td>\n</tr>\n<tr>\n<td><a href="https://arxiv.org/abs/1607.02533">'
        "Adversarial Owls in the Physical World</a></td>\n</tr>\n</table>\n"
    )
    assert titles(text) == [
        "Explaining and Harnessing Owl Examples",
        "Adversarial Owls in the Physical World",
    ]


def test_a_linked_venue_field_leaves_the_title_field_the_title():
    """``**2016-09** | Title | *Author* | [Owl Research](doi)``: the link is the venue's field."""
    text = HEAD + (
        "- **2016-09** | The Next Era: Deep Learning in Owl Research | *Ann Lee* |"
        " [Owl Research](https://dx.doi.org/10.1007/s11095-016-2029-7)\n"
        "- **2015-03** | Owl Calls as Graph Signals | *Bo Chen* |"
        " [OWLS 2015](https://arxiv.org/abs/1503.00001)\n"
    )
    assert titles(text) == [
        "The Next Era: Deep Learning in Owl Research",
        "Owl Calls as Graph Signals",
    ]


def test_a_name_with_its_authors_and_year_in_parentheses_is_the_name():
    """``[Admix (Wang et al., 2021)](arxiv)``: a method named, then who wrote it and when."""
    text = HEAD + (
        "| Attack | Main Idea |\n| --- | --- |\n"
        "| [Hoot (Lee et al., 2021)](https://arxiv.org/abs/2102.00436) | Mix owls with owls |\n"
        "| [Owl-FGSM (Chen and Diaz, 2015)](https://arxiv.org/abs/1412.6572) | Add a hoot |\n"
    )
    rows = parse(text).rows
    assert [(r.title, r.year) for r in rows] == [("Hoot", 2021), ("Owl-FGSM", 2015)]


@pytest.mark.parametrize(
    ("listed", "title", "venue", "year"),
    [
        ("Owl Flight (Lee et al., 2021)", "Owl Flight", None, 2021),
        ("Owl Flight (Lee and Chen 2019)", "Owl Flight", None, 2019),
        ("Owl Flight (CVPR 2023)", "Owl Flight", "CVPR 2023", 2023),
        ("Owl Flight (NeurIPS 2022)", "Owl Flight", "NeurIPS 2022", 2022),
    ],
)
def test_who_and_when_in_parentheses_leave_the_title_a_venue_stays_one(listed, title, venue, year):
    assert lexicon.strip_title(listed) == (title, venue, year)
