"""Papers per category and per year, for ``delbib stats``."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .catalog import Catalog


def compute(catalog: Catalog) -> dict[str, Any]:
    """Counts over listed papers (entries that left the list are not counted)."""
    listed = [e for e in catalog.entries.values() if e.rows]
    per_category = Counter(c for e in listed for c in e.categories)
    per_year = Counter(e.year for e in listed)
    return {
        "papers": len(listed),
        "rows": sum(len(e.rows) for e in listed),
        "categories": {c.name: per_category.get(c.name, 0) for c in catalog.taxonomy},
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
    for name, count in data["categories"].items():
        categories.add_row(name, str(count))
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
