"""Reading sources: JSON located like YAML, merge keys, escapes and the characters a
résumé cannot hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeout.errors import SourceError
from resumeout.exporters import load_exporter
from resumeout.source.loading import read_source
from resumeout.source.validation import load_resume
from tests.conftest import run_cli


def _problems(path: Path) -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(SourceError) as caught:
        load_resume(path)
    return [(d.line, d.column, d.path, d.message) for d in caught.value.diagnostics]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- JSON: every problem at its line and column, whatever the indentation -------------

TAB_INDENTED = '{\n\t"name": "Tab Person",\n\t"email": "not-an-email",\n\t"emial": "x"\n}\n'


def test_tab_indented_json_errors_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "resume.json", TAB_INDENTED)
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert f"{path}:3:11: email: 'not-an-email' is not an email address" in result.stderr
    assert f"{path}:4:2: emial: unknown field 'emial'; did you mean 'email'?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        (
            '{\n\t"name": "A",\n\t"name": "B"\n}',
            3,
            2,
            "duplicate key 'name' (first defined on line 2)",
        ),
        ('{\n\t"name": "A",\n\t"sections": [1,]\n}', 3, 17, "a comma before ']'"),
        ('{\n\t"name": "A",\n}', 3, 1, "a comma before '}'"),
        ('{"name": "A", "x": NaN}', 1, 20, "NaN is not a JSON value"),
        ('{"name": "A"\n "x": 1}', 2, 2, "expected ',' or '}'"),
        ('{"name": "unclosed}', 1, 10, "never closed"),
        ('{"name": "a\\qb"}', 1, 12, "unknown backslash escape"),
        ("{\"name\": 'A'}", 1, 10, "expected a value"),
        ('{"name": "A"} x', 1, 15, "more text after the end"),
        ("[" * 100 + "]" * 100, 1, 66, "nested more than 64 levels"),
        ('{"name": "A\\ud835 lone"}', 1, 10, "U+D835 at offset 1 is a lone surrogate"),
        ('{"name": "A\\uFFFE"}', 1, 10, "U+FFFE at offset 1 is a Unicode noncharacter"),
    ],
)
def test_json_problems_are_located(
    tmp_path: Path, text: str, line: int, column: int, words: str
) -> None:
    problems = _problems(_write(tmp_path, "r.json", text))
    assert len(problems) == 1
    assert problems[0][:2] == (line, column)
    assert words in problems[0][3]


def test_json_surrogate_pairs_are_one_character(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.json", '{"name": "Mr \\ud835\\udd4f", "location": "\\uD83D\\uDE00"}')
    resume = load_resume(path)
    assert resume.name == "Mr \U0001d54f"
    assert resume.location == "\U0001f600"
    assert "Mr \U0001d54f" in load_exporter("md")().render(resume)


def test_yaml_surrogate_pair_escapes_are_one_character_too(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", 'name: "Mr \\ud835\\udd4f"\n')
    assert load_resume(path).name == "Mr \U0001d54f"


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8")),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(codec="utf-8")), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    document=st.dictionaries(st.text(min_size=1), JSON_VALUES, max_size=5),
    indent=st.sampled_from([None, 0, 1, 2, "\t", "\t\t", " \t"]),
    ascii_only=st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_any_json_document_reads_as_json_does_and_locates_every_value(
    tmp_path_factory: pytest.TempPathFactory,
    document: dict[str, Any],
    indent: int | str | None,
    ascii_only: bool,
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    path = tmp_path_factory.mktemp("json") / "r.json"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = read_source(path)
    except SourceError as error:
        # Only characters a résumé cannot hold are refused, and each at its place.
        assert all(d.line and d.code == "forbidden_character" for d in error.diagnostics)
        return
    assert loaded.data == json.loads(text)
    lines = text.split("\n")
    for field_path, (line, column) in loaded.source_map.values.items():
        value: Any = loaded.data
        for step in field_path:
            value = value[step]
        shown = json.dumps(value, ensure_ascii=ascii_only)[:1]
        assert lines[line - 1][column - 1] == shown, (field_path, line, column)


# --- YAML merge keys -------------------------------------------------------------------

MERGES = """\
name: X
sections:
  - title: Jobs
    type: experience
    entries:
      - &job
        title: Engineer
        organization: Acme
        location: Here
        start: 2020
      - <<: *job
        title: Senior Engineer
        start: 2021
      - &other
        title: Other
        location: There
      - <<: [*other, *job]
        start: 2022
"""


def test_merge_keys_take_local_overrides(tmp_path: Path) -> None:
    resume = load_resume(_write(tmp_path, "r.yaml", MERGES))
    entries = resume.sections[0].entries
    got = [(e.title.text(), e.organization.text() if e.organization else None) for e in entries]  # type: ignore[union-attr]
    assert got == [
        ("Engineer", "Acme"),
        ("Senior Engineer", "Acme"),
        ("Other", None),
        ("Other", "Acme"),  # the earlier mapping of a merge list wins
    ]
    assert [e.location for e in entries] == ["Here", "Here", "There", "There"]  # type: ignore[union-attr]
    assert [e.start.year for e in entries if e.start] == [2020, 2021, 2022]  # type: ignore[union-attr]


def test_errors_in_merged_values_point_where_they_were_written(tmp_path: Path) -> None:
    source = MERGES.replace("start: 2020", "start: 2020-13").replace(
        "title: Senior Engineer", "title: Senior Engineer\n        bogus: 1"
    )
    problems = _problems(_write(tmp_path, "r.yaml", source))
    assert (10, 16, "sections[0].entries[0].start") in [p[:3] for p in problems]
    assert (13, 9, "sections[0].entries[1].bogus") in [p[:3] for p in problems]


def test_a_merge_of_something_else_is_located(tmp_path: Path) -> None:
    problems = _problems(_write(tmp_path, "r.yaml", "name: X\nheadline:\n  <<: 3\n"))
    assert problems == [
        (3, 7, "", "a merge key `<<` takes a mapping (`<<: *name`) or a list of them "
         "(`<<: [*one, *two]`)")
    ]  # fmt: skip


def test_merge_keys_count_towards_the_alias_budget(tmp_path: Path) -> None:
    lines = ["l0: &l0 {x: 1, y: 2, z: 3}"]
    lines += [f"l{i}: &l{i} {{<<: [{', '.join([f'*l{i - 1}'] * 9)}]}}" for i in range(1, 12)]
    path = _write(tmp_path, "bomb.yaml", "\n".join(lines) + "\nname: X\n")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert "100,000 values through aliases" in result.stderr


# --- characters a résumé cannot hold ----------------------------------------------------

NONCHARACTERS = st.one_of(
    st.integers(0xFDD0, 0xFDEF), st.integers(0, 16).map(lambda plane: plane * 0x10000 + 0xFFFE)
).flatmap(lambda code: st.sampled_from([code, code | 1] if code & 0xFFFE == 0xFFFE else [code]))


@given(code=NONCHARACTERS, json_source=st.booleans(), before=st.text("ab ", max_size=3))
@settings(max_examples=60, deadline=None)
def test_noncharacters_are_a_located_error(
    tmp_path_factory: pytest.TempPathFactory, code: int, json_source: bool, before: str
) -> None:
    folder = tmp_path_factory.mktemp("nonchar")
    escaped = json.dumps(before + chr(code))  # \uXXXX or the character itself
    if json_source:
        path = _write(folder, "r.json", f'{{"name": "N", "sections": [{{"title": {escaped}, '
                      '"type": "lines", "entries": [{"label": "x"}]}]}')  # fmt: skip
        expected = (1, 38)
    else:
        path = _write(folder, "r.yaml", f"name: N\nheadline: {escaped}\n")
        expected = (2, 11)
    problems = _problems(path)
    assert len(problems) == 1
    assert problems[0][:2] == expected
    assert f"U+{code:04X} at offset {len(before)} is a Unicode noncharacter" in problems[0][3]


def test_a_noncharacter_never_reaches_an_exporter(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.yaml", 'name: "A\\uFFFE"\n')
    result = run_cli("export", str(path), "--format", "all")
    assert result.returncode == 3
    assert "r.yaml:1:7: name: character U+FFFE at offset 1 is a Unicode noncharacter" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]
