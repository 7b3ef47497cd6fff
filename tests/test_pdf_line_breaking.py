"""Line breaking in the PDF: where words end, which spaces break, and how runs are kept."""

from __future__ import annotations

import sys

import pytest
from reportlab.pdfbase import pdfmetrics

from resumeout.exporters.pdf.breaking import _SPACES_OR_WORD, _is_space, break_lines
from resumeout.exporters.pdf.fonts import bundled_files, register_family
from resumeout.exporters.pdf.look import Rgb
from resumeout.exporters.pdf.runs import StyledRun

BLACK = Rgb(0, 0, 0)


def test_the_word_pattern_cuts_where_isspace_changes_for_every_code_point() -> None:
    differing = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if ((found := _SPACES_OR_WORD.fullmatch(chr(point))) is None)
        or (found.start(1) != -1) != _is_space(chr(point))
    ]
    assert differing == []


def test_spaces_collapse_and_no_break_spaces_hold_words_together() -> None:
    family = register_family(bundled_files(), "the font-source-sans-pro package")
    run = StyledRun("one \t two\u00a0three\u2003 four\nfive", family.regular, 10, BLACK)
    bold = StyledRun("six", family.bold, 10, BLACK)

    def width(text: str, font: str = family.regular) -> float:
        return float(pdfmetrics.stringWidth(text, font, 10))

    (line,) = break_lines([[run, bold]], 1000)
    assert [each.text for each in line.runs] == ["one two\u00a0three four five", "six"]
    assert line.runs[0].font == family.regular and line.runs[1].font == family.bold
    assert line.width == pytest.approx(
        width("one two\u00a0three four five") + width("six", family.bold)
    )

    narrow = width("one two\u00a0three")
    lines = break_lines([[run, bold]], narrow)
    assert [[each.text for each in line.runs] for line in lines] == [
        ["one two\u00a0three"],
        ["four five", "six"],
    ]
    assert lines[0].width == pytest.approx(narrow)
