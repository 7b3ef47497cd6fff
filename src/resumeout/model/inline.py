"""The inline tree: what a text field becomes once its Markdown subset is parsed.

Exporters see only these frozen nodes, never a Markdown string or a markdown-it token,
so each format escapes plain text at the leaves and cannot mistake text for markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import assert_never


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """A link; its text never holds another link (no format can show one inside another,
    and readers disagree on which would win)."""

    url: str
    children: tuple[Inline, ...]

    def __post_init__(self) -> None:
        if holds_link(self.children):
            raise ValueError(f"the text of a link to {self.url!r} holds another link")


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


@dataclass(frozen=True, slots=True)
class ParagraphBreak:
    """Where one paragraph of a text field ends and the next begins (a blank line in
    the source). Formats with paragraphs of their own show a blank line."""


Inline = Text | Strong | Emphasis | Code | Link | LineBreak | ParagraphBreak


def holds_link(nodes: tuple[Inline, ...]) -> bool:
    """Whether a link is among ``nodes``, at any depth."""
    for node in nodes:
        match node:
            case Link():
                return True
            case Strong(children) | Emphasis(children) if holds_link(children):
                return True
    return False


def split_paragraphs(nodes: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """``nodes`` cut at each ParagraphBreak: what formatting around them must close and
    reopen, since bold, italics or a link cannot span two paragraphs in Markdown."""
    paragraphs: list[list[Inline]] = [[]]
    for node in nodes:
        if isinstance(node, ParagraphBreak):
            paragraphs.append([])
        else:
            paragraphs[-1].append(node)
    return [tuple(paragraph) for paragraph in paragraphs]


@dataclass(frozen=True, slots=True)
class Rich:
    """A parsed text field: a sequence of inline nodes.

    ``Rich`` values are built by :func:`resumeout.model.markup.parse_inline` during validation or
    put together by :mod:`resumeout.views.document` from model fields.
    """

    nodes: tuple[Inline, ...]

    @classmethod
    def plain(cls, text: str) -> Rich:
        return cls((Text(text),) if text else ())

    @classmethod
    def join(cls, parts: Iterable[Rich], separator: str = "") -> Rich:
        nodes: list[Inline] = []
        for index, part in enumerate(p for p in parts if p.nodes):
            if index and separator:
                nodes.append(Text(separator))
            nodes.extend(part.nodes)
        return cls(tuple(nodes))

    def __add__(self, other: Rich) -> Rich:
        return Rich(self.nodes + other.nodes)

    def __bool__(self) -> bool:
        return bool(self.nodes)

    def text(self) -> str:
        """The text a reader sees, without formatting (links show their label)."""
        return "".join(_node_text(node) for node in self.nodes)


def _node_text(node: Inline) -> str:
    match node:
        case Text(text) | Code(text):
            return text
        case Strong(children) | Emphasis(children) | Link(_, children):
            return "".join(_node_text(child) for child in children)
        case LineBreak():
            return "\n"
        case ParagraphBreak():
            return "\n\n"
        case _:
            assert_never(node)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with the formatting in force: what run-based formats draw."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    url: str | None = None
    line_break: bool = False


def runs(rich: Rich, *, bold: bool = False, italic: bool = False) -> Iterator[Run]:
    """Flatten nested formatting into runs, for DOCX and PDF.

    Nested strong/emphasis/link become flat runs through inherited state, the way
    pandoc's DOCX writer keeps a stack of run properties.
    """
    yield from _runs(rich.nodes, bold, italic, None)


def _runs(nodes: tuple[Inline, ...], bold: bool, italic: bool, url: str | None) -> Iterator[Run]:
    for node in nodes:
        match node:
            case Text(text):
                yield Run(text, bold=bold, italic=italic, url=url)
            case Code(text):
                yield Run(text, bold=bold, italic=italic, code=True, url=url)
            case Strong(children):
                yield from _runs(children, True, italic, url)
            case Emphasis(children):
                yield from _runs(children, bold, True, url)
            case Link(target, children):
                yield from _runs(children, bold, italic, target)
            case LineBreak():
                yield Run("", line_break=True)
            case ParagraphBreak():
                # A run-based paragraph (DOCX, PDF) holds line breaks, not paragraphs:
                # a paragraph break is an empty line, which reads as one in both.
                yield Run("", line_break=True)
                yield Run("", line_break=True)
            case _:
                assert_never(node)
