"""A problem located in a source file: what every user error and warning is made of.

Its own module, apart from :mod:`resumeout.errors`, so that a command that reports
nothing (``--help``) does not import :mod:`dataclasses` (and :mod:`inspect`) for it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a source file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    code: str = "invalid"
    """What kind of problem, for machines: pydantic's error type for fields
    (``missing``, ``extra_forbidden``…), or the loader's (``yaml_syntax``…)."""
    source_line: str | None = None
    severity: str = "error"

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        severity = " warning:" if self.severity == "warning" else ""
        text = f"{where}:{severity}{field} {self.message}"
        if self.source_line is not None and self.line is not None:
            gutter = f"{self.line:>5} | "
            caret_pad = _display_prefix(self.source_line, (self.column or 1) - 1)
            text += f"\n{gutter}{self.source_line}\n{' ' * (len(gutter) - 2)}| {caret_pad}^"
        return text


def _display_prefix(line: str, width: int) -> str:
    # Keep tabs so the caret lines up under the same character in a terminal.
    return "".join(ch if ch == "\t" else " " for ch in line[:width])
