"""Blocks: what the page builder stacks. Each knows its height and the space it wants
around it; a text block can be split between its lines across a page break.

A block carries its place in the structure tree: the elements it opens before it is
drawn and how many it closes after (lists and list items need no blocks of their own),
and the :class:`Slot` of the element its text belongs to, which the parts of a split
block, or the two lines of a stacked heading, share.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from resumeout.exporters.pdf.breaking import SetLine
from resumeout.exporters.pdf.look import Rgb, TextLook
from resumeout.exporters.pdf.runs import StyledRun
from resumeout.exporters.pdf.tagging import Element
from resumeout.model.layout import TitleRule


@dataclass(eq=False)
class Slot:
    """The structure element of some text, made when the text is first drawn."""

    role: str
    element: Element | None = None


@dataclass(frozen=True, slots=True)
class Tags:
    opens: tuple[str, ...] = ()
    """Elements opened before the block, outermost first."""
    closes: int = 0
    """Elements closed after it."""


@dataclass(frozen=True, slots=True)
class Spacing:
    before: float = 0.0
    after: float = 0.0


@dataclass(frozen=True, slots=True)
class Bullet:
    glyph: StyledRun
    indent: float


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines of one paragraph, aligned in the text width; the first baseline is one
    font size below the top, the next ones a leading apart."""

    lines: tuple[SetLine, ...]
    look: TextLook
    slot: Slot
    indent: float = 0.0
    """Where every line starts: a bullet's hanging indent, a section title's over a
    date column."""
    bullet: Bullet | None = None
    spacing: Spacing = Spacing()
    tags: Tags = Tags()

    @property
    def height(self) -> float:
        return len(self.lines) * self.look.leading

    def split(self, room: float) -> tuple[TextBlock, TextBlock] | None:
        """The lines that fit in ``room``, and the rest; None if not even one fits or
        all do."""
        count = int((room + 1e-6) // self.look.leading)
        if count < 1 or count >= len(self.lines):
            return None
        head = replace(
            self,
            lines=self.lines[:count],
            spacing=Spacing(self.spacing.before, 0.0),
            tags=Tags(self.tags.opens, 0),
        )
        tail = replace(
            self,
            lines=self.lines[count:],
            bullet=None,
            spacing=Spacing(0.0, self.spacing.after),
            tags=Tags((), self.tags.closes),
        )
        return head, tail


@dataclass(frozen=True, slots=True)
class Leader:
    """Stretched across the gap between a heading and its aside."""

    glyph: StyledRun
    space: StyledRun
    """The real space on either side of the leader."""


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """An entry's heading and its aside on one baseline, a leader between: drawn as one
    text object, so that every text reader reads them as one line, in order."""

    heading: SetLine
    aside: SetLine
    leader: Leader
    look: TextLook
    slot: Slot
    spacing: Spacing = Spacing()
    tags: Tags = Tags()

    @property
    def height(self) -> float:
        return self.look.leading


@dataclass(frozen=True, slots=True)
class ColumnHeading:
    """An entry's heading with its aside (dates, place) flush right in a column on its
    left: each row drawn as one text object on one baseline, the aside first, so that
    every text reader reads the row as one line, the dates before the heading. The
    aside ends ``gap`` before the heading: close enough that no reader takes the column
    for a table of its own. In a right-to-left document all of it is mirrored: the
    column at the right, the aside flush left in it (see :mod:`.mirrored`)."""

    aside: tuple[SetLine, ...]
    heading: tuple[SetLine, ...]
    look: TextLook
    column: float
    """Where the heading starts, from the left of the text box."""
    gap: float
    slot: Slot
    spacing: Spacing = Spacing()
    tags: Tags = Tags()

    @property
    def height(self) -> float:
        return max(len(self.aside), len(self.heading)) * self.look.leading


@dataclass(frozen=True, slots=True)
class Rule:
    placement: TitleRule
    colour: Rgb
    weight: float
    gap: float
    """Between the title and the rule."""

    @property
    def above(self) -> float:
        """The room the rule takes over the title's line."""
        match self.placement:
            case "above":
                return self.weight + self.gap
            case "below" | "beside" | "none":
                return 0.0
            case _:
                assert_never(self.placement)

    @property
    def below(self) -> float:
        """The room the rule takes under the title's line."""
        match self.placement:
            case "below":
                return self.gap + self.weight
            case "above" | "beside" | "none":
                return 0.0
            case _:
                assert_never(self.placement)


@dataclass(frozen=True, slots=True)
class SectionTitle:
    """A section title with its rule; a bookmark in the outline."""

    text: TextBlock
    rule: Rule
    title: str
    """The title as the outline shows it."""
    bookmark: str
    """The bookmark's unique key."""
    spacing: Spacing = Spacing()
    tags: Tags = Tags()

    @property
    def height(self) -> float:
        return self.rule.above + self.text.height + self.rule.below


Block = TextBlock | HeadingLine | ColumnHeading | SectionTitle


def nest(blocks: list[Block], *roles: str) -> list[Block]:
    """``blocks`` inside new elements ``roles`` (outermost first)."""
    if not blocks:
        return blocks
    nested = list(blocks)
    first = nested[0]
    nested[0] = replace(first, tags=Tags((*roles, *first.tags.opens), first.tags.closes))
    last = nested[-1]
    nested[-1] = replace(last, tags=Tags(last.tags.opens, last.tags.closes + len(roles)))
    return nested
