"""Project-local exporters: Python files in a folder. Importing them runs their code, so a
folder is loaded only when the person running resumeout names it — on the command line
(``--exporters-dir``) or in the environment (``RESUMEOUT_EXPORTERS_DIR``), never from a
résumé, which anyone who can propose a change to it could use to run code in a CI job.
Every Exporter subclass a file defines is registered by its ``name``."""

from __future__ import annotations

import importlib.util
import inspect
import os
import sys
from pathlib import Path
from types import ModuleType

from resumeout.errors import UsageError
from resumeout.exporters.base import Exporter

EXPORTERS_DIR_VARIABLE = "RESUMEOUT_EXPORTERS_DIR"

# The module last imported from each file, with a digest of the content it was made from:
# a file whose content changes (an edit during --watch) is imported afresh, an unchanged
# one is not run again.
_imported: dict[Path, tuple[str, ModuleType]] = {}


def chosen_folder(command_line: Path | None) -> Path | None:
    """The exporters folder the person running resumeout asked for: ``--exporters-dir``,
    else ``RESUMEOUT_EXPORTERS_DIR`` (relative to the working directory), else none."""
    if command_line is not None:
        return command_line
    named = os.environ.get(EXPORTERS_DIR_VARIABLE, "").strip()
    return Path(named) if named else None


def folder_exporters(folder: Path) -> dict[str, type[Exporter]]:
    folder = folder.resolve()
    if not folder.is_dir():
        raise UsageError(f"exporters folder {folder} does not exist")
    found: dict[str, type[Exporter]] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = _import(path)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, Exporter)
                and value.__module__ == module.__name__
                and not inspect.isabstract(value)
            ):
                if value.name in found:
                    raise UsageError(f"two exporters in {folder} are named {value.name!r}")
                found[value.name] = value
    return found


def _import(path: Path) -> ModuleType:
    """The module ``path`` holds now. Its code is compiled from the bytes just read (not
    from a cached .pyc, which an edit within the same second can leave looking current),
    under a module name of its own per file and content, so the classes of an edited file
    are new classes, never the earlier ones."""
    import hashlib  # here: only a named folder of exporters needs it

    code = path.read_bytes()
    digest = hashlib.sha256(code).hexdigest()
    known = _imported.get(path)
    if known is not None and known[0] == digest:
        return known[1]
    place = hashlib.sha256(str(path).encode()).hexdigest()[:10]
    name = f"resumeout_local_{place}_{path.stem}_{digest[:10]}"
    spec = importlib.util.spec_from_loader(name, loader=None, origin=str(path))
    assert spec is not None  # spec_from_loader returns None only for a missing loader name
    module = importlib.util.module_from_spec(spec)
    module.__file__ = str(path)
    sys.modules[name] = module  # dataclasses and typing look their module up here
    try:
        exec(compile(code, str(path), "exec", dont_inherit=True), module.__dict__)
    except Exception as error:
        del sys.modules[name]
        raise UsageError(f"{path}: the exporter cannot be loaded: {error!r}") from None
    if known is not None:
        sys.modules.pop(known[1].__name__, None)
    _imported[path] = (digest, module)
    return module
