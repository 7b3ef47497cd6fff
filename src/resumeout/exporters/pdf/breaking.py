"""Line breaking: runs filled greedily into lines of a given width.

Lines break at spaces (the space at a break is not drawn); a run of spaces of any
kind between two words is one ordinary space, as in HTML. A word longer than a whole
line — a long URL — is cut between grapheme clusters. A word may span runs (``**Lu**,``
is two), and a run may span lines: a link cut by a break is two runs, one per line,
each later getting its own annotation rectangle. A run whose setter knows more break
opportunities (:class:`~resumeout.exporters.pdf.runs.BreakingSetter`: between CJK
characters, between Thai words) may also break there, with no space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from resumeout.exporters.pdf.graphemes import clusters
from resumeout.exporters.pdf.runs import SIMPLE, StyledRun, is_breaking, is_splitting

_NO_BREAK = frozenset("\u00a0\u2007\u202f\u2060")
"""Spaces that hold words together."""
_HOLDING = "".join(sorted(_NO_BREAK))
_SPACES_OR_WORD = re.compile(rf"([^\S{_HOLDING}]+)|[\S{_HOLDING}]+", re.DOTALL)
"""A run of breaking spaces (group 1) or a run of anything else: the text cut where
``_is_space`` changes, in one pass in C. A pattern's ``\\s`` matches exactly what
``str.isspace`` accepts (a test checks every code point)."""
_SAME_WIDTH = 1e-6
"""Points: widths closer than this are one width (sums of floats in another order)."""


@dataclass(frozen=True, slots=True)
class SetLine:
    """One line's runs, in drawing order, and their width."""

    runs: tuple[StyledRun, ...]
    width: float


@dataclass(slots=True)
class _Piece:
    run: StyledRun
    width: float


def break_lines(hard_lines: list[list[StyledRun]], width: float) -> list[SetLine]:
    """Each of ``hard_lines`` (cut at line breaks) filled into lines of ``width``."""
    lines: list[SetLine] = []
    for runs in hard_lines:
        lines += _fill(_at_opportunities(_tokens(runs)), width)
    return lines


def _is_space(char: str) -> bool:
    return char.isspace() and char not in _NO_BREAK


def _tokens(runs: list[StyledRun]) -> list[tuple[bool, list[_Piece]]]:
    """Words and spaces, in order: (is a space, its pieces, one per run it spans)."""
    tokens: list[tuple[bool, list[_Piece]]] = []
    for run in runs:
        for match in _SPACES_OR_WORD.finditer(run.text):
            text = match.group()
            space = match.start(1) != -1
            if space and tokens and tokens[-1][0]:
                continue  # the space is already there
            piece = _Piece(run.with_text(" " if space else text), 0.0)
            piece.width = piece.run.width()
            if tokens and tokens[-1][0] == space:
                tokens[-1][1].append(piece)
            else:
                tokens.append((space, [piece]))
    return tokens


def _at_opportunities(tokens: list[tuple[bool, list[_Piece]]]) -> list[tuple[bool, list[_Piece]]]:
    """Words cut where their setter allows a break without a space: the parts are words
    one after the other, with nothing between them."""
    cut: list[tuple[bool, list[_Piece]]] = []
    for space, pieces in tokens:
        if space or all(piece.run.setter is SIMPLE for piece in pieces):
            cut.append((space, pieces))  # the plain setter breaks at spaces only
            continue
        setters = [p.run.setter for p in pieces if is_breaking(p.run.setter)]
        if not setters:
            cut.append((space, pieces))
            continue
        text = "".join(piece.run.text for piece in pieces)
        opportunities = setters[0].breaks(text)
        if not opportunities:
            cut.append((space, pieces))
            continue
        edges = [*opportunities, len(text)]
        word: list[_Piece] = []
        offset = 0  # of the current piece in ``text``
        for piece in pieces:
            start, end = offset, offset + len(piece.run.text)
            while start < end:
                stop = min(edges[0], end)
                part = _Piece(piece.run.with_text(text[start:stop]), 0.0)
                part.width = part.run.width()
                word.append(part)
                start = stop
                if stop == edges[0]:
                    edges.pop(0)
                    if edges:
                        cut.append((False, word))
                        word = []
            offset = end
        if word:
            cut.append((False, word))
    return cut


def _fill(tokens: list[tuple[bool, list[_Piece]]], width: float) -> list[SetLine]:
    lines: list[SetLine] = []
    line: list[_Piece] = []
    used = 0.0
    pending: list[_Piece] = []  # spaces, drawn only if a word follows on this line
    for space, pieces in tokens:
        if space:
            pending += pieces
            continue
        word = sum(piece.width for piece in pieces)
        gap = sum(piece.width for piece in pending)
        if line and used + gap + word > width:
            lines.append(_line(line))
            line, used, pending, gap = [], 0.0, [], 0.0
        line += pending
        used += gap
        pending = []
        if used + word <= width:
            line += pieces
            used += word
            continue
        # Longer than a line: cut between clusters; the last share stays open.
        for cluster in _clusters(pieces):
            if line and used + cluster.width > width:
                lines.append(_line(line))
                line, used = [], 0.0
            line.append(cluster)
            used += cluster.width
    if line or not lines:
        lines.append(_line(line))
    return lines


def _clusters(pieces: list[_Piece]) -> list[_Piece]:
    found = []
    for piece in pieces:
        for text in clusters(piece.run.text):
            cluster = _Piece(piece.run.with_text(text), 0.0)
            cluster.width = cluster.run.width()
            found.append(cluster)
    return found


def one_line(runs: list[StyledRun]) -> SetLine:
    """``runs`` set on one line as they are, unbroken (runs a setter cut by font joined
    back where they can be, as on any line)."""
    if any(is_splitting(run.setter) for run in runs):
        runs = _rejoined(runs)
    return SetLine(tuple(runs), sum(run.width() for run in runs))


def _line(pieces: list[_Piece]) -> SetLine:
    """A line of ``pieces``, neighbours of one style joined into one run."""
    runs: list[StyledRun] = []
    for piece in pieces:
        if runs and runs[-1].same_style(piece.run):
            runs[-1] = runs[-1].with_text(runs[-1].text + piece.run.text)
        else:
            runs.append(piece.run)
    if all(run.setter is SIMPLE for run in runs):
        return SetLine(tuple(runs), sum(piece.width for piece in pieces))
    runs = _rejoined(runs)
    # Shaped words measured apart need not add up to the shaped line (kerning, joining):
    # the line is as wide as what is drawn.
    return SetLine(tuple(runs), sum(run.width() for run in runs))


def _rejoined(runs: list[StyledRun]) -> list[StyledRun]:
    """Neighbours cut from one run by their fonts (``SplittingSetter.split``) joined
    back into one run where it draws every piece in its font and no wider than the
    pieces measured: the line is drawn as it was measured, in as few runs as can be."""
    joined: list[StyledRun] = []
    group: list[StyledRun] = []

    def close() -> None:
        if len(group) > 1 and is_splitting(group[0].setter):
            setter = group[0].setter.joined([(run.text, run.setter) for run in group])
            if setter is not None:
                text = "".join(run.text for run in group)
                whole = StyledRun(text, group[0].font, group[0].size, group[0].colour)
                whole = replace(whole, url=group[0].url, setter=setter)
                if whole.width() <= sum(run.width() for run in group) + _SAME_WIDTH:
                    joined.append(whole)
                    group.clear()
                    return
        joined.extend(group)
        group.clear()

    for run in runs:
        if group and not (
            is_splitting(run.setter)
            and (run.font, run.size, run.colour, run.url)
            == (group[0].font, group[0].size, group[0].colour, group[0].url)
        ):
            close()
        group.append(run)
    close()
    return joined
