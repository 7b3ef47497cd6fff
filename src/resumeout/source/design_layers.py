"""Laying one ``design:`` mapping under another, before validation: a theme's design
under the source's, or, for the default theme, the layout description's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from resumeout.model.style import Design


def merged(below: Mapping[str, Any], above: Mapping[str, Any]) -> dict[str, Any]:
    """``below`` with ``above``'s keys laid over it, mappings merged key by key."""
    result = dict(below)
    for key, value in above.items():
        under = result.get(key)
        if isinstance(value, Mapping) and isinstance(under, Mapping):
            result[key] = merged(under, value)
        else:
            result[key] = value
    return result


@cache
def default_design() -> Mapping[str, Any]:
    """Every field of the layout description at its default, as data: what the default
    theme (classic) says, as a theme gives every field. Shared, never changed: ``merged``
    copies what it lays over."""
    return _as_data(Design.model_construct())


def _as_data(model: BaseModel) -> dict[str, Any]:
    values = {name: getattr(model, name) for name in type(model).model_fields}
    return {
        name: _as_data(value) if isinstance(value, BaseModel) else value
        for name, value in values.items()
    }
