"""Line breaking: runs filled greedily into lines of a given width.

Lines break at spaces (the space at a break is not drawn); a run of spaces of any
kind between two words is one ordinary space, as in HTML. A word longer than a whole
line — a long URL — is cut between grapheme clusters. A word may span runs (``**Lu**,``
is two), and a run may span lines: a link cut by a break is two runs, one per line,
each later getting its own annotation rectangle.
"""

from __future__ import annotations

from dataclasses import dataclass

from resumeout.exporters.pdf.graphemes import clusters
from resumeout.exporters.pdf.runs import StyledRun

_NO_BREAK = frozenset("\u00a0\u2007\u202f\u2060")
"""Spaces that hold words together."""


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
        lines += _fill(_tokens(runs), width)
    return lines


def _is_space(char: str) -> bool:
    return char.isspace() and char not in _NO_BREAK


def _tokens(runs: list[StyledRun]) -> list[tuple[bool, list[_Piece]]]:
    """Words and spaces, in order: (is a space, its pieces, one per run it spans)."""
    tokens: list[tuple[bool, list[_Piece]]] = []
    for run in runs:
        start = 0
        for index in range(1, len(run.text) + 1):
            if index < len(run.text) and _is_space(run.text[index]) == _is_space(run.text[start]):
                continue
            text = run.text[start:index]
            space = _is_space(text[0])
            start = index
            if space and tokens and tokens[-1][0]:
                continue  # the space is already there
            piece = _Piece(run.with_text(" " if space else text), 0.0)
            piece.width = piece.run.width()
            if tokens and tokens[-1][0] == space:
                tokens[-1][1].append(piece)
            else:
                tokens.append((space, [piece]))
    return tokens


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


def _line(pieces: list[_Piece]) -> SetLine:
    """A line of ``pieces``, neighbours of one style joined into one run."""
    runs: list[StyledRun] = []
    for piece in pieces:
        if runs and runs[-1].same_style(piece.run):
            runs[-1] = runs[-1].with_text(runs[-1].text + piece.run.text)
        else:
            runs.append(piece.run)
    return SetLine(tuple(runs), sum(piece.width for piece in pieces))
