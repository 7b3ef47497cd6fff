"""The language of Word's complex-script and East Asian slots, read from the text.

A résumé that names no language for a slot still has its text proofed in some
language: Word takes it from the slot's ``w:lang`` attribute (``w:bidi`` for the
complex-script slot, ``w:eastAsia`` for the East Asian one). Hebrew proofed as Arabic
is all misspelt, so the slot's language is that of the script most of its text is
written in: the language most written in the script, in the region CLDR finds most
likely for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

# (first code point, last code point, language) of the scripts Word sets in the
# complex-script slot, sorted by first code point.
_COMPLEX_SCRIPT_BLOCKS = (
    (0x0590, 0x05FF, "he-IL"),  # Hebrew
    (0x0600, 0x06FF, "ar-SA"),  # Arabic
    (0x0700, 0x074F, "syr-SY"),  # Syriac
    (0x0750, 0x077F, "ar-SA"),  # Arabic Supplement
    (0x0780, 0x07BF, "dv-MV"),  # Thaana
    (0x08A0, 0x08FF, "ar-SA"),  # Arabic Extended-A
    (0x0900, 0x097F, "hi-IN"),  # Devanagari
    (0x0980, 0x09FF, "bn-IN"),  # Bengali
    (0x0A00, 0x0A7F, "pa-IN"),  # Gurmukhi
    (0x0A80, 0x0AFF, "gu-IN"),  # Gujarati
    (0x0B00, 0x0B7F, "or-IN"),  # Oriya
    (0x0B80, 0x0BFF, "ta-IN"),  # Tamil
    (0x0C00, 0x0C7F, "te-IN"),  # Telugu
    (0x0C80, 0x0CFF, "kn-IN"),  # Kannada
    (0x0D00, 0x0D7F, "ml-IN"),  # Malayalam
    (0x0D80, 0x0DFF, "si-LK"),  # Sinhala
    (0x0E00, 0x0E7F, "th-TH"),  # Thai
    (0x0E80, 0x0EFF, "lo-LA"),  # Lao
    (0x0F00, 0x0FFF, "bo-CN"),  # Tibetan
    (0x1000, 0x109F, "my-MM"),  # Myanmar
    (0x1200, 0x139F, "am-ET"),  # Ethiopic
    (0x1780, 0x17FF, "km-KH"),  # Khmer
    (0xFB1D, 0xFB4F, "he-IL"),  # Hebrew presentation forms
    (0xFB50, 0xFDFF, "ar-SA"),  # Arabic presentation forms A
    (0xFE70, 0xFEFF, "ar-SA"),  # Arabic presentation forms B
)
_STARTS = [first for first, _, _ in _COMPLEX_SCRIPT_BLOCKS]
COMPLEX_SCRIPT_TEXT = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last, _ in _COMPLEX_SCRIPT_BLOCKS) + "]"
)
EAST_ASIAN_TEXT = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]+"
)
"""What Word sets in the East Asian slot: Hangul Jamo, CJK radicals, symbols and
punctuation, kana, Bopomofo, Hangul, CJK ideographs, compatibility forms, full-width
forms, and the ideographs beyond the first plane."""
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def complex_script_language(text: str) -> str | None:
    """The language of the complex script most of ``text``'s letters in one are
    written in (Hebrew → he-IL, Arabic → ar-SA, Devanagari → hi-IN, Thai → th-TH…);
    None when it has none."""
    counts: Counter[str] = Counter()
    for char in COMPLEX_SCRIPT_TEXT.findall(text):
        first, last, language = _COMPLEX_SCRIPT_BLOCKS[bisect_right(_STARTS, ord(char)) - 1]
        if first <= ord(char) <= last:
            counts[language] += 1
    return counts.most_common(1)[0][0] if counts else None


def east_asian_language(text: str) -> str | None:
    """Japanese when ``text`` has kana, Korean when it has hangul (whichever has more
    characters when it has both), Chinese when it has Han characters alone; None when
    it has none of them."""
    kana, hangul = len(_KANA.findall(text)), len(_HANGUL.findall(text))
    if kana or hangul:
        return "ja-JP" if kana >= hangul else "ko-KR"
    return "zh-CN" if _HAN.search(text) else None
