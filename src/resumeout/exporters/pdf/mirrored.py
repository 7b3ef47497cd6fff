"""An entry's heading line in a right-to-left document: the heading at the right, its
dates at the left, the leader between; or, where the dates go in a column, the column
at the right (see :func:`draw_column_heading_right_to_left`).

As in a left-to-right document it is one text object on one baseline, written in reading
order: the heading (the element's content), a space, the leader (an artifact), a space,
the dates. Readers that follow the content stream read heading then dates on one line:
pypdf (the right-to-left glyphs are written one by one for it, see
:mod:`.scripts.drawing`), pdfminer.six (the space before the dates reaches to where
their writing starts, as a space where a line changes direction does, see
:mod:`.line_order`), and PyMuPDF. PyMuPDF (MuPDF 1.28) starts a new line where, within
one direction, a glyph is written far from where the one before it ends (see
:mod:`.guessed_direction`), and it measured a glyph stretched with ``Tz`` at another
width than drawn: so the leader's text is a blank glyph as wide as the gap, its dash
painted stretched beside it, and each space a blank that reaches from the glyph before
it to the one after it (dates that go on leftwards after a number, ``2020-09 – الآن``,
see ``Painter._carry``). A line with Arabic-Indic digits, which PyMuPDF reverses, keeps
the stretched glyphs: the lines it starts there keep the damage to the number's part.

The dates take their direction from their own first strong character, as HTML's
``dir=auto`` does: "2020-09 – الآن" is right to left, while "2019 – 2021", with no
letter, stays left to right and reads as typed in every reader (a right-to-left
paragraph would show "2021 – 2019", which pdftotext and pdfminer.six then read in
that order). The dates in a column do the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout.exporters.pdf.guessed_direction import Between, reads_backwards
from resumeout.exporters.pdf.line_order import (
    PlacedPiece,
    first_written,
    last_written,
    space_across,
    written_after,
    written_span,
)
from resumeout.exporters.pdf.runs import Pen
from resumeout.exporters.pdf.shaped import ScriptRunSetter
from resumeout.exporters.pdf.writing_direction import in_own_direction

if TYPE_CHECKING:
    from resumeout.exporters.pdf.blocks import ColumnHeading, HeadingLine
    from resumeout.exporters.pdf.breaking import SetLine
    from resumeout.exporters.pdf.drawing import Painter, _Link
    from resumeout.exporters.pdf.look import TextLook
    from resumeout.exporters.pdf.runs import StyledRun


def draw_heading_right_to_left(painter: Painter, block: HeadingLine, top: float) -> None:
    look, box, canvas, tagger = block.look, painter.box, painter.canvas, painter.tagger
    element, page = painter.element(block.slot), canvas.getPageNumber()
    leader, space = block.leader.glyph, block.leader.space
    space_width = space.width()
    right = box.left + box.width
    heading_left = right - block.heading.width
    aside_right = box.left + block.aside.width
    leader_left = aside_right + space_width
    leader_width = heading_left - space_width - leader_left
    baseline = top - look.size
    aside_look = _own(look, (block.aside,))
    blanks = not reads_backwards(_text(block.heading) + _text(block.aside))
    pen = Pen(canvas.beginText(heading_left, baseline))
    with tagger.mark(pen.code, page, element):
        links = painter._draw(pen, block.heading, heading_left, baseline, look)
        space_left = heading_left - space_width
        heading_end = last_written(block.heading.runs, heading_left, look.direction)
        painter._draw_space(
            pen,
            PlacedPiece(space, space_left, space_width, (space_left, heading_left)),
            baseline,
            written_after(heading_end, leader_left + leader_width, leader.text),
            blank=blanks,
        )
    with tagger.artifact(pen.code):
        pen.move_to(leader_left, baseline)
        setter = leader.setter
        # Its text blanks as wide as the gap, its dash painted stretched: PyMuPDF takes
        # a glyph stretched with Tz for one of another width, and starts a line there.
        if not (blanks and _draw_leader(pen, leader, leader_width)):
            pen.scale(100.0 * leader_width / leader.width())
            setter.draw(pen, leader)
            pen.scale(100.0)
    # The space before the dates reaches to where their writing starts (the digits of
    # "2020-09 – الآن" are written first, at the dates' right end): no gap to cut at.
    start, first_text = first_written(block.aside.runs, box.left, aside_look.direction)
    around = Between(leader_left, leader_left + leader_width, start, first_text)
    with tagger.mark(pen.code, page, element):
        bridge = space_across(space, aside_right, start)
        painter._draw_space(pen, bridge, baseline, around, blank=blanks)
        links += painter._draw(pen, block.aside, box.left, baseline, aside_look)
    with painter._state():
        pen.draw_on(canvas, artifact=True)
    painter._links(element, links)


def _draw_leader(pen: Pen, leader: StyledRun, width: float) -> bool:
    """The leader's text as a blank reading its dash, ``width`` wide, and its dash
    painted stretched to ``width``; False (nothing drawn) for a font the scripts
    toolkit does not draw, or a leader wider than a blank may be (65,535 of its font's
    units: 65 ems in most fonts, 32 in one of 2,048 units to the em). Two blanks would
    read as two dashes, and pdftotext takes two wide dashes for words of their own
    and breaks the line up."""
    setter = leader.setter
    if not isinstance(setter, ScriptRunSetter) or not setter.draw_blank(pen, leader, width):
        return False
    setter.paint_stretched(pen, leader, pen.x - width, width)
    return True


def draw_column_heading_right_to_left(painter: Painter, block: ColumnHeading, top: float) -> None:
    """The date column mirrored: at the right of the text box, each row's aside flush
    left in it, ``gap`` after the end of the heading, which is flush right against the
    column, as the entry's lines are. Row by row in one text object, in reading order:
    the aside, a space stretched across the gap (so that a reader that joins glyphs by
    their distance finds no gap to split the row at), the heading."""
    look, box, canvas = block.look, painter.box, painter.canvas
    element = painter.element(block.slot)
    heading_right = box.left + box.width - block.column
    aside_left = heading_right + block.gap
    pen = Pen(canvas.beginText(aside_left, top - look.size))
    links: list[_Link] = []
    dates = _own(look, block.aside)  # one direction for all its rows
    blanks = not reads_backwards("".join(map(_text, (*block.aside, *block.heading))))
    with painter.tagger.content(canvas, element), painter._state():
        for row in range(max(len(block.aside), len(block.heading))):
            baseline = top - look.size - row * look.leading
            if row < len(block.aside):
                aside = block.aside[row]
                links += painter._draw(pen, aside, aside_left, baseline, dates)
                if row < len(block.heading) and aside.runs:
                    # From the end of the aside's writing to the heading's start.
                    _, end = written_span(aside.runs, aside_left, dates.direction)
                    space = aside.runs[-1].with_text(" ")
                    bridge = space_across(space, heading_right, aside_left, end)
                    heading = block.heading[row]
                    around = None
                    if heading.runs and blanks:
                        before = last_written(aside.runs, aside_left, dates.direction)
                        x = heading_right - heading.width
                        around = written_after(
                            before, *first_written(heading.runs, x, look.direction)
                        )
                    painter._draw_space(pen, bridge, baseline, around, blank=blanks)
            if row < len(block.heading):
                heading = block.heading[row]
                links += painter._draw(pen, heading, heading_right - heading.width, baseline, look)
        pen.draw_on(canvas)
    if block.heading and block.heading[0].runs:
        # As a line of its own (Painter.reach_left): the bullets under it reach as far.
        first = block.heading[0]
        left = heading_right - first.width
        painter.reach_left(left, top - look.size, first.runs[-1], look.leading)
    painter._links(element, links)


def _text(line: SetLine) -> str:
    return "".join(run.text for run in line.runs)


def _own(look: TextLook, aside: tuple[SetLine, ...]) -> TextLook:
    """``look`` in the direction of the aside's own first strong character, whichever
    row it is on (see the module's docstring)."""
    return in_own_direction(look, "".join(run.text for row in aside for run in row.runs))
