"""Every decision about how the PDF looks, in one typed object built from ``design``.

The writer (blocks, pages, drawing) reads a :class:`Look` and nothing else for sizes,
gaps, colours, alignment and ornaments, so that a theme is a different ``Look`` and not
a different writer. The vertical numbers come from :class:`~resumeout.exporters.rhythm.
Rhythm`, which the DOCX reads too, so both formats keep the same page count.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
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

    @property
    def bold(self) -> bool:
        return self is Face.BOLD

    @property
    def italic(self) -> bool:
        return self is Face.ITALIC


class DatePlacement(Enum):
    """Where an entry's aside (dates, place) goes."""

    LEADER = "leader"
    """On the heading's line, flush right after a light leader; on its own line below,
    flush right, when the heading leaves too little room."""
    BELOW = "below"
    """Always on its own line below the heading, flush right."""


class RulePlacement(Enum):
    """Where a section title's rule goes."""

    AFTER_TITLE = "after"
    """On the title's line, from after the title to the right edge."""
    BELOW = "below"
    """Under the title, across the whole text width."""
    NONE = "none"


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
    headline: TextLook
    contacts: TextLook
    contacts_before: float
    contact_separator: str
    separator_colour: Rgb

    section: TextLook
    section_before: float
    section_after: float
    rule: RulePlacement
    rule_colour: Rgb
    rule_weight: float
    rule_gap: float
    """Between the title's last letter and an AFTER_TITLE rule."""
    rule_height: float
    """Height of the rule above the title line's bottom, as a share of its leading."""

    heading: TextLook
    aside: TextLook
    dates: DatePlacement
    leader: str
    leader_colour: Rgb
    min_leader: float
    """A heading and its aside share a line only if at least this much leader shows."""

    body: TextLook
    bullet: str
    bullet_indent: float
    """Where the bullet glyph starts."""
    bullet_text_indent: float
    """Where a bullet's lines start: a hanging indent."""

    link_colour: Rgb
    note: TextLook
    closing_before: float
    footer: TextLook
    rhythm: Rhythm

    @classmethod
    def of(cls, design: Design) -> Look:
        rhythm = Rhythm.of(design)
        size, leading = rhythm.size, rhythm.leading
        accent = Rgb.hex(design.accent_color)
        black, muted = Rgb(0.0, 0.0, 0.0), Rgb.hex("#555555")
        width, height = PAGE_SIZES[design.page_size]
        margins = design.margins
        # The text sits 6 pt inside the margins (where the page's first layout put it).
        inset = 6.0
        body = TextLook(size, leading, black)

        def text(
            sizes: tuple[float, float],
            colour: Rgb = black,
            face: Face = Face.REGULAR,
            alignment: Alignment = Alignment.LEFT,
        ) -> TextLook:
            return TextLook(sizes[0], sizes[1], colour, face, alignment)

        return cls(
            page_size=(width, height),
            text_box=Box(
                margins.left + inset,
                margins.bottom + inset,
                width - margins.left - margins.right - 2 * inset,
                height - margins.top - margins.bottom - 2 * inset,
            ),
            bottom_margin=margins.bottom,
            name=text(rhythm.name, accent, face=Face.BOLD, alignment=Alignment.CENTRE),
            headline=text(rhythm.headline, alignment=Alignment.CENTRE),
            contacts=text((size, leading), alignment=Alignment.CENTRE),
            contacts_before=rhythm.contact_before,
            contact_separator=" · ",
            separator_colour=Rgb.hex("#888888"),
            section=text(rhythm.section, accent, face=Face.BOLD),
            section_before=rhythm.section_before,
            section_after=rhythm.section_after,
            rule=RulePlacement.AFTER_TITLE,
            rule_colour=accent,
            rule_weight=0.7,
            rule_gap=size * 0.4,
            rule_height=0.32,
            heading=body,
            aside=text((size, leading), alignment=Alignment.RIGHT),
            dates=DatePlacement.LEADER,
            # An em dash, stretched: it is what a reader of the text gets there, as the
            # Markdown export writes it.
            leader="\u2014",
            leader_colour=Rgb.hex("#c8c8c8"),
            min_leader=size * 1.0,
            body=body,
            bullet="•",
            bullet_indent=size * 0.25,
            bullet_text_indent=size * 1.1,
            link_colour=accent,
            note=text(rhythm.note, muted, face=Face.ITALIC, alignment=Alignment.RIGHT),
            closing_before=rhythm.closing_before,
            footer=text((size * 0.8, leading), muted, face=Face.ITALIC, alignment=Alignment.CENTRE),
            rhythm=rhythm,
        )

    def entry_gap(self, entry: EntryView, position: int) -> float:
        return self.rhythm.entry_gap(entry, position)
