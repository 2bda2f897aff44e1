"""Property tests: any Unicode title or name, TeX specials included, survives the BibTeX
writer and comes back unchanged from bibtexparser and pybtex (after LaTeX decoding), in
both flavours, UTF-8 and ASCII; the output is always brace-balanced.

Out of scope on purpose: TeX ligatures (``--``, ``''``, ``?```, ``!```), which LaTeX
and the decoders turn into dashes and quotes. A catalog title with ``--`` means a dash.
"""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delbib.export.formats import bibtex, ris
from delbib.export.latex import braces_balanced, clean_text

from . import formats_fixtures as fx

SPECIALS = "&%$#_{}~^\\"
ACCENTED = "äöüÄÖÜéèêëíìîïÍñÑçÇłŁßøØåÅæÆœŒšžčřőűęążĳıÿ"
SYMBOLS = "—–’“”…αβΩ€×°§©¿¡«»"
PUNCT = ".,:;!?'\"()[]/+=*@|<>- "
TITLE_CHARS = string.ascii_letters + string.digits + SPECIALS + ACCENTED + SYMBOLS + PUNCT
NAME_CHARS = string.ascii_letters + SPECIALS + ACCENTED + "'-. ,"
LIGATURES = ("--", "''", "?`", "!`")

MODES = st.sampled_from(
    [("bibtex", False), ("bibtex", True), ("biblatex", False), ("biblatex", True)]
)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text(chars: str, max_size: int) -> st.SearchStrategy[str]:
    return (
        st.text(alphabet=chars, min_size=1, max_size=max_size)
        .filter(lambda s: clean_text(s) != "")
        .filter(lambda s: not any(lig in s for lig in LIGATURES))
    )


titles = _text(TITLE_CHARS, 60)
words = _text(NAME_CHARS, 20)
people = st.lists(
    st.one_of(
        st.fixed_dictionaries({"family": words, "given": words}),
        st.fixed_dictionaries({"family": words}),
        st.fixed_dictionaries({"literal": words}),
    ),
    min_size=1,
    max_size=3,
)


def _item(title: str, authors: list[dict], container: str = "Proc. X") -> dict:
    return {
        "id": "k1",
        "type": "paper-conference",
        "title": title,
        "author": authors,
        "container-title": container,
        "issued": {"date-parts": [[2024, 5]]},
    }


def _round_trip(item: dict, flavour: str, ascii: bool) -> None:
    text = bibtex.write([item], flavour=flavour, ascii=ascii)
    assert braces_balanced(text)
    if ascii:  # every character of the alphabets has a LaTeX form
        assert text.isascii()
    expected_title = clean_text(item["title"])
    expected_people = fx.expected_people(item)
    for reader in (fx.read_bibtexparser, fx.read_pybtex):
        entry = reader(text)["k1"]
        assert entry["fields"]["title"] == expected_title, reader.__name__
        assert entry.get("author", []) == expected_people, reader.__name__


@SETTINGS
@given(title=titles, mode=MODES)
def test_titles_survive_write_then_parse(title: str, mode: tuple[str, bool]) -> None:
    _round_trip(_item(title, [{"family": "Doe", "given": "Jane"}]), *mode)


@SETTINGS
@given(authors=people, mode=MODES)
def test_names_survive_write_then_parse(authors: list[dict], mode: tuple[str, bool]) -> None:
    _round_trip(_item("A Title", authors), *mode)


@SETTINGS
@given(title=titles, container=titles, authors=people, mode=MODES)
def test_output_is_always_brace_balanced_and_parses(
    title: str, container: str, authors: list[dict], mode: tuple[str, bool]
) -> None:
    item = _item(title, authors, container)
    item["publisher"] = container
    item["custom"] = {"categories": [title, container]}
    text = bibtex.write([item], flavour=mode[0], ascii=mode[1])
    assert braces_balanced(text)
    entry = fx.read_pybtex(text)["k1"]
    assert entry["fields"]["booktitle"] == clean_text(container)


@SETTINGS
@given(title=titles, authors=people)
def test_ris_keeps_one_tag_per_line(title: str, authors: list[dict]) -> None:
    import rispy

    (record,) = rispy.loads(ris.write([_item(title, authors)]))
    assert record["title"] == clean_text(title)
    assert len(record.get("authors", [])) == len(fx.expected_people(_item(title, authors)))


@SETTINGS
@given(
    title=st.one_of(titles, st.text(min_size=1, max_size=40)),
    ascii=st.booleans(),
)
def test_one_pass_title_protection_agrees_with_the_run_by_run_rules(title, ascii) -> None:
    """escape_title's single regex pass gives what the run-by-run rules give, for any text
    (any Unicode, TeX specials, lone capitals, macro-looking words)."""
    from delbib.export.latex import _title_by_runs, escape_title

    assert escape_title(title, ascii=ascii) == _title_by_runs(clean_text(title), ascii)


@SETTINGS
@given(text=st.text(max_size=40))
def test_clean_text_leaves_nfc_single_spaced_text_and_is_idempotent(text) -> None:
    import re
    import unicodedata

    cleaned = clean_text(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not re.search(r"[\x00-\x1f]|(?! )\s|  |^ | $", cleaned)
    if "&" not in cleaned:  # entities are decoded once; "&amp;amp;" stays "&amp;"
        assert clean_text(cleaned) == cleaned


# --- the fast paths of delbib.export.latex agree with their plain definitions ------------------

HOSTILE = TITLE_CHARS + " \t\n\r\x00\x1f\x0b\xa0\u2003\u200b\u0301\u0308;&#x" + "ⒶⓑⅫǅ²٣𝐀😀"


@SETTINGS
@given(text=st.one_of(st.text(alphabet=HOSTILE, max_size=40), st.text(max_size=40)))
def test_clean_text_is_its_definition(text: str) -> None:
    """Entities decoded, NFC, control characters dropped, whitespace collapsed and stripped
    (written here the slow, obvious way)."""
    import html
    import unicodedata

    expected = html.unescape(text) if "&" in text else text
    expected = unicodedata.normalize("NFC", expected)
    expected = "".join(c for c in expected if ord(c) >= 32 or c in "\t\n\r")
    assert clean_text(text) == " ".join(expected.split())


@SETTINGS
@given(
    text=st.one_of(st.text(alphabet=HOSTILE, max_size=40), st.text(max_size=40)),
    ascii=st.booleans(),
)
def test_encode_and_escape_are_encode_char_over_each_character(text: str, ascii: bool) -> None:
    from delbib.export.latex import encode, encode_char, escape

    expected = "".join(encode_char(c, ascii) for c in text)
    assert encode(text, ascii=ascii) == expected
    cleaned = clean_text(text)
    assert escape(text, ascii=ascii) == "".join(encode_char(c, ascii) for c in cleaned)


@SETTINGS
@given(text=st.text(alphabet=string.ascii_letters[:3] + "XYZ09 \\-_{}.ÄéⒶⓑ²٣ǅⅫ", max_size=14))
def test_protection_pattern_finds_what_the_rules_as_first_written_find(text: str) -> None:
    """The possessive pattern of escape_title matches the same runs, with the same lone
    capitals, as the plain (backtracking) regex of its rules, on any BMP text; so does the
    smaller pattern built for the characters below the text's ``_bound``."""
    import re

    from delbib.export.latex import _bound, _protect_pattern

    bmp = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    run = r"[^\W_]"
    upper = "[" + "".join(re.escape(c) for c in bmp if c.isupper()) + "]"
    digit = "[" + "".join(re.escape(c) for c in bmp if c.isdigit()) + "]"
    rules = re.compile(
        rf"(?<!{run})(?<!\\)(?:{run}+{upper}{run}*|{upper}{run}*?{digit}{run}*|({upper}))(?!{run})"
    )
    expected = [(m.span(), m.group(1)) for m in rules.finditer(text)]
    for pattern in (_protect_pattern(), _protect_pattern(_bound(text))):
        assert [(m.span(), m.group(1)) for m in pattern.finditer(text)] == expected


def _frozen(value):
    """``value`` with every dict, at any depth, as a read-only non-dict ``Mapping``."""
    from types import MappingProxyType

    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_frozen(v) for v in value]
    return value


@SETTINGS
@given(title=titles, container=titles, authors=people)
def test_writers_read_any_mapping_as_they_read_a_dict(title, container, authors) -> None:
    """The writers look for plain dicts first (speed); any other Mapping, for the item,
    its names, dates and custom fields, must give the same bytes."""
    from delbib.export.formats import csljson, zoterordf

    item = _item(title, authors, container)
    item.update(
        custom={"arxiv": "2401.01335", "categories": [container, title]},
        editor=authors,
        publisher=container,
        note=f"Citation Key: k1\n{title}",
    )
    for writer in (ris, csljson, zoterordf):
        assert writer.write([_frozen(item)]) == writer.write([item]), writer.__name__


def test_names_of_equal_but_different_values_are_written_apart() -> None:
    """1, 1.0 and True are one key to a cache but three different names."""
    from delbib.export.formats import zoterordf

    names = [{"family": 1}, {"family": True}, {"family": 1.0}, {"family": "1"}]
    item = _item("T", names)
    assert [ln for ln in ris.write([item]).splitlines() if ln.startswith("AU")] == [
        "AU  - 1",
        "AU  - True",
        "AU  - 1.0",
        "AU  - 1",
    ]
    rdf = zoterordf.write([item])
    assert re.findall(r"<foaf:surname>(.*?)</foaf:surname>", rdf) == ["1", "True", "1.0", "1"]
