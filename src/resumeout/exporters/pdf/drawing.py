"""Drawing placed blocks on the canvas, tagged: every piece of text inside marked
content of its structure element, rules, leaders and footers as artifacts, a link
annotation for each piece of a link on each line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import assert_never

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from resumeout.exporters.pdf.blocks import (
    Block,
    Bullet,
    ColumnHeading,
    HeadingLine,
    SectionTitle,
    Slot,
    TextBlock,
)
from resumeout.exporters.pdf.breaking import SetLine
from resumeout.exporters.pdf.canvas import TaggedCanvas
from resumeout.exporters.pdf.guessed_direction import (
    Between,
    blank_span,
    leading_neutrals,
    neutral_prefix,
    reaching,
    reads_backwards,
)
from resumeout.exporters.pdf.line_order import (
    PlacedPiece,
    between,
    first_written,
    last_glyph,
    placed_runs,
    written_after,
    written_start,
)
from resumeout.exporters.pdf.look import Alignment, Box, Direction, TextLook
from resumeout.exporters.pdf.mirrored import (
    draw_column_heading_right_to_left,
    draw_heading_right_to_left,
)
from resumeout.exporters.pdf.pages import Placed
from resumeout.exporters.pdf.runs import SIMPLE, Pen, StyledRun
from resumeout.exporters.pdf.shaped import ScriptRunSetter
from resumeout.exporters.pdf.tagging import Element, Tagger

_Link = tuple[str, float, float, float, float]
"""A link's target and its rectangle: left, bottom, right, top."""
_BESIDE = 0.32
"""A rule beside a title sits this share of the title's line height above the line's
bottom: across the middle of its lower-case letters."""
_HAIR = 0.005
"""The width, in ems, of a blank that carries a character read elsewhere than drawn."""
_COLUMN_GAP = 1.0
"""The gap (ems) pdftotext takes for one between columns (poppler's minColSpacing2)."""
_WIDEST_EMS = 30.0
"""The widest (ems) a carried space is made: within the 65,535 units a blank may be in
fonts of up to 2,184 units to the em."""


class Painter:
    def __init__(self, canvas: TaggedCanvas, box: Box) -> None:
        self.canvas = canvas
        self.box = box
        self.tagger: Tagger = canvas.tagger

    def page(self, placed: list[Placed]) -> None:
        for item in placed:
            for role in item.block.tags.opens:
                self.tagger.begin(role)
            self.block(item.block, item.top)
            for _ in range(item.block.tags.closes):
                self.tagger.end()

    def block(self, block: Block, top: float) -> None:
        match block:
            case TextBlock():
                self.text(block, top)
            case HeadingLine():
                self.heading_line(block, top)
            case ColumnHeading():
                self.column_heading(block, top)
            case SectionTitle():
                self.section_title(block, top)
            case _:
                assert_never(block)

    def element(self, slot: Slot) -> Element:
        if slot.element is None:
            slot.element = self.tagger.leaf(slot.role)
        return slot.element

    def text(self, block: TextBlock, top: float) -> None:
        element = self.element(block.slot)
        rightwards = block.look.direction is Direction.LEFT_TO_RIGHT
        if rightwards:  # written before the line: where it starts
            self._reach_left_if_set_away(block, top)
        with self.tagger.content(self.canvas, element), self._state():
            links = self.lines(block, self.box.left, self.box.width, top)
        if not rightwards:  # written after the line: where it ends
            self._reach_left_if_set_away(block, top)
        self._links(element, links)

    def lines(self, block: TextBlock, left: float, width: float, top: float) -> list[_Link]:
        """Draw ``block``'s lines as one text object in the box from ``left``, ``width``
        wide; the links drawn."""
        look, canvas = block.look, self.canvas
        # Begun on the first baseline, not at the block's top: a reader that compares
        # each text position with the one before (pypdf) then sees one move down by a
        # whole line, not two smaller ones that it would take for the same line.
        pen = Pen(canvas.beginText(left, top - look.size))
        links: list[_Link] = []
        start, end = left, left + width
        match look.direction:
            case Direction.LEFT_TO_RIGHT:
                start += block.indent
            case Direction.RIGHT_TO_LEFT:
                end -= block.indent
            case _:
                assert_never(look.direction)
        for number, line in enumerate(block.lines):
            baseline = top - look.size - number * look.leading
            x = _aligned(look, start, end, line.width)
            if number == 0 and block.bullet:
                self._bullet(pen, block.bullet, look, (left, left + width), line, x, baseline)
            links += self._draw(pen, line, x, baseline, look)
        pen.draw_on(canvas)
        return links

    def _bullet(
        self,
        pen: Pen,
        bullet: Bullet,
        look: TextLook,
        box: tuple[float, float],
        line: SetLine,
        x: float,
        baseline: float,
    ) -> None:
        """The bullet glyph before the first line. In a right-to-left paragraph the space
        after it (at its left) is stretched to where the text starts: pdfminer.six joins
        a letter to the line only when the gap before it is less than twice the wider
        of the two, and a narrow first letter (the initial ب) would leave the bullet on a
        line of its own and the text read elsewhere."""
        glyph = bullet.glyph
        at = _from_start(look, *box, bullet.indent, glyph.width())
        mark = glyph.text.rstrip(" ")
        if look.direction is Direction.LEFT_TO_RIGHT or mark == glyph.text or not mark:
            self._draw(pen, SetLine((glyph,), glyph.width()), at, baseline, look)
            return
        drawn = glyph.with_text(mark)
        mark_at = at + glyph.width() - drawn.width()
        self._draw(pen, SetLine((drawn,), drawn.width()), mark_at, baseline, look)
        space = glyph.with_text(" ")
        text_end = x + line.width  # where a right-to-left line starts
        gap = max(mark_at - text_end, space.width())
        first = first_written(line.runs, x, look.direction)
        self._draw_space(
            pen,
            PlacedPiece(space, mark_at - gap, gap, (mark_at - gap, mark_at)),
            baseline,
            written_after(PlacedPiece(drawn, mark_at), *first),
            blank=not reads_backwards("".join(run.text for run in line.runs)),
        )

    def _draw(
        self, pen: Pen, line: SetLine, x: float, baseline: float, look: TextLook
    ) -> list[_Link]:
        placed = placed_runs(line.runs, x, look.direction)
        if placed is not None:  # right-to-left text: each piece at its place (bidi)
            return self._draw_placed(pen, placed, baseline)
        pen.move_to(x, baseline)
        return self._show(pen, line.runs, x, baseline)

    def _go_on(self, pen: Pen, line: SetLine, x: float, baseline: float) -> list[_Link]:
        """A left-to-right line's part that starts where the pen is, at ``x``; where it
        holds right-to-left text, each piece at its place (bidi), and the pen put back
        at its end."""
        placed = placed_runs(line.runs, x, Direction.LEFT_TO_RIGHT)
        if placed is None:
            return self._show(pen, line.runs, x, baseline)
        links = self._draw_placed(pen, placed, baseline)
        pen.move_to(x + line.width, baseline)
        return links

    def _draw_placed(self, pen: Pen, placed: list[PlacedPiece], baseline: float) -> list[_Link]:
        links: list[_Link] = []
        # Blanks where a reader guessing each glyph's direction reads the line whole;
        # none in a line it reads as written backwards (see reads_backwards).
        blanks = not reads_backwards("".join(piece.run.text for piece in placed))
        carried: dict[int, int] = {}  # piece → how many of its first characters are written
        for index, piece in enumerate(placed):
            if blanks and index > 0 and index not in carried:
                carried |= self._carry(pen, placed, index, baseline)
            done = carried.pop(index, 0)
            if piece.stands is None:
                if done:
                    # No move written to the piece's left end: pypdf would read the
                    # move on to where its writing starts as a gap after the carried
                    # characters, and a space there (its first glyph sets its place).
                    pen.place(piece.x, baseline)
                else:
                    pen.move_to(piece.x, baseline)
                links += self._show(pen, (piece.run,), piece.x, baseline, done)
                continue
            if not done:
                around = None
                if blanks and 0 < index < len(placed) - 1:
                    around = between(placed[index - 1], placed[index + 1])
                self._draw_space(pen, piece, baseline, around, blank=blanks)
            if piece.run.url:  # the link covers where the space stands, not its stretch
                left, right = piece.stands
                links.append(_link(piece.run, left, right - left, baseline))
        return links

    def _carry(
        self, pen: Pen, placed: list[PlacedPiece], index: int, baseline: float
    ) -> dict[int, int]:
        """Where the writing goes on leftwards after a number or a Latin word in a
        right-to-left line (``2021 – حتى الآن``, ``42، شركة``), the spaces and punctuation
        between it and the next right-to-left letter (in the pieces from ``index`` on)
        written as blanks at the end of that word, their glyphs painted where they
        show; for each piece so written, how many of its first characters (empty:
        nothing written).

        PyMuPDF reads those characters left to right, as the digit before them, and
        starts a new line where they are written far to its left; after the blanks the
        next glyph it reads is a right-to-left letter, and it never starts a line where
        the direction changes. pdfminer.six cut the line, and pypdf read a space, where
        the writing jumped back.
        """
        if pen.guessed_right_to_left or placed[index - 1].is_space:
            return {}  # from the end of a word only
        taken: dict[int, int] = {}
        text = ""
        for at in range(index, len(placed)):
            piece = placed[at]
            setter = piece.run.setter
            if not isinstance(setter, ScriptRunSetter):
                return {}
            if piece.is_space:
                taken[at], text = len(piece.run.text), text + piece.run.text
                continue
            if setter.direction != "rtl":
                return {}
            neutrals = neutral_prefix(piece.run.text)
            if neutrals == piece.run.text:  # punctuation only: on to the next piece
                taken[at], text = len(neutrals), text + neutrals
                continue
            if leading_neutrals(piece.run.text) != neutrals:
                return {}  # what follows is not read right to left
            if neutrals:
                taken[at], text = len(neutrals), text + neutrals
            letter = written_start(piece) - piece.run.with_text(neutrals).width()
            break
        else:
            return {}
        if not text.strip():
            return {}  # spaces only: blank_span places them
        run = placed[at].run
        if run.with_text(text).width() >= _COLUMN_GAP * run.size:
            # pdftotext would take the gap they leave where they show (it reads no
            # painted glyph, and skips spaces) for one between columns.
            return {}
        _, end = last_glyph(placed[index - 1])
        if letter >= end:
            return {}
        # A blank a character, each a hair wide, in the space before the word (pdftotext
        # reads a character where it stands, and starts a new line where one overlaps
        # another); but a last space as wide as pdfminer.six needs to join the next
        # glyph to it (nearer than twice the wider one's width).
        characters = [run.with_text(character) for character in text]
        if any(setter.blank_face(character) is None for character in characters):
            return {}  # a character no font has (--allow-missing-glyphs)
        pen.place(end, baseline)
        for character in characters:
            width = _HAIR * run.size
            if character is characters[-1] and character.text == " ":
                wide = reaching(pen.x, letter, character.width())
                width = min(wide, _WIDEST_EMS * run.size)
            setter.draw_blank(pen, character, width)
        return taken

    def _draw_space(
        self,
        pen: Pen,
        space: PlacedPiece,
        baseline: float,
        around: Between | None = None,
        *,
        blank: bool = True,
    ) -> None:
        """A space at its place, as wide as it is stretched (else the font's space
        scaled; a font's space of no width is drawn as it is); or, where its font is one
        of the scripts toolkit's, a blank glyph, which goes where PyMuPDF reads it on
        its line after the glyph before it and before the glyph after it (``around``;
        see :mod:`.guessed_direction`); with ``blank`` False, always scaled."""
        natural = space.run.width()
        setter = space.run.setter
        if isinstance(setter, ScriptRunSetter) and blank:
            left, width = space.x, space.stretched_width
            if around is not None:
                right_to_left = pen.guessed_right_to_left
                span = blank_span(
                    around, own=natural, size=space.run.size, right_to_left=right_to_left
                )
                left, width = span or (left, width)
            pen.move_to(left, baseline)
            if abs(width - natural) <= 0.01:
                setter.draw(pen, space.run)
                return
            if setter.draw_blank(pen, space.run, width):
                return
        pen.move_to(space.x, baseline)
        if natural > 0:
            pen.scale(100.0 * space.stretched_width / natural)
        space.run.setter.draw(pen, space.run)
        pen.scale(100.0)

    def _show(
        self,
        pen: Pen,
        runs: tuple[StyledRun, ...],
        x: float,
        baseline: float,
        carried: int = 0,
    ) -> list[_Link]:
        """The runs from the pen; the first ``carried`` characters of the first one
        written already (see :meth:`_carry`), their glyphs painted."""
        links: list[_Link] = []
        for run in runs:
            width = run.width()
            if carried and isinstance(run.setter, ScriptRunSetter):
                run.setter.draw(pen, run, carried)
                carried = 0
            else:
                run.setter.draw(pen, run)
            if run.url:
                link = _link(run, x, width, baseline)
                if links and links[-1][0] == run.url and abs(links[-1][3] - x) < 1e-6:
                    # The link goes on in another style: one rectangle for both.
                    url, left, low, _, high = links[-1]
                    links[-1] = (url, left, min(low, link[2]), x + width, max(high, link[4]))
                else:
                    links.append(link)
            x += width
        return links

    def _links(self, element: Element, links: list[_Link]) -> None:
        with self.tagger.within(element):  # the Link elements belong to the text
            for url, *rect in links:
                self.canvas.linkURL(url, tuple(rect), relative=0, thickness=0)

    @contextmanager
    def _state(self) -> Iterator[None]:
        """Colour and scaling are graphics state: keep them inside."""
        self.canvas.saveState()
        try:
            yield
        finally:
            self.canvas.restoreState()

    def heading_line(self, block: HeadingLine, top: float) -> None:
        """Heading, space, leader, space, aside: one text object on one baseline. Marked
        content may nest inside a text object: the words are the element's content, the
        leader between them an artifact. Every common text extractor then reads one line
        in that order: they split a line at a wide empty gap or at a second text object,
        not inside a run of visible glyphs."""
        look, box, canvas = block.look, self.box, self.canvas
        if look.direction is Direction.RIGHT_TO_LEFT:
            draw_heading_right_to_left(self, block, top)
            return
        element, page = self.element(block.slot), canvas.getPageNumber()
        leader, space = block.leader.glyph, block.leader.space
        space_width = space.width()
        leader_start = block.heading.width + space_width
        leader_width = box.width - block.aside.width - space_width - leader_start
        baseline = top - look.size
        pen = Pen(canvas.beginText(box.left, baseline))
        with self.tagger.mark(pen.code, page, element):
            links = self._go_on(pen, block.heading, box.left, baseline)
            space.setter.draw(pen, space)
        with self.tagger.artifact(pen.code):
            pen.scale(100.0 * leader_width / leader.width())
            leader.setter.draw(pen, leader)
            pen.scale(100.0)
        with self.tagger.mark(pen.code, page, element):
            space.setter.draw(pen, space)
            aside_left = box.left + box.width - block.aside.width
            links += self._go_on(pen, block.aside, aside_left, baseline)
        with self._state():
            pen.draw_on(canvas, artifact=True)
        self._links(element, links)

    def column_heading(self, block: ColumnHeading, top: float) -> None:
        """Row by row, the aside flush right in the column, then the heading, in one
        text object. Between them a space stretched across the gap, so that a reader
        that joins glyphs into lines by their distance finds no gap to split the line
        at, and reads one space there."""
        look, box, canvas = block.look, self.box, self.canvas
        if look.direction is Direction.RIGHT_TO_LEFT:
            draw_column_heading_right_to_left(self, block, top)
            return
        element = self.element(block.slot)
        pen = Pen(canvas.beginText(box.left, top - look.size))
        links: list[_Link] = []
        start = box.left + block.column
        with self.tagger.content(canvas, element), self._state():
            for row in range(max(len(block.aside), len(block.heading))):
                baseline = top - look.size - row * look.leading
                if row < len(block.aside):
                    aside = block.aside[row]
                    x = start - block.gap - aside.width
                    links += self._draw(pen, aside, x, baseline, look)
                    if row < len(block.heading) and aside.runs:
                        space = aside.runs[-1].with_text(" ")
                        pen.scale(100.0 * block.gap / space.width())
                        space.setter.draw(pen, space)
                        pen.scale(100.0)
                if row < len(block.heading):
                    links += self._draw(pen, block.heading[row], start, baseline, look)
            pen.draw_on(canvas)
        self._links(element, links)

    def section_title(self, block: SectionTitle, top: float) -> None:
        rule, box, canvas = block.rule, self.box, self.canvas
        text_top = top - rule.above
        self.text(block.text, text_top)
        height = block.text.height
        left, right = box.left, box.left + box.width
        start, end = left + block.text.indent, right
        match rule.placement:
            case "beside":
                start += max((line.width for line in block.text.lines), default=0.0) + rule.gap
                y = text_top - height + height * _BESIDE
            case "below":
                y = text_top - height - rule.gap - rule.weight / 2
            case "above":
                y = top - rule.weight / 2
            case "none":
                start = end
            case _:
                assert_never(rule.placement)
        if block.text.look.direction is Direction.RIGHT_TO_LEFT and start < end:  # title at right
            start, end = left + (right - end), right - (start - left)
        if start < end:
            with self.tagger.artifact(canvas._code), self._state():
                canvas.setStrokeColorRGB(rule.colour.red, rule.colour.green, rule.colour.blue)
                canvas.setLineWidth(rule.weight)
                canvas.line(start, y, end, y)
        canvas.bookmarkPage(block.bookmark)
        canvas.addOutlineEntry(block.title, block.bookmark, level=0, closed=False)

    def _reach_left_if_set_away(self, block: TextBlock, top: float) -> None:
        """A line of its own that does not start at the left of the text box, reaching
        there (:meth:`reach_left`): in a right-to-left document every such line aligned
        right or centred (a title, the name, the contacts, a bullet); in a
        left-to-right one a centred header's lines (the name is shorter than its
        contacts), the contacts aligned right (a split header) and a title set over a
        date column."""
        look = block.look
        if len(block.lines) != 1 or not block.lines[0].runs:
            return
        line = block.lines[0]
        if look.direction is Direction.RIGHT_TO_LEFT:
            start, end = self.box.left, self.box.left + self.box.width - block.indent
            if look.alignment is Alignment.LEFT:
                return
            font_of = line.runs[-1]
        else:
            start, end = self.box.left + block.indent, self.box.left + self.box.width
            title_over_column = block.slot.role == "H2" and block.indent > 0
            set_away = look.alignment is not Alignment.LEFT or title_over_column
            if block.bullet is not None or not set_away:
                return
            font_of = line.runs[0]
        text_left = _aligned(look, start, end, line.width)
        self.reach_left(text_left, top - look.size, font_of, look.leading)

    def reach_left(
        self, text_left: float, baseline: float, font_of: StyledRun, leading: float
    ) -> None:
        """A blank space from the left of the text box to ``text_left``, where a line
        starts (left to right, written before it) or ends (right to left, written after
        it), drawn as an artifact (nothing for a screen reader). pdfminer.six orders
        the boxes it reads by their left edge as well as by their height: a short title
        at the right, over a heading line that starts far to its left, is read after
        that line; reaching as far left as it does, it is read before it. ``font_of``: the
        run whose font the space is drawn in (the line's first, as read)."""
        box, canvas = self.box, self.canvas
        # At most half a line high: a space as tall as a large name would reach into
        # the line below, which pdfminer.six would then join to the name's line.
        size = min(font_of.size, leading / 2)
        # The font's own space, drawn plainly: never shaped, never stroked as a bold
        # face drawn from a regular font is.
        space = StyledRun(" ", font_of.font, size, font_of.colour, None, SIMPLE)
        gap = text_left - box.left
        if gap <= space.width():
            return
        with self.tagger.artifact(canvas._code), self._state():
            pen = Pen(canvas.beginText(box.left, baseline))
            stretched = PlacedPiece(space, box.left, gap, (box.left, text_left))
            self._draw_space(pen, stretched, baseline)
            pen.draw_on(canvas)

    def footer(self, block: TextBlock, bottom_margin: float) -> None:
        """Page furniture, centred across the page in the bottom margin."""
        page_width = self.canvas._pagesize[0]
        bottom = max(6.0, (bottom_margin - block.height) / 2)
        with self.tagger.artifact(self.canvas._code, "Pagination"), self._state():
            self.lines(block, 0.0, page_width, bottom + block.height)


def _link(run: StyledRun, x: float, width: float, baseline: float) -> _Link:
    """The rectangle of ``run``'s link, ``width`` from ``x``, its font's height."""
    assert run.url is not None
    ascent, descent = getAscentDescent(run.font, run.size)
    return (run.url, x, baseline + descent, x + width, baseline + ascent)


def _aligned(look: TextLook, start: float, end: float, width: float) -> float:
    """Where a line of ``width`` starts between ``start`` and ``end``."""
    match look.alignment:
        case Alignment.LEFT:
            return start
        case Alignment.RIGHT:
            return end - width
        case Alignment.CENTRE:
            return start + (end - start - width) / 2
        case _:
            assert_never(look.alignment)


def _from_start(look: TextLook, left: float, right: float, offset: float, width: float) -> float:
    """Where something ``width`` wide, ``offset`` from the start of a line, begins."""
    match look.direction:
        case Direction.LEFT_TO_RIGHT:
            return left + offset
        case Direction.RIGHT_TO_LEFT:
            return right - offset - width
        case _:
            assert_never(look.direction)
