"""The PDF's page layout: styles from ``design``, and the flowables of each part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from resumeout.exporters.pdf.fonts import Family
from resumeout.exporters.pdf.markup import MarkupWriter, Segment
from resumeout.exporters.pdf.tagging import Structured, Tagged, Tagger, nest
from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
from resumeout.model.inline import Rich
from resumeout.views.document import DocumentView, EntryView, SectionView

MUTED = "#555555"
LEADER = "\u2014"
"""Stretched between an entry's heading and its aside: a dash is what a reader of the
text gets there (as the Markdown export writes it)."""
LEADER_COLOR = HexColor("#c8c8c8")
MIN_LEADER_EMS = 1.0
"""A heading and its aside share a line only if at least this much leader shows."""


@dataclass(frozen=True)
class Styles:
    name: ParagraphStyle
    headline: ParagraphStyle
    contact: ParagraphStyle
    section: ParagraphStyle
    heading: ParagraphStyle
    aside: ParagraphStyle
    line: ParagraphStyle
    bullet: ParagraphStyle
    updated: ParagraphStyle
    footer: ParagraphStyle
    accent: Any
    rhythm: Rhythm


def make_styles(design: Design, family: Family) -> Styles:
    rhythm = Rhythm.of(design)
    size, leading = rhythm.size, rhythm.leading
    accent = HexColor(design.accent_color)
    base = ParagraphStyle(
        "body",
        fontName=family.regular,
        fontSize=size,
        leading=leading,
        alignment=TA_LEFT,
        bulletFontName=family.regular,
        bulletFontSize=size,
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0.3,
    )

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return Styles(
        name=derive(
            "name",
            fontName=family.bold,
            fontSize=rhythm.name[0],
            leading=rhythm.name[1],
            alignment=TA_CENTER,
            textColor=accent,
        ),
        headline=derive(
            "headline",
            fontSize=rhythm.headline[0],
            leading=rhythm.headline[1],
            alignment=TA_CENTER,
        ),
        contact=derive("contact", alignment=TA_CENTER, spaceBefore=rhythm.contact_before),
        section=derive(
            "section",
            fontName=family.bold,
            fontSize=rhythm.section[0],
            leading=rhythm.section[1],
            textColor=accent,
        ),
        heading=derive("heading"),
        aside=derive("aside", alignment=TA_RIGHT),
        line=derive("line"),
        bullet=derive("bullet", leftIndent=size * 1.1, bulletIndent=size * 0.25),
        updated=derive(
            "updated",
            fontSize=rhythm.note[0],
            leading=rhythm.note[1],
            alignment=TA_RIGHT,
            textColor=HexColor(MUTED),
            fontName=family.italic,
        ),
        footer=derive(
            "footer",
            fontSize=size * 0.8,
            alignment=TA_CENTER,
            textColor=HexColor(MUTED),
            fontName=family.italic,
        ),
        accent=accent,
        rhythm=rhythm,
    )


class SectionTitle(Flowable):  # type: ignore[misc]
    """A section title followed by a rule to the right margin; a bookmark in the outline."""

    def __init__(self, paragraph: Paragraph, title: str, key: str, styles: Styles) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.title = title
        self.key = key
        self.styles = styles
        self.spaceBefore = styles.rhythm.section_before
        self.spaceAfter = styles.rhythm.section_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.height = self.paragraph.wrap(available_width, available_height)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        tagger: Tagger = canvas.tagger
        with tagger.content(canvas, tagger.leaf("H2")):
            self.paragraph.drawOn(canvas, 0, 0)
        text_width = max(self.paragraph.getActualLineWidths0() or [0.0])
        gap = self.styles.rhythm.size * 0.4
        if text_width + gap < self.width:
            y = self.height * 0.32
            with tagger.artifact(canvas._code):
                canvas.saveState()
                canvas.setStrokeColor(self.styles.accent)
                canvas.setLineWidth(0.7)
                canvas.line(text_width + gap, y, self.width, y)
                canvas.restoreState()
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.title, self.key, level=0, closed=False)


class HeadingLine(Structured):
    """An entry's first line: the heading, a light leader, and the aside (dates, venue)
    flush right. A heading too long to share its line puts the aside on the line below.

    The shared line is drawn as one text object on one baseline: heading, a space, a
    leader (an em dash stretched across the gap, in light grey, as in a table of
    contents), a space, the aside. Every common text extractor then reads it as one
    line in that order ("University of Michigan — Sep 2024 – Present"): they split a
    line at a wide empty gap, or at a second text object, but not inside a run of
    visible glyphs, and the real spaces keep the dash from being glued to the words.
    """

    def __init__(self, heading: Rich, aside: Rich, styles: Styles, writer: MarkupWriter) -> None:
        super().__init__()
        self.style = styles.heading
        self.link_color = HexColor(writer.link_color)
        self.space_font = writer.family.regular
        self.line = (writer.segments(heading), writer.segments(aside))
        self.one_line = False
        self.source = (heading, aside, styles, writer)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        heading, aside = self.line
        if heading is not None and aside is not None:
            size = self.style.fontSize
            self.heading_width = self._width(heading)
            self.aside_width = self._width(aside)
            self.space_width = stringWidth(" ", self.space_font, size)
            gap = available_width - self.heading_width - self.aside_width - 2 * self.space_width
            self.one_line = gap >= size * MIN_LEADER_EMS
        if self.one_line:
            self.height = self.style.leading
        else:
            self.parts = self._stacked()
            heights = [part.wrap(available_width, available_height)[1] for part in self.parts]
            self.height = sum(heights)
        return available_width, self.height

    def _stacked(self) -> tuple[Paragraph, Paragraph]:
        """The heading and the aside as paragraphs, one above the other; made only when
        needed, since paragraphs take time to build."""
        heading, aside, styles, writer = self.source
        return (
            Paragraph(writer.markup(heading), styles.heading),
            Paragraph(writer.markup(aside), styles.aside),
        )

    def _width(self, segments: list[Segment]) -> float:
        size = self.style.fontSize
        return float(sum(stringWidth(segment.text, segment.font, size) for segment in segments))

    def draw(self) -> None:
        if self.one_line:
            self._draw_line()
            return
        tagger: Tagger = self.canv.tagger
        element = tagger.leaf("P")
        heading, aside = self.parts  # heading first: drawing order is reading order
        with tagger.content(self.canv, element):
            heading.drawOn(self.canv, 0, aside.height)
        with tagger.content(self.canv, element):
            aside.drawOn(self.canv, 0, 0)

    def _draw_line(self) -> None:
        heading, aside = self.line
        assert heading is not None and aside is not None
        canvas, size = self.canv, self.style.fontSize
        leader_start = self.heading_width + self.space_width
        leader_width = self.width - self.aside_width - self.space_width - leader_start
        leader_advance = stringWidth(LEADER, self.space_font, size)
        baseline = self.height - size  # where reportlab sets a paragraph's first line
        tagger: Tagger = canvas.tagger
        element, page = tagger.leaf("P"), canvas.getPageNumber()
        text = canvas.beginText(0, baseline)
        # Marked content may nest inside a text object: the words are the element's
        # content, the leader between them an artifact.
        with tagger.mark(text._code, page, element):
            links = self._put(text, heading, 0.0)
            text.setFont(self.space_font, size)
            text.textOut(" ")
        with tagger.artifact(text._code):
            text.setFillColor(LEADER_COLOR)
            text.setHorizScale(100.0 * leader_width / leader_advance)
            text.textOut(LEADER)
            text.setHorizScale(100.0)
        with tagger.mark(text._code, page, element):
            text.textOut(" ")
            links += self._put(text, aside, self.width - self.aside_width)
        canvas.saveState()  # colour and scaling are graphics state: keep them in here
        canvas.drawText(text)
        canvas.restoreState()
        ascent, descent = getAscentDescent(self.style.fontName, size)
        with tagger.within(element):  # the links' Link elements belong to the line
            for url, start, end in links:
                rect = (start, baseline + descent, end, baseline + ascent)
                canvas.linkURL(url, rect, relative=1, thickness=0)

    def _put(self, text: Any, segments: list[Segment], x: float) -> list[tuple[str, float, float]]:
        """Add ``segments`` to the text object; the links they hold, with where they are."""
        size = self.style.fontSize
        links = []
        for segment in segments:
            width = stringWidth(segment.text, segment.font, size)
            text.setFont(segment.font, size)
            text.setFillColor(self.link_color if segment.url else self.style.textColor)
            text.textOut(segment.text)
            if segment.url:
                links.append((segment.url, x, x + width))
            x += width
        return links


def header(document: DocumentView, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    name = Paragraph(writer.plain(document.name, bold=True), styles.name)
    story: list[Flowable] = [Tagged("H1", name)]
    if document.headline:
        story.append(Tagged("P", Paragraph(writer.markup(document.headline), styles.headline)))
    if document.contacts:
        separator = '<font color="#888888">\u2002·\u2002</font>'
        parts = [writer.markup(contact.rich) for contact in document.contacts]
        story.append(Tagged("P", Paragraph(separator.join(parts), styles.contact)))
    return story


def section(view: SectionView, index: int, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    title = SectionTitle(
        Paragraph(writer.plain(view.title, bold=True), styles.section),
        view.title,
        f"section-{index}",
        styles,
    )
    # Entries with a heading are a list (L, LI, LBody); a section of paragraphs is text.
    listed = any(entry.heading or entry.aside for entry in view.entries)
    entries = [_entry(entry, styles, writer, listed) for entry in view.entries]
    if listed:
        nest([part for parts in entries for part in parts], "L")
    gaps = [styles.rhythm.entry_gap(entry, position) for position, entry in enumerate(view.entries)]
    blocks: list[list[Flowable]] = [
        [Spacer(0, gap), *parts] if gap else list(parts)
        for gap, parts in zip(gaps, entries, strict=True)
    ]
    # The title travels with its first entry, so a title never ends a page. (reportlab's
    # keepWithNext cannot do it: it does not join a flowable to a KeepTogether.)
    # One level of KeepTogether: reportlab measures a nested one as infinitely tall.
    first = blocks[0] if blocks else []
    return [KeepTogether([title, *first]), *(KeepTogether(block) for block in blocks[1:])]


def _entry(
    entry: EntryView, styles: Styles, writer: MarkupWriter, listed: bool
) -> list[Structured]:
    """An entry's flowables; they are kept on one page."""
    parts: list[Structured] = []
    if entry.aside:
        parts.append(HeadingLine(entry.heading, entry.aside, styles, writer))
    elif entry.heading:
        parts.append(Tagged("P", Paragraph(writer.markup(entry.heading), styles.heading)))
    parts += [Tagged("P", Paragraph(writer.markup(line), styles.line)) for line in entry.lines]
    bullets: list[Structured] = []
    for bullet in entry.bullets:
        paragraph = Paragraph(writer.markup(bullet), styles.bullet, bulletText="•")
        bullets += nest([Tagged("LBody", paragraph)], "LI")
    parts += nest(bullets, "L")
    return nest(parts, "LI", "LBody") if listed else parts


def closing(document: DocumentView, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    if not document.last_updated:
        return []
    updated = Paragraph(writer.plain(document.last_updated, italic=True), styles.updated)
    return [Spacer(0, styles.rhythm.closing_before), Tagged("P", updated)]
