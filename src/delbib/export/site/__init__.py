"""Catalog -> a static site: a front page with search, one page per category, downloads.

Layout (under the output directory)::

    index.html                 what the list is, the category tree, charts, search, downloads
    category/<slug>.html       one category's papers in list order, each with its citations
    assets/                    style, script, the search library and the search data (as JS)
    downloads/<format>/...     the export layout (``exporter.export_all``), all papers and
                               each category in every format

Every page is plain HTML with relative links, so the site works from ``file://`` and from a
sub-path on GitHub Pages; scripts only add search and the copy buttons. The search data is a
script (not JSON fetched at run time, which ``file://`` refuses). A paper's citations are the
pieces ``exporter.rendered`` gives, the same text as in the export files. Pages come from
Jinja2 templates a maintainer can override one by one (``templates=DIR``), assets too
(``DIR/assets/<name>``). The same catalog gives the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from delbib.catalog import stats
from delbib.catalog.layout import ALL_PAPERS
from delbib.catalog.model import Catalog, Category, Entry
from delbib.errors import InputError
from delbib.export import formats
from delbib.export import run as exporter
from delbib.files import atomic_write
from delbib.lists import arrange

from . import chart

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("site.css", "site.js", "minisearch.min.js", "minisearch.LICENSE.txt")  # as they are
SEARCH_DATA = "assets/search-data.js"
DOWNLOADS = "downloads"
CITE_FORMATS = ("bibtex", "biblatex", "ris")
_FORMAT_LABELS = {
    "bibtex": "BibTeX",
    "biblatex": "biblatex",
    "csljson": "CSL-JSON",
    "ris": "RIS",
    "zotero-rdf": "Zotero RDF",
}
_CODE_HOSTS = ("github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "codeberg.org")


@dataclass
class Site:
    """A built site: its pages and assets in memory, and what ``write`` changed."""

    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> bytes (no downloads)
    papers: int = 0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers": self.papers,
            "files": sorted([*self.files, *self.downloads]),
            "written": self.written,
            "removed": self.removed,
        }


# ---------------------------------------------------------------- what a page shows


def _names(item: dict[str, Any]) -> list[str]:
    out = []
    for person in item.get("author") or []:
        if not isinstance(person, dict):
            continue
        name = person.get("literal") or " ".join(
            str(person[p]) for p in ("given", "non-dropping-particle", "family") if person.get(p)
        )
        if name:
            out.append(" ".join(str(name).split()))
    return out


def link_kind(url: str) -> str:
    """ "Code" for a repository host, "Project" for a project page (``*.github.io``),
    "Paper" otherwise: the lists link papers far more than anything else."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host in _CODE_HOSTS:
        return "Code"
    if host.endswith(".github.io") or host.endswith(".gitlab.io"):
        return "Project"
    return "Paper"


def _when(venue: str | None, year: int | None) -> str:
    """Venue and year as a reader wants them: "ICLR 2025", not "ICLR 2025 2025"."""
    if venue and year and str(year) in venue:
        return venue
    return " ".join(str(part) for part in (venue, year) if part)


def _web(url: str) -> bool:
    """Only http(s) links become links: a list's ``javascript:`` or ``file:`` link would run
    or open something on the reader's side."""
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


def _title_url(links: list[str], item: dict[str, Any]) -> str | None:
    """The paper itself: its first paper link, else the resolved URL or DOI."""
    paper = next((u for u in links if link_kind(u) == "Paper"), None)
    if paper:
        return paper
    if item.get("URL") and _web(str(item["URL"])):
        return str(item["URL"])
    return f"https://doi.org/{item['DOI']}" if item.get("DOI") else None


def _paper(
    catalog: Catalog,
    entry: Entry,
    item: dict[str, Any],
    cites: dict[str, str],
    slug_of: dict[str, str],
) -> dict[str, Any]:
    shown = arrange.paper(entry, catalog.resolved.get(entry.key))
    links = [u for u in shown.links if _web(u)]
    return {
        "key": entry.key,
        "title": shown.title,
        "url": _title_url(links, item),
        "authors": _names(item) or ([entry.authors] if entry.authors else []),
        "venue": shown.venue,
        "year": shown.year,
        "tldr": shown.tldr,
        "when": _when(shown.venue, shown.year),
        "links": [
            {
                "kind": link_kind(u),
                "host": (urlsplit(u).hostname or "").removeprefix("www."),
                "url": u,
            }
            for u in links
        ],
        "categories": [{"name": c, "slug": slug_of[c]} for c in entry.categories if c in slug_of],
        "cite": [_cite(fmt, cites[fmt]) for fmt in CITE_FORMATS],
    }


def _cite(fmt: str, text: str) -> dict[str, Any]:
    """One citation as a page shows it. An HTML parser reads CRLF as LF, so RIS (CRLF by
    its spec) is shown with LF and marked for the copy button to put the CRLF back."""
    crlf = "\r\n" in text
    return {
        "format": fmt,
        "label": _FORMAT_LABELS[fmt],
        "text": text.replace("\r\n", "\n") if crlf else text,
        "eol": "crlf" if crlf else None,
    }


def _tree(taxonomy: list[Category], counts: dict[str, int]) -> list[dict[str, Any]]:
    """The taxonomy as nested nodes (name, slug, count, children) in list order; a parent
    that is not a category, or a loop of parents, puts a category at the top."""
    from ..survey import _children

    children = _children(taxonomy)

    def node(cat: Category) -> dict[str, Any]:
        kids = [node(c) for c in children.get(cat.name, [])]
        return {"name": cat.name, "slug": cat.slug, "count": counts[cat.name], "children": kids}

    return [node(c) for c in children.get(None, [])]


def _downloads(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per file stem (all papers, then each category), a link per format."""
    rows = [("All papers", ALL_PAPERS)] + [(c.name, c.slug) for c in catalog.taxonomy]
    return [
        {
            "name": name,
            "stem": stem,
            "files": [
                {
                    "format": fmt,
                    "label": _FORMAT_LABELS[fmt],
                    "href": f"{DOWNLOADS}/{fmt}/{stem}{formats.get(fmt).suffix}",
                }
                for fmt in exporter.ALL_FORMATS
            ],
        }
        for name, stem in rows
    ]


def _within(tree: list[dict[str, Any]], index: dict[str, int]) -> list[list[int]]:
    """For each category (by position), its own position and those of the categories inside
    it: filtering by a category finds the papers of its sub-categories too, as counts do."""
    within: dict[int, list[int]] = {}

    def walk(node: dict[str, Any]) -> list[int]:
        mine = [index[node["slug"]]]
        for child in node["children"]:
            mine += walk(child)
        within[index[node["slug"]]] = mine
        return mine

    for node in tree:
        walk(node)
    return [within[i] for i in range(len(index))]


def _search_data(
    papers: list[dict[str, Any]], taxonomy: list[Category], tree: list[dict[str, Any]]
) -> str:
    """The search documents as a script: compact rows the page indexes with MiniSearch."""
    index = {c.slug: i for i, c in enumerate(taxonomy)}
    data = {
        "categories": [c.name for c in taxonomy],
        "within": _within(tree, index),
        "fields": [
            "key",
            "title",
            "authors",
            "venue",
            "year",
            "when",
            "tldr",
            "categories",
            "href",
        ],
        "papers": [
            [
                p["key"],
                p["title"],
                ", ".join(p["authors"]),
                p["venue"] or "",
                p["year"] or "",
                p["when"],
                p["tldr"] or "",
                [index[c["slug"]] for c in p["categories"]],
                f"category/{p['categories'][0]['slug']}.html#{p['key']}"
                if p["categories"]
                else p["url"] or "",
            ]
            for p in papers
        ],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.delbibSearch = {text};\n"


# ---------------------------------------------------------------- templates


def environment(templates: str | Path | None = None) -> Any:
    """Jinja2 with the maintainer's templates (when given) before the shipped ones."""
    import jinja2

    loaders: list[Any] = [jinja2.FileSystemLoader(str(TEMPLATES))]
    if templates is not None:
        path = Path(templates)
        if not path.is_dir():
            raise InputError("templates directory not found", path=path)
        loaders.insert(0, jinja2.FileSystemLoader(str(path)))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _template_error(name: str, exc: Exception) -> InputError:
    import jinja2

    where = getattr(exc, "filename", None) or name
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return InputError(f"template syntax error: {exc.message}", path=where, line=exc.lineno)
    return InputError(f"template error: {getattr(exc, 'message', None) or exc}", path=where)


def _render(env: Any, name: str, context: dict[str, Any]) -> bytes:
    import jinja2

    try:
        text = env.get_template(name).render(context)
    except jinja2.TemplateError as exc:
        raise _template_error(name, exc) from exc
    return text.encode("utf-8")


def _asset(env: Any, name: str) -> bytes:
    """An asset as stored (a maintainer's ``assets/<name>`` first), not rendered."""
    source, _filename, _uptodate = env.loader.get_source(env, f"assets/{name}")
    return source.encode("utf-8")


# ---------------------------------------------------------------- the site


def listed(catalog: Catalog) -> list[Entry]:
    """The papers the site shows: those still in the list, in list order."""
    return arrange.listed_entries(catalog)


def build(catalog: Catalog, templates: str | Path | None = None) -> Site:
    """Every page and asset in memory (the downloads are written by ``write``)."""
    env = environment(templates)
    entries = listed(catalog)
    slug_of = {c.name: c.slug for c in catalog.taxonomy}
    papers = [
        _paper(catalog, entry, item, cites, slug_of)
        for entry, item, cites in exporter.rendered(catalog, entries, CITE_FORMATS)
    ]
    counts = stats.compute(catalog)["categories"]
    years = Counter(p["year"] for p in papers)
    per_year = [(str(y), years[y]) for y in sorted(y for y in years if y)]
    if years.get(None):
        per_year.append(("n.d.", years[None]))
    by_category: dict[str, list[dict[str, Any]]] = {c.name: [] for c in catalog.taxonomy}
    for p in papers:
        for c in p["categories"]:
            by_category[c["name"]].append(p)
    title = Path(catalog.source).stem if catalog.source else "Paper list"
    common = {
        "site": {"title": title, "source": catalog.source, "papers": len(papers)},
        "taxonomy": [{"name": c.name, "slug": c.slug} for c in catalog.taxonomy],
        "tree": _tree(catalog.taxonomy, counts),
        "downloads": _downloads(catalog),
    }
    site = Site(papers=len(papers))
    years_seen = sorted({p["year"] for p in papers if p["year"]}, reverse=True)
    venues = sorted({p["venue"] for p in papers if p["venue"]}, key=lambda v: (v.casefold(), v))
    site.files["index.html"] = _render(
        env,
        "index.html",
        {
            **common,
            "root": "",
            "chart_years": chart.columns(per_year, "Papers per year"),
            "chart_categories": chart.rows(
                [(c.name, counts[c.name]) for c in catalog.taxonomy], "Papers per category"
            ),
            "years": years_seen,
            "venues": venues,
        },
    )
    downloads = {row["stem"]: row for row in common["downloads"]}
    nodes: dict[str, dict[str, Any]] = {}
    todo = list(common["tree"])
    while todo:
        node = todo.pop()
        nodes[node["slug"]] = node
        todo += node["children"]
    for position, cat in enumerate(catalog.taxonomy):
        site.files[f"category/{cat.slug}.html"] = _render(
            env,
            "category.html",
            {
                **common,
                "root": "../",
                "category": {"name": cat.name, "slug": cat.slug, "count": counts[cat.name]},
                "children": nodes[cat.slug]["children"],
                "papers": by_category[cat.name],
                "download": downloads[cat.slug],
                "previous": catalog.taxonomy[position - 1] if position else None,
                "next": catalog.taxonomy[position + 1]
                if position + 1 < len(catalog.taxonomy)
                else None,
            },
        )
    for name in ASSETS:
        site.files[f"assets/{name}"] = _asset(env, name)
    site.files[SEARCH_DATA] = _search_data(papers, catalog.taxonomy, common["tree"]).encode("utf-8")
    return site


def _stale(out: Path, expected: Iterable[str]) -> list[str]:
    """Our files (category pages, assets) that the catalog no longer gives."""
    ours = {p.relative_to(out).as_posix() for p in (out / "category").glob("*.html")}
    ours |= {p.relative_to(out).as_posix() for p in (out / "assets").glob("*") if p.is_file()}
    return sorted(ours - set(expected))


def write(catalog: Catalog, out_dir: str | Path, templates: str | Path | None = None) -> Site:
    """Write the site (each file atomically, unchanged ones untouched) and its downloads;
    pages and assets the catalog no longer gives are removed."""
    out = Path(out_dir)
    site = build(catalog, templates)
    for rel, data in site.files.items():
        if atomic_write(out / rel, data.decode("utf-8")):
            site.written.append(rel)
    exported = exporter.export_all(catalog, out / DOWNLOADS)
    site.downloads = [f"{DOWNLOADS}/{rel}" for rel in exported.files]
    site.written += [f"{DOWNLOADS}/{rel}" for rel in exported.written]
    for rel in _stale(out, site.files):
        (out / rel).unlink()
        site.removed.append(rel)
    site.removed += [f"{DOWNLOADS}/{rel}" for rel in exported.removed]
    return site


def check(catalog: Catalog, out_dir: str | Path, templates: str | Path | None = None) -> list[str]:
    """Relative paths that differ from what the catalog gives (changed, missing or stale)."""
    out = Path(out_dir)
    site = build(catalog, templates)
    problems = []
    for rel, data in site.files.items():
        try:
            if (out / rel).read_bytes() != data:
                problems.append(f"differs: {rel}")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            problems.append(f"missing: {rel}")
    problems += [f"stale: {rel}" for rel in _stale(out, site.files)]
    for problem in exporter.check(catalog, out / DOWNLOADS):
        kind, rel = problem.split(": ", 1)
        problems.append(f"{kind}: {DOWNLOADS}/{rel}")
    return problems
