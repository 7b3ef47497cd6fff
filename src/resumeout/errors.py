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
from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from resumeout.diagnostics import Diagnostic

EXIT_OK = 0


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
