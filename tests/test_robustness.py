"""Hostile text, extreme sizes, unsafe names and failures: user text stays text, and no
output is ever lost or half-written."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resumeout.cli.naming import output_stem
from resumeout.exporters import load_exporter
from resumeout.source.validation import load_resume
from tests.conftest import ROOT, SEED, run_cli
from tests.factories import scaled_resume_yaml
from tests.readers import read_back, words

FORMATS = ["md", "txt", "pdf", "docx"]

# Strings that are markup somewhere: reportlab paragraph tags (which can read files and
# make links), HTML, XML entities, Markdown, and characters that break naive escaping.
HOSTILE = [
    "<b>x</b>",
    "<font name=Courier>f</font>",
    '<img src="/etc/passwd"/>',
    "<a href='https://e.vil'>click</a>",
    "&amp;",
    "&lt;",
    "AT&T",
    "x < y > z",
    "*stars*",
    "_under_",
    "# hash",
    "[x](https://y.org)",
    "`tick`",
    "a | b",
    "back\\slash",
    "---",
    "1. one",
    "C#",
    "C++",
    "]]>",
    "\"quotes\" and 'apostrophes'",
    "100%",
]


def _escape_inline(text: str) -> str:
    """The source spelling of literal text: the inline syntax backslash-escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<" else ch for ch in text)


@pytest.fixture(scope="module")
def hostile_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    lines = "\n".join(f"          - {json.dumps(_escape_inline(h))}" for h in HOSTILE)
    path.write_text(
        'name: "<b>Eve</b> & Co"\n'
        "sections:\n"
        "  - title: '<i>Section</i> & *more*'\n"
        "    type: entries\n"
        "    entries:\n"
        "      - title: '\\<title> & co'\n"
        f"        highlights:\n{lines}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", FORMATS)
def test_hostile_text_comes_out_exactly_as_written(name: str, hostile_source: Path) -> None:
    resume = load_resume(hostile_source)
    data = load_exporter(name)().render_bytes(resume)
    text = words(read_back(name, data))
    for expected in ["<b>Eve</b> & Co", "<i>Section</i> & *more*", "<title> & co", *HOSTILE]:
        assert words(expected) in text, (name, expected)


def test_hostile_text_makes_no_pdf_link_or_image(hostile_source: Path) -> None:
    from pypdf import PdfReader

    data = load_exporter("pdf")().render_bytes(load_resume(hostile_source))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert "/Annots" not in page  # the <a href> in the text made no link
    resources: dict[str, object] = page["/Resources"]  # type: ignore[assignment]
    assert "/XObject" not in resources  # and <img> no image


@pytest.mark.parametrize(
    ("template", "name", "expected"),
    [
        ("{name}_Resume", "Runyu Lu", "Runyu_Lu_Resume"),
        ("{name}", "../../etc/passwd", "etc_passwd"),
        ("{name}", "a/b\\c:d*e?f", "a_b_c_d_e_f"),
        ("{name}", "CON", "_CON"),
        ("{name}", "nul.txt", "_nul.txt"),
        ("{name}", "..", "resume"),
        ("{name}", "tab\there\x01", "tab_here"),
        ("{name}_CV", "陆润宇", "陆润宇_CV"),
    ],
)
def test_output_names_are_safe(template: str, name: str, expected: str) -> None:
    assert output_stem(template, name) == expected


def test_output_from_a_hostile_name_stays_in_the_output_folder(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text('name: "../../escape"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("export", str(source), "-f", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["escape_Resume.md"]


def test_one_failing_format_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "broken.ttf").write_bytes(b"this is not a font")
    source = tmp_path / "r.yaml"
    source.write_text("name: Ann Lee\ndesign:\n  font: broken.ttf\n", encoding="utf-8")
    earlier = tmp_path / "Ann_Lee_Resume.pdf"
    earlier.write_bytes(b"earlier pdf")
    result = run_cli("export", str(source), "-f", "all")
    assert result.returncode == 1
    assert "cannot be used" in result.stderr and "Traceback" not in result.stderr
    assert earlier.read_bytes() == b"earlier pdf"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "Ann_Lee_Resume.docx",
        "Ann_Lee_Resume.md",
        "Ann_Lee_Resume.pdf",
        "Ann_Lee_Resume.txt",
        "broken.ttf",
        "r.yaml",
    ]


def test_an_unwritable_output_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("export", str(SEED), "-f", "md,txt", "-o", str(blocker / "sub"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_a_killed_export_leaves_the_earlier_file_and_no_temporary(tmp_path: Path) -> None:
    source = tmp_path / "big.yaml"
    source.write_text(scaled_resume_yaml(250), encoding="utf-8")  # 3,000 entries
    target = tmp_path / "Runyu_Lu_Resume.pdf"
    target.write_bytes(b"earlier")
    for sig in (signal.SIGKILL, signal.SIGTERM):
        process = subprocess.Popen(
            [sys.executable, "-m", "resumeout", "export", str(source), "-f", "pdf"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _wait_until_busy(process)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode != 0, "the export finished before it was stopped"
        assert b"Traceback" not in stderr
        assert target.read_bytes() == b"earlier"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["Runyu_Lu_Resume.pdf", "big.yaml"]


def _wait_until_busy(process: subprocess.Popen[bytes], cpu_seconds: float = 1.0) -> None:
    """Wait until ``process`` has spent ``cpu_seconds`` of CPU (it is then past start-up
    and inside the export), so a loaded machine cannot make the signal arrive too early;
    without /proc, wait that long on the clock instead."""
    stat = Path(f"/proc/{process.pid}/stat")
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            time.sleep(cpu_seconds)
            return
        if (int(fields[11]) + int(fields[12])) / ticks >= cpu_seconds:  # utime + stime
            return
        time.sleep(0.02)


def test_long_unbroken_words_and_huge_bullets_export(tmp_path: Path) -> None:
    word = "Z" * 2000
    bullet = " ".join(["lorem"] * 5000)
    source = tmp_path / "r.yaml"
    source.write_text(
        "name: N\nsections:\n  - title: T\n    type: experience\n    entries:\n"
        f"      - title: '{word}'\n        highlights: ['https://example.org/{word}', "
        f"'{bullet}']\n",
        encoding="utf-8",
    )
    resume = load_resume(source)
    for name in FORMATS:
        text = read_back(name, load_exporter(name)().render_bytes(resume))
        assert "".join(text.split()).count("Z") == 4000, name
        assert text.count("lorem") == 5000, name


@pytest.mark.parametrize(
    ("content", "words_in_message"),
    [
        ("[" * 5000 + "]" * 5000, "nested"),
        ("just a scalar\n", "a single value"),
        ('name: "\\ud800"\n', "surrogate"),
        ('name: "a\\u200bb"\n', "zero-width space"),
        ('name: "a\\u2066b"\n', "bidirectional isolate"),
        ('name: "a\\x85b"\n', "control character"),
    ],
)
def test_more_bad_sources(tmp_path: Path, content: str, words_in_message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert words_in_message in result.stderr and "Traceback" not in result.stderr


def test_a_source_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"# padding\n" * 300_000)
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert "3,000,000 bytes; the limit is 2,097,152 bytes" in result.stderr
