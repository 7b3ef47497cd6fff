"""JSON Resume → resumeout data. Every key is either mapped or reported by its path, so
nothing is dropped silently. Real files stray from the schema (``company`` for ``name``,
``website`` for ``url``, ``gpa`` for ``score``, ``endDate: "Present"``); those are read too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from resumeout.dates import PartialDate

Data = dict[str, Any]

# The section each JSON Resume list becomes: (resumeout type, title). The section id is
# the JSON Resume key, which is how the JSON Resume exporter maps it back.
SECTIONS: dict[str, tuple[str, str]] = {
    "work": ("experience", "Work Experience"),
    "volunteer": ("experience", "Volunteering"),
    "education": ("education", "Education"),
    "awards": ("entries", "Awards"),
    "certificates": ("entries", "Certificates"),
    "publications": ("publications", "Publications"),
    "skills": ("lines", "Skills"),
    "languages": ("lines", "Languages"),
    "interests": ("lines", "Interests"),
    "references": ("entries", "References"),
    "projects": ("entries", "Projects"),
}


@dataclass
class Conversion:
    data: Data = field(default_factory=dict)
    unmapped: list[tuple[str, str]] = field(default_factory=list)
    """(path, why) for everything that could not be carried over."""


class _Reader:
    """Reads one JSON Resume object, noting which keys were used."""

    def __init__(self, source: Any, path: str, conversion: Conversion) -> None:
        self.source = source if isinstance(source, dict) else {}
        self.path = path
        self.conversion = conversion
        self.used: set[str] = set()
        if not isinstance(source, dict):
            conversion.unmapped.append((path, "expected an object"))

    def text(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds non-empty text (later keys are legacy names)."""
        for key in keys:
            if key in self.source:
                self.used.add(key)
                value = self.source[key]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    value = str(value)
                if isinstance(value, str) and value.strip():
                    return value.strip()
                if value not in (None, "", []):
                    self.conversion.unmapped.append((self._child(key), "not text"))
        return None

    def texts(self, key: str) -> list[str]:
        self.used.add(key)
        value = self.source.get(key) or []
        if not isinstance(value, list):
            self.conversion.unmapped.append((self._child(key), "not a list"))
            return []
        return [str(item).strip() for item in value if str(item).strip()]

    def date(self, *keys: str, end: bool = False) -> str | None:
        value = self.text(*keys)
        if value is None:
            return None
        if end and value.lower() in ("present", "current", "now", "ongoing"):
            return "present"
        try:
            return PartialDate.parse(value[:10]).iso()
        except ValueError:
            self.conversion.unmapped.append((self._child(keys[0]), f"{value!r} is not a date"))
            return None

    def done(self) -> None:
        for key in self.source:
            if key not in self.used:
                self.conversion.unmapped.append((self._child(key), "no matching field"))

    def _child(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key


def convert(document: Any) -> Conversion:
    """Map a parsed JSON Resume document onto resumeout's résumé data."""
    conversion = Conversion()
    root = _Reader(document, "", conversion)
    basics = _Reader(root.source.get("basics") or {}, "basics", conversion)
    root.used.add("basics")
    data = conversion.data
    name = basics.text("name")
    data["name"] = name or "Your Name"
    if name is None:
        conversion.unmapped.append(("basics.name", "missing; set `name:` in the result"))
    _put(data, "headline", basics.text("label"))
    _put(data, "location", _location(basics, conversion))
    _put(data, "email", basics.text("email"))
    _put(data, "phone", basics.text("phone"))
    _put(data, "website", basics.text("url", "website"))
    profiles: list[Data] = []
    basics.used.add("profiles")
    for index, item in enumerate(basics.source.get("profiles") or []):
        profile = _Reader(item, f"basics.profiles[{index}]", conversion)
        entry = {
            "network": profile.text("network"),
            "username": profile.text("username"),
            "url": profile.text("url"),
        }
        profile.done()
        if entry["network"] and (entry["username"] or entry["url"]):
            entry["username"] = entry["username"] or entry["url"]
            profiles.append({k: v for k, v in entry.items() if v})
    if profiles:
        data["profiles"] = profiles
    sections: list[Data] = []
    summary = basics.text("summary")
    if summary:
        sections.append({"id": "summary", "title": "Summary", "type": "text", "entries": [summary]})
    basics.used.update({"image", "picture"} & set(basics.source))
    for key in ("image", "picture"):
        if basics.source.get(key):
            conversion.unmapped.append((f"basics.{key}", "résumés here carry no photo"))
    basics.done()

    for key, (kind, title) in SECTIONS.items():
        root.used.add(key)
        items = root.source.get(key)
        if not items:
            continue
        if not isinstance(items, list):
            conversion.unmapped.append((key, "expected a list"))
            continue
        converter = _ENTRY_CONVERTERS[key]
        entries = []
        for index, item in enumerate(items):
            reader = _Reader(item, f"{key}[{index}]", conversion)
            entry = converter(reader, data["name"])
            reader.done()
            if entry:
                entries.append(entry)
        if entries:
            sections.append({"id": key, "title": title, "type": kind, "entries": entries})
    if sections:
        data["sections"] = sections
    root.done()
    return conversion


def _put(data: Data, key: str, value: Any) -> None:
    if value not in (None, "", []):
        data[key] = value


def _clean(entry: Data) -> Data:
    return {key: value for key, value in entry.items() if value not in (None, "", [])}


def _location(basics: _Reader, conversion: Conversion) -> str | None:
    basics.used.add("location")
    value = basics.source.get("location")
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, dict):
        return None
    reader = _Reader(value, "basics.location", conversion)
    parts = [
        reader.text("address"),
        reader.text("city"),
        " ".join(p for p in (reader.text("region"), reader.text("postalCode")) if p),
        reader.text("countryCode"),
    ]
    reader.done()
    return ", ".join(p for p in parts if p) or None


def _work(r: _Reader, owner: str) -> Data:
    return _clean(
        {
            "title": r.text("position") or r.text("name", "company", "organization") or "Untitled",
            "organization": r.text("name", "company", "organization"),
            "url": r.text("url", "website"),
            "location": r.text("location"),
            "start": r.date("startDate"),
            "end": r.date("endDate", end=True),
            "summary": r.text("summary", "description"),
            "highlights": r.texts("highlights"),
        }
    )


def _education(r: _Reader, owner: str) -> Data:
    return _clean(
        {
            "institution": r.text("institution") or "Untitled",
            "url": r.text("url", "website"),
            "degree": r.text("studyType"),
            "area": r.text("area"),
            "start": r.date("startDate"),
            "end": r.date("endDate", end=True),
            "gpa": r.text("score", "gpa"),
            "courses": r.texts("courses"),
        }
    )


def _award(r: _Reader, owner: str) -> Data:
    return _clean(
        {
            "title": r.text("title") or "Untitled",
            "subtitle": r.text("awarder"),
            "date": r.date("date"),
            "summary": r.text("summary"),
        }
    )


def _certificate(r: _Reader, owner: str) -> Data:
    return _clean(
        {
            "title": r.text("name") or "Untitled",
            "subtitle": r.text("issuer"),
            "date": r.date("date"),
            "url": r.text("url", "website"),
        }
    )


def _publication(r: _Reader, owner: str) -> Data:
    coauthors = r.texts("coauthors") if "coauthors" in r.source else []
    return _clean(
        {
            "title": r.text("name") or "Untitled",
            "authors": [owner, *coauthors] if coauthors else [],
            "venue": r.text("publisher"),
            "date": r.date("releaseDate"),
            "url": r.text("url", "website"),
            "note": r.text("summary"),
        }
    )


def _skill(r: _Reader, owner: str) -> Data:
    keywords = r.texts("keywords")
    return _clean(
        {
            "label": r.text("name") or "Skills",
            "level": r.text("level"),
            "details": ", ".join(keywords),
        }
    )


def _language(r: _Reader, owner: str) -> Data:
    return _clean({"label": r.text("language") or "Language", "details": r.text("fluency")})


def _interest(r: _Reader, owner: str) -> Data:
    return _clean(
        {"label": r.text("name") or "Interests", "details": ", ".join(r.texts("keywords"))}
    )


def _reference(r: _Reader, owner: str) -> Data:
    return _clean({"title": r.text("name") or "Reference", "summary": r.text("reference")})


def _project(r: _Reader, owner: str) -> Data:
    return _clean(
        {
            "title": r.text("name") or "Untitled",
            "subtitle": r.text("entity"),
            "start": r.date("startDate"),
            "end": r.date("endDate", end=True),
            "url": r.text("url", "website"),
            "summary": r.text("description", "summary"),
            "highlights": r.texts("highlights"),
        }
    )


_ENTRY_CONVERTERS: dict[str, Callable[[_Reader, str], Data]] = {
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
