"""A face embedded in a reportlab PDF as a Type0 font over a CIDFontType2 subset.

Codes are two bytes (Identity-H): each code is a CID. A CID usually equals the glyph's
id in the font file; when one glyph must stand for different characters in different
places (a share of an Indic syllable, a glyph used by two clusters), the extra uses get
CIDs after the font's last glyph id. Each CID has exactly one ToUnicode entry; a
CIDToGIDMap (/Identity where it can) maps each CID to its glyph in the subset.

A blank of a given width (:meth:`EmbeddedFont.blank`) is a glyph of the subset's own
that paints nothing, added after the font's glyphs: a space stretched across a gap is
written as one, as wide as the gap, rather than the font's space scaled with ``Tz``.
PyMuPDF (MuPDF 1.28) measures a glyph's advance in ems of the scaled size and so finds
a scaled glyph too narrow or too wide for where the next one is written, and starts a
new line there; a blank's advance is the gap, in every reader.

A static font's subset keeps the glyph ids (:mod:`.glyf_subset`, which reads only the
drawn glyphs of a 45,000-glyph CJK font). A variable font goes through fontTools'
subsetter, which renumbers the glyphs it keeps, and is pinned to the face's weight
after, so that only the glyphs drawn are instanced.

The objects are written with reportlab's own PDF object model when the document is
saved (reportlab calls :meth:`EmbeddedFont.addObjects` for every font in
``delayedFonts``), so the subset holds exactly the glyphs drawn. Everything written is
a function of what was drawn, in drawing order: rebuilds are byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import logging
import string
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfdoc

from resumeout.exporters.pdf.scripts.faces import Face, pin_weight
from resumeout.exporters.pdf.scripts.tounicode import to_unicode_cmap

_LATIN_DESCENT = -0.25
"""A Latin text face's descent, in ems (Source Sans Pro's; Source Serif Pro's -0.27)."""

_FONTS: WeakKeyDictionary[Any, dict[str, EmbeddedFont]] = WeakKeyDictionary()
"""The fonts embedded in each reportlab PDFDocument, by face."""


def embedded_font(document: Any, face: Face) -> EmbeddedFont:
    """The font object for ``face`` in ``document`` (a reportlab ``PDFDocument``),
    registered in the document's font resources on first use."""
    fonts = _FONTS.setdefault(document, {})
    font = fonts.get(face.key)
    if font is None:
        # reportlab's own fonts are F1, F2…: a prefix of our own never collides.
        internal_name = f"FS{len(fonts) + 1}"
        font = fonts[face.key] = EmbeddedFont(face, internal_name)
        document.fontMapping[f"resumeout-scripts:{face.key}"] = f"/{internal_name}"
        document.delayedFonts.append(font)
    return font


class EmbeddedFont:
    """The CIDs handed out for one face in one document, and its PDF objects."""

    def __init__(self, face: Face, internal_name: str) -> None:
        self.face = face
        self.internal_name = internal_name
        self._cid_of_use: dict[tuple[int, str], int] = {}
        self.glyph_of_cid: dict[int, int] = {}
        """Each CID's glyph id in the font; a blank's is minus its advance (font units)."""
        self.text_of_cid: dict[int, str] = {}
        self._next_extra_cid = face.glyph_count
        self._subset_glyph_of: dict[int, int] = {}
        """The subset's glyph id of each glyph id of the font (known once subset)."""

    def cid(self, glyph_id: int, text: str) -> int:
        """The CID that draws ``glyph_id`` and reads as ``text``."""
        use = (glyph_id, text)
        found = self._cid_of_use.get(use)
        if found is not None:
            return found
        if glyph_id >= 0 and glyph_id not in self.glyph_of_cid:
            cid = glyph_id
        else:
            cid = self._next_extra_cid
            self._next_extra_cid += 1
            if cid > 0xFFFF:
                raise OverflowError(f"more than 65536 glyph uses in {self.face.postscript_name}")
        self._cid_of_use[use] = cid
        self.glyph_of_cid[cid] = glyph_id
        self.text_of_cid[cid] = text
        return cid

    def blank(self, width: float, text: str) -> int | None:
        """The CID of a glyph that paints nothing, reads as ``text`` and is ``width``
        thousandths of the size wide (rounded to the font's units); None when that is
        more units than a glyph's advance holds (an unsigned 16-bit number: 65,535,
        65 ems in most fonts)."""
        advance = round(width * self.face.units_per_em / 1000)
        if not 0 < advance <= 0xFFFF:
            return None
        return self.cid(-advance, text)

    def width(self, cid: int) -> float:
        """The CID's advance in thousandths of the size (as the PDF's /W says)."""
        glyph_id = self.glyph_of_cid[cid]
        advance = -glyph_id if glyph_id < 0 else self.face.advance(glyph_id)
        return advance * 1000 / self.face.units_per_em

    # reportlab's name: called when the document is saved.
    def addObjects(self, document: Any) -> None:  # noqa: N802
        base_font = f"{self._subset_tag()}+{self.face.postscript_name}"
        compress = [pdfdoc.PDFZCompress] if document.compression else None
        program = self._subset_program()
        font_file = pdfdoc.PDFStream(content=program, filters=compress)
        font_file.dictionary["Length1"] = len(program)
        scale = 1000 / self.face.units_per_em
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("FontDescriptor"),
                "FontName": pdfdoc.PDFName(base_font),
                "Flags": 4,  # symbolic: glyphs are reached through CIDs, not a charset
                "FontBBox": pdfdoc.PDFArray([round(v * scale) for v in self.face.bounding_box]),
                "ItalicAngle": self.face.italic_angle,
                "Ascent": round(self.face.ascent * scale),
                "Descent": round(self._descent() * scale),
                "CapHeight": round(self.face.cap_height * scale),
                "StemV": 80,
                "FontFile2": document.Reference(font_file, f"{self.internal_name}FontFile"),
            }
        )
        descendant = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("CIDFontType2"),
                "BaseFont": pdfdoc.PDFName(base_font),
                "CIDSystemInfo": pdfdoc.PDFDictionary(
                    {
                        "Registry": pdfdoc.PDFString("Adobe"),
                        "Ordering": pdfdoc.PDFString("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": document.Reference(descriptor, f"{self.internal_name}Desc"),
                "W": pdfdoc.PDFArray(self._widths()),
                "CIDToGIDMap": self._cid_to_gid_map(document, compress),
            }
        )
        cmap = pdfdoc.PDFStream(
            content=to_unicode_cmap(self.internal_name, self.text_of_cid), filters=compress
        )
        font = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("Type0"),
                "BaseFont": pdfdoc.PDFName(base_font),
                "Encoding": pdfdoc.PDFName("Identity-H"),
                "DescendantFonts": pdfdoc.PDFArray(
                    [document.Reference(descendant, f"{self.internal_name}CID")]
                ),
                "ToUnicode": document.Reference(cmap, f"{self.internal_name}ToUnicode"),
            }
        )
        reference = document.Reference(font, self.internal_name)
        document.idToObject["BasicFonts"].dict[self.internal_name] = reference

    def _descent(self) -> int:
        """The subset's Descent: how far its glyphs reach below the baseline, but at
        least as far as a Latin text face's (:data:`_LATIN_DESCENT`), and never past the
        face's typographic descent.

        pdfminer.six and pdfplumber give each character a box from its font's Descent
        up by the font size, and pdfplumber puts boxes whose tops differ by more than 3
        points on different lines: the fonts of one line should declare about the same
        Descent. A face made for stacked marks declares a deep one (Noto Serif
        Devanagari 0.63 em, against the document's Source Serif 0.27 em), which put a
        Hindi heading's box 3.7 points below its dates' on the same baseline; the glyphs
        a résumé draws reach much less far (0.28 em). Thai glyphs sit on the baseline:
        their own depth, 0, would lift a Thai heading's box as far above its dates'.
        Never past the face's own descent, so the room left for a line's boxes
        (:func:`~resumeout.exporters.pdf.word_boxes.clearance`) is still enough. The
        Ascent stays the face's: shortened too, it let pdftotext put a right-to-left
        bullet "-" at the end of the line above, which pdftotext then takes for a
        hyphen and joins the two lines."""
        font, deepest = self.face.harfbuzz, _LATIN_DESCENT * self.face.units_per_em
        for glyph_id in set(self.glyph_of_cid.values()) - set(self._blanks()):
            extents = font.get_glyph_extents(glyph_id)
            if extents is not None and extents.height:  # a space has no outline
                deepest = min(deepest, extents.y_bearing + extents.height)
        return max(self.face.descent, round(deepest))

    def _subset_tag(self) -> str:
        """Six capitals that name this subset (the same glyphs give the same name)."""
        digest = hashlib.sha256(
            f"{self.face.key}:{sorted(self.glyph_of_cid.items())}".encode()
        ).digest()
        return "".join(string.ascii_uppercase[byte % 26] for byte in digest[:6])

    def _blanks(self) -> list[int]:
        """The blanks' glyph ids (minus their advances), in the order they go into the
        subset."""
        return sorted({gid for gid in self.glyph_of_cid.values() if gid < 0}, reverse=True)

    def _subset_program(self) -> bytes:
        font = self.face.open()
        blanks = self._blanks()
        if "fvar" not in font:
            from resumeout.exporters.pdf.scripts.glyf_subset import subset_glyf_font

            drawn = {gid for gid in self.glyph_of_cid.values() if gid >= 0}
            program, first_blank = subset_glyf_font(font.reader, drawn, [-b for b in blanks])
            self._subset_glyph_of = {gid: gid for gid in drawn}  # ids are kept
            self._subset_glyph_of |= {b: first_blank + i for i, b in enumerate(blanks)}
            return program
        return self._variable_subset_program(font, blanks)

    def _variable_subset_program(self, font: Any, blanks: list[int]) -> bytes:
        """fontTools' subset of a variable font, pinned to the face's weight after,
        with the blanks added."""
        from fontTools import subset
        from fontTools.ttLib import newTable
        from fontTools.ttLib.tables._g_l_y_f import Glyph

        options = subset.Options()
        options.retain_gids = False
        options.notdef_outline = True
        options.glyph_names = False
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "MATH"]
        options.drop_tables += ["EBDT", "EBLC", "EBSC", "BDF ", "FFTM", "STAT"]
        options.name_IDs = [1, 2, 3, 4, 5, 6]
        options.hinting = True
        drawn = sorted({0, *(gid for gid in self.glyph_of_cid.values() if gid >= 0)})
        # Names that say each glyph's id, set before any table is read: the subset's
        # glyph order then tells where each glyph went, and the font's own names (30,000
        # of them in a CJK font's post table) are never decoded.
        font.setGlyphOrder([f"g{gid}" for gid in range(self.face.glyph_count)])
        post = newTable("post")
        post.formatType, post.italicAngle = 3.0, self.face.italic_angle
        post.underlinePosition = post.underlineThickness = 0
        post.isFixedPitch = post.minMemType42 = post.maxMemType42 = 0
        post.minMemType1 = post.maxMemType1 = 0
        font["post"] = post
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=drawn)
        # fontTools logs a warning for each table it cannot subset (and drops it).
        logger = logging.getLogger("fontTools.subset")
        level = logger.level
        logger.setLevel(logging.ERROR)
        try:
            subsetter.subset(font)
        finally:
            logger.setLevel(level)
        self._subset_glyph_of = {
            int(name[1:]): new_gid for new_gid, name in enumerate(font.getGlyphOrder())
        }
        if "fvar" in font:
            pin_weight(font, self.face.weight)  # a few glyphs: milliseconds
        order = list(font.getGlyphOrder())
        for blank in blanks:
            self._subset_glyph_of[blank] = len(order)
            name = f"blank{-blank}"
            order.append(name)
            font["glyf"][name] = Glyph()
            font["hmtx"][name] = (-blank, 0)
        font.setGlyphOrder(order)
        buffer = io.BytesIO()
        font.save(buffer)
        return buffer.getvalue()

    def _widths(self) -> list[Any]:
        """``[first [w w …] first [w …]]`` over runs of consecutive CIDs."""
        widths: list[Any] = []
        run_start, run = -2, list[float]()
        for cid in sorted(self.glyph_of_cid):
            if cid != run_start + len(run):
                if run:
                    widths += [run_start, pdfdoc.PDFArray(run)]
                run_start, run = cid, []
            run.append(round(self.width(cid), 2))
        if run:
            widths += [run_start, pdfdoc.PDFArray(run)]
        return widths

    def _cid_to_gid_map(self, document: Any, compress: Any) -> Any:
        """Each CID's glyph in the subset (read after :meth:`_subset_program`)."""
        glyph_of = {cid: self._subset_glyph_of[gid] for cid, gid in self.glyph_of_cid.items()}
        if all(cid == gid for cid, gid in glyph_of.items()):
            return pdfdoc.PDFName("Identity")
        table = bytearray(2 * (max(glyph_of) + 1))
        for cid, gid in glyph_of.items():
            table[2 * cid : 2 * cid + 2] = gid.to_bytes(2, "big")
        stream = pdfdoc.PDFStream(content=bytes(table), filters=compress)
        return document.Reference(stream, f"{self.internal_name}CIDToGIDMap")
