"""import-bib, upgrade and check against the local fake services.

Every .bib here is written from the fixture records themselves (the fake arXiv feed, the fake
Crossref works, tests/data/api/invented.yaml), and every expected answer comes from those
records: a preprint can be published when its arXiv record names a DOI the fake Crossref
holds (``arxiv:doi``) or a journal_ref; a made-up entry is in no fixture at all.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delbib import config as cfg
from delbib.bibliography import readers as bibin
from delbib.bibliography import verify
from delbib.cli import main
from delbib.resolve import run as resolve
from tests.conftest import EXPORTS
from tests.fakeapi import DATA, INVENTED, FakeAPI, api_fixture  # noqa: F401 (the api fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"

# ------------------------------------------------------------------ round trips


def _bib_fields(text: str) -> dict[str, dict]:
    from bibtexparser.middlewares import LatexDecodingMiddleware

    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    out = {}
    for e in library.entries:
        f = {k.key.lower(): " ".join(str(k.value).split()) for k in e.fields}
        out[e.key] = {
            "title": f.get("title"),
            "authors": f.get("author"),
            "year": f.get("year") or (f.get("date") or "")[:4] or None,
            "venue": f.get("journal") or f.get("journaltitle") or f.get("booktitle"),
            "doi": f.get("doi"),
            "arxiv": f.get("eprint"),
            "categories": f.get("keywords"),
        }
    return out


def _csl_fields(text: str) -> dict[str, dict]:
    return {
        i["id"]: {
            "title": i.get("title"),
            "authors": [
                (a.get("family"), a.get("given"), a.get("literal")) for a in i.get("author", [])
            ],
            "year": (i.get("issued") or {}).get("date-parts", [[None]])[0][0],
            "venue": i.get("container-title"),
            "doi": i.get("DOI"),
            "arxiv": (i.get("custom") or {}).get("arxiv"),
            "categories": (i.get("custom") or {}).get("categories"),
        }
        for i in json.loads(text)
    }


def _ris_fields(text: str) -> dict[str, dict]:
    import rispy

    out = {}
    for r in rispy.loads(text):
        extra = r.get("custom2") or []
        arxiv = [line for line in extra if "arXiv:" in line]
        out[r["id"]] = {
            "title": r.get("title") or r.get("primary_title"),
            "authors": r.get("authors"),
            "year": r.get("year"),
            "venue": r.get("custom3") or r.get("secondary_title"),
            "doi": r.get("doi"),
            "extra": extra,
            "categories": r.get("keywords"),
            "arxiv": arxiv,
        }
    return out


def _rdf_fields(text: str) -> dict[str, dict]:
    import rdflib

    g = rdflib.Graph().parse(data=text, format="xml")
    z = rdflib.Namespace("http://www.zotero.org/namespaces/export#")
    dc = rdflib.Namespace("http://purl.org/dc/elements/1.1/")
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    bib = rdflib.Namespace("http://purl.org/net/biblio#")
    foaf = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
    out = {}
    for node, key in g.subject_objects(z.citationKey):
        authors = []
        seq = g.value(node, bib.authors)
        if seq is not None:
            for person in g.objects(seq, None):
                if isinstance(person, rdflib.BNode) and g.value(person, foaf.surname):
                    authors.append(
                        (str(g.value(person, foaf.surname)), str(g.value(person, foaf.givenName)))
                    )
        part = g.value(node, dcterms.isPartOf)
        collections = sorted(str(g.value(c, dc.title)) for c in g.subjects(dcterms.hasPart, node))
        out[str(key)] = {
            "title": str(g.value(node, dc.title)),
            "authors": sorted(authors),
            "year": str(g.value(node, dc.date)),
            "venue": str(g.value(part, dc.title)) if part is not None else None,
            "ids": sorted(
                str(i) for i in g.objects(node, dc.identifier) if isinstance(i, rdflib.Literal)
            ),
            "archive": str(g.value(node, z.archiveID)),
            "extra": str(g.value(node, dc.description)),
            "categories": sorted(str(s) for s in g.objects(node, dc.subject)),
            "collections": collections,
        }
    return out


READERS = {
    "bibtex": ("bibtex/all.bib", _bib_fields),
    "biblatex": ("biblatex/all.bib", _bib_fields),
    "csljson": ("csljson/all.json", _csl_fields),
    "ris": ("ris/all.ris", _ris_fields),
    "zotero-rdf": ("zotero-rdf/all.rdf", _rdf_fields),
}
# The shipped catalog holds one paper twice (same title, same arXiv id 2303.16756, read from
# the exports by eye): import-bib merges the second into the first.
DUPLICATE = ("largelanguagemodelshealthcare2024", "llmpatienttrial2023")


@pytest.mark.parametrize("fmt", list(READERS))
def test_import_bib_round_trip_of_each_export_format(fmt: str, tmp_path: Path):
    name, fields = READERS[fmt]
    source = EXPORTS / name
    root = tmp_path / "catalog"
    runner = CliRunner()
    imported = runner.invoke(main, ["--catalog", str(root), "import-bib", str(source), "--json"])
    assert imported.exit_code == 0, imported.output
    report = json.loads(imported.stdout)
    assert list(report["merged"].values()) == [DUPLICATE[1]]
    assert DUPLICATE[0] in next(iter(report["merged"]))
    out = tmp_path / ("again" + source.suffix)
    exported = runner.invoke(
        main, ["--catalog", str(root), "export", "--quiet", "--format", fmt, "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    before, after = (
        fields(source.read_text(encoding="utf-8")),
        fields(out.read_text(encoding="utf-8")),
    )
    del before[DUPLICATE[0]]
    assert list(after) == list(before)  # the same keys, in the same order
    differ = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert differ == {}


# ------------------------------------------------------------------ the 50-entry .bib


def _arxiv_records() -> dict[str, dict]:
    feed = ET.parse(DATA / "arxiv-entries.atom.xml").getroot()
    out = {}
    for e in feed.findall(f"{ATOM}entry"):
        ident = re.sub(r"^.*/abs/|v\d+$", "", e.findtext(f"{ATOM}id"))
        out[ident] = {
            "title": " ".join(e.findtext(f"{ATOM}title").split()),
            "authors": [
                " ".join(a.findtext(f"{ATOM}name").split()) for a in e.findall(f"{ATOM}author")
            ],
            "year": int(e.findtext(f"{ATOM}published")[:4]),
            "doi": e.findtext(f"{ARXIV}doi"),
            "journal_ref": e.findtext(f"{ARXIV}journal_ref"),
        }
    for paper in yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]:
        for rec in paper["records"].get("arxiv", []):
            out[rec["id"]] = {
                "title": rec["title"],
                "authors": rec["authors"],
                "year": 2000 + int(rec["id"][:2]),
                "doi": rec.get("doi"),
                "journal_ref": rec.get("journal_ref"),
            }
    return out


WORKS = json.loads((DATA / "crossref-works.json").read_text(encoding="utf-8"))
ARXIV_RECORDS = _arxiv_records()
CROSSREF_DOIS = set(WORKS) | {
    rec["DOI"].lower()
    for paper in yaml.safe_load(INVENTED.read_text(encoding="utf-8"))["papers"]
    for rec in paper["records"].get("crossref", [])
}
# Preprints the fakes publish: their arXiv record names a DOI the fake Crossref holds, or a
# journal_ref (invented 2511.99002: "ICLR 2025").
PUBLISHABLE = sorted(
    i
    for i, r in ARXIV_RECORDS.items()
    if (r["doi"] and r["doi"].lower() in CROSSREF_DOIS) or r["journal_ref"]
)
# ... or a Crossref record of the same title that shares the preprint's authors or names it
# (invented.yaml: invaclsearch2025, invrelation2025, invresearchsquare2025,
# invappendixtyped2025), found by one search.
BY_SEARCH = {
    "2511.99003": "10.5555/inv.1003",
    "2511.99021": "10.5555/inv.1021",
    "2511.99035": "10.5555/inv.1035",
    "2511.99026": "10.5555/inv.1026",
}
# Invented preprints no fake publishes (invented.yaml expects them preprint-only).
UNPUBLISHED = ["2511.99004", "2511.99005", "2511.99019", "2511.99020", "2511.99028"]
MADE_UP = {
    "Quantum Gradient Folding for Sparse Instruction Corpora": "Zelinski, Orla and Brand, Tomasz",
    "Why Tiny Benchmarks Predict Large Model Rankings": "Okonkwo-Hale, Priya",
    "Self-Distilled Curricula Without Teachers": "Marchetti, Luca and Ye, Sun",
    "A Unified Theory of Data Pruning Thresholds": "Fairweather, Ansel",
}


def _names(people: list[str]) -> str:
    return " and ".join(people)


def _published_works(n: int) -> list[dict]:
    """Published papers of the fake Crossref (not noise, not a version of a preprint above)."""
    taken = {r["doi"].lower() for r in ARXIV_RECORDS.values() if r["doi"]}
    out = []
    for doi in sorted(WORKS):
        w = WORKS[doi]
        if (
            doi not in taken
            and not doi.startswith("10.5555/")
            and w.get("type") in ("proceedings-article", "journal-article")
            and w.get("author")
            and w.get("container-title")
            and (w.get("issued") or {}).get("date-parts", [[None]])[0][0]
            and all(a.get("family") and a.get("given") for a in w["author"])
        ):
            out.append(w)
    return out[:n]


def _published_entry(
    key: str,
    w: dict,
    *,
    year: int | None = None,
    first: str | None = None,
    title: str | None = None,
) -> str:
    people = [f"{a['family']}, {a['given']}" for a in w["author"]]
    if first:
        people[0] = first
    kind = "article" if w["type"] == "journal-article" else "inproceedings"
    venue = "journal" if kind == "article" else "booktitle"
    return (
        f"@{kind}{{{key},\n  title = {{{title or w['title'][0]}}},\n"
        f"  author = {{{' and '.join(people)}}},\n"
        f"  {venue} = {{{w['container-title'][0]}}},\n"
        f"  year = {year or w['issued']['date-parts'][0][0]},\n  doi = {{{w['DOI']}}},\n}}\n"
    )


def _preprint_entry(key: str, ident: str, *, misc: bool) -> str:
    r = ARXIV_RECORDS[ident]
    if misc:
        return (
            f"@misc{{{key},\n  title={{{r['title']}}},\n  author={{{_names(r['authors'])}}},\n"
            f"  year={{{r['year']}}},\n  eprint={{{ident}}},\n  archivePrefix={{arXiv}},\n"
            f"  primaryClass={{cs.CL}},\n  keywords={{mine, to read}},\n}}\n"
        )
    return (
        f"@article{{{key},\n  title = {{{r['title']}}},\n  author = {{{_names(r['authors'])}}},\n"
        f"  journal = {{arXiv preprint arXiv:{ident}}},\n  year = {{{r['year']}}},\n"
        f"  abstract = {{Kept as written.}}\n}}\n"
    )


@dataclasses.dataclass
class Bib:
    text: str
    keys: list[str]
    publishable: dict[str, str]  # key -> arXiv id
    unchanged: list[str]
    made_up: list[str]
    altered: dict[str, str]  # key -> field


def _bib() -> Bib:
    parts, keys = ["% my references\n@string{acl = {ACL}}\n\n"], []
    publishable, unchanged, made_up, altered = {}, [], [], {}

    def add(key: str, text: str) -> None:
        keys.append(key)
        parts.append(text + "\n")

    for n, ident in enumerate(PUBLISHABLE + sorted(BY_SEARCH)):
        key = f"Pre{n}:{ident}"
        add(key, _preprint_entry(key, ident, misc=n % 4 == 0))
        publishable[key] = ident
    for n, ident in enumerate(UNPUBLISHED):
        key = f"stillPre{n}"
        add(key, _preprint_entry(key, ident, misc=n % 3 == 0))
        unchanged.append(key)
    works = _published_works(21)
    for n, w in enumerate(works[:12]):
        key = f"Pub{n}"
        add(key, _published_entry(key, w))
        unchanged.append(key)
    w = works[16]
    title = w["title"][0].split()
    title[-1] = "Zebras" if title[-1] != "Zebras" else "Lions"
    add("AlteredWord", _published_entry("AlteredWord", w, title=" ".join(title)))
    w = works[17]
    no_doi = _published_entry("AlteredYearNoId", w, year=w["issued"]["date-parts"][0][0] - 5)
    add("AlteredYearNoId", re.sub(r"\n  doi = \{[^}]*\},", "", no_doi))
    w = works[18]
    add("AlteredYear", _published_entry("AlteredYear", w, year=w["issued"]["date-parts"][0][0] + 4))
    w = works[19]
    add("AlteredAuthor", _published_entry("AlteredAuthor", w, first="Nobody, Invented"))
    w = works[20]
    add(
        "AlteredTitle",
        _published_entry("AlteredTitle", w, title="Grammar Induction for Migratory Birds"),
    )
    altered.update(
        AlteredYear="year",
        AlteredAuthor="authors",
        AlteredTitle="title",
        AlteredWord="title",
        AlteredYearNoId="year",
    )
    unchanged += list(altered)
    for n, (title, people) in enumerate(MADE_UP.items()):
        key = f"fake{n}"
        add(
            key,
            f"@inproceedings{{{key},\n  title = {{{title}}},\n  author = {{{people}}},\n"
            "  booktitle = acl,\n  year = 2024\n}\n",
        )
        made_up.append(key)
    add(
        "fakedoi",
        "@article{fakedoi,\n  title = {Attention Is Not Quite All You Need Anymore},\n"
        "  author = {Ravel, Jo},\n  journal = {Journal of Invented Results},\n  year = {2023},\n"
        "  doi = {10.5555/made.up.0042}\n}\n",
    )
    made_up.append("fakedoi")
    add(
        "book1",
        "@book{book1,\n  title = {The Gardener's Guide to Corpus Curation},\n"
        "  author = {Lindgren, Hal},\n  publisher = {Imaginary Press},\n  year = 2019\n}\n",
    )
    made_up.append("book1")
    unchanged += made_up
    return Bib("".join(parts), keys, publishable, unchanged, made_up, altered)


BIB = _bib()


def _setup(api: FakeAPI):
    config = dataclasses.replace(
        cfg.load(None, env={**api.config_env(), "DELBIB_MAILTO": "t@example.org"}),
        arxiv_interval=0.001,
    )
    return config, resolve.make_http(config, sleep=lambda s: None)


def _entries(text: str) -> dict[str, str]:
    """Each entry's text by key (an entry runs from its @ to the next one)."""
    chunks = re.split(r"\n(?=@)", text)
    return {m.group(1): c.strip() for c in chunks if (m := re.match(r"@\w+\{([^,\s]+),", c))}


def test_the_bib_is_fifty_entries_of_each_kind():
    assert len(BIB.keys) == 50 and len(set(BIB.keys)) == 50
    assert len(BIB.publishable) >= 14
    assert BIB.text.count("@misc{") >= 6 and BIB.text.count("@book{") == 1


def test_upgrade_publishes_every_publishable_preprint_and_nothing_else(
    api: FakeAPI, tmp_path: Path
):
    source = tmp_path / "refs.bib"
    source.write_text(BIB.text, encoding="utf-8")
    config, http = _setup(api)
    result = verify.upgrade(source, config=config, http=http)
    assert sorted(c.key for c in result.changes) == sorted(BIB.publishable)
    before, after = _entries(BIB.text), _entries(result.text)
    assert list(after) == BIB.keys  # every key, in order
    for key in BIB.unchanged:
        assert after[key] == before[key], key  # byte for byte
    assert result.text.startswith("% my references\n@string{acl = {ACL}}\n\n")
    library = bibtexparser.parse_string(result.text)
    assert not library.failed_blocks
    import pybtex.database

    assert len(pybtex.database.parse_string(result.text, "bibtex").entries) == 50
    for entry in library.entries:
        if entry.key not in BIB.publishable:
            continue
        ident = BIB.publishable[entry.key]
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        assert fields["eprint"] == ident  # the arXiv id is kept
        record = ARXIV_RECORDS[ident]
        if ident in BY_SEARCH:
            assert fields["doi"] == BY_SEARCH[ident]
            assert fields.get("booktitle", "").startswith(("Proceedings", "Findings"))
        elif record["doi"]:
            assert fields["doi"].lower() == record["doi"].lower()
        else:  # journal_ref
            assert record["journal_ref"] in fields.get("booktitle", "") + fields.get("journal", "")
        assert "arxiv preprint" not in fields.get("journal", "").lower()
        assert entry.entry_type in ("inproceedings", "article")
        if before[entry.key].startswith("@misc"):  # its own fields stay, as written
            assert fields["keywords"] == "mine, to read" and fields["primaryclass"] == "cs.CL"
        else:
            assert fields["abstract"] == "Kept as written."
    assert source.read_text(encoding="utf-8") == BIB.text  # the input is untouched


def test_check_reports_made_up_and_altered_entries(api: FakeAPI, tmp_path: Path):
    source = tmp_path / "refs.bib"
    source.write_text(BIB.text, encoding="utf-8")
    config, http = _setup(api)
    findings, _ = verify.check(source, config=config, http=http)
    by_key = {f.key: f for f in findings}
    assert list(by_key) == BIB.keys
    for key in BIB.made_up:
        assert by_key[key].verdict == verify.NOT_FOUND, (key, by_key[key])
    for key, name in BIB.altered.items():
        assert by_key[key].verdict == verify.DISAGREES and name in by_key[key].fields, by_key[key]
    assert (
        by_key["AlteredYear"].fields["year"]["file"] - by_key["AlteredYear"].fields["year"]["found"]
        == 4
    )
    rest = [k for k in BIB.keys if k not in BIB.made_up and k not in BIB.altered]
    wrong = {k: by_key[k] for k in rest if by_key[k].verdict != verify.VERIFIED}
    assert wrong == {}


def test_cli_upgrade_dry_run_writes_nothing_and_check_exits_1(api: FakeAPI, tmp_path: Path):
    catalog = tmp_path / "cat"
    catalog.mkdir()
    (catalog / "delbib.yaml").write_text("arxiv_interval: 0.001\n", encoding="utf-8")
    source = tmp_path / "refs.bib"
    text = "".join(
        p + "\n"
        for k, p in _entries(BIB.text).items()
        if k in ("Pre1:" + PUBLISHABLE[1], "Pub0", "fake0")
    )
    source.write_text(text, encoding="utf-8")
    runner = CliRunner()
    base = ["--catalog", str(catalog)]
    dry = runner.invoke(main, [*base, "upgrade", str(source), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "-  journal = {arXiv preprint" in dry.stdout and "nothing written" in dry.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cat", "refs.bib"]
    missing = runner.invoke(main, [*base, "upgrade", str(source)])
    assert missing.exit_code == 2 and "-o" in missing.stderr
    out = tmp_path / "out.bib"
    done = runner.invoke(main, [*base, "upgrade", str(source), "-o", str(out)])
    assert done.exit_code == 0 and "1 preprints upgraded" in done.stdout
    assert source.read_text(encoding="utf-8") == text
    checked = runner.invoke(main, [*base, "check", str(source), "--json"])
    assert checked.exit_code == 1, checked.output
    counts = json.loads(checked.stdout)["counts"]
    assert counts == {"verified": 2, "disagrees": 0, "found nowhere": 1, "not checked": 0}


# ------------------------------------------------------------------ hostile input

_ALPHABET = st.characters(min_codepoint=1, max_codepoint=0x2FF) | st.sampled_from(
    '@{}\\"=,#%\n\r\t[]:-<>&'
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fmt=st.sampled_from(["bibtex", "ris", "csljson", "zotero-rdf"]),
    prefix=st.sampled_from(
        ["", "@article{k,\n title={", "TY  - JOUR\nTI  - ", '[{"id": "k", "title": ', "<rdf:RDF>"]
    ),
    body=st.text(_ALPHABET, max_size=200),
)
def test_hostile_input_never_crashes(fmt: str, prefix: str, body: str, tmp_path_factory):
    parsed = bibin.parse(prefix + body, fmt, "hostile")
    for problem in parsed.problems:
        assert "\n" not in str(problem).strip() or fmt == "bibtex"
    from delbib.bibliography import importer as bibimport
    from delbib.catalog import model as catalog

    root = tmp_path_factory.mktemp("h")
    cat = catalog.new(root)
    report = bibimport.import_parsed(cat, [parsed])  # records no valid CSL become warnings
    bibimport.save(cat, report)
    assert set(catalog.load(root).entries) == set(report.created)  # what was written loads


def test_unreadable_record_is_a_warning_with_its_line(tmp_path: Path):
    source = tmp_path / "refs.bib"
    source.write_text(
        "@article{a, title={A}, year=2020}\n\n@article{b, title={B\n\n@book{c, title={C}}\n"
    )
    result = CliRunner().invoke(
        main, ["--catalog", str(tmp_path / "cat"), "import-bib", str(source)]
    )
    assert result.exit_code == 1
    assert f"{source}:3: not read" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (tmp_path / "cat" / "papers").iterdir()) == ["a.yaml", "c.yaml"]


# ------------------------------------------------------------------ readers in detail


def test_bibtex_latex_names_preprints_and_unplaced_fields(tmp_path: Path):
    text = (
        "@string{conf = {Proc. of Invented Conf.}}\n"
        "@misc{Mine2024,\n  title = {{\\\"U}ber caf\\'e --- a {LLM} study},\n"
        '  author = {M{\\"u}ller, J{\\"o}rg and van der Berg, Anna'
        " and {Google DeepMind} and others},\n"
        "  year = 2024, month = mar,\n  eprint = {2401.01234v2}, archivePrefix = {arXiv},\n"
        "  note = {Read twice}, file = {mine.pdf}, keywords = {alpha; beta}\n}\n"
        "@inproceedings{pub, title = {Published}, booktitle = conf, pages = {1--9}, year = {2023},"
        " doi = {10.5555/X.Y}}\n"
    )
    parsed = bibin.parse(text, "bibtex", "t.bib")
    assert not parsed.problems
    mine, pub = parsed.records
    assert mine.key == "Mine2024" and mine.line == 2
    assert mine.item["title"] == "Über café — a LLM study"
    assert mine.item["author"] == [
        {"family": "Müller", "given": "Jörg"},
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
        {"literal": "Google DeepMind"},
    ]
    assert mine.item["custom"] == {"arxiv": "2401.01234", "incomplete_authors": True}
    assert mine.item["type"] == "article" and mine.item["number"] == "arXiv:2401.01234"
    assert mine.item["issued"] == {"date-parts": [[2024, 3]]}
    assert mine.keywords == ["alpha", "beta"]
    assert mine.unplaced == {"note": "Read twice", "file": "mine.pdf"}
    assert pub.item["container-title"] == "Proc. of Invented Conf."
    assert pub.item["page"] == "1-9" and pub.item["DOI"] == "10.5555/X.Y"

    source = tmp_path / "refs.bib"
    source.write_text(text, encoding="utf-8")
    root = tmp_path / "cat"
    result = CliRunner().invoke(main, ["--catalog", str(root), "import-bib", str(source)])
    assert result.exit_code == 0, result.output
    assert "key Mine2024 is mine2024 in the catalog" in result.stdout
    assert "mine2024: kept in its record's provenance.unplaced: file, note" in result.stdout
    record = json.loads((root / "resolved" / "mine2024.json").read_text(encoding="utf-8"))
    assert record["provenance"]["source"] == "file"
    assert record["provenance"]["request"] == f"{source}:2"
    assert record["provenance"]["unplaced"] == {"note": "Read twice", "file": "mine.pdf"}
    assert record["status"] == "preprint-only"
    paper = yaml.safe_load((root / "papers" / "mine2024.yaml").read_text(encoding="utf-8"))
    assert paper["categories"] == ["alpha", "beta"]
    assert paper["identifiers"] == ["arxiv:2401.01234"]
    taxonomy = yaml.safe_load((root / "catalog.yaml").read_text(encoding="utf-8"))["taxonomy"]
    assert [c["name"] for c in taxonomy] == ["alpha", "beta"]


def test_collections_of_zotero_rdf_become_categories(tmp_path: Path):
    rdf = EXPORTS / "zotero-rdf" / "all.rdf"
    by_keywords = bibin.read(rdf)
    for record in by_keywords.records:
        assert sorted(record.collections) == sorted(record.keywords), record.key
    root = tmp_path / "cat"
    result = CliRunner().invoke(
        main,
        ["--catalog", str(root), "import-bib", str(rdf), "--category-from", "collections"],
    )
    assert result.exit_code == 0, result.output
    paper = yaml.safe_load((root / "papers" / "less2024.yaml").read_text(encoding="utf-8"))
    assert paper["categories"] == ["Data Selection"]  # less2024 is in one collection


def test_ris_and_csljson_problems_name_their_lines():
    ris = (
        "TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\nTY  - BOOK\nTI  - Three\nER  - \n"
    )
    parsed = bibin.parse(ris, "ris", "x.ris")
    assert [r.item["title"] for r in parsed.records] == ["One", "Two", "Three"]
    assert [str(p) for p in parsed.problems] == ["x.ris:5: record without ER, read"]
    items = '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"id": "b", "type": "nope"}\n]\n'
    parsed = bibin.parse(items, "csljson", "x.json")
    assert [r.key for r in parsed.records] == ["a"]
    assert len(parsed.problems) == 1 and str(parsed.problems[0]).startswith("x.json:3: field")


def test_upgrade_keeps_a_latin1_file_latin1_and_crlf_line_ends(api: FakeAPI, tmp_path: Path):
    ident = PUBLISHABLE[0]
    preprint = _preprint_entry("pre", ident, misc=False).replace("\n", "\r\n")
    other = "@book{old,\r\n  title = {M\u00fcller's Book},\r\n  year = 1999\r\n}\r\n"
    source = tmp_path / "old.bib"
    source.write_bytes((other + "\r\n" + preprint).encode("latin-1"))
    config, http = _setup(api)
    result = verify.upgrade(source, config=config, http=http)
    assert [c.key for c in result.changes] == ["pre"]
    data = result.data()
    assert data.startswith(other.encode("latin-1") + b"\r\n@")  # the book, byte for byte
    assert b"\r\n  eprint = {" + ident.encode() + b"}" in data
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line ends in CRLF
    data.decode("latin-1")


def test_one_paper_in_two_files_is_one_entry(tmp_path: Path):
    bib = tmp_path / "a.bib"
    bib.write_text(
        "@article{first, title = {Shared Paper}, doi = {10.5555/Shared.1}, keywords = {one}}\n",
        encoding="utf-8",
    )
    ris = tmp_path / "b.ris"
    ris.write_text(
        "TY  - JOUR\nID  - second\nTI  - Shared paper\nDO  - 10.5555/shared.1\nKW  - two\n"
        "ER  - \n\nTY  - JOUR\nID  - third\nTI  - Another Paper\nDO  - 10.5555/shared.1\n"
        "ER  - \n",
        encoding="utf-8",
    )
    root = tmp_path / "cat"
    result = CliRunner().invoke(
        main, ["--catalog", str(root), "import-bib", str(bib), str(ris), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["created"] == ["first", "third"]  # one DOI, two titles: two papers
    assert list(report["merged"].values()) == ["first"]
    paper = yaml.safe_load((root / "papers" / "first.yaml").read_text(encoding="utf-8"))
    assert paper["categories"] == ["one", "two"]


def test_check_with_the_services_down_says_not_checked(tmp_path: Path, monkeypatch):
    for name in ("CROSSREF", "DOI", "ARXIV", "OPENREVIEW", "ACL", "DBLP"):
        monkeypatch.setenv(f"DELBIB_{name}_URL", "http://127.0.0.1:9")
    source = tmp_path / "refs.bib"
    source.write_text(_preprint_entry("pre", PUBLISHABLE[0], misc=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["--catalog", str(tmp_path / "c"), "check", str(source)])
    assert result.exit_code == 1
    assert "not checked: pre (line 1)" in result.stdout
    assert "unreachable this run, skipped: arxiv" in result.stderr
    assert "Traceback" not in result.output
