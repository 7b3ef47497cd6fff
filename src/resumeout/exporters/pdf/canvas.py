"""The canvas the PDF is drawn on: reportlab's, carrying the document's :class:`Tagger`
and writing the tagged-PDF entries of each page and of the catalog."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from resumeout.exporters.pdf.tagging import LinkAnnotation, Tagger, link_contents


class TaggedCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose page count is known before the first page is drawn (the layout is
    done by then), so that every page's /StructParents key is too."""

    def __init__(self, *args: Any, pages: int, metadata: PDFStream, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger(pages)
        self._metadata = metadata

    def save(self) -> None:
        self.tagger.write(self._doc)
        self._doc.Catalog.Metadata = self._metadata
        super().save()

    def linkURL(  # noqa: N802 - reportlab's name
        self, url: str, rect: Any, relative: int = 0, *args: Any, **kwargs: Any
    ) -> None:
        """A link annotation that says where it goes and belongs to a Link element."""
        key, element = self.tagger.link()
        kwargs.update(StructParent=key, Contents=link_contents(url))
        super().linkURL(url, rect, relative, *args, **kwargs)
        element.kids.append(LinkAnnotation(self.getPageNumber(), self._annotationrefs[-1]))

    def _setAnnotations(self, page: Any) -> None:  # noqa: N802 - reportlab's name
        super()._setAnnotations(page)
        # Entries reportlab's page object does not know: it writes the names listed
        # in its __NoDefault__.
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = self.tagger.page_key(self._pageNumber)
        page.Tabs = PDFName("S")  # links are reached in structure order
