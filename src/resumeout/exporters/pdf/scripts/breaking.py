"""Where a line may break, and what a user perceives as one character.

With the ``world`` extra installed, ICU (through icu4py) answers both: grapheme clusters
(UAX #29) and line-break opportunities (UAX #14, with its dictionaries for Thai, Lao,
Khmer and Burmese, which write no spaces between words). Without it, grapheme clusters
come from the plain path's rules (:mod:`resumeout.exporters.pdf.graphemes`), and
breaks fall after spaces and between CJK ideographs or kana (not before closing punctuation
or small kana, not after opening punctuation). Thai is then only broken at its spaces,
never inside a word or a cluster.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Iterable
from functools import cache

from resumeout.exporters.pdf.graphemes import clusters

_SPACES = {" ", "\u3000", "\u1680", "\t"}  # breakable; NBSP (U+00A0) and U+202F are not
_NO_BREAK_BEFORE = set(
    ")]}»›、。，．：；！？ー々〉》」』】〕〗〙〟’”"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "）］｝｡｣､･ｧｨｩｪｫｬｭｮｯｰ"
)
_NO_BREAK_AFTER = set("([{«‹〈《「『【〔〖〘〝‘“（［｛｢")


@cache
def _icu_available() -> bool:
    return importlib.util.find_spec("icu4py") is not None


def grapheme_boundaries(text: str) -> list[int]:
    """Offsets (0 < i < len) between grapheme clusters: a cut there splits no character
    a reader sees as one."""
    if _icu_available():
        from icu4py.breakers import CharacterBreaker

        return _from_utf16(text, CharacterBreaker(text, "und").segments())
    boundaries, offset = [], 0
    for cluster in clusters(text)[:-1]:
        offset += len(cluster)
        boundaries.append(offset)
    return boundaries


def _from_utf16(text: str, segments: Iterable[tuple[int, int]]) -> list[int]:
    """ICU counts UTF-16 code units; Python strings count code points."""
    index_of_unit = {}
    units = 0
    for index, char in enumerate(text):
        index_of_unit[units] = index
        units += 2 if ord(char) > 0xFFFF else 1
    return [index_of_unit[start] for start, _ in segments if start > 0]


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, kana, CJK symbols, ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables (Korean breaks at spaces too)
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


_WITHOUT_SPACES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
)
"""Scripts written without spaces between words, besides CJK (:func:`_is_cjk`)."""


def _breaks_between_characters(char: str) -> bool:
    """A character of a script whose lines may break between its characters (or words,
    which ICU's dictionaries find)."""
    code = ord(char)
    return _is_cjk(char) or any(low <= code <= high for low, high in _WITHOUT_SPACES)


def break_opportunities(text: str, language: str = "und") -> list[int]:
    """Offsets (0 < i < len) where a line may end before ``text[i]``.

    A break after a space leaves the space at the end of the line (the setter drops it
    from the line's width). Never inside a grapheme cluster.
    """
    if _icu_available():
        from icu4py.breakers import LineBreaker

        # UAX #14 also breaks after a slash or a hyphen ("linkedin.com/" | "in/…",
        # "state-of-" | "the-art"); a line of Latin, Arabic, Hebrew or Indic text breaks
        # at its spaces, as a line set without the toolkit does, and only a script
        # written without spaces between its words breaks between its characters.
        return [
            index
            for index in _from_utf16(text, LineBreaker(text, language).segments())
            if text[index - 1] in _SPACES
            or _breaks_between_characters(text[index - 1])
            or _breaks_between_characters(text[index])
        ]
    clusters = set(grapheme_boundaries(text))
    opportunities = []
    for index in sorted(clusters):
        before, after = text[index - 1], text[index]
        if after in _SPACES:
            continue  # break after the spaces, not before
        if before in _SPACES or (
            (_is_cjk(before) or _is_cjk(after))
            and after not in _NO_BREAK_BEFORE
            and before not in _NO_BREAK_AFTER
            and not (unicodedata.category(after).startswith("P") and not _is_cjk(after))
        ):
            opportunities.append(index)
    return opportunities
