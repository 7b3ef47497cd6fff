"""What counts as found, as a date on its heading's line, and as suspicious: the
matching rules of `verify`, on text as readers return it."""

from __future__ import annotations

import pytest

from resumeout.model import Resume
from resumeout.verification.checks import check, normalise, visible
from resumeout.verification.facts import DatedHeading, Expectations, Fact, expected_facts
from tests.conftest import SEED_FACTS

HEADING = Fact("school", "University of Michigan, PhD", ("sections", 0, "entries", 0))
DATES = Fact("dates", "Sep 2024 – Present", ("sections", 0, "entries", 0, "start"))
EXPECTED = Expectations((HEADING, DATES), (DatedHeading(HEADING, DATES),))


# A line as wide as the page: the widest line read tells how much a line holds.
WIDE = "Keywords: " + "machine learning systems, " * 4


@pytest.mark.parametrize(
    "text",
    [
        "University of Michigan, PhD Sep 2024 – Present",
        "University of Michigan, PhD\tSep 2024 – Present",  # python-docx reads a tab stop
        "University of Michigan, PhD — Sep 2024 – Present",  # a visible leader
        "University of Michigan, PhD      —     Sep  2024 – Present",
        "University of Michigan,\nPhD Sep 2024 – Present",  # a long heading, wrapped
        "University of Michigan,\nPhD\nSep 2024 – Present",  # too long: date right below
    ],
)
def test_a_date_on_its_headings_line_is_accepted(text: str) -> None:
    findings = check(f"{text}\n{WIDE}", EXPECTED)
    assert findings.ok, findings


def test_a_heading_that_fills_its_line_may_have_its_date_below() -> None:
    heading = Fact("position", "Engineer, " + "very long department name " * 3, ("x",))
    expected = Expectations((heading, DATES), (DatedHeading(heading, DATES),))
    assert check(f"{heading.text}\nSep 2024 – Present\n{WIDE}", expected).ok
    (apart,) = check(f"{heading.text}\nSep 2024 – Present\n{WIDE} {WIDE}", expected).dates_apart
    assert apart.read == heading.text.strip()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("University of Michigan, PhD\nSep 2024 – Present", "University of Michigan, PhD"),
        ("University of Michigan, PhD— Sep 2024 – Present", "University of Michigan, PhD— Sep"),
        ("University of Michigan, PhD\nother\nSep 2024 – Present", "University of Michigan, PhD"),
    ],
)
def test_a_date_apart_from_its_heading_is_reported(text: str, read: str) -> None:
    findings = check(f"{text}\n{WIDE}", EXPECTED)
    (apart,) = findings.dates_apart
    assert apart.read.startswith(read)
    assert not findings.missing


def test_facts_are_found_across_line_breaks_and_as_whole_words() -> None:
    name = Fact("name", "Ann Lee", ("name",))
    expected = Expectations((name,), ())
    assert check("Ann\nLee", expected).ok
    assert check("  Ann   Lee ", expected).ok
    (missing,) = check("Ann Leeds", expected).missing
    assert missing.nearest == "Ann Leeds"
    assert missing.similarity > 0.8


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("Ann\x00Lee", "\x00"),
        ("Ann L\ufffde", "\ufffd"),
        ("Ann \ue000Lee", "\ue000"),  # private use
        ("Ann Lee \ufb02ows", "\ufb02"),  # a ligature glyph
        ("Ann Lee \ufe8d", "\ufe8d"),  # an Arabic presentation form
        ("Ann Lee Engi\u00adneering", "\u00ad"),  # a soft hyphen inside a word
        ("Ann Lee Engi\u200bneering", "\u200b"),  # zero-width
        ("Ann Lee Science—Sep 2024", "Science—Sep"),  # a dash glued to both words
        ("Ann Lee (cid:72)", "(cid:72)"),  # pdfminer: a glyph mapped to no text
        ("Ann Lee \u202eeerht", "\u202e"),  # a bidi override
    ],
)
def test_suspicious_characters_are_flagged(text: str, char: str) -> None:
    expected = Expectations((Fact("name", "Ann Lee", ("name",)),), ())
    (suspicious,) = check(text, expected).suspicious
    assert suspicious.character == char
    assert suspicious.context == text
    assert suspicious.count == 1


def test_what_the_source_itself_says_is_not_suspicious() -> None:
    facts = (Fact("name", "Ann Lee", ("name",)), Fact("summary", "ﬂows; cost—benefit", ()))
    expected = Expectations(facts, ())
    assert check("Ann Lee ﬂows; cost—benefit", expected).ok
    # A dash with spaces around it, and a soft hyphen at no word, are not glued.
    assert not check("Ann Lee — Sep 2024 \u00ad", expected).suspicious


def test_invisible_characters_are_shown() -> None:
    assert visible("Engi\u00adneer\u200bing\x00") == "Engi<U+00AD>neer<U+200B>ing<U+0000>"


def test_the_facts_of_the_seed_are_what_its_exports_draw(seed: Resume) -> None:
    expected = expected_facts(seed)
    drawn = normalise(" ".join(fact.text for fact in expected.facts))
    for fact in SEED_FACTS:
        assert normalise(fact) in drawn, fact
    by_kind = {(fact.kind, fact.text): fact.path for fact in expected.facts}
    assert by_kind["name", "Runyu Lu"] == ("name",)
    assert by_kind["contact", "github.com/LRY89757"] == ("profiles", 0)
    assert by_kind["section title", "Work Experience"] == ("sections", 3, "title")
    assert by_kind["author", "Jeff J. Ma"] == ("sections", 1, "entries", 1, "authors", 5)
    assert by_kind["venue and date", "ASPLOS 2026"] == ("sections", 1, "entries", 1, "venue")
    assert by_kind["dates", "Sep 2024 – Present"] == ("sections", 0, "entries", 0, "start")
    assert by_kind["last updated", "Last updated Mar 16, 2026"] == ("last_updated",)
    # Every entry with a heading and an aside must be read with both on one line; the
    # preprint has no date.
    assert len(expected.dated_headings) == 10
