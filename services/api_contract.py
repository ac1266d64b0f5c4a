"""The membership API's contract, `resources/api/openapi.json`, as checks.

The client checks every answer with it, and the emulator every request:
required fields, types (a bool is not an integer), nullability, enums,
array items, and integer bounds (64-bit at most). Each schema is compiled
once into a checker, since a page holds thousands of items.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

FEEDS = {
    "tiers": "Tier",
    "keys": "Key",
    "members": "Member",
    "cards": "Card",
    "events": "Event",
    "registrations": "Registration",
    "qr_codes": "QrCode",
    "checkins": "CheckIn",
}


@cache
def contract() -> dict[str, Any]:
    """The OpenAPI document the client and the emulator both follow."""
    text = (
        files("memberdesk.resources")
        .joinpath("api", "openapi.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


# JSON decodes to exactly these types, so an exact type check is enough, and
# it keeps a bool from passing for an integer.
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_ABSENT = object()
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
Checker = Callable[[Any], None]


class ContractError(ValueError):
    """A value that does not fit the contract; the words say where."""


class _Misfit(Exception):
    """Where in an item it broke the contract, built up on the way out."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def check(value: Any, schema_name: str, where: str = "") -> None:
    """Raise ContractError unless `value` fits the named schema.

    Checks what the console relies on: required fields, types (a bool is
    not an integer), nullability, enums and array items. Each schema is
    compiled once into a checker: a page holds thousands of items.
    """
    try:
        _checker(schema_name)(value)
    except _Misfit as misfit:
        raise ContractError(
            f"{where or schema_name}{misfit.path}: {misfit.problem}"
        ) from None


@cache
def _checker(schema_name: str) -> Checker:
    return _compile(contract()["components"]["schemas"][schema_name])


def _compile(schema: Mapping[str, Any]) -> Checker:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return lambda value: _checker(name)(value)
    kind = schema.get("type")
    types = _TYPES[kind] if kind else None
    nullable = bool(schema.get("nullable"))
    enum = tuple(schema["enum"]) if "enum" in schema else None
    required = tuple(schema.get("required", ()))
    fields = [
        (name, _compile(sub)) for name, sub in schema.get("properties", {}).items()
    ]
    items = _compile(schema.get("items", {})) if kind == "array" else None
    # Integers fit a 64-bit column at most, and the schema's own bounds.
    low = max(schema.get("minimum", _INT_MIN), _INT_MIN)
    high = min(schema.get("maximum", _INT_MAX), _INT_MAX)

    def checker(value: Any) -> None:
        if value is None:
            if nullable:
                return
            raise _Misfit("", "missing a value")
        if types is not None and type(value) not in types:
            raise _Misfit("", f"not a {kind}")
        if enum is not None and value not in enum:
            raise _Misfit("", f"{value!r} is not one of {list(enum)}")
        if kind == "integer" and not low <= value <= high:
            raise _Misfit("", f"{value} is out of range")
        if kind == "object":
            for name in required:
                if name not in value:
                    raise _Misfit("", f"no {name}")
            for name, sub in fields:
                found = value.get(name, _ABSENT)
                if found is not _ABSENT:
                    try:
                        sub(found)
                    except _Misfit as misfit:
                        raise _Misfit(f".{name}{misfit.path}", misfit.problem) from None
        elif items is not None:
            for index, item in enumerate(value):
                try:
                    items(item)
                except _Misfit as misfit:
                    raise _Misfit(f"[{index}]{misfit.path}", misfit.problem) from None

    return checker
