"""Assembles the PDF: fonts, the look, the layout, pages, drawing, metadata, and
byte-identical output."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError

from resumeout import __version__
from resumeout.errors import ExportError, UncoveredCharactersError
from resumeout.exporters.fontfiles import FontFile, from_fontconfig
from resumeout.exporters.pdf.blocks import Slot, TextBlock
from resumeout.exporters.pdf.breaking import break_lines
from resumeout.exporters.pdf.canvas import TaggedCanvas
from resumeout.exporters.pdf.drawing import Painter
from resumeout.exporters.pdf.fonts import (
    Family,
    FontNotFoundError,
    Fonts,
    bundled_files,
    find_family,
    register_family,
)
from resumeout.exporters.pdf.layout import DateColumn, Layout
from resumeout.exporters.pdf.look import Direction, Look, Rgb
from resumeout.exporters.pdf.pages import Placed, paginate
from resumeout.exporters.pdf.runs import RunMaker
from resumeout.exporters.pdf.shaped import DocumentScripts
from resumeout.exporters.pdf.tagging import xmp_metadata
from resumeout.exporters.pdf.writing_direction import document_direction, mirrored
from resumeout.model import Resume
from resumeout.views.document import DocumentView, present
from resumeout.views.timestamps import document_timestamp

Makers = Callable[[Fonts, Rgb, DocumentScripts | None], RunMaker]
"""Makes the runs of a document: which setter sets each run is its choice."""


def build_pdf(
    resume: Resume,
    base_dir: Path,
    warnings: list[str],
    look: Look | None = None,
    makers: Makers = RunMaker,
    *,
    allow_missing_glyphs: bool = False,
    uncovered: list[str] | None = None,
) -> bytes:
    """The PDF of ``resume``, in ``look`` (by default, the one its design describes).

    A character no font has raises :class:`UncoveredCharactersError` naming every one;
    with ``allow_missing_glyphs`` it is drawn as nothing and listed in ``uncovered``.
    """
    fonts = _fonts(resume, base_dir, warnings)
    document = present(resume)
    look, scripts = _look_and_scripts(resume, document, base_dir, look)
    maker = makers(fonts, look.link_colour, scripts)
    pages = _pages(document, look, maker)
    data = _draw(resume, document, pages, look, maker, fonts.body)
    warnings += scripts.warnings
    if scripts.missing and not allow_missing_glyphs:
        raise UncoveredCharactersError(tuple(scripts.missing))
    if uncovered is not None:
        uncovered += scripts.missing
    for char in maker.missing:
        warnings.append(
            f"no installed font can draw {char!r} (U+{ord(char):04X}); install a "
            "font that has it (see README, Fonts)"
        )
    return data


def count_pages(resume: Resume, base_dir: Path) -> int:
    """How many pages the PDF of ``resume`` has (for fitting it to a page count): laid
    out, not drawn."""
    document, look, maker = _laid_out(resume, base_dir)
    return len(_pages(document, look, maker))


def _look_and_scripts(
    resume: Resume, document: DocumentView, base_dir: Path, look: Look | None
) -> tuple[Look, DocumentScripts]:
    """The look, mirrored for a right-to-left document, and the toolkit's setters."""
    direction = document_direction(document, resume.locale.direction)
    look = look or Look.of(resume.design)
    if direction is Direction.RIGHT_TO_LEFT:
        look = mirrored(look)
    scripts = DocumentScripts(
        resume.design.fallback_fonts,
        base_dir,
        "rtl" if direction is Direction.RIGHT_TO_LEFT else "ltr",
    )
    return look, scripts


MONO_FALLBACKS = ("DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono")
"""Monospaced families (free, TrueType) looked for when the design's is not installed."""


def _fonts(resume: Resume, base_dir: Path, warnings: list[str]) -> Fonts:
    """The design's body, heading and mono families (each found and registered once)."""
    design = resume.design
    body = _family(design.font, base_dir, warnings)
    heading = body
    if design.heading_font is not None:
        heading = _family(design.heading_font, base_dir, warnings, fallback=body)

    def mono() -> Family:
        try:
            return _register(design.mono_font, *find_family(design.mono_font, base_dir))
        except FontNotFoundError as error:
            for name in MONO_FALLBACKS:
                files = from_fontconfig(name)
                if files:
                    warnings.append(f"{error}; code is set in {name}")
                    return _register(name, files, "the system's fonts")
            warnings.append(f"{error}; code is set in the body font")
            return body

    return Fonts(body, heading, mono)


def _family(
    font: str, base_dir: Path, warnings: list[str], fallback: Family | None = None
) -> Family:
    try:
        files, origin = find_family(font, base_dir)
    except FontNotFoundError as error:
        if fallback is not None:
            warnings.append(f"{error}; using the body font")
            return fallback
        warnings.append(f"{error}; using Source Sans Pro")
        files, origin = bundled_files(), "the font-source-sans-pro package"
    return _register(font, files, origin)


def _register(font: str, files: dict[str, FontFile], origin: str) -> Family:
    try:
        return register_family(files, origin)
    except (TTFError, OSError) as error:
        paths = ", ".join(sorted({str(file.path) for file in files.values()}))
        raise ExportError(
            f"the font {font!r} ({paths}) cannot be used: {error}; reportlab embeds "
            "TrueType-outline fonts only (.ttf, .ttc)"
        ) from None


def _pages(document: DocumentView, look: Look, maker: RunMaker) -> list[list[Placed]]:
    return paginate(Layout(look, maker).document(document), look.text_box)


def _draw(
    resume: Resume,
    document: DocumentView,
    pages: list[list[Placed]],
    look: Look,
    maker: RunMaker,
    family: Family,
) -> bytes:
    stamp = document_timestamp(resume)
    pdf_date = stamp.strftime("D:%Y%m%d%H%M%S+00'00'")
    producer = f"resumeout {__version__}"
    metadata = document.metadata
    language = document.language
    buffer = io.BytesIO()
    canvas = TaggedCanvas(
        buffer,
        pages=len(pages),
        metadata=xmp_metadata(
            metadata.title,
            metadata.author,
            stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            producer,
            language.tag,
        ),
        pagesize=look.page_size,
        invariant=1,  # no clock, no random ID: the same source gives the same bytes
        initialFontName=family.regular,  # else reportlab declares an unused Helvetica
        lang=language.tag,  # the document's /Lang
    )
    canvas.setDateFormatter(lambda *_: pdf_date)
    canvas.setTitle(metadata.title)
    canvas.setAuthor(metadata.author)
    canvas.setSubject(metadata.subject)
    canvas.setKeywords(list(metadata.keywords))
    canvas.setCreator(producer)
    canvas.setProducer(producer)
    painter = Painter(canvas, look.text_box)
    for number, placed in enumerate(pages, start=1):
        painter.page(placed)
        if len(pages) > 1:
            painter.footer(_footer(document, number, len(pages), look, maker), look.bottom_margin)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _footer(
    document: DocumentView, page: int, pages: int, look: Look, maker: RunMaker
) -> TextBlock:
    # The numbers are put in as values: the name is never searched for placeholders.
    runs = maker.plain(f"{document.name} — {document.language.page(page, pages)}", look.footer)
    lines = break_lines([runs], look.page_size[0])
    return TextBlock(tuple(lines), look.footer, Slot("Artifact"))


def date_column(resume: Resume, base_dir: Path) -> DateColumn:
    """The date column the PDF of ``resume`` has (for the DOCX to set the same): its
    width and the asides too wide for it (see :class:`DateColumn`)."""
    document, look, maker = _laid_out(resume, base_dir)
    return Layout(look, maker).date_column(document)


def _laid_out(resume: Resume, base_dir: Path) -> tuple[DocumentView, Look, RunMaker]:
    """What laying ``resume`` out without drawing it needs: its view, its look and the
    maker of its runs (warnings are the drawing's to give)."""
    fonts = _fonts(resume, base_dir, [])
    document = present(resume)
    look, scripts = _look_and_scripts(resume, document, base_dir, None)
    return document, look, RunMaker(fonts, look.link_colour, scripts)
