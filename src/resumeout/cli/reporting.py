"""How problems are printed: for people (text), for programs (json), or as GitHub
Actions annotations (github)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal, TextIO, assert_never, get_args

if TYPE_CHECKING:
    from resumeout.diagnostics import Diagnostic

ErrorFormat = Literal["text", "json", "github"]
ERROR_FORMATS: tuple[ErrorFormat, ...] = get_args(ErrorFormat)


def emit(diagnostic: Diagnostic, error_format: ErrorFormat, stream: TextIO) -> None:
    match error_format:
        case "text":
            print(diagnostic.format(), file=stream)
        case "json":
            record = {
                "file": diagnostic.file,
                "line": diagnostic.line,
                "column": diagnostic.column,
                "path": diagnostic.path,
                "type": diagnostic.code,
                "severity": diagnostic.severity,
                "message": diagnostic.message,
            }
            print(json.dumps(record, ensure_ascii=False), file=stream)
        case "github":
            print(_github(diagnostic), file=stream)
        case _:
            assert_never(error_format)


def _github(diagnostic: Diagnostic) -> str:
    # https://docs.github.com/actions/reference/workflow-commands: properties and message
    # escape %, CR and LF (and , : in properties).
    properties = [f"file={_escape_property(diagnostic.file)}"]
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
        properties.append(f"col={diagnostic.column or 1}")
    properties.append(f"title={_escape_property('resumeout ' + diagnostic.code)}")
    message = f"{diagnostic.path}: {diagnostic.message}" if diagnostic.path else diagnostic.message
    command = "warning" if diagnostic.severity == "warning" else "error"
    return f"::{command} {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
