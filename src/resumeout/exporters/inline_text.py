"""One walker over the inline tree for the text formats; Markdown and plain text differ
only in the syntax table they pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import assert_never

from resumeout.model.inline import Code, Emphasis, Inline, LineBreak, Link, Rich, Strong, Text


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


def render_inline(rich: Rich, syntax: InlineSyntax) -> str:
    return "".join(_node(node, syntax) for node in rich.nodes)


def _node(node: Inline, syntax: InlineSyntax) -> str:
    match node:
        case Text(text):
            return syntax.escape(text)
        case Strong(children):
            inner = "".join(_node(child, syntax) for child in children)
            return _wrap(inner, syntax.strong)
        case Emphasis(children):
            inner = "".join(_node(child, syntax) for child in children)
            return _wrap(inner, syntax.emphasis)
        case Code(text):
            return syntax.code(text)
        case Link(url, children):
            return syntax.link("".join(_node(child, syntax) for child in children), url)
        case LineBreak():
            return syntax.line_break
        case _:
            assert_never(node)


def _wrap(inner: str, delimiters: tuple[str, str]) -> str:
    # Delimiters hug the text: "** x**" is not bold in Markdown, so keep spaces outside.
    if not inner.strip():
        return inner
    stripped = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{delimiters[0]}{stripped}{delimiters[1]}{trail}"
