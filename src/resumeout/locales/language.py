"""The résumé's language, resolved: its words, its dates, its direction and its tags."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Protocol

from resumeout.dates import MonthStyle, PartialDate
from resumeout.locales.catalogue import LABEL_KEYS, Words, catalogue
from resumeout.locales.english import REGIONAL_TAG, EnglishCalendar
from resumeout.locales.tags import ENGLISH, cldr_locale

if TYPE_CHECKING:
    from babel import Locale as CldrLocale

Direction = Literal["ltr", "rtl"]
_EAST_ASIAN = ("zh", "ja", "ko")
"""Languages whose text word processors set in the East Asian font slot."""


class Calendar(Protocol):
    def date(self, date: PartialDate, month: MonthStyle) -> str: ...
    def range(self, start: str, end: str) -> str: ...
    def and_list(self, items: Sequence[str]) -> str: ...


class MissingWordsError(ValueError):
    """A language without a catalogue, and labels that do not give every word."""


@dataclass(frozen=True, slots=True)
class Language:
    tag: str
    """The BCP 47 tag the résumé gives (``fr``, ``zh-Hans``): the documents' language."""
    regional_tag: str
    """With CLDR's likely region (``fr-FR``, ``zh-CN``): word processors pick spelling
    and hyphenation by region."""
    script: str
    """ISO 15924 code of the script it is written in (``Latn``, ``Arab``, ``Hans``)."""
    direction: Direction
    words: Words
    calendar: Calendar
    month: MonthStyle

    @property
    def primary(self) -> str:
        """The language subtag alone: ``pt`` for ``pt-BR``."""
        return self.tag.split("-")[0]

    @property
    def east_asian(self) -> bool:
        return self.primary in _EAST_ASIAN

    def date(self, date: PartialDate) -> str:
        return self.calendar.date(date, self.month)

    def range(self, start: PartialDate | None, end: PartialDate | Literal["present"] | None) -> str:
        """``Sep 2024 – Present``; a lone start or end is shown alone."""
        end_text = (
            self.words.present if end == "present" else self.date(end) if end is not None else ""
        )
        if start is None:
            return end_text
        start_text = self.date(start)
        if not end_text or end_text == start_text:
            return start_text
        return self.calendar.range(start_text, end_text)

    def and_list(self, items: Sequence[str]) -> str:
        return self.calendar.and_list(items)

    def listed(self, items: Sequence[str]) -> str:
        return self.words.comma.join(items)

    def labelled(self, label: str, value: str) -> str:
        """``Courses: A, B``, ``Cours : A, B``, ``课程：A，B``."""
        return f"{label}{self.words.colon}{value}"

    def last_updated(self, date: PartialDate) -> str:
        return _fill(self.words.last_updated, date=self.date(date))

    def page(self, page: int, pages: int) -> str:
        return _fill(self.words.page, page=str(page), pages=str(pages))


def _fill(template: str, **values: str) -> str:
    """``template`` with its ``{name}`` placeholders replaced; the values are not searched
    for placeholders (a name may hold braces)."""
    out = []
    for text, name, _, _ in string.Formatter().parse(template):
        out.append(text)
        if name is not None:
            out.append(values[name])
    return "".join(out)


@lru_cache(maxsize=32)
def resolve(
    tag: str,
    direction: Direction | None = None,
    labels: tuple[tuple[str, str], ...] = (),
    month_pattern: str | None = None,
    day_pattern: str | None = None,
    month: MonthStyle = "short",
) -> Language:
    """The language of tag ``tag`` (one :func:`~resumeout.locales.tags.check_tag`
    accepted), with the résumé's own labels and patterns. MissingWordsError when resumeout
    has no words for the language and ``labels`` does not give them all."""
    if tag in ENGLISH and month_pattern is None and day_pattern is None:
        words, calendar = catalogue("en"), EnglishCalendar()
        assert words is not None
        language = Language(tag, REGIONAL_TAG, "Latn", direction or "ltr", words, calendar, month)
    else:
        language = _from_cldr(tag, direction, month_pattern, day_pattern, month, dict(labels))
    return replace(language, words=replace(language.words, **dict(labels)))


def _from_cldr(
    tag: str,
    direction: Direction | None,
    month_pattern: str | None,
    day_pattern: str | None,
    month: MonthStyle,
    labels: dict[str, str],
) -> Language:
    from resumeout.locales.cldr import CldrCalendar

    cldr = cldr_locale(tag)
    words = _catalogue_for(cldr.language, cldr.script)
    if words is None:
        missing = [key for key in LABEL_KEYS if key not in labels]
        if missing:
            raise MissingWordsError(", ".join(missing))
        english = catalogue("en")
        assert english is not None
        words = english  # every label is the résumé's; the punctuation is CLDR-neutral
    written: Direction = "rtl" if cldr.character_order == "right-to-left" else "ltr"
    calendar = CldrCalendar(cldr, month_pattern, day_pattern)
    regional, script = _likely(tag, cldr)
    return Language(tag, regional, script, direction or written, words, calendar, month)


def _catalogue_for(language: str, script: str | None) -> Words | None:
    for candidate in (f"{language}-{script}" if script else None, language):
        if candidate and (words := catalogue(candidate)) is not None:
            return words
    return None


def _likely(tag: str, cldr: CldrLocale) -> tuple[str, str]:
    """``tag`` with CLDR's likely region, and the likely script: ``fr`` is ``fr-FR`` in
    ``Latn``, ``zh-Hant`` is ``zh-TW`` in ``Hant``."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    full = likely.get(f"{cldr.language}_{cldr.script}") if cldr.script else None
    full = str(full or likely.get(cldr.language) or cldr.language).split("_")
    script = cldr.script or next((part for part in full[1:] if len(part) == 4), "Zyyy")
    if cldr.territory and cldr.territory in tag.split("-"):
        return tag, script
    region = full[-1] if len(full) > 1 and full[-1].isupper() else None
    if region is None:
        return tag, script
    if cldr.language == "zh":
        return f"zh-{region}", script  # word processors know zh-CN and zh-TW, not zh-Hans-CN
    return f"{tag}-{region}", script


def has_words(tag: str) -> bool:
    """Whether resumeout has its own words for ``tag``'s language (a catalogue)."""
    if tag in ENGLISH:
        return True
    cldr = cldr_locale(tag)
    return _catalogue_for(cldr.language, cldr.script) is not None
