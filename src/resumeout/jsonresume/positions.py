"""Where each value of a JSON document starts, by its JSON path (``work[0].url``), so that
what ``resumeout import`` reports points at a line and column of the file. The standard
json module parses the document; this only finds positions in text it has accepted.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from json import JSONDecoder

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = JSONDecoder()


def child_path(path: str, step: str | int) -> str:
    """The path of a member (a key) or an item (an index) of the value at ``path``."""
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{step}" if path else step


@dataclass
class _Frame:
    path: str
    is_object: bool
    index: int = 0


@dataclass
class JsonPositions:
    """Line and column (1-based) of every value in a JSON text."""

    text: str
    offsets: dict[str, int] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    """Paths given twice in one object; json keeps the last value."""

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.offsets = _value_offsets(self.text, self.duplicates)

    def locate(self, path: str) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that is in the file."""
        while path not in self.offsets and path:
            parent = re.sub(r"(\[\d+\]|\.?[^.\[]*)$", "", path, count=1)
            path = parent if parent != path else ""
        offset = self.offsets.get(path, 0)
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        lines = self.text.split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""


def _value_offsets(text: str, duplicates: list[str]) -> dict[str, int]:
    """Offsets of every value, walking the text with a stack (no recursion, so any depth
    that json accepted is fine)."""
    offsets: dict[str, int] = {}
    stack: list[_Frame] = []
    position = _skip(text, 0)
    path = ""
    while position < len(text):
        if path in offsets:
            duplicates.append(path)
        offsets[path] = position
        opening = text[position]
        position = _skip(text, position + 1) if opening in "{[" else position
        if opening in "{[" and text[position] not in "}]":
            stack.append(_Frame(path, opening == "{"))
            path, position = _next_member(text, position, stack[-1])
            continue
        if opening in "{[":
            position += 1
        else:  # a string, number, true, false or null
            position = _DECODER.raw_decode(text, position)[1]
        # After a value: close finished containers, then find the next member.
        while stack:
            position = _skip(text, position)
            if text[position] != ",":
                position += 1
                stack.pop()
                continue
            frame = stack[-1]
            frame.index += 1
            path, position = _next_member(text, _skip(text, position + 1), frame)
            break
        else:
            break
    return offsets


def _next_member(text: str, position: int, frame: _Frame) -> tuple[str, int]:
    """The path of the next value in ``frame`` and where the value starts."""
    if not frame.is_object:
        return child_path(frame.path, frame.index), position
    key, position = _DECODER.raw_decode(text, position)
    position = _skip(text, position)  # now at the colon
    return child_path(frame.path, key), _skip(text, position + 1)


def _skip(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position
