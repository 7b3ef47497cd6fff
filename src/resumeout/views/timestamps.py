"""The one date a document carries in its metadata, never read from the clock."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING

from resumeout.errors import ExportError

if TYPE_CHECKING:
    from resumeout.model import Resume

# The date of a résumé that has no `last_updated` (and no SOURCE_DATE_EPOCH).
FALLBACK = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
# A ZIP entry (and so each part of a DOCX) stores its time as years since 1980 in seven
# bits, in two-second steps: it can hold nothing earlier than 1980 or later than 2107.
ZIP_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


def document_timestamp(resume: Resume) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the résumé's
    ``last_updated``, else a fixed date. Raises ExportError for a malformed
    ``SOURCE_DATE_EPOCH``, as the reproducible-builds specification asks."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return _from_epoch(epoch)
    if resume.last_updated is not None:
        day = resume.last_updated.first_day()
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return FALLBACK


def zip_entry_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``moment`` as a ZIP entry's time, moved into the range a ZIP can hold.

    Only the container's entry times are moved; the document keeps its own date in its
    metadata (a DOCX's core properties), where any year can be written.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    held = min(max(moment, ZIP_EARLIEST), ZIP_LATEST)
    return (held.year, held.month, held.day, held.hour, held.minute, held.second)


def _from_epoch(epoch: str) -> dt.datetime:
    problem = "is not a whole number of seconds since 1970-01-01"
    if re.fullmatch(r"[0-9]+", epoch):
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            problem = "is after the year 9999"
    raise ExportError(
        f"SOURCE_DATE_EPOCH={epoch!r} {problem}; set it to e.g. $(git log -1 --format=%ct) "
        "or unset it"
    )
