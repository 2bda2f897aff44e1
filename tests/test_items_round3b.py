"""The item reader, third round's held-out lists (issue 17): digital-library article pages,
venue labels as link text, code-span tags, nested papers.

Every input is hand-written with invented papers; expected values come from reading it.
"""

from __future__ import annotations

from delbib.lists import markdown


def parse(text: str) -> markdown.ParsedList:
    return markdown.parse(text, path="list.md")


def titles(text: str) -> list[str]:
    return [row.title for row in parse(text).rows]


def test_a_digital_library_article_page_is_the_papers_link():
    text = (
        "## Owl Symposium\n\n"
        "<details><summary>2024 (2 papers)</summary>\n\n"
        "- [OwlFuzz: Fuzzing Owl Firmware at Night, 2024]"
        "(https://www.computer.org/csdl/proceedings-article/os/2024/123400a001/1AbCdEf)\n"
        "- [HootScan: Finding Bugs in Owl Calls, 2024]"
        "(https://www.computer.org/csdl/journal/ow/2024/02/10000001/1XyZ)\n\n"
        "</details>\n\n"
        "## Journals\n\n"
        "- [Transactions on Owls](https://www.computer.org/csdl/journal/ow)\n"
    )
    parsed = parse(text)
    assert [r.title for r in parsed.rows] == [
        "OwlFuzz: Fuzzing Owl Firmware at Night",
        "HootScan: Finding Bugs in Owl Calls",
    ]
    assert [r.year for r in parsed.rows] == [2024, 2024]
    assert parsed.rows[0].kinds == ("paper",)
