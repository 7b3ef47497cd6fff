"""Matching what a reader got against what the résumé says.

Text is compared after Unicode NFC and with every run of whitespace as one space, because
a reader breaks lines where the page does, not where the source does. What else readers
legitimately vary in is forgiven too (see :mod:`resumeout.verification.scripts`): a
break or none between two characters of a script written without spaces (Chinese,
Thai), the order of the runs of a right-to-left line, the cuts between them and a wrap
inside one, where in its word a Hebrew point or an Arabic haraka is read, bidi marks.
Nothing else is: a ligature, a soft hyphen or a zero-width character inside a word makes
the word unfindable by an exact search, which is how applicant tracking systems search.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from resumeout.verification.facts import DatedHeading, Expectations, Fact
from resumeout.verification.order import OutOfOrder, out_of_order
from resumeout.verification.scripts import (
    BIDI_MARKS,
    RIGHT_TO_LEFT_MARKS,
    marks_of,
    reading_runs,
    right_to_left,
    strip_bidi_marks,
    unspaced,
    without_marks,
)

# A visible leader between a heading and its date: a dash with spaces around it.
_LEADER = "[\u2012\u2013\u2014\u2015-]+"
# Below this likeness the nearest words read are not worth showing.
_UNLIKE = 0.3
# A heading and its date longer than this share of the widest line read may be set on
# two lines: the date directly below the heading.
_SHARED_LINE = 0.9
# How many consecutive read lines a wrapped fact may span when looking for the nearest.
_WINDOW = 3


@dataclass(frozen=True, slots=True)
class MissingFact:
    fact: Fact
    nearest: str
    """The line (or few lines) read that is most like the fact; empty when none is."""
    similarity: float
    """0–1: how alike ``nearest`` is to the fact (difflib's ratio)."""
    unread: tuple[str, ...] = ()
    """For a fact found run by run (right-to-left), the runs not read, when others are."""


@dataclass(frozen=True, slots=True)
class DateApart:
    entry: DatedHeading
    read: str
    """What was read where the heading ends."""


@dataclass(frozen=True, slots=True)
class Suspicious:
    character: str
    """The character, or the sequence (a dash glued between two words)."""
    description: str
    count: int
    context: str
    """The first read line it is in."""


@dataclass(frozen=True, slots=True)
class Findings:
    facts: int
    missing: tuple[MissingFact, ...]
    dated_headings: int
    """Headings whose date was looked for on their line."""
    dates_apart: tuple[DateApart, ...]
    suspicious: tuple[Suspicious, ...]
    dates_under_headings: bool = False
    """The dates were looked for under their headings (``entries.dates: own_line``)."""
    dates_above_headings: int = 0
    """Dates read on the line above their heading: too wide for the date column."""
    out_of_order: tuple[OutOfOrder, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.missing or self.dates_apart or self.suspicious or self.out_of_order)


def normalise(text: str) -> str:
    """``text`` as it is matched: NFC, without bidi marks, whitespace runs as one space."""
    return " ".join(strip_bidi_marks(unicodedata.normalize("NFC", text)).split())


def check(text: str, expected: Expectations) -> Findings:
    """What of ``expected`` a reader's ``text`` holds. A right-to-left heading's date is
    looked for on its line as any other: the PDF writes a line of mixed direction so
    that pdfminer.six reads it whole (see ``exporters/pdf/line_order.py``)."""
    read = [" ".join(unicodedata.normalize("NFC", raw).split()) for raw in text.splitlines()]
    lines = [line for line in (normalise(raw) for raw in read) if line]
    by_line = "\n".join(lines)
    unread = {fact: _unread_runs(by_line, fact) for fact in expected.facts}
    unread |= _runs_read_too_few_times(by_line, expected.facts, unread)
    missing = tuple(_nearest(fact, lines, unread[fact]) for fact in expected.facts if unread[fact])
    missing_texts = {m.fact.text for m in missing}
    readable = [
        entry
        for entry in expected.dated_headings
        if not {entry.heading.text, entry.aside.text} & missing_texts
    ]
    widest = max(map(len, lines), default=0)
    apart = tuple(
        found
        for entry in readable
        if (found := _date_apart(by_line, entry, widest, expected.dates_under_headings)) is not None
    )
    # A date too wide for a date column (``entries.dates: left_column``) is set whole on
    # the line above its heading: what a file exported with such a theme reads.
    above = [entry for entry in apart if expected.dates_in_column and _date_above(by_line, entry)]
    apart = tuple(entry for entry in apart if entry not in above)
    source_text = normalise(" ".join(fact.text for fact in expected.facts))
    return Findings(
        len(expected.facts),
        missing,
        len(readable),
        apart,
        tuple(suspicious_characters([line for line in read if line], source_text)),
        expected.dates_under_headings,
        len(above),
        out_of_order(_lines_read_on(by_line, expected, missing_texts)),
    )


def _lines_read_on(
    by_line: str, expected: Expectations, missing: set[str]
) -> list[tuple[Fact, int]]:
    """Each fact found, in the résumé's order, with the line it is read on: its first
    reading on or after the furthest line read so far, else its first reading. In a
    date column, a date read at the start of the line directly above its heading (too
    wide for the column) counts as read on the heading's line."""
    heading_of = (
        {entry.aside: entry.heading for entry in expected.dated_headings}
        if expected.dates_in_column
        else {}
    )
    starts = [0, *(match.end() for match in re.finditer("\n", by_line))]
    read_on: list[tuple[Fact, int]] = []
    line_of: dict[Fact, int] = {}
    furthest = 0
    for fact in expected.facts:
        if fact.text in missing:
            continue
        heading_line = None
        if fact in heading_of:
            heading_line = line_of.get(heading_of[fact], furthest)
        from_line = furthest if heading_line is None else min(furthest, heading_line - 1)
        readings = _readings(fact)
        offset = _first_reading(by_line, readings, starts[max(from_line, 0)])
        if offset is None:
            offset = _first_reading(by_line, readings, 0)
        if offset is None:
            continue
        fact_line = bisect.bisect_right(starts, offset) - 1
        if heading_line == fact_line + 1 and offset == starts[fact_line]:
            fact_line = heading_line
        read_on.append((fact, fact_line))
        line_of[fact] = fact_line
        furthest = max(furthest, fact_line)
    return read_on


def _readings(fact: Fact) -> list[re.Pattern[str]]:
    """What counts as reading ``fact``, best first: the whole of it, or, for one holding
    right-to-left text, its first run (:func:`reading_runs`). A section title (a fact
    found in any case) is looked for as a line of its own first: its word may be in the
    text before it ("continuing education" before EDUCATION)."""
    text = normalise(fact.text)
    patterns = [_words(text)]
    if _mixed_direction_text(text):
        first = reading_runs(text)[0]
        patterns.append(_pattern(without_marks(first).split(" "), _MARKS_AFTER))
    if fact.any_case:
        patterns = [f"(?m:^(?:{pattern})$)" for pattern in patterns] + patterns
    flags = re.IGNORECASE if fact.any_case else 0
    return [re.compile(pattern, flags) for pattern in patterns]


def _first_reading(by_line: str, readings: list[re.Pattern[str]], start: int) -> int | None:
    """Where the first of ``readings`` found from ``start`` on begins."""
    for reading in readings:
        match = reading.search(by_line, start)
        if match is not None:
            return match.start()
    return None


def _words(text: str) -> str:
    """A pattern for ``text`` that matches it across any whitespace, as a whole word.
    Between two characters of a script written without spaces any whitespace or none
    matches, and such a character at either end needs no word boundary: a line of
    Chinese or Thai breaks between any two characters."""
    return _pattern(normalise(text).split(" "))


def _pattern(words: list[str], marks: str = "") -> str:
    """``marks``: a pattern allowed after each character (the marks of a right-to-left
    run, which is given without them)."""
    text = " ".join(words)
    pattern = ""
    for index, char in enumerate(text):
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        if char == " ":
            pattern += r"\s*" if _between_unspaced(before, after) else r"\s+"
            continue
        pattern += re.escape(char) + marks
        if after != " " and _between_unspaced(char, after):
            pattern += r"\s*"  # a reader's line break between two such characters
    first, last = text[0], text[-1]
    start = r"(?<!\w)" if re.match(r"\w", first) and not unspaced(first) else ""
    end = r"(?!\w)" if re.match(r"\w", last) and not unspaced(last) else ""
    return f"{start}{pattern}{end}"


def _between_unspaced(before: str, after: str) -> bool:
    return bool(before and after) and unspaced(before) and unspaced(after)


# Any marks of a right-to-left letter, a reader's space before one included.
_MARKS_AFTER = f"(?:\\s*[{re.escape(RIGHT_TO_LEFT_MARKS)}])*"


def _unread_runs(by_line: str, fact: Fact) -> tuple[str, ...]:
    """What of ``fact`` is not in the lines read: nothing when it is found, else the fact,
    or, for a fact holding right-to-left text, those of its runs (:func:`reading_runs`)
    not read anywhere, in whatever order and wherever the reader put them."""
    flags = re.IGNORECASE if fact.any_case else 0
    text = normalise(fact.text)
    if not _mixed_direction_text(text):
        found = re.search(_pattern(text.split(" ")), by_line, flags) is not None
        return () if found else (text,)
    return tuple(run for run in reading_runs(text) if not _run_read(run, by_line, flags))


def _runs_read_too_few_times(
    by_line: str, facts: tuple[Fact, ...], unread: dict[Fact, tuple[str, ...]]
) -> dict[Fact, tuple[str, ...]]:
    """The right-to-left facts found run by run whose runs are each read somewhere, but
    one of them fewer times than the résumé draws it: a run found anywhere may be another
    fact's (``سبتمبر`` of one entry's dates read where another's has it), so a word changed
    into one the page has elsewhere is still missing. Each such fact, with that run: the
    reader's text cannot tell which of them lost it."""
    runs = {
        fact: reading_runs(normalise(fact.text))
        for fact in facts
        if not unread[fact] and _mixed_direction_text(fact.text)
    }
    short: dict[Fact, tuple[str, ...]] = {}
    # Only a run of one word: one of more words may be read wrapped, in parts.
    for run in {run for fact_runs in runs.values() for run in fact_runs if " " not in run}:
        pattern = _pattern(without_marks(run).split(" "), _MARKS_AFTER)
        # Facts already missing are not counted: what of them is read is not theirs.
        drawn = sum(
            len(re.findall(pattern, normalise(fact.text))) for fact in facts if not unread[fact]
        )
        if len(re.findall(pattern, by_line)) >= drawn:
            continue
        for fact, fact_runs in runs.items():
            if run in fact_runs:
                short[fact] = (*short.get(fact, ()), run)
    return short


def _run_read(run: str, by_line: str, flags: int) -> bool:
    """Whether ``run`` is in the lines read. A right-to-left run may wrap (a narrow date
    column), and a reader may put other text of the page between its lines: it is read
    when it is read whole, or in parts of which each after the first begins a line."""
    if not _mixed_direction_text(run):
        return re.search(_pattern(run.split(" ")), by_line, flags) is not None
    words = run.split(" ")
    covered = {0}  # how many of the run's first words are read, in parts, so far
    for start in range(len(words)):
        if start in covered:
            covered |= {
                end
                for end in range(start + 1, len(words) + 1)
                if _part_read(words[start:end], by_line, flags, starts_line=start > 0)
            }
    return len(words) in covered


def _part_read(words: list[str], by_line: str, flags: int, *, starts_line: bool) -> bool:
    """Whether these right-to-left ``words`` are read with their letters in order and all
    of their marks, each mark on any of their letters (a reader puts the mark of a
    ligature on one of its letters)."""
    text = " ".join(words)
    pattern = _pattern(without_marks(text).split(" "), _MARKS_AFTER)
    if starts_line:
        pattern = f"(?:^|(?<=\n)){pattern}"
    marks = marks_of(text)
    return any(marks_of(m[0]) == marks for m in re.finditer(pattern, by_line, flags))


def _mixed_direction_text(text: str) -> bool:
    return any(right_to_left(char) for char in text)


def _nearest(fact: Fact, lines: list[str], unread: tuple[str, ...]) -> MissingFact:
    """The words read that are most like ``fact``: first the few lines that share the
    most characters with it, then the run of about as many words in them as it has."""
    wanted = normalise(fact.text)
    partly = unread if unread != (wanted,) else ()
    windows = [
        " ".join(lines[start : start + size])
        for size in range(1, _WINDOW + 1)
        for start in range(len(lines) - size + 1)
    ]
    if not windows:
        return MissingFact(fact, "", 0.0, partly)

    def shared(window: str) -> int:
        matcher = difflib.SequenceMatcher(None, window, wanted, autojunk=False)
        return sum(block.size for block in matcher.get_matching_blocks())

    words = max(windows, key=shared).split(" ")
    count = len(wanted.split(" "))
    runs = {
        " ".join(words[start : start + size])
        for size in range(max(1, count - 1), count + 2)
        for start in range(max(1, len(words) - size + 1))
    }
    best = max(sorted(runs), key=lambda run: difflib.SequenceMatcher(None, wanted, run).ratio())
    if not wanted.endswith((",", ";")):
        best = best.rstrip(",;")  # the separator after a name in a list is not part of it
    similarity = difflib.SequenceMatcher(None, wanted, best).ratio()
    return MissingFact(fact, best if similarity >= _UNLIKE else "", similarity, partly)


def _date_apart(
    by_line: str, entry: DatedHeading, widest: int, under: bool = False
) -> DateApart | None:
    """None when the heading is followed on its line by its date (with a leader dash or
    not) or preceded on it by its date (a date column), or, for a heading too long to
    share its line or a design that puts dates under headings (``under``), followed by
    its date on the next line.

    A heading is too long when it wraps, or when it and its date together would be
    longer than most of the widest line read (a bold heading is wider than the body
    text, so a line of the same count of characters may not hold it)."""
    heading = _words(entry.heading.text)
    aside = "|".join(_words(reading) for reading in _aside_readings(entry.aside.text))
    aside = f"(?:{aside})"
    if re.search(f"{aside} {heading}", by_line):
        return None
    pattern = f"(?P<heading>{heading})(?P<gap> (?:{_LEADER} )?|\n)(?P<aside>{aside})"
    for match in re.finditer(pattern, by_line):
        if match["gap"] != "\n" or "\n" in match["heading"] or under:
            return None
        heading_line = by_line[by_line.rfind("\n", 0, match.start()) + 1 : match.end("heading")]
        if len(heading_line) + 1 + len(match["aside"]) > _SHARED_LINE * widest:
            return None
    end = re.search(heading, by_line)
    if end is None:
        return DateApart(entry, "")
    line_start = by_line.rfind("\n", 0, end.end()) + 1
    line_end = by_line.find("\n", end.end())
    return DateApart(entry, by_line[line_start : None if line_end < 0 else line_end])


def _aside_readings(aside: str) -> list[str]:
    """``aside``, and for one holding right-to-left text each beginning of it that holds
    a digit and ends where a number or a Latin word meets what follows with no space
    between: the writing may jump back across the number there, and pdfminer.six then
    reads the rest as a box apart (found elsewhere as a fact; the dates are still on
    their heading's line). resumeout's own PDFs write the punctuation after a number at
    its end (``فبراير 2021، إربد`` reads whole); a letter glued to a number still jumps.
    Longest first."""
    text = normalise(aside)
    if not _mixed_direction_text(text):
        return [text]
    cuts = [
        index
        for index in range(len(text) - 1, 0, -1)
        if _latin_or_digit(text[index - 1])
        and text[index] != " "
        and not _latin_or_digit(text[index])
        and any(char.isdigit() for char in text[:index])
    ]
    return [text, *(text[:index] for index in cuts)]


def _latin_or_digit(char: str) -> bool:
    return char.isalnum() and not right_to_left(char)


def _date_above(by_line: str, apart: DateApart) -> bool:
    """Whether the date is the whole line directly above its heading's first line: a
    date too wide for its column is set there."""
    heading, aside = _words(apart.entry.heading.text), _words(apart.entry.aside.text)
    return re.search(f"(?:^|\n){aside}\n{heading}", by_line) is not None


def _describe(char: str) -> str | None:
    """Why a character in read text is suspicious, or None if it is not."""
    code = ord(char)
    if char == "\x00":
        return "a NUL character (a glyph the reader could not turn into text)"
    if char == "\ufffd":
        return "the replacement character U+FFFD (text the reader could not decode)"
    if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f":
        return "a control character"
    if unicodedata.category(char) == "Co":
        return "a private-use character (a glyph with no meaning as text)"
    if 0xFB00 <= code <= 0xFB06:
        return f"the ligature {unicodedata.name(char)} (a search for its letters misses the word)"
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
        return "an Arabic presentation form (a shaped glyph, not the letter a search looks for)"
    if char in "\u200b\u200c\u200d\u2060\ufeff\u180e":
        return f"the zero-width character {unicodedata.name(char)} (an invisible break in a word)"
    if unicodedata.category(char) == "Cf" and char != "\u00ad":  # soft hyphens: see below
        return f"the invisible character {unicodedata.name(char, 'without a name')}"
    return None


def suspicious_characters(lines: list[str], source_text: str) -> Iterator[Suspicious]:
    """Characters that make read text differ from what a person sees. One the résumé
    itself contains (a ligature or a joiner the user typed) is what was meant, not
    suspicious; NUL and U+FFFD never are."""
    found: dict[str, list[str]] = {}
    for line in lines:
        for index, char in enumerate(line):
            if BIDI_MARKS.fullmatch(char) and not _inside_word(line, index):
                continue  # a direction for the renderer between runs, not inside a word
            if _describe(char) is not None and (char in "\x00\ufffd" or char not in source_text):
                found.setdefault(char, []).append(line)
        # A soft hyphen after a letter splits a word for a reader that keeps it.
        for match in re.finditer(r"\w\u00ad", line):
            if match[0] not in source_text:
                found.setdefault("\u00ad", []).append(line)
        # A dash glued to the words on both sides makes one word of them: "Science—Sep".
        for match in re.finditer(r"\w+[\u2014\u2015]\w+", line):
            if match[0] not in source_text:
                found.setdefault(match[0], []).append(line)
        # pdfminer's rendering of a glyph that the PDF maps to no text.
        for match in re.finditer(r"\(cid:\d+\)", line):
            if match[0] not in source_text:
                found.setdefault(match[0], []).append(line)
    for char, contexts in found.items():
        if char.startswith("(cid:"):
            description = "a glyph with no text behind it"
        elif len(char) > 1:
            description = "a dash glued to the words on both sides (a reader sees one word)"
        elif char == "\u00ad":
            description = "a soft hyphen inside a word (a search for the word misses it)"
        else:
            description = _describe(char) or ""
        yield Suspicious(char, description, len(contexts), contexts[0])


def _inside_word(line: str, index: int) -> bool:
    return 0 < index < len(line) - 1 and line[index - 1].isalnum() and line[index + 1].isalnum()


def visible(text: str) -> str:
    """``text`` with every suspicious or invisible character written as ``<U+XXXX>``."""
    return "".join(
        f"<U+{ord(char):04X}>" if char == "\u00ad" or _describe(char) is not None else char
        for char in text
    )
