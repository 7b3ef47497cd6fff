"""Plain UTF-8 text for application forms and parsers: no markup, wrapped, links as URLs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeout.exporters.base import Exporter
from resumeout.exporters.inline_text import InlineSyntax, render_inline

# display_width stays importable from here, where it used to live.
from resumeout.exporters.text_wrap import display_width as display_width
from resumeout.exporters.text_wrap import wrap, wrap_items
from resumeout.views.document import EntryView, display_url, present

if TYPE_CHECKING:
    from resumeout.model import Resume
    from resumeout.model.inline import Rich

BULLET = "• "
INDENT = "  "


def _link(label: str, url: str) -> str:
    # A reader of plain text cannot click: show where the link goes, once.
    target = url.removeprefix("mailto:").removeprefix("tel:")
    if label in (url, target, display_url(url)) or (
        url.startswith("tel:") and _digits(label) == _digits(target)
    ):
        return label
    return f"{label} ({display_url(url) if url.startswith('http') else target})"


PLAIN = InlineSyntax(
    escape=lambda text: text,
    strong=("", ""),
    emphasis=("", ""),
    code=lambda text: text,
    link=_link,
    line_break="\n",
    paragraph_break="\n\n",
)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def plain(rich: Rich) -> str:
    return render_inline(rich, PLAIN)


class TextExporter(Exporter):
    name = "txt"
    suffix = ".txt"
    description = "plain UTF-8 text, wrapped"

    def render(self, resume: Resume) -> str:
        width = resume.settings.text_width
        document = present(resume)
        out = [document.name]
        if document.headline:
            out += wrap(plain(document.headline), width)
        if document.contacts:
            contacts = [plain(contact.rich) for contact in document.contacts]
            out += wrap_items(contacts, " | ", width)
        for section in document.sections:
            # One blank line before each section, as between entries; the underline
            # tells a section from an entry.
            out += ["", section.title, "-" * min(width, max(display_width(section.title), 3))]
            for index, entry in enumerate(section.entries):
                if index and not entry.compact:
                    out.append("")
                out += _entry(entry, width)
        if document.last_updated:
            out += ["", document.last_updated]
        return "\n".join(out) + "\n"


def _entry(entry: EntryView, width: int) -> list[str]:
    heading, aside = plain(entry.heading), plain(entry.aside)
    lines: list[str] = []
    gap = width - display_width(heading) - display_width(aside)
    if heading and aside and "\n" not in heading and gap >= 3:
        lines.append(heading + " " * gap + aside)  # dates right-aligned, on the same line
    else:
        lines += wrap(heading, width)
        lines += wrap(aside, width, INDENT, INDENT) if heading else wrap(aside, width)
    for line in entry.lines:
        indent = INDENT if heading or aside else ""
        lines += wrap(plain(line), width, indent, indent)
    for bullet in entry.bullets:
        lines += wrap(plain(bullet), width, INDENT + BULLET, INDENT + " " * len(BULLET))
    return lines
