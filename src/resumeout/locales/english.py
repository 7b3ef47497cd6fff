"""English, built in: the default language, written without loading Babel.

Its words are CLDR's ``en`` (tests compare every month and pattern with Babel's), so a
résumé with no ``locale`` is not slowed by loading CLDR's data.
"""

from __future__ import annotations

from collections.abc import Sequence

from resumeout.dates import MonthStyle, PartialDate

REGIONAL_TAG = "en-US"
"""CLDR's likely region for ``en``: the language word processors check spelling in."""
_MONTHS_WIDE = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class EnglishCalendar:
    """``Sep 2024`` / ``September 2024``; a day is ``Sep 16, 2024`` (CLDR ``yMMM``,
    ``yMMMM``, ``yMMMd``, ``yMMMMd``)."""

    def date(self, date: PartialDate, month: MonthStyle) -> str:
        if date.month is None:
            return str(date.year)
        if month == "numeric":
            return date.iso()
        name = _MONTHS_WIDE[date.month - 1]
        if month == "short":
            name = name[:3]
        if date.day is None:
            return f"{name} {date.year}"
        return f"{name} {date.day}, {date.year}"

    def range(self, start: str, end: str) -> str:
        return f"{start} – {end}"

    def and_list(self, items: Sequence[str]) -> str:
        """``A, B and C``: resumeout's English has no serial comma."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} and {items[-1]}"
