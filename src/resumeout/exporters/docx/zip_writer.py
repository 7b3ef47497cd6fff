"""The DOCX package's ZIP archive, written entry by entry as :mod:`zipfile` writes it
(``writestr`` into a seekable file, deflated), with fixed entry times, and with the
compressed bytes of embedded fonts remembered between documents.

python-docx compresses every part of every document; the embedded fonts are two thirds
of a résumé's package (about 0.6 ms of deflating a document) and are the same bytes
whenever a face is cut for the same characters. Deflating the same bytes at the same
level gives the same stream, so a remembered one is what a new compression would give.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

# zipfile's header layouts (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16)
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # deflate
_UNIX = 3
_MODE = 0o600 << 16  # zipfile's permissions for an entry made by writestr
_UTF8_NAME = 0x800
_DEFLATED = 8
# Entries remembered, and the largest one: memory stays bounded in a batch or --watch.
_REMEMBERED = 32
_REMEMBERED_SIZE = 256 * 1024


class ZipWriter:
    """Collects entries and returns the archive's bytes; ``when`` is the entry time,
    (year, month, day, hour, minute, second)."""

    def __init__(self, when: tuple[int, ...]) -> None:
        year, month, day, hour, minute, second = when[:6]
        self._time = (hour << 11) | (minute << 5) | (second // 2)
        self._date = ((year - 1980) << 9) | (month << 5) | day
        self._chunks: list[bytes] = []
        self._central: list[bytes] = []
        self._offset = 0

    def write(self, name: str, data: bytes, *, remember: bool = False) -> None:
        """Add an entry, deflated; ``remember`` keeps its compressed bytes for the next
        document that holds the same bytes (for large parts that repeat: fonts; one
        over 256 KiB is compressed every time)."""
        remembered = remember and len(data) <= _REMEMBERED_SIZE
        compressed = _remembered_deflate(data) if remembered else _deflate(data)
        crc = zlib.crc32(data)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        fields = (flags, _DEFLATED, self._time, self._date, crc, len(compressed), len(data))
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, len(encoded), 0)
        self._central.append(
            _CENTRAL.pack(
                b"PK\x01\x02",
                _VERSION,
                _UNIX,
                _VERSION,
                0,
                *fields,
                len(encoded),
                0,
                0,
                0,
                0,
                _MODE,
                self._offset,
            )
            + encoded
        )
        self._chunks += [header, encoded, compressed]
        self._offset += len(header) + len(encoded) + len(compressed)

    def finish(self) -> bytes:
        central = b"".join(self._central)
        count = len(self._central)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), self._offset, 0)
        return b"".join([*self._chunks, central, end])


def _deflate(data: bytes) -> bytes:
    # What zipfile's compressor for ZIP_DEFLATED does: raw deflate at the default level.
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@lru_cache(maxsize=_REMEMBERED)
def _remembered_deflate(data: bytes) -> bytes:
    return _deflate(data)
