"""`verify` run as a user runs it: characters no font has, located as `export` locates
them; `--variant`, as `export --variant`; every problem with the command line at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import SEED, run_cli
from tests.factories import UNDRAWABLE, docx_with_text_replaced


def _lines(stream: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.splitlines()]


def test_characters_no_font_has_are_each_located_and_the_docx_still_read(
    tmp_path: Path,
) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(UNDRAWABLE, encoding="utf-8")
    result = run_cli("verify", str(source))
    assert result.returncode == 3
    assert f"{source}:6:27: sections[0].entries[0].title: no font has a glyph for " in result.stderr
    assert f"{source}:8:25: sections[0].entries[0].summary: no font has a glyph for " in (
        result.stderr
    )
    assert "(U+0378)" in result.stderr and "(U+0379)" in result.stderr
    assert "the pdf was not built" in result.stderr
    assert "Traceback" not in result.stderr and "resumeout: error" not in result.stderr
    (summary,) = result.stdout.splitlines()  # the DOCX has every character: it is read
    assert summary.startswith("Ann_Lee_Resume.docx (read with python-docx, built in memory)")


def test_missing_glyphs_in_json_carry_their_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(UNDRAWABLE, encoding="utf-8")
    result = run_cli("verify", str(source), "--error-format", "json")
    assert result.returncode == 3
    problems = _lines(result.stderr)
    assert [(p["line"], p["column"], p["type"], p["severity"]) for p in problems] == [
        (6, 27, "missing_glyph", "error"),
        (8, 25, "missing_glyph", "error"),
    ]


def test_allow_missing_glyphs_warns_located_and_reports_the_fact_it_changed(
    tmp_path: Path,
) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(UNDRAWABLE, encoding="utf-8")
    result = run_cli("verify", str(source), "--allow-missing-glyphs", "--error-format", "json")
    assert result.returncode == 1, result.stderr
    problems = [(p["line"], p["column"], p["type"], p["severity"]) for p in _lines(result.stderr)]
    assert (6, 27, "missing_glyph", "warning") in problems
    assert (8, 25, "missing_glyph", "warning") in problems
    # What the PDF lost is a fact not read as written, at its field.
    assert (6, 16, "fact_altered", "error") in problems
    pdf, docx = _lines(result.stdout)
    assert (pdf["ok"], docx["ok"]) == (False, True)


def test_every_unusable_file_is_named_at_once(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x", "utf-8")
    gone_pdf, gone_docx = tmp_path / "gone.pdf", tmp_path / "gone.docx"
    result = run_cli("verify", str(SEED), str(notes), str(gone_pdf), str(gone_docx))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"resumeout: error: {notes}: verify reads .pdf and .docx files; name the source first",
        f"resumeout: error: {gone_pdf}: no such file; export it first, or name no file",
        f"resumeout: error: {gone_docx}: no such file; export it first, or name no file",
    ]
    assert result.stdout == ""


def test_a_variant_is_read_in_memory_under_the_name_export_gives_it() -> None:
    result = run_cli("verify", str(SEED), "--variant", "industry", "--error-format", "json")
    assert result.returncode == 0, result.stderr
    summaries = _lines(result.stdout)
    assert [s["file"] for s in summaries] == [
        "Runyu_Lu_Resume_industry.pdf",
        "Runyu_Lu_Resume_industry.docx",
    ]
    assert all(s["ok"] and s["facts_found"] == s["facts"] for s in summaries)
    every = run_cli("verify", str(SEED), "--variant", "all", "--error-format", "json")
    assert every.returncode == 0, every.stderr
    assert [s["file"] for s in _lines(every.stdout)] == [
        "Runyu_Lu_Resume_research.pdf",
        "Runyu_Lu_Resume_research.docx",
        "Runyu_Lu_Resume_industry.pdf",
        "Runyu_Lu_Resume_industry.docx",
    ]


def test_the_files_export_variant_writes_pass_verify_variant_and_only_it(
    tmp_path: Path,
) -> None:
    result = run_cli(
        "export", str(SEED), "--variant", "industry", "-f", "pdf,docx", "-o", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    files = [str(tmp_path / f"Runyu_Lu_Resume_industry{suffix}") for suffix in (".pdf", ".docx")]
    assert run_cli("verify", str(SEED), *files, "--variant", "industry").returncode == 0
    # The industry variant leaves out the preprint: against the whole résumé, or another
    # variant, its files lack facts.
    whole = run_cli("verify", str(SEED), *files, "--error-format", "json")
    assert whole.returncode == 1
    assert "ModalGlue" in whole.stderr
    other = run_cli("verify", str(SEED), *files, "--variant", "research")
    assert other.returncode == 1


def test_an_unknown_variant_is_located_with_the_nearest_name(tmp_path: Path) -> None:
    result = run_cli("verify", str(SEED), "--variant", "industri")
    assert result.returncode == 2
    line = 1 + SEED.read_text("utf-8").split("\nvariants:")[0].count("\n") + 1
    assert result.stderr.startswith(
        f"{SEED}:{line}:1: variants: unknown variant 'industri'; did you mean 'industry'? "
        "(declared: research, industry)"
    )
    assert result.stdout == ""
    none = tmp_path / "r.yaml"
    none.write_text("name: Ann Lee\n", "utf-8")
    undeclared = run_cli("verify", str(none), "--variant", "all")
    assert undeclared.returncode == 2
    assert "--variant all, but the résumé declares no `variants:`" in undeclared.stderr
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"")
    with_files = run_cli("verify", str(SEED), str(pdf), "--variant", "all")
    assert with_files.returncode == 2
    assert "name the one variant the files were exported as" in with_files.stderr


VARIED = """\
name: Ann Lee
headline: Engineer
sections:
  - id: work
    title: Work
    type: experience
    entries:
      - title: Developer
        organization: Acme
        start: 2020-01
        highlights:
          - text: Wrote the billing service
            tags: [web]
          - text: Tuned the GPU kernels
            tags: [gpu]
          - text: Ran the on-call rota
  - id: talks
    title: Talks
    type: entries
    entries:
      - title: A talk on kernels
variants:
  gpu:
    headline: GPU engineer
    exclude_tags: [web]
    sections: [talks, work]
"""


def test_a_variants_facts_are_located_at_their_fields_in_the_source(tmp_path: Path) -> None:
    """The variant reorders the sections, drops a bullet and replaces the headline: what
    its file lacks is still reported where the source says it."""
    source = tmp_path / "r.yaml"
    source.write_text(VARIED, "utf-8")
    result = run_cli("export", str(source), "--variant", "gpu", "-f", "docx", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    exported = tmp_path / "Ann_Lee_Resume_gpu.docx"
    altered = tmp_path / "altered.docx"
    docx_with_text_replaced(exported, altered, "Ran the on-call rota", "Ran the rota")
    staged = tmp_path / "staged.docx"
    docx_with_text_replaced(altered, staged, "GPU engineer", "GPU person")
    check = run_cli(
        "verify", str(source), str(staged), "--variant", "gpu", "--error-format", "json"
    )
    assert check.returncode == 1
    located = {(p["path"], p["line"]) for p in _lines(check.stderr)}
    assert located == {
        ("variants.gpu.headline", 24),
        ("sections[0].entries[0].highlights[2]", 16),
    }
    assert run_cli("verify", str(source), str(exported), "--variant", "gpu").returncode == 0


def test_theme_tells_verify_where_the_files_put_their_dates(tmp_path: Path) -> None:
    """Files exported with ``--theme`` are checked against that theme's layout: a theme
    that sets every date on the line under its heading passes only when named."""
    theme = tmp_path / "under"
    theme.mkdir()
    (theme / "theme.yaml").write_text(
        "description: Dates under their heading.\ndesign:\n  entries: {dates: own_line}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    exported = run_cli(
        "export", str(SEED), "--format", "docx", "-o", str(out), "-q", "--theme", str(theme)
    )
    assert exported.returncode == 0, exported.stderr
    (docx,) = out.glob("*.docx")

    named = run_cli("verify", str(SEED), str(docx), "--theme", str(theme))
    assert named.returncode == 0, named.stdout + named.stderr
    assert "10 of 10 dates under their heading" in named.stdout

    unnamed = run_cli("verify", str(SEED), str(docx))
    assert unnamed.returncode == 1, unnamed.stdout + unnamed.stderr
    # (a heading that fills its line may have its date below: those few pass either way)
    assert "10 of 10" not in unnamed.stdout
    assert "of 10 dates on their heading's line" in unnamed.stdout

    # With no file, the documents are built with the theme named.
    in_memory = run_cli("verify", str(SEED), "--theme", str(theme))
    assert in_memory.returncode == 0, in_memory.stdout + in_memory.stderr
    assert in_memory.stdout.count("10 of 10 dates under their heading") == 2


def test_an_unknown_theme_is_a_usage_error_naming_the_themes() -> None:
    result = run_cli("verify", str(SEED), "--theme", "nosuch")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "unknown theme 'nosuch'" in result.stderr
    assert "classic" in result.stderr and "Traceback" not in result.stderr
