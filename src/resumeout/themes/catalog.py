"""Where themes are found: built in, added by a package, or a folder of the project.

A package's theme is found without importing it: its entry point names a package, and
the package's folder is the theme (``theme.yaml`` and ``fonts/``).
"""

from __future__ import annotations

import difflib
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resumeout.model.style import BUILTIN_THEMES
from resumeout.plugins import declared

GROUP = "resumeout.themes"
THEME_FILE = "theme.yaml"
BUILTIN_FOLDER = Path(__file__).parent / "builtin"


@dataclass(frozen=True)
class ThemeFolder:
    name: str
    folder: Path
    origin: str
    """built-in, a distribution's name, or the project."""

    @property
    def file(self) -> Path:
        return self.folder / THEME_FILE


class UnknownThemeError(Exception):
    """The message says what was wrong and what to use instead."""


@cache
def _packaged() -> tuple[ThemeFolder, ...]:
    found = []
    for point in declared(GROUP):
        spec = importlib.util.find_spec(point.value)
        if spec is None or not spec.submodule_search_locations:
            continue  # named a module, not a package folder: nothing to read
        folder = Path(next(iter(spec.submodule_search_locations)))
        found.append(ThemeFolder(point.name, folder, point.distribution))
    return tuple(sorted(found, key=lambda theme: theme.name))


def available_themes() -> tuple[ThemeFolder, ...]:
    """The built-in themes in their order, then those packages add (a package cannot
    replace a built-in one)."""
    builtin = tuple(ThemeFolder(name, BUILTIN_FOLDER / name, "built-in") for name in BUILTIN_THEMES)
    added = tuple(theme for theme in _packaged() if theme.name not in BUILTIN_THEMES)
    return builtin + added


def is_folder_name(name: str) -> bool:
    """``./mytheme``, ``../themes/x`` or an absolute path: a folder, not a name."""
    return name.startswith((".", "/", "~")) or "/" in name or "\\" in name


def find_theme(name: str, base_dir: Path) -> ThemeFolder:
    """The theme ``name`` (a theme's name or a folder relative to ``base_dir``)."""
    if is_folder_name(name):
        folder = (base_dir / name).expanduser()
        if not (folder / THEME_FILE).is_file():
            raise UnknownThemeError(
                f"the theme folder {folder} has no {THEME_FILE}; a theme folder holds "
                f"{THEME_FILE} and its fonts in fonts/"
            )
        return ThemeFolder(name, folder, "the project")
    if name in BUILTIN_THEMES:  # no package can replace one: no need to read the others
        return ThemeFolder(name, BUILTIN_FOLDER / name, "built-in")
    themes = {theme.name: theme for theme in available_themes()}
    if name in themes:
        return themes[name]
    close = difflib.get_close_matches(name, list(themes), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise UnknownThemeError(
        f"unknown theme {name!r}; {hint}the themes are: {', '.join(themes)} "
        "(see `resumeout themes`), or a folder such as ./mytheme"
    )
