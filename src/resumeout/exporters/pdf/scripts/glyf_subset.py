"""A static TrueType font cut down to the glyphs drawn, for embedding as CIDFontType2.

fontTools' subsetter decompiles every glyph's metrics and location first (tens of
thousands in a CJK font: a quarter of a second), then compiles them again. A PDF needs
less: the tables ISO 32000-1 (9.9) asks of an embedded TrueType program (head, hhea,
maxp, loca, glyf, hmtx, and cvt, fpgm, prep for hinting) with the drawn glyphs, their
components, and their ids unchanged, so that a CID stays a glyph id. Glyph ids past
the last one drawn are cut off; the ones before it that are not drawn are left empty
(zero length, zero advance: a few bytes each once compressed). This works on the
tables' bytes, through the font's table directory, and decodes only the drawn glyphs'
component lists. No cmap: a CIDFontType2 reaches glyphs through CIDs.

Blank glyphs of given advances may be added after the last glyph kept: they paint
nothing and are as wide as asked (see :meth:`.cidfont.EmbeddedFont.blank`).
"""

from __future__ import annotations

import io
import struct
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from fontTools.ttLib.sfnt import SFNTWriter

COPIED = ("cvt ", "fpgm", "prep", "OS/2", "name")
"""Tables copied as they are (hinting programs, and the font's names and metrics that
viewers show or check)."""

_ARG_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_X_AND_Y_SCALE = 0x0040
_HAVE_TWO_BY_TWO = 0x0080


def subset_glyf_font(
    reader: Any, glyph_ids: Iterable[int], blank_advances: Sequence[int] = ()
) -> tuple[bytes, int]:
    """The font program of ``reader`` (a fontTools ``SFNTReader``: its tables' bytes by
    tag) with ``glyph_ids`` (and .notdef, and their components) kept, then an empty
    glyph for each of ``blank_advances`` (font units); and the id of the first of those."""
    head = bytearray(reader["head"])
    maxp = bytearray(reader["maxp"])
    hhea = bytearray(reader["hhea"])
    glyph_count = struct.unpack(">H", maxp[4:6])[0]
    offsets = _loca(reader["loca"], glyph_count, long_offsets=head[51] == 1)
    glyf = reader["glyf"]
    kept = _with_components(glyf, offsets, {0, *glyph_ids})
    first_blank = max(kept) + 1
    count = first_blank + len(blank_advances)

    glyphs = bytearray()
    new_offsets = array("I", [0])
    for gid in range(count):
        if gid in kept:
            data = glyf[offsets[gid] : offsets[gid + 1]]
            glyphs += data + b"\0" * (-len(data) % 4)
        new_offsets.append(len(glyphs))
    if sys.byteorder == "little":
        new_offsets.byteswap()  # fonts are big-endian

    metric_count = struct.unpack(">H", hhea[34:36])[0]
    hmtx = reader["hmtx"]
    metrics = bytearray(4 * count)
    for gid in kept:
        metrics[4 * gid : 4 * gid + 4] = _metric(hmtx, metric_count, gid)
    for gid, advance in enumerate(blank_advances, start=first_blank):
        metrics[4 * gid : 4 * gid + 4] = struct.pack(">Hh", advance, 0)

    head[50:52] = struct.pack(">h", 1)  # long loca offsets
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment: the writer computes it
    maxp[4:6] = struct.pack(">H", count)
    hhea[34:36] = struct.pack(">H", count)
    if blank_advances:
        widest = max(struct.unpack(">H", hhea[10:12])[0], *blank_advances)
        hhea[10:12] = struct.pack(">H", widest)  # advanceWidthMax
    post = bytearray(reader["post"][:32])
    post[0:4] = struct.pack(">I", 0x00030000)  # version 3: no glyph names

    tables = {
        "head": bytes(head),
        "hhea": bytes(hhea),
        "maxp": bytes(maxp),
        "loca": new_offsets.tobytes(),
        "glyf": bytes(glyphs),
        "hmtx": bytes(metrics),
        "post": bytes(post),
    }
    tables.update({tag: reader[tag] for tag in COPIED if tag in reader})
    buffer = io.BytesIO()
    writer = SFNTWriter(buffer, len(tables), sfntVersion="\0\1\0\0")
    for tag in sorted(tables):
        writer[tag] = tables[tag]
    writer.close()
    return buffer.getvalue(), first_blank


def _loca(data: bytes, glyph_count: int, *, long_offsets: bool) -> array[int]:
    offsets = array("I" if long_offsets else "H")
    offsets.frombytes(data[: offsets.itemsize * (glyph_count + 1)])
    if sys.byteorder == "little":
        offsets.byteswap()  # fonts are big-endian
    if not long_offsets:
        offsets = array("I", (offset * 2 for offset in offsets))
    return offsets


def _with_components(glyf: bytes, offsets: array[int], glyph_ids: set[int]) -> set[int]:
    """``glyph_ids`` and every glyph a composite among them is built of."""
    kept: set[int] = set()
    pending = [gid for gid in glyph_ids if 0 <= gid < len(offsets) - 1]
    while pending:
        gid = pending.pop()
        if gid in kept:
            continue
        kept.add(gid)
        start, end = offsets[gid], offsets[gid + 1]
        if end - start < 10 or struct.unpack(">h", glyf[start : start + 2])[0] >= 0:
            continue  # empty or simple
        pending += _components(glyf, start + 10)
    return kept


def _components(glyf: bytes, at: int) -> list[int]:
    components = []
    while True:
        flags, component = struct.unpack(">HH", glyf[at : at + 4])
        components.append(component)
        at += 4 + (4 if flags & _ARG_WORDS else 2)
        if flags & _HAVE_SCALE:
            at += 2
        elif flags & _HAVE_X_AND_Y_SCALE:
            at += 4
        elif flags & _HAVE_TWO_BY_TWO:
            at += 8
        if not flags & _MORE_COMPONENTS:
            return components


def _metric(hmtx: bytes, metric_count: int, gid: int) -> bytes:
    """The glyph's advance and left side bearing as a longHorMetric record."""
    if gid < metric_count:
        return hmtx[4 * gid : 4 * gid + 4]
    advance = hmtx[4 * (metric_count - 1) : 4 * metric_count - 2]
    at = 4 * metric_count + 2 * (gid - metric_count)
    return advance + hmtx[at : at + 2]
