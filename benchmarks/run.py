"""Prints resumeout's performance figures; nothing here fails on a time.

    python benchmarks/run.py                 # every part, batch of 200
    python benchmarks/run.py --batch 1000    # the batch target (1,000 résumés)
    python benchmarks/run.py --only process,scaling

Parts: process (whole-process commands), inprocess (load and render per format),
scaling (10×, 100×, 1,000× entries), batch (N résumés × all formats, --jobs 1 and 2),
compare (pandoc and RenderCV side by side, when installed). Each figure is the median of
several runs, with min and max.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.factories generates the large résumés

from tests.factories import SEED, scaled_resume_yaml  # noqa: E402

Figures = tuple[float, float, float]


def measure(action: Callable[[], object], runs: int) -> Figures:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def show(label: str, figures: Figures, unit: str = "s", note: str = "") -> None:
    scale = 1000 if unit == "ms" else 1
    median, low, high = (value * scale for value in figures)
    print(f"  {label:<44} {median:9.3f} {unit}  (min {low:.3f}, max {high:.3f}){note}")


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "resumeout", *args]


def process(runs: int, out: Path) -> None:
    print(f"whole process (median of {runs})")
    commands = [
        ("resumeout --help", cli("--help")),
        ("resumeout --version", cli("--version")),
        ("resumeout validate resume.yaml", cli("validate", str(SEED))),
        *[
            (
                f"resumeout export --format {name}",
                cli("export", str(SEED), "-f", name, "-o", str(out / name), "-q"),
            )
            for name in ("md", "txt", "pdf", "docx", "all")
        ],
    ]
    for label, command in commands:
        show(
            label, measure(partial(subprocess.run, command, check=True, capture_output=True), runs)
        )


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


def batch(count: int, out: Path) -> None:
    print(f"batch: {count} seed-sized résumés × 4 formats")
    sources = out / "batch"
    sources.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for index in range(count):
        text = seed.replace("name: Runyu Lu", f"name: Person {index:04d}")
        (sources / f"r{index:04d}.yaml").write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in sources.glob("*.yaml"))
    for jobs in (1, 2):
        target = out / f"dist-{jobs}"
        command = cli("export", *files, "-f", "all", "-o", str(target), "-q", "--jobs", str(jobs))
        # A small wrapper process runs the export and reports its children's peak memory:
        # measured from this (large) process, a forked child would count our pages too.
        wrapper = (
            "import resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "subprocess.run(sys.argv[1:], check=True)\n"
            "print(time.perf_counter() - start, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", wrapper, *command], check=True, capture_output=True, text=True
        )
        elapsed_text, peak_kib = result.stdout.split()
        elapsed = float(elapsed_text)
        written = len(list(target.iterdir()))
        print(
            f"  --jobs {jobs}: {elapsed:7.2f} s, {count / elapsed:6.1f} résumés/s, "
            f"{written} files, peak memory of one process {int(peak_kib) / 1024:.0f} MiB"
        )


def compare(runs: int, out: Path) -> None:
    print("side by side")
    ours = measure(
        partial(
            subprocess.run,
            cli("export", str(SEED), "-f", "docx", "-o", str(out / "cmp"), "-q"),
            check=True,
            capture_output=True,
        ),
        runs,
    )
    show("resumeout export --format docx", ours)
    pandoc = shutil.which("pandoc")
    if pandoc:
        markdown = out / "seed.md"
        subprocess.run(
            cli("export", str(SEED), "-f", "md", "-o", str(markdown)),
            check=True,
            capture_output=True,
        )
        theirs = measure(
            partial(
                subprocess.run,
                [pandoc, str(markdown), "-o", str(out / "pandoc.docx")],
                check=True,
                capture_output=True,
            ),
            runs,
        )
        show(
            "pandoc resume.md -o resume.docx",
            theirs,
            note=f"  resumeout/pandoc = {ours[0] / theirs[0]:.1f}×",
        )
    else:
        print("  pandoc: not installed (apt-get install pandoc)")
    rendercv = shutil.which("rendercv")
    if rendercv:
        print("  rendercv: installed; run `rendercv render` on an equivalent file to compare")
    else:
        print(
            "  rendercv: not installed (it needs Python ≥ 3.12; this machine has "
            f"{sys.version_info.major}.{sys.version_info.minor})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=200, metavar="N")
    parser.add_argument("--only", default="process,inprocess,scaling,batch,compare")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if "process" in parts:
            process(args.runs, out)
        if "inprocess" in parts:
            inprocess(args.runs * 3)
        if "scaling" in parts:
            scaling(args.runs, out)
        if "batch" in parts:
            batch(args.batch, out)
        if "compare" in parts:
            compare(args.runs, out)


if __name__ == "__main__":
    main()
