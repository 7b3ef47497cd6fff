"""Parses the inline Markdown subset of text fields into the :mod:`~resumeout.model.inline` tree.

The only module that imports markdown-it-py. It starts from the "zero" preset and enables
exactly the syntax the README documents: ``**bold**``, ``*italic*``, `` `code` ``,
``[label](url)``, ``<url>``, backslash escapes and hard line breaks. Everything else,
HTML and entities included, stays literal text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

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
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


class MarkupError(ValueError):
    """A text field whose inline Markdown cannot be accepted (e.g. a ``javascript:`` link)."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported for the first field that needs it

    parser = MarkdownIt("zero").enable(
        ["emphasis", "backticks", "link", "autolink", "escape", "newline"]
    )
    # markdown-it silently turns links with unsafe schemes into text; we want to report
    # them instead, so accept every link here and check the scheme ourselves.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def check_url(url: str) -> str:
    """Return ``url`` if its scheme is one a résumé may link to, else raise MarkupError."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise MarkupError(
            f"link target {url!r} has {shown}; use an http, https, mailto or tel link"
        )
    return url


# A blank line (nothing but spaces or tabs) between two lines of text ends a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


# Every character an enabled rule starts at (emphasis, code, links, autolinks, escapes,
# line breaks), and those markdown-it's normalising changes (CR, NUL). A field without any
# of them is one text node, its own text: tests/test_markup.py checks that this is so
# for arbitrary text.
_MAY_BE_MARKUP = re.compile(r"[*_`\[<\\\n\r\x00]")


def parse_inline(source: str) -> Rich:
    """Parse one text field. Raises MarkupError for a link whose scheme is not allowed.

    Blank lines divide the field into paragraphs, each parsed on its own as CommonMark
    parses paragraphs: no bold, italics, code or link spans two of them.
    """
    if not _MAY_BE_MARKUP.search(source):
        return Rich.plain(source.strip())  # the common case, without markdown-it
    return parse_with_markdown_it(source)


def parse_with_markdown_it(source: str) -> Rich:
    """``parse_inline`` without its shortcut for text that holds no markup."""
    paragraphs = [text.strip() for text in _PARAGRAPH_BREAK.split(source)]
    nodes: list[Inline] = []
    for paragraph in filter(None, paragraphs):
        if nodes:
            nodes.append(ParagraphBreak())
        tokens = _parser().parseInline(paragraph)
        nodes += _build(tokens[0].children or [] if tokens else [], 0, None, in_link=False)[0]
    return Rich(tuple(nodes))


def _build(
    tokens: list[Token], start: int, closing: str | None, *, in_link: bool
) -> tuple[list[Inline], int]:
    nodes: list[Inline] = []
    index = start
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == closing:
            return nodes, index + 1
        if kind == "text":
            _append_text(nodes, token.content)
        elif kind == "code_inline":
            nodes.append(Code(token.content))
        elif kind in ("softbreak", "hardbreak"):
            # A single newline in YAML block text is a space; two spaces or a backslash
            # before it is a deliberate break.
            nodes.append(LineBreak()) if kind == "hardbreak" else _append_text(nodes, " ")
        elif kind in ("strong_open", "em_open", "link_open"):
            is_link = kind == "link_open"
            closes = kind.replace("_open", "_close")
            inner, index = _build(tokens, index + 1, closes, in_link=in_link or is_link)
            if kind == "strong_open":
                nodes.append(Strong(tuple(inner)))
            elif kind == "em_open":
                nodes.append(Emphasis(tuple(inner)))
            else:
                url = check_url(str(token.attrs["href"]))
                if in_link:
                    # A link inside a link's text (`[see <https://a.org>](https://b.org)`):
                    # the outer link is the one the reader meant; this one is its text.
                    for node in inner:
                        _append(nodes, node)
                else:
                    nodes.append(Link(url, tuple(inner)))
            continue
        else:  # pragma: no cover - the enabled rules produce no other token
            raise AssertionError(f"unexpected markdown-it token {kind!r}")
        index += 1
    return nodes, index


def _append(nodes: list[Inline], node: Inline) -> None:
    if isinstance(node, Text):
        _append_text(nodes, node.text)
    else:
        nodes.append(node)


def _append_text(nodes: list[Inline], text: str) -> None:
    if not text:
        return  # markdown-it leaves empty text tokens where emphasis delimiters were
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text + text)
    else:
        nodes.append(Text(text))
