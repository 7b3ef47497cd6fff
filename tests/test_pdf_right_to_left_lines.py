"""Right-to-left résumés, exported by the command line in every theme and read back by
the readers that follow the content stream (PyMuPDF, pdfminer.six, pypdf): each entry's
heading is read with the whole of its dates on one line, and a line that mixes
directions is read whole where a space was typed at the change.

PyMuPDF (MuPDF 1.28) starts a new line where, within one direction, a glyph is written
far from where the one before it ends, and guesses a neutral's direction from the glyph
before it: a space stretched with ``Tz`` it measured at another width than drawn, and
after a number it read `` – حتى`` left to right, written leftwards. Spaces and leaders
are now blanks as wide as the gap, and the neutrals after a number are written at its
end (see ``exporters/pdf/guessed_direction.py`` and ``Painter._carry``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeout.source.loading import read_source
from resumeout.source.validation import validate
from resumeout.verification.checks import check, normalise
from resumeout.verification.facts import expected_facts
from tests.conftest import ROOT, export_or_skip, run_cli
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

READERS = ["PyMuPDF", "pdfminer.six", "pypdf"]


def _export(source: Path, theme: str, folder: Path) -> Path:
    result = run_cli("export", str(source), "-f", "pdf", "--theme", theme, "-o", str(folder), "-q")
    assert result.returncode == 0, result.stderr
    (pdf,) = folder.glob("*.pdf")
    return pdf


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("case", SOURCES)
def test_each_heading_is_read_with_the_whole_of_its_dates(
    case: str, theme: str, tmp_path: Path
) -> None:
    source = SOURCES[case]
    pdf = _export(source, theme, tmp_path)
    expected = expected_facts(validate(read_source(source), theme=theme))
    assert expected.dated_headings  # headings with dates are what this is about
    for reader in READERS:
        text = PDF_READERS[reader](pdf)
        findings = check(text, expected)
        assert (reader, findings.missing, findings.out_of_order) == (reader, (), ())
        lines = [normalise(line) for line in text.splitlines()]
        apart = [
            (dated.heading.text, dated.aside.text)
            for dated in expected.dated_headings
            if not any(
                normalise(dated.heading.text) in line and normalise(dated.aside.text) in line
                for line in lines
            )
        ]
        assert (reader, apart) == (reader, [])


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
def test_pymupdf_keeps_a_line_whole_where_its_direction_changes(
    case: str, lines: list[str], tmp_path: Path
) -> None:
    read = PDF_READERS["PyMuPDF"](_export(SOURCES[case], "classic", tmp_path))
    read_lines = [" ".join(line.split()) for line in read.splitlines()]
    for line in lines:
        assert line in read_lines, read_lines


@pytest.mark.parametrize("reader", [*READERS, "pdftotext"])
def test_a_number_glued_to_the_arabic_comma_after_it_is_read_with_it(
    reader: str, tmp_path: Path
) -> None:
    """``فبراير 2021، إربد``: the comma is written at the number's end, its glyph painted
    where it shows; pdfminer.six cut the line there, pypdf read a space before it, and
    pdftotext read it before the number."""
    text = normalise(PDF_READERS[reader](_export(SOURCES["ar-loc"], "classic", tmp_path)))
    # pdftotext's own bidi moves the space before the number (its reading of a space
    # between a number and a right-to-left word), but no longer the comma.
    assert ("2021،" if reader == "pdftotext" else "2021، إربد") in text


HEADINGS = """\
name: ليلى حسن
email: layla@example.com
locale: {language: ar}
sections:
  - title: الخبرة
    type: experience
    entries:
      - title: مطورة في الفريق 42
        organization: شركة
        start: 2017-03
        end: 2018-01
      - title: مطورة في الفريق ٤٢
        organization: شركة
        start: 2021-03
        end: present
"""


def test_a_heading_with_a_number_before_its_comma_is_read_with_its_dates(
    tmp_path: Path,
) -> None:
    """The title ends with a number and the organization follows after an Arabic comma
    in another style: the comma and the space, two pieces, are written at the number's
    end."""
    pdf = export_or_skip(tmp_path, HEADINGS, "pdf")
    lines = [normalise(line) for line in PDF_READERS["PyMuPDF"](pdf).splitlines()]
    assert "مطورة في الفريق 42، شركة — مارس 2017 – يناير 2018" in lines, lines


def test_a_line_with_arabic_indic_digits_keeps_its_dates_readable(tmp_path: Path) -> None:
    """PyMuPDF reads Arabic-Indic digits right to left, finds them written left to right
    and reverses the whole line (``سرام`` for ``مارس``): that heading line keeps the
    stretched glyphs, at which PyMuPDF starts new lines, so its dates read as typed."""
    pdf = export_or_skip(tmp_path, HEADINGS, "pdf")
    text = normalise(PDF_READERS["PyMuPDF"](pdf))
    assert "مارس 2021 – حتى الآن" in text
    assert "سرام" not in text
