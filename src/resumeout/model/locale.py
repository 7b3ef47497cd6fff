"""The résumé's own language (``locale``): the words and dates resumeout writes for it.

Checking a tag needs CLDR's list of languages (Babel), which is loaded only when the tag
is not English: a résumé without ``locale`` costs nothing.
"""

from __future__ import annotations

import string
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from resumeout.locales.tags import UnknownLanguageError, check_pattern, check_tag
from resumeout.model.base import Model
from resumeout.model.fields import PlainText, describe

Direction = Literal["ltr", "rtl"]


def _language(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError(
            "language_invalid",
            "expected a language tag such as fr, pt-BR or zh-Hans, got {kind}",
            {"kind": describe(value)},
        )
    try:
        return check_tag(value.strip())
    except UnknownLanguageError as error:
        raise PydanticCustomError("language_unknown", str(error)) from None


LanguageTag = Annotated[
    str,
    PlainValidator(_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$",
            "examples": ["en", "fr", "pt-BR", "zh-Hans", "ar"],
        }
    ),
]


def _placeholders(template: str, allowed: tuple[str, ...], field: str) -> str:
    """``template`` if every ``{name}`` in it is one of ``allowed``."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise PydanticCustomError(
            "template_invalid",
            "is not a valid template ({error}); write braces as {{{{ and }}}}",
            {"error": str(error)},
        ) from None
    expected = ", ".join("{" + name + "}" for name in allowed) or "none"
    unknown = [name for name in names if name not in allowed]
    if unknown:
        raise PydanticCustomError(
            "template_invalid",
            "uses {{{name}}}; the placeholders of {field} are: {expected}",
            {"name": unknown[0], "field": field, "expected": expected},
        )
    return template


class Labels(Model):
    """The words resumeout writes itself, replacing those of the language's catalogue."""

    present: PlainText | None = Field(
        default=None, description="Ends an ongoing range: Sep 2024 – Present."
    )
    last_updated: PlainText | None = Field(
        default=None, description="The closing note; {date} is the last_updated date."
    )
    courses: PlainText | None = Field(default=None, description="Before an education's courses.")
    advisors: PlainText | None = Field(default=None, description="Before an education's advisors.")
    gpa: PlainText | None = Field(default=None, description="Before an education's GPA.")
    keywords: PlainText | None = Field(default=None, description="Before a publication's keywords.")
    doi: PlainText | None = Field(default=None, description="Before a publication's DOI.")
    page: PlainText | None = Field(
        default=None,
        description="The PDF's footer after the name; {page} and {pages} are numbers.",
    )
    resume: PlainText | None = Field(
        default=None, description="The document's kind, in its title: NAME – Résumé."
    )

    @field_validator("last_updated")
    @classmethod
    def _date_placeholder(cls, template: str | None) -> str | None:
        return None if template is None else _placeholders(template, ("date",), "last_updated")

    @field_validator("page")
    @classmethod
    def _page_placeholders(cls, template: str | None) -> str | None:
        return None if template is None else _placeholders(template, ("page", "pages"), "page")


def _pattern(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError(
            "date_pattern_invalid",
            "expected a date pattern such as 'MMMM y' or 'MM/y', got {kind}",
            {"kind": describe(value)},
        )
    try:
        return check_pattern(value)
    except ValueError as error:
        raise PydanticCustomError("date_pattern_invalid", str(error)) from None


DatePattern = Annotated[
    str,
    PlainValidator(_pattern),
    WithJsonSchema({"type": "string", "minLength": 1, "examples": ["MMMM y", "MM/y"]}),
]


class DatePatterns(Model):
    """CLDR date patterns (y year, MMM month abbreviated, MMMM month in full, MM month
    number, d day; text in 'single quotes'), replacing the language's own."""

    month: DatePattern | None = Field(
        default=None, description="A date known to the month, e.g. 'MMMM y' or 'MM/y'."
    )
    day: DatePattern | None = Field(
        default=None, description="A date known to the day, e.g. 'd MMMM y'."
    )


class Locale(Model):
    """The language the résumé is written in: resumeout's own words, month names and date
    patterns follow it, and the documents declare it."""

    language: LanguageTag = Field(
        default="en",
        description="A BCP 47 language tag: en, fr, de, pt-BR, zh-Hans, ja, ar, he, hi…",
    )
    direction: Direction | None = Field(
        default=None,
        description="ltr or rtl; by default the language's (rtl for Arabic, Hebrew, Persian…).",
    )
    # model_construct: as Labels()/DatePatterns() would be, without building their
    # validators on import (calling them built two validators and loaded pydantic's
    # plugins, importlib.metadata with them, before anything was validated).
    labels: Labels = Labels.model_construct()
    date_patterns: DatePatterns = DatePatterns.model_construct()

    @model_validator(mode="after")
    def _words_known(self) -> Locale:
        from resumeout.locales import LABEL_KEYS, catalogue_tags, has_words

        if has_words(self.language):
            return self
        missing = [key for key in LABEL_KEYS if getattr(self.labels, key) is None]
        if missing:
            raise PydanticCustomError(
                "language_without_words",
                "resumeout has no words of its own in {language} yet: give them under "
                "`labels:` ({missing}), or choose a language it has ({known})",
                {
                    "language": self.language,
                    "missing": ", ".join(missing),
                    "known": ", ".join(catalogue_tags()),
                },
            )
        return self

    def label_overrides(self) -> tuple[tuple[str, str], ...]:
        """The labels the résumé gives, as (key, word) pairs."""
        return tuple(
            (key, value) for key, value in self.labels.model_dump().items() if value is not None
        )
