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

from reportlab.pdfbase import pdfmetrics

from resumeout.exporters.fontfiles import FontFile, FontNotFoundError, find_family
from resumeout.exporters.pdf.scripts.detect import needs_shaping_in
from resumeout.exporters.pdf.scripts.direction import Direction

if TYPE_CHECKING:
    from resumeout.exporters.pdf.runs import Pen, StyledRun
    from resumeout.exporters.pdf.scripts import ScriptSetter

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
    direction of that piece)."""

    def __init__(self, setter: ScriptSetter, direction: Direction) -> None:
        self.setter = setter
        self.direction: Direction = direction
        self._siblings: dict[Direction, ScriptRunSetter] = {direction: self}

    def towards(self, direction: Direction) -> ScriptRunSetter:
        """The same face set in ``direction`` (one object per direction, so that runs
        of one style still compare equal)."""
        sibling = self._siblings.get(direction)
        if sibling is None:
            sibling = ScriptRunSetter(self.setter, direction)
            sibling._siblings = self._siblings
            self._siblings[direction] = sibling
        return sibling

    def width(self, run: StyledRun) -> float:
        return self.setter.measure(run.text, run.size, self.direction)

    def breaks(self, text: str) -> list[int]:
        """Offsets where a line may end before ``text[i]`` (never inside a cluster;
        between CJK characters; between Thai words with ICU)."""
        return self.setter.break_opportunities(text)

    def draw(self, pen: Pen, run: StyledRun) -> None:
        from resumeout.exporters.pdf.scripts.drawing import text_operators

        line = self.setter.set(run.text, run.size, self.direction)
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
        for shaped, at in placed:
            text, painted = text_operators(pen.document, shaped, at, y)
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
            chain = FontChain(file, self._found_fallbacks(), self.base_dir, bold=bold)
            # Missing characters are collected and reported (or refused) once the whole
            # document is set, all of them at once.
            script_setter = ScriptSetter(chain, language=self.language, allow_missing=True)
            setter = self._setters[style] = ScriptRunSetter(script_setter, self.direction)
        return setter

    def _found_fallbacks(self) -> list[str]:
        found = []
        for name in self.fallback_fonts:
            try:
                find_family(name, self.base_dir)
            except FontNotFoundError as error:
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
