"""Candidate validation: the title, year and author rules that keep wrong papers out."""

from __future__ import annotations

from delbib import match


def item(title: str, year: int | None = 2024, families: tuple[str, ...] = ()) -> dict:
    data: dict = {"title": title, "author": [{"family": f} for f in families]}
    if year:
        data["issued"] = {"date-parts": [[year]]}
    return data


def test_judge_normalises_titles_case_punctuation_spacing_and_mojibake():
    same = ("Data-efficient  Fine-tuning!", "data efficient fine tuning")
    assert match.judge(same[0], item(same[1])).score == 1
    assert match.judge("Alpagasus: Trainingâ€™s", item("Alpagasus: Training’s")).score == 1
    assert match.judge("Data Selection", item("Data Synthesis")).score < 1


def test_similar_title_of_another_paper_is_rejected():
    verdict = match.judge("LLM-Enhanced Data Management", item("LLM for Data Management"))
    assert not verdict.accepted and "title similarity" in verdict.reason


def test_year_must_be_within_one():
    title = "Self-Boosting Large Language Models with Synthetic Preference Data"
    assert match.judge(title, item(title, 2025), years=[2024]).accepted
    assert not match.judge(title, item(title, 2021), years=[2024]).accepted
    assert match.judge(title, item(title, 2027), years=[2024], later=3).accepted


def test_authors_must_overlap_when_known():
    title = "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena"
    same = item(title, families=("Zheng", "Chiang", "Sheng"))
    other = item(title, families=("Smith", "Jones"))
    assert match.judge(title, same, authors={"zheng", "sheng"}).accepted
    assert "author overlap" in match.judge(title, other, authors={"zheng", "sheng"}).reason
    assert match.judge(title, other).accepted  # no catalog authors: nothing to compare
