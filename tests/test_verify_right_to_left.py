"""`verify` on ordinary Arabic and Hebrew résumés, read back from real exports in every
theme: an Arabic comma joining a localised heading, the Hebrew prefix hyphen of
``ב-Python`` and a date column that wraps are what pdfminer.six reads as pieces; a file
made from a source with one word changed still fails, at that word's field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

CASES = ROOT / "tests" / "data" / "right_to_left"
THEMES = ["classic", "academic", "compact", "modern", "minimal"]

# For each résumé: one word changed (old, new), and the field of the fact that holds it.
CHANGES = {
    # the localised heading, whose Arabic comma is read as a box apart
    "ar-loc": ("مهندسة برمجيات أولى", "مهندسة برمجيات ثانية", "sections[0].entries[0].title"),
    # a number read as a box of its own inside a right-to-left bullet
    "ar": ("تعالج 5000 طلب", "تعالج 6000 طلب", "sections[0].entries[0].highlights[0]"),
    # the number after a prefix hyphen
    "he": ("ענן ב-30%", "ענן ב-35%", "sections[0].entries[0].highlights[1]"),
    # a right-to-left word before a prefix hyphen
    "he-loc": ("עם ניסיון ב-Python", "עם ידע ב-Python", "headline"),
}


def _export(source: Path, folder: Path, *options: str) -> list[Path]:
    result = run_cli("export", str(source), "-o", str(folder), "-q", *options)
    assert result.returncode == 0, result.stderr
    return sorted(folder.iterdir())


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("case", sorted(CHANGES))
def test_a_right_to_left_resume_reads_as_written(case: str, theme: str, tmp_path: Path) -> None:
    source = CASES / f"{case}.yaml"
    files = _export(source, tmp_path, "--format", "pdf,docx", "--theme", theme)
    result = run_cli("verify", str(source), *map(str, files), "--error-format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summaries = [json.loads(line) for line in result.stdout.splitlines()]
    assert {s["reader"] for s in summaries} == {"pdfminer.six", "python-docx"}
    for summary in summaries:
        assert summary["facts_found"] == summary["facts"] > 10
        assert summary["ok"] is True


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_a_right_to_left_file_from_a_changed_source_fails_at_the_field(
    case: str, tmp_path: Path
) -> None:
    old, new, field = CHANGES[case]
    source = CASES / f"{case}.yaml"
    text = source.read_text("utf-8")
    assert text.count(old) == 1
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace(old, new), "utf-8")
    (pdf,) = _export(changed, tmp_path / "out", "--format", "pdf")
    result = run_cli("verify", str(source), str(pdf))
    assert result.returncode == 1, result.stdout
    line = 1 + text[: text.index(old)].count("\n")
    problems = [p for p in result.stderr.splitlines() if p.startswith(str(source))]
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith(f"{source}:{line}:"), problems
    assert f": {field}: " in problems[0]
    assert "not read anywhere" in problems[0]


def test_right_to_left_dates_are_checked_on_their_line_in_the_pdf_too() -> None:
    # pdfminer.six reads a line of mixed direction whole since the PDF bridges the
    # change of direction: the PDF's dates are checked as the DOCX's are.
    result = run_cli("verify", str(CASES / "he.yaml"))
    assert result.returncode == 0, result.stderr
    pdf, docx = result.stdout.splitlines()
    assert "2 of 2 dates on their heading's line" in pdf
    assert "2 of 2 dates on their heading's line" in docx


def test_plural_facts_are_not_in_a_file(tmp_path: Path) -> None:
    source = CASES / "ar-loc.yaml"
    text = source.read_text("utf-8")
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace("start: 2018-09", "start: 2018-10"), "utf-8")
    (pdf,) = _export(changed, tmp_path / "out", "--format", "pdf")
    result = run_cli("verify", str(source), str(pdf))
    assert result.returncode == 1
    assert 'the dates "سبتمبر 2018 – فبراير 2021، إربد" are not in' in result.stderr
