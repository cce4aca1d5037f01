"""The curated format as data/datapackage.json declares it: resources, fields, keys and codes."""

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath, PureWindowsPath

from cityiso.paths import DATA_DIR

DESCRIPTOR = "datapackage.json"
_SQL_TYPES = {"string": "varchar", "integer": "integer", "number": "double", "boolean": "boolean"}


@dataclass(frozen=True)
class Field:
    """One column of a curated file, as its Table Schema declares it."""

    name: str
    type: str
    description: str
    description_pl: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    labels: tuple[tuple[str, str, str], ...] = ()  # (code, Polish, English)
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    role: str | None = None  # partial_date | quote | None
    in_quote: bool = False  # the value must stand verbatim in the row's quote
    hint: str = ""  # what a value breaking the pattern is not, for the curator

    @property
    def is_date(self) -> bool:
        return self.role == "partial_date"


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    ref_fields: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    """One curated file and the database table built from it."""

    name: str
    path: str
    title: str
    description: str
    description_pl: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def has_quote(self) -> bool:
        return any(f.role == "quote" for f in self.fields)


@dataclass(frozen=True)
class Package:
    """The whole data package: its version and resources in load order."""

    name: str
    version: str
    resources: tuple[Resource, ...]

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    def codes(self) -> list[tuple[str, str, str, str]]:
        """(domain, code, Polish, English) for every coded field; the domain is table.column."""
        return [
            (f"{r.name}.{f.name}", code, pl, en) for r in self.resources for f in r.fields for code, pl, en in f.labels
        ]


class DescriptorError(ValueError):
    """What is wrong with a data package descriptor: (record, field, message) each, where record names the resource
    ('resource=events', or its place, 'resource #3') and field the key within it ('path', 'schema.fields[2].name')."""

    def __init__(self, shown: str, problems: list[tuple[str, str, str]]):
        self.problems = tuple(problems)
        super().__init__(
            "; ".join(
                f"{shown}: " + ", ".join(p for p in (record, f"'{field}'" if field else "", message) if p)
                for record, field, message in problems
            )
        )


class _Bad(Exception):
    """One thing wrong within a resource: the key it concerns and why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


# Resource and field names become table and column names in SQL: letters, digits and underscores only.
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_TYPES = ("string", "integer", "number", "boolean")
_ROLES = (None, "partial_date", "quote")


def _get(raw: dict, key: str, kinds: type | tuple[type, ...], where: str, default=None):
    """raw[key] when it is of one of the `kinds` (or missing, with a default); else _Bad naming where.key."""
    if key not in raw:
        if default is None:
            raise _Bad(f"{where}{key}", "is missing")
        return default
    value = raw[key]
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _as_kinds(kinds)):
        raise _Bad(f"{where}{key}", f"must be {_kind_names(kinds)}, not {_json_kind(value)}")
    return value


def _as_kinds(kinds) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _kind_names(kinds) -> str:
    names = {str: "text", list: "a list", dict: "an object", bool: "true or false", int: "a number", float: "a number"}
    return " or ".join(dict.fromkeys(names[k] for k in _as_kinds(kinds)))


def _json_kind(value) -> str:
    for kind, name in (
        (bool, "true/false"),
        (str, "text"),
        (dict, "an object"),
        (list, "a list"),
        (type(None), "null"),
    ):
        if isinstance(value, kind):
            return name
    return "a number"


def _names(value, where: str) -> tuple[str, ...]:
    """A field name or a list of them (Table Schema allows both)."""
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) for n in names):
        raise _Bad(where, "must be a field name or a list of field names")
    return tuple(names)


def _sql_name(name: str, what: str, where: str) -> str:
    """A resource or field name that can stand in SQL as a table or column name, as it is."""
    if not _NAME.fullmatch(name):
        raise _Bad(where, f"{name!r} is not a {what} name: lower-case letters, digits and _ only")
    if name in _reserved_words() or name == "ordinality":
        raise _Bad(where, f"{name!r} is a word of SQL or of the build's own tables: choose another {what} name")
    return name


@cache
def _reserved_words() -> frozenset[str]:
    import duckdb

    with duckdb.connect() as con:
        query = "select keyword_name from duckdb_keywords() where keyword_category = 'reserved'"
        return frozenset(word for (word,) in con.execute(query).fetchall())


def _number(cons: dict, key: str, where: str) -> float | None:
    if key not in cons:
        return None
    value = _get(cons, key, (int, float), where)
    if not math.isfinite(value):
        raise _Bad(f"{where}{key}", f"must be a finite number, not {value}")
    return value


def _field(raw, where: str) -> Field:
    if not isinstance(raw, dict):
        raise _Bad(where, f"must be an object describing a field, not {_json_kind(raw)}")
    where += "."
    name = _sql_name(_get(raw, "name", str, where), "column", f"{where}name")
    field_type = _get(raw, "type", str, where, "string")
    if field_type not in _TYPES:
        raise _Bad(f"{where}type", f"{field_type!r} is not one of {', '.join(_TYPES)}")
    role = raw.get("cityiso:role")
    if role not in _ROLES:
        raise _Bad(f"{where}cityiso:role", f"{role!r} is not one of {', '.join(map(str, _ROLES[1:]))}")
    cons = _get(raw, "constraints", dict, where, {})
    c = f"{where}constraints."
    enum = _get(cons, "enum", list, c, [])
    if not all(isinstance(v, str) for v in enum):
        raise _Bad(f"{c}enum", "must be a list of texts")
    labels = _get(raw, "cityiso:labels", dict, where, {})
    if not all(isinstance(v, list) and len(v) == 2 and all(isinstance(t, str) for t in v) for v in labels.values()):
        raise _Bad(f"{where}cityiso:labels", "must map each code to [Polish, English]")
    max_length = _get(cons, "maxLength", int, c, 0)
    if max_length < 0:
        raise _Bad(f"{c}maxLength", "must not be negative")
    return Field(
        name=name,
        type=field_type,
        description=_get(raw, "description", str, where, ""),
        description_pl=_get(raw, "cityiso:description_pl", str, where, ""),
        required=_get(cons, "required", bool, c, False),
        unique=_get(cons, "unique", bool, c, False),
        enum=tuple(enum),
        labels=tuple((code, pl, en) for code, (pl, en) in labels.items()),
        pattern=_get(cons, "pattern", str, c, "") or None,
        minimum=_number(cons, "minimum", c),
        maximum=_number(cons, "maximum", c),
        max_length=max_length or None,
        role=role,
        in_quote=_get(raw, "cityiso:in_quote", bool, where, False),
        hint=_get(raw, "cityiso:hint", str, where, ""),
    )


def _resource(raw: dict, data_dir: Path) -> Resource:
    path = _get(raw, "path", str, "")
    why = path_problem(data_dir, path)
    if why:
        raise _Bad("path", f"{path!r} {why}: name a CSV file inside the data folder (nothing was loaded)")
    schema = _get(raw, "schema", dict, "")
    raw_fields = _get(schema, "fields", list, "schema.")
    if not raw_fields:
        raise _Bad("schema.fields", "is empty: a resource needs at least one field")
    fields = tuple(_field(f, f"schema.fields[{i}]") for i, f in enumerate(raw_fields))
    names = [f.name for f in fields]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise _Bad("schema.fields", f"{', '.join(doubled)} declared twice")
    primary_key = _names(schema["primaryKey"], "schema.primaryKey") if "primaryKey" in schema else ()
    unknown = [k for k in primary_key if k not in names]
    if unknown:
        raise _Bad("schema.primaryKey", f"names no declared field: {', '.join(unknown)}")
    foreign_keys = []
    for i, key in enumerate(_get(schema, "foreignKeys", list, "schema.", [])):
        where = f"schema.foreignKeys[{i}]"
        if not isinstance(key, dict):
            raise _Bad(where, f"must be an object with fields and reference, not {_json_kind(key)}")
        reference = _get(key, "reference", dict, f"{where}.")
        own = _names(key.get("fields"), f"{where}.fields")
        ref_fields = _names(reference.get("fields"), f"{where}.reference.fields")
        target = _get(reference, "resource", str, f"{where}.reference.")
        if [f for f in own if f not in names] or len(own) != len(ref_fields):
            raise _Bad(f"{where}.fields", "must name declared fields, as many as the reference names")
        foreign_keys.append(ForeignKey(own, target, ref_fields))
    return Resource(
        name=raw["name"],
        path=path,
        title=_get(raw, "title", str, "", raw["name"]),
        description=_get(raw, "description", str, "", ""),
        description_pl=_get(raw, "cityiso:description_pl", str, "", ""),
        fields=fields,
        primary_key=primary_key,
        foreign_keys=tuple(foreign_keys),
    )


def path_problem(data_dir: Path, path: str) -> str:
    """Why a resource's path is not a file inside data_dir ('' when it is): absolute, a drive, '..', a backslash,
    an address, a control character, or a link leading out of the folder."""
    if not path.strip():
        return "is empty"
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in path):
        return "contains a control character"
    if "\\" in path:
        return "contains a backslash"
    if "://" in path:
        return "is an address, not a file"
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).drive:
        return "is an absolute path"
    if ".." in PurePosixPath(path).parts:
        return "contains '..'"
    root = Path(data_dir).resolve()
    try:
        inside = (root / path).resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return "cannot be followed (a loop of links)"
    return "" if inside else "leads outside the data folder through a link"


def read_package(data_dir: Path = DATA_DIR) -> Package:
    """Read data_dir/datapackage.json; raise ValueError (a DescriptorError) naming what is wrong with it."""
    path = Path(data_dir) / DESCRIPTOR
    shown = f"{path.parent.name}/{DESCRIPTOR}"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DescriptorError(shown, [("", "", "is missing")]) from None
    except IsADirectoryError:
        raise DescriptorError(shown, [("", "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise DescriptorError(shown, [("", "", f"cannot be read ({exc.strerror or exc})")]) from None
    except UnicodeDecodeError as exc:
        raise DescriptorError(shown, [("", "", f"is not UTF-8 text (byte {exc.start})")]) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise DescriptorError(shown, [("", "", f"is not valid JSON ({exc})")]) from None
    if not isinstance(raw, dict):
        raise DescriptorError(shown, [("", "", f"must be a JSON object, not {_json_kind(raw)}")])
    problems: list[tuple[str, str, str]] = []
    resources: list[Resource] = []
    declared: set[str] = set()  # names of resources, read or not (a reference to one that is wrong is no news)
    try:
        name = _get(raw, "name", str, "")
        version = _get(raw, "version", str, "", "")
        raw_resources = _get(raw, "resources", list, "")
    except _Bad as bad:
        raise DescriptorError(shown, [("", bad.field, bad.message)]) from None
    if not raw_resources:
        raise DescriptorError(shown, [("", "resources", "is empty")])
    for i, raw_resource in enumerate(raw_resources):
        record = f"resource #{i + 1}"
        try:
            if not isinstance(raw_resource, dict):
                raise _Bad("", f"must be an object with name, path and schema, not {_json_kind(raw_resource)}")
            resource_name = _sql_name(_get(raw_resource, "name", str, ""), "table", "name")
            record = f"resource={resource_name}"
            if resource_name in declared:
                raise _Bad("name", "is declared twice")
            declared.add(resource_name)
            resources.append(_resource(raw_resource, data_dir))
        except _Bad as bad:
            problems.append((record, bad.field, bad.message))
    known = {r.name: r for r in resources}
    for r in resources:
        for i, key in enumerate(r.foreign_keys):
            target = known.get(key.resource)
            if key.resource in declared and target is None:
                continue
            if target is None or [f for f in key.ref_fields if f not in target.field_names]:
                where = f"schema.foreignKeys[{i}].reference"
                problems.append((f"resource={r.name}", where, f"names no declared resource and fields: {key.resource}"))
    if problems:
        raise DescriptorError(shown, problems)
    return Package(name, version, tuple(resources))


@cache
def package() -> Package:
    """The project's own data package (data/datapackage.json), read once."""
    return read_package(DATA_DIR)


def sql_columns(resource: Resource) -> list[tuple[str, str]]:
    """The typed database columns built from a resource: a partial date becomes its first (or, for a
    `*_not_after` bound, last) day plus `*_precision`; a `*_inferred_reason` also gives `*_is_inferred`."""
    columns = []
    for f in resource.fields:
        if f.is_date:
            columns.append((f.name, "date"))
            if not f.name.endswith(("_not_before", "_not_after", "retrieved_on")):
                columns.append((f"{f.name}_precision", "varchar"))
        else:
            columns.append((f.name, _SQL_TYPES.get(f.type, "varchar")))
        if f.name.endswith("_inferred_reason"):
            columns.append((f"{f.name.removesuffix('_inferred_reason')}_is_inferred", "boolean"))
    return columns
