"""The résumé's language and writing direction in the Word document.

Word sets each run in one of three font slots: Latin (``w:ascii``/``w:hAnsi``), East
Asian (``w:eastAsia``) and complex script (``w:cs``: Arabic, Hebrew, the Indic scripts,
Thai…). Each slot has its own language (``w:lang``'s ``w:val``, ``w:eastAsia``,
``w:bidi``) and the complex-script one its own size and bold (``w:szCs``, ``w:bCs``):
without them Arabic is set at Word's default size and never bold. Its italic (``w:iCs``)
is never set: the PDF draws italic Arabic, Hebrew, Indic and Thai text upright, as
those scripts have no italic (``upright.py``).
A right-to-left paragraph is marked ``w:bidi`` (Word then reads its alignment and tab
stops from the right) and each run of right-to-left text ``w:rtl``.
"""

from __future__ import annotations

import re
import unicodedata

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from lxml import etree

from resumeout.exporters.docx.slot_languages import (
    COMPLEX_SCRIPT_TEXT,
    complex_script_language,
    east_asian_language,
)
from resumeout.locales import Language

# The languages of the other slots when the résumé's language is not set in them: text
# in those scripts is still spell-checked in a sensible language.
DEFAULT_EAST_ASIAN = "zh-CN"
DEFAULT_COMPLEX_SCRIPT = "ar-SA"
# Scripts (ISO 15924) Word sets in the complex-script slot.
_COMPLEX_SCRIPTS = frozenset(
    {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml"}
    | {"Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt", "Mymr", "Khmr", "Ethi"}
)
# Where CT_PPr and CT_RPr (ECMA-376 Part 1, 17.3.1.26 and 17.3.2.28) put the
# elements written here, with the elements that may follow them.
_PPR_ORDER = (
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_RPR_ORDER = (
    "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position",
    "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
    "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
_RIGHT_TO_LEFT = ("R", "AL")
"""Unicode bidi classes of right-to-left letters (Hebrew; Arabic, Syriac, Thaana…)."""
_FROM_HEBREW_ON = re.compile(r"[^\x00-\u058f]")
"""No character before the Hebrew block is right-to-left (Latin, Greek, Cyrillic and
Armenian come before it): only the others are looked up, one by one. Written as the
complement of what comes before: the range up to U+10FFFF, the same characters, took
3 ms to compile, on every import."""


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (its run is then ``w:rtl``)."""
    return any(
        unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in _FROM_HEBREW_ON.findall(text)
    )


def in_complex_script(text: str) -> bool:
    """Whether ``text`` holds a character Word sets in the complex-script slot: its
    size and bold then come from ``w:szCs`` and ``w:bCs`` (a Hindi name set at the
    Latin slot's size would be set at Word's default)."""
    return COMPLEX_SCRIPT_TEXT.search(text) is not None


def uses_complex_script(language: Language) -> bool:
    return language.direction == "rtl" or language.script in _COMPLEX_SCRIPTS


def declare_language(document: Document, language: Language, text: str) -> None:
    """The language of every slot, in the document defaults every run inherits: the
    résumé's where it is written in that slot, else the language of the script
    ``text`` uses in it (see ``slot_languages``), else the slot's default."""
    defaults = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
    )
    assert defaults is not None, "the styles define document defaults"
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _insert(defaults, lang, _RPR_ORDER)
    tag = language.regional_tag
    lang.set(qn("w:val"), tag)
    east_asian = tag if language.east_asian else east_asian_language(text)
    complex_script = tag if uses_complex_script(language) else complex_script_language(text)
    lang.set(qn("w:eastAsia"), east_asian or DEFAULT_EAST_ASIAN)
    lang.set(qn("w:bidi"), complex_script or DEFAULT_COMPLEX_SCRIPT)


def mirror_complex_script_formatting(document: Document) -> None:
    """Give the complex-script slot the size and bold every style gives the Latin one."""
    for rpr in document.styles.element.iter(qn("w:rPr")):
        for latin, complex_script in (("w:sz", "w:szCs"), ("w:b", "w:bCs")):
            source = rpr.find(qn(latin))
            if source is None or rpr.find(qn(complex_script)) is not None:
                continue
            copy = OxmlElement(complex_script)
            value = source.get(qn("w:val"))
            if value is not None:
                copy.set(qn("w:val"), value)
            _insert(rpr, copy, _RPR_ORDER)


def right_to_left_paragraph(paragraph: Paragraph) -> None:
    _insert(paragraph._p.get_or_add_pPr(), OxmlElement("w:bidi"), _PPR_ORDER)


def complex_script_run(rpr: BaseOxmlElement, *, bold: bool, rtl: bool) -> None:
    """Mark a run's direct bold for the complex-script slot too, and a run of
    right-to-left text as such."""
    for wanted, tag in ((bold, "w:bCs"), (rtl, "w:rtl")):
        if wanted and rpr.find(qn(tag)) is None:
            _insert(rpr, OxmlElement(tag), _RPR_ORDER)


def insert_run_property(rpr: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` into the run properties ``rpr`` where CT_RPr's sequence puts it."""
    _insert(rpr, child, _RPR_ORDER)


def _insert(parent: etree._Element, child: etree._Element, order: tuple[str, ...]) -> None:
    """Insert ``child`` where the schema's sequence ``order`` puts it: before the first
    element that comes after it there. Any lxml element will do (a copied run's
    properties are no longer python-docx's element class)."""
    position = order.index("w:" + child.tag.split("}")[-1])
    later = {qn(tag) for tag in order[position + 1 :]}
    following = next((element for element in parent if element.tag in later), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)


def mirror_bullets(document: Document) -> None:
    """Point the list's bullet glyph into right-to-left text (modern's › becomes ‹), as
    the PDF does."""
    from resumeout.views.direction import mirror_image

    numbering = document.part.numbering_part.element
    for text in numbering.iter(qn("w:lvlText")):
        value = text.get(qn("w:val"))
        if value:
            text.set(qn("w:val"), mirror_image(value))
