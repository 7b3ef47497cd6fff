"""resumeout: one validated résumé source, exported to PDF, DOCX, Markdown and plain text.

The public API is imported lazily, so ``resumeout --help`` loads neither pydantic nor
any exporter's library::

    from resumeout import load_resume, load_exporter
    resume = load_resume(Path("resume.yaml"))
    pdf_bytes = load_exporter("pdf")().render_bytes(resume)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "ExportError",
    "Exporter",
    "Resume",
    "ResumeoutError",
    "SourceError",
    "UsageError",
    "__version__",
    "load_exporter",
    "load_resume",
]

_LAZY = {
    "Diagnostic": "resumeout.errors",
    "ExportError": "resumeout.errors",
    "ResumeoutError": "resumeout.errors",
    "SourceError": "resumeout.errors",
    "UsageError": "resumeout.errors",
    "Exporter": "resumeout.exporters.base",
    "load_exporter": "resumeout.exporters.registry",
    "Resume": "resumeout.model",
    "load_resume": "resumeout.source.validation",
}

if TYPE_CHECKING:
    from resumeout.errors import (
        Diagnostic,
        ExportError,
        ResumeoutError,
        SourceError,
        UsageError,
    )
    from resumeout.exporters.base import Exporter
    from resumeout.exporters.registry import load_exporter
    from resumeout.model import Resume
    from resumeout.source.validation import load_resume


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'resumeout' has no attribute {name!r}")
