"""Catalog validation beyond each file's syntax: what the writers and the export layout rely on.

``resolved_record`` depends on one file's bytes alone, so a loader with a cache can run it
only for the files that changed; ``across_files`` (taxonomy and entries' categories) runs on
every load and reads no file unless a check fails. A failure is a ``CatalogError`` naming the
file, the line and the field, so a bad catalog stops before anything is written:

- the taxonomy: category names unique, slugs unique and safe as a single file name (an
  export writes ``<out-dir>/<format>/<slug>.<ext>``; ``../../evil`` must not leave
  ``--out-dir``, two equal slugs must not overwrite each other, ``all`` is the all-papers file);
- an entry's categories are in the taxonomy (otherwise it would vanish from per-category exports);
- a resolved record has the shape the code reads, and its ``csl`` is valid CSL-JSON: the
  official schema shipped in ``data/schemas/csl-data.json``, compiled once with fastjsonschema
  (15 to 40 microseconds a record, where jsonschema takes several hundred).
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from delbib.catalog.layout import ALL_PAPERS, CATALOG_FILE
from delbib.errors import CatalogError

if TYPE_CHECKING:  # pragma: no cover
    from delbib.catalog.model import Catalog, Category, Entry

SCHEMA_PATH = Path(__file__).parents[1] / "data" / "schemas" / "csl-data.json"
# A slug is one portable file-name component: no separator, no leading dot, no "..".
SLUG_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # matched whole (fullmatch)
# Top-level fields of a resolved record the code reads, with their JSON types.
_RECORD_FIELDS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "csl": ((dict, type(None)), "a CSL-JSON object or null"),
    "status": ((str, type(None)), "a string or null"),
    "provenance": ((dict, type(None)), "an object or null"),
    "conflicts": ((list, type(None)), "a list of objects or null"),
    "unresolved": ((dict, type(None)), "an object or null"),
}


def yaml_line(text: str, field: str | None, index: int | None = None) -> int | None:
    """Line of a top-level field of a YAML mapping, or of item ``index`` of that field's list.

    Only computed on the error path (it composes the whole document).
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return 1
    for key_node, value in node.value:
        if key_node.value == field:
            if (
                index is not None
                and isinstance(value, yaml.SequenceNode)
                and index < len(value.value)
            ):
                return value.value[index].start_mark.line + 1
            return key_node.start_mark.line + 1
    return 1


def json_line(text: str, keys: Iterable[str | int]) -> int | None:
    """Line where the nested ``keys`` of an indented JSON document appear (error path only)."""
    pos = 0
    for key in keys:
        if isinstance(key, str):
            found = text.find(json.dumps(key) + ":", pos)
            if found < 0:
                break
            pos = found
    return text.count("\n", 0, pos) + 1 if pos else None


def across_files(catalog: Catalog) -> None:
    """The checks that span files: the taxonomy, and each entry's categories against it."""
    taxonomy(catalog.taxonomy, catalog.root / CATALOG_FILE)
    names = {c.name for c in catalog.taxonomy}
    cited: dict[str, str] = {key: key for key in catalog.entries}  # key or alias -> entry
    for item in catalog.entries.values():
        path = catalog.papers_dir / f"{item.key}.yaml"
        entry(item, names, path)
        for alias in item.aliases:
            if cited.setdefault(alias, item.key) != item.key:
                line = yaml_line(path.read_text(encoding="utf-8"), "aliases")
                raise CatalogError(
                    f"alias {alias!r} is already the key or an alias of {cited[alias]!r}: "
                    "a citation must name one paper",
                    path=path,
                    line=line,
                    field="aliases",
                )


def taxonomy(categories: Sequence[Category], path: Path) -> None:
    """Names unique; slugs unique (ignoring case), safe as one file name, and not ``all``.

    ``path`` is the ``catalog.yaml`` the categories come from (read only to name a line).
    """
    names: set[str] = set()
    slugs: dict[str, str] = {}
    for index, cat in enumerate(categories):

        def fail(message: str, field: str, index: int = index) -> CatalogError:
            text = path.read_text(encoding="utf-8")
            return CatalogError(
                message, path=path, line=yaml_line(text, "taxonomy", index), field=field
            )

        if cat.name in names:
            raise fail(f"category {cat.name!r} is listed twice", f"taxonomy[{index}].name")
        names.add(cat.name)
        if not SLUG_PATTERN.fullmatch(cat.slug):
            raise fail(
                f"slug {cat.slug!r} must be a single file name of letters, digits and ._- "
                "(starting with a letter or digit)",
                f"taxonomy[{index}].slug",
            )
        folded = cat.slug.casefold()
        if folded == ALL_PAPERS:
            raise fail(
                f"slug {cat.slug!r} is the all-papers export's file name; choose another",
                f"taxonomy[{index}].slug",
            )
        if folded in slugs:
            raise fail(
                f"slug {cat.slug!r} is also the slug of {slugs[folded]!r}; "
                "their exports would overwrite each other",
                f"taxonomy[{index}].slug",
            )
        slugs[folded] = cat.name


def entry(item: Entry, category_names: set[str], path: Path) -> None:
    """An entry's categories must be in the taxonomy (names as ``catalog.yaml`` spells them)."""
    for index, name in enumerate(item.categories):
        if name not in category_names:
            text = path.read_text(encoding="utf-8")
            valid = "; ".join(sorted(category_names)) or "none"
            raise CatalogError(
                f"category {name!r} is not in the taxonomy of catalog.yaml (valid: {valid})",
                path=path,
                line=yaml_line(text, "categories", index),
                field=f"categories[{index}]",
            )


def resolved_record(key: str, record: Any, path: Path, text: str) -> None:
    """A resolved record's fields have the types the code reads; its ``csl`` is valid CSL-JSON.

    ``text`` is the file's JSON (for line numbers); the entry's key stands in for the CSL
    ``id`` the catalog owns.
    """

    def fail(message: str, keys: Sequence[str | int]) -> CatalogError:
        field = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys)[1:] or None
        return CatalogError(message, path=path, line=json_line(text, keys), field=field)

    if not isinstance(record, dict):
        raise fail("a resolved record must be a JSON object", [])
    for name, (kind, what) in _RECORD_FIELDS.items():
        value = record.get(name)
        if not isinstance(value, kind):
            raise fail(f"must be {what}, not {_short(value)}", [name])
    bad = next((c for c in record.get("conflicts") or [] if not isinstance(c, dict)), None)
    if bad is not None:
        raise fail(f"each conflict must be an object, not {_short(bad)}", ["conflicts"])
    csl = record.get("csl")
    if csl is None:
        return
    problem = csl_problem({"id": key, **csl})
    if problem:
        keys, message = problem
        raise fail(message, ["csl", *keys])


def csl_problem(item: dict[str, Any]) -> tuple[list[str | int], str] | None:
    """The first way ``item`` breaks the CSL-JSON schema: (path inside the item, message)."""
    import fastjsonschema

    try:
        _csl_validator()(item)
    except fastjsonschema.JsonSchemaValueException as exc:
        keys = [int(k) if k.isdigit() else k for k in exc.path[1:]]
        if exc.rule == "enum":
            return keys, f"{_short(exc.value)} is not one of the schema's values"
        if exc.rule == "required":
            missing = [k for k in exc.definition.get("required", []) if k not in exc.value]
            return keys, f"missing required CSL field(s): {', '.join(missing)}"
        if exc.rule == "additionalProperties":
            extra = sorted(set(exc.value) - set(exc.definition.get("properties", {})))
            return keys, f"unknown CSL field(s): {', '.join(extra)}"
        return keys, exc.message.removeprefix(exc.name).strip()
    return None


@cache
def _csl_validator() -> Callable[[Any], Any]:
    """The schema's item definition, compiled once per process.

    Compiling takes fastjsonschema about 60 ms, more than loading a small catalog, so the
    code it generates is kept, compiled, in the user cache directory (named after the schema,
    the fastjsonschema and the Python it came from) and only run on later loads, as Python
    keeps the bytecode of modules."""
    import fastjsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    item = _hoist_ref_arrays(
        _single_any_of({**schema["items"], "definitions": schema["definitions"]})
    )
    path = _compiled_path(json.dumps(item, sort_keys=True), fastjsonschema.__file__)
    try:
        code = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        code = compile(fastjsonschema.compile_to_code(item), "<csl-validator>", "exec")
        with contextlib.suppress(OSError):  # no cache: compile every time
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(code))
            temporary.replace(path)
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 (fastjsonschema's code for the schema)
    return namespace["validate"]


def _compiled_path(schema: str, library: str) -> Path:
    import hashlib

    import platformdirs

    stat = Path(library).stat()
    key = f"{schema}{stat.st_size}-{stat.st_mtime_ns}{sys.version}"
    digest = hashlib.sha256(key.encode()).hexdigest()
    return Path(platformdirs.user_cache_dir("delbib")) / f"csl-validator-{digest[:20]}.marshal"


def _single_any_of(node: Any) -> Any:
    """Replace ``anyOf: [X]`` by X: the same constraint, and errors say what is wrong in X."""
    if isinstance(node, list):
        return [_single_any_of(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _single_any_of(v) for k, v in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 1:
        node.pop("anyOf")
        node.update(options[0])
    return node


def _hoist_ref_arrays(item: dict[str, Any]) -> dict[str, Any]:
    """Move each ``{"type": "array", "items": {"$ref": X}}`` property into a definition of its
    own. Same constraint; the code fastjsonschema generates for a list of names then runs in
    a small function (in the item's function it costs ten times more per author)."""
    definitions = dict(item["definitions"])
    properties = {}
    for name, prop in item["properties"].items():
        ref = prop.get("items", {}).get("$ref") if prop.get("type") == "array" else None
        if ref:
            list_name = ref.rsplit("/", 1)[-1] + "-list"
            definitions[list_name] = prop
            prop = {"$ref": f"#/definitions/{list_name}"}
        properties[name] = prop
    return {**item, "properties": properties, "definitions": definitions}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
