"""Every shipped .bib export compiles with each standard style, whatever packages the document
loads, with no error and no warning; authorless entries cite with a label and a year; a venue
prints once; DOIs and URLs with TeX specials never stop LaTeX.

One document per style cites the whole of ``all.bib``; each per-category file is checked to be
made of ``all.bib``'s own entries (same text, same preamble), so it compiles when all.bib does.
Expected labels and venues come from the CSL-JSON export, read here with ``json``.
"""

from __future__ import annotations

import json
import re

import pytest

from delbib.export.formats import bibtex

from .conftest import EXPORTS
from .test_latex_compile import _assert_clean, _require, compile_bib

# (backend, style, packages): the natbib styles with no package, url.sty or hyperref, and
# biblatex's standard (numeric) and authoryear styles with and without hyperref.
STYLES = [
    ("bibtex", "plainnat", ()),
    ("bibtex", "plainnat", ("url",)),
    ("bibtex", "plainnat", ("hyperref",)),
    ("bibtex", "abbrvnat", ()),
    ("bibtex", "unsrtnat", ("url", "hyperref")),
    ("biber", "numeric", ()),
    ("biber", "authoryear", ("hyperref",)),
]
FLAVOUR = {"bibtex": "bibtex", "biber": "biblatex"}


def _items() -> dict[str, dict]:
    items = json.loads((EXPORTS / "csljson" / "all.json").read_text(encoding="utf-8"))
    return {item["id"]: item for item in items}


def _authorless() -> dict[str, int]:
    """key -> year of the exported items without author or editor."""
    return {
        key: item["issued"]["date-parts"][0][0]
        for key, item in _items().items()
        if not item.get("author") and not item.get("editor")
    }


def _entries(text: str) -> tuple[str, list[str]]:
    """A .bib file's text before its first entry, and its entries' texts."""
    head, *rest = re.split(r"\n(?=@(?!preamble))", "\n" + text)
    return head.strip(), [e.strip() for e in rest]


@pytest.mark.parametrize("flavour", ["bibtex", "biblatex"])
def test_each_category_file_is_made_of_all_bibs_entries(flavour):
    head, entries = _entries((EXPORTS / flavour / "all.bib").read_text(encoding="utf-8"))
    files = sorted((EXPORTS / flavour).glob("*.bib"))
    assert len(files) > 10
    for path in files:
        own_head, own = _entries(path.read_text(encoding="utf-8"))
        assert own_head == head, path.name
        assert set(own) <= set(entries), path.name
    assert head == ("" if flavour == "biblatex" else bibtex.PREAMBLE.strip())


def test_the_exports_have_authorless_entries_to_check():
    """The shipped catalog has papers whose authors no source shows (docs/data-gaps.md)."""
    assert len(_authorless()) >= 1


@pytest.mark.parametrize(("backend", "style", "packages"), STYLES)
def test_all_bib_compiles_cleanly_with_each_standard_style(backend, style, packages):
    _require(backend)
    authorless = _authorless()
    cites = " ".join(f"\\cite{{{key}}}" for key in authorless)
    text = (EXPORTS / FLAVOUR[backend] / "all.bib").read_text(encoding="utf-8")
    result = compile_bib(text, backend, style=style, packages=packages, body=cites)
    _assert_clean(result)
    bbl = " ".join(result.bbl.split())
    if backend == "bibtex":
        assert bbl.count("\\bibitem") == len(_items())
        items = bbl.split("\\bibitem")
        for key, eprint in re.findall(r"@misc\{(\w+),[^@]*?eprint = \{([^}]*)\}", text):
            block = next(b for b in items if f"]{{{key}}}" in b)  # natbib prints the arXiv id
            assert f"arXiv:{eprint}" in block, key
        for key, year in authorless.items():  # natbib's label holds the year
            assert re.search(rf"\\bibitem\[[^\]]*\b{year}\b[^\]]*\]\{{{key}\}}", bbl), key
    else:
        assert bbl.count("\\entry{") == len(_items())
        for block in bbl.split("\\entry{")[1:]:  # a venue once: booktitle or eventtitle
            assert not ("{booktitle}" in block and "{eventtitle}" in block), block[:80]
    if result.text and style in ("plainnat", "abbrvnat", "authoryear"):  # cited: label, year
        field = "key" if backend == "bibtex" else "label"
        for key, year in authorless.items():
            label = re.search(rf"{{{key},[^@]*?{field} = \{{([^}}]*)\}}", text).group(1)
            label = label.replace("{", "").replace("}", "")
            assert re.search(rf"{re.escape(label.split(',')[0])},? {year}", result.text), key


def test_biblatex_prints_each_venue_once_and_findings_as_findings():
    _require("biber")
    items = _items()
    findings = [k for k, i in items.items() if "Findings" in (i.get("container-title") or "")]
    events = [k for k, i in items.items() if i.get("event-title")]
    assert len(findings) >= 10 and len(events) >= 100
    text = (EXPORTS / "biblatex" / "all.bib").read_text(encoding="utf-8")
    result = compile_bib(text, "biber", style="numeric", packages=())
    _assert_clean(result)
    if not result.text:
        pytest.skip("pdftotext (poppler-utils) not installed")
    doubled = re.findall(r"\b([A-Z][A-Za-z]+ (?:19|20)\d\d)\)?\. \1\.", result.text)
    assert doubled == []
    for key in findings:  # the Findings volume, not the main conference
        container = " ".join(items[key]["container-title"].split())
        assert f"In: {container}" in result.text, key


HOSTILE = [
    {
        "id": "underscore2024",
        "type": "paper-conference",
        "title": "A Chapter",
        "author": [{"family": "Doe", "given": "Jane"}],
        "container-title": "Proceedings",
        "event-title": "CONF 2024",
        "issued": {"date-parts": [[2024]]},
        "DOI": "10.1007/978-3-031-61057-8_31",
    },
    {
        "id": "specials2024",
        "type": "document",
        "title": "A Page",
        "author": [{"family": "Roe", "given": "Rich"}],
        "issued": {"date-parts": [[2024]]},
        "URL": "https://example.org/a_b%20c/~user/x^y&z$w#frag",
    },
    {
        "id": "hashdoi2024",
        "type": "article-journal",
        "title": "A Paper",
        "author": [{"family": "Poe", "given": "Ed"}],
        "container-title": "Journal",
        "issued": {"date-parts": [[2024]]},
        "DOI": "10.1000/a%b#c~d_e",
    },
]


@pytest.mark.parametrize(("backend", "style", "packages"), STYLES)
def test_dois_and_urls_with_tex_specials_never_stop_latex(backend, style, packages):
    _require(backend)
    text = bibtex.write(HOSTILE, flavour=FLAVOUR[backend])
    result = compile_bib(text, backend, style=style, packages=packages)
    _assert_clean(result)
    if result.text:
        # A URL broken across lines reads with a space, or without the hyphen it broke at.
        printed = re.sub(r"[\s-]", "", result.text)
        for value in ("10.1007/978-3-031-61057-8_31", "10.1000/a%b#c~d_e", "a_b%20c/~user"):
            assert value.replace("-", "") in printed, (value, result.text[-600:])
