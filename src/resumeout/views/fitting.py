"""Fitting a résumé on N pages: spacing first, then margins, then font size, each within
a lower bound that keeps it readable; the largest setting that fits wins.

The search asks a paged exporter how many pages a setting takes and bisects one
"tightness" scale; every setting is rounded, so the same source always gives the same
design and the same bytes. Every paged format of an export is written with the design
found here, so they share their settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from resumeout.model import Design, Resume

MIN_SPACING = 0.4
"""Vertical gaps are never tightened below 40% of the default."""
MIN_MARGIN = 0.4 * 72
"""Margins are never narrowed below 0.4 in (printers need some)."""
MIN_FONT_SIZE = 9.0
"""Body text is never made smaller than 9 pt."""
STEPS = 12
SIDES = ("top", "bottom", "left", "right")


class PageCounter(Protocol):
    """What fitting needs of a paged exporter (:class:`resumeout.exporters.Exporter`)."""

    def count_pages(self, resume: Resume) -> int: ...


@dataclass(frozen=True)
class Fit:
    design: Design
    pages: int
    fits: bool
    changes: tuple[str, ...]
    """What was reduced, e.g. "spacing 1.00 → 0.62"; empty when nothing had to change."""

    def message(self, target: int) -> str:
        unit = "page" if target == 1 else "pages"
        if not self.fits:
            return (
                f"does not fit on {target} {unit} even at the lower bounds (spacing "
                f"{MIN_SPACING}, margins {MIN_MARGIN / 72:.1f} in, font {MIN_FONT_SIZE:g} "
                f"pt): {self.pages} pages, {self.pages - target} over; exported that"
            )
        return f"fitted on {target} {unit}: " + ", ".join(self.changes)


def design_at(base: Design, tightness: float) -> Design:
    """``base`` tightened by ``tightness`` in [0, 3]: 0–1 spacing, 1–2 margins, 2–3 font."""

    def step(start: float, floor: float, amount: float, digits: int) -> float:
        """``start`` moved ``amount`` of the way to ``floor``, rounded so that the search
        lands on few distinct designs; a setting not reached yet is left exactly as it
        is (rounding it would change a 2 cm margin that nothing asked to change)."""
        amount = min(max(amount, 0.0), 1.0)
        if amount == 0.0 or start <= floor:
            return start
        return round(start - (start - floor) * amount, digits)

    margins = base.margins.model_copy(
        update={
            side: step(getattr(base.margins, side), MIN_MARGIN, tightness - 1, 1) for side in SIDES
        }
    )
    return base.model_copy(
        update={
            "spacing": step(base.spacing, MIN_SPACING, tightness, 2),
            "margins": margins,
            "font_size": step(base.font_size, MIN_FONT_SIZE, tightness - 2, 1),
        }
    )


def fit_to_pages(resume: Resume, target: int, exporter: PageCounter) -> tuple[Resume, Fit]:
    def pages_at(tightness: float) -> tuple[Design, int]:
        design = design_at(resume.design, tightness)
        return design, exporter.count_pages(resume.model_copy(update={"design": design}))

    design, pages = pages_at(0.0)
    if pages <= target:
        return resume, Fit(design, pages, True, ())
    tightest, tightest_pages = pages_at(3.0)
    if tightest_pages > target:
        fit = Fit(tightest, tightest_pages, False, _changes(resume.design, tightest))
        return resume.model_copy(update={"design": tightest}), fit
    loose, tight = 0.0, 3.0  # doesn't fit at `loose`, fits at `tight`
    best, best_pages = tightest, tightest_pages
    for _ in range(STEPS):
        middle = (loose + tight) / 2
        design, pages = pages_at(middle)
        if pages <= target:
            tight, best, best_pages = middle, design, pages
        else:
            loose = middle
    fit = Fit(best, best_pages, True, _changes(resume.design, best))
    return resume.model_copy(update={"design": best}), fit


def _changes(before: Design, after: Design) -> tuple[str, ...]:
    """What the report names: each setting whose shown value differs."""
    changes = []

    def compare(label: str, old: str, new: str) -> None:
        if old != new:
            changes.append(f"{label} {old} → {new}")

    compare("spacing", f"{before.spacing:.2f}", f"{after.spacing:.2f}")

    def inches(design: Design) -> str:
        return ", ".join(f"{getattr(design.margins, side) / 72:.2f}" for side in SIDES) + " in"

    compare("margins (top, bottom, left, right)", inches(before), inches(after))
    compare("font size", f"{before.font_size:g} pt", f"{after.font_size:g} pt")
    return tuple(changes)
