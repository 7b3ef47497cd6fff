"""The fallback chain: which font draws a character the document's font lacks.

In order: the document's font; the fonts the user names in ``design.fallback_fonts``
(family names or paths, found like ``design.font``); the fonts the ``world`` extra
installs (OFL Noto and Heebo packages, if present); then the system's fonts in
fontconfig's own order of preference for sans-serif text (``fc-match -s``, one call per
process and weight). Faces load only when a character first needs them, so a Latin
résumé reads no font file beyond its own.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from resumeout.exporters.fontfiles import FontFile, find_family
from resumeout.exporters.pdf.scripts.faces import (
    Face,
    UnusableFontError,
    characters_of,
    load_face,
)

WORLD_FONT_PACKAGES = (
    "fontpkg_noto_sans_arabic",
    "fontpkg_heebo",  # Hebrew: no Noto Sans Hebrew package is published
    "fontpkg_noto_sans_devanagari",
    "fontpkg_noto_sans_thai",
)
"""Packages of the ``world`` extra, each a folder ``files/`` of OFL fonts. (No CJK font
is packaged on the index: CJK comes from the system's fonts.)"""

BOLD_WEIGHT = 700
_FC_FORMAT = "%{file}\t%{index}\t%{fontformat}\t%{charset}\n"


@dataclass(frozen=True)
class Candidate:
    """A font in the chain before it is loaded, with the characters it is known to have
    (from fontconfig, so that no file is opened to rule it out)."""

    file: FontFile
    known_characters: frozenset[int] | None = None

    def may_cover(self, char: str) -> bool:
        return self.known_characters is None or ord(char) in self.known_characters


class FontChain:
    """The fonts tried, in order, for each character of one style of text."""

    def __init__(
        self,
        document_font: FontFile,
        fallback_fonts: Sequence[str] = (),
        base_dir: Path = Path(),
        *,
        bold: bool = False,
        use_system_fonts: bool = True,
    ) -> None:
        self.weight = BOLD_WEIGHT if bold else None
        self.primary = load_face(document_font.path, document_font.index, self.weight)
        self._bold = bold
        self._use_system_fonts = use_system_fonts
        self._candidates = [*_named_fonts(fallback_fonts, base_dir, bold), *_world_fonts()]
        self._unusable: set[Candidate] = set()
        self._by_character: dict[str, Face | None] = {}

    def face_for(self, char: str) -> Face | None:
        """The first face in the chain with a glyph for ``char`` (None: no font has it)."""
        if self.primary.covers(char):
            return self.primary
        if char not in self._by_character:
            self._by_character[char] = self.face_covering(char)
        return self._by_character[char]

    def face_covering(self, text: str) -> Face | None:
        """The first face with a glyph for every character of ``text`` (a cluster)."""
        if all(self.primary.covers(char) for char in text):
            return self.primary
        system = _system_fonts(self._bold, _language_of(text)) if self._use_system_fonts else ()
        for candidate in (*self._candidates, *system):
            if candidate in self._unusable or not all(map(candidate.may_cover, text)):
                continue  # ruled out without opening the file
            try:
                face = load_face(candidate.file.path, candidate.file.index, self.weight)
            except UnusableFontError:
                self._unusable.add(candidate)  # CFF or broken: the next one may do
                continue
            if all(map(face.covers, text)):
                return face
        return None


def _named_fonts(names: Sequence[str], base_dir: Path, bold: bool) -> list[Candidate]:
    candidates: list[Candidate] = []
    for name in names:
        files, _ = find_family(name, base_dir)  # FontNotFoundError: the caller locates it
        style = "bold" if bold else "regular"
        candidates.append(Candidate(files.get(style, files["regular"])))
    return candidates


@cache
def _world_fonts() -> tuple[Candidate, ...]:
    candidates: list[Candidate] = []
    for package in WORLD_FONT_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        folder = Path(next(iter(spec.submodule_search_locations))) / "files"
        # Their characters are known from their cmaps, so that a font is pinned to an
        # instance (seconds for a variable font) only when a character needs it.
        candidates.extend(
            Candidate(FontFile(path), characters_of(path)) for path in sorted(folder.glob("*.ttf"))
        )
    return tuple(candidates)


_LANGUAGE_OF_SCRIPT = {
    "Arab": "ar",
    "Hebr": "he",
    "Deva": "hi",
    "Beng": "bn",
    "Taml": "ta",
    "Telu": "te",
    "Thai": "th",
    "Hani": "zh-cn",
    "Hira": "ja",
    "Kana": "ja",
    "Hang": "ko",
    "Grek": "el",
    "Cyrl": "ru",
    "Armn": "hy",
    "Geor": "ka",
    "Ethi": "am",
    "Khmr": "km",
}
"""A language written in each script, so that fontconfig ranks the fonts made for it
first (its plain sans-serif order puts DejaVu's Arabic before Noto Sans Arabic)."""


def _language_of(text: str) -> str:
    from fontTools.unicodedata import script

    for char in text:
        language = _LANGUAGE_OF_SCRIPT.get(script(char))
        if language:
            return language
    return ""


@cache
def _system_fonts(bold: bool, language: str) -> tuple[Candidate, ...]:
    """fontconfig's fallback list for sans-serif text in ``language``, TrueType only."""
    if shutil.which("fc-match") is None:
        return ()
    pattern = "sans-serif" + (f":lang={language}" if language else "")
    pattern += ":weight=bold" if bold else ""
    try:
        result = subprocess.run(
            ["fc-match", "-s", "--format", _FC_FORMAT, pattern],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    candidates = []
    for line in result.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or parts[2] != "TrueType":
            continue
        path, index, _, charset = parts
        if not path.lower().endswith((".ttf", ".ttc")):
            continue
        file = FontFile(Path(path), int(index or 0))
        candidates.append(Candidate(file, _parse_charset(charset)))
    return tuple(candidates)


def _parse_charset(charset: str) -> frozenset[int]:
    """fontconfig's ``20-7e a0-377 …`` (hexadecimal ranges) as a set of code points."""
    points: set[int] = set()
    for item in charset.split():
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)
