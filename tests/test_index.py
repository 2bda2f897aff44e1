"""The derived index: warm loads equal cold ones, every change to the files is seen, and a
broken, foreign or unwritable index never changes what is loaded."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from delbib.catalog import index
from delbib.catalog import model as catalog
from delbib.errors import CatalogError

from .conftest import snapshot


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache directory, an index for any catalog size, no racy window."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(index, "MIN_FILES", 0)
    monkeypatch.setattr(index, "RACY_NS", 0)
    return home


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the YAML files parsed (catalog.yaml included), in order."""
    seen: list[str] = []
    original = catalog._read_yaml

    def counting(path: Path):
        seen.append(path.name)
        return original(path)

    monkeypatch.setattr(catalog, "_read_yaml", counting)
    return seen


@pytest.fixture
def parsed_json(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the resolved records parsed, in order (the wrapper keeps the parser's module,
    which the index's token is made from)."""
    seen: list[str] = []
    original = catalog._resolved_record

    @functools.wraps(original)
    def counting(path: Path):
        seen.append(path.name)
        return original(path)

    monkeypatch.setattr(catalog, "_resolved_record", counting)
    return seen


def index_file(root: Path) -> Path:
    return index.location(root)


def papers_in(root: Path) -> int:
    return len(list((root / "papers").glob("*.yaml")))


def test_warm_load_parses_nothing_and_equals_cold(catalog_copy, cache, parsed):
    cold = catalog.load(catalog_copy)
    assert len(parsed) == papers_in(catalog_copy) + 1
    assert index_file(catalog_copy).is_file()
    parsed.clear()
    warm = catalog.load(catalog_copy)
    assert parsed == ["catalog.yaml"]
    assert warm == cold
    assert list(warm.entries) == list(cold.entries)  # same order, not only the same keys
    assert list(warm.resolved) == list(cold.resolved)
    # facts read from the files themselves, not from the loader
    raw = yaml.safe_load((catalog_copy / "papers" / "alpagasus2024.yaml").read_text("utf-8"))
    assert warm.entries["alpagasus2024"].clean_title == raw["clean_title"]
    record = json.loads((catalog_copy / "resolved" / "alpagasus2024.json").read_text("utf-8"))
    assert warm.resolved["alpagasus2024"] == record


def test_resolved_records_come_from_the_index_too(catalog_copy, cache, parsed_json):
    catalog.load(catalog_copy)
    assert len(parsed_json) == len(list((catalog_copy / "resolved").glob("*.json")))
    parsed_json.clear()
    catalog.load(catalog_copy)
    assert parsed_json == []


def test_a_load_without_resolved_records_keeps_them_in_the_index(
    catalog_copy, cache, parsed, parsed_json
):
    catalog.load(catalog_copy)
    path = catalog_copy / "papers" / "alpagasus2024.yaml"
    path.write_text(path.read_text("utf-8").replace("Fewer Data'", "Less Data'"), "utf-8")
    papers_only = catalog.load(catalog_copy, with_resolved=False)  # rewrites the index
    assert papers_only.resolved == {}
    assert papers_only.entries["alpagasus2024"].clean_title.endswith("Less Data")
    parsed.clear()
    parsed_json.clear()
    full = catalog.load(catalog_copy)
    assert full.entries["alpagasus2024"].clean_title.endswith("Less Data")
    assert "alpagasus2024" in full.resolved
    assert parsed == ["catalog.yaml"] and parsed_json == []


def test_warm_equals_a_load_without_any_index(catalog_copy, cache, monkeypatch):
    catalog.load(catalog_copy)
    warm = catalog.load(catalog_copy)
    monkeypatch.setattr(index, "MIN_FILES", 10**9)
    direct = catalog.load(catalog_copy)
    assert warm == direct and list(warm.entries) == list(direct.entries)


def test_edit_of_same_size_is_seen(catalog_copy, cache, parsed):
    catalog.load(catalog_copy)
    path = catalog_copy / "papers" / "alpagasus2024.yaml"
    text = path.read_text("utf-8")
    edited = text.replace("Fewer Data'", "Fewer Bits'")
    assert edited != text and len(edited) == len(text)
    path.write_text(edited, "utf-8")
    parsed.clear()
    cat = catalog.load(catalog_copy)
    assert cat.entries["alpagasus2024"].clean_title.endswith("Fewer Bits")
    assert parsed == ["catalog.yaml", "alpagasus2024.yaml"]


def test_edited_resolved_record_is_seen(catalog_copy, cache):
    catalog.load(catalog_copy)
    path = catalog_copy / "resolved" / "alpagasus2024.json"
    record = json.loads(path.read_text("utf-8"))
    record["csl"]["title"] = "A Title Changed After Indexing"
    path.write_text(json.dumps(record), "utf-8")
    assert catalog.load(catalog_copy).resolved["alpagasus2024"]["csl"]["title"] == (
        "A Title Changed After Indexing"
    )


def test_added_and_deleted_files_are_seen(catalog_copy, cache):
    first = catalog.load(catalog_copy)
    new = dict(
        yaml.safe_load((catalog_copy / "papers" / "alpagasus2024.yaml").read_text("utf-8")),
        key="zzadded2030",
        rows=[999],
    )
    (catalog_copy / "papers" / "zzadded2030.yaml").write_text(yaml.safe_dump(new), "utf-8")
    (catalog_copy / "papers" / "less2024.yaml").unlink()
    (catalog_copy / "resolved" / "less2024.json").unlink()
    (catalog_copy / "resolved" / "alpagasus2024.json").unlink()
    cat = catalog.load(catalog_copy)
    assert "zzadded2030" in cat.entries and list(cat.entries)[-1] == "zzadded2030"
    assert "less2024" not in cat.entries and "less2024" not in cat.resolved
    assert "alpagasus2024" in cat.entries and "alpagasus2024" not in cat.resolved
    assert len(cat.entries) == len(first.entries)


def test_malformed_file_after_indexing_is_an_error_every_time(catalog_copy, cache):
    catalog.load(catalog_copy)
    path = catalog_copy / "papers" / "alpagasus2024.yaml"
    good = path.read_text("utf-8")
    path.write_text(good.replace("year: 2024", "year: '2024'"), "utf-8")
    for _ in range(2):
        with pytest.raises(CatalogError) as err:
            catalog.load(catalog_copy)
        assert err.value.path == str(path) and err.value.field == "year" and err.value.line
    path.write_text(good, "utf-8")
    assert catalog.load(catalog_copy).entries["alpagasus2024"].year == 2024


def test_orphan_resolved_record_is_still_an_error(catalog_copy, cache):
    catalog.load(catalog_copy)
    (catalog_copy / "papers" / "less2024.yaml").unlink()
    with pytest.raises(CatalogError, match="no paper file") as err:
        catalog.load(catalog_copy)
    assert err.value.path.endswith("less2024.json")


def _corruptions(data: bytes) -> dict[str, bytes]:
    head, _, payload = data.partition(b"\n")
    at = payload.index(b"Fewer Data")
    header = json.loads(head)
    return {
        "truncated": data[: len(data) // 2],
        "empty": b"",
        "garbage": b"\x00\xff not an index",
        # a payload that still parses but says something else: only the CRC catches it
        "edited payload": head + b"\n" + payload[:at] + b"Fewer Lies" + payload[at + 10 :],
        "other code": json.dumps(dict(header, token="0" * 64)).encode() + b"\n" + payload,
        "other format": json.dumps(dict(header, format="x/9")).encode() + b"\n" + payload,
        "other catalog": json.dumps(dict(header, root="/elsewhere")).encode() + b"\n" + payload,
        "no trailer": data[: data.rindex(b"{")],
        "after the trailer": data + payload.splitlines(keepends=True)[0],
    }


@pytest.mark.parametrize(
    "kind",
    [
        "truncated",
        "empty",
        "garbage",
        "edited payload",
        "other code",
        "other format",
        "other catalog",
        "no trailer",
        "after the trailer",
    ],
)
def test_bad_index_is_ignored_and_rebuilt(catalog_copy, cache, parsed, kind):
    cold = catalog.load(catalog_copy)
    where = index_file(catalog_copy)
    where.write_bytes(_corruptions(where.read_bytes())[kind])
    parsed.clear()
    again = catalog.load(catalog_copy)
    assert again == cold
    assert again.entries["alpagasus2024"].clean_title.endswith("Fewer Data")
    assert len(parsed) == papers_in(catalog_copy) + 1  # nothing taken from the bad index
    parsed.clear()
    assert catalog.load(catalog_copy) == cold and parsed == ["catalog.yaml"]  # rebuilt


def test_new_delbib_version_discards_the_index(catalog_copy, cache, parsed, monkeypatch):
    from delbib import _version

    catalog.load(catalog_copy)
    monkeypatch.setattr(_version, "__version__", "999.0")
    parsed.clear()
    catalog.load(catalog_copy)
    assert len(parsed) == papers_in(catalog_copy) + 1


def test_unwritable_cache_still_loads_and_writes_nothing_in_the_catalog(
    catalog_copy, cache, monkeypatch, tmp_path
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # mkdir fails, even as root
    before = snapshot(catalog_copy)
    first = catalog.load(catalog_copy)
    assert catalog.load(catalog_copy) == first
    assert snapshot(catalog_copy) == before
    assert blocker.read_text() == "not a directory"


def test_read_only_catalog_is_indexed_in_the_cache_only(catalog_copy, cache, parsed):
    before = snapshot(catalog_copy)
    dirs = [catalog_copy, catalog_copy / "papers", catalog_copy / "resolved"]
    for d in dirs:
        d.chmod(0o555)
    try:
        first = catalog.load(catalog_copy)
        parsed.clear()
        assert catalog.load(catalog_copy) == first and parsed == ["catalog.yaml"]
    finally:
        for d in dirs:
            d.chmod(0o755)
    assert snapshot(catalog_copy) == before
    assert index_file(catalog_copy).is_file()


def test_small_catalog_gets_no_index(catalog_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    papers = sorted((catalog_copy / "papers").glob("*.yaml"))
    for paper in papers[index.MIN_FILES // 2 - 1 :]:  # leave fewer than MIN_FILES files
        paper.unlink()
        (catalog_copy / "resolved" / f"{paper.stem}.json").unlink(missing_ok=True)
    assert 2 * papers_in(catalog_copy) < index.MIN_FILES
    assert len(catalog.load(catalog_copy).entries) == index.MIN_FILES // 2 - 1
    assert not (tmp_path / "cache-home").exists()


def test_the_shipped_catalog_gets_an_index(catalog_copy, tmp_path, monkeypatch):
    """At 417 files it parses in about 30 ms, a quarter of the headline export (issue 20)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    monkeypatch.setattr(index, "RACY_NS", 0)  # the copy's files are seconds old
    assert papers_in(catalog_copy) >= index.MIN_FILES
    catalog.load(catalog_copy)
    assert index_file(catalog_copy).is_file()


def test_files_changed_within_the_racy_window_are_not_cached(
    catalog_copy, cache, parsed, monkeypatch
):
    monkeypatch.setattr(index, "RACY_NS", 3600 * 10**9)  # every file counts as just written
    catalog.load(catalog_copy)
    parsed.clear()
    catalog.load(catalog_copy)
    assert len(parsed) == papers_in(catalog_copy) + 1


def test_failed_index_write_keeps_the_old_index_and_leaves_no_temp_file(
    catalog_copy, cache, parsed, monkeypatch
):
    catalog.load(catalog_copy)
    where = index_file(catalog_copy)
    old = where.read_bytes()
    (catalog_copy / "papers" / "less2024.yaml").unlink()
    (catalog_copy / "resolved" / "less2024.json").unlink()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(index.os, "replace", crash)
    assert "less2024" not in catalog.load(catalog_copy).entries
    assert where.read_bytes() == old
    assert sorted(p.name for p in where.parent.iterdir()) == [where.name]
    monkeypatch.undo()


def test_index_of_a_deleted_catalog_is_pruned(catalog_copy, cache, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(catalog_copy, other)
    catalog.load(other)
    gone = index_file(other)
    assert gone.is_file()
    shutil.rmtree(other)
    left_by_a_crash = gone.parent / f"{gone.name}.x1y2.tmp"
    recent = gone.parent / f"{index_file(catalog_copy).name}.a3b4.tmp"
    left_by_a_crash.write_bytes(b"half an index")
    recent.write_bytes(b"being written")
    os.utime(left_by_a_crash, (0, 0))
    catalog.load(catalog_copy)
    assert not gone.exists() and index_file(catalog_copy).is_file()
    assert not left_by_a_crash.exists() and recent.exists()


def test_concurrent_cold_loads_leave_a_valid_index(catalog_copy, cache, parsed):
    script = (
        "import sys; from delbib.catalog import index, model as catalog;"
        "index.MIN_FILES = 0; index.RACY_NS = 0;"
        "print(len(catalog.load(sys.argv[1]).entries))"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(catalog_copy)], env=env, stdout=subprocess.PIPE
        )
        for _ in range(4)
    ]
    counts = {int(p.communicate()[0]) for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert counts == {papers_in(catalog_copy)}
    indexes = [p.name for p in index_file(catalog_copy).parent.iterdir() if "index" in p.name]
    assert indexes == [index_file(catalog_copy).name]  # no temporary index left behind
    parsed.clear()
    catalog.load(catalog_copy)
    assert parsed == ["catalog.yaml"]  # the survivor is a whole, valid index


@pytest.fixture
def fresh_loader():
    catalog.yaml_loader.cache_clear()
    yield
    catalog.yaml_loader.cache_clear()


def test_yaml_goes_through_the_c_loader(fresh_loader):
    # PyPI's PyYAML wheels bundle libyaml; a build without it would fail here, not run slowly
    assert catalog.yaml_loader() is yaml.CSafeLoader


def test_missing_libyaml_is_said_once_and_loading_still_works(
    catalog_copy, fresh_loader, monkeypatch
):
    monkeypatch.delattr(yaml, "CSafeLoader")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cat = catalog.load(catalog_copy)
        catalog.load(catalog_copy)
    said = [w for w in caught if "libyaml" in str(w.message)]
    assert len(said) == 1 and issubclass(said[0].category, RuntimeWarning)
    assert cat.entries["alpagasus2024"].year == 2024


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    sections=st.dictionaries(st.text(), st.dictionaries(st.text(), json_values, max_size=6)),
    chunk=st.integers(min_value=1, max_value=4),
)
def test_index_encoding_gives_back_the_sections(sections, chunk):
    decoded: dict = {}
    for line in index._encode(sections, chunk=chunk):
        assert line.endswith(b"\n") and line.count(b"\n") == 1 and line.isascii()
        name, files = json.loads(line)
        assert len(files) <= chunk
        decoded.setdefault(name, {}).update(files)
    assert decoded == sections


def test_odd_json_values_survive_the_index_exactly(catalog_copy, cache):
    path = catalog_copy / "resolved" / "alpagasus2024.json"
    odd = (
        '{"csl": {"type": "document", "title": "lone \\ud800 surrogate", "note": "\\u00e9"},'
        ' "n": 123456789012345678901234567890, "f": 0.1, "e": 1e-300}'
    )
    path.write_text(odd, "utf-8")
    cold = catalog.load(catalog_copy)
    warm = catalog.load(catalog_copy)
    assert warm.resolved["alpagasus2024"] == cold.resolved["alpagasus2024"] == json.loads(odd)
    assert warm.resolved["alpagasus2024"]["n"] == 123456789012345678901234567890


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse in worker processes even a small catalog, a few files per task, no index."""
    monkeypatch.setattr(index, "PARALLEL_FILES", 1)
    monkeypatch.setattr(index, "CHUNK_FILES", 25)
    monkeypatch.setattr(index, "MIN_FILES", 10**9)
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: parsing never goes to worker processes")


def test_parsing_in_worker_processes_gives_the_same_catalog(catalog_copy, parallel, monkeypatch):
    spread = catalog.load(catalog_copy)
    monkeypatch.setattr(index, "PARALLEL_FILES", 10**9)
    here = catalog.load(catalog_copy)
    assert list(spread.entries) == list(here.entries)
    assert [vars(e) for e in spread.entries.values()] == [vars(e) for e in here.entries.values()]
    assert spread.resolved == here.resolved and len(here.resolved) > 100


def test_a_bad_file_parsed_in_a_worker_is_named_with_line_and_field(catalog_copy, parallel):
    names = sorted(p.name for p in (catalog_copy / "papers").glob("*.yaml"))
    first, later = catalog_copy / "papers" / names[40], catalog_copy / "papers" / names[-3]
    first.write_text(first.read_text("utf-8").replace("\nrows:", "\nrows: x\nold_rows:"), "utf-8")
    later.write_text("key: [unclosed\n", "utf-8")
    with pytest.raises(CatalogError) as err:
        catalog.load(catalog_copy)
    assert err.value.path == str(first) and err.value.field == "old_rows" and err.value.line
