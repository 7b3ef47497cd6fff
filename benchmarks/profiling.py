"""Where the time goes: export phases, import times by module, and a cProfile by package."""

from __future__ import annotations

import pstats
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from cases import Case

HERE = Path(__file__).resolve().parent
PHASES = HERE / "phases.py"


def phase_times(source: Path, runs: int) -> None:
    """The least time of each phase over ``runs`` fresh interpreters."""
    best: dict[str, float] = {}
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, str(PHASES), str(source)], capture_output=True, text=True, check=True
        )
        for line in result.stdout.splitlines():
            figure, label = line.split("\t", 1)
            best[label] = min(best.get(label, float("inf")), float(figure))
    print(f"phases of an export in a fresh interpreter (least of {runs}), ms")
    for label, milliseconds in best.items():
        print(f"  {milliseconds:8.1f}  {label}")


def module_group(module: str) -> str:
    top = module.split(".")[0]
    if module.startswith("resumeout.model"):
        return "resumeout.model (model classes built)"
    if module.startswith(("reportlab.platypus", "reportlab.pdfbase", "reportlab.pdfgen")):
        return ".".join(module.split(".")[:2])
    if top in sys.stdlib_module_names:
        return "stdlib: " + ("email/importlib.metadata" if top in ("email", "importlib") else top)
    return top


def import_times(folder: Path, source: Path, formats: str, runs: int) -> None:
    """``python -X importtime`` of an export: the least self time of each module."""
    best: dict[str, int] = {}
    for _ in range(runs):
        command = [sys.executable, "-X", "importtime", "-m", "resumeout", "export", str(source)]
        command += ["-f", formats, "-o", str(folder / "importtime"), "-q"]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        for match in re.finditer(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", result.stderr):
            module, microseconds = match.group(2), int(match.group(1))
            best[module] = min(best.get(module, 1 << 62), microseconds)
    groups: dict[str, int] = defaultdict(int)
    for module, microseconds in best.items():
        groups[module_group(module)] += microseconds
    total = sum(best.values())
    print(
        f"imports of `export --format {formats}` (python -X importtime, least self time of "
        f"{runs}; {len(best)} modules, {total / 1000:.0f} ms in all), by package, ms"
    )
    for group, microseconds in sorted(groups.items(), key=lambda item: -item[1])[:14]:
        print(f"  {microseconds / 1000:8.1f}  {group}")
    print("  the costliest modules (self time), ms")
    for module, microseconds in sorted(best.items(), key=lambda item: -item[1])[:12]:
        print(f"  {microseconds / 1000:8.1f}  {module}")


def function_group(file: str, function: str) -> str:
    if file == "~":
        if "marshal" in function or "_imp." in function or "exec" in function:
            return "import machinery (exec, marshal)"
        return "built-in: " + re.sub(r"^\{(built-in )?method ", "", function).rstrip("}")[:40]
    if "importlib._bootstrap" in file or "<frozen" in file:
        return "import machinery (exec, marshal)"
    parts = Path(file).parts
    if "site-packages" in parts:
        inside = parts[parts.index("site-packages") + 1 :]
        depth = 2 if inside[0] in ("reportlab", "docx", "pydantic") and len(inside) > 2 else 1
        return "/".join(inside[:depth]).removesuffix(".py")
    if "resumeout" in parts:
        inside = parts[parts.index("resumeout") :]
        return "/".join(inside[:2]).removesuffix(".py")
    return "stdlib: " + Path(file).stem


def profile(folder: Path, case: Case, formats: str) -> None:
    """cProfile of the phases (imports included), own time grouped by package. cProfile
    slows Python code more than C code: read the shares, not the absolute times."""
    stats_file = folder / f"phases-{case.name}-{formats}.prof"
    subprocess.run(
        [sys.executable, str(PHASES), str(case.source), formats, "--cprofile", str(stats_file)],
        capture_output=True,
        check=True,
    )
    stats = pstats.Stats(str(stats_file))
    groups: dict[str, float] = defaultdict(float)
    functions: list[tuple[float, str]] = []
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    for (file, line, function), (_, _, own, _, _) in table.items():
        groups[function_group(file, function)] += own
        functions.append((own, f"{Path(file).name}:{line} {function}"))
    total = sum(groups.values())
    print(
        f"cProfile of an export to {formats}, {case.title} (phases.py; own time by package, "
        f"{total * 1000:.0f} ms profiled)"
    )
    for group, seconds in sorted(groups.items(), key=lambda item: -item[1])[:14]:
        print(f"  {seconds * 1000:8.1f}  {seconds / total:4.0%}  {group}")
    print("  the costliest functions (own time), ms")
    for seconds, name in sorted(functions, reverse=True)[:12]:
        print(f"  {seconds * 1000:8.1f}  {name}")


def where_the_time_goes(folder: Path, cases: list[Case], runs: int) -> None:
    seed = cases[0]
    phase_times(seed.source, runs)
    for formats in ("pdf", "all"):
        print()
        import_times(folder, seed.source, formats, runs)
    for case in cases:
        for formats in ("pdf", "docx"):
            print()
            profile(folder, case, formats)
