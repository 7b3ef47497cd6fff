"""Reading JSON Resume values into drafts of model objects.

A :class:`Reader` hands out one JSON object's values by key, cleaned, and reports every
key nobody asked for; a :class:`Target` puts values into the draft of one model object,
spelt as the model reads them: plain text for plain fields, and for Markdown fields plain
text escaped so that it reads back exactly (or, with ``--markdown``, Markdown as written).
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from resumeout.jsonresume.drafts import Draft, Notice, Origin
from resumeout.jsonresume.plain_text import clean, literal_markup
from resumeout.jsonresume.positions import child_path
from resumeout.model.fields import Tagged
from resumeout.model.inline import Rich

Data = dict[str, Any]

_PRESENT = ("present", "current", "now", "ongoing")
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]")
# A hard line break in the inline Markdown: how the lines of a folded field are joined.
_BREAK = "\\\n"


@dataclass
class Conversion:
    data: Data = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    """What was changed or left out, each with its JSON path."""
    errors: list[Notice] = field(default_factory=list)
    """What makes the import impossible (a missing name); nothing is written then."""


@dataclass(frozen=True, slots=True)
class Found:
    """A text value of the JSON file, cleaned, with its path."""

    json_path: str
    text: str


class Reader:
    """One JSON Resume object: hands out its values by key, cleaned, and notes which keys
    were read so that every other one is reported."""

    def __init__(self, conversion: Conversion, source: Any, path: str) -> None:
        self.conversion = conversion
        self.source: dict[str, Any] = source if isinstance(source, dict) else {}
        self.path = path
        self.used: set[str] = set()
        if not isinstance(source, dict | None):
            self.notice(path, f"{preview(source)} is not an object; not imported")

    def notice(self, path: str, message: str) -> None:
        self.conversion.notices.append(Notice(path, message))

    def value(self, *keys: str) -> tuple[str, Any] | None:
        """The first of ``keys`` (later ones are legacy names) that holds something."""
        self.used.update(keys)
        for key in keys:
            if _is_empty(self.source.get(key)):
                continue
            return child_path(self.path, key), self.source[key]
        return None

    def text(self, *keys: str) -> Found | None:
        found = self.value(*keys)
        return text_value(self, *found) if found else None

    def texts(self, key: str) -> list[Found]:
        found = self.value(key)
        if found is None:
            return []
        path, items = found
        if not isinstance(items, list):
            text = text_value(self, path, items)  # a lone text where a list belongs
            return [text] if text else []
        texts = (text_value(self, child_path(path, i), item) for i, item in enumerate(items))
        return [text for text in texts if text]

    def done(self) -> None:
        for key, value in self.source.items():
            if key not in self.used and not _is_empty(value):
                self.notice(
                    child_path(self.path, key),
                    f"{preview(value)}: resumeout has no field for it; not imported",
                )


def text_value(reader: Reader, path: str, value: Any) -> Found | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        reader.notice(path, f"{preview(value)} is not text; not imported")
        return None
    text, removed = clean(value)
    if removed:
        reader.notice(
            path,
            f"removed {', '.join(removed)}: such characters break documents or make text "
            "read differently than it looks",
        )
    return Found(path, text) if text else None


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def preview(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:59] + "…"


class Target:
    """The draft of one model object, filled field by field from found values."""

    def __init__(self, model: type[BaseModel], reader: Reader, markdown: bool) -> None:
        self.draft = Draft(model, reader.path)
        self.reader = reader
        self.markdown = markdown

    def text(self, name: str, found: Found | None) -> None:
        if found is not None:
            value, origin = self._spelt(name, found.text, found.json_path)
            self.draft.put(name, value, origin)

    def texts(self, name: str, found: list[Found]) -> None:
        for item in found:
            value, origin = self._spelt(name, item.text, item.json_path)
            self.draft.append(name, value, origin)

    def joined(self, name: str, found: list[Found], separator: str = ", ") -> None:
        """Several texts as one field (keywords as a line of details)."""
        self.lines(name, [(None, found, separator)])

    def lines(self, name: str, parts: list[tuple[str | None, list[Found], str]]) -> None:
        """One Markdown field made of several JSON values, one line each; a part with a
        label (``Roles: …``) joins its texts with its separator after that label."""
        shown, literal = [], []
        for label, found, separator in parts:
            if found:
                prefix = f"{label}: " if label else ""
                literal.append(prefix + separator.join(literal_markup(f.text) for f in found))
                markdown = prefix + separator.join(f.text for f in found)
                shown.append(markdown if self.markdown else literal[-1])
        if shown:
            first = next(found[0] for _, found, _ in parts if found)
            fallback = _BREAK.join(literal) if self.markdown else None
            self.draft.put(name, _BREAK.join(shown), Origin(first.json_path, fallback))

    def date(self, name: str, found: Found | None, *, end: bool = False) -> None:
        if found is None:
            return
        text = found.text
        if end and text.lower() in _PRESENT:
            text = "present"
        elif match := _DATE_TIME.match(text):
            text = match[1]
            self.reader.notice(
                found.json_path, f"kept the date {text}; resumeout keeps no time of day"
            )
        self.draft.put(name, text, Origin(found.json_path))

    def require(self, name: str, keys: str) -> None:
        if name not in self.draft.data:
            self.reader.conversion.errors.append(
                Notice(self.reader.path, f"has no {keys}; it is the `{name}` resumeout needs")
            )

    def _spelt(self, name: str, text: str, path: str) -> tuple[str, Origin]:
        if not _is_markup(self.draft.model, name):
            return text, Origin(path)
        literal = literal_markup(text)
        if self.markdown:
            return text, Origin(path, literal)
        return literal, Origin(path)


def _is_markup(model: type[BaseModel], name: str) -> bool:
    """Whether the model reads ``name`` as inline Markdown (its type holds rich text)."""

    def mentions_rich(annotation: Any) -> bool:
        if annotation in (Rich, Tagged):
            return True
        return any(mentions_rich(arg) for arg in typing.get_args(annotation))

    return mentions_rich(model.model_fields[name].annotation)
