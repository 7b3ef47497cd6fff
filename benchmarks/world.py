"""Whole-process figures for the résumés in world scripts (tests/data/world) beside the
seed's, and each one's ratio to the seed, PDF alone and all four formats. The target:
at most 2× the seed for a résumé that needs the scripts toolkit.

Twice: with the system's fonts (found through fontconfig, as on a desktop or in CI),
and with fontconfig out of reach (``PATH`` without ``fc-match``), where the ``world``
extra's fonts draw Arabic (a variable font), Hebrew, Devanagari and Thai."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cases import ROOT, SEED, resumeout_command
from timing import CommandError, Sample, run_commands, warm_up

WORLD = ROOT / "tests" / "data" / "world"
SCRIPTS = ("arabic", "hebrew", "hindi", "thai", "chinese", "japanese_korean")
WORLD_EXTRA_SCRIPTS = ("arabic", "hebrew", "hindi", "thai")
"""Those the world extra has fonts for (no CJK font is packaged)."""
FORMATS = ("pdf", "all")


def world(runs: int, out: Path) -> None:
    print("World scripts: whole process, least CPU time (user + system) of", runs, "runs")
    _table("system fonts (fontconfig)", SCRIPTS, None, runs, out / "system")
    with tempfile.TemporaryDirectory() as empty:
        environment = dict(os.environ, PATH=empty)
        _table("no fontconfig: the world extra", WORLD_EXTRA_SCRIPTS, environment, runs, out)


def _table(
    title: str, scripts: tuple[str, ...], environment: dict[str, str] | None, runs: int, out: Path
) -> None:
    sources = {"seed": SEED, **{script: WORLD / f"{script}.yaml" for script in scripts}}
    commands = []
    for name, source in sources.items():
        for format_ in FORMATS:
            target = out / f"{name}-{format_}"
            argv = [*resumeout_command(), "export", str(source), "-f", format_]
            commands.append(([*argv, "-o", str(target), "-q"], environment))
    try:
        for command in commands:
            warm_up(command)
    except CommandError as error:
        print(f"  {title}: skipped, {error}")
        return
    samples = iter(run_commands(commands, runs))
    results: dict[str, dict[str, Sample | None]] = {
        name: {format_: next(samples) for format_ in FORMATS} for name in sources
    }
    print(f"\n  {title}")
    print(f"  {'résumé':<18} {'pdf CPU':>9} {'÷ seed':>7} {'all CPU':>9} {'÷ seed':>7}")
    seed = results["seed"]
    for name, by_format in results.items():
        cells = []
        for format_ in FORMATS:
            sample, base = by_format[format_], seed[format_]
            if sample is None or base is None:
                cells.append(f"{'failed':>9} {'':>7}")
                continue
            cells.append(f"{sample.cpu:9.3f} {sample.cpu / base.cpu:6.2f}×")
        print(f"  {name:<18} {' '.join(cells)}")
