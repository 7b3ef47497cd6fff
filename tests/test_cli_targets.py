"""Where outputs go: every target of an export is planned before anything is written, two
jobs never share a file, and an output file's suffix agrees with its format."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import SEED, normalise, run_cli


def _copy_seed(path: Path, *, name: str = "Runyu Lu", headline: str = "") -> Path:
    text = SEED.read_text(encoding="utf-8").replace("name: Runyu Lu", f"name: {name}")
    if headline:
        text = text.replace(f"name: {name}\n", f"name: {name}\nheadline: {headline}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_sources_with_one_output_name_are_refused_and_others_exported(
    tmp_path: Path, jobs: str
) -> None:
    first = _copy_seed(tmp_path / "first.yaml", headline="First copy")
    second = _copy_seed(tmp_path / "second.yaml", headline="Second copy")
    other = _copy_seed(tmp_path / "other.yaml", name="Ann Lee")
    dist = tmp_path / "dist"
    result = run_cli(
        "export", str(first), str(second), str(other), "-f", "md,txt", "-o", str(dist), "-j", jobs
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    clash = f"{first} and {second} would both be written to {dist / 'Runyu_Lu_Resume'}"
    refusals = [line for line in result.stderr.splitlines() if clash in line]
    assert [line.split(":")[0] for line in refusals] == [str(first), str(second)]
    assert "(and 1 more); none of them is written" in refusals[0]
    assert "settings.output_name" in refusals[0]
    # The source that clashes with no other is exported; neither clashing one is.
    assert sorted(p.name for p in dist.iterdir()) == ["Ann_Lee_Resume.md", "Ann_Lee_Resume.txt"]


def test_names_that_differ_only_in_case_are_one_file(tmp_path: Path) -> None:
    upper = _copy_seed(tmp_path / "upper.yaml", name="Ann Lee")
    lower = _copy_seed(tmp_path / "lower.yaml", name="ann lee")
    result = run_cli("export", str(upper), str(lower), "-f", "md")
    assert result.returncode == 2
    assert f"{upper} and {lower} would both be written to" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lower.yaml", "upper.yaml"]


def test_check_refuses_the_same_clash(tmp_path: Path) -> None:
    first = _copy_seed(tmp_path / "first.yaml")
    second = _copy_seed(tmp_path / "second.yaml")
    result = run_cli("export", str(first), str(second), "-f", "md", "--check")
    assert result.returncode == 2
    assert "would both be written to" in result.stderr


def test_an_output_onto_another_source_of_the_batch_is_refused(tmp_path: Path) -> None:
    source = _copy_seed(tmp_path / "resume.yaml")
    # A JSON source that happens to carry the name of the first one's JSON Resume output.
    other = tmp_path / "Runyu_Lu_Resume.json"
    other.write_text('{"name": "Other Person"}\n', encoding="utf-8")
    before = other.read_bytes()
    result = run_cli("export", str(source), str(other), "-f", "jsonresume")
    assert result.returncode == 2
    assert f"{source}: refusing to overwrite the source file {other}" in result.stderr
    assert other.read_bytes() == before
    assert (tmp_path / "Other_Person_Resume.json").exists()


@pytest.mark.parametrize("output", ["cv.txt", "-"])
def test_several_variants_into_one_file_are_refused(tmp_path: Path, output: str) -> None:
    target = str(tmp_path / output) if output != "-" else output
    result = run_cli("export", str(SEED), "--variant", "all", "-f", "txt", "-o", target)
    assert result.returncode == 2, result.stderr
    where = target if output != "-" else "standard output"
    assert result.stderr.startswith(
        f"{SEED}: variants 'research' and 'industry' would both be written to {where}; "
        "none of them is written: -o takes one variant: choose it with --variant NAME, "
        "or give -o a folder\n"
    )
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_one_variant_into_one_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "cv.txt"
    result = run_cli("export", str(SEED), "--variant", "industry", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("Runyu Lu\n")


def test_a_format_that_contradicts_the_suffix_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "cv.pdf"
    result = run_cli("export", str(SEED), "--format", "md", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"resumeout: error: -o {target} names a pdf file, but --format asks for md: "
        f"name the file {tmp_path / 'cv.md'}, or leave out --format to write pdf"
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "starts_with"),
    [("cv.md", b"# Runyu Lu"), ("CV.TXT", b"Runyu Lu\n"), ("cv.pdf", b"%PDF-")],
)
def test_without_format_the_suffix_chooses_it(
    tmp_path: Path, name: str, starts_with: bytes
) -> None:
    target = tmp_path / name
    result = run_cli("export", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(starts_with)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    if name.endswith(".pdf"):
        text = normalise(" ".join(page.extract_text() for page in PdfReader(target).pages))
        assert "Runyu Lu" in text


def test_an_unknown_suffix_needs_a_format(tmp_path: Path) -> None:
    target = tmp_path / "cv.xyz"
    result = run_cli("export", str(SEED), "-o", str(target))
    assert result.returncode == 2
    assert f"-o {target}: no format writes .xyz files; name the format with --format" in (
        result.stderr
    )
    named = run_cli("export", str(SEED), "--format", "md", "-o", str(target))
    assert named.returncode == 0, named.stderr  # a name of the user's choosing
    assert target.read_text(encoding="utf-8").startswith("# Runyu Lu")


def test_a_folder_with_a_dot_stays_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out.v2"
    folder.mkdir()
    result = run_cli("export", str(SEED), "-f", "md", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == ["Runyu_Lu_Resume.md"]


def test_variants_whose_file_names_coincide_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text("name: Ann\nvariants:\n  Research: {}\n  research: {}\n", encoding="utf-8")
    result = run_cli("export", str(source), "--variant", "all", "-f", "md")
    assert result.returncode == 2
    assert (
        f"{source}: variants 'Research' and 'research' would both be written to "
        f"{tmp_path / 'Ann_Resume_Research.md'}; none of them is written: give the variants "
        "names that differ in more than case and punctuation"
    ) in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]


def test_two_formats_with_one_suffix_are_refused(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "notes.py").write_text(
        "from resumeout.exporters import Exporter\n\n\n"
        "class NotesExporter(Exporter):\n"
        "    name = 'notes'\n"
        "    suffix = '.md'\n"
        "    media_type = 'text/markdown'\n\n"
        "    def render(self, resume):\n"
        "        return resume.name\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli(
        "export", str(SEED), "-f", "md,notes", "--exporters-dir", str(plugins), "-o", str(out)
    )
    assert result.returncode == 2
    assert "formats md and notes would both be written to" in result.stderr
    assert not out.exists()
