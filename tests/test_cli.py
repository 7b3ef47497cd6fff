"""The command line, run as a separate process like a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SEED, run_cli

HEAVY = ("reportlab", "docx", "pydantic", "markdown_it", "yaml")


def _imported_after(*args: str) -> set[str]:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['resumeout', *{list(args)!r}]\n"
        "try:\n    runpy.run_module('resumeout', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)\n"
    )
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return set(result.stderr.split("\n")[-2].split())


def test_help_and_version_load_nothing_heavy() -> None:
    for args in (("--help",), ("--version",)):
        # dataclasses imports inspect (7-9 ms): what reports problems is not loaded here
        assert not _imported_after(*args) & {*HEAVY, "dataclasses", "inspect"}


def test_text_exports_do_not_load_reportlab_or_docx(tmp_path: Path) -> None:
    modules = _imported_after("export", str(SEED), "-f", "md,txt", "-o", str(tmp_path))
    assert "pydantic" in modules  # it did validate
    assert not modules & {"reportlab", "docx"}
    modules = _imported_after("validate", str(SEED))
    assert not modules & {"reportlab", "docx"}


def test_an_english_classic_export_loads_only_what_it_draws_with(tmp_path: Path) -> None:
    """No theme machinery (classic is the defaults), no CLDR, no JSON Resume or verifying
    code, no process pool for one source; and the installed distributions' entry points
    read once by resumeout (and once by pydantic, for its own plugins)."""
    code = (
        "import sys, runpy\n"
        "reads = []\n"
        "def hook(event, args):\n"
        "    if event == 'open' and str(args[0]).endswith('entry_points.txt'):\n"
        "        reads.append(str(args[0]))\n"
        "sys.addaudithook(hook)\n"
        f"sys.argv = ['resumeout', 'export', {str(SEED)!r}, '-f', 'all', '-o', "
        f"{str(tmp_path)!r}]\n"
        "try:\n    runpy.run_module('resumeout', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(len(reads), len(set(reads)), ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    reads, files, *modules = result.stderr.split("\n")[-2].split()
    assert {"resumeout.exporters.pdf", "resumeout.exporters.docx"} <= set(modules)
    for unwanted in ("resumeout.themes", "babel", "resumeout.jsonresume"):
        assert unwanted not in modules
    for unwanted in ("resumeout.verification", "concurrent.futures"):
        assert unwanted not in modules
    assert int(reads) <= 2 * int(files)


def test_export_every_format_with_template_names(tmp_path: Path) -> None:
    result = run_cli("export", str(SEED), "--format", "all", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Runyu_Lu_Resume.docx",
        "Runyu_Lu_Resume.md",
        "Runyu_Lu_Resume.pdf",
        "Runyu_Lu_Resume.txt",
    ]


def test_default_source_is_resume_yaml_in_the_working_directory(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "resume.yaml")
    result = run_cli("export", "-f", "markdown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Runyu_Lu_Resume.md").read_text(encoding="utf-8").startswith("# Runyu Lu")


def test_stdout_output() -> None:
    result = run_cli("export", str(SEED), "-f", "txt", "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("Runyu Lu\n")
    binary = run_cli("export", str(SEED), "-f", "pdf", "-o", "-")
    assert binary.returncode == 2 and "binary" in binary.stderr


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", str(SEED), "-f", "md,odt", "-o", str(tmp_path))
    assert result.returncode == 2
    assert "unknown format 'odt'" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # checked before any work
    misspelt = run_cli("export", str(SEED), "-f", "pfd", "-o", str(tmp_path))
    assert misspelt.returncode == 2
    assert "unknown format 'pfd'; did you mean 'pdf'?" in misspelt.stderr


def test_a_misspelt_option_names_the_closest_with_the_commands_usage() -> None:
    result = run_cli("export", str(SEED), "--fromat", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("usage: resumeout export")
    assert "unrecognized arguments: --fromat pdf; --fromat: did you mean --format?" in (
        result.stderr
    )


def test_a_failed_export_leaves_the_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "Runyu_Lu_Resume.md"
    target.write_text("earlier", encoding="utf-8")
    source = tmp_path / "resume.yaml"
    source.write_text("name: Runyu Lu\nemail: broken\n", encoding="utf-8")
    result = run_cli("export", str(source), "-f", "md")
    assert result.returncode == 3
    assert target.read_text(encoding="utf-8") == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Runyu_Lu_Resume.md", "resume.yaml"]


def test_output_never_overwrites_the_source(tmp_path: Path) -> None:
    source = tmp_path / "cv.md"
    source.write_text("name: X\n", encoding="utf-8")
    result = run_cli("export", str(source), "-f", "md", "-o", str(source))
    assert result.returncode == 2 and "overwrite the source" in result.stderr
    assert source.read_text(encoding="utf-8") == "name: X\n"


def test_init_writes_a_valid_starter_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    assert run_cli("init", str(path)).returncode == 0
    assert run_cli("validate", str(path)).returncode == 0
    before = path.read_bytes()
    again = run_cli("init", str(path))
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert path.read_bytes() == before


def test_formats_lists_the_built_ins() -> None:
    result = run_cli("formats")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()][:4] == [
        "md",
        "txt",
        "pdf",
        "docx",
    ]


def test_schema_is_json_and_the_committed_copy_is_current() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert "sections" in schema["properties"]
    committed = (ROOT / "resume.schema.json").read_text(encoding="utf-8")
    assert committed == result.stdout, "run `resumeout schema -o resume.schema.json`"


@pytest.mark.parametrize("args", [(), ("export", "--help")])
def test_help_exits_cleanly(args: tuple[str, ...]) -> None:
    result = run_cli(*args, "--help") if args else run_cli("--help")
    assert result.returncode == 0 and "resumeout" in result.stdout


def test_init_writes_a_starter_in_the_language_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    result = run_cli("init", str(path), "--language", "fr")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(path.read_text("utf-8"))["locale"] == {"language": "fr"}
    exported = run_cli("export", str(path), "-f", "txt", "-o", str(tmp_path), "-q")
    assert exported.returncode == 0, exported.stderr
    text = (tmp_path / "Ada_Lovelace_CV.txt").read_text("utf-8")
    assert "aujourd’hui" in text and "Present" not in text


@pytest.mark.parametrize(
    ("language", "hint"), [("frnch", "did you mean fr"), ("Arabic", "write its tag: ar")]
)
def test_init_refuses_a_language_it_does_not_know(language: str, hint: str, tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    result = run_cli("init", str(path), "--language", language)
    assert result.returncode == 2
    assert hint in result.stderr and "Traceback" not in result.stderr
    assert not path.exists()


def test_init_makes_the_folder_it_writes_into(tmp_path: Path) -> None:
    path = tmp_path / "ar" / "resume.yaml"
    result = run_cli("init", str(path), "--language", "ar")
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", str(path)).returncode == 0
