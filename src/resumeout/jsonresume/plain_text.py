"""JSON Resume text is plain text. Here it is cleaned of what a résumé cannot carry and
spelt so that resumeout's inline Markdown reads it back character for character."""

from __future__ import annotations

# Characters removed on import, each with what it is. Control characters break a DOCX's
# XML and PDF text; bidi overrides and isolates make a line read differently from what it
# says; zero-width spaces and word joiners hide inside words that a parser must match;
# lone surrogates and noncharacters are not text at all. The loader refuses all of them
# in a résumé source, so they are taken out here and each removal is reported.
_CONTROL = "a control character"


def removed_kind(code: int) -> str | None:
    """What the character ``code`` is, if import removes it; None if it is kept."""
    if code in (0x09, 0x0A):
        return None
    if code < 0x20 or 0x7F <= code < 0xA0:
        return _CONTROL
    if 0x202A <= code <= 0x202E:
        return "a bidirectional override"
    if 0x2066 <= code <= 0x2069:
        return "a bidirectional isolate"
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return "a noncharacter"
    return {
        0x200B: "a zero-width space",
        0x2060: "a word joiner",
        0xFEFF: "a zero-width no-break space",
    }.get(code)


def clean(text: str) -> tuple[str, list[str]]:
    """``text`` with line ends made LF, the characters above removed, and the spaces at
    its ends and around its line breaks (which no format shows) trimmed. Also returns one
    description per kind of character removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed: dict[int, str] = {}
    kept: list[str] = []
    for char in text:
        kind = removed_kind(ord(char))
        if kind is None:
            kept.append(char)
        else:
            removed.setdefault(ord(char), kind)
    lines = "".join(kept).split("\n")
    text = "\n".join(line.strip(" \t") for line in lines).strip()
    return text, [f"U+{code:04X} ({kind})" for code, kind in sorted(removed.items())]


# Every character resumeout's inline Markdown gives a meaning to: emphasis, code spans,
# links and autolinks, and the backslash itself. A backslash before each keeps it literal.
MARKUP_CHARACTERS = frozenset("\\`*_[]<")


def literal_markup(text: str) -> str:
    """Spell plain ``text`` as inline Markdown that reads back as exactly ``text``: every
    markup character escaped, and each line end a hard line break (backslash, newline)."""
    return "".join(
        "\\\n" if char == "\n" else "\\" + char if char in MARKUP_CHARACTERS else char
        for char in text
    )
