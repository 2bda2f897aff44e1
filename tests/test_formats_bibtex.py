"""BibTeX/biblatex writer and the format registry."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from delbib.errors import InputError
from delbib.export import formats
from delbib.export.formats import bibtex
from delbib.export.latex import braces_balanced, clean_text

from . import formats_fixtures as fx

VARIANTS = [
    pytest.param("bibtex", False, id="bibtex-utf8"),
    pytest.param("bibtex", True, id="bibtex-ascii"),
    pytest.param("biblatex", False, id="biblatex-utf8"),
    pytest.param("biblatex", True, id="biblatex-ascii"),
]


def _raw_entries(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    """key -> (entry type, {field: raw value as written}); the writer's one-line fields."""
    out = {}
    if text.startswith("@preamble"):  # the classic file's \url/\doi fallback, not an entry
        preamble, text = text.split("\n\n", 1)
        assert preamble + "\n" == bibtex.PREAMBLE
    for block in text.split("\n\n"):
        head = re.match(r"@(\w+)\{([^,\n]+),?\n", block)
        assert head, block
        fields = dict(re.findall(r"^  (\w+) = (.*?),?$", block, re.MULTILINE))
        out[head.group(2)] = (head.group(1), fields)
    return out


def _unbrace(value: str) -> str:
    assert value.startswith("{") and value.endswith("}"), value
    return value[1:-1]


@pytest.fixture(scope="module")
def classic() -> dict[str, tuple[str, dict[str, str]]]:
    return _raw_entries(bibtex.write(fx.items()))


@pytest.fixture(scope="module")
def modern() -> dict[str, tuple[str, dict[str, str]]]:
    return _raw_entries(bibtex.write(fx.items(), flavour="biblatex"))


# --- read back by real parsers ---------------------------------------------------------


@pytest.mark.parametrize(("flavour", "ascii"), VARIANTS)
@pytest.mark.parametrize("reader", [fx.read_bibtexparser, fx.read_pybtex], ids=["bp", "pybtex"])
def test_parsers_read_back_titles_and_people(reader, flavour: str, ascii: bool) -> None:
    text = bibtex.write(fx.items(), flavour=flavour, ascii=ascii)
    entries = reader(text)
    assert list(entries) == [item["id"] for item in fx.items()]
    for item in fx.items():
        got = entries[item["id"]]
        assert got["fields"]["title"] == clean_text(item["title"])
        assert got.get("author", []) == fx.expected_people(item, "author")
        assert got.get("editor", []) == fx.expected_people(item, "editor")


@pytest.mark.parametrize(("flavour", "ascii"), VARIANTS)
def test_output_is_balanced_deterministic_lf_with_final_newline(flavour: str, ascii: bool) -> None:
    first = bibtex.write(fx.items(), flavour=flavour, ascii=ascii)
    second = bibtex.write(fx.items(), flavour=flavour, ascii=ascii)
    assert first.encode() == second.encode()
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert "\r" not in first
    assert braces_balanced(first)
    assert first.count("\n@") == len(fx.items()) - (flavour == "biblatex")  # + @preamble
    assert first.startswith("@preamble{") is (flavour == "bibtex")
    assert (first.isascii()) is ascii


def test_entries_follow_input_order_without_resorting() -> None:
    items = list(reversed(fx.items()))
    keys = re.findall(r"^@(?!preamble)\w+\{([^,]+),", bibtex.write(items), re.MULTILINE)
    assert keys == [item["id"] for item in items]


# --- entry types and fields ------------------------------------------------------------


def test_entry_types_classic(classic) -> None:
    assert {k: v[0] for k, v in classic.items()} == {
        "qlora2023": "inproceedings",
        "vanderaalst2016": "article",
        "alpagasus2024": "misc",
        "gpt4report2023": "misc",
        "untitled-scrap": "misc",
        "specials2022": "inproceedings",
        "handbook2021": "incollection",
        "whitepaper2020": "misc",
        "techreport2019": "techreport",
        "thesis2018": "phdthesis",
    }


def test_entry_types_biblatex(modern) -> None:
    assert {k: v[0] for k, v in modern.items()} == {
        "qlora2023": "inproceedings",
        "vanderaalst2016": "article",
        "alpagasus2024": "misc",
        "gpt4report2023": "misc",
        "untitled-scrap": "misc",
        "specials2022": "inproceedings",
        "handbook2021": "incollection",
        "whitepaper2020": "misc",
        "techreport2019": "report",
        "thesis2018": "thesis",
    }
    assert modern["techreport2019"][1]["type"] == "{techreport}"
    assert modern["thesis2018"][1]["type"] == "{phdthesis}"


def test_classic_preprint_is_what_natbib_renders_as_arxiv_preprint(classic) -> None:
    """@misc, not @article: Zotero's BibTeX import makes a journal article of @article."""
    fields = classic["alpagasus2024"][1]
    assert fields["howpublished"] == "{arXiv preprint arXiv:2307.08701}"
    assert "journal" not in fields
    assert fields["eprint"] == "{2307.08701}"
    assert fields["eprinttype"] == "{arxiv}"  # what Zotero's BibTeX import needs
    assert "archivePrefix" not in fields  # biber: an alias of eprinttype, not both
    assert fields["primaryClass"] == "{cs.CL}"
    no_class = classic["gpt4report2023"][1]
    assert no_class["howpublished"] == "{arXiv preprint arXiv:2303.08774}"
    assert "primaryClass" not in no_class


def test_biblatex_preprint_uses_eprint_fields(modern) -> None:
    fields = modern["alpagasus2024"][1]
    assert fields["eprint"] == "{2307.08701}"
    assert fields["eprinttype"] == "{arxiv}"
    assert fields["eprintclass"] == "{cs.CL}"
    assert "journal" not in fields and "journaltitle" not in fields
    assert "eprintclass" not in modern["gpt4report2023"][1]


def test_published_item_with_arxiv_id_keeps_eprint(classic, modern) -> None:
    fields = classic["qlora2023"][1]
    assert fields["booktitle"] == "{Advances in Neural Information Processing Systems 36}"
    assert (fields["eprint"], fields["eprinttype"], fields["primaryClass"]) == (
        "{2305.14314}",
        "{arxiv}",
        "{cs.LG}",
    )
    assert modern["qlora2023"][1]["eprinttype"] == "{arxiv}"


def test_journal_fields(classic, modern) -> None:
    fields = classic["vanderaalst2016"][1]
    assert fields["journal"] == "{Communications of the ACM}"
    assert (fields["volume"], fields["number"], fields["pages"]) == ("{59}", "{3}", "{365--374}")
    assert (fields["year"], fields["month"]) == ("{2016}", "may")  # month macro, unbraced
    late = modern["vanderaalst2016"][1]
    assert late["journaltitle"] == "{Communications of the ACM}"
    assert late["shortjournal"] == "{Commun. ACM}"
    assert late["date"] == "{2016-05-17}"
    assert modern["qlora2023"][1]["date"] == "{2023-12}"
    assert modern["gpt4report2023"][1]["date"] == "{2023}"
    assert "year" not in late and "month" not in late


def test_names(classic) -> None:
    assert classic["vanderaalst2016"][1]["author"] == (
        "{van der Aalst, Wil and Ludäscher, Bertram and Wübben, Íñigo}"
    )
    assert classic["gpt4report2023"][1]["author"] == "{{OpenAI} and Zoë, Łucja}"
    assert classic["handbook2021"][1]["editor"] == "{Smith, Jane}"


@pytest.mark.parametrize("reader", [fx.read_bibtexparser, fx.read_pybtex], ids=["bp", "pybtex"])
def test_names_bibtex_would_split_are_braced(reader) -> None:
    item = {
        "id": "n",
        "type": "document",
        "title": "T",
        "author": [
            {"family": "Smith and Wesson", "given": "Ann, B."},
            {"family": "Le Cun"},
            {"literal": "Research, Inc. and Partners"},
        ],
    }
    text = bibtex.write([item])
    assert "{Smith and Wesson}, {Ann, B.} and {Le Cun} and {Research, Inc. and Partners}" in text
    assert reader(text)["n"]["author"] == fx.expected_people(item)


def test_url_only_when_it_adds_something(classic, modern) -> None:
    for entries in (classic, modern):
        assert "url" not in entries["vanderaalst2016"][1]  # doi.org link of the DOI
        assert "url" not in entries["alpagasus2024"][1]  # arXiv abs of the eprint
        assert "url" not in entries["gpt4report2023"][1]  # versioned arXiv abs
        assert entries["qlora2023"][1]["url"].startswith("{https://proceedings.neurips.cc/")
        # Raw: url.sty/biber take %, # and _ verbatim.
        assert entries["specials2022"][1]["url"] == "{https://example.org/papers/a%20b#section_2}"
        assert entries["whitepaper2020"][1]["url"] == (
            "{https://doi.org/10.6084/m9.figshare.13227875}"  # no DOI field: keep the link
        )
    assert classic["handbook2021"][1]["doi"] == "{10.1007/978-3-030-00000-0_5}"


def test_url_braces_and_spaces_are_percent_encoded() -> None:
    item = {"id": "u", "type": "document", "title": "T", "URL": "https://x.org/{a} b\\c"}
    fields = _raw_entries(bibtex.write([item]))["u"][1]
    assert fields["url"] == "{https://x.org/%7Ba%7D%20b%5Cc}"


def test_keywords_from_categories_and_no_note(classic) -> None:
    assert classic["alpagasus2024"][1]["keywords"] == "{Data Selection, Data Pruning}"
    assert classic["specials2022"][1]["keywords"] == r"{Edge Cases, TeX \& Friends}"
    assert all("note" not in fields for _, fields in classic.values())


# --- titles: escaping and case protection ----------------------------------------------


def test_title_case_protection(classic) -> None:
    titles = {k: _unbrace(v[1]["title"]) for k, v in classic.items()}
    assert titles["alpagasus2024"] == "{AlpaGasus}: Training a Better Alpaca with Fewer Data"
    assert titles["gpt4report2023"] == (
        "{GPT}-4 Technical Report: {ChatGPT}, {ALPAGASUS} and Other {LLM}s"
    )
    assert titles["qlora2023"] == "{QLoRA}: Efficient Finetuning of Quantized {LLM}s"
    assert titles["techreport2019"] == (
        "Measuring Massive Multitask Language Understanding ({MMLU})"
    )
    for title in titles.values():
        assert not title.startswith("{{")  # never the whole title double-braced


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Training Better Models", "Training Better Models"),
        ("Using C++ and X-ray Q&A", r"Using {C}++ and {X}-ray {Q}\&{A}"),
        ("Scaling T5 to 3D iPhone Data", "Scaling {T5} to {3D} {iPhone} Data"),
        ("Why: A Survey", "Why: A Survey"),
    ],
)
def test_title_protection_rules(title: str, expected: str) -> None:
    item = {"id": "t", "type": "document", "title": title}
    assert _unbrace(_raw_entries(bibtex.write([item]))["t"][1]["title"]) == expected


def test_tex_specials_and_html_entities_escaped(classic) -> None:
    assert _unbrace(classic["specials2022"][1]["title"]) == (
        r"Costs \& Benefits: 100\% of \$5 for \#1 via a\_b, "
        r"{\textbraceleft}x{\textbraceright} {\textasciitilde} y {\textasciicircum} z "
        r"{\textbackslash} w"
    )
    assert _unbrace(classic["vanderaalst2016"][1]["title"]) == (
        r"Process Mining: Data Science in Action \& Practice"
    )
    assert classic["specials2022"][1]["booktitle"] == (
        r"{Proceedings of the 1st Workshop on C++ \& Q\&A}"
    )
    # A name with a special is braced whole (biber would make "\&" an initial).
    assert classic["specials2022"][1]["author"] == (
        r"{{O'Brien \& Sons}, {Pat\_rick} and Kowalski, Łukasz}"
    )


def test_ascii_encodes_accents_as_bibtex_special_characters() -> None:
    text = bibtex.write(fx.items(), ascii=True)
    assert r"Lud{\"a}scher, Bertram" in text
    assert r"W{\"u}bben, {\'I}{\~n}igo" in text
    assert r"Zo{\"e}, {\L}ucja" in text
    assert r"Technische Universit{\"a}t M{\"u}nchen" in text
    assert "\\'\\i" not in text  # dotless-i form breaks biber and pandoc
    item = {"id": "i", "type": "document", "title": "Íñigo’s naïve café — α test 中文"}
    title = _unbrace(_raw_entries(bibtex.write([item], ascii=True))["i"][1]["title"])
    assert title == (
        r"{\'I}{\~n}igo{\textquoteright}s na{\"i}ve caf{\'e} {\textemdash} "
        r"{\ensuremath{\alpha}} test 中文"  # no LaTeX form: kept as UTF-8, not dropped
    )


def test_utf8_is_the_default() -> None:
    text = bibtex.write(fx.items())
    assert "Ludäscher" in text and '{\\"a}' not in text


def test_a_name_written_in_one_mode_is_written_afresh_in_the_other() -> None:
    """Rendered names are cached; the mode is part of what they are cached by."""
    item = {"id": "n", "type": "document", "author": [{"family": "Gödel", "given": "Kurt"}]}
    fields = [_raw_entries(bibtex.write([item], ascii=a))["n"][1]["author"] for a in (0, 1, 0)]
    assert fields == ["{Gödel, Kurt}", r"{G{\"o}del, Kurt}", "{Gödel, Kurt}"]


# --- incomplete items -------------------------------------------------------------------


def test_title_only_item_exports_as_misc_with_nd_year_and_key(classic, modern) -> None:
    entry, fields = classic["untitled-scrap"]
    assert entry == "misc"
    assert fields == {
        "title": "{Notes on Data Curation for {LLM} Training}",
        "year": "{n.d.}",
        # a short label, never the whole title, with the year natbib drops from a key label
        "key": "{Notes on Data, n.d.}",
    }
    assert modern["untitled-scrap"] == (
        "misc",
        {"title": "{Notes on Data Curation for {LLM} Training}", "label": "{Notes on Data}"},
    )


def test_an_authorless_item_cites_with_its_label_and_year_and_gets_no_author() -> None:
    item = {
        "id": "dele2024",
        "type": "document",
        "title": "DELE: Data Efficient LLM Evaluation",
        "issued": {"date-parts": [[2024]]},
    }
    classic = _raw_entries(bibtex.write([item]))["dele2024"][1]
    modern = _raw_entries(bibtex.write([item], flavour="biblatex"))["dele2024"][1]
    assert (classic["key"], modern["label"]) == ("{DELE, 2024}", "{DELE}")
    assert "author" not in classic and "author" not in modern


def test_a_classic_misc_with_an_arxiv_id_prints_it_in_a_field_natbib_prints() -> None:
    item = {
        "id": "amia2023",
        "type": "document",
        "title": "A Paper",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2023]]},
        "container-title": "IEEE",
        "custom": {"arxiv": "2310.05318"},
    }
    entry, fields = _raw_entries(bibtex.write([item]))["amia2023"]
    assert (entry, fields["note"], fields["howpublished"]) == (
        "misc",
        "{arXiv:2310.05318}",
        "{IEEE}",
    )
    assert "note" not in _raw_entries(bibtex.write([item], flavour="biblatex"))["amia2023"][1]


def test_biblatex_gets_an_event_label_only_without_a_booktitle() -> None:
    item = {
        "id": "c",
        "type": "paper-conference",
        "title": "A Paper",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2024]]},
        "container-title": "Findings of the Association for Computational Linguistics: EMNLP 2024",
        "event-title": "EMNLP 2024",
    }
    classic = _raw_entries(bibtex.write([item]))["c"][1]
    modern = _raw_entries(bibtex.write([item], flavour="biblatex"))["c"][1]
    assert classic["eventtitle"] == "{EMNLP 2024}"  # natbib ignores it; Zotero's Conference Name
    assert "eventtitle" not in modern and modern["booktitle"].startswith("{Findings of")


def test_missing_required_field_falls_back_to_misc_in_classic_only() -> None:
    item = {
        "id": "nojournal",
        "type": "article-journal",
        "title": "Lost Journal",
        "author": [{"family": "Doe", "given": "J."}],
        "volume": "3",
    }
    classic = _raw_entries(bibtex.write([item]))["nojournal"]
    assert classic[0] == "misc" and classic[1]["volume"] == "{3}"
    assert _raw_entries(bibtex.write([item], flavour="biblatex"))["nojournal"][0] == "article"
    no_year = {
        "id": "noyear",
        "type": "paper-conference",
        "title": "Undated",
        "author": [{"family": "Doe", "given": "J."}],
        "container-title": "Some Workshop",
    }
    entry, fields = _raw_entries(bibtex.write([no_year]))["noyear"]
    assert (entry, fields["year"], fields["booktitle"]) == (
        "inproceedings",
        "{n.d.}",
        "{Some Workshop}",
    )


def test_chapter_without_publisher_keeps_its_book_as_howpublished() -> None:
    item = {
        "id": "ch",
        "type": "chapter",
        "title": "A Chapter",
        "author": [{"family": "Doe", "given": "J."}],
        "issued": {"date-parts": [[2020]]},
        "container-title": "A Book",
    }
    entry, fields = _raw_entries(bibtex.write([item]))["ch"]
    assert (entry, fields["howpublished"]) == ("misc", "{A Book}")
    assert "booktitle" not in fields


def test_empty_item_list_gives_empty_text() -> None:
    assert bibtex.write([]) == ""


@pytest.mark.parametrize(
    "items",
    [
        [{"id": "a b", "title": "x"}],
        [{"title": "no key"}],
        [{"id": "dup", "title": "x"}, {"id": "dup", "title": "y"}],
    ],
    ids=["invalid-key", "missing-key", "duplicate-key"],
)
def test_keys_bibtex_cannot_hold_raise_input_error(items) -> None:
    with pytest.raises(InputError):
        bibtex.write(items)


def test_unknown_flavour_raises() -> None:
    with pytest.raises(InputError, match="biblatex"):
        bibtex.write(fx.items(), flavour="amsrefs")


# --- registry (delbib.export.formats) ---------------------------------------------------------


def test_registry_data() -> None:
    assert formats.names() == ["bibtex", "biblatex", "csljson", "ris", "zotero-rdf"]
    suffixes = [formats.get(n).suffix for n in formats.names()]
    assert suffixes == [".bib", ".bib", ".json", ".ris", ".rdf"]
    assert all(formats.get(n).media for n in formats.names())


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("out/refs.bib", "bibtex"),
        ("a.JSON", "csljson"),
        ("x/y.ris", "ris"),
        ("z.rdf", "zotero-rdf"),
    ],
)
def test_for_suffix(path: str, name: str) -> None:
    assert formats.for_suffix(path) == name


def test_for_suffix_unknown_names_valid_suffixes() -> None:
    with pytest.raises(InputError) as caught:
        formats.for_suffix("refs.txt")
    assert all(s in str(caught.value) for s in (".bib", ".json", ".ris"))
    with pytest.raises(InputError, match="bibtex"):
        formats.get("endnote")


def test_registry_write_dispatches_with_fixed_flavour() -> None:
    items = fx.items()
    assert formats.write("bibtex", items) == bibtex.write(items)
    assert formats.write("biblatex", items, ascii=True) == bibtex.write(
        items, flavour="biblatex", ascii=True
    )
    with pytest.raises(InputError):
        formats.write("biblatex", items, flavour="bibtex")


def test_registry_import_is_cheap() -> None:
    code = (
        "import sys, delbib.export.formats as f; f.get('ris'); f.for_suffix('a.bib');"
        "print(sorted(m for m in sys.modules if m.startswith(('delbib.export.formats.',"
        " 'pylatexenc', 'bibtexparser', 'pybtex', 'json'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("DELE: Data Efficient LLM Evaluation", "DELE"),
        ("Use of a Structured Knowledge Base Enhances Metadata Curation", "Use of a Structured"),
        ("Balancing performance and cost of LLMs", "Balancing performance and cost"),
        ("A Very Long Name Before The Colon: Subtitle", "A Very Long"),
        ("Short", "Short"),
    ],
)
def test_short_label_for_an_entry_without_author(title: str, label: str) -> None:
    assert bibtex.short_label(title) == label
