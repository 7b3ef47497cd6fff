"""The layout description as the values a PDF writer needs: pure data to data, no
reportlab, so that the PDF can follow themes by reading one object.

Everything is in points and ``#rrggbb`` colours, already multiplied out from the body
size and ``design.spacing``. For the classic theme these are exactly the values the PDF
writer uses today (``exporters/rhythm.py`` reads the same fields).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
from resumeout.model.layout import (
    BulletGlyph,
    DatePlacement,
    HeaderAlignment,
    NameColor,
    TextColor,
    TextStyle,
    TitleCase,
    TitleRule,
)
from resumeout.model.style import PAGE_SIZES

LEADER_COLOR = "#c8c8c8"
"""The light leader between a heading and its dates on one line (classic's)."""


@dataclass(frozen=True, slots=True)
class TextLook:
    size: float
    leading: float
    color: str
    italic: bool


@dataclass(frozen=True, slots=True)
class PdfLook:
    page: tuple[float, float]
    margins: tuple[float, float, float, float]
    """top, bottom, left, right."""
    body_font: str
    heading_font: str
    mono_font: str
    body: TextLook
    accent: str
    header_alignment: HeaderAlignment
    name: TextLook
    headline: TextLook | None
    contact_separator: str
    separator_color: str
    contact_before: float
    title: TextLook
    title_case: TitleCase
    title_rule: TitleRule
    rule_color: str
    section_before: float
    section_after: float
    dates: DatePlacement
    date_column: float
    """Width in points of the left date column (0 unless ``dates`` is left_column)."""
    aside: TextLook
    lines: TextLook
    leader_color: str
    bullet_glyph: BulletGlyph
    bullet_indent: float
    bullet_glyph_indent: float
    note: TextLook
    closing_before: float


def pdf_look(design: Design) -> PdfLook:
    rhythm = Rhythm.of(design)
    size, leading = rhythm.size, rhythm.leading
    colors, entries = design.colors, design.entries
    margins = design.margins

    def color(choice: NameColor) -> str:
        match choice:
            case "accent":
                return design.accent_color
            case "text":
                return colors.text
            case _:
                assert_never(choice)

    def shade(choice: TextColor) -> str:
        match choice:
            case "text":
                return colors.text
            case "muted":
                return colors.muted
            case _:
                assert_never(choice)

    def italic(style: TextStyle) -> bool:
        match style:
            case "plain":
                return False
            case "italic":
                return True
            case _:
                assert_never(style)

    def headline() -> TextLook | None:
        match design.header.headline:
            case "shown":
                return TextLook(*rhythm.headline, colors.headline, False)
            case "hidden":
                return None
            case _:
                assert_never(design.header.headline)

    titles = design.section_titles
    column = size * entries.date_column if entries.dates == "left_column" else 0.0
    return PdfLook(
        page=PAGE_SIZES[design.page_size],
        margins=(margins.top, margins.bottom, margins.left, margins.right),
        body_font=design.font,
        heading_font=design.headings_font,
        mono_font=design.mono_font,
        body=TextLook(size, leading, colors.text, False),
        accent=design.accent_color,
        header_alignment=design.header.alignment,
        name=TextLook(*rhythm.name, color(design.header.name_color), False),
        headline=headline(),
        contact_separator=design.header.contact_separator,
        separator_color=colors.separator,
        contact_before=rhythm.contact_before,
        title=TextLook(*rhythm.section, color(titles.color), False),
        title_case=titles.case,
        title_rule=titles.rule,
        rule_color=color(titles.color),
        section_before=rhythm.section_before,
        section_after=rhythm.section_after,
        dates=entries.dates,
        date_column=column,
        aside=TextLook(size, leading, shade(entries.aside_color), italic(entries.aside_style)),
        lines=TextLook(size, leading, shade(entries.lines_color), italic(entries.lines_style)),
        leader_color=LEADER_COLOR,
        bullet_glyph=design.bullets.glyph,
        bullet_indent=size * design.bullets.indent,
        bullet_glyph_indent=size * design.bullets.glyph_indent,
        note=TextLook(*rhythm.note, colors.muted, True),
        closing_before=rhythm.closing_before,
    )
