"""What ``verify`` tells the user: each problem located in the source where it can be,
and one summary line per document read."""

from __future__ import annotations

import json
from dataclasses import dataclass

from resumeout.cli.reporting import ErrorFormat
from resumeout.diagnostics import Diagnostic
from resumeout.source.loading import SourceMap
from resumeout.verification.checks import DateApart, Findings, MissingFact, Suspicious, visible
from resumeout.verification.order import OutOfOrder
from resumeout.verification.readers import ReadDocument

# At or above this likeness the nearest line read is the fact, altered; below, it is gone.
ALTERED = 0.6


@dataclass(frozen=True, slots=True)
class DocumentReport:
    document: ReadDocument
    findings: Findings | None
    """None when the document could not be read."""
    built_in_memory: bool

    def diagnostics(self, source_map: SourceMap) -> list[Diagnostic]:
        document = self.document
        if self.findings is None:
            message = (
                f"{document.reader} cannot read it ({document.failure}); an applicant "
                "tracking system would most likely get nothing from it"
            )
            return [Diagnostic(document.name, message, code="unreadable")]
        findings = self.findings
        return [
            *(self._missing(item, source_map) for item in findings.missing),
            *(self._apart(item, source_map) for item in findings.dates_apart),
            *(self._out_of_order(item, source_map) for item in findings.out_of_order),
            *(self._suspicious(item) for item in findings.suspicious),
        ]

    def _missing(self, item: MissingFact, source_map: SourceMap) -> Diagnostic:
        fact, name = item.fact, self.document.name
        are, them = ("are", "them") if fact.plural else ("is", "it")
        expected = f'the {fact.kind} "{fact.text}" {are} not in {name}'
        if item.unread:
            # Found run by run: say which of its words are the ones not read.
            words = " and ".join(f'"{run}"' for run in item.unread)
            expected += f" as written ({words} not read anywhere)"
        elif item.similarity >= ALTERED:
            expected += " as written"
        if not item.nearest:
            message = f"{expected}, and nothing read there is like {them}"
        elif item.similarity >= ALTERED:
            message = f'{expected}; read instead: "{visible(item.nearest)}"'
        else:
            message = f'{expected}; the nearest text read: "{visible(item.nearest)}"'

        if not self.built_in_memory:
            message += " (if the source changed since, export again)"
        code = "fact_altered" if item.similarity >= ALTERED else "fact_missing"
        return source_map.diagnostic(fact.path, message, code=code)

    def _apart(self, item: DateApart, source_map: SourceMap) -> Diagnostic:
        heading, aside = item.entry.heading, item.entry.aside
        read = f'"{visible(item.read)}"' if item.read else "nothing"
        message = (
            f'in {self.document.name} the {heading.kind} "{heading.text}" is not followed on '
            f'its line by its {aside.kind} "{aside.text}"; read: {read} (a reader pairs a date '
            "with the heading on its line)"
        )
        return source_map.diagnostic(heading.path, message, code="date_apart")

    def _out_of_order(self, item: OutOfOrder, source_map: SourceMap) -> Diagnostic:
        fact, neighbour = item.fact, item.neighbour
        side = "before" if item.read_before else "after"
        message = (
            f'in {self.document.name} the {fact.kind} "{_short(fact.text)}" '
            f"{'are' if fact.plural else 'is'} read {side} the {neighbour.kind} "
            f'"{_short(neighbour.text)}", which the résumé puts {side} '
            f"{'them' if fact.plural else 'it'} (a reader files each line under what it "
            "read before it)"
        )
        return source_map.diagnostic(fact.path, message, code="out_of_order")

    def _suspicious(self, item: Suspicious) -> Diagnostic:
        times = "once" if item.count == 1 else f"{item.count} times"
        message = (
            f"{self.document.reader} reads {item.description}, {visible(item.character)} "
            f'({times}), first in "{visible(item.context)}"'
        )
        return Diagnostic(self.document.name, message, code="suspicious_character")

    def _dates_summary(self, findings: Findings) -> str:
        """How many dates are on their heading's line."""
        dated = findings.dated_headings
        where = (
            "under their heading" if findings.dates_under_headings else "on their heading's line"
        )
        above = findings.dates_above_headings
        on_line = f"{dated - len(findings.dates_apart) - above} of {dated} dates {where}"
        if above:
            on_line += f", {above} on the line above it (too wide for the date column)"
        return on_line if dated else "no heading with a date"

    def summary(self, error_format: ErrorFormat, show_text: bool) -> str:
        document, findings = self.document, self.findings
        if error_format == "json":
            record: dict[str, object] = {"file": document.name, "reader": document.reader}
            record["built_in_memory"] = self.built_in_memory
            if findings is not None:
                record |= {
                    "facts": findings.facts,
                    "facts_found": findings.facts - len(findings.missing),
                    "dated_headings": findings.dated_headings,
                    "dates_on_heading_line": findings.dated_headings
                    - len(findings.dates_apart)
                    - findings.dates_above_headings,
                    "dates_above_heading": findings.dates_above_headings,
                    "facts_out_of_order": len(findings.out_of_order),
                    "suspicious_characters": sum(s.count for s in findings.suspicious),
                }
            record["ok"] = findings is not None and findings.ok
            if show_text:
                record["text"] = document.text
            return json.dumps(record, ensure_ascii=False)
        origin = ", built in memory" if self.built_in_memory else ""
        head = f"{document.name} (read with {document.reader}{origin}):"
        if findings is None:
            return f"{head} unreadable"
        suspicious = sum(s.count for s in findings.suspicious)
        misplaced = len(findings.out_of_order)
        order = f", {misplaced} read out of order" if misplaced else " in order"
        line = (
            f"{head} {findings.facts - len(findings.missing)} of {findings.facts} facts found"
            f"{order}, "
            f"{self._dates_summary(findings)}, "
            f"{suspicious or 'no'} suspicious character{'' if suspicious == 1 else 's'}"
        )
        if show_text and document.text is not None:
            line = (
                f"--- {document.name}, as {document.reader} reads it ---\n{document.text}\n{line}"
            )
        return line


_SHORT = 60


def _short(text: str) -> str:
    """``text`` on one line, cut after about :data:`_SHORT` characters."""
    line = " ".join(text.split())
    return line if len(line) <= _SHORT else line[: _SHORT - 1].rstrip() + "…"
