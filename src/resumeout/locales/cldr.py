"""Dates and lists in any language CLDR knows, through Babel (loaded only for them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from resumeout.dates import MonthStyle, PartialDate

if TYPE_CHECKING:
    from babel import Locale as CldrLocale

_SKELETONS: dict[tuple[MonthStyle, bool], str] = {
    ("short", False): "yMMM",
    ("short", True): "yMMMd",
    ("long", False): "yMMMM",
    ("long", True): "yMMMMd",
}
"""CLDR skeletons (the fields a date shows, in no order): each language orders and
spells them its own way (``sept. 2024``, ``2024年9月``)."""
_PLACE = re.compile(r"\{([01])\}")


class CldrCalendar:
    def __init__(
        self, locale: CldrLocale, month_pattern: str | None, day_pattern: str | None
    ) -> None:
        self.locale = locale
        self.patterns = {False: month_pattern, True: day_pattern}
        # CLDR's fallback for any interval ("{0} – {1}", Japanese "{0}～{1}"): one
        # pattern for every range, whether the two ends share a year or not. Its thin
        # spaces become word spaces, as in English: fonts often lack U+2009, and text
        # readers split words at spaces.
        fallback = str(locale.interval_formats.get(None, "{0} – {1}"))
        self.interval = fallback.replace("\u2009", " ")

    def date(self, date: PartialDate, month: MonthStyle) -> str:
        from babel.dates import format_date, format_skeleton

        day = date.first_day()
        if date.month is None:
            return format_skeleton("y", day, locale=self.locale)
        if month == "numeric":
            return date.iso()
        with_day = date.day is not None
        pattern = self.patterns[with_day]
        if pattern is not None:
            return format_date(day, pattern, locale=self.locale)
        return format_skeleton(_SKELETONS[month, with_day], day, locale=self.locale)

    def range(self, start: str, end: str) -> str:
        ends = (start, end)
        return _PLACE.sub(lambda match: ends[int(match[1])], self.interval)

    def and_list(self, items: Sequence[str]) -> str:
        from babel.lists import format_list

        return format_list(list(items), style="standard", locale=self.locale) if items else ""
