"""`verify` on the world-script résumés: what pdfminer.six and python-docx read of real
exports counts as found (Chinese and Thai lines broken inside a run, right-to-left lines
read run by run), and a file made from a changed source still fails, at the changed
field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli

WORLD = ROOT / "tests" / "data" / "world"

# For each script: a change to the source (old, new) in the fact readers find hardest
# (the bullet that wraps inside a run, or mixes directions), and that fact's field.
CHANGES = {
    "arabic": ("باستخدام Python و Rust", "باستخدام Python و Java", "entries[0].highlights[1]"),
    "arabic-rtl-word": ("بنسبة كبيرة", "بنسبة صغيرة", "entries[0].highlights[1]"),
    "hebrew": ("ב Kotlin ו Go", "ב Scala ו Go", "entries[0].highlights[1]"),
    "hindi": ("तीन देशों", "चार देशों", "entries[0].highlights[0]"),
    "thai": ("และพัฒนาระบบรายงาน", "และดูแลระบบรายงาน", "entries[0].highlights[0]"),
    "chinese": ("达到百分之", "达到千分之", "entries[0].highlights[0]"),
}


def _script(case: str) -> str:
    return case.split("-")[0]


def _export(source: Path, folder: Path, formats: str = "pdf,docx") -> list[Path]:
    result = run_cli("export", str(source), "--format", formats, "-o", str(folder), "-q")
    assert result.returncode == 0, result.stderr
    return sorted(folder.iterdir())


def _summaries(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize("script", ["arabic", "hebrew", "hindi", "thai", "chinese"])
def test_a_world_script_export_reads_as_written(script: str, tmp_path: Path) -> None:
    source = WORLD / f"{script}.yaml"
    files = _export(source, tmp_path)
    result = run_cli("verify", str(source), *map(str, files), "--error-format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summaries = _summaries(result.stdout)
    assert {s["reader"] for s in summaries} == {"pdfminer.six", "python-docx"}
    for summary in summaries:
        assert summary["facts_found"] == summary["facts"] > 10
        assert summary["suspicious_characters"] == 0
        assert summary["ok"] is True


@pytest.mark.parametrize("script", ["arabic", "hebrew", "hindi", "thai", "chinese"])
def test_a_world_script_in_memory_reads_as_written(script: str) -> None:
    result = run_cli("verify", str(WORLD / f"{script}.yaml"))
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_a_world_script_file_from_a_changed_source_fails(case: str, tmp_path: Path) -> None:
    old, new, field = CHANGES[case]
    source = WORLD / f"{_script(case)}.yaml"
    text = source.read_text("utf-8")
    assert text.count(old) == 1
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace(old, new), "utf-8")
    (pdf,) = _export(changed, tmp_path / "out", "pdf")
    result = run_cli("verify", str(source), str(pdf), "--error-format", "json")
    assert result.returncode == 1, result.stdout
    problems = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(p["path"], p["type"]) for p in problems] == [
        (f"sections[0].{field}", "fact_altered")
    ], problems
    line = 1 + text[: text.index(old)].count("\n")
    assert problems[0]["line"] == line
    (summary,) = _summaries(result.stdout)
    assert summary["facts_found"] == summary["facts"] - 1
