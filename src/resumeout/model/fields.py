"""Field types shared by the model: text with inline markup, dates, links, lengths, colours.

Each validator raises ``PydanticCustomError`` with a type of our own, so the error
reporter can key its wording on the type and never on pydantic's English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import WithJsonSchema
from pydantic_core import PydanticCustomError

from resumeout.dates import PartialDate
from resumeout.model.inline import Rich
from resumeout.model.markup import MarkupError, check_url, parse_inline
from resumeout.model.validated_by import ValidatedBy


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", not_text(value))
    if not value.strip():
        raise PydanticCustomError("text_empty", "is empty; give a value or remove the field")
    return value


def not_text(value: Any) -> str:
    """Why a value that should be text is not, and what to write instead."""
    if isinstance(value, list):
        # `details: [Python, Go]`: quoting it would print the brackets.
        items = [str(item) for item in value if isinstance(item, str | int | float)]
        example = f" (`{', '.join(items)}`)" if items and len(items) == len(value) else ""
        return f"expected text, got a list; write its items as one line of text{example}"
    if isinstance(value, dict):
        return (
            "expected text, got a mapping (a colon and a space start one in YAML); "
            "put the whole text in quotes"
        )
    return f"expected text, got {describe(value)}; put it in quotes"


def describe(value: Any) -> str:
    """A value as an error message names it: ``the number 3``, ``'A5'``, ``a list``."""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def _markup(value: Any) -> Rich:
    if isinstance(value, Rich):
        return value
    try:
        return parse_inline(_text(value).strip())
    except MarkupError as error:
        raise PydanticCustomError("link_scheme", str(error)) from None


def _date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise PydanticCustomError("date_invalid", str(error)) from None


def _end_date(value: Any) -> PartialDate | Literal["present"]:
    if isinstance(value, str) and value.strip().lower() in ("present", "now", "current"):
        return "present"
    if isinstance(value, str) and not any(char.isdigit() for char in value):
        # A word, most likely "present" in the résumé's language (至今, الآن): the
        # keyword is English, and shown in the résumé's language.
        raise PydanticCustomError(
            "date_invalid",
            "'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, or `present` for "
            "an end still to come (it is shown in the résumé's language, as `locale` or "
            "`settings.dates.present` says)",
            {"value": value.strip()},
        )
    return _date(value)


_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}")


def _email(value: Any) -> str:
    text = _text(value).strip()
    if not _EMAIL.fullmatch(text):
        raise PydanticCustomError(
            "email_invalid",
            "'{value}' is not an email address (name@example.org)",
            {"value": text},
        )
    return text


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+\-]*:")


def _url(value: Any) -> str:
    text = _text(value).strip()
    if not _SCHEME.match(text):
        text = "https://" + text  # `runyulu.com` means the web site
    try:
        url = check_url(text)
    except MarkupError as error:
        raise PydanticCustomError("link_scheme", str(error)) from None
    parts = urlsplit(url)
    web = parts.scheme in ("http", "https")
    if any(ch.isspace() for ch in url) or (web and "." not in (parts.hostname or "")):
        raise PydanticCustomError("url_invalid", "'{value}' is not a web address", {"value": text})
    return url


_PHONE = re.compile(r"\+?[0-9(][0-9 ().\-/]{4,}[0-9](?:\s*(?:x|ext\.?)\s*[0-9]+)?")


def _phone(value: Any) -> str:
    text = _text(value).strip()
    if not _PHONE.fullmatch(text):
        raise PydanticCustomError(
            "phone_invalid",
            "'{value}' is not a phone number; write it like +1 (734) 216-0351",
            {"value": text},
        )
    return text


_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(pt|in|cm|mm)")
_POINTS_PER = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


def _length(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)  # a bare number is points
    match = _LENGTH.fullmatch(str(value).strip()) if isinstance(value, str) else None
    if not match:
        raise PydanticCustomError(
            "length_invalid",
            "'{value}' is not a length; write e.g. 0.7in, 1.8cm, 18mm or 50pt",
            {"value": value},
        )
    return float(match[1]) * _POINTS_PER[match[2]]


_COLOR = re.compile(r"#?([0-9a-fA-F]{6})")


def _color(value: Any) -> str:
    match = _COLOR.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise PydanticCustomError(
            "color_invalid",
            "'{value}' is not a colour; write six hex digits like #1f4e8c",
            {"value": value},
        )
    return "#" + match[1].lower()


_TAG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _tag(value: Any) -> str:
    text = _text(value).strip()
    if not _TAG.fullmatch(text):
        raise PydanticCustomError(
            "tag_invalid",
            "'{value}' is not a tag; use letters, digits, '-', '_' and '.', e.g. systems",
            {"value": text},
        )
    return text


@dataclass(frozen=True, slots=True)
class Tagged:
    """A bullet or paragraph, with the tags that variants select it by."""

    rich: Rich
    tags: tuple[str, ...] = ()


def _tagged(value: Any) -> Tagged:
    if isinstance(value, Tagged):
        return value
    if not isinstance(value, dict):
        return Tagged(_markup(value))
    unknown = sorted(set(value) - {"text", "tags"})
    if unknown or "text" not in value:
        raise PydanticCustomError(
            "tagged_text_invalid",
            "write text, or a mapping with `text:` and `tags: [...]`"
            + (f" (unknown: {', '.join(unknown)})" if unknown else ""),
        )
    tags = value.get("tags") or []
    if not isinstance(tags, list):
        raise PydanticCustomError("tagged_text_invalid", "`tags:` must be a list")
    return Tagged(_markup(value["text"]), tuple(_tag(tag) for tag in tags))


_TEXT_SCHEMA = {"type": "string", "minLength": 1}

# Text taken as written (names, places, labels): unlike Markup, no inline Markdown is parsed.
PlainText = Annotated[str, ValidatedBy(_text), WithJsonSchema(_TEXT_SCHEMA)]
Markup = Annotated[
    Rich,
    ValidatedBy(_markup),
    WithJsonSchema(
        {
            **_TEXT_SCHEMA,
            "description": "Text; **bold**, *italic*, `code` and "
            "[links](https://example.org) allowed.",
        }
    ),
]
_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 1000, "maximum": 9999},
        {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"},
    ]
}
Tag = Annotated[str, ValidatedBy(_tag), WithJsonSchema({"type": "string", "pattern": _TAG.pattern})]
TaggedMarkup = Annotated[
    Tagged,
    ValidatedBy(_tagged),
    WithJsonSchema(
        {
            "anyOf": [
                _TEXT_SCHEMA,
                {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {
                        "text": _TEXT_SCHEMA,
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                },
            ]
        }
    ),
]
Date = Annotated[PartialDate, ValidatedBy(_date), WithJsonSchema(_DATE_SCHEMA)]
EndDate = Annotated[
    PartialDate | Literal["present"],
    ValidatedBy(_end_date),
    WithJsonSchema({"anyOf": [*_DATE_SCHEMA["anyOf"], {"const": "present"}]}),
]
Email = Annotated[str, ValidatedBy(_email), WithJsonSchema({"type": "string", "format": "email"})]
Url = Annotated[str, ValidatedBy(_url), WithJsonSchema({"type": "string", "format": "uri"})]
Phone = Annotated[str, ValidatedBy(_phone), WithJsonSchema({"type": "string"})]
Length = Annotated[
    float,
    ValidatedBy(_length),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\d+(\.\d+)?\s*(pt|in|cm|mm)$"},
            ]
        }
    ),
]
Color = Annotated[
    str, ValidatedBy(_color), WithJsonSchema({"type": "string", "pattern": "^#?[0-9a-fA-F]{6}$"})
]
