"""Splitting a paragraph into runs that one font shapes in one direction and script.

A run changes where the bidi level, the script or the font changes. Fonts are chosen
per grapheme cluster (a base and its marks stay in one font): the first font of the
chain that has all of the cluster's characters. Characters of no particular script
(spaces, digits, punctuation) and marks take the script of what precedes them, and
their font too where it has them, so an Arabic phrase with its spaces is one run; but
ASCII digits after Chinese, Japanese or Korean take the document's font, as Word draws
them in the DOCX.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from resumeout.exporters.pdf.scripts.breaking import grapheme_boundaries
from resumeout.exporters.pdf.scripts.chain import FontChain, is_east_asian
from resumeout.exporters.pdf.scripts.direction import Direction, embedding_levels
from resumeout.exporters.pdf.scripts.faces import Face

_NEUTRAL_SCRIPTS = ("Zyyy", "Zinh", "Zzzz")


class MissingGlyphError(Exception):
    """No available font has a glyph for a character. The caller adds FILE:LINE:COL."""

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.character = text[offset]
        super().__init__(describe_missing(self.character))


def describe_missing(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    label = f"{character!r} ({code} {name})" if name else f"{character!r} ({code})"
    return f"no font has a glyph for {label}; name a font that has it in design.fallback_fonts"


@dataclass(frozen=True)
class Run:
    """``text[start:end]`` of the paragraph, shaped as one piece."""

    text: str
    start: int
    end: int
    level: int
    script: str
    """ISO 15924 code (``Arab``, ``Deva``, ``Latn``…), as HarfBuzz takes it."""
    face: Face

    @property
    def direction(self) -> Direction:
        return "rtl" if self.level % 2 else "ltr"


@dataclass(frozen=True)
class Itemized:
    runs: tuple[Run, ...]
    base_level: int
    missing: tuple[int, ...]
    """Offsets of characters no font has (only with ``allow_missing``): not drawn."""

    @property
    def direction(self) -> Direction:
        return "rtl" if self.base_level % 2 else "ltr"


def is_default_ignorable(char: str) -> bool:
    """Characters that draw nothing (joiners, marks of direction, variation selectors):
    no font needs a glyph for them."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or char == "\u034f"
    )


def itemize(
    text: str,
    chain: FontChain,
    direction: Direction | None = None,
    *,
    allow_missing: bool = False,
    face: Face | None = None,
) -> Itemized:
    """The runs of a paragraph, in logical order. ``direction`` None: from the text.

    ``face``: the face that draws every cluster it has, whatever its neighbours, for a
    piece of a paragraph whose faces were chosen in the paragraph's context (see
    :func:`faces_in_context`): a piece is then measured alone as it is drawn in a line.

    Raises :class:`MissingGlyphError` for a character no font has, unless
    ``allow_missing``: then it is listed in ``missing`` and left out of every run.
    """
    from fontTools.unicodedata import script as script_of

    base_level, levels = embedding_levels(text, direction)
    faces: list[Face | None] = [None] * len(text)
    missing: list[int] = []
    for start, end, cluster_face in _cluster_faces(text, chain, face):
        for offset in range(start, end):
            char = text[offset]
            if cluster_face is not None and (
                cluster_face.covers(char) or is_default_ignorable(char)
            ):
                faces[offset] = cluster_face
            elif not allow_missing:
                raise MissingGlyphError(text, offset)
            else:
                missing.append(offset)

    scripts = _resolved_scripts(text, [script_of(char) for char in text])
    runs: list[Run] = []
    run_start: int | None = None
    for index in range(len(text) + 1):
        boundary = index == len(text) or faces[index] is None
        if not boundary and run_start is not None:
            key = (levels[index], scripts[index], faces[index])
            boundary = key != (levels[run_start], scripts[run_start], faces[run_start])
        if boundary and run_start is not None:
            face = faces[run_start]
            assert face is not None
            runs.append(
                Run(
                    text[run_start:index],
                    run_start,
                    index,
                    levels[run_start],
                    scripts[run_start],
                    face,
                )
            )
            run_start = None
        if run_start is None and index < len(text) and faces[index] is not None:
            run_start = index
    return Itemized(tuple(runs), base_level, tuple(missing))


def _cluster_faces(
    text: str, chain: FontChain, pinned: Face | None
) -> list[tuple[int, int, Face | None]]:
    """Each grapheme cluster of ``text`` with the face that draws it (None: no font has
    all of it).

    A cluster of letters takes the first face of the chain that has it (or ``pinned``,
    when that has it). A cluster of neutral characters (spaces, digits, punctuation)
    stays in the face drawing the text before it when that face has it, else in the
    document's font when that has it, else takes the face of the letters after it
    when that has it: a comma between a Latin word and Chinese is drawn by the Chinese
    font, not by whichever font fontconfig lists first for punctuation. Only when none
    of those has it does the chain choose.
    """
    edges = [0, *grapheme_boundaries(text), len(text)]
    needed = [
        "".join(char for char in text[start:end] if not is_default_ignorable(char))
        for start, end in pairwise(edges)
    ]
    neutral = [bool(cluster) and _is_neutral(cluster) for cluster in needed]
    strong: dict[int, Face | None] = {}

    def strong_face(index: int) -> Face | None:
        if index not in strong:
            cluster = needed[index]
            if pinned is not None and all(map(pinned.covers, cluster)):
                strong[index] = pinned
            else:
                strong[index] = chain.face_covering(cluster) or chain.face_for(cluster[0])
        return strong[index]

    following: list[int | None] = [None] * len(needed)  # the next cluster of letters
    after: int | None = None
    for index in range(len(needed) - 1, -1, -1):
        following[index] = after
        if needed[index] and not neutral[index]:
            after = index

    chosen: list[tuple[int, int, Face | None]] = []
    previous: Face | None = None
    after_east_asian = False  # the last letters were Chinese, Japanese or Korean
    for index, (start, end) in enumerate(pairwise(edges)):
        cluster = needed[index]
        face: Face | None
        if not cluster:
            face = previous or chain.primary
        elif not neutral[index]:
            face = strong_face(index)
            after_east_asian = is_east_asian(cluster)
        elif after_east_asian and cluster.isascii() and cluster.isdigit():
            # 2018年7月: every digit in the document's font, as Word draws ASCII digits
            # in the DOCX (its ascii slot), not the year in one font and the month in
            # the CJK font's.
            face = _neutral_face(cluster, pinned, chain.primary, previous)
        else:
            face = _neutral_face(cluster, pinned, previous, chain.primary)
            later = following[index]
            if face is None and later is not None:
                face = _neutral_face(cluster, strong_face(later))
            if face is None:
                face = strong_face(index)
        chosen.append((start, end, face))
        previous = face or previous
    return chosen


def _neutral_face(cluster: str, *faces: Face | None) -> Face | None:
    """The first of ``faces`` that has every character of ``cluster``."""
    for face in faces:
        if face is not None and all(map(face.covers, cluster)):
            return face
    return None


def _is_neutral(cluster: str) -> bool:
    from fontTools.unicodedata import script as script_of

    return all(script_of(char) in _NEUTRAL_SCRIPTS for char in cluster)


def _resolved_scripts(text: str, scripts: list[str]) -> list[str]:
    """Common and inherited characters take the script before them (else after)."""
    resolved = list(scripts)
    last = ""
    for index, script in enumerate(scripts):
        if script in _NEUTRAL_SCRIPTS:
            resolved[index] = last
        else:
            last = script
    following = "Latn"
    for index in range(len(text) - 1, -1, -1):
        if resolved[index]:
            following = resolved[index]
        else:
            resolved[index] = following
    return resolved
