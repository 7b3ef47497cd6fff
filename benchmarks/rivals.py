"""RenderCV, the leading YAML-to-PDF tool, run on the same résumé when it is installed.

RenderCV needs Python ≥ 3.12, so it lives in a virtual environment of its own, outside
this repository; the benchmark is told where through ``--rendercv PATH`` or the
``RESUMEOUT_BENCH_RENDERCV`` environment variable (the ``rendercv`` executable, or the
environment's folder), or finds ``rendercv`` on PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ENV_VARIABLE = "RESUMEOUT_BENCH_RENDERCV"
# RenderCV writes only the PDF, as `resumeout export --format pdf` does.
PDF_ONLY = ("--dont-generate-markdown", "--dont-generate-html", "--dont-generate-png")


def find_rendercv(option: str | None) -> Path | None:
    given = option or os.environ.get(ENV_VARIABLE)
    if given:
        path = Path(given).expanduser()
        for candidate in (path, path / "bin" / "rendercv"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate.resolve()
        return None
    found = shutil.which("rendercv")
    return Path(found) if found else None


def rendercv_command(rendercv: Path, source: Path, out: Path) -> list[str]:
    return [str(rendercv), "render", str(source), "--output-folder", str(out), *PDF_ONLY]


def rendercv_environment(rendercv: Path, source: Path, out: Path) -> dict[str, str] | None:
    """The environment RenderCV runs in here, or None if it cannot run.

    RenderCV's theme imports a Typst package (icons) that Typst downloads on first use.
    Offline, that fails; the résumé draws no icons, so a stand-in package defining the
    same function is put in a Typst package cache of our own and the run is retried."""
    environment = dict(os.environ)
    first = subprocess.run(
        rendercv_command(rendercv, source, out),
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if first.returncode == 0:
        return environment
    missing = re.search(
        r"preview/fontawesome-(\d+\.\d+\.\d+)\.tar\.gz", first.stdout + first.stderr
    )
    if not missing:
        return None
    cache = out / "typst-cache"
    package = cache / "typst" / "packages" / "preview" / "fontawesome" / missing.group(1)
    package.mkdir(parents=True, exist_ok=True)
    (package / "typst.toml").write_text(
        f'[package]\nname = "fontawesome"\nversion = "{missing.group(1)}"\n'
        'entrypoint = "lib.typ"\nauthors = ["stand-in"]\nlicense = "MIT"\n'
        'description = "A stand-in: icons as empty boxes."\n',
        encoding="utf-8",
    )
    (package / "lib.typ").write_text(
        "#let fa-icon(name, ..args) = box(width: 0.9em, height: 0.9em)\n", encoding="utf-8"
    )
    environment["XDG_CACHE_HOME"] = str(cache)
    second = subprocess.run(
        rendercv_command(rendercv, source, out), capture_output=True, env=environment, check=False
    )
    return environment if second.returncode == 0 else None


def rendercv_version(rendercv: Path) -> str:
    result = subprocess.run(
        [str(rendercv), "--version"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "RenderCV"
