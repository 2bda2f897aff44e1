"""Canonical CSL-JSON items shared by the format writer tests.

Together they cover every entry type the writers map, missing fields, TeX specials,
acronyms, HTML entities, accented and particle names and organisation authors.
"""

from __future__ import annotations

import copy
from typing import Any

# Every TeX special once, in a title LaTeX must print literally.
SPECIALS_TITLE = r"Costs & Benefits: 100% of $5 for #1 via a_b, {x} ~ y ^ z \ w"

_ITEMS: list[dict[str, Any]] = [
    {
        "id": "qlora2023",
        "citation-key": "qlora2023",
        "type": "paper-conference",
        "title": "QLoRA: Efficient Finetuning of Quantized LLMs",
        "author": [
            {"family": "Dettmers", "given": "Tim"},
            {"family": "Pagnoni", "given": "Artidoro"},
            {"family": "Zettlemoyer", "given": "Luke"},
        ],
        "issued": {"date-parts": [[2023, 12]]},
        "container-title": "Advances in Neural Information Processing Systems 36",
        "container-title-short": "NeurIPS 2023",
        "publisher": "Curran Associates, Inc.",
        "volume": "36",
        "page": "10088-10115",
        "DOI": "10.52202/075280-0441",
        "URL": "https://proceedings.neurips.cc/paper_files/paper/2023/hash/1feb87871436031bdc0f2beaa62a049b-Abstract-Conference.html",
        "keyword": "Quantization, Fine-tuning",
        "note": "Citation Key: qlora2023",
        "custom": {
            "arxiv": "2305.14314",
            "arxiv_class": "cs.LG",
            "categories": ["Quantization", "Fine-tuning"],
        },
    },
    {
        "id": "vanderaalst2016",
        "citation-key": "vanderaalst2016",
        "type": "article-journal",
        "title": "Process Mining: Data Science in Action &amp; Practice",
        "author": [
            {"family": "Aalst", "given": "Wil", "non-dropping-particle": "van der"},
            {"family": "Ludäscher", "given": "Bertram"},
            {"family": "Wübben", "given": "Íñigo"},
        ],
        "issued": {"date-parts": [[2016, 5, 17]]},
        "container-title": "Communications of the ACM",
        "container-title-short": "Commun. ACM",
        "publisher": "ACM",
        "volume": "59",
        "issue": "3",
        "page": "365–374",
        "ISSN": "0001-0782",
        "DOI": "10.1145/2866571",
        "URL": "https://doi.org/10.1145/2866571",
        "keyword": "Process Mining",
        "note": "Citation Key: vanderaalst2016",
        "custom": {"categories": ["Process Mining"]},
    },
    {
        "id": "alpagasus2024",
        "citation-key": "alpagasus2024",
        "type": "article",
        "title": "AlpaGasus: Training a Better Alpaca with Fewer Data",
        "author": [
            {"family": "Chen", "given": "Lichang"},
            {"family": "Li", "given": "Shiyang"},
            {"family": "Yan", "given": "Jun"},
        ],
        "issued": {"date-parts": [[2023, 7, 17]]},
        "publisher": "arXiv",
        "number": "arXiv:2307.08701",
        "DOI": "10.48550/arxiv.2307.08701",
        "URL": "https://arxiv.org/abs/2307.08701",
        "keyword": "Data Selection, Data Pruning",
        "note": "Citation Key: alpagasus2024",
        "custom": {
            "arxiv": "2307.08701",
            "arxiv_class": "cs.CL",
            "categories": ["Data Selection", "Data Pruning"],
        },
    },
    {
        "id": "gpt4report2023",
        "citation-key": "gpt4report2023",
        "type": "article",
        "title": "GPT-4 Technical Report: ChatGPT, ALPAGASUS and Other LLMs",
        "author": [{"literal": "OpenAI"}, {"family": "Zoë", "given": "Łucja"}],
        "issued": {"date-parts": [[2023]]},
        "publisher": "arXiv",
        "number": "arXiv:2303.08774",
        "URL": "https://arxiv.org/abs/2303.08774v6",
        "keyword": "Foundation Models",
        "note": "Citation Key: gpt4report2023",
        "custom": {"arxiv": "2303.08774", "categories": ["Foundation Models"]},
    },
    {
        "id": "untitled-scrap",
        "citation-key": "untitled-scrap",
        "type": "document",
        "title": "Notes on Data Curation for LLM Training",
    },
    {
        "id": "specials2022",
        "citation-key": "specials2022",
        "type": "paper-conference",
        "title": SPECIALS_TITLE,
        "author": [
            {"family": "O'Brien & Sons", "given": "Pat_rick"},
            {"family": "Kowalski", "given": "Łukasz"},
        ],
        "issued": {"date-parts": [[2022]]},
        "container-title": "Proceedings of the 1st Workshop on C++ & Q&A",
        "publisher": "Association for Computational Linguistics",
        "publisher-place": "Dublin, Ireland",
        "page": "1-10",
        "URL": "https://example.org/papers/a%20b#section_2",
        "custom": {"categories": ["Edge Cases", "TeX & Friends"]},
    },
    {
        "id": "handbook2021",
        "citation-key": "handbook2021",
        "type": "chapter",
        "title": "Data-Centric AI for Text",
        "author": [{"family": "Souza", "given": "Maria", "non-dropping-particle": "de"}],
        "editor": [{"family": "Smith", "given": "Jane"}],
        "issued": {"date-parts": [[2021]]},
        "container-title": "The Handbook of Natural Language Processing",
        "publisher": "Springer",
        "publisher-place": "Cham",
        "page": "101-130",
        "ISBN": "978-3-030-00000-0",
        "DOI": "10.1007/978-3-030-00000-0_5",
        "custom": {"categories": ["Surveys"]},
    },
    {
        "id": "whitepaper2020",
        "citation-key": "whitepaper2020",
        "type": "document",
        "title": "The State of Open Data 2020",
        "author": [{"literal": "Digital Science"}],
        "issued": {"date-parts": [[2020, 10]]},
        "publisher": "Figshare",
        "URL": "https://doi.org/10.6084/m9.figshare.13227875",
        "custom": {"categories": ["Open Data"]},
    },
    {
        "id": "techreport2019",
        "citation-key": "techreport2019",
        "type": "report",
        "title": "Measuring Massive Multitask Language Understanding (MMLU)",
        "author": [{"family": "Hendrycks", "given": "Dan"}],
        "issued": {"date-parts": [[2019]]},
        "publisher": "University of California, Berkeley",
        "number": "UCB/EECS-2019-1",
        "custom": {"categories": ["Benchmarks"]},
    },
    {
        "id": "thesis2018",
        "citation-key": "thesis2018",
        "type": "thesis",
        "genre": "PhD thesis",
        "title": "Learning from Noisy Labels with Deep Neural Networks",
        "author": [{"family": "Müller", "given": "Jürgen"}],
        "issued": {"date-parts": [[2018]]},
        "publisher": "Technische Universität München",
        "publisher-place": "Munich",
        "custom": {"categories": ["Noisy Labels"]},
    },
]


def items() -> list[dict[str, Any]]:
    """A fresh deep copy of the fixture items (tests may mutate them)."""
    return copy.deepcopy(_ITEMS)


def by_key() -> dict[str, dict[str, Any]]:
    """Fixture items by citation key."""
    return {item["id"]: item for item in items()}
