"""Long résumés: many pages, page X of Y footers, nothing lost, in every format."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from resumeout.exporters.docx import DocxExporter
from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.text import TextExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.factories import entry_count, scaled_resume_yaml
from tests.pdf_pages import page_lines, pages_ending_with_a_title


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
    pdf = PdfExporter().render(long_resume)
    for number, lines in enumerate(page_lines(pdf), start=1):
        # every publication is title, authors, keywords: on one page, or not at all
        venues = ("— ICLR 2026", "— ASPLOS 2026", "— ICML 2024", "— OOPSLA 2024")
        headings = sum(
            1
            for line in lines
            if any(venue in line for venue in venues) or line.startswith("ModalGlue")
        )
        keywords = sum(1 for line in lines if line.startswith("Keywords:"))
        assert headings == keywords, f"page {number} splits a publication"
    assert pages_ending_with_a_title(pdf, (s.title for s in long_resume.sections)) == []


def test_a_section_title_never_ends_a_page(tmp_path: Path) -> None:
    # At this length the first entry of "arXiv" falls just past the end of page 3.
    path = tmp_path / "long.yaml"
    path.write_text(scaled_resume_yaml(8), encoding="utf-8")
    resume = load_resume(path)
    pdf = PdfExporter().render(resume)
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    assert pages_ending_with_a_title(pdf, (s.title for s in resume.sections)) == []


# A name may hold anything a name field accepts, placeholder look-alikes included.
NAME_PIECES = st.one_of(
    st.sampled_from(["{page}", "{pages}", "{name}", "{", "}", "{0}", "%s", "<b>", "&amp;", "—"]),
    st.text(
        st.characters(min_codepoint=0x21, max_codepoint=0x17F, categories=["L", "N", "P", "S"]),
        min_size=1,
        max_size=6,
    ),
)
NAMES = st.lists(NAME_PIECES, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(name=NAMES)
def test_the_footer_shows_any_name_as_written(name: str) -> None:
    paragraphs = "".join(
        f"      - Paragraph {n} of a résumé long enough for two pages.\n" for n in range(70)
    )
    source = (
        f"name: {json.dumps(name)}\n"
        f"sections:\n  - title: T\n    type: text\n    entries:\n{paragraphs}"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(source, encoding="utf-8")
        resume = load_resume(path)
    reader = PdfReader(io.BytesIO(PdfExporter().render(resume)))
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        footer = " ".join(page.extract_text().splitlines()[-1].split())
        assert footer == f"{' '.join(resume.name.split())} — page {number} of {pages}"
