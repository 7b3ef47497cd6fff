"""Dates in a left column (the modern theme) are never wrapped inside it: the column
widens to the document's widest dates, up to a quarter of the text width, and dates wider
than that go whole on their own line above the heading. Real files, exported through the
command line and read back: every PDF reader reads each date whole, before its heading
(on its line, or on the line above), ``resumeout verify`` agrees, and the DOCX sets the
same column and the same lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from resumeout.source.validation import load_resume
from resumeout.verification.checks import check, normalise
from resumeout.verification.facts import expected_facts
from tests.conftest import ROOT, export_or_skip, run_cli
from tests.pdf_readers import PDF_READERS
from tests.readers import libreoffice_pdf

LONG_MONTHS = (ROOT / "resume.yaml").read_text("utf-8") + (
    "\ndesign: {theme: modern}\nsettings: {dates: {month: long}}\n"
)
FRENCH = """\
name: Camille Dupont
email: camille@example.org
locale: {language: fr}
design: {theme: modern}
sections:
  - title: Expérience
    type: experience
    entries:
      - title: Ingénieure logicielle principale
        organization: Stripe
        location: San Francisco, CA
        start: 2021-09
        end: present
        highlights: ["Conçu le système de paiements en temps réel."]
      - title: Ingénieure logicielle
        organization: Datadog
        location: Paris
        start: 2018-02
        end: 2021-08
        highlights: ["Migré la plateforme de métriques."]
  - title: Formation
    type: education
    entries:
      - institution: École polytechnique
        degree: Diplôme d'ingénieur
        area: Informatique
        start: 2014-09
        end: 2017-06
"""
SOURCES = {"long_months": LONG_MONTHS, "french": FRENCH}
ABOVE = {"long_months": set(), "french": {"sept. 2021 – aujourd’hui, San Francisco, CA"}}
"""The dates each source has on a line of their own, too wide for the column."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for name, text in SOURCES.items():
        folder = tmp_path_factory.mktemp(name)
        (folder / "resume.yaml").write_text(text, "utf-8")
        for suffix in ("pdf", "docx"):
            result = run_cli(
                "export", str(folder / "resume.yaml"), "-o", str(folder / f"cv.{suffix}")
            )
            assert result.returncode == 0, result.stderr
        folders[name] = folder
    return folders


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("name", SOURCES)
def test_every_reader_reads_each_date_whole_before_its_heading(
    name: str, reader: str, exported: dict[str, Path]
) -> None:
    folder = exported[name]
    text = PDF_READERS[reader](folder / "cv.pdf")
    expected = expected_facts(load_resume(folder / "resume.yaml"))
    findings = check(text, expected)
    assert [m.fact.text for m in findings.missing] == []
    assert [d.entry.heading.text for d in findings.dates_apart] == []
    assert findings.dates_above_headings == len(ABOVE[name])
    lines = [normalise(line) for line in text.splitlines() if line.strip()]
    for dated in expected.dated_headings:
        aside, heading = normalise(dated.aside.text), normalise(dated.heading.text)
        if aside in ABOVE[name]:
            # Alone on its line, the heading's first words on the next.
            at = lines.index(aside)
            assert heading.startswith(lines[at + 1].split(" ")[0]), lines[at : at + 2]
        else:
            assert any(line.startswith(f"{aside} {heading[:12]}") for line in lines), aside


@pytest.mark.parametrize("name", SOURCES)
def test_verify_finds_every_fact_and_where_each_date_is(
    name: str, exported: dict[str, Path]
) -> None:
    folder = exported[name]
    result = run_cli(
        "verify",
        str(folder / "resume.yaml"),
        str(folder / "cv.pdf"),
        str(folder / "cv.docx"),
        "--error-format",
        "json",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    summaries = [record for record in records if "facts" in record]
    assert len(summaries) == 2
    for summary in summaries:
        assert summary["ok"] and summary["facts_found"] == summary["facts"]
        assert summary["dates_above_heading"] == len(ABOVE[name])
        assert summary["dates_on_heading_line"] == summary["dated_headings"] - len(ABOVE[name])


def test_the_summary_says_which_dates_are_above_their_heading(exported: dict[str, Path]) -> None:
    result = run_cli("verify", str(exported["french"] / "resume.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    line = "2 of 3 dates on their heading's line, 1 on the line above it"
    assert result.stdout.count(line) == 2, result.stdout  # the PDF and the DOCX


@pytest.mark.parametrize("name", SOURCES)
def test_the_docx_has_the_same_column_and_the_same_lines(
    name: str, exported: dict[str, Path]
) -> None:
    document = docx.Document(str(exported[name] / "cv.docx"))
    texts = [paragraph.text.replace("\u200e", "") for paragraph in document.paragraphs]
    expected = expected_facts(load_resume(exported[name] / "resume.yaml"))
    for dated in expected.dated_headings:
        aside, heading = dated.aside.text, dated.heading.text
        if aside in ABOVE[name]:
            assert texts[texts.index(aside) + 1] == heading
        else:
            assert f"\t{aside}\t{heading}" in texts
    # Widened to the widest date that fits: wider than the theme's 10 em.
    stops = document.styles["Entry Heading"].paragraph_format.tab_stops
    assert stops[1].position.pt > 9.5 * 10


@pytest.mark.parametrize("name", SOURCES)
def test_libreoffice_puts_each_heading_where_the_pdf_does(
    name: str, exported: dict[str, Path], tmp_path: Path
) -> None:
    """The PDF and the DOCX look alike: each heading starts at the same place on the page."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    import pdfplumber

    converted = libreoffice_pdf(exported[name] / "cv.docx", tmp_path)
    expected = expected_facts(load_resume(exported[name] / "resume.yaml"))

    def starts(path: Path) -> dict[str, float]:
        with pdfplumber.open(path) as pdf:
            words = [word for page in pdf.pages for word in page.extract_words()]
        found = {}
        for dated in expected.dated_headings:
            first = dated.heading.text.split(" ")[0]
            found[first] = min(word["x0"] for word in words if word["text"] == first)
        return found

    pdf, docx_page = starts(exported[name] / "cv.pdf"), starts(converted)
    for word, x in pdf.items():
        assert docx_page[word] == pytest.approx(x, abs=1.5), word


def test_a_right_to_left_column_keeps_its_dates_whole(tmp_path: Path) -> None:
    """Mirrored: the column at the right, the dates with a place too wide for it on
    their own line above the heading, starting at the right; verify finds every fact,
    in the PDF and in the DOCX."""
    source = (ROOT / "tests/data/right_to_left/ar-loc.yaml").read_text("utf-8")
    # A place long enough that these dates outgrow the widest column (a quarter of the
    # text width).
    source = source.replace("location: إربد\n", "location: إربد، الأردن\n")
    path = export_or_skip(tmp_path, source + "design: {theme: modern}\n", "pdf")
    text = PDF_READERS["pdftotext"](path)
    lines = [normalise(line) for line in text.splitlines() if line.strip()]
    # On a line of its own, whole (the reader orders the runs of a mixed line its way).
    (dates,) = [line for line in lines if "إربد" in line]
    assert "سبتمبر" in dates and "فبراير" in dates and "مطورة" not in dates
    result = run_cli("verify", str(tmp_path / "resume.yaml"))
    assert result.returncode == 0, result.stderr
    for summary in result.stdout.splitlines():  # the PDF's, then the DOCX's
        assert "16 of 16 facts found in order" in summary
        assert "2 of 3 dates on their heading's line, 1 on the line above it" in summary
    # pdfminer.six once cut these dates where "2021" meets "،" (the writing jumped back
    # across the number there): the comma is now written at the number's end.
    assert [line for line in result.stderr.splitlines() if "resume.yaml:" in line] == []


def test_a_date_counts_as_above_its_heading_only_alone_on_the_line_directly_above(
    tmp_path: Path,
) -> None:
    (tmp_path / "resume.yaml").write_text(FRENCH, "utf-8")
    expected = expected_facts(load_resume(tmp_path / "resume.yaml"))
    heading = "Ingénieure logicielle principale, Stripe"
    dates = "sept. 2021 – aujourd’hui, San Francisco, CA"
    rest = (
        "Camille Dupont\ncamille@example.org\nEXPÉRIENCE\n{first}\n"
        "› Conçu le système de paiements en temps réel.\n"
        "févr. 2018 – août 2021, Paris Ingénieure logicielle, Datadog\n"
        "› Migré la plateforme de métriques.\nFORMATION\n"
        "sept. 2014 – juin 2017 École polytechnique, Diplôme d'ingénieur, Informatique\n"
    )
    above = check(rest.format(first=f"{dates}\n{heading}"), expected)
    assert (above.dates_above_headings, above.dates_apart) == (1, ())
    # Split from its heading by another line, the date is apart.
    apart = check(rest.format(first=f"{dates}\nParis\n{heading}"), expected)
    assert [d.entry.heading.text for d in apart.dates_apart] == [heading]


WORLD = ROOT / "tests" / "data" / "world"


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("name", ["chinese", "hindi", "thai", "japanese_korean"])
def test_dates_in_another_script_are_read_on_their_headings_line(
    name: str, reader: str, tmp_path: Path
) -> None:
    """``2019-07 – 至今``: the date's last word in the heading's font. pdftotext once read
    such dates on a line of their own, the gap to the heading being a whole body size,
    what it takes for the space between two columns."""
    source = (WORLD / f"{name}.yaml").read_text("utf-8") + "\ndesign: {theme: modern}\n"
    pdf = export_or_skip(tmp_path, source, "pdf")
    findings = check(
        PDF_READERS[reader](pdf), expected_facts(load_resume(tmp_path / "resume.yaml"))
    )
    assert findings.ok, findings
    assert findings.dated_headings and findings.dates_above_headings == 0
