"""Word runs cut where the direction changes, and the slots' proofing languages read
from the text when the résumé names none: real DOCX files read back with python-docx
and lxml, and laid out by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from resumeout.exporters import load_exporter
from resumeout.exporters.docx.bidi_pieces import direction_pieces
from resumeout.source.validation import load_resume
from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORLD = ROOT / "tests" / "data" / "world"
ASIDE = ROOT / "tests" / "data" / "docx_bidi" / "arabic_aside.yaml"


def _docx(source: Path, target: Path) -> Path:
    target.write_bytes(load_exporter("docx")(source.parent).render_bytes(load_resume(source)))
    return target


def _runs(path: Path) -> list[tuple[str, bool, bool]]:
    """Every text run of the body: its text, whether it is ``w:rtl``, whether bold."""
    found = []
    for run in docx.Document(str(path)).element.body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if text:
            rtl = run.find(f"{W}rPr/{W}rtl") is not None
            found.append((text, rtl, run.find(f"{W}rPr/{W}b") is not None))
    return found


@pytest.mark.parametrize(
    ("texts", "rtl", "expected"),
    [
        # Neutrals between two directions go the paragraph's way.
        (["Mar 2021 – Present, عمّان"], True, [[("Mar 2021 – Present", False), (", عمّان", True)]]),
        (["Mar 2021 – Present, عمّان"], False, [[("Mar 2021 – Present, ", False), ("عمّان", True)]]),
        # Digits after a Latin word are Latin; between Hebrew words, Hebrew.
        (
            ["בנייה ב-Python 3 של 10,000 בקשות"],
            True,
            [[("בנייה ב-", True), ("Python 3", False), (" של 10,000 בקשות", True)]],
        ),
        # A comma in a run of its own between two Arabic runs goes their way.
        (["مهندسة", ", ", "شركة"], False, [[("مهندسة", True)], [(", ", True)], [("شركة", True)]]),
        # One direction: one piece, whatever the paragraph's.
        (["Plain text, 2021"], True, [[("Plain text, 2021", False)]]),
        (["عمّان، الأردن"], False, [[("عمّان، الأردن", True)]]),
    ],
)
def test_runs_are_cut_where_the_direction_changes(
    texts: list[str], rtl: bool, expected: list[list[tuple[str, bool]]]
) -> None:
    assert direction_pieces(texts, right_to_left_paragraph=rtl) == expected


def test_a_combining_mark_stays_with_its_letter() -> None:
    # U+0651 (shadda) and U+05BC (dagesh) at a direction boundary.
    for text in ("abc عمّ", "abc בּ"):
        pieces = direction_pieces([text], right_to_left_paragraph=False)[0]
        assert pieces[-1][1] and pieces[-1][0].endswith(text[-1])


def test_a_mixed_aside_is_cut_into_runs_of_one_direction(tmp_path: Path) -> None:
    runs = _runs(_docx(ASIDE, tmp_path / "ar.docx"))
    # The aside is read in its own direction (left to right: it starts with a date),
    # as the PDF sets it: its comma stays with the dates.
    assert ("Mar 2021 – Present, ", False, False) in runs
    assert ("عمّان", True, False) in runs
    assert not [run for run in runs if run[1] and any("a" <= c <= "z" for c in run[0])]
    # Bold stays on its piece; the comma between the title and the bold company goes
    # the Arabic way.
    assert ("شركة البيانات المفتوحة", True, True) in runs
    assert (", ", True, False) in runs
    # A bullet mixing Arabic and a Latin word: three runs.
    start = runs.index(("بناء خدمة باستخدام ", True, False))
    assert runs[start + 1 : start + 3] == [
        ("Python", False, False),
        (" تعالج 5000 طلب في الثانية", True, False),
    ]


@pytest.mark.parametrize(
    ("source", "complex_script", "east_asian"),
    [
        ("hebrew.yaml", "he-IL", "zh-CN"),
        ("arabic.yaml", "ar-SA", "zh-CN"),
        ("hindi.yaml", "hi-IN", "zh-CN"),
        ("thai.yaml", "th-TH", "zh-CN"),
        ("chinese.yaml", "ar-SA", "zh-CN"),
        ("japanese_korean.yaml", "ar-SA", "ja-JP"),
        ("greek_cyrillic.yaml", "ar-SA", "zh-CN"),
    ],
)
def test_a_résumé_without_a_language_is_proofed_in_its_scripts_languages(
    tmp_path: Path, source: str, complex_script: str, east_asian: str
) -> None:
    document = docx.Document(str(_docx(WORLD / source, tmp_path / "r.docx")))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None
    assert lang.get(f"{W}bidi") == complex_script
    assert lang.get(f"{W}eastAsia") == east_asian


def test_korean_text_is_proofed_as_korean(tmp_path: Path) -> None:
    source = tmp_path / "ko.yaml"
    source.write_text(
        "name: 김민준\nsections:\n  - title: 경력\n    type: lines\n"
        "    entries:\n      - label: 서울\n",
        encoding="utf-8",
    )
    document = docx.Document(str(_docx(source, tmp_path / "ko.docx")))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}eastAsia") == "ko-KR"


def test_a_named_language_keeps_its_slot(tmp_path: Path) -> None:
    source = tmp_path / "he.yaml"
    text = (WORLD / "arabic.yaml").read_text(encoding="utf-8")
    source.write_text(text + "locale: {language: fa}\n", encoding="utf-8")
    document = docx.Document(str(_docx(source, tmp_path / "fa.docx")))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}bidi") == "fa-IR"
