"""Numbers in content streams: fixed precision, so the same layout gives the same bytes."""

from __future__ import annotations


def number(value: float) -> str:
    """``value`` with at most three decimals and no trailing zeros (``-0`` as ``0``)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
