"""Standard output and the top level: a closed pipe, an unwritable file and ``-o -`` end in
a message and an exit code, never a traceback, and ``-o -`` reports like a file export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, run_cli

WARNING_PLUGIN = """
from resumeout.exporters import Exporter


class CautiousExporter(Exporter):
    name = "cautious"
    suffix = ".cautious"
    media_type = "text/plain"

    def render(self, resume):
        self.warnings.append("this format cannot show the headline")
        return resume.name + "\\n"
"""


def _run_into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``resumeout ARGS | head -0``, made deterministic: the reading end is closed before
    the command starts, so its first write to standard output meets a broken pipe."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run(
            [sys.executable, "-m", "resumeout", *args],
            cwd=ROOT,
            stdout=writing,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writing)


@pytest.mark.parametrize(
    "args",
    [("formats",), ("schema",), ("export", str(SEED), "-f", "md", "-o", "-")],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(args: tuple[str, ...]) -> None:
    result = _run_into_a_closed_pipe(*args)
    assert result.stderr == b""  # no traceback, no "Exception ignored"
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell shows for Unix tools


def test_schema_into_a_missing_folder_is_a_located_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.json"
    result = run_cli("schema", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr == (
        f"resumeout: error: {target}: cannot write: No such file or directory\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_strict_fails_a_warning_on_standard_output(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "cautious.py").write_text(WARNING_PLUGIN, encoding="utf-8")
    args = ("export", str(SEED), "-f", "cautious", "--exporters-dir", str(plugins), "-o", "-")
    relaxed = run_cli(*args)
    assert relaxed.returncode == 0, relaxed.stderr
    assert relaxed.stdout == "Runyu Lu\n"
    assert "warning: this format cannot show the headline" in relaxed.stderr
    strict = run_cli(*args, "--strict", "--error-format", "json")
    assert strict.returncode == 1
    assert strict.stdout == ""  # nothing half-delivered
    records = [json.loads(line) for line in strict.stderr.splitlines() if line.startswith("{")]
    assert [(r["severity"], r["message"]) for r in records] == [
        ("warning", "this format cannot show the headline"),
        ("error", "cautious not written: --strict, and it has warnings"),
    ]


def test_source_errors_on_standard_output_follow_the_error_format(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text("name: Ann Lee\nemial: ann@example.org\n", encoding="utf-8")
    result = run_cli("export", str(source), "-f", "md", "-o", "-", "--error-format", "github")
    assert result.returncode == 3 and result.stdout == ""
    assert [line for line in result.stderr.splitlines() if line.startswith("::")] == [
        f"::error file={source},line=2,col=1,title=resumeout extra_forbidden::"
        "emial: unknown field 'emial'; did you mean 'email'?"
    ]


def test_a_binary_format_on_standard_output_follows_the_error_format() -> None:
    result = run_cli("export", str(SEED), "-f", "pdf", "-o", "-", "--error-format", "json")
    assert result.returncode == 2 and result.stdout == ""
    (record,) = [json.loads(line) for line in result.stderr.splitlines() if line[:1] == "{"]
    assert record["message"] == "pdf is a binary format; write it to a file with -o FILE"


def test_standard_output_holds_the_same_bytes_as_the_file(tmp_path: Path) -> None:
    written = run_cli("export", str(SEED), "-f", "txt", "-o", str(tmp_path / "cv.txt"))
    assert written.returncode == 0, written.stderr
    streamed = subprocess.run(
        [sys.executable, "-m", "resumeout", "export", str(SEED), "-f", "txt", "-o", "-"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},  # a terminal that is not UTF-8
    )
    assert streamed.stdout == (tmp_path / "cv.txt").read_bytes()
    assert streamed.stderr == b""


@pytest.mark.parametrize("args", [("--help",), ("schema",)])
def test_a_terminal_that_is_not_utf8_gets_no_traceback(args: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resumeout", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0 and result.stderr == b""
    if args == ("schema",):  # a document: the same bytes as the committed file
        assert result.stdout == (ROOT / "resume.schema.json").read_bytes()
    else:  # text for people: what the terminal cannot show is escaped
        assert b"r\\xe9sum\\xe9" in result.stdout
