"""The shared title index: what it finds, and that its work grows linearly with the list."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from delbib.catalog import titleindex
from delbib.lists import markdown
from delbib.text import title_key

LISTS = Path(__file__).parent / "data" / "lists"


def test_finds_by_key_identifier_and_similarity():
    index = titleindex.TitleIndex()
    a = index.add(title_key("LESS: Selecting Influential Data for Targeted Instruction Tuning"))
    b = index.add(title_key("Do-Not-Answer: A Dataset for Evaluating Safeguards in LLMs"), ["x:1"])
    c = index.add(title_key("Something else entirely about graph neural networks"))
    assert index.same_key(
        title_key("less - selecting influential data for targeted instruction tuning")
    ) == [a]
    assert index.sharing(["x:1", "y:2"]) == [b]
    near = index.similar(title_key("Do-Not-Answer: Evaluating Safeguards in LLMs"), 0.85)
    assert [item for item, _ in near] == [b]
    assert all(score >= 0.85 for _, score in near)
    assert c not in [item for item, _ in index.similar(title_key("graph networks"), 0.85)]


@pytest.fixture(scope="module")
def list_titles() -> list[str]:
    titles = {}
    for path in sorted(LISTS.glob("shape-*.md")):  # our own test lists
        for row in markdown.parse_file(path).rows:
            titles.setdefault(title_key(row.title), row.title)
    return list(titles)


def _comparisons(keys: list[str], monkeypatch) -> int:
    calls = 0
    real = titleindex.key_similarity

    def counting(a: str, b: str) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(titleindex, "key_similarity", counting)
    index = titleindex.TitleIndex()
    for key in keys:
        index.similar(key, 0.85)
        index.add(key)
    return calls


def test_similarity_work_grows_linearly(list_titles, monkeypatch):
    # Lists of n titles with list-like word frequencies: pairs of our test lists' titles
    # joined, each with one word replaced, so all are distinct. Comparing every pair would
    # cost n^2/2.
    rng = random.Random(3)
    count = len(list_titles)

    def titles(n: int) -> list[str]:
        out = []
        for i in range(n):
            words = f"{list_titles[i % count]} and {list_titles[i // count % count]}".split()
            words[rng.randrange(len(words))] = f"w{i}"
            out.append(" ".join(words))
        return out

    small = _comparisons(titles(300), monkeypatch)
    large = _comparisons(titles(3000), monkeypatch)
    assert large < 3000 * 3000 / 2 / 20  # far from every pair
    assert large <= 12 * max(small, 300)  # 10x the titles, at most ~10x the comparisons
