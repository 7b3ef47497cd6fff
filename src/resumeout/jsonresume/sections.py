"""The one table of JSON Resume's lists and the resumeout sections they are.

``resumeout import`` and the ``jsonresume`` exporter both read it, so the two directions
cannot drift apart: an imported section keeps its JSON Resume key as its ``id``, and the
exporter sends a section back to the list its ``id`` names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SectionKind:
    key: str
    """The JSON Resume list (``work``, ``awards``…); also the imported section's ``id``."""
    type: str
    """The resumeout section type its entries become."""
    title: str
    """The imported section's title."""
    default: bool = False
    """The list a section of this type is exported to when its ``id`` names no list."""


SECTIONS: tuple[SectionKind, ...] = (
    SectionKind("work", "experience", "Work Experience", default=True),
    SectionKind("volunteer", "experience", "Volunteering"),
    SectionKind("education", "education", "Education", default=True),
    SectionKind("awards", "entries", "Awards"),
    SectionKind("certificates", "entries", "Certificates"),
    SectionKind("publications", "publications", "Publications", default=True),
    SectionKind("skills", "lines", "Skills", default=True),
    SectionKind("languages", "lines", "Languages"),
    SectionKind("interests", "lines", "Interests"),
    SectionKind("references", "entries", "References"),
    SectionKind("projects", "entries", "Projects", default=True),
)

BY_KEY: dict[str, SectionKind] = {kind.key: kind for kind in SECTIONS}

# JSON Resume's summary is one text in `basics`, not a list: it becomes (and comes back
# from) a text section with this id and title.
SUMMARY = SectionKind("summary", "text", "Summary", default=True)


def export_kind(section_id: str | None, section_type: str) -> SectionKind:
    """Where a section goes on export: the list its id names if that list holds entries of
    its type, otherwise the default list for its type."""
    named = BY_KEY.get(section_id or "")
    if named is not None and named.type == section_type:
        return named
    if section_type == SUMMARY.type:
        return SUMMARY
    return next(kind for kind in SECTIONS if kind.type == section_type and kind.default)
