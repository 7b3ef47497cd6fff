"""Text in every script, drawn through the scripts toolkit on a plain reportlab canvas and
read back by independent readers, as a user copying it out of the PDF would get it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from resumeout.exporters.fontfiles import FontNotFoundError, bundled_files
from resumeout.exporters.pdf.scripts import (
    FontChain,
    MissingGlyphError,
    ScriptSetter,
    needs_shaping,
)
from resumeout.exporters.pdf.scripts.breaking import break_opportunities, grapheme_boundaries

SAMPLES = {
    "arabic": "محمد يعمل مهندس برمجيات في القاهرة",
    "hebrew": "שלום עולם מהנדס תוכנה",
    "hindi": "नमस्ते दुनिया किताब हिन्दी सॉफ़्टवेयर",
    "thai": "ภาษาไทย น้ำ สวัสดี",
    "chinese": "你好，世界。软件工程师",
    "japanese": "日本語のテキスト",
    "korean": "한국어 이력서",
    "greek_cyrillic": "Ελληνικά Кириллица",
    "vietnamese": "Tiếng Việt: Nguyễn Thị Ánh",
    "emoji": "cat 🐱 emoji",
}
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _chain() -> FontChain:
    # Noto Sans Arabic (fonts-noto-core) draws the Arabic, named as a user would in
    # design.fallback_fonts: fontconfig alone ranks DejaVu Sans first for Arabic.
    try:
        return FontChain(bundled_files()["regular"], ("Noto Sans Arabic",), Path())
    except FontNotFoundError as error:
        pytest.skip(f"Noto Sans Arabic (fonts-noto-core) is not installed: {error}")


@pytest.fixture(scope="module")
def setter() -> ScriptSetter:
    return ScriptSetter(_chain())


def _write(setter: ScriptSetter, lines: list[str], path: Path) -> bytes:
    canvas = Canvas(str(path), invariant=1)
    for number, line in enumerate(lines):
        setter.draw(canvas, line, 72, 740 - 40 * number, 14)
    canvas.save()
    return path.read_bytes()


def _sample_pdf(setter: ScriptSetter, name: str, tmp_path: Path) -> bytes:
    try:
        setter.set(SAMPLES[name], 14)
    except MissingGlyphError as error:
        pytest.skip(f"no installed font covers {name}: {error}")
    return _write(setter, [SAMPLES[name]], tmp_path / f"{name}.pdf")


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _read(reader: str, data: bytes, tmp_path: Path) -> str:
    match reader:
        case "pypdf":
            return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        case "pdfminer":
            return str(pdfminer_text(io.BytesIO(data)))
        case "pdftotext":
            return _pdftotext(data, tmp_path)
        case "pymupdf":
            pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
            document = pymupdf.open(stream=data, filetype="pdf")
            return "\n".join(str(page.get_text()) for page in document)
    raise AssertionError(reader)


def _words(text: str) -> str:
    return " ".join(BIDI_MARKS.sub("", text).split())


@pytest.mark.parametrize("reader", ["pypdf", "pdfminer", "pdftotext", "pymupdf"])
@pytest.mark.parametrize("name", list(SAMPLES))
def test_every_reader_reads_the_typed_text(
    setter: ScriptSetter, name: str, reader: str, tmp_path: Path
) -> None:
    text = _read(reader, _sample_pdf(setter, name, tmp_path), tmp_path)
    assert _words(text) == SAMPLES[name]


@pytest.mark.parametrize("name", list(SAMPLES))
def test_no_null_replacement_or_private_use_characters(
    setter: ScriptSetter, name: str, tmp_path: Path
) -> None:
    data = _sample_pdf(setter, name, tmp_path)
    for reader in ("pypdf", "pdfminer", "pdftotext"):
        text = _read(reader, data, tmp_path)
        odd = [c for c in text if c in "\x00\ufffd" or unicodedata.category(c) == "Co"]
        assert not odd, (reader, odd)


def test_a_name_is_not_turned_into_the_honorific_ligature(
    setter: ScriptSetter, tmp_path: Path
) -> None:
    text = _read("pdfminer", _sample_pdf(setter, "arabic", tmp_path), tmp_path)
    assert "محمد" in text
    assert "\ufdf4" not in text  # ﷴ, what discretionary ligatures make of it


def test_emoji_beyond_the_bmp_maps_through_a_surrogate_pair(
    setter: ScriptSetter, tmp_path: Path
) -> None:
    data = _sample_pdf(setter, "emoji", tmp_path)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cmaps = [
            font.ToUnicode.read_bytes()
            for font in pdf.pages[0].Resources.Font.values()
            if "/ToUnicode" in font and font.Subtype == "/Type0"
        ]
    assert any(b"<D83DDC31>" in cmap for cmap in cmaps)


def test_fonts_are_embedded_cid_subsets(setter: ScriptSetter, tmp_path: Path) -> None:
    data = _write(setter, [SAMPLES["hindi"], SAMPLES["thai"]], tmp_path / "fonts.pdf")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = [font for font in pdf.pages[0].Resources.Font.values() if font.Subtype == "/Type0"]
        assert fonts
        for font in fonts:
            descendant = font.DescendantFonts[0]
            assert descendant.Subtype == "/CIDFontType2"
            assert font.Encoding == "/Identity-H"
            assert re.fullmatch(r"/[A-Z]{6}\+.+", str(font.BaseFont))
            assert "/FontFile2" in descendant.FontDescriptor


def test_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    lines = [SAMPLES[name] for name in ("hindi", "thai", "emoji", "vietnamese")]
    first = _write(ScriptSetter(_chain()), lines, tmp_path / "a.pdf")
    second = _write(ScriptSetter(_chain()), lines, tmp_path / "b.pdf")
    assert first == second


def test_a_character_no_font_has_is_an_error_naming_it() -> None:
    setter = ScriptSetter(_chain())
    with pytest.raises(MissingGlyphError) as caught:
        setter.set("ab\u0378c", 10)  # U+0378 is unassigned: no font has it
    assert caught.value.offset == 2
    assert "U+0378" in str(caught.value)


def test_allow_missing_draws_nothing_there(tmp_path: Path) -> None:
    setter = ScriptSetter(_chain(), allow_missing=True)
    data = _write(setter, ["ab\u0378cd"], tmp_path / "missing.pdf")
    assert [missing.offset for missing in setter.missing] == [2]
    assert _words(_read("pdfminer", data, tmp_path)) == "abcd"


def test_latin_text_does_not_need_the_toolkit(setter: ScriptSetter) -> None:
    characters = setter.chain.primary.characters
    assert not needs_shaping("Sep 2024 – Present, Zürich · “quoted”", characters)
    assert needs_shaping(SAMPLES["arabic"], characters)
    assert needs_shaping("e\u0301", characters)  # a combining mark


def test_right_to_left_paragraphs_are_recognised(setter: ScriptSetter) -> None:
    assert setter.direction(SAMPLES["hebrew"]) == "rtl"
    assert setter.direction("2024 " + SAMPLES["arabic"]) == "rtl"
    assert setter.direction(SAMPLES["hindi"]) == "ltr"


def test_lines_break_between_words_and_never_inside_a_cluster() -> None:
    text = "नमस्ते दुनिया 👨\u200d👩\u200d👧 x"
    clusters = set(grapheme_boundaries(text))
    assert set(break_opportunities(text)) <= clusters
    assert text.index("द") in break_opportunities(text)
    family = text.index("👨")
    assert not any(family < cut < family + 5 for cut in clusters)


def test_cjk_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    text = SAMPLES["chinese"]
    cuts = break_opportunities(text)
    assert text.index("好") in cuts
    assert text.index("，") not in cuts
    assert text.index("。") not in cuts


def test_the_world_extra_draws_arabic_from_a_variable_font(tmp_path: Path) -> None:
    pytest.importorskip("fontpkg_noto_sans_arabic", reason="the world extra is not installed")
    chain = FontChain(bundled_files()["regular"], use_system_fonts=False)
    setter = ScriptSetter(chain)
    data = _write(setter, [SAMPLES["arabic"]], tmp_path / "world.pdf")
    (face,) = {run.face for run in setter.set(SAMPLES["arabic"], 14).runs} - {chain.primary}
    assert "fontpkg_noto_sans_arabic" in str(face.path)  # pinned to its default instance
    assert _words(_read("pdfminer", data, tmp_path)) == SAMPLES["arabic"]


# Not Indic conjuncts: ICU joins a consonant, virama and consonant (UAX #29's GB9c, in
# Unicode 15.1), the rules without it do not.
@pytest.mark.parametrize("text", ["Zoë 👩‍💻 🇫🇷🇩🇪", "한국어 ㅎㅏㄴ", "مُحَمَّد", "e\u0301\u0302x"])
def test_clusters_without_icu_are_icus(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from resumeout.exporters.pdf.scripts import breaking

    if not breaking._icu_available():
        pytest.skip("icu4py (the world extra) is not installed")
    with_icu = grapheme_boundaries(text)
    monkeypatch.setattr(breaking, "_icu_available", lambda: False)
    assert grapheme_boundaries(text) == with_icu
