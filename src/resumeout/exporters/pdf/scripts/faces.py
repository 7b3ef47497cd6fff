"""One font file made ready for shaping and embedding: a :class:`Face`.

A variable font is pinned to one instance first (its default, or weight 700 for bold)
with fontTools' instancer: PDF embeds static outlines, and HarfBuzz then shapes with the
same glyphs that are drawn. Faces are cached per process by file, index and weight.
Only TrueType-outline fonts (``glyf``) are used: they embed as CIDFontType2.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont


class UnusableFontError(Exception):
    """The file is not a font this toolkit can shape and embed (e.g. CFF outlines)."""


@dataclass(frozen=True)
class Face:
    """A static TrueType font: its bytes, what it covers and the metrics PDF needs."""

    path: Path
    index: int
    weight: int | None
    data: bytes = field(repr=False)
    """The font file's bytes (a whole collection for a .ttc: see ``data_index``)."""
    data_index: int
    postscript_name: str
    units_per_em: int
    characters: frozenset[int] = field(repr=False)
    advances: tuple[int, ...] = field(repr=False)
    """Advance width of every glyph id, in font units."""
    ascent: int
    descent: int
    cap_height: int
    bounding_box: tuple[int, int, int, int]
    italic_angle: float

    @property
    def key(self) -> str:
        """Names this face in a PDF: file, collection index and instance."""
        weight = f"@{self.weight}" if self.weight is not None else ""
        return f"{self.path}#{self.index}{weight}"

    def covers(self, char: str) -> bool:
        return ord(char) in self.characters

    @cached_property
    def harfbuzz(self) -> Any:
        """The ``uharfbuzz.Font`` (scale: font units), built on first shaping."""
        import uharfbuzz

        return uharfbuzz.Font(uharfbuzz.Face(self.data, self.data_index))

    def open(self) -> TTFont:
        """A fresh fontTools view of the static font (to subset it)."""
        return _read(self.data, self.data_index)


def _read(data: bytes, index: int) -> TTFont:
    # lazy: a CJK font has tens of thousands of glyphs; only the tables asked for load.
    return TTFont(io.BytesIO(data), fontNumber=index, recalcTimestamp=False, lazy=True)


@cache
def load_face(path: Path, index: int = 0, weight: int | None = None) -> Face:
    """The face in ``path`` (sub-font ``index`` of a collection), pinned to ``weight``
    if it is variable. Raises :class:`UnusableFontError`."""
    try:
        data, data_index = path.read_bytes(), index
        font = _read(data, data_index)
        if "glyf" not in font:
            raise UnusableFontError(f"{path}: not TrueType outlines (CFF or bitmap only)")
        # A variable font's own outlines and advances are its default instance: only
        # another weight is pinned (the variation tables are left out when embedding).
        pinned = "fvar" in font and not _is_default(font, weight)
        if pinned:
            buffer = io.BytesIO()
            _static_instance(font, weight).save(buffer)
            data, data_index = buffer.getvalue(), 0
            font = _read(data, data_index)
    except UnusableFontError:
        raise
    except Exception as error:  # fontTools raises many kinds for a broken file
        raise UnusableFontError(f"{path}: {error}") from error
    head, hhea, os2 = font["head"], font["hhea"], font.get("OS/2")
    metrics = font["hmtx"].metrics
    order = font.getGlyphOrder()
    return Face(
        path=path,
        index=index,
        weight=weight if pinned else None,
        data=data,
        data_index=data_index,
        postscript_name=_postscript_name(font, path),
        units_per_em=head.unitsPerEm,
        characters=frozenset(font.getBestCmap() or {}),
        advances=tuple(metrics[name][0] for name in order),
        ascent=hhea.ascent,
        descent=hhea.descent,
        cap_height=getattr(os2, "sCapHeight", 0) or hhea.ascent,
        bounding_box=(head.xMin, head.yMin, head.xMax, head.yMax),
        italic_angle=float(font["post"].italicAngle),
    )


@cache
def characters_of(path: Path, index: int = 0) -> frozenset[int]:
    """The code points ``path`` has glyphs for, read from its cmap alone (cheap: no
    other table is decompiled, no variable font is pinned)."""
    try:
        return frozenset(_read(path.read_bytes(), index).getBestCmap() or {})
    except Exception:  # a broken file: load_face will say why if it is ever tried
        return frozenset()


def _is_default(font: TTFont, weight: int | None) -> bool:
    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    return weight is None or "wght" not in axes or axes["wght"].defaultValue == weight


def _static_instance(font: TTFont, weight: int | None) -> TTFont:
    from fontTools.varLib import instancer

    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    location: dict[str, float | None] = {tag: None for tag in axes}  # None: the default
    if weight is not None and "wght" in axes:
        wght = axes["wght"]
        location["wght"] = min(max(float(weight), wght.minValue), wght.maxValue)
    font.ensureDecompiled()
    # In place: the font was read for this alone, and copying it first (the default)
    # takes most of the time (seconds for a large variable font).
    instance: TTFont = instancer.instantiateVariableFont(
        font, location, inplace=True, updateFontNames=False
    )
    return instance


def _postscript_name(font: TTFont, path: Path) -> str:
    name = font["name"].getDebugName(6) if "name" in font else None
    cleaned = "".join(char for char in (name or path.stem) if char.isalnum() or char in "-_")
    return cleaned or "Font"
