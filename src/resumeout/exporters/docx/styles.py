"""The named styles of the Word document, set from ``design``: restyling a style in
Word or LibreOffice restyles every paragraph that uses it.

Every style is defined here from nothing (the template's are removed first), so none
carries a theme font, a border or a spacing of the template's: what the document looks
like is what this module says.
"""

from __future__ import annotations

from typing import assert_never, cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
from resumeout.model.layout import (
    NameColor,
    NoteAlignment,
    TextColor,
    TextStyle,
    TitleCase,
    Weight,
)

CONTACT = "Contact"
ENTRY_HEADING = "Entry Heading"
ENTRY_DETAILS = "Entry Details"
BULLET = "List Bullet"
SECTION = "Heading 1"
NAME = "Name"
HEADLINE = "Headline"
"""The name and headline have styles of their own, not Word's Title and Subtitle: pandoc
reads a Title or Subtitle paragraph as the document's metadata, which its plain text
leaves out, so a reader built on it would not find the name."""
HYPERLINK = "Hyperlink"
NOTE = "Note"
ENTRY_ASIDE = "Entry Dates"
"""The dates and place of an entry on their own line (``entries.dates: own_line``)."""
ASIDE_RUN = "Dates"
"""The dates and place on the heading's line, when the theme styles them."""
LEADER = "Leader"
"""The tab between a heading and its dates: its leader's colour."""
TITLE_RULE = "Title Rule"
"""The tab after a section title whose leader draws the rule beside it."""
# Word has no font for CJK unless the East-Asian slot names one; these are the common
# ones on Windows, macOS and Linux, in that order of preference.
EAST_ASIAN_FONT = "Microsoft YaHei"
# The language of the text (spelling, hyphenation), also the package's language.
LANGUAGE = "en-US"
_LANGUAGES = {"val": LANGUAGE, "eastAsia": "zh-CN", "bidi": "ar-SA"}
_BESIDE = 0.32
"""A rule beside a title crosses the middle of its lower-case letters: this share of
its line height above the line's bottom, as the PDF draws it."""
_UNDERSCORE = -0.1
"""Where an underscore's stroke is, in ems from the baseline (Source Sans Pro's: from
-0.126 to -0.071; Source Serif Pro's alike)."""
_BULLET_LIST = 1
"""The numbering instance List Bullet paragraphs belong to."""

# The defaults every word processor expects: the default paragraph, character, table and
# numbering styles.
_DEFAULT_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
  <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>
  <w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal">
  <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
  <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
  <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>
  <w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList">
  <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
"""


def define_styles(
    document: Document,
    design: Design,
    family: str,
    heading_family: str,
    text_width: float,
    date_column: float | None = None,
) -> None:
    """Every named style from the layout description ``design`` (see model/layout.py);
    ``date_column``: the width the PDF gives the date column, when it widens it to hold
    the dates."""
    _start_from_defaults(document, family)
    styles = document.styles
    rhythm = Rhythm.of(design)
    size = rhythm.size
    colors = design.colors
    accent = _rgb(design.accent_color)
    column = date_column or _date_column(design, size)

    normal = styles["Normal"]
    _font(normal, family, size, color=_text_color(colors.text))
    _spacing(normal, rhythm.leading)

    header_alignment, contact_alignment = map(_note_alignment, design.header.alignments())
    name = _paragraph_style(document, NAME)
    name_color = _choose_color(design.header.name_color, design)
    name_bold = _bold(design.header.name_weight)
    _font(name, heading_family, rhythm.name[0], bold=name_bold, color=name_color)
    _spacing(name, rhythm.name[1])
    name.paragraph_format.alignment = header_alignment

    headline = _paragraph_style(document, HEADLINE)
    _font(headline, family, rhythm.headline[0], italic=False, color=_rgb(colors.headline))
    _spacing(headline, rhythm.headline[1])
    headline.paragraph_format.alignment = header_alignment

    contact = _paragraph_style(document, CONTACT)
    contact.paragraph_format.alignment = contact_alignment
    _spacing(contact, rhythm.leading, before=rhythm.contact_before)

    titles = design.section_titles
    section = _paragraph_style(document, SECTION, builtin=True)
    title_color = _choose_color(titles.color, design)
    _font(section, heading_family, rhythm.section[0], bold=_bold(titles.weight), color=title_color)
    _spacing(section, rhythm.section[1], before=rhythm.section_before, after=rhythm.section_after)
    section.paragraph_format.keep_with_next = True
    if design.entries.dates == "left_column":
        # Over the column's edge, where the entries' text starts, as in the PDF.
        section.paragraph_format.left_indent = Pt(column)
    section.element.get_or_add_pPr().get_or_add_outlineLvl().val = 0  # a heading, level 1
    _title_case(section, titles.case)
    rule_color, rule_gap = str(title_color), size * titles.rule_gap
    match titles.rule:
        case "beside":
            _rule_beside(document, section, text_width, rhythm.section, title_color)
        case "below":
            _border(section, "bottom", rule_color, titles.rule_weight, rule_gap)
        case "above":
            _border(section, "top", rule_color, titles.rule_weight, rule_gap)
        case "none":
            pass
        case _:
            assert_never(titles.rule)

    entries = design.entries
    heading = _paragraph_style(document, ENTRY_HEADING)
    heading.paragraph_format.keep_with_next = True
    _spacing(heading, rhythm.leading)
    match entries.dates:
        case "right":
            # The aside (dates, venue) follows the heading after a tab, right-aligned on
            # the text's right edge by a tab stop: no padding, so no reliance on any
            # font's widths. The tab's leader is the PDF's light rule between them: a
            # dashed one at the same height, in ``design.colors.leader`` (the colour of
            # the tab's character style).
            heading.paragraph_format.tab_stops.add_tab_stop(
                Pt(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DASHES
            )
            _character_style(document, LEADER).font.color.rgb = _rgb(design.colors.leader)
        case "own_line":
            _aside_style(document, design, family, rhythm)
        case "left_column":
            # A tab, the aside, a tab, then the heading: the aside flush right at a tab
            # stop in the column, as in the PDF, and a hanging indent that puts the
            # heading and every later line at the column's edge, without a table.
            gap = size * entries.date_gap
            stops = heading.paragraph_format.tab_stops
            stops.add_tab_stop(Pt(column - gap), WD_TAB_ALIGNMENT.RIGHT)
            stops.add_tab_stop(Pt(column), WD_TAB_ALIGNMENT.LEFT)
            heading.paragraph_format.left_indent = Pt(column)
            heading.paragraph_format.first_line_indent = Pt(-column)
            # Dates too wide for the column: a paragraph of their own above the heading.
            _aside_style(document, design, family, rhythm)
        case _:
            assert_never(entries.dates)
    if entries.dates != "own_line" and (
        entries.aside_style != "plain" or entries.aside_color != "text"
    ):
        aside_run = _character_style(document, ASIDE_RUN)
        _text_look(aside_run, family, size, entries.aside_style, entries.aside_color, design)

    details = _paragraph_style(document, ENTRY_DETAILS)
    details.paragraph_format.keep_together = True
    if column:
        details.paragraph_format.left_indent = Pt(column)
    if entries.lines_style != "plain" or entries.lines_color != "text":
        _text_look(details, family, size, entries.lines_style, entries.lines_color, design)

    bullet = _paragraph_style(document, BULLET, builtin=True)
    _spacing(bullet, rhythm.leading)
    bullet.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = _BULLET_LIST
    _bullet_numbering(document, family, size, design, column)

    note = _paragraph_style(document, NOTE)
    _font(note, family, rhythm.note[0], color=_rgb(colors.muted))
    _text_look(note, family, size, design.note.style, "muted", design)
    note.paragraph_format.alignment = _note_alignment(design.note.alignment)
    _spacing(note, rhythm.note[1], before=rhythm.closing_before)

    link = _character_style(document, HYPERLINK, builtin=True)
    link.priority = 99
    link.unhide_when_used = True
    link.font.color.rgb = accent
    link.font.underline = False


def _aside_style(document: Document, design: Design, family: str, rhythm: Rhythm) -> None:
    """Dates (and place) in a paragraph of their own, kept with their heading."""
    entries = design.entries
    aside = _paragraph_style(document, ENTRY_ASIDE)
    aside.paragraph_format.keep_with_next = True
    _spacing(aside, rhythm.leading)
    _text_look(aside, family, rhythm.size, entries.aside_style, entries.aside_color, design)


def _rule_beside(
    document: Document,
    section: ParagraphStyle,
    text_width: float,
    title: tuple[float, float],
    color: RGBColor | None,
) -> None:
    """The rule beside a section title, as the PDF draws it from the title's end to the
    margin: a tab after the title to a stop at the margin, whose leader is a line (an
    underscore's stroke, in the title's size and colour, raised by the tab's run to the
    middle of the title's lower-case letters, :func:`rule_beside_raise`: 0.77 points
    thick in Source Sans Pro at 14, the PDF's rule 0.7; its thickness is the font's,
    not ``rule_weight``). A paragraph border would run under the title instead."""
    section.paragraph_format.tab_stops.add_tab_stop(
        Pt(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES
    )
    size, _ = title
    rule = _character_style(document, TITLE_RULE)
    rule.font.bold = False
    rule.font.size = Pt(size)
    rule.font.color.rgb = color


def _character_style(document: Document, name: str, *, builtin: bool = False) -> CharacterStyle:
    """A new character style ``name``, based on the default paragraph font."""
    style = cast(
        CharacterStyle, document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
    )
    style.base_style = document.styles["Default Paragraph Font"]
    return style


def rule_beside_raise(title: tuple[float, float]) -> int:
    """Half-points to raise the tab whose leader is the rule beside a section title
    (:func:`_rule_beside`; ``title``: its size and leading), so that the underscore's
    stroke crosses the middle of the title's lower-case letters, as the PDF's rule."""
    size, leading = title
    centre = _BESIDE * leading - (leading - size)  # above the baseline
    return round(2 * (centre - _UNDERSCORE * size))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _text_color(color: str) -> RGBColor | None:
    """Black text is left automatic, as a word processor writes it."""
    return None if color.lstrip("#").upper() == "000000" else _rgb(color)


def _choose_color(choice: NameColor, design: Design) -> RGBColor:
    return _rgb(design.color_of(choice))


def _bold(weight: Weight) -> bool | None:
    match weight:
        case "bold":
            return True
        case "regular":
            return None
        case _:
            assert_never(weight)


def _note_alignment(alignment: NoteAlignment) -> WD_ALIGN_PARAGRAPH:
    """A paragraph's alignment as Word names it."""
    match alignment:
        case "left":
            return WD_ALIGN_PARAGRAPH.LEFT
        case "centered":
            return WD_ALIGN_PARAGRAPH.CENTER
        case "right":
            return WD_ALIGN_PARAGRAPH.RIGHT
        case _:
            assert_never(alignment)


def _date_column(design: Design, size: float) -> float:
    """The width of the left date column in points; 0 when dates are not in a column."""
    match design.entries.dates:
        case "left_column":
            return size * design.entries.date_column
        case "right" | "own_line":
            return 0.0
        case _:
            assert_never(design.entries.dates)


def _title_case(style: ParagraphStyle, case: TitleCase) -> None:
    """Capitals are drawn, not typed: the text (and what a reader extracts) stays as written."""
    match case:
        case "as_written":
            pass
        case "upper":
            style.font.all_caps = True
        case "small_caps":
            style.font.small_caps = True
        case _:
            assert_never(case)


def _text_look(
    style: CharacterStyle,
    family: str,
    size: float,
    look: TextStyle,
    color: TextColor,
    design: Design,
) -> None:
    match look:
        case "plain":
            italic = None
        case "italic":
            italic = True
        case _:
            assert_never(look)
    match color:
        case "text":
            rgb = _text_color(design.colors.text)
        case "muted":
            rgb = _rgb(design.colors.muted)
        case _:
            assert_never(color)
    style.font.italic = italic
    if rgb is not None:
        style.font.color.rgb = rgb


def _start_from_defaults(document: Document, family: str) -> None:
    """Replace the template's styles (hundreds, with theme fonts) by the defaults, with
    document defaults in ``family`` and our language. No space is added between East
    Asian text and Latin letters or digits (``w:autoSpaceDE``, ``w:autoSpaceDN``), as in
    the PDF: Word and LibreOffice showed 2021年7月 as "2021 年 7 月"."""
    fresh = parse_xml(
        f"<w:styles {nsdecls('w')}><w:docDefaults><w:rPrDefault><w:rPr>"
        "<w:rFonts/><w:lang/></w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        f"</w:pPr></w:pPrDefault></w:docDefaults>{_DEFAULT_STYLES}</w:styles>"
    )
    defaults = fresh.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    _set(fonts, ascii=family, hAnsi=family, eastAsia=EAST_ASIAN_FONT, cs=family)
    _set(defaults.find(qn("w:lang")), **_LANGUAGES)
    document.styles.element[:] = list(fresh)


def _bullet_numbering(
    document: Document, family: str, size: float, design: Design, column: float
) -> None:
    """One bullet list in the design's font, its glyph and indents from ``design.bullets``
    (times the text size, from the margin or the date column), as in the PDF."""
    bullets = design.bullets
    # twentieths of a point
    left = round((column + size * bullets.indent) * 20)
    bullet_at = round((column + size * bullets.glyph_indent) * 20)
    fresh = parse_xml(
        f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="0">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{left - bullet_at}"/></w:pPr>'
        '<w:rPr><w:rFonts w:hint="default"/><w:b w:val="0"/><w:i w:val="0"/></w:rPr></w:lvl>'
        f'</w:abstractNum><w:num w:numId="{_BULLET_LIST}"><w:abstractNumId w:val="0"/>'
        "</w:num></w:numbering>"
    )
    _set(fresh.find(f".//{qn('w:rFonts')}"), ascii=family, hAnsi=family, cs=family)
    _set(fresh.find(f".//{qn('w:lvlText')}"), val=bullets.glyph)
    document.part.numbering_part.element[:] = list(fresh)


def _set(element: BaseOxmlElement, **values: str) -> None:
    """Set ``w:`` attributes; lxml escapes them (a family name is the user's text)."""
    for key, value in values.items():
        element.set(qn(f"w:{key}"), value)


def _paragraph_style(document: Document, name: str, *, builtin: bool = False) -> ParagraphStyle:
    style = cast(
        ParagraphStyle, document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
    )
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


def _border(style: BaseStyle, side: str, color: str, weight: float, gap: float) -> None:
    """A rule ``weight`` points thick, ``gap`` points from the text, on ``side``."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement(f"w:{side}")
    for key, value in (
        ("val", "single"),
        ("sz", str(min(96, max(2, round(weight * 8))))),  # eighths of a point
        ("space", str(min(31, round(gap)))),  # whole points
        ("color", color.lstrip("#").upper()),
    ):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    # pBdr must come before the spacing and later elements in CT_PPr's sequence.
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl"
    )
