"""A field type's one validator, as cheap to build as pydantic allows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema


@dataclass(frozen=True, slots=True)
class ValidatedBy:
    """``Annotated[T, ValidatedBy(function)]``: ``function`` alone turns the input into a
    ``T`` or raises, as with pydantic's ``PlainValidator``.

    ``PlainValidator`` also builds the schema of ``T`` itself (twice) for serializing,
    which the model never does: for the inline tree's dataclasses that was a third of
    the model's build time. Validation, and every error, are the same.
    """

    function: Callable[[Any], Any]

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.function)
