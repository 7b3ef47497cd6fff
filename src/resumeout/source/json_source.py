"""Reads a JSON source into plain data plus the line and column of every value and key.

The json module gives no positions, and reading JSON as YAML (which would) goes wrong
on real files: YAML refuses tabs where JSON allows them, and keeps the two halves of a
``\\ud835\\udd4f`` escape as two lone surrogates. So the structure (objects, arrays) is
walked here, recording where each value starts, and every scalar is decoded by the json
module itself, which knows JSON's escapes and numbers exactly.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import TYPE_CHECKING, Any

from resumeout.diagnostics import Diagnostic
from resumeout.errors import SourceError

if TYPE_CHECKING:
    from resumeout.source.loading import FieldPath, SourceMap

_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _JsonSyntaxError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


# strict=False: a raw tab or line break inside a string is read as itself; the control
# characters a résumé cannot hold are reported, located, by the loader's text check.
_SCALARS = json.JSONDecoder(strict=False, parse_constant=_refuse_constant)


def load_json(text: str, source_map: SourceMap, max_depth: int) -> Any:
    """Parse ``text``; record positions in ``source_map``; raise SourceError when invalid."""
    reader = _Reader(text, source_map, max_depth)
    try:
        value, end = reader.value(reader.skip(0), (), 0)
        end = reader.skip(end)
        if end < len(text):
            raise _JsonSyntaxError(end, "more text after the end of the JSON document")
    except _JsonSyntaxError as problem:
        raise SourceError([reader.at(problem.offset, problem.message, "json_syntax")]) from None
    if reader.problems:
        raise SourceError(reader.problems)
    return value


class _Reader:
    def __init__(self, text: str, source_map: SourceMap, max_depth: int) -> None:
        self.text = text
        self.map = source_map
        self.max_depth = max_depth
        self.problems: list[Diagnostic] = []
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def at(self, offset: int, message: str, code: str) -> Diagnostic:
        line, column = self.position(offset)
        lines = self.map.lines
        source_line = lines[line - 1] if line <= len(lines) else None
        return Diagnostic(self.map.file, message, line, column, "", code, source_line)

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def value(self, offset: int, path: FieldPath, depth: int) -> tuple[Any, int]:
        if depth > self.max_depth:
            raise _JsonSyntaxError(offset, f"nested more than {self.max_depth} levels deep")
        self.map.values.setdefault(path, self.position(offset))
        char = self.text[offset : offset + 1]
        if char == "{":
            return self.object(offset + 1, path, depth)
        if char == "[":
            return self.array(offset + 1, path, depth)
        return self.scalar(offset)

    def scalar(self, offset: int) -> tuple[Any, int]:
        if offset >= len(self.text) or self.text[offset] in ",:]}":
            raise _JsonSyntaxError(
                offset, "expected a value: text in double quotes, a number, true, false or null"
            )
        try:
            return _SCALARS.raw_decode(self.text, offset)
        except json.JSONDecodeError as error:
            raise _JsonSyntaxError(error.pos, _reword(error.msg)) from None
        except ValueError as error:  # NaN, Infinity
            raise _JsonSyntaxError(offset, str(error)) from None

    def object(self, offset: int, path: FieldPath, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        offset = self.skip(offset)
        if self.text.startswith("}", offset):
            return result, offset + 1
        while True:
            if not self.text.startswith('"', offset):
                after_comma = result and self.text.startswith("}", offset)
                raise _JsonSyntaxError(
                    offset,
                    "a comma before '}': remove it"
                    if after_comma
                    else "expected a key in double quotes",
                )
            key_offset = offset
            key, offset = self.scalar(offset)
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise _JsonSyntaxError(offset, f"expected ':' after the key {key!r}")
            offset = self.skip(offset + 1)
            if key in result:
                first = self.map.keys[(*path, key)]
                self.problems.append(
                    self.at(
                        key_offset,
                        f"duplicate key {key!r} (first defined on line {first[0]}); keep only one",
                        "duplicate_key",
                    )
                )
                # Read past the value under a path of its own: its positions must not
                # replace those of the value that is kept.
                _, offset = self.value(offset, (*path, key, "(duplicate)"), depth + 1)
            else:
                self.map.keys[(*path, key)] = self.position(key_offset)
                result[key], offset = self.value(offset, (*path, key), depth + 1)
            offset = self.skip(offset)
            if self.text.startswith("}", offset):
                return result, offset + 1
            if not self.text.startswith(",", offset):
                raise _JsonSyntaxError(offset, "expected ',' or '}' after a value")
            offset = self.skip(offset + 1)

    def array(self, offset: int, path: FieldPath, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        offset = self.skip(offset)
        if self.text.startswith("]", offset):
            return result, offset + 1
        while True:
            if result and self.text.startswith("]", offset):
                raise _JsonSyntaxError(offset, "a comma before ']': remove it")
            item, offset = self.value(offset, (*path, len(result)), depth + 1)
            result.append(item)
            offset = self.skip(offset)
            if self.text.startswith("]", offset):
                return result, offset + 1
            if not self.text.startswith(",", offset):
                raise _JsonSyntaxError(offset, "expected ',' or ']' after a value")
            offset = self.skip(offset + 1)


# The json module's wording for the errors a scalar can have, said for people.
_REWORDED = {
    "Expecting value": "expected a value: text in double quotes, a number, true, false or null",
    "Unterminated string starting at": 'text in double quotes that is never closed; end it with "',
    "Invalid \\escape": "an unknown backslash escape; write a backslash itself as \\\\",
    "Invalid \\uXXXX escape": "a \\u escape needs four hexadecimal digits, e.g. \\u00e9",
}


def _reword(message: str) -> str:
    return _REWORDED.get(message, f"invalid JSON: {message}")
