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
