"""The PDF, read back with independent readers: pypdf, and poppler where installed."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from resumeout.exporters.pdf import PdfExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.conftest import SEED_FACTS, normalise

poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture(scope="module")
def seed_pdf(seed: Resume) -> bytes:
    return PdfExporter().render(seed)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_one_page_with_every_fact(seed_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(seed_pdf))
    assert len(reader.pages) == 1
    text = normalise(_text(seed_pdf))
    assert [fact for fact in SEED_FACTS if fact not in text] == []


def test_entry_dates_are_read_with_their_entry(seed_pdf: bytes) -> None:
    # In content order (pypdf, pdfminer, `pdftotext -raw`): heading, its date, its details.
    text = normalise(_text(seed_pdf))
    assert "Computer Science — Sep 2024 – Present Research Area" in text
    assert "Tencent — Apr 2022 – Nov 2022 Skills" in text


def test_metadata(seed_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(seed_pdf)).metadata
    assert meta is not None
    assert meta.title == "Runyu Lu – Résumé"
    assert meta.author == "Runyu Lu"
    assert meta.creator is not None and meta.creator.startswith("resumeout ")
    assert str(meta["/CreationDate"]).startswith("D:20260316")


def test_outline_has_a_bookmark_per_section(seed_pdf: bytes) -> None:
    outline: list[Any] = list(PdfReader(io.BytesIO(seed_pdf)).outline)
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Education", "Publications", "arXiv", "Work Experience", "Skills"]


def test_links_are_annotations(seed_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(seed_pdf)).pages[0]
    annotations: list[Any] = page["/Annots"]  # type: ignore[assignment]
    uris = [annotation.get_object()["/A"]["/URI"] for annotation in annotations]
    assert uris == [
        "mailto:runyulu@umich.edu",
        "tel:+17342160351",
        "https://runyulu.com",
        "https://github.com/LRY89757",
        "https://www.linkedin.com/in/runyu-lu",
    ]


def test_every_font_is_embedded(seed_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(seed_pdf)).pages[0]
    fonts: dict[str, Any] = page["/Resources"]["/Font"]  # type: ignore[index]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
        assert "/ToUnicode" in font


def test_source_date_epoch_sets_the_date(seed: Resume, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    meta = PdfReader(io.BytesIO(PdfExporter().render(seed))).metadata
    assert meta is not None and str(meta["/CreationDate"]).startswith("D:20231114")


def test_long_unbroken_words_wrap_inside_the_page(tmp_path: Path) -> None:
    word = "W" * 400
    source = tmp_path / "r.yaml"
    source.write_text(
        f"name: N\nsections:\n  - title: T\n    type: text\n    entries:\n"
        f"      - 'https://example.org/{word}'\n",
        encoding="utf-8",
    )
    pdf = PdfExporter().render(load_resume(source))
    reader = PdfReader(io.BytesIO(pdf))
    width = float(reader.pages[0].mediabox.width)
    boxes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            boxes.append(tm[4] + cm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    assert "".join(_text(pdf).split()).count("W") == 400
    assert boxes and max(boxes) < width


@poppler
def test_pdffonts_sees_only_embedded_fonts(tmp_path: Path, seed_pdf: bytes) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(seed_pdf)
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


@poppler
def test_pdftotext_reads_every_fact(tmp_path: Path, seed_pdf: bytes) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(seed_pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert [fact for fact in SEED_FACTS if fact not in normalise(text)] == []
    # Plain pdftotext reads by position: each date stays on its entry's line.
    lines = text.splitlines()
    for line in (
        "University of Michigan, PhD, Computer Science — Sep 2024 – Present",
        "TetriServe: Efficiently Serving Mixed DiT Workloads — ASPLOS 2026",
        "NCNN: Develop High Performance CNN Inference Engine, Tencent — Apr 2022 – Nov 2022",
    ):
        assert line in lines
    assert "\ufffd" not in text and not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def test_non_latin_text_has_no_missing_glyphs(tmp_path: Path) -> None:
    from resumeout.exporters.pdf.fonts import fallback_fonts

    if not fallback_fonts():
        pytest.skip("no fallback fonts installed (CI installs DejaVu, Droid Sans Fallback)")
    source = tmp_path / "r.yaml"
    source.write_text(
        "name: 陆润宇 (Zoë Ångström)\nheadline: Ελληνικά · Русский · ✉ ☎\n", encoding="utf-8"
    )
    exporter = PdfExporter()
    pdf = exporter.render(load_resume(source))
    assert exporter.warnings == []
    text = _text(pdf)
    for word in ("陆润宇", "Zoë Ångström", "Ελληνικά", "Русский", "✉", "☎"):
        assert word in text


def _fonts_drawing(pdf: bytes) -> list[tuple[str, str, bool]]:
    """(text, font name, embedded) for every piece of text the first page draws."""
    pieces: list[tuple[str, str, bool]] = []

    def visit(text: str, cm: object, tm: object, font: Any, size: object) -> None:
        if text.strip():
            descriptor = font.get("/FontDescriptor", {}) if font else {}
            name = str(font["/BaseFont"]).split("+")[-1] if font else "none"
            pieces.append((text.strip(), name, "/FontFile2" in descriptor))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return pieces


def test_bullets_italic_and_code_use_embedded_fonts(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(
        "name: N\nheadline: '*italic* and `code`'\nsections:\n  - title: T\n"
        "    type: experience\n    entries:\n      - title: '**Bold** job'\n"
        "        highlights: [one, '*two*']\n",
        encoding="utf-8",
    )
    pieces = _fonts_drawing(PdfExporter().render(load_resume(source)))

    def font_of(word: str) -> tuple[str, bool]:
        found = [(name, embedded) for text, name, embedded in pieces if word in text.split()]
        assert found, f"{word!r} is not drawn: {pieces}"
        return found[0]

    assert font_of("italic") == ("SourceSansPro-It", True)
    assert font_of("Bold") == ("SourceSansPro-Semibold", True)
    assert font_of("two") == ("SourceSansPro-It", True)  # an italic bullet
    assert font_of("•")[1] and font_of("one")[1]
    assert font_of("code")[1], "inline code is drawn in a font that is not embedded"
    assert all(embedded for _, _, embedded in pieces), pieces
