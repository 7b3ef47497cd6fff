"""A right-to-left ligature (لا: lam and alef drawn as one glyph) read back letter by
letter in the order typed, by readers that follow the content stream and by readers
that order characters by position.

Debian's static Noto Sans Arabic draws lam-alef as one glyph. Given both letters, that
glyph reads reversed in pdftotext (``ثلاث`` as ``ثالث``), which spreads a glyph's
characters over its width left to right; the PDF writer gives each letter a share of
the ligature's width instead (see ``exporters/pdf/scripts/drawing.py``).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader

from resumeout.exporters.fontfiles import FontNotFoundError, find_family
from resumeout.exporters.pdf import PdfExporter
from resumeout.source.validation import load_resume

WORDS = ("ثلاث", "الآن", "لأن", "الاستجابة", "إلا")
SOURCE = f"""\
name: محمد أحمد
locale: {{language: ar}}
sections:
  - title: الخبرة
    type: experience
    entries:
      - title: مهندس
        start: 2020-09
        highlights:
          - {" ".join(WORDS)}
design:
  fallback_fonts: [Noto Sans Arabic]
"""


def _forms_lam_alef(path: Path, index: int) -> bool:
    import uharfbuzz

    font = uharfbuzz.Font(uharfbuzz.Face(path.read_bytes(), index))
    buffer = uharfbuzz.Buffer()
    buffer.add_str("ثلاث")
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {})
    return len(buffer.glyph_infos) < 4


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ligatures")
    try:
        files, _ = find_family("Noto Sans Arabic", folder)
    except FontNotFoundError:
        pytest.skip("Noto Sans Arabic is not installed (Debian: fonts-noto-core)")
    regular = next(iter(files.values()))
    if not _forms_lam_alef(regular.path, regular.index):
        pytest.skip("this machine's Noto Sans Arabic draws lam-alef as two glyphs")
    source = folder / "r.yaml"
    source.write_text(SOURCE, encoding="utf-8")
    path = folder / "r.pdf"
    path.write_bytes(PdfExporter(folder).render(load_resume(source)))
    return path


def _read(reader: str, path: Path) -> str:
    match reader:
        case "pypdf":
            return "\n".join(page.extract_text() for page in PdfReader(path).pages)
        case "pdfminer":
            return str(pdfminer_text(io.BytesIO(path.read_bytes())))
        case "pymupdf":
            pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
            return "\n".join(str(page.get_text()) for page in pymupdf.open(path))
        case "pdftotext" | "pdftotext-layout":
            if shutil.which("pdftotext") is None:
                pytest.skip("pdftotext (poppler-utils) is not installed")
            layout = ["-layout"] if reader == "pdftotext-layout" else []
            command = ["pdftotext", *layout, str(path), "-"]
            return subprocess.run(command, capture_output=True, text=True, check=True).stdout
    raise AssertionError(reader)


@pytest.mark.parametrize(
    "reader", ["pypdf", "pdfminer", "pymupdf", "pdftotext", "pdftotext-layout"]
)
def test_every_reader_reads_lam_alef_as_typed(reader: str, pdf: Path) -> None:
    text = _read(reader, pdf)
    assert [word for word in WORDS if word not in text] == []
