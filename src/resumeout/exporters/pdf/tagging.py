"""Tagged PDF: the logical structure of the page (PDF/UA-1, ISO 14289-1), written at
draw time with reportlab's own PDF objects.

The drawing code reports what it draws to the :class:`Tagger` of the canvas: each piece of text
is a marked-content sequence with an MCID, inside the structure element it belongs to;
rules, leaders and footers are artifacts. Structure elements open and close in drawing
order, which is the order of the source, so the tree is the reading order. When the
document is saved, the tagger writes the structure tree (``Document`` → ``H1``, ``P``,
``H2``, ``L``/``LI``/``LBody``, ``Link``), the parent tree that maps marked content and
link annotations back to their elements, and the document-level entries.

Writing the tree with reportlab rather than rewriting the finished file keeps the
rendering a single pass (no measurable cost) and the output byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
    PDFtrue,
)


@dataclass(frozen=True, slots=True)
class MarkedContent:
    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class LinkAnnotation:
    page: int
    reference: Any
    """reportlab's reference to the annotation object."""


@dataclass(slots=True)
class Element:
    """A structure element: a standard role and its content, in reading order."""

    role: str
    kids: list[Element | MarkedContent | LinkAnnotation] = field(default_factory=list)


class Tagger:
    """Collects the structure of a document while it is drawn, then writes it."""

    def __init__(self, pages: int) -> None:
        self.pages = pages
        """The number of pages: their /StructParents keys come first, 0 to pages - 1."""
        self.root = Element("Document")
        self._open = [self.root]
        self._next_mcid: dict[int, int] = {}
        self._marked: Element | None = None
        self.links: list[Element] = []
        """Link elements, in the order of their annotations' /StructParent keys."""

    def begin(self, role: str) -> Element:
        element = self.leaf(role)
        self._open.append(element)
        return element

    def end(self) -> None:
        self._open.pop()

    def leaf(self, role: str) -> Element:
        element = Element(role)
        self._open[-1].kids.append(element)
        return element

    @contextmanager
    def mark(self, code: list[str], page: int, element: Element) -> Iterator[None]:
        """Around what is drawn into ``code`` (a page's or a text object's operators):
        content of ``element``."""
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        element.kids.append(MarkedContent(page, mcid))
        code.append(f"/{element.role} <</MCID {mcid}>> BDC")
        try:
            with self.within(element):
                yield
        finally:
            code.append("EMC")

    @contextmanager
    def within(self, element: Element) -> Iterator[None]:
        """Link annotations made meanwhile belong to ``element``."""
        outer, self._marked = self._marked, element
        try:
            yield
        finally:
            self._marked = outer

    def content(self, canvas: Any, element: Element) -> AbstractContextManager[None]:
        """Around what is drawn on ``canvas``: content of ``element``."""
        return self.mark(canvas._code, canvas.getPageNumber(), element)

    @staticmethod
    @contextmanager
    def artifact(code: list[str], kind: str = "Layout") -> Iterator[None]:
        """Around what is drawn into ``code``: decoration or pagination, not content."""
        code.append(f"/Artifact <</Type /{kind}>> BDC")
        try:
            yield
        finally:
            code.append("EMC")

    def link(self) -> tuple[int, Element]:
        """A Link element for a link annotation, inside the element being drawn, and the
        annotation's /StructParent key; the caller adds the annotation to it."""
        element = Element("Link")
        (self._marked or self._open[-1]).kids.append(element)
        self.links.append(element)
        return self.pages + len(self.links) - 1, element

    def page_key(self, page: int) -> int:
        """The /StructParents key of page ``page`` (from 1)."""
        return page - 1

    def write(self, document: Any) -> None:
        """Write the structure tree and the tagged-PDF entries of the catalog."""
        references: dict[int, Any] = {}
        dictionaries: dict[int, StructElementDictionary] = {}
        parents: dict[tuple[int, int], Any] = {}  # (page, MCID) → element

        def register(element: Element) -> None:
            dictionary = StructElementDictionary(element.role)
            dictionaries[id(element)] = dictionary
            references[id(element)] = document.Reference(dictionary)
            for kid in element.kids:
                if isinstance(kid, Element):
                    register(kid)

        def fill(element: Element, parent: Any) -> None:
            dictionary = dictionaries[id(element)]
            reference = references[id(element)]
            dictionary.parent = parent
            pages_of = [kid.page for kid in element.kids if not isinstance(kid, Element)]
            home = pages_of[0] if pages_of else None
            if home is not None:
                dictionary.page = page_reference(home)
            kids: list[Any] = []
            for kid in element.kids:
                if isinstance(kid, Element):
                    fill(kid, reference)
                    kids.append(references[id(kid)])
                elif isinstance(kid, MarkedContent):
                    parents[(kid.page, kid.mcid)] = reference
                    kids.append(
                        kid.mcid
                        if kid.page == home
                        else PDFDictionary(
                            {
                                "Type": PDFName("MCR"),
                                "Pg": page_reference(kid.page),
                                "MCID": kid.mcid,
                            }
                        )
                    )
                else:
                    kids.append(
                        PDFDictionary(
                            {
                                "Type": PDFName("OBJR"),
                                "Pg": page_reference(kid.page),
                                "Obj": kid.reference,
                            }
                        )
                    )
            dictionary.kids = kids

        root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        root_reference = document.Reference(root)
        register(self.root)
        fill(self.root, root_reference)

        # The parent tree: each page's key → the elements of its MCIDs, in MCID order;
        # then each link annotation's key → its Link element.
        numbers: list[Any] = []
        for page in range(1, self.pages + 1):
            count = self._next_mcid.get(page, 0)
            row = PDFArray([parents[(page, mcid)] for mcid in range(count)])
            numbers += [self.page_key(page), row]
        for index, element in enumerate(self.links):
            numbers += [self.pages + index, references[id(element)]]
        root["K"] = references[id(self.root)]
        root["ParentTree"] = document.Reference(PDFDictionary({"Nums": PDFArray(numbers)}))
        root["ParentTreeNextKey"] = self.pages + len(self.links)
        document.Catalog.StructTreeRoot = root_reference
        document.Catalog.MarkInfo = PDFDictionary({"Marked": PDFtrue})
        document.Catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": PDFtrue})


class StructElementDictionary(PDFObject):  # type: ignore[misc]
    """A structure element's dictionary, written as reportlab writes a
    :class:`PDFDictionary` of the same entries (keys sorted, on one line: there are
    at most five) and its /K as a :class:`PDFArray`, without reportlab's dispatch and
    encoding of every name and number: a page holds some seventy of these."""

    def __init__(self, role: str) -> None:
        self.role = PDFName(role).encode("ascii")
        self.parent: Any = None
        self.page: PDFObjectReference | None = None
        self.kids: list[Any] = []

    def format(self, document: Any) -> bytes:
        kids = [
            str(kid).encode("ascii") if type(kid) is int else kid.format(document)
            for kid in self.kids
        ]
        # reportlab breaks an array's line every ten elements
        for index in reversed(range(10, len(kids), 10)):
            kids.insert(index, b"\n ")
        entries = [b"/K [ " + b" ".join(kids) + b" ]", b"/P " + self.parent.format(document)]
        if self.page is not None:
            entries.append(b"/Pg " + self.page.format(document))
        entries += [b"/S " + self.role, b"/Type /StructElem"]
        return b"<<\n" + b" ".join(entries) + b"\n>>"


def escape(text: str) -> str:
    """``text`` as XML character data: &, < and > escaped (what xml.sax.saxutils.escape
    does, without the urllib, http and ssl modules that importing it loads)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_reference(page: int) -> PDFObjectReference:
    """The reference of page ``page`` (from 1), by the name reportlab gives it."""
    return PDFObjectReference(f"Page{page}")


def link_contents(url: str) -> PDFString:
    """What a link annotation says it does (/Contents), for assistive technology."""
    scheme, _, rest = url.partition(":")
    match scheme.lower():
        case "mailto":
            return PDFString(f"Email {rest}")
        case "tel":
            return PDFString(f"Call {rest}")
        case _:
            return PDFString(f"Link to {url}")


def xmp_metadata(title: str, author: str, date: str, producer: str, lang: str) -> PDFStream:
    """The XMP packet: title and author, and the PDF/UA-1 identification."""
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
   <xmp:CreatorTool>{escape(producer)}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet.encode("utf-8"),
        filters=[],  # uncompressed, so that tools that scan for XMP find it
    )
    return stream
