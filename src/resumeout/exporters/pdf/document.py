"""Assembles the PDF: page template, footer, metadata, and byte-identical output."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFError
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from resumeout import __version__
from resumeout.errors import ExportError
from resumeout.exporters.pdf import layout
from resumeout.exporters.pdf.canvas import PageCanvas
from resumeout.exporters.pdf.fonts import (
    FontNotFoundError,
    bundled_files,
    find_family,
    register_family,
)
from resumeout.exporters.pdf.markup import MarkupWriter
from resumeout.exporters.pdf.tagging import xmp_metadata
from resumeout.model import Resume
from resumeout.model.style import PAGE_SIZES
from resumeout.views.document import present
from resumeout.views.timestamps import document_timestamp


def build_pdf(resume: Resume, base_dir: Path, warnings: list[str]) -> bytes:
    return render_pdf(resume, base_dir, warnings)[0]


def count_pages(resume: Resume, base_dir: Path) -> int:
    """How many pages the PDF of ``resume`` has (for fitting it to a page count)."""
    return render_pdf(resume, base_dir, [])[1]


def render_pdf(resume: Resume, base_dir: Path, warnings: list[str]) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    design = resume.design
    try:
        files, origin = find_family(design.font, base_dir)
    except FontNotFoundError as error:
        warnings.append(f"{error}; using Source Sans Pro")
        files, origin = bundled_files(), "the font-source-sans-pro package"
    try:
        family = register_family(files, origin)
    except (TTFError, OSError) as error:
        paths = ", ".join(sorted({str(file.path) for file in files.values()}))
        raise ExportError(
            f"the font {design.font!r} ({paths}) cannot be used: {error}; reportlab embeds "
            "TrueType-outline fonts only (.ttf, .ttc)"
        ) from None
    styles = layout.make_styles(design, family)
    writer = MarkupWriter(family, design.accent_color)
    document = present(resume)

    story = layout.header(document, styles, writer)
    for index, view in enumerate(document.sections):
        story += layout.section(view, index, styles, writer)
    story += layout.closing(document, styles, writer)

    language = document.language

    def footer_markup(page: int, pages: int) -> str:
        # The numbers are put in as values: the name is never searched for placeholders.
        return writer.plain(f"{document.name} — {language.page(page, pages)}", italic=True)

    stamp = document_timestamp(resume)
    pdf_date = stamp.strftime("D:%Y%m%d%H%M%S+00'00'")
    producer = f"resumeout {__version__}"
    buffer = io.BytesIO()
    margins = design.margins
    template = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[design.page_size],
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=document.metadata.title,
        author=document.metadata.author,
        subject=document.metadata.subject,
        keywords=list(document.metadata.keywords),
        creator=producer,
        producer=producer,
        invariant=1,  # no clock, no random ID: the same source gives the same bytes
        initialFontName=family.regular,  # else reportlab declares an unused Helvetica
        lang=language.tag,  # the document's /Lang
    )

    metadata = xmp_metadata(
        document.metadata.title,
        document.metadata.author,
        stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        producer,
        language.tag,
    )
    canvases: list[PageCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        canvas = PageCanvas(
            *args,
            footer=(footer_markup, styles.footer),
            footer_space=margins.bottom,
            metadata=metadata,
            **kwargs,
        )
        canvas.setDateFormatter(lambda *_: pdf_date)
        canvases.append(canvas)
        return canvas

    template.build(story, canvasmaker=make_canvas)
    for char in sorted(writer.missing):
        warnings.append(
            f"no installed font can draw {char!r} (U+{ord(char):04X}); install a "
            "font that has it (see README, Fonts)"
        )
    return buffer.getvalue(), canvases[-1].page_count
