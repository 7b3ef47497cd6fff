"""The PDF follows each choice of the layout description, read back with pdfminer.six:
where the header, dates, rules and bullets are, what the text layer reads for capital
titles, which fonts, faces and colours each part is set in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTTextContainer, LTTextLine

from resumeout.exporters.fontfiles import from_fontconfig
from resumeout.exporters.pdf.document import build_pdf
from resumeout.exporters.pdf.look import Look
from resumeout.source.validation import load_resume

RESUME = """\
name: Ann Lee
headline: Engineer of things
email: ann@example.org
website: https://ann.example.org
sections:
  - title: Experience
    type: experience
    entries:
      - title: Engineer
        organization: Acme
        start: 2017-01
        end: 2018-12
        summary: Built `make` rules.
        highlights: [Shipped it]
  - title: Skills
    type: lines
    entries:
      - label: Languages
        details: English
last_updated: 2024-05-01
"""


class Page:
    """One exported page: its text lines, characters and stroked rules."""

    def __init__(self, tmp_path: Path, design: str, warnings: list[str] | None = None) -> None:
        source = tmp_path / "resume.yaml"
        source.write_text(RESUME + f"design: {design}\n", encoding="utf-8")
        resume = load_resume(source)
        self.look = Look.of(resume.design)
        self.pdf = build_pdf(resume, tmp_path, [] if warnings is None else warnings)
        self.lines: list[LTTextLine] = []
        self.rules: list[LTCurve] = []
        for page in extract_pages(io.BytesIO(self.pdf)):
            for element in page:
                self._collect(element)

    def _collect(self, item: object) -> None:
        if isinstance(item, LTTextLine):
            self.lines.append(item)
        elif isinstance(item, LTTextContainer):
            for child in item:
                self._collect(child)
        elif isinstance(item, LTCurve):
            self.rules.append(item)

    def line(self, text: str) -> LTTextLine:
        found = [line for line in self.lines if text in " ".join(line.get_text().split())]
        assert found, f"{text!r} not in {[line.get_text() for line in self.lines]}"
        return found[0]

    def chars(self, text: str) -> list[LTChar]:
        line = self.line(text)
        chars = [char for char in line if isinstance(char, LTChar)]
        joined = "".join(char.get_text() for char in chars)
        start = joined.index(text)
        return chars[start : start + len(text)]

    @property
    def left(self) -> float:
        return self.look.text_box.left

    @property
    def right(self) -> float:
        return self.look.text_box.left + self.look.text_box.width


def test_the_header_is_aligned_as_chosen(tmp_path: Path) -> None:
    for alignment, name_at, contacts_at in (
        ("centered", "centre", "centre"),
        ("left", "left", "left"),
        ("split", "left", "right"),
    ):
        page = Page(tmp_path, f"{{header: {{alignment: {alignment}}}}}")

        def at(line: LTTextLine, page: Page = page) -> str:
            # Where its glyphs are: a line may begin with a blank space reaching left.
            glyphs = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
            x0, x1 = min(c.x0 for c in glyphs), max(c.x1 for c in glyphs)
            if abs(x0 - page.left) < 0.5:
                return "left"
            if abs(x1 - page.right) < 0.5:
                return "right"
            assert abs((x0 + x1) / 2 - (page.left + page.right) / 2) < 0.5
            return "centre"

        assert at(page.line("Ann Lee")) == name_at, alignment
        assert at(page.line("Engineer of things")) == name_at, alignment
        assert at(page.line("ann@example.org")) == contacts_at, alignment


def test_the_headline_is_hidden_and_the_separator_chosen(tmp_path: Path) -> None:
    page = Page(tmp_path, "{header: {headline: hidden, contact_separator: '|'}}")
    assert not any("Engineer of things" in line.get_text() for line in page.lines)
    assert "ann@example.org | ann.example.org" in page.line("ann@example.org").get_text()


def test_capital_titles_are_capitals_in_the_text_layer(tmp_path: Path) -> None:
    upper = Page(tmp_path, "{section_titles: {case: upper}}")
    assert upper.line("EXPERIENCE").get_text().strip() == "EXPERIENCE"
    small = Page(tmp_path, "{section_titles: {case: small_caps}}")
    chars = small.chars("EXPERIENCE")
    sizes = [round(char.size, 1) for char in chars]
    assert sizes[0] == pytest.approx(14.0, abs=0.2)  # the E as written, full size
    assert all(size == pytest.approx(14.0 * 0.8, abs=0.2) for size in sizes[1:])  # smaller


def test_the_title_rule_goes_where_chosen(tmp_path: Path) -> None:
    for rule in ("beside", "below", "above", "none"):
        page = Page(tmp_path, f"{{section_titles: {{rule: {rule}, rule_weight: 1.5}}}}")
        title = page.line("Experience")
        rules = [r for r in page.rules if r.y0 < title.y1 + 20 and r.y1 > title.y0 - 20]
        if rule == "none":
            assert rules == []
            continue
        (drawn,) = rules
        assert drawn.linewidth == pytest.approx(1.5)
        match rule:
            case "beside":
                assert drawn.x0 > title.x1 and title.y0 < drawn.y0 < title.y1
            case "below":
                assert drawn.x0 == pytest.approx(page.left) and drawn.y1 < title.y0
            case "above":
                assert drawn.x0 == pytest.approx(page.left) and drawn.y0 > title.y1


def test_dates_on_their_own_line_start_under_the_heading(tmp_path: Path) -> None:
    page = Page(tmp_path, "{entries: {dates: own_line, aside_style: italic, aside_color: muted}}")
    heading, dates = page.line("Engineer, Acme"), page.line("Jan 2017 – Dec 2018")
    assert heading is not dates and dates.y1 <= heading.y0 + 0.5
    assert dates.x0 == pytest.approx(page.left, abs=0.5)
    char = page.chars("Jan")[0]
    assert "It" in char.fontname  # italic
    assert char.graphicstate.ncolor == pytest.approx((0x55 / 255,) * 3, abs=0.01)  # muted


def test_dates_in_a_left_column_read_on_the_headings_line(tmp_path: Path) -> None:
    page = Page(tmp_path, "{entries: {dates: left_column, date_column: 10, date_gap: 1}}")
    line = page.line("Jan 2017 – Dec 2018")
    assert " ".join(line.get_text().split()) == "Jan 2017 – Dec 2018 Engineer, Acme"
    dates, heading = page.chars("Dec 2018"), page.chars("Engineer, Acme")
    column = page.left + 10 * 10
    assert dates[-1].x1 == pytest.approx(column - 10, abs=0.5)  # flush right, a gap apart
    assert heading[0].x0 == pytest.approx(column, abs=0.5)
    assert dates[0].y0 == pytest.approx(heading[0].y0)  # one baseline
    # The entry's lines, bullets and one-line entries start at the column too.
    assert page.line("Built").x0 == pytest.approx(column, abs=0.5)
    assert page.line("Languages").x0 == pytest.approx(column, abs=0.5)
    assert page.chars("Shipped")[0].x0 == pytest.approx(column + 11, abs=0.5)


def test_bullets_titles_and_the_note_as_chosen(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        "{bullets: {glyph: '›', indent: 2, glyph_indent: 0.5}, section_titles: "
        "{weight: regular, color: text}, note: {alignment: left, style: plain}, "
        "header: {name_weight: regular}}",
    )
    glyph = page.chars("›")[0]
    assert glyph.x0 == pytest.approx(page.left + 5, abs=0.5)
    assert page.chars("Shipped")[0].x0 == pytest.approx(page.left + 20, abs=0.5)
    title = page.chars("Experience")[0]
    assert "Semibold" not in title.fontname and title.graphicstate.ncolor == (0, 0, 0)
    assert "Semibold" not in page.chars("Ann")[0].fontname
    note = page.line("Last updated")
    assert note.x0 == pytest.approx(page.left, abs=0.5)
    assert "It" not in page.chars("Last")[0].fontname


def test_headings_and_code_are_set_in_their_own_fonts(tmp_path: Path) -> None:
    if not from_fontconfig("DejaVu Sans Mono"):
        pytest.skip("DejaVu Sans Mono is not installed")
    warnings: list[str] = []
    page = Page(
        tmp_path,
        "{heading_font: Source Serif Pro, mono_font: DejaVu Sans Mono}",
        warnings,
    )
    assert warnings == []
    assert "SourceSerifPro" in page.chars("Ann")[0].fontname  # the name
    assert "SourceSerifPro" in page.chars("Experience")[0].fontname  # a section title
    assert "SourceSansPro" in page.chars("Engineer")[0].fontname  # the body
    assert "DejaVuSansMono" in page.chars("make")[0].fontname  # code


def test_a_missing_mono_font_is_replaced_and_named_only_when_code_needs_it(
    tmp_path: Path,
) -> None:
    warnings: list[str] = []
    Page(tmp_path, "{mono_font: No Such Mono}", warnings)
    assert len(warnings) == 1 and "'No Such Mono'" in warnings[0]
    quiet: list[str] = []
    source = tmp_path / "plain.yaml"
    source.write_text(
        RESUME.replace("`make`", "make") + "design: {mono_font: No Such Mono}\n",
        encoding="utf-8",
    )
    build_pdf(load_resume(source), tmp_path, quiet)
    assert quiet == []
