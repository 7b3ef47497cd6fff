"""Finding, embedding and falling back between fonts for the PDF.

reportlab embeds TrueType fonts as subsets with a ToUnicode map, which is what we want
for every character on the page. It cannot read PostScript (CFF) outlines, so only
TrueType-outline files are considered. Loaded fonts are cached for the process.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

_BUNDLED_FILES = {
    "regular": "SourceSansPro-Regular.ttf",
    "bold": "SourceSansPro-Semibold.ttf",  # Semibold reads as bold at résumé sizes
    "italic": "SourceSansPro-It.ttf",
    "bold_italic": "SourceSansPro-SemiboldIt.ttf",
}
# Families tried, in order, for characters the main font lacks. Each is looked up through
# fontconfig; absent ones are skipped. DejaVu covers Greek, Cyrillic and most symbols;
# Droid Sans Fallback and WenQuanYi Zen Hei cover CJK with TrueType outlines (Noto CJK
# cannot be used: its outlines are CFF).
FALLBACK_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "DejaVu Sans Mono",
)
_STYLE_WORDS = {
    "regular": re.compile(r"^(regular|book|normal|roman)$", re.I),
    "bold": re.compile(r"^(bold|semibold|demibold)$", re.I),
    "italic": re.compile(r"^(italic|oblique)$", re.I),
    "bold_italic": re.compile(r"^(bold|semibold) ?(italic|oblique)$", re.I),
}


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0
    """Sub-font index in a .ttc collection."""


@dataclass(frozen=True)
class Family:
    """A registered font family: reportlab names for its four styles."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    origin: str


class FontNotFoundError(Exception):
    pass


def bundled_files() -> dict[str, FontFile]:
    spec = importlib.util.find_spec("font_source_sans_pro")
    if spec is None or not spec.submodule_search_locations:
        raise FontNotFoundError("the font-source-sans-pro package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "files"
    return {style: FontFile(folder / name) for style, name in _BUNDLED_FILES.items()}


def find_family(font: str, base_dir: Path) -> tuple[dict[str, FontFile], str]:
    """The files of ``font`` (a family name or a path) and where they were found.

    Order: a path, the résumé's ``fonts/`` folder, the system (fontconfig), and for
    Source Sans Pro (the default) the copy installed with resumeout.
    """
    candidate = (base_dir / font).expanduser()
    if candidate.suffix.lower() in (".ttf", ".ttc") and candidate.is_file():
        return _siblings(candidate), str(candidate)
    if candidate.is_dir():
        files = _from_folder(candidate, None)
        if files:
            return files, str(candidate)
    local = base_dir / "fonts"
    if local.is_dir():
        files = _from_folder(local, font)
        if files:
            return files, f"{local}"
    if font.lower().replace(" ", "") in ("sourcesanspro", "sourcesans3", "sourcesans"):
        return bundled_files(), "the font-source-sans-pro package"
    files = _from_fontconfig(font)
    if files:
        return files, "the system's fonts"
    raise FontNotFoundError(f"font {font!r} was not found (as a path, in fonts/, or installed)")


def _siblings(regular: Path) -> dict[str, FontFile]:
    """A family from its regular file: ``X-Regular.ttf`` → ``X-Bold.ttf`` and so on."""
    stem = re.sub(r"[-_ ]?(Regular|Book|Roman)$", "", regular.stem, flags=re.I)
    files = {"regular": FontFile(regular)}
    for style, suffixes in (
        ("bold", ("Bold", "Semibold", "SemiBold", "Bd")),
        ("italic", ("Italic", "It", "Oblique")),
        ("bold_italic", ("BoldItalic", "SemiboldIt", "BoldOblique", "BI")),
    ):
        for suffix in suffixes:
            for separator in ("-", "_", ""):
                path = regular.with_name(f"{stem}{separator}{suffix}{regular.suffix}")
                if path.is_file():
                    files.setdefault(style, FontFile(path))
    return files


def _from_folder(folder: Path, family: str | None) -> dict[str, FontFile]:
    key = family.lower().replace(" ", "") if family else ""
    for path in sorted(folder.glob("*.tt[fc]")):
        if key and not path.stem.lower().replace(" ", "").replace("-", "").startswith(key):
            continue
        if re.search(r"(Regular|Book|Roman)$", path.stem, re.I) or "-" not in path.stem:
            return _siblings(path)
    return {}


@cache
def _fontconfig_listing() -> tuple[tuple[str, str, str, int], ...]:
    """(family, style, file, index) of every TrueType font fontconfig knows."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        result = subprocess.run(
            ["fc-list", "--format", "%{family[0]}\t%{style[0]}\t%{file}\t%{index}\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    rows = []
    for line in sorted(result.stdout.splitlines()):
        parts = line.split("\t")
        if len(parts) == 4 and parts[2].lower().endswith((".ttf", ".ttc")):
            rows.append((parts[0], parts[1], parts[2], int(parts[3] or 0)))
    return tuple(rows)


def _from_fontconfig(family: str) -> dict[str, FontFile]:
    files: dict[str, FontFile] = {}
    for name, style, path, index in _fontconfig_listing():
        if name.lower() != family.lower():
            continue
        for key, pattern in _STYLE_WORDS.items():
            if pattern.match(style) and key not in files:
                files[key] = FontFile(Path(path), index)
    return files if "regular" in files else {}


@cache
def load_font(name: str, file: FontFile) -> TTFont:
    font = TTFont(name, str(file.path), subfontIndex=file.index)
    pdfmetrics.registerFont(font)
    return font


def register_family(files: dict[str, FontFile], origin: str) -> Family:
    """Register a family's four styles (a missing style uses the nearest one)."""
    regular = files["regular"]
    chosen = {
        "regular": regular,
        "bold": files.get("bold", regular),
        "italic": files.get("italic", regular),
        "bold_italic": files.get("bold_italic", files.get("bold", regular)),
    }
    names = {style: _font_name(file) for style, file in chosen.items()}
    for style, file in chosen.items():
        load_font(names[style], file)
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return Family(
        names["regular"],
        names["regular"],
        names["bold"],
        names["italic"],
        names["bold_italic"],
        origin,
    )


def _font_name(file: FontFile) -> str:
    # reportlab's font registry is global: name fonts after their file so that two
    # résumés with different fonts never collide.
    return f"{file.path.stem}-{file.index}" if file.index else file.path.stem


@cache
def fallback_fonts() -> tuple[TTFont, ...]:
    """The installed fallback fonts, in order of preference."""
    fonts = []
    for family in FALLBACK_FAMILIES:
        files = _from_fontconfig(family)
        if files:
            try:
                fonts.append(load_font(_font_name(files["regular"]), files["regular"]))
            except (TTFError, OSError):
                continue  # a broken or CFF-outline file: skip it
    return tuple(fonts)


def covers(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph
