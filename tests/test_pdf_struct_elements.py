"""A structure element's dictionary is written as reportlab writes a dictionary of the
same entries: the same bytes, for short and long lists of kids, with and without a page."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObjectReference,
)

from resumeout.exporters.pdf.tagging import StructElementDictionary


def _document_with_pages(count: int) -> PDFDocument:
    document = PDFDocument(invariant=1)
    # the object numbers reportlab gives as it writes the document
    document.idToObjectNumberAndVersion = {
        f"Page{page}": (page * 4, 0) for page in range(1, count + 1)
    }
    return document


def _kids(count: int) -> list[Any]:
    kids: list[Any] = []
    for index in range(count):
        if index % 3 == 2:
            kids.append(
                PDFDictionary(
                    {"Type": PDFName("MCR"), "Pg": PDFObjectReference("Page2"), "MCID": index}
                )
            )
        elif index % 3 == 1:
            kids.append(PDFObjectReference("Page1"))
        else:
            kids.append(index)
    return kids


@pytest.mark.parametrize("count", [0, 1, 9, 10, 11, 20, 21, 35])
@pytest.mark.parametrize("on_page", [True, False])
def test_the_same_bytes_as_reportlabs_dictionary(count: int, on_page: bool) -> None:
    document = _document_with_pages(2)
    parent = PDFObjectReference("Page2")
    expected_entries: dict[str, Any] = {
        "Type": PDFName("StructElem"),
        "S": PDFName("LBody"),
        "P": parent,
        "K": PDFArray(_kids(count)),
    }
    element = StructElementDictionary("LBody")
    element.parent = parent
    element.kids = _kids(count)
    if on_page:
        expected_entries["Pg"] = PDFObjectReference("Page1")
        element.page = PDFObjectReference("Page1")

    assert element.format(document) == PDFDictionary(expected_entries).format(document)
