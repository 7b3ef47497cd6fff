"""The canvas the PDF is drawn on: page X of Y footers, and the tagged structure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from resumeout.exporters.pdf.tagging import LinkAnnotation, Tagger, link_contents


class PageCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so the footer can say "page X of Y" (drawn only
    when there is more than one page), and carries the document's :class:`Tagger`."""

    def __init__(
        self,
        *args: Any,
        footer: tuple[Callable[[int, int], str], Any],
        footer_space: float,
        metadata: PDFStream,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger()
        self._footer = footer
        self._footer_space = footer_space
        self._metadata = metadata
        self._pages: list[dict[str, Any]] = []
        self.page_count = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        # The page is written at save(); until then, count it here so that what refers
        # to "this page" while drawing (bookmarks, tags) names the page being drawn.
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self.tagger.write(self._doc, total)
        self._doc.Catalog.Metadata = self._metadata
        self._doc.pageCounter = 1
        for state in self._pages:
            self.__dict__.update(state)
            if total > 1:
                self._draw_footer(total)
            super().showPage()
        self.page_count = total  # after the loop: each page's state holds the old value
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
        page.StructParents = self.tagger.page_keys[self._pageNumber]
        page.Tabs = PDFName("S")  # links are reached in structure order

    def _draw_footer(self, total: int) -> None:
        markup, style = self._footer
        paragraph = Paragraph(markup(self._pageNumber, total), style)
        width, height = self._pagesize
        _, used = paragraph.wrap(width, height)
        with Tagger.artifact(self._code, "Pagination"):
            # Centred in the bottom margin, below the text block.
            paragraph.drawOn(self, 0, max(6.0, (self._footer_space - used) / 2))
