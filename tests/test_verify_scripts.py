"""The matching rules of `verify` for scripts other than Latin, on text as readers return
it: what readers legitimately vary in is forgiven, a changed word is not."""

from __future__ import annotations

import pytest

from resumeout.verification.checks import check
from resumeout.verification.facts import DatedHeading, Expectations, Fact
from resumeout.verification.scripts import reading_runs


def _found(fact: str, text: str) -> bool:
    return check(text, Expectations((Fact("bullet", fact, ("x",)),), ())).ok


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("支持三个国家的业务，日交易量超过一百万笔", "支持三个国家的业务，日交易量超过一百\n万笔"),
        ("支持三个国家的业务", "支持三个 国家的业务"),  # a reader's space in a justified run
        ("北京，中国", "软件工程师，北京\n北京，中国 · x@example.org"),  # no word boundary
        ("使用 Go 和 Rust", "使用 Go 和\nRust"),
        ("东南亚和พัฒนา", "东南亚和\nพัฒนา"),
        ("เฉียงใต้และพัฒนาระบบ", "เฉียงใต้และ\nพัฒนาระบบ"),
        ("ทำงาน", "ประสบการณ์ทำงาน"),
    ],
)
def test_a_break_inside_an_unspaced_run_is_forgiven(fact: str, text: str) -> None:
    assert _found(fact, text)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("支持三个国家的业务", "支持三个国家的业"),
        ("支持三个国家的业务", "支持四个国家的业务"),
        ("เฉียงใต้และพัฒนาระบบ", "เฉียงใต้และ\nดูแลระบบ"),
        ("Go 和 Rust", "Go 和 Rustacean"),  # a Latin word still ends at a boundary
    ],
)
def test_a_changed_character_in_an_unspaced_run_is_missing(fact: str, text: str) -> None:
    assert not _found(fact, text)


BULLET = "خفض زمن الاستجابة بنسبة كبيرة باستخدام Python و Rust"


@pytest.mark.parametrize(
    "text",
    [
        BULLET,
        # pdfminer: the left-to-right words read as boxes of their own, lines apart
        " و \n• خفض زمن الاستجابة بنسبة كبيرة باستخدام \nanother line\nPython\n\nRust",
        # a reader that puts the runs of the line in visual order, each run logical
        "Rust و Python خفض زمن الاستجابة بنسبة كبيرة باستخدام",
        # poppler: bidi embeddings around each run
        "\u202bخفض زمن الاستجابة بنسبة كبيرة باستخدام \u202aPython\u202c و \u202aRust\u202c\u202c",
    ],
)
def test_the_runs_of_a_right_to_left_line_are_found_in_any_order(text: str) -> None:
    assert _found(BULLET, text)


@pytest.mark.parametrize(
    "text",
    [
        BULLET.replace("Rust", "Java"),
        BULLET.replace("كبيرة", "صغيرة"),
        BULLET.replace("Rust", ""),
        # the right-to-left words themselves must still be read in their order
        "الاستجابة زمن خفض بنسبة كبيرة باستخدام Python و Rust",
        # read in visual order, letter by letter: what a search for the word misses
        "".join(reversed(BULLET)),
    ],
)
def test_a_lost_or_changed_run_of_a_right_to_left_line_is_missing(text: str) -> None:
    assert not _found(BULLET, text)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("2020-09 – الآن , و شركة — Python", ["2020-09", "الآن", "و شركة", "Python"]),
        # a localised heading: the Arabic comma from another font is a box apart
        ("مهندسة برمجيات أولى، شركة البيانات", ["مهندسة برمجيات أولى", "شركة البيانات"]),
        # the Hebrew prefix: cut at the hyphen between the scripts
        ("ניסיון ב-Python", ["ניסיון ב", "Python"]),
        ("ב-10,000 בקשות", ["ב", "10,000", "בקשות"]),
        ("ענן ב-30%", ["ענן ב", "30"]),
        # a left-to-right run is drawn as one, neutrals and numbers inside it included
        ("Jan 2020 – Present, תל אביב", ["Jan 2020 – Present", "תל אביב"]),
        ("כתובת noa@example.com", ["כתובת", "noa@example.com"]),
        # a number with Latin letters glued to it is one word: its letters are not a
        # word of their own, and were then "not read anywhere"
        ("זמן התגובה ל-150ms", ["זמן התגובה ל", "150ms"]),
        ("רשתות 5G ו-Python3", ["רשתות", "5G", "ו", "Python3"]),
    ],
)
def test_a_right_to_left_text_is_cut_into_the_runs_a_reader_may_read_apart(
    text: str, runs: list[str]
) -> None:
    assert reading_runs(text) == runs


HEADING_AR = "مهندسة برمجيات أولى، شركة البيانات المفتوحة"
HEADLINE_HE = "מהנדסת תוכנה עם ניסיון ב-Python"


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        # pdfminer: the comma of a localised heading read as a box of its own
        (HEADING_AR, "شركة البيانات المفتوحة — مارس \n2021\nمهندسة برمجيات أولى\n، "),
        (HEADING_AR, HEADING_AR),
        # pdfminer: the prefix and its Latin word read apart; poppler: the hyphen after
        (HEADLINE_HE, "Python\nnoa@example.com\nמהנדסת תוכנה עם ניסיון ב-"),
        (HEADLINE_HE, "מהנדסת תוכנה עם ניסיון ב -Python"),
        # a date column too narrow for its run: the wrap read lines apart, text between
        ("مارس 2021 – حتى الآن، عمّان", " – حتى مهندسة برمجيات\n2021\nمارس\nالآن، عمّان"),
        # the tanween of a lam-alef read on the alef rather than on the lam
        ("لـ 12 عميلًا", "لـ 12 عميلاً"),
        # a reader's space before a mark
        ("عمّان، الأردن", "عم ّان، الأردن"),
    ],
)
def test_a_right_to_left_fact_read_in_pieces_is_found(fact: str, text: str) -> None:
    assert _found(fact, text)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        (HEADING_AR, "شركة البيانات المفتوحة — مارس \n2021\nمهندسة برمجيات\n، "),
        (HEADING_AR, "شركة البيانات المغلقة\nمهندسة برمجيات أولى"),
        (HEADLINE_HE, "Python\nמהנדסת תוכנה עם ניסיון"),
        (HEADLINE_HE, "Java\nמהנדסת תוכנה עם ניסיון ב-"),
        (HEADLINE_HE, "Python\nמהנדסת תוכנה עם ניסיון כ-"),
        # a wrap is read at the start of a line, not anywhere
        ("مارس 2021 – حتى الآن، عمّان", " – حتى مهندسة برمجيات\n2021 مارس الآن، عمّان"),
        ("مارس 2021 – حتى الآن، عمّان", " – حتى مهندسة برمجيات\n2021\nمارس\nعمّان"),
        # a mark lost or changed is not a reader's variation
        ("لـ 12 عميلًا", "لـ 12 عميلا"),
        ("عمّان، الأردن", "عمان، الأردن"),
        ("عمّان، الأردن", "عمَان، الأردن"),
    ],
)
def test_a_lost_or_changed_word_of_a_right_to_left_fact_in_pieces_is_missing(
    fact: str, text: str
) -> None:
    assert not _found(fact, text)


def test_a_latin_fact_is_not_found_in_pieces() -> None:
    assert not _found("Senior Engineer, Open Data", "Senior Engineer\nOpen Data")
    assert not _found("experience in Python", "experience in\nJava\nPython")


def test_bidi_marks_between_runs_are_not_suspicious_but_inside_a_word_they_are() -> None:
    expected = Expectations((Fact("name", "محمد أحمد", ("name",)),), ())
    assert check("\u200fمحمد أحمد\u200e", expected).ok
    assert check("\u202bمحمد أحمد\u202c", expected).ok
    inside = check("محمد أح\u200fمد", expected)
    assert [s.character for s in inside.suspicious] == ["\u200f"]
    override = check("محمد أحمد \u202eabc", expected)
    assert [s.character for s in override.suspicious] == ["\u202e"]


HEADING = Fact("position", "مهندس برمجيات أول", ("sections", 0, "entries", 0, "title"))
DATES = Fact("dates", "2020-09 – الآن", ("sections", 0, "entries", 0, "start"))
RTL_ENTRY = Expectations((HEADING, DATES), (DatedHeading(HEADING, DATES),))
# How pdfminer read the dates of a right-to-left heading before the PDF bridged the
# change of direction: as boxes apart from it.
APART = " – الآن\n2020-09\nالخبرة\nمهندس برمجيات أول — \n• something else"


def test_a_right_to_left_headings_date_must_be_read_on_its_line() -> None:
    findings = check(APART, RTL_ENTRY)
    assert [apart.entry for apart in findings.dates_apart] == [RTL_ENTRY.dated_headings[0]]
    assert check("مهندس برمجيات أول\t2020-09 – الآن", RTL_ENTRY).ok


def test_a_number_with_a_unit_glued_to_it_is_found_in_a_right_to_left_fact() -> None:
    fact = "הורדתי את זמן התגובה ל-150ms"
    assert _found(fact, "הורדתי את זמן התגובה ל-150ms")
    assert not _found(fact, "הורדתי את זמן התגובה ל-150 ms")  # a word changed
