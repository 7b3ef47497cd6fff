"""resumeout: one validated résumé source, exported to PDF, DOCX, Markdown and plain text.

The public API is imported lazily, so ``resumeout --help`` loads neither pydantic nor
any exporter's library::

    from resumeout import load_resume, load_exporter
    resume = load_resume(Path("resume.yaml"))
    pdf_bytes = load_exporter("pdf")().render_bytes(resume)

Everything else is internal and may change; an exporter needs only what is listed here
(see the README's "Public API").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Contact",
    "Diagnostic",
    "DocumentView",
    "EntryView",
    "ExportError",
    "Exporter",
    "InlineSyntax",
    "Resume",
    "ResumeoutError",
    "Rich",
    "Run",
    "SectionView",
    "SourceError",
    "UsageError",
    "__version__",
    "load_exporter",
    "load_resume",
    "present",
    "render_inline",
    "runs",
]

# Where each public name lives; kept equal to __all__ by tests/test_public_api.py.
_LAZY = {
    "Diagnostic": "resumeout.diagnostics",
    "ExportError": "resumeout.errors",
    "ResumeoutError": "resumeout.errors",
    "SourceError": "resumeout.errors",
    "UsageError": "resumeout.errors",
    "load_resume": "resumeout.source.validation",
    "Resume": "resumeout.model",
    "Rich": "resumeout.model.inline",
    "Run": "resumeout.model.inline",
    "runs": "resumeout.model.inline",
    "Contact": "resumeout.views.document",
    "DocumentView": "resumeout.views.document",
    "EntryView": "resumeout.views.document",
    "SectionView": "resumeout.views.document",
    "present": "resumeout.views.document",
    "Exporter": "resumeout.exporters.base",
    "load_exporter": "resumeout.exporters.registry",
    "InlineSyntax": "resumeout.exporters.inline_text",
    "render_inline": "resumeout.exporters.inline_text",
}

if TYPE_CHECKING:
    from resumeout.diagnostics import Diagnostic
    from resumeout.errors import (
        ExportError,
        ResumeoutError,
        SourceError,
        UsageError,
    )
    from resumeout.exporters.base import Exporter
    from resumeout.exporters.inline_text import InlineSyntax, render_inline
    from resumeout.exporters.registry import load_exporter
    from resumeout.model import Resume
    from resumeout.model.inline import Rich, Run, runs
    from resumeout.source.validation import load_resume
    from resumeout.views.document import Contact, DocumentView, EntryView, SectionView, present


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'resumeout' has no attribute {name!r}")
