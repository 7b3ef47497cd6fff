"""Finds exporters by format name: the built-ins, then the ``resumeout.exporters`` entry
points of installed distributions. Nothing is imported until a format is asked for, so
naming one format never loads another's heavy library."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from resumeout.errors import UsageError
from resumeout.exporters.base import Exporter
from resumeout.exporters.local import folder_exporters

GROUP = "resumeout.exporters"

# The built-in formats, also declared as entry points in pyproject.toml; listed here so
# that they work from a source checkout and cost no entry-point scan.
BUILTINS = {
    "md": "resumeout.exporters.markdown:MarkdownExporter",
    "txt": "resumeout.exporters.text:TextExporter",
    "pdf": "resumeout.exporters.pdf:PdfExporter",
    "docx": "resumeout.exporters.docx:DocxExporter",
    "jsonresume": "resumeout.exporters.jsonresume:JsonResumeExporter",
}
# What `--format all` means: the documents people read, not interchange formats.
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
    """Every known format, built-in first. Two different exporters with one name are an
    error, not a silent choice."""
    found = {name: Registration(name, target, "built-in") for name, target in BUILTINS.items()}
    for point in entry_points(group=GROUP):
        origin = point.dist.name if point.dist else "an unknown distribution"
        known = found.get(point.name)
        if known is not None and known.target != point.value:
            raise UsageError(
                f"two exporters are named {point.name!r}: {known.target} ({known.origin}) and "
                f"{point.value} ({origin}); uninstall one of them"
            )
        if known is None:
            found[point.name] = Registration(point.name, point.value, origin)
    return found


def canonical_name(name: str) -> str:
    lowered = name.strip().lower().lstrip(".")
    return ALIASES.get(lowered, lowered)


def load_exporter(name: str, folder: Path | None = None) -> type[Exporter]:
    """The exporter class for a format name or alias; UsageError if there is none.

    ``folder`` names a folder of project-local exporters to consider too; nothing in it is
    run unless it is named."""
    wanted = canonical_name(name)
    if folder is not None:
        local = folder_exporters(folder)
        if wanted in local:
            known = registrations()
            if wanted in known:
                raise UsageError(
                    f"two exporters are named {wanted!r}: {known[wanted].target} "
                    f"({known[wanted].origin}) and {local[wanted].__module__} (in {folder})"
                )
            return local[wanted]
    if wanted in BUILTINS:
        return _builtin(wanted)
    known = registrations()
    if wanted not in known:
        available = [*known, *(folder_exporters(folder) if folder else ())]
        raise UsageError(
            f"unknown format {name!r}; available: {', '.join(available)} (see `resumeout formats`)"
        )
    return load_registered(known[wanted])


def formats_for_suffix(suffix: str, folder: Path | None = None) -> list[str]:
    """The formats whose files end in ``suffix`` (any case): the built-ins', else those of
    installed plugins and of ``folder``. Loading a built-in class imports no heavy library."""
    wanted = suffix.lower()
    builtin = [name for name in BUILTINS if _builtin(name).suffix.lower() == wanted]
    if builtin:
        return builtin
    plugins = [
        load_registered(registration)
        for name, registration in registrations().items()
        if name not in BUILTINS
    ]
    local = list(folder_exporters(folder).values()) if folder is not None else []
    return list(
        dict.fromkeys(
            exporter.name for exporter in (*plugins, *local) if exporter.suffix.lower() == wanted
        )
    )


def _builtin(name: str) -> type[Exporter]:
    return load_registered(Registration(name, BUILTINS[name], "built-in"))


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
