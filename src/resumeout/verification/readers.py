"""The text of a PDF or a DOCX, as a common applicant-tracking text reader gets it.

PDFs are read with pdfminer.six (the reader behind many résumé parsers, installed with
``resumeout[verify]``), Word documents with python-docx. Both are imported only here and
only when a document of their kind is read, so ``resumeout --help`` stays instant.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from resumeout.errors import UsageError

Kind = Literal["pdf", "docx"]
KINDS: dict[str, Kind] = {".pdf": "pdf", ".docx": "docx"}
READER_NAMES: dict[Kind, str] = {"pdf": "pdfminer.six", "docx": "python-docx"}
INSTALL_HINT = "pip install 'resumeout[verify]'"


class ReaderMissingError(UsageError):
    """The optional PDF reader is not installed: the command cannot run as asked."""


@dataclass(frozen=True, slots=True)
class ReadDocument:
    name: str
    """The document as the user knows it: a path, or the name export would give it."""
    kind: Kind
    text: str | None
    """What the reader got; None when it could not read the document at all."""
    failure: str = ""
    """Why the reader could not read it."""

    @property
    def reader(self) -> str:
        return READER_NAMES[self.kind]


def require_readers(kinds: set[Kind]) -> None:
    """Fail before any work when a reader for one of ``kinds`` is not installed."""
    if "pdf" in kinds:
        try:
            import pdfminer.high_level  # noqa: F401 - only asking whether it is there
        except ImportError:
            raise ReaderMissingError(
                "verify reads PDFs with pdfminer.six, which is not installed; install it "
                f"with `{INSTALL_HINT}` (or `pip install pdfminer.six`)"
            ) from None


def read_document(name: str, kind: Kind, data: bytes) -> ReadDocument:
    try:
        text = _read_pdf(data) if kind == "pdf" else _read_docx(data)
    except Exception as error:
        # A broken or foreign file can fail anywhere in a third-party parser; what the
        # user needs is that a reader gets nothing from it, and the parser's reason.
        reason = str(error) or type(error).__name__
        return ReadDocument(name, kind, None, f"{type(error).__name__}: {reason}")
    return ReadDocument(name, kind, text)


def _read_pdf(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):  # a reader reads a table cell by cell, row by row
            for row in block.rows:
                lines += [paragraph.text for cell in row.cells for paragraph in cell.paragraphs]
        else:
            lines.append(block.text)
    return "\n".join(lines)
