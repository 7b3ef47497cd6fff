"""Every decision about how the PDF looks, in one typed object built from the layout
description (``design``, see ``model/layout.py``).

The writer (layout, blocks, pages, drawing) reads a :class:`Look` and nothing else for
sizes, gaps, colours, fonts, alignment and ornaments, so that a theme is a different
``Look`` and not a different writer. :meth:`Look.of` is the only place where the layout
description's choices become PDF values; each closed choice is ``match``-ed with
``assert_never`` there or, where it decides what is drawn (where the dates go, the
title's rule and case), kept as the description's own literal for the layout to match.
The vertical numbers come from :class:`~resumeout.exporters.rhythm.Rhythm`, which the
DOCX reads too, so both formats keep the same page count.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import assert_never

from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
from resumeout.model.layout import (
    DatePlacement,
    NameColor,
    NoteAlignment,
    TextColor,
    TextStyle,
    TitleCase,
    TitleRule,
    Weight,
)
from resumeout.model.style import PAGE_SIZES
from resumeout.views.document import EntryView


class Alignment(Enum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


class Direction(Enum):
    """The order a paragraph's lines read in; right-to-left ones start at the right."""

    LEFT_TO_RIGHT = "ltr"
    RIGHT_TO_LEFT = "rtl"


class Face(Enum):
    """Which face of the family a text starts in (its runs may add bold or italics)."""

    REGULAR = "regular"
    BOLD = "bold"
    ITALIC = "italic"
    BOLD_ITALIC = "bold_italic"

    @property
    def bold(self) -> bool:
        return self in (Face.BOLD, Face.BOLD_ITALIC)

    @property
    def italic(self) -> bool:
        return self in (Face.ITALIC, Face.BOLD_ITALIC)

    @classmethod
    def of(cls, weight: Weight, style: TextStyle) -> Face:
        match weight:
            case "bold":
                bold = True
            case "regular":
                bold = False
            case _:
                assert_never(weight)
        match style:
            case "italic":
                italic = True
            case "plain":
                italic = False
            case _:
                assert_never(style)
        faces = {
            (False, False): cls.REGULAR,
            (True, False): cls.BOLD,
            (False, True): cls.ITALIC,
            (True, True): cls.BOLD_ITALIC,
        }
        return faces[bold, italic]


class FontRole(Enum):
    """Which of the design's families a text is set in (``code`` is always in MONO)."""

    BODY = "font"
    HEADING = "heading_font"
    MONO = "mono_font"


SMALL_CAPS = 0.8
"""The size of a small capital, as a share of the size (see ``TitleCase``)."""


@dataclass(frozen=True, slots=True)
class Rgb:
    red: float
    green: float
    blue: float

    @classmethod
    def hex(cls, value: str) -> Rgb:
        digits = value.lstrip("#")
        red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return cls(red, green, blue)


@dataclass(frozen=True, slots=True)
class TextLook:
    size: float
    leading: float
    colour: Rgb
    face: Face = Face.REGULAR
    alignment: Alignment = Alignment.LEFT
    direction: Direction = Direction.LEFT_TO_RIGHT
    font: FontRole = FontRole.BODY


@dataclass(frozen=True, slots=True)
class Box:
    """Where text may go on a page, in points from the bottom-left corner."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.bottom + self.height


@dataclass(frozen=True, slots=True)
class Look:
    page_size: tuple[float, float]
    text_box: Box
    bottom_margin: float
    """The footer is centred in it."""

    name: TextLook
    headline: TextLook | None
    """None: the headline is not shown."""
    contacts: TextLook
    contacts_before: float
    contact_separator: str
    separator_colour: Rgb

    section: TextLook
    title_case: TitleCase
    section_before: float
    section_after: float
    rule: TitleRule
    rule_colour: Rgb
    rule_weight: float
    rule_gap: float
    """Between the title and its rule: after its last letter, or under or over its line."""

    heading: TextLook
    aside: TextLook
    dates: DatePlacement
    date_column: float
    """The width of the date column (0 unless the dates go there): at the left of the
    entries, or at their right in a right-to-left document."""
    date_gap: float
    """Between the date column and the heading."""
    leader: str
    leader_colour: Rgb
    min_leader: float
    """A heading and its aside share a line only if at least this much leader shows."""

    body: TextLook
    lines: TextLook
    """An entry's lines under its heading (summaries, authors, details)."""
    bullet: str
    bullet_indent: float
    """Where the bullet glyph starts, from the start of the entry's lines."""
    bullet_text_indent: float
    """Where a bullet's lines start, from the start of the entry's lines: a hanging indent."""

    link_colour: Rgb
    note: TextLook
    closing_before: float
    footer: TextLook
    rhythm: Rhythm

    @classmethod
    def of(cls, design: Design) -> Look:
        rhythm = Rhythm.of(design)
        size, leading = rhythm.size, rhythm.leading
        colors, header, titles = design.colors, design.header, design.section_titles
        entries, note = design.entries, design.note
        accent = Rgb.hex(design.accent_color)
        text_colour, muted = Rgb.hex(colors.text), Rgb.hex(colors.muted)
        width, height = PAGE_SIZES[design.page_size]
        margins = design.margins

        def chosen(choice: NameColor | TextColor) -> Rgb:
            return Rgb.hex(design.color_of(choice))

        name_alignment, contacts_alignment = map(_note_alignment, header.alignments())
        name = TextLook(
            *rhythm.name,
            chosen(header.name_color),
            Face.of(header.name_weight, "plain"),
            name_alignment,
            font=FontRole.HEADING,
        )
        headline: TextLook | None
        match header.headline:
            case "shown":
                headline = TextLook(*rhythm.headline, Rgb.hex(colors.headline), Face.REGULAR)
                headline = _aligned(headline, name_alignment)
            case "hidden":
                headline = None
            case _:
                assert_never(header.headline)
        column = _date_column(design)
        body = TextLook(size, leading, text_colour)
        note_look = TextLook(*rhythm.note, muted, Face.of("regular", note.style))
        return cls(
            page_size=(width, height),
            text_box=Box(
                margins.left,
                margins.bottom,
                width - margins.left - margins.right,
                height - margins.top - margins.bottom,
            ),
            bottom_margin=margins.bottom,
            name=name,
            headline=headline,
            contacts=_aligned(body, contacts_alignment),
            contacts_before=rhythm.contact_before,
            contact_separator=f" {header.contact_separator} ",
            separator_colour=Rgb.hex(colors.separator),
            section=TextLook(
                *rhythm.section,
                chosen(titles.color),
                Face.of(titles.weight, "plain"),
                font=FontRole.HEADING,
            ),
            title_case=titles.case,
            section_before=rhythm.section_before,
            section_after=rhythm.section_after,
            rule=titles.rule,
            rule_colour=chosen(titles.color),
            rule_weight=titles.rule_weight,
            rule_gap=size * titles.rule_gap,
            heading=body,
            aside=TextLook(
                size,
                leading,
                chosen(entries.aside_color),
                Face.of("regular", entries.aside_style),
                _aside_alignment(entries.dates),
            ),
            dates=entries.dates,
            date_column=column,
            date_gap=size * entries.date_gap if column else 0.0,
            # An em dash, stretched: it is what a reader of the text gets there, as the
            # Markdown export writes it.
            leader="\u2014",
            leader_colour=Rgb.hex(colors.leader),
            min_leader=size * 1.0,
            body=body,
            lines=TextLook(
                size, leading, chosen(entries.lines_color), Face.of("regular", entries.lines_style)
            ),
            bullet=design.bullets.glyph,
            bullet_indent=size * design.bullets.glyph_indent,
            bullet_text_indent=size * design.bullets.indent,
            link_colour=accent,
            note=_aligned(note_look, _note_alignment(note.alignment)),
            closing_before=rhythm.closing_before,
            # Page furniture: the note's type, with room for a line, across the page.
            footer=TextLook(note_look.size, leading, muted, note_look.face, Alignment.CENTRE),
            rhythm=rhythm,
        )

    def entry_gap(self, entry: EntryView, position: int) -> float:
        return self.rhythm.entry_gap(entry, position)


def _aligned(look: TextLook, alignment: Alignment) -> TextLook:
    return TextLook(
        look.size, look.leading, look.colour, look.face, alignment, look.direction, look.font
    )


def _aside_alignment(dates: DatePlacement) -> Alignment:
    """Flush right on (or, when the heading is too long, under) the heading's line; under
    the heading where it starts; flush right in the date column."""
    match dates:
        case "right" | "left_column":
            return Alignment.RIGHT
        case "own_line":
            return Alignment.LEFT
        case _:
            assert_never(dates)


def _date_column(design: Design) -> float:
    match design.entries.dates:
        case "left_column":
            return design.font_size * design.entries.date_column
        case "right" | "own_line":
            return 0.0
        case _:
            assert_never(design.entries.dates)


def _note_alignment(alignment: NoteAlignment) -> Alignment:
    match alignment:
        case "left":
            return Alignment.LEFT
        case "centered":
            return Alignment.CENTRE
        case "right":
            return Alignment.RIGHT
        case _:
            assert_never(alignment)
