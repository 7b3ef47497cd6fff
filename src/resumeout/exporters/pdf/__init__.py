"""The PDF exporter. reportlab is imported only when a PDF is rendered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout.exporters.base import Exporter

if TYPE_CHECKING:
    from resumeout.model import Resume


class PdfExporter(Exporter):
    name = "pdf"
    suffix = ".pdf"
    description = "PDF, fonts embedded, text extractable"
    binary = True
    paged = True

    def render(self, resume: Resume) -> bytes:
        from resumeout.exporters.pdf.document import build_pdf

        return build_pdf(
            resume,
            self.base_dir,
            self.warnings,
            allow_missing_glyphs=self.allow_missing_glyphs,
            uncovered=self.uncovered,
        )

    def count_pages(self, resume: Resume) -> int:
        from resumeout.exporters.pdf.document import count_pages

        return count_pages(resume, self.base_dir)
