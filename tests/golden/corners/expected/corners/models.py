"""Typed models for every schema of the Corners API.

Generated from the OpenAPI document: do not edit; change the spec and run
`make generate`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, TypeAlias

from pydantic import Discriminator, Field, Tag

from ._models import (
    BaseModel,
    ForwardCompatibleEnum,
    ForwardCompatibleIntEnum,
    UnknownVariant,
    discriminate,
)

__all__ = [
    "CatPetType",
    "DogPetType",
    "ItemLevel",
    "ItemMode",
    "ItemConst",
    "Item",
    "ItemClosed",
    "Cat",
    "Dog",
    "Node",
    "Other",
    "Base",
    "Problem",
    "GetItemFilter",
    "UploadBody",
    "Pet",
]


class CatPetType(ForwardCompatibleEnum):
    CAT = "Cat"


class DogPetType(ForwardCompatibleEnum):
    DOG = "Dog"


class ItemLevel(ForwardCompatibleIntEnum):
    V_1 = 1
    V_2 = 2
    V_3 = 3


class ItemMode(ForwardCompatibleEnum):
    A = "a"
    A2 = "A"
    EMPTY = ""
    X_Y = "x-y"
    CLASS = "class"
    V_1ST = "1st"


class ItemConst(ForwardCompatibleEnum):
    FIXED = "fixed"


class Item(BaseModel):
    id: str
    name: str
    secret: str | None = None
    class_: str | None = Field(default=None, alias="class")
    self_: int | None = Field(default=None, alias="self")
    model_config_: bool | None = Field(default=None, alias="model_config")
    n_2fa: bool | None = Field(default=None, alias="2fa")
    name2: str | None = Field(default=None, alias="Name")
    data: str | None = None
    created: datetime.datetime | None = None
    extra: dict[str, Any] | None = None
    counts: dict[str, int] | None = None
    closed: ItemClosed | None = None
    mixed: list[str | int | Pet] | None = None
    maybe: str | None = None
    level: ItemLevel = ItemLevel.V_2
    mode: ItemMode | None = None
    const: ItemConst | None = None
    tree: Node | None = None


class ItemClosed(BaseModel):
    a: str | None = None


class Cat(BaseModel):
    pet_type: CatPetType = Field(alias="petType")
    name: int | None = None
    lives: int | None = None


class Dog(BaseModel):
    pet_type: DogPetType = Field(alias="petType")
    name: str | None = None
    barks: bool | None = None


class Node(BaseModel):
    children: list[Node] | None = None
    other: Other | None = None


class Other(BaseModel):
    back: Node | None = None


class Base(BaseModel):
    pet_type: str = Field(alias="petType")
    name: str | None = None


class Problem(BaseModel):
    detail: str | None = None


class GetItemFilter(BaseModel):
    a: str | None = None


class UploadBody(BaseModel):
    file: bytes | None = None
    note: str | None = None


Pet: TypeAlias = Annotated[
    Annotated[Cat, Tag("Cat")]
    | Annotated[Dog, Tag("Dog")]
    | Annotated[UnknownVariant, Tag("__unknown__")],
    Discriminator(discriminate("petType", frozenset({"Cat", "Dog"}))),
]
