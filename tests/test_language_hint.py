"""A résumé written in another script with no ``locale`` is warned that resumeout's own
words come out in English, and told the tag to add; exported as asked all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

ARABIC = """\
name: محمد أحمد
sections:
  - title: الخبرة
    type: experience
    entries:
      - title: مهندس برمجيات
        organization: شركة المثال
        start: 2020-09
        end: present
  - title: التعليم
    type: education
    entries:
      - institution: جامعة القاهرة
        degree: بكالوريوس
        start: 2013-09
        end: 2017-06
"""


def _export(tmp_path: Path, text: str, *flags: str) -> tuple[int, str, str]:
    source = tmp_path / "resume.yaml"
    source.write_text(text, encoding="utf-8")
    result = run_cli("export", str(source), "-f", "txt", "-o", str(tmp_path / "out.txt"), *flags)
    written = (tmp_path / "out.txt").read_text("utf-8") if (tmp_path / "out.txt").exists() else ""
    return result.returncode, result.stderr, written


def test_arabic_titles_without_a_locale_are_warned_with_the_english_words(tmp_path: Path) -> None:
    status, stderr, written = _export(tmp_path, ARABIC)
    assert status == 0, stderr
    assert "Present" in written and "Sep 2020" in written
    source = tmp_path / "resume.yaml"
    assert (
        f"{source}:2:1: warning: sections: the section titles are written in Arabic but the "
        "résumé names no language, so resumeout writes its own words in English "
        "(Sep, Present, Jun); add `locale: {language: ar}`"
    ) in stderr


def test_strict_refuses_the_english_words(tmp_path: Path) -> None:
    status, stderr, written = _export(tmp_path, ARABIC, "--strict")
    assert status != 0 and "locale: {language: ar}" in stderr
    assert written == ""


@pytest.mark.parametrize(
    "setting",
    [
        "locale: {language: ar}\n",
        # The résumé's own words for everything resumeout would write: nothing English.
        "settings:\n  dates: {month: numeric, present: الآن}\n",
    ],
)
def test_no_warning_once_no_english_word_is_left(tmp_path: Path, setting: str) -> None:
    status, stderr, written = _export(tmp_path, ARABIC + setting)
    assert status == 0, stderr
    assert ": warning:" not in stderr
    assert "Present" not in written and "Sep" not in written


@pytest.mark.parametrize(
    ("titles", "tag"),
    [(("職歴", "スキル"), "ja"), (("工作经历", "教育"), "zh"), (("Опыт", "Образование"), "ru")],
)
def test_the_suggested_tag_follows_the_script(
    tmp_path: Path, titles: tuple[str, str], tag: str
) -> None:
    text = ARABIC.replace("الخبرة", titles[0]).replace("التعليم", titles[1])
    status, stderr, _ = _export(tmp_path, text)
    assert status == 0, stderr
    assert f"`locale: {{language: {tag}}}`" in stderr


def test_an_english_resume_with_one_foreign_title_is_not_warned(tmp_path: Path) -> None:
    text = ARABIC.replace("الخبرة", "Experience").replace("التعليم", "Education")
    status, stderr, _ = _export(tmp_path, text)
    assert status == 0 and ": warning:" not in stderr
    status, stderr, _ = _export(tmp_path, text.replace("Education", "教育"))
    assert status == 0 and ": warning:" not in stderr


def test_validate_gives_the_same_warning_and_still_says_valid(tmp_path: Path) -> None:
    # A CI job that only validates sees what export would warn of.
    source = tmp_path / "resume.yaml"
    source.write_text(ARABIC, encoding="utf-8")
    result = run_cli("validate", str(source))
    assert result.returncode == 0, result.stderr
    assert f"{source}: valid (2 sections)" in result.stdout
    assert f"{source}:2:1: warning: sections: the section titles are written in Arabic" in (
        result.stderr
    )
    as_json = run_cli("validate", str(source), "--error-format", "json")
    assert as_json.returncode == 0 and '"severity": "warning"' in as_json.stderr + as_json.stdout
