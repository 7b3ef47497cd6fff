"""The program's own words in each language: one JSON file per language in ``messages/``,
named by its tag (``fr.json``, ``zh-Hant.json``). Data, not code: a translation is added
by adding a file with every key of ``en.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Words:
    """What resumeout writes itself. Templates name their values in braces."""

    present: str
    last_updated: str
    """Holds ``{date}``."""
    courses: str
    advisors: str
    gpa: str
    keywords: str
    doi: str
    page: str
    """Holds ``{page}`` and ``{pages}``."""
    resume: str
    colon: str
    """After a label, before its value (``": "``, French ``" : "``, Chinese ``"："``)."""
    comma: str
    """Between the items of a list (``", "``, Arabic ``"، "``, Chinese ``"，"``)."""
    full_stop: str
    """Between two sentences joined on one line (``". "``, Chinese ``"。"``)."""


# Beside this module (importlib.resources would cost an English résumé more to import
# than reading the file does).
MESSAGES = Path(__file__).with_name("messages")
WORD_KEYS = tuple(field.name for field in fields(Words))
LABEL_KEYS = WORD_KEYS[: WORD_KEYS.index("colon")]
"""The words a résumé may replace (``locale.labels``); punctuation comes with the language."""


def catalogue_tags() -> list[str]:
    """The tags that have a catalogue, sorted."""
    return sorted(entry.stem for entry in MESSAGES.glob("*.json"))


@cache
def catalogue(tag: str) -> Words | None:
    """The words of exactly ``tag``'s catalogue, or None if there is none."""
    entry = MESSAGES / f"{tag}.json"
    if not entry.is_file():
        return None
    return Words(**json.loads(entry.read_text(encoding="utf-8")))
