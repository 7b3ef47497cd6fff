"""Builds the Word document: one paragraph per line, in reading order, no tables."""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import replace
from functools import lru_cache

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from resumeout.exporters.docx import styles as names
from resumeout.exporters.docx.styles import define_styles
from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design, Resume
from resumeout.model.inline import Rich, runs
from resumeout.model.style import PAGE_SIZES
from resumeout.views.document import EntryView, present
from resumeout.views.timestamps import document_timestamp


@lru_cache(maxsize=16)
def _template(design: Design) -> bytes:
    """An empty document with the page and the named styles of ``design``. Defining
    styles is a third of the work of a résumé; a batch of résumés shares one design."""
    document = docx.Document()
    width, height = PAGE_SIZES[design.page_size]
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    margins = design.margins
    section.left_margin, section.right_margin = Pt(margins.left), Pt(margins.right)
    section.top_margin, section.bottom_margin = Pt(margins.top), Pt(margins.bottom)
    define_styles(document, design, width - margins.left - margins.right)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_docx(resume: Resume) -> bytes:
    document = docx.Document(io.BytesIO(_template(resume.design)))
    view = present(resume)
    body = _Body(document, Rhythm.of(resume.design))
    body.paragraph(Rich.plain(view.name), names.NAME)
    if view.headline:
        body.paragraph(view.headline, names.HEADLINE)
    if view.contacts:
        contacts = [contact.rich for contact in view.contacts]
        body.paragraph(Rich.join(contacts, "  ·  "), names.CONTACT)
    for section_view in view.sections:
        body.paragraph(Rich.plain(section_view.title), names.SECTION)
        for index, entry in enumerate(section_view.entries):
            body.entry(entry, index)
    if view.last_updated:
        body.paragraph(Rich.plain(view.last_updated), names.NOTE)

    properties = document.core_properties
    metadata = view.metadata
    stamp = document_timestamp(resume).replace(tzinfo=None)
    properties.title = metadata.title
    properties.author = metadata.author
    properties.subject = metadata.subject
    properties.keywords = ", ".join(metadata.keywords)
    properties.comments = ""
    properties.last_modified_by = metadata.author
    properties.revision = 1
    properties.created = properties.modified = stamp
    return _deterministic(document, stamp.timetuple()[:6])


class _Body:
    def __init__(self, document: docx.document.Document, rhythm: Rhythm) -> None:
        self.document = document
        self.rhythm = rhythm
        # python-docx resolves a style name by scanning every style, for every paragraph
        # (most of the render time); look each id up once and write it directly.
        self.style_ids = {style.name: style.style_id for style in document.styles}
        # add_paragraph() looks for the section properties among all the body's children
        # each time (quadratic in a long résumé); insert before them directly.
        self.end = document.element.body.sectPr
        self.container = document._body

    def paragraph(self, rich: Rich, style: str) -> Paragraph:
        element = OxmlElement("w:p")
        self.end.addprevious(element)
        paragraph = Paragraph(element, self.container)
        paragraph._p.style = self.style_ids[style]
        self.add(paragraph, rich)
        return paragraph

    def entry(self, entry: EntryView, position: int) -> None:
        gap = self.rhythm.entry_gap(entry, position)
        if entry.heading or entry.aside:
            paragraph = self.paragraph(entry.heading, names.ENTRY_HEADING)
            if entry.aside:
                paragraph.add_run("\t")
                self.add(paragraph, entry.aside)
            if not (entry.lines or entry.bullets):
                paragraph.paragraph_format.keep_with_next = False
        else:
            paragraph = self.paragraph(entry.lines[0], names.ENTRY_DETAILS)
            entry = replace(entry, lines=entry.lines[1:])
        # The gap depends on the entry's size (see Rhythm), so it is set on the paragraph.
        paragraph.paragraph_format.space_before = Pt(gap)
        for line in entry.lines:
            self.paragraph(line, names.ENTRY_DETAILS)
        for bullet in entry.bullets:
            self.paragraph(bullet, names.BULLET)

    def add(self, paragraph: Paragraph, rich: Rich) -> None:
        for run in runs(rich):
            if run.line_break:
                paragraph.add_run().add_break()
                continue
            if run.url:
                self._hyperlink(paragraph, run.url, run.text, run.bold, run.italic)
                continue
            added = paragraph.add_run(run.text)  # python-docx escapes the XML text
            added.bold = run.bold or None
            added.italic = run.italic or None
            if run.code:
                added.font.name = "Consolas"

    def _hyperlink(
        self, paragraph: Paragraph, url: str, text: str, bold: bool, italic: bool
    ) -> None:
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = paragraph.add_run(text)
        run._r.style = self.style_ids[names.HYPERLINK]
        run.bold = bold or None
        run.italic = italic or None
        link.append(run._r)
        paragraph._p.append(link)


def _deterministic(document: docx.document.Document, when: tuple[int, ...]) -> bytes:
    """Save with fixed entry times, so the same source gives the same bytes.

    python-docx writes its parts in a fixed order and zlib compresses the same input the
    same way; only each entry's time (the clock's) varies. It is rewritten in place, in
    the local and the central headers, instead of compressing the package a second time.
    """
    raw = io.BytesIO()
    document.save(raw)
    data = bytearray(raw.getvalue())
    year, month, day, hour, minute, second = when[:6]
    stamp = struct.pack(
        "<HH",
        (hour << 11) | (minute << 5) | (second // 2),
        ((year - 1980) << 9) | (month << 5) | day,
    )
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        entries = package.infolist()
        central = package.start_dir
    for info in entries:
        local = info.header_offset
        assert data[local : local + 4] == b"PK\x03\x04"
        data[local + 10 : local + 14] = stamp
    position = central
    for _ in entries:
        assert data[position : position + 4] == b"PK\x01\x02"
        data[position + 12 : position + 16] = stamp
        name, extra, comment = struct.unpack_from("<HHH", data, position + 28)
        position += 46 + name + extra + comment
    return bytes(data)
