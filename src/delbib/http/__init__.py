"""The one HTTP client (``client``), its per-service rate limits (``limits``) and the ways a
request fails (``errors``)."""

from delbib.http.client import Http, Response, user_agent
from delbib.http.errors import (
    BadBody,
    HostDown,
    HttpStatusError,
    RunAborted,
    TransportError,
    unreachable,
)
from delbib.http.limits import LIMITS, Limit, parse_rate_headers, parse_retry_after

__all__ = [
    "LIMITS",
    "BadBody",
    "HostDown",
    "Http",
    "HttpStatusError",
    "Limit",
    "Response",
    "RunAborted",
    "TransportError",
    "parse_rate_headers",
    "parse_retry_after",
    "unreachable",
    "user_agent",
]
