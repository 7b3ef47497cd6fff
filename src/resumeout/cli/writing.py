"""Writing outputs so that a reader never sees a half-written file.

Data goes to a temporary file in the target's own directory, is flushed to disk, and
then renamed over the target in one step: an interrupted run leaves the earlier file as
it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from resumeout.errors import ExportError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically. Raises OSError on failure."""
    directory = path.parent
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(0o666 & ~_umask())
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_standard_output(data: bytes) -> None:
    """Write an output to standard output, the same bytes as its file would hold whatever
    the terminal's encoding. A reader that went away raises BrokenPipeError."""
    sys.stdout.flush()  # anything printed before comes first
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def write_output(path: Path, data: bytes) -> None:
    """:func:`write_atomic` for a file a command writes: a failure is the user error
    ``path: cannot write: reason`` (exit 1)."""
    try:
        write_atomic(path, data)
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None


def _umask() -> int:
    # os.umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
