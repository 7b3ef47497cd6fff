"""Which characters each face of a font family draws in a finished document.

Read from the document's XML rather than from the résumé, so that every way text gets a
face (a style's bold, a run's italic, a list's bullet) is counted the way a word
processor counts it: direct run formatting, then the run's character style, then the
paragraph's style, each through the styles it is based on, then the document defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from resumeout.exporters.docx.embedding import Slot

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH, _PARAGRAPH_PROPERTIES, _PARAGRAPH_STYLE = f"{W}p", f"{W}pPr", f"{W}pStyle"
_RUN, _RUN_PROPERTIES, _TEXT = f"{W}r", f"{W}rPr", f"{W}t"
_OFF = ("0", "false", "off")
_SLOTS = ("ascii", "cs", "eastAsia")


@dataclass(frozen=True)
class _RunFormat:
    """What an rPr says; None where it says nothing and inherits."""

    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None
    capitals: bool | None = None
    """All caps or small caps: the face draws the text's capitals too."""

    @classmethod
    def of(cls, rpr: etree._Element | None, slot: str = "ascii") -> _RunFormat:
        if rpr is None:
            return cls()
        fonts = rpr.find(f"{W}rFonts")
        caps, small_caps = _toggle(rpr.find(f"{W}caps")), _toggle(rpr.find(f"{W}smallCaps"))
        return cls(
            _toggle(rpr.find(f"{W}b")),
            _toggle(rpr.find(f"{W}i")),
            fonts.get(f"{W}{slot}") if fonts is not None else None,
            None if caps is None and small_caps is None else bool(caps or small_caps),
        )

    def under(self, base: _RunFormat) -> _RunFormat:
        return _RunFormat(
            self.bold if self.bold is not None else base.bold,
            self.italic if self.italic is not None else base.italic,
            self.font if self.font is not None else base.font,
            self.capitals if self.capitals is not None else base.capitals,
        )


class StyleSheet:
    """The document's styles, resolved as a word processor reads them: each through the
    styles it is based on."""

    def __init__(self, styles: etree._Element, slot: str = "ascii") -> None:
        self.slot = slot
        self._formats: dict[str, _RunFormat] = {}
        self._based_on: dict[str, str] = {}
        self.default_paragraph_style: str | None = None
        for style in styles.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            self._formats[style_id] = _RunFormat.of(style.find(f"{W}rPr"), slot)
            based_on = style.find(f"{W}basedOn")
            if based_on is not None:
                self._based_on[style_id] = based_on.get(f"{W}val", "")
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                self.default_paragraph_style = style_id
        self.defaults = _RunFormat.of(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), slot)

    def of_run(self, rpr: etree._Element | None, paragraph_style: str | None) -> _RunFormat:
        """What a run with properties ``rpr`` in a paragraph of ``paragraph_style`` is set
        in: its own formatting, then its character style's, its paragraph style's and
        the document defaults."""
        run_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        return (
            _RunFormat.of(rpr, self.slot)
            .under(self.format(run_style.get(f"{W}val") if run_style is not None else None))
            .under(self.format(paragraph_style or self.default_paragraph_style))
            .under(self.defaults)
        )

    def format(self, style_id: str | None) -> _RunFormat:
        """A style's formatting with what it inherits from the styles it is based on."""
        result = _RunFormat()
        seen: set[str] = set()
        while style_id is not None and style_id in self._formats and style_id not in seen:
            seen.add(style_id)
            result = result.under(self._formats[style_id])
            style_id = self._based_on.get(style_id)
        return result


def characters_by_face(
    body: etree._Element,
    styles: etree._Element,
    numbering: etree._Element | None,
    family: str,
    slot: str = "ascii",
) -> dict[Slot, frozenset[str]]:
    """The characters drawn in ``family``, per face (slots no text uses are left out).
    ``slot`` is the ``w:rFonts`` attribute that names the font: ``ascii`` for the Latin
    slot, ``cs`` or ``eastAsia`` for a font of the other scripts (their characters are
    counted too; the cut keeps only those the font has)."""
    sheet = StyleSheet(styles, slot)
    # A résumé has hundreds of runs but a handful of formattings: runs are grouped by
    # what decides their face (the paragraph's style and the run's own properties), and
    # each group's face is worked out once.
    groups: dict[tuple[str | None, tuple[tuple[str, ...], ...]], _Group] = {}
    paragraph_style = sheet.default_paragraph_style
    texts: list[str] = []
    # One walk through the elements that matter, in document order: a paragraph's style
    # comes before its runs, a run's properties before its text.
    for element in body.iter(_PARAGRAPH, _PARAGRAPH_STYLE, _RUN, _RUN_PROPERTIES, _TEXT):
        tag = element.tag
        if tag == _TEXT:
            if element.text:
                texts.append(element.text)
        elif tag == _RUN or (tag == _RUN_PROPERTIES and _parent_tag(element) == _RUN):
            properties = element if tag == _RUN_PROPERTIES else None
            key = (paragraph_style, _signature(properties))
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(properties, [])
            texts = group.texts
        elif tag == _PARAGRAPH:
            paragraph_style = sheet.default_paragraph_style
        elif tag == _PARAGRAPH_STYLE and _parent_tag(element) == _PARAGRAPH_PROPERTIES:
            paragraph_style = element.get(f"{W}val")
    found: dict[Slot, set[str]] = {}
    for (paragraph_style, _), group in groups.items():
        effective = sheet.of_run(group.properties, paragraph_style)
        text = "".join(group.texts)
        if effective.capitals:
            text += text.upper()
        _add(found, effective, text, family)
    if numbering is not None:
        for level in numbering.iter(f"{W}lvl"):
            label = level.find(f"{W}lvlText")
            if label is None:
                continue
            text = _label_characters(label.get(f"{W}val", ""))
            level_format = _RunFormat.of(level.find(f"{W}rPr"), slot)
            _add(found, level_format.under(sheet.defaults), text, family)
    return {slot: frozenset(chars) for slot, chars in found.items() if chars}


@dataclass
class _Group:
    properties: etree._Element | None
    """The ``w:rPr`` of the group's first run: every run of the group has the same."""
    texts: list[str]


def _parent_tag(element: etree._Element) -> object:
    parent = element.getparent()
    return parent.tag if parent is not None else None


def _signature(rpr: etree._Element | None) -> tuple[tuple[str, ...], ...]:
    """What ``_RunFormat.of`` reads from ``rpr`` (and a little more): each property's
    tag, value and ASCII font."""
    if rpr is None or not len(rpr):
        return ()
    return tuple(
        (child.tag, child.get(f"{W}val", ""), *(child.get(f"{W}{name}", "") for name in _SLOTS))
        for child in rpr
    )


def _add(found: dict[Slot, set[str]], run: _RunFormat, text: Iterable[str], family: str) -> None:
    if run.font != family:
        return
    slot: Slot
    match (bool(run.bold), bool(run.italic)):
        case (False, False):
            slot = "regular"
        case (True, False):
            slot = "bold"
        case (False, True):
            slot = "italic"
        case _:
            slot = "bold_italic"
    found.setdefault(slot, set()).update(text)


def _label_characters(template: str) -> str:
    """A list label's literal characters: ``%1.`` draws the number and the dot."""
    literal, skip = [], False
    for char in template:
        if skip:
            skip = False
        elif char == "%":
            skip = True
        else:
            literal.append(char)
    return "".join(literal)


def _toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in _OFF
