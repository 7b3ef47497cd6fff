"""The entry points of resumeout's plugin groups (``resumeout.exporters``,
``resumeout.themes``), read once per process.

Reading entry points opens every installed distribution's ``entry_points.txt``, and a
distribution's name is read by parsing its ``METADATA``: both grow with what is
installed. An export needs the exporters' group, and a theme a package adds needs the
themes' group; one reading serves both, and each distribution's name is read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import Distribution, EntryPoint, entry_points

UNKNOWN_DISTRIBUTION = "an unknown distribution"


@dataclass(frozen=True)
class Declared:
    """One entry point of a resumeout group."""

    name: str
    value: str
    distribution: str
    """The name of the distribution that declares it (UNKNOWN_DISTRIBUTION if none)."""


def declared(group: str) -> tuple[Declared, ...]:
    """The entry points of ``group`` (one of resumeout's), in the order they were read."""
    return tuple(point for point_group, point in _resumeout_points() if point_group == group)


@cache
def _resumeout_points() -> tuple[tuple[str, Declared], ...]:
    names: dict[int, str] = {}

    def distribution_name(point: EntryPoint) -> str:
        dist: Distribution | None = point.dist
        if dist is None:
            return UNKNOWN_DISTRIBUTION
        if id(dist) not in names:
            names[id(dist)] = dist.name
        return names[id(dist)]

    everything = entry_points()  # every group of every distribution, read once
    return tuple(
        (group, Declared(point.name, point.value, distribution_name(point)))
        for group in sorted(everything.groups)
        if group.startswith("resumeout.")
        for point in everything.select(group=group)
    )
