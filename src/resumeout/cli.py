"""The ``resumeout`` command. Imports stay inside the commands, so ``--help`` is instant."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resumeout import __version__
from resumeout.errors import EXIT_OK, ExportError, ResumeoutError, SourceError, UsageError

if TYPE_CHECKING:
    from resumeout.exporters.base import Exporter
    from resumeout.model import Resume

DEFAULT_SOURCE = Path("resume.yaml")

EPILOG = """\
examples:
  resumeout export                          every format from ./resume.yaml
  resumeout export --format pdf,docx -o dist/
  resumeout export cv.yaml --format md -o -  Markdown to standard output
  resumeout validate resume.yaml
  resumeout init my-resume.yaml             a commented starter file

exit codes: 0 ok, 1 an export failed, 2 bad command line, 3 invalid or unreadable source
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resumeout",
        description="Export one validated résumé file to PDF, DOCX, Markdown and plain text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resumeout {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser(
        "export",
        help="write the résumé in one or more formats",
        description="Write the résumé in one or more formats. Outputs are replaced "
        "atomically: a failed export leaves earlier files as they were.",
    )
    export.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SOURCE",
        help="résumé files (default: ./resume.yaml)",
    )
    export.add_argument(
        "-f",
        "--format",
        default="all",
        metavar="FMT[,FMT…]",
        help="md, txt, pdf, docx (aliases: markdown, text), a plugin's name, or all (default: all)",
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR|FILE|-",
        help="output folder (default: beside the source), a file name for "
        "one format, or - for standard output",
    )
    export.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (such as characters no font can draw) as errors",
    )

    validate = commands.add_parser("validate", help="check résumé files and report every problem")
    validate.add_argument("sources", nargs="*", type=Path, metavar="SOURCE")

    commands.add_parser("formats", help="list the available formats")

    schema = commands.add_parser("schema", help="print the JSON Schema of the résumé format")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE")

    init = commands.add_parser("init", help="write a commented starter résumé")
    init.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A CI runner cancelling a job sends SIGTERM: unwind like Ctrl-C, so that a write in
    # progress removes its temporary file and earlier outputs stay as they were.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        match args.command:
            case "export":
                return _export(args)
            case "validate":
                return _validate(args.sources or [DEFAULT_SOURCE])
            case "formats":
                return _formats()
            case "schema":
                return _schema(args.output)
            case "init":
                return _init(args.path)
            case _:
                parser.print_help()
                return UsageError.exit_code
    except ResumeoutError as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        print("resumeout: interrupted; no output was left half-written", file=sys.stderr)
        return 130


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _load(source: Path) -> Resume:
    from resumeout.validation import load_resume

    return load_resume(source)


def _validate(sources: list[Path]) -> int:
    status = EXIT_OK
    for source in sources:
        try:
            resume = _load(source)
        except SourceError as error:
            error.show()
            status = error.exit_code
        else:
            print(f"{source}: valid ({len(resume.sections)} sections)")
    return status


def _format_names(spec: str) -> list[str]:
    from resumeout.exporters.registry import BUILTINS, canonical_name, load_exporter

    names: list[str] = []
    for part in (p for p in spec.split(",") if p.strip()):
        wanted = canonical_name(part)
        if wanted == "all":
            names += [n for n in BUILTINS if n not in names]
        elif wanted not in names:
            load_exporter(wanted)  # an unknown name fails here, before any work
            names.append(wanted)
    if not names:
        raise UsageError("--format names no format")
    return names


def _export(args: argparse.Namespace) -> int:
    from resumeout.exporters.registry import load_exporter

    sources: list[Path] = args.sources or [DEFAULT_SOURCE]
    names = _format_names(args.format)
    output: Path | None = args.output
    to_stdout = output is not None and str(output) == "-"
    single_file = output is not None and not to_stdout and output.suffix and not output.is_dir()
    if (to_stdout or single_file) and (len(names) > 1 or len(sources) > 1):
        raise UsageError("-o names one file; with several formats or sources give a folder")

    failures = 0
    status = EXIT_OK
    for source in sources:
        try:
            resume = _load(source)
        except SourceError as error:
            error.show()
            status = error.exit_code
            continue
        for name in names:
            exporter = load_exporter(name)(base_dir=source.parent)
            if to_stdout:
                failures += _to_stdout(exporter, resume)
                continue
            target = output if single_file else _default_target(resume, exporter, source, output)
            assert target is not None
            failures += _export_one(exporter, resume, source, target, args.strict)
    if failures:
        print(f"resumeout: {failures} output(s) failed", file=sys.stderr)
        return max(status, ExportError.exit_code) if status == EXIT_OK else status
    return status


def _default_target(resume: Resume, exporter: Exporter, source: Path, output: Path | None) -> Path:
    from resumeout.naming import output_stem

    directory = output if output is not None else source.parent
    stem = output_stem(resume.settings.output_name, resume.name)
    return directory / f"{stem}{exporter.suffix}"


def _to_stdout(exporter: Exporter, resume: Resume) -> int:
    if exporter.binary:
        raise UsageError(f"{exporter.name} is a binary format; write it to a file with -o FILE")
    sys.stdout.write(exporter.render_bytes(resume).decode("utf-8"))
    return 0


def _export_one(
    exporter: Exporter, resume: Resume, source: Path, target: Path, strict: bool
) -> int:
    """Render and write one output; report and count a failure instead of stopping."""
    from resumeout.writing import write_atomic

    if target.resolve() == source.resolve():
        ExportError(f"{target}: refusing to overwrite the source file").show()
        return 1
    try:
        data = exporter.render_bytes(resume)
    except ResumeoutError as error:
        error.show()
        return 1
    except Exception:  # a bug in an exporter: keep its traceback, go on with the others
        import traceback

        traceback.print_exc()
        print(
            f"resumeout: internal error in the {exporter.name} exporter; {target} was not written",
            file=sys.stderr,
        )
        return 1
    for warning in exporter.warnings:
        print(f"{source}: warning: {warning}", file=sys.stderr)
    if strict and exporter.warnings:
        print(f"resumeout: {target} not written (--strict and warnings)", file=sys.stderr)
        return 1
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        ExportError(f"{target}: cannot write: {error.strerror or error}").show()
        return 1
    print(f"wrote {target} ({_size(len(data))})", file=sys.stderr)
    return 0


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} KiB"


def _formats() -> int:
    from resumeout.exporters.registry import _import, registrations

    for registration in registrations().values():
        exporter = _import(registration)
        print(
            f"{exporter.name:<8} {exporter.suffix:<7} {exporter.description}"
            f"  [{registration.origin}]"
        )
    return EXIT_OK


def _schema(output: Path | None) -> int:
    from resumeout.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        from resumeout.writing import write_atomic

        write_atomic(output, text.encode("utf-8"))
    return EXIT_OK


def _init(path: Path) -> int:
    from importlib.resources import files

    if path.exists():
        raise UsageError(f"{path} already exists; init never overwrites a file")
    starter = files("resumeout").joinpath("starter.yaml").read_bytes()
    try:
        with path.open("xb") as stream:  # "x": fail rather than replace a file made meanwhile
            stream.write(starter)
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    print(f"wrote {path}; export it with `resumeout export {path}`", file=sys.stderr)
    return EXIT_OK
