"""Times each phase of an export in a fresh interpreter; prints ``milliseconds<TAB>phase``
(CPU time of this process, which a busy machine moves less than wall time).

    python benchmarks/phases.py SOURCE [FORMAT...]            # default: pdf docx md txt
    python benchmarks/phases.py SOURCE pdf --cprofile FILE    # cProfile resumeout's phases

Each import is timed on its own, in dependency order, so that a line is what that step
adds: "import pydantic" is pydantic itself, "import resumeout.source.validation" is resumeout's
modules and the building of its model classes. The first render of a format includes what
is done once per process (fonts, styles, templates); the second is the render alone. For
comparison, the floor script's PDF writer runs on the same text last. The DOCX's first
render reads its cut faces from the disk cache when it holds them (any export after the
first); ``RESUMEOUT_NO_CACHE=1`` shows what a cold one costs.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

FONT_FILES = (
    "SourceSansPro-Regular.ttf",
    "SourceSansPro-Semibold.ttf",
    "SourceSansPro-It.ttf",
    "SourceSansPro-SemiboldIt.ttf",
)


def timed(label: str, action: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = action()
    print(f"{(time.process_time() - start) * 1000:.2f}\t{label}", flush=True)
    return result


def parse_fonts() -> None:
    """What reportlab's TrueType parser costs for the four bundled files."""
    from reportlab.pdfbase.ttfonts import TTFont

    spec = importlib.util.find_spec("font_source_sans_pro")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations))) / "files"
    for name in FONT_FILES:
        timed(f"  parse {name}", partial(TTFont, f"probe-{name}", str(folder / name)))


def imported(label: str, module: str) -> Any:
    """Imports ``module``, timed; a module that is not there (renamed) is skipped."""
    try:
        return timed(label, lambda: importlib.import_module(module))
    except ImportError:
        print(f"0\t{label}: no module {module}; skipped", flush=True)
        return None


def floor_pdf(markdown: str) -> None:
    import floor

    with tempfile.TemporaryDirectory() as folder:
        floor.write_pdf(markdown, Path(folder) / "floor.pdf")


def phases(source: Path, formats: list[str], probes: bool = True) -> None:
    """``probes``: also the lines that are not resumeout's (font parsing, the floor)."""
    imported("import resumeout.cli.main (what --help loads)", "resumeout.cli.main")
    imported("import importlib.metadata (exporter registry)", "importlib.metadata")
    imported("import yaml", "yaml")
    timed("import pydantic (BaseModel, Field)", lambda: importlib.import_module("pydantic").Field)
    validation = imported(
        "import resumeout.source.validation (model classes built)", "resumeout.source.validation"
    )
    resume = timed("load + validate, first", lambda: validation.load_resume(source))
    timed("load + validate, again", lambda: validation.load_resume(source))
    registry = importlib.import_module("resumeout.exporters.registry")
    for name in formats:
        if name == "pdf":
            imported("import reportlab.pdfgen.canvas", "reportlab.pdfgen.canvas")
            imported("import reportlab.pdfbase.ttfonts", "reportlab.pdfbase.ttfonts")
            if probes:
                timed("parse the 4 bundled TTF files", parse_fonts)
            imported("import resumeout's PDF modules", "resumeout.exporters.pdf.document")
        if name == "docx":
            imported("import docx (python-docx, lxml)", "docx")
            imported("import resumeout's DOCX modules", "resumeout.exporters.docx.document")
        exporter = registry.load_exporter(name)(base_dir=source.parent)
        first = f"render {name}, first"
        if name == "docx":  # see exporters/docx/disk_cache.py
            first += (
                " (no cache: imports fontTools, cuts the faces)"
                if os.environ.get("RESUMEOUT_NO_CACHE", "") not in ("", "0")
                else " (cut faces read from the disk cache once it holds them)"
            )
        timed(first, partial(exporter.render, resume))
        timed(f"render {name}, again", partial(exporter.render, resume))
    if probes and "pdf" in formats:
        markdown = registry.load_exporter("md")().render(resume)
        timed("floor.py's PDF writer, first (parses 3 fonts)", partial(floor_pdf, markdown))
        timed("floor.py's PDF writer, again", partial(floor_pdf, markdown))


def main() -> None:
    arguments = sys.argv[1:]
    profile_file = None
    if "--cprofile" in arguments:
        at = arguments.index("--cprofile")
        profile_file = arguments[at + 1]
        del arguments[at : at + 2]
    source, formats = Path(arguments[0]), arguments[1:] or ["pdf", "docx", "md", "txt"]
    if profile_file is None:
        phases(source, formats)
        return
    import cProfile

    profiler = cProfile.Profile()
    profiler.runcall(phases, source, formats, probes=False)
    profiler.dump_stats(profile_file)


if __name__ == "__main__":
    main()
