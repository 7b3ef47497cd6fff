"""A run of text cut where its direction changes, for Word's ``w:rtl``.

Word marks right-to-left text run by run: ``w:rtl`` says the whole run is right to
left, its spaces and punctuation included. A run that mixes directions (an aside
``Mar 2021 – Present, عمّان``) marked as a whole puts its punctuation on the wrong
side of the Latin words; unmarked, its Arabic is not set as complex script. So such a
run is cut into pieces of one direction each, the way the Unicode bidi algorithm
resolves them (UAX #9, rules W1, W7, N1 and N2, simplified to one level):

- a character's own bidi class decides for the strong ones: L is left to right; R,
  AL and AN (Arabic-Indic digits) right to left;
- European digits after a left-to-right letter are left to right (W7); otherwise they
  are neutral, like spaces and punctuation;
- neutrals between two characters of one direction take it (N1); between two
  directions, and before the first or after the last strong character when the edge
  disagrees, they take the paragraph's (N2);
- combining marks and joiners stay with the character before them (W1), so a letter
  and its marks are never cut apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from resumeout.exporters.docx.direction import is_right_to_left

_LEFT_TO_RIGHT = frozenset({"L"})
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
_FOLLOWS_PREVIOUS = frozenset({"NSM", "BN"})


def direction_pieces(
    texts: Sequence[str], *, right_to_left_paragraph: bool
) -> list[list[tuple[str, bool]]]:
    """Each of ``texts`` (the runs of one paragraph, in reading order) cut into
    ``(piece, right_to_left)`` pairs. The runs are resolved together, so that a comma in
    a run of its own between two Arabic runs goes their way. Text without a
    right-to-left letter is left to right throughout (the common case, found with one
    regular expression); text without a left-to-right letter right to left."""
    text = "".join(texts)
    if not is_right_to_left(text):
        return [[(part, False)] for part in texts]
    classes = [unicodedata.bidirectional(char) for char in text]
    if not _LEFT_TO_RIGHT.intersection(classes):
        return [[(part, True)] for part in texts]
    resolved = _resolve(classes, right_to_left_paragraph)
    cut: list[list[tuple[str, bool]]] = []
    offset = 0
    for part in texts:
        pieces: list[tuple[str, bool]] = [] if part else [(part, False)]
        start = 0
        for index in range(1, len(part) + 1):
            if index == len(part) or resolved[offset + index] != resolved[offset + start]:
                pieces.append((part[start:index], resolved[offset + start]))
                start = index
        cut.append(pieces)
        offset += len(part)
    return cut


def first_strong_right_to_left(text: str) -> bool | None:
    """The direction of ``text``'s first letter (UAX #9, P2), None when it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _LEFT_TO_RIGHT:
            return False
        if kind in ("R", "AL"):
            return True
    return None


def _resolve(classes: list[str], paragraph: bool) -> list[bool]:
    """Each character's direction (True: right to left)."""
    strong: list[bool | None] = []
    last: bool = paragraph
    for kind in classes:
        if kind in _LEFT_TO_RIGHT:
            last = False
            strong.append(False)
        elif kind in _RIGHT_TO_LEFT:
            last = True
            strong.append(True)
        elif kind == "EN" and not last:
            strong.append(False)  # W7: digits after a Latin letter are Latin
        else:
            strong.append(None)
    resolved: list[bool] = []
    before = paragraph
    index = 0
    while index < len(classes):
        if strong[index] is not None:
            before = bool(strong[index])
            resolved.append(before)
            index += 1
            continue
        end = index
        while end < len(classes) and strong[end] is None:
            end += 1
        after = bool(strong[end]) if end < len(classes) else paragraph
        direction = before if before == after else paragraph
        for position in range(index, end):
            follows = classes[position] in _FOLLOWS_PREVIOUS and position > 0
            resolved.append(resolved[position - 1] if follows else direction)
        index = end
    return resolved
