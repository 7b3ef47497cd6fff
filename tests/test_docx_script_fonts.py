"""The Word document names and embeds, for its Arabic, Hebrew, Hindi, Thai or CJK text,
the font the PDF draws that text with: real files read back with python-docx, pypdf
and LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from resumeout.exporters import load_exporter
from resumeout.exporters.docx.embedding import obfuscate
from resumeout.exporters.docx.script_fonts import EAST_ASIAN_TEXT
from resumeout.source.validation import load_resume
from tests.conftest import ROOT, run_cli
from tests.readers import libreoffice_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WORLD = ROOT / "tests" / "data" / "world"


def _render(format_name: str, source: Path) -> bytes:
    return load_exporter(format_name)(source.parent).render_bytes(load_resume(source))


def _pdf_fonts(data: bytes) -> set[str]:
    """The PDF's font names without their subset prefix, spaces and style."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"].get_object()
        assert isinstance(fonts, DictionaryObject)
        for font in fonts.values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
            names.add(base.split("-")[0])
    return names


def _squeezed(name: str) -> str:
    return name.replace(" ", "")


@pytest.mark.parametrize(
    ("source", "slot"),
    [
        ("arabic.yaml", "cs"),
        ("hebrew.yaml", "cs"),
        ("hindi.yaml", "cs"),
        ("thai.yaml", "cs"),
        ("chinese.yaml", "eastAsia"),
    ],
)
def test_the_script_slot_names_and_embeds_the_pdfs_font(source: str, slot: str) -> None:
    data = _render("docx", WORLD / source)
    document = docx.Document(io.BytesIO(data))
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None
    named = defaults.get(f"{W}{slot}")
    assert named is not None and named != defaults.get(f"{W}ascii")
    pdf_fonts = _pdf_fonts(_render("pdf", WORLD / source))
    if _squeezed(named) not in pdf_fonts:
        pytest.fail(f"the DOCX names {named!r} where the PDF uses {sorted(pdf_fonts)}")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = package.read("word/fontTable.xml").decode()
    entry = table[table.index(f'w:name="{named}"') :].split("</w:font>")[0]
    assert "w:embedRegular" in entry and 'w:subsetted="1"' in entry
    assert "w:panose1" in entry  # described from its file


def test_a_latin_résumé_names_only_its_design_fonts() -> None:
    data = _render("docx", ROOT / "resume.yaml")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = package.read("word/fontTable.xml").decode()
    assert "Noto" not in table and "Microsoft YaHei" in table


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_libreoffice_draws_hebrew_in_the_embedded_font(tmp_path: Path) -> None:
    path = tmp_path / "hebrew.docx"
    path.write_bytes(_render("docx", WORLD / "hebrew.yaml"))
    named = docx.Document(str(path)).styles.element.find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"
    )
    assert named is not None
    family = _squeezed(named.get(f"{W}cs", ""))
    # Only the design's font is given to LibreOffice: the Hebrew one comes from the DOCX
    # or from the system, and must be the one named, not DejaVu Sans.
    pdf = libreoffice_pdf(path, tmp_path)
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert family in listing.stdout.replace(" ", ""), listing.stdout


@pytest.mark.parametrize("source", ["arabic.yaml", "chinese.yaml", "thai.yaml"])
def test_cutting_a_script_font_says_nothing_on_standard_error(source: str, tmp_path: Path) -> None:
    # WenQuanYi Zen Hei holds tables the subsetter cannot cut (BDF, FFTM): it would warn.
    env = {"RESUMEOUT_NO_CACHE": "1"}
    result = run_cli(
        "export", str(WORLD / source), "-f", "docx", "-o", str(tmp_path), "-q", env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def _embedded_faces(data: bytes) -> dict[tuple[str, str], TTFont]:
    """Each embedded face, by family and member (``embedRegular``…), de-obfuscated."""
    faces = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
        rels = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        for font in table.iter(f"{W}font"):
            for embed in font:
                if not embed.tag.startswith(f"{W}embed"):
                    continue
                target = targets[embed.get(R + "id")]
                raw = package.read("word/" + target)
                program = obfuscate(raw, embed.get(f"{W}fontKey"))
                member = embed.tag.removeprefix(f"{W}embed")
                faces[font.get(f"{W}name"), member] = TTFont(io.BytesIO(program))
    return faces


@pytest.mark.parametrize("source", ["arabic.yaml", "hindi.yaml"])
def test_a_script_font_keeps_the_tables_that_join_and_stack_its_letters(source: str) -> None:
    faces = _embedded_faces(_render("docx", WORLD / source))
    script_faces = [face for (name, _), face in faces.items() if name != "Source Sans Pro"]
    if not script_faces:
        pytest.skip("no font for this script on this machine (Debian: fonts-noto-core)")
    assert all("GSUB" in face for face in script_faces)


def test_a_cjk_font_without_bold_is_embedded_once_with_every_character_it_draws() -> None:
    data = _render("docx", WORLD / "chinese.yaml")
    faces = _embedded_faces(data)
    cjk = {member: face for (name, member), face in faces.items() if name != "Source Sans Pro"}
    if not cjk:
        pytest.skip("no CJK font on this machine (Debian: fonts-wqy-zenhei)")
    assert list(cjk) == ["Regular"]  # a word processor synthesises the bold
    text = docx.Document(io.BytesIO(data)).paragraphs
    drawn = {char for p in text for char in p.text if EAST_ASIAN_TEXT.match(char)}
    cmap = cjk["Regular"].getBestCmap()
    assert drawn and sorted(char for char in drawn if ord(char) not in cmap) == []


def test_a_thai_face_holds_the_parts_a_word_processor_decomposes_sara_am_into() -> None:
    faces = _embedded_faces(_render("docx", WORLD / "thai.yaml"))
    thai = [face for (name, _), face in faces.items() if name != "Source Sans Pro"]
    if not thai:
        pytest.skip("no Thai font on this machine (Debian: fonts-noto-core)")
    for face in thai:
        cmap = face.getBestCmap()
        if 0x0E33 in cmap:  # ำ: LibreOffice draws it as NIKHAHIT and SARA AA
            assert 0x0E4D in cmap and 0x0E32 in cmap


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")
def test_a_serif_theme_draws_arabic_in_a_serif_design_in_both_formats(tmp_path: Path) -> None:
    """Source Serif beside Noto Sans Arabic looked like two documents: with a serif
    document font the chain takes the script's serif design (Noto Naskh Arabic), and
    the DOCX's complex-script slot names the same."""
    installed = subprocess.run(
        ["fc-list", ":lang=ar", "family"], capture_output=True, text=True, check=False
    ).stdout
    if "Naskh" not in installed and "Serif" not in installed:
        pytest.skip("no serif Arabic font installed (Debian: fonts-noto-core)")
    source = tmp_path / "resume.yaml"
    source.write_text(
        (WORLD / "arabic.yaml").read_text("utf-8") + "\ndesign: {theme: academic}\n", "utf-8"
    )
    pdf_fonts = _pdf_fonts(_render("pdf", source))
    arabic = {name for name in pdf_fonts if "Arabic" in name}
    assert arabic and all("Naskh" in name or "Serif" in name for name in arabic), pdf_fonts
    document = docx.Document(io.BytesIO(_render("docx", source)))
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None
    assert _squeezed(defaults.get(f"{W}cs") or "") in pdf_fonts


@pytest.mark.parametrize(
    ("source", "alphabet"),
    [
        ("arabic.yaml", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "پچژگکی"),
        ("hebrew.yaml", "אבגדהוזחטיכלמנסעפצקרשת"),
        ("thai.yaml", "กขคงจฉชซญดตถทธนบปผพฟมยรลวศสหอฮ"),
        ("greek_cyrillic.yaml", "αβγδεζηθικλμνξοπρστυφχψω" + "абвгдежзийклмнопрстуфхцчшщъыьэюя"),
    ],
)
def test_a_face_keeps_the_whole_alphabet_of_a_script_the_document_writes_in(
    source: str, alphabet: str
) -> None:
    """As the design font keeps Western European text: a second résumé in the script,
    opened after the first in one LibreOffice session (which keeps the first embedded
    cut of a family), and a reader editing the document, find every letter."""
    faces = _embedded_faces(_render("docx", WORLD / source))
    covered = set().union(*(face.getBestCmap() for face in faces.values()))
    assert [letter for letter in alphabet if ord(letter) not in covered] == []
