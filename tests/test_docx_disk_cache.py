"""The disk cache of cut DOCX faces: the same document with and without it, entries that
survive damage, a bounded folder, and a switch that turns it off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from resumeout.exporters.docx import disk_cache
from resumeout.exporters.fontfiles import FontFile, bundled_files
from tests.conftest import SEED, run_cli

# Exports the seed's DOCX in this process and prints the fontTools modules it imported.
_IMPORTS_PROBE = """
import sys
from pathlib import Path
from resumeout.exporters.docx import DocxExporter
from resumeout.source.validation import load_resume
Path(sys.argv[1]).write_bytes(DocxExporter().render(load_resume(Path(sys.argv[2]))))
print(sorted(name for name in sys.modules if name.startswith("fontTools")))
"""


def _export(out: Path, env: dict[str, str]) -> bytes:
    result = run_cli("export", str(SEED), "--format", "docx", "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    (written,) = out.glob("*.docx")
    return written.read_bytes()


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "fonts").glob("*.entry"))


def test_a_stored_face_gives_the_same_document_as_a_cut_one(tmp_path: Path) -> None:
    cache = {"RESUMEOUT_CACHE_DIR": str(tmp_path / "cache")}
    uncached = _export(tmp_path / "off", {**cache, "RESUMEOUT_NO_CACHE": "1"})
    assert not (tmp_path / "cache").exists()
    cold = _export(tmp_path / "cold", cache)
    # three cut faces (regular, bold, italic), the family name and the font table facts
    assert len(_entries(tmp_path / "cache")) == 5
    warm = _export(tmp_path / "warm", cache)
    assert uncached == cold == warm
    names = zipfile.ZipFile(tmp_path / "warm" / "Runyu_Lu_Resume.docx").namelist()
    assert sum(name.startswith("word/fonts/") for name in names) == 3
    paragraphs = docx.Document(str(tmp_path / "warm" / "Runyu_Lu_Resume.docx")).paragraphs
    assert "Runyu Lu" in "\n".join(paragraph.text for paragraph in paragraphs)


def test_a_warm_cache_spares_the_import_of_fonttools(tmp_path: Path) -> None:
    env = {**os.environ, "RESUMEOUT_CACHE_DIR": str(tmp_path / "cache")}

    def probe(name: str) -> tuple[bytes, str]:
        out = tmp_path / name
        command = [sys.executable, "-c", _IMPORTS_PROBE, str(out), str(SEED)]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return out.read_bytes(), result.stdout.strip()

    cold, cold_imports = probe("cold.docx")
    warm, warm_imports = probe("warm.docx")
    assert "fontTools.subset" in cold_imports
    assert warm_imports == "[]"
    assert cold == warm


def test_a_damaged_entry_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESUMEOUT_CACHE_DIR", str(tmp_path / "cache"))
    cache = {"RESUMEOUT_CACHE_DIR": str(tmp_path / "cache")}
    first = _export(tmp_path / "first", cache)
    entries = _entries(tmp_path / "cache")
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[-1] ^= 0xFF  # the content no longer matches its digest
        entry.write_bytes(bytes(data))
    truncated = entries[0]
    truncated.write_bytes(truncated.read_bytes()[:10])
    assert all(disk_cache.read(entry.stem) is None for entry in entries)
    second = _export(tmp_path / "second", cache)
    assert second == first
    assert _entries(tmp_path / "cache") == entries
    assert all(disk_cache.read(entry.stem) is not None for entry in entries)


def test_an_unwritable_cache_does_not_stop_the_export(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    written = _export(tmp_path / "out", {"RESUMEOUT_CACHE_DIR": str(blocker)})
    uncached = _export(tmp_path / "off", {"RESUMEOUT_NO_CACHE": "1"})
    assert written == uncached


def test_the_folder_is_kept_under_its_bound_least_recently_used_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESUMEOUT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(disk_cache, "MAX_BYTES", 3 * 1000 + 3 * 32)
    for number, key in enumerate(("a" * 64, "b" * 64, "c" * 64)):
        disk_cache.write(key, bytes([number]) * 1000)
        os.utime(tmp_path / "fonts" / f"{key}.entry", ns=(number * 10**9, number * 10**9))
    assert disk_cache.read("a" * 64) == bytes([0]) * 1000  # used now: the most recent
    disk_cache.write("d" * 64, b"\3" * 1000)
    assert disk_cache.read("b" * 64) is None  # the least recently used went
    assert disk_cache.read("a" * 64) is not None
    assert disk_cache.read("c" * 64) is not None
    assert disk_cache.read("d" * 64) == b"\3" * 1000
    assert not list((tmp_path / "fonts").glob("*.tmp"))


def test_the_key_follows_the_file_content_not_its_path(tmp_path: Path) -> None:
    original = bundled_files()["regular"].path
    copy = tmp_path / "copy.ttf"
    shutil.copyfile(original, copy)
    key = disk_cache.entry_key("cut", FontFile(original), ("Family", "regular", "abc"))
    assert disk_cache.entry_key("cut", FontFile(copy), ("Family", "regular", "abc")) == key
    assert disk_cache.entry_key("cut", FontFile(copy), ("Family", "regular", "abcd")) != key
    data = bytearray(copy.read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    os.utime(copy, ns=(1, 1))  # a new state of the file: its digest is read again
    assert disk_cache.entry_key("cut", FontFile(copy), ("Family", "regular", "abc")) != key


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"RESUMEOUT_CACHE_DIR": "/somewhere"}, Path("/somewhere") / "fonts"),
        ({"RESUMEOUT_CACHE_DIR": "/somewhere", "RESUMEOUT_NO_CACHE": "1"}, None),
        (
            {"RESUMEOUT_CACHE_DIR": "/somewhere", "RESUMEOUT_NO_CACHE": "0"},
            Path("/somewhere") / "fonts",
        ),
    ],
)
def test_the_folder_is_chosen_by_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: Path | None
) -> None:
    monkeypatch.delenv("RESUMEOUT_NO_CACHE", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert disk_cache.cache_folder() == expected


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG folders are Linux's")
def test_the_default_folder_is_the_users_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("RESUMEOUT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_folder() == tmp_path / "resumeout" / "fonts"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert disk_cache.cache_folder() == Path.home() / ".cache" / "resumeout" / "fonts"


def test_a_temporary_file_left_by_a_stopped_process_is_removed_once_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESUMEOUT_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "fonts"
    folder.mkdir()
    old, recent = folder / ".old.tmp", folder / ".recent.tmp"
    old.write_bytes(b"half an entry")
    recent.write_bytes(b"being written now")
    os.utime(old, (1, 1))
    disk_cache.write("e" * 64, b"content")
    assert not old.exists()
    assert recent.exists()  # perhaps another process's write in progress
    assert disk_cache.read("e" * 64) == b"content"


def test_a_relative_folder_is_the_current_directorys(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("RESUMEOUT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESUMEOUT_CACHE_DIR", "cache")
    assert disk_cache.cache_folder() == tmp_path / "cache" / "fonts"


def test_with_the_cache_off_no_key_is_made_and_nothing_is_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RESUMEOUT_NO_CACHE", "1")
    file = FontFile(bundled_files()["regular"].path)
    assert disk_cache.entry_key("cut", file, ("Family", "regular", "abc")) is None
    disk_cache.write(None, b"x")  # nothing to store it under, nothing raised
    assert disk_cache.read(None) is None
