"""Output file names, made from the ``settings.output_name`` template and made safe."""

from __future__ import annotations

import re
import unicodedata

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
