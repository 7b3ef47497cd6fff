"""The one date a document carries in its metadata, never read from the clock."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resumeout.model import Resume

# ZIP (and so DOCX) cannot store times before 1980.
FALLBACK = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def document_timestamp(resume: Resume) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the résumé's
    ``last_updated``, else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC), FALLBACK)
    if resume.last_updated is not None:
        day = resume.last_updated.first_day()
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return FALLBACK
