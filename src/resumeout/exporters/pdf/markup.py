"""Inline text → reportlab paragraph markup: user text escaped at the leaves, characters
the main font lacks set in a fallback font, links as real link annotations."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resumeout.exporters.pdf.fonts import Family, covers, fallback_fonts
from resumeout.exporters.pdf.uris import ascii_uri
from resumeout.model.inline import Rich, Run, runs


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text in one font, for text drawn without paragraph markup."""

    text: str
    font: str
    url: str | None


class MarkupWriter:
    """Writes paragraph markup for one family; remembers characters no font could draw."""

    def __init__(self, family: Family, link_color: str) -> None:
        self.family = family
        self.link_color = link_color
        self.fonts = {
            (False, False): pdfmetrics.getFont(family.regular),
            (True, False): pdfmetrics.getFont(family.bold),
            (False, True): pdfmetrics.getFont(family.italic),
            (True, True): pdfmetrics.getFont(family.bold_italic),
        }
        self.missing: dict[str, str] = {}
        """character → the text it was found in."""
        self._registered_fallbacks: set[str] = set()

    def markup(self, rich: Rich, *, bold: bool = False, italic: bool = False) -> str:
        return "".join(self._run(run) for run in runs(rich, bold=bold, italic=italic))

    def plain(self, text: str, *, bold: bool = False, italic: bool = False) -> str:
        return self.markup(Rich.plain(text), bold=bold, italic=italic)

    def segments(self, rich: Rich, *, bold: bool = False) -> list[Segment] | None:
        """``rich`` as one line of segments, or None when it holds a line break."""
        segments = []
        for run in runs(rich, bold=bold):
            if run.line_break:
                return None
            main = self.fonts[(run.bold, run.italic)]
            url = ascii_uri(run.url) if run.url else None
            for text, fallback in self._pieces(run.text, main):
                segments.append(Segment(text, fallback or main.fontName, url))
        return segments

    def _run(self, run: Run) -> str:
        if run.line_break:
            return "<br/>"
        text = "".join(
            self._piece(piece, fallback)
            for piece, fallback in self._pieces(run.text, self.fonts[(run.bold, run.italic)])
        )
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.url:
            href, color = quoteattr(ascii_uri(run.url)), quoteattr(self.link_color)
            text = f"<a href={href} color={color}>{text}</a>"
        return text

    def _pieces(self, text: str, main: TTFont) -> list[tuple[str, str | None]]:
        """``text`` cut where the font changes: (piece, fallback font or None for main)."""
        pieces: list[tuple[str, str | None]] = []
        current: str | None = None  # the fallback font of the open piece, None = main
        buffer = ""
        for char in text:
            font = None if char.isspace() or covers(main, char) else self._fallback_for(char)
            if font != current and buffer:
                pieces.append((buffer, current))
                buffer = ""
            current = font
            buffer += char
        if buffer:
            pieces.append((buffer, current))
        return pieces

    def _piece(self, text: str, font: str | None) -> str:
        escaped = escape(text)
        return escaped if font is None else f"<font face={quoteattr(font)}>{escaped}</font>"

    def _fallback_for(self, char: str) -> str | None:
        for font in fallback_fonts():
            if covers(font, char):
                if font.fontName not in self._registered_fallbacks:
                    # <b> around a fallback piece needs a family to map to; it has one face.
                    name = font.fontName
                    pdfmetrics.registerFontFamily(
                        name, normal=name, bold=name, italic=name, boldItalic=name
                    )
                    self._registered_fallbacks.add(name)
                return str(font.fontName)
        self.missing.setdefault(char, "")
        return None
