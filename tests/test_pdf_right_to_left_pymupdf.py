"""PyMuPDF on right-to-left résumés, exported by the command line in every theme: each
entry's heading is read on one line with its dates, and a Latin word or a number inside
an Arabic or Hebrew line stays on it where a space was typed after it.

PyMuPDF (MuPDF 1.28) starts a new line where, within one direction, a glyph is written
far from where the one before it ends; a space stretched with ``Tz`` it measured at
another width than drawn, so a leader or a stretched space started a line. Spaces and
leaders are now blanks as wide as the gap (see ``exporters/pdf/guessed_direction.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeout.source.loading import read_source
from resumeout.source.validation import validate
from resumeout.verification.checks import check
from resumeout.verification.facts import expected_facts
from tests.conftest import ROOT, run_cli
from tests.pdf_readers import PDF_READERS

SOURCES = {
    "ar": ROOT / "tests" / "data" / "right_to_left" / "ar.yaml",
    "ar-loc": ROOT / "tests" / "data" / "right_to_left" / "ar-loc.yaml",
    "he": ROOT / "tests" / "data" / "right_to_left" / "he.yaml",
    "he-loc": ROOT / "tests" / "data" / "right_to_left" / "he-loc.yaml",
    "arabic": ROOT / "tests" / "data" / "world" / "arabic.yaml",
    "hebrew": ROOT / "tests" / "data" / "world" / "hebrew.yaml",
}
THEMES = ["classic", "modern", "academic", "compact", "minimal"]

GLUED_NUMBER = pytest.mark.xfail(
    strict=True,
    reason="in a date column, PyMuPDF reads the rest of `فبراير 2021، إربد` (a number glued "
    "to the Arabic comma after it, read left to right) on a line of its own",
)


def _export(source: Path, theme: str, folder: Path) -> Path:
    result = run_cli("export", str(source), "-f", "pdf", "--theme", theme, "-o", str(folder), "-q")
    assert result.returncode == 0, result.stderr
    (pdf,) = folder.glob("*.pdf")
    return pdf


@pytest.mark.parametrize(
    ("case", "theme"),
    [
        pytest.param(
            case,
            theme,
            marks=[GLUED_NUMBER] if (case, theme) == ("ar-loc", "modern") else [],
            id=f"{case}-{theme}",
        )
        for case in SOURCES
        for theme in THEMES
    ],
)
def test_pymupdf_reads_each_heading_with_its_dates(case: str, theme: str, tmp_path: Path) -> None:
    source = SOURCES[case]
    text = PDF_READERS["PyMuPDF"](_export(source, theme, tmp_path))
    expected = expected_facts(validate(read_source(source), theme=theme))
    assert expected.dated_headings  # headings with dates are what this is about
    findings = check(text, expected)
    assert findings.dates_apart == ()
    assert findings.missing == ()
    assert findings.out_of_order == ()


@pytest.mark.parametrize(
    ("case", "lines"),
    [
        # after a Latin word, a space, then Arabic; and a bullet after a line of digits
        ("arabic", ["• خفض زمن الاستجابة بنسبة كبيرة باستخدام Python و Rust"]),
        # after a number, a space, then Hebrew
        ("he", ["Python המטפלים ב-", "10,000 בקשות בשנייה"]),
        ("he", ["• פיתוח שירותים ב-"]),
    ],
)
def test_pymupdf_keeps_a_line_whole_across_a_space_where_its_direction_changes(
    case: str, lines: list[str], tmp_path: Path
) -> None:
    read = PDF_READERS["PyMuPDF"](_export(SOURCES[case], "classic", tmp_path))
    read_lines = [" ".join(line.split()) for line in read.splitlines()]
    for line in lines:
        assert line in read_lines, read_lines
