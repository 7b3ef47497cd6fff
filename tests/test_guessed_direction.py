"""The direction PyMuPDF guesses for what is written next, and where a blank goes so
that it reads the blank and the glyph after it on the line (MuPDF 1.28's rules; the
whole-document behaviour is in test_pdf_right_to_left_pymupdf.py)."""

from __future__ import annotations

import pytest

from resumeout.exporters.pdf.guessed_direction import (
    Between,
    blank_span,
    guessed_after,
    leading_neutrals,
    neutral_prefix,
    reads_backwards,
)


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        ("שלום", False, True),
        ("مرحبا", False, True),
        ("٢٠٢١", False, True),  # Arabic-Indic digits read right to left
        ("Python", True, False),
        ("2021", True, False),  # European digits read left to right
        ("30%", True, False),
        (" ", True, True),  # a neutral takes the direction before it
        (" – ", False, False),
        ("، ", True, True),
        ("• ", False, False),
        ("ב-", False, False),  # a hyphen reads left to right: what follows it too
    ],
)
def test_a_neutral_follows_what_was_written_before_it(text: str, before: bool, after: bool) -> None:
    assert guessed_after(text, before) is after


def test_read_right_to_left_a_blank_ends_where_the_glyph_before_it_starts() -> None:
    # The last Arabic letter written spans 100–105; the next word's writing starts at its
    # right end, 90: the blank fills 90–100, so each starts where the next one ends.
    between = Between(100.0, 105.0, 90.0, "كلمة")
    assert blank_span(between, own=2.5, size=10, right_to_left=True) == (90.0, 10.0)


def test_read_right_to_left_before_a_latin_word_the_blank_reaches_over_it() -> None:
    # "Python" is written from its left end, 60, after an Arabic word ending at 100.
    between = Between(100.0, 105.0, 60.0, "Python")
    assert blank_span(between, own=2.5, size=10, right_to_left=True) == (60.0, 40.0)


def test_read_left_to_right_a_blank_starts_where_the_glyph_before_it_ends() -> None:
    between = Between(40.0, 45.0, 80.0, "in")
    assert blank_span(between, own=2.5, size=10, right_to_left=False) == (45.0, 35.0)


def test_after_a_latin_word_in_a_right_to_left_line_the_blank_is_not_inside_it() -> None:
    # "Python" ends at 120 and the Arabic word after it (read right to left, so no new
    # line whatever the jump) starts at its right end, 80: the blank starts at 120, not
    # inside the word, and is wide enough for pdfminer.six to join the next glyph.
    between = Between(115.0, 120.0, 80.0, "و", in_word=True)
    left, width = blank_span(between, own=2.5, size=10, right_to_left=False) or (0.0, 0.0)
    assert left == 120.0
    assert 2 * width > left - 80.0


def test_after_a_bullet_the_blank_starts_back_towards_the_text() -> None:
    between = Between(550.0, 553.0, 540.0, "قاد", in_word=False)
    left, width = blank_span(between, own=2.5, size=10, right_to_left=False) or (0.0, 0.0)
    assert left == pytest.approx(553.0 - 7.0)  # within 0.8 em of where the bullet ends
    assert 2 * width > left - 540.0


@pytest.mark.parametrize(
    ("between", "right_to_left"),
    [
        # right-to-left words, a space, then a Latin word to their right
        (Between(40.0, 45.0, 80.0, "in"), True),
        # digits, a space, then a dash read left to right but written to their left
        (Between(95.0, 100.0, 70.0, "– الآن"), False),
    ],
)
def test_where_no_place_keeps_the_line_the_caller_keeps_its_own(
    between: Between, right_to_left: bool
) -> None:
    assert blank_span(between, own=2.5, size=10, right_to_left=right_to_left) is None


@pytest.mark.parametrize(
    ("text", "neutrals"),
    [
        ("– حتى الآن", "– "),  # after a number: read left to right, written leftwards
        ("، إربد", "، "),
        ("% خلال سنتين", "% "),
        ("حتى الآن", ""),  # a letter first: nothing to carry
        ("Python", ""),
        (" – ", ""),  # no right-to-left letter after them
    ],
)
def test_the_neutrals_that_open_right_to_left_text(text: str, neutrals: str) -> None:
    assert leading_neutrals(text) == neutrals


def test_arabic_indic_digits_make_a_line_read_backwards() -> None:
    assert reads_backwards("مطورة في الفريق ٤٢، شركة")
    assert not reads_backwards("مطورة في الفريق 42، شركة")
    assert not reads_backwards("٤ شركات")  # one digit: nothing written after it


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("، ", "، "), ("– حتى", "– "), ("% خلال", "% "), ("Python", ""), ("", "")],
)
def test_the_punctuation_a_text_opens_with(text: str, prefix: str) -> None:
    assert neutral_prefix(text) == prefix
