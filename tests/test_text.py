"""The plain-text export: every fact, no markup, wrapped without breaking words."""

from __future__ import annotations

from pathlib import Path

from resumeout.exporters.text import TextExporter, display_width
from resumeout.model import Resume
from resumeout.source.validation import load_resume
from tests.conftest import SEED_FACTS, normalise


def test_every_fact_of_the_seed(seed: Resume) -> None:
    text = normalise(TextExporter().render(seed))
    assert [fact for fact in SEED_FACTS if fact not in text] == []


def test_no_markup_and_width_respected(seed: Resume) -> None:
    text = TextExporter().render(seed)
    assert not {"**", "](", "<", "#"} & {s for s in ("**", "](", "<", "#") if s in text}
    assert all(display_width(line) <= 80 for line in text.splitlines())


def test_dates_right_aligned_on_the_entry_line(seed: Resume) -> None:
    lines = TextExporter().render(seed).splitlines()
    line = next(line for line in lines if line.startswith("University of Michigan"))
    assert line.endswith("Sep 2024 – Present") and len(line) == 80


def test_long_words_and_urls_are_not_broken(tmp_path: Path) -> None:
    word = "x" * 200
    source = tmp_path / "r.yaml"
    source.write_text(
        f"name: N\nsections:\n  - title: T\n    type: text\n    entries:\n"
        f"      - 'see https://example.org/{word} and {word} end'\n"
        "settings:\n  text_width: 40\n",
        encoding="utf-8",
    )
    text = TextExporter().render(load_resume(source))
    assert f"https://example.org/{word}" in text.splitlines()
    assert word in text.splitlines()
    assert "end" in text
