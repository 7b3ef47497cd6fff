"""An entry's dates where right-to-left text is about: in the Word document, as the
Unicode bidi algorithm (the one LibreOffice runs over a whole paragraph) shows them, in
the order the PDF shows; in the PDF, as its readers read them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi import get_display
from docx import Document

from tests.conftest import export_or_skip
from tests.pdf_readers import PDF_READERS

ARABIC = """\
name: محمد أحمد
sections:
  - title: الخبرة
    type: experience
    entries:
      - title: مهندس برمجيات أول
        organization: شركة المثال
        start: 2020-09
        end: present
      - title: مهندس برمجيات
        organization: شركة أخرى
        start: 2017-01
        end: 2020-08
settings:
  dates: {month: numeric, present: الآن}
"""


@pytest.fixture(scope="module")
def headings(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The text of each entry's heading paragraph, as python-docx reads it."""
    path = export_or_skip(tmp_path_factory.mktemp("aside"), ARABIC, "docx")
    document = Document(str(path))
    return [p.text for p in document.paragraphs if p.style and p.style.name == "Entry Heading"]


def _shown(paragraph: str) -> str:
    """The paragraph laid out right to left, as a page shows it from left to right."""
    shown: str = get_display(paragraph, base_dir="R")
    return shown


def test_an_iso_month_after_arabic_text_keeps_its_order(headings: list[str]) -> None:
    # Without a mark, "2020" after Arabic letters is an Arabic number: 09-2020.
    shown = _shown(headings[0])
    assert "2020-09" in shown and "09-2020" not in shown


def test_dates_without_letters_read_left_to_right_in_a_right_to_left_paragraph(
    headings: list[str],
) -> None:
    # Without a mark, the two dates are shown in reverse: 2020-08 – 2017-01.
    assert "2017-01 – 2020-08" in _shown(headings[1])


def test_the_mark_is_the_only_character_added(headings: list[str]) -> None:
    visible = [text.replace("\u200e", "").replace("\u200f", "") for text in headings]
    assert visible == [
        "مهندس برمجيات أول, شركة المثال\t2020-09 – الآن",
        "مهندس برمجيات, شركة أخرى\t2017-01 – 2020-08",
    ]
    assert headings[0].count("\u200f") == 1 and headings[1].count("\u200e") == 1


def test_dates_after_an_arabic_name_in_a_left_to_right_paragraph_keep_their_order(
    tmp_path: Path,
) -> None:
    source = (
        "name: Sam Lee\nsections:\n  - title: Experience\n    type: experience\n"
        "    entries:\n      - title: Engineer\n        organization: شركة المثال\n"
        "        start: 2020-09\n        end: 2021-03\nsettings:\n  dates: {month: numeric}\n"
    )
    path = export_or_skip(tmp_path, source, "docx")
    (heading,) = [p.text for p in Document(str(path)).paragraphs if p.text.startswith("Engineer")]
    # Without a mark, "2020" after the Arabic name is an Arabic number: 09-2020.
    shown = get_display(heading, base_dir="L")
    assert "2020-09 – 2021-03" in shown


OWN_LINE = ARABIC + "design:\n  entries: {dates: own_line}\n"


def test_dates_on_a_line_of_their_own_keep_their_order_in_the_docx(tmp_path: Path) -> None:
    path = export_or_skip(tmp_path, OWN_LINE, "docx")
    dates = [
        p.text for p in Document(str(path)).paragraphs if p.style and p.style.name == "Entry Dates"
    ]
    # Without a mark, a right-to-left paragraph shows the two dates in reverse.
    assert ["2017-01 – 2020-08" in _shown(text) for text in dates] == [False, True]


@pytest.mark.parametrize("reader", sorted(PDF_READERS))
def test_dates_on_a_line_of_their_own_read_in_order_in_the_pdf(reader: str, tmp_path: Path) -> None:
    # Under the heading, as beside it, dates without a letter read left to right in a
    # right-to-left résumé; set right to left, pdftotext read "2020-08 – 2017-01".
    path = export_or_skip(tmp_path, OWN_LINE, "pdf")
    text = " ".join(PDF_READERS[reader](path).split())
    assert "2017-01 – 2020-08" in text and "2020-08 – 2017-01" not in text
