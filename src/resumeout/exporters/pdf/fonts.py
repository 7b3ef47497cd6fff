"""Finding, embedding and falling back between fonts for the PDF.

reportlab embeds TrueType fonts as subsets with a ToUnicode map, which is what we want
for every character on the page. It cannot read PostScript (CFF) outlines, so only
TrueType-outline files are considered. Loaded fonts are cached for the process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, assert_never

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFZCompress
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from resumeout.exporters.fontfiles import FontFile as FontFile
from resumeout.exporters.fontfiles import FontNotFoundError as FontNotFoundError
from resumeout.exporters.fontfiles import bundled_files as bundled_files
from resumeout.exporters.fontfiles import find_family as find_family
from resumeout.exporters.fontfiles import from_fontconfig
from resumeout.exporters.pdf.look import FontRole

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


@dataclass(frozen=True)
class Family:
    """A registered font family: reportlab names for its four styles."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    origin: str
    files: tuple[FontFile, ...] = field(default=(), compare=False)
    """The files of regular, bold, italic and bold italic (for the scripts toolkit)."""

    @property
    def names(self) -> tuple[str, str, str, str]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


class Fonts:
    """The design's families by role. The mono family is found only when a run of code
    needs it, so that a résumé without code never looks for it (nor warns about it)."""

    def __init__(self, body: Family, heading: Family, mono: Callable[[], Family]) -> None:
        self.body = body
        self.heading = heading
        self._find_mono = mono
        self._mono: Family | None = None

    def family(self, role: FontRole) -> Family:
        match role:
            case FontRole.BODY:
                return self.body
            case FontRole.HEADING:
                return self.heading
            case FontRole.MONO:
                if self._mono is None:
                    self._mono = self._find_mono()
                return self._mono
            case _:
                assert_never(role)


@cache
def load_font(name: str, file: FontFile) -> TTFont:
    font = TTFont(name, str(file.path), subfontIndex=file.index)
    _keep_subsets(font)
    pdfmetrics.registerFont(font)
    return font


def _keep_subsets(font: TTFont) -> None:
    """Remembers the font's subsets by their characters. reportlab cuts a subset of each
    face for every document it saves (``makeSubset``, about 0.5 ms a face); a batch or
    ``--watch`` saves the same characters again and again. The subset is a function of
    the face's bytes (read once, when the font is loaded) and the character codes, so
    the remembered bytes are the ones a new cut would give. Only this font object's
    method is wrapped: reportlab's class is left as it is."""
    make_subset = font.face.makeSubset

    @lru_cache(maxsize=32)
    def remembered(codes: tuple[int, ...]) -> bytes:
        subset: bytes = make_subset(list(codes))
        return subset

    def subset_of(codes: Sequence[int]) -> bytes:
        return remembered(tuple(codes))

    font.face.makeSubset = subset_of
    _keep_compressed_subsets(font, remembered)
    _keep_written_widths(font)


def _keep_compressed_subsets(font: TTFont, subset_of: Callable[[tuple[int, ...]], bytes]) -> None:
    """Remembers each subset's compressed bytes too: reportlab compresses the embedded
    subset again for every document (about 0.4 ms a face, most of a PDF's compression).
    The font file's stream is given a filter that returns the remembered bytes, which
    are what reportlab's own filter gives for the same content."""
    add_subset_objects = font.face.addSubsetObjects

    @lru_cache(maxsize=32)
    def compressed(codes: tuple[int, ...]) -> bytes:
        deflated: bytes = PDFZCompress.encode(subset_of(codes))
        return deflated

    def add_objects(document: Any, font_name: str, subset: Sequence[int]) -> Any:
        reference = add_subset_objects(document, font_name, subset)
        # The stream reportlab just registered, by the name it gives it.
        stream = document.idToObject.get(f"fontFile:{font.face.filename}({font_name})")
        if stream is not None and stream.filters == [PDFZCompress]:
            codes = tuple(subset)
            stream.filters = [_Compressed(subset_of(codes), compressed(codes))]
        return reference

    font.face.addSubsetObjects = add_objects


def _keep_written_widths(font: TTFont) -> None:
    """Remembers how each subset's /Widths is written: reportlab writes its hundred-odd
    numbers again for every document, each through its PDF text codec (about 0.1 ms a
    face). The font objects reportlab adds are found among the document's fonts."""
    add_objects = font.addObjects

    def add_with_written_widths(document: Any) -> None:
        fonts = document.idToObject["BasicFonts"].dict
        earlier = set(fonts)
        add_objects(document)
        for name in fonts.keys() - earlier:
            widths: Any = getattr(fonts[name], "Widths", None)
            if type(widths) is PDFArray:
                fonts[name].Widths = _Numbers(widths.sequence)

    font.addObjects = add_with_written_widths


class _Numbers(PDFArray):  # type: ignore[misc]
    """A :class:`PDFArray` of numbers, written once for each sequence of numbers:
    numbers are written without the document (no references, nothing encrypted)."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - reportlab's name
        return _written_numbers(tuple(self.sequence))


@lru_cache(maxsize=256)
def _written_numbers(numbers: tuple[float, ...]) -> bytes:
    written: bytes = PDFArray(numbers).format(None)
    return written


class _Compressed:
    """reportlab's FlateDecode filter for content whose compressed bytes are known."""

    pdfname = PDFZCompress.pdfname

    def __init__(self, content: bytes, compressed: bytes) -> None:
        self._content = content
        self._compressed = compressed

    def encode(self, text: bytes) -> bytes:
        if text is self._content or text == self._content:
            return self._compressed
        encoded: bytes = PDFZCompress.encode(text)
        return encoded


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
        tuple(chosen[style] for style in ("regular", "bold", "italic", "bold_italic")),
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
        files = from_fontconfig(family)
        if files:
            try:
                fonts.append(load_font(_font_name(files["regular"]), files["regular"]))
            except (TTFError, OSError):
                continue  # a broken or CFF-outline file: skip it
    return tuple(fonts)


def covers(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph
