"""Every registered exporter keeps the contract: it declares its name and suffix, renders
the type its ``binary`` flag says, gives the same bytes twice, carries the résumé's name
in what a reader of its output sees, and counts its pages when it declares ``paged``."""

from __future__ import annotations

import pytest

from resumeout.exporters import Exporter, load_exporter, registrations
from resumeout.model import Resume
from tests.readers import READERS, read_back

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
def test_output_carries_the_name(name: str, minimal: Resume) -> None:
    # The minimal résumé has its name and nothing else: no author list repeats it.
    data = load_exporter(name)().render_bytes(minimal)
    # Text formats without a reader of their own are read as they are.
    seen = read_back(name, data) if name in READERS else data.decode("utf-8")
    assert minimal.name in seen


@pytest.mark.parametrize("name", NAMES)
def test_renders_a_minimal_resume(name: str, minimal: Resume) -> None:
    output = load_exporter(name)().render(minimal)
    assert isinstance(output, bytes if load_exporter(name).binary else str)


@pytest.mark.parametrize("name", [name for name in NAMES if load_exporter(name).paged])
def test_a_paged_exporter_counts_its_pages(name: str, seed: Resume, minimal: Resume) -> None:
    exporter = load_exporter(name)()
    assert exporter.count_pages(minimal) == 1
    assert exporter.count_pages(seed) >= 1


def test_unknown_format_lists_the_available_ones() -> None:
    from resumeout.errors import UsageError

    with pytest.raises(UsageError, match="available: md, txt, pdf, docx"):
        load_exporter("odt")


def test_aliases() -> None:
    assert load_exporter("markdown").name == "md"
    assert load_exporter("TEXT").name == "txt"
