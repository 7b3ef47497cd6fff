"""Right-to-left glyphs that stand for several characters (لا: lam and alef drawn as
one glyph; a letter with its shadda or tanwin) read back character by character in the
order typed, by readers that follow the content stream and by readers that order
characters by position, and with every width the PDF gives a glyph equal to the
embedded font's (PDF/UA-1, 7.21.5).

Debian's static Noto Sans Arabic draws lam-alef as one glyph. Given both letters, that
glyph reads reversed in pdftotext (``ثلاث`` as ``ثالث``, ``عمّان`` as ``عّمان``), which
spreads a glyph's characters over its width left to right; the PDF writer gives each
character a share of the glyph's width instead (see ``exporters/pdf/scripts/drawing.py``).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader

from resumeout.exporters.fontfiles import FontNotFoundError, find_family
from resumeout.exporters.pdf import PdfExporter
from resumeout.source.validation import load_resume

WORDS = ("ثلاث", "الآن", "لأن", "الاستجابة", "إلا", "عمّان", "عميلًا")
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


def test_every_glyph_is_as_wide_as_the_embedded_font_says(pdf: Path) -> None:
    mismatches = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for font in page.Resources.Font.values():
                if font.get("/Subtype") != "/Type0":
                    continue
                descendant = font.DescendantFonts[0]
                program = descendant.FontDescriptor.FontFile2.read_bytes()
                embedded = TTFont(io.BytesIO(program))
                order, scale = embedded.getGlyphOrder(), 1000 / embedded["head"].unitsPerEm
                to_glyph = descendant.CIDToGIDMap
                table = None if to_glyph == pikepdf.Name.Identity else to_glyph.read_bytes()
                for cid, width in _widths(descendant.W):
                    gid = cid if table is None else int.from_bytes(table[2 * cid : 2 * cid + 2])
                    advance = embedded["hmtx"][order[gid]][0] * scale
                    if abs(advance - width) > 0.5:
                        mismatches.append((str(font.BaseFont), cid, width, advance))
    assert mismatches == []


def _widths(array: pikepdf.Object) -> list[tuple[int, float]]:
    """``(cid, width)`` of a CIDFont's ``/W`` (both of its forms)."""
    items, found, index = list(array), [], 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            found += [(first + k, float(w)) for k, w in enumerate(items[index + 1])]
            index += 2
        else:
            last, width = int(items[index + 1]), float(items[index + 2])
            found += [(cid, width) for cid in range(first, last + 1)]
            index += 3
    return found
