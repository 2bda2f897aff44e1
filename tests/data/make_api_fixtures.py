"""Build the fake services' data (tests/data/api/) from catalog/source/catalog-reference.jsonl.

Run from the repository root: ``python tests/data/make_api_fixtures.py``. The output is
committed; tests never run this script. Each file holds records in the real service's format:

- crossref-works.json: DOI -> Crossref ``/works/{doi}`` message (for every reference DOI)
- datacite-csl.json: DOI -> doi.org CSL-JSON for arXiv's DataCite DOIs (10.48550/ARXIV.*)
- arxiv-entries.atom.xml: one Atom feed holding an ``<entry>`` per arXiv id
- openreview-notes.json: note id -> API v2 note: the note a row's OpenReview link names
  (accepted, or rejected where the reference says), plus every paper the reference says an
  OpenReview venue accepted (ICLR, NeurIPS, ICML, COLM, their workshops and tracks, TMLR)
  that has no such link, so that title search finds it
- acl-bib.json: Anthology id -> the per-paper ``{id}.bib`` text in the Anthology's layout
- dblp-publ.json: dblp publication search ``info`` objects (layout of the recorded sample
  tests/data/api-samples/dblp-search-publ.json): a record for every paper the reference
  says was published (venue = the reference's short venue without its year; ``ee`` = its DOI,
  else its PMLR/NeurIPS/OpenReview page), and a CoRR record for every arXiv id

Facts come from the reference only; where a service field has no reference fact it is left
out, except these placeholders, marked here so nobody mistakes them for facts: arXiv
``published`` dates are the first day of the month the id encodes, and every arXiv
``primary_category`` is "cs.CL"; an accepted paper's note whose forum id the reference does
not give gets a synthetic id, the first 10 characters of the URL-safe base64 SHA-256 of
"arxiv:<id>" (else "title:<normalised title>"), stable across runs; the tier in ``venue``
("poster") is "oral" or "spotlight" only where the reference notes say so; every second
published arXiv paper carries its DOI or its OpenReview venue as authors often add them
(``arxiv_notes``). Papers a wrong
link points to (the reference notes name them) and one near-miss title (Crossref's test
prefix 10.5555) are added by hand in ``EXTRA``.
"""

from __future__ import annotations

import base64
import hashlib
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
from delbib.text import ascii_fold, title_key  # noqa: E402

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
UNSEEN_NOTE = ("could not", "different OpenReview note", "not the accepted", "ARR")
REJECTED = re.compile(r"(?:rejected at|'Submitted to) ICLR (\d{4})")
OPENREVIEW_VENUE = re.compile(
    r"(ICLR|NeurIPS|ICML|COLM) (\d{4})(?: [Ww]orkshop ?(.*)| \((Datasets and Benchmarks)\))?"
)
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


def arxiv_notes(row: dict) -> str:
    """What authors often (not always) add on arXiv once published: for every second
    published row (even row numbers), ``<arxiv:doi>`` with a version of record's DOI, or a
    comment naming an OpenReview venue ("Accepted at ICLR 2025")."""
    if row["status"] != "published" or row["row"] % 2:
        return ""
    if row.get("DOI") and not row["DOI"].startswith("10.48550/"):
        return f"\n    <arxiv:doi>{escape(row['DOI'])}</arxiv:doi>"
    if accepted_venue(row):
        return f"\n    <arxiv:comment>Accepted at {escape(row['venue_short'])}</arxiv:comment>"
    return ""


def atom_entry(arxiv_id: str, title: str, authors: list[list[str]], notes: str = "") -> str:
    yymm = arxiv_id.split(".")[0]
    date = f"20{yymm[:2]}-{yymm[2:]}-01T00:00:00Z"
    people = "".join(
        f"\n    <author>\n      <name>{escape(f'{g} {f}'.strip())}</name>\n    </author>"
        for g, f in authors
    )
    pdf = (
        f'<link href="https://arxiv.org/pdf/{arxiv_id}v1" rel="related" '
        'type="application/pdf" title="pdf"/>'
    )
    return f"""  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v1</id>
    <title>{escape(title)}</title>
    <updated>{date}</updated>
    <link href="https://arxiv.org/abs/{arxiv_id}v1" rel="alternate" type="text/html"/>
    {pdf}
    <summary>Abstract of {escape(title)}.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>{date}</published>{notes}
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


def accepted_venue(row: dict) -> tuple[str, str, str | None] | None:
    """``venue``, ``venueid`` and the BibTeX container of a paper the reference says an
    OpenReview venue (ICLR, NeurIPS, ICML, COLM, one of their workshops or tracks, TMLR)
    published; None for any other paper."""
    short = row.get("venue_short") or ""
    if row["status"] != "published":
        return None
    if short == "TMLR":
        return "TMLR", "TMLR", "Transactions on Machine Learning Research"
    if not (match := OPENREVIEW_VENUE.fullmatch(short)):
        return None
    name, year, workshop, track = match.groups()
    group = f"{OPENREVIEW_GROUPS[name]}/{year}"
    container = row.get("container_title") or short
    if workshop:
        return short, f"{group}/Workshop/{workshop.replace(' ', '-')}", container
    notes = (row.get("notes") or "").casefold()
    tier = next((t for t in ("oral", "spotlight") if t in notes), "poster")
    if name == "ICLR" and int(year) >= 2025:  # "ICLR 2025 Poster", "ICLR 2024 poster"
        tier = tier.capitalize()
    if track:
        return f"{name} {year} {track} {tier}", f"{group}/Track/Datasets_and_Benchmarks", container
    return f"{short} {tier}", f"{group}/Conference", container


def bibtex(kind: str, row: dict, year: str, note_id: str, container: str | None = None) -> str:
    """A note's ``_bibtex`` in OpenReview's layout: the key on its own line, then title,
    author, the container (TMLR adds its ISSN), year, url (TMLR ends with an empty note)."""
    people = names(row)
    first = re.sub(r"[^a-z]", "", ascii_fold(people[0][1]).lower()) if people else "anonymous"
    word = re.sub(r"[^a-z0-9]", "", row["title"].split()[0].lower())
    lines = [
        f"@{kind}{{",
        f"{first}{year}{word},",
        f"title={{{row['title']}}},",
        f"author={{{' and '.join(f'{g} {f}'.strip() for g, f in people)}}},",
    ]
    if kind == "inproceedings":
        lines.append(f"booktitle={{{container}}},")
    elif kind == "article":
        lines += [f"journal={{{container}}},", "issn={2835-8856},"]
    lines += [f"year={{{year}}},", f"url={{https://openreview.net/forum?id={note_id}}}"]
    if kind == "article":
        lines[-1] += ","
        lines.append("note={}")
    return "\n".join([*lines, "}"])


def note(note_id: str, row: dict, venue: str, venueid: str, bib: str) -> dict:
    """An API v2 submission note (every content field wrapped as {"value": ...})."""
    group = re.sub(r"/(?:Rejected|Withdrawn)_Submission$", "", venueid)
    return {
        "id": note_id,
        "forum": note_id,
        "invitations": [f"{group}/-/Submission"],
        "content": {
            "title": {"value": row["title"]},
            "authors": {"value": [f"{g} {f}".strip() for g, f in names(row)]},
            "venue": {"value": venue},
            "venueid": {"value": venueid},
            "_bibtex": {"value": bib},
        },
    }


def linked_note(row: dict) -> dict | None:
    """The note the row's OpenReview link names: the rejected submission where the reference
    says so, else the accepted paper; None where the reference did not see that note."""
    note_id = row["openreview_id"]
    rejected = REJECTED.search(row.get("notes") or "")
    if rejected or row["status"] == "rejected":
        year = rejected.group(1) if rejected else "2025"
        venueid = f"ICLR.cc/{year}/Conference/Rejected_Submission"
        bib = bibtex("misc", row, year, note_id)
        return note(note_id, row, f"Submitted to ICLR {year}", venueid, bib)
    if any(marker in (row.get("notes") or "") for marker in UNSEEN_NOTE):
        return None
    if not (venue := accepted_venue(row)):
        return None
    kind = "article" if venue[1] == "TMLR" else "inproceedings"
    return note(note_id, row, *venue[:2], bibtex(kind, row, str(row["issued"]), note_id, venue[2]))


def synthetic_id(row: dict) -> str:
    """A made-up but stable 10-character note id (OpenReview's alphabet) for an accepted paper
    whose forum id the reference does not give: from the arXiv id, else the title."""
    basis = f"arxiv:{row['arxiv']}" if row.get("arxiv") else f"title:{title_key(row['title'])}"
    return base64.urlsafe_b64encode(hashlib.sha256(basis.encode()).digest()).decode()[:10]


def accepted_note(row: dict) -> dict | None:
    """The accepted paper's note under a synthetic id, for search to find; None for a paper no
    OpenReview venue published."""
    if not (venue := accepted_venue(row)):
        return None
    note_id = synthetic_id(row)
    kind = "article" if venue[1] == "TMLR" else "inproceedings"
    return note(note_id, row, *venue[:2], bibtex(kind, row, str(row["issued"]), note_id, venue[2]))


def dblp_person(name: str) -> dict:
    pid = hashlib.sha256(name.encode()).hexdigest()[:6]
    return {"@pid": f"{pid[:2]}/{pid[2:]}", "text": name}


def dblp_info(row: dict, title: str, venue: str, year: int, ee: str, corr: bool) -> dict:
    """One publication as dblp's search API gives it; one author is a single object."""
    people = [dblp_person(f"{g} {f}".strip()) for g, f in names(row)]
    first = re.sub(r"[^A-Za-z]", "", names(row)[0][1]) if names(row) else "Anon"
    stream = "journals/corr" if corr else f"conf/{re.sub(r'[^a-z]', '', venue.lower())}"
    key = f"{stream}/{first}{str(year)[2:]}{'x' if corr else ''}"
    info: dict = {
        "authors": {"author": people[0] if len(people) == 1 else people},
        "title": title.rstrip(".") + ".",
        "venue": venue,
        "year": str(year),
        "type": "Informal and Other Publications"
        if corr
        else (
            "Journal Articles"
            if row["type"] == "article-journal"
            else "Conference and Workshop Papers"
        ),
        "access": "open",
        "key": key,
        "ee": ee,
        "url": f"https://dblp.org/rec/{key}",
    }
    if not people:
        del info["authors"]
    if ee.startswith("https://doi.org/"):
        info["doi"] = ee.removeprefix("https://doi.org/")
    return info


def dblp_records(row: dict) -> list[dict]:
    out = []
    short = row.get("venue_short") or ""
    if row["status"] == "published" and row["type"] in ("paper-conference", "article-journal"):
        venue = re.sub(r"\s*\(.*\)|\s*\d{4}|\s+[Ww]orkshop.*", "", short).strip()
        page = next(
            (u for u in [row.get("url") or ""] if re.search(r"neurips|nips\.cc|mlr\.press", u)),
            None,
        )
        if row.get("DOI"):
            ee = f"https://doi.org/{row['DOI']}"
        elif page:
            ee = page
        elif row.get("openreview_id"):
            ee = f"https://openreview.net/forum?id={row['openreview_id']}"
        else:
            ee = ""
        if venue and row.get("issued") and ee:
            out.append(dblp_info(row, row["title"], venue, row["issued"], ee, corr=False))
    if row.get("arxiv") and re.match(r"\d{4}\.", row["arxiv"]):
        year = 2000 + int(row["arxiv"][:2])
        ee = f"https://doi.org/10.48550/arXiv.{row['arxiv']}"
        out.append(dblp_info(row, row["title"], "CoRR", year, ee, corr=True))
    return out


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
    works, datacite, atom, notes, acl, dblp = {}, {}, {}, {}, {}, {}
    for row in rows:
        if not row.get("title"):
            continue
        authors = names(row)
        if row.get("DOI") and row["type"] in CROSSREF_TYPES:
            fact = {**row, "author": authors, "container_title": row.get("container_title")}
            works[row["DOI"]] = crossref_work(fact)
            if arnumber := re.search(r"arnumber=(\d+)", row.get("url") or ""):
                # IEEE's deposits name the arnumber in their full-text links
                works[row["DOI"]]["link"] = [
                    {
                        "URL": f"http://xplorestaging.ieee.org/ielx7/x/x/{arnumber.group(1)}.pdf"
                        f"?arnumber={arnumber.group(1)}",
                        "content-type": "unspecified",
                        "content-version": "vor",
                        "intended-application": "similarity-checking",
                    }
                ]
        for info in dblp_records(row):
            dblp.setdefault(info["key"] + info["title"], info)
        if row.get("arxiv"):  # the titled paper's own id, also where the row links another
            entry = atom_entry(row["arxiv"], row["title"], authors, arxiv_notes(row))
            atom.setdefault(row["arxiv"], entry)
            datacite.setdefault(
                f"10.48550/arxiv.{row['arxiv']}", datacite_csl(row["arxiv"], row["title"], authors)
            )
        linked = linked_note(row) if row.get("openreview_id") else None
        if linked:
            notes[linked["id"]] = linked
        linked_venue = linked["content"]["venueid"]["value"] if linked else "/Rejected_Submission"
        if linked_venue.endswith("/Rejected_Submission") and (accepted := accepted_note(row)):
            notes.setdefault(accepted["id"], accepted)
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
    dump("dblp-publ.json", [dblp[k] for k in sorted(dblp)])
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
        + "".join(atom[k] for k in sorted(atom))
        + "</feed>\n"
    )
    (OUT / "arxiv-entries.atom.xml").write_text(feed, encoding="utf-8")
    counts = {"crossref": works, "datacite": datacite, "arxiv": atom, "openreview": notes}
    counts["dblp"] = dblp
    print(", ".join(f"{name} {len(data)}" for name, data in {**counts, "acl": acl}.items()))


if __name__ == "__main__":
    main()
