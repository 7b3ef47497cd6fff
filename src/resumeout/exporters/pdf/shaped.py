"""Runs the plain path cannot draw, set through the scripts toolkit (:mod:`.scripts`).

A run comes here when the fast check finds right-to-left letters, marks, Indic, Thai,
CJK, emoji or a character the family lacks (checked against the reportlab font's own
character map, so a Latin résumé loads neither HarfBuzz nor python-bidi nor a second
copy of its font), and every run of a right-to-left document does, so that bidi
mirroring and ordering apply to its punctuation too. Each face of the family has its
own font chain: a bold run falls back to bold fonts.

A shaped run is written into the line's open text object (text operators are allowed
there, BT and ET are not), so that a line stays one text object inside its marked
content, as plain lines are; the few glyphs that are painted rather than written (see
:mod:`.scripts.outlines`) follow the text object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from resumeout.exporters.fontfiles import FontFile, FontNotFoundError, find_family
from resumeout.exporters.pdf.scripts.detect import needs_shaping_in
from resumeout.exporters.pdf.scripts.direction import Direction

if TYPE_CHECKING:
    from resumeout.exporters.pdf.runs import Pen, RunSetter, StyledRun
    from resumeout.exporters.pdf.scripts import ScriptSetter
    from resumeout.exporters.pdf.scripts.faces import Face

Style = tuple[bool, bool]
"""(bold, italic)."""


@cache
def _covered(font: str) -> frozenset[str]:
    """The characters a registered font has (reportlab's registry is per process, and
    its names are the fonts' files)."""
    return frozenset(map(chr, pdfmetrics.getFont(font).face.charToGlyph)) | {"\t", "\n"}


class ScriptRunSetter:
    """Measures, breaks and draws runs of one face through its font chain, with the
    paragraph's direction (or, for a piece of a line the bidi algorithm cut out, the
    direction of that piece), and maybe with the font chosen for its characters in
    their paragraph (:meth:`split`)."""

    def __init__(
        self, setter: ScriptSetter, direction: Direction, face: Face | None = None
    ) -> None:
        self.setter = setter
        self.direction: Direction = direction
        self.face = face
        """The font that draws every character it has (None: chosen from the text)."""
        self._siblings: dict[tuple[Direction, Face | None], ScriptRunSetter] = {
            (direction, face): self
        }

    def towards(self, direction: Direction) -> ScriptRunSetter:
        """The same face set in ``direction`` (one object per direction, so that runs
        of one style still compare equal)."""
        return self._sibling(direction, self.face)

    def split(self, text: str) -> list[tuple[str, ScriptRunSetter]]:
        """``text`` cut where its font changes, each piece with a setter that draws it
        in the font chosen for it in the whole of ``text``.

        A space or a digit takes the font of the text before it, so a word measured
        alone for line breaking could be set in another font than it is drawn in on
        its line (``200`` measured in the document's font, drawn in the CJK font after
        ``超过``, wider): the line would run past the margin. With its font fixed, a
        piece is as wide alone as on any line."""
        return [
            (piece, self._sibling(self.direction, face))
            for piece, face in self.setter.faces_in_context(text, self.direction)
        ]

    def joined(self, pieces: Sequence[tuple[str, RunSetter]]) -> ScriptRunSetter | None:
        """The setter that draws ``pieces`` (cut by :meth:`split`, this setter's one
        first) as one run, each piece in its font; None when the text set alone would
        take another font somewhere (a line that starts with a digit after a break).

        One run a line is what the stream held before pieces had fonts of their own:
        readers that follow the stream (pypdf) read a right-to-left line the better
        for it."""
        text = ""
        faces: list[tuple[str, Face | None]] = []
        for piece, setter in pieces:
            if not isinstance(setter, ScriptRunSetter):
                return None
            if setter._siblings is not self._siblings or setter.direction != self.direction:
                return None
            text += piece
            if faces and faces[-1][1] == setter.face:
                faces[-1] = (faces[-1][0] + piece, setter.face)
            else:
                faces.append((piece, setter.face))
        if self.setter.faces_in_context(text, self.direction) != faces:
            return None
        return self._sibling(self.direction, None)

    def _sibling(self, direction: Direction, face: Face | None) -> ScriptRunSetter:
        sibling = self._siblings.get((direction, face))
        if sibling is None:
            sibling = ScriptRunSetter(self.setter, direction, face)
            sibling._siblings = self._siblings
            self._siblings[direction, face] = sibling
        return sibling

    def width(self, run: StyledRun) -> float:
        return self.setter.measure(run.text, run.size, self.direction, self.face)

    def depth(self, run: StyledRun) -> float:
        """How far below the baseline the run's glyphs reach, in points: the tail of a
        final ي or the dots under it go deeper than any Latin descender."""
        line = self.setter.set(run.text, run.size, self.direction, self.face)
        deepest = 0.0
        for shaped in line.runs:
            font, scale = shaped.face.harfbuzz, shaped.size / shaped.face.units_per_em
            for glyph in shaped.glyphs:
                extents = font.get_glyph_extents(glyph.glyph_id)
                if extents is not None:
                    bottom = (extents.y_bearing + extents.height) * scale + glyph.y_offset
                    deepest = max(deepest, -bottom)
        return deepest

    def breaks(self, text: str) -> list[int]:
        """Offsets where a line may end before ``text[i]`` (never inside a cluster;
        between CJK characters; between Thai words with ICU)."""
        return self.setter.break_opportunities(text)

    def draw_blank(self, pen: Pen, run: StyledRun, width: float) -> bool:
        """Write the run's text where the pen is as one glyph that paints nothing and is
        ``width`` points wide (a space stretched across a gap, a leader's text), leaving
        the pen after it; False (nothing written) when its text takes more than one
        font or no blank is that wide."""
        from resumeout.exporters.pdf.scripts.drawing import blank_operators

        face = self.blank_face(run)
        if face is None:
            return False
        x, y = pen.x, pen.y
        operators = blank_operators(pen.document, face, run.size, run.text, x, y, width)
        if operators is None:
            return False
        pen.insert(operators, [])
        pen.wrote(run.text)
        pen.move_to(x + width, y)
        return True

    def blank_face(self, run: StyledRun) -> Face | None:
        """The face a blank reading the run's text is written in: the one its text is
        set in, or None when it takes more than one (or none has its characters)."""
        line = self.setter.set(run.text, run.size, self.direction, self.face)
        return line.runs[0].face if len(line.runs) == 1 else None

    def paint_stretched(self, pen: Pen, run: StyledRun, x: float, width: float) -> None:
        """Paint the run's glyphs from ``x`` on the pen's baseline, widened to ``width``
        points (as ``Tz`` would), as paths outside the text layer: a leader whose text
        is written apart (:meth:`draw_blank`)."""
        from resumeout.exporters.pdf.scripts.outlines import painted_glyph

        line = self.setter.set(run.text, run.size, self.direction, self.face)
        if line.width <= 0:
            return
        fill = f"{fp_str(run.colour.red, run.colour.green, run.colour.blue)} rg"
        stretch, y, painted = width / line.width, pen.y, []
        for shaped in line.runs:
            advanced = 0.0
            for glyph in shaped.glyphs:
                at = x + (advanced + glyph.x_offset) * stretch
                path = painted_glyph(
                    shaped.face, glyph.glyph_id, at, y + glyph.y_offset, run.size, stretch
                )
                if path:
                    painted.append(f"q {fill} {path} Q")
                advanced += glyph.x_advance
            x += shaped.width * stretch
        pen.insert([], painted)

    def draw(self, pen: Pen, run: StyledRun, painted_before: int = 0) -> None:
        """Draw the run where the pen is; the glyphs of its first ``painted_before``
        characters painted, their text written elsewhere (see :meth:`draw_blank`)."""
        from resumeout.exporters.pdf.scripts.drawing import (
            emboldening_width,
            needs_emboldening,
            text_operators,
        )

        line = self.setter.set(run.text, run.size, self.direction, self.face)
        pen.colour(run.colour)
        x, y = pen.x, pen.y
        placed = []
        for shaped in line.runs:  # left to right on the page
            placed.append((shaped, x))
            x += shaped.width
        # Written in the order typed, each at its place: readers that follow the
        # content stream (PyMuPDF, pdftotext's own bidi) then read a mixed line in
        # logical order.
        placed.sort(key=lambda item: item[0].run.start)
        weight = self.setter.chain.weight
        # Painted glyphs follow the text object, where the fill colour is whatever the
        # line last set (a link's, after a place with marks): each sets its run's own.
        fill = f"{fp_str(run.colour.red, run.colour.green, run.colour.blue)} rg"
        for shaped, at in placed:
            text, painted = text_operators(pen.document, shaped, at, y, painted_before)
            painted = [f"q {fill} {operators} Q" for operators in painted]
            pen.wrote(shaped.run.text)
            if needs_emboldening(shaped.face, weight):
                # The family's fallback for this script has no bold face: drawn bold
                # as browsers draw it, thickened, never drawn twice (the text reads
                # once).
                with pen.outlined(emboldening_width(shaped.size), run.colour):
                    pen.insert(text, painted)
            else:
                pen.insert(text, painted)
        # The pen moves on to the run's right edge for a run drawn after it without a
        # move of its own; a right-to-left run, whose last glyph is its leftmost, is
        # always followed by a move (each piece of a bidi line is placed), and pypdf
        # would read that jump back to the right as a space (``בכיר , חברת``).
        if self.direction == "ltr":
            pen.move_to(pen.x + line.width, y)


@dataclass
class Scripts:
    """The toolkit's setters of one document, one per face, made when first needed."""

    files: Sequence[FontFile]
    """The family's regular, bold, italic and bold-italic files."""
    names: Sequence[str]
    """reportlab's names of those four fonts, in the same order."""
    fallback_fonts: Sequence[str] = ()
    base_dir: Path = Path()
    direction: Direction = "ltr"
    """The document's direction: every paragraph's base direction."""
    language: str | None = None
    warnings: list[str] = field(default_factory=list)
    """Fallback fonts that could not be found."""
    in_use: list[FontFile] = field(default_factory=list)
    """The fallback fonts the document's text is drawn in so far (see
    :class:`~resumeout.exporters.pdf.scripts.chain.FontChain`), shared by its families."""
    _setters: dict[Style, ScriptRunSetter] = field(default_factory=dict)

    def setter_for(self, text: str, font: str) -> ScriptRunSetter | None:
        """The setter for ``text`` in ``font`` (a face of the family), or None when the
        plain path draws it exactly."""
        if font not in self.names:
            return None
        if self.direction == "ltr" and not needs_shaping_in(text, _covered(font)):
            return None
        index = self.names.index(font)
        return self._setter((index in (1, 3), index in (2, 3)))

    @property
    def missing(self) -> list[str]:
        """Characters no font had, drawn as nothing, in the order met (each once)."""
        found: dict[str, None] = {}
        for setter in self._setters.values():
            for item in setter.setter.missing:
                found.setdefault(item.character, None)
        return list(found)

    def _setter(self, style: Style) -> ScriptRunSetter:
        setter = self._setters.get(style)
        if setter is None:
            from resumeout.exporters.pdf.scripts import FontChain, ScriptSetter

            bold, italic = style
            file = self.files[2 * italic + bold]
            chain = FontChain(
                file, self._found_fallbacks(), self.base_dir, bold=bold, in_use=self.in_use
            )
            # Missing characters are collected and reported (or refused) once the whole
            # document is set, all of them at once.
            script_setter = ScriptSetter(chain, language=self.language, allow_missing=True)
            setter = self._setters[style] = ScriptRunSetter(script_setter, self.direction)
        return setter

    def _found_fallbacks(self) -> list[str]:
        from resumeout.exporters.pdf.scripts.faces import UnusableFontError, load_face

        found = []
        for name in self.fallback_fonts:
            try:
                files, _ = find_family(name, self.base_dir)
                regular = files["regular"]
                load_face(regular.path, regular.index)  # a file that is no usable font
            except (FontNotFoundError, UnusableFontError) as error:
                warning = f"design.fallback_fonts: {error}; not used"
                if warning not in self.warnings:
                    self.warnings.append(warning)
                continue
            found.append(name)
        return found


@dataclass
class DocumentScripts:
    """The toolkit's setters for every family a document sets text in (body, headings,
    code): one :class:`Scripts` a family, made when a run of it first needs shaping,
    sharing the document's direction, fallback fonts and warnings."""

    fallback_fonts: Sequence[str] = ()
    base_dir: Path = Path()
    direction: Direction = "ltr"
    warnings: list[str] = field(default_factory=list)
    in_use: list[FontFile] = field(default_factory=list)
    _families: dict[tuple[str, ...], Scripts] = field(default_factory=dict)

    def setter_for(
        self, text: str, font: str, files: Sequence[FontFile], names: Sequence[str]
    ) -> ScriptRunSetter | None:
        """The setter for ``text`` in ``font``, a face of the family of ``files`` (whose
        reportlab names are ``names``), or None when the plain path draws it exactly."""
        key = tuple(names)
        scripts = self._families.get(key)
        if scripts is None:
            scripts = Scripts(
                files,
                names,
                self.fallback_fonts,
                self.base_dir,
                self.direction,
                warnings=self.warnings,
                in_use=self.in_use,
            )
            self._families[key] = scripts
        return scripts.setter_for(text, font)

    @property
    def missing(self) -> list[str]:
        """Characters no font had, in the order met (each once), across the families."""
        found: dict[str, None] = {}
        for scripts in self._families.values():
            found.update(dict.fromkeys(scripts.missing))
        return list(found)
