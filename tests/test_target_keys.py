"""Targets that are one file have one key: the keys of many targets, found with each
folder resolved once, are the keys of each target resolved whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeout.cli.targets import STANDARD_OUTPUT, target_key, target_keys


def _whole(target: Path | None) -> tuple[str, str]:
    if target is None:
        return STANDARD_OUTPUT
    resolved = target.resolve()
    return str(resolved.parent), resolved.name.casefold()


def test_keys_are_those_of_each_target_resolved_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "linked_folder").symlink_to(real)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (real / "Linked_Resume.pdf").symlink_to(elsewhere / "Other.pdf")
    monkeypatch.chdir(real)
    targets: list[Path | None] = [
        real / "A_Resume.pdf",
        tmp_path / "linked_folder" / "A_Resume.PDF",
        tmp_path / "linked_folder" / "Linked_Resume.pdf",
        real / "Linked_Resume.pdf",
        Path("Relative_Resume.md"),
        Path("missing/deeper/B_Resume.txt"),
        Path("missing/../C_Resume.txt"),
        Path(".."),
        None,
    ]

    keys = target_keys(targets)

    assert keys == [_whole(target) for target in targets]
    assert keys == [target_key(target) for target in targets]
    assert keys[0] == keys[1]  # one file through a linked folder, names equal but for case
    assert keys[2] == keys[3] == (str(elsewhere), "other.pdf")
