"""Themes: named layout descriptions (a ``design:`` block with a description), each a
folder holding ``theme.yaml`` and, if it needs them, its fonts in ``fonts/``.

Built-in themes live in ``builtin/``; a package adds more through the entry-point group
``resumeout.themes`` (a name pointing at a package whose folder is the theme); a project
keeps its own next to the résumé (``design.theme: ./mytheme``).
"""

from resumeout.themes.applying import apply_theme
from resumeout.themes.catalog import ThemeFolder, available_themes, find_theme

__all__ = ["ThemeFolder", "apply_theme", "available_themes", "find_theme"]
