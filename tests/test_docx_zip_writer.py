"""The DOCX package's ZIP writer gives the bytes zipfile gives for the same entries
(deflated, written by ``writestr``, at one entry time), and remembered compressed
entries are the same as fresh ones."""

from __future__ import annotations

import io
import os
import zipfile

from resumeout.exporters.docx.zip_writer import ZipWriter

WHEN = (2024, 3, 9, 17, 45, 31)
ENTRIES = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>' * 20),
    ("word/document.xml", "<w:t>Zoë Ångström — ½</w:t>".encode() * 300),
    ("word/empty.xml", b""),
    ("word/fonts/font1.odttf", os.urandom(20_000) + bytes(20_000)),
    ("word/naïve.xml", b"<a/>"),
]


def _by_zipfile(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=WHEN)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o600 << 16  # what writestr gives an entry named by a str
            archive.writestr(info, data)
    return buffer.getvalue()


def _by_zip_writer(entries: list[tuple[str, bytes]], *, remember: bool) -> bytes:
    writer = ZipWriter(WHEN)
    for name, data in entries:
        writer.write(name, data, remember=remember)
    return writer.finish()


def test_the_same_bytes_as_zipfile() -> None:
    assert _by_zip_writer(ENTRIES, remember=False) == _by_zipfile(ENTRIES)


def test_remembered_entries_are_the_same_bytes_again_and_read_back() -> None:
    first = _by_zip_writer(ENTRIES, remember=True)
    again = _by_zip_writer(ENTRIES, remember=True)
    other = [(name, data[::-1]) for name, data in ENTRIES]

    assert again == first == _by_zipfile(ENTRIES)
    assert _by_zip_writer(other, remember=True) == _by_zipfile(other)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        assert [(info.filename, archive.read(info)) for info in archive.infolist()] == ENTRIES
        assert {info.date_time for info in archive.infolist()} == {(2024, 3, 9, 17, 45, 30)}
