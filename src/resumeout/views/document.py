"""What goes where: the résumé laid out as format-neutral views.

Every entry kind becomes the same :class:`EntryView` (a heading, an aside such as dates
or venue, lines and bullets), so the decisions "the owner is bold in author lists" or
"dates read Sep 2024 – Present" are made once here, and each exporter only decides how a
view looks in its format. Every word resumeout adds is in the résumé's language
(:mod:`resumeout.locales`), so every format speaks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import assert_never

from resumeout.locales import Language, resolve
from resumeout.model import (
    EducationEntry,
    EducationSection,
    ExperienceEntry,
    ExperienceSection,
    GenericEntry,
    GenericSection,
    LineEntry,
    LineSection,
    PublicationEntry,
    PublicationSection,
    Resume,
    Section,
    TextSection,
    profile_url,
)
from resumeout.model.inline import Link, Rich, Strong, Text, holds_link


@dataclass(frozen=True, slots=True)
class Contact:
    label: str
    url: str | None

    @property
    def rich(self) -> Rich:
        """The label, as a link when there is somewhere to go."""
        if self.url is None:
            return Rich.plain(self.label)
        return Rich((Link(self.url, (Text(self.label),)),))


@dataclass(frozen=True, slots=True)
class EntryView:
    heading: Rich
    """The entry's first line, left."""
    aside: Rich
    """Right-aligned on the first line: dates, venue. May be empty."""
    lines: tuple[Rich, ...] = ()
    bullets: tuple[Rich, ...] = ()
    compact: bool = False
    """A one-line entry (label: details) set without space around it."""


@dataclass(frozen=True, slots=True)
class SectionView:
    title: str
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    name: str
    headline: Rich | None
    contacts: tuple[Contact, ...]
    sections: tuple[SectionView, ...]
    last_updated: str | None
    metadata: Metadata
    language: Language
    """The résumé's language: its tags and direction for the documents' metadata, and
    the words a format adds itself (the PDF's page footer)."""


def present(resume: Resume) -> DocumentView:
    language = language_of(resume)
    sections = tuple(
        SectionView(section.title, tuple(_entries(section, resume, language)))
        for section in resume.sections
    )
    kind = language.words.resume
    return DocumentView(
        name=resume.name,
        headline=resume.headline,
        contacts=tuple(_contacts(resume)),
        sections=tuple(s for s in sections if s.entries),
        last_updated=language.last_updated(resume.last_updated) if resume.last_updated else None,
        metadata=Metadata(
            title=resume.settings.title or f"{resume.name} – {kind}",
            author=resume.name,
            subject=resume.headline.text() if resume.headline else kind,
            keywords=tuple(s.title for s in resume.sections),
        ),
        language=language,
    )


def language_of(resume: Resume) -> Language:
    """The résumé's language with its own labels, patterns and month style."""
    locale, dates = resume.locale, resume.settings.dates
    labels = locale.label_overrides()
    if dates.present is not None:
        labels += (("present", dates.present),)
    patterns = locale.date_patterns
    return resolve(
        locale.language, locale.direction, labels, patterns.month, patterns.day, dates.month
    )


def _contacts(resume: Resume) -> Iterator[Contact]:
    if resume.location:
        yield Contact(resume.location, None)
    if resume.email:
        yield Contact(resume.email, f"mailto:{resume.email}")
    if resume.phone:
        digits = re.sub(r"[^0-9+]", "", resume.phone.split("x")[0])
        yield Contact(resume.phone, f"tel:{digits}")
    if resume.website:
        yield Contact(display_url(resume.website), resume.website)
    for profile in resume.profiles:
        url = profile_url(profile)
        yield Contact(display_url(url) if url else profile.username, url)


def display_url(url: str) -> str:
    """``https://www.example.org/x/`` is shown as ``example.org/x``."""
    shown = re.sub(r"^(https?://)?(www\.)?", "", url)
    return shown.rstrip("/")


def _entries(section: Section, resume: Resume, language: Language) -> Iterator[EntryView]:
    match section:
        case EducationSection(entries=entries):
            yield from (_education(entry, language) for entry in entries)
        case ExperienceSection(entries=entries):
            yield from (_experience(entry, language) for entry in entries)
        case PublicationSection(entries=entries):
            yield from (_publication(entry, resume, language) for entry in entries)
        case GenericSection(entries=entries):
            yield from (_generic(entry, language) for entry in entries)
        case LineSection(entries=entries):
            yield from (_line(entry, language) for entry in entries)
        case TextSection(entries=paragraphs):
            yield from (EntryView(Rich(()), Rich(()), (p.rich,)) for p in paragraphs)
        case _:
            assert_never(section)


def _strong(rich: Rich) -> Rich:
    return Rich((Strong(rich.nodes),)) if rich else rich


def _aside(language: Language, *parts: str | None) -> Rich:
    return Rich.plain(language.listed([part for part in parts if part]))


# What ends a sentence or a clause, in the scripts of the catalogued languages.
_SENTENCE_ENDS = ".!?;:。！？；：।؟؛"


def _sentences(parts: list[Rich], language: Language) -> Rich:
    """Join parts into one line as sentences: ``A. B. C`` (``A。B。C``)."""
    full_stop = language.words.full_stop
    space = full_stop[len(full_stop.rstrip()) :]
    joined: list[Rich] = []
    for part in parts:
        if joined:
            ends_sentence = joined[-1].text().rstrip()[-1:] in _SENTENCE_ENDS
            joined.append(Rich.plain(space if ends_sentence else full_stop))
        joined.append(part)
    return Rich.join(joined)


def _linked(rich: Rich, url: str | None) -> Rich:
    """``rich`` as a link to ``url`` (unless it holds links of its own, at any depth)."""
    if url is None or holds_link(rich.nodes):
        return rich
    return Rich((Link(url, rich.nodes),))


def _education(entry: EducationEntry, language: Language) -> EntryView:
    words = language.words
    institution = _strong(_linked(entry.institution, entry.url))
    parts = [institution, *(p for p in (entry.degree, entry.area) if p)]
    heading = Rich.join(parts, words.comma)
    details = list(entry.details)
    if entry.courses:
        details.append(Rich.plain(language.labelled(words.courses, language.listed(entry.courses))))
    if entry.advisors:
        details.append(
            Rich.plain(language.labelled(words.advisors, language.and_list(entry.advisors)))
        )
    if entry.gpa:
        details.append(Rich.plain(language.labelled(words.gpa, entry.gpa)))
    return EntryView(
        heading,
        _aside(language, language.range(entry.start, entry.end), entry.location),
        (_sentences(details, language),) if details else (),
        tuple(item.rich for item in entry.highlights),
    )


def _experience(entry: ExperienceEntry, language: Language) -> EntryView:
    organization = _linked(entry.organization, entry.url) if entry.organization else Rich(())
    heading = Rich.join([entry.title, _strong(organization)], language.words.comma)
    return EntryView(
        heading,
        _aside(language, language.range(entry.start, entry.end), entry.location),
        (entry.summary,) if entry.summary else (),
        tuple(item.rich for item in entry.highlights),
    )


def _publication(entry: PublicationEntry, resume: Resume, language: Language) -> EntryView:
    words = language.words
    year = language.date(entry.date) if entry.date else ""
    aside = Rich.join([entry.venue or Rich(()), Rich.plain(year)], " ")
    authors = authors_line(entry.authors, entry.equal_contribution, resume.owner_names, words.comma)
    match resume.design.publications.order:
        case "title_first":
            heading, lines = _strong(entry.title), [authors]
        case "authors_first":
            heading, lines = authors, [entry.title]
        case _:
            assert_never(resume.design.publications.order)
    if entry.note:
        lines.append(entry.note)
    if entry.keywords:
        lines.append(Rich.plain(language.labelled(words.keywords, language.listed(entry.keywords))))
    links = []
    if entry.doi:
        url = f"https://doi.org/{entry.doi}"
        label = language.labelled(words.doi, "")
        links.append(Rich((Text(label), Link(url, (Text(entry.doi),)))))
    if entry.url:
        links.append(Rich((Link(entry.url, (Text(display_url(entry.url)),)),)))
    if links:
        lines.append(Rich.join(links, " · "))
    return EntryView(heading, _strong(aside), tuple(lines))


def authors_line(
    authors: list[str], equal: list[str], owner_names: tuple[str, ...], comma: str = ", "
) -> Rich:
    """Authors in order, the owner in bold, equal contributors marked with ``*``."""
    owners = {_name_key(name) for name in owner_names}
    parts = []
    for author in authors:
        shown = Rich.plain(author + ("*" if author in equal else ""))
        parts.append(_strong(shown) if _name_key(author) in owners else shown)
    return Rich.join(parts, comma)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().replace(".", ". ").split())


def _generic(entry: GenericEntry, language: Language) -> EntryView:
    when = language.date(entry.date) if entry.date else language.range(entry.start, entry.end)
    lines = [entry.summary] if entry.summary else []
    if entry.url:
        lines.append(Rich((Link(entry.url, (Text(display_url(entry.url)),)),)))
    return EntryView(
        Rich.join([_strong(entry.title), entry.subtitle or Rich(())], language.words.comma),
        _aside(language, when, entry.location),
        tuple(lines),
        tuple(item.rich for item in entry.highlights),
    )


def _line(entry: LineEntry, language: Language) -> EntryView:
    """``**Label:** details``, ``**Label** (level): details`` or a lone ``**Label**``
    (``**Libellé :** détails``, ``**标签：**详情``)."""
    colon = language.words.colon
    mark, space = colon.rstrip(), colon[len(colon.rstrip()) :]
    after_label = Rich.plain(mark) if entry.details else Rich(())
    if entry.level:
        label = _strong(entry.label) + Rich.plain(f" ({entry.level})") + after_label
    else:
        label = _strong(entry.label + after_label)
    return EntryView(Rich.join([label, entry.details or Rich(())], space), Rich(()), compact=True)
