"""One font file made ready for shaping and embedding: a :class:`Face`.

Loading a face reads only the font's small header tables (head, hhea, OS/2, post,
name); its characters and advances come from HarfBuzz, in C, on demand, so a 17 MB CJK
collection costs no more to load than a Latin font. A variable font is not pinned when
loaded: HarfBuzz shapes and measures it at the wanted weight (its variations set), and
the embedded subset is pinned to that weight after subsetting (:mod:`.cidfont`), which
takes milliseconds for the few glyphs drawn, not seconds for the whole font. Faces are
cached per process by file, index and weight. Only TrueType-outline fonts (``glyf``) are
used: they embed as CIDFontType2.
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
    """A TrueType font at one weight: its bytes, what it covers and the metrics PDF needs."""

    path: Path
    index: int
    weight: int | None
    """The weight a variable font is set at; None: its default (or a static font)."""
    data: bytes = field(repr=False)
    """The font file's bytes (a whole collection for a .ttc: see ``data_index``)."""
    data_index: int
    postscript_name: str
    units_per_em: int
    glyph_count: int
    ascent: int
    descent: int
    cap_height: int
    bounding_box: tuple[int, int, int, int]
    italic_angle: float
    bold: bool
    """Whether the face is bold by design (its glyphs' strokes are heavy): a static
    font's OS/2 weight class (600 and up) or bold flag, a variable font's weight. A
    bold run drawn in a face that is not is emboldened as it is drawn
    (:func:`~resumeout.exporters.pdf.scripts.drawing.emboldening_width`)."""

    @property
    def key(self) -> str:
        """Names this face in a PDF: file, collection index and instance."""
        weight = f"@{self.weight}" if self.weight is not None else ""
        return f"{self.path}#{self.index}{weight}"

    @property
    def variations(self) -> dict[str, float]:
        """The axis values the face is set at (empty: the font's default)."""
        return {} if self.weight is None else {"wght": float(self.weight)}

    @cached_property
    def characters(self) -> frozenset[int]:
        return frozenset(self.harfbuzz.face.unicodes)

    def covers(self, char: str) -> bool:
        return ord(char) in self.characters

    def advance(self, glyph_id: int) -> int:
        """The glyph's advance width in font units, at the face's weight."""
        advance: int = self.harfbuzz.get_glyph_h_advance(glyph_id)
        return advance

    @cached_property
    def harfbuzz(self) -> Any:
        """The ``uharfbuzz.Font`` (scale: font units, variations set)."""
        import uharfbuzz

        font = uharfbuzz.Font(uharfbuzz.Face(self.data, self.data_index))
        if self.variations:
            font.set_variations(self.variations)
        return font

    def open(self) -> TTFont:
        """A fresh fontTools view of the file's font, variable or not (to subset it, or
        to draw a glyph at :attr:`variations`)."""
        return _read(self.data, self.data_index)


def _read(data: bytes, index: int) -> TTFont:
    # lazy: a CJK font has tens of thousands of glyphs; only the tables asked for load.
    return TTFont(io.BytesIO(data), fontNumber=index, recalcTimestamp=False, lazy=True)


@cache
def load_face(path: Path, index: int = 0, weight: int | None = None) -> Face:
    """The face in ``path`` (sub-font ``index`` of a collection), set at ``weight`` if
    it is variable. Raises :class:`UnusableFontError`."""
    try:
        data = path.read_bytes()
        font = _read(data, index)
        if "glyf" not in font:
            raise UnusableFontError(f"{path}: not TrueType outlines (CFF or bitmap only)")
        varied = "fvar" in font and not _is_default(font, weight)
        head, hhea, os2 = font["head"], font["hhea"], font.get("OS/2")
        face = Face(
            path=path,
            index=index,
            weight=_clamped_weight(font, weight) if varied else None,
            data=data,
            data_index=index,
            postscript_name=_postscript_name(font, path),
            units_per_em=head.unitsPerEm,
            glyph_count=font["maxp"].numGlyphs,
            # The typographic metrics, as reportlab writes them for the fonts it embeds
            # itself: a word has the box whichever way it is drawn, and readers that
            # order text by its boxes' tops (pdftotext) keep a date with its heading.
            ascent=os2.sTypoAscender if os2 is not None else hhea.ascent,
            descent=os2.sTypoDescender if os2 is not None else hhea.descent,
            cap_height=getattr(os2, "sCapHeight", 0) or hhea.ascent,
            bounding_box=(head.xMin, head.yMin, head.xMax, head.yMax),
            italic_angle=_italic_angle(font),
            bold=_is_bold(font, weight),
        )
        face.harfbuzz  # noqa: B018  (a file HarfBuzz cannot read is unusable, now)
    except UnusableFontError:
        raise
    except Exception as error:  # fontTools raises many kinds for a broken file
        raise UnusableFontError(f"{path}: {error}") from error
    return face


@cache
def characters_of(path: Path, index: int = 0) -> frozenset[int]:
    """The code points ``path`` has glyphs for, read from its cmap alone (cheap: no
    other table is read, no variable font is set at a weight)."""
    try:
        import uharfbuzz

        return frozenset(uharfbuzz.Face(path.read_bytes(), index).unicodes)
    except Exception:  # a broken file: load_face will say why if it is ever tried
        return frozenset()


def _is_default(font: TTFont, weight: int | None) -> bool:
    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    return weight is None or "wght" not in axes or axes["wght"].defaultValue == weight


BOLD_WEIGHT_CLASS = 600
"""The lightest weight called bold: CSS and OpenType's semi-bold, which browsers draw
as bold without synthesising it."""
_FS_SELECTION_BOLD = 1 << 5
_MAC_STYLE_BOLD = 1 << 0


def _is_bold(font: TTFont, weight: int | None) -> bool:
    """Whether ``font``, set at ``weight`` if it is variable, is bold by design."""
    if "fvar" in font and any(axis.axisTag == "wght" for axis in font["fvar"].axes):
        wght = next(axis for axis in font["fvar"].axes if axis.axisTag == "wght")
        at = wght.defaultValue if weight is None else _clamped_weight(font, weight)
        return at is not None and at >= BOLD_WEIGHT_CLASS
    os2 = font.get("OS/2")
    if os2 is not None:
        return bool(os2.usWeightClass >= BOLD_WEIGHT_CLASS or os2.fsSelection & _FS_SELECTION_BOLD)
    return bool(font["head"].macStyle & _MAC_STYLE_BOLD)


def _clamped_weight(font: TTFont, weight: int | None) -> int | None:
    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    if weight is None or "wght" not in axes:
        return None
    wght = axes["wght"]
    return round(min(max(float(weight), float(wght.minValue)), float(wght.maxValue)))


def pin_weight(font: TTFont, weight: int | None) -> TTFont:
    """``font`` (variable) made static at ``weight`` (None: its default), in place."""
    from fontTools.varLib import instancer

    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    location: dict[str, float | None] = {tag: None for tag in axes}  # None: the default
    if weight is not None and "wght" in axes:
        location["wght"] = float(weight)
    font.ensureDecompiled()
    # In place: the font was read for this alone, and copying it first (the default)
    # doubles the time.
    instance: TTFont = instancer.instantiateVariableFont(
        font, location, inplace=True, updateFontNames=False
    )
    return instance


def _italic_angle(font: TTFont) -> float:
    # From the post table's header (a 16.16 fixed number after its version): reading
    # the table would decode every glyph name (45,000 in a CJK collection).
    header = font.reader["post"][:8]
    return int.from_bytes(header[4:8], "big", signed=True) / 65536


def _postscript_name(font: TTFont, path: Path) -> str:
    name = font["name"].getDebugName(6) if "name" in font else None
    cleaned = "".join(char for char in (name or path.stem) if char.isalnum() or char in "-_")
    return cleaned or "Font"
