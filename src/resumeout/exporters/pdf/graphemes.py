"""Where a word too long for its line may be cut: between user-perceived characters
(extended grapheme clusters, Unicode UAX #29), never between a letter and its accent,
inside an emoji sequence or a flag, or inside a Hangul syllable.

The rules that matter for text on a résumé, from the standard library's character
data; a shaping engine's own cluster boundaries can take over for scripts it shapes.
"""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"
_MARKS = frozenset({"Mn", "Me", "Mc"})
# Hangul jamo: leading consonants (L), vowels (V), trailing consonants (T).
_L = range(0x1100, 0x1160)
_V = range(0x1160, 0x11A8)
_T = range(0x11A8, 0x1200)
_SYLLABLES = range(0xAC00, 0xD7A4)
_REGIONAL = range(0x1F1E6, 0x1F200)


def clusters(text: str) -> list[str]:
    """``text`` cut into grapheme clusters."""
    found: list[str] = []
    for index, char in enumerate(text):
        if found and not _breaks(text[index - 1], char, found[-1]):
            found[-1] += char
        else:
            found.append(char)
    return found


def _breaks(before: str, after: str, cluster: str) -> bool:
    """Whether a cluster boundary lies between ``before`` and ``after``; ``cluster`` is
    the cluster ``before`` ends."""
    if before == "\r" and after == "\n":
        return False
    if _extends(after):
        return False
    if before == _ZWJ and unicodedata.category(after) == "So":
        return False  # an emoji ZWJ sequence
    if ord(before) in _REGIONAL and ord(after) in _REGIONAL:
        flags = sum(1 for char in cluster if ord(char) in _REGIONAL)
        return flags % 2 == 0  # flags are pairs of regional indicators
    return not _hangul_joins(ord(before), ord(after))


def _extends(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) in _MARKS
        or char == _ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
    )


def _hangul_joins(before: int, after: int) -> bool:
    if before in _L:
        return after in _L or after in _V or after in _SYLLABLES
    syllable_lv = before in _SYLLABLES and (before - 0xAC00) % 28 == 0
    if before in _V or syllable_lv:
        return after in _V or after in _T
    if before in _T or before in _SYLLABLES:
        return after in _T
    return False
