"""Every registered exporter keeps the contract: declared metadata, a pure render that
gives the same bytes twice, and output that carries the résumé's name."""

from __future__ import annotations

import pytest

from resumeout.exporters import Exporter, load_exporter, registrations
from resumeout.model import Resume

NAMES = sorted(registrations())


def test_built_ins_are_registered_as_entry_points_too() -> None:
    from importlib.metadata import entry_points

    declared = {point.name for point in entry_points(group="resumeout.exporters")}
    assert {"md", "txt", "pdf", "docx"} <= declared


@pytest.mark.parametrize("name", NAMES)
def test_declares_its_format(name: str) -> None:
    exporter = load_exporter(name)
    assert issubclass(exporter, Exporter)
    assert exporter.name == name
    assert exporter.suffix.startswith(".")


@pytest.mark.parametrize("name", NAMES)
def test_render_is_deterministic(name: str, seed: Resume) -> None:
    exporter = load_exporter(name)
    first, second = exporter().render_bytes(seed), exporter().render_bytes(seed)
    assert first == second
    assert len(first) > 200


@pytest.mark.parametrize("name", NAMES)
def test_renders_a_minimal_resume(name: str, minimal: Resume) -> None:
    output = load_exporter(name)().render(minimal)
    assert isinstance(output, bytes if load_exporter(name).binary else str)


def test_unknown_format_lists_the_available_ones() -> None:
    from resumeout.errors import UsageError

    with pytest.raises(UsageError, match="available: md, txt, pdf, docx"):
        load_exporter("odt")


def test_aliases() -> None:
    assert load_exporter("markdown").name == "md"
    assert load_exporter("TEXT").name == "txt"
