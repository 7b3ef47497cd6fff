"""Output file names, made from the ``settings.output_name`` template and made safe."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resumeout.model import Resume

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_STEM = 120


def file_stem(resume: Resume, variant: str | None = None) -> str:
    """Every output's file name without its suffix: ``settings.output_name`` made from
    ``resume``; when the résumé does not set it and is in another language than English,
    the owner's name and that language's word for a résumé (``Runyu_Lu_CV`` in French,
    ``王小明_简历`` in Chinese): the name a recruiter sees on the attachment."""
    template = resume.settings.output_name
    english = resume.locale.language.split("-")[0].lower() == "en"
    if "output_name" not in resume.settings.model_fields_set and not english:
        from resumeout.views.document import language_of

        word = language_of(resume).words.resume
        template = "{name}_" + word.replace("{", "{{").replace("}", "}}")
    return output_stem(template, resume.name, variant)


def output_stem(template: str, name: str, variant: str | None = None) -> str:
    """``{name}_Resume`` with ``Runyu Lu`` gives ``Runyu_Lu_Resume``; with variant
    ``industry`` (and no ``{variant}`` in the template), ``Runyu_Lu_Resume_industry``.

    The result is one file name on every operating system: no path separators, no
    ``..``, no control or reserved characters, no Windows device names.
    """
    if variant and "{variant}" not in template:
        template += "_{variant}"  # variants never overwrite each other's files
    value = template.format(name=name, variant=variant or "")
    return safe_stem(value)


def safe_stem(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    value = _UNSAFE.sub("_", value)
    value = re.sub(r"\s+", "_", value.strip())
    value = re.sub(r"_+", "_", value).strip("._ ")
    value = value[:MAX_STEM].rstrip("._ ")
    if not value:
        value = "resume"
    if value.split(".")[0].upper() in _RESERVED:
        value = "_" + value
    return value
