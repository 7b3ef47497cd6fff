"""Exports sources to formats: each source loaded, its outputs planned, rendered to every
format, then written (or, with ``check``, compared). Several sources run in parallel
processes (:mod:`resumeout.cli.parallel`), once every output of the batch has been
planned."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from resumeout.cli.targets import Job, find_clashes, target_keys
from resumeout.diagnostics import Diagnostic
from resumeout.errors import (
    UNCOVERED_ADVICE,
    ResumeoutError,
    SourceError,
    UncoveredCharactersError,
    UsageError,
    describe_uncovered,
)
from resumeout.exporters.local import EXPORTERS_DIR_VARIABLE

if TYPE_CHECKING:
    from resumeout.exporters.base import Exporter
    from resumeout.model import Resume
    from resumeout.source.loading import LoadedSource, SourceMap

Status = Literal["written", "unchanged", "up to date", "differs", "missing", "failed"]
# What each status means for the exit code and the summary.
PROBLEMS: frozenset[Status] = frozenset({"differs", "missing", "failed"})


@dataclass(frozen=True)
class ExportPlan:
    formats: tuple[str, ...]
    output: Path | None = None
    """A folder (default: beside each source), or one file with ``single_file``."""
    single_file: bool = False
    to_stdout: bool = False
    """Write the one output to standard output (``-o -``)."""
    strict: bool = False
    check: bool = False
    """Write nothing; compare what would be written with what is on disk."""
    exporters_dir: Path | None = None
    variant: str | None = None
    """A variant's name, or "all" for every declared variant."""
    fit_pages: int | None = None
    """Overrides ``design.fit_pages``."""
    theme: str | None = None
    """Overrides ``design.theme``."""
    allow_missing_glyphs: bool = False
    """A character no font has is left out with a warning instead of failing the PDF."""

    @property
    def one_file(self) -> bool:
        """The command line named the one file every output goes to."""
        return self.single_file or self.to_stdout


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
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems the exporter found in the source, located there (a character no font
    has: an error, or a warning with ``allow_missing_glyphs``)."""

    @property
    def source_errors(self) -> bool:
        """The source holds what this output cannot show (exit code 3)."""
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)


@dataclass(frozen=True)
class SourceReport:
    source: Path
    diagnostics: tuple[Diagnostic, ...] = ()
    """Why the source could not be read or validated (then there are no outcomes)."""
    usage_error: str | None = None
    usage_located: Diagnostic | None = None
    """A usage error that has a place in the source (an unknown ``--variant``)."""
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()
    """What was done on the way (fitting on pages)."""
    warnings: tuple[Diagnostic, ...] = ()
    """Located problems in the source that do not stop its export."""

    @property
    def failed(self) -> bool:
        return bool(self.diagnostics or self.usage_error or self.usage_located) or any(
            outcome.status in PROBLEMS for outcome in self.outcomes
        )


def run(
    sources: Iterable[Path],
    plan: ExportPlan,
    jobs: int,
    on_report: Callable[[SourceReport], None],
) -> list[SourceReport]:
    """Export every source; ``on_report`` is called as each one finishes (any order).
    Returns the reports in the order of ``sources``.

    Every output target of the batch is planned before anything is written: sources that
    would write one file, or over a source, are refused (``usage_error``) and the others
    are exported. A single source plans its own outputs as it goes."""
    sources = list(sources)
    if len(sources) == 1:
        reports = [export_source(sources[0], plan, batch_sources=sources)]
        on_report(reports[0])
        return reports
    from resumeout.cli.parallel import run_batch  # the process pool: only for batches

    return run_batch(sources, plan, jobs, on_report)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class SourcePlan:
    """What a source would write, found without rendering anything."""

    jobs: tuple[Job, ...] = ()
    report: SourceReport | None = None
    """Set when the source cannot be exported at all (invalid, unknown format…)."""


def plan_source(source: Path, plan: ExportPlan) -> SourcePlan:
    prepared = _prepare(source, plan)
    if isinstance(prepared, SourceReport):
        return SourcePlan(report=prepared)
    return SourcePlan(jobs=prepared.jobs)


@dataclass(frozen=True)
class _Prepared:
    """A loaded source with every format and variant resolved and every target known."""

    versions: list[tuple[str | None, Resume]]
    classes: list[type[Exporter]]
    jobs: tuple[Job, ...]
    warnings: tuple[Diagnostic, ...]
    loaded: LoadedSource


def _prepare(source: Path, plan: ExportPlan) -> _Prepared | SourceReport:
    from resumeout.exporters.registry import load_exporter
    from resumeout.source.loading import read_source
    from resumeout.source.validation import validate

    try:
        loaded = read_source(source)
        resume = validate(loaded, theme=plan.theme)
    except SourceError as error:
        return SourceReport(source, diagnostics=tuple(error.diagnostics))
    except UsageError as error:  # --theme names no theme
        return SourceReport(source, usage_error=str(error))
    from resumeout.source.language_hint import unnamed_language

    warnings = tuple(_unloaded_exporters(resume, loaded.source_map, source, plan.exporters_dir))
    language = unnamed_language(resume, loaded.source_map)
    warnings += (language,) if language else ()
    if plan.variant is not None:
        from resumeout.source.variants import variant_problem

        problem = variant_problem(resume, plan.variant)
        if problem is not None:
            located = loaded.source_map.diagnostic(
                ("variants",), problem, code="unknown_variant", key=True
            )
            return SourceReport(source, usage_located=located, warnings=warnings)
    try:
        # Every format and variant is resolved before anything is rendered or written.
        classes = [load_exporter(name, plan.exporters_dir) for name in plan.formats]
        versions = select_versions(resume, plan.variant)
    except UsageError as error:
        return SourceReport(source, usage_error=str(error), warnings=warnings)
    if plan.to_stdout:
        binary = [c.name for c in classes if c.binary]
        if binary:
            message = f"{binary[0]} is a binary format; write it to a file with -o FILE"
            return SourceReport(source, usage_error=message, warnings=warnings)
    jobs = tuple(
        Job(source, exporter.name, variant, target_for(version, exporter, source, plan, variant))
        for variant, version in versions
        for exporter in classes
    )
    return _Prepared(versions, classes, jobs, warnings, loaded)


def _unloaded_exporters(
    resume: Resume, source_map: SourceMap, source: Path, loaded: Path | None
) -> Iterator[Diagnostic]:
    """A résumé cannot make resumeout run code: the folder its ``settings.exporters_dir``
    names is loaded only when the command line or the environment names it too."""
    named = resume.settings.exporters_dir
    if named is None:
        return
    folder = source.parent / named
    if loaded is not None and loaded.resolve() == folder.resolve():
        return
    diagnostic = source_map.diagnostic(
        ("settings", "exporters_dir"),
        f"the exporters in {folder} are not loaded: a résumé cannot run code by itself; "
        f"load them with `--exporters-dir {folder}` or {EXPORTERS_DIR_VARIABLE}={folder}",
        code="exporters_dir_not_loaded",
    )
    yield replace(diagnostic, severity="warning")


def export_source(
    source: Path,
    plan: ExportPlan,
    *,
    batch_sources: list[Path] | None = None,
    planned: tuple[Job, ...] | None = None,
) -> SourceReport:
    """Load ``source`` once and produce every format of ``plan``; never raises for a user
    error: problems are in the report. ``planned`` are the jobs the batch's plan found for
    it; if the source changed since, its outputs are refused rather than written unchecked.
    """
    prepared = _prepare(source, plan)
    if isinstance(prepared, SourceReport):
        return prepared
    as_planned = planned is not None and set(target_keys(j.target for j in planned)) == set(
        target_keys(j.target for j in prepared.jobs)
    )
    # The batch's plan already checked these very targets against every source and every
    # other output of the batch; checking them again here cost each source time in
    # proportion to the batch's size.
    if not as_planned:
        clashes = find_clashes(prepared.jobs, batch_sources or [source], one_file=plan.one_file)
        if source in clashes:
            return SourceReport(source, usage_error=clashes[source], warnings=prepared.warnings)
    if planned is not None and not as_planned:
        changed = "the source changed while the batch was planned; export again"
        refused = tuple(
            Outcome(j.format, j.target, "failed", changed, variant=j.variant) for j in planned
        )
        return SourceReport(source, outcomes=refused, warnings=prepared.warnings)
    outcomes: list[Outcome] = []
    notes: list[str] = []
    jobs = iter(prepared.jobs)
    # The first paged format measures the pages; every paged format gets the design found.
    measure = next((exporter for exporter in prepared.classes if exporter.paged), None)
    for variant, version in prepared.versions:
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
        for exporter_class in prepared.classes:
            exporter = exporter_class(base_dir=source.parent)
            exporter.allow_missing_glyphs = plan.allow_missing_glyphs
            extra = fit_warnings if exporter.paged else ()
            target = next(jobs).target
            outcome = _render_and_write(
                exporter, version, target, plan, extra, bool(prepared.warnings), prepared.loaded
            )
            outcomes.append(replace(outcome, variant=variant))
    return SourceReport(
        source, outcomes=tuple(outcomes), notes=tuple(notes), warnings=prepared.warnings
    )


def select_versions(resume: Resume, variant: str | None) -> list[tuple[str | None, Resume]]:
    """The résumé as ``--variant`` asks: itself (no variant), one variant, or all of them
    (``variant`` is one :func:`~resumeout.source.variants.variant_problem` accepts)."""
    from resumeout.source.variants import apply_variant

    if variant is None:
        return [(None, resume)]
    names = list(resume.variants) if variant == "all" else [variant]
    return [(name, apply_variant(resume, name)) for name in names]


def target_for(
    resume: Resume,
    exporter: type[Exporter],
    source: Path,
    plan: ExportPlan,
    variant: str | None,
) -> Path | None:
    """Where one output goes; None is standard output."""
    from resumeout.cli.naming import file_stem

    if plan.to_stdout:
        return None
    if plan.single_file and plan.output is not None:
        return plan.output
    directory = plan.output if plan.output is not None else source.parent
    stem = file_stem(resume, variant)
    return directory / f"{stem}{exporter.suffix}"


def _render_and_write(
    exporter: Exporter,
    resume: Resume,
    target: Path | None,
    plan: ExportPlan,
    extra_warnings: tuple[str, ...],
    source_warned: bool,
    loaded: LoadedSource,
) -> Outcome:
    """Render one output, then write it to ``target`` (None: standard output) or, with
    ``check``, compare it; ``source_warned`` counts the source's own warnings for
    ``--strict``."""
    name = exporter.name
    try:
        data = exporter.render_bytes(resume)
    except UncoveredCharactersError as error:
        advice = f"{UNCOVERED_ADVICE} (the {name} was not written)"
        located = tuple(_uncovered(loaded, char, "error", advice) for char in error.characters)
        count = len(error.characters)
        detail = f"{count} character{'s' if count > 1 else ''} no font has (see above)"
        return Outcome(name, target, "failed", detail, diagnostics=located)
    except ResumeoutError as error:
        return Outcome(name, target, "failed", str(error))
    except Exception as error:  # a bug in an exporter: keep its traceback, go on
        return Outcome(
            name,
            target,
            "failed",
            f"internal error in the {name} exporter: {error!r}",
            internal_error=_traceback(),
        )
    warnings = (*extra_warnings, *exporter.warnings)
    located = tuple(
        _uncovered(loaded, char, "warning", f"left out of the {name} (--allow-missing-glyphs)")
        for char in exporter.uncovered
    )
    if plan.strict and (warnings or located or source_warned):
        return Outcome(
            name,
            target,
            "failed",
            "--strict, and it has warnings",
            warnings=warnings,
            diagnostics=located,
        )
    outcome = _written(data, name, target, plan, warnings)
    return replace(outcome, diagnostics=located)


def _uncovered(loaded: LoadedSource, char: str, severity: str, result: str) -> Diagnostic:
    """A character no font has, located at its first use in the source."""
    from resumeout.source.characters import locate_character

    message = f"no font has a glyph for {describe_uncovered(char)}; {result}"
    return locate_character(loaded, char, message, code="missing_glyph", severity=severity)


def _written(
    data: bytes, name: str, target: Path | None, plan: ExportPlan, warnings: tuple[str, ...]
) -> Outcome:
    """``data`` written to ``target`` (None: standard output), or compared with it."""
    from resumeout.cli.writing import write_atomic, write_standard_output

    if target is None:
        write_standard_output(data)
        return Outcome(name, target, "written", size=len(data), warnings=warnings)
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


def _traceback() -> str:
    import traceback  # here: only a bug in an exporter needs it

    return traceback.format_exc()
