"""Which way the résumé reads: one answer that every format lays out by.

The direction the résumé states (``locale.direction``) wins; else its language's, when
that is right to left; else the text decides: right to left when most strong characters
of the name, the section titles and the entries' headings are right-to-left letters. So
an Arabic résumé that names no language is mirrored in the PDF and in the Word document
alike. A Latin résumé is not scanned beyond one regular expression.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from resumeout.views.document import DocumentView

ReadingDirection = Literal["ltr", "rtl"]

MAY_READ_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation forms and historic
relatives, and the right-to-left marks: what can make text other than left to right
(a line of the PDF is laid out by the bidi algorithm only when it holds one)."""
_STRONG_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def reading_direction(document: DocumentView, stated: str | None = None) -> ReadingDirection:
    """The direction ``document`` reads in; ``stated`` is ``locale.direction``."""
    if stated == "ltr":
        return "ltr"
    if stated == "rtl" or document.language.direction == "rtl":
        return "rtl"
    texts = [document.name, *(section.title for section in document.sections)]
    texts += [entry.heading.text() for section in document.sections for entry in section.entries]
    text = "\n".join(texts)
    if not MAY_READ_RIGHT_TO_LEFT.search(text):
        return "ltr"
    leftwards = rightwards = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RIGHT_TO_LEFT:
            leftwards += 1
        elif kind == "L":
            rightwards += 1
    return "rtl" if leftwards > rightwards else "ltr"


_MIRROR_IMAGE = dict(zip("›‹»«→←▸◂▶◀►◄⟩⟨〉〈><", "‹›«»←→◂▸◀▶◄►⟨⟩〈〉<>", strict=True))
"""Characters that point (Unicode's Bidi_Mirroring_Glyph pairs, those bullets use)."""


def mirror_image(text: str) -> str:
    """``text`` with each pointing character turned the other way: a bullet that points
    into left-to-right text points into right-to-left text, as a shaper mirrors it in a
    right-to-left run."""
    return "".join(_MIRROR_IMAGE.get(char, char) for char in text)
