"""Reads each format back with an independent reader, as a user or a parser would see it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import docx
from markdown_it import MarkdownIt
from pypdf import PdfReader

READERS = ("md", "txt", "pdf", "docx")
"""The formats :func:`read_back` reads."""


def read_back(format_name: str, data: bytes) -> str:
    """The text a reader of the output sees (formatting dropped, links as their labels)."""
    match format_name:
        case "md":
            return _markdown_text(data.decode("utf-8"))
        case "txt":
            return data.decode("utf-8")
        case "pdf":
            reader = PdfReader(io.BytesIO(data))
            return "\n".join(page.extract_text() for page in reader.pages)
        case "docx":
            document = docx.Document(io.BytesIO(data))
            return "\n".join(paragraph.text for paragraph in document.paragraphs)
        case _:
            raise AssertionError(f"no reader for {format_name}")


def _markdown_text(source: str) -> str:
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(source)
    out: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    out.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    out.append("\n")
            out.append("\n")
    return "".join(out)


def words(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare equal to the source."""
    return " ".join(text.split())


def libreoffice_pdf(docx_path: Path, work: Path, fonts: Iterable[Path] | None = None) -> Path:
    """Convert a DOCX with LibreOffice, as a user who has the design's font installed
    would see it (the bundled Source Sans Pro family is given to its fontconfig), or who
    has only ``fonts`` (none: only the system's and the document's own)."""
    from resumeout.exporters.pdf.fonts import bundled_files

    home = work / "lo-home"
    folder = home / ".fonts"
    folder.mkdir(parents=True, exist_ok=True)
    if fonts is None:
        fonts = bundled_files()["regular"].path.parent.glob("*.ttf")
    for file in fonts:
        shutil.copy(file, folder)
    outdir = work / "lo-out"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{work}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(home)},
    )
    return outdir / docx_path.with_suffix(".pdf").name
