"""The errors resumeout reports to people, each with its exit code.

::

    ResumeoutError            a user error: shown as text, never with a traceback
    ├── UsageError       2    the command line is wrong (unknown format, bad option)
    ├── SourceError      3    the source cannot be read or is not a valid résumé;
    │                         carries one Diagnostic per problem, all found at once
    └── ExportError      1    an output could not be rendered or written
        └── UncoveredCharactersError
                         3    a character of the source no font can draw (located
                              in the source by the command line)

Anything else that escapes is a bug in resumeout and keeps its traceback.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import ClassVar, TextIO

EXIT_OK = 0


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


class ResumeoutError(Exception):
    exit_code: ClassVar[int] = 1

    def show(self, stream: TextIO | None = None) -> None:
        print(f"resumeout: error: {self}", file=stream or sys.stderr)


class UsageError(ResumeoutError):
    exit_code = 2


class ExportError(ResumeoutError):
    exit_code = 1


class UncoveredCharactersError(ExportError):
    """Characters of the source that no available font has a glyph for. The exit code
    is the source's (3): the source holds something this machine cannot draw. The
    exporter knows the characters; who loaded the source locates them."""

    exit_code = 3

    def __init__(self, characters: tuple[str, ...]) -> None:
        self.characters = characters
        found = ", ".join(describe_uncovered(char) for char in characters)
        super().__init__(f"no font has a glyph for {found}; {UNCOVERED_ADVICE}")


UNCOVERED_ADVICE = (
    "name a font that has it in design.fallback_fonts, or export with "
    "--allow-missing-glyphs to leave it out"
)


def describe_uncovered(char: str) -> str:
    """``'x' (U+0378)``, with the character's name when it has one."""
    import unicodedata

    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"


class SourceError(ResumeoutError):
    exit_code = 3

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics

    def show(self, stream: TextIO | None = None) -> None:
        out = stream or sys.stderr
        for diagnostic in self.diagnostics:
            print(diagnostic.format(), file=out)
        count = len(self.diagnostics)
        if count > 1:
            print(f"{count} problems found in {self.diagnostics[0].file}", file=out)
