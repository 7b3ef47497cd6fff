"""fontTable.xml: each font the document names, described well enough that a reader
without it picks a close substitute (``w:panose1``, ``w:family``, ``w:pitch``,
``w:charset``, ``w:sig``, ``w:altName``), with references to the embedded faces."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache

from lxml import etree

from resumeout.exporters.docx import disk_cache
from resumeout.exporters.docx.embedding import EmbeddedFace
from resumeout.exporters.fontfiles import FontFile, file_version

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"

_EMBED_ELEMENTS = {
    "regular": "embedRegular",
    "bold": "embedBold",
    "italic": "embedItalic",
    "bold_italic": "embedBoldItalic",
}
# Other names under which a reader may have the same design installed: Adobe renamed
# Source Sans Pro to Source Sans 3 (Google Fonts ships it under that name).
_ALTERNATE_NAMES = {"source sans pro": "Source Sans 3"}
# ulCodePageRange1 bits (OpenType OS/2) → Windows character set, most specific first.
_CHARSETS = ((31, "02"), (17, "80"), (18, "86"), (19, "81"), (20, "88"), (0, "00"))
_PANOSE_FIELDS = (
    "bFamilyType",
    "bSerifStyle",
    "bWeight",
    "bProportion",
    "bContrast",
    "bStrokeVariation",
    "bArmStyle",
    "bLetterForm",
    "bMidline",
    "bXHeight",
)


@dataclass(frozen=True)
class FontFacts:
    """What fontTable.xml says about one font."""

    name: str
    alt_name: str | None = None
    panose: str | None = None
    """Ten PANOSE bytes as 20 hex digits."""
    charset: str = "00"
    family: str = "auto"
    """Its generic kind: roman (serif), swiss (sans), modern (monospace), script…"""
    pitch: str = "variable"
    signature: tuple[int, int, int, int, int, int] | None = None
    """OS/2 Unicode ranges (4) and code-page ranges (2): the scripts it covers."""


# Fonts the styles name without a file of ours: the code face, and the East-Asian slot.
KNOWN_FONTS = {
    "Consolas": FontFacts(
        "Consolas", panose="020B0609020204030204", family="modern", pitch="fixed"
    ),
    "Microsoft YaHei": FontFacts(
        "Microsoft YaHei",
        alt_name="微软雅黑",
        panose="020B0503020204020204",
        charset="86",
        family="swiss",
    ),
}


def facts_from_file(name: str, file: FontFile) -> FontFacts:
    """``name``'s description, read from the OS/2 and post tables of its regular file."""
    return _facts(name, file, file_version(file))


@lru_cache(maxsize=32)
def _facts(name: str, file: FontFile, version: tuple[int, int, int]) -> FontFacts:
    # Cached: decoding the post table's glyph names alone takes milliseconds, and a
    # batch or --watch writes many documents in one font; on disk too, so that an
    # export whose faces are stored there does not import fontTools at all.
    key = disk_cache.entry_key("facts", file, (name,))
    stored = disk_cache.read(key)
    if stored is not None:
        try:
            fields = json.loads(stored)
            signature = fields.pop("signature")
            return FontFacts(**fields, signature=tuple(signature) if signature else None)
        except (ValueError, TypeError, KeyError):
            pass  # an entry of another shape: read the file again
    facts = _facts_read(name, file)
    disk_cache.write(key, json.dumps(asdict(facts)).encode())
    return facts


def _facts_read(name: str, file: FontFile) -> FontFacts:
    from fontTools.ttLib import TTFont  # see embedding._prepared

    with TTFont(file.path, fontNumber=file.index, lazy=True) as font:
        fixed = "post" in font and bool(font["post"].isFixedPitch)
        pitch = "fixed" if fixed else "variable"
        if "OS/2" not in font:
            return FontFacts(name, _alternate_name(name), pitch=pitch)
        os2 = font["OS/2"]
        panose = [getattr(os2.panose, field) for field in _PANOSE_FIELDS]
        return FontFacts(
            name,
            _alternate_name(name),
            panose="".join(f"{digit:02X}" for digit in panose),
            charset=next(
                (charset for bit, charset in _CHARSETS if os2.ulCodePageRange1 >> bit & 1), "00"
            ),
            family=_generic_family(panose, fixed),
            pitch=pitch,
            signature=(
                os2.ulUnicodeRange1,
                os2.ulUnicodeRange2,
                os2.ulUnicodeRange3,
                os2.ulUnicodeRange4,
                os2.ulCodePageRange1,
                os2.ulCodePageRange2,
            ),
        )


def family_name(file: FontFile) -> str:
    """The family name a word processor knows the font by (name ID 1, its legacy
    family: the one Windows and LibreOffice match a document's font name against)."""
    return _family_name(file, file_version(file))


@lru_cache(maxsize=32)
def _family_name(file: FontFile, version: tuple[int, int, int]) -> str:
    key = disk_cache.entry_key("family", file, ())
    stored = disk_cache.read(key)
    if stored is not None:
        try:
            return stored.decode()
        except UnicodeDecodeError:
            pass
    from fontTools.ttLib import TTFont  # see embedding._prepared

    with TTFont(file.path, fontNumber=file.index, lazy=True) as font:
        name = font["name"].getDebugName(1)
    name = name or file.path.stem
    disk_cache.write(key, name.encode())
    return name


def font_table(
    fonts: Iterable[FontFacts], embedded: Mapping[str, Iterable[tuple[EmbeddedFace, str]]]
) -> etree._Element:
    """The ``w:fonts`` element; ``embedded`` maps a font name to its faces and their
    relationship ids."""
    root = etree.Element(f"{W}fonts", nsmap={"w": W_NS, "r": R_NS})
    for facts in fonts:
        font = etree.SubElement(root, f"{W}font", {f"{W}name": facts.name})
        # CT_Font's sequence: altName, panose1, charset, family, notTrueType, pitch,
        # sig, embedRegular, embedBold, embedItalic, embedBoldItalic.
        if facts.alt_name:
            _child(font, "altName", {"val": facts.alt_name})
        if facts.panose:
            _child(font, "panose1", {"val": facts.panose})
        _child(font, "charset", {"val": facts.charset})
        _child(font, "family", {"val": facts.family})
        _child(font, "pitch", {"val": facts.pitch})
        if facts.signature:
            keys = ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")
            _child(font, "sig", {k: f"{v:08X}" for k, v in zip(keys, facts.signature, strict=True)})
        faces = sorted(embedded.get(facts.name, ()), key=lambda pair: _order(pair[0]))
        for face, relationship in faces:
            element = _child(font, _EMBED_ELEMENTS[face.slot], {"fontKey": face.key})
            element.set(f"{{{R_NS}}}id", relationship)
            if face.subsetted:
                element.set(f"{W}subsetted", "1")
    return root


def _order(face: EmbeddedFace) -> int:
    return list(_EMBED_ELEMENTS).index(face.slot)


def _child(parent: etree._Element, tag: str, values: Mapping[str, str]) -> etree._Element:
    return etree.SubElement(parent, f"{W}{tag}", {f"{W}{k}": v for k, v in values.items()})


def _alternate_name(name: str) -> str | None:
    return _ALTERNATE_NAMES.get(name.lower())


def _generic_family(panose: list[int], fixed: bool) -> str:
    """Word's generic family from PANOSE: Latin text faces are sans (swiss) for the
    sans-serif styles 11–15, serif (roman) otherwise; 3 is script, 4 decorative."""
    family_type, serif_style, proportion = panose[0], panose[1], panose[3]
    if fixed or (family_type == 2 and proportion == 9):
        return "modern"
    if family_type == 2:
        return "swiss" if serif_style in range(11, 16) else "roman"
    return {3: "script", 4: "decorative", 5: "decorative"}.get(family_type, "auto")
