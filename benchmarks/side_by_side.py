"""Whole-process figures for the seed and a long résumé side by side, and the ratios that
the performance targets are set in."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from cases import Case, resumeout_command
from rivals import find_rendercv, rendercv_command, rendercv_environment, rendercv_version
from timing import CommandError, Sample, run_commands, warm_up

FLOOR = Path(__file__).resolve().parent / "floor.py"

# (ratio, numerator, denominator, target)
RATIOS = (
    ("pdf ÷ floor", "export pdf", "floor", "≤ 1.3"),
    ("all ÷ floor-both", "export all", "floor-both", "≤ 1.4"),
    ("--help ÷ python -c pass", "--help", "python -c pass", "≤ 4"),
    ("pdf ÷ RenderCV", "export pdf", "RenderCV", "≤ 0.27"),
)
Results = dict[str, dict[str, Sample]]
"""Samples by row label, then by case name ("" for rows that read no résumé)."""


@dataclass(frozen=True)
class Row:
    label: str
    command: list[str]
    environment: dict[str, str] | None = None


def rows_for(case: Case, rendercv: Path | None) -> list[Row]:
    out = case.out
    resumeout = resumeout_command()
    rows = [Row("validate", [*resumeout, "validate", str(case.source)])]
    for name in ("md", "pdf", "docx", "all"):
        target = out / f"export-{name}"
        rows.append(
            Row(
                f"export {name}",
                [*resumeout, "export", str(case.source), "-f", name, "-o", str(target), "-q"],
            )
        )
    rows.append(Row("floor", [sys.executable, str(FLOOR), str(case.markdown), str(out / "floor")]))
    rows.append(
        Row(
            "floor-both",
            [sys.executable, str(FLOOR), str(case.markdown), str(out / "floor-both"), "--docx"],
        )
    )
    if rendercv is not None:
        target = out / "rendercv"
        environment = rendercv_environment(rendercv, case.rendercv, target)
        if environment is None:
            print(f"  RenderCV: {rendercv} failed on {case.rendercv}; skipped")
        else:
            rows.append(
                Row("RenderCV", rendercv_command(rendercv, case.rendercv, target), environment)
            )
    pandoc = shutil.which("pandoc")
    if pandoc:
        rows.append(
            Row("pandoc md → docx", [pandoc, str(case.markdown), "-o", str(out / "p.docx")])
        )
    return rows


def side_by_side(cases: list[Case], runs: int, rendercv_option: str | None) -> Results:
    rendercv = find_rendercv(rendercv_option)
    if rendercv is None:
        print(
            "  RenderCV: not found; skipped (install it with Python ≥ 3.12 in a virtual "
            "environment outside the repository and give --rendercv PATH)"
        )
    else:
        print(f"  RenderCV: {rendercv_version(rendercv)} ({rendercv})")
    planned: list[tuple[str, Row]] = [
        ("", Row("python -c pass", [sys.executable, "-c", "pass"])),
        ("", Row("--help", [*resumeout_command(), "--help"])),
    ]
    planned += [(case.name, row) for case in cases for row in rows_for(case, rendercv)]
    ready = []
    for case_name, row in planned:
        try:
            warm_up((row.command, row.environment))
        except CommandError as error:
            print(f"  {row.label} on {case_name or 'any résumé'}: skipped; {error}")
            continue
        ready.append((case_name, row))
    samples = run_commands([(row.command, row.environment) for _, row in ready], runs)
    results: Results = {}
    for (case_name, row), sample in zip(ready, samples, strict=True):
        if sample is None:
            print(f"  {row.label} on {case_name or 'any résumé'}: failed while measured")
        else:
            results.setdefault(row.label, {})[case_name] = sample
    print_table(cases, runs, results)
    print_ratios(cases, results)
    return results


def print_table(cases: list[Case], runs: int, results: Results) -> None:
    print(
        f"\nwhole process: wall seconds (min, median, max of {runs} runs, bytecode cached), "
        "least CPU seconds (user + system), peak memory (max RSS, MiB)"
    )
    titles = "".join(f"  {c.title:<36}" for c in cases)
    print(f"  {'':<22}{titles}")
    heads = "".join(f"  {'min':>6} {'median':>6} {'max':>6} {'cpu':>6} {'MiB':>5}  " for _ in cases)
    print(f"  {'':<22}{heads}")
    for label, samples in results.items():
        cells = []
        for case in cases:
            sample = samples.get(case.name) or samples.get("")
            if sample is None or (case is not cases[0] and "" in samples):
                cells.append(f"  {'':<36}")
                continue
            cells.append(
                f"  {sample.low:6.3f} {sample.median:6.3f} {sample.high:6.3f} "
                f"{sample.cpu:6.3f} {sample.peak_mib:5.0f}  "
            )
        print(f"  {label:<22}{''.join(cells)}")


def print_ratios(cases: list[Case], results: Results) -> None:
    print("\nratios (by min wall time, median wall time and least CPU time; lower is better)")
    heads = "".join(f"  {c.name + ':':<8}{'min':>6} {'median':>6} {'cpu':>6}" for c in cases)
    print(f"  {'':<24}{heads}  target")
    for label, top, bottom, target in RATIOS:
        cells = []
        for case in cases:
            above = results.get(top, {})
            below = results.get(bottom, {})
            a = above.get(case.name) or above.get("")
            b = below.get(case.name) or below.get("")
            if a is None or b is None or (case is not cases[0] and "" in above):
                cells.append(f"  {'':<8}{'—':>6} {'':>6} {'':>6}")
                continue
            cells.append(
                f"  {'':<8}{a.low / b.low:6.2f} {a.median / b.median:6.2f} {a.cpu / b.cpu:6.2f}"
            )
        print(f"  {label:<24}{''.join(cells)}  {target}")
