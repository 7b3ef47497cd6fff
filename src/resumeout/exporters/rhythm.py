"""The vertical rhythm of the page formats: sizes, leading and gaps in points, from
``design``. PDF and DOCX both read it, so that they lay out alike and a résumé fitted on
N pages in one is on N pages in the other."""

from __future__ import annotations

from dataclasses import dataclass

from resumeout.model import Design
from resumeout.model.layout import Gaps, Header, Note, SectionTitles
from resumeout.views.document import EntryView


@dataclass(frozen=True)
class Rhythm:
    size: float
    leading: float
    spacing: float
    header: Header
    titles: SectionTitles
    note_look: Note
    gaps: Gaps

    @classmethod
    def of(cls, design: Design) -> Rhythm:
        return cls(
            design.font_size,
            design.font_size * design.line_height,
            design.spacing,
            design.header,
            design.section_titles,
            design.note,
            design.gaps,
        )

    # Sizes and leading of the larger and smaller text, proportional to the body.
    @property
    def name(self) -> tuple[float, float]:
        return self.size * self.header.name_size, self.size * self.header.name_leading

    @property
    def headline(self) -> tuple[float, float]:
        return self.size * self.header.headline_size, self.size * self.header.headline_leading

    @property
    def section(self) -> tuple[float, float]:
        return self.size * self.titles.size, self.size * self.titles.leading

    @property
    def note(self) -> tuple[float, float]:
        return self.size * self.note_look.size, self.size * self.note_look.leading

    @property
    def contact_before(self) -> float:
        return self.size * self.gaps.contact_before

    @property
    def section_before(self) -> float:
        return self.size * self.gaps.section_before * self.spacing

    @property
    def section_after(self) -> float:
        return self.size * self.gaps.section_after * self.spacing

    @property
    def closing_before(self) -> float:
        return self.size * self.gaps.closing * self.spacing

    def entry_gap(self, entry: EntryView, position: int) -> float:
        """Space above an entry: its size decides it. One-line entries sit close; entries
        with detail lines or bullets get room."""
        if position == 0:
            return 0.0
        if entry.compact:
            return self.size * self.gaps.line_entry * self.spacing
        if entry.lines or entry.bullets:
            return self.size * self.gaps.entry * self.spacing
        return self.size * self.gaps.short_entry * self.spacing
