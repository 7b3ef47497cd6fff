"""Measuring: whole processes (wall time, CPU time, peak memory) and calls in process."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SPAWN = Path(__file__).resolve().parent / "spawn.py"

Figures = tuple[float, float, float]


class CommandError(Exception):
    pass


@dataclass(frozen=True)
class Sample:
    """Runs of one command: wall and CPU seconds per run, the largest max RSS in KiB."""

    walls: tuple[float, ...]
    cpus: tuple[float, ...]
    peak_kib: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def low(self) -> float:
        return min(self.walls)

    @property
    def high(self) -> float:
        return max(self.walls)

    @property
    def cpu(self) -> float:
        """The least CPU time (user + system) of a run: the figure least moved by load."""
        return min(self.cpus)

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


Command = tuple[Sequence[str], Mapping[str, str] | None]
"""A command and its environment (None: this process's)."""


def warm_up(command: Command) -> None:
    """Runs ``command`` once unmeasured: bytecode is cached, files are in the page cache,
    and a failure shows here with its message."""
    argv, env = command
    first = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if first.returncode:
        lines = (first.stderr or first.stdout).strip().splitlines()[-12:]
        raise CommandError(f"exited {first.returncode}:\n" + "\n".join(lines))


def run_commands(commands: Sequence[Command], runs: int) -> list[Sample | None]:
    """Each command ``runs`` times, in rounds, measured from a small helper process; None
    for a command that failed."""
    job = {"runs": runs, "commands": [[list(argv), env and dict(env)] for argv, env in commands]}
    result = subprocess.run(
        [sys.executable, str(SPAWN)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=True,
    )
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    peaks = [0] * len(commands)
    failed: set[int] = set()
    for line in result.stdout.splitlines():
        index_text, *values = line.split()
        index = int(index_text)
        if values[0] == "failed":
            failed.add(index)
            continue
        walls[index].append(float(values[0]))
        cpus[index].append(float(values[1]))
        peaks[index] = max(peaks[index], int(values[2]))
    return [
        None if index in failed else Sample(tuple(walls[index]), tuple(cpus[index]), peaks[index])
        for index in range(len(commands))
    ]


def measure(action: Callable[[], object], runs: int) -> Figures:
    """Median, min and max seconds of ``action`` called in this process."""
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


def load_note() -> str:
    """The machine's load: figures taken on a busy machine are slower and noisier."""
    one, five, fifteen = os.getloadavg()
    cores = os.cpu_count() or 1
    busy = " (busy: prefer min and CPU time over the median)" if one > cores / 2 else ""
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {cores} cores{busy}"
