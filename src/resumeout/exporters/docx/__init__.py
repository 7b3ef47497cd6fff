"""The DOCX exporter. python-docx is imported only when a DOCX is rendered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout.exporters.base import Exporter

if TYPE_CHECKING:
    from resumeout.model import Resume


class DocxExporter(Exporter):
    name = "docx"
    suffix = ".docx"
    description = "Word document with named styles, real lists and links, fonts embedded"
    binary = True
    paged = True

    def render(self, resume: Resume) -> bytes:
        from resumeout.exporters.docx.document import build_docx

        return build_docx(resume, self.base_dir, self.warnings)

    def count_pages(self, resume: Resume) -> int:
        # Word lays the document out itself, so its pages cannot be counted here. The DOCX
        # shares the PDF's vertical rhythm (exporters/rhythm.py) to take the same number of
        # pages (tests/test_fitting.py checks that with LibreOffice), so the PDF's layout
        # measures it.
        from resumeout.exporters.pdf import PdfExporter

        return PdfExporter(self.base_dir).count_pages(resume)
