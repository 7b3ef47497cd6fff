"""Batch throughput: N seed-sized résumés × the four formats in one command on all cores."""

from __future__ import annotations

import os
from pathlib import Path

from cases import SEED, resumeout_command
from timing import run_commands


def batch(count: int, out: Path) -> None:
    jobs = os.cpu_count() or 1
    sources = out / "batch"
    sources.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for index in range(count):
        text = seed.replace("name: Runyu Lu", f"name: Person {index:04d}")
        (sources / f"r{index:04d}.yaml").write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in sources.glob("*.yaml"))
    target = out / "batch-out"
    command = [*resumeout_command(), "export", *files, "-f", "all", "-o", str(target), "-q"]
    # One run, no warm-up: the whole-process part has already cached the bytecode.
    sample = run_commands([([*command, "--jobs", str(jobs)], None)], 1)[0]
    if sample is None:
        print(f"batch: {count} résumés: the export failed")
        return
    written = len(list(target.iterdir()))
    rate = count / sample.low
    print(
        f"batch: {count} seed-sized résumés × 4 formats, --jobs {jobs} (all cores)\n"
        f"  {sample.low:.2f} s, {rate:.1f} résumés/s ({written} files); 1,000 would take "
        f"{1000 / rate:.1f} s (start-up included: small batches overstate it)\n"
        f"  CPU {sample.cpu / count * 1000:.0f} ms per résumé (all processes); peak memory "
        f"of one process {sample.peak_mib:.0f} MiB"
    )
