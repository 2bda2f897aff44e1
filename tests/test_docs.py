"""The README is a front page that tells the truth, and docs/ holds the details.

Checked here: the front page's length, that every relative link of the README and docs/
resolves (file and heading anchor, as GitHub makes anchors), that every command has a section
in docs/ and an example in its --help, and that CI runs the README's test command as it stands.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import click
import pytest

from delbib.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~)")


def github_anchor(heading: str) -> str:
    """The id GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def headings(path: Path) -> set[str]:
    found, fenced = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := re.match(r"#{1,6} (.+)", line)):
            found.add(github_anchor(m.group(1)))
    return found


def links(path: Path) -> list[str]:
    prose, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            prose.append(line)
    text = re.sub(r"`[^`]*`", "", "\n".join(prose))  # code spans show markdown, link nothing
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def test_github_anchor_matches_githubs_rule():
    # Written from GitHub's rendering of these headings, not from the function.
    assert github_anchor("`delbib import-markdown LIST.md`") == "delbib-import-markdown-listmd"
    assert github_anchor("How resolution decides") == "how-resolution-decides"
    assert github_anchor("`delbib zotero push`") == "delbib-zotero-push"


def test_readme_is_a_front_page():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 250


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_every_relative_link_resolves(page):
    for target in links(page):
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        assert dest.exists(), f"{page.name}: link to missing {target}"
        if anchor and dest.suffix == ".md":
            assert anchor in headings(dest), f"{page.name}: no heading #{anchor} in {dest.name}"


def commands(group: click.Group, prefix: str = "delbib"):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_command_is_documented_with_an_example():
    sections = {
        line.lstrip("#").strip()
        for page in DOCS
        for line in page.read_text(encoding="utf-8").splitlines()
        if re.match(r"#{1,6} `", line)
    }
    for name, command in commands(main):
        assert any(s.startswith(f"`{name}") for s in sections), f"docs/ has no section for {name}"
        assert name in (command.help or "").split("xample", 1)[-1], f"{name} --help example"


def readme_test_command() -> str:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("<!-- test-command"))
    open_ = next(i for i in range(start + 1, len(lines)) if FENCE.match(lines[i]))
    close = next(i for i in range(open_ + 1, len(lines)) if FENCE.match(lines[i]))
    return "\n".join(lines[open_ + 1 : close])


def test_ci_runs_the_readme_test_command():
    block = readme_test_command()
    assert "python -m pytest" in block and 'pip install -q ".[test]"' in block
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extract = next(line for line in ci.splitlines() if line.startswith("test_command=$("))
    shown = subprocess.run(
        ["bash", "-c", f'{extract}\nprintf "%s" "$test_command"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shown == block
    assert 'bash -euo pipefail -c "$test_command" || exit 1' in ci
