"""Language tags (BCP 47) and date patterns, checked against CLDR through Babel.

English, the default, is known without loading Babel, so a résumé in English pays
nothing for the others.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale as CldrLocale

ENGLISH = ("en", "en-US")
"""Tags served by the built-in English (see :mod:`resumeout.locales.english`)."""

_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


class UnknownLanguageError(ValueError):
    """A tag CLDR does not know; the message names the closest tags it does."""


def normalize(tag: str) -> str:
    """BCP 47's casing: ``PT_br`` is ``pt-BR``, ``zh-hans`` is ``zh-Hans``."""
    parts = re.split(r"[-_]", tag)
    shaped = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            shaped.append(part.title())  # a script
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            shaped.append(part.upper())  # a region
        else:
            shaped.append(part.lower())
    return "-".join(shaped)


def check_tag(tag: str) -> str:
    """``tag`` in BCP 47's casing if CLDR knows the language; else UnknownLanguageError."""
    shaped = normalize(tag)
    if shaped in ENGLISH:
        return shaped
    if all(_SUBTAG.fullmatch(part) for part in shaped.split("-")):
        try:
            cldr_locale(shaped)
            return shaped
        except ValueError:
            pass
    named = language_named(tag)
    if named is not None:
        code, name = named
        hint = f"for {name}, write its tag: {code}"
    else:
        close = suggestions(shaped)
        hint = (
            f"did you mean {', '.join(close)}?"
            if close
            else "write a tag such as fr, pt-BR, zh-Hans"
        )
    raise UnknownLanguageError(f"{tag!r} is not a language tag resumeout knows; {hint}")


def language_named(text: str) -> tuple[str, str] | None:
    """The tag and English name of the language ``text`` names, in English (``Arabic``)
    or in itself (``Français``, ``中文``, ``العربية``) for the languages resumeout has
    words in; None if it names none."""
    from resumeout.locales.catalogue import catalogue_tags

    wanted = text.strip().casefold()
    if wanted in _english_names():
        return _english_names()[wanted]
    for code in catalogue_tags():
        own = cldr_locale(code)
        for display in (own.display_name, own.language_name):
            if display and display.casefold() == wanted:
                return code, own.get_display_name("en") or code
    return None


@cache
def cldr_locale(tag: str) -> CldrLocale:
    """CLDR's data for ``tag`` (a tag :func:`check_tag` accepted); ValueError if none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, TypeError) as error:
        raise ValueError(str(error)) from None


def suggestions(tag: str, limit: int = 3) -> list[str]:
    """The known tags closest to ``tag``: the language it names in English (``French``
    is ``fr``), its language without an unknown region, then the most alike."""
    from babel.localedata import locale_identifiers

    known = sorted({normalize(identifier) for identifier in locale_identifiers()})
    by_case = {candidate.casefold(): candidate for candidate in known}
    names = _english_names()
    # A language's English name, misspelt (``arabc``) or not: its tag first.
    spelt = difflib.get_close_matches(tag.casefold(), list(names), n=1, cutoff=0.8)
    found = [names[name][0] for name in spelt]
    language = tag.split("-")[0].casefold()
    if "-" in tag and language in by_case:
        found.append(by_case[language])
    close = difflib.get_close_matches(tag.casefold(), list(by_case), n=limit, cutoff=0.5)
    found += [by_case[match] for match in close]
    return list(dict.fromkeys(found))[:limit]


@cache
def _english_names() -> dict[str, tuple[str, str]]:
    """Each language's English name, in any case, with its tag and the name as CLDR
    writes it (``arabic``: ``ar``, ``Arabic``)."""
    return {
        name.casefold(): (normalize(code), name)
        for code, name in cldr_locale("en").languages.items()
    }


_FIELDS = {"y": "year", "M": "month", "L": "month", "d": "day"}


def check_pattern(pattern: str) -> str:
    """``pattern`` if it is a CLDR date pattern of years, months and days; else ValueError."""
    if pattern.count("'") % 2:
        raise ValueError(f"{pattern!r} opens a quote it does not close; write '' for a quote")
    from babel.dates import tokenize_pattern

    for kind, value in tokenize_pattern(pattern):
        if kind == "field" and value[0] not in _FIELDS:
            raise ValueError(
                f"{pattern!r} uses {value[0]!r}; a date pattern has y (year), M or L "
                "(month: M 9, MM 09, MMM Sep, MMMM September) and d (day); put other "
                "letters in 'quotes'"
            )
    return pattern
