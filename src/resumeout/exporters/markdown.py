"""GitHub-flavoured Markdown, pleasant as source and rendered."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resumeout.exporters.base import Exporter
from resumeout.exporters.inline_text import InlineSyntax, render_inline
from resumeout.views.document import EntryView, present

if TYPE_CHECKING:
    from resumeout.model import Resume
    from resumeout.model.inline import Rich

# Characters that can start or end markup anywhere in a line. A backslash makes any ASCII
# punctuation literal in CommonMark, so escaping is always safe; we escape only these to
# keep the source readable.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would turn the start of a block into a heading, list, quote, rule or table line.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_block_start(text: str) -> str:
    """Escape a character that would make this line a block construct."""
    return _BLOCK_START.sub(lambda m: m[1] + _escape_marker(m[2]), text, count=1)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker


# What CommonMark renderers trim from a heading's ends (markdown-it trims every Unicode
# space, not only spaces and tabs), and the line ends a one-line heading cannot hold.
_HEADING_TRIMMED = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(code) for code in range(0x2000, 0x200B)
)
# A run of `#` at the end, alone or after a space or tab, closes an ATX heading and is
# dropped: "## Languages: F #" would read "Languages: F".
_CLOSING_SEQUENCE = re.compile(r"(^|[ \t])(#+)\Z")


def heading(level: int, text: str) -> str:
    """An ATX heading whose content reads back as exactly ``text``.

    The characters a renderer would trim at either end, and line ends anywhere, are
    written as numeric character references; a closing sequence of `#` is escaped.
    """
    start = len(text) - len(text.lstrip(_HEADING_TRIMMED))
    end = max(start, len(text.rstrip(_HEADING_TRIMMED)))
    core = escape_block_start(escape(text[start:end]))
    core = _CLOSING_SEQUENCE.sub(lambda m: f"{m[1]}\\{m[2]}", core)
    core = re.sub(r"[\n\r]", lambda m: _reference(m[0]), core)
    edges = "".join(map(_reference, text[:start])), "".join(map(_reference, text[end:]))
    return f"{'#' * level} {edges[0]}{core}{edges[1]}"


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _code(text: str) -> str:
    # A fence one backtick longer than the longest run inside it; pad if it touches one.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(label: str, url: str) -> str:
    target = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    if "(" in target or ")" in target:
        target = f"<{target}>"
    return f"[{label}]({target})"


MARKDOWN = InlineSyntax(
    escape=escape,
    strong=("**", "**"),
    emphasis=("*", "*"),
    code=_code,
    link=_link,
    line_break="\\\n",
    paragraph_break="\n\n",
)


def inline(rich: Rich) -> str:
    # Every physical line (after a hard break too) must not start a block construct.
    return "\n".join(escape_block_start(line) for line in render_inline(rich, MARKDOWN).split("\n"))


class MarkdownExporter(Exporter):
    name = "md"
    suffix = ".md"
    description = "GitHub-flavoured Markdown"

    def render(self, resume: Resume) -> str:
        document = present(resume)
        blocks = [heading(1, document.name)]
        if document.headline:
            blocks.append(escape_block_start(inline(document.headline)))
        if document.contacts:
            blocks.append(" · ".join(inline(contact.rich) for contact in document.contacts))
        for section in document.sections:
            blocks.append(heading(2, section.title))
            blocks.extend(_entry(entry) for entry in section.entries)
        if document.last_updated:
            blocks.append(f"*{escape(document.last_updated)}*")
        return "\n\n".join(blocks) + "\n"


def _entry(entry: EntryView) -> str:
    first = inline(entry.heading)
    if entry.aside:
        first += f" — {inline(entry.aside)}" if first else inline(entry.aside)
    lines = [escape_block_start(line) for line in (first, *map(inline, entry.lines)) if line]
    block = "\\\n".join(lines)
    bullets = "\n".join(_list_item(inline(bullet)) for bullet in entry.bullets)
    return "\n\n".join(part for part in (block, bullets) if part)


def _list_item(text: str) -> str:
    # Continuation lines are indented to stay in the item; a blank line between two
    # paragraphs stays empty (no trailing spaces).
    first, *rest = text.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" if line else "" for line in rest)])
