"""What a reader of the PDF or the DOCX must find: every fact of a résumé, as drawn.

The facts come from :func:`resumeout.views.document.present`, the views both exporters
draw, flattened to text by :func:`resumeout.model.inline.runs`, the flattening both use (links
show their label, a line break is a new line). So the expected text is exactly the text
on the page, and a change in how an entry is laid out changes the facts with it.

Each fact keeps the path of the source field it comes from, so a fact that is missing
from a document is reported at its line and column in the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from resumeout.model import (
    EducationSection,
    ExperienceSection,
    GenericEntry,
    GenericSection,
    LineSection,
    PublicationEntry,
    PublicationSection,
    Resume,
    Section,
    TextSection,
)
from resumeout.model.inline import Rich, Text, runs
from resumeout.source.loading import FieldPath
from resumeout.views.document import EntryView, present


@dataclass(frozen=True, slots=True)
class Fact:
    """One string a reader must find, as the exporters draw it."""

    kind: str
    """What it is, for people: "name", "section title", "publication title", "bullet"…"""
    text: str
    path: FieldPath
    """The source field it comes from (or its nearest ancestor)."""
    any_case: bool = False
    """Found in capitals too: a theme may draw it so (section titles)."""

    @property
    def plural(self) -> bool:
        """Whether ``kind`` names more than one thing: "the dates … are"."""
        return self.kind in _PLURAL_KINDS


_PLURAL_KINDS = frozenset({"dates", "details", "venue and date"})


@dataclass(frozen=True, slots=True)
class DatedHeading:
    """An entry whose heading and aside (dates, venue) must be read on one line."""

    heading: Fact
    aside: Fact


@dataclass(frozen=True, slots=True)
class Expectations:
    facts: tuple[Fact, ...]
    dated_headings: tuple[DatedHeading, ...]
    dates_under_headings: bool = False
    """The design puts each entry's dates on the line under its heading
    (``entries.dates: own_line``): there, not on the heading's line, they are read."""
    dates_in_column: bool = False
    """The design puts dates in a column before their heading (``left_column``): dates
    too wide for it are set whole on the line above the heading, and read there."""


@dataclass(frozen=True, slots=True)
class _Roles:
    """How one kind of section names the parts of its entries' views: for each part,
    (what it is called, the source field it starts with; ``None``: the entry itself)."""

    heading: tuple[str, str | None]
    aside: tuple[str, str | None]
    first_line: tuple[str, str | None]


_ROLES: dict[type[Section], _Roles] = {
    EducationSection: _Roles(("school", "institution"), ("dates", "start"), ("details", None)),
    ExperienceSection: _Roles(("position", "title"), ("dates", "start"), ("summary", "summary")),
    PublicationSection: _Roles(
        ("publication title", "title"), ("venue and date", "venue"), ("authors", "authors")
    ),  # its first line, the authors, is checked name by name
    GenericSection: _Roles(("entry title", "title"), ("date", "date"), ("summary", "summary")),
    LineSection: _Roles(("line", "label"), ("aside", None), ("details", "details")),
    TextSection: _Roles(("heading", None), ("aside", None), ("paragraph", None)),
}


def drawn_text(rich: Rich) -> str:
    """The text the PDF and DOCX exporters draw for ``rich``."""
    return "".join("\n" if run.line_break else run.text for run in runs(rich))


def expected_facts(resume: Resume) -> Expectations:
    view = present(resume)
    facts = [Fact("name", view.name, ("name",))]
    if view.headline:
        facts.append(Fact("headline", drawn_text(view.headline), ("headline",)))
    for contact, contact_path in zip(view.contacts, _contact_paths(resume), strict=False):
        facts.append(Fact("contact", drawn_text(contact.rich), contact_path))
    dated: list[DatedHeading] = []
    # present() leaves out sections without entries; the others keep their order.
    shown = [(index, section) for index, section in enumerate(resume.sections) if section.entries]
    for (index, section), section_view in zip(shown, view.sections, strict=True):
        title_path: FieldPath = ("sections", index, "title")
        facts.append(Fact("section title", section_view.title, title_path, any_case=True))
        roles = _ROLES[type(section)]
        for position, entry in enumerate(section_view.entries):
            path: FieldPath = ("sections", index, "entries", position)
            heading, aside = _first_line(entry, roles, path, section.entries[position])
            if heading is not None and aside is not None:
                dated.append(DatedHeading(heading, aside))
            facts += [fact for fact in (heading, aside) if fact is not None]
            facts += _details(entry, roles, path, section.entries[position])
    if view.last_updated:
        facts.append(Fact("last updated", view.last_updated, ("last_updated",)))
    placement = resume.design.entries.dates
    return Expectations(
        tuple(f for f in facts if f.text.strip()),
        tuple(dated),
        dates_under_headings=placement == "own_line",
        dates_in_column=placement == "left_column",
    )


def _first_line(
    entry: EntryView, roles: _Roles, path: FieldPath, model: object
) -> tuple[Fact | None, Fact | None]:
    heading = aside = None
    if entry.heading:
        heading = Fact(roles.heading[0], drawn_text(entry.heading), _at(path, roles.heading[1]))
    if entry.aside:
        field = roles.aside[1]
        if isinstance(model, GenericEntry) and model.date is None:
            field = "start"  # a generic entry is dated by `date` or by `start`/`end`
        aside = Fact(roles.aside[0], drawn_text(entry.aside), _at(path, field))
    return heading, aside


def _details(entry: EntryView, roles: _Roles, path: FieldPath, model: object) -> list[Fact]:
    facts = []
    for number, line in enumerate(entry.lines):
        authors = _authors(line, model) if number == 0 else None
        if authors is not None:
            # Each author is a fact of its own: a search is for one name, not the list.
            facts += [
                Fact("author", author, (*path, "authors", index))
                for index, author in enumerate(authors)
            ]
            continue
        kind, field = roles.first_line if number == 0 else ("details", None)
        facts.append(Fact(kind, drawn_text(line), _at(path, field)))
    for number, bullet in enumerate(entry.bullets):
        facts.append(Fact("bullet", drawn_text(bullet), (*path, "highlights", number)))
    return facts


def _authors(line: Rich, model: object) -> list[str] | None:
    """Each author of a publication's authors line as drawn ("Runyu Lu*"), or None
    when the line is not one name per node between ", " separators."""
    if not isinstance(model, PublicationEntry):
        return None
    names = [drawn_text(Rich((node,))) for node in line.nodes if node != Text(", ")]
    return names if len(names) == len(model.authors) else None


def _at(path: FieldPath, field: str | None) -> FieldPath:
    return path if field is None else (*path, field)


def _contact_paths(resume: Resume) -> Iterator[FieldPath]:
    """The source field of each contact, in the order presentation lists them."""
    for field in ("location", "email", "phone", "website"):
        if getattr(resume, field):
            yield (field,)
    for index in range(len(resume.profiles)):
        yield ("profiles", index)
