"""Word paragraphs and runs (``w:p``, ``w:r``) written as elements directly, the same XML
python-docx writes.

python-docx's ``Paragraph.add_run`` and ``Run.bold``/``italic`` find each element's
place by walking the schema's sequence and resolve every tag by name; over a résumé's
few hundred runs that was half the DOCX render. What it writes, and so what is written
here, byte for byte:

- ``<w:r><w:rPr>…</w:rPr><w:t>…</w:t></w:r>``: a run of text always has a ``w:rPr``,
  empty when nothing is set (setting ``bold = None`` creates it);
- in ``w:rPr``, the schema's order: ``w:rStyle``, ``w:rFonts`` (ascii, then hAnsi),
  ``w:b``, ``w:i``;
- a paragraph's style as ``<w:pPr><w:pStyle w:val="…"/></w:pPr>``, its first child;
- the text split at each tab (``w:tab``) and carriage return or line feed (``w:br``),
  each ``w:t`` with leading or trailing white space marked ``xml:space="preserve"``.

Elements are made with ``SubElement`` in the document's own tree, so they are
python-docx's element classes and take the document's namespace prefixes.
"""

from __future__ import annotations

from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RUN, _PROPERTIES, _TEXT = f"{W}r", f"{W}rPr", f"{W}t"
_STYLE, _FONTS, _BOLD, _ITALIC = f"{W}rStyle", f"{W}rFonts", f"{W}b", f"{W}i"
_TAB, _BREAK, _VALUE = f"{W}tab", f"{W}br", f"{W}val"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SEPARATORS = frozenset("\t\r\n")


def styled_paragraph(before: etree._Element, style_id: str) -> CT_P:
    """An empty paragraph in style ``style_id``, inserted before ``before``."""
    parent = before.getparent()
    assert parent is not None
    paragraph = etree.SubElement(parent, f"{W}p")
    before.addprevious(paragraph)  # made at the end of the body, moved into place
    properties = etree.SubElement(paragraph, f"{W}pPr")
    etree.SubElement(properties, f"{W}pStyle", {_VALUE: style_id})
    assert isinstance(paragraph, CT_P)
    return paragraph


def text_run(
    parent: etree._Element,
    text: str,
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    font: str | None = None,
) -> CT_R:
    """A run of ``text`` appended to ``parent`` (a paragraph or a hyperlink)."""
    run = etree.SubElement(parent, _RUN)
    properties = etree.SubElement(run, _PROPERTIES)
    if style_id is not None:
        etree.SubElement(properties, _STYLE, {_VALUE: style_id})
    if font is not None:
        etree.SubElement(properties, _FONTS, {f"{W}ascii": font, f"{W}hAnsi": font})
    if bold:
        etree.SubElement(properties, _BOLD)
    if italic:
        etree.SubElement(properties, _ITALIC)
    _append_text(run, text)
    assert isinstance(run, CT_R)
    return run


def break_run(parent: etree._Element, style_id: str | None = None) -> CT_R:
    """A line break (``w:br``) in a run of its own, styled when ``style_id`` is given."""
    run = etree.SubElement(parent, _RUN)
    if style_id is not None:
        properties = etree.SubElement(run, _PROPERTIES)
        etree.SubElement(properties, _STYLE, {_VALUE: style_id})
    etree.SubElement(run, _BREAK)
    assert isinstance(run, CT_R)
    return run


def tab_run(parent: etree._Element, style_id: str | None = None, raised: int | None = None) -> None:
    """A tab in a run of its own, styled when ``style_id`` is given (the colour of the
    leader its tab stop draws), ``raised`` half-points above the baseline when given
    (set on the run itself: LibreOffice reads a raise given by a character style as
    superscript, at 58 % of the size)."""
    run = etree.SubElement(parent, _RUN)
    if style_id is not None or raised is not None:
        properties = etree.SubElement(run, _PROPERTIES)
        if style_id is not None:
            etree.SubElement(properties, _STYLE, {_VALUE: style_id})
        if raised is not None:
            etree.SubElement(properties, f"{W}position", {_VALUE: str(raised)})
    etree.SubElement(run, _TAB)


def hyperlink(parent: etree._Element, relationship_id: str) -> etree._Element:
    return etree.SubElement(parent, f"{W}hyperlink", {f"{R}id": relationship_id})


def _append_text(run: etree._Element, text: str) -> None:
    if not _SEPARATORS.intersection(text):
        _text(run, text)
        return
    pending: list[str] = []
    for char in text:
        if char in _SEPARATORS:
            _text(run, "".join(pending))
            pending.clear()
            etree.SubElement(run, _TAB if char == "\t" else _BREAK)
        else:
            pending.append(char)
    _text(run, "".join(pending))


def _text(run: etree._Element, text: str) -> None:
    if not text:
        return
    element = etree.SubElement(run, _TEXT)
    element.text = text
    if len(text.strip()) < len(text):
        element.set(_SPACE, "preserve")
