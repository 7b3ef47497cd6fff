"""YAML syntax errors told in plain words, at the place the author must edit.

PyYAML names the token it could not fit ("expected <block end>, but found
'<block mapping start>'"), often on the line after the mistake. This module recognises the
mistakes a résumé author makes (a line indented unlike its siblings, a missing colon or
space, an unclosed quote or bracket, a `:` or a leading `*`, `@`, `[` in a plain value, a
`-` among keys, text after a closing quote) from the error's kind and position and from the
source lines around it, and says what is wrong and how to fix it.

It keys on what both composers report alike (the error class, its "while ..." context and
its marks), never on the wording of the problem, which libyaml and PyYAML phrase
differently: either composer's error gets the same explanation. It runs only once a
document has failed, so a valid document costs nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml


@dataclass(frozen=True, slots=True)
class Explanation:
    """What is wrong, where to edit (1-based), and a ``type`` for machines."""

    line: int
    column: int
    message: str
    code: str


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """Plain words for ``error`` in the document of ``lines``, or None if it is not one of
    the mistakes recognised here."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    source = _Source(lines)
    line, column = mark.line, mark.column
    context = error.context or ""
    found = (
        _tab(source, line, column)
        or _odd_space_indent(source, line)
        or _full_width_colon(source, line)
    )
    if found:
        return found
    if isinstance(error, yaml.scanner.ScannerError):
        return _scanner(error, context, source, line, column)
    if isinstance(error, yaml.parser.ParserError):
        if context.startswith("while parsing a flow"):
            return _flow(error, source, line, column)
        if context.startswith("while parsing a block"):
            return _block(source, line, column)
    if (error.problem or "").startswith("found undefined alias"):
        return _needs_quotes(source, line, column)
    return None


class _Source:
    """The document's lines, read the way the explanations need them."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def is_content(self, line: int) -> bool:
        stripped = self.text(line).strip()
        return bool(stripped) and not stripped.startswith("#")

    def previous_content(self, line: int) -> int | None:
        for above in range(min(line, len(self.lines)) - 1, -1, -1):
            if self.is_content(above):
                return above
        return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _key_column(text: str) -> int:
    """Where a line's key (or value) starts, after any list dashes: 4 for ``  - title: E``."""
    column = _indent(text)
    while text[column : column + 2] == "- " or text[column:].rstrip() == "-":
        column += 1
        column += _indent(text[column:])
    return column


def _head(text: str) -> str:
    """How a line is named in a message: its key with the colon (``type:``), or its start."""
    stripped = text.strip()
    key = _KEY.match(stripped)
    if key:
        return f"`{key[1]}:`"
    return f"`{stripped[:30]}`"


_KEY = re.compile(r"((?:-\s+)*[^\s:#'\"][^:#]*?):(?:\s|$)")
# `title:Engineer`: a key glued to its value. `https://…` is a value, not a key.
_GLUED = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w.-]*):(?!//)(\S.*)$")


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _at(line: int, column: int, message: str, code: str) -> Explanation:
    return Explanation(line + 1, column + 1, message, code)


def _tab(source: _Source, line: int, column: int) -> Explanation | None:
    tab = source.text(line).find("\t")
    if not 0 <= tab <= column:
        return None
    return _at(
        line,
        tab,
        "a tab indents this line; YAML indentation must use spaces, not tabs: "
        "replace the tab with spaces",
        "yaml_tab",
    )


def _odd_space_indent(source: _Source, line: int) -> Explanation | None:
    """A line indented with a space YAML does not take for one: a full-width space
    (U+3000, which an input method for Chinese or Japanese types), a no-break space
    (pasted from a web page). YAML reads it as the start of text, and reports the error
    on the line after, where the indentation then looks wrong."""
    above = source.previous_content(line)
    for candidate in (line, *(() if above is None else (above,))):
        text = source.text(candidate)
        leading = text[: len(text) - len(text.lstrip())]
        odd = next((index for index, char in enumerate(leading) if char not in " \t"), None)
        if odd is None:
            continue
        char = leading[odd]
        name = unicodedata.name(char, "space").lower()
        article = "an" if name[0] in "aeiou" else "a"
        return _at(
            candidate,
            odd,
            f"this line is indented with {article} {name} (U+{ord(char):04X}), which YAML "
            "does not "
            "read as a space; indent with ASCII spaces",
            "yaml_odd_space",
        )
    return None


# `headline：后端工程师`: a key followed by a full-width colon, which an input method for
# Chinese or Japanese types in place of ':'. YAML reads the whole line as text.
_FULL_WIDTH_KEY = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w.-]*)\s*([：﹕︓])\s*(.*)$")


def _full_width_colon(source: _Source, line: int) -> Explanation | None:
    """A key written with a full-width colon, on the error's line or the content line
    above it (where PyYAML often reports the next line)."""
    above = source.previous_content(line)
    for candidate in (line, *(() if above is None else (above,))):
        match = _FULL_WIDTH_KEY.match(source.text(candidate))
        if match is None:
            continue
        key, colon, value = match[2], match[3], match[4].rstrip()
        fix = f"`{key}: {value}`" if value else f"`{key}:`"
        return _at(
            candidate,
            match.start(3),
            f"`{key}` is followed by a full-width colon {colon!r} "
            f"(U+{ord(colon):04X}), which YAML does not read as one, so the line is "
            f"text, not a key; write an ASCII colon and a space: {fix}",
            "yaml_full_width_colon",
        )
    return None


def _scanner(
    error: yaml.MarkedYAMLError, context: str, source: _Source, line: int, column: int
) -> Explanation | None:
    start = error.context_mark
    if context == "while scanning a quoted scalar" and start is not None:
        return _unclosed_quote(source, start.line, start.column)
    if context == "while scanning a simple key" and start is not None:
        return _missing_colon(source, start.line, start.column)
    if context in ("while scanning an alias", "while scanning an anchor") and start:
        return _needs_quotes(source, start.line, start.column)
    if "quoted scalar" in context and start is not None:
        return _at(
            start.line,
            start.column,
            "a backslash `\\` inside double quotes starts an escape such as `\\n`; "
            "write `\\\\` for a backslash, or use single quotes ('C:\\Users')",
            "yaml_escape",
        )
    problem = error.problem or ""
    if problem.startswith("mapping values are not allowed"):
        return _stray_colon(source, line, column)
    if context == "while scanning for the next token" and source.text(line)[column : column + 1]:
        return _needs_quotes(source, line, column)
    return None


def _unclosed_quote(source: _Source, line: int, column: int) -> Explanation:
    quote = source.text(line)[column : column + 1] or '"'
    return _at(
        line,
        column,
        f"the quote {quote} that opens this value is never closed; "
        f"add the closing {quote} at the end of the value",
        "yaml_unclosed_quote",
    )


def _missing_colon(source: _Source, line: int, column: int) -> Explanation:
    text = source.text(line)
    glued = _GLUED.match(text)
    if glued:
        return _missing_space(line, glued)
    key, _, value = text.strip().partition(" ")
    fix = f"`{key}: {value.strip()}`" if value.strip() else f"`{key}: ` and its value"
    return _at(
        line,
        _indent(text),
        f"`{text.strip()[:40]}` has no colon after its key; write {fix} "
        "(or, if this line continues the value above, put that value in quotes)",
        "yaml_missing_colon",
    )


def _missing_space(line: int, glued: re.Match[str]) -> Explanation:
    key, value = glued[2], glued[3].rstrip()
    return _at(
        line,
        glued.end(2) + 1,
        f"`{key}:{value}` has no space after the colon, so YAML reads it as text, "
        f"not a key and value; write `{key}: {value}`",
        "yaml_missing_space",
    )


def _needs_quotes(source: _Source, line: int, column: int) -> Explanation:
    text = source.text(line)
    value = text[column:].strip()
    first = value[:1] or "?"
    return _at(
        line,
        column,
        f"a value that begins with {first!r} is read as YAML syntax, not text; "
        f"put the value in quotes: {_quoted(value)}",
        "yaml_needs_quotes",
    )


def _quoted(value: str) -> str:
    if '"' in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\") + '"'


def _stray_colon(source: _Source, line: int, column: int) -> Explanation:
    """A `: ` where a plain value is being read: inside the value itself, or at the start
    of a line YAML took as that value's continuation."""
    text = source.text(line)
    separator = re.search(r":(?:\s|$)", text[:column])
    if separator:
        start = separator.end() + _indent(text[separator.end() :])
        value = text[start:].rstrip()
        return _at(
            line,
            start,
            f"this value holds `: `, which YAML reads as the start of a mapping; "
            f"put the whole value in quotes: {_quoted(value)}",
            "yaml_colon_in_value",
        )
    above = source.previous_content(line)
    if above is None:
        return _at(
            line, column, "a `:` here is not allowed; put the value in quotes", "yaml_syntax"
        )
    glued = _GLUED.match(source.text(above))
    if glued and ": " not in source.text(above):
        return _missing_space(above, glued)
    sibling = _key_column(source.text(above))
    name = _head(source.text(above)[sibling:])
    indent = _indent(text)
    return _at(
        line,
        indent,
        f"{_head(text)} is indented {_spaces(indent)}, more than {name} on line {above + 1} "
        f"({_spaces(sibling)}), so YAML reads it as more of that line's value; indent it "
        f"{_spaces(sibling)} to line it up with {name}, or, if it continues that value, "
        "put the whole value in quotes",
        "yaml_indentation",
    )


def _flow(
    error: yaml.MarkedYAMLError, source: _Source, line: int, column: int
) -> Explanation | None:
    start = error.context_mark
    if start is None:
        return None
    if line > start.line or line >= len(source.lines):
        bracket = source.text(start.line)[start.column : start.column + 1] or "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return _at(
            start.line,
            start.column,
            f"the {bracket} that opens this value is never closed; add {closing} after its "
            f"last item, or put the value in quotes if it is text",
            "yaml_unclosed_bracket",
        )
    return _after_value(source, line, column)


def _after_value(source: _Source, line: int, column: int) -> Explanation | None:
    """Text right after a value that ended on this line: a closing quote or bracket."""
    before = source.text(line)[:column].rstrip()
    last = before[-1:]
    if last in ('"', "'"):
        opening = _opening_line(source, line, before, last)
        if opening is not None:
            return _unclosed_quote(source, *opening)
        opened = before[:-1].rfind(last)
        whole = before[opened + 1 : -1] + source.text(line)[len(before) :].rstrip()
        return _at(
            line,
            column,
            f"text after the closing quote: a quoted value ends at its {last}; "
            f"put all of the value inside the quotes: {_quoted(whole)}",
            "yaml_text_after_quote",
        )
    if last in ("]", "}"):
        value_start = re.search(r"(?::\s+|^\s*(?:-\s+)*)(?=[\[{])", before)
        start = value_start.end() if value_start else _indent(before)
        return _needs_quotes(source, line, start)
    return None


def _opening_line(source: _Source, line: int, before: str, quote: str) -> tuple[int, int] | None:
    """Where a quoted value that closes on ``line`` was opened, if on an earlier line: an
    odd number of quotes on this line means the string began above."""
    if _count_quotes(before, quote) % 2 == 0:
        return None
    for above in range(line - 1, -1, -1):
        text = source.text(above)
        if _count_quotes(text, quote) % 2 == 1:
            return above, text.find(quote)
    return None


def _count_quotes(text: str, quote: str) -> int:
    if quote == '"':
        return len(re.findall(r'(?<!\\)"', text))
    return text.replace("''", "").count("'")


def _block(source: _Source, line: int, column: int) -> Explanation | None:
    text = source.text(line)
    indent = _indent(text)
    if column > indent:
        return _after_value(source, line, column)
    is_item = text[indent : indent + 2] == "- " or text[indent:].rstrip() == "-"
    open_columns = _open_columns(source, line)
    beside = [entry for entry in open_columns if entry[1] == indent]
    if beside:
        above, col, item = beside[0]
        if is_item and not item:
            return _at(
                line,
                indent,
                f"a list item `-` among the keys of a mapping "
                f"({_head(source.text(above)[col:])} on line {above + 1} is at the same "
                "indentation); remove the `-`, or put the "
                "list under a key of its own, indented below it",
                "yaml_list_item_in_mapping",
            )
        if item and not is_item:
            inner = _key_column(source.text(above))
            return _at(
                line,
                indent,
                f"{_head(text)} stands among the items of a list (the `-` on line "
                f"{above + 1} is at the same indentation); if it belongs to that item, "
                f"indent it {_spaces(inner)}, or begin a new item with `- `",
                "yaml_key_in_list",
            )
        return None
    if not open_columns:
        return None
    around = ", ".join(
        f"{'`-`' if item else _head(source.text(above)[col:])} on line {above + 1} "
        f"is at {_spaces(col)}"
        for above, col, item in open_columns[:2]
    )
    return _at(
        line,
        indent,
        f"{_head(text)} is indented {_spaces(indent)}, which lines it up with nothing above it "
        f"({around}); indent it exactly as the key or `-` it belongs beside",
        "yaml_indentation",
    )


def _open_columns(source: _Source, line: int) -> list[tuple[int, int, bool]]:
    """The keys and dashes still open at ``line``, nearest first: (line, column, is a dash).
    A dash line opens two columns, its `-` and the key after it."""
    found: list[tuple[int, int, bool]] = []
    limit = 1 << 30  # deeper than any line
    for above in range(line - 1, -1, -1):
        if not source.is_content(above):
            continue
        text = source.text(above)
        columns: list[tuple[int, bool]] = []
        column = _indent(text)
        while text[column : column + 2] == "- " or text[column:].rstrip() == "-":
            columns.append((column, True))
            column += 1 + _indent(text[column + 1 :])
        columns.append((column, False))
        for col, item in reversed(columns):
            if col < limit:
                found.append((above, col, item))
                limit = col
        if limit == 0:
            break
    return found
