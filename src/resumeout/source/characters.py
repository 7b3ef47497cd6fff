"""Where a character is in a source: for problems found after validation, by an
exporter that knows the character but not the field it came from (a glyph no font
has)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from resumeout.diagnostics import Diagnostic
from resumeout.source.loading import FieldPath, LoadedSource


def locate_character(
    loaded: LoadedSource, char: str, message: str, *, code: str, severity: str = "error"
) -> Diagnostic:
    """A diagnostic at the first text of ``loaded`` that holds ``char``: its field, and
    the line and column of the character itself where the file spells it out (not
    as an escape such as ``"\\u0378"``)."""
    source_map = loaded.source_map
    path = next(_holding(loaded.data, (), char), None)
    if path is None:
        return Diagnostic(source_map.file, message, code=code, severity=severity)
    diagnostic = replace(source_map.diagnostic(path, message, code=code), severity=severity)
    if diagnostic.line is None:
        return diagnostic
    line, column = diagnostic.line, diagnostic.column or 1
    for number in range(line, len(source_map.lines) + 1):
        text = source_map.lines[number - 1]
        found = text.find(char, column - 1 if number == line else 0)
        if found >= 0:
            return replace(diagnostic, line=number, column=found + 1, source_line=text)
    return diagnostic


def _holding(data: Any, path: FieldPath, char: str) -> Iterator[FieldPath]:
    """Paths of the strings in ``data`` that hold ``char``, in the file's order."""
    if isinstance(data, str):
        if char in data:
            yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _holding(value, (*path, key), char)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _holding(value, (*path, index), char)
