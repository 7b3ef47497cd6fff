"""What the DOCX writer reads from font files, kept on disk between processes.

Cutting the three faces a résumé embeds costs a fresh process about 35 ms, and importing
fontTools' subsetter another 45–55: most of an ``export --format docx``. The cut depends on
nothing but the font file's bytes, the characters kept and the cutting code, so its result
is stored under a key made of exactly those (the file's SHA-256, the sorted characters,
the installed fontTools, and the source of the modules that cut and read fonts, so that
a change to them is never answered from an older entry), and a later export reads the
same bytes back instead of cutting: the document is identical with and without the cache.

Where: ``RESUMEOUT_CACHE_DIR`` when set, else the user's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS,
``%LOCALAPPDATA%`` on Windows) under ``resumeout/``. ``RESUMEOUT_NO_CACHE=1`` turns it off.
Each entry is written to a temporary file and renamed into place (a reader sees a whole
entry or none), carries the SHA-256 of its content (a damaged entry is ignored and
replaced), and the folder is kept under ``MAX_BYTES`` by removing the least recently used
entries. The cache is an optimisation only: any error reading or writing it is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from resumeout.exporters.fontfiles import FontFile, file_version

FORMAT = "1"
"""The layout of an entry (digest, then content)."""
_PRODUCERS = ("disk_cache.py", "embedding.py", "font_table.py")
"""The modules whose code decides what is stored: their source is part of every key."""
MAX_BYTES = 64 * 1024 * 1024
"""A cut face of a Latin résumé is 5–40 KB: thousands of them."""
_DIGEST_SIZE = 32
_SUFFIX = ".entry"


def cache_folder() -> Path | None:
    """The folder entries live in, or None when the cache is turned off."""
    if os.environ.get("RESUMEOUT_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("RESUMEOUT_CACHE_DIR")
    if chosen:  # a relative folder is the current directory's, as for any path given
        return Path(chosen).expanduser().absolute() / "fonts"
    return _user_cache_folder() / "resumeout" / "fonts"


def _user_cache_folder() -> Path:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG Base Directory spec: a relative path is invalid and must be ignored.
    return Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"


def entry_key(kind: str, file: FontFile, parts: Iterable[str]) -> str | None:
    """The key of what ``kind`` reads from ``file`` given ``parts``: the file's content,
    not its path or time, so a copy of a font shares entries and an edited one does not.
    None when the cache is off: the file is then not read to be hashed."""
    if cache_folder() is None:
        return None
    digest = hashlib.sha256()
    identity = (FORMAT, _code_identity(), _font_tools_identity())
    for part in (*identity, kind, file_digest(file), str(file.index), *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def read(key: str | None) -> bytes | None:
    """The entry stored under ``key``, or None (absent, damaged, cache off or unreadable)."""
    folder = cache_folder()
    if folder is None or key is None:
        return None
    path = folder / (key + _SUFFIX)
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    content = stored[_DIGEST_SIZE:]
    if hashlib.sha256(content).digest() != stored[:_DIGEST_SIZE]:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # its time is when it was last used: the least recent go first
    return content


def write(key: str | None, content: bytes) -> None:
    """Stores ``content`` under ``key``; does nothing when the cache is off or unwritable."""
    folder = cache_folder()
    if folder is None or key is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(content).digest() + content)
            temporary.replace(folder / (key + _SUFFIX))
        except BaseException:
            temporary.unlink()
            raise
        _trim(folder)
    except OSError:
        pass


def _trim(folder: Path) -> None:
    """Removes the least recently used entries while the folder holds more than
    ``MAX_BYTES``. Runs after each write, and writes are rare (a new font or characters)."""
    entries = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.endswith(_SUFFIX):
                stat = entry.stat()
                entries.append((stat.st_mtime_ns, stat.st_size, Path(entry.path)))
            elif entry.name.endswith(".tmp") and entry.stat().st_mtime < time.time() - 3600:
                # left by a process that stopped between writing and renaming it
                Path(entry.path).unlink(missing_ok=True)
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= MAX_BYTES:
            break
        path.unlink(missing_ok=True)  # another process may have removed it first
        total -= size


def file_digest(file: FontFile) -> str:
    """The SHA-256 of ``file``'s bytes, read once per state of the file."""
    return _file_digest(file, file_version(file))


@cache
def _file_digest(file: FontFile, version: tuple[int, int, int]) -> str:
    with file.path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


@cache
def _code_identity() -> str:
    """The digest of the source of ``_PRODUCERS`` (read once a process; about 20 KB)."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for name in _PRODUCERS:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:  # no source beside the code (a frozen application): its version
            from resumeout import __version__

            digest.update(__version__.encode())
    return digest.hexdigest()


@cache
def _font_tools_identity() -> str:
    """The installed fontTools, read without importing it (its import is the cost the
    cache saves): the digest of its package's ``__init__.py``, which holds its version."""
    spec = importlib.util.find_spec("fontTools")
    if spec is None or spec.origin is None:
        return "none"
    return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()
