"""Shaping a run with HarfBuzz: which glyphs, where, and which characters each one draws.

Two settings matter for the text layer. Discretionary ligatures stay off: Arabic fonts
map محمد to the honorific ligature ﷴ with added vowel marks under ``dlig``, which is not
what the user typed. Clusters are kept per character (MONOTONE_CHARACTERS) so that a
mark keeps its own cluster wherever the font draws it as its own glyph, and the text
layer can give each glyph the characters it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from resumeout.exporters.pdf.scripts.faces import Face
from resumeout.exporters.pdf.scripts.itemize import Run

FEATURES = {"dlig": False}
"""HarfBuzz's defaults for the script, less discretionary ligatures."""


@dataclass(frozen=True)
class Glyph:
    """One glyph, in the order HarfBuzz returns them (left to right on the page).
    Lengths are in points."""

    glyph_id: int
    cluster: int
    """Offset (in the run's text) of the first character of its cluster."""
    x_advance: float
    x_offset: float
    y_offset: float


@dataclass(frozen=True)
class ShapedRun:
    """A run shaped at a size: its glyphs left to right and their clusters' characters."""

    run: Run
    size: float
    glyphs: tuple[Glyph, ...]

    @property
    def face(self) -> Face:
        return self.run.face

    @property
    def width(self) -> float:
        return sum(glyph.x_advance for glyph in self.glyphs)

    def cluster_text(self, cluster: int) -> str:
        """The characters of the cluster that starts at ``cluster``."""
        starts = sorted({glyph.cluster for glyph in self.glyphs})
        later = [start for start in starts if start > cluster]
        return self.run.text[cluster : later[0] if later else len(self.run.text)]


def shape(run: Run, size: float, language: str | None = None) -> ShapedRun:
    """``run`` shaped with its face at ``size`` points (``language``: a BCP 47 tag, for
    fonts with language-specific forms)."""
    import uharfbuzz

    buffer = uharfbuzz.Buffer()
    buffer.add_str(run.text)
    buffer.direction = run.direction
    buffer.script = run.script
    if language:
        buffer.language = language
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    uharfbuzz.shape(run.face.harfbuzz, buffer, FEATURES)
    scale = size / run.face.units_per_em
    glyphs = tuple(
        Glyph(
            info.codepoint,
            info.cluster,
            position.x_advance * scale,
            position.x_offset * scale,
            position.y_offset * scale,
        )
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )
    return ShapedRun(run, size, glyphs)
