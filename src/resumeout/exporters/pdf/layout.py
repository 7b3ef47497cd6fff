"""The PDF's page layout: styles from ``design``, and the flowables of each part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from resumeout.exporters.pdf.fonts import Family
from resumeout.exporters.pdf.markup import MarkupWriter
from resumeout.exporters.rhythm import Rhythm
from resumeout.model import Design
from resumeout.views.document import DocumentView, EntryView, SectionView

MUTED = "#555555"
# What a text extractor reads between an entry's heading and its aside (as the Markdown
# export writes it); whitespace would not do, extractors drop it and keep the gap.
FILLER = "\u2014"


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
    """A section title followed by a rule to the right margin; a bookmark in the outline.
    It is kept with the next flowable, so a title never ends a page alone."""

    def __init__(self, paragraph: Paragraph, title: str, key: str, styles: Styles) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.title = title
        self.key = key
        self.styles = styles
        self.keepWithNext = True
        self.spaceBefore = styles.rhythm.section_before
        self.spaceAfter = styles.rhythm.section_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.height = self.paragraph.wrap(available_width, available_height)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, 0)
        text_width = max(self.paragraph.getActualLineWidths0() or [0.0])
        gap = self.styles.rhythm.size * 0.4
        if text_width + gap < self.width:
            y = self.height * 0.32
            canvas.saveState()
            canvas.setStrokeColor(self.styles.accent)
            canvas.setLineWidth(0.7)
            canvas.line(text_width + gap, y, self.width, y)
            canvas.restoreState()
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.title, self.key, level=0, closed=False)


class HeadingLine(Flowable):  # type: ignore[misc]
    """An entry's first line: the heading left, the aside (dates, venue) right-aligned on
    the same baseline. The heading is drawn first so text extraction reads it first."""

    def __init__(self, heading: Paragraph, aside: Paragraph | None, gap: float) -> None:
        super().__init__()
        self.heading = heading
        self.aside = aside
        self.gap = gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.aside_width = 0.0
        aside_height = 0.0
        if self.aside is not None:
            self.aside.wrap(available_width * 0.45, available_height)
            self.aside_width = max(self.aside.getActualLineWidths0() or [0.0]) + 0.5
            _, aside_height = self.aside.wrap(self.aside_width, available_height)
        heading_width = available_width - (self.aside_width + self.gap if self.aside else 0)
        _, heading_height = self.heading.wrap(heading_width, available_height)
        self.heading_height = heading_height
        self.aside_height = aside_height
        self.height = max(heading_height, aside_height)
        return available_width, self.height

    def draw(self) -> None:
        self.heading.drawOn(self.canv, 0, self.height - self.heading_height)
        if self.aside is not None:
            self._bridge(self.aside)  # before the aside: content order is reading order too
            self.aside.drawOn(
                self.canv, self.width - self.aside_width, self.height - self.aside_height
            )

    def _bridge(self, aside: Paragraph) -> None:
        """Join the heading's first line and the aside into one line for text extractors.

        Extractors that read by position (poppler's pdftotext, pdfminer, and so many ATS)
        split a line at a wide gap and read a right-aligned column after the block beside
        it. An invisible dash stretched across the gap keeps the heading and its date on
        one line, in reading order ("Computer Science — Sep 2024 – Present"); nothing
        shows on the page.
        """
        style = self.heading.style
        start = (self.heading.getActualLineWidths0() or [0.0])[0] + style.fontSize * 0.3
        end = self.width - max(aside.getActualLineWidths0() or [0.0]) - style.fontSize * 0.3
        if end <= start:
            return
        advance = stringWidth(FILLER, style.fontName, style.fontSize)
        text = self.canv.beginText(start, self.height - style.fontSize)
        text.setTextRenderMode(3)  # invisible
        text.setFont(style.fontName, style.fontSize)
        text.setHorizScale(100.0 * (end - start) / advance)
        text.textOut(FILLER)
        self.canv.saveState()  # the scaling is text state: keep it from the aside
        self.canv.drawText(text)
        self.canv.restoreState()


def header(document: DocumentView, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(writer.plain(document.name, bold=True), styles.name)]
    if document.headline:
        story.append(Paragraph(writer.markup(document.headline), styles.headline))
    if document.contacts:
        separator = '<font color="#888888">\u2002·\u2002</font>'
        parts = [writer.markup(contact.rich) for contact in document.contacts]
        story.append(Paragraph(separator.join(parts), styles.contact))
    return story


def section(view: SectionView, index: int, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    title = SectionTitle(
        Paragraph(writer.plain(view.title, bold=True), styles.section),
        view.title,
        f"section-{index}",
        styles,
    )
    story: list[Flowable] = [title]
    for position, entry in enumerate(view.entries):
        story.append(_entry(entry, position, styles, writer))
    return story


def _entry(entry: EntryView, position: int, styles: Styles, writer: MarkupWriter) -> Flowable:
    size = styles.rhythm.size
    parts: list[Flowable] = []
    if entry.heading or entry.aside:
        heading = Paragraph(writer.markup(entry.heading), styles.heading)
        aside = Paragraph(writer.markup(entry.aside), styles.aside) if entry.aside else None
        parts.append(HeadingLine(heading, aside, gap=size * 1.2))
    parts += [Paragraph(writer.markup(line), styles.line) for line in entry.lines]
    parts += [
        Paragraph(writer.markup(bullet), styles.bullet, bulletText="•") for bullet in entry.bullets
    ]
    gap = styles.rhythm.entry_gap(entry, position)
    # One level of KeepTogether: reportlab measures a nested one as infinitely tall.
    return KeepTogether([Spacer(0, gap), *parts] if gap else parts)


def closing(document: DocumentView, styles: Styles, writer: MarkupWriter) -> list[Flowable]:
    if not document.last_updated:
        return []
    return [
        Spacer(0, styles.rhythm.closing_before),
        Paragraph(writer.plain(document.last_updated, italic=True), styles.updated),
    ]
