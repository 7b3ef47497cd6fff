"""Prints timing figures for resumeout on the repository's résumé: whole-process wall
time of the commands users run, and in-process render time per format.

Usage: python benchmarks/run.py [--runs N]
Each figure is the median of N runs, with min and max. Nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"


def measure(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def show(label: str, figures: tuple[float, float, float], unit: str = "s") -> None:
    scale = 1000 if unit == "ms" else 1
    median, low, high = (value * scale for value in figures)
    print(f"{label:<42} {median:8.3f} {unit}  (min {low:.3f}, max {high:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    out = Path(tempfile.mkdtemp())

    print(f"whole process, median of {runs} runs")
    commands = [
        ("resumeout --help", ["--help"]),
        ("resumeout --version", ["--version"]),
        ("resumeout validate resume.yaml", ["validate", str(SEED)]),
        *[
            (f"resumeout export --format {name}", ["export", str(SEED), "-f", name, "-o", str(out)])
            for name in ("md", "txt", "pdf", "docx", "all")
        ],
    ]
    for label, args in commands:
        command = [sys.executable, "-m", "resumeout", *args]
        figures = measure(partial(subprocess.run, command, capture_output=True, check=True), runs)
        show(label, figures)

    from resumeout.exporters import load_exporter
    from resumeout.validation import load_resume

    print(f"\nin process, median of {runs * 3} runs (after one warm-up)")
    show("load + validate resume.yaml", measure(lambda: load_resume(SEED), runs * 3), "ms")
    resume = load_resume(SEED)
    for name in ("md", "txt", "pdf", "docx"):
        exporter = load_exporter(name)()
        exporter.render(resume)  # warm-up: fonts and styles are built once per process
        show(f"render {name}", measure(partial(exporter.render, resume), runs * 3), "ms")


if __name__ == "__main__":
    main()
