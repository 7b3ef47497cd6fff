"""A variable font of the ``world`` extra set at bold: shaped and measured by HarfBuzz at
weight 700, and embedded as a static subset whose widths are those measured."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from reportlab.pdfgen.canvas import Canvas

from resumeout.exporters.fontfiles import bundled_files
from resumeout.exporters.pdf.scripts import FontChain, ScriptSetter
from resumeout.exporters.pdf.scripts.drawing import blank_operators
from resumeout.exporters.pdf.scripts.faces import Face

ARABIC = "مرحبا بالعالم"


def _world_chain(*, bold: bool) -> FontChain:
    pytest.importorskip("fontpkg_noto_sans_arabic", reason="the world extra is not installed")
    files = bundled_files()
    return FontChain(files["bold" if bold else "regular"], bold=bold, use_system_fonts=False)


def _bold_arabic_on(path: Path) -> tuple[Canvas, Face]:
    """A canvas writing to ``path`` with ``ARABIC`` drawn on it at 14 points, bold, and
    the face it is drawn in (one variable font)."""
    setter = ScriptSetter(_world_chain(bold=True))
    (face,) = {run.face for run in setter.set(ARABIC, 14).runs}
    canvas = Canvas(str(path), invariant=1)
    setter.draw(canvas, ARABIC, 72, 700, 14)
    return canvas, face


def _embedded_arabic(path: Path) -> tuple[TTFont, list[Any], bytes]:
    """The PDF's Noto Sans Arabic subset: its font program, its /W array and its
    CIDToGIDMap."""
    with pikepdf.open(path) as pdf:
        (font,) = [
            f
            for page in pdf.pages
            for f in page.Resources.Font.values()
            if "NotoSansArabic" in str(f.BaseFont)
        ]
        cid_font = font.DescendantFonts[0]
        program = TTFont(io.BytesIO(cid_font.FontDescriptor.FontFile2.read_bytes()))
        return program, list(cid_font.W), cid_font.CIDToGIDMap.read_bytes()


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
    path = tmp_path / "bold.pdf"
    canvas, face = _bold_arabic_on(path)
    canvas.save()
    program, widths, gid_map = _embedded_arabic(path)
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


def test_a_blank_in_a_variable_font_is_kept_in_its_static_subset_as_wide_as_asked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "blank.pdf"
    canvas, face = _bold_arabic_on(path)
    operators = blank_operators(canvas._doc, face, 14, " ", 72, 680, 123.4)
    assert operators is not None
    canvas.addLiteral("\n".join(["BT", *operators, "ET"]))
    canvas.save()
    program, widths, gid_map = _embedded_arabic(path)
    wanted = 123.4 / 14 * 1000
    blanks = [
        (cid, width)
        for at in range(0, len(widths), 2)
        for cid, width in enumerate(map(float, widths[at + 1]), start=int(widths[at]))
        if width == pytest.approx(wanted, abs=1)
    ]
    (cid, width), *_ = blanks
    gid = int.from_bytes(gid_map[2 * cid : 2 * cid + 2], "big")
    name = program.getGlyphOrder()[gid]
    assert program["hmtx"][name][0] * 1000 / face.units_per_em == pytest.approx(width, abs=0.01)
    assert program["glyf"][name].numberOfContours == 0
    # PyMuPDF (which takes a glyph's advance from the font) reads it as wide.
    pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
    with pymupdf.open(path) as document:
        spans = document[0].get_texttrace()
    blank = spans[-1]["chars"][-1]  # written last
    assert chr(blank[0]) == " "
    left, _, right, _ = blank[3]
    assert right - left == pytest.approx(123.4, abs=0.05)
