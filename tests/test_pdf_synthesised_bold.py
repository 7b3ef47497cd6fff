"""Bold drawn where a script's font has no bold face, as browsers draw it.

WenQuanYi Zen Hei, the CJK font of a Debian machine, has one weight: a Chinese
résumé's section titles, organisations and schools came out regular in the PDF while
they are bold in the DOCX. A bold run drawn in a face that is not bold is now filled
and its outline stroked (text render mode 2), in its own colour, once: readers read
the same text. Faces that are bold by design, the document's own Latin font and the
Noto faces of Arabic, Hebrew, Devanagari and Thai among them, are drawn as before.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from resumeout.exporters.fontfiles import bundled_files
from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.pdf.look import Rgb
from resumeout.exporters.pdf.runs import Pen
from resumeout.exporters.pdf.scripts import FontChain
from resumeout.exporters.pdf.scripts.drawing import emboldening_width, needs_emboldening
from resumeout.exporters.pdf.scripts.itemize import MissingGlyphError
from resumeout.source.validation import load_resume
from tests.conftest import ROOT, SEED
from tests.pdf_readers import PDF_READERS

WORLD = ROOT / "tests" / "data" / "world"
CHINESE = WORLD / "chinese.yaml"
BOLD_IN_CHINESE = {"王小明", "工作经历", "示例科技有限公司", "教育背景", "北京大学"}
"""The name, the section titles, the organisation and the school: bold in the theme."""
REGULAR_IN_CHINESE = ["软件工程师，北京", "高级软件工程师", "学士", "计算机科学"]


def _bold_chain(char: str) -> Any:
    """The face a bold run's ``char`` is drawn in (None: no font has it)."""
    return FontChain(bundled_files()["bold"], bold=True).face_for(char)


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        data = PdfExporter(CHINESE.parent).render(load_resume(CHINESE))
    except MissingGlyphError as error:
        pytest.skip(f"this machine has no CJK font (Debian: fonts-wqy-zenhei): {error}")
    face = _bold_chain("王")
    if face is not None and face.bold:
        pytest.skip(f"the CJK font here has a bold face ({face.path.name}): nothing to synthesise")
    path = tmp_path_factory.mktemp("bold") / "chinese.pdf"
    path.write_bytes(data)
    return path


def _spans(path: Path) -> list[dict[str, Any]]:
    """PyMuPDF's trace of every span drawn: a span in render mode 2 is traced twice,
    filled (type 0) and stroked (type 1)."""
    pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
    with pymupdf.open(str(path)) as document:
        return [span for page in document for span in page.get_texttrace()]


def _text(span: dict[str, Any]) -> str:
    return "".join(chr(char[0]) for char in span["chars"])


def _operations(page: Any) -> list[tuple[list[Any], str]]:
    """The page's content stream as (operands, operator) pairs."""
    return [
        (list(instruction.operands), str(instruction.operator))
        for instruction in pikepdf.parse_content_stream(page)
    ]


def _render_modes(path: Path) -> list[int]:
    with pikepdf.open(path) as pdf:
        return [
            int(operands[0])
            for page in pdf.pages
            for operands, operator in _operations(page)
            if operator == "Tr"
        ]


def test_bold_chinese_is_filled_and_stroked_and_regular_chinese_only_filled(
    chinese: Path,
) -> None:
    spans = _spans(chinese)
    stroked = [span for span in spans if span["type"] == 1]
    filled = {(_text(span), tuple(span["bbox"])) for span in spans if span["type"] == 0}
    assert {_text(span) for span in stroked} == BOLD_IN_CHINESE
    for span in stroked:  # filled too, in its place: render mode 2, not 1
        assert (_text(span), tuple(span["bbox"])) in filled
        assert span["linewidth"] == pytest.approx(emboldening_width(span["size"]), abs=1e-4)
        assert span["color"] == next(
            other["color"] for other in spans if other["type"] == 0 and _text(other) == _text(span)
        )
    assert {_text(span) for span in spans if span["type"] == 0} >= set(REGULAR_IN_CHINESE)
    # Each bold run switches stroking on and back off: nothing else is stroked.
    assert _render_modes(chinese) == [2, 0] * len(BOLD_IN_CHINESE)


def _without_stroking(source: Path, target: Path) -> None:
    """``source`` with every text render mode set to 0 (fill): drawn regular."""
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            operations: list[Any] = [
                (([0] if operator == "Tr" else operands), pikepdf.Operator(operator))
                for operands, operator in _operations(page)
            ]
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        pdf.save(target)


@pytest.mark.parametrize("reader", sorted(PDF_READERS))
def test_every_reader_reads_the_same_text_as_without_synthesised_bold(
    reader: str, chinese: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.pdf"
    _without_stroking(chinese, plain)
    assert 2 in _render_modes(chinese) and 2 not in _render_modes(plain)
    read = PDF_READERS[reader]
    text = read(chinese)
    assert text == read(plain)
    for phrase in BOLD_IN_CHINESE:  # drawn once, read once
        assert "".join(text.split()).count(phrase) == 1, phrase


def test_the_pdfua_checker_finds_nothing(chinese: Path) -> None:
    pdfua = pytest.importorskip("pdfua")
    report = pdfua.validate(str(chinese))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


def _stroke_states(path: Path) -> Iterator[tuple[float, tuple[float, ...], int]]:
    """Line width, stroke colour and line join in force at each stroked path (``S``),
    followed through ``q``/``Q`` from the PDF's defaults."""
    state: tuple[float, tuple[float, ...], int] = (1.0, (0.0,), 0)
    saved = []
    with pikepdf.open(path) as pdf:
        for operands, operator in _operations(pdf.pages[0]):
            width, colour, join = state
            match operator:
                case "q":
                    saved.append(state)
                case "Q":
                    state = saved.pop()
                case "w":
                    state = (float(operands[0]), colour, join)
                case "RG" | "G":
                    state = (width, tuple(float(value) for value in operands), join)
                case "j":
                    state = (width, colour, int(operands[0]))
                case "S":
                    yield state


def test_a_line_drawn_after_a_synthesised_bold_run_keeps_its_colour_and_width(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rule.pdf"
    canvas = Canvas(str(path), pagesize=(400, 200), invariant=1)
    canvas.setStrokeColorRGB(1, 0, 0)
    canvas.setLineWidth(6)
    pen = Pen(canvas.beginText(20, 150))
    pen.font("Helvetica", 30)
    with pen.outlined(1.5, Rgb(0, 0, 1)):
        pen.show("Bold")
    pen.show(" after")
    pen.draw_on(canvas)
    # reportlab believes the stroke is red and 6 wide, and so sets neither again.
    canvas.line(20, 60, 380, 60)
    canvas.save()

    assert list(_stroke_states(path)) == [(6.0, (1.0, 0.0, 0.0), 0)]
    pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
    with pymupdf.open(str(path)) as document:
        page = document[0]
        spans = page.get_texttrace()
        pixels = page.get_pixmap(dpi=72)
    assert [(_text(span).strip(), span["type"]) for span in spans] == [
        ("Bold", 0),
        ("Bold", 1),
        ("after", 0),
    ]
    # The line, 200 - 60 = 140 pixels from the top, 6 wide: red through its width.
    assert [pixels.pixel(200, row) for row in range(138, 143)] == [(255, 0, 0)] * 5
    assert pixels.pixel(200, 134) == (255, 255, 255)  # and no wider


def test_the_emboldening_stroke_is_a_share_of_the_size_thinner_at_large_sizes() -> None:
    # Linear in between: a 27th of the way from 9 to 36 points.
    assert emboldening_width(10) == pytest.approx(10 * (1 / 24 + (1 / 32 - 1 / 24) / 27))
    assert emboldening_width(6) == pytest.approx(6 / 24)
    assert emboldening_width(9) == pytest.approx(9 / 24)
    assert emboldening_width(36) == pytest.approx(36 / 32)
    assert emboldening_width(72) == pytest.approx(72 / 32)
    sizes = [6, 9, 10, 14, 20, 26, 36, 72]
    widths = [emboldening_width(size) for size in sizes]
    assert widths == sorted(widths)
    shares = [width / size for width, size in zip(widths, sizes, strict=True)]
    assert shares == sorted(shares, reverse=True)


def test_the_documents_own_font_is_bold_by_design() -> None:
    files = bundled_files()
    bold = FontChain(files["bold"], bold=True).primary
    regular = FontChain(files["regular"]).primary
    assert (bold.bold, regular.bold) == (True, False)
    assert not needs_emboldening(bold, 700)
    assert needs_emboldening(regular, 700)
    assert not needs_emboldening(regular, None)


def test_a_variable_font_set_at_bold_is_bold() -> None:
    pytest.importorskip("fontpkg_noto_sans_arabic", reason="the world extra is not installed")
    files = bundled_files()
    chain = FontChain(files["bold"], bold=True, use_system_fonts=False)
    regular_chain = FontChain(files["regular"], use_system_fonts=False)
    bold_face, regular_face = chain.face_for("م"), regular_chain.face_for("م")
    assert bold_face is not None and regular_face is not None
    assert bold_face.path == regular_face.path  # one variable file, two weights
    assert (bold_face.bold, regular_face.bold) == (True, False)


def test_the_latin_seed_draws_no_text_stroked() -> None:
    data = PdfExporter(SEED.parent).render(load_resume(SEED))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        operators = {operator for page in pdf.pages for _, operator in _operations(page)}
    assert "Tr" not in operators


@pytest.mark.parametrize(
    ("script", "letter"), [("arabic", "م"), ("hebrew", "ש"), ("hindi", "क"), ("thai", "ก")]
)
def test_scripts_whose_fonts_have_a_bold_face_draw_no_text_stroked(
    script: str, letter: str, tmp_path: Path
) -> None:
    face = _bold_chain(letter)
    if face is None:
        pytest.skip(f"this machine has no font for {script}")
    if not face.bold:
        pytest.skip(f"{face.path.name}, the font here for {script}, has no bold face")
    source = WORLD / f"{script}.yaml"
    path = tmp_path / f"{script}.pdf"
    path.write_bytes(PdfExporter(source.parent).render(load_resume(source)))
    assert _render_modes(path) == []
