"""Glyphs painted rather than written (a Thai vowel above, a Devanagari reph: marks the
text layer gives to their base letter, see ``exporters/pdf/scripts/drawing.py``) are
drawn wherever the text is, in every layout: an entry's heading beside a date column
(the modern theme) dropped them."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from tests.conftest import ROOT, run_cli

WORLD = ROOT / "tests" / "data" / "world"


def _painted_glyphs(pdf: Path) -> int:
    """How many glyph outlines the pages fill (``q … cm … f Q``)."""
    with pikepdf.open(pdf) as document:
        return sum(
            len(
                re.findall(
                    rb"\bcm\b[^Q]*?\bf\b",
                    b"".join(
                        part.read_bytes()
                        for part in (
                            page.Contents
                            if isinstance(page.Contents, pikepdf.Array)
                            else [page.Contents]
                        )
                    ),
                )
            )
            for page in document.pages
        )


@pytest.mark.parametrize("script", ["thai", "hindi"])
@pytest.mark.parametrize("theme", ["compact", "modern", "minimal"])
def test_every_layout_paints_the_same_marks(script: str, theme: str, tmp_path: Path) -> None:
    counts = []
    for name in ("classic", theme):
        out = tmp_path / f"{name}.pdf"
        result = run_cli(
            "export", str(WORLD / f"{script}.yaml"), "-f", "pdf", "--theme", name, "-o", str(out)
        )
        if result.returncode == 3 and "no font has a glyph" in result.stderr:
            pytest.skip(f"this machine has no font for {script} (Debian: fonts-noto-core)")
        assert result.returncode == 0, result.stderr
        counts.append(_painted_glyphs(out))
    assert counts[0] > 0 and counts[1] == counts[0]


def test_a_painted_glyph_has_its_own_texts_colour(tmp_path: Path) -> None:
    """A painted glyph follows its line's text object, where the fill colour is the
    one the line set last: the shadda of عمّان, before the email link, was blue."""
    pymupdf = pytest.importorskip("pymupdf")
    source = tmp_path / "resume.yaml"
    source.write_text(
        "name: ليلى حداد\nlocation: عمّان، الأردن\nemail: layla@example.org\n"
        "locale: {language: ar}\n",
        "utf-8",
    )
    out = tmp_path / "cv.pdf"
    result = run_cli("export", str(source), "-f", "pdf", "-o", str(out))
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip("this machine has no font for Arabic (Debian: fonts-noto-core)")
    assert result.returncode == 0, result.stderr
    with pymupdf.open(str(out)) as document:
        page = document[0]
        spans = [
            span
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
        ]
        checked = 0
        for drawing in page.get_drawings():
            rect = drawing["rect"]
            if drawing.get("fill") is None or rect.height > 20:
                continue  # not a glyph
            centre = pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)
            around = [span for span in spans if pymupdf.Rect(span["bbox"]).contains(centre)]
            if not around:
                continue
            colours = {tuple(round(c, 3) for c in pymupdf.sRGB_to_pdf(s["color"])) for s in around}
            assert tuple(round(c, 3) for c in drawing["fill"]) in colours
            checked += 1
    assert checked, "no painted glyph on the page"
