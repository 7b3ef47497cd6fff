"""``resumeout verify``: read the PDF and DOCX back as an applicant tracking system
would, and say what it finds of the résumé, what it misses and what it misreads."""

from __future__ import annotations

import sys
from pathlib import Path

from resumeout.cli.reporting import ErrorFormat, emit
from resumeout.errors import EXIT_OK, Diagnostic, SourceError, UsageError
from resumeout.model import Resume
from resumeout.source.loading import read_source
from resumeout.source.validation import validate
from resumeout.verification.checks import check
from resumeout.verification.facts import expected_facts
from resumeout.verification.readers import KINDS, Kind, read_document, require_readers
from resumeout.verification.report import DocumentReport

EXIT_NOT_AS_WRITTEN = 1
"""Something of the résumé is missing, misread or apart from where it belongs."""
EXPORTED: tuple[Kind, ...] = ("pdf", "docx")
"""What is read when no file is named: the documents ``export`` makes."""


def split_arguments(paths: list[Path], default_source: Path) -> tuple[Path, list[Path]]:
    """``[SOURCE] [FILE ...]``: a first path that is not a document is the source."""
    if paths and paths[0].suffix.lower() not in KINDS:
        return paths[0], paths[1:]
    return default_source, paths


def run_verify(source: Path, files: list[Path], error_format: ErrorFormat, show_text: bool) -> int:
    kinds = [_kind(path) for path in files]
    require_readers(set(kinds or EXPORTED))
    contents = [
        (str(path), kind, _read_bytes(path)) for path, kind in zip(files, kinds, strict=True)
    ]
    try:
        loaded = read_source(source)
        resume = validate(loaded)
    except SourceError as error:
        for diagnostic in error.diagnostics:
            emit(diagnostic, error_format, sys.stderr)
        return error.exit_code
    built_in_memory = not files
    if built_in_memory:
        contents = _exported(resume, source, error_format)
    expected = expected_facts(resume)
    status = EXIT_OK
    for name, kind, data in contents:
        document = read_document(name, kind, data)
        findings = None if document.text is None else check(document.text, expected)
        report = DocumentReport(document, findings, built_in_memory)
        for diagnostic in report.diagnostics(loaded.source_map):
            emit(diagnostic, error_format, sys.stderr)
            status = EXIT_NOT_AS_WRITTEN
        print(report.summary(error_format, show_text), flush=True)
    return status


def _kind(path: Path) -> Kind:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{path}: verify reads .pdf and .docx files; name the source first")
    return kind


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; export it first, or name no file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None


def _exported(
    resume: Resume, source: Path, error_format: ErrorFormat
) -> list[tuple[str, Kind, bytes]]:
    """The PDF and DOCX that ``export`` makes of ``resume``, rendered, not written."""
    from resumeout.cli.naming import output_stem
    from resumeout.exporters.registry import load_exporter

    exporters = [(kind, load_exporter(kind)(base_dir=source.parent)) for kind in EXPORTED]
    if resume.design.fit_pages:
        from resumeout.views.fitting import fit_to_pages

        # As `export` does: the first paged format measures the pages for all of them.
        paged = next(exporter for _, exporter in exporters if exporter.paged)
        resume, _ = fit_to_pages(resume, resume.design.fit_pages, paged)
    stem = output_stem(resume.settings.output_name, resume.name)
    documents: list[tuple[str, Kind, bytes]] = []
    for kind, exporter in exporters:
        data = exporter.render_bytes(resume)
        name = f"{stem}{exporter.suffix}"
        for warning in exporter.warnings:
            emit(
                Diagnostic(name, warning, code="warning", severity="warning"),
                error_format,
                sys.stderr,
            )
        documents.append((name, kind, data))
    return documents
