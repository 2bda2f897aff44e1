"""Time limits and exit status of the commands that talk to services (issue 20, part 1).

A local server that accepts connections and never answers stands for a service that hangs;
a closed port for a machine without network. The deadline is set small here (2 s); one test
runs the default deadline on a simulated clock, so it waits nothing.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from delbib.cli import main
from delbib.config import Config
from delbib.http import HostDown, Http, Limit, TransportError

from .fakeapi import FakeAPI, api_fixture  # noqa: F401 (the api fixture)

SERVICES = ("crossref", "doi", "arxiv", "openreview", "acl", "dblp")
MISSING = ["coachlm2023", "less2024"]  # a DOI link and an arXiv link


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """A port that accepts connections (the kernel's backlog) and never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def closed_port() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now: connections are refused
    return f"http://127.0.0.1:{port}"


def env_for(base: str, **extra: str) -> dict[str, str]:
    env = {f"DELBIB_{s.upper()}_URL": base for s in SERVICES}
    env.update(DELBIB_DEADLINE="2", DELBIB_TIMEOUT="1", DELBIB_CONNECT_TIMEOUT="1", **extra)
    return env


def drop(root, keys) -> None:
    for key in keys:
        (root / "resolved" / f"{key}.json").unlink()


def cannot_reach(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("delbib: cannot reach")]


def test_resolve_against_a_silent_server_gives_up_within_the_deadline(catalog_copy):
    drop(catalog_copy, MISSING)
    with silent_server() as base:
        start = time.monotonic()
        result = CliRunner().invoke(
            main, ["--catalog", str(catalog_copy), "resolve"], env=env_for(base)
        )
        elapsed = time.monotonic() - start
    # 2 s of silence per host; every service is on this one host, so the whole run is one
    # deadline plus a backoff and arXiv's 3 s spacing, far below the 340 s it took before
    assert elapsed < 20, elapsed
    assert result.exit_code == 2, result.output  # nothing answered at all
    lines = cannot_reach(result.stderr)
    assert lines, result.stderr
    assert len(lines) == len({line.split()[3] for line in lines})  # one line per service
    assert all("no answer" in line and "DELBIB_" in line for line in lines), lines
    assert not (catalog_copy / "resolved" / "coachlm2023.json").exists()  # nothing guessed


def test_zotero_push_against_a_silent_server_gives_up_with_one_line(catalog_copy):
    with silent_server() as base:
        start = time.monotonic()
        result = CliRunner().invoke(
            main,
            ["--catalog", str(catalog_copy), "zotero", "push", "--library", "user:1", "--dry-run"],
            env=env_for(base, DELBIB_ZOTERO_URL=base, ZOTERO_API_KEY="k" * 24),
        )
        elapsed = time.monotonic() - start
    assert elapsed < 15, elapsed  # it hung 113 s before
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("delbib: error: cannot reach zotero"), lines
    assert "no answer" in lines[0] and "DELBIB_ZOTERO_URL" in lines[0]
    assert "k" * 24 not in result.output


def test_zotero_pull_against_a_silent_server_gives_up_too(catalog_copy):
    with silent_server() as base:
        start = time.monotonic()
        result = CliRunner().invoke(
            main,
            ["--catalog", str(catalog_copy), "zotero", "pull", "--library", "user:1"],
            env=env_for(base, DELBIB_ZOTERO_URL=base, ZOTERO_API_KEY="k" * 24),
        )
        elapsed = time.monotonic() - start
    assert elapsed < 15 and result.exit_code == 1, (elapsed, result.output)
    assert result.stderr.strip().startswith("delbib: error: cannot reach zotero")


def test_offline_resolve_exits_2_with_one_line_per_service(catalog_copy):
    drop(catalog_copy, MISSING)
    result = CliRunner().invoke(
        main, ["--catalog", str(catalog_copy), "resolve"], env=env_for(closed_port())
    )
    assert result.exit_code == 2, result.output
    lines = cannot_reach(result.stderr)
    named = [line.split()[3] for line in lines]
    assert len(named) == len(set(named)) and {"arxiv", "crossref"} <= set(named)
    assert all("Connection refused" in line for line in lines)
    failed = [line for line in result.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) <= len(MISSING)  # short lines, not a paragraph per entry and URL


def test_resolve_exits_1_when_an_entry_stays_unresolved(api: FakeAPI, catalog_copy):
    paper = catalog_copy / "papers" / "nobodywrotethis2024.yaml"
    paper.write_text(
        "key: nobodywrotethis2024\ntitle: A Paper Nobody Has Written About Zebras\n"
        "clean_title: A Paper Nobody Has Written About Zebras\ncategories:\n- Survey\n"
        "rows: []\nyear: 2024\n",
        encoding="utf-8",
    )
    args = ["--catalog", str(catalog_copy), "resolve", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert list(json.loads(result.stdout)["unresolved"]) == ["nobodywrotethis2024"]
    again = CliRunner().invoke(main, args)  # asked nothing: nothing failed this time
    assert again.exit_code == 0 and json.loads(again.stdout)["requests"] == 0


def test_resolve_exits_0_when_all_is_well(api: FakeAPI, catalog_copy):
    drop(catalog_copy, MISSING)
    result = CliRunner().invoke(main, ["--catalog", str(catalog_copy), "resolve", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert sorted(summary["resolved"] + summary["upgraded"]) == sorted(MISSING)


class Clock:
    """Simulated time: sleeping and waiting on a socket advance it, nothing really waits."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_the_default_deadline_ends_a_silent_service_within_60_seconds():
    config = Config()
    assert config.deadline <= 60 and config.connect_timeout < config.deadline
    clock = Clock()
    http = Http(
        timeout=config.timeout,
        connect_timeout=config.connect_timeout,
        deadline=config.deadline,
        max_retries=config.max_retries,
        limits={"svc": Limit(1000, 1)},
        clock=clock.clock,
        sleep=clock.sleep,
        jitter=lambda: 1.0,
    )
    waits = []

    def hang() -> None:  # a request that waits its whole read time-out, then fails
        _connect, read = http.timeouts()
        waits.append(read)
        clock.now += read
        raise TransportError("no answer", reason=f"no answer within {read:g} s")

    with pytest.raises(HostDown):
        http.call("svc", hang)
    assert clock.now <= 60, (clock.now, waits)
    assert waits[0] == config.timeout and sum(waits) <= config.deadline
    before = len(waits)
    with pytest.raises(HostDown, match="down for this run"):  # not asked again this run
        http.call("svc", hang)
    assert len(waits) == before


def test_an_answer_resets_the_silence():
    clock = Clock()
    http = Http(
        deadline=5,
        timeout=4,
        limits={"svc": Limit(1000, 1)},
        clock=clock.clock,
        sleep=clock.sleep,
        jitter=lambda: 1.0,
    )

    def slow_answer() -> str:
        clock.now += 4  # 4 s each, 20 s in all: never 5 s without an answer
        return "ok"

    assert [http.call("svc", slow_answer) for _ in range(5)] == ["ok"] * 5
    assert http.stats.down == {} and clock.now == 20
