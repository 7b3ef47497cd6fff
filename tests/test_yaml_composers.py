"""libyaml composes a résumé when it reads it exactly as PyYAML's pure-Python composer
does: the same data, the same line and column for every value and key. Documents are
generated both as arbitrary text over YAML's syntax and as dumps of arbitrary data."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeout.errors import SourceError
from resumeout.source.loading import (
    FORBIDDEN_CHARACTER,
    SourceMap,
    _compose_and_build,
    _forbidden,
    libyaml_may_differ,
)
from tests.conftest import ROOT, SEED

libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

# Pieces of YAML syntax, and characters that move positions (line separators, astral ones).
_SYNTAX = st.sampled_from(
    [*"ab é😀1.0 \n:-?#,[]{}&*!|>'\"%@`\\~<\t\u2028\x85", "  ", "- ", ": ", "\n  ", "\n- ",
     "---", "...", "&a ", "*a", "<<: ", "!!str ", "? ", "\\u00e9", "\\ud83d\\ude00",
     "key: value\n", "'it''s'", '"q\\n"', "|-\n  x\n", ">\n  y\n  z\n", "null", "yes",
     "2024-01-01", "0x1f", "[a, b]", "{a: 1}", "|+\n", "\n#c\n"]
)  # fmt: skip
_WORDS = st.sampled_from(
    ["a", "é", "😀", "x y", "it's", 'say "hi"', "2024-05", "yes", "", " lead", "trail ",
     "a: b", "- x", "#c", "line\nbreak", "\u2028", "back\\slash", "%p", "`t`", "*s*",
     "[l](u)", "long " * 20, "{b}", "q?", "w!"]
)  # fmt: skip
_DATA = st.recursive(
    _WORDS | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_WORDS, inner, max_size=4),
    max_leaves=12,
)


def _read(loader: Any, text: str) -> tuple[object, ...]:
    source_map = SourceMap("resume.yaml", text.splitlines())
    try:
        data = _compose_and_build(loader, text, source_map)
    except SourceError:
        return ("refused",)
    return (data, source_map.values, source_map.keys)


def _assert_read_alike(text: str) -> None:
    if libyaml_may_differ(text):
        return
    fast = _read(yaml.CSafeLoader, text)
    if fast == ("refused",) or not isinstance(fast[0], dict):
        return  # PyYAML reads these again itself
    assert fast == _read(yaml.SafeLoader, text)


@libyaml
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SYNTAX, max_size=40).map("".join))
def test_libyaml_reads_arbitrary_syntax_as_pyyaml_does(text: str) -> None:
    _assert_read_alike(text)


@libyaml
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(_WORDS, _DATA, min_size=1, max_size=4),
    st.sampled_from([False, None, True]),
    st.sampled_from([None, '"', "'", "|", ">"]),
    st.sampled_from([20, 80, 1000]),
    st.booleans(),
)
def test_libyaml_reads_dumped_data_as_pyyaml_does(
    data: dict[str, Any], flow: bool | None, style: str | None, width: int, start: bool
) -> None:
    text = yaml.dump(
        data,
        default_flow_style=flow,
        default_style=style,
        width=width,
        allow_unicode=True,
        explicit_start=start,
    )
    _assert_read_alike(text)


@libyaml
@pytest.mark.parametrize("path", [SEED, ROOT / "tests" / "data" / "full.yaml"])
def test_the_example_resumes_are_composed_by_libyaml(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    assert not libyaml_may_differ(text)
    assert _read(yaml.CSafeLoader, text) == _read(yaml.SafeLoader, text)


@pytest.mark.parametrize(
    "text", ["a:\tb\n", "a: !x\n", "? a\n: b\n", "a: {b?c: d}\n", "a: |#\n  x\n"]
)
def test_syntax_libyaml_reads_otherwise_is_left_to_pyyaml(text: str) -> None:
    assert libyaml_may_differ(text)


def test_the_forbidden_character_pattern_finds_exactly_the_forbidden_characters() -> None:
    every_character = "".join(map(chr, range(0x110000)))
    found = [match.start() for match in FORBIDDEN_CHARACTER.finditer(every_character)]
    assert found == [code for code in range(0x110000) if _forbidden(code)]
