"""The shipped catalog and `import-markdown`: one entry per paper, nothing lost, merges kept."""

from __future__ import annotations

import shutil

import pytest

from delbib.catalog import model as catalog
from delbib.errors import CatalogError
from delbib.lists import importer, markdown
from delbib.text import clean_title

from .conftest import CATALOG, SOURCE_LIST, snapshot

# Rows of the list that are one paper (same link or same title once normalised).
MERGED = [{1, 204}, {10, 181}, {13, 179}, {14, 180}, {16, 182}, {44, 49}, {65, 120}]


@pytest.fixture(scope="module")
def shipped() -> catalog.Catalog:
    return catalog.load(CATALOG)


@pytest.fixture(scope="module")
def rows() -> list[markdown.Row]:
    return markdown.parse_file(SOURCE_LIST).rows


def test_every_row_maps_to_exactly_one_entry_with_its_categories(shipped, rows):
    owner = {}
    for entry in shipped.entries.values():
        for row in entry.rows:
            assert row not in owner, f"row {row} in {owner.get(row)} and {entry.key}"
            owner[row] = entry
    assert sorted(owner) == list(range(1, 216))
    for row in rows:
        entry = owner[row.index]
        assert set(row.categories) <= set(entry.categories), row.index
        assert clean_title(row.title).casefold() in {
            clean_title(r.title).casefold() for r in rows if r.index in entry.rows
        }


def test_duplicate_rows_are_merged_and_nothing_else(shipped):
    merged = [set(e.rows) for e in shipped.entries.values() if len(e.rows) > 1]
    assert sorted(merged, key=min) == MERGED
    assert len(shipped.entries) == 215 - len(MERGED)
    both = next(e for e in shipped.entries.values() if set(e.rows) == {1, 204})
    assert both.categories == ["Data Selection", "Data Pruning"]
    assert both.identifiers == ["doi:10.1145/3626772.3657807"]
    two_ids = next(e for e in shipped.entries.values() if set(e.rows) == {10, 181})
    assert two_ids.identifiers == ["openreview:cd525xu7OM", "openreview:azk84odPAK"]


def test_shared_link_under_two_titles_is_not_a_merge(shipped):
    sharing = [e for e in shipped.entries.values() if "arxiv:2410.06961" in e.identifiers]
    assert sorted(e.rows[0] for e in sharing) == [19, 62]


def test_entry_fields_are_cleaned_but_listed_values_kept(shipped):
    entry = shipped.entries["alpagasus2024"]
    assert entry.title == "Alpagasus:Training a Better Alpaca with Fewer Data"
    assert entry.clean_title == "Alpagasus: Training a Better Alpaca with Fewer Data"
    assert entry.venue == "NIPS/ICML/ICLR" and entry.year == 2024
    trust = next(e for e in shipped.entries.values() if e.rows == [132])
    assert "Ôºö" in trust.title and trust.clean_title.startswith("Trustworthy LLMs: A survey")
    instag = next(e for e in shipped.entries.values() if e.rows == [6])
    assert not instag.clean_title.endswith(".pdf")
    assert [c.slug for c in shipped.taxonomy][:2] == ["data-selection", "data-quality-enhancement"]
    assert shipped.category("Toxicity / Trust-worthy").slug == "toxicity-trust-worthy"


def test_reimport_changes_no_file(catalog_copy):
    before = snapshot(catalog_copy)
    report = importer.run(SOURCE_LIST, catalog_copy)
    assert report.files_written == 0 and not report.created and not report.updated
    assert snapshot(catalog_copy) == before


def test_reimport_keeps_keys_pins_resolved_and_reports_departed(catalog_copy, tmp_path):
    paper = catalog_copy / "papers" / "sampleefficientalignment2024.yaml"
    paper.write_text(
        paper.read_text(encoding="utf-8") + "pinned:\n- arxiv:2411.01493\nlocked:\n- title\n",
        encoding="utf-8",
    )
    # A shorter list: drop the first row, change a TLDR, add a new paper.
    lines = SOURCE_LIST.read_text(encoding="utf-8").splitlines()
    header_end = next(i for i, line in enumerate(lines) if line.startswith("| ---")) + 1
    first = lines[header_end]
    lines[header_end] = first.replace("Propose data pruning method", "Prunes data")
    lines.insert(
        header_end + 1,
        "| A Brand New Paper | New. | Data Selection "
        "| [link](https://arxiv.org/abs/2501.99999) | 2025 | arxiv |",
    )
    edited = tmp_path / "list.md"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    resolved_before = (catalog_copy / "resolved" / "alpagasus2024.json").read_bytes()

    report = importer.run(edited, catalog_copy)
    cat = catalog.load(catalog_copy)
    assert report.created == ["brandnew2025"]
    assert cat.entries["brandnew2025"].identifiers == ["arxiv:2501.99999"]
    pinned = cat.entries["sampleefficientalignment2024"]
    assert pinned.pinned == ["arxiv:2411.01493"] and pinned.locked == ["title"]
    assert pinned.ids == ["arxiv:2411.01493"]  # the pin replaces the wrong link's arXiv id
    assert cat.entries["dataefficientfinetuning2024"].tldr.startswith("Prunes data")
    assert (catalog_copy / "resolved" / "alpagasus2024.json").read_bytes() == resolved_before
    # Every old key survives; rows shifted by the inserted row are followed by title.
    assert set(catalog.load(catalog_copy).entries) >= set(catalog.load(CATALOG).entries)

    # Remove a paper from the list: reported, kept, with no rows.
    lines = [line for line in lines if "Self-Taught Evaluators" not in line]
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = importer.run(edited, catalog_copy)
    assert report.departed == ["selftaughtevaluators2024"]
    kept = catalog.load(catalog_copy).entries["selftaughtevaluators2024"]
    assert kept.rows == [] and (catalog_copy / "papers" / "selftaughtevaluators2024.yaml").exists()


def test_keys_are_unique_and_readable():
    assert catalog.make_key("AlpaGasus: Training a Better Alpaca", 2024, []) == "alpagasus2024"
    assert (
        catalog.make_key("Self-Rewarding Language Models", 2024, []) == "selfrewardinglanguage2024"
    )
    taken = {"surveydata2024"}
    assert catalog.make_key("A Survey on Data Selection", 2024, taken) == "surveydataselection2024"
    assert catalog.make_key("Zoë’s Ünïcode Title", None, []) == "zoesunicode"


@pytest.mark.parametrize(
    ("edit", "line", "needle"),
    [
        (lambda t: t.replace("year: 2024", "year: soon"), 9, "field 'year': must be a year"),
        (lambda t: t.replace("categories:", "categoris:"), 5, "field 'categoris': unknown field"),
        (lambda t: t.replace("title: Alpagasus", "title: [Alpagasus"), None, "YAML syntax error"),
        (lambda t: t.replace("key: alpagasus2024\n", ""), None, "field 'key': missing"),
        (lambda t: t.replace("- 3\n", "- three\n"), 11, "field 'rows'"),
    ],
)
def test_malformed_paper_file_names_file_line_and_field(catalog_copy, edit, line, needle):
    path = catalog_copy / "papers" / "alpagasus2024.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        catalog.load(catalog_copy)
    message = str(info.value)
    assert str(path) in message and needle in message
    if line:
        assert f"{path}:{line}:" in message
    assert info.value.exit_code == 2


def test_catalog_file_missing_says_how_to_create_one(tmp_path):
    with pytest.raises(CatalogError, match="import-markdown"):
        catalog.load(tmp_path)


def test_long_row_is_cut_as_github_renders_it(catalog_copy, tmp_path):
    longer = tmp_path / SOURCE_LIST.name
    text = SOURCE_LIST.read_text(encoding="utf-8").replace(
        "| 2024 | ACM |", "| 2024 | ACM | x |", 1
    )
    longer.write_text(text, encoding="utf-8")
    before = snapshot(catalog_copy)
    report = importer.run(longer, catalog_copy)
    assert report.files_written == 0 and report.warnings == []
    assert snapshot(catalog_copy) == before


def test_failed_import_writes_nothing(catalog_copy, tmp_path):
    bad = tmp_path / "bad.md"
    text = SOURCE_LIST.read_text(encoding="utf-8").replace("| Publish |", "| Qwerty |", 1)
    bad.write_text(text, encoding="utf-8")
    before = snapshot(catalog_copy)
    with pytest.raises(Exception) as info:
        importer.run(bad, catalog_copy)
    assert "would blank 'venue' on 208 of 208" in str(info.value)
    assert snapshot(catalog_copy) == before


def test_import_into_empty_directory_creates_catalog(tmp_path):
    root = tmp_path / "new"
    report = importer.run(SOURCE_LIST, root)
    assert len(report.created) == 208 and (root / "catalog.yaml").is_file()
    # Same keys as the shipped catalog: key assignment is deterministic.
    assert sorted(p.name for p in (root / "papers").iterdir()) == sorted(
        p.name for p in (CATALOG / "papers").iterdir()
    )
    shutil.rmtree(root)


def test_a_category_named_without_latin_letters_has_a_slug_of_its_own(tmp_path):
    """ "其他" gets the same slug whether or not another such category ("检测") comes first:
    a rendered list that leaves out a heading-only category re-imports with the same slugs."""
    table = "| Title | Category | Paper Link |\n| --- | --- | --- |\n"
    row = "| Sparse Attention, Part {n} | {cat} | [link](https://arxiv.org/abs/2401.0133{n}) |\n"
    slugs = {}
    for name, cats in (("both", ["检测", "其他"]), ("one", ["其他"])):
        listing = tmp_path / f"{name}.md"
        body = "".join(row.format(n=n, cat=c) for n, c in enumerate(cats))
        listing.write_text(table + body, encoding="utf-8")
        importer.run(listing, tmp_path / name)
        loaded = catalog.load(tmp_path / name)
        slugs[name] = {c.name: c.slug for c in loaded.taxonomy}
    assert slugs["both"]["其他"] == slugs["one"]["其他"]
    assert slugs["both"]["检测"] != slugs["both"]["其他"]
    assert all(s.startswith("category-") for s in slugs["both"].values())
    assert catalog.slugify("Toxicity / Trust-worthy") == "toxicity-trust-worthy"
    assert catalog.slugify("") == "category"
    assert catalog.slugify("Données ouvertes") == "donnees-ouvertes"  # accents fold, no hash


def test_mixed_script_names_keep_distinct_slugs_whatever_their_order(tmp_path):
    """Two headings that share only their Latin word ("… Harness") would both slug to
    "harness": the one numbered "-2" then depended on which came first, so a list rendered
    in another order re-imported with other slugs."""
    a, b = "自我改进 Harness", "进化 Harness"
    assert catalog.slugify(a) != catalog.slugify(b)
    assert catalog.slugify(a).startswith("harness-") and catalog.slugify(a) == catalog.slugify(a)
    table = "| Title | Category | Paper Link |\n| --- | --- | --- |\n"
    row = "| Owl Paper Number {n} | {cat} | [pdf](https://arxiv.org/abs/2101.0000{n}) |\n"
    slugs = []
    for order in ((a, b), (b, a)):
        name = f"order{len(slugs)}"
        body = "".join(row.format(n=n, cat=c) for n, c in enumerate(order))
        (tmp_path / f"{name}.md").write_text(table + body, encoding="utf-8")
        importer.run(tmp_path / f"{name}.md", tmp_path / name)
        slugs.append({c.name: c.slug for c in catalog.load(tmp_path / name).taxonomy})
    assert set(slugs[0]) == {a, b} and slugs[0] == slugs[1]
