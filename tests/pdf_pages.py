"""Reading a PDF page by page, as a reader of the printed pages would."""

from __future__ import annotations

import io
from collections.abc import Iterable

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer, LTTextLine
from pypdf import PdfReader

FOOTER_MARK = "— page "


def page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's non-blank lines (pypdf), the "page X of Y" footer left out."""
    return [
        [
            " ".join(line.split())
            for line in page.extract_text().splitlines()
            if line.strip() and FOOTER_MARK not in line
        ]
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def pages_ending_with_a_title(pdf: bytes, titles: Iterable[str]) -> list[int]:
    """The numbers of the pages whose last line is a section title, alone."""
    titles = set(titles)
    return [
        number
        for number, lines in enumerate(page_lines(pdf), start=1)
        if lines and lines[-1] in titles
    ]


def text_lines(pdf: bytes) -> list[LTTextLine]:
    """Every text line pdfminer finds, page after page, with its position."""
    found: list[LTTextLine] = []

    def collect(item: object) -> None:
        if isinstance(item, LTTextLine):
            found.append(item)
        elif isinstance(item, LTTextContainer):
            for child in item:
                collect(child)

    for page in extract_pages(io.BytesIO(pdf)):
        for element in page:
            collect(element)
    return found
