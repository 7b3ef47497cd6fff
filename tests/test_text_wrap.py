"""Wrapping by display width: any text, any width, as a reader's screen shows it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeout.exporters.text_wrap import display_width, graphemes, wrap, wrap_items
from tests.conftest import ROOT, run_cli

# What a reader sees as one character, each with its width in columns and whether a
# line may break beside it inside a word (Chinese and Japanese may; Korean, which has
# spaces between words, and Latin may not).
CLUSTERS: dict[str, tuple[int, bool]] = {
    "a": (1, False),
    "Z": (1, False),
    "7": (1, False),
    "e\u0301": (1, False),  # e + combining acute
    "\u0915\u093f": (2, False),  # कि: a spacing vowel sign takes a column of its own
    "a\u0308\u0323": (1, False),  # two marks
    "中": (2, True),
    "語": (2, True),
    "あ": (2, True),
    "カ": (2, True),
    "Ａ": (2, True),  # fullwidth A
    "한": (2, False),
    "글": (2, False),
    "\u1112\u1161\u11ab": (2, False),  # 한 spelt as jamo
    "\U0001f600": (2, True),  # 😀
    "\U0001f469\u200d\U0001f4bb": (2, True),  # 👩‍💻, a ZWJ sequence
    "\U0001f1ef\U0001f1f5": (2, True),  # 🇯🇵, a flag
    "\u2764\ufe0f": (2, False),  # ❤️ with emoji presentation
}
SPACES = ["", " ", " ", " ", "  ", "\t"]

TOKENS = st.lists(
    st.tuples(st.sampled_from(SPACES), st.sampled_from(sorted(CLUSTERS))), min_size=1, max_size=60
)
INDENTS = st.sampled_from([("", ""), ("  ", "  "), ("  • ", "    "), ("", "    ")])


@pytest.mark.parametrize(("cluster", "expected"), CLUSTERS.items())
def test_clusters_and_their_widths(cluster: str, expected: tuple[int, bool]) -> None:
    assert graphemes(cluster * 3) == [cluster] * 3
    assert display_width(cluster * 3) == 3 * expected[0]


def test_widths_of_ordinary_text() -> None:
    assert display_width("Zoë Ångström") == 12
    assert display_width("東京大学 PhD") == 12
    assert display_width("") == 0
    assert display_width("शिक्षा") == 5  # श ि क ष ा a column each, the virama none


@given(tokens=TOKENS, width=st.integers(1, 50), indents=INDENTS)
@settings(max_examples=400, deadline=None)
def test_any_text_wraps_within_the_width_without_losing_or_splitting_anything(
    tokens: list[tuple[str, str]], width: int, indents: tuple[str, str]
) -> None:
    first, rest = indents
    text = "".join(space + cluster for space, cluster in tokens)
    lines = wrap(text, width, first, rest)
    assert lines
    # Walk the source's clusters through the lines: each line holds the next clusters
    # in order (their spaces between them, a tab shown as a space), whole.
    position = 0
    for number, line in enumerate(lines):
        indent = first if number == 0 else rest
        assert line.startswith(indent)
        content = line[len(indent) :]
        start = position
        shown = tokens[position][1]  # the spaces before a line's first cluster go
        position += 1
        while shown != content:
            assert content.startswith(shown), (content, shown)
            space, cluster = tokens[position]
            shown += space.replace("\t", " ") + cluster
            position += 1
        # The line ends where a break is allowed: at a space, or beside a character of
        # a script that breaks anywhere.
        if position < len(tokens):
            space, after = tokens[position]
            before = tokens[position - 1][1]
            assert space or CLUSTERS[before][1] or CLUSTERS[after][1]
        # Over the width only when nothing on the line could have been broken.
        if display_width(line) > width:
            inside = tokens[start + 1 : position]
            assert not any(space for space, _ in inside)
            pairs = zip(tokens[start:position], inside, strict=False)
            assert not any(CLUSTERS[a][1] or CLUSTERS[b][1] for (_, a), (_, b) in pairs)
    assert position == len(tokens)


@given(
    words=st.lists(
        st.text("abcxyzé-/:.", min_size=1, max_size=15).map(lambda w: w.replace(" ", "")),
        min_size=1,
        max_size=30,
    ),
    width=st.integers(10, 80),
)
@settings(max_examples=200, deadline=None)
def test_words_and_urls_come_back_whole_and_in_order(words: list[str], width: int) -> None:
    words = [word for word in words if word]
    text = " ".join([*words, "https://example.org/" + "x" * 90])
    lines = wrap(text, width, "  ", "  ")
    assert [word for line in lines for word in line.split()] == text.split()
    for line in lines:
        assert display_width(line) <= width or len(line.split()) == 1


def test_line_breaks_and_paragraphs_are_kept() -> None:
    assert wrap("one two\n\nthree", 80, "- ", "  ") == ["- one two", "", "  three"]
    assert wrap("", 80, "- ", "  ") == []


def test_no_line_starts_with_a_closing_mark() -> None:
    text = "研究了大规模语言模型。" * 8
    for width in range(4, 40):
        for line in wrap(text, width):
            assert not unicodedata.category(line[0]).startswith("P"), (width, line)


def test_text_measured_by_its_length_is_measured_rightly() -> None:
    # Text of "one column" characters is measured by len() and never cut into clusters
    # or broken inside a word. That holds if each such character is one column wide,
    # joins no neighbour of its kind and is no place to break, for every code point.
    from resumeout.exporters import text_wrap

    one_column = text_wrap._one_column.__wrapped__
    for code in range(0x110000):
        char = chr(code)
        if not one_column(char):
            continue
        assert text_wrap._cluster_width(char) == 1, hex(code)
        assert not text_wrap._extends("a", char), hex(code)
        assert not text_wrap._breaks_anywhere(char), hex(code)
    # The rules of _extends that look at the character before: a joiner, a regional
    # indicator, a Hangul initial; none of them is a one-column character.
    for code in [*range(0x1F1E6, 0x1F200), *range(0x1100, 0x1160), *range(0xA960, 0xA980)]:
        assert not one_column(chr(code)), hex(code)
    assert not one_column(text_wrap.ZERO_WIDTH_JOINER)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="ab +-()7", min_size=1, max_size=30), min_size=1, max_size=8),
    st.integers(min_value=10, max_value=60),
)
def test_contact_items_are_broken_between_never_inside(items: list[str], width: int) -> None:
    # A phone number ("+971 50 123 4567") was cut at one of its spaces.
    items = [" ".join(item.split()) or "x" for item in items]
    lines = wrap_items(items, " | ", width)
    whole = [item for item in items if display_width(item) <= width]
    assert all(any(item in line for line in lines) for item in whole)
    assert all(display_width(line) <= width for line in lines if " | " in line.rstrip(" |"))
    if all(display_width(item) <= width for item in items):
        # every item whole and in order, the separator ending each broken line
        assert " ".join(lines) == " | ".join(items)


def test_a_phone_number_stays_on_one_line_of_the_contacts() -> None:
    contacts = ["Dubai, United Arab Emirates", "sara.mansouri.longaddress@example.com"]
    contacts += ["+971 50 123 4567", "sara-mansouri-portfolio.example.com"]
    assert wrap_items(contacts, " | ", 80) == [
        "Dubai, United Arab Emirates | sara.mansouri.longaddress@example.com |",
        "+971 50 123 4567 | sara-mansouri-portfolio.example.com",
    ]


def test_a_hindi_plain_text_resume_keeps_to_its_width_as_a_terminal_counts_it(
    tmp_path: Path,
) -> None:
    """glibc's wcwidth, which terminals use, gives a spacing vowel sign (ा, ि) a column:
    counted as none, the heading lines with their dates ran to 92 columns of 80."""
    import ctypes
    import ctypes.util
    import locale

    name = ctypes.util.find_library("c")
    if name is None:
        pytest.skip("no C library to ask for wcwidth")
    libc = ctypes.CDLL(name)
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale for wcwidth")
    libc.wcswidth.argtypes = [ctypes.c_wchar_p, ctypes.c_size_t]
    result = run_cli(
        "export", str(ROOT / "tests/data/world/hindi.yaml"), "-f", "txt", "-o", str(tmp_path), "-q"
    )
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*.txt")
    lines = path.read_text("utf-8").splitlines()
    widths = {line: libc.wcswidth(line, len(line)) for line in lines}
    assert all(width >= 0 for width in widths.values())
    assert max(widths.values()) <= 80, max(widths.items(), key=lambda item: item[1])
    dated = [line for line in lines if "2021-04" in line]
    assert dated and widths[dated[0]] == 80  # the dates end at the right edge
