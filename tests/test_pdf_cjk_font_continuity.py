"""Chinese text and its punctuation are drawn in one CJK font.

The comma resumeout puts between a heading's parts is text of no script: fontconfig's
order for it put DroidSansFallback first, while every Chinese character around it was
in WenQuanYi Zen Hei. Read back with pdfminer.six, every CJK character and full-width
punctuation mark must name one font.
"""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.pdf.scripts.itemize import MissingGlyphError
from resumeout.source.validation import load_resume
from tests.conftest import ROOT

SOURCE = ROOT / "tests" / "data" / "cjk" / "mixed_chinese.yaml"


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3000 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF


def test_chinese_and_its_punctuation_share_one_font() -> None:
    try:
        data = PdfExporter(SOURCE.parent).render(load_resume(SOURCE))
    except MissingGlyphError as error:
        pytest.skip(f"this machine has no CJK font (Debian: fonts-wqy-zenhei): {error}")
    fonts: dict[str, set[str]] = {}

    def walk(item: object) -> None:
        if isinstance(item, LTChar) and _is_cjk(item.get_text()):
            fonts.setdefault(item.fontname.split("+")[-1], set()).add(item.get_text())
        for child in getattr(item, "_objs", []):
            walk(child)

    for page in extract_pages(io.BytesIO(data)):
        walk(page)
    assert "，" in set().union(*fonts.values())  # the heading separator is there
    assert len(fonts) == 1, fonts
