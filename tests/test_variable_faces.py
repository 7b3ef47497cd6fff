"""A variable font of the ``world`` extra set at bold: shaped and measured by HarfBuzz at
weight 700, and embedded as a static subset whose widths are those measured."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from reportlab.pdfgen.canvas import Canvas

from resumeout.exporters.fontfiles import bundled_files
from resumeout.exporters.pdf.scripts import FontChain, ScriptSetter

ARABIC = "مرحبا بالعالم"


def _world_chain(*, bold: bool) -> FontChain:
    pytest.importorskip("fontpkg_noto_sans_arabic", reason="the world extra is not installed")
    files = bundled_files()
    return FontChain(files["bold" if bold else "regular"], bold=bold, use_system_fonts=False)


def test_bold_is_measured_at_its_weight_without_pinning_the_whole_font() -> None:
    regular = ScriptSetter(_world_chain(bold=False))
    bold = ScriptSetter(_world_chain(bold=True))
    (regular_face,) = {run.face for run in regular.set(ARABIC, 14).runs}
    (bold_face,) = {run.face for run in bold.set(ARABIC, 14).runs}
    assert regular_face.path == bold_face.path  # one variable file
    assert (regular_face.weight, bold_face.weight) == (None, 700)
    assert bold.measure(ARABIC, 14) > regular.measure(ARABIC, 14)


def test_the_embedded_bold_subset_is_static_and_its_widths_are_those_measured(
    tmp_path: Path,
) -> None:
    setter = ScriptSetter(_world_chain(bold=True))
    (face,) = {run.face for run in setter.set(ARABIC, 14).runs}
    path = tmp_path / "bold.pdf"
    canvas = Canvas(str(path), invariant=1)
    setter.draw(canvas, ARABIC, 72, 700, 14)
    canvas.save()
    with pikepdf.open(path) as pdf:
        (font,) = [
            f
            for page in pdf.pages
            for f in page.Resources.Font.values()
            if "NotoSansArabic" in str(f.BaseFont)
        ]
        cid_font = font.DescendantFonts[0]
        program = TTFont(io.BytesIO(cid_font.FontDescriptor.FontFile2.read_bytes()))
        widths = list(cid_font.W)
        gid_map = cid_font.CIDToGIDMap.read_bytes()
    assert "fvar" not in program and "gvar" not in program
    order = program.getGlyphOrder()
    checked = 0
    for at in range(0, len(widths), 2):
        first, run = int(widths[at]), [float(w) for w in widths[at + 1]]
        for cid, width in enumerate(run, start=first):
            gid = int.from_bytes(gid_map[2 * cid : 2 * cid + 2], "big")
            advance = program["hmtx"][order[gid]][0]
            assert width == pytest.approx(advance * 1000 / face.units_per_em, abs=0.01)
            checked += 1
    assert checked > 3
