"""Several sources exported in parallel processes, once every output of the batch has
been planned. Imported only for a batch: a single source needs no process pool."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from functools import partial
from pathlib import Path
from typing import ParamSpec, TypeVar

from resumeout.cli.batch import ExportPlan, SourceReport, export_source, plan_source
from resumeout.cli.targets import Job, find_clashes

_P = ParamSpec("_P")
_T = TypeVar("_T")


def run_batch(
    sources: list[Path],
    plan: ExportPlan,
    jobs: int,
    on_report: Callable[[SourceReport], None],
) -> list[SourceReport]:
    """:func:`resumeout.cli.batch.run` for two sources or more."""
    # A batch loads each source twice, to plan and to export (loading is about a tenth of
    # the work), so that no process has to hold every rendered output until the plan is
    # complete, and a large batch needs no more memory than a small one.
    done: dict[Path, SourceReport] = {}
    workers = max(1, min(jobs, len(sources)))
    # Each worker process is given the batch's sources once, not with every source it
    # exports; it keeps its modules and parsed fonts from one source to the next.
    with _executor(workers, sources) as pool:
        # A few sources per message: planning one takes about a millisecond.
        chunk = max(1, len(sources) // (workers * 8))
        planned = dict(
            zip(
                sources,
                pool.map(partial(plan_source, plan=plan), sources, chunksize=chunk),
                strict=True,
            )
        )
        refused = find_clashes(
            (job for p in planned.values() for job in p.jobs), sources, one_file=plan.one_file
        )
        to_export: list[Path] = []
        for source, source_plan in planned.items():
            if source_plan.report is not None or source in refused:
                report = source_plan.report or SourceReport(source, usage_error=refused[source])
                done[source] = report
                on_report(report)
            else:
                to_export.append(source)
        # A few exports per worker are queued at a time, and each report is passed on as
        # it arrives: memory does not grow with the number of sources.
        waiting: dict[Future[SourceReport], Path] = {}
        queue = iter(to_export)
        for source in itertools.islice(queue, workers * 4):
            waiting[pool.submit(_export_planned, source, plan, planned[source].jobs)] = source
        while waiting:
            finished, _ = wait(waiting, return_when=FIRST_COMPLETED)
            for future in [future for future in waiting if future in finished]:
                source = waiting.pop(future)
                done[source] = future.result()
                on_report(done[source])
                following = next(queue, None)
                if following is not None:
                    job = pool.submit(_export_planned, following, plan, planned[following].jobs)
                    waiting[job] = following
    return [done[source] for source in sources]


# The sources of the batch a worker process takes part in (set as it starts).
_batch_sources: list[Path] = []


def _join_batch(sources: list[Path]) -> None:
    global _batch_sources
    _batch_sources = sources


def _export_planned(source: Path, plan: ExportPlan, planned: tuple[Job, ...]) -> SourceReport:
    return export_source(source, plan, batch_sources=_batch_sources, planned=planned)


def _executor(workers: int, sources: list[Path]) -> Executor:
    if workers == 1:
        _join_batch(sources)
        return _InProcess()
    from concurrent.futures import ProcessPoolExecutor  # only for two workers or more

    return ProcessPoolExecutor(max_workers=workers, initializer=_join_batch, initargs=(sources,))


class _InProcess(Executor):
    """Runs each call at once, in this process: one worker needs no pool."""

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        future: Future[_T] = Future()
        future.set_result(fn(*args, **kwargs))
        return future
