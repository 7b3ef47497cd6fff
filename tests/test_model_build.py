"""The model's validators are built once, when a résumé is first validated, and hold only
what validation needs: start-up time that every command pays."""

from __future__ import annotations

import subprocess
import sys

from resumeout.model import Resume
from tests.conftest import ROOT

_UNBUILT_AFTER_IMPORT = (
    "import pydantic, resumeout.model, resumeout.model.style as style\n"
    "classes = [c for m in (resumeout.model, style) for c in vars(m).values()\n"
    "           if isinstance(c, type) and issubclass(c, pydantic.BaseModel)]\n"
    "print(sorted(c.__name__ for c in classes if c.__pydantic_complete__))\n"
)


def test_importing_the_model_builds_no_validator() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _UNBUILT_AFTER_IMPORT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def _schema_types(schema: object) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["type"]} if isinstance(schema.get("type"), str) else set()
        return found.union(*(_schema_types(value) for value in schema.values()))
    if isinstance(schema, list | tuple):
        return set().union(*(_schema_types(item) for item in schema))
    return set()


def test_the_validator_holds_no_schema_of_the_inline_tree_or_dates(seed: Resume) -> None:
    # Text, dates and links are validated by our own functions; a schema of the
    # dataclasses they return (for serializing, which the model never does) is only cost.
    assert "dataclass" not in _schema_types(Resume.__pydantic_core_schema__)
