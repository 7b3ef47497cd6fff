"""The Word document of a résumé in a right-to-left or complex script that names no
language: laid out in the direction the PDF is (one decision, in
``resumeout.views.direction``), and with the complex-script slot's size and bold, so
that Word and LibreOffice set a Hindi name at the name's size."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from resumeout.exporters import load_exporter
from resumeout.source.validation import load_resume
from tests.conftest import ROOT
from tests.pdf_pages import text_lines
from tests.readers import libreoffice_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORLD = ROOT / "tests" / "data" / "world"


def _docx(source: Path) -> bytes:
    return load_exporter("docx")(source.parent).render_bytes(load_resume(source))


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def _paragraphs(data: bytes) -> list[etree._Element]:
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    return list(body.iterfind(f"{W}p"))


@pytest.mark.parametrize("script", ["arabic", "hebrew"])
def test_a_right_to_left_résumé_without_a_language_is_right_to_left_in_word(
    script: str,
) -> None:
    paragraphs = _paragraphs(_docx(WORLD / f"{script}.yaml"))
    assert paragraphs and all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)


def test_a_stated_left_to_right_direction_wins_over_the_text(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    text = (WORLD / "arabic.yaml").read_text(encoding="utf-8")
    source.write_text(text + "locale: {direction: ltr}\n", encoding="utf-8")
    assert all(p.find(f"{W}pPr/{W}bidi") is None for p in _paragraphs(_docx(source)))


def test_hindi_without_a_language_gets_the_complex_script_size_and_bold() -> None:
    data = _docx(WORLD / "hindi.yaml")
    for rpr in _part(data, "word/styles.xml").iter(f"{W}rPr"):
        size = rpr.find(f"{W}sz")
        if size is not None:
            complex_size = rpr.find(f"{W}szCs")
            assert complex_size is not None
            assert complex_size.get(f"{W}val") == size.get(f"{W}val")
    bold = [
        run
        for p in _paragraphs(data)
        for run in p.iter(f"{W}r")
        if run.find(f"{W}rPr/{W}b") is not None
    ]
    assert bold and all(run.find(f"{W}rPr/{W}bCs") is not None for run in bold)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_sets_an_arabic_résumé_from_the_right_and_a_hindi_name_large(
    tmp_path: Path,
) -> None:
    arabic = tmp_path / "arabic.docx"
    arabic.write_bytes(_docx(WORLD / "arabic.yaml"))
    lines = text_lines(libreoffice_pdf(arabic, tmp_path / "ar").read_bytes())
    # LibreOffice writes right-to-left text in visual order: pdfminer reads it reversed.
    title = next(line for line in lines if line.get_text().strip() in ("الخبرة", "الخبرة"[::-1]))
    assert title.x0 > 300  # a section title at the right of an A4/Letter page
    hindi = tmp_path / "hindi.docx"
    hindi.write_bytes(_docx(WORLD / "hindi.yaml"))
    lines = text_lines(libreoffice_pdf(hindi, tmp_path / "hi").read_bytes())
    top = max(lines, key=lambda line: line.y1)  # the name
    heights = sorted(line.height for line in lines)
    assert top.height > 1.8 * heights[len(heights) // 2]


@pytest.mark.parametrize(("script", "bullet"), [("arabic", "‹"), ("greek_cyrillic", "›")])
def test_a_pointing_bullet_points_into_the_text_in_word_too(
    script: str, bullet: str, tmp_path: Path
) -> None:
    source = tmp_path / "r.yaml"
    text = (WORLD / f"{script}.yaml").read_text(encoding="utf-8")
    source.write_text(text + "design:\n  theme: modern\n", encoding="utf-8")
    numbering = _part(_docx(source), "word/numbering.xml")
    assert [level.get(f"{W}val") for level in numbering.iter(f"{W}lvlText")] == [bullet]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_right_to_left_split_header_puts_the_contacts_under_the_name(tmp_path: Path) -> None:
    """As the PDF does: at the far (left) side, the contacts were a line read before the
    name's by readers that order by where lines start."""
    source = tmp_path / "r.yaml"
    text = (WORLD / "arabic.yaml").read_text(encoding="utf-8")
    source.write_text(text + "design:\n  theme: modern\n", encoding="utf-8")
    path = tmp_path / "cv.docx"
    path.write_bytes(_docx(source))
    lines = text_lines(libreoffice_pdf(path, tmp_path / "lo").read_bytes())
    name = max(lines, key=lambda line: line.y1)
    email = next(line for line in lines if "example.org" in line.get_text())
    # The contact line's pieces (pdfminer.six cuts it where the direction changes).
    right = max(line.x1 for line in lines if abs(line.y0 - email.y0) < 1)
    assert abs(right - name.x1) < 2, (right, name.x1)
