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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from resumeout.exporters.docx.direction import insert_run_property
from resumeout.exporters.docx.slot_languages import EAST_ASIAN_TEXT
from resumeout.exporters.docx.usage import StyleSheet

_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def keep_east_asian_upright(document: Document) -> None:
    """Split each italic run holding East Asian text so that text stands upright."""
    sheet = StyleSheet(document.styles.element)
    for paragraph in document.element.body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        paragraph_style = style.get(qn("w:val")) if style is not None else None
        for run in list(paragraph.iter(qn("w:r"))):
            text = "".join(element.text or "" for element in run.iter(qn("w:t")))
            if (
                EAST_ASIAN_TEXT.search(text)
                and sheet.of_run(run.find(qn("w:rPr")), paragraph_style).italic
            ):
                _split(run)


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
        elif upright:
            added.append(OxmlElement("w:rPr"))
        added.extend(elements)
        if upright:
            _set_upright(added[0])
        anchor.addnext(added)
        anchor = added
    parent = run.getparent()
    assert parent is not None
    parent.remove(run)


def _set_upright(rpr: etree._Element) -> None:
    italic = rpr.find(qn("w:i"))
    if italic is None:
        italic = OxmlElement("w:i")
        insert_run_property(rpr, italic)
    italic.set(qn("w:val"), "0")
