"""What an export run prints: one line per output, a progress line on a terminal, the
summary, and problems in the chosen error format."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from resumeout.cli.batch import PROBLEMS, Outcome, SourceReport
from resumeout.cli.reporting import ErrorFormat, emit
from resumeout.diagnostics import Diagnostic


@dataclass
class Console:
    error_format: ErrorFormat = "text"
    quiet: bool = False
    total: int = 1
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0

    @property
    def progress(self) -> bool:
        """A live progress line: only for people at a terminal, and worth it for batches."""
        return self.total > 1 and not self.quiet and self.stream.isatty()

    def begin(self) -> None:
        if self.progress:
            print(f"[0/{self.total}] exporting…", end="\r", file=self.stream, flush=True)

    def report(self, report: SourceReport) -> None:
        self.done += 1
        self._clear_progress()
        for diagnostic in (*report.diagnostics, *report.warnings):
            emit(diagnostic, self.error_format, self.stream)
        if report.usage_located:
            emit(report.usage_located, self.error_format, self.stream)
        if report.usage_error:
            self._problem(str(report.source), report.usage_error, "usage")
        if not self.quiet:
            for note in report.notes:
                print(note, file=self.stream)
        for outcome in report.outcomes:
            self._outcome(report, outcome)
        if self.progress and self.done < self.total:
            print(
                f"[{self.done}/{self.total}] {report.source}",
                end="\r",
                file=self.stream,
                flush=True,
            )

    def _outcome(self, report: SourceReport, outcome: Outcome) -> None:
        for diagnostic in outcome.diagnostics:
            emit(diagnostic, self.error_format, self.stream)
        for warning in outcome.warnings:
            emit(
                Diagnostic(str(report.source), warning, code="warning", severity="warning"),
                self.error_format,
                self.stream,
            )
        if outcome.internal_error:
            print(outcome.internal_error, file=self.stream, end="")
        if outcome.status in PROBLEMS:
            target = outcome.target or report.source
            message = {
                "failed": f"{outcome.format} not written: {outcome.detail}",
                "differs": "differs from what the source gives; run `resumeout export`",
                "missing": "is missing; run `resumeout export`",
            }[outcome.status]
            self._problem(str(target), message, outcome.status)
        elif not self.quiet and outcome.target is not None:  # standard output shows itself
            size = f" ({_size(outcome.size)})" if outcome.status == "written" else ""
            print(f"{outcome.status} {outcome.target}{size}", file=self.stream)

    def _problem(self, file: str, message: str, code: str) -> None:
        emit(Diagnostic(file, message, code=code), self.error_format, self.stream)

    def _clear_progress(self) -> None:
        if self.progress:
            print("\r\033[K", end="", file=self.stream)

    def summary(self, reports: list[SourceReport]) -> None:
        if self.quiet or (len(reports) == 1 and not reports[0].failed):
            return
        counts: Counter[str] = Counter()
        for report in reports:
            if report.diagnostics or report.usage_error or report.usage_located:
                counts["invalid source" if report.diagnostics else "usage error"] += 1
            counts.update(outcome.status for outcome in report.outcomes)
        if len(reports) > 1 or len({o.variant for o in reports[0].outcomes}) > 1:
            self._table(reports)
        parts = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        noun = "source" if len(reports) == 1 else "sources"
        print(f"{len(reports)} {noun}: {parts}", file=self.stream)

    def _table(self, reports: list[SourceReport]) -> None:
        formats = sorted({o.format for r in reports for o in r.outcomes})
        rows: list[tuple[str, str]] = []
        for report in reports:
            if report.diagnostics:
                rows.append((str(report.source), f"invalid: {len(report.diagnostics)} problem(s)"))
                continue
            if report.usage_error or report.usage_located:
                rows.append((str(report.source), "usage error"))
                continue
            variants = list(dict.fromkeys(o.variant for o in report.outcomes))
            for variant in variants:
                cells = {o.format: o.status for o in report.outcomes if o.variant == variant}
                label = f"{report.source} [{variant}]" if variant else str(report.source)
                rows.append((label, "  ".join(f"{cells.get(f, '-'):<10}" for f in formats)))
        width = max(len(label) for label, _ in rows)
        header = "  ".join(f"{f:<10}" for f in formats)
        print(f"\n{'source':<{width}}  {header}", file=self.stream)
        for label, row in rows:
            print(f"{label:<{width}}  {row}", file=self.stream)
        print(file=self.stream)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} KiB"
