"""How the résumé looks (``design``) and how resumeout treats it (``settings``)."""

from __future__ import annotations

import string
from typing import Annotated, Literal, assert_never

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from resumeout.dates import MonthStyle
from resumeout.model.base import Model
from resumeout.model.fields import Color, Length, PlainText
from resumeout.model.layout import (
    Bullets,
    Colors,
    Entries,
    Gaps,
    Header,
    NameColor,
    Note,
    Publications,
    SectionTitles,
    TextColor,
)

_MM = 72 / 25.4
PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (210 * _MM, 297 * _MM)}
"""Width and height in points of each ``design.page_size``, for every paged format."""


class Margins(Model):
    """From the page's edges to the text's, in the PDF and in the DOCX alike."""

    top: Length = 49.2
    bottom: Length = 49.2
    left: Length = 56.4
    right: Length = 56.4


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


BUILTIN_THEMES = ("classic", "academic", "compact", "modern", "minimal")
"""The themes that ship with resumeout (``themes/builtin/NAME/theme.yaml``)."""
DEFAULT_THEME = BUILTIN_THEMES[0]

ThemeName = Annotated[
    str,
    Field(pattern=r"\S"),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(BUILTIN_THEMES)},
                {"type": "string", "minLength": 1},
            ],
            "description": "A built-in theme (" + ", ".join(BUILTIN_THEMES) + "), one a "
            "package adds (see `resumeout themes`), or a folder next to the résumé "
            "(./mytheme) holding theme.yaml and its fonts. Every other key of `design` "
            "overrides the theme's.",
        }
    ),
]


class Design(Model):
    """Page and type settings, read by the PDF and DOCX exporters: the layout
    description. A theme gives every field; the source's ``design:`` overrides any."""

    theme: ThemeName = DEFAULT_THEME
    page_size: Annotated[Literal["letter", "a4"], BeforeValidator(_lower)] = "letter"
    # Default values are made with model_construct (the field defaults, unvalidated, as
    # Margins() makes them): calling Margins() would build its validator on import.
    margins: Margins = Margins.model_construct()
    font: PlainText = Field(
        default="Source Sans Pro",
        description="A font family name, or a path (relative to the résumé) to a .ttf file "
        "or a folder.",
    )
    # A tuple: the design is hashed (it keys the PDF's cached layouts).
    fallback_fonts: tuple[PlainText, ...] = Field(
        default=(),
        description="Fonts (family names, or paths relative to the résumé) tried in order for "
        "characters the font lacks (Arabic, Hebrew, Devanagari, Thai, CJK, emoji…), before "
        "the system's fonts.",
    )
    embed_fonts: bool = Field(
        default=True,
        description="Embed the font in the DOCX (the characters it uses and those of Western "
        "European text), so it looks the same and stays editable on machines without it; "
        "false makes a smaller file.",
    )
    font_size: Annotated[
        float,
        Field(ge=7.0, le=14.0, description="Body text size in points; headings scale from it."),
    ] = 10.0
    accent_color: Color = Field(
        default="#004f90", description="Name, section titles, rules and links."
    )
    line_height: Annotated[
        float, Field(ge=1.0, le=2.0, description="Line spacing as a multiple of the font size.")
    ] = 1.22
    fit_pages: Annotated[int, Field(ge=1, le=20)] | None = Field(
        default=None,
        description="Fit the PDF and DOCX on this many pages: spacing, then margins, then "
        "font size are reduced within their lower bounds until it fits.",
    )
    spacing: Annotated[
        float,
        Field(
            ge=0.3, le=2.0, description="Scales every vertical gap between entries and sections."
        ),
    ] = 1.0
    heading_font: PlainText | None = Field(
        default=None,
        description="The font of the name and section titles (default: `font`); a family "
        "name or a path, as `font`.",
    )
    mono_font: PlainText = Field(default="Consolas", description="The font of `code` text.")
    header: Header = Header.model_construct()
    section_titles: SectionTitles = SectionTitles.model_construct()
    entries: Entries = Entries.model_construct()
    bullets: Bullets = Bullets.model_construct()
    publications: Publications = Publications.model_construct()
    colors: Colors = Colors.model_construct()
    note: Note = Note.model_construct()
    gaps: Gaps = Gaps.model_construct()

    @property
    def headings_font(self) -> str:
        return self.heading_font or self.font

    def color_of(self, choice: NameColor | TextColor) -> str:
        """The colour (``#rrggbb``) a layout choice names: both writers read it here."""
        match choice:
            case "accent":
                return self.accent_color
            case "text":
                return self.colors.text
            case "muted":
                return self.colors.muted
            case _:
                assert_never(choice)


OUTPUT_NAME_FIELDS = ("name", "variant")


class DateSettings(Model):
    month: MonthStyle = Field(
        default="short", description="short (Sep 2024), long (September 2024) or numeric (2024-09)."
    )
    present: PlainText | None = Field(
        default=None,
        description="The word for an ongoing range (default: the locale's, e.g. Present); "
        "the same as locale.labels.present.",
    )


class Settings(Model):
    output_name: PlainText = Field(
        default="{name}_Resume",
        description="File name of every output, without suffix; {name} is the owner's name, "
        "{variant} the variant's (added as _VARIANT when a variant is exported and the "
        "template does not place it). Unset, a résumé in another language than English "
        "says its language's word: {name}_CV in French, {name}_简历 in Chinese.",
    )
    title: PlainText | None = Field(
        default=None,
        description='Document title in PDF and DOCX metadata; default "NAME – Résumé".',
    )
    dates: DateSettings = DateSettings.model_construct()
    owner_names: list[PlainText] = Field(
        default=[],
        description="Other spellings of your name in author lists (e.g. R. Lu), shown in bold too.",
    )
    exporters_dir: PlainText | None = Field(
        default=None,
        description="The folder of project-local exporters (Python files) this résumé is "
        "made for, relative to it. They run code, so a résumé cannot load them: they are "
        "loaded only when --exporters-dir or RESUMEOUT_EXPORTERS_DIR names the folder, and "
        "otherwise a warning says so.",
    )
    text_width: Annotated[
        int, Field(ge=30, le=400, description="Line width of the plain-text export.")
    ] = 80

    @field_validator("output_name")
    @classmethod
    def _known_placeholders(cls, template: str) -> str:
        try:
            names = [
                name for _, name, _, _ in string.Formatter().parse(template) if name is not None
            ]
        except ValueError as error:
            raise PydanticCustomError(
                "template_invalid",
                "is not a valid template ({error}); use {{name}}",
                {"error": str(error)},
            ) from None
        unknown = [name for name in names if name not in OUTPUT_NAME_FIELDS]
        if unknown:
            raise PydanticCustomError(
                "template_invalid",
                "uses {{{field}}}; the placeholders are {{name}} and {{variant}}",
                {"field": unknown[0]},
            )
        return template
