"""Project-local exporters: Python files in a folder the user names (``--exporters-dir``
or ``settings.exporters_dir``). Importing them runs their code, so a folder is never
searched unless it is named; every Exporter subclass a file defines is registered by its
``name``."""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import sys
from functools import cache
from pathlib import Path

from resumeout.errors import UsageError
from resumeout.exporters.base import Exporter


def folder_exporters(folder: Path) -> dict[str, type[Exporter]]:
    return _load_folder(folder.resolve())


@cache
def _load_folder(folder: Path) -> dict[str, type[Exporter]]:
    if not folder.is_dir():
        raise UsageError(f"exporters folder {folder} does not exist")
    # A package name of its own per folder, so two folders' modules never collide.
    package = "resumeout_local_" + hashlib.sha1(str(folder).encode()).hexdigest()[:10]
    found: dict[str, type[Exporter]] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"{package}_{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            del sys.modules[module_name]
            raise UsageError(f"{path}: the exporter cannot be loaded: {error!r}") from None
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, Exporter)
                and value.__module__ == module_name
                and not inspect.isabstract(value)
            ):
                if value.name in found:
                    raise UsageError(f"two exporters in {folder} are named {value.name!r}")
                found[value.name] = value
    return found
