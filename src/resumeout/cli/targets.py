"""Where each output goes, planned for a whole export before anything is written.

A job is one version (variant) of one source in one format. Two jobs that would write one
file, or a job that would write over a source of the export, are refused together, with
every source involved named, so that no output silently holds another's content.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TargetKey = tuple[str, str]
STANDARD_OUTPUT: TargetKey = ("", "standard output")


@dataclass(frozen=True)
class Job:
    source: Path
    format: str
    variant: str | None
    target: Path | None
    """None: standard output."""

    def label(self, *, with_format: bool) -> str:
        label = str(self.source) + (f" [{self.variant}]" if self.variant else "")
        return f"{label} ({self.format})" if with_format else label


def target_key(target: Path | None) -> TargetKey:
    """Targets with one key are one file: the same folder, once symbolic links are
    resolved, and names equal but for case. Outputs are committed, synced and unpacked on
    case-insensitive file systems (macOS, Windows), where such names are one file, so they
    are refused everywhere: the same source then behaves the same on every system."""
    return target_keys([target])[0]


def target_keys(targets: Iterable[Path | None]) -> list[TargetKey]:
    """:func:`target_key` of each target. A folder several targets share is resolved
    once (resolving every target took a batch's planning 17 µs a target): each target
    is its folder's resolved path and its name, followed if the name is a symbolic link,
    which is what resolving the whole path gives."""
    folders: dict[Path, Path] = {}
    keys: list[TargetKey] = []
    for target in targets:
        if target is None:
            keys.append(STANDARD_OUTPUT)
            continue
        if target.name in ("", ".", ".."):
            resolved = target.resolve()
        else:
            folder = folders.get(target.parent)
            if folder is None:
                folder = folders[target.parent] = target.parent.resolve()
            resolved = folder / target.name
            if resolved.is_symlink():
                resolved = resolved.resolve()
        keys.append((str(resolved.parent), unicodedata.normalize("NFC", resolved.name).casefold()))
    return keys


def find_clashes(
    jobs: Iterable[Job], sources: Iterable[Path], *, one_file: bool
) -> dict[Path, str]:
    """Why each source that takes part in a clash is refused (sources without a clash are
    absent). ``one_file`` says that the target was named on the command line (``-o FILE``
    or ``-o -``), which changes the advice."""
    jobs = list(jobs)
    sources = list(sources)
    by_target: defaultdict[TargetKey, list[Job]] = defaultdict(list)
    for job, key in zip(jobs, target_keys(job.target for job in jobs), strict=True):
        by_target[key].append(job)
    source_keys = dict(zip(target_keys(sources), sources, strict=True))
    # Clashes of one kind are one message naming the first file: two sources with one
    # name clash in every format, and that is one mistake, not four.
    files: defaultdict[_Clash, list[str]] = defaultdict(list)
    involved: defaultdict[Path, list[_Clash]] = defaultdict(list)
    for key, sharing in by_target.items():
        overwritten = source_keys.get(key)
        if overwritten is not None:
            clash = _Clash("", f"refusing to overwrite the source file {overwritten}")
        elif len(sharing) > 1:
            clash = _clash(sharing, one_file=one_file)
        else:
            continue
        files[clash].append("standard output" if key == STANDARD_OUTPUT else str(sharing[0].target))
        for job in sharing:
            involved[job.source].append(clash)
    return {
        source: "; ".join(clash.message(files[clash]) for clash in dict.fromkeys(clashes))
        for source, clashes in involved.items()
    }


@dataclass(frozen=True)
class _Clash:
    who: str
    """The jobs that would share a file; empty when a job would replace a source."""
    advice: str

    def message(self, files: list[str]) -> str:
        if not self.who:
            return f"{self.advice}; name another output with -o"
        more = f" (and {len(files) - 1} more)" if len(files) > 1 else ""
        return f"{self.who} {files[0]}{more}; none of them is written: {self.advice}"


def _clash(sharing: list[Job], *, one_file: bool) -> _Clash:
    """Who would share a file, named by what tells them apart (the report line already
    names the source), and the advice that resolves it."""
    variants = list(dict.fromkeys(job.variant for job in sharing))
    if len({job.source for job in sharing}) > 1:
        with_format = len({job.format for job in sharing}) > 1
        who = _together([job.label(with_format=with_format) for job in sharing])
        advice = "give each its own settings.output_name, or export them to different folders"
    elif len(variants) > 1:
        who = "variants " + _together([repr(variant) for variant in variants])
        advice = (
            "-o takes one variant: choose it with --variant NAME, or give -o a folder"
            if one_file
            else "give the variants names that differ in more than case and punctuation"
        )
    else:
        who = "formats " + _together([job.format for job in sharing])
        advice = "they share a file suffix: export them to different folders"
    return _Clash(f"{who} be written to", advice)


def _together(names: list[str]) -> str:
    """``a and b would both``, ``a, b and c would all``."""
    names = list(dict.fromkeys(names))
    listed = f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{listed} would {'both' if len(names) == 2 else 'all'}"
