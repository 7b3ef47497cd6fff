"""Résumé dates: a year, a month or a day, and ranges of them that may end at present.

Dates are stored as written (precision included); :mod:`resumeout.locales` writes them
in the résumé's language, whatever spelling the source used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

MonthStyle = Literal["short", "long", "numeric"]

# Four digits, and no year 0: every date must be a day of Python's (and ISO 8601's)
# calendar, and the documents' metadata writes years with four digits.
EARLIEST_YEAR = 1000
_PATTERN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept ``2024``, ``"2024-09"``, ``"2024-09-01"`` or a YAML date; raise ValueError.

        A YAML timestamp with a time of day (``2024-09-01 10:30``) is refused rather than
        cut to its day: a résumé shows no times, and a time written there is more likely
        a slip than meant to vanish.
        """
        if isinstance(value, dt.datetime):
            raise ValueError(
                f"a date with a time of day ({value.time().isoformat()}); a résumé date is "
                f"YYYY, YYYY-MM or YYYY-MM-DD: write {value.date().isoformat()}"
            )
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError("expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
        text = str(value).strip()
        match = _PATTERN.fullmatch(text)
        if not match:
            raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if year < EARLIEST_YEAR:
            raise ValueError(f"{text!r} has year {year}; write a year from {EARLIEST_YEAR} to 9999")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has month {month}; months run from 1 to 12")
        if day is not None:
            try:
                dt.date(year, month or 1, day)
            except ValueError:
                last = calendar.monthrange(year, month or 1)[1]
                raise ValueError(
                    f"{text!r} is not a day of the calendar: {year}-{month or 1:02d} has "
                    f"{last} days (write a day from 1 to {last}, or leave the day out)"
                ) from None
        return cls(year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)
