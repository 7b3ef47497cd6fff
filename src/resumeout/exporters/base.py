"""The exporter contract: a class that knows one format and renders a résumé to it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from resumeout.model import Resume


class Exporter(ABC):
    """Base of every exporter, built-in or plugin.

    A subclass declares its format as class attributes and implements :meth:`render`,
    which must be pure: it reads the résumé and returns the file's content, with no file,
    network or clock access (dates come from the résumé), so that the same source always
    gives the same bytes. Writing is left to :func:`resumeout.cli.writing.write_atomic`.
    """

    name: ClassVar[str]
    """The format name users type: ``--format NAME``. Also the entry-point name."""
    suffix: ClassVar[str]
    """The output file's suffix, with its dot."""
    description: ClassVar[str] = ""
    binary: ClassVar[bool] = False
    """True when :meth:`render` returns bytes; text is returned as ``str`` (UTF-8 on disk)."""
    paged: ClassVar[bool] = False
    """True when the output is laid out on pages: the exporter implements
    :meth:`count_pages`, and ``--fit-pages`` (or ``design.fit_pages``) fits it."""
    allow_missing_glyphs: bool = False
    """``--allow-missing-glyphs``: a character no font can draw is left out, listed in
    :attr:`uncovered`, instead of failing the export."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # Fail where the exporter is defined, not in the middle of someone's export.
        if cls.paged and cls.count_pages is Exporter.count_pages:
            raise TypeError(f"{cls.__qualname__} is paged but does not define count_pages()")

    def __init__(self, base_dir: Path | None = None) -> None:
        # Where the résumé lives: relative paths in it (fonts) are read from here.
        self.base_dir = base_dir or Path()
        # Problems that do not stop the export (a glyph no font has); the CLI shows them,
        # and --strict turns them into a failure.
        self.warnings: list[str] = []
        # Characters drawn as nothing (allow_missing_glyphs): the CLI locates each one
        # in the source and warns.
        self.uncovered: list[str] = []

    @abstractmethod
    def render(self, resume: Resume) -> str | bytes:
        """Return the whole output for ``resume``."""

    def count_pages(self, resume: Resume) -> int:
        """How many pages ``resume`` takes in this format; paged exporters define it."""
        raise NotImplementedError(f"the {self.name} exporter is not paged")

    def render_bytes(self, resume: Resume) -> bytes:
        output = self.render(resume)
        return output.encode("utf-8") if isinstance(output, str) else output
