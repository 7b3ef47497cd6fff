"""``export --watch``: export again whenever a source changes, until interrupted."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.25
QUIET_SECONDS = 0.3
"""Debounce: an editor's save can be several writes; wait until the file is still."""


def _stamps(paths: list[Path]) -> tuple[tuple[int, int] | None, ...]:
    stamps: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def watch(sources: list[Path], export: Callable[[], int], *, rounds: int | None = None) -> int:
    """Run ``export`` now and after every change to ``sources``; errors are shown and
    watching goes on. Returns on Ctrl-C (or after ``rounds`` exports, for tests)."""
    status = export()
    done = 1
    seen = _stamps(sources)
    print(f"watching {', '.join(map(str, sources))} (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        while rounds is None or done < rounds:
            time.sleep(POLL_SECONDS)
            current = _stamps(sources)
            if current == seen:
                continue
            while True:  # wait for the writes to settle
                time.sleep(QUIET_SECONDS)
                settled = _stamps(sources)
                if settled == current:
                    break
                current = settled
            seen = current
            print(
                f"\n{time.strftime('%H:%M:%S')} change seen; exporting", file=sys.stderr, flush=True
            )
            status = export()
            done += 1
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
        return 0
    return status
