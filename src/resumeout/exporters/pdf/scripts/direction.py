"""Embedding levels by the Unicode Bidirectional Algorithm, and a line's visual order.

python-bidi's compiled ``get_display`` returns only the reordered string; its
``bidi.algorithm`` module runs the same rules step by step in Python and keeps each
character's resolved level, which is what itemizing needs (rules P2–P3, X1–X10, W1–W7,
N1–N2, I1–I2; explicit embeddings and overrides are honoured, isolates are not). It
predates rule N0 (paired brackets, UAX #9 since Unicode 6.3), which is applied here
between its weak and neutral rules: in "اللغات: English (C2)، Français (B1)" the
closing parenthesis after "B1" belongs with "Français (B1" instead of taking the
paragraph's direction, which drew it at the far left of the line as a "(".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, Literal

Direction = Literal["ltr", "rtl"]

# The opening and closing bracket of each pair (Bidi_Paired_Bracket, Bidi_Paired_Bracket_Type
# Open and Close), from the Unicode Character Database's BidiBrackets.txt (15.0.0; each
# pair is assigned, Ps and Pe, ON and Bidi_Mirrored in Python's unicodedata, 14.0.0).
_BRACKET_PAIRS = (
    (0x0028, 0x0029), (0x005B, 0x005D), (0x007B, 0x007D), (0x0F3A, 0x0F3B), (0x0F3C, 0x0F3D),
    (0x169B, 0x169C), (0x2045, 0x2046), (0x207D, 0x207E), (0x208D, 0x208E), (0x2308, 0x2309),
    (0x230A, 0x230B), (0x2329, 0x232A), (0x2768, 0x2769), (0x276A, 0x276B), (0x276C, 0x276D),
    (0x276E, 0x276F), (0x2770, 0x2771), (0x2772, 0x2773), (0x2774, 0x2775), (0x27C5, 0x27C6),
    (0x27E6, 0x27E7), (0x27E8, 0x27E9), (0x27EA, 0x27EB), (0x27EC, 0x27ED), (0x27EE, 0x27EF),
    (0x2983, 0x2984), (0x2985, 0x2986), (0x2987, 0x2988), (0x2989, 0x298A), (0x298B, 0x298C),
    (0x298D, 0x2990), (0x298F, 0x298E), (0x2991, 0x2992), (0x2993, 0x2994), (0x2995, 0x2996),
    (0x2997, 0x2998), (0x29D8, 0x29D9), (0x29DA, 0x29DB), (0x29FC, 0x29FD), (0x2E22, 0x2E23),
    (0x2E24, 0x2E25), (0x2E26, 0x2E27), (0x2E28, 0x2E29), (0x2E55, 0x2E56), (0x2E57, 0x2E58),
    (0x2E59, 0x2E5A), (0x2E5B, 0x2E5C), (0x3008, 0x3009), (0x300A, 0x300B), (0x300C, 0x300D),
    (0x300E, 0x300F), (0x3010, 0x3011), (0x3014, 0x3015), (0x3016, 0x3017), (0x3018, 0x3019),
    (0x301A, 0x301B), (0xFE59, 0xFE5A), (0xFE5B, 0xFE5C), (0xFE5D, 0xFE5E), (0xFF08, 0xFF09),
    (0xFF3B, 0xFF3D), (0xFF5B, 0xFF5D), (0xFF5F, 0xFF60), (0xFF62, 0xFF63),
)  # fmt: skip
# Brackets are matched by their canonical decompositions: U+2329 and U+232A are U+3008
# and U+3009, so "\u2329" closes with "\u3009" too, and "\u3008" with "\u232a".
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
OPENING_BRACKETS = {chr(opening): chr(closing) for opening, closing in _BRACKET_PAIRS}
"""Each opening paired bracket and the closing bracket it pairs with."""
CLOSING_BRACKETS = {chr(closing): chr(opening) for opening, closing in _BRACKET_PAIRS}
"""Each closing paired bracket and the opening bracket it pairs with."""
_BRACKET_STACK_DEPTH = 63
"""BD16: an opening bracket past this many open ones ends the search for pairs."""


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
    resolve_paired_brackets(storage)
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


def resolve_paired_brackets(storage: dict[str, Any]) -> None:
    """Rule N0 on python-bidi's storage, after the weak types are resolved (W1–W7) and
    before the other neutrals (N1–N2): each pair of brackets takes the direction of
    the strong text it encloses, the embedding direction when that is there, else the
    other direction when the text before the opening bracket has it too. Without
    isolates, each level run is an isolating run sequence."""
    chars = storage["chars"]
    for run in storage["runs"]:
        sequence = chars[run["start"] : run["start"] + run["length"]]
        pairs = _bracket_pairs(sequence)
        if not pairs:
            continue
        embedding = "R" if sequence[0]["level"] % 2 else "L"
        for opening, closing in pairs:
            inside = {_strong(char["type"]) for char in sequence[opening + 1 : closing]}
            if embedding in inside:
                direction = embedding
            elif inside - {None}:
                # The other direction, where the text before the pair has it too.
                before = (_strong(char["type"]) for char in reversed(sequence[:opening]))
                direction = next((strong for strong in before if strong), run["sor"])
            else:
                continue
            for bracket in (opening, closing):
                sequence[bracket]["type"] = direction
                # Marks on a bracket (made ON by W1) take its new direction.
                for char in sequence[bracket + 1 :]:
                    if char["orig"] != "NSM":
                        break
                    char["type"] = direction


def _bracket_pairs(sequence: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """The bracket pairs of an isolating run sequence (BD16), by their opening bracket's
    position: each closing bracket pairs with the nearest open bracket of its kind,
    closing the brackets opened after that one; brackets overridden to a strong type are
    not brackets."""
    openers: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(sequence):
        if char["type"] != "ON":
            continue
        bracket = char["ch"]
        if bracket in OPENING_BRACKETS:
            if len(openers) == _BRACKET_STACK_DEPTH:
                break
            closing = OPENING_BRACKETS[bracket]
            openers.append((_CANONICAL.get(closing, closing), index))
        elif bracket in CLOSING_BRACKETS:
            closing = _CANONICAL.get(bracket, bracket)
            for depth in range(len(openers) - 1, -1, -1):
                if openers[depth][0] == closing:
                    pairs.append((openers[depth][1], index))
                    del openers[depth:]
                    break
    return sorted(pairs)


def _strong(bidi_type: str) -> str | None:
    """The direction a resolved type counts as for rule N0: numbers count as R."""
    if bidi_type == "L":
        return "L"
    return "R" if bidi_type in ("R", "AL", "EN", "AN") else None


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
