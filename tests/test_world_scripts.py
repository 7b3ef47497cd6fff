"""Résumés in eight of the world's scripts, exported to every format with the fonts of
this machine, and their PDFs read back by four independent readers.

What each reader does with right-to-left text (Arabic, Hebrew), asserted below:

- pypdf reads every line in the order typed, words of both directions and digits
  alike, punctuation after a right-to-left run in another style too (``בכיר, חברת``),
  with one space where one was typed, and keeps an entry's heading and dates on one
  line.
- pdfminer.six does the same: where a line changes direction, the space typed there is
  stretched across the jump in the writing order, so no line is cut into boxes.
- PyMuPDF reads every line in the order typed, and an entry's heading with its dates on
  one line (see test_pdf_right_to_left_lines.py); a Latin word glued to a Hebrew
  prefix (``ב-Python``) it reads on a line of its own.
- pdftotext runs its own bidi over what it sees: lines read in the order typed, except
  punctuation next to a right-to-left word (``תל אביב, ישראל`` reads ``אביב ,ישראל``)
  and left-to-right words inside a right-to-left line; dates without letters stay on
  their heading's line.
- pdfplumber (not read here) puts characters in the order of their positions, left to
  right, so reads every right-to-left word reversed, whatever the order written.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from pdfminer.high_level import extract_pages
from pdfminer.high_level import extract_text as pdfminer_text
from pdfminer.layout import LTChar, LTTextLine
from pypdf import PdfReader

from resumeout.errors import UncoveredCharactersError
from resumeout.exporters.fontfiles import FontNotFoundError
from resumeout.exporters.pdf import PdfExporter
from resumeout.exporters.pdf.look import Look
from resumeout.exporters.pdf.scripts.breaking import break_opportunities
from resumeout.source.validation import load_resume
from tests.conftest import ROOT, export_or_skip, run_cli
from tests.factories import UNDRAWABLE
from tests.readers import read_back

WORLD = ROOT / "tests" / "data" / "world"
SCRIPTS = sorted(path.stem for path in WORLD.glob("*.yaml"))
RIGHT_TO_LEFT = {"arabic", "hebrew"}
"""Lam followed by an alef: one ligature glyph in many Arabic fonts."""
LEFT_TO_RIGHT = [script for script in SCRIPTS if script not in RIGHT_TO_LEFT]
READERS = ("pypdf", "pdfminer", "pdftotext", "pymupdf")
FORMATS = {"md": ".md", "txt": ".txt", "pdf": ".pdf", "docx": ".docx"}

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RTL_LETTER = re.compile("[\u0590-\u08ff]")
PUNCTUATION = re.compile(r"[,،.·:;()\-–—]")


def test_there_is_a_résumé_for_each_script() -> None:
    assert SCRIPTS == [
        "arabic",
        "chinese",
        "greek_cyrillic",
        "hebrew",
        "hindi",
        "japanese_korean",
        "thai",
        "vietnamese",
    ]


@cache
def _exported(script: str, folder: Path) -> dict[str, bytes]:
    """The four documents of the script's résumé, exported by the command line."""
    out = folder / script
    result = run_cli("export", str(WORLD / f"{script}.yaml"), "-o", str(out), "-q")
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip(f"this machine has no font for {script}: {result.stderr.splitlines()[0]}")
    assert result.returncode == 0, result.stderr
    documents = {}
    for name, suffix in FORMATS.items():
        (path,) = out.glob(f"*{suffix}")
        documents[name] = path.read_bytes()
    return documents


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("world")
    return lambda script: _exported(script, folder)


def _source(script: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORLD / f"{script}.yaml").read_text("utf-8"))
    return data


def _fields(script: str) -> list[str]:
    """Every text of the résumé that the documents show as typed."""
    data = _source(script)
    fields = [data["name"], data["headline"], data["location"], data["email"]]
    for section in data["sections"]:
        fields.append(section["title"])
        for entry in section["entries"]:
            keys = ("title", "organization", "institution", "degree", "area")
            fields += [entry[key] for key in keys if key in entry]
            fields += entry.get("highlights", [])
    return fields


def _dated(script: str) -> list[tuple[str, str]]:
    """Each entry's title (or school) and its dates as the PDF writes them."""
    data = _source(script)
    present = data["settings"]["dates"]["present"]
    found = []
    for section in data["sections"]:
        for entry in section["entries"]:
            end = present if entry["end"] == "present" else str(entry["end"])
            heading = entry.get("title") or entry["institution"]
            found.append((heading, f"{entry['start']} – {end}"))
    return found


def _read(reader: str, data: bytes, tmp_path: Path) -> str:
    match reader:
        case "pypdf":
            text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        case "pdfminer":
            text = pdfminer_text(io.BytesIO(data))
        case "pdftotext":
            if shutil.which("pdftotext") is None:
                pytest.skip("pdftotext (poppler-utils) is not installed")
            path = tmp_path / "read.pdf"
            path.write_bytes(data)
            command = ["pdftotext", str(path), "-"]
            text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        case "pymupdf":
            pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
            document = pymupdf.open(stream=data, filetype="pdf")
            text = "\n".join(str(page.get_text()) for page in document)
        case _:
            raise AssertionError(reader)
    return BIDI_MARKS.sub("", str(text))


def _apart(script: str, text: str) -> list[tuple[str, str]]:
    """The entries whose heading and dates ``text`` does not read on one line."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [
        (heading, dates)
        for heading, dates in _dated(script)
        if not any(heading in line and dates in line for line in lines)
    ]


def _in_order(field: str, text: str) -> bool:
    """``field`` read as typed: with whitespace collapsed, or, where a line wraps inside
    a word (Chinese, Thai), with the line break taken out."""
    wanted = " ".join(field.split())
    unwrapped = re.sub(r"\s*\n\s*", "", text)
    return wanted in " ".join(text.split()) or wanted in " ".join(unwrapped.split())


def _mixes(field: str) -> bool:
    """Right-to-left letters with Latin letters, digits or punctuation in one text."""
    return bool(RTL_LETTER.search(field)) and bool(re.search(r"[A-Za-z0-9]", field))


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_format_is_written_in_the_order_typed(
    script: str, exported: Any, tmp_path: Path
) -> None:
    documents = exported(script)
    for name in ("md", "txt", "docx"):
        text = read_back(name, documents[name])
        missing = [field for field in _fields(script) if not _in_order(field, text)]
        assert not missing, (name, missing)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("script", LEFT_TO_RIGHT)
def test_every_reader_reads_every_word_in_order(
    script: str, reader: str, exported: Any, tmp_path: Path
) -> None:
    text = _read(reader, exported(script)["pdf"], tmp_path)
    assert [field for field in _fields(script) if not _in_order(field, text)] == []


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("script", LEFT_TO_RIGHT)
def test_each_heading_and_its_dates_are_read_on_one_line(
    script: str, reader: str, exported: Any, tmp_path: Path
) -> None:
    text = _read(reader, exported(script)["pdf"], tmp_path)
    assert _apart(script, text) == []


@pytest.mark.parametrize("reader", [*READERS, "pdfplumber"])
@pytest.mark.parametrize("script", LEFT_TO_RIGHT)
def test_in_the_serif_theme_each_heading_and_its_dates_are_read_on_one_line(
    script: str, reader: str, tmp_path: Path
) -> None:
    """The academic theme's serif fallbacks (Noto Serif Devanagari and Thai) declare
    descents more than twice the document font's; pdfplumber put a Hindi heading a line
    apart from its dates when the PDF said so of the glyphs it draws."""
    out = tmp_path / "out"
    result = run_cli(
        "export",
        str(WORLD / f"{script}.yaml"),
        "-f",
        "pdf",
        "--theme",
        "academic",
        "-o",
        str(out),
        "-q",
    )
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip(f"this machine has no font for {script}: {result.stderr.splitlines()[0]}")
    assert result.returncode == 0, result.stderr
    (pdf,) = out.glob("*.pdf")
    if reader == "pdfplumber":
        pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber is not installed")
        with pdfplumber.open(pdf) as document:
            text = "\n".join(page.extract_text() or "" for page in document.pages)
    else:
        text = _read(reader, pdf.read_bytes(), tmp_path)
    assert _apart(script, text) == []


def test_pdfplumber_reads_a_large_thai_heading_with_its_dates(tmp_path: Path) -> None:
    """Thai glyphs sit on the baseline: a Descent of their own depth (0) would put a
    Thai heading's boxes 0.25 em above its dates' (English, with no locale: in the
    document's Latin font), a line apart for pdfplumber from 12 points on."""
    pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber is not installed")
    source = (
        "name: สมชาย ใจดี\ndesign: {font_size: 13}\nsections:\n"
        "  - title: ประสบการณ์\n    type: experience\n    entries:\n"
        "      - {title: วิศวกร, organization: บริษัท, start: 2019-01, end: 2021-02}\n"
    )
    path = export_or_skip(tmp_path, source, "pdf")
    with pdfplumber.open(path) as document:
        lines = (document.pages[0].extract_text() or "").splitlines()
    assert [line for line in lines if "วิศวกร" in line and "2019" in line], lines


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_right_to_left_text_is_read_in_the_order_typed(
    script: str, reader: str, exported: Any, tmp_path: Path
) -> None:
    text = _read(reader, exported(script)["pdf"], tmp_path)
    # pdftotext may glue a Latin word to the right-to-left word after it ("Pythonو").
    words = {PUNCTUATION.sub("", word) for field in _fields(script) for word in field.split()}
    unread = sorted(word for word in words if word not in PUNCTUATION.sub("", text))
    assert unread == []
    # What each reader gets right (see the module's docstring).
    fields = _fields(script)
    if reader == "pdftotext":
        fields = [field for field in fields if not _mixes(field) and not PUNCTUATION.search(field)]
    assert [field for field in fields if not _in_order(field, text)] == []


@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_pypdf_reads_right_to_left_lines_as_typed_with_headings_beside_their_dates(
    script: str, exported: Any, tmp_path: Path
) -> None:
    text = _read("pypdf", exported(script)["pdf"], tmp_path)
    assert any(_mixes(field) for field in _fields(script))  # a mixed line is among them
    unread = [field for field in _fields(script) if not _in_order(field, text)]
    assert unread == []
    assert _apart(script, text) == []


@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_pdfminer_reads_mixed_lines_as_typed_with_headings_beside_their_dates(
    script: str, exported: Any, tmp_path: Path
) -> None:
    text = _read("pdfminer", exported(script)["pdf"], tmp_path)
    mixed = [field for field in _fields(script) if _mixes(field)]
    assert mixed  # Latin words and digits inside right-to-left lines
    lines = [" ".join(line.split()) for line in text.splitlines()]
    cut = [field for field in mixed if not any(" ".join(field.split()) in line for line in lines)]
    assert cut == []
    assert _apart(script, text) == []


@pytest.mark.parametrize("reader", ["pypdf", "pdfminer"])
@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_one_space_is_read_where_a_line_changes_direction(
    script: str, reader: str, exported: Any, tmp_path: Path
) -> None:
    text = _read(reader, exported(script)["pdf"], tmp_path)
    # Beside a Latin word or a number (Python  و, 2021  – حتى, as pypdf read them once)
    beside = re.compile(r"[A-Za-z0-9] {2,}\S|\S {2,}[A-Za-z0-9]")
    assert [line for line in text.splitlines() if beside.search(line.strip())] == []


@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_pypdf_reads_no_space_before_the_comma_after_a_bold_title(
    script: str, exported: Any, tmp_path: Path
) -> None:
    text = " ".join(_read("pypdf", exported(script)["pdf"], tmp_path).split())
    entries = [e for s in _source(script)["sections"] for e in s["entries"] if "title" in e]
    comma = "،" if script == "arabic" else ","
    titled = [f"{e['title']}, {e['organization']}" for e in entries]
    missing = [t for t in titled if t not in text and t.replace(",", comma) not in text]
    assert titled and missing == []


@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_pdftotext_keeps_dates_without_letters_on_their_headings_line(
    script: str, exported: Any, tmp_path: Path
) -> None:
    lines = _read("pdftotext", exported(script)["pdf"], tmp_path).splitlines()
    numeric = [(h, d) for h, d in _dated(script) if not re.search(r"[^\d\s–-]", d)]
    assert numeric
    for heading, dates in numeric:
        assert any(heading in line and dates in line for line in lines), heading


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("script", SCRIPTS)
def test_no_null_replacement_private_use_or_presentation_forms(
    script: str, reader: str, exported: Any, tmp_path: Path
) -> None:
    text = _read(reader, exported(script)["pdf"], tmp_path)
    odd = [
        char
        for char in text
        if char in "\x00\ufffd"
        or unicodedata.category(char) == "Co"
        or 0xFB50 <= ord(char) <= 0xFDFF
        or 0xFE70 <= ord(char) <= 0xFEFF
    ]
    assert odd == []
    assert "(cid:" not in text


def _chars(data: bytes) -> list[list[LTChar]]:
    """The characters of each line pdfminer finds on the first page."""
    lines: list[list[LTChar]] = []

    def walk(item: Any) -> None:
        if isinstance(item, LTTextLine):
            lines.append([char for char in item if isinstance(char, LTChar)])
            return
        for child in getattr(item, "_objs", []):
            walk(child)

    walk(next(iter(extract_pages(io.BytesIO(data)))))
    return lines


@pytest.mark.parametrize("script", sorted(RIGHT_TO_LEFT))
def test_right_to_left_pages_are_mirrored(script: str, exported: Any) -> None:
    data = exported(script)["pdf"]
    box = Look.of(load_resume(WORLD / f"{script}.yaml").design).text_box
    right = box.left + box.width
    lines = _chars(data)

    def lines_with(text: str) -> list[list[LTChar]]:
        return [line for line in lines if text in "".join(c.get_text() for c in line)]

    for heading, _ in _dated(script):
        line = max(lines_with(heading), key=lambda line: max(char.x1 for char in line))
        assert abs(max(char.x1 for char in line) - right) < 1.0  # the heading flush right
        middle = (line[0].y0 + line[0].y1) / 2
        baseline = [char for row in lines for char in row if char.y0 < middle < char.y1]
        assert abs(min(char.x0 for char in baseline) - box.left) < 1.0  # its dates at the left
    highlight = _source(script)["sections"][0]["entries"][0]["highlights"][0]
    (bullet_line,) = lines_with(highlight.split()[0])
    bullet = next(char for char in bullet_line if char.get_text() == "•")
    assert bullet.x0 > max(char.x1 for char in bullet_line if char is not bullet) - 0.5


def _text_outside_marked_content(content: str) -> int:
    depth, outside = 0, 0
    for token in re.findall(r"\bBDC\b|\bBMC\b|\bEMC\b|\bTj\b|\bTJ\b|\bBT\b|\bET\b", content):
        if token in ("BDC", "BMC"):
            depth += 1
        elif token == "EMC":
            depth -= 1
        elif token in ("Tj", "TJ") and depth == 0:
            outside += 1
    return outside


@pytest.mark.parametrize("script", ["arabic", "hindi", "thai", "chinese"])
def test_shaped_text_is_tagged_in_one_text_object_per_line(script: str, exported: Any) -> None:
    data = exported(script)["pdf"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        content = pdf.pages[0].obj.Contents.read_bytes().decode("latin-1")
    assert "/FS1" in content  # drawn through the scripts toolkit
    assert _text_outside_marked_content(content) == 0
    # BT and ET alternate: a shaped run never opens a text object inside another.
    markers = re.findall(r"\b(BT|ET)\b", content)
    assert markers == ["BT", "ET"] * (len(markers) // 2)


@pytest.mark.parametrize("script", ["arabic", "thai"])
def test_the_pdfua_checker_finds_nothing(script: str, exported: Any, tmp_path: Path) -> None:
    pdfua = pytest.importorskip("pdfua")
    path = tmp_path / "tagged.pdf"
    path.write_bytes(exported(script)["pdf"])
    report = pdfua.validate(str(path))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


def test_chinese_wraps_between_characters_never_before_a_closing_mark(
    exported: Any, tmp_path: Path
) -> None:
    text = _read("pdftotext", exported("chinese")["pdf"], tmp_path)
    highlight = _source("chinese")["sections"][0]["entries"][0]["highlights"][0]
    lines = [line.strip() for line in text.splitlines()]
    start = next(index for index, line in enumerate(lines) if line.startswith("• 带领"))
    first, second = lines[start], lines[start + 1]
    assert first.removeprefix("• ") + second == highlight  # cut with no space added
    assert second[0] not in "，。、"


def test_thai_wraps_between_words(exported: Any, tmp_path: Path) -> None:
    text = _read("pdftotext", exported("thai")["pdf"], tmp_path)
    highlight = _source("thai")["sections"][0]["entries"][0]["highlights"][0]
    lines = [line.strip() for line in text.splitlines()]
    start = next(index for index, line in enumerate(lines) if line.startswith("• นำทีม"))
    first = lines[start].removeprefix("• ")
    assert highlight.startswith(first) and first != highlight
    assert first + lines[start + 1] == highlight[: len(first) + len(lines[start + 1])]
    assert len(first) in break_opportunities(highlight, "th")


def test_rebuilds_are_byte_identical() -> None:
    resume = load_resume(WORLD / "arabic.yaml")
    try:
        first = PdfExporter(WORLD).render(resume)
    except (UncoveredCharactersError, FontNotFoundError) as error:  # no Arabic font on this machine
        pytest.skip(str(error))
    assert PdfExporter(WORLD).render(resume) == first


def test_a_character_no_font_has_is_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(UNDRAWABLE, encoding="utf-8")
    result = run_cli("export", str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 3
    assert f"{source}:6:27: sections[0].entries[0].title: no font has a glyph for " in result.stderr
    assert "(U+0378)" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))
    assert list((tmp_path / "out").glob("*.txt"))  # the other formats are written


def test_allow_missing_glyphs_warns_and_draws_nothing_there(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(UNDRAWABLE, encoding="utf-8")
    result = run_cli("export", str(source), "-f", "pdf", "--allow-missing-glyphs")
    assert result.returncode == 0, result.stderr
    assert f"{source}:6:27: warning: sections[0].entries[0].title: no font has" in result.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    for reader in ("pypdf", "pdfminer", "pdftotext"):
        text = _read(reader, pdf.read_bytes(), tmp_path)
        assert "Engineer abc" in " ".join(text.split())
        assert not [char for char in text if char in "\x00\ufffd\u0378"]
    strict = run_cli("export", str(source), "-f", "pdf", "--allow-missing-glyphs", "--strict")
    assert strict.returncode == 1


LEFT_TO_RIGHT_WITH_HEBREW = """\
name: Dana Levi
headline: Engineer at חברת נתונים since 2020
sections:
  - title: Experience
    type: experience
    entries:
      - title: Engineer
        organization: Acme
        location: תל אביב
        start: 2020-01
        end: present
        highlights:
          - Joined חברת נתונים in 2020 as a lead
          - Built the קליטה pipeline for 30 clients
"""


@pytest.fixture(scope="module")
def hebrew_in_english(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An English résumé with Hebrew words inside its lines, at their end, and after a date."""
    folder = tmp_path_factory.mktemp("hebrew-in-english")
    return export_or_skip(folder, LEFT_TO_RIGHT_WITH_HEBREW, "pdf").read_bytes()


def test_pdfminer_keeps_right_to_left_words_on_a_left_to_right_line(
    hebrew_in_english: bytes, tmp_path: Path
) -> None:
    # The space before the Hebrew words is stretched to where their writing starts (their
    # right end); the one after them is not stretched back over them (see below), so the
    # line is cut after them: what follows is read, on a line of its own.
    text = _read("pdfminer", hebrew_in_english, tmp_path)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for read in ("Engineer at חברת נתונים", "• Joined חברת נתונים", "• Built the קליטה"):
        assert read in lines
    assert "Engineer, Acme — Jan 2020 – Present, תל אביב" in lines
    for rest in ("since 2020", "in 2020 as a lead", "pipeline for 30 clients"):
        assert rest in lines


def test_pymupdf_reads_right_to_left_words_on_a_left_to_right_line_as_typed(
    hebrew_in_english: bytes, tmp_path: Path
) -> None:
    # A space stretched back over the Hebrew words just written made PyMuPDF read them
    # in reverse ("םינותנ תרבח").
    text = " ".join(_read("pymupdf", hebrew_in_english, tmp_path).split())
    for typed in ("Engineer at חברת נתונים since 2020", "Joined חברת נתונים in 2020 as a lead"):
        assert typed in text


def test_a_link_across_a_change_of_direction_covers_its_spaces(tmp_path: Path) -> None:
    # The spaces at each end of a piece are drawn apart (stretched where the writing
    # jumps); the link's area still covers where each of them stands, with no gap.
    source = 'name: ليلى حسن\nheadline: "مهندسة في [Python و Rust](https://x.org) منذ 2020"\n'
    path = export_or_skip(tmp_path, source, "pdf")
    annotations = [a.get_object() for a in PdfReader(path).pages[0].get("/Annots", [])]
    spans = sorted((float(a["/Rect"][0]), float(a["/Rect"][2])) for a in annotations)
    assert len(spans) >= 3  # Python, و and Rust at least
    gaps = [(end, start) for (_, end), (start, _) in pairwise(spans) if start > end + 0.01]
    assert gaps == []


def test_a_left_to_right_heading_shows_its_right_to_left_names_in_bidi_order(
    tmp_path: Path,
) -> None:
    # The title's Hebrew name, the comma and the (bold) organization's Arabic name are one
    # right-to-left run across three styled runs: the Hebrew, typed first, stands at its
    # right end, the Arabic at its left. Drawn run after run, they stood the other way.
    source = (
        "name: Dana Levi\nsections:\n  - title: Experience\n    type: experience\n"
        "    entries:\n      - title: Senior Engineer at חברת נתונים\n"
        "        organization: شركة البيانات Ltd\n        start: 2020-01\n        end: present\n"
    )
    path = export_or_skip(tmp_path, source, "pdf")
    chars = [char for line in _chars(path.read_bytes()) for char in line]
    first = {char.get_text(): char.x0 for char in reversed(chars)}
    assert first["ش"] < first["ח"] and first["r"] < first["ش"] < first["L"]


HEBREW_WITH_LATIN_AT_THE_WRAP = """\
name: דניאל לוי
locale: {language: he}
sections:
  - title: ניסיון
    type: experience
    entries:
      - title: מהנדס תוכנה בכיר
        organization: Check Point
        start: 2019-03
        end: present
        highlights:
          - >-
            פיתחתי מערכת לזיהוי איומים בזמן אמת המבוססת על למידת מכונה ועיבוד נתונים
            בהיקף גדול, תוך שימוש ב-state-of-the-art
"""


@pytest.mark.parametrize("reader", ["pdfminer", "pypdf"])
def test_a_right_to_left_line_breaks_at_spaces_not_inside_a_latin_word(
    reader: str, tmp_path: Path
) -> None:
    # Line breaking by UAX #14 (ICU) also allows a break after a hyphen or a slash:
    # "state-of-" ended one line and "the-art" began the next, in a Hebrew bullet that
    # an English one would have broken at its last space.
    path = export_or_skip(tmp_path, HEBREW_WITH_LATIN_AT_THE_WRAP, "pdf")
    lines = [
        " ".join(line.split()) for line in _read(reader, path.read_bytes(), tmp_path).splitlines()
    ]
    assert any("state-of-the-art" in line for line in lines)


def test_an_arabic_name_with_a_deep_tail_moves_the_headline_down(tmp_path: Path) -> None:
    # The tail and dots of the final ي in "سارة المنصوري" reach below the Latin font's
    # descender: they touched the headline's letters. The headline now moves down by
    # that much; a name without such a tail keeps the usual distance.
    headline = "headline: مهندسة بيانات أولى ومديرة فريق المنصات السحابية في الشرق الأوسط\n"

    def distance(name: str, folder: Path) -> float:
        folder.mkdir()
        path = export_or_skip(folder, f"name: {name}\n{headline}locale: {{language: ar}}\n", "pdf")
        chars = [char for line in _chars(path.read_bytes()) for char in line]
        # Baselines: each glyph's origin (a box's bottom hangs from the font's Descent,
        # which each export's font subset declares for the glyphs it holds).
        name_baseline = max(char.matrix[5] for char in chars if char.get_text() in name)
        # ط is in the headline's last word only
        return name_baseline - min(char.matrix[5] for char in chars if char.get_text() == "ط")

    deep = distance("سارة المنصوري", tmp_path / "deep")
    shallow = distance("محمد أحمد", tmp_path / "shallow")
    assert deep > shallow + 3
