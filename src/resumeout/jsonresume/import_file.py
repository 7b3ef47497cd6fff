"""``resumeout import``: a JSON Resume file in, a validated resumeout YAML file out.

The YAML is written only once it loads and validates, in one atomic step: a failed
import leaves no new file, an earlier file as it was, and the JSON file untouched.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from resumeout.diagnostics import Diagnostic
from resumeout.errors import EXIT_OK, ExportError, SourceError, UsageError

if TYPE_CHECKING:
    from resumeout.jsonresume.drafts import Notice
    from resumeout.jsonresume.positions import JsonPositions


def import_json_resume(
    source: Path, target: Path, *, force: bool = False, markdown: bool = False
) -> int:
    from resumeout.cli.writing import write_atomic
    from resumeout.jsonresume.drafts import Notice
    from resumeout.jsonresume.importing import convert
    from resumeout.jsonresume.positions import JsonPositions
    from resumeout.jsonresume.yaml_text import render_yaml

    if target.is_dir():
        raise UsageError(f"{target} is a folder; name the YAML file to write")
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to replace it")
    if target.exists() and target.resolve() == source.resolve():
        raise UsageError(f"{target} is the JSON Resume file itself; name another output")
    text = _read_text(source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        line = text.split("\n")[error.lineno - 1] if text else None
        raise SourceError(
            [Diagnostic(str(source), error.msg, error.lineno, error.colno, "", "json_syntax", line)]
        ) from None
    except RecursionError:
        raise SourceError(
            [Diagnostic(str(source), "the document is nested too deeply", code="too_deep")]
        ) from None
    positions = JsonPositions(text)
    conversion = convert(document, markdown=markdown)
    if conversion.errors:
        errors = sorted(conversion.errors, key=lambda notice: positions.locate(notice.json_path))
        raise SourceError([_diagnostic(source, positions, n, "error") for n in errors])
    notices = [Notice(p, "is given twice; the last value is used") for p in positions.duplicates]
    notices += conversion.notices
    notices.sort(key=lambda notice: positions.locate(notice.json_path))  # in file order
    yaml_text = render_yaml(conversion.data, notices, source.name, target.name)
    _check_it_loads(yaml_text, target)
    try:
        write_atomic(target, yaml_text.encode("utf-8"))
    except OSError as error:
        raise ExportError(f"{target}: cannot write: {error.strerror or error}") from None
    for notice in notices:
        print(_diagnostic(source, positions, notice, "warning").format(), file=sys.stderr)
    schema = target.parent / "resume.schema.json"
    if not schema.exists():  # editors read it through the file's first line
        from resumeout.model.schema import schema_text

        try:
            write_atomic(schema, schema_text().encode("utf-8"))
        except OSError as error:
            print(f"{schema}: warning: not written: {error.strerror or error}", file=sys.stderr)
    print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


def _read_text(source: Path) -> str:
    from resumeout.source.loading import MAX_SOURCE_BYTES

    def fail(message: str, line: int | None = None, column: int | None = None) -> SourceError:
        return SourceError([Diagnostic(str(source), message, line, column, code="unreadable")])

    try:
        if source.is_dir():
            raise fail("is a directory; name a JSON Resume file")
        if source.stat().st_size > MAX_SOURCE_BYTES:
            raise fail(f"the file is over the limit of {MAX_SOURCE_BYTES:,} bytes")
        raw = source.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8"
        raise fail(message, line, column) from None


def _diagnostic(
    source: Path, positions: JsonPositions, notice: Notice, severity: str
) -> Diagnostic:
    from resumeout.jsonresume.yaml_text import printable

    line, column = positions.locate(notice.json_path)
    return Diagnostic(
        str(source),
        printable(notice.message),
        line,
        column,
        printable(notice.json_path),
        code="import",
        source_line=positions.line_text(line) if severity == "error" else None,
        severity=severity,
    )


def _check_it_loads(yaml_text: str, target: Path) -> None:
    """Load the YAML exactly as it will be written, through the loader every command uses."""
    from resumeout.source.validation import load_resume

    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "imported.yaml"
        written.write_text(yaml_text, encoding="utf-8")
        try:
            load_resume(written, display_name=str(target))
        except SourceError as error:
            problem = Diagnostic(
                str(target), "the converted résumé does not load; this is a bug in resumeout"
            )
            raise SourceError([problem, *error.diagnostics]) from None
