"""Project-local exporters: a folder's code runs only when the person running resumeout
names the folder, and ``--watch`` uses an exporter as it is on disk now."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_batch import Watching, wait_for

# Importing this file leaves a mark beside it: the test can tell whether its code ran.
MARKING_PLUGIN = """
from pathlib import Path

from resumeout.exporters import Exporter

Path({mark!r}).write_text("ran", encoding="utf-8")


class StampExporter(Exporter):
    name = "stamp"
    suffix = ".stamp"
    media_type = "text/plain"

    def render(self, resume):
        return {stamp!r} + resume.name + "\\n"
"""


def _plugin_folder(root: Path, stamp: str = "v1: ") -> tuple[Path, Path]:
    folder = root / "plugins"
    folder.mkdir(exist_ok=True)
    mark = root / "plugin-ran"
    (folder / "stamp.py").write_text(
        MARKING_PLUGIN.format(mark=str(mark), stamp=stamp), encoding="utf-8"
    )
    return folder, mark


@pytest.fixture
def naming_source(tmp_path: Path) -> Path:
    """A résumé that names an exporters folder of its own."""
    _plugin_folder(tmp_path)
    source = tmp_path / "resume.yaml"
    source.write_text("name: Ann Lee\nsettings:\n  exporters_dir: plugins\n", encoding="utf-8")
    return source


@pytest.mark.parametrize("extra", [(), ("--check",)])
def test_a_resume_cannot_make_resumeout_run_its_exporters(
    naming_source: Path, extra: tuple[str, ...]
) -> None:
    folder = naming_source.parent
    result = run_cli("export", str(naming_source), "-f", "md", *extra)
    assert not (folder / "plugin-ran").exists()
    assert result.returncode == (1 if extra else 0), result.stderr  # --check: md is missing
    warning = result.stderr.splitlines()[0]
    assert warning == (
        f"{naming_source}:3:18: warning: settings.exporters_dir: the exporters in "
        f"{folder / 'plugins'} are not loaded: a résumé cannot run code by itself; load them "
        f"with `--exporters-dir {folder / 'plugins'}` or "
        f"RESUMEOUT_EXPORTERS_DIR={folder / 'plugins'}"
    )
    asked = run_cli("export", str(naming_source), "-f", "stamp")
    assert asked.returncode == 2 and "unknown format 'stamp'" in asked.stderr
    assert not (folder / "plugin-ran").exists()


def test_strict_refuses_a_resume_whose_exporters_are_not_loaded(naming_source: Path) -> None:
    result = run_cli("export", str(naming_source), "-f", "md", "--strict")
    assert result.returncode == 1
    assert not (naming_source.parent / "Ann_Lee_Resume.md").exists()


@pytest.mark.parametrize("how", ["command line", "environment"])
def test_the_folder_runs_when_the_person_running_resumeout_names_it(
    naming_source: Path, how: str
) -> None:
    folder = naming_source.parent / "plugins"
    if how == "command line":
        result = run_cli(
            "export", str(naming_source), "-f", "stamp,md", "--exporters-dir", str(folder)
        )
    else:
        result = run_cli(
            "export",
            str(naming_source),
            "-f",
            "stamp,md",
            env={"RESUMEOUT_EXPORTERS_DIR": str(folder)},
        )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    stamped = naming_source.parent / "Ann_Lee_Resume.stamp"
    assert stamped.read_text(encoding="utf-8") == "v1: Ann Lee\n"


def test_watch_uses_an_exporter_edited_on_disk(tmp_path: Path) -> None:
    folder, _ = _plugin_folder(tmp_path)
    source = tmp_path / "resume.yaml"
    source.write_text("name: Ann Lee\n", encoding="utf-8")
    target = tmp_path / "Ann_Lee_Resume.stamp"
    with Watching(str(source), "-f", "stamp", "--exporters-dir", str(folder)) as watching:
        wait_for(lambda: target.exists() and target.read_text(encoding="utf-8") == "v1: Ann Lee\n")
        _plugin_folder(tmp_path, stamp="v2: ")  # same size: only the content changes
        wait_for(lambda: target.read_text(encoding="utf-8") == "v2: Ann Lee\n")
    assert "Traceback" not in watching.stderr
