"""How each JSON Resume list's entries map onto resumeout's entry fields.

Every key the schema defines is read here: into its field, folded into a neighbouring one
(a job's ``description``, a project's ``roles``), or, for keys no entry holds, reported by
the reader. Legacy keys of real files are read after the schema's own.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from resumeout.jsonresume.positions import child_path
from resumeout.jsonresume.reading import Found, Reader, Target, text_value
from resumeout.model import (
    EducationEntry,
    ExperienceEntry,
    GenericEntry,
    LineEntry,
    PublicationEntry,
)

ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "experience": ExperienceEntry,
    "education": EducationEntry,
    "publications": PublicationEntry,
    "entries": GenericEntry,
    "lines": LineEntry,
}


def _work(r: Reader, t: Target, owner: str | None) -> None:
    position, name = r.text("position"), r.text("name", "company", "organization")
    t.text("title", position or name)  # without a position, the place names the entry
    if position:
        t.text("organization", name)
    t.text("url", r.text("url", "website"))
    t.text("location", r.text("location"))
    t.date("start", r.text("startDate"))
    t.date("end", r.text("endDate"), end=True)
    description = r.text("description")
    if description:
        r.notice(
            description.json_path,
            "kept as the first line of the entry's summary (resumeout has no description)",
        )
    t.lines("summary", [(None, [f], "") for f in (description, r.text("summary")) if f])
    t.texts("highlights", r.texts("highlights"))


def _education(r: Reader, t: Target, owner: str | None) -> None:
    t.text("institution", r.text("institution"))
    t.text("url", r.text("url", "website"))
    t.text("degree", r.text("studyType"))
    t.text("area", r.text("area"))
    t.date("start", r.text("startDate"))
    t.date("end", r.text("endDate"), end=True)
    t.text("gpa", r.text("score", "gpa"))
    t.texts("courses", r.texts("courses"))


def _award(r: Reader, t: Target, owner: str | None) -> None:
    t.text("title", r.text("title"))
    t.text("subtitle", r.text("awarder"))
    t.date("date", r.text("date"))
    t.text("summary", r.text("summary"))


def _certificate(r: Reader, t: Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("subtitle", r.text("issuer"))
    t.date("date", r.text("date"))
    t.text("url", r.text("url", "website"))


def _publication(r: Reader, t: Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("venue", r.text("publisher"))
    t.date("date", r.text("releaseDate"))
    t.text("url", r.text("url", "website"))
    t.text("note", r.text("summary"))
    coauthors = _coauthors(r)
    if coauthors and owner:
        # Not in the schema, but written by some tools. Its order relative to the owner
        # is unknown: the owner is put first, and the notice says so.
        t.texts("authors", [Found(coauthors[0].json_path, owner), *coauthors])
        r.notice(
            coauthors[0].json_path.rsplit("[", 1)[0],
            f"authors listed as {owner} then the coauthors; check the order",
        )


def _coauthors(r: Reader) -> list[Found]:
    found = r.value("coauthors")
    if found is None or not isinstance(found[1], list):
        return r.texts("coauthors")
    names = []
    for index, item in enumerate(found[1]):
        if isinstance(item, dict):  # {"name": …, "url": …}
            person = Reader(r.conversion, item, child_path(found[0], index))
            name = person.text("name")
            person.done()
        else:
            name = text_value(r, child_path(found[0], index), item)
        if name:
            names.append(name)
    return names


def _skill(r: Reader, t: Target, owner: str | None) -> None:
    t.text("label", r.text("name"))
    t.text("level", r.text("level"))
    t.joined("details", r.texts("keywords"))


def _language(r: Reader, t: Target, owner: str | None) -> None:
    t.text("label", r.text("language"))
    t.text("level", r.text("fluency"))


def _interest(r: Reader, t: Target, owner: str | None) -> None:
    t.text("label", r.text("name"))
    t.joined("details", r.texts("keywords"))


def _reference(r: Reader, t: Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("summary", r.text("reference"))


def _project(r: Reader, t: Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("subtitle", r.text("entity"))
    t.date("start", r.text("startDate"))
    t.date("end", r.text("endDate"), end=True)
    t.text("url", r.text("url", "website"))
    summary = [f] if (f := r.text("description", "summary")) else []
    lines: list[tuple[str | None, list[Found], str]] = [(None, summary, "")]
    # No field of an entry holds these; each becomes a labelled line of the summary.
    for label, key in (("Roles", "roles"), ("Keywords", "keywords"), ("Type", "type")):
        found = r.texts(key)
        if found:
            lines.append((label, found, ", "))
            r.notice(child_path(r.path, key), f"kept in the entry's summary as “{label}: …”")
    t.lines("summary", lines)
    t.texts("highlights", r.texts("highlights"))


CONVERTERS: dict[str, Callable[[Reader, Target, str | None], None]] = {
    "work": _work,
    "volunteer": _work,
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

# The model's required field of each list's entries, and the JSON keys that give it.
REQUIRED: dict[str, list[tuple[str, str]]] = {
    "work": [("title", "`position` or `name`")],
    "volunteer": [("title", "`position` or `organization`")],
    "education": [("institution", "`institution`")],
    "awards": [("title", "`title`")],
    "certificates": [("title", "`name`")],
    "publications": [("title", "`name`")],
    "skills": [("label", "`name`")],
    "languages": [("label", "`language`")],
    "interests": [("label", "`name`")],
    "references": [("title", "`name`")],
    "projects": [("title", "`name`")],
}
