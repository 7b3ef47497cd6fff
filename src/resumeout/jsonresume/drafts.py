"""One model object (the résumé's header, a profile, an entry) built from JSON Resume
values, then settled against the model itself: a value the model refuses is read as
plain text where the field allows it, otherwise left out with a notice naming its JSON
path and value. Nothing is decided by copying the model's rules; the model is asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the import changed or left out, or (as an error) could not do."""

    json_path: str
    message: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value of a draft came from."""

    json_path: str
    literal: Any = None
    """The value spelt as plain text, when the draft holds it as Markdown (``--markdown``):
    what to fall back on if the Markdown is refused."""


@dataclass
class Draft:
    model: type[BaseModel]
    json_path: str
    data: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, Origin | list[Origin]] = field(default_factory=dict)

    def put(self, name: str, value: Any, origin: Origin) -> None:
        self.data[name] = value
        self.origins[name] = origin

    def append(self, name: str, value: Any, origin: Origin) -> None:
        self.data.setdefault(name, []).append(value)
        origins = self.origins.setdefault(name, [])
        assert isinstance(origins, list)
        origins.append(origin)


def settle(draft: Draft, notices: list[Notice], errors: list[Notice]) -> dict[str, Any] | None:
    """Validate ``draft`` with its model, replacing or removing each refused value until
    it validates. None (with ``errors`` extended) when a required value cannot be had."""
    rounds = 2 + sum(len(v) if isinstance(v, list) else 1 for v in draft.origins.values())
    for _ in range(rounds):  # every round replaces or removes at least one value
        try:
            draft.model.model_validate(draft.data)
        except ValidationError as error:
            if not _repair(draft, error.errors(include_url=False), notices, errors):
                return None
        else:
            return draft.data
    raise AssertionError(f"{draft.json_path}: settling does not converge")


def _repair(
    draft: Draft, details: list[ErrorDetails], notices: list[Notice], errors: list[Notice]
) -> bool:
    dropped: dict[str, set[int]] = {}
    handled: set[tuple[str, int | None]] = set()
    for detail in details:
        loc = detail["loc"]
        name = loc[0] if loc else None
        if detail["type"] == "missing":
            return False  # the converter has already reported it, naming the JSON keys
        if not isinstance(name, str) or name not in draft.origins:
            errors.append(Notice(draft.json_path, detail["msg"]))
            return False
        origins = draft.origins[name]
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        if (name, index) in handled:
            continue
        handled.add((name, index))
        if isinstance(origins, list):
            if index is None:
                errors.append(Notice(origins[0].json_path, detail["msg"]))
                return False
            origin, value = origins[index], draft.data[name][index]
        else:
            origin, value = origins, draft.data[name]
        if origin.literal is not None and value != origin.literal:
            if index is None:
                draft.data[name] = origin.literal
            else:
                draft.data[name][index] = origin.literal
            notices.append(Notice(origin.json_path, f"{detail['msg']}; kept as plain text"))
        elif index is not None:
            dropped.setdefault(name, set()).add(index)
            notices.append(Notice(origin.json_path, f"{detail['msg']}; not imported"))
        elif draft.model.model_fields[name].is_required():
            errors.append(Notice(origin.json_path, detail["msg"]))
            return False
        else:
            del draft.data[name], draft.origins[name]
            notices.append(Notice(origin.json_path, f"{detail['msg']}; not imported"))
    for name, indexes in dropped.items():
        items, origins = draft.data[name], draft.origins[name]
        assert isinstance(origins, list)
        draft.data[name] = [v for i, v in enumerate(items) if i not in indexes]
        draft.origins[name] = [o for i, o in enumerate(origins) if i not in indexes]
        if not draft.data[name]:
            del draft.data[name], draft.origins[name]
    return True
