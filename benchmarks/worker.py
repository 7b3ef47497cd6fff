"""One batch worker's share, in one process: N seed-sized résumés planned and exported
as a worker of `export --jobs` does (plan_source, then export_source with the jobs the
plan found); the CPU time per résumé for each format alone and for the four together,
and a cProfile of the four by package.

    python benchmarks/run.py --only worker --batch 300

Each figure comes from a fresh interpreter (``worker.py N FOLDER FORMATS [--profile]``),
after a few unmeasured exports: what a worker does once (imports, fonts, styles) is left
out, as it is from a large batch. The résumés differ by their name, as in the batch
part, so the DOCX cuts a font again whenever a name brings characters it has not been
cut for.
"""

from __future__ import annotations

import cProfile
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from cases import SEED
from profiling import function_group

WARM_UP = 5
FORMAT_SETS = ("md", "txt", "pdf", "docx", "md,txt,pdf,docx")


def worker(count: int, out: Path) -> None:
    print(f"one worker: {count} seed-sized résumés planned and exported in one process")
    for formats in FORMAT_SETS:
        _run(count, out, formats)
    _run(count, out, FORMAT_SETS[-1], "--profile")


def _run(count: int, out: Path, formats: str, *options: str) -> None:
    folder = out / f"worker-{formats.replace(',', '-')}{'-'.join(options)}"
    command = [sys.executable, __file__, str(count), str(folder), formats, *options]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    print(result.stdout.rstrip() if result.returncode == 0 else f"  {formats}: failed")


def _sources(count: int, folder: Path) -> list[Path]:
    seed = SEED.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count + WARM_UP):
        path = folder / f"r{index:04d}.yaml"
        path.write_text(seed.replace("name: Runyu Lu", f"name: Person {index:04d}"), "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    from resumeout.cli.batch import ExportPlan, export_source, plan_source

    count, folder, formats = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    profiler = cProfile.Profile() if "--profile" in sys.argv[4:] else None
    paths = _sources(count, folder / "sources")
    plan = ExportPlan(formats=tuple(formats.split(",")), output=folder / "out")

    def export(path: Path) -> None:
        jobs = plan_source(path, plan).jobs
        report = export_source(path, plan, batch_sources=paths, planned=jobs)
        assert not report.failed, report

    for path in paths[:WARM_UP]:
        export(path)
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    for path in paths[WARM_UP:]:
        export(path)
    if profiler is not None:
        profiler.disable()
    per_source = (time.process_time() - started) / count * 1000
    if profiler is None:
        print(f"  {per_source:7.2f} ms CPU per résumé  {formats}")
        return
    groups: dict[str, float] = defaultdict(float)
    table: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for (file, _, function), (_, _, own, _, _) in table.items():
        groups[function_group(file, function)] += own
    total = sum(groups.values())
    print(
        f"  cProfile of {formats} ({per_source:.1f} ms per résumé profiled; cProfile slows "
        "Python code more than C), own time by package, ms per résumé"
    )
    for group, seconds in sorted(groups.items(), key=lambda item: -item[1])[:16]:
        print(f"  {seconds / count * 1000:7.2f}  {seconds / total:4.0%}  {group}")


if __name__ == "__main__":
    main()
