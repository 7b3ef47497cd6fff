"""Where a fact of a variant comes from in the source.

A variant keeps, drops and reorders sections, and keeps or drops entries and bullets; it
changes nothing else in what it keeps (:func:`resumeout.source.variants.apply_variant`),
except the headline it may replace. So each section, entry and bullet of the variant is
found in the source by equality, and a fact of the variant is reported at its source
field, not at the index it has in the variant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from resumeout.model import Resume
from resumeout.source.loading import FieldPath
from resumeout.verification.facts import DatedHeading, Expectations, Fact

PathMap = Callable[[FieldPath], FieldPath]


def relocated(expected: Expectations, source_path: PathMap) -> Expectations:
    """``expected`` with every fact's path mapped by ``source_path``."""

    def move(fact: Fact) -> Fact:
        return replace(fact, path=source_path(fact.path))

    return Expectations(
        tuple(move(fact) for fact in expected.facts),
        tuple(DatedHeading(move(d.heading), move(d.aside)) for d in expected.dated_headings),
        expected.dates_under_headings,
        expected.dates_in_column,
    )


def variant_source_paths(source: Resume, variant: Resume, name: str) -> PathMap:
    """Maps a path in ``variant`` (variant ``name`` of ``source``) to the source's path."""
    sections = _kept_sections(source.sections, variant.sections)
    entries: dict[tuple[int, int], int] = {}
    bullets: dict[tuple[int, int, int], int] = {}
    for shown, original in enumerate(sections):
        if original is None:
            continue
        kept = _kept_in_order(
            source.sections[original].entries, variant.sections[shown].entries, _same_entry
        )
        for position, index in enumerate(kept):
            if index is None:
                continue
            entries[shown, position] = index
            old = getattr(source.sections[original].entries[index], "highlights", ())
            new = getattr(variant.sections[shown].entries[position], "highlights", ())
            for number, at in enumerate(_kept_in_order(old, new, _equal)):
                if at is not None:
                    bullets[shown, position, number] = at
    replaced_headline = source.variants[name].headline is not None

    def source_path(path: FieldPath) -> FieldPath:
        if path == ("headline",) and replaced_headline:
            return ("variants", name, "headline")
        if not path or path[0] != "sections" or len(path) < 2:
            return path
        shown = int(path[1])
        original = sections[shown] if shown < len(sections) else None
        if original is None:  # not found in the source: the variant is the nearest place
            return ("variants", name)
        moved: list[str | int] = ["sections", original]
        rest = list(path[2:])
        if len(rest) >= 2 and rest[0] == "entries":
            position = int(rest[1])
            index = entries.get((shown, position))
            if index is None:
                return ("variants", name)
            moved += ["entries", index]
            rest = rest[2:]
            if len(rest) >= 2 and rest[0] == "highlights":
                number = int(rest[1])
                at = bullets.get((shown, position, number))
                if at is None:
                    return ("variants", name)
                moved += ["highlights", at]
                rest = rest[2:]
        return (*moved, *rest)

    return source_path


def _kept_sections(source: Sequence[Any], shown: Sequence[Any]) -> list[int | None]:
    """For each section shown, its index in the source (the variant may reorder them)."""
    found: list[int | None] = []
    for section in shown:
        index = next(
            (
                index
                for index, original in enumerate(source)
                if index not in found
                and original.model_copy(update={"entries": section.entries}) == section
            ),
            None,
        )
        found.append(index)
    return found


def _kept_in_order(
    source: Sequence[Any], kept: Sequence[Any], same: Callable[[Any, Any], bool]
) -> list[int | None]:
    """For each item of ``kept`` (what a filter left of ``source``, in order), its index in
    ``source``."""
    found: list[int | None] = []
    start = 0
    for item in kept:
        index = next((i for i in range(start, len(source)) if same(source[i], item)), None)
        found.append(index)
        if index is not None:
            start = index + 1
    return found


def _same_entry(original: Any, kept: Any) -> bool:
    """The variant keeps an entry as it is, or with some of its bullets left out."""
    if original == kept:
        return True
    bullets = getattr(kept, "highlights", None)
    return bullets is not None and original.model_copy(update={"highlights": bullets}) == kept


def _equal(original: Any, kept: Any) -> bool:
    return bool(original == kept)
