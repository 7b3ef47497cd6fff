"""The ToUnicode CMap of a CID font: which characters each CID stands for.

Values are UTF-16BE, so a character beyond U+FFFF is written as its surrogate pair
(``<D83DDC31>`` for 🐱). A CID may stand for several characters (a ligature, or a share
of an Indic syllable).
"""

from __future__ import annotations

from collections.abc import Mapping

_ENTRIES_PER_BLOCK = 100  # the CMap format allows at most 100 entries per bfchar block


def utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, text_of_cid: Mapping[int, str]) -> bytes:
    """The CMap program mapping each two-byte CID to its text (empty texts are left out)."""
    entries = [(cid, text) for cid, text in sorted(text_of_cid.items()) if text]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        f"/CMapName /{name}-UTF16 def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for first in range(0, len(entries), _ENTRIES_PER_BLOCK):
        block = entries[first : first + _ENTRIES_PER_BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{cid:04X}> <{utf16_hex(text)}>" for cid, text in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]
    return "\n".join(lines).encode("ascii")
