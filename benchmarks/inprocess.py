"""In-process figures: load and render per format, and how they grow with size."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from cases import ROOT, SEED, scaled_resume_yaml
from timing import measure, show

WORLD = ROOT / "tests" / "data" / "world"
"""Résumés in other scripts: shaped, reordered and set with fallback fonts."""


def inprocess(runs: int) -> None:
    from resumeout.exporters import load_exporter
    from resumeout.source.validation import load_resume

    print(f"in process, resume.yaml (median of {runs}, after a warm-up)")
    show("load + validate", measure(partial(load_resume, SEED), runs), "ms")
    resume = load_resume(SEED)
    for name in ("md", "txt", "pdf", "docx"):
        exporter = load_exporter(name)()
        exporter.render(resume)  # fonts and styles are built once per process
        show(f"render {name}", measure(partial(exporter.render, resume), runs), "ms")
    for script in ("arabic", "chinese"):
        world = load_resume(WORLD / f"{script}.yaml")
        exporter = load_exporter("pdf")(base_dir=WORLD)
        exporter.render(world)  # fonts found and loaded once per process
        show(f"render pdf, {script}", measure(partial(exporter.render, world), runs), "ms")


def scaling(runs: int, out: Path) -> None:
    from resumeout.exporters import load_exporter
    from resumeout.source.validation import load_resume

    print("in process, by size (time per entry should stay flat: linear growth)")
    for copies in (1, 10, 100, 1000):
        path = out / f"scaled-{copies}.yaml"
        path.write_text(scaled_resume_yaml(copies), encoding="utf-8")
        entries = 12 * copies
        repeat = max(1, runs // copies) if copies > 1 else runs
        figures = measure(partial(load_resume, path), repeat)
        show(
            f"{entries:>6} entries: load + validate",
            figures,
            "ms",
            f"  {figures[0] / entries * 1e6:6.1f} µs/entry",
        )
        resume = load_resume(path)
        for name in ("md", "txt", "pdf", "docx"):
            exporter = load_exporter(name)()
            figures = measure(partial(exporter.render, resume), repeat)
            show(
                f"{entries:>6} entries: render {name}",
                figures,
                "ms",
                f"  {figures[0] / entries * 1e6:6.1f} µs/entry",
            )
