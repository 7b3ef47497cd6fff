"""The résumé's own language: every word resumeout adds, every month name and the
documents' declared language follow ``locale``, in every format, read back as written."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
import yaml
from lxml import etree

from resumeout.exporters import load_exporter
from resumeout.locales import LABEL_KEYS, Words, catalogue_tags
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from resumeout.source.variants import apply_variant
from tests.conftest import ROOT, SEED, run_cli
from tests.readers import READERS, libreoffice_pdf, read_back, words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MESSAGES = ROOT / "src" / "resumeout" / "locales" / "messages"
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
ENGLISH_LABELS = re.compile(r"\b(Present|Last updated|Keywords|Advisors|Courses|GPA|page \d)\b")


def seed_in(tmp_path: Path, locale: str) -> Resume:
    """The seed résumé with a ``locale:`` block appended."""
    source = tmp_path / "seed.yaml"
    source.write_text(SEED.read_text(encoding="utf-8") + f"\nlocale: {locale}\n", "utf-8")
    return load_resume(source)


def rendered(name: str, resume: Resume) -> bytes:
    return load_exporter(name)().render_bytes(resume)


def docx_part(data: bytes, part: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(part))


@pytest.mark.parametrize("name", READERS)
def test_the_seed_in_french_has_no_english_label_or_month(name: str, tmp_path: Path) -> None:
    text = read_back(name, rendered(name, seed_in(tmp_path, "{language: fr}")))
    assert ENGLISH_MONTHS.findall(text) == []
    assert ENGLISH_LABELS.findall(text) == []
    flat = words(text)
    for french in (
        "sept. 2024 – aujourd’hui",
        "sept. 2020 – juin 2024",
        "Directeurs de recherche : Mosharaf Chowdhury et Ang Chen",
        "Moyenne : 3.95 / 4.00",
        "Mots-clés : DiT Inference, Parallelization, Sparse Attention",
        "Mis à jour le 16 mars 2026",
    ):
        assert french in flat


@pytest.mark.parametrize("name", READERS)
def test_the_seed_in_chinese_says_zhijin(name: str, tmp_path: Path) -> None:
    flat = words(read_back(name, rendered(name, seed_in(tmp_path, "{language: zh}"))))
    assert "2024年9月 – 至今" in flat
    assert "导师：Mosharaf Chowdhury和Ang Chen" in flat
    assert "最后更新：2026年3月16日" in flat
    assert ENGLISH_MONTHS.findall(flat) == ENGLISH_LABELS.findall(flat) == []


@pytest.mark.parametrize("name", READERS)
def test_german_and_arabic_dates_and_labels(name: str, tmp_path: Path) -> None:
    german = words(read_back(name, rendered(name, seed_in(tmp_path, "{language: de}"))))
    assert "Sept. 2024 – heute" in german and "Stand: 16. März 2026" in german
    arabic = read_back(name, rendered(name, seed_in(tmp_path, "{language: ar}")))
    assert "سبتمبر 2024 – حتى الآن" in words(arabic)
    supervisors = "المشرفون: Mosharaf Chowdhury وAng Chen"
    if name == "pdf":  # pypdf reads a space where an Arabic letter meets a Latin one
        supervisors = "المشرفون: Mosharaf Chowdhury و"
    assert supervisors in words(arabic)


@pytest.mark.parametrize("name", READERS)
def test_an_english_locale_changes_no_byte(name: str, tmp_path: Path) -> None:
    assert rendered(name, seed_in(tmp_path, "{language: en}")) == rendered(name, load_resume(SEED))


def test_labels_and_date_patterns_replace_the_languages_own(tmp_path: Path) -> None:
    locale = (
        "{language: fr, labels: {present: en cours, keywords: Thèmes, last_updated: "
        "'Version du {date}'}, date_patterns: {month: MM/y, day: d MMMM y}}"
    )
    flat = words(read_back("txt", rendered("txt", seed_in(tmp_path, locale))))
    assert "09/2024 – en cours" in flat
    assert "Thèmes : DiT Inference" in flat
    assert "Version du 16 mars 2026" in flat


def test_the_pdf_declares_the_language(tmp_path: Path) -> None:
    for tag in ("fr", "zh-Hans", "ar"):
        with pikepdf.open(
            io.BytesIO(rendered("pdf", seed_in(tmp_path, f"{{language: {tag}}}")))
        ) as pdf:
            assert str(pdf.Root.Lang) == tag
            xmp = pdf.open_metadata()
            assert xmp.get("dc:language") == {tag}


def test_the_pdf_footer_speaks_the_language(tmp_path: Path) -> None:
    source = tmp_path / "long.yaml"
    entries = "".join(
        f"      - title: Rôle {n}\n        start: 2020-0{n % 9 + 1}\n        end: present\n"
        f"        highlights: [{', '.join(['Une ligne de travail assez longue'] * 6)}]\n"
        for n in range(30)
    )
    source.write_text(
        "name: Ana\nlocale: {language: fr}\nsections:\n  - title: Expérience\n"
        f"    type: experience\n    entries:\n{entries}",
        encoding="utf-8",
    )
    text = read_back("pdf", rendered("pdf", load_resume(source)))
    assert "Ana — page 1 sur" in text and " of " not in text


def test_the_docx_declares_the_language_in_every_slot(tmp_path: Path) -> None:
    for locale, val, east_asian, bidi in (
        ("{language: fr}", "fr-FR", "zh-CN", "ar-SA"),
        ("{language: zh}", "zh-CN", "zh-CN", "ar-SA"),
        ("{language: ja}", "ja-JP", "ja-JP", "ar-SA"),
        ("{language: he}", "he-IL", "zh-CN", "he-IL"),
        ("{language: hi}", "hi-IN", "zh-CN", "hi-IN"),
    ):
        data = rendered("docx", seed_in(tmp_path, locale))
        lang = docx_part(data, "word/styles.xml").find(f"{W}docDefaults//{W}lang")
        assert lang is not None
        assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia"), lang.get(f"{W}bidi")) == (
            val,
            east_asian,
            bidi,
        )
        core = docx_part(data, "docProps/core.xml")
        assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == val


ARABIC = """\
name: ليلى أحمد
headline: مهندسة في **أنظمة التعلم الآلي**
email: layla@example.org
locale: {language: ar}
sections:
  - title: الخبرة
    type: experience
    entries:
      - title: مهندسة برمجيات
        organization: شركة المثال
        start: 2024-09
        end: present
        highlights: [بناء خدمة **سريعة** لتقديم النماذج]
"""


def test_a_right_to_left_docx_marks_paragraphs_runs_and_complex_script_formatting(
    tmp_path: Path,
) -> None:
    source = tmp_path / "ar.yaml"
    source.write_text(ARABIC, encoding="utf-8")
    data = rendered("docx", load_resume(source))
    body = docx_part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    paragraphs = body.findall(f"{W}p")
    assert paragraphs and all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    runs = [run for run in body.iter(f"{W}r") if run.findtext(f"{W}t")]
    for run in runs:
        text = run.findtext(f"{W}t") or ""
        right_to_left = any(char.isalpha() and "\u0600" <= char <= "\u06ff" for char in text)
        if not any(char.isalpha() for char in text):
            continue  # spaces and punctuation go the way of the text around them
        assert (run.find(f"{W}rPr/{W}rtl") is not None) == right_to_left, text
        if run.find(f"{W}rPr/{W}b") is not None:
            assert run.find(f"{W}rPr/{W}bCs") is not None, text
    assert any(run.find(f"{W}rPr/{W}rtl") is None for run in runs)  # the e-mail address
    styles = docx_part(data, "word/styles.xml")
    for rpr in styles.iter(f"{W}rPr"):
        size = rpr.find(f"{W}sz")
        if size is not None:
            assert rpr.find(f"{W}szCs") is not None
            assert rpr.find(f"{W}szCs").get(f"{W}val") == size.get(f"{W}val")
        if rpr.find(f"{W}b") is not None:
            assert rpr.find(f"{W}bCs") is not None
    fonts = styles.find(f"{W}docDefaults//{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}cs") and fonts.get(f"{W}eastAsia")


def test_a_left_to_right_docx_has_no_right_to_left_marks(tmp_path: Path) -> None:
    data = rendered("docx", seed_in(tmp_path, "{language: fr}"))
    document = docx_part(data, "word/document.xml")
    assert document.find(f".//{W}bidi") is None and document.find(f".//{W}rtl") is None


def test_an_unknown_language_is_a_located_error_with_the_closest_tags(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text("name: Ana\nlocale:\n  language: French\n", encoding="utf-8")
    result = run_cli("validate", str(source))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        f"{source}:3:13: locale.language: 'French' is not a language tag resumeout knows; "
        "for French, write its tag: fr" in result.stderr
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("arabic", "for Arabic, write its tag: ar"),
        ("العربية", "for Arabic, write its tag: ar"),
        ("中文", "for Chinese, write its tag: zh"),
        ("Français", "for French, write its tag: fr"),
        ("arabc", "did you mean ar,"),
        ("pt-XX", "did you mean pt"),
    ],
)
def test_a_language_named_instead_of_tagged_is_given_its_tag(
    tmp_path: Path, written: str, hint: str
) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text(f"name: Ana\nlocale:\n  language: {written}\n", encoding="utf-8")
    result = run_cli("validate", str(source))
    assert result.returncode == 3, result.stderr
    assert f"'{written}' is not a language tag resumeout knows; {hint}" in result.stderr


def test_a_language_without_words_asks_for_them(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text("name: Ana\nlocale: {language: sw}\n", encoding="utf-8")
    result = run_cli("validate", str(source))
    assert result.returncode == 3
    assert "locale: resumeout has no words of its own in sw yet" in result.stderr
    assert "present, last_updated" in result.stderr
    labels = ", ".join(
        f"{key}: X{key}" for key in LABEL_KEYS if key not in ("last_updated", "page")
    )
    source.write_text(
        "name: Ana\nsections:\n  - {title: Kazi, type: experience, entries: "
        "[{title: Mhandisi, start: 2024-09, end: present}]}\n"
        f"locale: {{language: sw, labels: {{{labels}, last_updated: 'X {{date}}', "
        "page: 'X {page}/{pages}'}}\n",
        encoding="utf-8",
    )
    assert "Sep 2024 – Xpresent" in read_back("txt", rendered("txt", load_resume(source)))


def test_a_variant_may_have_its_own_locale(tmp_path: Path) -> None:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["settings"] = {"dates": {"present": "Now"}}
    data["variants"] = {"fr": {"title": "Runyu Lu – CV", "locale": {"language": "fr"}}}
    source = tmp_path / "resume.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    english = load_resume(source)
    french = apply_variant(english, "fr")
    assert "Sep 2024 – Now" in read_back("txt", rendered("txt", english))
    assert "sept. 2024 – aujourd’hui" in read_back("txt", rendered("txt", french))
    for resume, tag in ((english, "en"), (french, "fr")):
        with pikepdf.open(io.BytesIO(rendered("pdf", resume))) as pdf:
            assert str(pdf.Root.Lang) == tag
    result = run_cli(
        "export", str(source), "--variant", "all", "--format", "md", "-o", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    # named in French too
    assert "aujourd’hui" in (tmp_path / "Runyu_Lu_CV_fr.md").read_text(encoding="utf-8")


def test_present_said_twice_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "resume.yaml"
    source.write_text(
        "name: Ana\nlocale: {labels: {present: now}}\nsettings: {dates: {present: today}}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(source))
    assert result.returncode == 3 and "keep one (locale.labels.present)" in result.stderr


def test_every_catalogue_has_every_word() -> None:
    tags = catalogue_tags()
    assert len(tags) >= 20
    required = {"zh", "ja", "ko", "ar", "he", "hi", "fr", "de", "es", "pt", "ru"}
    assert required <= set(tags)
    keys = list(Words.__dataclass_fields__)
    for tag in tags:
        data = json.loads((MESSAGES / f"{tag}.json").read_text(encoding="utf-8"))
        assert list(data) == keys, tag
        assert "{date}" in data["last_updated"], tag
        assert "{page}" in data["page"] and "{pages}" in data["page"], tag
        if tag != "en":
            assert data["present"] != "Present" and data["keywords"] != "Keywords", tag


def test_english_is_cldrs_english() -> None:
    """The built-in English (no Babel loaded) writes what CLDR's ``en`` writes."""
    import datetime as dt

    from babel import Locale
    from babel.core import get_global
    from babel.dates import format_skeleton

    from resumeout.dates import PartialDate
    from resumeout.locales import resolve
    from resumeout.locales.cldr import CldrCalendar

    built_in, cldr = resolve("en").calendar, CldrCalendar(Locale("en"), None, None)
    for month in range(1, 13):
        for date in (PartialDate(2024, month), PartialDate(2024, month, 16), PartialDate(1999)):
            for style in ("short", "long", "numeric"):
                assert built_in.date(date, style) == cldr.date(date, style)
    assert built_in.range("A", "B") == cldr.range("A", "B")
    assert format_skeleton("yMMM", dt.date(2024, 9, 1), locale="en") == "Sep 2024"
    assert (
        get_global("likely_subtags")["en"].endswith("_US") and resolve("en").regional_tag == "en-US"
    )


def test_an_english_resume_does_not_load_babel() -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from resumeout import load_resume, load_exporter\n"
        f"resume = load_resume(Path({str(SEED)!r}))\n"
        "for name in ('md', 'txt', 'pdf', 'docx'): load_exporter(name)().render_bytes(resume)\n"
        "assert not [m for m in sys.modules if m.startswith('babel')], 'babel loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_lays_a_right_to_left_docx_out_from_the_right(tmp_path: Path) -> None:
    """Headings start at the right margin and the dates sit on the left, as an Arabic
    reader expects."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextLine

    source = tmp_path / "ar.yaml"
    source.write_text(ARABIC, encoding="utf-8")
    path = tmp_path / "ar.docx"
    path.write_bytes(rendered("docx", load_resume(source)))
    page = next(iter(extract_pages(libreoffice_pdf(path, tmp_path))))
    middle = page.width / 2

    def lines(element: object) -> list[LTTextLine]:
        if isinstance(element, LTTextLine):
            return [element]
        return [line for child in getattr(element, "_objs", []) for line in lines(child)]

    found = lines(page)
    dated = [line for line in found if "2024" in line.get_text()]
    assert dated and all(line.x1 < middle for line in dated)
    bullet = [
        line for line in found if "النماذج" in line.get_text() or "جذامنلا" in line.get_text()
    ]
    right_side = [line for line in found if line.x0 > middle and "2024" not in line.get_text()]
    assert right_side, [line.get_text() for line in found]
    assert all(line.x1 > middle for line in bullet)
