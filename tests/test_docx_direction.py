"""Which runs of the Word document are marked right-to-left."""

from __future__ import annotations

import sys
import unicodedata

from resumeout.exporters.docx.direction import is_right_to_left


def test_a_run_is_right_to_left_when_it_holds_a_right_to_left_letter_any_code_point() -> None:
    differing = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if point < 0xD800 or point > 0xDFFF  # lone surrogates are no text
        if is_right_to_left(f"a{chr(point)}b")
        != (unicodedata.bidirectional(chr(point)) in ("R", "AL"))
    ]
    assert differing == []
    assert is_right_to_left("Runyu Lu — العربية") and not is_right_to_left("Zoë Ångström")
