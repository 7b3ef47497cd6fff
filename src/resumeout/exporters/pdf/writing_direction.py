"""Which way the document reads, and the look mirrored for right-to-left documents.

The direction is one input: the résumé's text decides it today (its language will,
when the résumé can name one). A right-to-left document has every paragraph's base
direction right to left, its text aligned right, bullets and indents on the right,
and each entry's heading at the right with its dates at the left (or, where the
dates go in a column of their own, the column at the right of the entries).
"""

from __future__ import annotations

import unicodedata
from dataclasses import fields, replace
from typing import Any

from resumeout.exporters.pdf.line_order import RIGHT_TO_LEFT
from resumeout.exporters.pdf.look import Alignment, Direction, Look, TextLook
from resumeout.views.document import DocumentView

_STRONG_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def document_direction(document: DocumentView, stated: str | None = None) -> Direction:
    """The direction the résumé states (``locale.direction``), else its language's when
    that is right to left, else right to left when most strong characters of the name,
    the section titles and the entries' headings are right-to-left letters (a Latin
    résumé is not scanned beyond one regular expression)."""
    if stated is not None:
        return Direction(stated)
    if document.language.direction == "rtl":
        return Direction.RIGHT_TO_LEFT
    texts = [document.name, *(section.title for section in document.sections)]
    texts += [entry.heading.text() for section in document.sections for entry in section.entries]
    text = "\n".join(texts)
    if not RIGHT_TO_LEFT.search(text):
        return Direction.LEFT_TO_RIGHT
    leftwards = rightwards = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RIGHT_TO_LEFT:
            leftwards += 1
        elif kind == "L":
            rightwards += 1
    return Direction.RIGHT_TO_LEFT if leftwards > rightwards else Direction.LEFT_TO_RIGHT


_MIRRORED = {
    Alignment.LEFT: Alignment.RIGHT,
    Alignment.RIGHT: Alignment.LEFT,
    Alignment.CENTRE: Alignment.CENTRE,
}


def mirrored(look: Look) -> Look:
    """``look`` for a right-to-left document: every text right to left, what was
    aligned left aligned right and the other way round."""
    changes: dict[str, Any] = {}
    for item in fields(look):
        value = getattr(look, item.name)
        if isinstance(value, TextLook):
            changes[item.name] = replace(
                value, direction=Direction.RIGHT_TO_LEFT, alignment=_MIRRORED[value.alignment]
            )
    # pdfminer.six and PyMuPDF read no space for a gap in a right-to-left line: a real
    # space after the bullet (at its left) keeps it off the first word.
    changes["bullet"] = f"{look.bullet} "
    return replace(look, **changes)
