"""Rules of the fourteenth round, each shown on invented papers.

The first ones came from the thirteenth round's blind lists after they were measured (a status
line over a table cell's linked title, names after the link on its line, Cool Papers and
Zhihu's outbound links); the rest from the fourteenth round's own lists."""

from __future__ import annotations

from delbib.identifiers.links import extract
from tests.listread import parse

HEAD = "# Owl Papers\n\n## Flight\n\n"


def rows(text: str, field: str = "authors") -> list[tuple]:
    """Each row's title and FIELD."""
    return [(r.title, getattr(r, field)) for r in parse(HEAD + text).rows]


def test_a_status_line_over_a_table_cells_linked_title_is_no_title():
    """``| Under review <br /> [Title](arxiv) <br /> Names |``: the status, then the paper;
    ``EMNLP24 Findings`` and an arXiv stamp the same."""
    text = (
        "| Title & Author & Link | Note |\n| --- | --- |\n"
        "| Under review <br /> [OWLQUANT: STATIC OWLS BEAT DYNAMIC OWLS]"
        "(https://arxiv.org/abs/2410.05265v1) <br /> Ann Lee, Bo Chen | x |\n"
        "| EMNLP24 Findings <br /> [Owl Metrics Learned Without Any Tuning]"
        "(https://arxiv.org/abs/2401.01234) <br /> Cy Dee, Di Eck | x |\n"
        "| arXiv:2412.14363v1 [cs.LG] <br /> [ResOwl: Mixed-Precision Owls with Residuals]"
        "(https://arxiv.org/pdf/2412.14363) <br /> Ed Fox | x |\n"
    )
    assert rows(text) == [
        ("OWLQUANT: STATIC OWLS BEAT DYNAMIC OWLS", "Ann Lee, Bo Chen"),
        ("Owl Metrics Learned Without Any Tuning", "Cy Dee, Di Eck"),
        ("ResOwl: Mixed-Precision Owls with Residuals", "Ed Fox"),
    ]


def test_names_after_the_linked_title_on_its_line_are_the_authors():
    """``ACL24 Findings <br /> [Title](arxiv) Ann Lee, Bo Chen``; a line going on with words
    that are no names keeps them in the title."""
    text = (
        "| Title & Author & Link | Note |\n| --- | --- |\n"
        "| ACL24 Findings <br /> [IntactOwl: Improving Owl Counting by Keeping Owls Intact]"
        "(https://arxiv.org/abs/2403.01241) Ann Lee, Bo Chen, Cy Dee | x |\n"
    )
    assert rows(text) == [
        ("IntactOwl: Improving Owl Counting by Keeping Owls Intact", "Ann Lee, Bo Chen, Cy Dee")
    ]


def test_cool_papers_and_zhihu_redirects_name_their_papers():
    """papers.cool pages carry the Anthology or arXiv id; Zhihu's outbound links wrap the
    target in ``?target=``. A venue page that is not an Anthology id gives nothing."""
    assert extract("https://papers.cool/venue/2024.findings-emnlp.266") == [
        "acl:2024.findings-emnlp.266"
    ]
    assert extract("https://papers.cool/arxiv/2401.01234") == ["arxiv:2401.01234"]
    assert extract("https://papers.cool/venue/ICLR.2024.owl") == []
    assert extract("https://link.zhihu.com/?target=https%3A//arxiv.org/pdf/2001.11180") == [
        "arxiv:2001.11180"
    ]


def test_a_code_span_name_and_a_colon_before_the_title_are_the_lists_label():
    """``- `DCOwl`: Title (ICLR 2016) : [arxiv](url)``: the code span names the model; a
    sub-bullet so written under another is a paper too."""
    text = (
        "- `DCOwl`: Unsupervised Owl Learning with Deep Convolutional Owls (ICLR 2016)  :"
        " [arxiv](https://arxiv.org/abs/1511.06434), [review](https://owl.github.io/gan/2/)\n"
        "- `OwlGAN`: A Style-Based Generator Architecture for Owls (CVPR 2019) :"
        " [arxiv](https://arxiv.org/abs/1812.04948)\n"
        "  - `OwlGAN v2`: Analyzing and Improving the Image Quality of OwlGAN (CVPR 2020) :"
        " [arxiv](https://arxiv.org/abs/1912.04958)\n"
        "  - `OwlGAN-ADA`: Training Owl Networks with Limited Data (NeurIPS 2020) :"
        " [arxiv](https://arxiv.org/abs/2006.06676)\n"
    )
    assert [t for t, _ in rows(text)] == [
        "Unsupervised Owl Learning with Deep Convolutional Owls",
        "A Style-Based Generator Architecture for Owls",
        "Analyzing and Improving the Image Quality of OwlGAN",
        "Training Owl Networks with Limited Data",
    ]


def test_under_a_bold_label_a_paper_beside_a_repository_is_a_paper():
    """``3. **Hybrid approach**`` over a repository's bullet and a paper's: the paper is one
    of its own; under a plain parent one citation split over two bullets stays one paper."""
    text = (
        "3. **Hybrid approach**\n"
        "   - `owl-encoder` : [code](https://github.com/o/owl-encoder)\n"
        "   - `IdOwl` : In-Domain Owl Inversion for Real Image Editing (ECCV 2020) :"
        " [arxiv](https://arxiv.org/abs/2004.00049)\n\n"
        "## Reviews\n\n"
        "* Machine learning to classify owl species in camera trap images\n"
        "  * Tabak et al. https://www.biorxiv.org/content/early/2018/06/14/346809\n"
        "  * Ann Lee, Bo Chen\n"
    )
    assert [t for t, _ in rows(text)] == [
        "In-Domain Owl Inversion for Real Image Editing",
        "Machine learning to classify owl species in camera trap images",
    ]


def test_headings_that_each_link_a_paper_with_its_names_and_year_are_papers():
    """``### [Title (Magdy et al 2010)](doi)`` one after another, with or without notes under
    them: each a paper; a topic heading (``## Datasets``) stays a category."""
    text = (
        "## Papers\n\n"
        "### [Web-based statistical fact checking of owl documents (Magdy et al 2010)]"
        "(https://dl.acm.org/doi/abs/10.1145/1871985.1872002)\n\n"
        "### [Toward computational owl-checking (Wu et al 2014)]"
        "(https://dl.acm.org/doi/10.14778/2732286.2732295)\n\n"
        "### [Identification of Simple Owl Claims (Vlachos et al 2015)]"
        "(https://www.aclweb.org/anthology/D15-1312/)\n\n"
        "In this study the aim is to verify claims about owls.\n"
    )
    assert rows(text, "year") == [
        ("Web-based statistical fact checking of owl documents", 2010),
        ("Toward computational owl-checking", 2014),
        ("Identification of Simple Owl Claims", 2015),
    ]
    assert rows(text, "categories") == [(t, ("Papers",)) for t, _ in rows(text, "year")]


def test_paragraphs_of_a_plain_title_over_its_venue_and_pdf_are_one_paper_each():
    """``Title  `` / ``🕝 **[CVPR'24]** **[[PDF]](arxiv)**``, paragraph after paragraph: each
    a paper of its own, not one long item."""
    text = (
        "### CVPR\n\n"
        "OwlDC: Distribution Calibration for Active Owl Finetuning  \n"
        "🕝 **[CVPR'24]** **[[PDF]](http://arxiv.org/abs/2311.07634)**\n\n"
        "Active Generalized Owl Category Discovery  \n"
        "🕝 **[CVPR'24]** **[[PDF]](http://arxiv.org/abs/2403.04272)**\n\n"
        "Plug and Play Active Learning for Owl Detection  \n"
        "**[CVPR'24]** **[[PDF]](http://arxiv.org/abs/2211.11612)** **[[Code]](https://github.com/o/p)**\n"
    )
    assert rows(text, "year") == [
        ("OwlDC: Distribution Calibration for Active Owl Finetuning", 2024),
        ("Active Generalized Owl Category Discovery", 2024),
        ("Plug and Play Active Learning for Owl Detection", 2024),
    ]


def test_a_short_name_and_links_then_two_bullets_of_title_and_names_are_one_paper():
    """``FGFI. *CVPR 2019*.`` / ``\\[[arXiv](url)\\]`` / ``\\- summary``, then ``- Title`` /
    ``- Ann Lee and Bo Chen``: the title and names of the paper linked above them."""
    text = (
        "FGFI. *CVPR 2019*.\n"
        "\\[[CVF](http://openaccess.thecvf.com/content_CVPR_2019/html/Wang_Owl_paper.html)\\]\n"
        "\\[[arXiv](http://arxiv.org/abs/1906.03609)\\]\n"
        "\\- Imitates fine-grained owl features.\n\n"
        "- Distilling Owl Detectors With Fine-Grained Feature Imitation\n"
        "- Tao Wang and Li Yuan and Jiashi Feng\n\n"
        "TBD. *PR*.\n"
        "\\[[arXiv](https://arxiv.org/abs/2208.03006)\\]\n\n"
        "- Task-balanced distillation for owl detection\n"
        "- Ruining Tang and Zhenyu Liu\n"
    )
    found = parse(HEAD + text).rows
    assert [(r.title, r.authors, r.year) for r in found] == [
        (
            "Distilling Owl Detectors With Fine-Grained Feature Imitation",
            "Tao Wang and Li Yuan and Jiashi Feng",
            2019,
        ),
        ("Task-balanced distillation for owl detection", "Ruining Tang and Zhenyu Liu", None),
    ]


def _heading_papers(n: int) -> str:
    return "".join(
        f"#### Owl Model Number {i}: Flying at Night\n"
        f"- Link：[https://arxiv.org/pdf/2503.0{i:04d}](https://arxiv.org/pdf/2503.0{i:04d})\n"
        f"- Code：[https://github.com/o/owl{i}](https://github.com/o/owl{i})\n\n"
        for i in range(n)
    )


def test_headings_among_paper_headings_are_papers_without_a_link_or_of_two_words():
    """``#### Title`` over ``- Link：`` bullets, paper after paper: a peer whose link was left
    empty, one of two words over its arXiv link, and one alone under its topic are papers
    too; a topic heading with no papers around it is not."""
    text = (
        "# Vision\n\n"
        + _heading_papers(5)
        + "#### MetaFormer Owl Baselines for Vision\n- Link：\n- Code：\n\n"
        "#### Associative Owls\n- Link：[https://arxiv.org/pdf/2309.12862](https://arxiv.org/pdf/2309.12862)\n\n"
        "# NeRF\n\n#### Adversarial Owl Radiance Fields for Novel View Synthesis\n\n"
    )
    titles = [r.title for r in parse(HEAD + text).rows]
    assert titles[5:] == [
        "MetaFormer Owl Baselines for Vision",
        "Associative Owls",
        "Adversarial Owl Radiance Fields for Novel View Synthesis",
    ]
    lone = "# Vision\n\n#### Owl Baselines for Vision at Night\n- Link：\n- Code：\n"
    assert parse(HEAD + lone).rows == []


def test_a_quote_and_a_colon_open_a_title_that_goes_on():
    """``"Is Owl Masking Always Better?": Probing on Owls``: the quote is the title's
    opening, not the whole of it."""
    text = (
        '- "Is Whole Owl Masking Always Better for Owl BERT?": Probing on Owl Error Correction'
        " [[paper]](https://aclanthology.org/2022.acl-short.1/) ACL 2022\n"
        "- “Liar, Liar Owls on Fire”: A New Benchmark Dataset for Fake Owl Detection"
        " [[paper]](https://aclanthology.org/P17-2067/) ACL 2017\n"
    )
    assert [t for t, _ in rows(text)] == [
        '"Is Whole Owl Masking Always Better for Owl BERT?": Probing on Owl Error Correction',
        "“Liar, Liar Owls on Fire”: A New Benchmark Dataset for Fake Owl Detection",
    ]


def test_bare_titles_with_a_bracketed_word_part_and_a_venue_line_below():
    """A block of bare titles keeps ``On the (In)Effectiveness of ...``; ``Title<br>`` /
    ``url<br>`` / ``Owl Sciences 2021``: the last line says where and when, it does not end
    the title."""
    text = (
        "- Rethinking the Roles of Large Owl Models in Owl Error Correction\n"
        "- Evaluating the Capability of Large-scale Owl Models on Owl Correction Task\n"
        "- On the (In)Effectiveness of Large Owl Models for Owl Text Correction\n"
        "- Mixture of Small and Large Owl Models for Owl Spelling Check\n\n"
        "### Spelling\n\n"
        "- Think Twice: A Post-Processing Approach for Owl Spelling Error Correction<br>\n"
        "\thttps://pdfs.semanticscholar.org/1464/b758.pdf<br>\n"
        "\tOwl Sciences 2021\n"
    )
    assert rows(text, "year") == [
        ("Rethinking the Roles of Large Owl Models in Owl Error Correction", None),
        ("Evaluating the Capability of Large-scale Owl Models on Owl Correction Task", None),
        ("On the (In)Effectiveness of Large Owl Models for Owl Text Correction", None),
        ("Mixture of Small and Large Owl Models for Owl Spelling Check", None),
        ("Think Twice: A Post-Processing Approach for Owl Spelling Error Correction", 2021),
    ]


def test_a_workshops_proceedings_volume_linked_by_its_year_is_no_paper():
    """``* FNLP: Financial Owl Processing`` over ``[2019](aclanthology volume)``: a meeting's
    proceedings, not a paper; a paper on a page of a volume stays one."""
    text = (
        "### Workshops\n\n"
        "* FNLP: Financial Owl Narrative Processing\n"
        "  * [2018](http://wp.lancs.ac.uk/cfie/fnp2018/)\n"
        "  * [2019](https://www.aclweb.org/anthology/volumes/W19-64/)\n\n"
        "### Papers\n\n"
        "* [Owl Words in Financial Disclosures](https://aclanthology.org/2024.trac-1.pdf#page=49)."
        " In TRAC, 2024.\n"
    )
    assert [t for t, _ in rows(text)] == ["Owl Words in Financial Disclosures"]


def test_a_list_that_writes_its_authors_and_a_colon_before_each_title():
    """``* Ann Lee and Bo Chen: Title, 1998.``, DBLP's way, item after item: the names are
    no part of the titles, a name alone there too; a list with one title of its own
    ``Robots and Jobs: ...`` keeps it."""
    text = (
        "* Ann Lee and Bo Chen: Combining Labeled and Unlabeled Owls with Co-Training, 1998.\n"
        "* Cy Dee, Di Eck, and Ed Fox: Conditional Random Owls for Labeling Sequences, ICML 2001.\n"
        "* Fay Gil et al.: Natural Owl Processing (almost) from Scratch, JMLR 2011.\n"
        "* Gus Ho: A Hierarchical Bayesian Owl Model based on Pitman-Yor Processes, ACL 2006.\n"
        "* Ida Jo and Kai Lu: Summarization of Owls beyond Sentence Extraction, 2002.\n"
        "* Max Ng and Ola Pu: Unsupervised Models for Named Owl Classification, EMNLP 1999.\n"
    )
    assert [t for t, _ in rows(text)] == [
        "Combining Labeled and Unlabeled Owls with Co-Training",
        "Conditional Random Owls for Labeling Sequences",
        "Natural Owl Processing (almost) from Scratch",
        "A Hierarchical Bayesian Owl Model based on Pitman-Yor Processes",
        "Summarization of Owls beyond Sentence Extraction",
        "Unsupervised Models for Named Owl Classification",
    ]
    own = (
        '1. **"Robots and Owls: Evidence from US Owl Markets"** (2020)'
        " [doi](https://doi.org/10.1086/705716)\n"
        '2. **"Owl Automation and New Tasks: How Owls Reinstate Labor"** (2019)'
        " [doi](https://doi.org/10.1257/jep.33.2.3)\n"
        '3. **"Owls and Jobs: A Study of Owls"** (2019) [doi](https://doi.org/10.1257/aer.1)\n'
    )
    assert [t for t, _ in rows(own)] == [
        "Robots and Owls: Evidence from US Owl Markets",
        "Owl Automation and New Tasks: How Owls Reinstate Labor",
        "Owls and Jobs: A Study of Owls",
    ]
