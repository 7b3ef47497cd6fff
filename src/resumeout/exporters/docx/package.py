"""The package around the document: only the parts a word processor needs, settings of
our own, only the styles in use, and the same bytes for the same source.

python-docx starts from a template made in Word 2010 for the Mac. What it leaves
behind is dropped here: a blank thumbnail (file managers show it as the preview), a
second copy of every style (stylesWithEffects.xml), customXml, web settings, a theme
whose fonts no style of ours uses, extended properties naming "Microsoft Macintosh
Word", revision ids, and compatibility mode 14 (Word opens such a file in compatibility
mode, with a banner).
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem  # the [Content_Types].xml python-docx writes
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from resumeout.exporters.docx.zip_writer import ZipWriter

_LEFTOVER_PACKAGE_PARTS = {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}
_LEFTOVER_DOCUMENT_PARTS = {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.WEB_SETTINGS,
    RT.THEME,
    RT.FONT_TABLE,  # rebuilt for the fonts the document uses
}
_COMPAT_URI = "http://schemas.microsoft.com/office/word"
# Word 2013 and later (compatibility mode 15) with the settings it writes by default.
_COMPAT_SETTINGS = (
    ("compatibilityMode", "15"),
    ("overrideTableStyleFontSizeAndJustification", "1"),
    ("enableOpenTypeFeatures", "1"),
    ("doNotFlipMirrorIndents", "1"),
)


def drop_leftovers(document: Document) -> None:
    for relationships, kinds in (
        (document.part.package.rels, _LEFTOVER_PACKAGE_PARTS),
        (document.part.rels, _LEFTOVER_DOCUMENT_PARTS),
    ):
        for relationship_id, relationship in list(relationships.items()):
            if relationship.reltype in kinds:
                del relationships[relationship_id]
    for element in document.element.iter():  # the section's revision ids
        for attribute in [name for name in element.attrib if name.startswith(qn("w:rsid"))]:
            del element.attrib[attribute]


def write_settings(document: Document, *, embedded_fonts: bool) -> None:
    """Settings of our own, in CT_Settings' order: embedded-font flags, the default tab
    stop, and compatibility mode 15."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    flags = "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>" if embedded_fonts else ""
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="{_COMPAT_URI}" w:val="{value}"/>'
        for name, value in _COMPAT_SETTINGS
    )
    fresh = parse_xml(
        f'<w:settings xmlns:w="{w}">{flags}<w:defaultTabStop w:val="720"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        f'<w:compat>{compat}</w:compat><w:decimalSymbol w:val="."/>'
        '<w:listSeparator w:val=","/></w:settings>'
    )
    settings = document.settings.element
    for attribute in list(settings.attrib):
        del settings.attrib[attribute]
    settings[:] = list(fresh)


def drop_empty_properties(document: Document) -> None:
    """Remove the core properties left empty (description, category…)."""
    properties = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for element in list(properties):
        if not (element.text or "").strip() and len(element) == 0:
            properties.remove(element)


def keep_used_styles(document: Document) -> None:
    """Remove every style the document does not use, keeping the defaults (Normal,
    Default Paragraph Font, Normal Table, No List) and what the kept ones are based
    on. The numbering part goes too when no paragraph is a list item."""
    styles = document.styles.element
    body = document.element.body
    used = {
        element.get(qn("w:val"))
        for element in body.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
    }
    by_id = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
    used |= {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        based_on = style.find(qn("w:basedOn")) if style is not None else None
        if based_on is not None and based_on.get(qn("w:val")) not in used:
            used.add(based_on.get(qn("w:val")))
            pending.append(based_on.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in used:
            styles.remove(style)
            continue
        for reference in ("w:next", "w:link"):
            target = style.find(qn(reference))
            if target is not None and target.get(qn("w:val")) not in used:
                style.remove(target)
    kept = [by_id[style_id] for style_id in used if style_id in by_id]
    numbered = [*body.iter(qn("w:numPr"))] + [
        style for style in kept if style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    ]
    if not numbered:
        for relationship_id, relationship in list(document.part.rels.items()):
            if relationship.reltype == RT.NUMBERING:
                del document.part.rels[relationship_id]


def save(document: Document, when: tuple[int, ...]) -> bytes:
    """The package's bytes, with fixed entry times, so the same source gives the same
    bytes: the entries python-docx's ``save`` writes, in its order, written by
    :class:`ZipWriter` (which remembers the embedded fonts' compressed bytes)."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    archive = ZipWriter(when)
    # python-docx's PackageWriter.write, entry for entry: the content types, the
    # package's relationships, then each part and its relationships.
    content_types = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
    archive.write(CONTENT_TYPES_URI.membername, content_types)
    archive.write(PACKAGE_URI.rels_uri.membername, package.rels.xml)
    for part in parts:
        archive.write(part.partname.membername, part.blob, remember=part.partname.ext == "odttf")
        if len(part.rels):
            archive.write(part.partname.rels_uri.membername, part.rels.xml)
    return archive.finish()
