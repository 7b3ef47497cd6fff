"""Writing a shaped run into a page's content stream so that it looks right and reads right.

Where each glyph goes on the page is HarfBuzz's answer. In which order the glyphs are
written, and which characters each one reads as, is chosen for text extractors:

- Left to right (Latin, Greek, Cyrillic, CJK, Thai, Indic): glyphs in visual order. A
  cluster's characters are dealt out to its glyphs in that order (the next share to the
  next glyph), so reading the glyphs left to right yields the typed text even where a
  syllable is drawn in another order than typed (Devanagari ि before its consonant).
- Right to left (Arabic, Hebrew): glyphs in logical order, each placed at its visual
  position, so extractors that follow the stream read the typed order, and extractors
  that sort by position still see a right-to-left line. No ActualText around the run:
  pdftotext reads such a run reversed. Every glyph after the first is preceded by its
  font again (``Tf``), for pypdf (below); so is every glyph after an Arabic comma or
  another right-to-left character in a left-to-right run.
- A right-to-left glyph that stands for several characters (لا, lam and alef in one
  glyph; a letter with its shadda) reads as one character per share of its width,
  right to left, through a blank glyph as wide as the share, and is itself
  painted: readers that order characters by position would otherwise spread its
  characters left to right, reversed.
- A glyph left without characters (a cluster with more glyphs than characters) is
  painted as a path, outside the text layer.
- A mark that takes no room of its own (an anusvara, a Thai vowel above or below, a
  harakat: zero advance) gives its characters to the glyph written before it, its
  base, and is painted. Written as text it would be a zero-width glyph at the base's
  edge or beyond it: pypdf and pdfminer.six then read a space before the next letter
  (``कं पनी``), and pdftotext moves a Thai vowel to a line of its own.

pypdf (7.x) collects the characters it meets into a run and, within a run of
right-to-left characters, puts each one before those collected so far, assuming
producers write them in visual order; it ends a run at ``BT``, ``ET``, ``cm`` and
``Tf``. Setting the font before each right-to-left glyph (about ten bytes a glyph,
where a text object of its own would take thirty and break the line's marked content)
makes each glyph a run of its own, so that pypdf too reads them in the order written.
A ``Tf`` that changes nothing changes nothing for the page or for the other readers:
PyMuPDF, pdfminer.six and pdftotext follow the stream or do their own bidi, and read
the same text as without it. Left-to-right runs without a right-to-left character
are written as they always were. pypdf's layout mode (``extraction_mode="layout"``)
places each of its runs by position, left to right, and so reads these glyphs one by
one in visual order, reversed, where it read a run of one style as typed before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from resumeout.exporters.pdf.scripts.cidfont import embedded_font
from resumeout.exporters.pdf.scripts.faces import BOLD_WEIGHT_CLASS, Face
from resumeout.exporters.pdf.scripts.numbers import number
from resumeout.exporters.pdf.scripts.outlines import painted_glyph
from resumeout.exporters.pdf.scripts.shaping import Glyph, ShapedRun

_MARK_SHARE = 0.1
"""A mark's share of its glyph's width beside a letter's: small, because PyMuPDF reads
a mark at its base letter's place and would see the mark's share as a gap (a space)
before the next letter (``عمّ ان``)."""
_PYPDF_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
"""The characters pypdf (7.x) reads as right to left."""

_EMBOLDENING = ((9.0, 1 / 24), (36.0, 1 / 32))
"""Outline stroke width as a share of the size, at a small and at a large size (linear
between, constant beyond): Skia's, and so Chrome's, for a family without a bold face.
At body sizes a twenty-fourth of the size thickens a stem by a fifth to a quarter,
about the difference between a regular and a bold CJK face; a title keeps a thinner
share, as the bold of a family does, so that its counters do not fill in."""


def needs_emboldening(face: Face, weight: int | None) -> bool:
    """Whether text wanted at ``weight`` (None: regular) and drawn in ``face`` must be
    emboldened: it is wanted bold and the face is not (a family without a bold face,
    such as most CJK fonts)."""
    return weight is not None and weight >= BOLD_WEIGHT_CLASS and not face.bold


def emboldening_width(size: float) -> float:
    """The width of the outline stroked around text of ``size`` points, filled as well
    (text render mode 2), to draw it bold: it thickens each stem by the width, half on
    each side, and leaves every glyph where it was, so the text reads the same."""
    (small, small_share), (large, large_share) = _EMBOLDENING
    clamped = min(max(size, small), large)
    share = small_share + (large_share - small_share) * (clamped - small) / (large - small)
    return size * share


@dataclass(frozen=True)
class PlacedGlyph:
    """A glyph in writing order: where it goes (relative to the run's origin) and the
    characters it reads as (empty: painted, not text)."""

    glyph: Glyph
    x: float
    y: float
    text: str
    width: float | None = None
    """The width the glyph is stretched to (points; None: its own advance): the share
    of a right-to-left glyph that one of its characters reads from."""


def placed_glyphs(shaped: ShapedRun) -> list[PlacedGlyph]:
    """The run's glyphs in the order they are written, each with its share of text."""
    positions: list[tuple[Glyph, float, float]] = []
    pen = 0.0
    for glyph in shaped.glyphs:
        positions.append((glyph, pen + glyph.x_offset, glyph.y_offset))
        pen += glyph.x_advance
    if shaped.run.direction == "rtl":
        positions.reverse()  # HarfBuzz gives RTL glyphs right to left: back to logical
    by_cluster: dict[int, list[tuple[Glyph, float, float]]] = {}
    for position in positions:
        by_cluster.setdefault(position[0].cluster, []).append(position)
    placed = []
    for cluster, members in by_cluster.items():
        characters = shaped.cluster_text(cluster)
        carriers = _text_carriers([glyph for glyph, _, _ in members], len(characters))
        for index, (glyph, x, y) in enumerate(members):
            share = ""
            if index in carriers:
                rank = carriers.index(index)
                last = rank == len(carriers) - 1
                share = characters[rank:] if last else characters[rank]
            placed.append(PlacedGlyph(glyph, x, y, share))
    placed = _marks_to_bases(placed)
    if shaped.run.direction == "rtl":
        placed = _letters_of_clusters(placed, shaped.face)
    return placed


def _letters_of_clusters(placed: list[PlacedGlyph], face: Face) -> list[PlacedGlyph]:
    """Each right-to-left glyph that stands for several characters (لا, one glyph for
    lam and alef; a letter with its shadda) read as one character per share of its
    width, right to left; the glyph itself painted.

    Readers that order characters by position (pdftotext, pdfplumber) spread a glyph's
    characters over its width left to right, so two letters on one right-to-left glyph
    read reversed (ثلاث as ثالث, عمّان as عّمان). Here each character reads from its own
    share of the glyph's width, the first at the right, written in typed order, through
    a blank glyph as wide as the share (:meth:`.cidfont.EmbeddedFont.blank`); the
    glyph is painted as a path, so that what shows is unchanged and every glyph the
    text layer holds is as wide as the font says (PDF/UA-1, 7.21.5)."""
    blank = face.harfbuzz.get_nominal_glyph(0x20)
    if blank is None or face.advance(blank) <= 0:
        return placed  # nothing to stretch: the glyph keeps all its characters
    result = []
    for item in placed:
        characters = list(item.text)
        if len(characters) < 2 or item.glyph.x_advance <= 0:
            result.append(item)
            continue
        weights = [_MARK_SHARE if unicodedata.combining(c) else 1.0 for c in characters]
        unit = item.glyph.x_advance / sum(weights)
        right = item.x + item.glyph.x_advance
        for character, weight in zip(characters, weights, strict=True):
            share = unit * weight
            right -= share
            blank_glyph = Glyph(blank, item.glyph.cluster, 0.0, 0.0, 0.0)
            result.append(PlacedGlyph(blank_glyph, right, item.y, character, share))
        result.append(PlacedGlyph(item.glyph, item.x, item.y, ""))
    return result


def _marks_to_bases(placed: list[PlacedGlyph]) -> list[PlacedGlyph]:
    """Each zero-advance glyph's characters moved to the glyph with text before it."""
    merged = list(placed)
    carrier: int | None = None  # the last glyph that reads as text
    for index, item in enumerate(merged):
        if not item.text:
            continue
        if item.glyph.x_advance == 0 and carrier is not None:
            base = merged[carrier]
            merged[carrier] = PlacedGlyph(base.glyph, base.x, base.y, base.text + item.text)
            merged[index] = PlacedGlyph(item.glyph, item.x, item.y, "")
        else:
            carrier = index
    return merged


def _reversed_by_pypdf_after(text: str, reversing: bool) -> bool:
    """Whether pypdf, having read ``text``, would put the next character before it:
    from a right-to-left letter (its ranges) on, until a letter or digit of another
    script. Its neutrals (punctuation, spaces, Arabic digits, symbols) change nothing."""
    for char in text:
        if _PYPDF_RIGHT_TO_LEFT.match(char):
            reversing = True
        elif char.isalnum() and not "\u2000" <= char <= "\u21ff":
            reversing = False
    return reversing


def _text_carriers(glyphs: list[Glyph], characters: int) -> list[int]:
    """Which of a cluster's glyphs (indices, in writing order) carry its characters.

    All of them while there are characters enough. Otherwise glyphs that advance come
    first, so that no reader sees an empty gap where a painted glyph stands, then the
    last marks (Thai SARA AM is drawn NIKHAHIT + SARA AA: the tone mark typed before it
    keeps its own glyph).
    """
    if characters >= len(glyphs):
        return list(range(len(glyphs)))
    advancing = [index for index, glyph in enumerate(glyphs) if glyph.x_advance > 0]
    chosen = advancing[:characters]
    for index in reversed(range(len(glyphs))):
        if len(chosen) >= characters:
            break
        if index not in chosen:
            chosen.append(index)
    return sorted(chosen)


def text_operators(
    document: Any, shaped: ShapedRun, x: float, y: float, painted_before: int = 0
) -> tuple[list[str], list[str]]:
    """The operators that draw ``shaped`` with its origin (left end of the baseline) at
    (x, y): those that go inside a text object (font, glyph positions, glyphs; no BT or
    ET, so that a writer can put them into a text object it has open), and those that
    paint glyphs without text, which go outside any text object. Fill colour and the
    rest of the graphics state are the caller's. The glyphs of the characters before
    offset ``painted_before`` of the text the run was cut from are painted: their text
    was written elsewhere.

    ``document`` is the reportlab ``PDFDocument`` the page belongs to (``canvas._doc``).
    """
    font = embedded_font(document, shaped.face)
    size = shaped.size
    select_font = f"/{font.internal_name} {number(size)} Tf"
    text_ops = [select_font]
    # pypdf ends its run of text at each Tf: one before each glyph it would put before
    # the glyphs it has collected keeps it from reversing them (module docstring).
    reversing = shaped.run.direction == "rtl"
    painted = []
    pending: list[str] = []
    cursor: tuple[float, float] | None = None  # where the next glyph would go unmoved

    def flush() -> None:
        if pending:
            text_ops.append(f"[{' '.join(pending)}] TJ")
            pending.clear()

    for placed in placed_glyphs(shaped):
        gx, gy = x + placed.x, y + placed.y
        if not placed.text or shaped.run.start + placed.glyph.cluster < painted_before:
            painted.append(painted_glyph(shaped.face, placed.glyph.glyph_id, gx, gy, size))
            continue
        # A share of a glyph's width (placed.width) is a blank that wide, or, wider
        # than a blank may be, the glyph stretched (Tz).
        blank = None
        if placed.width is not None:
            blank = font.blank(placed.width * 1000 / size, placed.text)
        cid = font.cid(placed.glyph.glyph_id, placed.text) if blank is None else blank
        if reversing and cursor is not None:
            flush()
            text_ops.append(select_font)
        reversing = _reversed_by_pypdf_after(placed.text, reversing)
        advance = font.width(cid) * size / 1000
        if placed.width is not None:
            # Placed absolutely (as Tz would scale a TJ move too; pdftotext joins lines
            # differently for the rounding of a move).
            flush()
            stretched = blank is None
            if stretched:
                text_ops.append(f"{number(100 * placed.width / advance)} Tz")
            text_ops.append(f"1 0 0 1 {number(gx)} {number(gy)} Tm")
            text_ops.append(f"[<{cid:04X}>] TJ")
            if stretched:
                text_ops.append("100 Tz")
            cursor = (gx + placed.width, gy)
            continue
        if cursor is not None and abs(cursor[1] - gy) < 1e-6:
            gap = (gx - cursor[0]) * 1000 / size
            if abs(gap) >= 0.0005:
                pending.append(number(-gap))
        else:
            flush()
            text_ops.append(f"1 0 0 1 {number(gx)} {number(gy)} Tm")
        pending.append(f"<{cid:04X}>")
        cursor = (gx + advance, gy)
    flush()
    return text_ops, [op for op in painted if op]


def blank_operators(
    document: Any, face: Face, size: float, text: str, x: float, y: float, width: float
) -> list[str] | None:
    """Text operators that write ``text`` as one glyph of ``face`` that paints nothing
    and is ``width`` points wide, its origin at (x, y); None when no blank is that wide
    (:meth:`~.cidfont.EmbeddedFont.blank`)."""
    font = embedded_font(document, face)
    cid = font.blank(width * 1000 / size, text)
    if cid is None:
        return None
    return [
        f"/{font.internal_name} {number(size)} Tf",
        f"1 0 0 1 {number(x)} {number(y)} Tm",
        f"[<{cid:04X}>] TJ",
    ]


def run_operators(document: Any, shaped: ShapedRun, x: float, y: float) -> str:
    """PDF operators that draw ``shaped`` with its origin (left end of the baseline) at
    (x, y) in the current user space: one BT…ET block, then any painted glyphs (see
    :func:`text_operators`)."""
    text_ops, painted = text_operators(document, shaped, x, y)
    text_ops[0] = f"BT {text_ops[0]}"
    return "\n".join([*text_ops, "ET", *painted])


def draw_run(canvas: Any, shaped: ShapedRun, x: float, y: float) -> None:
    """Draw ``shaped`` on a reportlab canvas with its origin at (x, y)."""
    canvas.addLiteral(run_operators(canvas._doc, shaped, x, y))
