"""JSON Resume (jsonresume.org), the interchange format of many résumé tools and themes.

A section goes to the list its ``id`` names (as ``resumeout import`` sets them: ``work``,
``awards``…) when that list holds its kind of entry, otherwise to its kind's default list
(see :mod:`resumeout.jsonresume.sections`). Every field of the model is read through one
helper that remembers what was written, so each field that holds something JSON Resume has
no place for (author lists, advisors, a project's location…) is named by its path in a
warning. ``design``, ``settings``, ``variants`` and tags say how resumeout shows the
résumé, not what it says, and are not reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, assert_never

from resumeout.dates import PartialDate
from resumeout.exporters.base import Exporter
from resumeout.jsonresume.sections import SUMMARY, SectionKind, export_kind
from resumeout.model.fields import Tagged
from resumeout.model.inline import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    ParagraphBreak,
    Rich,
    Strong,
    Text,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from resumeout.model import Resume, Section

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
# How resumeout shows the résumé, not what it says: nothing to report when left out.
# (``locale`` sets the words and month names resumeout adds; JSON Resume has neither.)
_NOT_CONTENT = frozenset({"tags", "variants", "design", "settings", "locale"})

Data = dict[str, Any]


def _clean(data: Data) -> Data:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _hidden_links(nodes: tuple[Inline, ...]) -> list[str]:
    """The targets of links whose label does not show them (an autolink shows its URL):
    what plain text loses."""
    found: list[str] = []
    for node in nodes:
        match node:
            case Link(url, children):
                if Rich(children).text() not in (url, url.removeprefix("mailto:")):
                    found.append(url)
            case Strong(children) | Emphasis(children):
                found += _hidden_links(children)
            case Text() | Code() | LineBreak() | ParagraphBreak():
                pass
            case _:
                assert_never(node)
    return found


class _Fields:
    """One model object being exported: hands out its fields as JSON Resume values and
    remembers which it handed out, so that the rest can be named."""

    def __init__(self, source: BaseModel, path: str, warnings: list[str]) -> None:
        self.source = source
        self.path = path
        self.warnings = warnings
        self.taken: set[str] = set()

    def _where(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def raw(self, name: str) -> Any:
        self.taken.add(name)
        return self.peek(name)

    def peek(self, name: str) -> Any:
        """A field's value, without counting it as written."""
        return getattr(self.source, name)

    def text(self, name: str) -> str | None:
        value = self.raw(name)
        if isinstance(value, Rich):
            return self._plain(name, value) or None
        return value if isinstance(value, str) else None

    def texts(self, name: str) -> list[str]:
        items = []
        for index, value in enumerate(self.raw(name)):
            rich = value.rich if isinstance(value, Tagged) else value
            items.append(self._plain(f"{name}[{index}]", rich) if isinstance(rich, Rich) else rich)
        return [item for item in items if item]

    def date(self, name: str) -> str | None:
        value = self.raw(name)
        if not isinstance(value, PartialDate):
            return None  # absent, or `present`: JSON Resume leaves an ongoing end out
        if not 1000 <= value.year <= 2999:  # the years JSON Resume's date pattern allows
            self.warnings.append(
                f"{self._where(name)}: JSON Resume dates run from 1000 to 2999; left out"
            )
            return None
        return value.iso()

    def done(self, where: str) -> None:
        """Warn for every field that holds something and was not written."""
        for name in type(self.source).model_fields:
            value = self.peek(name)
            if name in self.taken or name in _NOT_CONTENT or value in (None, [], "", {}):
                continue
            self.warnings.append(f"{self._where(name)}: {where} has no place for it; left out")

    def _plain(self, name: str, rich: Rich) -> str:
        for url in _hidden_links(rich.nodes):
            self.warnings.append(
                f"{self._where(name)}: JSON Resume text is plain; the link to {url} is left "
                "out (its label is kept)"
            )
        return rich.text()


class JsonResumeExporter(Exporter):
    name = "jsonresume"
    suffix = ".json"
    description = "JSON Resume (jsonresume.org schema v1)"

    def render(self, resume: Resume) -> str:
        from resumeout.model import TextSection, profile_url

        top = _Fields(resume, "", self.warnings)
        profiles = []
        for index, profile in enumerate(top.raw("profiles")):
            fields = _Fields(profile, f"profiles[{index}]", self.warnings)
            profiles.append(
                _clean(
                    {
                        "network": fields.text("network"),
                        "username": fields.text("username"),
                        "url": fields.raw("url") or profile_url(profile),
                    }
                )
            )
            fields.done("a JSON Resume profile")
        location = top.text("location")
        basics = _clean(
            {
                "name": top.text("name"),
                "label": top.text("headline"),
                "email": top.raw("email"),
                "phone": top.raw("phone"),
                "url": top.raw("website"),
                "location": {"address": location} if location else None,
                "profiles": profiles,
            }
        )
        document: Data = {"$schema": SCHEMA_URL, "basics": basics}
        top.taken.add("sections")
        summary = _summary_index(resume.sections)
        for index, section in enumerate(resume.sections):
            path = f"sections[{index}]"
            if isinstance(section, TextSection):
                if index == summary:
                    paragraphs = _Fields(section, path, self.warnings).texts("entries")
                    basics["summary"] = "\n\n".join(paragraphs)
                    self._title_kept(path, section.title, SUMMARY)
                else:
                    self.warnings.append(
                        f"{path}: JSON Resume has one summary (sections[{summary}]); "
                        f"the text section {section.title!r} is left out"
                    )
                continue
            kind = export_kind(section.id, section.type)
            self._title_kept(path, section.title, kind)
            items = document.setdefault(kind.key, [])
            for position, entry in enumerate(section.entries):
                fields = _Fields(entry, f"{path}.entries[{position}]", self.warnings)
                items.append(_clean(_WRITERS[kind.key](fields)))
                fields.done(f"JSON Resume's `{kind.key}`")
        last_updated = top.date("last_updated")
        if last_updated:
            document["meta"] = {"lastModified": last_updated}
        top.done("JSON Resume")
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def _title_kept(self, path: str, title: str, kind: SectionKind) -> None:
        if title != kind.title:
            self.warnings.append(
                f"{path}.title: JSON Resume names its parts itself; {title!r} is exported "
                f"as `{kind.key}`"
            )


def _summary_index(sections: list[Section]) -> int | None:
    """The text section that becomes ``basics.summary``: the one with the id ``summary``,
    otherwise the first."""
    texts = [index for index, section in enumerate(sections) if section.type == SUMMARY.type]
    named = [index for index in texts if sections[index].id == SUMMARY.key]
    chosen = named or texts
    return chosen[0] if chosen else None


def _work(f: _Fields) -> Data:
    return {
        "name": f.text("organization"),
        "position": f.text("title"),
        "url": f.raw("url"),
        "location": f.text("location"),
        "startDate": f.date("start"),
        "endDate": f.date("end"),
        "summary": f.text("summary"),
        "highlights": f.texts("highlights"),
    }


def _volunteer(f: _Fields) -> Data:
    return {
        "organization": f.text("organization"),
        "position": f.text("title"),
        "url": f.raw("url"),
        "startDate": f.date("start"),
        "endDate": f.date("end"),
        "summary": f.text("summary"),
        "highlights": f.texts("highlights"),
    }


def _education(f: _Fields) -> Data:
    return {
        "institution": f.text("institution"),
        "url": f.raw("url"),
        "area": f.text("area"),
        "studyType": f.text("degree"),
        "startDate": f.date("start"),
        "endDate": f.date("end"),
        "score": f.text("gpa"),
        "courses": f.texts("courses"),
    }


def _publication(f: _Fields) -> Data:
    url = f.raw("url")
    if url is None and f.peek("doi") is not None:
        url = f"https://doi.org/{f.raw('doi')}"
    return {
        "name": f.text("title"),
        "publisher": f.text("venue"),
        "releaseDate": f.date("date"),
        "url": url,
        "summary": f.text("note"),
    }


def _single_date(f: _Fields) -> str | None:
    """An award's or certificate's one date: its date, or the start of its range."""
    return f.date("date") or f.date("start")


def _award(f: _Fields) -> Data:
    return {
        "title": f.text("title"),
        "date": _single_date(f),
        "awarder": f.text("subtitle"),
        "summary": f.text("summary"),
    }


def _certificate(f: _Fields) -> Data:
    return {
        "name": f.text("title"),
        "date": _single_date(f),
        "issuer": f.text("subtitle"),
        "url": f.raw("url"),
    }


def _reference(f: _Fields) -> Data:
    return {"name": f.text("title"), "reference": f.text("summary")}


def _project(f: _Fields) -> Data:
    return {
        "name": f.text("title"),
        "entity": f.text("subtitle"),
        "description": f.text("summary"),
        "highlights": f.texts("highlights"),
        "startDate": f.date("start") or f.date("date"),
        "endDate": f.date("end"),
        "url": f.raw("url"),
    }


def _keywords(f: _Fields) -> list[str]:
    details = f.text("details")
    return [word for word in details.split(", ") if word] if details else []


def _skill(f: _Fields) -> Data:
    return {"name": f.text("label"), "level": f.text("level"), "keywords": _keywords(f)}


def _language(f: _Fields) -> Data:
    fluency = [text for text in (f.text("level"), f.text("details")) if text]
    return {"language": f.text("label"), "fluency": ", ".join(fluency)}


def _interest(f: _Fields) -> Data:
    return {"name": f.text("label"), "keywords": _keywords(f)}


_WRITERS: dict[str, Callable[[_Fields], Data]] = {
    "work": _work,
    "volunteer": _volunteer,
    "education": _education,
    "awards": _award,
    "certificates": _certificate,
    "publications": _publication,
    "skills": _skill,
    "languages": _language,
    "interests": _interest,
    "references": _reference,
    "projects": _project,
}
