"""Errors a user can cause, each tied to a place in the spec."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


class SpecError(Exception):
    """The input cannot be used. Printed as one located line, exit code 2."""

    def __init__(self, message: str, location: Location | None = None, pointer: str = ""):
        super().__init__(message)
        self.message = message
        self.location = location
        self.pointer = pointer

    def __str__(self) -> str:
        where = str(self.location) if self.location else "<spec>"
        suffix = f" (at {self.pointer})" if self.pointer else ""
        return f"{where}: error: {self.message}{suffix}"
