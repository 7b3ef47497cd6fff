"""The complex-script and East Asian slots of the styles, set to the fonts the PDF
draws those scripts with (``script_fonts``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from resumeout.exporters.docx.fonts import DocumentFont
from resumeout.exporters.docx.script_fonts import slot_fonts
from resumeout.exporters.docx.styles import EAST_ASIAN_FONT
from resumeout.model import Design


def name_script_fonts(
    document: Document,
    text: str,
    fonts: list[DocumentFont],
    design: Design,
    base_dir: Path,
) -> list[DocumentFont]:
    """Name, in every ``w:rFonts`` of the styles and the numbering, the fonts that draw
    ``text``'s complex-script and East Asian characters in the PDF; the fonts named, to
    be embedded with the design's ``fonts`` (the body's first)."""
    chosen = slot_fonts(text, fonts[0], design, base_dir)
    replaced = {EAST_ASIAN_FONT, *(font.name for font in fonts)}
    named: list[DocumentFont] = []
    roots = [document.styles.element]
    roots += [
        relationship.target_part.element
        for relationship in document.part.rels.values()
        if relationship.reltype == RT.NUMBERING
    ]
    for slot, script_font in (("cs", chosen.complex_script), ("eastAsia", chosen.east_asian)):
        if script_font is None:
            continue
        for root in roots:
            for slot_fonts_of in root.iter(qn("w:rFonts")):
                # Every slot the styles fill: the design's font (complex script) or
                # the East Asian default; a theme's code font keeps its own.
                if slot_fonts_of.get(qn(f"w:{slot}")) in replaced:
                    slot_fonts_of.set(qn(f"w:{slot}"), script_font.name)
        named.append(replace(script_font, slot=slot))
    return named
