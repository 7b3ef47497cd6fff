"""What the content stream holds for right-to-left text, and what pypdf reads from it.

pypdf reverses the characters it collects in a run of right-to-left text and ends such
a run at each ``Tf``: a right-to-left glyph set after the font is set again reads in
the order written, the typed one. Left-to-right runs keep one ``Tf`` and one ``TJ``.
A right-to-left run ends at its last glyph, its leftmost: a move on to the run's right
edge would read as a space in pypdf, which measures a run as if drawn rightwards from
where it began (``בכיר , חברת``). A Latin word before a comma in a right-to-left
line still reads with a space before the comma (``Go ,``), moved or not.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from resumeout.errors import UncoveredCharactersError
from resumeout.exporters.fontfiles import FontNotFoundError
from resumeout.exporters.pdf import PdfExporter
from resumeout.source.validation import load_resume

HEBREW_MIXED = "כתב שירותים ב Kotlin ו Go, בשנים 2019 – 2021 (שלוש שנים)"
ARABIC = "قاد فريقا من خمسة مهندسين، في القاهرة"
SOURCE = """\
name: דוד כהן
sections:
  - title: ניסיון
    type: experience
    entries:
      - title: מהנדס תוכנה בכיר
        organization: חברת דוגמה
        start: 2019-03
        end: 2021-06
        highlights:
          - {hebrew}
          - {arabic}
design:
  fallback_fonts: [Noto Sans Arabic]
"""


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("rtl")
    source = folder / "r.yaml"
    source.write_text(SOURCE.format(hebrew=HEBREW_MIXED, arabic=ARABIC), encoding="utf-8")
    try:
        return PdfExporter(folder).render(load_resume(source))
    except (
        UncoveredCharactersError,
        FontNotFoundError,
    ) as error:  # no Hebrew or Arabic font on this machine
        pytest.skip(str(error))


def _pypdf_lines(data: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return [" ".join(line.split()) for line in text.splitlines()]


def test_pypdf_reads_right_to_left_lines_as_typed(pdf: bytes) -> None:
    # pypdf still reads a space between a Latin word and the comma after it in a
    # right-to-left line ("Go ,"), where no move follows the Latin word's last glyph.
    lines = [re.sub(r"(?<=[A-Za-z]) (?=,)", "", line) for line in _pypdf_lines(pdf)]
    assert any(line.endswith(ARABIC) for line in lines), lines
    assert any(line.endswith(HEBREW_MIXED) for line in lines), lines
    dated = [line for line in lines if "מהנדס תוכנה בכיר, חברת דוגמה" in line]
    assert dated and "Mar 2019 – Jun 2021" in dated[0], lines


def _text_objects(data: bytes) -> list[str]:
    """The page's text objects, but those of artifacts (the space a line set away from
    the margin starts with, page furniture): the text a reader is meant to read."""
    with pikepdf.open(io.BytesIO(data)) as document:
        content = document.pages[0].Contents.read_bytes().decode("latin-1")
    content = re.sub(r"/Artifact\b.*?\bEMC\b", "", content, flags=re.DOTALL)
    return re.findall(r"\bBT\b(.*?)\bET\b", content, re.DOTALL)


def test_each_right_to_left_glyph_follows_a_font_selection(pdf: bytes) -> None:
    name = _text_objects(pdf)[0]  # the first line: the name, drawn glyph by glyph
    glyphs = re.findall(r"<[0-9A-F]+>", name)
    assert len(glyphs) == len("דוד כהן")
    assert len(re.findall(r"\bTf\b", name)) == len(re.findall(r"\bTJ\b", name)) == len(glyphs)


def test_a_left_to_right_shaped_run_is_one_array_after_one_font(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text("name: नमस्ते दुनिया\n", encoding="utf-8")
    try:
        data = PdfExporter(tmp_path).render(load_resume(source))
    except (
        UncoveredCharactersError,
        FontNotFoundError,
    ) as error:  # no Devanagari font on this machine
        pytest.skip(str(error))
    (name,) = [text for text in _text_objects(data) if "/FS" in text]
    assert len(re.findall(r"\bTf\b", name)) == 1
    assert len(re.findall(r"\bTJ\b", name)) == 1


def test_pypdf_reads_no_space_before_punctuation_after_a_right_to_left_run(pdf: bytes) -> None:
    # The heading's title is bold, the comma after it regular: two runs.
    text = " ".join(_pypdf_lines(pdf))
    assert "מהנדס תוכנה בכיר, חברת דוגמה" in text


def test_a_right_to_left_run_ends_at_its_last_glyph(pdf: bytes) -> None:
    name = _text_objects(pdf)[0]  # the name: one right-to-left run, nothing after it
    assert name.rstrip().endswith("TJ")


def test_a_right_to_left_title_without_a_rule_is_drawn(tmp_path: Path) -> None:
    # The modern theme draws no rule by the section titles.
    source = tmp_path / "r.yaml"
    text = SOURCE.format(hebrew=HEBREW_MIXED, arabic=ARABIC).replace(
        "design:", "design:\n  theme: modern"
    )
    source.write_text(text, encoding="utf-8")
    try:
        data = PdfExporter(tmp_path).render(load_resume(source))
    except FontNotFoundError as error:  # no Hebrew or Arabic font on this machine
        pytest.skip(str(error))
    assert "ניסיון" in " ".join(_pypdf_lines(data))
