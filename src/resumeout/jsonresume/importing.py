"""JSON Resume → resumeout data.

Every key is mapped, folded into a neighbouring field, or reported by its JSON path with
its value, so nothing is dropped silently; no fact is invented (a résumé without a name is
an error, not "Your Name"). Real files stray from the schema (``company`` for ``name``,
``website`` for ``url``, ``gpa`` for ``score``, ``endDate: "Present"``); those are read
too. Text is plain text unless ``markdown`` is set: it is cleaned, then spelt so that the
inline Markdown of the result reads it back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from resumeout.jsonresume.drafts import Notice, settle
from resumeout.jsonresume.entries import CONVERTERS, ENTRY_MODELS, REQUIRED
from resumeout.jsonresume.positions import child_path
from resumeout.jsonresume.reading import (
    Conversion,
    Data,
    Found,
    Reader,
    Target,
    preview,
    text_value,
)
from resumeout.jsonresume.sections import SECTIONS, SUMMARY, SectionKind
from resumeout.model import Profile, Resume, TextSection, profile_url


def convert(document: Any, *, markdown: bool = False) -> Conversion:
    """Map a parsed JSON Resume document onto resumeout's résumé data."""
    conversion = Conversion()
    if not isinstance(document, dict):
        conversion.errors.append(
            Notice("", f"the document is {preview(document)}, not a JSON Resume object")
        )
        return conversion
    root = Reader(conversion, document, "")
    root.used.add("$schema")  # names the format; it holds nothing of the résumé
    found = root.value("basics")
    basics = Reader(conversion, found[1] if found else None, "basics")
    header = Target(Resume, basics, markdown)
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
                found[0], f"{preview(found[1])}: resumeout has no photo field; not imported"
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


def _location(basics: Reader, conversion: Conversion) -> Found | None:
    found = basics.value("location")
    if found is None:
        return None
    path, value = found
    if not isinstance(value, dict):
        return text_value(basics, path, value)
    reader = Reader(conversion, value, path)
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


def _meta(root: Reader, header: Target, conversion: Conversion) -> None:
    found = root.value("meta")
    if found is None:
        return
    meta = Reader(conversion, found[1], found[0])
    header.date("last_updated", meta.text("lastModified"))
    meta.done()


def _profiles(basics: Reader, conversion: Conversion, markdown: bool) -> list[Data]:
    found = basics.value("profiles")
    items = found[1] if found and isinstance(found[1], list) else []
    if found and not isinstance(found[1], list):
        basics.notice(found[0], f"{preview(found[1])} is not a list; not imported")
    profiles: list[Data] = []
    for index, item in enumerate(items):
        reader = Reader(conversion, item, f"basics.profiles[{index}]")
        target = Target(Profile, reader, markdown)
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


def _summary(basics: Reader, conversion: Conversion, markdown: bool) -> Data | None:
    found = basics.text("summary")
    if found is None:
        return None
    target = Target(TextSection, basics, markdown)
    target.draft.data.update(id=SUMMARY.key, title=SUMMARY.title, type=SUMMARY.type)
    # A blank line starts a new paragraph, as it does in every JSON Resume theme.
    paragraphs = [p for p in re.split(r"\n{2,}", found.text) if p]
    target.texts("entries", [Found(found.json_path, p) for p in paragraphs])
    return settle(target.draft, conversion.notices, conversion.errors)


def _section(
    root: Reader, kind: SectionKind, conversion: Conversion, markdown: bool, owner: str | None
) -> Data | None:
    found = root.value(kind.key)
    if found is None:
        return None
    path, items = found
    if not isinstance(items, list):
        root.notice(path, f"{preview(items)} is not a list; not imported")
        return None
    entries = []
    for index, item in enumerate(items):
        reader = Reader(conversion, item, child_path(path, index))
        target = Target(ENTRY_MODELS[kind.type], reader, markdown)
        CONVERTERS[kind.key](reader, target, owner)
        reader.done()
        if not target.draft.data:
            continue  # an empty object holds nothing to keep
        for name, keys in REQUIRED[kind.key]:
            target.require(name, keys)
        entry = settle(target.draft, conversion.notices, conversion.errors)
        if entry is not None:
            entries.append(entry)
    if not entries:
        return None
    return {"id": kind.key, "title": kind.title, "type": kind.type, "entries": entries}
