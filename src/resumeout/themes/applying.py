"""Laying a theme under the source's ``design:`` block, before validation.

The theme's ``design`` is validated on its own first (its problems are located in its
own file), then the source's keys replace the theme's, mapping by mapping: ``design:
{header: {alignment: left}}`` changes only the alignment of the theme's header. A font
the theme keeps in its ``fonts/`` folder is given to the writers as a path to its file,
and a font the theme needs but that is not installed stops here, saying what to install.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from resumeout.errors import SourceError, UsageError
from resumeout.exporters.fontfiles import (
    FontNotFoundError,
    find_family,
    from_folder,
    packaged_family,
)
from resumeout.model.base import Model
from resumeout.model.fields import PlainText
from resumeout.model.style import DEFAULT_THEME, Design
from resumeout.source.design_layers import merged
from resumeout.source.loading import LoadedSource, read_source
from resumeout.themes.catalog import ThemeFolder, UnknownThemeError, find_theme

FONT_KEYS = ("font", "heading_font")


class ThemeFile(Model):
    """What ``theme.yaml`` holds."""

    description: PlainText
    design: Design


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    design: Mapping[str, Any]
    """The theme's ``design`` as written, its own fonts as paths to their files."""
    folder: Path


def load_theme(found: ThemeFolder) -> Theme:
    stat = found.file.stat()
    return _load(found, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load(found: ThemeFolder, mtime_ns: int, size: int) -> Theme:
    """Read and validate a theme file (cached while it is unchanged)."""
    from resumeout.source.validation import diagnose

    loaded = read_source(found.file)
    try:
        theme = ThemeFile.model_validate(loaded.data)
    except ValidationError as error:
        raise SourceError(diagnose(error, loaded, ThemeFile)) from None
    design = dict(loaded.data["design"] or {})
    if "theme" in design:
        raise SourceError(
            [
                loaded.source_map.diagnostic(
                    ("design", "theme"),
                    "a theme cannot name another theme; copy its design instead",
                    code="theme_nested",
                    key=True,
                )
            ]
        )
    fonts = found.folder / "fonts"
    for key in FONT_KEYS:
        family = design.get(key)
        if not isinstance(family, str):
            continue
        if (found.folder / family).exists():  # a path in the theme, relative to it
            design[key] = str(found.folder / family)
        elif fonts.is_dir() and (files := from_folder(fonts, family)):
            design[key] = str(files["regular"].path)
    return Theme(found.name, theme.description, design, found.folder)


def apply_theme(source: LoadedSource, override: str | None = None) -> dict[str, Any]:
    """The source's data with its ``design`` laid over its theme's. Left as it is when
    ``design`` or ``design.theme`` is not of the right type: validation says so."""
    data = source.data
    own = data.get("design", {})
    if not isinstance(own, dict):
        return data
    name = override if override is not None else own.get("theme", DEFAULT_THEME)
    if not isinstance(name, str) or not name.strip():
        return data

    def fail(message: str, code: str) -> SourceError | UsageError:
        if override is not None:
            return UsageError(f"--theme {override}: {message}")
        return SourceError([source.source_map.diagnostic(("design", "theme"), message, code=code)])

    try:
        theme = load_theme(find_theme(name, source.folder))
    except UnknownThemeError as error:
        raise fail(str(error), "theme_unknown") from None
    for key in FONT_KEYS:
        family = theme.design.get(key)
        if key in own or not isinstance(family, str):
            continue
        try:
            find_family(family, theme.folder)
        except FontNotFoundError:
            raise fail(_missing_font(theme, family), "theme_font_missing") from None
    design = merged(theme.design, own)
    design["theme"] = name
    return {**data, "design": design}


def _missing_font(theme: Theme, family: str) -> str:
    packaged = packaged_family(family)
    how = (
        packaged.install
        if packaged is not None
        else f"install it, or put its .ttf files in {theme.folder / 'fonts'}"
    )
    return f"the theme {theme.name!r} uses the font {family!r}, which is not installed; {how}"
