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
