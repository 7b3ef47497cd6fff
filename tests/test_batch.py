"""Batch export, --check, machine-readable errors and --watch, as CI runs them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, run_cli

FORMATS = ["docx", "md", "pdf", "txt"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three résumés, one of them invalid."""
    shutil.copy(SEED, tmp_path / "a.yaml")
    text = SEED.read_text(encoding="utf-8").replace("name: Runyu Lu", "name: Ann Lee")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("name: Broken\nemial: x@y.org\n", encoding="utf-8")
    return tmp_path


def test_a_folder_exports_with_a_summary(folder: Path) -> None:
    dist = folder / "dist"
    sources = [str(folder / n) for n in ("a.yaml", "b.yaml", "c.yaml")]
    result = run_cli("export", *sources, "--format", "all", "-o", str(dist), "--jobs", "2")
    assert result.returncode == 3  # an invalid source; the others were still written
    assert sorted(p.name for p in dist.iterdir()) == sorted(
        f"{stem}.{suffix}" for stem in ("Ann_Lee_Resume", "Runyu_Lu_Resume") for suffix in FORMATS
    )
    assert "c.yaml:2:1: emial: unknown field 'emial'" in result.stderr
    assert "3 sources: 1 invalid source, 8 written" in result.stderr
    rows = {
        line.split()[0]: line.split()[1:]
        for line in result.stderr.splitlines()
        if line.split() and line.split()[0] in sources
    }
    assert rows[sources[0]] == ["written"] * 4
    assert rows[sources[2]] == ["invalid:", "1", "problem(s)"]


# Records the process that rendered it, and takes long enough that a second worker starts
# on the next source meanwhile.
WHERE = """
import os
import time

from resumeout import Exporter


class WhereExporter(Exporter):
    name = "where"
    suffix = ".where"

    def render(self, resume):
        time.sleep(0.5)
        return f"{os.getpid()} {os.getppid()}\\n"
"""


def test_jobs_export_sources_in_parallel_worker_processes(tmp_path: Path) -> None:
    (tmp_path / "exporters").mkdir()
    (tmp_path / "exporters" / "where.py").write_text(WHERE, encoding="utf-8")
    sources = []
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz"):
        sources.append(tmp_path / f"{name.split()[0]}.yaml")
        sources[-1].write_text(f"name: {name}\n", encoding="utf-8")
    dist = tmp_path / "dist"
    options = ["-f", "where", "--exporters-dir", str(tmp_path / "exporters"), "--jobs", "2"]
    result = run_cli("export", *map(str, sources), *options, "-o", str(dist))
    assert result.returncode == 0, result.stderr
    rendered = [tuple(p.read_text(encoding="utf-8").split()) for p in dist.glob("*.where")]
    assert len(rendered) == 3
    workers = {pid for pid, _ in rendered}
    parents = {parent for _, parent in rendered}
    # Not in the command's own process (whose parent is this test), but in two workers of it.
    assert str(os.getpid()) not in parents and len(parents) == 1
    assert len(workers) == 2 and not workers & parents


def test_check_passes_after_export_and_fails_after_an_edit(folder: Path) -> None:
    dist = folder / "dist"
    sources = [str(folder / "a.yaml"), str(folder / "b.yaml")]
    assert run_cli("export", *sources, "-f", "all", "-o", str(dist)).returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in dist.iterdir()}
    check = run_cli("export", *sources, "-f", "all", "-o", str(dist), "--check")
    assert check.returncode == 0, check.stderr
    assert "8 up to date" in check.stderr
    again = run_cli("export", *sources, "-f", "all", "-o", str(dist))
    assert "8 unchanged" in again.stderr  # identical outputs are not rewritten
    assert {p.name: p.stat().st_mtime_ns for p in dist.iterdir()} == before

    source = folder / "a.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Skills", "Talents"), encoding="utf-8"
    )
    (dist / "Ann_Lee_Resume.txt").unlink()
    stale = run_cli("export", *sources, "-f", "all", "-o", str(dist), "--check")
    assert stale.returncode == 1
    for suffix in FORMATS:  # every format of the edited source differs: all byte-exact
        assert f"Runyu_Lu_Resume.{suffix}: differs" in stale.stderr
    assert "Ann_Lee_Resume.txt: is missing" in stale.stderr
    assert {p.name: p.stat().st_mtime_ns for p in dist.iterdir()} == {
        k: v for k, v in before.items() if k != "Ann_Lee_Resume.txt"
    }  # wrote nothing


def test_github_annotations(folder: Path) -> None:
    result = run_cli("validate", str(folder / "c.yaml"), "--error-format", "github")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        f"::error file={folder / 'c.yaml'},line=2,col=1,title=resumeout extra_forbidden::"
        "emial: unknown field 'emial'; did you mean 'email'?"
    ]


def test_json_errors(folder: Path) -> None:
    result = run_cli("export", str(folder / "c.yaml"), "-f", "md", "--error-format", "json")
    records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert records == [
        {
            "file": str(folder / "c.yaml"),
            "line": 2,
            "column": 1,
            "path": "emial",
            "type": "extra_forbidden",
            "severity": "error",
            "message": "unknown field 'emial'; did you mean 'email'?",
        }
    ]


def test_quiet_prints_only_problems(folder: Path) -> None:
    result = run_cli("export", str(folder / "a.yaml"), "-f", "md", "-q")
    assert result.returncode == 0 and result.stderr == ""


class Watching:
    """``resumeout export --watch`` running in the background, stopped with Ctrl-C."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "resumeout", "export", *args, "--watch"],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stderr = ""

    def __enter__(self) -> Watching:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGINT)
        self.stderr = self.process.communicate(timeout=10)[1]


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def test_watch_exports_again_after_a_change(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text("name: First Name\n", encoding="utf-8")
    target = tmp_path / "First_Name_Resume.txt"
    with Watching(str(source), "-f", "txt") as watching:
        wait_for(target.exists)
        source.write_text("name: First Name\nheadline: Second\n", encoding="utf-8")
        wait_for(lambda: "Second" in target.read_text(encoding="utf-8"))
        source.write_text("name: First Name\nemial: broken\n", encoding="utf-8")
        time.sleep(1.5)
        assert watching.process.poll() is None  # an error does not end watching
    assert "unknown field 'emial'" in watching.stderr
    assert watching.process.returncode == 0 and "Traceback" not in watching.stderr


def test_watch_follows_the_files_a_source_names(tmp_path: Path) -> None:
    from resumeout.exporters.pdf.fonts import bundled_files

    font = tmp_path / "Body-Regular.ttf"
    shutil.copy(bundled_files()["regular"].path, font)
    source = tmp_path / "resume.yaml"
    source.write_text("name: Font User\ndesign:\n  font: Body-Regular.ttf\n", encoding="utf-8")
    with Watching(str(source), "-f", "pdf") as watching:
        wait_for((tmp_path / "Font_User_Resume.pdf").exists)
        time.sleep(0.5)
        font.write_bytes(font.read_bytes())  # an updated font file
        time.sleep(2.0)  # a poll, the debounce and an export
    assert f"changed: {font}" in watching.stderr


def test_reports_stream_while_later_sources_are_still_to_export(tmp_path: Path) -> None:
    # A report is passed on as soon as its source is exported, before the batch goes on:
    # no process holds the whole batch's results.
    from resumeout.cli.batch import ExportPlan, SourceReport, run

    seed = SEED.read_text(encoding="utf-8")
    sources = []
    for index in range(12):
        source = tmp_path / f"r{index:02d}.yaml"
        source.write_text(seed.replace("name: Runyu Lu", f"name: P{index:02d}"), "utf-8")
        sources.append(source)
    dist = tmp_path / "dist"
    written_at_first_report: list[int] = []

    def on_report(report: SourceReport) -> None:
        if not written_at_first_report:
            written_at_first_report.append(len(list(dist.iterdir())))

    reports = run(sources, ExportPlan(("md",), output=dist), 1, on_report)
    assert [report.source for report in reports] == sources
    assert not any(report.failed for report in reports)
    assert written_at_first_report[0] < len(sources)


def test_a_file_saved_while_an_export_runs_is_exported_again(tmp_path: Path) -> None:
    import threading

    from resumeout.cli.watching import watch

    source = tmp_path / "resume.yaml"
    source.write_text("name: A\n", encoding="utf-8")
    exported: list[str] = []

    def export() -> int:
        exported.append(source.read_text(encoding="utf-8"))
        if len(exported) == 1:  # the user saves while the first export runs
            source.write_text("name: A\nheadline: B\n", encoding="utf-8")
        return 0

    watcher = threading.Thread(target=watch, args=(lambda: [source], export), kwargs={"rounds": 2})
    watcher.daemon = True  # without the fix it never sees a change: do not hang the run
    watcher.start()
    watcher.join(timeout=20)
    assert exported == ["name: A\n", "name: A\nheadline: B\n"]
