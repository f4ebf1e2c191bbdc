"""Records as Arrow columns: the schema of a record type comes from its dataclass fields.

Reads frozen dataclasses (Article, Event and what they hold); adds an Arrow schema with one
column per field, nested records as structs and tuples as lists (or, when their items differ in
type, as structs with fields "0", "1", ...), and the way back from Arrow rows to records. A
field added to a record is written and read without any change here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, TypeVar, cast

import pyarrow as pa

R = TypeVar("R")
SCALARS: dict[type, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), date: pa.date32()}


@cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def optional(hint: Any) -> Any:
    """X for X | None, else the hint itself."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        others = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(others) == 1:
            return others[0]
    return hint


def arrow_type(hint: Any) -> pa.DataType:
    hint = optional(hint)
    if hint in SCALARS:
        return SCALARS[hint]
    if dataclasses.is_dataclass(hint):
        return record_schema_struct(hint)  # type: ignore[arg-type]
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return pa.list_(arrow_type(args[0]))
        return pa.struct([pa.field(str(i), arrow_type(a)) for i, a in enumerate(args)])
    raise TypeError(f"no Arrow column type for {hint!r}; add it to geopol/columns.py")


def record_schema_struct(cls: type) -> pa.StructType:
    return pa.struct([pa.field(f.name, arrow_type(hints(cls)[f.name])) for f in dataclasses.fields(cls)])


@cache
def schema(cls: type) -> pa.Schema:
    """One column per field of the record type."""
    return pa.schema(list(record_schema_struct(cls)))


def identity(value: Any) -> Any:
    return value


@cache
def encoder(hint: Any) -> Callable[[Any], Any]:
    """How a field's value becomes Arrow's Python input: records and fixed tuples as dicts.
    Built once per type, so a row costs no type inspection."""
    hint = optional(hint)
    if dataclasses.is_dataclass(hint):
        parts = [(f.name, encoder(hints(hint)[f.name])) for f in dataclasses.fields(hint)]  # type: ignore[arg-type]
        return lambda v: None if v is None else {name: encode(getattr(v, name)) for name, encode in parts}
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = encoder(args[0])
            return lambda v: None if v is None else [item(x) for x in v]
        items = [(str(i), encoder(a)) for i, a in enumerate(args)]
        return lambda v: None if v is None else {key: encode(x) for (key, encode), x in zip(items, v, strict=True)}
    return identity


@cache
def decoder(hint: Any) -> Callable[[Any], Any]:
    """The inverse of encoder."""
    hint = optional(hint)
    if dataclasses.is_dataclass(hint):
        parts = [(f.name, decoder(hints(hint)[f.name])) for f in dataclasses.fields(hint)]  # type: ignore[arg-type]
        make = cast(Callable[..., Any], hint)
        return lambda v: None if v is None else make(**{name: decode(v[name]) for name, decode in parts if name in v})
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            return lambda v: None if v is None else tuple(item(x) for x in v)
        items = [(str(i), decoder(a)) for i, a in enumerate(args)]
        return lambda v: None if v is None else tuple(decode(v[key]) for key, decode in items)
    return identity


def row(item: Any) -> dict[str, Any]:
    """A record as one Arrow row (a dict keyed by field name)."""
    return encoder(cast(Any, type(item)))(item)


def record(cls: type[R], values: dict[str, Any]) -> R:
    """A record from an Arrow row; columns that are not fields of the record are left out."""
    return decoder(cast(Any, cls))(values)


def table(cls: type, items: list, extra: dict[str, pa.Array] | None = None) -> pa.Table:
    """Records as an Arrow table, with extra columns (the same length) first."""
    columns = pa.Table.from_pylist([row(item) for item in items], schema=schema(cls))
    for position, (name, values) in enumerate((extra or {}).items()):
        columns = columns.add_column(position, name, values)
    return columns
