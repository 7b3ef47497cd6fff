"""Finds exporters by format name through the ``resumeout.exporters`` entry points: the
built-ins are resumeout's own, declared in its pyproject.toml like any plugin's. Nothing
is imported until a format is asked for, so naming one format never loads another's heavy
library."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resumeout.errors import UsageError
from resumeout.exporters.base import Exporter
from resumeout.exporters.local import folder_exporters
from resumeout.plugins import UNKNOWN_DISTRIBUTION, Declared, declared

GROUP = "resumeout.exporters"
# The distribution whose entry points are the built-in exporters.
DISTRIBUTION = "resumeout"
# What `--format all` means: the documents people read, not interchange formats. The
# built-ins are listed in this order, then the other built-ins, then plugins.
ALL = ("md", "txt", "pdf", "docx")
ALIASES = {"markdown": "md", "text": "txt", "plain": "txt", "word": "docx"}


@dataclass(frozen=True)
class Registration:
    name: str
    target: str
    """``module:Class``."""
    origin: str
    """"built-in", or the distribution that declares it."""


def registrations() -> dict[str, Registration]:
    """Every installed format, built-ins first. Two different exporters with one name are
    an error naming both, not a silent choice."""
    found: dict[str, Registration] = {}
    for registration in _declared():
        known = found.get(registration.name)
        if known is not None and known.target != registration.target:
            raise UsageError(
                f"two exporters are named {registration.name!r}: {known.target} "
                f"({known.origin}) and {registration.target} ({registration.origin}); "
                "uninstall one of them"
            )
        found.setdefault(registration.name, registration)
    return found


@cache
def _declared() -> tuple[Registration, ...]:
    # Read once per process: a batch asks for every format of every source.
    found = [Registration(point.name, point.value, _origin(point)) for point in declared(GROUP)]
    return tuple(sorted(found, key=_listing_order))


def _origin(point: Declared) -> str:
    if point.distribution == UNKNOWN_DISTRIBUTION:
        return UNKNOWN_DISTRIBUTION
    return "built-in" if point.distribution == DISTRIBUTION else point.distribution


def _listing_order(registration: Registration) -> tuple[bool, int]:
    rank = ALL.index(registration.name) if registration.name in ALL else len(ALL)
    return registration.origin != "built-in", rank


def canonical_name(name: str) -> str:
    lowered = name.strip().lower().lstrip(".")
    return ALIASES.get(lowered, lowered)


def load_exporter(name: str, folder: Path | None = None) -> type[Exporter]:
    """The exporter class for a format name or alias; UsageError if there is none.

    ``folder`` names a folder of project-local exporters to consider too; nothing in it is
    run unless it is named."""
    wanted = canonical_name(name)
    known = registrations()
    if folder is not None:
        local = folder_exporters(folder)
        if wanted in local:
            if wanted in known:
                raise UsageError(
                    f"two exporters are named {wanted!r}: {known[wanted].target} "
                    f"({known[wanted].origin}) and {local[wanted].__module__} (in {folder})"
                )
            return local[wanted]
    if wanted not in known:
        import difflib

        available = [*known, *(folder_exporters(folder) if folder else ())]
        close = difflib.get_close_matches(wanted, available, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(
            f"unknown format {name!r}{hint} available: {', '.join(available)} "
            "(see `resumeout formats`)" + _uninstalled_hint(known)
        )
    return load_registered(known[wanted])


def _uninstalled_hint(known: dict[str, Registration]) -> str:
    # Run from a source tree that was never installed, resumeout has no entry points.
    if any(registration.origin == "built-in" for registration in known.values()):
        return ""
    return "; the built-in formats are entry points: install resumeout (`pip install -e .`)"


def formats_for_suffix(suffix: str, folder: Path | None = None) -> list[str]:
    """The formats whose files end in ``suffix`` (any case): the built-ins', else those of
    installed plugins and of ``folder``. Loading a built-in class imports no heavy library."""
    wanted = suffix.lower()
    known = registrations().values()
    builtin = [
        registration.name
        for registration in known
        if registration.origin == "built-in"
        and load_registered(registration).suffix.lower() == wanted
    ]
    if builtin:
        return builtin
    plugins = [
        load_registered(registration) for registration in known if registration.origin != "built-in"
    ]
    local = list(folder_exporters(folder).values()) if folder is not None else []
    return list(
        dict.fromkeys(
            exporter.name for exporter in (*plugins, *local) if exporter.suffix.lower() == wanted
        )
    )


def load_registered(registration: Registration) -> type[Exporter]:
    module_name, _, attribute = registration.target.partition(":")
    try:
        exporter = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise UsageError(
            f"the {registration.name!r} exporter ({registration.target}, from "
            f"{registration.origin}) cannot be loaded: {error}"
        ) from None
    if not (isinstance(exporter, type) and issubclass(exporter, Exporter)):
        raise UsageError(f"{registration.target} is not a resumeout Exporter class")
    if exporter.name != registration.name:
        raise UsageError(
            f"{registration.target} calls itself {exporter.name!r} but is registered as "
            f"{registration.name!r}"
        )
    return exporter
