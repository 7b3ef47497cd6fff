"""One walker over the inline tree for the text formats; Markdown and plain text differ
only in the syntax table they pass."""

from __future__ import annotations

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
    return "".join(_node(node, syntax) for node in rich.nodes)


def _node(node: Inline, syntax: InlineSyntax) -> str:
    match node:
        case Text(text):
            return syntax.escape(text)
        case Strong(children):
            return _each_paragraph(children, syntax, lambda inner: _wrap(inner, syntax.strong))
        case Emphasis(children):
            return _each_paragraph(children, syntax, lambda inner: _wrap(inner, syntax.emphasis))
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
        markup("".join(_node(child, syntax) for child in paragraph))
        for paragraph in split_paragraphs(children)
    )


def _paragraph_break(syntax: InlineSyntax) -> str:
    return syntax.line_break * 2 if syntax.paragraph_break is None else syntax.paragraph_break


def _wrap(inner: str, delimiters: tuple[str, str]) -> str:
    # Delimiters hug the text: "** x**" is not bold in Markdown, so keep spaces outside.
    if not inner.strip():
        return inner
    stripped = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{delimiters[0]}{stripped}{delimiters[1]}{trail}"
