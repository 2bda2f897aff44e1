"""Title text: cleaning what lists get wrong, and one normalised form for comparing titles.

Every module that compares titles (catalog merging, lint, matching resolver candidates) uses
``title_key`` so that "the same title" means one thing across delbib.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PDF_SUFFIX = re.compile(r"\.pdf\s*$", re.IGNORECASE)
# Not after a lone letter: "N:M Sparsity" is a ratio, not a missing space.
_COLON_NO_SPACE = re.compile(r"(?<=[A-Za-z0-9)])(?<![\s(][A-Za-z])(?<!^[A-Za-z]):(?=[A-Za-z(])")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_NON_LETTER = re.compile(r"[\W_]+")  # any script's letters and digits kept
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def _undo_mac_roman(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("mac_roman").decode("utf-8")
    except UnicodeError:  # not UTF-8 read as Mac Roman: a real accented word, keep it
        return run


def fix_text(text: str) -> str:
    """Repair mojibake: ftfy for the Windows-1252/Latin-1 kind ("Ã¼" -> "ü"), plus UTF-8 read
    as Mac Roman ("Ôºö" -> "：", "üöÄ" -> "🚀"), which ftfy does not detect."""
    import ftfy  # ~50 ms: imported where it is used so that `delbib --help` stays fast

    return ftfy.fix_text(_NON_ASCII_RUN.sub(_undo_mac_roman, text), uncurl_quotes=False)


def clean_title(listed: str) -> str:
    """The listed title with the list's typing accidents repaired, wording left alone.

    Fixes mojibake, fullwidth colons, doubled spaces, a trailing ".pdf" and a missing space
    after a colon ("Alpagasus:Training" -> "Alpagasus: Training"); case is kept as listed.
    """
    text = fix_text(listed)
    text = text.replace("\uff1a", ": ")  # fullwidth colon
    text = _PDF_SUFFIX.sub("", text)
    text = _COLON_NO_SPACE.sub(": ", text)
    text = _SPACES.sub(" ", text).strip()
    return text.rstrip(" .")


def ascii_fold(text: str) -> str:
    """Drop accents: "Ludäscher" -> "Ludascher" (for keys and comparisons, never for display)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def title_key(title: str) -> str:
    """Normalised title for equality and similarity: case, accents, punctuation, spacing gone."""
    return clean_key(fix_text(title))


def clean_key(clean: str) -> str:
    """``title_key`` of a title already repaired by ``clean_title`` (mojibake fixed), so that
    a list's titles go through ftfy once, not once per use.

    A title with no Latin letter or digit (Chinese, Cyrillic) keys on its own letters: an
    empty key would match nothing, so importing its list again would duplicate the entry."""
    folded = ascii_fold(clean).casefold()
    return _NON_WORD.sub(" ", folded).strip() or _NON_LETTER.sub(" ", folded).strip()


def short_name(title: str) -> str | None:
    """The name a title gives its method before a colon ("AlpaGasus: Training ..." ->
    "AlpaGasus"), when that part is short (at most three words); else None."""
    head, sep, _ = title.partition(":")
    words = head.split()
    if not sep or not 0 < len(words) <= 3:
        return None
    return head.strip()


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles in [0, 1] after normalisation (rapidfuzz ratio, i.e. edit
    distance, so word order and extra words count)."""
    return key_similarity(title_key(a), title_key(b))


def key_similarity(ka: str, kb: str) -> float:
    """``title_similarity`` of two titles already normalised with ``title_key``."""
    from rapidfuzz import fuzz

    if not ka or not kb:
        return 0.0
    return fuzz.ratio(ka, kb) / 100.0
