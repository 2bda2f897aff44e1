"""Per-service rate limits: each service's published (or courteous) rate and concurrency, a
bucket that spaces and caps requests to it, and the rate and pause headers that slow it down.
"""

from __future__ import annotations

import collections
import contextlib
import email.utils
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

MARGIN = 0.9  # use at most this share of every published rate: spacing requests exactly at
# the limit draws 429s, since the server's clock and ours never agree to the millisecond;
SLACK = 0.25  # seconds after its start a request still running is assumed to have arrived


@dataclass(frozen=True)
class Limit:
    """At most ``rate`` requests per second and ``concurrency`` in flight; ``window`` is the
    span the server counts in (a second, unless the rule is "one request every N s")."""

    rate: float
    concurrency: int
    window: float | None = None


# Crossref's published limits (from December 2025): the polite pool is the one you join by
# sending a mailto; "single" is a record lookup, "query" a search. dblp asks for at most one
# request per second. Others are our own courtesy. Buckets are named "<service>-...".
LIMITS: dict[str, Limit] = {
    "crossref-polite-single": Limit(10, 3),
    "crossref-polite-query": Limit(3, 3),
    "crossref-public-single": Limit(5, 1),
    "crossref-public-query": Limit(1, 1),
    "doi": Limit(5, 2),
    "openreview": Limit(2, 1),
    "acl": Limit(2, 1),
    "zotero": Limit(5, 1),  # no published rate; one at a time keeps library versions in order
    "dblp": Limit(1, 1),
}


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - now)


def parse_rate_headers(headers: Mapping[str, str]) -> float | None:
    """Requests per second Crossref announces; values may be duplicated ("50, 50", "1s, 1s")."""
    limit = headers.get("x-rate-limit-limit")
    interval = headers.get("x-rate-limit-interval")
    if not limit or not interval:
        return None
    try:
        count = min(int(part) for part in limit.split(","))
        seconds = max(float(re.sub(r"s$", "", part.strip())) for part in interval.split(","))
    except ValueError:
        return None
    return count / seconds if count > 0 and seconds > 0 else None


class Bucket:
    """Spaces requests to one service and caps how many are in flight.

    Two rules, both under the published limit: starts are ``interval`` apart (the rate with a
    margin), and a request starts a whole window after the request ``count`` places before it
    *ended*. A server counts arrivals in a window; an arrival lies between our start and our
    end, so the second rule holds at the server however late a request left this machine.
    """

    def __init__(
        self,
        limit: Limit,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        margin: float = MARGIN,
    ):
        self.margin = margin
        self.interval = 1.0 / (limit.rate * margin)
        self.window = limit.window or max(1.0, 1.0 / limit.rate)
        self.count = max(1, round(limit.rate * self.window))
        self._history: collections.deque[list[float | None]] = collections.deque(maxlen=self.count)
        self._slots = threading.BoundedSemaphore(limit.concurrency)
        self._lock = threading.Lock()
        self._next = 0.0
        self._clock = clock
        self._sleep = sleep

    def slow_down(self, rate: float) -> None:
        """Obey a server-announced rate when it is stricter than ours."""
        with self._lock:
            self.interval = max(self.interval, 1.0 / (rate * self.margin))

    def pause(self, seconds: float) -> None:
        """Send nothing for ``seconds`` from now (a server's ``Backoff`` header)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one request's place: wait for its turn, note when it ended."""
        self._slots.acquire()
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            if len(self._history) == self.count:
                began, ended = self._history[0]
                # one still running is taken to have arrived SLACK after it started
                arrived_by = ended if ended is not None else (began or 0.0) + SLACK
                start = max(start, arrived_by + self.window)
            self._next = start + self.interval
            record: list[float | None] = [start, None]
            self._history.append(record)
        try:
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            record[1] = self._clock()
            self._slots.release()
