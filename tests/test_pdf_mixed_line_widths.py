"""Every line is drawn as wide as it was measured: no glyph past the text box.

A space, digit or comma is drawn in the font of the text before it, so a word of a
Chinese line measured alone (``200``, in the document's Latin font) was drawn wider
(in the CJK font after ``超过``): a bullet mixing Chinese with Latin words and numbers
ran 15 pt past the right margin while an all-Chinese one stayed inside. Each
character's box, as pdfminer.six reads it back, must lie inside the text box; and a
line's words measured one by one must add up to the line set whole.
"""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

from resumeout.exporters.fontfiles import bundled_files
from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.pdf.look import Look
from resumeout.exporters.pdf.scripts.chain import FontChain
from resumeout.exporters.pdf.scripts.itemize import MissingGlyphError
from resumeout.exporters.pdf.scripts.setter import ScriptSetter
from resumeout.source.validation import load_resume
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
SOURCES = sorted([*(DATA / "world").glob("*.yaml"), *(DATA / "cjk").glob("*.yaml")])
MIXED = (
    "使用 Python 和 Go 重构支付系统，日处理订单超过 200 万笔，"
    "系统可用性达到 99.99%，并将平均响应时间从 300 毫秒降低到 80 毫秒。"
)
TOLERANCE = 0.01
"""Points: what rounding the content stream's numbers may move a glyph."""


def _pdf(source: Path) -> bytes:
    try:
        return PdfExporter(source.parent).render(load_resume(source))
    except MissingGlyphError as error:
        pytest.skip(f"no font for {source.stem} (Debian: fonts-wqy-zenhei, fonts-noto): {error}")


def _characters(data: bytes) -> list[LTChar]:
    found: list[LTChar] = []

    def walk(item: object) -> None:
        if isinstance(item, LTChar):
            found.append(item)
        for child in getattr(item, "_objs", []):
            walk(child)

    for page in extract_pages(io.BytesIO(data)):
        walk(page)
    return found


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_no_character_outside_the_text_box(source: Path) -> None:
    data = _pdf(source)
    box = Look.of(load_resume(source).design).text_box
    right = box.left + box.width
    characters = [char for char in _characters(data) if char.get_text().strip()]
    assert characters
    outside = [
        (char.get_text(), round(char.x0, 2), round(char.x1, 2))
        for char in characters
        if char.x1 > right + TOLERANCE or char.x0 < box.left - TOLERANCE
    ]
    assert not outside, (box.left, right, outside)


def test_the_mixed_bullet_fills_its_line_and_stays_inside() -> None:
    # The line that ran past the margin: it must still be a full line (the fix is not
    # to break early everywhere), ending within a few characters of the right edge.
    source = DATA / "cjk" / "mixed_chinese.yaml"
    data = _pdf(source)
    box = Look.of(load_resume(source).design).text_box
    right = box.left + box.width
    chars = _characters(data)
    first = next(index for index, char in enumerate(chars) if char.get_text() == "使")
    line = [char for char in chars[first:] if abs(char.y0 - chars[first].y0) < 0.5]
    assert right - 3 * 10.5 < max(char.x1 for char in line) <= right + TOLERANCE


def _cjk_setter() -> ScriptSetter:
    setter = ScriptSetter(FontChain(bundled_files()["regular"]), language="zh")
    try:
        setter.set(MIXED, 10.0)
    except MissingGlyphError:
        pytest.skip("this machine has no CJK font (Debian: fonts-wqy-zenhei)")
    return setter


def test_words_measured_alone_add_up_to_the_line_drawn() -> None:
    setter = _cjk_setter()
    whole = setter.measure(MIXED, 10.0)
    pieces = setter.faces_in_context(MIXED)
    assert len({face for _, face in pieces}) >= 2  # Latin and CJK fonts both drawn
    alone = 0.0
    for text, face in pieces:
        offsets = [0, *setter.break_opportunities(text), len(text)]
        words = [text[start:end] for start, end in pairwise(offsets)]
        alone += sum(setter.measure(word, 10.0, face=face) for word in words)
    assert abs(alone - whole) < 1e-6


def test_a_number_after_chinese_is_in_the_documents_font_as_word_draws_it() -> None:
    # 2018年7月: the year and the month's digits in one font, the document's, as Word
    # draws ASCII digits in the DOCX (its ascii slot).
    setter = _cjk_setter()
    pieces = setter.faces_in_context("超过 200 万笔，2018年7月")
    digits = {face for text, face in pieces if text.strip().isdigit()}
    assert [text.strip() for text, _ in pieces if text.strip().isdigit()] == ["200", "2018", "7"]
    assert digits == {setter.chain.primary}
    assert all(face is not None and face.covers("超") for text, face in pieces if "万" in text)
