"""The résumés measured: the seed (``resume.yaml``) and a long one, each with what the floor
scripts and RenderCV read for the same text."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # tests.factories generates the long résumé

from tests.factories import SEED, scaled_resume_yaml  # noqa: E402

__all__ = ["ROOT", "SEED", "Case", "prepare", "resumeout_command", "scaled_resume_yaml"]

RENDERCV_SEED = HERE / "rendercv-resume.yaml"
"""resume.yaml translated into RenderCV's format."""


def resumeout_command() -> list[str]:
    """``resumeout`` as users run it: the console script beside this Python."""
    script = Path(sys.executable).with_name("resumeout")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "resumeout"]


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    source: Path
    markdown: Path
    """resumeout's Markdown export: the text the floor scripts write."""
    rendercv: Path
    pages: int
    """Pages of resumeout's PDF."""
    out: Path
    """A folder for this case's outputs."""


def prepare(name: str, copies: int, folder: Path) -> Case:
    """The seed (``copies`` 1) or the seed's entries repeated ``copies`` times."""
    out = folder / name
    out.mkdir(parents=True)
    if copies == 1:
        source = SEED
    else:
        source = out / "resume.yaml"
        source.write_text(scaled_resume_yaml(copies), encoding="utf-8")
    rendercv = out / "rendercv.yaml"
    rendercv.write_text(scaled_rendercv_yaml(copies), encoding="utf-8")
    first = out / "first"
    subprocess.run(
        [*resumeout_command(), "export", str(source), "-f", "md,pdf", "-o", str(first), "-q"],
        check=True,
        capture_output=True,
    )
    markdown = out / "resume.md"
    shutil.copyfile(next(first.glob("*.md")), markdown)
    pages = count_pages(next(first.glob("*.pdf")))
    title = "resume.yaml" if copies == 1 else f"{copies}× its entries"
    return Case(
        name,
        f"{name}: {title}, {pages} page{'s' if pages > 1 else ''}",
        source,
        markdown,
        rendercv,
        pages,
        out,
    )


def count_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def scaled_rendercv_yaml(copies: int) -> str:
    """The RenderCV translation with every section's entries repeated like
    ``tests.factories.scaled_resume_yaml`` repeats resumeout's."""
    data: dict[str, Any] = yaml.safe_load(RENDERCV_SEED.read_text(encoding="utf-8"))
    for title, entries in data["cv"]["sections"].items():
        data["cv"]["sections"][title] = [
            _numbered(entry, copy) for copy in range(copies) for entry in entries
        ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _numbered(entry: dict[str, Any], copy: int) -> dict[str, Any]:
    entry = deepcopy(entry)  # shared lists would be written as YAML aliases: RenderCV rejects them
    if copy:
        key = next(k for k in ("title", "position", "institution", "label") if k in entry)
        entry[key] = f"{entry[key]} ({copy + 1})"
    return entry
