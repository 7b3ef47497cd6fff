"""Embedding levels by the Unicode Bidirectional Algorithm, and a line's visual order.

python-bidi's compiled ``get_display`` returns only the reordered string; its
``bidi.algorithm`` module runs the same rules step by step in Python and keeps each
character's resolved level, which is what itemizing needs (rules P2–P3, X1–X10, W1–W7,
N1–N2, I1–I2; explicit embeddings and overrides are honoured, isolates are not).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

Direction = Literal["ltr", "rtl"]


def base_direction(text: str) -> Direction:
    """The paragraph's direction from its first strong character (rules P2–P3)."""
    from bidi.algorithm import get_base_level

    return "rtl" if get_base_level(text) == 1 else "ltr"


def embedding_levels(text: str, direction: Direction | None = None) -> tuple[int, list[int]]:
    """The paragraph's base level and each character's resolved level (even: left to
    right, odd: right to left)."""
    from bidi import algorithm

    base_level = 1 if (direction or base_direction(text)) == "rtl" else 0
    storage = algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    # An unassigned code point has no bidi class, which python-bidi rejects; it is an
    # error later (no font has it) or drawn as nothing, so any neutral class will do.
    known = "".join(char if unicodedata.bidirectional(char) else "\ufffc" for char in text)
    algorithm.get_embedding_levels(known, storage)
    every_char = list(storage["chars"])
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    # Rule X9 took the explicit formatting characters (embeddings, overrides, marks)
    # out of the list; they draw nothing and take the level of what precedes them, so
    # they never split a run.
    resolved = {id(char) for char in storage["chars"]}
    levels: list[int] = []
    for char in every_char:
        levels.append(int(char["level"]) if id(char) in resolved else (levels or [base_level])[-1])
    return base_level, levels


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indices of the runs of one line, left to right on the page (rule L2): from the
    highest level down, every maximal sequence at that level or above is reversed."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = (
        min(level for level in levels if level % 2)
        if any(level % 2 for level in levels)
        else max(levels) + 1
    )
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] >= level:
                end = index
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[index:end] = reversed(order[index:end])
                index = end
            else:
                index += 1
    return order
