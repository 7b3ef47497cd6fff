"""Variants: one source, targeted résumés selected by tags and section lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeout.errors import SourceError
from resumeout.exporters.text import TextExporter
from resumeout.source.validation import load_resume
from resumeout.source.variants import apply_variant
from tests.conftest import SEED, run_cli
from tests.readers import read_back

TAGGED = """\
name: Ann Lee
sections:
  - id: work
    title: Work
    type: experience
    entries:
      - title: Compiler engineer
        tags: [systems]
        highlights:
          - Wrote a register allocator
          - text: Tuned GPU kernels
            tags: [gpu]
          - text: Ran the team's book club
            tags: [social]
      - title: Web developer
        tags: [web]
  - id: talks
    title: Talks
    type: entries
    tags: [academic]
    entries:
      - title: A talk
  - title: Hobbies
    type: text
    entries:
      - text: Climbing
        tags: [social]
variants:
  systems:
    include_tags: [systems, gpu]
    exclude_tags: [social]
  short:
    sections: [talks, work]
"""


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    path = tmp_path / "resume.yaml"
    path.write_text(TAGGED, encoding="utf-8")
    return path


def test_tags_select_sections_entries_and_bullets(tagged: Path) -> None:
    resume = apply_variant(load_resume(tagged), "systems")
    text = TextExporter().render(resume)
    assert "Compiler engineer" in text and "Web developer" not in text
    assert "register allocator" in text and "GPU kernels" in text
    assert "book club" not in text
    assert "Talks" not in text  # tagged, but with none of the included tags
    assert "Hobbies" not in text  # its only paragraph was excluded: the title goes too


def test_sections_in_the_variants_order(tagged: Path) -> None:
    resume = apply_variant(load_resume(tagged), "short")
    assert [section.title for section in resume.sections] == ["Talks", "Work"]


def test_seed_variants_export_in_every_format(tmp_path: Path) -> None:
    result = run_cli("export", str(SEED), "--variant", "all", "-f", "all", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"Runyu_Lu_Resume_{variant}.{suffix}"
        for variant in ("industry", "research")
        for suffix in ("docx", "md", "pdf", "txt")
    )
    for suffix in ("md", "txt", "pdf", "docx"):
        industry = read_back(suffix, (tmp_path / f"Runyu_Lu_Resume_industry.{suffix}").read_bytes())
        research = read_back(suffix, (tmp_path / f"Runyu_Lu_Resume_research.{suffix}").read_bytes())
        assert "ModalGlue" not in industry and "ModalGlue" in research, suffix
        assert industry.index("Work Experience") < industry.index("Publications"), suffix
        assert research.index("Publications") < research.index("Work Experience"), suffix
        assert "inference engines, model serving" in industry, suffix
    check = run_cli(
        "export", str(SEED), "--variant", "all", "-f", "all", "-o", str(tmp_path), "--check"
    )
    assert check.returncode == 0, check.stderr


def test_without_a_variant_everything_is_exported(tagged: Path) -> None:
    text = TextExporter().render(load_resume(tagged))
    for word in ("Web developer", "book club", "Climbing", "Talks"):
        assert word in text


def test_a_variant_naming_unknown_tags_or_sections_is_located(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    text = TAGGED.replace("exclude_tags: [social]", "exclude_tags: [socail]").replace(
        "sections: [talks, work]", "sections: [talks, wrok]"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_resume(path)
    found = [(d.line, d.column, d.path, d.code) for d in caught.value.diagnostics]
    assert found == [
        (*_position(text, "socail"), "variants.systems.exclude_tags[0]", "variant_unknown_tag"),
        (*_position(text, "wrok"), "variants.short.sections[1]", "variant_unknown_section"),
    ]


def _position(text: str, word: str) -> tuple[int, int]:
    """1-based line and column of ``word`` in ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if word in line:
            return number, line.index(word) + 1
    raise AssertionError(word)


def test_unknown_variant_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", str(SEED), "--variant", "sales", "-f", "md", "-o", str(tmp_path))
    assert result.returncode == 2
    line = next(
        number
        for number, text in enumerate(SEED.read_text(encoding="utf-8").splitlines(), start=1)
        if text.startswith("variants:")
    )
    assert (
        f"{SEED}:{line}:1: variants: unknown variant 'sales' (declared: research, industry)"
        in result.stderr
    )
    misspelt = run_cli(
        "export", str(SEED), "--variant", "industri", "-f", "md", "-o", str(tmp_path)
    )
    assert misspelt.returncode == 2
    assert "unknown variant 'industri'; did you mean 'industry'?" in misspelt.stderr
    assert list(tmp_path.iterdir()) == []


def test_variant_names_are_sanitised_in_file_names(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "name: Ann\nsettings:\n  output_name: '{name} CV ({variant})'\nvariants:\n  v1.2: {}\n",
        encoding="utf-8",
    )
    result = run_cli("export", str(path), "--variant", "v1.2", "-f", "md")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Ann_CV_(v1.2).md").exists()
