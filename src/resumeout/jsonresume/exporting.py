"""JSON Resume (jsonresume.org), the interchange format of many résumé tools and themes.

Sections map by their ``id`` (as ``resumeout import`` sets them: ``work``, ``awards``…),
otherwise by their kind. What JSON Resume has no place for (author lists, advisors, text
sections after the first) is named in a warning, not dropped silently.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, assert_never

from resumeout.dates import PartialDate
from resumeout.exporters.base import Exporter
from resumeout.model.inline import Rich

if TYPE_CHECKING:
    from resumeout.model import GenericEntry, Resume, Section
    from resumeout.model.fields import Tagged

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
KEYS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
DEFAULT_KEY = {
    "experience": "work",
    "education": "education",
    "publications": "publications",
    "lines": "skills",
    "entries": "projects",
}

Data = dict[str, Any]


def _text(rich: Rich | None) -> str | None:
    return rich.text() if rich else None


def _date(date: PartialDate | str | None) -> str | None:
    return date.iso() if isinstance(date, PartialDate) else None


def _clean(data: Data) -> Data:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


class JsonResumeExporter(Exporter):
    name = "jsonresume"
    suffix = ".json"
    description = "JSON Resume (jsonresume.org schema v1)"

    def render(self, resume: Resume) -> str:
        from resumeout.model import profile_url

        basics: Data = _clean(
            {
                "name": resume.name,
                "label": _text(resume.headline),
                "email": resume.email,
                "phone": resume.phone,
                "url": resume.website,
                "location": {"address": resume.location} if resume.location else None,
                "profiles": [
                    _clean({"network": p.network, "username": p.username, "url": profile_url(p)})
                    for p in resume.profiles
                ],
            }
        )
        document: Data = {"$schema": SCHEMA_URL, "basics": basics}
        self._summary_done = False
        for section in resume.sections:
            key = self._key(section)
            if key is None:
                continue
            if key == "summary":
                paragraphs: list[Tagged] = section.entries  # type: ignore[assignment]
                basics["summary"] = "\n\n".join(p.rich.text() for p in paragraphs)
                continue
            document.setdefault(key, []).extend(self._entries(section, key))
        if resume.last_updated:
            document["meta"] = {"lastModified": resume.last_updated.iso()}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def _key(self, section: Section) -> str | None:
        if section.type == "text":
            if section.id in (None, "summary") and not self._summary_done:
                self._summary_done = True
                return "summary"
            self.warnings.append(
                f"section {section.title!r}: JSON Resume has one summary; "
                "this text section is left out"
            )
            return None
        if section.id in KEYS:
            return section.id
        return DEFAULT_KEY[section.type]

    def _lost(self, section: Section, what: str) -> None:
        message = f"section {section.title!r}: JSON Resume has no place for {what}"
        if message not in self.warnings:
            self.warnings.append(message)

    def _entries(self, section: Section, key: str) -> list[Data]:
        from resumeout.model import (
            EducationSection,
            ExperienceSection,
            GenericSection,
            LineSection,
            PublicationSection,
            TextSection,
        )

        out: list[Data] = []
        match section:
            case ExperienceSection(entries=entries):
                org = "organization" if key == "volunteer" else "name"
                for job in entries:
                    out.append(
                        _clean(
                            {
                                org: _text(job.organization),
                                "position": job.title.text(),
                                "url": job.url,
                                "location": job.location if key == "work" else None,
                                "startDate": _date(job.start),
                                "endDate": _date(job.end),
                                "summary": _text(job.summary),
                                "highlights": [h.rich.text() for h in job.highlights],
                            }
                        )
                    )
            case EducationSection(entries=entries):
                for school in entries:
                    if school.advisors or school.details or school.highlights or school.location:
                        self._lost(section, "advisors, details, highlights or location")
                    out.append(
                        _clean(
                            {
                                "institution": school.institution.text(),
                                "url": school.url,
                                "area": _text(school.area),
                                "studyType": _text(school.degree),
                                "startDate": _date(school.start),
                                "endDate": _date(school.end),
                                "score": school.gpa,
                                "courses": list(school.courses),
                            }
                        )
                    )
            case PublicationSection(entries=entries):
                for paper in entries:
                    if paper.authors or paper.keywords or paper.doi:
                        self._lost(section, "authors, keywords or DOIs")
                    out.append(
                        _clean(
                            {
                                "name": paper.title.text(),
                                "publisher": _text(paper.venue),
                                "releaseDate": _date(paper.date),
                                "url": paper.url
                                or (f"https://doi.org/{paper.doi}" if paper.doi else None),
                                "summary": _text(paper.note),
                            }
                        )
                    )
            case LineSection(entries=entries):
                for line in entries:
                    details = _text(line.details)
                    keywords = details.split(", ") if details else []
                    match key:
                        case "languages":
                            out.append(_clean({"language": line.label.text(), "fluency": details}))
                        case "interests":
                            out.append(_clean({"name": line.label.text(), "keywords": keywords}))
                        case _:
                            out.append(
                                _clean(
                                    {
                                        "name": line.label.text(),
                                        "level": line.level,
                                        "keywords": keywords,
                                    }
                                )
                            )
            case GenericSection(entries=entries):
                for item in entries:
                    out.append(self._generic(key, item))
            case TextSection():
                pass
            case _:
                assert_never(section)
        return out

    def _generic(self, key: str, e: GenericEntry) -> Data:
        match key:
            case "awards":
                return _clean(
                    {
                        "title": e.title.text(),
                        "date": _date(e.date),
                        "awarder": _text(e.subtitle),
                        "summary": _text(e.summary),
                    }
                )
            case "certificates":
                return _clean(
                    {
                        "name": e.title.text(),
                        "date": _date(e.date),
                        "issuer": _text(e.subtitle),
                        "url": e.url,
                    }
                )
            case "references":
                return _clean({"name": e.title.text(), "reference": _text(e.summary)})
            case _:
                return _clean(
                    {
                        "name": e.title.text(),
                        "entity": _text(e.subtitle),
                        "description": _text(e.summary),
                        "highlights": [h.rich.text() for h in e.highlights],
                        "startDate": _date(e.start or e.date),
                        "endDate": _date(e.end),
                        "url": e.url,
                    }
                )
