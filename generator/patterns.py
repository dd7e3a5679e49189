"""A short string that a regular expression accepts, for the fixtures of a `pattern`.

Deterministic (the same pattern always gives the same string, so generated fixtures
do not change from run to run) and bounded: the pattern is read with Python's own
parser, each repeat is taken as few times as it allows (or a little more when a
length bound asks for it), each set gives its first letter or digit, each branch its
first or last alternative. Every answer is checked with `re.search`, as the mock
server checks it; a pattern Python cannot read, or one whose look-arounds or
back-references this walk cannot satisfy, gives None.

Libraries that do this (rstr, exrex) draw at random, rstr's negated sets from a
`set` whose order changes with each process's hash seed, and exrex is AGPL; the
shapes that API descriptions use are few, so the walk is kept here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

try:  # Python 3.11 moved the parser; the old name warns
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre

__all__ = ["string_matching"]

#: characters a set is asked for first, so that answers read like words
_PREFERRED = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~"
_PRINTABLE = _PREFERRED + "!#$%&'()*+,/:;<=>?@[]^`{|} \"\\"
#: how many times a repeat may be stretched past its minimum
_STRETCHES = (0, 1, 2, 3, 5, 8, 16, 32, 64)
#: ... and every count up to the last when a minimum length asks for more characters: a
#: length window between two of the counts above is not jumped over (`x{0,63}` with the
#: shortest match 9 characters short: stretched by 8 it is still short, by 16 too long)
_EVERY_STRETCH = range(_STRETCHES[-1] + 1)
_MAX_LENGTH = 256


class _Unsupported(Exception):
    pass


def string_matching(pattern: str, *, min_length: int = 0, max_length: int | None = None) -> str | None:
    """A short string that `re.search(pattern, s)` accepts and that has between
    min_length and max_length characters; None when none is found."""
    try:
        compiled = re.compile(pattern)
        parsed = _sre.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError, TypeError):
        return None
    for stretch in _EVERY_STRETCH if min_length else _STRETCHES:
        for last_branch in (False, True):
            try:
                text = _Walk(stretch, last_branch).sequence(parsed)
            except (_Unsupported, RecursionError, KeyError, IndexError, TypeError, ValueError):
                return None
            if len(text) > _MAX_LENGTH:
                return None
            if len(text) < min_length:
                padded = _pad(compiled, text, min_length)
                if padded is None:
                    continue
                text = padded
            if max_length is not None and len(text) > max_length:
                return None  # longer stretches only grow
            if compiled.search(text):
                return text
    return None


def _pad(compiled: re.Pattern[str], text: str, length: int) -> str | None:
    """Unanchored patterns accept extra characters around a match."""
    for filler in ("a", "0", " "):
        candidate = text + filler * (length - len(text))
        if compiled.search(candidate):
            return candidate
    return None


class _Walk:
    def __init__(self, stretch: int, last_branch: bool) -> None:
        self.stretch = stretch
        self.last_branch = last_branch
        self.groups: dict[int, str] = {}

    def sequence(self, items: Any) -> str:
        return "".join(self.node(op, value) for op, value in items)

    def node(self, op: Any, value: Any) -> str:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "NOT_LITERAL":
            return next(c for c in _PRINTABLE if ord(c) != value)
        if name == "ANY":
            return "a"
        if name == "AT":
            return ""
        if name == "IN":
            return _pick(value)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = value
            high = low + self.stretch if high == _sre.MAXREPEAT else min(high, low + self.stretch)
            return "".join(self.sequence(body) for _ in range(max(low, high)))
        if name == "SUBPATTERN":
            group, _, _, body = value
            text = self.sequence(body)
            if group is not None:
                self.groups[group] = text
            return text
        if name == "ATOMIC_GROUP":
            return self.sequence(value)
        if name == "BRANCH":
            _, alternatives = value
            return self.sequence(alternatives[-1] if self.last_branch else alternatives[0])
        if name == "GROUPREF":
            return self.groups[value]
        if name == "ASSERT":
            direction, body = value
            return self.sequence(body) if direction == 1 else ""  # a lookahead's text also serves the rest
        if name == "ASSERT_NOT":
            return ""
        raise _Unsupported(name)


def _pick(items: list[tuple[Any, Any]]) -> str:
    """The first preferred character a set `[...]` holds."""
    negate = bool(items) and str(items[0][0]) == "NEGATE"
    members = items[1:] if negate else items
    for char in _PRINTABLE:
        if _holds(members, char) != negate:
            return char
    if not negate:  # a set of characters outside ASCII
        op, value = members[0]
        if str(op) == "LITERAL":
            return chr(value)
        if str(op) == "RANGE":
            return chr(value[0])
    raise _Unsupported("IN")


_CATEGORIES: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
}


def _holds(members: list[tuple[Any, Any]], char: str) -> bool:
    code = ord(char)
    for op, value in members:
        name = str(op)
        if name == "LITERAL" and value == code:
            return True
        if name == "RANGE" and value[0] <= code <= value[1]:
            return True
        if name == "CATEGORY" and str(value) in _CATEGORIES and _CATEGORIES[str(value)](char):
            return True
    return False
