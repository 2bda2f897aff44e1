"""How a request fails: an error status, no answer, an unreadable body, a host down for the
run, or a run abandoned; and the one line that says which service cannot be reached.
"""

from __future__ import annotations

from delbib.errors import SourceError


class HttpStatusError(SourceError):
    """A response with an error status; ``retry_after`` is in seconds when the server set it."""

    def __init__(self, message: str, *, status: int, url: str, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.url = url
        self.retry_after = retry_after


class TransportError(SourceError):
    """No response at all: timeout, refused connection, reset; ``unreachable`` when the host
    cannot be reached at all (refused, unknown name), so retrying now is pointless."""

    def __init__(self, message: str, *, unreachable: bool = False, reason: str | None = None):
        super().__init__(message)
        self.unreachable = unreachable
        self.reason = reason or message  # the cause alone, without the URL asked


class BadBody(SourceError):
    """A 2xx response whose body cannot be read (cut short, not the promised format): as
    transient as a 5xx, so it is retried."""


def unreachable(service: str, why: str, url: str | None = None) -> str:
    """One line saying which service cannot be reached, why, and what to check."""
    where = f" ({url})" if url else ""
    return (
        f"cannot reach {service}{where}: {why}; check the network connection (or a proxy), "
        f"and {service}_url in delbib.yaml or DELBIB_{service.upper()}_URL"
    )


class HostDown(SourceError):
    """The service could not be reached in this run; it is not asked again."""

    def __init__(self, message: str, *, service: str):
        super().__init__(message)
        self.service = service


class RunAborted(SourceError):
    """Too many requests failed: the service is down or refusing us, so stop asking."""
