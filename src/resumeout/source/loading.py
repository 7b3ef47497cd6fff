"""Reads a résumé source (YAML or JSON) into plain data plus a map of where each value was.

Only PyYAML's safe composer is used: no tags construct Python objects. Values are built
from the node tree by hand so that duplicate keys, alias bombs and runaway nesting are
caught with their line and column instead of silently accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from resumeout.diagnostics import Diagnostic
from resumeout.errors import SourceError
from resumeout.source.json_source import load_json
from resumeout.source.yaml_errors import explain

MAX_SOURCE_BYTES = 2 * 1024 * 1024
# Values built again through an alias (`*name`). A document's own size is bounded by
# MAX_SOURCE_BYTES; aliases are how a small file ("billion laughs") expands without bound.
MAX_ALIAS_VALUES = 100_000
MAX_DEPTH = 64

FieldPath = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document starts, 1-based."""

    file: str
    lines: list[str]
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: FieldPath, *, key: bool = False) -> tuple[int, int] | None:
        """The position of ``path``, or of its nearest ancestor that was in the file."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            position = self.values.get(path[:end])
            if position is not None:
                return position
        return None

    def diagnostic(
        self, path: FieldPath, message: str, *, code: str, key: bool = False
    ) -> Diagnostic:
        position = self.locate(path, key=key)
        line, column = position if position else (None, None)
        source_line = self.lines[line - 1] if line and line <= len(self.lines) else None
        return Diagnostic(self.file, message, line, column, format_path(path), code, source_line)


def format_path(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class LoadedSource:
    data: dict[str, Any]
    source_map: SourceMap
    folder: Path = Path()
    """The file's folder: what paths in it (fonts, a theme folder) are relative to."""


def read_source(path: Path, display_name: str | None = None) -> LoadedSource:
    """Read and parse ``path``; raise SourceError naming every problem found."""
    name = display_name or str(path)
    raw = _read_bytes(path, name)
    text = _decode(raw, name)
    lines = text.splitlines()
    source_map = SourceMap(name, lines)
    if not text.strip():
        raise SourceError(
            [Diagnostic(name, "the file is empty; start from `resumeout init`", code="empty")]
        )
    if path.suffix.lower() == ".json":
        data = load_json(text, source_map, MAX_DEPTH)
    else:
        data = _load_yaml(text, source_map)
    problems = list(_check_text(data, (), source_map))
    if problems:
        raise SourceError(problems)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise SourceError(
            [
                source_map.diagnostic(
                    (),
                    f"the document is {kind}; a résumé is a mapping of "
                    "fields such as `name:` and `sections:`",
                    code="not_a_mapping",
                )
            ]
        )
    return LoadedSource(data, source_map, path.parent)


# Characters that are never text in a résumé. Control characters break XML (DOCX) and
# PDF text, bidi overrides can make a line read differently from what it says, and
# zero-width spaces and word joiners hide inside words that ATS must match. Zero-width
# (non-)joiners are kept: Persian, Indic scripts and emoji sequences need them.
_FORBIDDEN = {
    **{code: "a control character" for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: "a control character",
    **{code: "a control character" for code in range(0x80, 0xA0)},
    **{code: "a bidirectional override" for code in range(0x202A, 0x202F)},
    **{code: "a bidirectional isolate" for code in range(0x2066, 0x206A)},
    0x200B: "a zero-width space",
    0x2060: "a word joiner",
    0xFEFF: "a zero-width no-break space",
}


def join_surrogate_pairs(text: str) -> str:
    """Join the halves of a character written as a surrogate-pair escape
    (``"\\ud835\\udd4f"``, as JSON and JavaScript write it) into that character."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE_PAIR.sub(
        lambda m: chr(0x10000 + ((ord(m[0][0]) - 0xD800) << 10) + ord(m[0][1]) - 0xDC00), text
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _forbidden(code: int) -> str:
    """What ``code`` is, if it is a character a résumé cannot hold; else ''."""
    if code in _FORBIDDEN:
        return _FORBIDDEN[code]
    if 0xD800 <= code < 0xE000:
        return "a lone surrogate"
    # Noncharacters are for a program's internal use, never for interchange: XML (so
    # DOCX) refuses U+FFFE and U+FFFF, and fonts have no glyph for any of them.
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "a Unicode noncharacter"
    return ""


def _forbidden_pattern() -> re.Pattern[str]:
    """Finds the first character that ``_forbidden`` names, in one pass in C."""
    codes = sorted({*_FORBIDDEN, *range(0xFDD0, 0xFDF0)})
    codes += [plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)]
    escaped = "".join(f"\\U{code:08x}" for code in codes)
    return re.compile(f"[{escaped}\\ud800-\\udfff]")


FORBIDDEN_CHARACTER = _forbidden_pattern()


def _check_text(data: Any, path: FieldPath, source_map: SourceMap) -> Iterator[Diagnostic]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _check_text(key, (*path, key), source_map)
            yield from _check_text(value, (*path, key), source_map)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _check_text(item, (*path, index), source_map)
    elif isinstance(data, str):
        found = FORBIDDEN_CHARACTER.search(data)
        if found:
            code = ord(found[0])
            yield source_map.diagnostic(
                path,
                f"character U+{code:04X} at offset {found.start()} is {_forbidden(code)}; "
                "remove it",
                code="forbidden_character",
            )


def _read_bytes(path: Path, name: str) -> bytes:
    def fail(message: str) -> SourceError:
        return SourceError([Diagnostic(name, message, code="unreadable")])

    try:
        size = path.stat().st_size
        if path.is_dir():
            raise fail("is a directory; name a résumé file such as resume.yaml")
        if size > MAX_SOURCE_BYTES:
            raise fail(f"the file is {size:,} bytes; the limit is {MAX_SOURCE_BYTES:,} bytes")
        with path.open("rb") as handle:
            raw = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file; create one with `resumeout init`") from None
    except PermissionError:
        raise fail("permission denied: the file cannot be read") from None
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_SOURCE_BYTES:  # it grew while we read it
        raise fail(f"the file is over the limit of {MAX_SOURCE_BYTES:,} bytes")
    return raw


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:8192]:
        raise SourceError(
            [Diagnostic(name, "this is a binary file, not a YAML or JSON text", code="binary")]
        )
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: drop it
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise SourceError(
            [
                Diagnostic(
                    name,
                    f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8",
                    line,
                    column,
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _at(
    source_map: SourceMap, line: int, column: int, message: str, code: str = "yaml_syntax"
) -> Diagnostic:
    source_line = source_map.lines[line - 1] if 0 < line <= len(source_map.lines) else None
    return Diagnostic(source_map.file, message, line, column, "", code, source_line)


# libyaml's composer (PyYAML's C extension, when it was built with it) makes the same node
# tree with the same positions as PyYAML's pure-Python one, about fifteen times faster...
_LIBYAML_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
# ...except where the two read YAML differently (found by comparing them on generated
# documents; tests/test_yaml_composers.py keeps doing so): tabs after `:` or `-`, which
# libyaml accepts, tags (`!`), complex keys (`?`), a `?` in a flow collection (`[a?b]`),
# a comment right after a block scalar's `|` or `>`. A document where any of them may
# appear, even as plain text or in quotes, is read by PyYAML alone: as before.
_DIFFERING_SYNTAX = re.compile(r"\t|(?:^|[\s\[\]{},])[!?]|\?(?:[\s\[\]{},]|$)|[|>][-+0-9]*#", re.M)


def libyaml_may_differ(text: str) -> bool:
    """Whether libyaml might read ``text`` otherwise than PyYAML's pure-Python composer."""
    if _DIFFERING_SYNTAX.search(text):
        return True
    flow = [index for index in (text.find("{"), text.find("[")) if index >= 0]
    return bool(flow) and "?" in text[min(flow) :]


def _load_yaml(text: str, source_map: SourceMap) -> Any:
    """The document's data. libyaml composes it when it reads it as PyYAML does; for any
    problem, and for a document that is not a mapping, PyYAML's pure-Python composer reads
    it again, so every message, position and decision is the one it has always made."""
    if _LIBYAML_LOADER is not None and not libyaml_may_differ(text):
        try:
            data = _compose_and_build(_LIBYAML_LOADER, text, source_map)
            if isinstance(data, dict):
                return data
        except SourceError:
            pass
        source_map.values.clear()  # positions are recorded again, by PyYAML's reading
        source_map.keys.clear()
    return _compose_and_build(yaml.SafeLoader, text, source_map)


def _compose_and_build(
    loader_class: type[yaml.SafeLoader | yaml.CSafeLoader], text: str, source_map: SourceMap
) -> Any:
    try:
        loader = loader_class(text)  # PyYAML's checks every character before parsing
    except yaml.reader.ReaderError as error:
        raise SourceError([_reader_diagnostic(error, text, source_map)]) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise SourceError([_at(source_map, 1, 1, "the document is empty", "empty")])
        builder = _Builder(loader, source_map)
        data = builder.build(root, ())
        if builder.problems:  # a mapping merged twice reports its own problems once
            raise SourceError(list(dict.fromkeys(builder.problems)))
        return data
    except yaml.reader.ReaderError as error:
        raise SourceError([_reader_diagnostic(error, text, source_map)]) from None
    except yaml.MarkedYAMLError as error:
        raise SourceError([_yaml_diagnostic(error, source_map)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML error we know is marked
        raise SourceError(
            [Diagnostic(source_map.file, f"invalid YAML: {error}", code="yaml_syntax")]
        ) from None
    except RecursionError:
        raise SourceError(
            [
                Diagnostic(
                    source_map.file,
                    f"the document is nested too deeply (limit {MAX_DEPTH})",
                    code="too_deep",
                )
            ]
        ) from None
    finally:
        loader.dispose()


def _reader_diagnostic(
    error: yaml.reader.ReaderError, text: str, source_map: SourceMap
) -> Diagnostic:
    """A character YAML does not allow anywhere (a control character, say)."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else 0
    return _at(
        source_map,
        line,
        column,
        f"character U+{code:04X} is not allowed in YAML; remove it",
        "forbidden_character",
    )


def _yaml_diagnostic(error: yaml.MarkedYAMLError, source_map: SourceMap) -> Diagnostic:
    if isinstance(error, yaml.composer.ComposerError) and "single document" in str(error.context):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return _at(
            source_map,
            line,
            (mark.column + 1) if mark else 1,
            "the file holds several YAML documents (`---`); keep one résumé per file",
            "several_documents",
        )
    explained = explain(error, source_map.lines)
    if explained is not None:
        return _at(source_map, explained.line, explained.column, explained.message, explained.code)
    # Not a mistake recognised by yaml_errors: the reader's own words, as a second part.
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    words = error.problem or error.context
    if error.context and error.problem:
        words = f"{error.problem} ({error.context})"
    message = (
        "invalid YAML here; check this line and the one before for indentation, "
        f"colons and quotes (the YAML reader says: {words})"
    )
    return _at(source_map, line, column, message)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Builder:
    """Turns a composed node tree into plain data, recording positions on the way."""

    def __init__(self, loader: yaml.SafeLoader | yaml.CSafeLoader, source_map: SourceMap) -> None:
        self.loader = loader
        self.map = source_map
        self.seen: set[int] = set()
        self.alias_values = 0
        self.problems: list[Diagnostic] = []

    def build(self, node: yaml.Node, path: FieldPath, depth: int = 0) -> Any:
        if id(node) in self.seen:
            self.alias_values += 1
        else:
            self.seen.add(id(node))
        if self.alias_values > MAX_ALIAS_VALUES:
            raise SourceError(
                [
                    self.map.diagnostic(
                        path,
                        f"the document expands to more than "
                        f"{MAX_ALIAS_VALUES:,} values through aliases",
                        code="too_large",
                    )
                ]
            )
        if depth > MAX_DEPTH:
            raise SourceError(
                [
                    self.map.diagnostic(
                        path, f"nested more than {MAX_DEPTH} levels deep", code="too_deep"
                    )
                ]
            )
        self.map.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        value = self._scalar(node)
        return join_surrogate_pairs(value) if isinstance(value, str) else value

    def _scalar(self, node: yaml.Node) -> Any:
        """The value of a scalar node. A date YAML reads as a timestamp but no calendar
        has (``2020-02-30``, ``2024-13-01``) is kept as the text written, so that the
        model reports it where it is, as it does when it is quoted; PyYAML would raise
        from deep inside its constructor."""
        try:
            return self.loader.construct_object(node)
        except ValueError:
            if node.tag == _TIMESTAMP and isinstance(node.value, str):
                return node.value
            raise

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> dict[str, Any]:
        """A mapping's own keys, then what its merge keys (``<<: *base``) bring in.

        Merges are resolved here rather than by PyYAML's ``flatten_mapping``, which puts
        the merged pairs before the local ones (so a local override looked like a
        duplicate key) and copies them without limit (so merges could expand a small file
        beyond any size before the alias count saw them). A merged value is built like
        any alias, so it counts towards MAX_ALIAS_VALUES.
        """
        result: dict[str, Any] = {}
        positions: dict[str, tuple[int, int]] = {}
        merged: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged.append(value_node)
                continue
            key = self._scalar(key_node)
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = join_surrogate_pairs(key) if isinstance(key, str) else str(key)
            if key in positions:
                first = positions[key]
                self.problems.append(
                    _at(
                        self.map,
                        *position,
                        f"duplicate key {key!r} (first defined on line {first[0]}); keep only one",
                        "duplicate_key",
                    )
                )
                continue
            positions[key] = position
            # A merged mapping is built at the path it is merged into, after the keys
            # written there: those keep their positions, and the keys only the merge
            # brings point at where they were written.
            self.map.keys.setdefault((*path, key), position)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        for value_node in merged:
            # `<<: *a` or `<<: [*a, *b]`; local keys win, then the earlier mapping.
            sources = (
                value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            )
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self.problems.append(
                        _at(
                            self.map,
                            source.start_mark.line + 1,
                            source.start_mark.column + 1,
                            "a merge key `<<` takes a mapping (`<<: *name`) or a list of "
                            "them (`<<: [*one, *two]`)",
                            "merge_invalid",
                        )
                    )
                    continue
                built = self.build(source, path, depth + 1)
                assert isinstance(built, dict)
                for key, value in built.items():
                    result.setdefault(key, value)
        return result
