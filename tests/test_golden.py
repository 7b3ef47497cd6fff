"""Golden files: the Markdown and plain text of the seed résumé and of a résumé that sets
every field (tests/data/full.yaml), compared byte for byte, so that any change to either
format shows up as a readable diff.

After an intended change, refresh them and review what changed:

    RESUMEOUT_UPDATE_GOLDEN=1 pytest tests/test_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from resumeout.exporters import load_exporter
from resumeout.model.sections import SECTION_TYPES
from resumeout.source.validation import load_resume
from tests.conftest import SEED

GOLDEN = Path(__file__).parent / "golden"
FULL = Path(__file__).parent / "data" / "full.yaml"
SOURCES = {"seed": SEED, "full": FULL}
UPDATE = os.environ.get("RESUMEOUT_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("format_name", ["md", "txt"])
@pytest.mark.parametrize("source", sorted(SOURCES))
def test_output_matches_its_golden_file(source: str, format_name: str) -> None:
    path = SOURCES[source]
    exporter = load_exporter(format_name)(base_dir=path.parent)
    output = exporter.render_bytes(load_resume(path)).decode("utf-8")
    golden = GOLDEN / f"{source}{exporter.suffix}"
    if UPDATE:
        golden.write_bytes(output.encode("utf-8"))
        pytest.skip(f"refreshed {golden.name}: review `git diff tests/golden`")
    assert golden.is_file(), "no golden file yet: RESUMEOUT_UPDATE_GOLDEN=1 pytest " + __file__
    assert output == golden.read_bytes().decode("utf-8")


def _fields_set(value: Any, found: dict[type[BaseModel], set[str]]) -> None:
    """Every model class reached from ``value``, with the fields the source set on it."""
    if isinstance(value, BaseModel):
        found.setdefault(type(value), set()).update(value.model_fields_set)
        for name in type(value).model_fields:
            _fields_set(getattr(value, name), found)
    elif isinstance(value, list | tuple):
        for item in value:
            _fields_set(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _fields_set(item, found)


def test_the_full_resume_sets_every_field() -> None:
    resume = load_resume(FULL)
    assert {section.type for section in resume.sections} == set(SECTION_TYPES)
    found: dict[type[BaseModel], set[str]] = {}
    _fields_set(resume, found)
    unset = {
        kind.__name__: sorted(set(kind.model_fields) - names)
        for kind, names in found.items()
        if set(kind.model_fields) - names
    }
    assert unset == {}, "add these to tests/data/full.yaml"
