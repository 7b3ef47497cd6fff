"""How far the boxes text readers give a block's words reach past the block.

pdftotext makes each word a box from its font's ascent to its descent, and orders the
boxes of a page by how they overlap. A font made for Arabic (Noto Sans Arabic: 1.37 em
up, 0.74 em down, for its stacked marks) gives boxes much taller than the line they are
on: a section title's box reaches into the line above it. Where the two do not overlap
sideways either (a centred contact line, a title at the right margin), nothing tells
pdftotext which comes first, and on a right-to-left page it reads the title first. So
a section title is set far enough below the block before it that their boxes do not
touch (:func:`clearance`). In the document's own fonts the boxes stay inside their
lines, and nothing moves.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from resumeout.exporters.pdf.blocks import (
    Block,
    ColumnHeading,
    HeadingLine,
    SectionTitle,
    TextBlock,
)
from resumeout.exporters.pdf.breaking import SetLine
from resumeout.exporters.pdf.look import TextLook
from resumeout.exporters.pdf.runs import StyledRun
from resumeout.exporters.pdf.shaped import ScriptRunSetter

# Boxes this far apart are apart for every reader, rounding included.
_MARGIN = 0.5


def clearance(above: Block, below: Block) -> float:
    """The least space between ``above`` and ``below`` at which the boxes of their
    words do not touch (0 or less: any space will do)."""
    return _reach_below(above) + _reach_above(below) + _MARGIN


def _reach_above(block: Block) -> float:
    """How far the first line's word boxes reach above the block's top."""
    match block:
        case TextBlock(lines=lines, look=look):
            return _first_line_reach(lines[:1], look)
        case HeadingLine(heading=heading, aside=aside, look=look):
            return _first_line_reach([heading, aside], look)
        case ColumnHeading(aside=aside, heading=heading, look=look):
            return _first_line_reach([*aside[:1], *heading[:1]], look)
        case SectionTitle(text=text, rule=rule):
            return _reach_above(text) - rule.above


def _reach_below(block: Block) -> float:
    """How far the last line's word boxes reach below the block's bottom."""
    match block:
        case TextBlock(lines=lines, look=look):
            return _last_line_reach(lines[-1:], look)
        case HeadingLine(heading=heading, aside=aside, look=look):
            return _last_line_reach([heading, aside], look)
        case ColumnHeading(aside=aside, heading=heading, look=look):
            # The taller column's last row ends the block; the other's ends above it.
            rows = len(aside) - len(heading)
            last = [*(aside[-1:] if rows >= 0 else ()), *(heading[-1:] if rows <= 0 else ())]
            return _last_line_reach(last, look)
        case SectionTitle(text=text, rule=rule):
            return _reach_below(text) - rule.below


def _first_line_reach(lines: Iterable[SetLine], look: TextLook) -> float:
    # The first baseline is one font size below the block's top.
    ascent = max((_extent(run)[0] for line in lines for run in line.runs), default=0.0)
    return ascent - look.size


def _last_line_reach(lines: Iterable[SetLine], look: TextLook) -> float:
    # The last baseline is a leading less one font size above the block's bottom.
    descent = max((_extent(run)[1] for line in lines for run in line.runs), default=0.0)
    return descent - (look.leading - look.size)


def _extent(run: StyledRun) -> tuple[float, float]:
    """How far the boxes of ``run``'s words reach above and below the baseline, as the
    PDF's font descriptors say (for shaped text, those of every font it is drawn in)."""
    setter = run.setter
    if not isinstance(setter, ScriptRunSetter):
        ascent, descent = getAscentDescent(run.font, run.size)
        return ascent, -descent
    faces = (
        [setter.face]
        if setter.face is not None
        else [face for _, face in setter.setter.faces_in_context(run.text, setter.direction)]
    )
    ascent = descent = 0.0
    for face in faces:
        if face is not None:
            scale = run.size / face.units_per_em
            ascent, descent = max(ascent, face.ascent * scale), max(descent, -face.descent * scale)
    return ascent, descent
