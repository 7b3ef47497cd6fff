"""``export --watch``: export again whenever a source, or a file it names, changes."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.25
QUIET_SECONDS = 0.3
"""Debounce: an editor's save can be several writes; wait until the files are still."""

Stamps = dict[Path, tuple[int, int] | None]


def _stamps(paths: list[Path]) -> Stamps:
    stamps: Stamps = {}
    for path in paths:
        try:
            stat = path.stat()
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamps[path] = None
    return stamps


def inputs(sources: list[Path], exporters_dir: Path | None) -> list[Path]:
    """The sources, the font files they name, and the exporters folder loaded with them
    (an edited exporter is imported afresh by the next export)."""
    from resumeout.errors import SourceError
    from resumeout.source.validation import load_resume

    paths = list(sources)
    folders = [exporters_dir] if exporters_dir else []
    for source in sources:
        try:
            resume = load_resume(source)
        except SourceError:
            continue  # the export shows why; watching the source itself is enough
        font = source.parent / resume.design.font
        if font.is_file():
            paths.append(font)
        elif font.is_dir() or (source.parent / "fonts").is_dir():
            folders.append(font if font.is_dir() else source.parent / "fonts")
    for folder in folders:
        paths += sorted(p for p in folder.glob("*") if p.suffix in (".py", ".ttf", ".ttc"))
    return list(dict.fromkeys(paths))


def _exported(
    export: Callable[[], int], list_inputs: Callable[[], list[Path]]
) -> tuple[int, list[Path], Stamps]:
    """Export, and the files to watch with the state they were exported from: stamped
    before the export, so that a file saved while it runs is exported again (stamped
    after, the save became the state seen and was never exported). Files the export
    shows the source now names are stamped after it."""
    before = _stamps(list_inputs())
    status = export()
    paths = list_inputs()
    seen = {path: before.get(path, stamp) for path, stamp in _stamps(paths).items()}
    return status, paths, seen


def watch(
    list_inputs: Callable[[], list[Path]],
    export: Callable[[], int],
    *,
    rounds: int | None = None,
) -> int:
    """Run ``export`` now and after every change to the files ``list_inputs`` names (asked
    again after each export, since an edit can name new files); errors are shown and
    watching goes on. Returns on Ctrl-C, or after ``rounds`` exports."""
    status, paths, seen = _exported(export, list_inputs)
    done = 1
    print(f"watching {len(paths)} file(s) (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        while rounds is None or done < rounds:
            time.sleep(POLL_SECONDS)
            current = _stamps(paths)
            if current == seen:
                continue
            while True:  # wait for the writes to settle
                time.sleep(QUIET_SECONDS)
                settled = _stamps(paths)
                if settled == current:
                    break
                current = settled
            changed = [str(p) for p in paths if current.get(p) != seen.get(p)]
            print(
                f"\n{time.strftime('%H:%M:%S')} changed: {', '.join(changed)}; exporting",
                file=sys.stderr,
                flush=True,
            )
            status, paths, seen = _exported(export, list_inputs)
            done += 1
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
        return 0
    return status
