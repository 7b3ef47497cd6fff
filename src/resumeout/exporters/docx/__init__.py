"""The DOCX exporter. python-docx is imported only when a DOCX is rendered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout.exporters.base import Exporter

if TYPE_CHECKING:
    from resumeout.model import Resume


class DocxExporter(Exporter):
    name = "docx"
    suffix = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Word document with named styles, real lists and links, fonts embedded"
    binary = True

    def render(self, resume: Resume) -> bytes:
        from resumeout.exporters.docx.document import build_docx

        return build_docx(resume, self.base_dir, self.warnings)
