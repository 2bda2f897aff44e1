"""The shared HTTP client: identification, retries with backoff, Retry-After, rate limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delbib import config as cfg
from delbib.errors import InputError
from delbib.http import (
    BadBody,
    HostDown,
    Http,
    HttpStatusError,
    Limit,
    RunAborted,
    parse_rate_headers,
    parse_retry_after,
    user_agent,
)
from tests.fakeapi import FakeAPI, Fault, api_fixture  # noqa: F401 (the api fixture)

SAMPLES = Path(__file__).parent / "data" / "api-samples"
FAST = {"doi": Limit(1000, 4), "t": Limit(1000, 4)}


class FakeTime:
    """Injected clock and sleep: sleeping advances the clock, nothing waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def client(time: FakeTime, **options) -> Http:
    options.setdefault("limits", FAST)
    return Http(clock=time.clock, sleep=time.sleep, jitter=lambda: 1.0, **options)


def test_user_agent_names_delbib_and_mailto():
    assert (
        user_agent("a@b.org") == "delbib/0.1.0 (+https://github.com/delbib/delbib; mailto:a@b.org)"
    )
    assert "mailto" not in user_agent(None)


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("7", now=0) == 7
    assert parse_retry_after("Thu, 01 Jan 1970 00:00:30 GMT", now=10) == pytest.approx(20)
    assert parse_retry_after("soon", now=0) is None


def test_duplicated_rate_limit_headers_from_crossref():
    headers = json.loads((SAMPLES / "crossref-headers-duplicated-ratelimit.json").read_text())
    assert parse_rate_headers(headers) == 50.0
    assert parse_rate_headers({"x-rate-limit-limit": "3", "x-rate-limit-interval": "2s"}) == 1.5


def test_429_retry_after_is_honoured(api: FakeAPI):
    time = FakeTime()
    http = client(time)
    page = (SAMPLES / "crossref-429.html").read_bytes()
    api.fail("/doi/x", Fault(429, {"Retry-After": "7", "Content-Type": "text/html"}, page))
    api.fail("/doi/x", Fault(503, {"Retry-After": "3"}, b"busy"))
    with pytest.raises(HttpStatusError) as raised:  # then the real answer: 406 without Accept
        http.get("doi", f"{api.base}/doi/x")
    assert raised.value.status == 406
    assert time.sleeps == [7, 3]  # the server's waits, longer than the backoff (1 s, 2 s)
    assert api.count("/doi/x") == 3 and http.stats.total == 3


def test_500_backs_off_exponentially_then_gives_up(api: FakeAPI):
    time = FakeTime()
    http = client(time, max_retries=3)
    api.fail("/doi/y", *[Fault(500, {}, b"oops")] * 4)
    with pytest.raises(HttpStatusError):
        http.get("doi", f"{api.base}/doi/y")
    assert time.sleeps == [1, 2, 4]
    assert http.stats.failures == 1


def test_timeout_is_retried(api: FakeAPI):
    time = FakeTime()
    http = client(time, timeout=0.2)
    api.fail("/arxiv/api/query", Fault(200, {}, b"late", delay=0.6))
    response = http.get("doi", f"{api.base}/arxiv/api/query", params={"id_list": "2311.13246"})
    assert b"CoachLM" in response.body
    assert len(time.sleeps) == 1 and api.count("/arxiv") == 2


def test_unreachable_host_is_marked_down_at_once_and_not_asked_again():
    time = FakeTime()
    http = client(time, max_retries=3)
    with pytest.raises(HostDown, match="cannot reach doi: .*Connection refused"):
        http.get("doi", "http://127.0.0.1:9/nothing")
    assert time.sleeps == [] and http.stats.total == 1  # refused: no retry helps now
    with pytest.raises(HostDown, match="down for this run"):
        http.get("doi", "http://127.0.0.1:9/other")
    assert http.stats.total == 1 and http.stats.failures == 0  # no request, no abort budget
    http.call("t", lambda: None)  # other services are still asked


def test_timeouts_to_the_end_mark_the_host_down(api: FakeAPI):
    time = FakeTime()
    http = client(time, timeout=0.2, max_retries=1)
    api.fail("/doi/slow", *[Fault(200, {}, b"late", delay=0.5)] * 2)
    with pytest.raises(HostDown):
        http.get("doi", f"{api.base}/doi/slow")
    assert api.count("/doi/slow") == 2 and "doi" in http.stats.down


@pytest.mark.parametrize(
    "body, expect",
    [(b'{"status": "ok", "message": {"DOI": "10.1', "json"), (b"<feed><entry>", "xml")],
)
def test_truncated_body_is_retried_like_a_5xx(api: FakeAPI, body: bytes, expect: str):
    time = FakeTime()
    http = client(time)
    # right Content-Length (the fake sets it from the body), cut JSON / XML
    api.fail("/doi/cut", Fault(200, {"Content-Type": "application/json"}, body))
    api.fail("/doi/cut", Fault(200, {"Content-Type": "application/json"}, b'{"a": 1}'))
    if expect == "xml":
        api.faults["/doi/cut"][1] = Fault(200, {}, b"<feed/>")
    response = http.get("doi", f"{api.base}/doi/cut", expect=expect)
    assert response.body in (b'{"a": 1}', b"<feed/>") and api.count("/doi/cut") == 2
    assert time.sleeps == [1]  # the first backoff step, as after a 5xx
    api.fail("/doi/cut", *[Fault(200, {}, body)] * 5)
    with pytest.raises(BadBody):
        http.get("doi", f"{api.base}/doi/cut", expect=expect)


def test_html_instead_of_json_is_a_source_error(api: FakeAPI):
    http = client(FakeTime())
    api.fail("/doi/z", Fault(200, {"Content-Type": "text/html"}, b"<html>maintenance</html>"))
    with pytest.raises(Exception, match="expected JSON, got text/html"):
        http.get("doi", f"{api.base}/doi/z").json()


def test_rate_limit_spaces_requests_with_a_margin():
    time = FakeTime()
    http = client(time, limits={"t": Limit(2, 1)})
    for _ in range(5):
        http.call("t", lambda: None)
    # 2/s published: starts 1/1.8 s apart, and the 3rd a second after the 1st ended
    assert time.now == pytest.approx(4 / 1.8)
    assert Http(limits={"a": Limit(10, 3)}).bucket("a").interval == pytest.approx(1 / 9)


def test_a_window_is_counted_from_when_requests_ended():
    """A request that left late (or took long) pushes the one a window later back: the
    server counts arrivals, and an arrival is never later than our end of the request."""
    time = FakeTime()
    http = client(time, limits={"t": Limit(2, 2)})

    def slow() -> None:
        time.now += 0.8  # the request takes 0.8 s from our start to its end

    http.call("t", slow)  # starts 0, ends 0.8
    http.call("t", lambda: None)  # starts 0.8 (when the first returned), ends 0.8
    http.call("t", lambda: None)  # a window after the first ended: 1.8
    assert time.now == pytest.approx(1.8)
    arxiv = Http(limits={"a": Limit(1 / 3, 1)}).bucket("a")
    assert (arxiv.window, arxiv.count) == (3.0, 1)


def test_announced_rate_slows_the_bucket_down():
    time = FakeTime()
    http = client(time, limits={"t": Limit(10, 1)})
    http.observe("t", 200, {"X-Rate-Limit-Limit": "2, 2", "X-Rate-Limit-Interval": "1s, 1s"}, "u")
    for _ in range(3):
        http.call("t", lambda: None)
    assert time.now == pytest.approx(2 / 1.8)


def test_429s_are_counted(api: FakeAPI):
    http = client(FakeTime())
    api.fail("/doi/z", Fault(429, {"Retry-After": "1"}, b""), Fault(429, {}, b""))
    with pytest.raises(HttpStatusError):
        http.get("doi", f"{api.base}/doi/z")  # the fake then answers 406 (no Accept)
    assert http.stats.throttled == 2


def test_run_aborts_when_ten_percent_fail():
    http = client(FakeTime(), max_retries=0, failure_min=10)

    def broken():
        raise HttpStatusError("down", status=500, url="u")

    for _ in range(9):
        http.call("t", lambda: None)
    with pytest.raises(HttpStatusError):
        http.call("t", broken)  # 1 of 10: at the budget, not over it
    with pytest.raises(RunAborted):
        http.call("t", broken)


def test_config_env_overrides_file(tmp_path: Path):
    (tmp_path / "delbib.yaml").write_text("mailto: me@example.org\ntimeout: 5\narxiv_interval: 1\n")
    config = cfg.load(tmp_path, env={"DELBIB_CROSSREF_URL": "http://127.0.0.1:1/cr/"})
    assert config.mailto == "me@example.org" and config.timeout == 5.0
    assert config.crossref_url == "http://127.0.0.1:1/cr"
    assert cfg.load(None, env={}).arxiv_url == "https://export.arxiv.org"


@pytest.mark.parametrize(
    ("text", "field"),
    [("timeout: -1\n", "timeout"), ("doi_url: ftp://x\n", "doi_url"), ("x: 1\n", "x")],
)
def test_bad_config_names_file_and_field(tmp_path: Path, text: str, field: str):
    (tmp_path / "delbib.yaml").write_text(text)
    with pytest.raises(InputError) as raised:
        cfg.load(tmp_path, env={})
    assert raised.value.field == field and raised.value.path.endswith("delbib.yaml")
