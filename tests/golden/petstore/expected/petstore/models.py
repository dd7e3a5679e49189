"""Typed models for every schema of the Petstore API.

Generated from the OpenAPI document: do not edit; change the spec and run
`make generate`.
"""

from __future__ import annotations

import datetime

from ._models import BaseModel, ForwardCompatibleEnum

__all__ = [
    "Status",
    "Pet",
    "Pets",
    "Error",
]


class Status(ForwardCompatibleEnum):
    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"


class Pet(BaseModel):
    id: int
    name: str
    """The pet's "name" \\ with quotes"""

    tag: str | None = None
    status: Status | None = None
    born: datetime.datetime | None = None


class Pets(BaseModel):
    count: int | None = None
    next: str | None = None
    results: list[Pet]


class Error(BaseModel):
    detail: str | None = None
