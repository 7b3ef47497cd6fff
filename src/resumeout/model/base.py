"""The base of every model class: frozen, and strict about unknown keys."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    # defer_build: a class's validator is built when it is first used, not when the class
    # is defined. Validating a résumé builds the Resume validator, which holds every other
    # class's, so no class is built twice and a command that validates nothing builds none.
    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )
