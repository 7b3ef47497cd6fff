"""Styled runs: stretches of text in one font, size and colour, maybe a link, and the
setter that measures and draws them.

Measuring and drawing a run go through a :class:`RunSetter`, chosen per run when runs
are made (:meth:`RunMaker.setter_for`). :data:`SIMPLE` sets characters one by one by
their advance widths, which is right for scripts that need no shaping; a setter that
shapes (joins, reorders, substitutes glyphs) plugs in there, and nothing that breaks
lines or places blocks needs to know.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, runtime_checkable

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resumeout.exporters.pdf.fonts import Family, Fonts, covers, fallback_fonts
from resumeout.exporters.pdf.guessed_direction import guessed_after
from resumeout.exporters.pdf.look import FontRole, Rgb, TextLook
from resumeout.exporters.pdf.uris import ascii_uri
from resumeout.model.inline import Rich, runs

if TYPE_CHECKING:
    from resumeout.exporters.pdf.shaped import DocumentScripts


class Pen:
    """A text object being written, and the text state already in force in it: a state
    is written only when it changes."""

    def __init__(self, text: Any) -> None:
        self.text = text
        """reportlab's text object (what a setter writes its operators to)."""
        self._font: tuple[str, float] | None = None
        self._colour: Rgb | None = None
        self._scale = 100.0
        self.guessed_right_to_left = False
        """Whether PyMuPDF reads a neutral written next as right to left: as the text
        written so far in this text object says (MuPDF starts each one left to right;
        see :mod:`.guessed_direction`)."""
        self.painted: list[str] = []
        """Operators that paint glyphs outside the text object (see :meth:`insert`)."""

    @property
    def x(self) -> float:
        """Where the next run starts: the text cursor, in points from the page's left."""
        x: float = self.text.getX()
        return x

    @property
    def y(self) -> float:
        y: float = self.text.getY()
        return y

    @property
    def document(self) -> Any:
        """reportlab's ``PDFDocument`` the text object belongs to."""
        return self.text._doc

    def wrote(self, text: str) -> None:
        """Note that ``text`` was written next, in this order (see
        :attr:`guessed_right_to_left`)."""
        self.guessed_right_to_left = guessed_after(text, self.guessed_right_to_left)

    def insert(self, operators: list[str], painted: list[str]) -> None:
        """Text operators written by another hand (a shaping setter's): they set their
        own font and positions, so the next run sets its font and place again."""
        self.code.extend(operators)
        self.painted.extend(painted)
        self._font = None

    @contextmanager
    def outlined(self, width: float, colour: Rgb) -> Iterator[None]:
        """Text written within is filled and its outline stroked, ``width`` wide in
        ``colour``: bold synthesised for a face that has none.

        Stroke colour, line width and line join are graphics state that reportlab keeps
        its own account of on the canvas (a rule drawn later sets what it needs, but
        state it was never told of would go on into what follows): afterwards they are
        set back to what the canvas holds, and the render mode to what the text object
        holds. The text state is its own (``Tr`` through reportlab), and ``q``/``Q``
        are not allowed inside a text object."""
        canvas = self.text._canvas
        render_mode: int = self.text._textRenderMode
        self.text.setTextRenderMode(2)  # fill, then stroke
        # Round joins: a mitred corner of a thin CJK stroke could spike far out.
        self.code.extend([f"{fp_str(width)} w", "1 j"])
        self.text.setStrokeColorRGB(colour.red, colour.green, colour.blue)
        try:
            yield
        finally:
            self.text.setTextRenderMode(render_mode)
            self.code.extend([f"{fp_str(canvas._lineWidth)} w", f"{int(canvas._lineJoin)} j"])
            self.text.setStrokeColor(canvas._strokeColorObj)

    def draw_on(self, canvas: Any, *, artifact: bool = False) -> None:
        """Close the text object onto ``canvas``; then the glyphs painted as paths
        (marked as an artifact where no marked content is open around them: their
        characters are in the text layer already)."""
        canvas.drawText(self.text)
        if not self.painted:
            return
        if artifact:
            canvas._code.append("/Artifact <</Type /Layout>> BDC")
        canvas._code.extend(self.painted)
        if artifact:
            canvas._code.append("EMC")

    @property
    def code(self) -> list[str]:
        """The text object's operators, for marked content around part of it."""
        code: list[str] = self.text._code
        return code

    def font(self, name: str, size: float) -> None:
        if self._font != (name, size):
            self.text.setFont(name, size)
            self._font = (name, size)

    def colour(self, colour: Rgb) -> None:
        if self._colour != colour:
            self.text.setFillColorRGB(colour.red, colour.green, colour.blue)
            self._colour = colour

    def scale(self, percent: float) -> None:
        if self._scale != percent:
            self.text.setHorizScale(percent)
            self._scale = percent

    def move_to(self, x: float, y: float) -> None:
        self.text.setTextOrigin(x, y)

    def place(self, x: float, y: float) -> None:
        """Put the pen at (x, y) without writing a move, for a setter that writes each
        glyph's place itself (a shaped run): a move that no glyph follows is still
        read by pypdf, which may take the next move for a gap between words."""
        self.text._x0 = self.text._x = x
        self.text._y0 = self.text._y = y

    def show(self, text: str) -> None:
        start = self.text._x
        self.text.textOut(text)
        self.wrote(text)
        if self._scale != 100.0:  # reportlab's cursor ignores horizontal scaling
            self.text._x = start + (self.text._x - start) * self._scale / 100


class RunSetter(Protocol):
    """Measures and draws runs of one kind of text."""

    def width(self, run: StyledRun) -> float:
        """The run's advance width in points."""

    def draw(self, pen: Pen, run: StyledRun) -> None:
        """Draw the run at the pen's current point, leaving the point after it."""


@runtime_checkable
class BreakingSetter(RunSetter, Protocol):
    """A setter that knows where its text may break besides spaces (between CJK
    characters, between Thai words): line breaking asks it."""

    def breaks(self, text: str) -> list[int]:
        """Offsets ``i`` (0 < i < len) where a line may end before ``text[i]``."""


@runtime_checkable
class SplittingSetter(RunSetter, Protocol):
    """A setter whose fonts for a character depend on its neighbours (a space takes
    the font of the word before it): it cuts a run where the font changes, into runs
    each drawn in one font wherever a line breaks them."""

    def split(self, text: str) -> Sequence[tuple[str, RunSetter]]:
        """``text`` in pieces, each with the setter that draws it as in ``text``."""

    def joined(self, pieces: Sequence[tuple[str, RunSetter]]) -> RunSetter | None:
        """A setter that draws ``pieces``, neighbours on a line, as one run, each in
        its font; None if there is none."""


_KINDS: dict[tuple[type, type], bool] = {}


def _is(setter: RunSetter, protocol: type) -> bool:
    """``isinstance(setter, protocol)``, once a class: a runtime-checkable protocol
    looks its members up on every call (a third of a long Latin PDF's render time)."""
    key = (type(setter), protocol)
    kind = _KINDS.get(key)
    if kind is None:
        kind = _KINDS[key] = isinstance(setter, protocol)
    return kind


def is_splitting(setter: RunSetter) -> TypeGuard[SplittingSetter]:
    return _is(setter, SplittingSetter)


def is_breaking(setter: RunSetter) -> TypeGuard[BreakingSetter]:
    return _is(setter, BreakingSetter)


class SimpleSetter:
    """Characters in order, each by its advance width: no shaping, no kerning."""

    def width(self, run: StyledRun) -> float:
        return float(pdfmetrics.stringWidth(run.text, run.font, run.size))

    def draw(self, pen: Pen, run: StyledRun) -> None:
        pen.font(run.font, run.size)
        pen.colour(run.colour)
        pen.show(run.text)


SIMPLE = SimpleSetter()


@dataclass(frozen=True, slots=True)
class StyledRun:
    text: str
    font: str
    """reportlab's name of a registered font."""
    size: float
    colour: Rgb
    url: str | None = None
    """The link target, in ASCII."""
    setter: RunSetter = field(default=SIMPLE, compare=False)

    def with_text(self, text: str) -> StyledRun:
        # Not dataclasses.replace, which looks the fields up on every call: line breaking
        # makes hundreds of runs a page.
        return StyledRun(text, self.font, self.size, self.colour, self.url, self.setter)

    def width(self) -> float:
        return self.setter.width(self)

    def same_style(self, other: StyledRun) -> bool:
        return (self.font, self.size, self.colour, self.url, self.setter) == (
            other.font,
            other.size,
            other.colour,
            other.url,
            other.setter,
        )


class RunMaker:
    """Makes styled runs from inline text in the design's families: characters a family
    lacks go to a fallback font that has them; characters no font has are remembered."""

    def __init__(
        self, fonts: Fonts, link_colour: Rgb, scripts: DocumentScripts | None = None
    ) -> None:
        self.fonts = fonts
        self.link_colour = link_colour
        self.scripts = scripts
        """The scripts toolkit's setters; None: every run is set plainly."""
        self.missing: dict[str, None] = {}
        """Characters no installed font can draw, in the order met."""

    def face(self, role: FontRole, bold: bool, italic: bool) -> TTFont:
        family = self.fonts.family(role)
        names = {
            (False, False): family.regular,
            (True, False): family.bold,
            (False, True): family.italic,
            (True, True): family.bold_italic,
        }
        return _font(names[bold, italic])

    def lines(self, rich: Rich, look: TextLook) -> list[list[StyledRun]]:
        """``rich`` in ``look``, cut at its line breaks."""
        lines: list[list[StyledRun]] = [[]]
        bold, italic = look.face.bold, look.face.italic
        for run in runs(rich, bold=bold, italic=italic):
            if run.line_break:
                lines.append([])
                continue
            role = FontRole.MONO if run.code else look.font
            family = self.fonts.family(role)
            main = self.face(role, run.bold, run.italic)
            url = ascii_uri(run.url) if run.url else None
            colour = self.link_colour if url else look.colour
            setter = self.setter_for(run.text, main.fontName, family)
            if is_splitting(setter):
                # The setter finds its own fonts for what the face lacks, once for the
                # whole run, so that line breaking measures each word in its font.
                for text, piece_setter in setter.split(run.text):
                    lines[-1].append(
                        StyledRun(text, main.fontName, look.size, colour, url, piece_setter)
                    )
                continue
            if setter is not SIMPLE:
                lines[-1].append(StyledRun(run.text, main.fontName, look.size, colour, url, setter))
                continue
            pieces = self._pieces(run.text, main)
            for text, font in pieces:
                # One piece in the face itself is the run: its setter is chosen already.
                whole = len(pieces) == 1 and font == main.fontName
                piece_setter = setter if whole else self.setter_for(text, font, family)
                lines[-1].append(StyledRun(text, font, look.size, colour, url, piece_setter))
        return lines

    def plain(self, text: str, look: TextLook, colour: Rgb | None = None) -> list[StyledRun]:
        """``text`` (one line) in ``look``, or in ``colour``."""
        line = self.lines(Rich.plain(text), look)[0]
        return [replace(run, colour=colour) for run in line] if colour else line

    def setter_for(self, text: str, font: str, family: Family | None = None) -> RunSetter:
        """The setter of a run: the scripts toolkit's for text that needs shaping,
        bidi or a fallback font, else the plain one."""
        family = family or self.fonts.body
        if self.scripts is None:
            return SIMPLE
        shaped = self.scripts.setter_for(text, font, family.files, family.names)
        return shaped or SIMPLE

    def _pieces(self, text: str, main: TTFont) -> list[tuple[str, str]]:
        """``text`` cut where the font changes: (piece, font name)."""
        pieces: list[tuple[str, str]] = []
        current, buffer = main.fontName, ""
        for char in text:
            font = main if char.isspace() or covers(main, char) else self._fallback_for(char)
            name = (font or main).fontName
            if name != current and buffer:
                pieces.append((buffer, current))
                buffer = ""
            current = name
            buffer += char
        if buffer:
            pieces.append((buffer, current))
        return pieces

    def _fallback_for(self, char: str) -> TTFont | None:
        for font in fallback_fonts():
            if covers(font, char):
                return font
        self.missing.setdefault(char, None)
        return None


def _font(name: str) -> TTFont:
    font: TTFont = pdfmetrics.getFont(name)
    return font
