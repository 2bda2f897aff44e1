"""Papers per category and per year, for ``delbib stats``."""

from __future__ import annotations

from collections import Counter
from typing import Any

from delbib.catalog.model import Catalog


def _ancestors(catalog: Catalog) -> dict[str, list[str]]:
    """Each category with the categories enclosing it (itself first), for nested taxonomies."""
    parent = {c.name: c.parent for c in catalog.taxonomy}
    chains = {}
    for name in parent:
        chain = [name]
        while parent.get(chain[-1]) and parent[chain[-1]] not in chain:
            chain.append(parent[chain[-1]])
        chains[name] = chain
    return chains


def compute(catalog: Catalog) -> dict[str, Any]:
    """Counts over listed papers (entries that left the list are not counted). A category
    counts its own papers and those of the categories inside it, each paper once."""
    listed = [e for e in catalog.entries.values() if e.rows]
    chains = _ancestors(catalog)
    per_category = Counter(
        name for e in listed for name in {a for c in e.categories for a in chains.get(c, [c])}
    )
    per_year = Counter(e.year for e in listed)
    return {
        "papers": len(listed),
        "rows": sum(len(e.rows) for e in listed),
        "categories": {c.name: per_category.get(c.name, 0) for c in catalog.taxonomy},
        "parents": {c.name: c.parent for c in catalog.taxonomy if c.parent},
        "years": {
            str(y) if y else "unknown": n
            for y, n in sorted(per_year.items(), key=lambda i: i[0] or 0)
        },
        "resolved": sum(1 for e in listed if (catalog.resolved.get(e.key) or {}).get("csl")),
    }


def show(data: dict[str, Any]) -> None:
    """Draw the counts as two tables in the terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    categories = Table(title="Papers by category")
    categories.add_column("category")
    categories.add_column("papers", justify="right")
    parents = data.get("parents", {})
    for name, count in data["categories"].items():
        depth, up = 0, parents.get(name)
        while up and depth < len(parents):
            depth, up = depth + 1, parents.get(up)
        categories.add_row("  " * depth + name, str(count))
    years = Table(title="Papers by year")
    years.add_column("year")
    years.add_column("papers", justify="right")
    for year, count in data["years"].items():
        years.add_row(year, str(count))
    console.print(categories)
    console.print(years)
    console.print(
        f"{data['papers']} papers from {data['rows']} list rows; years as listed; "
        f"resolved metadata for {data['resolved']} of {data['papers']}"
    )
