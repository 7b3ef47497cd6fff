"""What readers legitimately vary in when they read non-Latin scripts back.

- Chinese, Japanese, Thai, Lao, Khmer and Myanmar are written without spaces between
  words: a line may break between any two characters, and a reader may give that break
  as a newline, a space or nothing. Between two such characters any whitespace (or none)
  is the same text.
- Right-to-left text (Arabic, Hebrew) with left-to-right words or numbers inside is
  drawn in visual order; a reader puts the directional runs of a line back together in
  its own order (pdfminer may even give them as separate text boxes, lines apart). Each
  run is still read in its logical order, so each run is what must be found.
- Bidi marks (LRM, RLM, ALM), embeddings and isolates are directions for a renderer,
  added by some readers (poppler) and not by others; they are not text a search looks
  for. Overrides (U+202D, U+202E) are not among them: they make text read otherwise
  than it looks.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202c\u2066-\u2069]")
"""Characters that only steer the direction of text around them."""

_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x303F),  # CJK punctuation: 、。「」
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms: ，（）
    (0x20000, 0x3FFFF),  # CJK extensions B and on
)
"""Scripts (and their punctuation) written without spaces between words. Korean is not
one of them: Hangul is written with spaces."""


def unspaced(char: str) -> bool:
    """True for a character of a script whose lines may break between any two characters."""
    code = ord(char)
    return any(low <= code <= high for low, high in _UNSPACED)


def right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def strip_bidi_marks(text: str) -> str:
    return BIDI_MARKS.sub("", text)


def directional_runs(words: list[str]) -> list[list[str]]:
    """``words`` (of a text holding right-to-left characters) cut into the runs a reader
    may put in any order: right-to-left words (with the neutral words between two of
    them), and left-to-right words or numbers. A neutral word (a dash, a comma) between
    two runs of different direction belongs to neither, so it is left out.
    """
    runs: list[list[str]] = []
    pending: list[str] = []  # neutral words not yet known to be inside a run
    direction: str | None = None
    for word in words:
        kind = _direction(word)
        if kind is None:
            pending.append(word)
            continue
        if kind == direction and runs:
            runs[-1] += [*pending, word]
        else:
            runs.append([word])
        pending, direction = [], kind
    return runs


def _direction(word: str) -> str | None:
    """ "rtl" for a word with a right-to-left letter, "ltr" for one with another letter
    or a digit, None for punctuation alone."""
    if any(right_to_left(char) for char in word):
        return "rtl"
    if any(char.isalnum() for char in word):
        return "ltr"
    return None
