"""One walker over the inline tree for the text formats; Markdown and plain text differ
only in the syntax table they pass."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import assert_never

from resumeout.model.inline import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    ParagraphBreak,
    Rich,
    Strong,
    Text,
    split_paragraphs,
)


@dataclass(frozen=True, slots=True)
class InlineSyntax:
    escape: Callable[[str], str]
    """Makes user text literal in this format."""
    strong: tuple[str, str]
    emphasis: tuple[str, str]
    code: Callable[[str], str]
    link: Callable[[str, str], str]
    """(rendered label, url) -> text."""
    line_break: str
    paragraph_break: str | None = None
    """Between two paragraphs of one field; two line breaks (an empty line) if None."""


def render_inline(rich: Rich, syntax: InlineSyntax) -> str:
    return _sequence(rich.nodes, syntax)


def _sequence(nodes: tuple[Inline, ...], syntax: InlineSyntax) -> str:
    """``nodes`` one after another, each bold or italic span told the characters around
    it (see :func:`_wrap`)."""
    out = ""
    for index, node in enumerate(nodes):
        after = Rich(nodes[index + 1 : index + 2]).text()[:1]
        out += _node(node, syntax, out[-1:], after)
    return out


def _node(node: Inline, syntax: InlineSyntax, before: str = "", after: str = "") -> str:
    match node:
        case Text(text):
            return syntax.escape(text)
        case Strong(children):
            return _each_paragraph(
                children, syntax, lambda inner: _wrap(inner, syntax.strong, before, after)
            )
        case Emphasis(children):
            return _each_paragraph(
                children, syntax, lambda inner: _wrap(inner, syntax.emphasis, before, after)
            )
        case Code(text):
            return syntax.code(text)
        case Link(url, children):
            return _each_paragraph(children, syntax, lambda inner: syntax.link(inner, url))
        case LineBreak():
            return syntax.line_break
        case ParagraphBreak():
            return _paragraph_break(syntax)
        case _:
            assert_never(node)


def _each_paragraph(
    children: tuple[Inline, ...], syntax: InlineSyntax, markup: Callable[[str], str]
) -> str:
    """Formatting around paragraphs closes and reopens around each one: Markdown's bold,
    italics and links end where a paragraph ends."""
    return _paragraph_break(syntax).join(
        markup(_sequence(paragraph, syntax)) for paragraph in split_paragraphs(children)
    )


def _paragraph_break(syntax: InlineSyntax) -> str:
    return syntax.line_break * 2 if syntax.paragraph_break is None else syntax.paragraph_break


def _wrap(inner: str, delimiters: tuple[str, str], before: str = "", after: str = "") -> str:
    """``inner`` between ``delimiters``, ``before`` and ``after`` being the characters
    around it.

    Delimiters hug the text: "** x**" is not bold in Markdown, so spaces stay outside.
    Nor does CommonMark close a span whose last character is punctuation when a letter
    follows it (``**技能：**Go``, a label in a language written without spaces), or open
    one whose first is punctuation after a letter: such punctuation goes outside
    (``**技能**：Go``), where it reads the same."""
    if not inner.strip():
        return inner
    stripped = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    if any(delimiters):
        if not trail and _is_word(after):
            while len(stripped) > 1 and _is_punctuation(stripped[-1]) and stripped[-2] != "\\":
                stripped, trail = stripped[:-1], stripped[-1] + trail
        if not lead and _is_word(before):
            while len(stripped) > 1 and _is_punctuation(stripped[0]) and stripped[0] != "\\":
                lead, stripped = lead + stripped[0], stripped[1:]
    return f"{lead}{delimiters[0]}{stripped}{delimiters[1]}{trail}"


def _is_word(char: str) -> bool:
    return bool(char) and not char.isspace() and not _is_punctuation(char)


def _is_punctuation(char: str) -> bool:
    # CommonMark's punctuation: the Unicode P and S categories.
    return unicodedata.category(char)[0] in "PS"
