"""The curated format as data/datapackage.json declares it: resources, fields, keys and codes."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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


def _as_tuple(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def _field(raw: dict) -> Field:
    cons = raw.get("constraints", {})
    labels = raw.get("cityiso:labels", {})
    return Field(
        name=raw["name"],
        type=raw.get("type", "string"),
        description=raw.get("description", ""),
        description_pl=raw.get("cityiso:description_pl", ""),
        required=cons.get("required", False),
        unique=cons.get("unique", False),
        enum=tuple(cons.get("enum", ())),
        labels=tuple((code, pl, en) for code, (pl, en) in labels.items()),
        pattern=cons.get("pattern"),
        minimum=cons.get("minimum"),
        maximum=cons.get("maximum"),
        max_length=cons.get("maxLength"),
        role=raw.get("cityiso:role"),
        in_quote=raw.get("cityiso:in_quote", False),
        hint=raw.get("cityiso:hint", ""),
    )


def _resource(raw: dict) -> Resource:
    schema = raw["schema"]
    return Resource(
        name=raw["name"],
        path=raw["path"],
        title=raw.get("title", raw["name"]),
        description=raw.get("description", ""),
        description_pl=raw.get("cityiso:description_pl", ""),
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=_as_tuple(schema.get("primaryKey", [])),
        foreign_keys=tuple(
            ForeignKey(_as_tuple(k["fields"]), k["reference"]["resource"], _as_tuple(k["reference"]["fields"]))
            for k in schema.get("foreignKeys", [])
        ),
    )


def read_package(data_dir: Path = DATA_DIR) -> Package:
    """Read data_dir/datapackage.json; raise ValueError naming what is wrong with it."""
    path = Path(data_dir) / DESCRIPTOR
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Package(raw["name"], raw.get("version", ""), tuple(_resource(r) for r in raw["resources"]))
    except FileNotFoundError:
        raise ValueError(f"{path.parent.name}/{DESCRIPTOR} is missing") from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path.parent.name}/{DESCRIPTOR} is not a valid data package descriptor ({exc})") from None


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
