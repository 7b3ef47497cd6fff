"""One font face prepared for a Word document (ECMA-376 Part 1, §17.8.1 "Font Embedding").

Each face is cut down to the characters the document draws with it (fontTools'
subsetter), named as the family's regular, bold, italic or bold italic member, and
obfuscated as the standard asks: the first 32 bytes are XORed with a key made from a
GUID that fontTable.xml stores beside the reference (``w:fontKey``). The GUID is derived
from the font's bytes, never drawn at random, so the same source gives the same file.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from resumeout.exporters.docx import disk_cache
from resumeout.exporters.docx.slot_languages import COMPLEX_SCRIPT_TEXT
from resumeout.exporters.fontfiles import FontFile, file_version

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

Slot = Literal["regular", "bold", "italic", "bold_italic"]
SLOTS: tuple[Slot, ...] = ("regular", "bold", "italic", "bold_italic")
STYLE_NAMES: dict[Slot, str] = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bold_italic": "Bold Italic",
}

# OS/2 fsType bits (OpenType spec, "OS/2 — fsType"): what the font's licence allows.
_USAGE_MASK = 0x000F
_RESTRICTED = 0x0002
_NO_SUBSETTING = 0x0100
_BITMAP_ONLY = 0x0200
# fsSelection and macStyle bits that say which family member a face is.
_FS_ITALIC, _FS_BOLD, _FS_REGULAR = 0x0001, 0x0020, 0x0040
_MAC_BOLD, _MAC_ITALIC = 0x0001, 0x0002
# OpenType layout tables: kerning, ligatures and the like. The PDF is set from advance
# widths alone (reportlab does not shape), so a face without them breaks lines where the
# PDF does; it is also a third smaller and much faster to cut.
_LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern")
# Tables a word processor never reads and the subsetter cannot cut (it would warn on
# standard error and drop them): X11 bitmap properties, FontForge's timestamps.
_UNREAD_TABLES = ("BDF ", "FFTM")
# Name-table entries that would contradict the family member we declare: the
# typographic (16, 17) and WWS (21, 22) family and style names.
_EXTENDED_NAMES = (16, 17, 21, 22)


class EmbeddingRefusedError(Exception):
    """The font's licence (OS/2 fsType) does not allow embedding it."""


@dataclass(frozen=True)
class EmbeddedFace:
    slot: Slot
    data: bytes
    """The obfuscated font, as stored in the package."""
    key: str
    """The GUID ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`` that deobfuscates it."""
    subsetted: bool


def embed_face(file: FontFile, family: str, slot: Slot, characters: frozenset[str]) -> EmbeddedFace:
    """``file`` as the ``slot`` member of ``family``, subset to ``characters`` (those it
    has) unless its licence forbids subsetting. Raises EmbeddingRefusedError when the
    licence forbids embedding, and fontTools' or the OS's errors for a broken file."""
    return _embedded(file, file_version(file), family, slot, characters)


def font_key(data: bytes) -> str:
    """A GUID for ``data``, derived from its bytes so that rebuilds are identical."""
    guid = uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])
    return "{" + str(guid).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes taken from its last hex pair to
    its first; the same operation undoes it."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    head = bytes(byte ^ mask[index % 16] for index, byte in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=128)
def _embedded(
    file: FontFile,
    version: tuple[int, int, int],
    family: str,
    slot: Slot,
    characters: frozenset[str],
) -> EmbeddedFace:
    """Cached by the file's state and the characters: a batch or --watch embeds the same
    faces, cut to the same characters, again and again (each cut takes about 11 ms).
    The face is immutable bytes, so sharing it between documents is safe. A cut face
    of a Latin résumé is 5–40 KB: 128 of them hold a batch's name-by-name variations
    (a batch of 1,000 seed-sized résumés needs 44; 32 made it cut 110 times) in a few
    megabytes."""
    font_data, subsetted = _prepared_or_stored(file, family, slot, characters)
    key = font_key(font_data)
    return EmbeddedFace(slot, obfuscate(font_data, key), key, subsetted)


def _prepared_or_stored(
    file: FontFile, family: str, slot: Slot, characters: frozenset[str]
) -> tuple[bytes, bool]:
    """The cut face from the disk cache (see ``disk_cache``), else cut and stored. The
    first byte of an entry says whether the face was subsetted. A refusal is not stored:
    the licence is read again, which costs little and is rare."""
    key = disk_cache.entry_key("cut", file, (family, slot, "".join(sorted(characters))))
    stored = disk_cache.read(key)
    if stored and stored[:1] in (b"0", b"1"):
        return stored[1:], stored[:1] == b"1"
    font_data, subsetted = _prepared(file, family, slot, characters)
    disk_cache.write(key, (b"1" if subsetted else b"0") + font_data)
    return font_data, subsetted


def _prepared(
    file: FontFile, family: str, slot: Slot, characters: frozenset[str]
) -> tuple[bytes, bool]:
    # Imported here: fontTools' subsetter takes 45-55 ms to import, which an export
    # whose faces are all in the disk cache never pays.
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # lazy: only the glyphs kept are ever decompiled.
    with TTFont(file.path, fontNumber=file.index, recalcTimestamp=False, lazy=True) as font:
        fs_type = font["OS/2"].fsType if "OS/2" in font else 0
        refusal = _refusal(fs_type)
        if refusal:
            raise EmbeddingRefusedError(refusal)
        subsetted = not fs_type & _NO_SUBSETTING
        if subsetted:
            cmap = font.getBestCmap()
            options = subset.Options()
            options.name_IDs = ["*"]  # keep the copyright and licence entries
            options.notdef_outline = True
            # Arabic joins, Indic conjuncts and marks are made by the layout tables: a
            # face that draws such text keeps them (cut to the glyphs its text reaches).
            shaped = COMPLEX_SCRIPT_TEXT.search("".join(characters)) is not None
            dropped = _UNREAD_TABLES if shaped else (*_LAYOUT_TABLES, *_UNREAD_TABLES)
            options.drop_tables = [*options.drop_tables, *dropped]
            # The subsetter would drop these too, but only after decoding them (a third
            # of a cut's time, to check their formats): they are removed unread.
            for tag in dropped:
                if tag in font:
                    del font[tag]
            subsetter = subset.Subsetter(options)
            wanted = set(characters) | _parts_of_shaped(characters)
            subsetter.populate(unicodes=sorted(ord(char) for char in wanted if ord(char) in cmap))
            subsetter.subset(font)
        _name_as_member(font, family, slot)
        buffer = io.BytesIO()
        font.save(buffer)
    return buffer.getvalue(), subsetted


def _parts_of_shaped(characters: frozenset[str]) -> set[str]:
    """The characters a word processor may decompose the shaped scripts' characters into
    before it looks for glyphs (Thai SARA AM, ำ, into NIKHAHIT and SARA AA: LibreOffice
    drew ำ without its circle from a face cut without NIKHAHIT)."""
    import unicodedata

    return {
        part
        for char in characters
        if COMPLEX_SCRIPT_TEXT.match(char)
        for part in unicodedata.normalize("NFKD", char)
    }


def _refusal(fs_type: int) -> str | None:
    if fs_type & _USAGE_MASK == _RESTRICTED:
        return "its licence forbids embedding it (OS/2 fsType: Restricted License)"
    if fs_type & _BITMAP_ONLY:
        return "its licence allows embedding its bitmaps only (OS/2 fsType: Bitmap embedding only)"
    return None


def _name_as_member(font: TTFont, family: str, slot: Slot) -> None:
    """Name the face as ``family``'s ``slot`` member (Source Sans Pro Semibold becomes
    the Bold of Source Sans Pro): Word and LibreOffice look an embedded face up by its
    legacy family name and style bits, so a face named otherwise would be ignored and
    its text drawn in a synthesised bold or italic."""
    style = STYLE_NAMES[slot]
    bold, italic = slot in ("bold", "bold_italic"), slot in ("italic", "bold_italic")
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in _EXTENDED_NAMES]
    for name_id, value in ((1, family), (2, style), (4, f"{family} {style}")):
        table.removeNames(nameID=name_id)
        table.setName(value, name_id, 3, 1, 0x409)
    if "OS/2" in font:
        os2 = font["OS/2"]
        selection = os2.fsSelection & ~(_FS_ITALIC | _FS_BOLD | _FS_REGULAR)
        selection |= (_FS_BOLD if bold else 0) | (_FS_ITALIC if italic else 0)
        os2.fsSelection = selection or _FS_REGULAR
    head = font["head"]
    head.macStyle = (head.macStyle & ~(_MAC_BOLD | _MAC_ITALIC)) | (
        (_MAC_BOLD if bold else 0) | (_MAC_ITALIC if italic else 0)
    )
