"""Broken sources: every problem reported at once, located, with exit code 3, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli

# (source, [(line, column, path, words in the message)]) — one case per kind of mistake.
CASES: list[tuple[str, list[tuple[int, int, str, str]]]] = [
    ("name: X\nemial: a@b.org\n", [(2, 1, "emial", "did you mean 'email'")]),
    ("name: X\nphone: 12345\n", [(2, 8, "phone", "put it in quotes")]),
    # Quoting a list would print its brackets: the advice is to write one line of text.
    (
        "name: X\nsections:\n  - title: S\n    type: lines\n    entries:\n"
        "      - label: Languages\n        details: [Python, Go]\n",
        [
            (
                7,
                18,
                "sections[0].entries[0].details",
                "expected text, got a list; write its items as one line of text (`Python, Go`)",
            )
        ],
    ),
    ("name: X\nheadline:\n  Area: ML\n", [(3, 3, "headline", "put the whole text in quotes")]),
    ("email: a@b.org\n", [(1, 1, "name", "required field 'name' is missing")]),
    (
        "name: X\nsections:\n  - title: E\n    type: education\n    entries:\n"
        "      - institution: U\n        start: 2024-13\n        degre: PhD\n",
        [
            (7, 16, "sections[0].entries[0].start", "month 13"),
            (8, 9, "sections[0].entries[0].degre", "did you mean 'degree'"),
        ],
    ),
    (
        "name: X\nsections:\n  - title: E\n    type: experience\n    entries:\n"
        "      - title: T\n        start: 2024-05\n        end: 2023\n",
        [(8, 14, "sections[0].entries[0].end", "before it starts")],
    ),
    (
        "name: X\nsections:\n  - title: P\n    type: publication\n    entries: []\n",
        [(4, 11, "sections[0].type", "type 'publication'; did you mean 'publications'?")],
    ),
    (
        "name: X\nsections:\n  - title: P\n    entries: []\n",
        [(3, 5, "sections[0]", "needs `type:`")],
    ),
    (
        'name: "[me](javascript:alert(1))"\nheadline: "[x](file:///etc/passwd)"\n',
        [(2, 11, "headline", "'file:'")],
    ),
    ("name: X\nwebsite: 'javascript:alert(1)'\n", [(2, 10, "website", "'javascript:'")]),
    ("name: X\nemail: not-an-email\n", [(2, 8, "email", "not an email address")]),
    ("name: X\nname: Y\n", [(2, 1, "", "duplicate key 'name'")]),
    ("name: X\nsections:\n\t- title: E\n", [(3, 1, "", "tabs")]),
    ("name: [unclosed\n", [(1, 7, "", "never closed")]),
    ("- a\n- b\n", [(1, 1, "", "the document is a list")]),
    ("name: X\n---\nname: Y\n", [(2, 1, "", "several YAML documents")]),
    ('name: "bad\\x07bell"\n', [(1, 7, "name", "U+0007")]),
    ('name: "a\\u202Eb"\n', [(1, 7, "name", "bidirectional override")]),
    (
        "name: X\ndesign:\n  accent_color: blue\n  page_size: A5\n",
        [
            (3, 17, "design.accent_color", "not a colour"),
            (4, 14, "design.page_size", "not allowed; use one of: 'letter' or 'a4'"),
        ],
    ),
]

LINE = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?:(?P<path>[^:\s]+): )?(?P<msg>.*)$", re.M
)


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_every_problem_is_reported_with_its_location(
    tmp_path: Path, source: str, expected: list[tuple[int, int, str, str]]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(source, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    found = [m.groupdict() for m in LINE.finditer(result.stderr)]
    assert len(found) == len(expected), result.stderr
    for match, (line, column, field, words) in zip(found, expected, strict=True):
        assert match["file"] == str(path)
        assert (int(match["line"]), int(match["col"])) == (line, column), result.stderr
        assert (match["path"] or "") == field, result.stderr
        assert words in match["msg"], result.stderr


def test_caret_points_at_the_column(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("name: X\nphone: 12345\n", encoding="utf-8")
    lines = run_cli("validate", str(path)).stderr.splitlines()
    source_line, caret = lines[1], lines[2]
    assert source_line.endswith("phone: 12345")
    assert caret.index("^") == source_line.index("12345")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"name: Caf\xe9\n", "not UTF-8"),
    ],
)
def test_unreadable_sources(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(content)
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert words in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = run_cli("export", str(tmp_path / "nope.yaml"), "-f", "md")
    assert missing.returncode == 3 and "no such file" in missing.stderr
    directory = run_cli("validate", str(tmp_path))
    assert directory.returncode == 3 and "is a directory" in directory.stderr


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Runyu Lu\r\nemail: a@b.org\r\n")
    result = run_cli("export", str(path), "-f", "txt", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Runyu Lu\n")


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nname: X\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    assert "100,000 values through aliases" in result.stderr


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2020-02-30", "'2020-02-30' is not a day of the calendar: 2020-02 has 29 days"),
        ("2023-02-29", "'2023-02-29' is not a day of the calendar: 2023-02 has 28 days"),
        ("2024-13-01", "'2024-13-01' has month 13; months run from 1 to 12"),
    ],
)
def test_a_day_no_calendar_has_written_unquoted_is_a_located_error(
    tmp_path: Path, written: str, why: str
) -> None:
    # Unquoted, YAML reads such a date as a timestamp, which PyYAML cannot build: the
    # command once ended in a traceback from inside PyYAML.
    path = tmp_path / "resume.yaml"
    entry = "sections:\n  - title: X\n    type: entries\n    entries:\n      - title: A\n"
    path.write_text(f"name: T\nlast_updated: {written}\n{entry}        date: {written}\n")
    for command in (["validate", str(path)], ["export", str(path), "-o", str(tmp_path)]):
        result = run_cli(*command)
        assert result.returncode == 3, result.stderr
        assert "Traceback" not in result.stderr
        assert f"{path}:2:15: last_updated: {why}" in result.stderr
        assert f"{path}:8:15: sections[0].entries[0].date: {why}" in result.stderr


@pytest.mark.parametrize(
    ("written", "time", "day"),
    [
        ("2024-09-01 10:30:00", "10:30:00", "2024-09-01"),
        ("2024-09-01T00:00:00Z", "00:00:00", "2024-09-01"),
    ],
)
def test_a_date_with_a_time_of_day_is_a_located_error(
    tmp_path: Path, written: str, time: str, day: str
) -> None:
    # YAML reads it as a timestamp; the time was once dropped without a word.
    path = tmp_path / "resume.yaml"
    entry = "sections:\n  - title: X\n    type: entries\n    entries:\n      - title: A\n"
    path.write_text(f"name: T\nlast_updated: {written}\n{entry}        start: {written}\n")
    result = run_cli("export", str(path), "-o", str(tmp_path))
    assert result.returncode == 3, result.stderr
    why = f"a date with a time of day ({time}); a résumé date is YYYY, YYYY-MM or YYYY-MM-DD"
    assert f"{path}:2:15: last_updated: {why}: write {day}" in result.stderr
    assert f"{path}:8:16: sections[0].entries[0].start: {why}: write {day}" in result.stderr
    assert list(tmp_path.iterdir()) == [path]


def test_an_unknown_theme_is_reported_with_every_other_problem(tmp_path: Path) -> None:
    path = tmp_path / "resume.yaml"
    path.write_text("name: T\nemail: not-an-email\ndesign:\n  theme: modrn\n  font_size: 20\n")
    result = run_cli("validate", str(path))
    assert result.returncode == 3
    located = [
        line.split(": ")[0:2] for line in result.stderr.splitlines() if line.startswith(str(path))
    ]
    assert [where for where, _ in located] == [f"{path}:2:8", f"{path}:4:10", f"{path}:5:14"]
    assert "did you mean 'modern'" in result.stderr


@pytest.mark.parametrize("word", ["至今", "الآن", "वर्तमान", "heute"])
def test_present_in_another_language_is_told_to_write_present(tmp_path: Path, word: str) -> None:
    path = tmp_path / "resume.yaml"
    path.write_text(
        "name: T\nsections:\n  - title: X\n    type: experience\n    entries:\n"
        f"      - title: A\n        start: 2020-01\n        end: {word}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 3, result.stderr
    assert f"{path}:8:14: sections[0].entries[0].end: '{word}' is not a date;" in result.stderr
    assert "or `present` for an end still to come" in result.stderr
