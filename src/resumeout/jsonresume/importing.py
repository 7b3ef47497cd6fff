"""JSON Resume → resumeout data.

Every key is mapped, folded into a neighbouring field, or reported by its JSON path with
its value, so nothing is dropped silently; no fact is invented (a résumé without a name is
an error, not "Your Name"). Real files stray from the schema (``company`` for ``name``,
``website`` for ``url``, ``gpa`` for ``score``, ``endDate: "Present"``); those are read
too. Text is plain text unless ``markdown`` is set: it is cleaned, then spelt so that the
inline Markdown of the result reads it back exactly.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from resumeout.inline import Rich
from resumeout.jsonresume.drafts import Draft, Notice, Origin, settle
from resumeout.jsonresume.plain_text import clean, literal_markup
from resumeout.jsonresume.positions import child_path
from resumeout.jsonresume.sections import SECTIONS, SUMMARY, SectionKind
from resumeout.model import (
    EducationEntry,
    ExperienceEntry,
    GenericEntry,
    LineEntry,
    Profile,
    PublicationEntry,
    Resume,
    TextSection,
    profile_url,
)
from resumeout.model.fields import Tagged

Data = dict[str, Any]

ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "experience": ExperienceEntry,
    "education": EducationEntry,
    "publications": PublicationEntry,
    "entries": GenericEntry,
    "lines": LineEntry,
}
_PRESENT = ("present", "current", "now", "ongoing")
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]")
# A hard line break in the inline Markdown: how folded fields and lines are joined.
_BREAK = "\\\n"


@dataclass
class Conversion:
    data: Data = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    """What was changed or left out, each with its JSON path."""
    errors: list[Notice] = field(default_factory=list)
    """What makes the import impossible (a missing name); nothing is written then."""


@dataclass(frozen=True, slots=True)
class Found:
    """A text value of the JSON file, cleaned, with its path."""

    json_path: str
    text: str


class _Reader:
    """One JSON Resume object: hands out its values by key, cleaned, and notes which keys
    were read so that every other one is reported."""

    def __init__(self, conversion: Conversion, source: Any, path: str) -> None:
        self.conversion = conversion
        self.source: dict[str, Any] = source if isinstance(source, dict) else {}
        self.path = path
        self.used: set[str] = set()
        if not isinstance(source, dict | None):
            self.notice(path, f"{_preview(source)} is not an object; not imported")

    def notice(self, path: str, message: str) -> None:
        self.conversion.notices.append(Notice(path, message))

    def value(self, *keys: str) -> tuple[str, Any] | None:
        """The first of ``keys`` (later ones are legacy names) that holds something."""
        self.used.update(keys)
        for key in keys:
            if _is_empty(self.source.get(key)):
                continue
            return child_path(self.path, key), self.source[key]
        return None

    def text(self, *keys: str) -> Found | None:
        found = self.value(*keys)
        return _text(self, *found) if found else None

    def texts(self, key: str) -> list[Found]:
        found = self.value(key)
        if found is None:
            return []
        path, items = found
        if not isinstance(items, list):
            text = _text(self, path, items)  # a lone text where a list belongs
            return [text] if text else []
        texts = (_text(self, child_path(path, i), item) for i, item in enumerate(items))
        return [text for text in texts if text]

    def done(self) -> None:
        for key, value in self.source.items():
            if key not in self.used and not _is_empty(value):
                self.notice(
                    child_path(self.path, key),
                    f"{_preview(value)}: resumeout has no field for it; not imported",
                )


def _text(reader: _Reader, path: str, value: Any) -> Found | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        reader.notice(path, f"{_preview(value)} is not text; not imported")
        return None
    text, removed = clean(value)
    if removed:
        reader.notice(
            path,
            f"removed {', '.join(removed)}: such characters break documents or make text "
            "read differently than it looks",
        )
    return Found(path, text) if text else None


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _preview(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:59] + "…"


class _Target:
    """The draft of one model object, filled field by field from found values."""

    def __init__(self, model: type[BaseModel], reader: _Reader, markdown: bool) -> None:
        self.draft = Draft(model, reader.path)
        self.reader = reader
        self.markdown = markdown

    def text(self, name: str, found: Found | None) -> None:
        if found is not None:
            value, origin = self._spelt(name, found.text, found.json_path)
            self.draft.put(name, value, origin)

    def texts(self, name: str, found: list[Found]) -> None:
        for item in found:
            value, origin = self._spelt(name, item.text, item.json_path)
            self.draft.append(name, value, origin)

    def joined(self, name: str, found: list[Found], separator: str = ", ") -> None:
        """Several texts as one field (keywords as a line of details)."""
        self.lines(name, [(None, found, separator)])

    def lines(self, name: str, parts: list[tuple[str | None, list[Found], str]]) -> None:
        """One Markdown field made of several JSON values, one line each; a part with a
        label (``Roles: …``) joins its texts with its separator after that label."""
        shown, literal = [], []
        for label, found, separator in parts:
            if found:
                prefix = f"{label}: " if label else ""
                literal.append(prefix + separator.join(literal_markup(f.text) for f in found))
                markdown = prefix + separator.join(f.text for f in found)
                shown.append(markdown if self.markdown else literal[-1])
        if shown:
            first = next(found[0] for _, found, _ in parts if found)
            fallback = _BREAK.join(literal) if self.markdown else None
            self.draft.put(name, _BREAK.join(shown), Origin(first.json_path, fallback))

    def date(self, name: str, found: Found | None, *, end: bool = False) -> None:
        if found is None:
            return
        text = found.text
        if end and text.lower() in _PRESENT:
            text = "present"
        elif match := _DATE_TIME.match(text):
            text = match[1]
            self.reader.notice(
                found.json_path, f"kept the date {text}; resumeout keeps no time of day"
            )
        self.draft.put(name, text, Origin(found.json_path))

    def require(self, name: str, keys: str) -> None:
        if name not in self.draft.data:
            self.reader.conversion.errors.append(
                Notice(self.reader.path, f"has no {keys}; it is the `{name}` resumeout needs")
            )

    def _spelt(self, name: str, text: str, path: str) -> tuple[str, Origin]:
        if not _is_markup(self.draft.model, name):
            return text, Origin(path)
        literal = literal_markup(text)
        if self.markdown:
            return text, Origin(path, literal)
        return literal, Origin(path)


def _is_markup(model: type[BaseModel], name: str) -> bool:
    """Whether the model reads ``name`` as inline Markdown (its type holds rich text)."""

    def mentions_rich(annotation: Any) -> bool:
        if annotation in (Rich, Tagged):
            return True
        return any(mentions_rich(arg) for arg in typing.get_args(annotation))

    return mentions_rich(model.model_fields[name].annotation)


def convert(document: Any, *, markdown: bool = False) -> Conversion:
    """Map a parsed JSON Resume document onto resumeout's résumé data."""
    conversion = Conversion()
    if not isinstance(document, dict):
        conversion.errors.append(
            Notice("", f"the document is {_preview(document)}, not a JSON Resume object")
        )
        return conversion
    root = _Reader(conversion, document, "")
    root.used.add("$schema")  # names the format; it holds nothing of the résumé
    found = root.value("basics")
    basics = _Reader(conversion, found[1] if found else None, "basics")
    header = _Target(Resume, basics, markdown)
    header.text("name", basics.text("name"))
    if "name" not in header.draft.data:
        conversion.errors.append(
            Notice("basics.name", "is missing; a résumé needs its owner's name: add it")
        )
    header.text("headline", basics.text("label"))
    header.text("location", _location(basics, conversion))
    header.text("email", basics.text("email"))
    header.text("phone", basics.text("phone"))
    header.text("website", basics.text("url", "website"))
    _meta(root, header, conversion)
    for key in ("image", "picture"):
        if found := basics.value(key):
            basics.notice(
                found[0], f"{_preview(found[1])}: resumeout has no photo field; not imported"
            )
    data = conversion.data
    data.update(settle(header.draft, conversion.notices, conversion.errors) or {})
    profiles = _profiles(basics, conversion, markdown)
    if profiles:
        data["profiles"] = profiles
    sections = [section for section in [_summary(basics, conversion, markdown)] if section]
    basics.done()
    for kind in SECTIONS:
        section = _section(root, kind, conversion, markdown, data.get("name"))
        if section:
            sections.append(section)
    if sections:
        data["sections"] = sections
    root.done()
    return conversion


def _location(basics: _Reader, conversion: Conversion) -> Found | None:
    found = basics.value("location")
    if found is None:
        return None
    path, value = found
    if not isinstance(value, dict):
        return _text(basics, path, value)
    reader = _Reader(conversion, value, path)
    region = [f for f in (reader.text("region"), reader.text("postalCode")) if f]
    parts = [
        reader.text("address"),
        reader.text("city"),
        Found(path, " ".join(f.text for f in region)) if region else None,
        reader.text("countryCode"),
    ]
    reader.done()
    text = ", ".join(part.text for part in parts if part)
    return Found(path, text) if text else None


def _meta(root: _Reader, header: _Target, conversion: Conversion) -> None:
    found = root.value("meta")
    if found is None:
        return
    meta = _Reader(conversion, found[1], found[0])
    header.date("last_updated", meta.text("lastModified"))
    meta.done()


def _profiles(basics: _Reader, conversion: Conversion, markdown: bool) -> list[Data]:
    found = basics.value("profiles")
    items = found[1] if found and isinstance(found[1], list) else []
    if found and not isinstance(found[1], list):
        basics.notice(found[0], f"{_preview(found[1])} is not a list; not imported")
    profiles: list[Data] = []
    for index, item in enumerate(items):
        reader = _Reader(conversion, item, f"basics.profiles[{index}]")
        target = _Target(Profile, reader, markdown)
        network, username, url = reader.text("network"), reader.text("username"), reader.text("url")
        reader.done()
        if not (network or username or url):
            continue
        target.text("network", network)
        target.text("username", username or url)  # a profile known only by its address
        target.text("url", url)
        target.require("network", "`network`")
        target.require("username", "`username` or `url`")
        profile = settle(target.draft, conversion.notices, conversion.errors)
        if profile is None:
            continue
        if profile_url(Profile.model_validate(profile)) is None:
            reader.notice(
                reader.path,
                f"resumeout does not know {profile['network']}'s addresses and this profile "
                "has no url; not imported",
            )
            continue
        profiles.append(profile)
    return profiles


def _summary(basics: _Reader, conversion: Conversion, markdown: bool) -> Data | None:
    found = basics.text("summary")
    if found is None:
        return None
    target = _Target(TextSection, basics, markdown)
    target.draft.data.update(id=SUMMARY.key, title=SUMMARY.title, type=SUMMARY.type)
    # A blank line starts a new paragraph, as it does in every JSON Resume theme.
    paragraphs = [p for p in re.split(r"\n{2,}", found.text) if p]
    target.texts("entries", [Found(found.json_path, p) for p in paragraphs])
    return settle(target.draft, conversion.notices, conversion.errors)


def _section(
    root: _Reader, kind: SectionKind, conversion: Conversion, markdown: bool, owner: str | None
) -> Data | None:
    found = root.value(kind.key)
    if found is None:
        return None
    path, items = found
    if not isinstance(items, list):
        root.notice(path, f"{_preview(items)} is not a list; not imported")
        return None
    entries = []
    for index, item in enumerate(items):
        reader = _Reader(conversion, item, child_path(path, index))
        target = _Target(ENTRY_MODELS[kind.type], reader, markdown)
        _CONVERTERS[kind.key](reader, target, owner)
        reader.done()
        if not target.draft.data:
            continue  # an empty object holds nothing to keep
        for name, keys in _REQUIRED[kind.key]:
            target.require(name, keys)
        entry = settle(target.draft, conversion.notices, conversion.errors)
        if entry is not None:
            entries.append(entry)
    if not entries:
        return None
    return {"id": kind.key, "title": kind.title, "type": kind.type, "entries": entries}


def _work(r: _Reader, t: _Target, owner: str | None) -> None:
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


def _education(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("institution", r.text("institution"))
    t.text("url", r.text("url", "website"))
    t.text("degree", r.text("studyType"))
    t.text("area", r.text("area"))
    t.date("start", r.text("startDate"))
    t.date("end", r.text("endDate"), end=True)
    t.text("gpa", r.text("score", "gpa"))
    t.texts("courses", r.texts("courses"))


def _award(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("title", r.text("title"))
    t.text("subtitle", r.text("awarder"))
    t.date("date", r.text("date"))
    t.text("summary", r.text("summary"))


def _certificate(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("subtitle", r.text("issuer"))
    t.date("date", r.text("date"))
    t.text("url", r.text("url", "website"))


def _publication(r: _Reader, t: _Target, owner: str | None) -> None:
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


def _coauthors(r: _Reader) -> list[Found]:
    found = r.value("coauthors")
    if found is None or not isinstance(found[1], list):
        return r.texts("coauthors")
    names = []
    for index, item in enumerate(found[1]):
        if isinstance(item, dict):  # {"name": …, "url": …}
            person = _Reader(r.conversion, item, child_path(found[0], index))
            name = person.text("name")
            person.done()
        else:
            name = _text(r, child_path(found[0], index), item)
        if name:
            names.append(name)
    return names


def _skill(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("label", r.text("name"))
    t.text("level", r.text("level"))
    t.joined("details", r.texts("keywords"))


def _language(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("label", r.text("language"))
    t.text("level", r.text("fluency"))


def _interest(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("label", r.text("name"))
    t.joined("details", r.texts("keywords"))


def _reference(r: _Reader, t: _Target, owner: str | None) -> None:
    t.text("title", r.text("name"))
    t.text("summary", r.text("reference"))


def _project(r: _Reader, t: _Target, owner: str | None) -> None:
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


_CONVERTERS: dict[str, Callable[[_Reader, _Target, str | None], None]] = {
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
_REQUIRED: dict[str, list[tuple[str, str]]] = {
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
