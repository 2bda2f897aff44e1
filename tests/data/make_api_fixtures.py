"""Build the fake services' data (tests/data/api/) from catalog/source/catalog-reference.jsonl.

Run from the repository root: ``python tests/data/make_api_fixtures.py``. The output is
committed; tests never run this script. Each file holds records in the real service's format:

- crossref-works.json: DOI -> Crossref ``/works/{doi}`` message (for every reference DOI)
- datacite-csl.json: DOI -> doi.org CSL-JSON for arXiv's DataCite DOIs (10.48550/ARXIV.*)
- arxiv-entries.atom.xml: one Atom feed holding an ``<entry>`` per arXiv id
- openreview-notes.json: note id -> API v2 note (accepted, or rejected where the reference says)
- acl-bib.json: Anthology id -> the per-paper ``{id}.bib`` text in the Anthology's layout

Facts come from the reference only; where a service field has no reference fact it is left
out, except these placeholders, marked here so nobody mistakes them for facts: arXiv
``published`` dates are the first day of the month the id encodes, and every arXiv
``primary_category`` is "cs.CL". Papers a wrong link points to (the reference notes name them)
and one near-miss title (Crossref's test prefix 10.5555) are added by hand in ``EXTRA``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "catalog" / "source" / "catalog-reference.jsonl"
OUT = ROOT / "tests" / "data" / "api"
sys.path.insert(0, str(ROOT / "src"))

from delbib import identifiers  # noqa: E402

CROSSREF_TYPES = {
    "paper-conference": "proceedings-article",
    "article-journal": "journal-article",
    "chapter": "book-chapter",
    "article": "posted-content",
    "other": "other",
}
OPENREVIEW_GROUPS = {
    "ICLR": "ICLR.cc",
    "NeurIPS": "NeurIPS.cc",
    "ICML": "ICML.cc",
    "COLM": "colmweb.org/COLM",
}
LINK_MISMATCH = "LINK/TITLE MISMATCH"
UNSEEN_NOTE = ("could not", "different OpenReview note", "not the accepted", "ARR")
REJECTED = re.compile(r"(?:rejected at|'Submitted to) ICLR (\d{4})")
# Papers that wrong links in the list point to (named in the reference notes of rows 19, 172,
# 178), and a near-miss title for row 165 under Crossref's test prefix.
EXTRA = {
    "crossref": [
        {
            "DOI": "10.14778/3685800.3685838",
            "type": "article-journal",
            "title": "LLM for Data Management",
            "author": [["Guoliang", "Li"], ["Xuanhe", "Zhou"], ["Xinyang", "Zhao"]],
            "container_title": "Proceedings of the VLDB Endowment",
            "issued": 2024,
            "publisher": None,
            "page": "4213-4216",
            "volume": "17",
            "issue": "12",
        },
        {
            "DOI": "10.5555/delbib-test.165",
            "type": "paper-conference",
            "title": "Speech de-identification data augmentation leveraging large language model",
            "author": [],
            "container_title": "2024 International Conference on Asian Language Processing",
            "issued": 2024,
            "publisher": None,
            "page": "97-102",
        },
    ],
    "arxiv": [
        {
            "arxiv": "2410.05269",
            "title": "Data Advisor: Dynamic Data Curation for Safety Alignment of Large "
            "Language Models",
            "author": [
                ["Fei", "Wang"],
                ["Ninareh", "Mehrabi"],
                ["Palash", "Goyal"],
                ["Rahul", "Gupta"],
                ["Kai-Wei", "Chang"],
                ["Aram", "Galstyan"],
            ],
        }
    ],
}


def names(record: dict) -> list[list[str]]:
    return [
        [a.get("given") or "", a["family"]] for a in record.get("author") or [] if a.get("family")
    ]


def crossref_work(fact: dict) -> dict:
    doi = fact["DOI"]
    message = {
        "DOI": doi,
        "type": CROSSREF_TYPES[fact["type"]],
        "title": [fact["title"]],
        "prefix": doi.split("/")[0],
        "source": "Crossref",
        "URL": f"https://doi.org/{doi}",
        "score": 1,
        "reference-count": 0,
        "is-referenced-by-count": 0,
        "author": [
            {
                "given": g,
                "family": f,
                "sequence": "first" if i == 0 else "additional",
                "affiliation": [],
            }
            for i, (g, f) in enumerate(fact["author"])
        ],
        "issued": {"date-parts": [[fact["issued"]]] if fact["issued"] else [[None]]},
    }
    if fact["issued"]:
        message["published"] = {"date-parts": [[fact["issued"]]]}
    if fact.get("container_title"):
        message["container-title"] = [fact["container_title"]]
    for key in ("publisher", "page", "volume", "issue"):
        if fact.get(key):
            message[key] = fact[key]
    return message


def atom_entry(arxiv_id: str, title: str, authors: list[list[str]]) -> str:
    yymm = arxiv_id.split(".")[0]
    date = f"20{yymm[:2]}-{yymm[2:]}-01T00:00:00Z"
    people = "".join(
        f"\n    <author>\n      <name>{escape(f'{g} {f}'.strip())}</name>\n    </author>"
        for g, f in authors
    )
    return f"""  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v1</id>
    <title>{escape(title)}</title>
    <updated>{date}</updated>
    <link href="https://arxiv.org/abs/{arxiv_id}v1" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/{arxiv_id}v1" rel="related" type="application/pdf" title="pdf"/>
    <summary>Abstract of {escape(title)}.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>{date}</published>
    <arxiv:primary_category term="cs.CL"/>{people}
  </entry>
"""


def datacite_csl(arxiv_id: str, title: str, authors: list[list[str]]) -> dict:
    return {
        "type": "article",
        "id": f"https://doi.org/10.48550/arxiv.{arxiv_id}",
        "categories": ["Computation and Language (cs.CL)"],
        "author": [{"family": f, "given": g} for g, f in authors],
        "issued": {"date-parts": [[2000 + int(arxiv_id[:2])]]},
        "abstract": f"Abstract of {title}.",
        "DOI": f"10.48550/ARXIV.{arxiv_id.upper()}",
        "publisher": "arXiv",
        "title": title,
        "URL": f"https://arxiv.org/abs/{arxiv_id}",
        "copyright": "arXiv.org perpetual, non-exclusive license",
    }


def openreview_note(row: dict) -> dict | None:
    authors = [f"{g} {f}".strip() for g, f in names(row)]
    bib_authors = " and ".join(authors)
    rejected = REJECTED.search(row.get("notes") or "")
    if rejected or row["status"] == "rejected":
        year = rejected.group(1) if rejected else "2025"
        venue, venueid = (
            f"Submitted to ICLR {year}",
            f"ICLR.cc/{year}/Conference/Rejected_Submission",
        )
        bibtex = f"@misc{{\nanonymous{year}x,\ntitle={{{row['title']}}},\nauthor={{{bib_authors}}},\nyear={{{year}}},\nurl={{https://openreview.net/forum?id={row['openreview_id']}}}\n}}"
    else:
        short = row.get("venue_short") or ""
        notes = row.get("notes") or ""
        if row["status"] != "published" or any(m in notes for m in UNSEEN_NOTE):
            return None
        year = str(row.get("issued") or "")
        if short == "TMLR":
            venue, venueid = "TMLR", "TMLR"
            head = f"@article{{\nanonymous{year}x,\njournal={{Transactions on Machine Learning Research}},"
        elif match := re.fullmatch(
            r"(ICLR|NeurIPS|ICML|COLM) (\d{4})(?: [Ww]orkshop ?(.*))?", short
        ):
            group = f"{OPENREVIEW_GROUPS[match[1]]}/{match[2]}"
            venue = f"{short} poster" if not match[3] else short
            venueid = f"{group}/Workshop/{match[3]}" if match[3] else f"{group}/Conference"
            head = f"@inproceedings{{\nanonymous{year}x,\nbooktitle={{{row['container_title'] or short}}},"
        else:
            return None
        bibtex = f"{head}\ntitle={{{row['title']}}},\nauthor={{{bib_authors}}},\nyear={{{year}}},\nurl={{https://openreview.net/forum?id={row['openreview_id']}}}\n}}"
    note_id = row["openreview_id"]
    return {
        "id": note_id,
        "forum": note_id,
        "invitations": [venueid.rsplit("/", 1)[0] + "/-/Submission"],
        "content": {
            "title": {"value": row["title"]},
            "authors": {"value": authors},
            "venue": {"value": venue},
            "venueid": {"value": venueid},
            "_bibtex": {"value": bibtex},
        },
    }


def acl_bib(acl_id: str, row: dict) -> str:
    authors = "  and\n      ".join(f"{f}, {g}".strip(", ") for g, f in names(row))
    kind = "article" if row["type"] == "article-journal" else "inproceedings"
    container = "journal" if kind == "article" else "booktitle"
    lines = [
        f'    title = "{row["title"]}",',
        f'    author = "{authors}",',
        f'    {container} = "{row["container_title"]}",' if row.get("container_title") else None,
        f'    year = "{row["issued"]}",' if row.get("issued") else None,
        '    publisher = "Association for Computational Linguistics",',
        f'    url = "https://aclanthology.org/{acl_id}/",',
        f'    doi = "{row["DOI"]}",' if row.get("DOI") else None,
        f'    pages = "{row["page"].replace("-", "--")}",' if row.get("page") else None,
    ]
    key = f"{names(row)[0][1].lower() if names(row) else 'anon'}-etal-{row.get('issued')}"
    return f"@{kind}{{{key},\n" + "\n".join(line for line in lines if line) + "\n}\n"


def main() -> None:
    rows = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines()]
    works, datacite, atom, notes, acl = {}, {}, {}, {}, {}
    for row in rows:
        if not row.get("title"):
            continue
        authors = names(row)
        if row.get("DOI") and row["type"] in CROSSREF_TYPES:
            fact = {**row, "author": authors, "container_title": row.get("container_title")}
            works[row["DOI"]] = crossref_work(fact)
        if row.get("arxiv") and LINK_MISMATCH not in (row.get("notes") or ""):
            atom.setdefault(row["arxiv"], atom_entry(row["arxiv"], row["title"], authors))
            datacite.setdefault(
                f"10.48550/arxiv.{row['arxiv']}", datacite_csl(row["arxiv"], row["title"], authors)
            )
        if row.get("openreview_id") and (note := openreview_note(row)):
            notes[row["openreview_id"]] = note
        for ident in identifiers.extract(row.get("url") or ""):
            if ident.startswith("acl:"):
                acl[ident[4:]] = acl_bib(ident[4:], row)
    for extra in EXTRA["crossref"]:
        works[extra["DOI"]] = crossref_work(extra)
    for extra in EXTRA["arxiv"]:
        atom[extra["arxiv"]] = atom_entry(extra["arxiv"], extra["title"], extra["author"])
    OUT.mkdir(parents=True, exist_ok=True)
    dump = lambda name, data: (OUT / name).write_text(  # noqa: E731
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    dump("crossref-works.json", works)
    dump("datacite-csl.json", datacite)
    dump("openreview-notes.json", notes)
    dump("acl-bib.json", acl)
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
        + "".join(atom[k] for k in sorted(atom))
        + "</feed>\n"
    )
    (OUT / "arxiv-entries.atom.xml").write_text(feed, encoding="utf-8")
    print(
        f"crossref {len(works)}, datacite {len(datacite)}, arxiv {len(atom)}, openreview {len(notes)}, acl {len(acl)}"
    )


if __name__ == "__main__":
    main()
