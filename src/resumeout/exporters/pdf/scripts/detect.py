"""The fast check: does a piece of text need the shaping toolkit at all?

It runs on every run of every résumé, so it imports nothing heavy and answers with one
regular expression and one set lookup. Text passes when every character is in a range
that is drawn one glyph per character, left to right, with no reordering (Latin, Greek,
Cyrillic, Vietnamese's precomposed letters, common punctuation and symbols) and the
document's font has a glyph for it. Everything else (right-to-left letters, combining
marks, Indic, Thai, CJK, emoji, bidi controls, a character the font lacks) goes through
itemizing and shaping.
"""

from __future__ import annotations

import re
from collections.abc import Container

_SIMPLE_TEXT = re.compile(
    "["
    "\\t\\n\\x20-\\x7e\\xa0-\\u02ff"  # ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers
    "\\u0370-\\u03ff"  # Greek (no combining marks in this block)
    "\\u0400-\\u0482\\u048a-\\u052f"  # Cyrillic, less its combining marks U+0483-0489
    "\\u1e00-\\u1fff"  # Latin Extended Additional (Vietnamese), Greek Extended
    "\\u2010-\\u2027\\u2030-\\u205e"  # punctuation, less spaces and bidi/format controls
    "\\u20a0-\\u20c0\\u2100-\\u214f\\u2190-\\u21ff"  # currency, letterlike, arrows
    "]*"
)


def needs_shaping(text: str, font_characters: Container[int]) -> bool:
    """Whether ``text`` needs bidi, shaping or a fallback font in the document's font.

    ``font_characters`` holds the code points the document's font has glyphs for
    (e.g. reportlab's ``TTFont.face.charToGlyph``). False means the plain one-glyph-per-
    character path draws the text exactly as shaping would.
    """
    if _SIMPLE_TEXT.fullmatch(text) is None:
        return True
    return any(ord(char) not in font_characters for char in text if char not in "\t\n")


def needs_shaping_in(text: str, covered: frozenset[str]) -> bool:
    """:func:`needs_shaping` with the font's characters as a set of strings (a set
    comparison instead of a loop: this runs on every run of every résumé)."""
    return _SIMPLE_TEXT.fullmatch(text) is None or not covered.issuperset(text)
