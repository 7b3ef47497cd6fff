"""The DOCX, read back with python-docx and through its XML parts; LibreOffice opens it."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from resumeout.exporters.docx import DocxExporter
from resumeout.model import Resume
from tests.conftest import SEED_FACTS, normalise, run_cli
from tests.readers import libreoffice_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed_docx(seed: Resume) -> bytes:
    return DocxExporter().render(seed)


def test_every_fact_in_document_order(seed_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(seed_docx))
    text = normalise("\n".join(p.text for p in document.paragraphs))
    assert [fact for fact in SEED_FACTS if fact not in text] == []
    # the aside follows its heading after a tab, in the same paragraph
    heading = next(p for p in document.paragraphs if p.text.startswith("University of Michigan"))
    assert heading.text.endswith("\tSep 2024 – Present")


def test_named_styles_carry_the_design(seed_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(seed_docx))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[:3] == ["Name", "Contact", "Heading 1"]
    assert styles.count("Heading 1") == 5
    assert {"Entry Heading", "Entry Details"} <= set(styles)
    heading = document.styles["Heading 1"]
    assert str(heading.font.color.rgb) == "004F90"
    for paragraph in document.paragraphs:  # no direct colour or size on runs
        for run in paragraph.runs:
            assert run.font.size is None and run.font.color.rgb is None


def test_no_tables_text_boxes_or_header_text(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        body = package.read("word/document.xml").decode()
        names = package.namelist()
    assert "<w:tbl>" not in body and "w:txbxContent" not in body and "<w:framePr" not in body
    assert not [n for n in names if n.startswith("word/header")]


def test_bullets_are_a_real_list(tmp_path: Path) -> None:
    from resumeout.source.validation import load_resume

    source = tmp_path / "r.yaml"
    source.write_text(
        "name: N\nsections:\n  - title: E\n    type: experience\n    entries:\n"
        "      - title: T\n        highlights: [one, '**two**']\n",
        encoding="utf-8",
    )
    document = docx.Document(io.BytesIO(DocxExporter().render(load_resume(source))))
    bullets = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert [p.text for p in bullets] == ["one", "two"]
    assert bullets[1].runs[0].bold
    numbering = document.styles["List Bullet"].element.find(f"{W}pPr/{W}numPr")
    assert numbering is not None  # the style is linked to a numbering definition
    assert "•" not in "".join(p.text for p in bullets)


def test_hyperlinks(seed_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(seed_docx))
    contact = document.paragraphs[1]
    links = contact._p.findall(f"{W}hyperlink")
    rels = document.part.rels
    targets = [
        rels[
            link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ].target_ref
        for link in links
    ]
    assert targets == [
        "mailto:runyulu@umich.edu",
        "tel:+17342160351",
        "https://runyulu.com",
        "https://github.com/LRY89757",
        "https://www.linkedin.com/in/runyu-lu",
    ]
    # One space each side of the separator, as the PDF reads: no doubled spaces.
    assert contact.text == (
        "runyulu@umich.edu · +1 (734) 216-0351 · runyulu.com · github.com/LRY89757 · "
        "linkedin.com/in/runyu-lu"
    )


def test_owner_bold_in_authors(seed_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(seed_docx))
    authors = next(p for p in document.paragraphs if p.text.startswith("Shenggui Li"))
    assert [r.text for r in authors.runs if r.bold] == ["Runyu Lu"]


def test_core_properties(seed_docx: bytes) -> None:
    properties = docx.Document(io.BytesIO(seed_docx)).core_properties
    assert properties.title == "Runyu Lu – Résumé"
    assert properties.author == "Runyu Lu"
    assert "python-docx" not in (properties.comments or "")
    assert properties.created is not None and properties.created.date().isoformat() == "2026-03-16"


def test_east_asian_font_slot(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        styles = package.read("word/styles.xml").decode()
    assert 'w:eastAsia="Microsoft YaHei"' in styles and 'w:eastAsia="zh-CN"' in styles


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_it_on_one_page(tmp_path: Path, seed_docx: bytes) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(seed_docx)
    reader = PdfReader(libreoffice_pdf(path, tmp_path))
    assert len(reader.pages) == 1
    text = normalise("\n".join(page.extract_text() for page in reader.pages))
    assert [fact for fact in SEED_FACTS if fact not in text] == []


def test_same_bytes_at_another_time(seed: Resume, seed_docx: bytes) -> None:
    import time

    time.sleep(2.1)  # ZIP times have a two-second resolution
    assert DocxExporter().render(seed) == seed_docx
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(2026, 3, 16, 0, 0, 0)}


def test_pandoc_reads_the_name_and_headline_as_text(tmp_path: Path) -> None:
    # pandoc reads paragraphs in Word's Title and Subtitle styles as metadata, which its
    # plain text leaves out: an applicant tracking system built on it lost the name.
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    source = tmp_path / "resume.yaml"
    source.write_text("name: Zoë Ångström\nheadline: Data engineer in Malmö\n", "utf-8")
    result = run_cli("export", str(source), "-f", "docx", "-o", str(tmp_path), "-q")
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*.docx")
    command = ["pandoc", "-t", "plain", "--wrap=none", str(path)]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert [line for line in text.splitlines() if line][:2] == [
        "Zoë Ångström",
        "Data engineer in Malmö",
    ]


def test_a_light_leader_runs_from_each_heading_to_its_dates(seed: Resume, seed_docx: bytes) -> None:
    """As the PDF's light rule between a heading and its dates: the tab stop's leader,
    drawn in the tab's colour, the design's leader colour. Not text: readers still read
    one tab there."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    document = docx.Document(io.BytesIO(seed_docx))
    (stop,) = document.styles["Entry Heading"].paragraph_format.tab_stops
    assert (stop.alignment, stop.leader) == (WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DASHES)
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Entry Heading"
    ]
    dated = [p for p in headings if "\t" in p.text]
    assert len(dated) == 10
    colour = seed.design.colors.leader.removeprefix("#").upper()
    for paragraph in dated:
        (tab,) = [run for run in paragraph.runs if run.text == "\t"]
        assert tab.style is not None and tab.style.name == "Leader"
        assert str(tab.style.font.color.rgb) == colour
        assert paragraph.text.count("\t") == 1


def test_the_rule_beside_a_section_title_runs_from_its_end_to_the_margin(
    seed: Resume, seed_docx: bytes
) -> None:
    """classic's rule beside the title, as the PDF draws it: a tab after the title whose
    stop at the margin draws a line, in the title's colour, a space before it for the
    gap. Not a border under the title."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml.ns import qn

    assert seed.design.section_titles.rule == "beside"
    document = docx.Document(io.BytesIO(seed_docx))
    style = document.styles["Heading 1"]
    (stop,) = style.paragraph_format.tab_stops
    assert (stop.alignment, stop.leader) == (WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
    section = document.sections[0]
    assert section.page_width is not None and section.left_margin is not None
    assert section.right_margin is not None
    assert stop.position == section.page_width - section.left_margin - section.right_margin
    assert style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is None
    titles = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert [p.text for p in titles] == [f"{s.title} \t" for s in seed.sections]
    for paragraph in titles:
        *_, space, tab = paragraph.runs
        assert space.text == " "  # the gap between the title and its rule
        assert tab.text == "\t" and tab.style is not None and tab.style.name == "Title Rule"
        assert str(tab.style.font.color.rgb) == str(style.font.color.rgb)


def test_a_rule_below_the_title_is_a_border(tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    result = run_cli(
        "export", "resume.yaml", "-f", "docx", "--theme", "academic", "-o", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*.docx")
    document = docx.Document(str(path))
    style = document.styles["Heading 1"]
    assert style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert not list(style.paragraph_format.tab_stops)
    titles = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert titles and all("\t" not in p.text for p in titles)


def test_the_gap_before_the_rule_keeps_every_title_whole(tmp_path: Path) -> None:
    """Every title stays whole in its run, whatever its last letters: a line break or a
    tab, a decomposed accent, an emoji sequence, a Devanagari conjunct (शिक्षा), an
    Arabic letter (LibreOffice draws an Arabic letter given letter spacing stretched).
    The tab that draws the rule is raised on its own run (LibreOffice shrinks a raise
    given by a character style to a superscript's size)."""
    from docx.oxml.ns import qn

    # As YAML writes them in double quotes, and as they read.
    written = ["Work\\nExperience", "Skills\\tand tools", "Cafe\\u0301", "Skills 🧑\\u200d💻"]
    titles = ["Work\nExperience", "Skills\tand tools", "Cafe\u0301", "Skills 🧑\u200d💻"]
    written += ["शिक्षा", "التعليم"]
    titles += ["शिक्षा", "التعليم"]
    sections = "".join(
        f'  - title: "{title}"\n    type: text\n    entries: [words]\n' for title in written
    )
    source = tmp_path / "r.yaml"
    source.write_text(f"name: Ana Lopez\nsections:\n{sections}", encoding="utf-8")
    result = run_cli("export", str(source), "-f", "docx", "-o", str(tmp_path), "-q")
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*.docx")
    document = docx.Document(str(path))
    read = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert [p.text for p in read] == [f"{title} \t" for title in titles]
    for paragraph, title in zip(read, titles, strict=True):
        *texts, space, tab = paragraph.runs
        assert "".join(run.text for run in texts) == title
        assert len(texts) == 1 and texts[0]._r.find(f"{qn('w:rPr')}/{qn('w:spacing')}") is None
        assert space.text == " "
        raised = tab._r.find(f"{qn('w:rPr')}/{qn('w:position')}")
        assert raised is not None and int(raised.get(qn("w:val"))) > 0
    rule = document.styles["Title Rule"].element
    assert rule.find(f"{qn('w:rPr')}/{qn('w:position')}") is None
