"""The plain-text export: every fact, no markup, wrapped without breaking words."""

from __future__ import annotations

from pathlib import Path

from resumeout.exporters.text import TextExporter
from resumeout.exporters.text_wrap import display_width
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


def test_one_blank_line_between_sections_and_none_stray(seed: Resume) -> None:
    lines = TextExporter().render(seed).splitlines()
    titles = [i for i, line in enumerate(lines) if set(line) == {"-"} and i > 0]
    assert len(titles) == 5
    for underline in titles:  # a blank line, the title, its underline
        assert lines[underline - 2] == "" and lines[underline - 3] != ""
    assert "\n\n\n" not in "\n".join(lines)
    assert lines[-2:] == ["", "Last updated Mar 16, 2026"]
    # An entry without dates has no empty line where they would be.
    modal = lines.index("ModalGlue: Distributed Multimodal Training Must Be Multimodality-Aware")
    assert lines[modal + 1].startswith("  Insu Jang")
    assert lines[lines.index("Skills") + 2 :] == [
        "Languages: Native in Mandarin; Fluent in English",
        "",
        "Last updated Mar 16, 2026",
    ]


CJK_BULLETS = """\
name: 이서연
sections:
  - title: 경력
    type: experience
    entries:
      - title: 소프트웨어 엔지니어
        highlights:
          - 대규모 분산 시스템의 성능을 개선하고 운영 비용을 줄였으며 배포를 자동화했습니다
          - 面向大规模语言模型的推理服务系统设计与实现，显著降低了延迟并提高了吞吐量和资源利用率
          - 大規模言語モデルの推論サービスを設計し、レイテンシを大幅に削減しました。
settings:
  text_width: 40
"""


def test_cjk_is_wrapped_by_display_width(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(CJK_BULLETS, encoding="utf-8")
    lines = TextExporter().render(load_resume(source)).splitlines()
    bullets = [line.removeprefix("  • ").strip() for line in lines[5:]]
    assert max(display_width(line) for line in lines) == 40  # filled, never over
    # Korean wraps at its spaces; Chinese and Japanese between characters, but no line
    # starts with a closing mark; nothing is lost or reordered.
    korean = CJK_BULLETS.split("          - ")[1].split()
    assert [word for line in bullets[:3] for word in line.split()] == korean
    assert bullets[4].startswith("与实现，") and bullets[7].startswith("し、")
    written = [line.split("- ", 1)[1] for line in CJK_BULLETS.splitlines() if "        - " in line]
    assert "".join("".join(bullets).split()) == "".join("".join(written).split())
