"""The citation keys a LaTeX document uses, from its .tex source or its .aux file.

For ``export --cited-in``: a survey's .bib should hold what the survey cites. The .tex is
read without running LaTeX: every command whose name holds ``cite`` (natbib's ``\\citep``,
``\\citet``, ``\\citealp``, biblatex's ``\\parencite``, ``\\textcite``, ``\\autocite``,
``\\footcite``, starred and capitalised forms, ``\\nocite``), with optional arguments, and
biblatex's multi-cite commands (``\\cites(pre)(post)[a]{k1}[b]{k2}``); comments are skipped
and ``\\input``/``\\include`` are followed. An .aux holds what LaTeX saw: BibTeX's
``\\citation{...}`` and biblatex's ``\\abx@aux@cite{...}`` lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from delbib.errors import InputError

ALL = "*"  # \nocite{*}: every entry
_COMMAND = re.compile(r"\\([A-Za-z]*cite[A-Za-z]*)\*?")
_NOT_CITING = frozenset({"citestyle", "citeindextrue", "citeindexfalse", "citetrackertrue"})
_MULTI = re.compile(r"^(?:[A-Za-z]*cites|Cites)$")  # biblatex: \cites, \parencites, ...
_INPUT = re.compile(r"\\(?:input|include|subfile)\s*\{([^}]+)\}")
_AUX = re.compile(r"\\(?:citation|abx@aux@cite)((?:\{[^{}]*\})+)")
_COMMENT = re.compile(r"(?<!\\)%.*")


def read(path: str | Path) -> list[str]:
    """The keys ``path`` (.tex or .aux) cites, in first-citation order; ``ALL`` for
    ``\\nocite{*}``. An unreadable file is an ``InputError`` naming it."""
    path = Path(path)
    if path.suffix.lower() == ".aux":
        return list(dict.fromkeys(_from_aux(_text(path))))
    return list(dict.fromkeys(_from_tex(path, seen=set())))


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def _from_aux(text: str) -> list[str]:
    keys = []
    for found in _AUX.finditer(text):
        groups = re.findall(r"\{([^{}]*)\}", found.group(1))
        keys += _split(groups[-1])  # biblatex: \abx@aux@cite{refsection}{key}
    return keys


def _from_tex(path: Path, seen: set[Path]) -> list[str]:
    resolved = path.resolve()
    if resolved in seen:
        return []
    seen.add(resolved)
    text = "\n".join(_COMMENT.sub("", line) for line in _text(path).splitlines())
    keys: list[str] = []
    events = sorted(
        [(m.start(), "cite", m) for m in _COMMAND.finditer(text)]
        + [(m.start(), "input", m) for m in _INPUT.finditer(text)],
        key=lambda e: e[0],
    )
    for _, kind, found in events:
        if kind == "input":
            child = path.parent / found.group(1).strip()
            child = child if child.suffix or child.is_file() else child.with_suffix(".tex")
            if child.is_file():
                keys += _from_tex(child, seen)
        elif found.group(1) not in _NOT_CITING:
            keys += _arguments(text, found.end(), multi=bool(_MULTI.match(found.group(1))))
    return keys


def _arguments(text: str, pos: int, *, multi: bool) -> list[str]:
    """The keys in the mandatory arguments after a cite command at ``pos``: optional
    ``[...]`` and biblatex's ``(...)`` are skipped; a multi-cite reads every ``{...}``."""
    keys: list[str] = []
    closing = {"[": "]", "(": ")", "{": "}"}
    while True:
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        if pos >= len(text) or text[pos] not in closing:
            return keys
        opener = text[pos]
        end = _matching(text, pos, opener, closing[opener])
        if end < 0:
            return keys
        if opener == "{":
            keys += _split(text[pos + 1 : end])
            if not multi:
                return keys
        pos = end + 1


def _matching(text: str, pos: int, opener: str, closer: str) -> int:
    depth = 0
    for i in range(pos, len(text)):
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split(keys: str) -> list[str]:
    """Keys of one argument; a macro's parameter (``\\cite{#1}`` in a definition) is none."""
    return [k.strip() for k in keys.split(",") if k.strip() and "#" not in k]
