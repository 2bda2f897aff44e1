"""Entries that are not papers, told by evidence (issue 17, fourth round): a table row whose
paper cell was left empty on purpose, a news piece or blog post under a heading that says so,
a tool or data set that links only its code, its documentation or a data deposit.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from .listread import parse, titles

_MODELS = (
    "## Owl Models\n\n"
    "|Short|Title|Publication|Paper|Code|\n"
    "|---|---|---|---|---|\n"
    "|**HootNet**|**HootNet: Learning Owl Calls at Scale**|CVPR2023|"
    "[HootNet](https://arxiv.org/abs/2301.00001)|[link](https://github.com/ann/hootnet)|\n"
    "|**OwlFM**|**OwlFM: A Foundation Model for Night Birds**|TGRS2024|"
    "[OwlFM](https://ieeexplore.ieee.org/document/1000001)|null|\n"
    "|**Glide**|**Glide: Silent Flight Priors for Owl Tracking**|ECCV2022|"
    "[Glide](https://arxiv.org/abs/2203.00004)|null|\n"
    "|**Dusk**|**Dusk: Low-Light Owl Detection**|AAAI2024|"
    "[Dusk](https://arxiv.org/abs/2312.00005)|[link](https://github.com/dee/dusk)|\n"
    "|**Perch**|**Perch Foundation Model**|-|null|[link](https://perch-model.github.io/model/)|\n"
    "|**Talon**|**Talon - talon detection with pretrained diffusers**|Github|N/A|"
    "[link](https://github.com/bo/talon)|\n"
    "|**Feather**|**Feather: Plumage Features for Owl Re-identification**|ICCV2023|null|"
    "[link](https://github.com/cy/feather)|\n"
)


def test_a_row_whose_paper_cell_is_left_empty_on_purpose_is_not_a_paper():
    # "null" / "N/A" in the Paper column, no venue ("-", or only where the code is kept) and
    # no paper link anywhere else: a model without a paper
    assert titles(_MODELS) == [
        "HootNet: Learning Owl Calls at Scale",
        "OwlFM: A Foundation Model for Night Birds",
        "Glide: Silent Flight Priors for Owl Tracking",
        "Dusk: Low-Light Owl Detection",
        # its paper link is missing, but the venue says it was published
        "Feather: Plumage Features for Owl Re-identification",
    ]
    skipped = {s.line for s in parse(_MODELS).skipped}
    assert {9, 10} <= skipped


def test_an_empty_paper_cell_beside_a_paper_link_elsewhere_is_a_paper():
    text = (
        "## Owl Data Sets\n\n"
        "|Short|Title|Publication|Paper|Type|Link|\n"
        "|---|---|---|---|---|---|\n"
        "|**OwlSet**|**OwlSet: A Million Owl Images**|CVPR2022|"
        "[OwlSet](https://arxiv.org/abs/2201.00002)|Vision|[link](https://github.com/a/owlset)|\n"
        "|**NightSet**|**NightSet: Owls After Dark**|NeurIPS2023|"
        "[NightSet](https://arxiv.org/abs/2302.00003)|Vision|[link](https://nightset.org)|\n"
        "|**Perch**|**Perch Foundation Model**|-|null|Vision|"
        "[link](https://perch-model.github.io/model/)|\n"
        "|**Roost**|**Roost: Where Owls Sleep**|-|-|Vision|"
        "[pdf](https://uni.example.edu/~lee/roost.pdf)|\n"
    )
    # Perch: a placeholder for its paper and only a model page; Roost links its PDF
    assert titles(text) == [
        "OwlSet: A Million Owl Images",
        "NightSet: Owls After Dark",
        "Roost: Where Owls Sleep",
    ]


def test_a_dated_piece_under_a_blog_and_news_heading_is_not_a_paper():
    text = (
        "## Papers\n\n"
        "- [Owl Calls as Graph Signals](https://arxiv.org/abs/2401.00001) - Ann Lee et al., 2024\n"
        "- [Hoot Detection in the Wild](https://arxiv.org/abs/2402.00002) - Bo Chen, 2024\n\n"
        "## Blog Posts & News\n"
        "- [The Owl Forecaster: Learning Takes On Night Birds](https://owlmag.example.org/spot/owls)"
        " - Owl Magazine, 2022\n"
        "- [Owl scientist making faster, better counts](https://www.nature.com/articles/d41586-024-00001-x)"
        " - Nature, 2024\n"
        "- [Silent Flight, Explained](https://arxiv.org/abs/2403.00003) - Cy Park, 2024\n"
    )
    # an outlet and a year date a news piece as they date a paper; an arXiv id still says paper
    assert titles(text) == [
        "Owl Calls as Graph Signals",
        "Hoot Detection in the Wild",
        "Silent Flight, Explained",
    ]


def test_a_dated_paper_under_a_data_set_heading_stays_a_paper():
    text = (
        "## Datasets\n\n"
        "- [OwlSet: A Million Owl Images](https://owlset.example.org/owlset.pdf) - CVPR 2022\n"
        "- [NightSet Images](https://nightset.example.org/night.pdf)\n"
    )
    # under a heading of data sets a year still says the item is the data set's paper; a
    # name linking a file with no identifier or year is the data
    assert titles(text) == ["OwlSet: A Million Owl Images"]


def test_a_benchmark_linking_only_its_code_and_its_manual_is_a_tool():
    text = (
        "## Benchmarks\n\n"
        "- [OwlBench](https://github.com/ann/owlbench)\n\n"
        "  [paper](https://doi.org/10.1029/2020MS000001) [data](https://data.example.org/owls)\n\n"
        "- [OwlBench 2](https://github.com/owl-research/owlbench2)\n\n"
        "  [docs](https://owlbench2.readthedocs.io/en/latest)\n\n"
        "- [NightBench](https://github.com/bo/nightbench)\n\n"
        "  [paper](https://doi.org/10.1029/2021MS000002)\n"
    )
    # OwlBench 2 has no paper: a repository and its documentation
    assert titles(text) == ["OwlBench", "NightBench"]


def test_documentation_addresses():
    from delbib.lists.markdown.linkwords import is_docs_url

    for href in (
        "https://owlkit.readthedocs.io/en/latest/",
        "https://docs.owlkit.org/start",
        "https://owlkit.org/docs/",
    ):
        assert is_docs_url(href), href
    for href in (
        "https://docs.google.com/document/d/1AbC/edit",  # a document, maybe a paper's draft
        "https://owlkit.org/docs/owlkit-paper.pdf",
        "https://arxiv.org/abs/2401.00001",
        "https://owls.example.org/documents/owl-report",
    ):
        assert not is_docs_url(href), href


def test_a_capsule_or_a_data_deposit_doi_is_not_a_paper():
    text = (
        "## Models\n\n"
        "#### HootNet\n"
        "- [HootNet - Owl Lab](https://doi.org/10.24433/CO.0000001.v1)\n"
        "- Nonlinear hoot model\n\n"
        "#### OwlSet\n"
        "- [OwlSet - Owl Lab](https://doi.org/10.5061/dryad.abc123)\n\n"
        "## Papers\n\n"
        "- [Owl Calls as Graph Signals](https://doi.org/10.1029/2024MS000003) - Ann Lee, 2024\n"
    )
    # a Code Ocean capsule and a Dryad deposit hold code and data; a journal DOI a paper
    assert titles(text) == ["Owl Calls as Graph Signals"]


def test_a_page_dated_by_its_address_is_a_post():
    from delbib.lists.markdown.linkwords import is_blog_url

    for href in (
        "http://www.owlnotes.example.com/2013/01/14/notes-on-owls-for-owlets/",
        "https://annlee.example.org/science/2015/12/01/unlocking-owl-calls.html",
    ):
        assert is_blog_url(href), href
    for href in (
        "https://www.biorxiv.org/content/early/2017/11/05/214122",  # a preprint server
        "http://owls.example-journals.org/content/early/2014/11/05/owl.gku1058.full",
        "https://owlnotes.example.com/2013/01/14/owl-notes.pdf",  # a PDF kept there
        "https://distill.example.pub/2017/momentum/",  # an article, dated by year only
    ):
        assert not is_blog_url(href), href


def test_a_post_linked_as_html_in_a_reading_list_is_not_a_paper():
    text = (
        "# Reading\n\n"
        "### Owl Calls as Graph Signals\n"
        "Ann Lee, Bo Chen,\n"
        "Owl Symposium,\n"
        "2014\n\n"
        "[pdf](https://owls.example.edu/papers/owl-calls.pdf)\n\n"
        "### Notes on Night Flight for Owlets\n"
        "Cy Park,\n"
        "Owl Notes blog,\n"
        "January 14, 2013\n\n"
        "[html](http://www.owlnotes.example.com/2013/01/14/notes-on-night-flight/)\n\n"
        "### Hoot Detection in the Wild\n"
        "Dee Roe,\n"
        "Owl Journal,\n"
        "2016\n\n"
        "[html](https://owl-journal.example.org/articles/hoot-detection)\n"
    )
    # the writer calls every link by its format; the dated address says which is a post
    assert titles(text) == ["Owl Calls as Graph Signals", "Hoot Detection in the Wild"]


def test_an_item_linking_only_a_data_or_model_host_is_not_a_paper():
    text = (
        "## Benchmarks\n\n"
        "- 2025 - [Owl Call Prediction 2025](https://kaggle.com/competitions/owl-call-prediction)\n"
        "- 2024 - [OwlLM-7B](https://huggingface.co/owl-lab/owllm-7b)\n"
        "- 2024 - [Hoot Benchmark: Owl Calls for Language Models](https://arxiv.org/abs/2401.00001)\n"
        "- 2024 - [Night Flight Evaluation Suite](https://huggingface.co/papers/2402.00002)\n"
    )
    # a competition and a model's weights; the Hugging Face page of an arXiv paper is a paper
    assert titles(text) == [
        "Hoot Benchmark: Owl Calls for Language Models",
        "Night Flight Evaluation Suite",
    ]


def test_a_journals_news_page_called_a_paper_is_news():
    text = (
        "## Owl Models\n\n"
        "1. **Owl Calls as Graph Signals** [[paper]](https://www.nature.com/articles/s41586-024-00001-1)\n"
        "2. **AI tools are counting owls faster than ever** "
        "[[paper]](https://www.nature.com/articles/d41586-024-00002-2)\n"
        "3. **Owls learn to hoot in new ways** [[paper]](https://www.science.org/content/article/owls-hoot)\n"
        "4. **Hoot Detection in the Wild** [[paper]](https://www.science.org/doi/10.1126/science.abc0001)\n"
        "5. **Why owls fly silently** [[paper]](https://www.quantamagazine.org/why-owls-fly-silently-20240101/)\n"
    )
    # Nature's and Science's news pages and a magazine's story are news, whatever the link word
    assert titles(text) == ["Owl Calls as Graph Signals", "Hoot Detection in the Wild"]


def test_a_line_linking_sections_of_the_lists_own_page_is_not_a_paper():
    text = (
        "# Awesome Owl Papers\n\n"
        "> Papers and [Surveys](https://github.com/ann/awesome-owls#surveys) and "
        "[Papers](https://github.com/ann/awesome-owls#papers) on owls and machines\n\n"
        "## Papers\n\n"
        "Lee, A. (2024). [**Owl Calls as Graph Signals**](https://arxiv.org/abs/2401.00001)."
        " arXiv\n\n"
        "Chen, B. (2023). [**Hoot Detection in the Wild**](https://github.com/bo/hoot#paper)."
        " Owl Journal\n"
    )
    # two links to sections of one page lead around the list; one link to a repository's
    # section stays what it was
    assert titles(text) == ["Owl Calls as Graph Signals", "Hoot Detection in the Wild"]


def test_items_under_a_heading_of_kits_or_implementations_are_not_papers():
    text = (
        "## Papers\n\n"
        "- [Owl Calls as Graph Signals](https://arxiv.org/abs/2401.00001) - Ann Lee\n"
        "- [Hoot Detection in the Wild](https://arxiv.org/abs/2402.00002) - Bo Chen\n\n"
        "## Official implementations\n"
        "- [OwlNet - Owl Lab](https://owlnet.example.org/start)\n"
        "- [HootNet - Night Lab](https://hootnet.example.org/get-started)\n\n"
        "### Other kits\n"
        "- [Owl Studio - Owl Lab](https://owlstudio.example.io/index.html)\n"
        "- [Silent Flight Models for Owl Tracking](https://arxiv.org/abs/2403.00003)\n"
    )
    # what the heading says the items are, unless an identifier says paper
    assert titles(text) == [
        "Owl Calls as Graph Signals",
        "Hoot Detection in the Wild",
        "Silent Flight Models for Owl Tracking",
    ]
