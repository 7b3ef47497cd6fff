"""The fallback chain: which font draws a character the document's font lacks.

In order, for each cluster of characters:

1. the document's font;
2. the fonts the user names in ``design.fallback_fonts`` (family names or paths, found
   like ``design.font``), in the order named;
3. the system's fonts, found through fontconfig (one ``fc-match -a`` a process, weight
   and language), ranked by :func:`rank_system_fonts`: a font made for the script
   before a pan-Unicode one;
4. the fonts the ``world`` extra installs (OFL Noto and Heebo packages), if present, so
   that a machine without fontconfig or without fonts for the script still sets it.

The first font that has a glyph for every character of the cluster draws it. Faces load
only when a character first needs them, and fontconfig is asked only then: a Latin
résumé reads no font file beyond its own and starts no process.

Text of no script (a full-width comma, a bullet, a dash) says nothing of the design it
belongs with, and fontconfig's order for it is its family preference: a Chinese
résumé's separator ``，`` came from DroidSansFallback between words in WenQuanYi Zen
Hei. So such text first tries the fallback fonts the document has already drawn text
of a script with (in the order first drawn), as a browser keeps a run in the font of
its neighbours: the chain only asks further when none of them has it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from resumeout.exporters.fontfiles import FontFile, find_family, fontconfig
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
_FONTCONFIG_BOLD = 200
_FONTCONFIG_REGULAR = 80
_FC_FIELDS = ("file", "index", "fontformat", "family", "weight", "slant", "lang", "charset")
_FC_FORMAT = "\t".join(f"%{{{name}}}" for name in _FC_FIELDS) + "\n"


@dataclass(frozen=True)
class Candidate:
    """A font in the chain before it is loaded, with the characters it is known to have
    (from fontconfig, so that no file is opened to rule it out)."""

    file: FontFile
    known_characters: frozenset[int] | None = None
    charset: str = field(default="", compare=False, repr=False)
    """Or fontconfig's charset (hexadecimal ranges), parsed when first asked: most of
    the fonts fontconfig lists are never asked about."""

    def may_cover(self, char: str) -> bool:
        if self.charset:
            return ord(char) in _parse_charset(self.charset)
        return self.known_characters is None or ord(char) in self.known_characters


@dataclass(frozen=True)
class SystemFont:
    """One font as fontconfig describes it (``fc-match -a``), in fontconfig's order."""

    candidate: Candidate
    families: tuple[str, ...]
    weight: int
    """fontconfig's scale: 80 regular, 200 bold."""
    slant: int
    """0 upright; 100 italic, 110 oblique."""
    languages: frozenset[str]
    """The languages fontconfig finds the font's characters enough to write."""


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
        in_use: list[FontFile] | None = None,
    ) -> None:
        self.weight = BOLD_WEIGHT if bold else None
        self.in_use = [] if in_use is None else in_use
        """The fallback fonts chosen so far for text of a script, in the order first
        chosen; a list the chains of one document share, so that a bold run's comma
        takes the font its regular neighbours are drawn in."""
        self.primary = load_face(document_font.path, document_font.index, self.weight)
        self._bold = bold
        self._serif = is_serif(self.primary.postscript_name)
        self._use_system_fonts = use_system_fonts
        self._named = _named_fonts(fallback_fonts, base_dir, bold)
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
        languages = _languages_of(text)
        for candidate in self.candidates(text, languages):
            if candidate in self._unusable or not all(map(candidate.may_cover, text)):
                continue  # ruled out without opening the file
            try:
                face = load_face(candidate.file.path, candidate.file.index, self.weight)
            except UnusableFontError:
                self._unusable.add(candidate)  # CFF or broken: the next one may do
                continue
            if all(map(face.covers, text)):
                if languages and candidate.file not in self.in_use:
                    self.in_use.append(candidate.file)
                return face
        return None

    def candidates(
        self, text: str, languages: tuple[str, ...] | None = None
    ) -> Iterable[Candidate]:
        """The fonts after the document's, in the order tried for ``text``: named,
        (for text of no script: those in use) system, world extra. Lazily: fontconfig
        is asked only if no named font has ``text``, the world extra looked for only if
        no system font has it."""
        if languages is None:
            languages = _languages_of(text)
        yield from self._named
        if not languages:
            yield from (Candidate(file) for file in self.in_use)
        if self._use_system_fonts:
            for font in _system_fonts(self._bold, languages, self._serif):
                yield font.candidate
        yield from _world_fonts()


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
        # Their characters are known from their cmaps, so that a font is opened for
        # shaping only when a character needs it.
        candidates.extend(
            Candidate(FontFile(path), characters_of(path)) for path in sorted(folder.glob("*.ttf"))
        )
    return tuple(candidates)


_CJK = ("zh-cn", "ja", "ko")
"""Han, kana and hangul are asked of one font that supports all three languages, so
that a line mixing kanji and kana (or hanja and hangul) is set in one design."""

_LANGUAGES_OF_SCRIPT: dict[str, tuple[str, ...]] = {
    "Arab": ("ar",),
    "Hebr": ("he",),
    "Deva": ("hi",),
    "Beng": ("bn",),
    "Taml": ("ta",),
    "Telu": ("te",),
    "Thai": ("th",),
    "Hani": _CJK,
    "Hira": _CJK,
    "Kana": _CJK,
    "Hang": _CJK,
    "Bopo": _CJK,
    "Grek": ("el",),
    "Cyrl": ("ru",),
    "Armn": ("hy",),
    "Geor": ("ka",),
    "Ethi": ("am",),
    "Khmr": ("km",),
}
"""Languages written in each script: fontconfig says which fonts support a language,
not a script."""


def is_east_asian(text: str) -> bool:
    """Whether ``text``'s first letter is Han, kana, hangul or bopomofo."""
    return _languages_of(text) == _CJK


def _languages_of(text: str) -> tuple[str, ...]:
    from fontTools.unicodedata import script

    for char in text:
        languages = _LANGUAGES_OF_SCRIPT.get(script(char))
        if languages:
            return languages
    return ()


def is_serif(postscript_name: str) -> bool:
    """Whether a font's name says it is a serif design (``SourceSerifPro-Regular``,
    ``DejaVuSerif``): names are what fonts say of their design most reliably."""
    return "Serif" in postscript_name and "SansSerif" not in postscript_name


# Words in family names that mark a design with serifs or its counterpart in a script
# that has no serifs as such: Naskh (Arabic), Mincho, Song and Ming (CJK).
_SERIF_WORDS = frozenset({"Serif", "Naskh", "Mincho", "Song", "Ming"})


def rank_system_fonts(
    fonts: Sequence[SystemFont], languages: Sequence[str], bold: bool, serif: bool = False
) -> tuple[SystemFont, ...]:
    """``fonts`` (in fontconfig's order) in the order the chain tries them.

    fontconfig's own order for ``sans-serif:lang=ar`` puts DejaVu Sans first: the
    family preference (DejaVu Sans, Noto Sans…) outranks the language, and DejaVu has
    Arabic letters, but not a design made for Arabic. So, for text in a language, the
    fonts are ranked by, in turn:

    1. support for the language (fontconfig's ``lang``; for CJK text, all of Chinese,
       Japanese and Korean) first;
    2. the design of the document's font: "Sans" in a family name first (names are the
       only sign of a design fontconfig gives for most non-Latin families, so Noto Sans
       Arabic comes before Noto Kufi Arabic or Noto Naskh Arabic), or, for a serif
       document font (``serif``: the academic theme's Source Serif), "Serif", "Naskh",
       "Mincho", "Song" or "Ming" first (Noto Naskh Arabic, Noto Serif Devanagari);
    3. the fewest languages supported: a font made for the script (Noto Sans Arabic:
       14 languages; Noto Sans Hebrew: 2) before a pan-Unicode one (DejaVu Sans: 189);
    4. the nearest weight, then upright before slanted;
    5. fontconfig's order.

    Text with no language (symbols, emoji) keeps fontconfig's order, less slanted
    faces and with the nearest weight first. The ranking is a pure function of what
    fontconfig says, so the same machine always picks the same font.
    """
    wanted = _FONTCONFIG_BOLD if bold else _FONTCONFIG_REGULAR

    def style(font: SystemFont) -> tuple[int, bool]:
        return abs(font.weight - wanted), font.slant != 0

    def for_language(font: SystemFont) -> tuple[object, ...]:
        words = {word for family in font.families for word in family.split()}
        matches = bool(words & _SERIF_WORDS) if serif else "Sans" in words
        supported = font.languages.issuperset(languages)
        return (not supported, not matches, len(font.languages), *style(font))

    # sorted() is stable: fonts that tie keep fontconfig's order.
    return tuple(sorted(fonts, key=for_language if languages else style))


@cache
def _system_fonts(
    bold: bool, languages: tuple[str, ...], serif: bool = False
) -> tuple[SystemFont, ...]:
    """The system's TrueType fonts, ranked for text in ``languages`` (see
    :func:`rank_system_fonts`); none without fontconfig."""
    pattern = ("serif" if serif else "sans-serif") + (f":lang={languages[0]}" if languages else "")
    pattern += ":weight=bold" if bold else ""
    # -a: every font, not the list trimmed to the fonts that add characters (which
    # drops a font made for a script when a pan-Unicode font before it has them).
    output = fontconfig("fc-match", "-a", "--format", _FC_FORMAT, pattern)
    if output is None:
        return ()
    return rank_system_fonts(parse_fc_match(output), languages, bold, serif)


def parse_fc_match(output: str) -> list[SystemFont]:
    """The TrueType fonts in ``fc-match -a --format`` output (fields: ``_FC_FIELDS``)."""
    fonts = []
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) != len(_FC_FIELDS):
            continue
        path, index, kind, families, weight, slant, languages, charset = parts
        if kind != "TrueType" or not path.lower().endswith((".ttf", ".ttc")):
            continue
        candidate = Candidate(FontFile(Path(path), int(index or 0)), charset=charset)
        fonts.append(
            SystemFont(
                candidate,
                tuple(families.split(",")),
                _number(weight),
                _number(slant),
                frozenset(languages.split("|")) - {""},
            )
        )
    return fonts


def _number(text: str) -> int:
    # A variable font reports a range, "[40 210]": its default is what is drawn.
    try:
        return int(float(text.strip("[]").split()[0]))
    except (ValueError, IndexError):
        return 0


@cache
def _parse_charset(charset: str) -> frozenset[int]:
    """fontconfig's ``20-7e a0-377 …`` (hexadecimal ranges) as a set of code points."""
    points: set[int] = set()
    for item in charset.split():
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)
