"""The BibTeX writer's output compiles with real LaTeX toolchains, without warnings.

``compile_bib`` is reusable (e.g. on the real exports): it compiles a .bib with
natbib + a natbib style (plainnat by default) + bibtex, or biblatex (authoryear by default)
+ biber, loading the packages it is given (url by default), in a temporary directory and
returns the bibliography processor's warnings and LaTeX's errors and warnings.

Without a TeX installation these tests are skipped, unless the environment variable
``CI`` is set: CI installs texlive, so a missing toolchain there is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from delbib.export.formats import bibtex

from . import formats_fixtures as fx

BACKENDS = ("bibtex", "biber")
_TOOLS = {"bibtex": ("pdflatex", "bibtex"), "biber": ("pdflatex", "biber")}

_PREAMBLE = "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n"
_DEFAULT_STYLE = {"bibtex": "plainnat", "biber": "authoryear"}
_DOCUMENTS = {
    "bibtex": r"""\usepackage{natbib}
\begin{document}
%(body)s
\nocite{*}
\bibliographystyle{%(style)s}
\bibliography{refs}
\end{document}
""",
    "biber": r"""\usepackage[backend=biber,style=%(style)s]{biblatex}
\addbibresource{refs.bib}
\begin{document}
%(body)s
\nocite{*}
\printbibliography
\end{document}
""",
}


def document(
    backend: str, *, style: str | None = None, packages: Sequence[str] = ("url",), body: str = ""
) -> str:
    """A minimal document citing every entry of refs.bib, with the style and packages given."""
    uses = "".join(f"\\usepackage{{{name}}}\n" for name in packages)
    style = style or _DEFAULT_STYLE[backend]
    return _PREAMBLE + uses + _DOCUMENTS[backend] % {"style": style, "body": body}


# LaTeX messages that are not problems with the bibliography: box badness, and the
# font substitution LaTeX makes for \textbraceleft etc. in the default OT1 encoding.
_BENIGN_LATEX = re.compile(r"LaTeX Font Warning|^(Over|Under)full \\[hv]box")


@dataclass
class CompileResult:
    """What a compile run reported; ``ok`` when there is nothing to complain about."""

    backend: str
    warnings: list[str] = field(default_factory=list)  # bibtex "Warning--" / biber WARN
    errors: list[str] = field(default_factory=list)  # processor errors, LaTeX "!" errors
    latex_warnings: list[str] = field(default_factory=list)  # minus benign font/box noise
    bbl: str = ""
    blg: str = ""
    log: str = ""
    text: str = ""  # the PDF's text (pdftotext), whitespace collapsed

    @property
    def ok(self) -> bool:
        return not (self.warnings or self.errors or self.latex_warnings)


def latex_available(backend: str = "bibtex") -> bool:
    """True when the toolchain for ``backend`` is on PATH."""
    return all(shutil.which(tool) for tool in _TOOLS[backend])


def _run(cmd: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env={**os.environ, "max_print_line": "10000"},
    )


def _latex_messages(log: str) -> tuple[list[str], list[str]]:
    errors = [line for line in log.splitlines() if line.startswith("!")]
    warnings = [
        line.strip()
        for line in log.splitlines()
        if "Warning" in line and not _BENIGN_LATEX.search(line.strip())
    ]
    return errors, warnings


def compile_bib(
    bib_text: str,
    backend: str = "bibtex",
    *,
    workdir: str | Path | None = None,
    timeout: int = 180,
    style: str | None = None,
    packages: Sequence[str] = ("url",),
    body: str = "",
) -> CompileResult:
    """Compile a document that ``\\nocite{*}``s ``bib_text``; collect every complaint.

    ``backend="bibtex"``: natbib + ``style`` (plainnat) + bibtex. ``backend="biber"``:
    biblatex (``style``: authoryear) + biber. ``packages`` are loaded first, ``body`` is
    typeset before the bibliography. Runs pdflatex, the processor, then pdflatex twice, in
    ``workdir`` (a fresh temporary directory when None, removed afterwards); the PDF's
    text is in ``text`` when pdftotext is installed.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}")
    options = {"style": style, "packages": packages, "body": body}
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="delbib-latex-") as tmp:
            return compile_bib(bib_text, backend, workdir=tmp, timeout=timeout, **options)
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    (work / "refs.bib").write_text(bib_text, encoding="utf-8")
    (work / "doc.tex").write_text(document(backend, **options), encoding="utf-8")
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    result = CompileResult(backend)

    first = _run(latex, work, timeout)
    if first.returncode != 0:
        log = (work / "doc.log").read_text(encoding="utf-8", errors="replace")
        result.log = log
        result.errors = _latex_messages(log)[0] or [f"pdflatex exited {first.returncode}"]
        return result
    proc = _run([backend, "doc"], work, timeout)
    blg_path = work / "doc.blg"
    result.blg = blg_path.read_text(encoding="utf-8", errors="replace") if blg_path.exists() else ""
    if backend == "bibtex":
        result.warnings = [ln for ln in result.blg.splitlines() if ln.startswith("Warning--")]
        result.errors = [
            ln for ln in result.blg.splitlines() if "error message" in ln or "I'm skipping" in ln
        ]
    else:
        result.warnings = [ln for ln in result.blg.splitlines() if "] WARN - " in ln]
        result.errors = [ln for ln in result.blg.splitlines() if "] ERROR - " in ln]
    if proc.returncode != 0 and not result.errors and not result.warnings:
        result.errors.append(f"{backend} exited {proc.returncode}: {proc.stdout[-2000:]}")
    bbl_path = work / "doc.bbl"
    result.bbl = bbl_path.read_text(encoding="utf-8", errors="replace") if bbl_path.exists() else ""

    for _ in range(2):
        final = _run(latex, work, timeout)
    result.log = (work / "doc.log").read_text(encoding="utf-8", errors="replace")
    latex_errors, result.latex_warnings = _latex_messages(result.log)
    result.errors.extend(latex_errors)
    if final.returncode != 0 and not latex_errors:
        result.errors.append(f"pdflatex exited {final.returncode}")
    result.text = pdf_text(work / "doc.pdf")
    return result


def pdf_text(pdf: Path) -> str:
    """The PDF's text, whitespace collapsed (pdftotext); "" without poppler-utils or a PDF."""
    if not (shutil.which("pdftotext") and pdf.exists()):
        return ""
    run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False)
    return " ".join(run.stdout.split())


def _require(backend: str) -> None:
    if latex_available(backend):
        return
    message = f"LaTeX toolchain for {backend} not installed ({', '.join(_TOOLS[backend])})"
    if os.environ.get("CI"):
        pytest.fail(message + " but CI is set: CI must install texlive")
    pytest.skip(message)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _assert_clean(result: CompileResult) -> None:
    assert result.errors == [], "\n".join(result.errors)
    assert result.warnings == [], "\n".join(result.warnings)
    assert result.latex_warnings == [], "\n".join(result.latex_warnings)


def test_natbib_plainnat_bibtex_compiles_without_warnings() -> None:
    _require("bibtex")
    result = compile_bib(bibtex.write(fx.items(), flavour="bibtex"), "bibtex")
    _assert_clean(result)
    bbl = _flat(result.bbl)
    assert "arXiv preprint arXiv:2307.08701" in bbl
    assert bbl.count(r"\bibitem") == len(fx.items())
    # plainnat sentence-cases titles: braced acronyms survive, ordinary words do not.
    assert "{AlpaGasus}: Training a better alpaca with fewer data" in bbl


def test_natbib_compiles_ascii_output_without_warnings() -> None:
    _require("bibtex")
    text = bibtex.write(fx.items(), flavour="bibtex", ascii=True)
    assert text.isascii()
    result = compile_bib(text, "bibtex")
    _assert_clean(result)
    bbl = _flat(result.bbl)
    assert r"Lud{\"a}scher" in bbl
    assert r"{\L}ukasz" in bbl


def test_biblatex_biber_compiles_without_warnings() -> None:
    _require("biber")
    result = compile_bib(bibtex.write(fx.items(), flavour="biblatex"), "biber")
    _assert_clean(result)
    bbl = _flat(result.bbl)
    assert bbl.count(r"\entry{") == len(fx.items())
    assert r"\field{eprinttype}{arxiv}" in bbl
    assert r"\verb 2307.08701" in bbl
    assert r"\\bibinitperiod" not in bbl  # an escaped special must not become an initial


def test_biblatex_biber_compiles_ascii_output_without_warnings() -> None:
    _require("biber")
    result = compile_bib(bibtex.write(fx.items(), flavour="biblatex", ascii=True), "biber")
    _assert_clean(result)


def test_compile_bib_reports_warnings() -> None:
    """The helper must see problems, or a clean result would mean nothing."""
    _require("bibtex")
    broken = "@article{nojournal,\n  title = {Only a Title},\n  year = {2020}\n}\n"
    result = compile_bib(broken, "bibtex")
    assert any("empty author" in w for w in result.warnings)
    assert any("empty journal" in w for w in result.warnings)
    assert not result.ok


def validate_datamodel(bib_text: str, timeout: int = 180) -> list[str]:
    """biber's data model check (``biber --tool --validate-datamodel``): its WARN/ERROR lines."""
    with tempfile.TemporaryDirectory(prefix="delbib-biber-") as tmp:
        work = Path(tmp)
        (work / "refs.bib").write_text(bib_text, encoding="utf-8")
        run = _run(
            ["biber", "--tool", "--validate-datamodel", "refs.bib", "-O", "out.bib"], work, timeout
        )
        lines = (run.stdout + run.stderr).splitlines()
        problems = [ln for ln in lines if re.search(r"\b(WARN|ERROR) - ", ln)]
        if run.returncode != 0 and not problems:
            problems.append(f"biber exited {run.returncode}")
        return problems


def test_biber_validates_the_exported_bib_files_of_both_flavours() -> None:
    """No required field missing, no field a type does not have, in either flavour."""
    _require("biber")
    from .conftest import EXPORTS

    for flavour in ("bibtex", "biblatex"):
        text = (EXPORTS / flavour / "all.bib").read_text(encoding="utf-8")
        assert validate_datamodel(text) == [], flavour


def test_validate_datamodel_reports_problems() -> None:
    """The check must see a missing mandatory field, or a clean result would mean nothing."""
    _require("biber")
    problems = validate_datamodel("@article{x,\n  title = {Only a Title},\n  date = {2020}\n}\n")
    assert any("Missing mandatory field" in p for p in problems)
