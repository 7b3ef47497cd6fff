"""A résumé whose section titles are in another script but which names no ``locale``.

Without a locale resumeout writes its own words ("Present", "Keywords", month names) in
English, which in an Arabic or Chinese résumé is almost never what was meant. The
section titles are the user's own words on every page, so their script tells the
résumé's language well enough to suggest a tag; the suggestion is a warning, never a
guess acted on (Arabic script is also Persian's and Urdu's, Han also Japanese's). It is
given only when English words the source does not hold reach the résumé: one that sets
its own words (``settings.dates.present``, numeric months) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from resumeout.diagnostics import Diagnostic
from resumeout.model.resume import Resume
from resumeout.source.loading import SourceMap

# (first, last code point, what the script is called, the language tag suggested)
_SCRIPTS: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "Greek", "el"),
    (0x0400, 0x04FF, "Cyrillic", "ru"),
    (0x0590, 0x05FF, "Hebrew", "he"),
    (0x0600, 0x06FF, "Arabic", "ar"),
    (0x0900, 0x097F, "Devanagari", "hi"),
    (0x0980, 0x09FF, "Bengali", "bn"),
    (0x0E00, 0x0E7F, "Thai", "th"),
    (0x1100, 0x11FF, "Hangul", "ko"),
    (0x3040, 0x30FF, "Japanese", "ja"),
    (0x3400, 0x9FFF, "Chinese characters", "zh"),
    (0xAC00, 0xD7AF, "Hangul", "ko"),
)


def _script(title: str) -> tuple[str, str] | None:
    """The script of a title's letters, or None for Latin (or no letters). A title with
    any kana is Japanese, whatever Han characters it also has."""
    found: tuple[str, str] | None = None
    for character in title:
        if not character.isalpha():
            continue
        point = ord(character)
        if point < 0x0250:
            return found
        for first, last, name, tag in _SCRIPTS:
            if first <= point <= last:
                if tag == "ja":
                    return name, tag
                found = found or (name, tag)
                break
    return found


def unnamed_language(resume: Resume, source_map: SourceMap) -> Diagnostic | None:
    """A warning when most section titles are in one non-Latin script and neither the
    résumé nor any variant sets ``locale``."""
    if "locale" in resume.model_fields_set or any(
        variant.locale is not None for variant in resume.variants.values()
    ):
        return None
    titles = [_script(section.title) for section in resume.sections]
    if any(script and script[1] == "ja" for script in titles):
        # 職歴 beside スキル: Han in a Japanese résumé is Japanese.
        titles = [("Japanese", "ja") if s and s[1] in ("ja", "zh") else s for s in titles]
    scripts = Counter(titles)
    (script, count), *_ = scripts.most_common(1) or [(None, 0)]
    if script is None or count * 2 <= len(resume.sections):
        return None
    english = _english_words(resume, source_map)
    if not english:
        return None
    name, tag = script
    diagnostic = source_map.diagnostic(
        ("sections",),
        f"the section titles are written in {name} but the résumé names no language, so "
        f"resumeout writes its own words in English ({', '.join(english)}); add "
        f"`locale: {{language: {tag}}}` (or your language's tag) at the top level",
        code="language_unnamed",
        key=True,
    )
    return replace(diagnostic, severity="warning")


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _english_words(resume: Resume, source_map: SourceMap) -> list[str]:
    """The first few Latin words of the plain-text résumé that the source never writes:
    resumeout's own (Present, Sep, Keywords)."""
    from resumeout.exporters.text import TextExporter

    written = set(_LATIN_WORD.findall("\n".join(source_map.lines)))
    found: list[str] = []
    for word in _LATIN_WORD.findall(TextExporter().render(resume)):
        if word not in written and word not in found:
            found.append(word)
    return found[:3]
