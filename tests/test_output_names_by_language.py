"""Output file names in the résumé's language: the name a recruiter sees on the
attachment says "CV" for a French résumé and 简历 for a Chinese one, unless the résumé
names its files itself. Exported by the command line, files looked for on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

SOURCE = """\
name: Ana Lopez
{extra}sections:
  - title: Skills
    type: lines
    entries:
      - label: Go
        details: Kubernetes
"""


def _exported(tmp_path: Path, extra: str, *options: str) -> list[str]:
    source = tmp_path / "resume.yaml"
    source.write_text(SOURCE.format(extra=extra), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("export", str(source), "-f", "md,txt", "-o", str(out), "-q", *options)
    assert result.returncode == 0, result.stderr
    return sorted(path.name for path in out.iterdir())


@pytest.mark.parametrize(
    ("locale", "stem"),
    [
        ("", "Ana_Lopez_Resume"),
        ("locale: {language: en-GB}\n", "Ana_Lopez_Resume"),
        ("locale: {language: fr}\n", "Ana_Lopez_CV"),
        ("locale: {language: de}\n", "Ana_Lopez_Lebenslauf"),
        ("locale: {language: zh}\n", "Ana_Lopez_简历"),
        ("locale: {language: ar}\n", "Ana_Lopez_سيرة_ذاتية"),
        ("locale: {language: fr, labels: {resume: Dossier}}\n", "Ana_Lopez_Dossier"),
        # An English résumé that renames itself in its metadata keeps its file name.
        ("locale: {language: en, labels: {resume: Curriculum Vitae}}\n", "Ana_Lopez_Resume"),
    ],
)
def test_the_default_name_says_resume_in_the_resumes_language(
    locale: str, stem: str, tmp_path: Path
) -> None:
    assert _exported(tmp_path, locale) == [f"{stem}.md", f"{stem}.txt"]


def test_a_name_the_resume_gives_is_kept_in_any_language(tmp_path: Path) -> None:
    extra = 'locale: {language: fr}\nsettings: {output_name: "{name}_Resume"}\n'
    assert _exported(tmp_path, extra) == ["Ana_Lopez_Resume.md", "Ana_Lopez_Resume.txt"]


def test_a_variant_in_another_language_is_named_in_it(tmp_path: Path) -> None:
    extra = "variants:\n  en:\n    locale: {language: en}\n  fr:\n    locale: {language: fr}\n"
    assert _exported(tmp_path, extra, "--variant", "all") == [
        "Ana_Lopez_CV_fr.md",
        "Ana_Lopez_CV_fr.txt",
        "Ana_Lopez_Resume_en.md",
        "Ana_Lopez_Resume_en.txt",
    ]
