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


def reading_runs(text: str) -> list[str]:
    """``text`` (holding right-to-left letters) cut into the runs a reader may read apart
    and put together in any order, each one in its logical order:

    - right-to-left words, with the spaces between them. Any other neutral character
      ends the run (an Arabic comma, a hyphen, a middle dot, a percent sign): a reader may
      cut a right-to-left line there, where the page draws it from another font or on
      its own (``ב-Python`` is read ``ב-`` and ``Python``; ``أولى، شركة`` may be read as
      two boxes);
    - left-to-right words, with everything between two of them (``Jan 2020 – Present``,
      ``noa@example.com``): a left-to-right run inside a right-to-left line is drawn as
      one, in its own order, as a left-to-right line is;
    - numbers (``10,000``, ``2020-09``) not after a left-to-right word, each on its own,
      and one with left-to-right letters glued to it (``150ms``, ``5G``) as one word.

    A neutral character between two runs belongs to neither, so it is left out: ``ב-``
    and ``-Python`` are both readings of ``ב-Python``. Every letter and digit of ``text``
    is in exactly one run.
    """
    kinds = _resolved_kinds(text)
    runs: list[str] = []
    current, kind = "", None
    pending = ""  # neutral characters after the current run, not yet known to be in it
    for char, char_kind in zip(text, kinds, strict=True):
        if char_kind is None:
            pending += char
            continue
        if char_kind == kind and _joins(char_kind, pending):
            current += pending + char
        elif kind == "number" and char_kind == "ltr" and not pending:
            # A number with a Latin unit or name glued to it (150ms, 5G) is one word,
            # drawn and read as one; its letters could not be found apart from it.
            current, kind = current + char, "ltr"
        else:
            if current:
                runs.append(current)
            current, kind = char, char_kind
        pending = ""
    if current:
        runs.append(current)
    return [" ".join(run.split()) for run in runs]


def _resolved_kinds(text: str) -> list[str | None]:
    """For each character of ``text``: "rtl", "ltr", "number", or None for a neutral
    one. A mark takes the kind of its letter, a digit after a left-to-right word is
    left-to-right (``Python 3``), and a separator between two digits is part of their
    number, as the Unicode bidi algorithm resolves them (rules W1, W4, W7)."""
    kinds: list[str | None] = []
    strong: str | None = None  # the direction of the last letter seen
    for char in text:
        bidi = unicodedata.bidirectional(char)
        kind: str | None
        if bidi == "NSM":
            kind = kinds[-1] if kinds else None
        elif bidi in ("R", "AL"):
            kind = strong = "rtl"
        elif bidi == "L":
            kind = strong = "ltr"
        elif bidi in ("EN", "AN"):
            kind = "ltr" if strong == "ltr" else "number"
        else:
            kind = None
        kinds.append(kind)
    for index in range(1, len(text) - 1):
        between = kinds[index - 1], kinds[index + 1]
        if unicodedata.bidirectional(text[index]) in ("CS", "ES") and between == (
            "number",
            "number",
        ):
            kinds[index] = "number"
    return kinds


def _joins(kind: str, neutrals: str) -> bool:
    """Whether ``neutrals`` between two characters of ``kind`` keep them in one run."""
    if kind == "ltr":
        return True
    if kind == "rtl":
        return neutrals.strip() == ""
    return neutrals == ""  # numbers apart are read apart, in either order


def _marks() -> str:
    blocks = (range(0x0300, 0x0370), range(0x0591, 0x0900), range(0xFB1E, 0xFB1F))
    return "".join(
        chr(code) for block in blocks for code in block if unicodedata.category(chr(code)) == "Mn"
    )


RIGHT_TO_LEFT_MARKS = _marks()
"""Combining marks of right-to-left words: Hebrew points and cantillation, Arabic
harakat, shadda, tanween. Where a reader puts one of them in its word depends on how the
PDF gives the text of a ligature (``لًا``: the tanween after the lam or after the alef),
not on the words."""


def without_marks(text: str) -> str:
    return "".join(char for char in text if char not in RIGHT_TO_LEFT_MARKS)


def marks_of(text: str) -> list[str]:
    return sorted(char for char in text if char in RIGHT_TO_LEFT_MARKS)
