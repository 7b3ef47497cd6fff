"""The PDF and DOCX that ``export`` makes of a résumé (or of one of its variants), rendered
in memory, not written, with the problems ``export`` would report, located the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resumeout.diagnostics import Diagnostic
from resumeout.errors import (
    UNCOVERED_ADVICE,
    ExportError,
    UncoveredCharactersError,
    describe_uncovered,
)
from resumeout.verification.readers import Kind

if TYPE_CHECKING:
    from resumeout.model import Resume
    from resumeout.source.loading import LoadedSource

EXPORTED: tuple[Kind, ...] = ("pdf", "docx")
"""What is read when no file is named: the documents ``export`` makes."""


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    """A path, or the name ``export`` would give the file."""
    kind: Kind
    data: bytes


@dataclass(slots=True)
class Built:
    documents: list[Document] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    """Errors and warnings, located in the source where they can be."""

    @property
    def source_errors(self) -> bool:
        """The source holds what a document cannot show (a character no font has)."""
        return any(p.severity == "error" and p.code == "missing_glyph" for p in self.problems)

    @property
    def failed(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def build_documents(
    resume: Resume,
    loaded: LoadedSource,
    source: Path,
    variant: str | None,
    *,
    allow_missing_glyphs: bool,
) -> Built:
    """``resume`` (variant ``variant`` of the source) rendered as ``export`` renders it. A
    document that cannot be rendered is left out, and why is among the problems."""
    from resumeout.cli.naming import file_stem
    from resumeout.exporters.registry import load_exporter

    built = Built()
    exporters = [(kind, load_exporter(kind)(base_dir=source.parent)) for kind in EXPORTED]
    for _, exporter in exporters:
        exporter.allow_missing_glyphs = allow_missing_glyphs
    stem = file_stem(resume, variant)
    if resume.design.fit_pages:
        from resumeout.views.fitting import fit_to_pages

        # As `export` does: the first paged format measures the pages for all of them.
        paged = next(exporter for _, exporter in exporters if exporter.paged)
        try:
            resume, _ = fit_to_pages(resume, resume.design.fit_pages, paged)
        except UncoveredCharactersError as error:
            built.problems += _uncovered(loaded, error.characters, paged.name, "error")
            return built
    for kind, exporter in exporters:
        name = f"{stem}{exporter.suffix}"
        try:
            data = exporter.render_bytes(resume)
        except UncoveredCharactersError as error:
            built.problems += _uncovered(loaded, error.characters, exporter.name, "error")
            continue
        except ExportError as error:
            built.problems.append(Diagnostic(name, str(error), code="export_failed"))
            continue
        built.problems += _uncovered(loaded, exporter.uncovered, exporter.name, "warning")
        built.problems += [
            Diagnostic(name, warning, code="warning", severity="warning")
            for warning in exporter.warnings
        ]
        built.documents.append(Document(name, kind, data))
    return built


def _uncovered(
    loaded: LoadedSource, characters: tuple[str, ...] | list[str], name: str, severity: str
) -> list[Diagnostic]:
    """Each character no font has, at its first use in the source, as ``export`` says it."""
    from resumeout.source.characters import locate_character

    if severity == "error":
        result = f"{UNCOVERED_ADVICE} (the {name} was not built, so it was not read)"
    else:
        result = f"left out of the {name} (--allow-missing-glyphs), so a reader cannot find it"
    return [
        locate_character(
            loaded,
            char,
            f"no font has a glyph for {describe_uncovered(char)}; {result}",
            code="missing_glyph",
            severity=severity,
        )
        for char in characters
    ]
