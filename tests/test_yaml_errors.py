"""YAML syntax mistakes told in plain words, at the line the author must edit: one case per
kind through the command line, the same words from either composer, and any broken YAML
still located, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeout.errors import SourceError
from resumeout.source.loading import SourceMap, _compose_and_build
from tests.conftest import run_cli

# (source, type, the located line after `file:`, the source line the caret sits under)
CASES: list[tuple[str, str, str, str]] = [
    (
        "name: X\nsections:\n  - title: Experience\n    type: experience\n     entries: []\n",
        "yaml_indentation",
        "5:6: `entries:` is indented 5 spaces, more than `type:` on line 4 (4 spaces), so YAML "
        "reads it as more of that line's value; indent it 4 spaces to line it up with `type:`,"
        " or, if it continues that value, put the whole value in quotes",
        "     entries: []",
    ),
    (
        "name: X\nlocation:\n    city: A\n  country: B\n",
        "yaml_indentation",
        "4:3: `country:` is indented 2 spaces, which lines it up with nothing above it (`city:` "
        "on line 3 is at 4 spaces, `location:` on line 2 is at 0 spaces); indent it exactly as "
        "the key or `-` it belongs beside",
        "  country: B",
    ),
    (
        "name: X\nemail\nphone: '1'\n",
        "yaml_missing_colon",
        "2:1: `email` has no colon after its key; write `email: ` and its value (or, if this "
        "line continues the value above, put that value in quotes)",
        "email",
    ),
    (
        "name: X\nheadline:Engineer\nemail: a@b.org\n",
        "yaml_missing_space",
        "2:10: `headline:Engineer` has no space after the colon, so YAML reads it as text, not "
        "a key and value; write `headline: Engineer`",
        "headline:Engineer",
    ),
    (
        "name: X\nsections:\n  - title:Experience\n    type: experience\n",
        "yaml_missing_space",
        "3:11: `title:Experience` has no space after the colon, so YAML reads it as text, not a "
        "key and value; write `title: Experience`",
        "  - title:Experience",
    ),
    (
        "name: 王小明\nheadline：后端工程师\nemail: a@b.org\n",
        "yaml_full_width_colon",
        "2:9: `headline` is followed by a full-width colon '：' (U+FF1A), which YAML does not "
        "read as one, so the line is text, not a key; write an ASCII colon and a space: "
        "`headline: 后端工程师`",
        "headline：后端工程师",
    ),
    (
        # Indented with full-width spaces, as a Chinese input method types them.
        "name: 王小明\nsections:\n  - title: 经历\n    type: experience\n    entries:\n"
        "      - title: 工程师\n\u3000\u3000\u3000\u3000organization: 公司\n"
        "        start: 2020-01\n",
        "yaml_odd_space",
        "7:1: this line is indented with an ideographic space (U+3000), which YAML does not "
        "read as a space; indent with ASCII spaces",
        "\u3000\u3000\u3000\u3000organization: 公司",
    ),
    (
        "name: X\nsections:\n  - title：技能\n    type: lines\n",
        "yaml_full_width_colon",
        "3:10: `title` is followed by a full-width colon '：' (U+FF1A), which YAML does not "
        "read as one, so the line is text, not a key; write an ASCII colon and a space: "
        "`title: 技能`",
        "  - title：技能",
    ),
    (
        'name: "Runyu Lu\nemail: a@b.org\n',
        "yaml_unclosed_quote",
        '1:7: the quote " that opens this value is never closed; add the closing " at the end '
        "of the value",
        'name: "Runyu Lu',
    ),
    (
        "name: X\nheadline: 'Engineer\nemail: 'a@b.org'\n",
        "yaml_unclosed_quote",
        "2:11: the quote ' that opens this value is never closed; add the closing ' at the end "
        "of the value",
        "headline: 'Engineer",
    ),
    (
        "name: X\nkeywords: [Python, Rust\nemail: a@b.org\n",
        "yaml_unclosed_bracket",
        "2:11: the [ that opens this value is never closed; add ] after its last item, or put "
        "the value in quotes if it is text",
        "keywords: [Python, Rust",
    ),
    (
        "name: X\nlocation: {city: Ann Arbor\n",
        "yaml_unclosed_bracket",
        "2:11: the { that opens this value is never closed; add } after its last item, or put "
        "the value in quotes if it is text",
        "location: {city: Ann Arbor",
    ),
    (
        "name: X\nheadline: Note: this\n",
        "yaml_colon_in_value",
        "2:11: this value holds `: `, which YAML reads as the start of a mapping; put the whole "
        'value in quotes: "Note: this"',
        "headline: Note: this",
    ),
    (
        "name: X\nemail: a@b.org\n- phone: '1'\n",
        "yaml_list_item_in_mapping",
        "3:1: a list item `-` among the keys of a mapping (`email:` on line 2 is at the same "
        "indentation); remove the `-`, or put the list under a key of its own, indented below it",
        "- phone: '1'",
    ),
    (
        "name: X\nsections:\n  - title: E\n    entries:\n      - title: A\n      start: 2020\n",
        "yaml_key_in_list",
        "6:7: `start:` stands among the items of a list (the `-` on line 5 is at the same "
        "indentation); if it belongs to that item, indent it 8 spaces, or begin a new item "
        "with `- `",
        "      start: 2020",
    ),
    (
        'name: X\nheadline: "Engineer" Senior\n',
        "yaml_text_after_quote",
        '2:22: text after the closing quote: a quoted value ends at its "; put all of the value'
        ' inside the quotes: "Engineer Senior"',
        'headline: "Engineer" Senior',
    ),
    (
        "name: X\nheadline: **Best** paper\n",
        "yaml_needs_quotes",
        "2:11: a value that begins with '*' is read as YAML syntax, not text; put the value in "
        'quotes: "**Best** paper"',
        "headline: **Best** paper",
    ),
    (
        'name: X\nfolder: "C:\\Users"\n',
        "yaml_escape",
        "2:9: a backslash `\\` inside double quotes starts an escape such as `\\n`; write `\\\\` "
        "for a backslash, or use single quotes ('C:\\Users')",
        'folder: "C:\\Users"',
    ),
    (
        "name: X\nsections:\n\t- title: E\n",
        "yaml_tab",
        "3:1: a tab indents this line; YAML indentation must use spaces, not tabs: replace the "
        "tab with spaces",
        "\t- title: E",
    ),
    (
        "name: X\nname: Y\n",
        "duplicate_key",
        "2:1: duplicate key 'name' (first defined on line 1); keep only one",
        "name: Y",
    ),
]


@pytest.mark.parametrize(("source", "kind", "located", "source_line"), CASES)
def test_each_mistake_is_told_at_the_line_to_edit(
    tmp_path: Path, source: str, kind: str, located: str, source_line: str
) -> None:
    path = tmp_path / "resume.yaml"
    path.write_text(source, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}:{located}", result.stderr
    assert lines[1].endswith(f" | {source_line}"), result.stderr
    column = int(located.split(":")[1])
    caret = lines[2].index("^") - lines[2].index("| ") - 2
    assert caret == column - 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("source", "kind", "located", "source_line"), CASES)
def test_each_mistake_has_its_type_in_json(
    tmp_path: Path, source: str, kind: str, located: str, source_line: str
) -> None:
    path = tmp_path / "resume.yaml"
    path.write_text(source, encoding="utf-8")
    result = run_cli("validate", str(path), "--error-format", "json")
    assert result.returncode == 3, result.stderr
    record = json.loads(result.stdout.splitlines()[0] if result.stdout else result.stderr)
    line, column, message = located.split(":", 2)
    assert record["type"] == kind
    assert (record["file"], record["line"], record["column"]) == (str(path), int(line), int(column))
    assert record["message"] == message.strip()


def test_an_unrecognised_mistake_keeps_the_yaml_readers_words(tmp_path: Path) -> None:
    path = tmp_path / "resume.yaml"
    path.write_text("%YAML 1.1\nname: X\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert result.stderr.startswith(f"{path}:2:1: invalid YAML here; ")
    assert "(the YAML reader says: expected '<document start>', but found" in result.stderr


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
@pytest.mark.parametrize(("source", "kind", "located", "source_line"), CASES)
def test_both_composers_tell_a_mistake_alike(
    source: str, kind: str, located: str, source_line: str
) -> None:
    told = [_told(loader, source) for loader in (yaml.SafeLoader, yaml.CSafeLoader)]
    assert told[0] == told[1]
    assert told[0][0] == kind


def _told(loader: type[yaml.SafeLoader | yaml.CSafeLoader], text: str) -> tuple[object, ...]:
    source_map = SourceMap("resume.yaml", text.splitlines())
    with pytest.raises(SourceError) as raised:
        _compose_and_build(loader, text, source_map)
    found = raised.value.diagnostics[0]
    return (found.code, found.line, found.column, found.message)


_BROKEN = st.lists(
    st.sampled_from(
        ["name", "title", ":", ": ", " ", "  ", "\n", "\n  ", "\n    ", "- ", "-", '"', "'",
         "[", "]", "{", "}", ",", "#", "*", "&", "@", "`", "\\", "\t", "x", "é", "a: b", "|"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BROKEN)
def test_any_broken_yaml_is_told_at_a_place_in_the_file(text: str) -> None:
    lines = text.splitlines()
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        source_map = SourceMap("resume.yaml", lines)
        try:
            _compose_and_build(loader, text, source_map)
        except SourceError as error:
            for found in error.diagnostics:
                assert found.message
                assert found.line is not None and 1 <= found.line <= len(lines) + 1, found
                assert found.column is not None and found.column >= 1, found


@pytest.mark.parametrize(
    ("space", "name"), [("\u3000", "an ideographic space"), ("\u00a0", "a no-break space")]
)
def test_a_key_indented_with_spaces_yaml_does_not_take_is_told_why(
    tmp_path: Path, space: str, name: str
) -> None:
    """Where YAML still reads the line, it reads the spaces as part of the key."""
    path = tmp_path / "resume.yaml"
    path.write_text(f"name: 王小明\n{space * 2}headline: 工程师\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:2:1: ")
    assert f"indented with {name}" in first and "indent with ASCII spaces: `headline:`" in first
