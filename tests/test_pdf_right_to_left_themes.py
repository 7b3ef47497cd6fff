"""Right-to-left résumés in the themes whose layout is not symmetric: the ``modern``
theme's date column, at the left of a left-to-right page, is at the right of a
right-to-left one, the mirror image. Exported by the command line and read back:
positions from pdfminer.six's character boxes, text from four readers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextLine

from resumeout.exporters.pdf.document import date_column
from resumeout.exporters.pdf.look import Look
from resumeout.exporters.pdf.writing_direction import mirrored
from resumeout.source.loading import read_source
from resumeout.source.validation import validate
from tests.conftest import ROOT, export_or_skip, run_cli
from tests.pdf_pages import text_lines
from tests.pdf_readers import PDF_READERS
from tests.test_world_scripts import (
    PUNCTUATION,
    READERS,
    WORLD,
    _dated,
    _fields,
    _in_order,
    _mixes,
    _read,
    _source,
)

THEME = "modern"
SEED_IN_ARABIC = "seed in Arabic"


@dataclass(frozen=True)
class Exported:
    source: Path
    pdf: bytes

    @property
    def look(self) -> Look:
        """The design's look, with the date column as wide as the document's dates make it."""
        resume = validate(read_source(self.source), theme=THEME)
        column = date_column(resume, self.source.parent)
        return replace(Look.of(resume.design), date_column=column.width)


@cache
def _exported(name: str, folder: Path) -> Exported:
    if name == SEED_IN_ARABIC:
        source = folder / "seed-ar.yaml"
        seed = (ROOT / "resume.yaml").read_text("utf-8")
        source.write_text(seed + "\nlocale: {language: ar}\n", "utf-8")
    else:
        source = WORLD / f"{name}.yaml"
    out = folder / f"{name}.pdf"
    result = run_cli("export", str(source), "--theme", THEME, "-f", "pdf", "-o", str(out), "-q")
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip(f"this machine has no font for {name}: {result.stderr.splitlines()[0]}")
    assert result.returncode == 0, result.stderr
    return Exported(source, out.read_bytes())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("right-to-left-themes")
    return lambda name: _exported(name, folder)


def _digits(text: str) -> list[str]:
    return sorted(re.findall(r"\d", text))


def _headings_and_dates(name: str) -> list[tuple[str, str]]:
    """Headings, each with the digits of what its first row shows in the date column."""
    if name == SEED_IN_ARABIC:
        # Arabic months are longer: the column widens, each date whole on its row.
        return [
            ("University of Michigan", "2024"),
            ("Huazhong University of Science and Technology", "2020 2024"),
            ("TetriServe: Efficiently Serving Mixed DiT Workloads", "ASPLOS 2026"),
            ("LLVM: Optimize GPU Compiler Backend", "2023 2023"),
        ]
    return _dated(name)


def _walk(item: Any) -> Iterator[Any]:
    yield item
    for child in getattr(item, "_objs", []):
        yield from _walk(child)


def _first_page(data: bytes) -> tuple[list[LTChar], list[LTTextLine]]:
    page = next(iter(extract_pages(io.BytesIO(data))))
    items = list(_walk(page))
    chars = [item for item in items if isinstance(item, LTChar)]
    return chars, [item for item in items if isinstance(item, LTTextLine)]


def _row(chars: list[LTChar], of: LTChar) -> list[LTChar]:
    """The visible characters on ``of``'s line, wherever they are across the page."""
    middle = (of.y0 + of.y1) / 2
    return [c for c in chars if c.y0 < middle < c.y1 and not c.get_text().isspace()]


NAMES = ["arabic", "hebrew", SEED_IN_ARABIC]


@pytest.mark.parametrize("name", NAMES)
def test_modern_mirrored_has_the_date_column_at_the_right_and_the_entries_against_it(
    name: str, exported: Any
) -> None:
    document = exported(name)
    look = document.look
    assert look.dates == "left_column"  # the theme this is about
    right = look.text_box.left + look.text_box.width
    edge = right - look.date_column  # where the entries end, and the column begins
    chars, lines = _first_page(document.pdf)
    for heading, dates in _headings_and_dates(name):
        whole = re.compile(re.escape(heading) + r"\s*([,،]|$)")  # not a longer heading
        (line, *_) = [line for line in lines if whole.search(line.get_text().strip())]
        row = _row(chars, next(c for c in line if isinstance(c, LTChar)))
        in_column = [c for c in row if c.x0 >= edge - 0.01]
        beside = [c for c in row if c.x0 < edge - 0.01]
        # The dates' characters, and nothing else, lie in the column at the right...
        assert _digits("".join(c.get_text() for c in in_column)) == _digits(dates), heading
        assert max(c.x1 for c in in_column) < right + 0.5, heading
        # ...flush against the heading, which ends where the column begins.
        assert abs(min(c.x0 for c in in_column) - (edge + look.date_gap)) < 1.0, heading
        assert abs(max(c.x1 for c in beside) - edge) < 1.0, heading
    # The bullets hang from the same edge, their lines right-aligned a little inside it.
    bullets = [c for c in chars if c.get_text() == mirrored(look).bullet.strip()]
    if name != SEED_IN_ARABIC:
        sections = _source(name)["sections"]
        assert len(bullets) == sum(
            len(e.get("highlights", [])) for s in sections for e in s["entries"]
        )
    for bullet in bullets:
        text = [c for c in _row(chars, bullet) if c is not bullet]
        assert abs(bullet.x1 - (edge - look.bullet_indent)) < 1.0
        assert abs(max(c.x1 for c in text) - (edge - look.bullet_text_indent)) < 1.0
        assert min(c.x0 for c in text) > look.text_box.left - 0.5


@pytest.mark.parametrize("name", ["arabic", "hebrew"])
def test_modern_is_read_field_by_field_with_the_dates_as_typed_and_tagged(
    name: str, exported: Any, tmp_path: Path
) -> None:
    """Every reader reads what it reads in the other themes (see ``test_world_scripts``),
    and the dates as typed: those without letters in every reader, those with letters in
    the readers that follow the content stream; pypdf reads each heading's row, dates
    then heading, on one line. The PDF/UA checker finds nothing to report."""
    data = exported(name).pdf
    dated = _dated(name)
    words = {PUNCTUATION.sub("", word) for field in _fields(name) for word in field.split()}
    unread: dict[str, list[str]] = {}
    for reader in READERS:
        text = _read(reader, data, tmp_path)
        missing = sorted(word for word in words if word not in PUNCTUATION.sub("", text))
        wanted = _fields(name)
        if reader == "pdfminer":
            wanted = [field for field in wanted if not _mixes(field)]
        elif reader == "pdftotext":
            wanted = [f for f in wanted if not _mixes(f) and not PUNCTUATION.search(f)]
        follows_stream = reader in ("pypdf", "pymupdf")
        wanted += [d for _, d in dated if follows_stream or not re.search(r"[^\d\s–-]", d)]
        missing += [field for field in wanted if not _in_order(field, text)]
        if reader == "pypdf":
            lines = [" ".join(line.split()) for line in text.splitlines()]
            rows = [f"{dates} {heading}" for heading, dates in dated]
            missing += [row for row in rows if not any(row in line for line in lines)]
        if missing:
            unread[reader] = missing
    assert unread == {}
    pdfua = pytest.importorskip("pdfua")
    path = tmp_path / "tagged.pdf"
    path.write_bytes(data)
    assert [
        (finding.rule_id, finding.message) for finding in pdfua.validate(str(path)).findings
    ] == []


@pytest.mark.parametrize("name", ["arabic", "hebrew"])
def test_a_pointing_bullet_points_into_right_to_left_text(name: str, exported: Any) -> None:
    # modern's bullet is "›": at the right of a right-to-left line it points left, "‹".
    lines = [line.get_text().strip() for line in text_lines(exported(name).pdf)]
    bulleted = [line for line in lines if line[:1] in "‹›" or line[-1:] in "‹›"]
    assert bulleted and all("›" not in line for line in bulleted), bulleted


@pytest.mark.parametrize("theme", ["classic", "academic", "compact", "modern", "minimal"])
@pytest.mark.parametrize(("name", "title"), [("arabic", "الخبرة"), ("hebrew", "ניסיון")])
def test_pdftotext_reads_the_contacts_before_the_first_section_title(
    name: str, title: str, theme: str, tmp_path: Path
) -> None:
    """The title at the right margin, the contacts centred: the tall boxes pdftotext
    gives Arabic and Hebrew words once overlapped, and it read the title first, filing
    the contacts under it. The title keeps its boxes clear of the line above."""
    source = (WORLD / f"{name}.yaml").read_text("utf-8") + f"\ndesign: {{theme: {theme}}}\n"
    pdf = export_or_skip(tmp_path, source, "pdf")
    lines = [line for line in PDF_READERS["pdftotext"](pdf).splitlines() if line.strip()]
    contacts = next(i for i, line in enumerate(lines) if "example.org" in line)
    first_title = next(i for i, line in enumerate(lines) if line.strip("\u202b\u202c ") == title)
    assert contacts < first_title, lines[: first_title + 2]
