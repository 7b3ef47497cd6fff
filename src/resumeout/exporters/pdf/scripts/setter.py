"""The run setter: measure and draw a piece of text in any script, as the line layout asks.

One :class:`ScriptSetter` serves one style of text (its :class:`FontChain`) in one
document. The bidi algorithm runs over the text it is given, with the paragraph's
direction when the caller passes it: give it a whole line (or a whole paragraph to
measure) so that runs of both directions are ordered correctly on the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumeout.exporters.pdf.scripts.breaking import break_opportunities
from resumeout.exporters.pdf.scripts.chain import FontChain
from resumeout.exporters.pdf.scripts.detect import needs_shaping
from resumeout.exporters.pdf.scripts.direction import Direction, base_direction, visual_order
from resumeout.exporters.pdf.scripts.drawing import run_operators
from resumeout.exporters.pdf.scripts.faces import Face
from resumeout.exporters.pdf.scripts.itemize import itemize
from resumeout.exporters.pdf.scripts.shaping import ShapedRun, shape


@dataclass(frozen=True)
class MissingCharacter:
    """A character drawn as nothing (``allow_missing``): ``text[offset]``."""

    text: str
    offset: int

    @property
    def character(self) -> str:
        return self.text[self.offset]


@dataclass(frozen=True)
class SetLine:
    """A piece of text shaped and ordered for the page: its runs left to right."""

    runs: tuple[ShapedRun, ...]
    direction: Direction

    @property
    def width(self) -> float:
        return sum(run.width for run in self.runs)


class ScriptSetter:
    """Measures and draws text through itemizing, shaping and CID fonts."""

    def __init__(
        self, chain: FontChain, *, language: str | None = None, allow_missing: bool = False
    ) -> None:
        self.chain = chain
        self.language = language
        self.allow_missing = allow_missing
        self.missing: list[MissingCharacter] = []
        self._lines: dict[tuple[str, float, Direction | None, Face | None], SetLine] = {}

    def needs(self, text: str) -> bool:
        """Whether ``text`` needs this setter (False: the plain path draws it exactly)."""
        return needs_shaping(text, self.chain.primary.characters)

    def direction(self, text: str) -> Direction:
        """A paragraph's direction from its first strong character: right-to-left
        paragraphs are right-aligned."""
        return base_direction(text)

    def break_opportunities(self, text: str) -> list[int]:
        return break_opportunities(text, self.language or "und")

    def set(
        self,
        text: str,
        size: float,
        direction: Direction | None = None,
        face: Face | None = None,
    ) -> SetLine:
        """``text`` shaped at ``size``, runs in visual order; ``face``: the face that
        draws every character it has (see :func:`faces_in_context`). Raises
        :class:`~resumeout.exporters.pdf.scripts.itemize.MissingGlyphError`."""
        key = (text, size, direction, face)
        line = self._lines.get(key)
        if line is None:
            items = itemize(
                text, self.chain, direction, allow_missing=self.allow_missing, face=face
            )
            self.missing.extend(MissingCharacter(text, offset) for offset in items.missing)
            shaped = [shape(run, size, self.language) for run in items.runs]
            order = visual_order([run.level for run in items.runs])
            line = SetLine(tuple(shaped[index] for index in order), items.direction)
            self._lines[key] = line
        return line

    def measure(
        self,
        text: str,
        size: float,
        direction: Direction | None = None,
        face: Face | None = None,
    ) -> float:
        return self.set(text, size, direction, face).width

    def faces_in_context(
        self, text: str, direction: Direction | None = None
    ) -> list[tuple[str, Face | None]]:
        """``text`` cut where its face changes, each piece with the face chosen for it
        in the context of the whole text (None: characters no font has).

        Which face draws a space, a digit or a comma depends on its neighbours, which a
        line breaker that measures word by word does not pass: a piece set with its
        face (``set(piece, …, face=face)``) is drawn in that face wherever a line
        starts or ends, so that the words measured alone add up to the line drawn.
        """
        items = itemize(text, self.chain, direction, allow_missing=True)
        faces: list[Face | None] = [None] * len(text)
        for run in items.runs:
            faces[run.start : run.end] = [run.face] * (run.end - run.start)
        pieces: list[tuple[str, Face | None]] = []
        for char, face in zip(text, faces, strict=True):
            if pieces and pieces[-1][1] == face:
                pieces[-1] = (pieces[-1][0] + char, face)
            else:
                pieces.append((char, face))
        return pieces

    def operators(
        self,
        document: Any,
        text: str,
        x: float,
        y: float,
        size: float,
        direction: Direction | None = None,
    ) -> str:
        """PDF operators drawing ``text`` from (x, y), left end of its baseline (see
        :func:`~resumeout.exporters.pdf.scripts.drawing.run_operators`)."""
        blocks = []
        for run in self.set(text, size, direction).runs:
            blocks.append(run_operators(document, run, x, y))
            x += run.width
        return "\n".join(blocks)

    def draw(
        self,
        canvas: Any,
        text: str,
        x: float,
        y: float,
        size: float,
        direction: Direction | None = None,
    ) -> float:
        """Draw ``text`` on a reportlab canvas from (x, y); returns its width."""
        canvas.addLiteral(self.operators(canvas._doc, text, x, y, size, direction))
        return self.measure(text, size, direction)
