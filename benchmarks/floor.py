"""The floor: the least a Python program must do to write a comparable résumé.

    python benchmarks/floor.py RESUME.md OUT_DIR          # PDF only ("floor")
    python benchmarks/floor.py RESUME.md OUT_DIR --docx   # PDF and DOCX ("floor-both")

It reads resumeout's own Markdown export of a résumé (so the text is the same, word for
word) and writes it with reportlab's canvas — the same Source Sans Pro TrueType files,
embedded as subsets; name, section titles and rules in the accent colour; bold runs;
dates set flush right; text wrapped word by word at the same sizes, leading and margins;
pages broken as needed — and, with ``--docx``, with python-docx in the same fonts and
sizes. No validation, no model, no platypus, no styles: what is left is what reportlab
and python-docx cost. Its figures are a floor for resumeout's, not a goal to copy.

This file imports nothing from resumeout or from the rest of benchmarks/.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ACCENT = "#004f90"
SIZE, LEADING = 10.0, 12.2  # resumeout's default body size and line height
MARGIN_X, MARGIN_Y = 0.7 * 72, 0.6 * 72
FILES = {
    "regular": "SourceSansPro-Regular.ttf",
    "bold": "SourceSansPro-Semibold.ttf",
    "italic": "SourceSansPro-It.ttf",
}
Run = tuple[str, str]  # (style, text)


def font_folder() -> Path:
    spec = importlib.util.find_spec("font_source_sans_pro")  # finds it without importing
    if spec is None or not spec.submodule_search_locations:
        sys.exit("floor: the font-source-sans-pro package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "files"


def runs(markdown: str, style: str = "regular") -> list[Run]:
    """Markdown inline text as styled runs: **bold**, links as their text, escapes."""
    markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    result: list[Run] = []
    for index, part in enumerate(re.split(r"\*\*", markdown)):
        if part:
            result.append(("bold" if index % 2 else style, part.replace("\\", "")))
    return result


def blocks(markdown: str) -> list[tuple[str, list[list[Run]]]]:
    """(kind, lines) per paragraph: kind is name, section, note or entry."""
    result: list[tuple[str, list[list[Run]]]] = []
    for paragraph in re.split(r"\n\s*\n", markdown.strip()):
        if paragraph.startswith("# "):
            result.append(("name", [[("bold", paragraph[2:])]]))
        elif paragraph.startswith("## "):
            result.append(("section", [[("bold", paragraph[3:])]]))
        elif paragraph.startswith("*") and not paragraph.startswith("**"):
            result.append(("note", [[("italic", paragraph.strip("*"))]]))
        else:
            lines = [line.removeprefix("- ") for line in paragraph.split("\\\n")]
            result.append(("entry", [runs(line) for line in lines]))
    return result


class Writer:
    def __init__(self, path: Path, fonts: dict[str, str]) -> None:
        self.canvas = Canvas(
            str(path), pagesize=LETTER, invariant=1, initialFontName=fonts["regular"]
        )
        self.canvas.setTitle("Résumé")
        self.fonts = fonts
        self.width, self.height = LETTER
        self.y = self.height - MARGIN_Y

    def room(self, needed: float) -> None:
        if self.y - needed < MARGIN_Y:
            self.canvas.showPage()
            self.y = self.height - MARGIN_Y

    def line(self, words: list[tuple[str, str]], size: float, leading: float) -> None:
        self.room(leading)
        self.y -= leading
        text = self.canvas.beginText(MARGIN_X, self.y + (leading - size) / 2)
        for style, word in words:
            text.setFont(self.fonts[style], size)
            text.textOut(word)
        self.canvas.drawText(text)

    def paragraph(self, line: list[Run], size: float = SIZE, leading: float = LEADING) -> None:
        """Wraps styled runs word by word to the text width, like any layout engine."""
        limit = self.width - 2 * MARGIN_X
        current: list[tuple[str, str]] = []
        used = 0.0
        for style, text in line:
            for word in re.findall(r"\s*\S+\s*", text):
                advance = pdfmetrics.stringWidth(word, self.fonts[style], size)
                if current and used + advance > limit:
                    self.line(current, size, leading)
                    current, used = [], 0.0
                current.append((style, word))
                used += advance
        if current:
            self.line(current, size, leading)

    def entry(self, lines: list[list[Run]]) -> None:
        head, *rest = lines
        aside: list[Run] = []
        if head and " — " in head[-1][1]:  # "title — dates": the dates flush right
            style, text = head[-1]
            text, _, right = text.rpartition(" — ")
            head = [*head[:-1], (style, text)] if text else head[:-1]
            aside = [(style, right)]
        elif len(head) > 1 and head[-2][1].endswith(" — "):
            aside = [head[-1]]
            head = [*head[:-2], (head[-2][0], head[-2][1].removesuffix(" — "))]
        self.paragraph(head)
        if aside:
            style, text = aside[0]
            self.canvas.setFont(self.fonts[style], SIZE)
            self.canvas.drawRightString(self.width - MARGIN_X, self.y + 2.2 / 2, text)
        for line in rest:
            self.paragraph(line)
        self.y -= SIZE * 0.75

    def write(self, markdown: str) -> None:
        accent = HexColor(ACCENT)
        for kind, lines in blocks(markdown):
            if kind == "name":
                self.canvas.setFillColor(accent)
                self.paragraph(lines[0], SIZE * 2.6, SIZE * 3.0)
                self.canvas.setFillColorRGB(0, 0, 0)
            elif kind == "section":
                self.room(SIZE * 4)
                self.y -= SIZE
                self.canvas.setFillColor(accent)
                self.paragraph(lines[0], SIZE * 1.4, SIZE * 1.6)
                self.canvas.setFillColorRGB(0, 0, 0)
                self.canvas.setStrokeColor(accent)
                self.canvas.line(MARGIN_X, self.y - 2, self.width - MARGIN_X, self.y - 2)
                self.y -= SIZE * 0.35
            elif kind == "note":
                self.paragraph(lines[0], SIZE * 0.8, SIZE)
            else:
                self.entry(lines)
        self.canvas.save()


def write_pdf(markdown: str, path: Path) -> None:
    folder = font_folder()
    fonts = {}
    for style, name in FILES.items():
        font = TTFont(Path(name).stem, str(folder / name))
        pdfmetrics.registerFont(font)
        fonts[style] = font.fontName
    Writer(path, fonts).write(markdown)


def write_docx(markdown: str, path: Path) -> None:
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Source Sans Pro"
    normal.font.size = Pt(SIZE)
    accent = RGBColor.from_string(ACCENT[1:].upper())
    for kind, lines in blocks(markdown):
        for line in lines:
            paragraph = document.add_paragraph()
            for style, text in line:
                run = paragraph.add_run(text)
                run.bold = style == "bold"
                run.italic = style == "italic"
                if kind in ("name", "section"):
                    run.font.size = Pt(SIZE * (2.6 if kind == "name" else 1.4))
                    run.font.color.rgb = accent
    document.save(str(path))


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    markdown = source.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    write_pdf(markdown, out / "floor.pdf")
    if "--docx" in sys.argv[3:]:
        write_docx(markdown, out / "floor.docx")


if __name__ == "__main__":
    main()
