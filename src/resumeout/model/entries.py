"""The kinds of entry a section holds. A section names its kind once (``type:``), so a
misspelt field is an error instead of a silent change of kind."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from resumeout.dates import PartialDate
from resumeout.model.base import Model
from resumeout.model.fields import Date, EndDate, Markup, PlainText, Tag, TaggedMarkup, Url


class Taggable(Model):
    tags: list[Tag] = Field(
        default=[], description="Names that variants include or exclude this by."
    )


class Dated(Taggable):
    start: Date | None = Field(
        default=None, description="When it began: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    end: EndDate | None = Field(default=None, description="When it ended, or `present`.")

    @field_validator("end")
    @classmethod
    def _end_after_start(
        cls, end: PartialDate | Literal["present"] | None, info: ValidationInfo
    ) -> PartialDate | Literal["present"] | None:
        start = info.data.get("start")
        if isinstance(end, PartialDate) and isinstance(start, PartialDate):
            # Compare at the coarser precision: 2024 ends "before" 2024-09 only if it is
            # an earlier year.
            precision = min(_precision(start), _precision(end))
            if _truncate(end, precision) < _truncate(start, precision):
                raise PydanticCustomError(
                    "date_order",
                    "ends ({end}) before it starts ({start})",
                    {"end": end.iso(), "start": start.iso()},
                )
        return end


def _precision(date: PartialDate) -> int:
    return 1 if date.month is None else 2 if date.day is None else 3


def _truncate(date: PartialDate, precision: int) -> tuple[int, ...]:
    return (date.year, date.month or 0, date.day or 0)[:precision]


class EducationEntry(Dated):
    institution: Markup
    degree: Markup | None = Field(
        default=None, description="e.g. PhD, BSc, Bachelor of Engineering."
    )
    area: Markup | None = Field(
        default=None, description="The field of study, e.g. Computer Science."
    )
    url: Url | None = Field(
        default=None, description="The institution's site: its name links to it."
    )
    location: PlainText | None = None
    gpa: PlainText | None = Field(
        default=None, description="As written, e.g. `3.95 / 4.00` (quote it)."
    )
    advisors: list[PlainText] = []
    courses: list[PlainText] = []
    details: list[Markup] = Field(
        default=[], description="Lines shown under the entry (research area, programme, thesis…)."
    )
    highlights: list[TaggedMarkup] = Field(default=[], description="Bullet points.")


class ExperienceEntry(Dated):
    title: Markup = Field(description="The position held, or the project worked on.")
    organization: Markup | None = None
    url: Url | None = Field(
        default=None, description="The organization's site: its name links to it."
    )
    location: PlainText | None = None
    summary: Markup | None = None
    highlights: list[TaggedMarkup] = Field(default=[], description="Bullet points.")


class PublicationEntry(Taggable):
    title: Markup
    authors: list[PlainText] = Field(
        default=[],
        description="Every author, in order; the résumé's owner is shown in bold automatically.",
    )
    equal_contribution: list[PlainText] = Field(
        default=[], description="Authors who contributed equally; each is marked with an asterisk."
    )
    venue: Markup | None = Field(
        default=None, description="Where it appeared, e.g. ICLR, or a journal's name."
    )
    date: Date | None = None
    doi: PlainText | None = None
    url: Url | None = None
    note: Markup | None = None
    keywords: list[PlainText] = []

    @field_validator("doi")
    @classmethod
    def _doi_shape(cls, doi: str | None) -> str | None:
        if doi is None:
            return None
        bare = doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
        if not bare.startswith("10.") or "/" not in bare or any(ch.isspace() for ch in bare):
            raise PydanticCustomError(
                "doi_invalid",
                "'{doi}' is not a DOI; write it like 10.1145/3620666.3651357",
                {"doi": doi},
            )
        return bare

    @model_validator(mode="after")
    def _equal_contributors_are_authors(self) -> PublicationEntry:
        unknown = [name for name in self.equal_contribution if name not in self.authors]
        if unknown:
            raise PydanticCustomError(
                "equal_contribution_unknown",
                "equal_contribution names {names}, not in authors; use names exactly as in "
                "`authors`",
                {"names": ", ".join(repr(n) for n in unknown)},
            )
        return self


class GenericEntry(Dated):
    title: Markup
    subtitle: Markup | None = None
    location: PlainText | None = None
    date: Date | None = Field(
        default=None,
        description="A single date, for an entry that has no range (an award, a talk).",
    )
    url: Url | None = None
    summary: Markup | None = None
    highlights: list[TaggedMarkup] = Field(default=[], description="Bullet points.")

    @model_validator(mode="after")
    def _date_or_range(self) -> GenericEntry:
        if self.date is not None and (self.start is not None or self.end is not None):
            raise PydanticCustomError(
                "date_and_range", "has both `date` and `start`/`end`; keep one of them"
            )
        return self


class LineEntry(Taggable):
    label: Markup = Field(description="e.g. Languages.")
    level: PlainText | None = Field(
        default=None, description="e.g. Advanced; shown after the label."
    )
    details: Markup | None = Field(
        default=None, description="e.g. Native in Mandarin; fluent in English."
    )
