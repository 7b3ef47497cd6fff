"""Sections: a user-chosen title and a list of entries of one declared kind."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints

from resumeout.model.base import Model
from resumeout.model.entries import (
    EducationEntry,
    ExperienceEntry,
    GenericEntry,
    LineEntry,
    PublicationEntry,
)
from resumeout.model.fields import PlainText, Tag, TaggedMarkup


class _Section(Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")] | None = Field(
        default=None,
        description="A short name for the section (lowercase letters, digits, - and _), "
        "unique in the résumé: how variants and converters refer to it.",
    )
    title: PlainText = Field(
        description="The heading, as it should appear: Education, Publications, arXiv…"
    )
    tags: list[Tag] = Field(
        default=[], description="Names that variants include or exclude this section by."
    )


class EducationSection(_Section):
    type: Literal["education"]
    entries: list[EducationEntry]


class ExperienceSection(_Section):
    type: Literal["experience"]
    entries: list[ExperienceEntry]


class PublicationSection(_Section):
    type: Literal["publications"]
    entries: list[PublicationEntry]


class GenericSection(_Section):
    type: Literal["entries"]
    entries: list[GenericEntry]


class LineSection(_Section):
    type: Literal["lines"]
    entries: list[LineEntry]


class TextSection(_Section):
    type: Literal["text"]
    entries: list[TaggedMarkup] = Field(description="Paragraphs.")


Section = Annotated[
    EducationSection
    | ExperienceSection
    | PublicationSection
    | GenericSection
    | LineSection
    | TextSection,
    Field(discriminator="type"),
]
SECTION_TYPES: tuple[str, ...] = tuple(
    get_args(kind.model_fields["type"].annotation)[0] for kind in get_args(get_args(Section)[0])
)
"""Every section's ``type:``, in the order of the union above."""
