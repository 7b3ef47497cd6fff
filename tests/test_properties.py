"""Property-based tests: any valid résumé exports in every format with every field
readable back, and no input makes the loader fail other than with a located error.

Short runs are part of the suite. For a long run:
    HYPOTHESIS_PROFILE=long pytest tests/test_properties.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resumeout.diagnostics import Diagnostic
from resumeout.errors import SourceError
from resumeout.exporters import load_exporter
from resumeout.model.sections import SECTION_TYPES
from resumeout.source.validation import load_resume
from tests.conftest import SEED
from tests.readers import read_back

settings.register_profile(
    "default",
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Scripts the default fonts and the CI fallback fonts cover; assigned characters only.
ASSIGNED: list[Literal["L", "N", "P", "S"]] = ["L", "N", "P", "S"]
ALPHABET = st.one_of(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E, categories=ASSIGNED),
    st.characters(min_codepoint=0xC0, max_codepoint=0x17F, categories=ASSIGNED),
    st.characters(min_codepoint=0x391, max_codepoint=0x3A9, categories=ASSIGNED),
    st.characters(min_codepoint=0x430, max_codepoint=0x44F, categories=ASSIGNED),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF, categories=ASSIGNED),
    st.just(" "),
)
WORDS = st.text(ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)
DATES = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1990, 2030), st.integers(1, 12))


def literal(text: str) -> str:
    """Spell ``text`` so that the inline Markdown parser keeps it literal."""
    return "".join("\\" + ch if ch in "\\`*_[]<" else ch for ch in text)


@st.composite
def entries(draw: st.DrawFn, kind: str) -> tuple[Any, list[str]]:
    """An entry of ``kind`` and the texts a reader must find."""
    texts = draw(st.lists(WORDS, min_size=2, max_size=4))
    bullets = draw(st.lists(WORDS, max_size=2))
    match kind:
        case "education":
            entry = {
                "institution": literal(texts[0]),
                "degree": literal(texts[1]),
                "start": draw(DATES),
                "highlights": [literal(b) for b in bullets],
            }
        case "experience":
            entry = {
                "title": literal(texts[0]),
                "organization": literal(texts[1]),
                "start": draw(DATES),
                "end": "present",
                "highlights": [literal(b) for b in bullets],
            }
        case "publications":
            entry = {"title": literal(texts[0]), "authors": texts[1:], "venue": "V"}
            return entry, texts
        case "entries":
            entry = {
                "title": literal(texts[0]),
                "subtitle": literal(texts[1]),
                "highlights": [literal(b) for b in bullets],
            }
        case "lines":
            entry = {"label": literal(texts[0]), "details": literal(texts[1])}
        case "text":
            return literal(texts[0]), [texts[0]]
        case _:
            raise AssertionError(f"no strategy draws {kind!r} entries yet; add one")
    return entry, texts[:2] + (bullets if "highlights" in entry else [])


@st.composite
def resumes(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    name = draw(WORDS)
    data: dict[str, Any] = {"name": name, "sections": []}
    expected = [name]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(SECTION_TYPES))
        title = draw(WORDS)
        drawn = draw(st.lists(entries(kind), min_size=1, max_size=3))
        data["sections"].append({"title": title, "type": kind, "entries": [e for e, _ in drawn]})
        expected += [title] + [text for _, texts in drawn for text in texts]
    return data, expected


def squeeze(text: str) -> str:
    return "".join(text.split())


@given(resumes())
def test_every_exporter_keeps_every_field(
    tmp_path: Path, case: tuple[dict[str, Any], list[str]]
) -> None:
    data, expected = case
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    resume = load_resume(path)
    for name in ("md", "txt", "pdf", "docx"):
        text = squeeze(read_back(name, load_exporter(name)().render_bytes(resume)))
        missing = [value for value in expected if squeeze(value) not in text]
        assert not missing, (name, missing)


# Problems with the file as a whole (blank, binary, nested too deeply): no line to point at.
WHOLE_FILE = {"empty", "binary", "too_deep"}


def assert_located(diagnostic: Diagnostic, path: Path, raw: bytes) -> None:
    """A message, and a line and column inside the file, unless the whole file is wrong."""
    assert diagnostic.message and diagnostic.file == str(path)
    if diagnostic.code in WHOLE_FILE and diagnostic.line is None:
        return
    assert diagnostic.line is not None, diagnostic
    assert 1 <= diagnostic.line <= raw.count(b"\n") + 1, diagnostic
    assert diagnostic.column is not None and diagnostic.column >= 1, diagnostic


# Random bytes are mostly not YAML at all; text made of YAML's own characters reaches the
# checks that come after parsing too (a list or a number where a résumé belongs).
YAMLISH = st.text(alphabet="ab:- \n\t[]{},'\"#&*!|>?%@`09.", max_size=300).map(str.encode)


@given(st.one_of(st.binary(max_size=2000), YAMLISH))
@example(b"- a list\n")  # located by the source map, not by the YAML parser
@example(b"name: N\nemial: x\n")
def test_random_bytes_give_only_located_errors(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(raw)
    try:
        load_resume(path)
    except SourceError as error:
        assert error.diagnostics
        for diagnostic in error.diagnostics:
            assert_located(diagnostic, path, raw)


SEED_TEXT = SEED.read_bytes()


@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED_TEXT)), st.binary(max_size=4), st.integers(0, 8)),
        min_size=1,
        max_size=6,
    )
)
@example([(SEED_TEXT.index(b"name:"), b"nmae", 4)])  # an unknown field, located by its key
@example([(SEED_TEXT.index(b"@umich"), b"", 1)])  # an invalid value, located by the value
def test_mutated_yaml_gives_only_located_errors(
    tmp_path: Path, mutations: list[tuple[int, bytes, int]]
) -> None:
    raw = bytearray(SEED_TEXT)
    for position, insert, delete in mutations:
        raw[position : position + delete] = insert
    path = tmp_path / "r.yaml"
    path.write_bytes(bytes(raw))
    try:
        load_resume(path)
    except SourceError as error:
        for diagnostic in error.diagnostics:
            assert_located(diagnostic, path, bytes(raw))


@pytest.mark.parametrize("name", ["md", "txt", "pdf", "docx"])
def test_property_suite_readers_see_the_seed(name: str) -> None:
    # a guard for the readers the properties rely on
    resume = load_resume(SEED)
    assert "Runyu" in read_back(name, load_exporter(name)().render_bytes(resume))
