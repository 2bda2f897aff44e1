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


def decode_html(text: str) -> str:
    """A fixture text as every writer emits it (HTML entities decoded)."""
    import html

    return html.unescape(text)


def items() -> list[dict[str, Any]]:
    """A fresh deep copy of the fixture items (tests may mutate them)."""
    return copy.deepcopy(_ITEMS)


def by_key() -> dict[str, dict[str, Any]]:
    """Fixture items by citation key."""
    return {item["id"]: item for item in items()}


# --- reading the writers' output back (shared by the format tests) -------------------


def expected_people(item: dict[str, Any], role: str = "author") -> list[tuple[str, str]]:
    """(family, given) pairs a reader should get back; particles belong to the family."""
    from delbib.export.latex import clean_text

    out = []
    for name in item.get(role) or []:
        literal = clean_text(name.get("literal", ""))
        family = clean_text(name.get("family", ""))
        if literal or not family:
            out.append((literal or clean_text(name.get("given", "")), ""))
            continue
        particles = [
            clean_text(name.get(p, "")) for p in ("dropping-particle", "non-dropping-particle")
        ]
        out.append(
            (" ".join(p for p in (*particles, family) if p), clean_text(name.get("given", "")))
        )
    if role == "author" and out and (item.get("custom") or {}).get("incomplete_authors"):
        out.append(("others", ""))  # BibTeX's "and others": readers keep it as a name
    return out


def latex_decoder():
    """pylatexenc's decoder plus the three text macros its default table gets wrong.

    pylatexenc decodes ``\\textbraceleft``/``\\textbraceright`` to nothing and
    ``\\textasciicircum`` to U+02C6; LaTeX prints ``{``, ``}`` and ``^``.
    """
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    db = get_default_latex_context_db()
    db.add_context_category(
        "delbib-tests",
        prepend=True,
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("url", simplify_repl="%s"),
        ],
    )
    return LatexNodes2Text(latex_context=db, math_mode="text", keep_braced_groups=False)


def decode(latex: str, _decoder: list[Any] = []) -> str:  # noqa: B006 - memo
    """LaTeX -> plain text with whitespace collapsed, as a reader would show it."""
    if not _decoder:
        _decoder.append(latex_decoder())
    return " ".join(_decoder[0].latex_to_text(latex).split())


def read_bibtexparser(text: str) -> dict[str, dict[str, Any]]:
    """Entries by key via bibtexparser v2: decoded fields, people as (family, given).

    Fields go through bibtexparser's own LatexDecodingMiddleware; names are split by its
    name middlewares before decoding (decoding first would lose the protecting braces).
    """
    import bibtexparser
    from bibtexparser.middlewares import (
        LatexDecodingMiddleware,
        SeparateCoAuthors,
        SplitNameParts,
    )

    decoded = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(decoder=latex_decoder())]
    )
    split = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert decoded.failed_blocks == [], decoded.failed_blocks
    assert split.failed_blocks == [], split.failed_blocks
    out: dict[str, dict[str, Any]] = {}
    for entry, names in zip(decoded.entries, split.entries, strict=True):
        assert entry.key not in out, f"duplicate key {entry.key}"
        record: dict[str, Any] = {
            "type": entry.entry_type,
            "fields": {f.key: " ".join(str(f.value).split()) for f in entry.fields},
        }
        for role in ("author", "editor"):
            field = names.fields_dict.get(role)
            if field is not None:
                record[role] = [
                    (
                        decode(" ".join([*p.von, *p.last])),
                        decode(" ".join([*p.first, *p.jr])),
                    )
                    for p in field.value
                ]
        out[entry.key] = record
    return out


def read_pybtex(text: str) -> dict[str, dict[str, Any]]:
    """Entries by key via pybtex (strict mode: any parse problem raises)."""
    import pybtex.errors
    from pybtex.database import parse_string

    pybtex.errors.set_strict_mode(True)
    data = parse_string(text, "bibtex")
    out: dict[str, dict[str, Any]] = {}
    for key, entry in data.entries.items():
        record: dict[str, Any] = {
            "type": entry.type,
            "fields": {k: decode(v) for k, v in entry.fields.items()},
        }
        for role, persons in entry.persons.items():
            record[role] = [
                (
                    decode(" ".join([*p.prelast_names, *p.last_names])),
                    decode(" ".join([*p.first_names, *p.middle_names, *p.lineage_names])),
                )
                for p in persons
            ]
        out[key] = record
    return out


def citeproc_render(data: list[dict[str, Any]]) -> list[str]:
    """Bibliography entries citeproc-py renders for CSL-JSON ``data`` (a standard style)."""
    import warnings

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py: "custom", "citation-key" unsupported
        source = CiteProcJSON(data)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in data:
            bibliography.register(Citation([CitationItem(item["id"])]))
        return [str(entry) for entry in bibliography.bibliography()]
