"""``resumeout import``: a JSON Resume file in, a validated resumeout YAML file out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from resumeout.errors import EXIT_OK, Diagnostic, ExportError, SourceError, UsageError


def import_json_resume(source: Path, target: Path, *, force: bool = False) -> int:
    from resumeout.cli.writing import write_atomic
    from resumeout.jsonresume.importing import convert
    from resumeout.jsonresume.yaml_text import render_yaml
    from resumeout.source.validation import load_resume

    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to replace it")
    try:
        document = json.loads(source.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SourceError([Diagnostic(str(source), "no such file", code="unreadable")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(
            [Diagnostic(str(source), f"cannot be read: {error}", code="unreadable")]
        ) from None
    except json.JSONDecodeError as error:
        raise SourceError(
            [Diagnostic(str(source), error.msg, error.lineno, error.colno, code="json_syntax")]
        ) from None
    conversion = convert(document)
    text = render_yaml(conversion.data, conversion.unmapped, source.name, target.name)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise ExportError(f"{target}: cannot write: {error.strerror or error}") from None
    for path, why in conversion.unmapped:
        print(f"{source}: warning: {path}: not imported: {why}", file=sys.stderr)
    schema = target.parent / "resume.schema.json"
    if not schema.exists():
        from resumeout.model.schema import schema_text

        write_atomic(schema, schema_text().encode("utf-8"))
    print(f"wrote {target}", file=sys.stderr)
    load_resume(target)  # a SourceError here points into the file just written
    return EXIT_OK
