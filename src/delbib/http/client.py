"""The client: identification, time-outs, retries with backoff, the failure budget, and
the silence deadline after which a host counts as down for the run.

Every request delbib makes, including the ones habanero makes for it, runs through
:meth:`Http.call`, so retries, limits and the failure budget live in one place. Clock and
sleep are injectable so tests of backoff and limits do not wait.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from delbib._version import __version__
from delbib.errors import SourceError
from delbib.http.errors import (
    BadBody,
    HostDown,
    HttpStatusError,
    RunAborted,
    TransportError,
    unreachable,
)
from delbib.http.limits import LIMITS, MARGIN, Bucket, Limit, parse_rate_headers, parse_retry_after

HOMEPAGE = "https://github.com/delbib/delbib"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0
T = TypeVar("T")


def user_agent(mailto: str | None) -> str:
    """Identify delbib and, when known, whom to write to (Crossref's polite pool)."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"delbib/{__version__} (+{HOMEPAGE}{contact})"


@dataclass
class Response:
    """What a source needs of a response; the body is kept as bytes."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON, or BadBody saying what came instead (HTML pages, cut bodies)."""
        try:
            return json.loads(self.body)
        except ValueError:
            kind = self.headers.get("content-type", "unknown type")
            raise BadBody(f"{self.url}: expected JSON, got {kind}: {self.text[:80]!r}") from None

    def xml(self) -> Any:
        """The body as an XML element, or BadBody (a feed cut short is not an answer)."""
        import xml.etree.ElementTree as ET

        try:
            return ET.fromstring(self.body)
        except ET.ParseError as exc:
            raise BadBody(f"{self.url}: not well-formed XML ({exc}): {self.text[:80]!r}") from None


@dataclass
class Stats:
    """Requests made (every attempt) and the ones that finally failed, per bucket; the 429s
    drawn; the services found down."""

    requests: dict[str, int] = field(default_factory=dict)
    answered: int = 0  # requests that got an HTTP answer, whatever its status
    failures: int = 0
    calls: int = 0
    throttled: int = 0
    down: dict[str, str] = field(default_factory=dict)  # service -> why

    @property
    def total(self) -> int:
        return sum(self.requests.values())


class Http:
    """Shared by all sources of one run."""

    def __init__(
        self,
        *,
        mailto: str | None = None,
        timeout: float = 20.0,
        connect_timeout: float = 10.0,
        deadline: float = 30.0,
        max_retries: int = 4,
        limits: Mapping[str, Limit] | None = None,
        failure_ratio: float = 0.10,
        failure_min: int = 20,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wallclock: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
        margin: float = MARGIN,
    ) -> None:
        self.mailto = mailto
        self.user_agent = user_agent(mailto)
        self.timeout = timeout  # per read: the longest wait for the next bytes of an answer
        self.connect_timeout = connect_timeout
        self.deadline = deadline  # the longest silence a host may keep before it counts as down
        self.max_retries = max_retries
        self.limits = dict(LIMITS if limits is None else limits)
        self.failure_ratio = failure_ratio
        self.failure_min = failure_min
        self.margin = margin
        self.stats = Stats()
        self._clock, self._sleep, self._wallclock, self._jitter = clock, sleep, wallclock, jitter
        self._buckets: dict[str, Bucket] = {}
        self._lock = threading.Lock()
        self._silent_since: dict[str, float] = {}  # host -> start of its unanswered streak
        self._silent: dict[str, str] = {}  # host -> why it counts as down for the run
        self._attempt = threading.local()  # this thread's (connect, read) time-outs

    def crossref_bucket(self, kind: str) -> str:
        """Crossref's pool depends on whether we identified ourselves."""
        return f"crossref-{'polite' if self.mailto else 'public'}-{kind}"

    def bucket(self, name: str) -> Bucket:
        with self._lock:
            if name not in self._buckets:
                if name not in self.limits:
                    raise KeyError(f"no rate limit configured for {name!r}")
                limit = self.limits[name]
                self._buckets[name] = Bucket(limit, self._clock, self._sleep, self.margin)
            return self._buckets[name]

    def backoff(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with jitter, never shorter than what the server asked."""
        delay = min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt) * (0.5 + self._jitter() / 2)
        return max(delay, retry_after or 0.0)

    def wait(self, attempt: int) -> None:
        """Sleep the backoff of ``attempt``, for a caller that retries a whole operation."""
        self._sleep(self.backoff(attempt, None))

    def call(self, bucket: str, fn: Callable[[], T], *, host: str | None = None) -> T:
        """Run one request under the bucket's limits, retrying transient failures.

        ``fn`` performs a single HTTP request (and reads its body) within
        :meth:`timeouts` and raises HttpStatusError, TransportError or BadBody. A service
        that cannot be reached, or whose ``host`` (default: the service) has answered
        nothing for ``deadline`` seconds, is marked down for the run: HostDown from then on,
        without a request, so its entries take other routes and a run never hangs.
        """
        service = bucket.split("-", 1)[0]
        host = host or service
        limiter = self.bucket(bucket)
        with self._lock:
            self.stats.calls += 1
        for attempt in range(self.max_retries + 1):
            self._check_up(service, host)
            with self._lock:
                self.stats.requests[bucket] = self.stats.requests.get(bucket, 0) + 1
            try:
                with limiter.slot():
                    self._start(host)
                    result = fn()
                self._heard(host)
                return result
            except HttpStatusError as exc:
                self._heard(host)
                if exc.status == 429:
                    with self._lock:
                        self.stats.throttled += 1
                if exc.status not in RETRY_STATUSES or attempt == self.max_retries:
                    self._failed(exc, final=exc.status in RETRY_STATUSES)
                    raise
                wait = self.backoff(attempt, exc.retry_after if exc.status in (429, 503) else None)
            except TransportError as exc:
                if exc.unreachable or attempt == self.max_retries:
                    with self._lock:
                        why = self.stats.down.setdefault(service, exc.reason)
                    raise HostDown(unreachable(service, why), service=service) from exc
                wait = self.backoff(attempt, None)
            except BadBody as exc:
                self._heard(host)
                if attempt == self.max_retries:
                    self._failed(exc, final=True)
                    raise
                wait = self.backoff(attempt, None)
            except SourceError as exc:
                self._heard(host)
                self._failed(exc, final=True)
                raise
            self._sleep(wait)
        raise AssertionError("unreachable")

    # ------------------------------------------------------------ silence and deadlines

    def _remaining(self, host: str) -> float:
        """Seconds of silence ``host`` may still keep before it counts as down."""
        since = self._silent_since.get(host)
        return self.deadline if since is None else self.deadline - (self._clock() - since)

    def _check_up(self, service: str, host: str) -> None:
        with self._lock:
            if service not in self.stats.down and host in self._silent:
                self.stats.down[service] = self._silent[host]
            if service in self.stats.down:
                why = self.stats.down[service]
                raise HostDown(f"{service} is down for this run ({why})", service=service)
            if self._remaining(host) <= 0:
                why = f"no answer from {host} for {self.deadline:g} s"
                self._silent[host] = self.stats.down[service] = why
                raise HostDown(unreachable(service, why), service=service)

    def _start(self, host: str) -> None:
        """Open the host's silence (unless already open): a request now waits for it."""
        with self._lock:
            self._silent_since.setdefault(host, self._clock())
        connect = min(self.connect_timeout, max(0.001, self._remaining(host)))
        read = min(self.timeout, max(0.001, self._remaining(host)))
        self._attempt.timeouts = (connect, read)

    def _heard(self, host: str) -> None:
        with self._lock:
            self.stats.answered += 1
            self._silent_since.pop(host, None)

    def timeouts(self) -> tuple[float, float]:
        """(connect, read) time-outs for the request this thread is making: the configured
        ones, shortened so that no wait outlasts the host's remaining deadline."""
        return getattr(self._attempt, "timeouts", (self.connect_timeout, self.timeout))

    def _failed(self, exc: SourceError, *, final: bool) -> None:
        """Count a request that gave no usable answer; abort when too many did."""
        if not final:
            return
        with self._lock:
            self.stats.failures += 1
            failures, calls = self.stats.failures, self.stats.calls
        if calls >= self.failure_min and failures > self.failure_ratio * calls:
            raise RunAborted(
                f"{failures} of {calls} requests failed (last: {exc}); stopping the run"
            ) from exc

    def get(
        self,
        bucket: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (),
        expect: str | None = None,
    ) -> Response:
        """GET ``url``; statuses in ``ok`` (e.g. 404) are answers for the caller, not errors.

        ``expect`` ("json" or "xml") checks a 2xx body inside the retry loop, so a body cut
        short is asked again like a 5xx instead of failing the entry.
        """
        return self.request(
            bucket, "GET", url, params=params, headers=headers, ok=ok, expect=expect
        )

    def request(
        self,
        bucket: str,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        ok: tuple[int, ...] = (),
        expect: str | None = None,
    ) -> Response:
        """Any method (GET, POST, PATCH, DELETE) under the bucket's limits, as :meth:`get`."""
        if params:
            url = f"{url}?{urllib.parse.urlencode(params)}"
        return self.call(
            bucket,
            lambda: self._once(bucket, method, url, headers or {}, body, ok, expect),
            host=urllib.parse.urlsplit(url).netloc,
        )

    def _once(
        self,
        bucket: str,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | None,
        ok: tuple[int, ...],
        expect: str | None,
    ) -> Response:
        request = urllib.request.Request(
            url, data=body, method=method, headers={"User-Agent": self.user_agent, **headers}
        )
        connect, read = self.timeouts()
        opener = urllib.request.build_opener(_HttpHandler(read), _HttpsHandler(read))
        try:
            with opener.open(request, timeout=connect) as raw:
                response = Response(url, raw.status, _lower(raw.headers), raw.read())
        except urllib.error.HTTPError as raw:
            response = Response(url, raw.code, _lower(raw.headers), raw.read())
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            # refused, unknown name, or no connection within the connect time-out: the host
            # cannot be reached now (a read time-out is an answer late, worth one more try)
            unreachable = isinstance(exc, urllib.error.URLError) and isinstance(
                reason, ConnectionRefusedError | socket.gaierror | TimeoutError
            )
            if isinstance(reason, TimeoutError):
                reason = f"no {'connection' if unreachable else 'answer'} within "
                reason += f"{connect if unreachable else read:g} s"
            elif isinstance(reason, OSError) and reason.strerror:
                reason = reason.strerror  # "Connection refused", not "[Errno 111] ..."
            raise TransportError(
                f"{url}: no response ({reason})", unreachable=unreachable, reason=str(reason)
            ) from exc
        error = self.observe(bucket, response.status, response.headers, url, response.text)
        if error is not None and response.status not in ok:
            raise error
        if expect and response.status < 300:
            response.json() if expect == "json" else response.xml()
        return response

    def observe(
        self, bucket: str, status: int, headers: Mapping[str, str], url: str, body: str = ""
    ) -> HttpStatusError | None:
        """Learn the server's announced rate; return the error a bad status means."""
        headers = _lower(headers)
        if (rate := parse_rate_headers(headers)) is not None:
            self.bucket(bucket).slow_down(rate)
        if (pause := parse_retry_after(headers.get("backoff"), self._wallclock())) is not None:
            self.bucket(bucket).pause(pause)  # Zotero's Backoff: no request for that long
        if status < 400:
            return None
        return HttpStatusError(
            f"{url}: HTTP {status}: {body[:80].strip()!r}",
            status=status,
            url=url,
            retry_after=parse_retry_after(headers.get("retry-after"), self._wallclock()),
        )


class _ReadTimeout:
    """A connection that connects within ``timeout`` (the connect time-out), then waits
    ``read_timeout`` at most for each read: urllib alone has one time-out for both."""

    def __init__(self, *args: Any, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_timeout = read_timeout

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.sock.settimeout(self.read_timeout)  # type: ignore[attr-defined]


class _Connection(_ReadTimeout, http.client.HTTPConnection):
    pass


class _SecureConnection(_ReadTimeout, http.client.HTTPSConnection):
    pass  # the TLS handshake counts as connecting


class _HttpHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self.read_timeout = read_timeout

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Connection, req, read_timeout=self.read_timeout)


class _HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self.read_timeout = read_timeout

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_SecureConnection, req, read_timeout=self.read_timeout)


def _lower(headers: Any) -> dict[str, str]:
    """Header names lowercased; repeated headers joined with ", " as HTTP allows."""
    items = headers.items() if hasattr(headers, "items") else headers
    merged: dict[str, str] = {}
    for name, value in items:
        key = name.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged
