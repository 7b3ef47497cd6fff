"""Which way the document reads, and the look mirrored for right-to-left documents.

The direction is one input, decided for every format by
:mod:`resumeout.views.direction`. A right-to-left document has every paragraph's base
direction right to left, its text aligned right, bullets and indents on the right,
and each entry's heading at the right with its dates at the left (or, where the
dates go in a column of their own, the column at the right of the entries).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from resumeout.exporters.pdf.look import Alignment, Direction, Look, TextLook
from resumeout.exporters.pdf.scripts.direction import base_direction
from resumeout.views.direction import MAY_READ_RIGHT_TO_LEFT, mirror_image, reading_direction
from resumeout.views.document import DocumentView


def document_direction(document: DocumentView, stated: str | None = None) -> Direction:
    """The direction the document reads in (:func:`resumeout.views.direction.reading_direction`)."""
    return Direction(reading_direction(document, stated))


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
    # A split header's contacts at the left, under a name at the right, are read first
    # by a reader that orders blocks left to right, then down (pdfminer.six): in a
    # right-to-left document they stand under the name, at the right, as its headline.
    if look.contacts.alignment is not look.name.alignment:
        changes["contacts"] = replace(changes["contacts"], alignment=changes["name"].alignment)
    # pdfminer.six and PyMuPDF read no space for a gap in a right-to-left line: a real
    # space after the bullet (at its left) keeps it off the first word.
    changes["bullet"] = f"{mirror_image(look.bullet)} "
    return replace(look, **changes)


def in_own_direction(look: TextLook, text: str) -> TextLook:
    """``look`` in the direction of ``text``'s own first strong character, as HTML's
    ``dir=auto`` has it (left to right when it has none): an entry's dates and place,
    beside, above or under the heading."""
    leftwards = MAY_READ_RIGHT_TO_LEFT.search(text) and base_direction(text) == "rtl"
    direction = Direction.RIGHT_TO_LEFT if leftwards else Direction.LEFT_TO_RIGHT
    return replace(look, direction=direction)
