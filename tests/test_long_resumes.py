"""Long résumés: many pages, page X of Y footers, nothing lost, in every format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from resumeout.exporters.docx import DocxExporter
from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.text import TextExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.factories import entry_count, scaled_resume_yaml


@pytest.fixture(scope="module")
def long_resume(tmp_path_factory: pytest.TempPathFactory) -> Resume:
    text = scaled_resume_yaml(25)
    assert entry_count(text) == 300
    path = tmp_path_factory.mktemp("long") / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return load_resume(path)


def test_pdf_pages_and_footers(long_resume: Resume) -> None:
    reader = PdfReader(io.BytesIO(PdfExporter().render(long_resume)))
    pages = len(reader.pages)
    assert pages > 5
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert f"Runyu Lu — page {number} of {pages}" in text
    joined = " ".join(" ".join(texts).split())
    assert "NCNN: Develop High Performance CNN Inference Engine (25), Tencent" in joined
    assert "OOPSLA 2024" in joined


def test_one_page_has_no_footer(seed: Resume) -> None:
    text = PdfReader(io.BytesIO(PdfExporter().render(seed))).pages[0].extract_text()
    assert "page 1 of" not in text


def test_docx_and_text_keep_every_entry(long_resume: Resume) -> None:
    document = docx.Document(io.BytesIO(DocxExporter().render(long_resume)))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Entry Heading"
    ]
    assert len(headings) == 300
    text = TextExporter().render(long_resume)
    assert text.count("Tencent") == 25


def test_a_resume_with_only_a_name(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("name: Solo\n", encoding="utf-8")
    resume = load_resume(path)
    assert "Solo" in PdfReader(io.BytesIO(PdfExporter().render(resume))).pages[0].extract_text()
    assert [
        p.text for p in docx.Document(io.BytesIO(DocxExporter().render(resume))).paragraphs
    ] == ["Solo"]


def test_entries_and_section_titles_are_not_split_from_their_content(
    long_resume: Resume,
) -> None:
    reader = PdfReader(io.BytesIO(PdfExporter().render(long_resume)))
    titles = {section.title for section in long_resume.sections}
    for number, page in enumerate(reader.pages, start=1):
        lines = [
            line
            for line in page.extract_text().splitlines()
            if line.strip() and "— page" not in line
        ]
        # every publication is title, authors, keywords: on one page, or not at all
        venues = ("— ICLR 2026", "— ASPLOS 2026", "— ICML 2024", "— OOPSLA 2024")
        headings = sum(
            1
            for line in lines
            if any(venue in line for venue in venues) or line.startswith("ModalGlue")
        )
        keywords = sum(1 for line in lines if line.startswith("Keywords:"))
        assert headings == keywords, f"page {number} splits a publication"
        assert lines[-1].strip() not in titles, f"page {number} ends with a section title"
