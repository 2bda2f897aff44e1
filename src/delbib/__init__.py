"""delbib: a curated catalog of research papers -> BibTeX, CSL-JSON and RIS, per category.

The library API: the pipeline of the command line, one function per step, for a notebook or
a script. Each function imports its stage when called, so ``import delbib`` (and
``delbib --help``) stays as fast as importing click. See docs/python.md.

>>> import delbib
>>> catalog = delbib.load_catalog()  # the catalog shipped in the package
>>> len(catalog.entries) > 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from delbib._version import __version__

if TYPE_CHECKING:
    from os import PathLike

    from delbib.catalog.model import Catalog
    from delbib.lists.importer import ImportReport
    from delbib.resolve.run import Summary

__all__ = [
    "__version__",
    "export_catalog",
    "import_list",
    "load_catalog",
    "render_list",
    "resolve_catalog",
]


def load_catalog(root: str | PathLike[str] | None = None) -> Catalog:
    """The catalog in folder ``root`` (its ``catalog.yaml``, ``papers/``, ``resolved/``); the
    one shipped in the package when ``root`` is None. Bad files raise ``CatalogError``
    naming the file, line and field.

    >>> catalog = load_catalog()
    >>> catalog.taxonomy[0].name in {c.name for c in catalog.taxonomy}
    True
    """
    from delbib.catalog import model
    from delbib.catalog.layout import shipped_catalog

    return model.load(shipped_catalog() if root is None else root)


def import_list(
    markdown_path: str | PathLike[str],
    catalog_root: str | PathLike[str],
    *,
    columns: dict[str, str] | None = None,
    strict: bool = False,
    force: bool = False,
) -> ImportReport:
    """Read an awesome list and create or update the catalog at ``catalog_root`` (what
    ``delbib import-markdown`` does): one entry per paper row, keys as ``key_pattern``
    in the catalog's ``delbib.yaml`` says. ``strict`` refuses a list with warnings;
    ``force`` allows an import that would remove most of the catalog.

    >>> import pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "README.md").write_text(
    ...     "| Title | Venue | Paper |\\n|---|---|---|\\n"
    ...     "| Attention Is All You Need | NeurIPS 2017 "
    ...     "| [paper](https://arxiv.org/abs/1706.03762) |\\n"
    ... )
    >>> report = import_list(tmp / "README.md", tmp / "catalog")
    >>> report.created
    ['attentionall2017']
    >>> load_catalog(tmp / "catalog").entries["attentionall2017"].venue
    'NeurIPS 2017'
    """
    from delbib.lists import importer

    return importer.run(markdown_path, catalog_root, columns=columns, strict=strict, force=force)


def resolve_catalog(
    catalog: Catalog,
    *,
    offline: bool = False,
    only: tuple[str, ...] | list[str] = (),
    refresh: bool = False,
    dry_run: bool = False,
) -> Summary:
    """Fetch metadata for the entries that need it and save each outcome in the catalog
    (what ``delbib resolve`` does), with the services and limits of the catalog's
    ``delbib.yaml`` and environment. ``offline`` makes no request and lists what would be
    fetched; ``only`` names entry keys; ``dry_run`` writes nothing.

    >>> import pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "README.md").write_text(
    ...     "| Title | Venue | Paper |\\n|---|---|---|\\n"
    ...     "| Attention Is All You Need | NeurIPS 2017 "
    ...     "| [paper](https://arxiv.org/abs/1706.03762) |\\n"
    ... )
    >>> _ = import_list(tmp / "README.md", tmp / "catalog")
    >>> resolve_catalog(load_catalog(tmp / "catalog"), offline=True).missing
    ['attentionall2017']
    """
    from delbib import config
    from delbib.resolve import run

    return run.run(
        catalog,
        config=config.load(catalog.root),
        offline=offline,
        only=only,
        refresh=refresh,
        dry_run=dry_run,
    )


def export_catalog(
    catalog: Catalog,
    fmt: str = "bibtex",
    *,
    categories: tuple[str, ...] | list[str] = (),
    path: str | PathLike[str] | None = None,
    **options: Any,
) -> str:
    """The text ``delbib export --format FMT`` writes: the entries of ``categories`` (names
    or slugs; all entries when none) in format ``fmt`` ("bibtex", "biblatex", "csljson",
    "ris", "zotero-rdf"), also written to ``path`` (atomically) when given. ``options`` go
    to the writer (``ascii=True`` for BibTeX in ASCII).

    >>> catalog = load_catalog()
    >>> some = catalog.taxonomy[0].name
    >>> text = export_catalog(catalog, "bibtex", categories=[some])
    >>> text.count("\\n@") == len([e for e in catalog.ordered() if some in e.categories])
    True
    >>> import json
    >>> items = json.loads(export_catalog(catalog, "csljson", categories=[some]))
    >>> all(some in item["keyword"] for item in items)
    True
    """
    from delbib.export import run

    entries = run.select(catalog, categories)
    chosen = [catalog.category(c).name for c in categories] or None
    text, _ = run.render(catalog, entries, fmt, chosen, **options)
    if path is not None:
        from delbib.files import atomic_write

        atomic_write(path, text)
    return text


def render_list(catalog: Catalog, path: str | PathLike[str] | None = None) -> str:
    """The markdown list of the catalog (what ``delbib render-list`` writes): the whole
    file for a new list, or, when ``path`` holds a list, that list with its marked part
    brought up to date. Written to ``path`` (atomically) when given.

    >>> import pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "README.md").write_text(
    ...     "| Title | Venue | Paper |\\n|---|---|---|\\n"
    ...     "| Attention Is All You Need | NeurIPS 2017 "
    ...     "| [paper](https://arxiv.org/abs/1706.03762) |\\n"
    ... )
    >>> _ = import_list(tmp / "README.md", tmp / "catalog")
    >>> print(render_list(load_catalog(tmp / "catalog")), end="")  # doctest: +NORMALIZE_WHITESPACE
    <!-- delbib:start -->
    | Title | TLDR | Category | Paper Link | Year | Publish |
    | --- | --- | --- | --- | --- | --- |
    | <a id="delbib-attentionall2017"></a>Attention Is All You Need | | |
      [link](https://arxiv.org/abs/1706.03762) | 2017 | NeurIPS 2017 |
    <!-- delbib:end -->
    """
    from delbib.lists import render

    existing = render.read_existing(path) if path is not None else None
    text = render.render_file(catalog, existing, path=path if path is not None else "<output>")
    if path is not None:
        from delbib.files import atomic_write

        atomic_write(path, text)
    return text
