"""Italic text in scripts the PDF never slants stays upright in the Word document.

The PDF draws an italic run's Chinese, Japanese, Korean, Arabic, Hebrew, Indic or Thai
letters upright: those scripts have no italic, and their fonts no italic face. Word and
LibreOffice would slant them with a synthetic oblique (至今 and الآن in an italic date
leaned in the DOCX and stood in the PDF). The complex-script slot has an italic of its
own (``w:iCs``), which the Word document never sets (``direction.py``); the East Asian
slot shares the Latin one's (``w:i``), so the East Asian text of an italic run goes
into a run of its own that says ``w:i="0"``.
"""

from __future__ import annotations

import copy
import re

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

# What Word sets in the East Asian slot: Hangul Jamo, CJK radicals, symbols and
# punctuation, kana, Bopomofo, Hangul, CJK ideographs, compatibility forms, full-width
# forms, and the ideographs beyond the first plane.
EAST_ASIAN_TEXT = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]+"
)
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def keep_east_asian_upright(document: Document) -> None:
    """Split each italic run holding East Asian text so that text stands upright."""
    italic_styles = _italic_styles(document)
    for paragraph in document.element.body.iter(qn("w:p")):
        paragraph_style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        in_italic = (
            paragraph_style is not None and paragraph_style.get(qn("w:val")) in italic_styles
        )
        for run in list(paragraph.iter(qn("w:r"))):
            text = "".join(element.text or "" for element in run.iter(qn("w:t")))
            if EAST_ASIAN_TEXT.search(text) and _italic(run, italic_styles, in_italic):
                _split(run)


def _italic(run: etree._Element, italic_styles: frozenset[str], in_italic: bool) -> bool:
    properties = run.find(qn("w:rPr"))
    if properties is not None:
        direct = properties.find(qn("w:i"))
        if direct is not None:
            return _on(direct)
        style = properties.find(qn("w:rStyle"))
        if style is not None and style.get(qn("w:val")) in italic_styles:
            return True
    return in_italic


def _split(run: etree._Element) -> None:
    """``run`` as runs of East Asian text and of the rest (its tabs and breaks too), in
    order, with its properties; the East Asian ones upright."""
    properties = run.find(qn("w:rPr"))
    pieces: list[tuple[bool, etree._Element]] = []  # (upright, content)
    for child in run:
        if child.tag == qn("w:rPr"):
            continue
        if child.tag != qn("w:t"):
            pieces.append((False, copy.deepcopy(child)))  # a tab, a break
            continue
        for piece in re.split(f"({EAST_ASIAN_TEXT.pattern})", child.text or ""):
            if piece:
                element = etree.Element(qn("w:t"))
                element.text = piece
                if piece != piece.strip():  # "2019-07 – " before 至今: its space is kept
                    element.set(_SPACE, "preserve")
                pieces.append((EAST_ASIAN_TEXT.fullmatch(piece) is not None, element))
    groups: list[tuple[bool, list[etree._Element]]] = []
    for upright, element in pieces:
        if groups and groups[-1][0] == upright:
            groups[-1][1].append(element)
        else:
            groups.append((upright, [element]))
    anchor = run
    for upright, elements in groups:
        added = etree.Element(qn("w:r"))
        if properties is not None:
            added.append(copy.deepcopy(properties))
        added.extend(elements)
        if upright:
            _set_upright(added)
        anchor.addnext(added)
        anchor = added
    parent = run.getparent()
    assert parent is not None
    parent.remove(run)


def _set_upright(run: etree._Element) -> None:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        properties = etree.Element(qn("w:rPr"))
        run.insert(0, properties)
    italic = properties.find(qn("w:i"))
    if italic is None:
        italic = etree.Element(qn("w:i"))
        # CT_RPr's sequence: w:i comes after the style, fonts and bold.
        anchors = [properties.find(qn(tag)) for tag in ("w:bCs", "w:b", "w:rFonts", "w:rStyle")]
        before = next((anchor for anchor in anchors if anchor is not None), None)
        if before is None:
            properties.insert(0, italic)
        else:
            before.addnext(italic)
    italic.set(qn("w:val"), "0")


def _italic_styles(document: Document) -> frozenset[str]:
    """The ids of the styles whose text is italic, through the styles they are based on."""
    styles = {
        style.get(qn("w:styleId")): style for style in document.styles.element.iter(qn("w:style"))
    }

    def italic(style_id: str | None, depth: int = 0) -> bool:
        style = styles.get(style_id)
        if style is None or depth > 10:
            return False
        flag = style.find(f"{qn('w:rPr')}/{qn('w:i')}")
        if flag is not None:
            return _on(flag)
        based_on = style.find(qn("w:basedOn"))
        return based_on is not None and italic(based_on.get(qn("w:val")), depth + 1)

    return frozenset(style_id for style_id in styles if style_id and italic(style_id))


def _on(flag: etree._Element) -> bool:
    return flag.get(qn("w:val"), "true") not in ("0", "false", "off")
