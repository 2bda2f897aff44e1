"""Where delbib finds the services it asks, and how politely it asks them.

Defaults are the real services; ``delbib.yaml`` at the catalog root overrides them, and the
``DELBIB_*`` environment variables override the file, so tests and mirrors need no edits.

The Zotero API key is a secret with write access to a library: it comes from
``$ZOTERO_API_KEY`` or from a file in the user's configuration directory, never from
``delbib.yaml``, which is committed with the catalog (one holding a key is refused).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from delbib import keys
from delbib.errors import InputError

CONFIG_FILE = "delbib.yaml"


@dataclass(frozen=True)
class Config:
    """Settings of the resolver; every field is a key of ``delbib.yaml``."""

    mailto: str | None = None
    crossref_url: str = "https://api.crossref.org"
    doi_url: str = "https://doi.org"
    arxiv_url: str = "https://export.arxiv.org"
    openreview_url: str = "https://api2.openreview.net"
    acl_url: str = "https://aclanthology.org"
    dblp_url: str = "https://dblp.org"
    timeout: float = 20.0  # seconds to wait for each read of an answer
    connect_timeout: float = 10.0
    deadline: float = 30.0  # seconds of silence after which a service is down for the run
    max_retries: int = 4
    arxiv_interval: float = 3.0
    arxiv_batch: int = 50
    workers: int = 3
    failure_ratio: float = 0.10
    failure_min: int = 20
    zotero_url: str = "https://api.zotero.org"
    key_pattern: str = keys.DEFAULT  # citation keys of new entries
    zotero_api_key: str | None = field(default=None, repr=False)  # a secret: never printed


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError("expected an http(s) URL")
    return value.rstrip("/")


def _mailto(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or "@" not in value or any(c.isspace() for c in value):
        raise ValueError("expected an e-mail address")
    return value


def _secret(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or any(c.isspace() for c in value):
        raise ValueError("expected a key without spaces")
    return value


def _positive(kind: type) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"expected a positive {kind.__name__}")
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise ValueError(f"expected a positive {kind.__name__}") from None
        if number <= 0 and not (kind is int and number == 0):
            raise ValueError(f"expected a positive {kind.__name__}")
        return number

    return parse


def _pattern(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a key pattern such as 'auth + year'")
    keys.parse(value)  # raises ValueError naming the bad part
    return value


def _ratio(value: Any) -> float:
    number = _positive(float)(value)
    if number > 1:
        raise ValueError("expected a fraction between 0 and 1")
    return number


PARSERS: dict[str, Callable[[Any], Any]] = {
    "mailto": _mailto,
    "crossref_url": _url,
    "doi_url": _url,
    "arxiv_url": _url,
    "openreview_url": _url,
    "acl_url": _url,
    "dblp_url": _url,
    "timeout": _positive(float),
    "connect_timeout": _positive(float),
    "deadline": _positive(float),
    "max_retries": _positive(int),
    "arxiv_interval": _positive(float),
    "arxiv_batch": _positive(int),
    "workers": _positive(int),
    "failure_ratio": _ratio,
    "failure_min": _positive(int),
    "zotero_url": _url,
    "key_pattern": _pattern,
    "zotero_api_key": _secret,
}
assert set(PARSERS) == {f.name for f in fields(Config)}

SECRETS = frozenset({"zotero_api_key"})  # never echoed in messages

ENV_VARS = {
    "DELBIB_MAILTO": "mailto",
    "DELBIB_CROSSREF_URL": "crossref_url",
    "DELBIB_DOI_URL": "doi_url",
    "DELBIB_ARXIV_URL": "arxiv_url",
    "DELBIB_OPENREVIEW_URL": "openreview_url",
    "DELBIB_ACL_URL": "acl_url",
    "DELBIB_DBLP_URL": "dblp_url",
    "DELBIB_ZOTERO_URL": "zotero_url",
    "DELBIB_TIMEOUT": "timeout",
    "DELBIB_CONNECT_TIMEOUT": "connect_timeout",
    "DELBIB_DEADLINE": "deadline",
    "ZOTERO_API_KEY": "zotero_api_key",
}
KEY_FILE = "zotero-api-key"  # in the user's configuration directory


def key_file() -> Path:
    """Where a Zotero API key may be kept: outside every repository, for this user only."""
    import platformdirs

    return Path(platformdirs.user_config_dir("delbib")) / KEY_FILE


def _apply(config: Config, values: Mapping[str, Any], where: str) -> Config:
    changes = {}
    for key, value in values.items():
        if key not in PARSERS:
            known = ", ".join(PARSERS)
            raise InputError(f"unknown setting (known: {known})", path=where, field=key)
        try:
            changes[key] = PARSERS[key](value)
        except ValueError as exc:
            shown = "a hidden value" if key in SECRETS else repr(value)
            raise InputError(f"{exc}, got {shown}", path=where, field=key) from None
    return replace(config, **changes)


def load(root: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Defaults, then ``root/delbib.yaml``, then the environment (default ``os.environ``)."""
    config = Config()
    if root is not None and (path := Path(root) / CONFIG_FILE).is_file():
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"not valid YAML: {exc}", path=path) from None
        if not isinstance(data, dict):
            raise InputError("expected a mapping of settings", path=path)
        if "zotero_api_key" in data:
            raise InputError(
                "a Zotero API key does not belong here: this file is committed with the catalog, "
                "so a public repository would publish a key with write access to your library; "
                f"remove it (and revoke it if pushed), then set ZOTERO_API_KEY or put it in "
                f"{key_file()}",
                path=path,
                field="zotero_api_key",
            )
        config = _apply(config, data, str(path))
    env = os.environ if env is None else env
    overrides = {field: env[var] for var, field in ENV_VARS.items() if var in env}
    config = _apply(config, overrides, "environment")
    if config.zotero_api_key is None and (path := key_file()).is_file():
        try:
            key = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the Zotero API key: {exc}", path=path) from None
        config = _apply(config, {"zotero_api_key": key}, str(path))
    return config
