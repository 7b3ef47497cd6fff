"""The résumé's parts as blocks: the header, each section (its title kept with its first
entry, each entry kept together), the closing line. Sizes, gaps, places and ornaments
come from the :class:`~resumeout.exporters.pdf.look.Look`; the choices it keeps as the
layout description's literals (where dates go, the titles' case) are matched here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import assert_never

from reportlab.pdfbase import pdfmetrics

from resumeout.exporters.pdf.blocks import (
    Block,
    Bullet,
    ColumnHeading,
    HeadingLine,
    Leader,
    Rule,
    SectionTitle,
    Slot,
    Spacing,
    TextBlock,
    nest,
)
from resumeout.exporters.pdf.breaking import SetLine, break_lines, one_line
from resumeout.exporters.pdf.look import SMALL_CAPS, Look, TextLook
from resumeout.exporters.pdf.pages import Group
from resumeout.exporters.pdf.runs import RunMaker, StyledRun
from resumeout.exporters.pdf.shaped import ScriptRunSetter
from resumeout.exporters.pdf.writing_direction import in_own_direction
from resumeout.model.inline import Rich
from resumeout.views.document import DocumentView, EntryView, SectionView

COLUMN_SHARE = 0.25
"""The widest a date column grows to hold its dates, gap included, as a share of the text
width (a design's own column may be wider)."""
SNUG = 0.01
"""Points: in a widened column the dates end this much nearer the heading than the gap.
pdftotext joins a word to the block on its left only when it starts less than one em
after it, and the default gap is exactly one em: summed in floating point, the row is
then one line or two by chance."""


@dataclass(frozen=True, slots=True)
class DateColumn:
    """The date column of one document: the design's width, widened to hold the widest
    aside (dates, place) that fits in :data:`COLUMN_SHARE` of the text width. An aside
    wider than that goes on its own line above its heading, whole, and the heading and
    the entry's lines still start at the column's edge."""

    width: float
    """Where the headings start, from the start of the text box (gap included)."""
    gap: float
    """Between the end of the dates and the heading."""
    above: frozenset[Rich]
    """The asides too wide for the column."""

    @classmethod
    def designed(cls, look: Look) -> DateColumn:
        """The column as the design sets it, every aside in it."""
        return cls(look.date_column, look.date_gap, frozenset())

    @classmethod
    def fitted(cls, look: Look, asides: Iterable[tuple[Rich, float]]) -> DateColumn:
        """The column for ``asides``: each aside with the width of its widest line."""
        gap, limit = look.date_gap, max(look.date_column, COLUMN_SHARE * look.text_box.width)
        widths = dict(asides)
        column = max(
            [look.date_column] + [width + gap for width in widths.values() if width + gap <= limit]
        )
        above = frozenset(aside for aside, width in widths.items() if width + gap > column)
        return cls(column, gap - SNUG if column > look.date_column else gap, above)


class Layout:
    """Turns the views of one document into groups of blocks."""

    def __init__(self, look: Look, maker: RunMaker) -> None:
        self.look = look
        self.maker = maker
        self.width = look.text_box.width
        self.column = DateColumn.designed(look)

    def date_column(self, document: DocumentView) -> DateColumn:
        """The date column ``document``'s asides need (see :class:`DateColumn`)."""
        look = self.look
        if look.dates != "left_column":
            return DateColumn.designed(look)
        asides = {entry.aside for view in document.sections for entry in view.entries}
        return DateColumn.fitted(look, ((aside, self._widest(aside)) for aside in asides if aside))

    def _widest(self, aside: Rich) -> float:
        lines = break_lines(self.maker.lines(aside, self.look.aside), float("inf"))
        return max((line.width for line in lines), default=0.0)

    def document(self, document: DocumentView) -> list[Group]:
        self.column = self.date_column(document)
        self.look = replace(self.look, date_column=self.column.width)
        groups: list[Group] = [[block] for block in self.header(document)]
        for index, view in enumerate(document.sections):
            groups += self.section(view, index)
        if document.last_updated:
            note = self.maker.plain(document.last_updated, self.look.note)
            spacing = Spacing(before=self.look.closing_before)
            groups.append([self.text([note], self.look.note, "P", spacing=spacing)])
        return groups

    def text(
        self,
        lines: list[list[StyledRun]],
        look: TextLook,
        role: str,
        *,
        indent: float = 0.0,
        slot: Slot | None = None,
        spacing: Spacing | None = None,
        bullet: Bullet | None = None,
    ) -> TextBlock:
        return TextBlock(
            tuple(break_lines(lines, self.width - indent)),
            look,
            slot or Slot(role),
            indent=indent,
            bullet=bullet,
            spacing=spacing or Spacing(),
        )

    def rich(
        self,
        rich: Rich,
        look: TextLook,
        role: str = "P",
        *,
        indent: float = 0.0,
        bullet: Bullet | None = None,
    ) -> TextBlock:
        lines = self.maker.lines(rich, look)
        return self.text(lines, look, role, indent=indent, bullet=bullet)

    def header(self, document: DocumentView) -> list[Block]:
        look = self.look
        name = self.maker.plain(document.name, look.name)
        blocks: list[Block] = [self.text([name], look.name, "H1")]
        if document.headline and look.headline:
            blocks.append(self.rich(document.headline, look.headline))
        if document.contacts:
            separator = self.maker.plain(
                look.contact_separator, look.contacts, look.separator_colour
            )
            line: list[StyledRun] = []
            for index, contact in enumerate(document.contacts):
                if index:
                    line += separator
                (runs, *_) = self.maker.lines(contact.rich, look.contacts)
                line += runs
            spacing = Spacing(before=look.contacts_before)
            blocks.append(self.text([line], look.contacts, "P", spacing=spacing))
        below = _below_descender(name)
        if below and len(blocks) > 1:
            # The name's glyphs reach deeper than the font's descender (an Arabic name's
            # final ي in a font with long tails): the next line is moved down by that
            # much, on top of its own space, so that nothing touches.
            gap = blocks[1].spacing.before + below
            blocks[0] = replace(blocks[0], spacing=Spacing(blocks[0].spacing.before, gap))
        return blocks

    def section(self, view: SectionView, index: int) -> list[Group]:
        look = self.look
        title = SectionTitle(
            self.text([self.title_runs(view.title)], look.section, "H2", indent=self.title_indent),
            Rule(look.rule, look.rule_colour, look.rule_weight, look.rule_gap),
            view.title,
            f"section-{index}",
            Spacing(look.section_before, look.section_after),
        )
        # Entries with a heading are a list (L, LI, LBody); a section of paragraphs is text.
        listed = any(entry.heading or entry.aside for entry in view.entries)
        entries = [self.entry(entry, listed) for entry in view.entries]
        if listed:
            flat = nest([block for blocks in entries for block in blocks], "L")
            entries = _regroup(flat, [len(blocks) for blocks in entries])
        groups: list[Group] = []
        for position, (entry, blocks) in enumerate(zip(view.entries, entries, strict=True)):
            gap = look.entry_gap(entry, position)
            if gap and blocks:
                blocks[0] = replace(blocks[0], spacing=Spacing(gap, blocks[0].spacing.after))
            groups.append(blocks)
        # The title travels with the first entry, so that a title never ends a page.
        if groups:
            groups[0] = [title, *groups[0]]
        else:
            groups.append([title])
        return groups

    @property
    def title_indent(self) -> float:
        """Where a section title starts. With the dates in a left column, over the
        column's edge where the entries' text starts: a title alone in the column is
        filed by pdfminer.six with the name or the next title (it groups nearby short
        boxes first), not with its entries; over them it is read before them."""
        return self.look.date_column if self.look.dates == "left_column" else 0.0

    def title_runs(self, title: str) -> list[StyledRun]:
        """A section title in its case. The text drawn is the text read: capitals are
        capital letters in the text layer too."""
        look = self.look.section
        match self.look.title_case:
            case "as_written":
                return self.maker.plain(title, look)
            case "upper":
                return self.maker.plain(title.upper(), look)
            case "small_caps":
                small = replace(look, size=look.size * SMALL_CAPS)
                runs: list[StyledRun] = []
                for lower, piece in _case_pieces(title):
                    runs += self.maker.plain(piece.upper(), small if lower else look)
                return runs
            case _:
                assert_never(self.look.title_case)

    def entry(self, entry: EntryView, listed: bool) -> list[Block]:
        look = self.look
        start = look.date_column  # where the entry's lines start: after the date column
        blocks: list[Block] = []
        if entry.aside:
            blocks += self.heading(entry.heading, entry.aside)
        elif entry.heading:
            blocks.append(self.rich(entry.heading, look.heading, indent=start))
        blocks += [self.rich(line, look.lines, indent=start) for line in entry.lines]
        bullets: list[Block] = []
        glyph = self.maker.plain(look.bullet, look.body)
        indent = start + look.bullet_text_indent
        for item in entry.bullets:
            bullet = Bullet(glyph[0], start + look.bullet_indent) if glyph else None
            block = self.rich(item, look.body, "LBody", indent=indent, bullet=bullet)
            bullets += nest([block], "LI")
        blocks += nest(bullets, "L")
        return nest(blocks, "LI", "LBody") if listed else blocks

    def heading(self, heading: Rich, aside: Rich) -> list[Block]:
        """The heading and the aside where the look puts the aside: on the heading's
        line after a leader (stacked when they do not fit), under it, or in the column."""
        look = self.look
        slot = Slot("P")
        heading_lines = self.maker.lines(heading, look.heading)
        aside_lines = self.maker.lines(aside, look.aside)
        match look.dates:
            case "right":
                line = self._one_line(heading_lines, aside_lines, slot)
                if line is not None:
                    return [line]
            case "own_line":
                pass
            case "left_column":
                column, gap = self.column.width, self.column.gap
                if aside in self.column.above:
                    # Whole on its own line, where the line starts, then the heading
                    # at the column's edge: read as two lines, dates first.
                    alignment = look.heading.alignment
                    own = replace(in_own_direction(look.aside, aside.text()), alignment=alignment)
                    return [
                        self.text(aside_lines, own, "P", slot=slot),
                        self.text(heading_lines, look.heading, "P", indent=column, slot=slot),
                    ]
                # It fits: its lines are those it has at any width.
                return [
                    ColumnHeading(
                        tuple(break_lines(aside_lines, float("inf"))),
                        tuple(break_lines(heading_lines, self.width - column)),
                        look.heading,
                        column,
                        gap,
                        slot,
                    )
                ]
            case _:
                assert_never(look.dates)
        # Under the heading, the aside reads in its own direction too, as beside it
        # (mirrored.py): "2017-01 – 2020-08" in a right-to-left paragraph would show its
        # dates in reverse, and pdftotext and pdfplumber read them so. It keeps the
        # paragraph's alignment.
        return [
            self.text(heading_lines, look.heading, "P", slot=slot),
            self.text(aside_lines, in_own_direction(look.aside, aside.text()), "P", slot=slot),
        ]

    def _one_line(
        self, heading: list[list[StyledRun]], aside: list[list[StyledRun]], slot: Slot
    ) -> HeadingLine | None:
        if len(heading) != 1 or len(aside) != 1:
            return None  # a line break in either
        look = self.look
        first = _set(heading[0])
        second = _set(aside[0])
        (space,) = self.maker.plain(" ", look.heading)
        (glyph,) = self.maker.plain(look.leader, look.heading, look.leader_colour)
        gap = self.width - first.width - second.width - 2 * space.width()
        if gap < look.min_leader:
            return None
        return HeadingLine(first, second, Leader(glyph, space), look.heading, slot)


def _case_pieces(text: str) -> list[tuple[bool, str]]:
    """``text`` cut where it goes from lower-case letters to others and back: (lower, piece)."""
    pieces: list[tuple[bool, str]] = []
    for char in text:
        lower = char != char.upper()
        if pieces and pieces[-1][0] == lower:
            pieces[-1] = (lower, pieces[-1][1] + char)
        else:
            pieces.append((lower, char))
    return pieces


def _set(runs: list[StyledRun]) -> SetLine:
    return one_line(runs)


def _regroup(blocks: list[Block], sizes: list[int]) -> list[list[Block]]:
    """``blocks`` cut back into lists of ``sizes``."""
    groups, start = [], 0
    for size in sizes:
        groups.append(blocks[start : start + size])
        start += size
    return groups


def _below_descender(runs: list[StyledRun]) -> float:
    """How much deeper than their own font's descender the shaped runs' glyphs reach
    (points; 0 for text in the document's fonts)."""
    below = 0.0
    for run in runs:
        if isinstance(run.setter, ScriptRunSetter):
            _, descent = pdfmetrics.getAscentDescent(run.font, run.size)
            below = max(below, run.setter.depth(run) + descent)
    return below
