"""The PDF text readers applicant tracking systems are built on, each as a function from a
file to the text it reads. A reader whose tool or library is not installed skips the
test that asks for it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest


def _pdftotext(*options: str) -> Callable[[Path], str]:
    def read(path: Path) -> str:
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext (poppler-utils) is not installed")
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode("utf-8")

    return read


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    text: str = extract_text(str(path))
    return text


def _pdfplumber(path: Path) -> str:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pymupdf(sort: bool) -> Callable[[Path], str]:
    def read(path: Path) -> str:
        pymupdf = pytest.importorskip("pymupdf")
        with pymupdf.open(str(path)) as document:
            return "\n".join(page.get_text(sort=sort) for page in document)

    return read


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


PDF_READERS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(),
    "pdftotext -layout": _pdftotext("-layout"),
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "PyMuPDF": _pymupdf(sort=False),
    "PyMuPDF sorted": _pymupdf(sort=True),
    "pypdf": _pypdf,
}
"""By name: the seven readers whose text a résumé must survive."""
