"""A third-party paged exporter, for the tests: the résumé as lines of text on pages, the
way a line printer sets it. It uses only resumeout's public API. Its page count depends on
the design as a real page format's does (font size, line height, spacing, margins), so
fitting has something to tighten."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout import Exporter, present

if TYPE_CHECKING:
    from resumeout import Resume

PAGE_HEIGHT = 792.0
"""Points: a US Letter page."""


class LinePrinterExporter(Exporter):
    name = "lineprinter"
    suffix = ".lp"
    description = "lines of text on pages (a test plugin)"
    paged = True

    def render(self, resume: Resume) -> str:
        return "\f".join("\n".join(page) for page in self._pages(resume)) + "\n"

    def count_pages(self, resume: Resume) -> int:
        return len(self._pages(resume))

    def _pages(self, resume: Resume) -> list[list[str]]:
        design = resume.design
        pitch = design.font_size * design.line_height * design.spacing
        usable = PAGE_HEIGHT - design.margins.top - design.margins.bottom
        per_page = max(1, int(usable // pitch))
        lines = _lines(resume)
        return [lines[start : start + per_page] for start in range(0, len(lines), per_page)]


def _lines(resume: Resume) -> list[str]:
    document = present(resume)
    lines = [document.name]
    for section in document.sections:
        lines.append(section.title.upper())
        for entry in section.entries:
            first = " / ".join(part.text() for part in (entry.heading, entry.aside) if part)
            lines += [first] if first else []
            lines += [line.text() for line in entry.lines]
            lines += [f"- {bullet.text()}" for bullet in entry.bullets]
    return lines
