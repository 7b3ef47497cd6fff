"""The design's font in the Word document: the family name the styles use, and its
faces embedded in the package (word/fonts/, referenced from fontTable.xml)."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from resumeout.exporters.docx.embedding import (
    SLOTS,
    EmbeddedFace,
    EmbeddingRefusedError,
    Slot,
    embed_face,
)
from resumeout.exporters.docx.font_table import (
    KNOWN_FONTS,
    FontFacts,
    facts_from_file,
    family_name,
    font_table,
)
from resumeout.exporters.docx.usage import characters_by_face
from resumeout.exporters.fontfiles import FontFile, FontNotFoundError, find_family

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_TABLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _broken_font() -> tuple[type[Exception], ...]:
    """What fontTools raises for a file that is not a usable font (truncated, not a font,
    a table that contradicts another). A function, called in ``except`` clauses, which
    Python evaluates only when an exception is raised: fontTools is imported only when a
    font is read, and an export whose fonts are in the disk cache reads none."""
    from fontTools.ttLib import TTLibError

    return (TTLibError, OSError, struct.error, AssertionError, KeyError, ValueError, IndexError)


@dataclass(frozen=True)
class DocumentFont:
    name: str
    """The family name written in the styles and in fontTable.xml."""
    files: Mapping[str, FontFile]
    """Its files by style (regular, bold…); empty when there are none to embed."""
    why_not_embedded: str = ""
    """Why ``files`` is empty, for the warning."""
    slot: str = "ascii"
    """The ``w:rFonts`` attribute that names it: ``ascii`` for the design's fonts,
    ``cs`` or ``eastAsia`` for the fonts of the other scripts (see ``script_fonts``)."""


def find_document_font(font: str, base_dir: Path) -> DocumentFont:
    """A font of the design: for a path, the family its file names; for a family name,
    that name with its files when they can be found. The DOCX can name a font it cannot
    embed (the reader may have it), so neither case stops the export."""
    try:
        files, _ = find_family(font, base_dir)
    except FontNotFoundError:
        return DocumentFont(font, {}, "was not found (as a path, in fonts/, or installed)")
    regular = files["regular"]
    try:
        return DocumentFont(family_name(regular), files)
    except _broken_font() as error:
        return DocumentFont(regular.path.stem, {}, f"cannot be read from {regular.path}: {error}")


def embed_fonts(
    document: Document, fonts: Sequence[DocumentFont], embed: bool, warnings: list[str]
) -> bool:
    """Write fontTable.xml for the fonts the document names, with the faces of ``fonts``
    (the body's first, then the headings') embedded when ``embed``; True when at least
    one face was embedded."""
    faces_by_font: dict[str, list[EmbeddedFace]] = {}
    for font in fonts:
        if embed and not font.files:
            warnings.append(
                f"font {font.name!r} {font.why_not_embedded}, so the DOCX does not embed it; "
                "readers without it see a substitute"
            )
        elif embed:
            faces_by_font[font.name] = _embedded_faces(document, font, warnings)
    table = XmlPart(
        PackURI("/word/fontTable.xml"),
        FONT_TABLE,
        parse_xml(f'<w:fonts xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"/>'),
        document.part.package,
    )
    document.part.relate_to(table, RT.FONT_TABLE)
    references: dict[str, list[tuple[EmbeddedFace, str]]] = {}
    number = 0
    for name, faces in faces_by_font.items():
        for face in faces:
            number += 1
            part = Part(
                PackURI(f"/word/fonts/font{number}.odttf"),
                OBFUSCATED_FONT,
                face.data,
                document.part.package,
            )
            references.setdefault(name, []).append((face, table.relate_to(part, RT.FONT)))
    body = fonts[0]
    by_name = {font.name: font for font in fonts}
    described = [
        _describe(name, by_name.get(name, body)) for name in _names_used(document, body.name)
    ]
    table.element.extend(list(font_table(described, references)))
    return number > 0


def _embedded_faces(
    document: Document, font: DocumentFont, warnings: list[str]
) -> list[EmbeddedFace]:
    numbering = _numbering_element(document)
    used = characters_by_face(
        document.element.body, document.styles.element, numbering, font.name, font.slot
    )
    # A word processor synthesises a face the family lacks from the one it would fall
    # back on (bold from regular: WenQuanYi Zen Hei has no bold), so that face must
    # hold the lacking face's characters too.
    wanted: dict[Slot, set[str]] = {}
    for slot, characters in used.items():
        present = next(face for face in _SYNTHESISED_FROM[slot] if face in font.files)
        wanted.setdefault(present, set()).update(characters)
        wanted[present] |= _whole_alphabets(characters)
        if font.slot == "ascii":
            wanted[present] |= WESTERN_TEXT
    faces = []
    for slot in SLOTS:
        file = font.files.get(slot)
        if slot not in wanted or file is None:
            continue
        try:
            faces.append(embed_face(file, font.name, slot, frozenset(wanted[slot])))
        except EmbeddingRefusedError as refusal:
            warnings.append(
                f"{file.path}: not embedded in the DOCX: {refusal}; readers without "
                f"{font.name!r} see a substitute"
            )
        except _broken_font() as error:
            warnings.append(f"{file.path}: not embedded in the DOCX: cannot be read: {error}")
    return faces


WESTERN_TEXT = frozenset(
    chr(code) for code in (*range(0x20, 0x7F), *range(0xA0, 0x180))
) | frozenset("‐‑–—‘’‚“”„†•…‹›€™−")
"""What each embedded face of the document's own font holds besides the document's
characters: printable ASCII, Latin-1, Latin Extended-A and the usual typographic marks
(about 19 KB a face, compressed). LibreOffice keeps the first embedded cut of a family
it loads for the rest of its session: a second résumé opened after the first drew each
character the first one's cut lacked in a substitute (Zoë's Z and ë in Noto Sans). And
a reader without the font can edit the document in it."""

_ALPHABETS = (
    range(0x0370, 0x0400),  # Greek
    range(0x0400, 0x0460),  # Cyrillic
    range(0x05B0, 0x05F5),  # Hebrew, with its points
    range(0x060C, 0x0700),  # Arabic, with the letters of Persian and Urdu
    range(0x0E01, 0x0E5C),  # Thai
)
"""The alphabets a face keeps whole when the document writes in them, for the same
reasons as :data:`WESTERN_TEXT` (20 KB a face for Arabic, 8 for Hebrew, 17 for Thai).
Not the Indic scripts, whose conjuncts make a whole alphabet 80 KB a face, nor Chinese,
Japanese or Korean."""


def _whole_alphabets(characters: Iterable[str]) -> set[str]:
    codes = {ord(char) for char in characters}
    return {
        chr(code) for alphabet in _ALPHABETS if not codes.isdisjoint(alphabet) for code in alphabet
    }


_SYNTHESISED_FROM: dict[Slot, tuple[Slot, ...]] = {
    "regular": ("regular",),
    "bold": ("bold", "regular"),
    "italic": ("italic", "regular"),
    "bold_italic": ("bold_italic", "bold", "italic", "regular"),
}
"""The faces a face missing from a family is made from, in the order tried."""


def _numbering_element(document: Document) -> etree._Element | None:
    for relationship in document.part.rels.values():
        if relationship.reltype == RT.NUMBERING:
            return relationship.target_part.element
    return None


def _names_used(document: Document, family: str) -> list[str]:
    """Every font the styles, the body and the numbering name, the design's first."""
    names = {family}
    roots = [document.styles.element, document.element.body]
    numbering = _numbering_element(document)
    if numbering is not None:
        roots.append(numbering)
    slots = [qn(f"w:{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")]
    for root in roots:
        for fonts in root.iter(qn("w:rFonts")):
            names.update(value for slot in slots if (value := fonts.get(slot)))
    return [family, *sorted(names - {family})]


def _describe(name: str, font: DocumentFont) -> FontFacts:
    if name == font.name and font.files:
        try:
            return facts_from_file(name, font.files["regular"])
        except _broken_font():
            pass  # described by name only; its faces were warned about
    return KNOWN_FONTS.get(name, FontFacts(name))
