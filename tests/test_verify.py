"""`resumeout verify`: real PDF and DOCX files read back with pdfminer.six and python-docx,
the command run as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, run_cli
from tests.factories import docx_with_text_replaced

PDF_NAME = "Runyu_Lu_Resume.pdf"
DOCX_NAME = "Runyu_Lu_Resume.docx"
OLD_TITLE = "TetriServe: Efficiently Serving Mixed DiT Workloads"
NEW_TITLE = "TetriServe: Serving Mixed Diffusion Transformer Workloads Efficiently"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's PDF and DOCX, written by `export`."""
    folder = tmp_path_factory.mktemp("exported")
    result = run_cli("export", str(SEED), "--format", "pdf,docx", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def test_the_seed_docx_reads_as_written(exported: Path) -> None:
    result = run_cli("verify", str(SEED), str(exported / DOCX_NAME))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summary = result.stdout.strip()
    assert summary.startswith(f"{exported / DOCX_NAME} (read with python-docx):")
    assert "no suspicious characters" in summary
    found, total = summary.split(": ", 1)[1].split(" facts found")[0].split(" of ")
    assert found == total


def test_the_seed_reads_as_written_in_both_exports() -> None:
    result = run_cli("verify", str(SEED))
    assert result.returncode == 0, result.stderr


def test_the_seed_in_memory_has_every_fact_and_nothing_misread() -> None:
    """Both in-memory exports of the seed: every fact found, every date on its heading's
    line, no suspicious character, and no problem reported."""
    result = run_cli("verify", str(SEED), "--error-format", "json")
    summaries = [json.loads(line) for line in result.stdout.splitlines()]
    assert [s["file"] for s in summaries] == [PDF_NAME, DOCX_NAME]
    for summary in summaries:
        assert summary["built_in_memory"] is True
        assert summary["facts_found"] == summary["facts"] > 60
        assert summary["suspicious_characters"] == 0
        assert summary["ok"] is True
    assert result.stderr == ""


def test_a_title_changed_in_the_source_only_is_named_missing(
    exported: Path, tmp_path: Path
) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text(SEED.read_text("utf-8").replace(OLD_TITLE, NEW_TITLE), "utf-8")
    pdf, docx = exported / PDF_NAME, exported / DOCX_NAME
    result = run_cli("verify", str(source), str(pdf), str(docx))
    assert result.returncode == 1
    missing = [line for line in result.stderr.splitlines() if NEW_TITLE in line]
    for document in (pdf, docx):
        (line,) = [line for line in missing if str(document) in line]
        # Located at the title in the source, and showing what was read instead.
        assert line.startswith(f"{source}:46:16: sections[1].entries[1].title: ")
        assert f'the publication title "{NEW_TITLE}" is not in {document}' in line
        assert OLD_TITLE in line
        assert "export again" in line


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("Computer Excellence Program", "Computer Excel\u00adlence Program", "<U+00AD>"),
        ("<w:t>Tencent</w:t>", "<w:t>Tenc\ufffdnt</w:t>", "<U+FFFD>"),
        ("<w:t>Skills</w:t>", "<w:t>Sk\u200bills</w:t>", "<U+200B>"),
        ("<w:t>Publications</w:t>", "<w:t>Publi\ufb01cations</w:t>", "<U+FB01>"),
    ],
)
def test_an_injected_character_in_a_docx_is_flagged(
    exported: Path, tmp_path: Path, old: str, new: str, shown: str
) -> None:
    docx = docx_with_text_replaced(exported / DOCX_NAME, tmp_path / "injected.docx", old, new)
    result = run_cli("verify", str(SEED), str(docx))
    assert result.returncode == 1
    (flagged,) = [line for line in result.stderr.splitlines() if "python-docx reads" in line]
    assert flagged.startswith(f"{docx}: python-docx reads ")
    assert shown in flagged
    assert "1 suspicious character" in result.stdout
    # The word is no longer findable either, and the message shows why.
    altered = [line for line in result.stderr.splitlines() if "not in" in line]
    assert altered
    assert shown in altered[0]


def test_a_nul_in_a_docx_makes_it_unreadable(exported: Path, tmp_path: Path) -> None:
    docx = docx_with_text_replaced(
        exported / DOCX_NAME, tmp_path / "nul.docx", "Tencent", "Ten\x00cent"
    )
    result = run_cli("verify", str(SEED), str(docx))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{docx}: python-docx cannot read it (")
    assert f"{docx} (read with python-docx): unreadable" in result.stdout


def test_a_date_in_its_own_paragraph_is_apart_from_its_heading(
    exported: Path, tmp_path: Path
) -> None:
    docx = docx_with_text_replaced(
        exported / DOCX_NAME,
        tmp_path / "apart.docx",
        '<w:r><w:rPr><w:rStyle w:val="Leader"/></w:rPr><w:tab/></w:r><w:r><w:rPr/><w:t>Sep 2024',
        "</w:p><w:p><w:r><w:rPr/><w:t>Sep 2024",
    )
    result = run_cli("verify", str(SEED), str(docx), "--error-format", "json")
    assert result.returncode == 1
    (problem,) = [json.loads(line) for line in result.stderr.splitlines()]
    assert problem["type"] == "date_apart"
    assert (problem["file"], problem["line"], problem["path"]) == (
        str(SEED),
        19,
        "sections[0].entries[0].institution",
    )
    assert '"Sep 2024 – Present"' in problem["message"]
    assert 'read: "University of Michigan, PhD, Computer Science"' in problem["message"]
    (summary,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert summary["dates_on_heading_line"] == summary["dated_headings"] - 1


def test_dates_under_their_headings_by_design_are_where_they_belong(tmp_path: Path) -> None:
    # entries.dates: own_line puts every date on the line under its heading, in the PDF
    # and the DOCX alike: verify looks for it there, not on the heading's line.
    source = tmp_path / "resume.yaml"
    source.write_text(SEED.read_text("utf-8") + "design:\n  entries: {dates: own_line}\n", "utf-8")
    result = run_cli("verify", str(source))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all("10 of 10 dates under their heading" in line for line in lines)


def test_github_output_annotates_the_source_line(exported: Path, tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text(SEED.read_text("utf-8").replace(OLD_TITLE, NEW_TITLE), "utf-8")
    result = run_cli("verify", str(source), str(exported / DOCX_NAME), "--error-format", "github")
    assert result.returncode == 1
    (annotation,) = result.stderr.splitlines()
    assert annotation.startswith(
        f"::error file={source},line=46,col=16,title=resumeout fact_altered::"
        "sections[1].entries[1].title: the publication title"
    )


def test_show_text_prints_what_the_reader_got(exported: Path) -> None:
    result = run_cli("verify", str(SEED), str(exported / DOCX_NAME), "--show-text")
    assert result.returncode == 0, result.stderr
    assert f"--- {exported / DOCX_NAME}, as python-docx reads it ---" in result.stdout
    assert "University of Michigan, PhD, Computer Science\tSep 2024 – Present" in result.stdout


def test_the_source_defaults_to_resume_yaml(exported: Path, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "resume.yaml")
    result = run_cli("verify", str(exported / DOCX_NAME), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_usage_and_source_errors_have_their_exit_codes(exported: Path, tmp_path: Path) -> None:
    missing = run_cli("verify", str(SEED), str(tmp_path / "gone.pdf"))
    assert missing.returncode == 2
    assert missing.stderr == f"resumeout: error: {tmp_path / 'gone.pdf'}: no such file; " + (
        "export it first, or name no file\n"
    )
    not_a_document = run_cli("verify", str(SEED), str(SEED.with_suffix(".txt")))
    assert not_a_document.returncode == 2
    assert "verify reads .pdf and .docx files" in not_a_document.stderr

    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("name: Ann\nsections: 3\n", "utf-8")
    result = run_cli("verify", str(invalid), str(exported / DOCX_NAME), "--error-format", "json")
    assert result.returncode == 3
    (problem,) = [json.loads(line) for line in result.stderr.splitlines()]
    assert (problem["file"], problem["line"], problem["path"]) == (str(invalid), 2, "sections")
    assert "Traceback" not in result.stderr


def _run_without_pdfminer(*args: str) -> subprocess.CompletedProcess[str]:
    # None in sys.modules makes `import pdfminer` fail, as when it is not installed.
    code = (
        "import sys\n"
        "sys.modules['pdfminer'] = None\n"
        "from resumeout.cli.main import main\n"
        f"sys.exit(main({list(args)!r}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_without_pdfminer_verify_says_what_to_install(exported: Path) -> None:
    for args in (("verify", str(SEED)), ("verify", str(SEED), str(exported / PDF_NAME))):
        result = _run_without_pdfminer(*args)
        assert result.returncode == 2
        assert "pip install 'resumeout[verify]'" in result.stderr
        assert "Traceback" not in result.stderr
    # A DOCX needs only python-docx, which is always installed.
    assert _run_without_pdfminer("verify", str(SEED), str(exported / DOCX_NAME)).returncode == 0


def test_verify_help_imports_no_reader() -> None:
    code = (
        "import sys\n"
        "from resumeout.cli.main import main\n"
        "try:\n    main(['verify', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert "[SOURCE] [FILE …]" in result.stdout
    imported = set(result.stderr.split())
    assert not imported & {"pdfminer", "docx", "reportlab", "pydantic"}
