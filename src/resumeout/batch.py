"""Exports sources to formats: each source loaded once, rendered to every format, then
written (or, with ``check``, compared). Several sources run in parallel processes."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from resumeout.errors import Diagnostic, ResumeoutError, SourceError, UsageError

if TYPE_CHECKING:
    from resumeout.exporters.base import Exporter
    from resumeout.model import Resume

Status = Literal["written", "unchanged", "up to date", "differs", "missing", "failed"]
# What each status means for the exit code and the summary.
PROBLEMS: frozenset[Status] = frozenset({"differs", "missing", "failed"})


@dataclass(frozen=True)
class ExportPlan:
    formats: tuple[str, ...]
    output: Path | None = None
    """A folder (default: beside each source), or one file with ``single_file``."""
    single_file: bool = False
    strict: bool = False
    check: bool = False
    """Write nothing; compare what would be written with what is on disk."""
    exporters_dir: Path | None = None


@dataclass(frozen=True)
class Outcome:
    format: str
    target: Path | None
    status: Status
    detail: str = ""
    size: int = 0
    warnings: tuple[str, ...] = ()
    internal_error: str | None = None
    """The traceback of a bug in an exporter."""


@dataclass(frozen=True)
class SourceReport:
    source: Path
    diagnostics: tuple[Diagnostic, ...] = ()
    """Why the source could not be read or validated (then there are no outcomes)."""
    usage_error: str | None = None
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)

    @property
    def failed(self) -> bool:
        return bool(self.diagnostics or self.usage_error) or any(
            outcome.status in PROBLEMS for outcome in self.outcomes
        )


def run(
    sources: Iterable[Path],
    plan: ExportPlan,
    jobs: int,
    on_report: Callable[[SourceReport], None],
) -> list[SourceReport]:
    """Export every source; ``on_report`` is called as each one finishes (any order).
    Returns the reports in the order of ``sources``."""
    sources = list(sources)
    workers = max(1, min(jobs, len(sources)))
    if workers == 1:
        reports = []
        for source in sources:
            reports.append(export_source(source, plan))
            on_report(reports[-1])
        return reports
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only for batches

    done: dict[Path, SourceReport] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(export_source, source, plan): source for source in sources}
        for future in as_completed(futures):
            report = future.result()
            done[futures[future]] = report
            on_report(report)
    return [done[source] for source in sources]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def export_source(source: Path, plan: ExportPlan) -> SourceReport:
    """Load ``source`` once and produce every format of ``plan``; never raises for a user
    error: problems are in the report."""
    from resumeout.exporters.registry import load_exporter
    from resumeout.validation import load_resume

    try:
        resume = load_resume(source)
    except SourceError as error:
        return SourceReport(source, diagnostics=tuple(error.diagnostics))
    folder = plan.exporters_dir
    if folder is None and resume.settings.exporters_dir is not None:
        folder = source.parent / resume.settings.exporters_dir
    try:
        # Every format is resolved before anything is rendered or written.
        exporters = [load_exporter(name, folder)(base_dir=source.parent) for name in plan.formats]
    except UsageError as error:
        return SourceReport(source, usage_error=str(error))
    outcomes = tuple(_produce(exporter, resume, source, plan) for exporter in exporters)
    return SourceReport(source, outcomes=outcomes)


def target_for(resume: Resume, exporter: Exporter, source: Path, plan: ExportPlan) -> Path:
    from resumeout.naming import output_stem

    if plan.single_file and plan.output is not None:
        return plan.output
    directory = plan.output if plan.output is not None else source.parent
    return directory / f"{output_stem(resume.settings.output_name, resume.name)}{exporter.suffix}"


def _produce(exporter: Exporter, resume: Resume, source: Path, plan: ExportPlan) -> Outcome:
    from resumeout.writing import write_atomic

    name = exporter.name
    target = target_for(resume, exporter, source, plan)
    if target.resolve() == source.resolve():
        return Outcome(name, target, "failed", "refusing to overwrite the source file")
    try:
        data = exporter.render_bytes(resume)
    except ResumeoutError as error:
        return Outcome(name, target, "failed", str(error))
    except Exception as error:  # a bug in an exporter: keep its traceback, go on
        return Outcome(
            name,
            target,
            "failed",
            f"internal error in the {name} exporter: {error!r}",
            internal_error=traceback.format_exc(),
        )
    warnings = tuple(exporter.warnings)
    if plan.strict and warnings:
        return Outcome(
            name, target, "failed", "not written: --strict and warnings", warnings=warnings
        )
    existing = _read(target)
    if plan.check:
        status: Status = (
            "missing" if existing is None else "up to date" if existing == data else "differs"
        )
        return Outcome(name, target, status, size=len(data), warnings=warnings)
    if existing == data:
        return Outcome(name, target, "unchanged", size=len(data), warnings=warnings)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        return Outcome(
            name, target, "failed", f"cannot write: {error.strerror or error}", warnings=warnings
        )
    return Outcome(name, target, "written", size=len(data), warnings=warnings)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
