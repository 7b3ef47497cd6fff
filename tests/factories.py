"""Generated résumés and documents for tests and benchmarks: the seed's sections repeated
to any size, a résumé no font can draw, a Word document with its text altered."""

from __future__ import annotations

import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"

UNDRAWABLE = (
    "name: Ann Lee\n"
    "sections:\n"
    "  - title: Work\n"
    "    type: entries\n"
    "    entries:\n"
    "      - title: Engineer ab\u0378c\n"  # U+0378 and U+0379 are unassigned: no font has them
    "        date: 2020\n"
    "        summary: Built x\u0379y\n"
)
"""A résumé with a character no font has in its first entry's title (line 6, column
27) and summary (line 8, column 25)."""


def scaled_resume_yaml(copies: int) -> str:
    """The seed résumé with every section's entries repeated ``copies`` times, each copy's
    titles numbered so that every entry is distinct."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for section in data["sections"]:
        entries = section["entries"]
        section["entries"] = [_numbered(entry, copy) for copy in range(copies) for entry in entries]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _numbered(entry: object, copy: int) -> object:
    if not isinstance(entry, dict) or copy == 0:
        return entry
    key = "title" if "title" in entry else "institution" if "institution" in entry else "label"
    return {**entry, key: f"{entry[key]} ({copy + 1})"}


def entry_count(text: str) -> int:
    data = yaml.safe_load(text)
    return sum(len(section["entries"]) for section in data["sections"])


def docx_with_text_replaced(original: Path, target: Path, old: str, new: str) -> Path:
    """A copy of a DOCX whose document text has ``old`` replaced by ``new`` (raw XML)."""
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            copy.writestr(item, data)
    return target
