"""The ``resumeout`` command. Imports stay inside the commands, so ``--help`` is instant."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from resumeout import __version__
from resumeout.cli.reporting import ERROR_FORMATS
from resumeout.errors import EXIT_OK, ExportError, ResumeoutError, SourceError, UsageError

if TYPE_CHECKING:
    from resumeout.cli.reporting import ErrorFormat

DEFAULT_SOURCE = Path("resume.yaml")

EPILOG = """\
examples:
  resumeout export                          every format from ./resume.yaml
  resumeout export --format pdf,docx -o dist/
  resumeout export cv.yaml --format md -o -  Markdown to standard output
  resumeout validate resume.yaml
  resumeout verify resume.yaml              what an ATS reads in the PDF and DOCX
  resumeout init my-resume.yaml             a commented starter file
  resumeout themes                          the themes; export --theme NAME uses one

exit codes: 0 ok, 1 an export failed, 2 bad command line, 3 invalid or unreadable
source, or a character in it that no font can draw
"""

EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a Unix tool whose reader went away."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resumeout",
        description="Export one validated résumé file to PDF, DOCX, Markdown and plain text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resumeout {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_export(commands)
    _add_validate(commands)
    _add_verify(commands)
    commands.add_parser("formats", help="list the available formats")
    commands.add_parser("themes", help="list the available themes")
    _add_schema(commands)
    _add_import(commands)
    _add_init(commands)
    return parser


class Commands(Protocol):
    """What ``add_subparsers()`` returns, as the functions below use it."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def _add_export(commands: Commands) -> None:
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
        metavar="FMT[,FMT…]",
        help="md, txt, pdf, docx (aliases: markdown, text), a plugin's name, or all "
        "(default: the format of -o FILE's suffix, else all)",
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
        "--variant",
        metavar="NAME|all",
        help="export a variant declared under `variants:` (all: every one)",
    )
    export.add_argument(
        "--fit-pages",
        type=_positive,
        metavar="N",
        help="fit the PDF and DOCX on N pages (overrides design.fit_pages)",
    )
    export.add_argument(
        "--theme",
        metavar="NAME|DIR",
        help="the look of the PDF and DOCX: a theme's name (see `resumeout themes`) or a "
        "theme folder (overrides design.theme; the source's other design keys still apply)",
    )
    _add_run_options(export)
    _add_common(export)
    export.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (such as characters no font can draw) as errors",
    )
    export.add_argument(
        "--allow-missing-glyphs",
        action="store_true",
        help="leave out, with a warning, a character no font can draw (default: the PDF "
        "is not written and the character is named at its line and column, exit 3)",
    )


def _add_run_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="sources exported in parallel (default: all cores)",
    )
    export.add_argument(
        "-q", "--quiet", action="store_true", help="print only problems (no progress, no summary)"
    )
    export.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if an output is missing or out of date",
    )
    export.add_argument(
        "--watch", action="store_true", help="export again whenever a source changes (Ctrl-C stops)"
    )


def _add_validate(commands: Commands) -> None:
    validate = commands.add_parser("validate", help="check résumé files and report every problem")
    validate.add_argument("sources", nargs="*", type=Path, metavar="SOURCE")
    validate.add_argument(
        "--error-format",
        choices=ERROR_FORMATS,
        default="text",
        help="how problems are printed (default: text)",
    )


def _add_verify(commands: Commands) -> None:
    verify = commands.add_parser(
        "verify",
        help="read the PDF and DOCX as an applicant tracking system would",
        usage="%(prog)s [SOURCE] [FILE …] [--variant NAME|all] [--theme NAME|DIR]\n"
        "       [--allow-missing-glyphs] [--error-format text|json|github] [--show-text]",
        description="Read PDF and DOCX files with common text readers (pdfminer.six, "
        "python-docx) and report every fact of the résumé found or missing, facts read "
        "out of the résumé's order, dates apart from their heading, and invisible or "
        "suspicious characters. With no FILE, the PDF "
        "and DOCX that `export` makes of SOURCE are built in memory and read. Exit 1 when "
        "something is missing or misread. Needs `pip install 'resumeout[verify]'` for PDFs.",
    )
    verify.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="SOURCE FILE",
        help="the résumé (default: ./resume.yaml), then the .pdf/.docx files to read",
    )
    verify.add_argument(
        "--error-format",
        choices=ERROR_FORMATS,
        default="text",
        help="how problems and summaries are printed (default: text)",
    )
    verify.add_argument(
        "--show-text", action="store_true", help="also print the text each reader got"
    )
    verify.add_argument(
        "--variant",
        metavar="NAME|all",
        help="check the files `export --variant NAME` writes against that variant's facts "
        "(all: build and read every variant's; with FILEs, name one variant)",
    )
    verify.add_argument(
        "--allow-missing-glyphs",
        action="store_true",
        help="as export's: build the PDF without a character no font can draw, with a "
        "warning (default: that character is named at its line and column, exit 3)",
    )
    verify.add_argument(
        "--theme",
        metavar="NAME|DIR",
        help="the theme the files were exported with (`export --theme`): where it puts "
        "dates is what is checked, and with no FILE the documents are built with it",
    )


def _add_schema(commands: Commands) -> None:
    schema = commands.add_parser("schema", help="print the JSON Schema of the résumé format")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE")


def _add_import(commands: Commands) -> None:
    convert = commands.add_parser(
        "import",
        help="convert a JSON Resume file into a resumeout YAML file",
        description="Convert a JSON Resume (jsonresume.org) file into a commented resumeout "
        "YAML file. Its text is kept exactly as written; what cannot be carried over is "
        "named by its JSON path. Nothing is written unless the result is a valid résumé.",
    )
    convert.add_argument("source", type=Path, metavar="RESUME.json")
    convert.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the YAML file to write (default: beside the source, .yaml)",
    )
    convert.add_argument("--force", action="store_true", help="replace an existing file")
    convert.add_argument(
        "--markdown",
        action="store_true",
        help="read the text as Markdown (**bold**, [links](…)) instead of plain text",
    )


def _add_init(commands: Commands) -> None:
    init = commands.add_parser("init", help="write a commented starter résumé")
    init.add_argument("path", nargs="?", type=Path, default=DEFAULT_SOURCE)
    init.add_argument(
        "--theme", metavar="NAME", help="the theme the starter names (see `resumeout themes`)"
    )
    init.add_argument(
        "--language",
        metavar="TAG",
        help="the résumé's language, a BCP 47 tag (fr, pt-BR, zh-Hans, ar): the starter's "
        "locale, for the words and dates resumeout writes itself",
    )


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--error-format",
        choices=ERROR_FORMATS,
        default="text",
        help="how problems are printed: text for people, json (one object a line), or "
        "github (workflow annotations) (default: text)",
    )
    command.add_argument(
        "--exporters-dir",
        type=Path,
        metavar="DIR",
        help="also load the exporters in DIR (Python files: this runs their code; "
        "default: $RESUMEOUT_EXPORTERS_DIR)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    # Text for people (help, lists) on a terminal that cannot show a character gets an
    # escape, as standard error does, not a crash; documents and the schema are written
    # as bytes, the same as their files.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        try:
            return _run(argv)
        finally:
            # Flush here: output still buffered at interpreter shutdown could only end in a
            # printed exception if its reader has gone.
            sys.stdout.flush()
    except BrokenPipeError:
        # `resumeout formats | head -1`: the reader has what it wanted. Stop quietly, as
        # Unix tools do, with nothing more to write anywhere.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.dup2(devnull, sys.stderr.fileno())
        return EXIT_BROKEN_PIPE


def _refuse_unknown_arguments(
    parser: argparse.ArgumentParser, command: str | None, unknown: list[str]
) -> NoReturn:
    """Exit 2 with the command's own usage, naming the closest option to each unknown
    one (``--fromat`` → ``--format``)."""
    import difflib

    commands = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    )
    own: argparse.ArgumentParser = commands.choices.get(command, parser) if command else parser
    options = [flag for action in own._actions for flag in action.option_strings]
    hints = [
        f"{argument}: did you mean {close[0]}?"
        for argument in unknown
        if argument.startswith("-")
        for close in [difflib.get_close_matches(argument.split("=")[0], options, n=1)]
        if close
    ]
    own.error(f"unrecognized arguments: {' '.join(unknown)}" + "".join(f"; {h}" for h in hints))


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        _refuse_unknown_arguments(parser, args.command, unknown)
    # A CI runner cancelling a job sends SIGTERM: unwind like Ctrl-C, so that a write in
    # progress removes its temporary file and earlier outputs stay as they were.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        match args.command:
            case "export":
                return _export(args)
            case "validate":
                return _validate(args.sources or [DEFAULT_SOURCE], args.error_format)
            case "verify":
                return _verify(args)
            case "formats":
                return _formats()
            case "themes":
                return _themes()
            case "schema":
                return _schema(args.output)
            case "init":
                return _init(args.path, args.theme, args.language)
            case "import":
                return _import_json_resume(args.source, args.output, args.force, args.markdown)
            case _:
                parser.print_help()
                return UsageError.exit_code
    except ResumeoutError as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        print("resumeout: interrupted; no output was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except OSError as error:  # the system refused a file operation no command expected to fail
        where = f"{error.filename}: " if error.filename else ""
        print(f"resumeout: error: {where}{error.strerror or error}", file=sys.stderr)
        return ExportError.exit_code


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _validate(sources: list[Path], error_format: ErrorFormat) -> int:
    from resumeout.cli.reporting import emit
    from resumeout.source.language_hint import unnamed_language
    from resumeout.source.loading import read_source
    from resumeout.source.validation import validate

    status = EXIT_OK
    for source in sources:
        try:
            loaded = read_source(source)
            resume = validate(loaded)
        except SourceError as error:
            for diagnostic in error.diagnostics:
                emit(diagnostic, error_format, sys.stderr)
            status = error.exit_code
        else:
            # Valid, but export would warn: a check that only validates should see it.
            language = unnamed_language(resume, loaded.source_map)
            if language is not None:
                emit(language, error_format, sys.stderr)
            print(f"{source}: valid ({len(resume.sections)} sections)")
    return status


def _verify(args: argparse.Namespace) -> int:
    from resumeout.verification.command import Options, run_verify, split_arguments

    source, files = split_arguments(args.paths, DEFAULT_SOURCE)
    options = Options(
        args.error_format, args.show_text, args.variant, args.allow_missing_glyphs, args.theme
    )
    return run_verify(source, files, options)


def _format_names(spec: str) -> tuple[str, ...]:
    from resumeout.exporters.registry import ALL, canonical_name

    names: list[str] = []
    for part in (p for p in spec.split(",") if p.strip()):
        wanted = canonical_name(part)
        for name in ALL if wanted == "all" else (wanted,):
            if name not in names:
                names.append(name)
    if not names:
        raise UsageError("--format names no format")
    return tuple(names)


def _export(args: argparse.Namespace) -> int:
    from resumeout.cli.batch import ExportPlan, default_jobs, run
    from resumeout.cli.console import Console
    from resumeout.exporters.local import chosen_folder

    sources: list[Path] = args.sources or [DEFAULT_SOURCE]
    exporters_dir = chosen_folder(args.exporters_dir)
    output: Path | None = args.output
    to_stdout = output is not None and str(output) == "-"
    single_file = (
        output is not None and not to_stdout and bool(output.suffix) and not output.is_dir()
    )
    formats = _chosen_formats(args.format, output if single_file else None, exporters_dir)
    if to_stdout and (len(formats) > 1 or len(sources) > 1 or args.check or args.watch):
        raise UsageError(
            "-o - writes one format of one source to standard output; name it with --format"
        )
    if single_file and (len(formats) > 1 or len(sources) > 1):
        raise UsageError("-o names one file; with several formats or sources give a folder")
    plan = ExportPlan(
        formats,
        output=None if to_stdout else output,
        single_file=single_file,
        to_stdout=to_stdout,
        strict=args.strict,
        check=args.check,
        exporters_dir=exporters_dir,
        variant=args.variant,
        fit_pages=args.fit_pages,
        theme=args.theme,
        allow_missing_glyphs=args.allow_missing_glyphs,
    )
    jobs = args.jobs or default_jobs()

    def export_all() -> int:
        console = Console(args.error_format, args.quiet, total=len(sources))
        console.begin()
        reports = run(sources, plan, jobs, console.report)
        console.summary(reports)
        if any(report.diagnostics for report in reports) or any(
            outcome.source_errors for report in reports for outcome in report.outcomes
        ):
            return SourceError.exit_code
        if any(report.usage_error or report.usage_located for report in reports):
            return UsageError.exit_code
        return ExportError.exit_code if any(r.failed for r in reports) else EXIT_OK

    if args.watch:
        from resumeout.cli.watching import inputs, watch

        return watch(lambda: inputs(sources, exporters_dir), export_all)
    return export_all()


def _chosen_formats(spec: str | None, file: Path | None, folder: Path | None) -> tuple[str, ...]:
    """The formats ``--format`` names. With ``-o FILE``, the file's suffix and the format
    must agree: without ``--format`` the suffix chooses it, and a contradiction is refused
    (an unknown suffix is the user's choice of name)."""
    if file is None:
        return _format_names(spec or "all")
    from resumeout.exporters.registry import formats_for_suffix, load_exporter

    by_suffix = formats_for_suffix(file.suffix, folder)
    if spec is None:
        if len(by_suffix) == 1:
            return (by_suffix[0],)
        which = (
            f"several formats ({', '.join(by_suffix)}) write" if by_suffix else "no format writes"
        )
        raise UsageError(
            f"-o {file}: {which} {file.suffix} files; name the format with --format "
            "(see `resumeout formats`), or for a folder, create it first"
        )
    formats = _format_names(spec)
    if len(formats) == 1 and by_suffix and formats[0] not in by_suffix:
        suffix = load_exporter(formats[0], folder).suffix
        raise UsageError(
            f"-o {file} names a {by_suffix[0]} file, but --format asks for {formats[0]}: "
            f"name the file {file.with_suffix(suffix)}, or leave out --format to write "
            f"{by_suffix[0]}"
        )
    return formats


def _formats() -> int:
    from resumeout.exporters.registry import load_registered, registrations

    for registration in registrations().values():
        exporter = load_registered(registration)
        print(
            f"{exporter.name:<8} {exporter.suffix:<7} {exporter.description}"
            f"  [{registration.origin}]"
        )
    return EXIT_OK


def _themes() -> int:
    from resumeout.themes import available_themes
    from resumeout.themes.applying import load_theme

    themes = available_themes()
    width = max(len(theme.name) for theme in themes)
    for theme in themes:
        try:
            description = load_theme(theme).description
        except SourceError as error:  # a package's broken theme: say so, list the others
            description = f"(cannot be read: {error.diagnostics[0].format().splitlines()[0]})"
        origin = "" if theme.origin == "built-in" else f"  [{theme.origin}]"
        print(f"{theme.name:<{width}}  {description}{origin}")
    return EXIT_OK


def _schema(output: Path | None) -> int:
    from resumeout.cli.writing import write_output, write_standard_output
    from resumeout.model.schema import schema_text

    data = schema_text().encode("utf-8")
    if output is None:
        write_standard_output(data)
    else:
        write_output(output, data)
    return EXIT_OK


def _import_json_resume(source: Path, output: Path | None, force: bool, markdown: bool) -> int:
    from resumeout.jsonresume.import_file import import_json_resume

    target = output or source.with_suffix(".yaml")
    return import_json_resume(source, target, force=force, markdown=markdown)


def _starter_design(theme: str, folder: Path) -> bytes:
    """The starter's ``design:`` block naming ``theme``, once it is known to exist."""
    from resumeout.themes.catalog import UnknownThemeError, find_theme

    try:
        find_theme(theme, folder)
    except UnknownThemeError as error:
        raise UsageError(f"--theme {theme}: {error}") from None
    text = (
        "\ndesign:\n"
        "  # The look of the PDF and DOCX (see `resumeout themes`); any key here, such as\n"
        "  # font or accent_color, overrides the theme's.\n"
        f"  theme: {json.dumps(theme, ensure_ascii=False)}\n"
    )
    return text.encode("utf-8")


def _with_language(starter: bytes, language: str) -> bytes:
    """The starter with its ``locale.language`` set to ``language``, once it is known to
    CLDR."""
    import re

    from resumeout.locales.tags import UnknownLanguageError, check_tag

    try:
        tag = check_tag(language.strip())
    except UnknownLanguageError as error:
        raise UsageError(f"--language {language}: {error}") from None
    # Quoted: YAML reads a bare no (Norwegian) as false. The comment keeps its column.
    value = json.dumps(tag).encode()

    def set_value(found: re.Match[bytes]) -> bytes:
        padding = b" " * max(1, len(found[1]) + len(b"en") - len(value))
        return b"\n  language: " + value + padding + b"#"

    return re.sub(rb"\n  language: en( +)#", set_value, starter, count=1)


def _init(path: Path, theme: str | None, language: str | None = None) -> int:
    from importlib.resources import files

    if path.exists():
        raise UsageError(f"{path} already exists; init never overwrites a file")
    starter = files("resumeout").joinpath("starter.yaml").read_bytes()
    if language is not None:
        starter = _with_language(starter, language)
    if theme is not None:
        starter += _starter_design(theme, path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # init cv/resume.yaml makes cv/
        with path.open("xb") as stream:  # "x": fail rather than replace a file made meanwhile
            stream.write(starter)
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    schema = path.parent / "resume.schema.json"
    if not schema.exists():  # editors read it through the file's first line
        from resumeout.cli.writing import write_output
        from resumeout.model.schema import schema_text

        write_output(schema, schema_text().encode("utf-8"))
    print(f"wrote {path}; export it with `resumeout export {path}`", file=sys.stderr)
    return EXIT_OK
