"""``resumeout verify``: read the PDF and DOCX back as an applicant tracking system
would, and say what it finds of the résumé, what it misses and what it misreads."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from resumeout.cli.reporting import ErrorFormat, emit
from resumeout.diagnostics import Diagnostic
from resumeout.errors import EXIT_OK, SourceError, UsageError
from resumeout.verification.building import EXPORTED, Document, build_documents
from resumeout.verification.checks import check
from resumeout.verification.facts import Expectations, expected_facts
from resumeout.verification.readers import KINDS, Kind, read_document, require_readers
from resumeout.verification.report import DocumentReport

if TYPE_CHECKING:
    from resumeout.model import Resume
    from resumeout.source.loading import LoadedSource

EXIT_NOT_AS_WRITTEN = 1
"""Something of the résumé is missing, misread or apart from where it belongs."""


@dataclass(frozen=True, slots=True)
class Options:
    error_format: ErrorFormat = "text"
    show_text: bool = False
    variant: str | None = None
    """A variant's name, or "all"; as ``export --variant``."""
    allow_missing_glyphs: bool = False
    theme: str | None = None
    """As ``export --theme``: replaces the theme the source names."""


class UnreadableFilesError(UsageError):
    """Named files that cannot be read as asked: every one of them, at once."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems

    def show(self, stream: TextIO | None = None) -> None:
        for problem in self.problems:
            print(f"resumeout: error: {problem}", file=stream or sys.stderr)


def split_arguments(paths: list[Path], default_source: Path) -> tuple[Path, list[Path]]:
    """``[SOURCE] [FILE ...]``: a first path that is not a document is the source."""
    if paths and paths[0].suffix.lower() not in KINDS:
        return paths[0], paths[1:]
    return default_source, paths


def run_verify(source: Path, files: list[Path], options: Options) -> int:
    named = _named_documents(files)
    try:
        from resumeout.source.loading import read_source
        from resumeout.source.validation import validate

        loaded = read_source(source)
        resume = validate(loaded, theme=options.theme)
    except SourceError as error:
        return _report(error.diagnostics, options, error.exit_code)
    except UsageError as error:  # --theme names no theme
        return _report(
            [Diagnostic(str(source), str(error), code="usage")], options, error.exit_code
        )
    versions = _versions(resume, loaded, options.variant, bool(files))
    if isinstance(versions, Diagnostic):
        return _report([versions], options, UsageError.exit_code)
    status = EXIT_OK
    source_errors = False
    for variant, version, expected in versions:
        if files:
            documents, built_in_memory = named, False
        else:
            built = build_documents(
                version,
                loaded,
                source,
                variant,
                allow_missing_glyphs=options.allow_missing_glyphs,
            )
            _report(built.problems, options, EXIT_OK)
            if built.failed:
                status = EXIT_NOT_AS_WRITTEN
            source_errors |= built.source_errors
            documents, built_in_memory = built.documents, True
        for document in documents:
            if _verify_document(document, expected, loaded, options, built_in_memory):
                status = EXIT_NOT_AS_WRITTEN
    return SourceError.exit_code if source_errors else status


def _named_documents(files: list[Path]) -> list[Document]:
    """The files named, read; every one that cannot be is named at once (exit 2)."""
    problems: list[str] = []
    kinds: list[tuple[Path, Kind]] = []
    for path in files:
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            problems.append(f"{path}: verify reads .pdf and .docx files; name the source first")
        else:
            kinds.append((path, kind))
    require_readers({kind for _, kind in kinds} if files else set(EXPORTED))
    documents: list[Document] = []
    for path, kind in kinds:
        try:
            documents.append(Document(str(path), kind, path.read_bytes()))
        except FileNotFoundError:
            problems.append(f"{path}: no such file; export it first, or name no file")
        except OSError as error:
            problems.append(f"{path}: cannot read: {error.strerror or error}")
    if problems:
        raise UnreadableFilesError(problems)
    return documents


def _versions(
    resume: Resume, loaded: LoadedSource, variant: str | None, named_files: bool
) -> list[tuple[str | None, Resume, Expectations]] | Diagnostic:
    """The résumé as ``--variant`` asks, each with the facts a reader must find in it, at
    their fields in the source; or why ``--variant`` cannot be followed, located at the
    source's ``variants:``."""
    if variant is None:
        return [(None, resume, expected_facts(resume))]
    from resumeout.source.variants import apply_variant, variant_problem
    from resumeout.verification.provenance import relocated, variant_source_paths

    problem = variant_problem(resume, variant, named_files=named_files)
    if problem is not None:
        return loaded.source_map.diagnostic(
            ("variants",), problem, code="unknown_variant", key=True
        )
    names = list(resume.variants) if variant == "all" else [variant]
    versions: list[tuple[str | None, Resume, Expectations]] = []
    for name in names:
        version = apply_variant(resume, name)
        source_paths = variant_source_paths(resume, version, name)
        versions.append((name, version, relocated(expected_facts(version), source_paths)))
    return versions


def _verify_document(
    document: Document,
    expected: Expectations,
    loaded: LoadedSource,
    options: Options,
    built_in_memory: bool,
) -> bool:
    """Read ``document``, report what is wrong with it and its summary; True when
    something is."""
    read = read_document(document.name, document.kind, document.data)
    findings = None if read.text is None else check(read.text, expected)
    report = DocumentReport(read, findings, built_in_memory)
    problems = report.diagnostics(loaded.source_map)
    _report(problems, options, EXIT_OK)
    print(report.summary(options.error_format, options.show_text), flush=True)
    return bool(problems)


def _report(problems: list[Diagnostic], options: Options, exit_code: int) -> int:
    for problem in problems:
        emit(problem, options.error_format, sys.stderr)
    return exit_code
