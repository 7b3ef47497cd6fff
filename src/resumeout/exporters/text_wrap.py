"""Wrapping plain text to a width in display columns, as a terminal or a form shows it.

Characters are measured by their East Asian width (wide and fullwidth ones take two
columns, combining marks none; spacing marks, such as Devanagari's vowel signs ा and ि,
one each, as a terminal's wcwidth counts them) and kept together as grapheme clusters
(a letter and its accents, an emoji sequence, a Hangul syllable written as jamo). Lines
break at spaces and between Chinese or Japanese characters, never inside a word, a URL
or a cluster: a word longer than the line overflows it alone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

ZERO_WIDTH_JOINER = "\u200d"
EMOJI_PRESENTATION = "\ufe0f"
# Spaces a line may break at (not the no-break ones: U+00A0, U+2007, U+202F).
_SPACES = "\t \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000"
_WORD = re.compile(f"([{_SPACES}]*)([^{_SPACES}]+)")
# Never broken: whatever the characters in them, a link must stay one string.
_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:|[^\s@]+@[^\s@]+\.")
# Japanese and Chinese line-breaking rules (kinsoku): no line starts with a closing mark
# or a small kana, and none ends with an opening mark.
_NO_BREAK_BEFORE = frozenset(
    ".,;:!?)]}%’”»›、。，．：；？！）］｝〕〉》」』】〙〗〟｠ゝゞーァィゥェォッャュョヮヵヶ"
    "ぁぃぅぇぉっゃゅょゎ々〻‐゠〜～…‥・"
)
_NO_BREAK_AFTER = frozenset("([{‘“«‹（［｛〔〈《「『【〘〖〝｟")


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal."""
    if _one_column_each(text):
        return len(text)
    return sum(_cluster_width(cluster) for cluster in graphemes(text))


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, indents included.

    ``first`` starts the first line and ``rest`` every other one. A line break in
    ``text`` is kept, and an empty line stays empty (a paragraph break). Only a unit that
    cannot be broken, alone on its line, may overflow it. Empty text gives no lines.
    """
    lines: list[str] = []
    for number, line in enumerate(text.split("\n") if text else []):
        if line.strip():
            lines += _wrap_line(line, width, first if number == 0 else rest, rest)
        else:
            lines.append("")
    return lines


def wrap_items(items: list[str], separator: str, width: int) -> list[str]:
    """``items`` joined by ``separator`` in lines of at most ``width`` columns, broken only
    between two items, the separator ending the line: an address, a phone number (``+971
    50 123 4567``) or a URL is never cut. An item wider than a line is wrapped alone."""
    lines: list[str] = []
    current = ""
    end = separator.rstrip()  # what ends a line followed by more items
    for index, item in enumerate(items):
        joined = f"{current}{separator}{item}" if current else item
        last = index == len(items) - 1
        if not current or display_width(joined) + (0 if last else len(end)) <= width:
            current = joined
            continue
        lines.append(current + end)
        current = item
    if current:
        lines += wrap(current, width) if display_width(current) > width else [current]
    return lines


def graphemes(text: str) -> list[str]:
    """``text`` cut into user-perceived characters (a close approximation of Unicode's
    extended grapheme clusters, enough to never split what a reader sees as one)."""
    if _one_column_each(text):
        return list(text)
    clusters: list[str] = []
    for char in text:
        if clusters and _extends(clusters[-1], char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _wrap_line(line: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    current, used, empty = first, display_width(first), True
    for space, unit in _units(line):
        unit_width = display_width(unit)
        space_width = display_width(space)
        if empty:  # spaces at the start of a line are dropped, as at every break
            current, used, empty = current + unit, used + unit_width, False
        elif used + space_width + unit_width <= width:
            current, used = current + space + unit, used + space_width + unit_width
        else:
            lines.append(current)
            current, used = rest + unit, display_width(rest) + unit_width
    lines.append(current)
    return lines


def _units(line: str) -> list[tuple[str, str]]:
    """The pieces a line may break between, each with the spaces before it (tabs
    become spaces: a tab has no width of its own on a page)."""
    units: list[tuple[str, str]] = []
    for match in _WORD.finditer(line):
        space = re.sub(f"[{_SPACES}]", lambda m: " " if m[0] == "\t" else m[0], match[1])
        for index, piece in enumerate(_pieces(match[2])):
            units.append((space if index == 0 else "", piece))
    return units


def _pieces(word: str) -> list[str]:
    if _URL_LIKE.match(word) or _one_column_each(word):
        return [word]
    clusters = graphemes(word)
    pieces = [clusters[0]]
    for before, after in itertools.pairwise(clusters):
        if _may_break_between(before, after):
            pieces.append(after)
        else:
            pieces[-1] += after
    return pieces


def _one_column_each(text: str) -> bool:
    """Whether every character of ``text`` is a cluster of its own one column wide that
    no line breaks beside inside a word (as in most Latin, Greek and Cyrillic text): then
    ``text`` is as many columns as characters, and a word of it is one unbreakable piece."""
    return text.isascii() or all(map(_one_column, text))


@lru_cache(maxsize=4096)
def _one_column(char: str) -> bool:
    # Every rule of _extends that could join two such characters needs a mark, a joiner,
    # a selector, a modifier, a regional indicator or Hangul on one side, and none of
    # those is one column wide; a break inside a word needs a wide character.
    # tests/test_text_wrap.py checks this for every code point.
    return (
        _cluster_width(char) == 1
        and not _breaks_anywhere(char)
        and unicodedata.category(char) != "Mc"  # it joins the letter before it
    )


def _may_break_between(before: str, after: str) -> bool:
    if after[0] in _NO_BREAK_BEFORE or before[-1] in _NO_BREAK_AFTER:
        return False
    return _breaks_anywhere(before) or _breaks_anywhere(after)


def _breaks_anywhere(cluster: str) -> bool:
    """Chinese and Japanese text (and emoji) may break between any two characters.
    Korean is written with spaces between words and wraps at them, as Latin does."""
    base = cluster[0]
    return _wide(base) and not _is_hangul(base) and not unicodedata.category(base).startswith("P")


def _cluster_width(cluster: str) -> int:
    if EMOJI_PRESENTATION in cluster or any(_wide(char) for char in cluster):
        return 2
    return sum(not _zero_width(char) for char in cluster)


def _wide(char: str) -> bool:
    # A flag (a pair of regional indicators) is drawn as one wide emoji.
    return unicodedata.east_asian_width(char) in "WF" or _regional_indicator(char)


def _zero_width(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or _is_hangul_vowel_or_final(char)


def _extends(cluster: str, char: str) -> bool:
    """Whether ``char`` belongs to the cluster ending ``cluster``."""
    last = cluster[-1]
    code = ord(char)
    if unicodedata.category(char) in ("Mn", "Me", "Mc") or char == ZERO_WIDTH_JOINER:
        return True
    if last == ZERO_WIDTH_JOINER:  # an emoji sequence: 👩 + ZWJ + 💻
        return True
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, tags
        return True
    if _regional_indicator(char):  # a flag is a pair of them
        return len(cluster) == 1 and _regional_indicator(last)
    if _is_hangul_vowel_or_final(char):  # a syllable spelt as jamo: ᄒ + ᅡ + ᆫ
        return _is_hangul(last)
    return _is_hangul_initial(last) and (_is_hangul_initial(char) or _is_hangul_syllable(char))


def _regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_hangul(char: str) -> bool:
    return (
        _is_hangul_syllable(char)
        or _is_hangul_initial(char)
        or _is_hangul_vowel_or_final(char)
        or 0x3130 <= ord(char) <= 0x318F  # compatibility jamo
    )


def _is_hangul_syllable(char: str) -> bool:
    return 0xAC00 <= ord(char) <= 0xD7A3


def _is_hangul_initial(char: str) -> bool:
    code = ord(char)
    return 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97F


def _is_hangul_vowel_or_final(char: str) -> bool:
    code = ord(char)
    return 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF
