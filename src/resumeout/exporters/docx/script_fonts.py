"""The fonts of Word's complex-script and East Asian slots: the ones the PDF draws the
résumé's Arabic, Hebrew, Indic, Thai or CJK text with.

The PDF picks a font for each character its font lacks through its fallback chain
(``exporters/pdf/scripts/chain.py``: ``design.fallback_fonts``, then the system's fonts
ranked for the script, then the ``world`` extra's). The Word document asks the same
chain, character by character, and names in each slot the font that draws most of the
slot's characters, so both documents are set in one design. A résumé with no such text
asks nothing: it neither imports the PDF toolkit nor starts fontconfig.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resumeout.exporters.docx.fonts import DocumentFont
from resumeout.exporters.docx.slot_languages import COMPLEX_SCRIPT_TEXT
from resumeout.exporters.fontfiles import FontFile, FontNotFoundError, find_family
from resumeout.model import Design

if TYPE_CHECKING:
    from resumeout.exporters.pdf.scripts.chain import FontChain

EAST_ASIAN_TEXT = re.compile(
    "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003134f]"
)
"""Hangul jamo, the CJK radicals, punctuation, kana, bopomofo and ideographs, hangul
syllables, compatibility ideographs, full-width forms and the supplementary planes'
ideographs: what Word sets in the East Asian slot."""


@dataclass(frozen=True)
class SlotFonts:
    complex_script: DocumentFont | None = None
    """The complex-script slot's font (``w:cs``); None: the document's own."""
    east_asian: DocumentFont | None = None
    """The East Asian slot's font (``w:eastAsia``); None: the styles' default."""


def slot_fonts(text: str, font: DocumentFont, design: Design, base_dir: Path) -> SlotFonts:
    """The fonts the PDF draws ``text``'s complex-script and East Asian characters
    with, when the document's font lacks them."""
    complex_script = set(COMPLEX_SCRIPT_TEXT.findall(text))
    east_asian = set(EAST_ASIAN_TEXT.findall(text))
    regular = font.files.get("regular")
    if not (complex_script or east_asian) or regular is None:
        return SlotFonts()
    from resumeout.exporters.pdf.scripts.chain import FontChain

    fallbacks = [name for name in design.fallback_fonts if _found(name, base_dir)]
    chains = {
        slot: FontChain(file, fallbacks, base_dir, bold=slot == "bold")
        for slot in ("regular", "bold")
        if (file := font.files.get(slot, regular if slot == "bold" else None)) is not None
    }
    return SlotFonts(_chosen(chains, complex_script, regular), _chosen(chains, east_asian, regular))


def _chosen(
    chains: dict[str, FontChain], characters: set[str], document_file: FontFile
) -> DocumentFont | None:
    """The font that draws most of ``characters`` in the regular chain, with the file
    the bold chain draws them with; None when the document's font draws them."""
    from resumeout.exporters.docx.font_table import family_name

    files: dict[str, FontFile] = {}
    for slot, chain in chains.items():
        votes: Counter[FontFile] = Counter()
        for char in sorted(characters):
            face = chain.face_for(char)
            if face is not None:
                votes[FontFile(face.path, face.index)] += 1
        if votes:
            files[slot] = votes.most_common(1)[0][0]
    regular = files.get("regular")
    if regular is None or regular == document_file:
        return None
    if files.get("bold") == regular:
        del files["bold"]  # no bold face (WenQuanYi Zen Hei): Word synthesises it
    return DocumentFont(family_name(regular), files)


def _found(name: str, base_dir: Path) -> bool:
    """Whether a fallback font is there; the PDF warns about the others and skips them."""
    try:
        find_family(name, base_dir)
    except FontNotFoundError:
        return False
    return True
