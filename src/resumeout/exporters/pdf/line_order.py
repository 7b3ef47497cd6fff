"""Where each run of a line goes when the line holds right-to-left text: the Unicode
Bidirectional Algorithm over the whole line, across its styled runs.

The runs are cut where the resolved level changes; the pieces are placed left to right
in visual order (rule L2) and handed back in the order typed, each with its place, so
that the content stream keeps the typed order (what readers that follow the stream
read) while the page shows the visual one. A line of left-to-right text in a
left-to-right paragraph is not touched: it is drawn as it always was.
"""

from __future__ import annotations

from collections.abc import Sequence

from resumeout.exporters.pdf.look import Direction
from resumeout.exporters.pdf.runs import StyledRun
from resumeout.exporters.pdf.shaped import ScriptRunSetter
from resumeout.views.direction import MAY_READ_RIGHT_TO_LEFT


def placed_runs(
    runs: Sequence[StyledRun], x: float, direction: Direction
) -> list[tuple[StyledRun, float]] | None:
    """The pieces of a line that starts at ``x``, in the order typed, each with where
    it starts; None when the runs go left to right one after the other."""
    text = "".join(run.text for run in runs)
    rightwards = direction is Direction.LEFT_TO_RIGHT
    if rightwards and not MAY_READ_RIGHT_TO_LEFT.search(text):
        if all(_rightwards(run) for run in runs):
            return None
        levels = [0] * len(text)  # shaped runs of a right-to-left document, set rightwards
    else:
        from resumeout.exporters.pdf.scripts.direction import embedding_levels

        _, levels = embedding_levels(text, "ltr" if rightwards else "rtl")
    pieces: list[StyledRun] = []
    piece_levels: list[int] = []
    offset = 0
    for run in runs:
        start = offset
        for index in range(offset + 1, offset + len(run.text) + 1):
            if index == offset + len(run.text) or levels[index] != levels[start]:
                pieces.append(_piece(run, run.text[start - offset : index - offset], levels[start]))
                piece_levels.append(levels[start])
                start = index
        offset += len(run.text)
    from resumeout.exporters.pdf.scripts.direction import visual_order

    places = [0.0] * len(pieces)
    for index in visual_order(piece_levels):
        places[index] = x
        x += pieces[index].width()
    return list(zip(pieces, places, strict=True))


def _rightwards(run: StyledRun) -> bool:
    return not isinstance(run.setter, ScriptRunSetter) or run.setter.direction == "ltr"


def _piece(run: StyledRun, text: str, level: int) -> StyledRun:
    rightwards = level % 2 == 0
    if isinstance(run.setter, ScriptRunSetter):
        setter = run.setter.towards("ltr" if rightwards else "rtl")
        return StyledRun(text, run.font, run.size, run.colour, run.url, setter)
    # A plain run at a right-to-left level holds only neutral characters (spaces,
    # punctuation) between right-to-left ones: drawn in reverse.
    return run.with_text(text if rightwards else text[::-1])
