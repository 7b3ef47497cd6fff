"""Italic text in scripts the PDF draws upright (Chinese, Japanese, Korean, Arabic,
Hebrew, Indic, Thai) is upright in the Word document too: Word and LibreOffice would
otherwise slant it with a synthetic oblique. Read back with python-docx from real
exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.text.run import Run

from tests.conftest import ROOT, export_or_skip, run_cli

WORLD = ROOT / "tests" / "data" / "world"


def _export(source: Path, folder: Path, *options: str) -> Path:
    result = run_cli("export", str(source), "-f", "docx", "-o", str(folder), "-q", *options)
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip(f"this machine lacks a font: {result.stderr.splitlines()[0]}")
    assert result.returncode == 0, result.stderr
    (path,) = folder.glob("*.docx")
    return path


def _slanted(run: Run) -> bool:
    """Whether Word sets ``run`` in italic: its own setting, else its character style's."""
    if run.italic is not None:
        return run.italic
    return run.style is not None and bool(run.style.font.italic)


def _chinese(highlight: str) -> str:
    """A Chinese résumé with one entry of one ``highlight``, as written in YAML."""
    return (
        "name: 王小明\nlocale: {language: zh}\nsections:\n  - title: 项目\n    type: entries\n"
        f"    entries:\n      - title: 编辑器\n        highlights:\n          - {highlight}\n"
    )


def _runs(path: Path) -> list[Run]:
    return [run for paragraph in docx.Document(str(path)).paragraphs for run in paragraph.runs]


def test_an_italic_chinese_date_keeps_its_digits_italic_and_its_characters_upright(
    tmp_path: Path,
) -> None:
    path = _export(WORLD / "chinese.yaml", tmp_path, "--theme", "academic")
    document = docx.Document(str(path))
    dated = [p for p in document.paragraphs if "至今" in p.text]
    assert len(dated) == 1
    assert "2019-07 – 至今" in dated[0].text  # split into runs, every space kept
    by_text = {run.text: run for run in dated[0].runs}
    assert _slanted(by_text["2019-07 – "])
    assert not _slanted(by_text["至今"])
    for run in _runs(path):
        if _slanted(run):
            assert not any("\u4e00" <= char <= "\u9fff" for char in run.text), run.text


def test_markup_italic_in_chinese_is_upright_and_its_latin_words_italic(tmp_path: Path) -> None:
    path = export_or_skip(tmp_path, _chinese("用 *Rust 重写核心*。"), "docx")
    runs = {run.text: run for run in _runs(path)}
    assert _slanted(runs["Rust "])
    assert not _slanted(runs["重写核心"])
    assert "用 Rust 重写核心。" in [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("script", ["arabic", "hindi"])
def test_no_complex_script_text_is_slanted(script: str, tmp_path: Path) -> None:
    """Word slants Arabic, Hebrew, Indic and Thai text only through ``w:iCs``."""
    path = _export(WORLD / f"{script}.yaml", tmp_path, "--theme", "academic")
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml") + package.read("word/styles.xml")
    assert b"<w:i/>" in xml  # the theme's dates are italic
    assert b"w:iCs" not in xml


def test_a_latin_resume_gets_no_upright_runs(tmp_path: Path) -> None:
    path = _export(ROOT / "resume.yaml", tmp_path, "--theme", "academic")
    with zipfile.ZipFile(path) as package:
        assert b'<w:i w:val="0"/>' not in package.read("word/document.xml")


def test_an_italic_run_with_a_tab_inside_is_split_around_it(tmp_path: Path) -> None:
    path = export_or_skip(tmp_path, _chinese('"用 *重写\\t核心* 服务"'), "docx")
    runs = _runs(path)
    assert "用 重写\t核心 服务" in [p.text for p in docx.Document(str(path)).paragraphs]
    slanted = [run.text for run in runs if _slanted(run)]
    assert slanted and not [
        text for text in slanted if any("\u4e00" <= c <= "\u9fff" for c in text)
    ]


def test_no_space_is_added_between_east_asian_text_and_latin_or_digits(tmp_path: Path) -> None:
    """The PDF sets 2019年7月 without spaces; Word adds a space between East Asian text
    and Latin letters (w:autoSpaceDE) or digits (w:autoSpaceDN) unless told not to."""
    path = _export(WORLD / "chinese.yaml", tmp_path)
    with zipfile.ZipFile(path) as package:
        styles = package.read("word/styles.xml").decode()
    defaults = styles[styles.index("<w:pPrDefault>") : styles.index("</w:pPrDefault>")]
    assert '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' in defaults
