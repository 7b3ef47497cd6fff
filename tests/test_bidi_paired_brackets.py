"""Paired brackets in the Unicode Bidirectional Algorithm (rule N0): a pair of brackets
takes the direction of the text it encloses, so "(B1)" at the end of an Arabic line
keeps its closing parenthesis beside "B1".

The conformance data is the Unicode Character Database's BidiCharacterTest.txt
(15.0.0, © Unicode, Inc., https://www.unicode.org/terms_of_use.html), kept whole and
compressed in tests/data/unicode."""

from __future__ import annotations

import lzma
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader

from resumeout.exporters.pdf.scripts.direction import (
    CLOSING_BRACKETS,
    OPENING_BRACKETS,
    Direction,
    embedding_levels,
    visual_order,
)
from tests.conftest import ROOT, export_or_skip

CONFORMANCE = ROOT / "tests" / "data" / "unicode" / "BidiCharacterTest-15.0.0.txt.xz"
ISOLATES = {"LRI", "RLI", "FSI", "PDI"}
"""Isolates are not honoured (see the direction module): their cases are left out."""


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    direction: Direction | None
    base_level: int
    levels: tuple[int | None, ...]
    """None: removed by rule X9."""
    order: tuple[int, ...]


def _cases() -> Iterator[Case]:
    with lzma.open(CONFORMANCE, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            codes, direction, base_level, levels, order = line.rstrip("\n").split(";")
            yield Case(
                number,
                "".join(chr(int(code, 16)) for code in codes.split()),
                {"0": "ltr", "1": "rtl", "2": None}[direction],
                int(base_level),
                tuple(None if level == "x" else int(level) for level in levels.split()),
                tuple(int(index) for index in order.split()),
            )


def _line_levels(text: str, base_level: int, levels: list[int]) -> list[int]:
    """Rule L1, which the conformance data has applied: separators, and the white space
    before them and at the end of the line, at the paragraph's level."""
    reset = list(levels)
    trailing = True
    for index in range(len(text) - 1, -1, -1):
        bidi_class = unicodedata.bidirectional(text[index])
        if bidi_class in ("S", "B"):
            reset[index], trailing = base_level, True
        elif trailing and bidi_class in ("WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"):
            reset[index] = base_level
        else:
            trailing = False
    return reset


def _failure(case: Case) -> str | None:
    base_level, levels = embedding_levels(case.text, case.direction)
    levels = _line_levels(case.text, base_level, levels)
    kept = [index for index, level in enumerate(case.levels) if level is not None]
    got = tuple(levels[index] if index in kept else None for index in range(len(levels)))
    order = tuple(kept[index] for index in visual_order([levels[index] for index in kept]))
    if (base_level, got, order) == (case.base_level, case.levels, case.order):
        return None
    return f"line {case.line}: levels {got}, order {order}; expected {case.levels}, {case.order}"


def test_every_conformance_case_without_isolates_resolves_as_unicode_says() -> None:
    cases = [
        case
        for case in _cases()
        if not any(unicodedata.bidirectional(char) in ISOLATES for char in case.text)
    ]
    with_brackets = [case for case in cases if set(case.text) & set(OPENING_BRACKETS)]
    assert len(cases) > 90_000 and len(with_brackets) > 80_000
    failures = [failure for case in cases if (failure := _failure(case))]
    assert failures[:10] == [], f"{len(failures)} of {len(cases)} cases differ"


def test_each_bracket_pairs_with_its_mirror_image() -> None:
    # BidiBrackets.txt's own definition: an opening bracket (Ps) and a closing one (Pe),
    # both ON and mirrored.
    assert len(OPENING_BRACKETS) == len(CLOSING_BRACKETS) == 64
    for opening, closing in OPENING_BRACKETS.items():
        assert CLOSING_BRACKETS[closing] == opening
        assert unicodedata.category(opening) == "Ps" and unicodedata.category(closing) == "Pe"
        for bracket in (opening, closing):
            assert unicodedata.bidirectional(bracket) == "ON" and unicodedata.mirrored(bracket)


def _levels(text: str, direction: Direction) -> dict[str, int]:
    """The level of each character of ``text`` (the last one of a repeated character)."""
    return dict(zip(text, embedding_levels(text, direction)[1], strict=True))


def test_a_closing_bracket_after_latin_text_in_an_arabic_line_is_left_to_right() -> None:
    levels = embedding_levels("العربية (الأم)، Français (B1)", "rtl")[1]
    assert levels[-4:] == [2, 2, 2, 2]  # (B1)
    assert levels[8:14] == [1] * 6  # (الأم)


def test_brackets_pair_by_their_canonical_equivalents() -> None:
    # U+2329 and U+232A are canonically U+3008 and U+3009: either closes either.
    for opening, closing in (("\u2329", "\u3009"), ("\u3008", "\u232a"), ("\u2329", "\u232a")):
        assert _levels(f"א b{opening}c{closing}", "rtl")[closing] == 2
    # A bracket of another kind does not close it: it takes the paragraph's direction.
    assert _levels("א b\u2329c\u300b", "rtl")["\u300b"] == 1


def test_a_bracket_overridden_to_a_direction_does_not_pair() -> None:
    # An embedding and a left-to-right override one after the other give one level run:
    # the overridden ")" is L, not a bracket that would take the direction of the Hebrew.
    levels = embedding_levels("\u202a\u05d0(\u05d1\u202c\u202d)\u202c", "rtl")[1]
    assert levels[1:4] == [3, 3, 3] and levels[6] == 2


SOURCES = {
    "arabic": "اللغات: العربية (الأم)، English (C2)، Français (B1)",
    "hebrew": "שפות: עברית (שפת אם), English (C2), Français (B1)",
}


@pytest.fixture(scope="module", params=sorted(SOURCES))
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The PDF of a résumé whose headline is the line, and the line."""
    folder = tmp_path_factory.mktemp(f"brackets-{request.param}")
    headline = SOURCES[request.param]
    name = "ليلى حسن" if request.param == "arabic" else "דנה לוי"
    return export_or_skip(folder, f'name: {name}\nheadline: "{headline}"\n', "pdf"), headline


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_pdfminer_reads_the_line_with_its_brackets_in_order(exported: tuple[Path, str]) -> None:
    # The ")" after "B1" stood at the far left of the line, which pdfminer.six read on a
    # line of its own after "Français (B1".
    path, headline = exported
    assert headline in _lines(pdfminer_text(str(path)))


def test_pypdf_reads_the_line_with_its_brackets_in_order(exported: tuple[Path, str]) -> None:
    path, headline = exported
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert headline in _lines(text)


def test_the_brackets_enclose_their_text_on_the_page(exported: tuple[Path, str]) -> None:
    # Left to right on the page, each bracket as drawn ("(" opens to its right): every
    # pair encloses its text, the Arabic or Hebrew one too, with the glyphs mirrored.
    # The ")" after "B1" was drawn as a "(" at the far left of the line.
    pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
    path, _ = exported
    with pymupdf.open(str(path)) as document:
        page = document[0]
        baselines: dict[float, list[dict[str, Any]]] = {}
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for char in span["chars"]:
                        baselines.setdefault(round(char["origin"][1]), []).append(char)
        (chars,) = (
            chars for chars in baselines.values() if "English" in "".join(c["c"] for c in chars)
        )
        shown = "".join(
            _drawn(pymupdf, page, char) if char["c"] in "()" else char["c"]
            for char in sorted(chars, key=lambda char: char["bbox"][0])
            if ord(char["c"]) < 0x250 and not char["c"].isspace()  # Latin, no spaces
        )
    assert "English(C2)" in shown and "Français(B1)" in shown, shown
    assert "".join(char for char in shown if char in "()") == "()()()", shown


def _drawn(pymupdf: Any, page: Any, char: dict[str, Any]) -> str:
    """Which way the bracket ``char`` is drawn: "(" when its ink bulges to the left."""
    pixels = page.get_pixmap(dpi=400, clip=pymupdf.Rect(char["bbox"]), colorspace=pymupdf.csGRAY)
    rows = []
    for y in range(pixels.height):
        ink = [x for x in range(pixels.width) if pixels.pixel(x, y)[0] < 128]
        if ink:
            rows.append(sum(ink) / len(ink))
    assert len(rows) >= 6, f"no glyph drawn for {char['c']!r}"
    third, sixth = len(rows) // 3, len(rows) // 6
    middle = sum(rows[third : 2 * third]) / third
    ends = (sum(rows[:sixth]) + sum(rows[-sixth:])) / (2 * sixth)
    return "(" if middle < ends else ")"
