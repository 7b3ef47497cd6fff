"""Pages: blocks stacked from the top of the text box down, a new page when the next
does not fit.

Blocks come in groups kept on one page (an entry; a section title with the section's
first entry, so that a title never ends a page). A group that does not fit in what is
left of a page starts the next one; a group taller than a whole page flows, its text
blocks split between lines. The space between two blocks is the larger of the space
after the first and before the second; at the top of a page there is none. A section
title also keeps the boxes readers give its words clear of the block above
(:mod:`.word_boxes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from resumeout.exporters.pdf.blocks import (
    Block,
    ColumnHeading,
    HeadingLine,
    SectionTitle,
    TextBlock,
)
from resumeout.exporters.pdf.look import Box
from resumeout.exporters.pdf.word_boxes import clearance

_FUZZ = 1e-6

Group = Sequence[Block]


@dataclass(frozen=True, slots=True)
class Placed:
    block: Block
    top: float
    """The block's top, in points from the page's bottom."""


class _Pages:
    def __init__(self, box: Box) -> None:
        self.box = box
        self.pages: list[list[Placed]] = [[]]
        self.used = 0.0
        self.after = 0.0  # the space the last block wants below it

    @property
    def empty(self) -> bool:
        return not self.pages[-1]

    def gap(self, block: Block) -> float:
        if self.empty:
            return 0.0
        gap = max(self.after, block.spacing.before)
        if isinstance(block, SectionTitle):
            gap = max(gap, clearance(self.pages[-1][-1].block, block))
        return gap

    def room(self) -> float:
        return self.box.height - self.used

    def new_page(self) -> None:
        self.pages.append([])
        self.used = self.after = 0.0

    def put(self, block: Block) -> None:
        self.used += self.gap(block)
        self.pages[-1].append(Placed(block, self.box.top - self.used))
        self.used += block.height
        self.after = block.spacing.after

    def place(self, block: Block) -> None:
        while True:
            gap = self.gap(block)
            if block.height <= self.room() - gap + _FUZZ or self.empty:
                if block.height > self.room() + _FUZZ and self._split_into_pages(block):
                    return
                self.put(block)
                return
            parts = _split(block, self.room() - gap)
            if parts is not None:
                head, block = parts
                self.put(head)
            self.new_page()

    def _split_into_pages(self, block: Block) -> bool:
        """Put a block taller than an empty page across pages; False if it cannot be."""
        parts = _split(block, self.room())
        if parts is None:
            return False
        head, rest = parts
        self.put(head)
        self.new_page()
        self.place(rest)
        return True


def _split(block: Block, room: float) -> tuple[Block, Block] | None:
    match block:
        case TextBlock():
            return block.split(room)
        case HeadingLine() | ColumnHeading() | SectionTitle():
            return None
        case _:
            assert_never(block)


def group_height(group: Group) -> float:
    """The height of ``group`` with the space between its blocks."""
    height, after = 0.0, None
    for block in group:
        if after is not None:
            height += max(after, block.spacing.before)
        height += block.height
        after = block.spacing.after
    return height


def paginate(groups: Sequence[Group], box: Box) -> list[list[Placed]]:
    """Each page's blocks, with where they go."""
    pages = _Pages(box)
    for group in groups:
        if not group:
            continue
        needed = pages.gap(group[0]) + group_height(group)
        if not pages.empty and needed > pages.room() + _FUZZ:
            pages.new_page()
        for block in group:
            pages.place(block)
    return pages.pages
