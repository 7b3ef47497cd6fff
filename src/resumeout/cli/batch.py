"""Exports sources to formats: each source loaded once, rendered to every format, then
written (or, with ``check``, compared). Several sources run in parallel processes."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
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
    variant: str | None = None
    """A variant's name, or "all" for every declared variant."""
    fit_pages: int | None = None
    """Overrides ``design.fit_pages``."""


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
    variant: str | None = None


@dataclass(frozen=True)
class SourceReport:
    source: Path
    diagnostics: tuple[Diagnostic, ...] = ()
    """Why the source could not be read or validated (then there are no outcomes)."""
    usage_error: str | None = None
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()
    """What was done on the way (fitting on pages)."""

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
    from resumeout.source.validation import load_resume

    try:
        resume = load_resume(source)
    except SourceError as error:
        return SourceReport(source, diagnostics=tuple(error.diagnostics))
    folder = plan.exporters_dir
    if folder is None and resume.settings.exporters_dir is not None:
        folder = source.parent / resume.settings.exporters_dir
    try:
        # Every format and variant is resolved before anything is rendered or written.
        classes = [load_exporter(name, folder) for name in plan.formats]
        versions = select_versions(resume, plan.variant)
    except UsageError as error:
        return SourceReport(source, usage_error=str(error))
    outcomes: list[Outcome] = []
    notes: list[str] = []
    # The first paged format measures the pages; every paged format gets the design found.
    measure = next((exporter for exporter in classes if exporter.paged), None)
    for variant, version in versions:
        fit_warnings: tuple[str, ...] = ()
        target_pages = plan.fit_pages or version.design.fit_pages
        if target_pages and measure is not None:
            from resumeout.views.fitting import fit_to_pages

            counter = measure(base_dir=source.parent)
            version, fit = fit_to_pages(version, target_pages, counter)
            label = f"{source}" + (f" [{variant}]" if variant else "")
            if not fit.fits:
                fit_warnings = (fit.message(target_pages),)
            elif fit.changes:
                notes.append(f"{label}: {fit.message(target_pages)}")
        for exporter_class in classes:
            exporter = exporter_class(base_dir=source.parent)
            extra = fit_warnings if exporter.paged else ()
            outcomes.append(_produce(exporter, version, source, plan, variant, extra))
    return SourceReport(source, outcomes=tuple(outcomes), notes=tuple(notes))


def select_versions(resume: Resume, variant: str | None) -> list[tuple[str | None, Resume]]:
    """The résumé as ``--variant`` asks: itself (no variant), one variant, or all of them."""
    from resumeout.source.variants import apply_variant

    if variant is None:
        return [(None, resume)]
    names = list(resume.variants) if variant == "all" else [variant]
    if not names:
        raise UsageError("--variant all, but the résumé declares no `variants:`")
    for name in names:
        if name not in resume.variants:
            known = ", ".join(resume.variants) or "none"
            raise UsageError(f"unknown variant {name!r}; declared: {known}")
    return [(name, apply_variant(resume, name)) for name in names]


def target_for(
    resume: Resume, exporter: Exporter, source: Path, plan: ExportPlan, variant: str | None
) -> Path:
    from resumeout.cli.naming import output_stem

    if plan.single_file and plan.output is not None:
        return plan.output
    directory = plan.output if plan.output is not None else source.parent
    stem = output_stem(resume.settings.output_name, resume.name, variant)
    return directory / f"{stem}{exporter.suffix}"


def _produce(
    exporter: Exporter,
    resume: Resume,
    source: Path,
    plan: ExportPlan,
    variant: str | None,
    extra_warnings: tuple[str, ...],
) -> Outcome:
    target = target_for(resume, exporter, source, plan, variant)
    if target.resolve() == source.resolve():
        outcome = Outcome(exporter.name, target, "failed", "refusing to overwrite the source file")
    else:
        outcome = _render_and_write(exporter, resume, target, plan, extra_warnings)
    return replace(outcome, variant=variant)


def _render_and_write(
    exporter: Exporter,
    resume: Resume,
    target: Path,
    plan: ExportPlan,
    extra_warnings: tuple[str, ...],
) -> Outcome:
    from resumeout.cli.writing import write_atomic

    name = exporter.name
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
    warnings = (*extra_warnings, *exporter.warnings)
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
