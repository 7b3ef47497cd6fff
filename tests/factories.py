"""Generated résumés for tests and benchmarks: the seed's sections repeated to any size."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"


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
