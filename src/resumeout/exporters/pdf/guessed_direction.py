"""Where a blank goes so that a reader that guesses each glyph's direction reads it on
its line.

PyMuPDF (MuPDF 1.28) gives each glyph of a page a direction as it meets it in the
content stream, from the first character it reads as: right to left for a Hebrew or
Arabic letter or an Arabic digit; left to right for a Latin letter, a digit, a plus or
minus sign, a percent or currency sign; and for anything else (a space, punctuation, a
dash, a bullet) the direction of the glyph before it in the same text object (the
first glyph of a text object follows left to right). Between two glyphs of one
direction it starts a new line unless the second is written where writing in that
direction goes on: left to right, within about 0.8 em of the end of the glyph before
it; right to left, ending where the glyph before it starts. From one direction to the
other it never starts a line. A line where it finds a glyph read right to left written
just after the one before it, left to right, it takes for one written in visual order,
and reverses.

A space written across a jump in the writing of a right-to-left line (see
:mod:`.line_order`) is a glyph that paints nothing, whose place and width are free
(:meth:`~.scripts.cidfont.EmbeddedFont.blank`): :func:`blank_span` puts it where this
reader reads it on the line, given the direction the reader gives it, which the text
object's pen keeps (:func:`guessed_after`). Spaces and punctuation after a number or a
Latin word in a right-to-left line (:func:`leading_neutrals`) are written as blanks at
its end (see ``Painter._carry``): the reader reads them left to right, as the glyph
before them, where they are drawn far to its left.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise

_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
_INHERITING = frozenset({"CS", "NSM", "BN", "B", "S", "WS", "ON"})
_SIGNS = frozenset({"ES", "ET"})
"""Plus, minus, percent and currency signs: read left to right, like digits."""

_BACK_EMS = 0.7
"""How far (ems) before the end of the glyph before it a blank read left to right may
start: MuPDF starts a new line at 0.8."""
_NEAR = 0.5
"""Points a blank is made wider than half its distance to the next glyph: pdfminer.six
joins a glyph to the one before it when nearer than twice the wider one's width."""


@dataclass(frozen=True, slots=True)
class Between:
    """The left and right edges of the glyph written before a blank, where the writing
    after it starts, and the text written after it (see :func:`blank_span`)."""

    left: float
    right: float
    start: float
    text: str
    in_word: bool = False
    """Whether the glyph before is a letter or digit (a blank that starts left of its
    right edge would cut its word for pdfplumber)."""


def guessed_after(text: str, right_to_left: bool) -> bool:
    """Whether the reader reads what follows ``text`` as right to left (a neutral takes
    the direction of what was before it), ``right_to_left`` being so before it: the
    last character of ``text`` that is not neutral says."""
    for char in reversed(text):
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return True
        if kind not in _INHERITING:  # a letter, a digit, a sign read left to right
            return False
    return right_to_left


def neutral_prefix(text: str) -> str:
    """The characters ``text`` opens with that the reader reads in the direction of
    what was written before them, or as left to right signs: spaces, punctuation,
    dashes, plus, minus and percent signs."""
    for index, char in enumerate(text):
        kind = unicodedata.bidirectional(char)
        if kind not in _INHERITING and kind not in _SIGNS:
            return text[:index]
    return text


def leading_neutrals(text: str) -> str:
    """The characters of right-to-left ``text`` before its first one the reader reads
    right to left (``" – "`` of ``" – حتى الآن"``), which it reads in the direction of
    what was written before them; empty when a letter or a digit read left to right
    comes first, or nothing follows them."""
    prefix = neutral_prefix(text)
    if len(prefix) < len(text) and unicodedata.bidirectional(text[len(prefix)]) in _RIGHT_TO_LEFT:
        return prefix
    return ""


def reads_backwards(text: str) -> bool:
    """Whether the reader takes a line holding ``text`` for one written in visual order
    and reverses it: it reads Arabic-Indic digits right to left, and finds two of them
    written one after the other left to right. No blank helps such a line (the old
    way, a space stretched with ``Tz``, makes the reader start new lines, which keeps
    the damage to the number's part)."""
    return any(
        unicodedata.bidirectional(a) == "AN" and unicodedata.bidirectional(b) == "AN"
        for a, b in pairwise(text)
    )


def blank_span(
    between: Between, *, own: float, size: float, right_to_left: bool
) -> tuple[float, float] | None:
    """Left edge and width of a blank written between two glyphs (``between``), which
    the reader reads ``right_to_left`` or not, as it reads the glyph before it; None
    when no place keeps both it and the glyph after it on the line (the caller keeps
    its own).

    The blank reaches from the one glyph to the other where it can: pdfminer.six puts
    glyphs far apart in the stream on lines of their own."""
    start = between.start  # the right edge of a glyph read right to left, else its left
    next_right_to_left = guessed_after(between.text[:1], right_to_left)
    if right_to_left:
        end = between.left  # the writing goes on leftwards from here
        if start < end:
            left = start if next_right_to_left else min(start, end - own)
            return left, end - left
        # The writing goes on rightwards (right-to-left words in a left-to-right line,
        # then a space, then a Latin word): a blank read right to left that reached the
        # Latin word would start left of the last letter; pdfplumber, which orders a
        # line's characters by where they start, would read that space inside the
        # Hebrew word and none before the Latin one.
        return None
    end = between.right
    if start > end:
        return end, start - end
    if not next_right_to_left:
        return None
    # Read left to right after a glyph that ended right of where the next one starts,
    # which is read right to left (a Latin word or a number in a right-to-left line,
    # or a bullet, then a space, then an Arabic word). The blank starts as far back
    # towards the next glyph as the reader allows, but not inside a word (pdfplumber
    # orders a line's characters by where they start, and would read "Pytho n"), and
    # is wide enough for pdfminer.six to find the next glyph near it (within twice the
    # wider one's width).
    left = end if between.in_word else max(start, end - _BACK_EMS * size)
    return left, reaching(left, start, own)


def reaching(left: float, start: float, own: float) -> float:
    """The width a blank that starts at ``left`` needs for pdfminer.six to join to it
    the glyph whose writing starts at ``start``, to its left: more than half the
    distance between them; at least ``own``."""
    return max(own, (left - start) / 2 + _NEAR)
