"""The Zotero client over delbib's HTTP client: headers, paging, Backoff, the key kept secret."""

from __future__ import annotations

import pytest

from delbib import config as config_mod
from delbib.errors import InputError
from delbib.http import Http, Limit
from delbib.zotero.client import Library, Zotero

from .fake_zotero import API_KEY, USER, Fault, serve


@pytest.fixture
def fake():
    with serve() as server:
        yield server


def client_for(fake, sleeps):
    http = Http(limits={"zotero": Limit(1000, 1)}, sleep=sleeps.append, max_retries=2)
    return Zotero(http, fake.base, Library.parse(f"user:{USER}"), API_KEY)


def test_library_parsing():
    assert Library.parse("user:123").prefix == "/users/123"
    assert Library.parse("group:987").prefix == "/groups/987"
    for bad in ("123", "user:abc", "users:", "team:1"):
        with pytest.raises(InputError):
            Library.parse(bad)


def test_backoff_on_a_success_pauses_the_next_request(fake):
    sleeps: list[float] = []
    client = client_for(fake, sleeps)
    fake.fail("GET", "/items/top", Fault(200, {"Backoff": "3"}, apply=True))
    assert client.versions("items/top") == {}
    assert sleeps == []
    client.versions("collections")
    assert len(sleeps) == 1 and 2.5 <= sleeps[0] <= 3.0


def test_all_pages_through_total_results(fake):
    for n in range(230):
        fake.add_item({"itemType": "book", "title": f"Book {n}"})
    client = client_for(fake, [])
    assert len(client.all("items/top")) == 230
    pages = [r.query["start"] for r in fake.requests if r.path.endswith("/items/top")]
    assert pages == ["0", "100", "200"]
    assert client.version == fake.version  # Last-Modified-Version is the library's


def test_every_request_names_api_version_3_and_sends_the_key_in_a_header(fake):
    client_for(fake, []).versions("items/top")
    request = fake.requests[-1]
    assert request.headers["zotero-api-version"] == "3"
    assert request.headers["zotero-api-key"] == API_KEY
    assert API_KEY not in request.path and API_KEY not in str(request.query)


def test_the_key_is_never_printed_by_the_configuration(tmp_path):
    (tmp_path / "delbib.yaml").write_text("zotero_api_key: 'secret with space'\n")
    with pytest.raises(InputError) as error:
        config_mod.load(tmp_path, env={})
    assert "secret" not in str(error.value) and "zotero_api_key" in str(error.value)
    settings = config_mod.load(None, env={"ZOTERO_API_KEY": "s3cr3t"})
    assert settings.zotero_api_key == "s3cr3t" and "s3cr3t" not in repr(settings)
