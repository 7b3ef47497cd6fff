"""The embedded TrueType subset, read back with fontTools: the drawn glyphs, their
components and metrics as in the font, at their own ids, and nothing else."""

from __future__ import annotations

import io
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from resumeout.exporters.fontfiles import bundled_files
from resumeout.exporters.pdf.scripts.glyf_subset import subset_glyf_font


def _check(path: Path, index: int, wanted: set[int]) -> None:
    font = TTFont(io.BytesIO(path.read_bytes()), fontNumber=index, lazy=True)
    subset = TTFont(io.BytesIO(subset_glyf_font(font.reader, wanted)[0]))
    order, subset_order = font.getGlyphOrder(), subset.getGlyphOrder()
    assert len(subset_order) <= len(order)
    glyf, subset_glyf = font["glyf"], subset["glyf"]
    kept = set()
    for gid in range(len(subset_order)):
        glyph = subset_glyf[subset_order[gid]]
        if glyph.numberOfContours == 0 and gid not in wanted:
            continue
        kept.add(gid)
        original = glyf[order[gid]]
        assert glyph.numberOfContours == original.numberOfContours
        glyph.expand(subset_glyf)
        original.expand(glyf)
        assert glyph.getCoordinates(subset_glyf)[0] == original.getCoordinates(glyf)[0]
        assert subset["hmtx"][subset_order[gid]] == font["hmtx"][order[gid]]
    assert wanted | {0} <= kept
    assert len(subset_order) - 1 in kept  # cut after the last glyph kept
    for gid in kept - wanted - {0}:  # only components of composites drawn
        assert any(
            glyf[order[parent]].isComposite()
            and order[gid] in glyf[order[parent]].getComponentNames(glyf)
            for parent in kept
        )
    assert "cmap" not in subset


def test_a_latin_font_keeps_the_glyphs_drawn_and_their_components() -> None:
    path = bundled_files()["regular"].path
    font = TTFont(io.BytesIO(path.read_bytes()))
    cmap = font.getBestCmap()
    glyph_id = font.getGlyphID
    # é and Å are composites in Source Sans Pro: their base letters come along.
    wanted = {glyph_id(cmap[ord(char)]) for char in "Résumé Åsa"}
    assert any(font["glyf"][cmap[ord(char)]].isComposite() for char in "éÅ")
    _check(path, 0, wanted)


def test_a_cjk_collection_keeps_the_glyphs_drawn_at_their_ids() -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    listed = subprocess.run(
        ["fc-list", ":family=WenQuanYi Zen Hei", "file"], capture_output=True, text=True
    ).stdout.split()
    if not listed:
        pytest.skip("WenQuanYi Zen Hei is not installed (Debian: fonts-wqy-zenhei)")
    path = Path(listed[0].rstrip(":"))
    font = TTFont(io.BytesIO(path.read_bytes()), fontNumber=0, lazy=True)
    cmap = font.getBestCmap()
    wanted = {font.getGlyphID(cmap[ord(char)]) for char in "北京大学软件工程师"}
    _check(path, 0, wanted)
    # Not 17 MB: the drawn glyphs, and empty slots before them that compress to little
    # (the PDF's streams are compressed).
    assert len(zlib.compress(subset_glyf_font(font.reader, wanted)[0])) < 30_000


def test_blanks_follow_the_last_glyph_kept_empty_and_as_wide_as_asked() -> None:
    regular = bundled_files()["regular"]
    font = TTFont(io.BytesIO(regular.path.read_bytes()), fontNumber=regular.index, lazy=True)
    wanted = {font.getGlyphID(font.getBestCmap()[ord(c)]) for c in "Ab"}
    program, first_blank = subset_glyf_font(font.reader, wanted, [12_000, 250, 65_535])
    subset = TTFont(io.BytesIO(program))
    order = subset.getGlyphOrder()
    assert first_blank == max(wanted) + 1
    assert len(order) == first_blank + 3
    advances = [subset["hmtx"][order[gid]][0] for gid in range(first_blank, len(order))]
    assert advances == [12_000, 250, 65_535]
    for gid in range(first_blank, len(order)):
        assert subset["glyf"][order[gid]].numberOfContours == 0  # paints nothing
    assert subset["hhea"].advanceWidthMax == 65_535
    for gid in wanted:  # the glyphs drawn keep their ids and widths
        assert subset["hmtx"][order[gid]] == font["hmtx"][font.getGlyphOrder()[gid]]
