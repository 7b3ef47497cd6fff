"""The layout description: every look decision of the paged formats, as data.

A theme is a ``design:`` block with a name (``themes/builtin/NAME/theme.yaml``); the
source's own ``design:`` block is laid over it key by key. Each choice is a closed set,
so a writer ``match``-es it with ``assert_never`` and a new choice cannot be half-handled.
Sizes and gaps are multiples of the body font size, so a theme scales with ``font_size``
and with fitting.
"""

from __future__ import annotations

from typing import Annotated, Literal, assert_never

from pydantic import Field

from resumeout.model.base import Model
from resumeout.model.fields import Color

HeaderAlignment = Literal["centered", "left", "split"]
"""``split``: the name and headline left, the contacts right-aligned under them."""
NameColor = Literal["accent", "text"]
Weight = Literal["bold", "regular"]
ShowHeadline = Literal["shown", "hidden"]
ContactSeparator = Literal["·", "|", "•", "–", "/"]
TitleCase = Literal["as_written", "upper", "small_caps"]
"""How section titles are drawn: as written; in capitals; in small capitals (lower-case
letters drawn as capitals at 80 % of the size). The PDF's text layer reads what the page
shows ("EDUCATION"); the DOCX keeps the title as written with Word's caps or small-caps
formatting, so its readers get "Education" and restyling the heading brings it back."""
TitleRule = Literal["beside", "below", "above", "none"]
"""``beside``: a rule from the end of the title to the right margin (in the DOCX, which
cannot draw one beside text without a table, a rule under the title)."""
DatePlacement = Literal["right", "own_line", "left_column"]
"""Where an entry's aside (dates, place, venue) goes: flush right on the heading's line
after a light leader; on its own line under the heading; or flush right in a column left
of the heading and its lines (where it reads before the heading, on the same line)."""
NoteAlignment = Literal["left", "centered", "right"]
TextStyle = Literal["plain", "italic"]
TextColor = Literal["text", "muted"]
BulletGlyph = Literal["•", "–", "›", "·", "-"]
"""Glyphs every bundled font draws."""
PublicationOrder = Literal["title_first", "authors_first"]

Multiple = Annotated[float, Field(ge=0.0, le=10.0)]
"""A size or gap as a multiple of the body font size."""


class Header(Model):
    alignment: HeaderAlignment = Field(
        default="centered",
        description="centered, left, or split (name left, contacts right-aligned).",
    )
    name_size: Annotated[float, Field(ge=1.0, le=4.0)] = Field(
        default=2.6, description="The name's size, times the body size."
    )
    name_leading: Annotated[float, Field(ge=1.0, le=5.0)] = Field(
        default=3.0, description="The name's line height, times the body size."
    )
    name_color: NameColor = "accent"
    name_weight: Weight = Field(default="bold", description="bold or regular.")
    headline: ShowHeadline = Field(default="shown", description="shown or hidden.")
    headline_size: Annotated[float, Field(ge=0.8, le=3.0)] = Field(
        default=1.1, description="The headline's size, times the body size."
    )
    headline_leading: Annotated[float, Field(ge=0.8, le=4.0)] = Field(
        default=1.4, description="The headline's line height, times the body size."
    )
    contact_separator: ContactSeparator = Field(
        default="·", description="The character between contacts, set with space around it."
    )

    def alignments(self) -> tuple[NoteAlignment, NoteAlignment]:
        """How the name and headline, and the contacts, are aligned: both writers read
        it here."""
        match self.alignment:
            case "centered":
                return "centered", "centered"
            case "left":
                return "left", "left"
            case "split":
                return "left", "right"
            case _:
                assert_never(self.alignment)


class SectionTitles(Model):
    case: TitleCase = Field(default="as_written", description="as_written, upper or small_caps.")
    rule: TitleRule = Field(default="beside", description="beside, below, above or none.")
    rule_weight: Annotated[float, Field(ge=0.25, le=4.0)] = Field(
        default=0.7, description="The rule's thickness in points."
    )
    rule_gap: Multiple = Field(
        default=0.4,
        description="Between the title and its rule (after the title's end, or under or "
        "over its line), times the body size.",
    )
    color: NameColor = "accent"
    weight: Weight = Field(default="bold", description="bold or regular.")
    size: Annotated[float, Field(ge=0.8, le=3.0)] = Field(
        default=1.4, description="The title's size, times the body size."
    )
    leading: Annotated[float, Field(ge=0.8, le=4.0)] = Field(
        default=1.6, description="The title's line height, times the body size."
    )


class Entries(Model):
    dates: DatePlacement = Field(
        default="right",
        description="Where dates and places go: right (on the heading's line), own_line "
        "(under the heading) or left_column.",
    )
    date_column: Annotated[float, Field(ge=3.0, le=20.0)] = Field(
        default=9.0,
        description="Width of the left date column (the right one in a right-to-left "
        "document), times the body size; the dates are flush toward the heading in it, "
        "`date_gap` before it.",
    )
    date_gap: Multiple = Field(
        default=0.8,
        description="Between the date column and the heading, times the body size; under "
        "1, or pdftotext reads the gap as one between columns and the dates apart.",
    )
    aside_style: TextStyle = Field(
        default="plain", description="Dates and places: plain or italic."
    )
    aside_color: TextColor = "text"
    lines_style: TextStyle = Field(
        default="plain", description="Secondary lines (summaries, authors): plain or italic."
    )
    lines_color: TextColor = "text"


class Bullets(Model):
    glyph: BulletGlyph = "•"
    indent: Multiple = Field(default=1.1, description="Text indent, times the body size.")
    glyph_indent: Multiple = Field(default=0.25, description="Glyph indent, times the body size.")


class Publications(Model):
    order: PublicationOrder = Field(
        default="title_first",
        description="title_first (title, then authors) or authors_first (authors, then title).",
    )


class Colors(Model):
    text: Color = Field(default="#000000", description="Body text.")
    headline: Color = "#333333"
    muted: Color = Field(default="#555555", description="Notes and muted lines.")
    separator: Color = Field(default="#888888", description="Between contacts (PDF).")
    leader: Color = Field(
        default="#c8c8c8", description="The leader between a heading and its dates."
    )


class Note(Model):
    """The closing "Last updated" line (and, in a PDF of several pages, the footer)."""

    size: Annotated[float, Field(ge=0.5, le=2.0)] = Field(
        default=0.8, description="Times the body size."
    )
    leading: Annotated[float, Field(ge=0.5, le=3.0)] = Field(
        default=1.0, description="Line height, times the body size."
    )
    style: TextStyle = "italic"
    alignment: NoteAlignment = "right"


class Gaps(Model):
    """Vertical gaps, times the body size (and ``design.spacing``)."""

    section_before: Multiple = 1.0
    section_after: Multiple = 0.35
    entry: Multiple = Field(default=0.75, description="Above an entry with lines or bullets.")
    short_entry: Multiple = Field(default=0.4, description="Above a one-line entry.")
    line_entry: Multiple = Field(default=0.15, description="Above a `label: details` line.")
    closing: Multiple = Field(default=1.2, description="Above the last-updated note.")
    contact_before: Multiple = 0.2
