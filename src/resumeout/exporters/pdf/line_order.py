"""Where each run of a line goes when the line holds right-to-left text: the Unicode
Bidirectional Algorithm over the whole line, across its styled runs.

The runs are cut where the resolved level changes; the pieces are placed left to right
in visual order (rule L2) and handed back in the order typed, each with its place, so
that the content stream keeps the typed order (what readers that follow the stream
read) while the page shows the visual one. A line of left-to-right text in a
left-to-right paragraph is not touched: it is drawn as it always was.

The writing therefore jumps where the direction changes: from the left end of an
Arabic word to the left end of the Latin word drawn beside it. A reader that joins
glyphs into lines by their distance (pdfminer.six) cuts the line there and files the
Latin word elsewhere, and pypdf reads a second space. The space typed at the change is
blank, so it is drawn stretched across the jump, from where it stands to where the
writing goes on: the readers find no gap and read the one space typed, where it was
typed; the page does not change. A change with no space typed there (``ב-Python``) is
left as it is, and so is a space after right-to-left words in a left-to-right line
(``חברת נתונים in``): stretched back over the words just written, it makes PyMuPDF
(MuPDF 1.28) read them in reverse. A link covers each space where it stands.

Where the space's font is one of the scripts toolkit's, it is drawn as a blank glyph as
wide as it is stretched, and placed where PyMuPDF, which starts a new line where the
writing jumps far within one direction, reads it and the glyph after it on the line
(:mod:`.guessed_direction`): the Latin word after Arabic ones, and the Arabic word after
a Latin one (``Python و``), stay on their line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resumeout.exporters.pdf.guessed_direction import Between
from resumeout.exporters.pdf.look import Direction
from resumeout.exporters.pdf.runs import StyledRun
from resumeout.exporters.pdf.shaped import ScriptRunSetter
from resumeout.views.direction import MAY_READ_RIGHT_TO_LEFT


@dataclass(frozen=True)
class PlacedPiece:
    """A piece of a line in one direction and where it starts; for a space split off at
    either end of a piece, the width it is drawn at (stretched across a gap in the
    writing order, or its own) and where it stands on the page."""

    run: StyledRun
    x: float
    width: float | None = None
    stands: tuple[float, float] | None = None
    """A space's own place, left and right, whatever it is stretched across: its link
    covers that much."""

    @property
    def stretched_width(self) -> float:
        return self.run.width() if self.width is None else self.width

    @property
    def is_space(self) -> bool:
        """A space split off at either end of a piece, drawn at its own width."""
        return self.stands is not None


def placed_runs(
    runs: Sequence[StyledRun], x: float, direction: Direction
) -> list[PlacedPiece] | None:
    """The pieces of a line that starts at ``x``, in the order typed, each with where
    it starts; None when the runs go left to right one after the other."""
    text = "".join(run.text for run in runs)
    rightwards = direction is Direction.LEFT_TO_RIGHT
    if rightwards and not MAY_READ_RIGHT_TO_LEFT.search(text):
        if all(_rightwards(run) for run in runs):
            return None
        levels = [0] * len(text)  # shaped runs of a right-to-left document, set rightwards
    else:
        from resumeout.exporters.pdf.scripts.direction import embedding_levels

        _, levels = embedding_levels(text, "ltr" if rightwards else "rtl")
    pieces: list[StyledRun] = []
    piece_levels: list[int] = []
    offset = 0
    for run in runs:
        start = offset
        for index in range(offset + 1, offset + len(run.text) + 1):
            if index == offset + len(run.text) or levels[index] != levels[start]:
                pieces.append(_piece(run, run.text[start - offset : index - offset], levels[start]))
                piece_levels.append(levels[start])
                start = index
        offset += len(run.text)
    from resumeout.exporters.pdf.scripts.direction import visual_order

    places = [0.0] * len(pieces)
    for index in visual_order(piece_levels):
        places[index] = x
        x += pieces[index].width()
    placed = [PlacedPiece(piece, place) for piece, place in zip(pieces, places, strict=True)]
    return _bridged(placed)


def written_span(runs: Sequence[StyledRun], x: float, direction: Direction) -> tuple[float, float]:
    """Where the writing of a line that starts at ``x`` begins and where it ends: a
    right-to-left line is written in the order typed, each piece at its place."""
    placed = placed_runs(runs, x, direction)
    if placed is None:
        return x, x + sum(run.width() for run in runs)
    return written_start(placed[0]), written_end(placed[-1])


def last_glyph(piece: PlacedPiece) -> tuple[float, float]:
    """Left and right edges of the glyph of ``piece`` written last (that of its last
    character: its leftmost if written right to left)."""
    last = piece.run.with_text(piece.run.text[-1:]).width() if piece.run.text else 0.0
    if piece.is_space:  # one blank, as wide as it is stretched
        last = piece.stretched_width
    end = written_end(piece)
    return (end, end + last) if _leftwards(piece.run) else (end - last, end)


def between(before: PlacedPiece, after: PlacedPiece) -> Between:
    """What a space written between ``before`` and ``after`` lies between."""
    return written_after(before, written_start(after), after.run.text)


def written_after(before: PlacedPiece, start: float, text: str) -> Between:
    """What a space written after ``before`` and before ``text``, whose writing starts
    at ``start``, lies between."""
    left, right = last_glyph(before)
    return Between(left, right, start, text, before.run.text[-1:].isalnum())


def first_written(runs: Sequence[StyledRun], x: float, direction: Direction) -> tuple[float, str]:
    """Where the writing of a line of ``runs`` that starts at ``x`` starts, and the
    text of the piece written first."""
    placed = placed_runs(runs, x, direction)
    first = placed[0] if placed else PlacedPiece(runs[0], x)
    return written_start(first), first.run.text


def last_written(runs: Sequence[StyledRun], x: float, direction: Direction) -> PlacedPiece:
    """The piece of a line of ``runs`` that starts at ``x`` written last."""
    placed = placed_runs(runs, x, direction)
    if placed:
        return placed[-1]
    return PlacedPiece(runs[-1], x + sum(run.width() for run in runs[:-1]))


def space_across(space: StyledRun, x: float, *points: float) -> PlacedPiece:
    """``space``, which stands at ``x``, stretched to reach each of ``points`` too."""
    placed = PlacedPiece(space, x)
    for point in points:
        placed = _stretched_to(placed, point)
    return placed


_NEAR = 0.5
"""Pieces written one after the other closer than this (points) need no bridge."""


def _bridged(placed: list[PlacedPiece]) -> list[PlacedPiece]:
    """The pieces, with a space at a jump in the writing order stretched across it
    (see the module's docstring)."""
    pieces = [part for piece in placed for part in _spaces_apart(piece)]
    for index in range(len(pieces) - 1):
        before, after = pieces[index], pieces[index + 1]
        end, start = written_end(before), written_start(after)
        if abs(end - start) <= _NEAR:
            continue
        if after.is_space and not (end < after.x and _leftwards(before.run)):
            pieces[index + 1] = _stretched_to(after, end)
        elif before.is_space:
            pieces[index] = _stretched_to(before, start)
    return pieces


def _spaces_apart(piece: PlacedPiece) -> list[PlacedPiece]:
    """The piece, with the spaces written first or last in it as pieces of their own.

    The text between keeps its place and the spaces their widths: nothing on the page
    moves."""
    run, text = piece.run, piece.run.text
    lead, body, tail = _split(text)
    if text and not body:  # spaces only, between two pieces
        own = piece.stretched_width
        return [PlacedPiece(run, piece.x, own, (piece.x, piece.x + own))]
    if not (lead or tail):
        return [piece]
    # Measured with the spaces beside the text, as the piece was: a space alone may be
    # measured in another font than beside the letters it was shaped with.
    body_run = run.with_text(body)
    rest_width = run.with_text(body + tail).width()
    lead_width = max(piece.stretched_width - rest_width, 0.0)
    parts = [
        (run.with_text(lead), lead_width),
        (body_run, None),
        (run.with_text(tail), max(rest_width - body_run.width(), 0.0)),
    ]
    written: list[tuple[StyledRun, float | None]] = [(p, w) for p, w in parts if p.text]
    # Written left to right, the first part is at the left; leftwards, at the right.
    x = piece.x
    placed: list[PlacedPiece] = []
    for part, width in reversed(written) if _leftwards(run) else written:
        if width is None:
            placed.append(PlacedPiece(part, x))
            x += part.width()
        else:
            placed.append(PlacedPiece(part, x, width, (x, x + width)))
            x += width
    return list(reversed(placed)) if _leftwards(run) else placed


def _split(text: str) -> tuple[str, str, str]:
    """The spaces before, the text between, the spaces after."""
    body = text.strip(" ")
    lead = text[: len(text) - len(text.lstrip(" "))]
    tail = text[len(text.rstrip(" ")) :]
    return lead, body, tail


def _leftwards(run: StyledRun) -> bool:
    """Whether the run's glyphs are written from right to left (a shaped right-to-left
    run, in the order typed); a plain run is written left to right."""
    return isinstance(run.setter, ScriptRunSetter) and run.setter.direction == "rtl"


def written_start(piece: PlacedPiece) -> float:
    """Where the piece's writing starts: its right end if written right to left."""
    return piece.x + piece.stretched_width if _leftwards(piece.run) else piece.x


def written_end(piece: PlacedPiece) -> float:
    """Where the piece's writing ends: its left end if written right to left."""
    return piece.x if _leftwards(piece.run) else piece.x + piece.stretched_width


def _stretched_to(space: PlacedPiece, point: float) -> PlacedPiece:
    """``space`` widened to reach ``point``, on whichever side it lies."""
    left = min(space.x, point)
    right = max(space.x + space.stretched_width, point)
    stands = space.stands or (space.x, space.x + space.stretched_width)
    return PlacedPiece(space.run, left, right - left, stands)


def _rightwards(run: StyledRun) -> bool:
    return not isinstance(run.setter, ScriptRunSetter) or run.setter.direction == "ltr"


def _piece(run: StyledRun, text: str, level: int) -> StyledRun:
    rightwards = level % 2 == 0
    if isinstance(run.setter, ScriptRunSetter):
        setter = run.setter.towards("ltr" if rightwards else "rtl")
        return StyledRun(text, run.font, run.size, run.colour, run.url, setter)
    # A plain run at a right-to-left level holds only neutral characters (spaces,
    # punctuation) between right-to-left ones: drawn in reverse.
    return run.with_text(text if rightwards else text[::-1])
