"""Text in every script for the PDF: bidi, font fallback, shaping, CID fonts, line breaks.

The PDF writer's line layout hands a run of text to this toolkit when the fast check
says the plain path cannot draw it (right-to-left letters, combining marks, Indic,
Thai, CJK, emoji, or a character the document's font lacks)::

    chain = FontChain(document_font_file, design.fallback_fonts, base_dir, bold=False)
    setter = ScriptSetter(chain, language="ar", allow_missing=False)
    if setter.needs(text):                           # fast: one regex, one set lookup
        width = setter.measure(text, size, direction)
        setter.draw(canvas, text, x, y, size, direction)   # or operators(doc, …)
    align_right = setter.direction(paragraph) == "rtl"
    breaks = setter.break_opportunities(paragraph)   # offsets a line may end before

- ``measure``/``draw`` take the text of one line (or of a piece of one) and the
  paragraph's direction; the runs inside are ordered by the bidi algorithm. ``draw``
  writes its own ``BT … ET`` block at (x, y), the left end of the baseline, in the
  canvas's current fill colour; ``operators`` returns the same bytes for a writer that
  assembles its own content stream (outside any open text object).
- A character no font covers raises :class:`MissingGlyphError` (its ``character`` and
  ``offset`` in the text; the caller adds FILE:LINE:COL). With ``allow_missing`` it is
  listed in ``setter.missing`` and nothing is drawn there.
- Fonts are embedded as Type0/CIDFontType2 subsets with ToUnicode maps when the
  canvas is saved; rebuilds are byte-identical.

Pipeline, one module each: :mod:`detect` (the fast check) → :mod:`itemize` (runs by
bidi level from :mod:`direction`, script, and font from :mod:`chain` and
:mod:`faces`) → :mod:`shaping` (HarfBuzz) → :mod:`drawing` (content stream, via
:mod:`cidfont`, :mod:`glyf_subset`, :mod:`tounicode` and :mod:`outlines`);
:mod:`breaking` finds line breaks. Nothing here is imported until a run needs it;
uharfbuzz and python-bidi load on the first shaped run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resumeout.exporters.pdf.scripts.chain import FontChain
    from resumeout.exporters.pdf.scripts.detect import needs_shaping
    from resumeout.exporters.pdf.scripts.itemize import MissingGlyphError
    from resumeout.exporters.pdf.scripts.setter import MissingCharacter, ScriptSetter, SetLine

__all__ = [
    "FontChain",
    "MissingCharacter",
    "MissingGlyphError",
    "ScriptSetter",
    "SetLine",
    "needs_shaping",
]

_HOMES = {
    "FontChain": "chain",
    "MissingCharacter": "setter",
    "MissingGlyphError": "itemize",
    "ScriptSetter": "setter",
    "SetLine": "setter",
    "needs_shaping": "detect",
}


def __getattr__(name: str) -> Any:
    # Loaded on first use (PEP 562): the PDF writer imports the fast check on every
    # export, and fontTools, which the rest needs, takes longer to import than a
    # Latin résumé takes to set.
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
