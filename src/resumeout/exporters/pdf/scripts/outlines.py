"""A glyph's outline as PDF path operators, for glyphs that must draw but not read.

When a font draws one character as several glyphs (Thai SARA AM as NIKHAHIT and SARA
AA, a decomposed accent), the text layer has fewer characters than glyphs. Each
character goes to one glyph's CID; the glyphs left over are painted as paths, so no
reader finds an unmapped code (pdfminer would print ``(cid:N)``, others U+FFFD).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fontTools.pens.basePen import BasePen

from resumeout.exporters.pdf.scripts.faces import Face
from resumeout.exporters.pdf.scripts.numbers import number


class _PdfPathPen(BasePen):  # type: ignore[misc]
    """Collects a glyph as ``m``/``l``/``c``/``h`` operators, in font units; BasePen
    turns TrueType's quadratic curves into cubic ones."""

    def __init__(self, glyph_set: Any) -> None:
        super().__init__(glyph_set)
        self.operators: list[str] = []

    def _moveTo(self, point: tuple[float, float]) -> None:  # noqa: N802 - fontTools' name
        self.operators.append(f"{number(point[0])} {number(point[1])} m")

    def _lineTo(self, point: tuple[float, float]) -> None:  # noqa: N802
        self.operators.append(f"{number(point[0])} {number(point[1])} l")

    def _curveToOne(  # noqa: N802
        self, first: tuple[float, float], second: tuple[float, float], end: tuple[float, float]
    ) -> None:
        coordinates = " ".join(f"{number(x)} {number(y)}" for x, y in (first, second, end))
        self.operators.append(f"{coordinates} c")

    def _closePath(self) -> None:  # noqa: N802
        self.operators.append("h")


@cache
def _glyph_set(face: Face) -> Any:
    return face.open().getGlyphSet(location=face.variations or None)


@cache
def glyph_path(face: Face, glyph_id: int) -> str:
    """The outline of ``glyph_id`` in font units, filled with the non-zero rule."""
    glyph_set = _glyph_set(face)
    pen = _PdfPathPen(glyph_set)
    glyph_set[_glyph_order(face)[glyph_id]].draw(pen)
    return " ".join([*pen.operators, "f"]) if pen.operators else ""


@cache
def _glyph_order(face: Face) -> tuple[str, ...]:
    return tuple(face.open().getGlyphOrder())


def painted_glyph(
    face: Face, glyph_id: int, x: float, y: float, size: float, stretch: float = 1.0
) -> str:
    """Operators that paint the glyph at (x, y), ``size`` points to the em, its width
    times ``stretch`` (as ``Tz`` would scale it)."""
    path = glyph_path(face, glyph_id)
    if not path:
        return ""
    scale = size / face.units_per_em
    return f"q {number(scale * stretch)} 0 0 {number(scale)} {number(x)} {number(y)} cm {path} Q"
