"""`verify` reports a fact read out of the résumé's order: an applicant tracking system
files each line under what it read before it, so a section title read after its first
entry puts that entry in the section above. Unit rules on text as readers return it,
then a real DOCX with one paragraph moved, read back through the command."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from resumeout.verification.checks import check
from resumeout.verification.facts import DatedHeading, Expectations, Fact
from tests.conftest import run_cli

TITLE = Fact("section title", "Education", ("sections", 0, "title"), any_case=True)
HEADING = Fact("school", "University of Michigan, PhD", ("sections", 0, "entries", 0))
DATES = Fact("dates", "Sep 2024 – Present", ("sections", 0, "entries", 0, "start"))
BULLET = Fact("line", "Research Area: Machine Learning Systems", ("sections", 0, "x"))
WORK = Fact("section title", "Work Experience", ("sections", 1, "title"), any_case=True)
EXPECTED = Expectations((TITLE, HEADING, DATES, BULLET, WORK), (DatedHeading(HEADING, DATES),))


def _out_of_order(text: str) -> list[tuple[str, str, bool]]:
    findings = check(text, EXPECTED)
    assert not findings.missing, findings.missing
    return [(o.fact.text, o.neighbour.text, o.read_before) for o in findings.out_of_order]


def test_facts_read_in_the_resumes_order_are_in_order() -> None:
    text = (
        "EDUCATION\nUniversity of Michigan, PhD Sep 2024 – Present\n"
        "Research Area: Machine Learning Systems\nWORK EXPERIENCE"
    )
    assert _out_of_order(text) == []
    assert check(text, EXPECTED).ok


def test_a_section_title_read_after_its_first_entry_is_reported_at_the_title() -> None:
    # What pdfminer.six read of a title drawn right of the date column, before the fix.
    text = (
        "Sep 2024 – Present University of Michigan, PhD\nEDUCATION\n"
        "Research Area: Machine Learning Systems\nWORK EXPERIENCE"
    )
    findings = check(text, EXPECTED)
    assert [(o.fact, o.neighbour, o.read_before) for o in findings.out_of_order] == [
        (TITLE, HEADING, False)
    ]
    assert not findings.ok


def test_a_fact_read_far_ahead_is_the_one_reported_not_those_it_jumped_over() -> None:
    text = (
        "EDUCATION\nResearch Area: Machine Learning Systems\n"
        "University of Michigan, PhD Sep 2024 – Present\nWORK EXPERIENCE"
    )
    # Three facts go back to the bullet's line, but one fact is out of its place: the
    # bullet, reported beside the nearest fact before it in the résumé read after it.
    assert _out_of_order(text) == [(BULLET.text, DATES.text, True)]


def test_facts_on_one_line_may_be_read_in_any_order() -> None:
    # A date column is read before its heading; a right-to-left line's runs in the
    # reader's order: the line is what counts.
    text = (
        "EDUCATION\nSep 2024 – Present University of Michigan, PhD\n"
        "Research Area: Machine Learning Systems WORK EXPERIENCE"
    )
    assert _out_of_order(text) == []


def test_a_date_alone_on_the_line_directly_above_its_heading_is_in_order() -> None:
    # Too wide for a date column, a date is set on the line above its heading.
    text = (
        "EDUCATION\nSep 2024 – Present\nUniversity of Michigan, PhD\n"
        "Research Area: Machine Learning Systems\nWORK EXPERIENCE"
    )
    findings = check(text, replace(EXPECTED, dates_in_column=True))
    assert findings.out_of_order == ()
    assert findings.dates_above_headings == 1
    # With dates on the right (no column), a date is never set there: it is apart.
    findings = check(text, EXPECTED)
    assert findings.dates_above_headings == 0 and not findings.ok


def test_a_repeated_text_is_taken_at_its_reading_after_the_fact_before_it() -> None:
    # An author named in every entry: the first reading after the previous fact counts.
    first = Fact("author", "Runyu Lu", ("sections", 0, "entries", 0, "authors", 0))
    second = Fact("author", "Runyu Lu", ("sections", 0, "entries", 1, "authors", 0))
    paper = Fact("publication title", "MuxServe", ("sections", 0, "entries", 1, "title"))
    expected = Expectations((first, paper, second), ())
    findings = check("Runyu Lu, Shiqi He\nMuxServe\nJiangfei Duan, Runyu Lu", expected)
    assert findings.ok, findings


def _move_paragraph_after_next(path: Path, text: str) -> None:
    document = docx.Document(str(path))
    (paragraph,) = [p for p in document.paragraphs if p.text.strip().lower() == text.lower()]
    following = paragraph._p.getnext()
    assert following is not None
    following.addnext(paragraph._p)
    document.save(str(path))


def test_verify_reports_a_docx_whose_section_title_follows_its_first_entry(
    tmp_path: Path,
) -> None:
    exported = run_cli("export", "--format", "docx", "-o", str(tmp_path), "-q")
    assert exported.returncode == 0, exported.stderr
    (path,) = tmp_path.glob("*.docx")
    untouched = run_cli("verify", "resume.yaml", str(path))
    assert untouched.returncode == 0, untouched.stdout + untouched.stderr
    assert "facts found in order" in untouched.stdout

    _move_paragraph_after_next(path, "Work Experience")
    result = run_cli("verify", "resume.yaml", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("resume.yaml:")]
    assert len(problems) == 1, result.stderr
    assert ": sections[3].title: " in problems[0]
    assert 'the section title "Work Experience" is read after the' in problems[0]
    assert "which the résumé puts after it" in problems[0]
    assert "1 read out of order" in result.stdout


def test_a_title_whose_word_is_read_before_it_is_still_found_out_of_place() -> None:
    # "continuing education" in the bullet above: the title is its own line, later.
    bullet = Fact("bullet", "Taught continuing education courses", ("sections", 9, "x"))
    expected = Expectations((bullet, *EXPECTED.facts), EXPECTED.dated_headings)
    text = (
        "Taught continuing education courses\n"
        "Sep 2024 – Present University of Michigan, PhD\nEDUCATION\n"
        "Research Area: Machine Learning Systems\nWORK EXPERIENCE"
    )
    findings = check(text, expected)
    assert [(o.fact, o.neighbour) for o in findings.out_of_order] == [(TITLE, HEADING)]


def test_a_date_above_its_heading_counts_only_at_the_start_of_that_line() -> None:
    # The dates read at the end of the line above, after the title: not set above the
    # heading, read before it.
    text = (
        "EDUCATION Sep 2024 – Present\nUniversity of Michigan, PhD\n"
        "Research Area: Machine Learning Systems\nWORK EXPERIENCE"
    )
    findings = check(text, replace(EXPECTED, dates_in_column=True))
    assert findings.dates_above_headings == 0
    assert [(o.fact, o.neighbour, o.read_before) for o in findings.out_of_order] == [
        (DATES, HEADING, True)
    ]
