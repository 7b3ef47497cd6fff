"""The résumé's own language: resumeout's words from a catalogue per language
(``messages/``), month names and date patterns from CLDR (through Babel, loaded only for
languages other than English).

::

    language = resolve("fr")
    language.range(PartialDate(2024, 9), "present")   # 'sept. 2024 – aujourd’hui'
"""

from resumeout.locales.catalogue import LABEL_KEYS, Words, catalogue_tags
from resumeout.locales.language import Direction, Language, MissingWordsError, has_words, resolve
from resumeout.locales.tags import UnknownLanguageError, check_tag

__all__ = [
    "LABEL_KEYS",
    "Direction",
    "Language",
    "MissingWordsError",
    "UnknownLanguageError",
    "Words",
    "catalogue_tags",
    "check_tag",
    "has_words",
    "resolve",
]
