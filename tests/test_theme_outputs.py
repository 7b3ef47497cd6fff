"""Every built-in theme, end to end: the seed exported through the command line to a PDF
and a DOCX of one page each (the DOCX one page in LibreOffice too), its PDF read cleanly
by each of the seven text readers applicant tracking systems use — every fact, each date
on its heading's line, the entries in order —, tagged without a PDF/UA finding, its
fonts embedded, and ``resumeout verify`` content with both."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from resumeout.model.style import BUILTIN_THEMES
from resumeout.source.validation import load_resume
from resumeout.verification.checks import check, normalise
from resumeout.verification.facts import drawn_text, expected_facts
from resumeout.views.document import present
from tests.conftest import ROOT, run_cli
from tests.pdf_readers import PDF_READERS
from tests.readers import libreoffice_pdf

SEED = ROOT / "resume.yaml"


def _source(folder: Path, theme: str) -> Path:
    source = folder / "resume.yaml"
    source.write_text(
        SEED.read_text(encoding="utf-8") + f"\ndesign:\n  theme: {theme}\n", encoding="utf-8"
    )
    return source


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each theme's folder: its résumé (the seed naming the theme), its PDF and DOCX."""
    folders = {}
    for theme in BUILTIN_THEMES:
        folder = tmp_path_factory.mktemp(theme)
        source = _source(folder, theme)
        for suffix in ("pdf", "docx"):
            result = run_cli("export", str(source), "-o", str(folder / f"seed.{suffix}"))
            assert result.returncode == 0, result.stderr
            assert "warning" not in result.stderr, result.stderr  # every font is there
        folders[theme] = folder
    return folders


@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_the_seed_is_one_page_in_the_pdf_and_in_the_docx(
    theme: str, exported: dict[str, Path], tmp_path: Path
) -> None:
    folder = exported[theme]
    assert len(PdfReader(folder / "seed.pdf").pages) == 1
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    converted = libreoffice_pdf(folder / "seed.docx", tmp_path, fonts=[])
    assert len(PdfReader(converted).pages) == 1


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_every_reader_reads_the_seed_cleanly_in_order(
    theme: str, reader: str, exported: dict[str, Path]
) -> None:
    folder = exported[theme]
    text = PDF_READERS[reader](folder / "seed.pdf")
    resume = load_resume(folder / "resume.yaml")
    findings = check(text, expected_facts(resume))
    assert [m.fact.text for m in findings.missing] == []
    assert [d.entry.heading.text for d in findings.dates_apart] == []
    assert [s.character for s in findings.suspicious] == []
    assert not re.search(r"\w—|—\w", text)  # a leader glued to a word reads as one word
    # Every entry in order, each after the one before it; titles read as they are drawn.
    flowing = normalise(text)
    case = resume.design.section_titles.case
    at = 0
    for section in present(resume).sections:
        title = section.title if case == "as_written" else section.title.upper()
        assert title in flowing
        for entry in section.entries:
            heading = normalise(drawn_text(entry.heading or entry.lines[0]))[:24]
            found = flowing.find(heading, at)
            assert found >= 0, f"{heading!r} is missing or out of order"
            at = found + len(heading)


@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_the_pdfua_checker_finds_nothing(theme: str, exported: dict[str, Path]) -> None:
    pdfua = pytest.importorskip("pdfua")
    report = pdfua.validate(str(exported[theme] / "seed.pdf"))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_every_font_is_embedded(theme: str, exported: dict[str, Path]) -> None:
    with pikepdf.open(exported[theme] / "seed.pdf") as pdf:
        fonts = pdf.pages[0].Resources.Font
        names = []
        for key in fonts.keys():  # noqa: SIM118 (a pikepdf Dictionary)
            font = fonts[key]
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant.FontDescriptor, str(font.BaseFont)
            names.append(str(font.BaseFont))
    family = "SourceSerifPro" if theme == "academic" else "SourceSansPro"
    assert any(name.endswith(f"+{family}-Regular") for name in names), names
    if shutil.which("pdffonts") is not None:
        listing = subprocess.run(
            ["pdffonts", str(exported[theme] / "seed.pdf")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[2:]
        assert listing and all(line.split()[-5] == "yes" for line in listing), listing


@pytest.mark.parametrize("theme", BUILTIN_THEMES)
def test_verify_finds_the_whole_resume(theme: str, exported: dict[str, Path]) -> None:
    result = run_cli("verify", str(exported[theme] / "resume.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("dates on their heading's line") == 2  # the PDF and the DOCX
