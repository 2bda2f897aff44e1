"""Unicode -> LaTeX text encoding for BibTeX/biblatex fields.

Catalog text is plain Unicode; BibTeX fields are LaTeX. These helpers make a
Unicode string print literally in LaTeX (the TeX specials ``& % $ # _ { } ~ ^ \\``
are escaped), keep braces balanced (BibTeX counts every brace, even ``\\{``, so the
braces are written as ``{\\textbraceleft}``/``{\\textbraceright}``), and protect the
capitals of acronyms in titles so sentence-casing styles (plainnat, biblatex) keep them.

ASCII mode writes accented Latin letters as BibTeX "special characters" (``{\\'e}``,
``{\\"u}``, ``{\\L}``; accented i/j as ``{\\'i}``, never ``{\\'\\i}``, which breaks biber
and pandoc); other symbols use pylatexenc's table (``{\\textemdash}``,
``{\\ensuremath{\\alpha}}``). A character with no LaTeX text form (CJK, emoji) is kept
as UTF-8 rather than transliterated: losing it silently would be worse than needing a
UTF-8 capable engine.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = [
    "braces_balanced",
    "clean_text",
    "encode",
    "encode_char",
    "escape",
    "escape_title",
]

# TeX specials -> LaTeX that prints them literally. Brace-like ones are braced groups so
# BibTeX treats them as one "special character" and they never glue to the next letter.
_SPECIALS: dict[str, str] = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
    "\\": r"{\textbackslash}",
}

# Combining mark -> LaTeX accent command (symbol accents take no braces around the base).
_ACCENTS: dict[str, str] = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0308": '"',
    "\u0306": "u",
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0323": "d",
    "\u0327": "c",
    "\u0328": "k",
    "\u0331": "b",
}

# Letters without a decomposition that classic LaTeX (OT1) can typeset.
_LETTERS: dict[str, str] = {
    "ß": r"\ss",
    "æ": r"\ae",
    "Æ": r"\AE",
    "œ": r"\oe",
    "Œ": r"\OE",
    "ø": r"\o",
    "Ø": r"\O",
    "ł": r"\l",
    "Ł": r"\L",
    "ı": r"\i",
    "ȷ": r"\j",
    "å": r"\aa",
    "Å": r"\AA",
}

_WS = re.compile(r"\s+")
_RUN = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not \t \n \r: whitespace


def clean_text(text: str) -> str:
    """Decode HTML entities, NFC-normalise, drop control characters, collapse whitespace.

    BibTeX and RIS are line/whitespace-insensitive (or line-based), so internal newlines
    and runs of spaces carry no meaning and would only break record structure.
    """
    if "&" in text:
        text = html.unescape(text)
    # isprintable() is False for a control character and for any whitespace but the space.
    if (
        "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and text.isprintable()
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    ):
        return text  # the common case: nothing (else) to clean
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return _WS.sub(" ", text).strip()


def _accented(ch: str) -> str | None:
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii() or not base.isalpha():
        return None
    if any(m not in _ACCENTS for m in marks):
        return None
    out = base  # dotted i/j on purpose: {\'i}, not {\'\i}
    for mark in marks:
        cmd = _ACCENTS[mark]
        symbol = not cmd.isalpha()
        out = f"\\{cmd}{out}" if symbol and len(out) == 1 else f"\\{cmd}{{{out}}}"
    return "{" + out + "}"


@lru_cache(maxsize=1)
def _fallback_encoder():  # pragma: no cover - trivial
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    return UnicodeToLatexEncoder(
        non_ascii_only=True,
        unknown_char_policy="keep",
        unknown_char_warning=False,
        replacement_latex_protection="braces-all",
    )


@lru_cache(maxsize=4096)
def encode_char(ch: str, ascii: bool = False) -> str:
    """LaTeX for one character: TeX specials escaped; non-ASCII encoded when ``ascii``."""
    if ch in _SPECIALS:
        return _SPECIALS[ch]
    if ch.isascii() or not ascii:
        return ch
    if ch in _LETTERS:
        return "{" + _LETTERS[ch] + "}"
    accented = _accented(ch)
    if accented is not None:
        return accented
    encoded = _fallback_encoder().unicode_to_latex(ch)
    if encoded.startswith("\\") and not encoded.startswith("{"):
        encoded = "{" + encoded + "}"
    return encoded


_SPECIAL_CHARS = re.escape("".join(_SPECIALS))
_SPECIAL = re.compile(f"[{_SPECIAL_CHARS}]")
# As a negated class of the other ASCII characters: the class of the range \x80-\U0010ffff
# takes 3 ms to compile, at every start.
_OTHER_ASCII = re.escape("".join(c for c in map(chr, range(128)) if c not in _SPECIALS))
_SPECIAL_OR_NON_ASCII = re.compile(f"[^{_OTHER_ASCII}]")
# Text that clean_text and _encode both keep as it is, in either mode: words of printable
# ASCII other than the TeX specials, single spaces between them. Possessive, so one pass.
_PLAIN_CHAR = re.escape("".join(c for c in map(chr, range(33, 127)) if c not in _SPECIALS))
_PLAIN = re.compile(rf"(?:[{_PLAIN_CHAR}]++(?: [{_PLAIN_CHAR}]++)*+)?")


def _special(match: re.Match[str]) -> str:
    return _SPECIALS[match.group()]


def _ascii_char(match: re.Match[str]) -> str:
    return encode_char(match.group(), True)


def _encode(text: str, ascii: bool) -> str:
    """``encode_char`` over a string. A regex substitution, not ``str.translate``: once a
    character maps to several, translate looks up every character, ten times slower."""
    if not ascii or text.isascii():
        return _SPECIAL.sub(_special, text)
    return _SPECIAL_OR_NON_ASCII.sub(_ascii_char, text)


def encode(text: str, *, ascii: bool = False) -> str:
    """``escape`` for text that already went through ``clean_text``."""
    return _encode(text, ascii)


def escape(text: str, *, ascii: bool = False) -> str:
    """Make plain Unicode text print literally in LaTeX (no case protection)."""
    if _PLAIN.fullmatch(text):
        return text  # the common case: one scan instead of cleaning, then encoding
    return _encode(clean_text(text), ascii)


def _needs_protection(run: str, start: int, text: str, first: bool) -> bool:
    if any(c.isupper() for c in run[1:]):
        return True  # LLM, ChatGPT, AlpaGasus, iPhone, 3D
    if run[0].isupper() and any(c.isdigit() for c in run):
        return True  # T5, V100
    if len(run) == 1 and run.isupper() and not first:
        # A lone capital (C++, X-ray, Q&A, "Part B"); the standalone word "A" is
        # mostly the article, which title case capitalises and sentence case must not.
        standalone_a = run == "A" and (start == 0 or text[start - 1] == " ")
        return not standalone_a
    return False


def _protected(run: str) -> str:
    """A run in braces; an all-caps word with a plural ``s`` is braced without the ``s``."""
    if len(run) > 2 and run.endswith("s") and run[:-1].isupper():
        return "{" + run[:-1] + "}s"
    return "{" + run + "}"


def _title_by_runs(text: str, ascii: bool) -> str:
    """The reference implementation: one run (letters and digits) at a time."""
    out: list[str] = []
    pos = 0
    for index, match in enumerate(_RUN.finditer(text)):
        start, end = match.span()
        out.append(_encode(text[pos:start], ascii))
        run = match.group()
        body = _encode(run, ascii)
        if _needs_protection(run, start, text, index == 0):
            body = _protected(body) if body == run else "{" + body + "}"
        out.append(body)
        pos = end
    out.append(_encode(text[pos:], ascii))
    return "".join(out)


_ALNUM, _UPPER, _DIGIT = 1, 2, 4  # the kinds of character the title pattern tells apart


@lru_cache(maxsize=16)  # one per bound: 2**7 to 2**16
def _kinds(bound: int) -> bytes:
    """Each character's kind below ``bound`` (the sum of ``_ALNUM``, ``_UPPER``, ``_DIGIT``
    it is), in one pass, so that the pattern's classes cost one scan each."""
    return bytes(c.isalnum() | c.isupper() << 1 | c.isdigit() << 2 for c in map(chr, range(bound)))


def _char_class(accept: Callable[[int], bool], bound: int) -> str:
    """A regex character class of the characters below ``bound`` of the kinds ``accept``
    accepts, as ranges."""
    kinds = b"".join(b"\\x%02x" % kind for kind in range(8) if accept(kind))
    ranges: list[str] = []
    for span in re.finditer(b"[" + kinds + b"]+", _kinds(bound)):
        first, last = re.escape(chr(span.start())), re.escape(chr(span.end() - 1))
        ranges.append(first if span.end() - span.start() == 1 else f"{first}-{last}")
    return "[" + "".join(ranges) + "]" if ranges else "(?!)"  # none: matches nothing


def _bound(text: str) -> int:
    """The smallest power of two, at least 128, above every character of ``text``: the
    pattern's classes need only the characters below it to treat ``text`` exactly as the
    whole BMP's would, and the BMP's cost 40 ms to build (for ASCII, well under 1 ms)."""
    return 0x80 if text.isascii() else max(0x80, 1 << ord(max(text)).bit_length())


@lru_cache(maxsize=16)  # one per bound: 2**7 to 2**16
def _protect_pattern(bound: int = 0x10000) -> re.Pattern[str]:
    """Runs (maximal letters and digits, not a macro name after a backslash) that need
    braces: a capital after the first character, a capital first with a digit, a lone
    capital. Built once per ``bound`` (see ``_bound``), for text of characters below it;
    the same rules as ``_needs_protection``.

    Written so that no alternative backtracks over its run (possessive, tried in this
    order), which halves the cost of a title. The rules as first written, with
    ``run = [^\\W_]`` (``str.isalnum``), ``upper`` and ``digit``::

        (?<!run)(?<!\\)(?:run+ upper run* | upper run*? digit run* | (upper))(?!run)

    An ``upper`` that is no ``run`` character (circled letters such as U+24B6) extends a
    match over the run after it; the first two alternatives below keep that.
    """
    run = _char_class(lambda k: k & _ALNUM, bound)  # ranges: faster to match than [^\W_]
    upper = _char_class(lambda k: k & _UPPER, bound)
    digit = _char_class(lambda k: k & _DIGIT, bound)
    upper_run = _char_class(lambda k: k & _UPPER and k & _ALNUM, bound)
    upper_other = _char_class(lambda k: k & _UPPER and not k & _ALNUM, bound)
    lower = _char_class(lambda k: k & _ALNUM and not k & _UPPER, bound)
    letter = _char_class(lambda k: k & _ALNUM and not k & (_UPPER | _DIGIT), bound)
    not_after = run[:-1] + r"\\]"  # neither a run character nor a backslash
    return re.compile(
        rf"(?<!{not_after})(?:"
        rf"{run}++{upper_other}{run}*+"  # a capital such as U+24B6 right after the run
        rf"|{run}{lower}*+{upper_run}{run}*+"  # a capital after the run's first character
        rf"|{upper_run}{letter}*+{digit}{run}*+"  # a capital, then (no capital) a digit
        rf"|{upper_other}{run}*?{digit}{run}*+"  # the same after a capital such as U+24B6
        rf"|({upper})(?!{run}))"  # a lone capital
    )


def escape_title(text: str, *, ascii: bool = False) -> str:
    """Escape a title and brace-protect acronyms/mixed-case words (not every word).

    Sentence-casing styles lowercase everything outside braces, so words whose
    capitals are not just the initial one (``{LLM}s``, ``{GPT}-4``, ``{ChatGPT}``) are
    braced; ordinary title-cased words stay unbraced so a style may lowercase them. An
    all-caps word with a plural ``s`` is braced without the ``s``.

    One regex pass over the escaped title finds the runs to protect (escaping TeX specials
    only adds macro names after a backslash, which the pattern skips); text with
    non-ASCII characters in ``ascii`` mode, where accents become commands, or beyond the
    Basic Multilingual Plane (outside the pattern's classes) goes run by run.
    """
    text = clean_text(text)
    if not text.isascii() and (ascii or _ASTRAL.search(text)):
        return _title_by_runs(text, ascii)  # accents as commands, or beyond the BMP
    encoded = _encode(text, ascii)

    def protect(match: re.Match[str]) -> str:
        run = match.group()
        if match.group(1) is not None:  # a lone capital (rare: look for the first run now)
            start = match.start()
            if start == _FIRST_RUN.search(encoded).start():
                return run
            if run == "A" and (start == 0 or encoded[start - 1] == " "):
                return run
        return _protected(run)

    return _protect_pattern(_bound(encoded)).sub(protect, encoded)


_FIRST_RUN = re.compile(r"(?<![^\W_])(?<!\\)[^\W_]+")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def braces_balanced(text: str) -> bool:
    """True when every ``{`` has a matching ``}`` (as BibTeX counts them: all of them)."""
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
