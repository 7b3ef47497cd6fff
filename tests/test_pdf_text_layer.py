"""The PDF's text layer, as the readers of applicant tracking systems get it: pdfminer.six
and pypdf always, poppler's pdftotext where installed. Each entry's heading and its date
on one line, heading first; nothing drawn invisibly; link targets in ASCII."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from resumeout.exporters.pdf import PdfExporter
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.factories import scaled_resume_yaml
from tests.pdf_pages import text_lines

# Each dated entry of the seed résumé as one line: heading, leader, date or venue.
SEED_HEADING_LINES = [
    "University of Michigan, PhD, Computer Science — Sep 2024 – Present",
    "Huazhong University of Science and Technology, Bachelor Engineering, Computer Science"
    " — Sep 2020 – Jun 2024",
    "DSA: Efficient Inference For Video Generation Models via Distributed Sparse Attention"
    " — ICLR 2026",
    "TetriServe: Efficiently Serving Mixed DiT Workloads — ASPLOS 2026",
    "MuxServe: Flexible Multiplexing for Efficient Multiple LLM Serving — ICML 2024",
    "White-box Compiler Fuzzing Empowered by Large Language Models — OOPSLA 2024",
    "Isaac GR00T N: RL Post Training on GR00T Foundation Model, NVIDIA GEAR — Jun 2025 – Present",
    "ColossalAI: Design and Implement Diffusion Inference Engine, HPC-AI — Mar 2024 – Jul 2024",
    "LLVM: Optimize GPU Compiler Backend, SenseTime — Apr 2023 – Sep 2023",
    "NCNN: Develop High Performance CNN Inference Engine, Tencent — Apr 2022 – Nov 2022",
]


def _pypdf(pdf: bytes, _: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pdfminer(pdf: bytes, _: Path) -> str:
    return extract_text(io.BytesIO(pdf))


def _poppler(*options: str) -> Callable[[bytes, Path], str]:
    def read(pdf: bytes, work: Path) -> str:
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils missing")
        path = work / "r.pdf"
        path.write_bytes(pdf)
        command = ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    return read


READERS = {
    "pypdf": _pypdf,
    "pdfminer": _pdfminer,
    "pdftotext": _poppler(),
    "pdftotext-raw": _poppler("-raw"),
    "pdftotext-layout": _poppler("-layout"),
}


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.fixture(scope="module")
def seed_pdf(seed: Resume) -> bytes:
    return PdfExporter().render(seed)


@pytest.mark.parametrize("reader", READERS)
def test_each_heading_and_its_date_are_one_line(
    reader: str, seed_pdf: bytes, tmp_path: Path
) -> None:
    lines = _lines(READERS[reader](seed_pdf, tmp_path))
    assert [line for line in SEED_HEADING_LINES if line not in lines] == []


@pytest.mark.parametrize("reader", READERS)
def test_no_dash_is_glued_to_a_word(reader: str, seed_pdf: bytes, tmp_path: Path) -> None:
    text = READERS[reader](seed_pdf, tmp_path)
    assert re.findall(r"\w—|—\w", text) == []
    assert not re.search("[\x00\ufffd\ue000-\uf8ff\ufb00-\ufb06]", text)


@dataclass(frozen=True)
class GlyphState:
    """What decides whether text shows: render mode, size, fill colour, scaling."""

    mode: int = 0
    size: float = 0.0
    fill: tuple[float, ...] = (0.0,)
    scale: float = 100.0


def _shown_text_states(pdf: bytes) -> list[GlyphState]:
    """The state in force at every text-showing operator of every page."""
    shown = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            state, saved = GlyphState(), []
            for instruction in pikepdf.parse_content_stream(page):
                if not isinstance(instruction, pikepdf.ContentStreamInstruction):
                    continue  # an inline image
                operands = instruction.operands
                match str(instruction.operator):
                    case "q":
                        saved.append(state)
                    case "Q":
                        # The font size is text state too, but reportlab sets it anew in
                        # every text object; only what q/Q restores is tracked.
                        state = replace(saved.pop(), size=state.size)
                    case "Tr":
                        state = replace(state, mode=int(operands[0]))
                    case "Tf":
                        state = replace(state, size=float(operands[1]))
                    case "Tz":
                        state = replace(state, scale=float(operands[0]))
                    case "g" | "rg" | "k":
                        state = replace(state, fill=tuple(float(value) for value in operands))
                    case "Tj" | "TJ" | "'" | '"':
                        shown.append(state)
    return shown


def _is_white(fill: tuple[float, ...]) -> bool:
    if len(fill) == 4:  # CMYK
        return all(value == 0 for value in fill)
    return all(value >= 0.99 for value in fill)


@pytest.mark.parametrize("copies", [1, 3])
def test_every_glyph_is_drawn_visibly(copies: int, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(scaled_resume_yaml(copies), encoding="utf-8")
    states = _shown_text_states(PdfExporter().render(load_resume(path)))
    assert states
    for state in states:
        assert state.mode == 0  # filled: not invisible (3), not clipping only
        assert state.size >= 4  # no zero-size or microscopic glyphs
        assert state.scale > 0
        assert not _is_white(state.fill)


LONG_TITLE = (
    "Principal engineer on a project whose title is far too long to share its line with "
    "the dates of the entry"
)


def test_a_long_heading_puts_the_date_on_the_line_below(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "name: Ann Lee\nsections:\n  - title: Experience\n    type: experience\n"
        f"    entries:\n      - title: {LONG_TITLE}\n        organization: Engines Ltd\n"
        "        location: London\n        start: 2019-01\n        end: present\n"
        "        highlights: [Wrote the first programs]\n"
        "      - title: Engineer\n        start: 2017-01\n        end: 2018-12\n",
        encoding="utf-8",
    )
    resume = load_resume(path)
    pdf = PdfExporter().render(resume)
    lines = text_lines(pdf)
    heading = [line for line in lines if "Principal engineer" in line.get_text()]
    date = [line for line in lines if "Jan 2019 – Present, London" in line.get_text()]
    assert len(heading) == 1 and len(date) == 1
    assert " ".join(date[0].get_text().split()) == "Jan 2019 – Present, London"
    # Directly below the heading, never overlapping it; flush right like other dates.
    assert date[0].y1 <= heading[0].y0 + 0.5
    assert heading[0].y0 - date[0].y1 < resume.design.font_size
    short = [line for line in lines if "Engineer — Jan 2017 – Dec 2018" in line.get_text()]
    assert len(short) == 1 and abs(date[0].x1 - short[0].x1) < 0.5
    # Read in order by the content-order readers too: heading, date, bullet.
    text = " ".join(_pypdf(pdf, tmp_path).split())
    assert f"{LONG_TITLE}, Engines Ltd Jan 2019 – Present, London • Wrote" in text


def test_link_targets_are_ascii(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "name: Zoë\nwebsite: https://bücher.example/straße?q=é\n"
        "sections:\n  - title: Links\n    type: entries\n    entries:\n"
        "      - title: '[Café](https://例え.jp/パス)'\n        date: 2020\n",
        encoding="utf-8",
    )
    reader = PdfReader(io.BytesIO(PdfExporter().render(load_resume(path))))
    annotations: list[Any] = reader.pages[0]["/Annots"]  # type: ignore[assignment]
    uris = [annotation.get_object()["/A"]["/URI"] for annotation in annotations]
    assert uris == [
        "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A9",
        "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9",
    ]
    # The label shows the address as written.
    assert "bücher.example/straße?q=é" in reader.pages[0].extract_text()
