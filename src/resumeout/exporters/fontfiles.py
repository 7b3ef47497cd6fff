"""Finding a font family's files by name or path, for every exporter that embeds fonts.

A family is four files (regular, bold, italic, bold italic; a missing style is left out)
found, in order, as a path, in the résumé's ``fonts/`` folder, as a family installed with
a Python package (Source Sans Pro always; Source Serif Pro with the ``themes`` extra), or
through fontconfig. Only TrueType-outline files (.ttf, .ttc) are considered: reportlab
cannot read PostScript (CFF) outlines.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STYLES = ("regular", "bold", "italic", "bold_italic")
BUNDLED_FAMILY = "Source Sans Pro"


@dataclass(frozen=True)
class PackagedFamily:
    """A family whose static TrueType files a Python package installs."""

    module: str
    install: str
    """What to install when it is missing."""
    prefix: str
    """File names: PREFIX-Regular.ttf, PREFIX-Semibold.ttf, PREFIX-It.ttf…"""

    def files(self, folder: Path) -> dict[str, FontFile]:
        # Semibold reads as bold at résumé sizes.
        names = {
            "regular": "Regular",
            "bold": "Semibold",
            "italic": "It",
            "bold_italic": "SemiboldIt",
        }
        return {
            style: FontFile(folder / f"{self.prefix}-{name}.ttf") for style, name in names.items()
        }


PACKAGED_FAMILIES = {
    "sourcesanspro": PackagedFamily(
        "font_source_sans_pro", "pip install font-source-sans-pro", "SourceSansPro"
    ),
    "sourceserifpro": PackagedFamily(
        "font_source_serif_pro",
        "pip install 'resumeout[themes]' (or font-source-serif-pro)",
        "SourceSerifPro",
    ),
}
"""By family name without spaces, lowercase."""
_ALIASES = {"sourcesans3": "sourcesanspro", "sourcesans": "sourcesanspro"}
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


class FontNotFoundError(Exception):
    pass


def file_version(file: FontFile) -> tuple[int, int, int]:
    """What tells one state of a font file from another (modification time, size, inode):
    part of the key of every cache of what is read from it, so that a file replaced
    while the process runs (``export --watch``) is read again. Raises OSError when the
    file cannot be read."""
    stat = file.path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def bundled_files() -> dict[str, FontFile]:
    return packaged_files(PACKAGED_FAMILIES["sourcesanspro"])


def packaged_files(family: PackagedFamily) -> dict[str, FontFile]:
    folder = _found_packages.get(family.module)
    if folder is None or not folder.is_dir():
        # Looked up once while it stays where it was found: every export of a batch
        # asks for the default font two to four times, and each search walks sys.path.
        spec = importlib.util.find_spec(family.module)
        if spec is None or not spec.submodule_search_locations:
            raise FontNotFoundError(f"its package is not installed; {family.install}")
        folder = _found_packages[family.module] = Path(next(iter(spec.submodule_search_locations)))
    return family.files(folder / "files")


_found_packages: dict[str, Path] = {}
"""The folder of each font package found, by module name."""


def packaged_family(font: str) -> PackagedFamily | None:
    key = font.lower().replace(" ", "")
    return PACKAGED_FAMILIES.get(_ALIASES.get(key, key))


def find_family(font: str, base_dir: Path) -> tuple[dict[str, FontFile], str]:
    """The files of ``font`` (a family name or a path) and where they were found.

    Order: a path, the résumé's ``fonts/`` folder, the system (fontconfig), and for
    Source Sans Pro (the default) the copy installed with resumeout.
    """
    candidate = (base_dir / font).expanduser()
    if candidate.suffix.lower() in (".ttf", ".ttc") and candidate.is_file():
        return _siblings(candidate), str(candidate)
    if candidate.is_dir():
        files = from_folder(candidate, None)
        if files:
            return files, str(candidate)
    local = base_dir / "fonts"
    if local.is_dir():
        files = from_folder(local, font)
        if files:
            return files, f"{local}"
    packaged = packaged_family(font)
    if packaged is not None:
        try:
            return packaged_files(packaged), f"the {packaged.module.replace('_', '-')} package"
        except FontNotFoundError:
            pass  # perhaps installed on the system
    files = from_fontconfig(font)
    if files:
        return files, "the system's fonts"
    hint = f"; {packaged.install}" if packaged is not None else ""
    raise FontNotFoundError(
        f"font {font!r} was not found (as a path, in fonts/, or installed){hint}"
    )


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


def from_folder(folder: Path, family: str | None) -> dict[str, FontFile]:
    key = family.lower().replace(" ", "") if family else ""
    for path in sorted(folder.glob("*.tt[fc]")):
        if key and not path.stem.lower().replace(" ", "").replace("-", "").startswith(key):
            continue
        if re.search(r"(Regular|Book|Roman)$", path.stem, re.I) or "-" not in path.stem:
            return _siblings(path)
    return {}


def fontconfig(command: str, *arguments: str) -> str | None:
    """What a fontconfig tool (``fc-list``, ``fc-match``) prints, or None when it is not
    installed or fails: fonts are then found without it."""
    import shutil  # here: only a font found nowhere else asks fontconfig
    import subprocess

    if shutil.which(command) is None:
        return None
    try:
        result = subprocess.run(
            [command, *arguments], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout


@cache
def _fontconfig_listing() -> tuple[tuple[str, str, str, int], ...]:
    """(family, style, file, index) of every TrueType font fontconfig knows."""
    output = fontconfig("fc-list", "--format", "%{family[0]}\t%{style[0]}\t%{file}\t%{index}\n")
    if output is None:
        return ()
    rows = []
    for line in sorted(output.splitlines()):
        parts = line.split("\t")
        if len(parts) == 4 and parts[2].lower().endswith((".ttf", ".ttc")):
            rows.append((parts[0], parts[1], parts[2], int(parts[3] or 0)))
    return tuple(rows)


def from_fontconfig(family: str) -> dict[str, FontFile]:
    files: dict[str, FontFile] = {}
    for name, style, path, index in _fontconfig_listing():
        if name.lower() != family.lower():
            continue
        for key, pattern in _STYLE_WORDS.items():
            if pattern.match(style) and key not in files:
                files[key] = FontFile(Path(path), index)
    return files if "regular" in files else {}
