"""Prints resumeout's performance figures; nothing here fails on a time.

    python benchmarks/run.py                          # side by side, batch, in process
    python benchmarks/run.py --rendercv ~/rendercv-venv   # with RenderCV's time too
    python benchmarks/run.py --only profile           # where the time goes
    python benchmarks/run.py --only batch --batch 1000
    python benchmarks/run.py --only worker --batch 300   # one batch worker, profiled

Parts:
  side      whole-process wall time, CPU time and peak memory of --help, validate and
            export (md, pdf, docx, all), of `python -c pass`, of the floor scripts
            (floor.py: reportlab alone; floor-both: reportlab and python-docx) and of
            RenderCV, for the seed and a long résumé side by side; then the ratios that
            the targets are set in
  batch     N seed-sized résumés × 4 formats on all cores
  worker    what one batch worker spends per résumé (N of them, in one process), per
            format and for the four, with a cProfile by package
  inprocess load and render per format, in this process
  scaling   in process, 10×, 100× and 1,000× the seed's entries (slow)
  profile   phases of an export, import times by package, cProfile by package
  world     each world-script résumé's whole-process CPU time and its ratio to the
            seed's, pdf and all, with the system's fonts and with the world extra
Default: side,batch,inprocess.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from cases import prepare
from inprocess import inprocess, scaling
from profiling import where_the_time_goes
from rivals import ENV_VARIABLE
from side_by_side import side_by_side
from throughput import batch
from timing import load_note
from worker import worker
from world import world

PARTS = ("side", "batch", "worker", "inprocess", "scaling", "profile", "world")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default: 7)")
    parser.add_argument(
        "--batch", type=int, default=40, metavar="N", help="résumés in the batch (default: 40)"
    )
    parser.add_argument(
        "--long-copies",
        type=int,
        default=35,
        metavar="K",
        help="the long résumé repeats the seed's entries K times (default: 35, 20 pages)",
    )
    parser.add_argument(
        "--rendercv",
        metavar="PATH",
        help=f"RenderCV's executable or virtual environment (or set {ENV_VARIABLE})",
    )
    parser.add_argument("--only", default="side,batch,inprocess", help=",".join(PARTS))
    args = parser.parse_args()
    parts = set(args.only.split(","))
    unknown = parts - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    print(f"Python {sys.version.split()[0]}; {load_note()}")
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        # Users' installs have their bytecode compiled; without it every process
        # compiles resumeout's modules again (tens of milliseconds).
        print("PYTHONDONTWRITEBYTECODE is set: unset for the commands measured here")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cases = []
        if parts & {"side", "profile"}:
            cases = [prepare("seed", 1, out), prepare("long", args.long_copies, out)]
        if "side" in parts:
            side_by_side(cases, args.runs, args.rendercv)
        if "batch" in parts:
            print()
            batch(args.batch, out)
        if "worker" in parts:
            print()
            worker(args.batch, out)
        if "inprocess" in parts:
            print()
            inprocess(args.runs * 3)
        if "scaling" in parts:
            print()
            scaling(args.runs, out)
        if "profile" in parts:
            print()
            where_the_time_goes(out, cases, args.runs)
        if "world" in parts:
            print()
            world(args.runs, out)
    print(f"\n{load_note()}")


if __name__ == "__main__":
    main()
