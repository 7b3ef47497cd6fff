"""The named styles of the Word document, set from ``design``: restyling a style in
Word or LibreOffice restyles every paragraph that uses it."""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design

CONTACT = "Contact"
ENTRY_HEADING = "Entry Heading"
ENTRY_DETAILS = "Entry Details"
BULLET = "List Bullet"
SECTION = "Heading 1"
NAME = "Title"
HEADLINE = "Subtitle"
HYPERLINK = "Hyperlink"
NOTE = "Note"
# Word has no font for CJK unless the East-Asian slot names one; these are the common
# ones on Windows, macOS and Linux, in that order of preference.
EAST_ASIAN_FONT = "Microsoft YaHei"


def define_styles(document: Document, design: Design, text_width: float) -> None:
    styles = document.styles
    rhythm = Rhythm.of(design)
    size = rhythm.size
    accent = RGBColor.from_string(design.accent_color.lstrip("#").upper())

    normal = styles["Normal"]
    _font(normal, design.font, size)
    _spacing(normal, rhythm.leading)
    _lang(normal)

    name = styles[NAME]
    _font(name, design.font, rhythm.name[0], bold=True, color=accent)
    _spacing(name, rhythm.name[1])
    name.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _remove_border(name)

    headline = styles[HEADLINE]
    _font(headline, design.font, rhythm.headline[0], italic=False, color=RGBColor(0x33, 0x33, 0x33))
    _spacing(headline, rhythm.headline[1])
    headline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    contact = _paragraph_style(document, CONTACT)
    contact.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(contact, rhythm.leading, before=rhythm.contact_before)

    section = styles[SECTION]
    _font(section, design.font, rhythm.section[0], bold=True, color=accent)
    _spacing(section, rhythm.section[1], before=rhythm.section_before, after=rhythm.section_after)
    section.paragraph_format.keep_with_next = True
    _bottom_border(section, design.accent_color)

    heading = _paragraph_style(document, ENTRY_HEADING)
    heading.paragraph_format.tab_stops.add_tab_stop(Pt(text_width), WD_TAB_ALIGNMENT.RIGHT)
    heading.paragraph_format.keep_with_next = True
    _spacing(heading, rhythm.leading)

    details = _paragraph_style(document, ENTRY_DETAILS)
    details.paragraph_format.keep_together = True

    bullet = styles[BULLET]
    _font(bullet, design.font, size)
    _spacing(bullet, rhythm.leading)

    note = _paragraph_style(document, NOTE)
    _font(note, design.font, rhythm.note[0], italic=True, color=RGBColor(0x55, 0x55, 0x55))
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _spacing(note, rhythm.note[1], before=rhythm.closing_before)

    link = (
        styles[HYPERLINK]
        if HYPERLINK in [s.name for s in styles]
        else styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
    )
    link.font.color.rgb = accent
    link.font.underline = False


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    style = cast(ParagraphStyle, document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    return style


def _font(
    style: CharacterStyle,
    family: str,
    size: float,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    color: RGBColor | None = None,
) -> None:
    font = style.font
    font.name = family
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    if color is not None:
        font.color.rgb = color
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    fonts.set(qn("w:cs"), family)


def _spacing(
    style: ParagraphStyle, leading: float, *, before: float = 0.0, after: float = 0.0
) -> None:
    """Exact leading, as in the PDF: Word's "single" spacing follows each font's own
    metrics, which would set the same text on more lines."""
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = Pt(leading)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _lang(style: BaseStyle) -> None:
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _bottom_border(style: ParagraphStyle, color: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("val", "single"),
        ("sz", "6"),
        ("space", "1"),
        ("color", color.lstrip("#").upper()),
    ):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    _remove_border(style)
    # pBdr must come before spacing and other later elements in CT_PPr's sequence.
    keep = ppr.find(qn("w:keepNext"))
    anchor = ppr.find(qn("w:spacing"))
    if anchor is not None:
        anchor.addprevious(borders)
    elif keep is not None:
        keep.addnext(borders)
    else:
        ppr.append(borders)


def _remove_border(style: BaseStyle) -> None:
    ppr = style.element.pPr
    if ppr is not None:
        for old in ppr.findall(qn("w:pBdr")):
            ppr.remove(old)
