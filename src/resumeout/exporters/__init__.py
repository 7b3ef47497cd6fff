"""Exporters: one class per output format, found by name through the registry."""

from resumeout.exporters.base import Exporter
from resumeout.exporters.registry import canonical_name, load_exporter, registrations

__all__ = ["Exporter", "canonical_name", "load_exporter", "registrations"]
