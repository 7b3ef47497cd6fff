"""Builds the Word document: one paragraph per line, in reading order, no tables."""

from __future__ import annotations

import io
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import assert_never

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.text.run import CT_R
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from resumeout.exporters.docx import styles as names
from resumeout.exporters.docx.bidi_pieces import direction_pieces, first_strong_right_to_left
from resumeout.exporters.docx.direction import (
    complex_script_run,
    declare_language,
    in_complex_script,
    is_right_to_left,
    mirror_bullets,
    mirror_complex_script_formatting,
    right_to_left_paragraph,
    uses_complex_script,
)
from resumeout.exporters.docx.fonts import embed_fonts, find_document_font
from resumeout.exporters.docx.package import (
    drop_empty_properties,
    drop_leftovers,
    keep_used_styles,
    save,
    write_settings,
)
from resumeout.exporters.docx.run_elements import (
    break_run,
    hyperlink,
    styled_paragraph,
    tab_run,
    text_run,
)
from resumeout.exporters.docx.script_slots import name_script_fonts
from resumeout.exporters.docx.slot_languages import EAST_ASIAN_TEXT
from resumeout.exporters.docx.styles import define_styles, rule_beside_raise
from resumeout.exporters.docx.upright import keep_east_asian_upright
from resumeout.exporters.rhythm import Rhythm
from resumeout.locales import Language
from resumeout.model import Design, Resume
from resumeout.model.inline import Rich, Run, runs
from resumeout.model.style import PAGE_SIZES
from resumeout.views.direction import reading_direction
from resumeout.views.document import EntryView, present
from resumeout.views.timestamps import document_timestamp, zip_entry_time


@lru_cache(maxsize=16)
def _template(
    design: Design, family: str, heading_family: str, date_column: float | None = None
) -> bytes:
    """An empty document with the page and the named styles of ``design`` (and a date
    column of ``date_column`` points, when the dates widen it). Defining styles is a
    third of the work of a résumé; a batch of résumés shares one design."""
    document = docx.Document()
    drop_leftovers(document)
    width, height = PAGE_SIZES[design.page_size]
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    margins = design.margins
    section.left_margin, section.right_margin = Pt(margins.left), Pt(margins.right)
    section.top_margin, section.bottom_margin = Pt(margins.top), Pt(margins.bottom)
    text_width = width - margins.left - margins.right
    define_styles(document, design, family, heading_family, text_width, date_column)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_docx(resume: Resume, base_dir: Path, warnings: list[str]) -> bytes:
    design = resume.design
    font = find_document_font(design.font, base_dir)
    heading_font = (
        find_document_font(design.heading_font, base_dir) if design.heading_font else font
    )
    column, above = _date_column(resume, base_dir)
    template = _template(design, font.name, heading_font.name, column)
    document = docx.Document(io.BytesIO(template))
    view = present(resume)
    right_to_left = reading_direction(view, resume.locale.direction) == "rtl"
    body = _Body(document, design, view.language, right_to_left=right_to_left, above=above)
    body.paragraph(Rich.plain(view.name), names.NAME)
    match design.header.headline:
        case "shown":
            if view.headline:
                body.paragraph(view.headline, names.HEADLINE)
        case "hidden":
            pass
        case _:
            assert_never(design.header.headline)
    if view.contacts:
        contacts = [contact.rich for contact in view.contacts]
        # One space each side, as the PDF draws it: readers keep every space typed.
        separator = f" {design.header.contact_separator} "
        body.paragraph(Rich.join(contacts, separator), names.CONTACT)
    for section_view in view.sections:
        title = body.paragraph(Rich.plain(section_view.title), names.SECTION)
        if design.section_titles.rule == "beside":
            # A space, for the PDF's gap between the title and its rule (spacing added
            # to the title's last letter would cut a conjunct from the run before it, or
            # an Arabic letter from its word, which LibreOffice then draws stretched),
            # then the rule.
            text_run(title._p, " ")
            raised = rule_beside_raise(body.rhythm.section)
            tab_run(title._p, body.style_ids[names.TITLE_RULE], raised)
        for index, entry in enumerate(section_view.entries):
            body.entry(entry, index)
    if view.last_updated:
        body.paragraph(Rich.plain(view.last_updated), names.NOTE)

    # Once the body is written: the text decides the languages the résumé leaves open.
    # lxml's text serialiser: itertext() here goes through python-docx's element classes
    # (0.1 s for a 20-page résumé).
    text = etree.tostring(document.element.body, method="text", encoding="unicode")
    declare_language(document, view.language, text)
    if body.complex_script:
        mirror_complex_script_formatting(document)
    if EAST_ASIAN_TEXT.search(text):
        keep_east_asian_upright(document)
    if right_to_left:
        mirror_bullets(document)
        # A split header's contacts go under the name, as in the PDF
        # (``pdf/writing_direction.py``): at the far side they were read before it.
        styles = document.styles
        styles[names.CONTACT].paragraph_format.alignment = styles[
            names.NAME
        ].paragraph_format.alignment
    keep_used_styles(document)
    fonts = [font] if heading_font.name == font.name else [font, heading_font]
    fonts += name_script_fonts(document, text, fonts, design, base_dir)
    embedded = embed_fonts(document, fonts, design.embed_fonts, warnings)
    write_settings(document, embedded_fonts=embedded)
    properties = document.core_properties
    metadata = view.metadata
    moment = document_timestamp(resume)
    stamp = moment.replace(tzinfo=None)
    properties.title = metadata.title
    properties.author = metadata.author
    properties.subject = metadata.subject
    properties.keywords = ", ".join(metadata.keywords)
    properties.language = view.language.regional_tag
    properties.comments = ""  # the template's says "generated by python-docx"
    properties.last_modified_by = metadata.author
    properties.revision = 1
    properties.created = properties.modified = stamp
    drop_empty_properties(document)
    return save(document, zip_entry_time(moment))


def _date_column(resume: Resume, base_dir: Path) -> tuple[float | None, frozenset[Rich]]:
    """The date column as the PDF sets it, measured with its fonts: its width when the
    dates widen it (else None: the design's), and the dates too wide for it, which go
    on a line of their own above their heading."""
    if resume.design.entries.dates != "left_column":
        return None, frozenset()
    from resumeout.exporters.pdf.document import date_column

    column = date_column(resume, base_dir)
    design = resume.design
    widened = column.width > design.font_size * design.entries.date_column
    return (column.width if widened else None), column.above


LEFT_TO_RIGHT_MARK = "\u200e"
RIGHT_TO_LEFT_MARK = "\u200f"


class _Body:
    def __init__(
        self,
        document: docx.document.Document,
        design: Design,
        language: Language,
        *,
        right_to_left: bool,
        above: frozenset[Rich] = frozenset(),
    ) -> None:
        self.document = document
        self.above = above
        """Dates too wide for the date column: on their own line above the heading."""
        self.rhythm = Rhythm.of(design)
        self.dates = design.entries.dates
        self.mono_font = design.mono_font
        self.right_to_left = right_to_left
        self.complex_script = right_to_left or uses_complex_script(language)
        """Whether runs need complex-script formatting: set once a run needs it."""
        # python-docx resolves a style name by scanning every style, for every paragraph
        # (most of the render time); look each id up once and write it directly.
        self.style_ids = {style.name: style.style_id for style in document.styles}
        # add_paragraph() looks for the section properties among all the body's children
        # each time (quadratic in a long résumé); insert before them directly.
        self.end = document.element.body.sectPr
        self.container = document._body

    def paragraph(self, rich: Rich, style: str) -> Paragraph:
        element = styled_paragraph(self.end, self.style_ids[style])
        paragraph = Paragraph(element, self.container)
        if self.right_to_left:
            right_to_left_paragraph(paragraph)
        self.add(paragraph, rich)
        return paragraph

    def entry(self, entry: EntryView, position: int) -> None:
        gap = self.rhythm.entry_gap(entry, position)
        if entry.heading or entry.aside:
            paragraph, last = self._heading(entry)
            if not (entry.lines or entry.bullets):
                last.paragraph_format.keep_with_next = False
        else:
            paragraph = self.paragraph(entry.lines[0], names.ENTRY_DETAILS)
            entry = replace(entry, lines=entry.lines[1:])
        # The gap depends on the entry's size (see Rhythm), so it is set on the paragraph.
        paragraph.paragraph_format.space_before = Pt(gap)
        for line in entry.lines:
            self.paragraph(line, names.ENTRY_DETAILS)
        for bullet in entry.bullets:
            self.paragraph(bullet, names.BULLET)

    def _heading(self, entry: EntryView) -> tuple[Paragraph, Paragraph]:
        """An entry's heading and aside (dates, place) where the layout puts them; the
        first and the last paragraph they take."""
        match self.dates:
            case "right":
                paragraph = self.paragraph(entry.heading, names.ENTRY_HEADING)
                if entry.aside:
                    tab_run(paragraph._p, self.style_ids.get(names.LEADER))
                    self._aside(paragraph, entry.aside, self._dates_style, after=entry.heading)
                return paragraph, paragraph
            case "own_line":
                paragraph = self.paragraph(entry.heading, names.ENTRY_HEADING)
                if not entry.aside:
                    return paragraph, paragraph
                return paragraph, self._dates_paragraph(entry.aside)
            case "left_column" if entry.aside in self.above:
                # Dates, whole, on their own line; the heading under them at the
                # column's edge, where the hanging indent puts its later lines.
                dates = self._dates_paragraph(entry.aside)
                paragraph = self.paragraph(entry.heading, names.ENTRY_HEADING)
                paragraph.paragraph_format.first_line_indent = Pt(0)
                return dates, paragraph
            case "left_column":
                # Reading order is the line's order: the dates, then the heading.
                paragraph = self.paragraph(Rich(()), names.ENTRY_HEADING)
                tab_run(paragraph._p)
                self._aside(paragraph, entry.aside, self._dates_style)
                tab_run(paragraph._p)
                self.add(paragraph, entry.heading)
                return paragraph, paragraph
            case _:
                assert_never(self.dates)

    def _dates_paragraph(self, aside: Rich) -> Paragraph:
        """The dates (and place) in a paragraph of their own, in the paragraph's style."""
        dates = self.paragraph(Rich(()), names.ENTRY_ASIDE)
        self._aside(dates, aside, None)
        return dates

    @property
    def _dates_style(self) -> str | None:
        """The theme's character style for dates on the heading's line, if it sets one."""
        return self.style_ids.get(names.ASIDE_RUN)

    def _aside(
        self, paragraph: Paragraph, aside: Rich, style: str | None, *, after: Rich | None = None
    ) -> None:
        # The aside's runs take the character style ``style`` (on the heading's line, the
        # theme's for dates; None on a line of its own); a link's keeps its own. Its
        # neutrals are resolved in the aside's own direction, the one the PDF sets it in
        # (exporters/pdf/mirrored.py): the comma of "Mar 2021 – Present, عمّان" stays
        # after "Present".
        text = aside.text()
        own = first_strong_right_to_left(text) if is_right_to_left(text) else None
        heading_leftwards = after is not None and is_right_to_left(after.text())
        if not (self.right_to_left or own or heading_leftwards):
            self.add(paragraph, aside, style, own)
            return
        # Where anything reads right to left (the paragraph, the dates, the heading before
        # them), the aside opens with the mark of its own direction, as the PDF lays it out
        # apart from the heading: w:rtl only guides Word with neutrals, and LibreOffice runs
        # the bidi algorithm over the whole paragraph, where "2020-09" after Arabic letters is
        # an Arabic number shown as 09-2020, and "2017-01 – 2020-08" in a right-to-left
        # paragraph shows its two dates in reverse. (An isolate would keep "Present, عمّان" in
        # order too, but LibreOffice 7 then draws the comma under the Arabic word.) The mark
        # is invisible; readers that keep it read it before the dates.
        mark = RIGHT_TO_LEFT_MARK if own else LEFT_TO_RIGHT_MARK
        text_run(paragraph._p, mark, style_id=style)
        self.add(paragraph, aside, style, bool(own))

    def add(
        self,
        paragraph: Paragraph,
        rich: Rich,
        run_style: str | None = None,
        right_to_left: bool | None = None,
    ) -> None:
        """Append ``rich``; its runs' neutrals go the paragraph's way unless
        ``right_to_left`` says which way the text reads."""
        context = self.right_to_left if right_to_left is None else right_to_left
        element = paragraph._p
        flat = list(runs(rich))
        cut = direction_pieces([run.text for run in flat], right_to_left_paragraph=context)
        for run, pieces in zip(flat, cut, strict=True):
            if run.line_break:
                break_run(element, run_style)
                continue
            if run.url:
                self._hyperlink(paragraph, run, pieces)
                continue
            font = self.mono_font if run.code else None
            for text, rtl in pieces:
                added = text_run(
                    element, text, style_id=run_style, bold=run.bold, italic=run.italic, font=font
                )
                self._direction(added, text, run.bold, rtl)

    def _direction(self, run: CT_R, text: str, bold: bool, rtl: bool) -> None:
        self.complex_script = self.complex_script or rtl or in_complex_script(text)
        if self.complex_script:
            complex_script_run(run.get_or_add_rPr(), bold=bold, rtl=rtl)

    def _hyperlink(self, paragraph: Paragraph, run: Run, pieces: list[tuple[str, bool]]) -> None:
        assert run.url is not None
        relation = paragraph.part.relate_to(run.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = hyperlink(paragraph._p, relation)
        style_id = self.style_ids[names.HYPERLINK]
        # One link, its text cut by direction like any other run's.
        for piece, rtl in pieces:
            added = text_run(link, piece, style_id=style_id, bold=run.bold, italic=run.italic)
            self._direction(added, piece, run.bold, rtl)
