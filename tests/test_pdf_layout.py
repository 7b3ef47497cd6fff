"""The PDF's own line layout, read back with pdfminer.six and pypdf: lines broken at
spaces and, inside an over-long word, between whole characters; a link broken across
lines clickable on each; the look and the run setter as the seams they are meant to be."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pdfminer.layout import LTChar, LTTextLine
from pypdf import PdfReader

from resumeout.exporters.pdf.document import build_pdf
from resumeout.exporters.pdf.fonts import Family
from resumeout.exporters.pdf.graphemes import clusters
from resumeout.exporters.pdf.look import Alignment, Look
from resumeout.exporters.pdf.runs import Pen, RunMaker, RunSetter, StyledRun
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.pdf_pages import text_lines


def _resume(tmp_path: Path, text: str) -> Resume:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return load_resume(path)


def _annotations(pdf: bytes) -> list[tuple[str, list[float]]]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    annotations: list[Any] = page.get("/Annots") or []
    return [
        (str(a.get_object()["/A"]["/URI"]), [float(v) for v in a.get_object()["/Rect"]])
        for a in annotations
    ]


def test_a_whole_export_loads_no_platypus(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from resumeout.cli.main import main\n"
        "try:\n"
        f"    main(['export', 'resume.yaml', '-f', 'pdf', '-o', {str(tmp_path / 'r.pdf')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab.platypus')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert (tmp_path / "r.pdf").exists()
    assert result.stdout.strip() == "[]"


LINK_WORDS = " ".join(f"**word{n}**" if n % 3 else f"word{n}" for n in range(40))


def test_a_link_broken_across_lines_is_clickable_on_each(tmp_path: Path) -> None:
    resume = _resume(
        tmp_path,
        "name: N\nsections:\n  - title: T\n    type: text\n    entries:\n"
        f"      - 'Before [{LINK_WORDS}](https://example.org/x) after.'\n",
    )
    pdf = build_pdf(resume, tmp_path, [])
    annotations = _annotations(pdf)
    lines = [line for line in text_lines(pdf) if "word" in line.get_text()]
    assert len(lines) >= 2
    assert [url for url, _ in annotations] == ["https://example.org/x"] * len(lines)
    for (_, (left, bottom, right, top)), line in zip(annotations, lines, strict=True):
        # One rectangle per line, bold words and all: exactly its linked words, one
        # line high.
        chars = [c for c in line if isinstance(c, LTChar)]
        inside = "".join(c.get_text() for c in chars if left < (c.x0 + c.x1) / 2 < right)
        linked = [word for word in line.get_text().split() if word.startswith("word")]
        assert inside.split() == linked
        assert bottom < line.y1 and top > line.y0 and top - bottom < 2 * 10
    first_text = " ".join(lines[0].get_text().split())
    assert first_text.startswith("Before word0") and not first_text.endswith("after.")


def test_an_overlong_word_breaks_between_whole_characters(tmp_path: Path) -> None:
    # कि: a consonant and a vowel sign that takes room of its own, one character to a
    # reader; cutting between them would strand the sign at the start of a line.
    if (
        shutil.which("fc-list") is None
        or "Noto Sans Devanagari"
        not in subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    ):
        pytest.skip("Noto Sans Devanagari is not installed (Debian: fonts-noto-core)")
    word = "\u0915\u093f" * 120
    resume = _resume(
        tmp_path,
        "name: N\ndesign: {font: Noto Sans Devanagari}\nsections:\n  - title: T\n"
        f"    type: text\n    entries:\n      - '{word}'\n",
    )
    pdf = build_pdf(resume, tmp_path, [])
    pieces = [line.get_text().strip() for line in text_lines(pdf) if "\u0915" in line.get_text()]
    assert len(pieces) >= 2
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert all(line.x1 < width for line in text_lines(pdf))
    for piece in pieces:
        assert clusters(piece) == ["\u0915\u093f"] * (len(piece) // 2), piece
    assert "".join(pieces) == word


def test_grapheme_clusters() -> None:
    assert clusters("e\u0301a") == ["e\u0301", "a"]
    assert clusters("🇫🇷🇩🇪") == ["🇫🇷", "🇩🇪"]
    assert clusters("👩\u200d💻x") == ["👩\u200d💻", "x"]
    assert clusters("👍🏽!") == ["👍🏽", "!"]
    assert clusters("\u1100\u1161\u11a8가") == ["\u1100\u1161\u11a8", "가"]
    assert clusters("a\r\nb") == ["a", "\r\n", "b"]


DATED = (
    "name: Ann Lee\nsections:\n  - title: Experience\n    type: experience\n"
    "    entries:\n      - title: Engineer\n        start: 2017-01\n        end: 2018-12\n"
)


def test_the_look_decides_where_dates_rules_and_the_header_go(tmp_path: Path) -> None:
    resume = _resume(tmp_path, DATED)
    default = Look.of(resume.design)
    look = replace(
        default,
        dates="own_line",
        rule="none",
        name=replace(default.name, alignment=Alignment.LEFT),
    )
    pdf = build_pdf(resume, tmp_path, [], look)
    lines = {" ".join(line.get_text().split()): line for line in text_lines(pdf)}
    assert "Engineer" in lines and "Jan 2017 – Dec 2018" in lines  # no leader, two lines
    assert lines["Jan 2017 – Dec 2018"].y1 <= lines["Engineer"].y0 + 0.5
    assert abs(lines["Ann Lee"].x0 - look.text_box.left) < 0.5
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None and b" l S" not in content.get_data()  # no rule drawn
    ruled = PdfReader(io.BytesIO(build_pdf(resume, tmp_path, []))).pages[0].get_contents()
    assert ruled is not None and b" l S" in ruled.get_data()


class SpacedSetter:
    """Sets every character with half a point of extra space after it (PDF character spacing):
    another way of measuring and drawing runs, as a shaping setter would be."""

    extra = 0.5

    def width(self, run: StyledRun) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(run.text, run.font, run.size)) + self.extra * len(run.text)

    def draw(self, pen: Pen, run: StyledRun) -> None:
        pen.font(run.font, run.size)
        pen.colour(run.colour)
        pen.text.setCharSpace(self.extra)
        pen.show(run.text)
        pen.text.setCharSpace(0)


class SpacedMaker(RunMaker):
    def setter_for(self, text: str, font: str, family: Family | None = None) -> RunSetter:
        return SpacedSetter() if "Spaced" in text else super().setter_for(text, font, family)


def _spread(pdf: bytes, word: str) -> tuple[LTTextLine, float]:
    """The line holding ``word``, and how far its first letter is from its last."""
    line = next(line for line in text_lines(pdf) if word in line.get_text())
    chars = [c for c in line if isinstance(c, LTChar)]
    return line, chars[len(word) - 1].x0 - chars[0].x0


def test_a_run_setter_measures_and_draws_its_runs(tmp_path: Path) -> None:
    resume = _resume(
        tmp_path,
        "name: N\nsections:\n  - title: T\n    type: entries\n    entries:\n"
        "      - title: '**Spaced** plain'\n        date: 2020\n",
    )
    _, plain = _spread(build_pdf(resume, tmp_path, []), "Spaced")
    line, spaced = _spread(build_pdf(resume, tmp_path, [], makers=SpacedMaker), "Spaced")
    # Each of the six letters half a point further from the next than without the setter.
    assert abs(spaced - plain - 5 * SpacedSetter.extra) < 0.05
    # The date is still flush right: the heading was measured by the same setter.
    assert " ".join(line.get_text().split()) == "Spaced plain — 2020"
    box = Look.of(resume.design).text_box
    assert abs(line.x1 - (box.left + box.width)) < 0.5
