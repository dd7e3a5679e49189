"""A resource module in pieces, so that a change to one operation formats that one alone.

The resource template (templates/package/resources/resource.py.jinja) is a set of
macros, one for each piece: the module's head (docstring and imports), its `__all__`,
the heads of its six classes, and each operation's eight pieces (its constants, its
method in each class, its lines in the four wrapper classes). A module is its head and
its pieces joined in `slots()` order. Each piece begins with the blank lines before it;
ruff settles those from the piece's first statement and the one before it, which for a
given slot is always of the same kind, so a formatted module is its formatted pieces
joined as well (tests/generator/test_resource_pieces.py checks each piece of the
curated, petstore and corners modules; 18,530 members of eight documents were checked
when this was designed).

A big module made whole is formatted whole, and locate() then finds each piece in the
formatted text by the line its first statement begins with. When a later run changes
such a module (EC2's one module holds 1,188 operations, 8 MB), a Splice takes the pieces
whose inputs are the last run's from the last run's file, renders the others, and has
them formatted alone, each after a stub of its context (one ruff run for all of them).
The head is the last run's that imports what the joined text names. Each of those
imports must be shown to be read by code (the pieces are parsed), else ruff's import
fixes are asked, since a docstring may name a private alias. A module where they would
change anything, or where anything else is missing, is made whole, as in a cold run.
"""

from __future__ import annotations

import ast
import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Protocol

from . import format as formatting
from . import reuse
from .diagnostics import GeneratorBug

if TYPE_CHECKING:
    import jinja2

    from . import ir, views

MODES = ("sync", "async")
#: the pieces the `operation` macro makes for an operation, in its order
OPERATION_PIECES = ("constant", "wait", "sync", "sync raw", "sync streaming", "async", "async raw", "async streaming")
_INDEX = {name: n for n, name in enumerate(OPERATION_PIECES)}
#: between the pieces `operation` makes: no rendered text holds it (spec text is cleaned
#: of control characters, and literals escape them)
_APART = "\0"
#: a module's own pieces, between its head and the operations' pieces
OWN_PIECES = ("all", *(f"{mode} {head}" for mode in MODES for head in ("class", "raw head", "streaming head")))
#: what a piece is formatted after, alone: a statement of the kind that comes before it
#: in every module (an assignment; a method ending in `return`; a statement of __init__)
STUBS = {
    "top": "_stub = 0\n",
    "member": "class _Stub:\n    def _stub(self) -> None:\n        return None\n",
    "statement": "class _Stub:\n    def __init__(self) -> None:\n        self._stub = None\n",
}
_CONTEXT = {"constant": "top", "wait": "top", "sync": "member", "async": "member"}
#: an import under a private alias, a line of a module's head
_PRIVATE_IMPORT_LINE = re.compile(r"^(?:import [\w.]+|from [\w.]+ import \w+) as (_\w+)$", re.MULTILINE)
#: a changed module is spliced from this size up; below it, rendering and formatting it
#: whole costs less than the two ruff runs a splice takes
SPLICE_FROM_CHARS = 256 * 1024
#: and while at most this share of its operations changed
SPLICE_UP_TO_SHARE = 0.25


def slots(count: int) -> list[tuple[str, int]]:
    """The pieces after the head of a module of `count` operations, in order: (piece,
    operation index), or (one of OWN_PIECES, -1)."""
    order: list[tuple[str, int]] = [("all", -1)]
    order += [("constant", i) for i in range(count)]
    order += [("wait", i) for i in range(count)]
    for mode in MODES:
        for head, piece in (("class", mode), ("raw head", f"{mode} raw"), ("streaming head", f"{mode} streaming")):
            order.append((f"{mode} {head}", -1))
            order += [(piece, i) for i in range(count)]
    return order


class _Everything:
    """A `mentioned` that holds every name: the head with all its imports."""

    def __contains__(self, name: object) -> bool:
        return True


class ResourceRenderer:
    """The pieces of one resource's module: the resource template's macros, with the
    resource's context (what its type hints read)."""

    def __init__(self, template: jinja2.Template, rv: views.ResourceView, enums: list[ir.Enum], takes: dict[str, str]) -> None:
        self.rv = rv
        self._macros: Any = template.make_module(
            {"shadowed": rv.shadowed, "enums_by_name": {e.name: e for e in enums}, "alias_takes": takes})

    def operation(self, ov: views.OperationView) -> list[str]:
        """The operation's pieces, in OPERATION_PIECES order."""
        pieces = str(self._macros.operation(ov, _APART)).split(_APART)
        if len(pieces) != len(OPERATION_PIECES):
            raise GeneratorBug(f"the resource template made {len(pieces)} pieces of operation {ov.op.operation_id!r}, "
                               f"not {len(OPERATION_PIECES)}")
        return pieces

    def own(self) -> dict[str, str]:
        """The module's own pieces (OWN_PIECES)."""
        found = {"all": str(self._macros.all_names(self.rv))}
        for mode in MODES:
            found[f"{mode} class"] = str(self._macros.class_head(self.rv, mode))
            for kind in ("raw", "streaming"):
                found[f"{mode} {kind} head"] = str(self._macros.wrapper_head(self.rv, mode, kind))
        return found

    def head(self, mentioned: Container[str]) -> str:
        """The docstring and the imports, less the private ones whose alias is not in `mentioned`."""
        return str(self._macros.head(self.rv, mentioned))

    def aliases(self) -> list[str]:
        """Every private alias the head may import."""
        return imported_aliases(self.head(_Everything()))


def imported_aliases(head: str) -> list[str]:
    return _PRIVATE_IMPORT_LINE.findall(head)


@dataclass
class Rendered:
    """A module made whole: its text, unformatted, and its pieces as rendered."""

    text: str
    head: str
    pieces: list[str]  # after the head, in slots() order
    mentioned: list[str]  # the private aliases its head imports


def render_module(renderer: ResourceRenderer) -> Rendered:
    ops = [renderer.operation(ov) for ov in renderer.rv.operations]
    own = renderer.own()
    pieces = [own[name] if i < 0 else ops[i][_INDEX[name]] for name, i in slots(len(ops))]
    body = "".join(pieces)
    head = renderer.head(body)
    return Rendered(head + body, head, pieces, imported_aliases(head))


# -- where the pieces are in a formatted module ------------------------------


def _anchor(text: str) -> str | None:
    """The start of the first line of a piece that is neither blank nor a decorator, up
    to its first `(`, `:` or ` =`: what the formatter leaves as it is. None for a piece
    of no code (an operation with no wait, a streaming one's wrappers)."""
    for line in text.split("\n"):
        bare = line.strip()
        if not bare or bare.startswith("@"):
            continue
        cuts = [at + len(mark) for mark in ("(", ":", " =") if (at := line.find(mark)) >= 0]
        return line[:min(cuts)] if cuts else line
    return None


def _start_before(text: str, line: int) -> int:
    """Where the piece whose first statement is on the line at `line` begins: before the
    decorators and blank lines above that line."""
    while line > 0:
        above = text.rfind("\n", 0, line - 1) + 1
        bare = text[above:line - 1].strip()
        if bare and not bare.startswith("@"):
            break
        line = above
    return line


def locate(formatted: str, pieces: list[str]) -> list[tuple[int, int]] | None:
    """(start, length) of each of `pieces` (rendered, after the head, in slots() order) in
    the module `formatted`; None where one is not found in order."""
    starts: list[int | None] = []
    cursor = 0
    last = 0
    for text in pieces:
        anchor = _anchor(text)
        if anchor is None:
            starts.append(None)
            continue
        at = formatted.find("\n" + anchor, cursor)
        if at < 0:
            return None
        cursor = at + 1 + len(anchor)
        start = _start_before(formatted, at + 1)
        if start <= last:
            return None
        starts.append(last := start)
    spans: list[tuple[int, int]] = []
    end = len(formatted)
    for begins in reversed(starts):
        if begins is None:
            spans.append((end, 0))
        else:
            spans.append((begins, end - begins))
            end = begins
    spans.reverse()
    return spans


# -- a module from the last run's pieces ---------------------------------------


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def head_key(rendered_head: str) -> str:
    return f"head:{digest(rendered_head)}"


def piece_keys(own: Mapping[str, str], operation_keys: list[str]) -> list[str]:
    """The keys of a module's pieces after its head, in slots() order: a digest of the
    text for the module's own pieces (made in every run: they are small), the
    operation's key and the piece's number for an operation's. (The head's key is a
    digest of its text too: head_key.)"""
    return [f"own:{digest(own[name])}" if i < 0 else f"{operation_keys[i]}:{_INDEX[name]}"
            for name, i in slots(len(operation_keys))]


def own_pieces(pieces: list[str]) -> dict[str, str]:
    """The module's own pieces among `pieces` (in slots() order)."""
    count = (len(pieces) - len(OWN_PIECES)) // len(OPERATION_PIECES)
    return {name: text for (name, i), text in zip(slots(count), pieces, strict=True) if i < 0}


def places(rendered: Rendered, formatted: str, operation_keys: list[str]) -> list[tuple[str, int, int]] | None:
    """Where the head and each piece of a module made whole are in its `formatted` text,
    by key; None where they cannot be told apart."""
    spans = locate(formatted, rendered.pieces)
    if spans is None or imported_aliases(formatted[:spans[0][0]]) != rendered.mentioned:
        return None  # (or ruff's import fixes took out an import the text names: in a docstring)
    keys = piece_keys(own_pieces(rendered.pieces), operation_keys)
    return [(head_key(rendered.head), 0, spans[0][0]), *((key, start, length) for key, (start, length) in zip(keys, spans, strict=True))]


@dataclass
class ModuleBefore:
    """A resource module of the last run: its formatted text, where each of its pieces
    is in it (by key), the key of what the operations' pieces were rendered with besides
    each operation, and the private aliases its head imports."""

    text: str
    where: dict[str, tuple[int, int]]
    context: str
    mentioned: list[str]


@dataclass
class Splice:
    """A module being made from the last run's pieces: the new pieces wait for the formatter."""

    renderer: ResourceRenderer
    before: ModuleBefore
    operation_keys: list[str]
    own: dict[str, str]
    fresh: dict[int, list[str]]  # operation index -> its pieces, rendered in this run
    #: whether every import of the joined module is shown to be used by its code (finish()):
    #: where not, ruff's import fixes are asked
    settled: bool = False

    def stubs(self) -> dict[tuple[int, int], str]:
        """The new pieces that hold code, each after the stub of its context, by
        (operation index, piece number)."""
        found = {}
        for i, pieces in self.fresh.items():
            for n, text in enumerate(pieces):
                if text.strip():
                    found[(i, n)] = STUBS[_CONTEXT.get(OPERATION_PIECES[n], "statement")] + text
        return found

    def finish(self, formatted: Mapping[tuple[int, int], str]) -> tuple[str, list[tuple[str, int, int]], list[str]] | None:
        """The module from the formatted stubs: its text, where its pieces are in it (by
        key) and its head's private imports; None when a stub's formatting does not begin
        as the stub did, or the head is not one of the last run's."""
        new: dict[tuple[int, int], str] = {}
        for (i, n), text in formatted.items():
            stub = STUBS[_CONTEXT.get(OPERATION_PIECES[n], "statement")]
            if not text.startswith(stub):
                return None
            new[(i, n)] = text[len(stub):]
        before, fresh = self.before, self.fresh
        order = slots(len(self.operation_keys))
        keys = piece_keys(self.own, self.operation_keys)
        where, last = before.where, before.text
        texts = [new.get((i, _INDEX[name]), "") if i in fresh else _slice(last, where[key])
                 for (name, i), key in zip(order, keys, strict=True)]
        body = "".join(texts)
        fresh_text = "".join(text for pieces in fresh.values() for text in pieces)
        mentioned = {a for a in self.renderer.aliases() if a in fresh_text}
        # what the last run's module named is named still where the text kept from it has it
        mentioned |= {a for a in before.mentioned if a not in mentioned and a in body}
        rendered_head = self.renderer.head(mentioned)
        key = head_key(rendered_head)
        if key not in where:
            return None
        head = _slice(last, where[key])
        starts = list(accumulate(map(len, texts), initial=0))[:-1]
        self.settled = self._used_in_code(mentioned, order, texts, body, starts)
        found = [(key, 0, len(head))]
        found += [(piece, len(head) + at, len(text)) for piece, at, text in zip(keys, starts, texts, strict=True)]
        return head + body, found, imported_aliases(rendered_head)

    def _used_in_code(self, mentioned: set[str], order: list[tuple[str, int]], texts: list[str], body: str,
                      starts: list[int]) -> bool:
        """Whether each name of `mentioned` is read by the code of some piece (`texts`,
        joined into `body` at `starts`), not only named in a docstring or a literal: the
        new pieces are parsed, and for a name they do not read, the kept pieces that name
        it first. (The last run's module was settled, its imports all used: so its head,
        and the order of its imports, stand.)"""
        left = set(mentioned)
        for pieces in self.fresh.values():
            for name, text in zip(OPERATION_PIECES, pieces, strict=True):
                if left and text.strip():
                    left -= _names_read(text, name)
        read: dict[int, set[str]] = {}
        for alias in sorted(left):
            at = body.find(alias)
            while at >= 0 and len(read) < _MOST_PARSED:
                j = bisect_right(starts, at) - 1
                if j not in read:
                    read[j] = _names_read(texts[j], order[j][0]) if order[j][1] not in self.fresh else set()
                if alias in read[j]:
                    break
                at = body.find(alias, starts[j] + len(texts[j]))
            else:
                return False
        return True


def _slice(text: str, where: tuple[int, int]) -> str:
    start, length = where
    return text[start:start + length]


def _names_read(text: str, piece: str) -> set[str]:
    """The names a piece's code reads (its functions' parameters left out: a read of one
    is not a read of the import it may shadow); none when it does not parse alone."""
    prefix, suffix = _PARSED_IN.get(piece, ("", ""))
    try:
        tree = ast.parse(prefix + text + suffix)
    except (SyntaxError, ValueError):
        return set()
    names: set[str] = set()
    parameters: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            parameters.add(node.arg)
    return names - parameters


#: what a piece is parsed inside, alone (the rest are whole statements at the top)
_PARSED_IN = {
    **{mode: ("class _Stub:\n", "") for mode in MODES},
    **{f"{mode} {kind}": ("class _Stub:\n    def _stub(self):\n", "") for mode in MODES for kind in ("raw", "streaming")},
    **{f"{mode} {kind} head": ("", "        pass\n") for mode in MODES for kind in ("raw", "streaming")},
}
#: kept pieces parsed at most, to show that the imports are used (then ruff is asked)
_MOST_PARSED = 50


def begin_splice(renderer: ResourceRenderer, before: ModuleBefore, context: str,
                 operation_key: Callable[[views.OperationView], str]) -> Splice | None:
    """A splice of the module from `before`; None where it would not pay, or cannot be
    (the operations' context changed, or a piece of the module's own is new)."""
    if before.context != context or len(before.text) < SPLICE_FROM_CHARS:
        return None
    operations = renderer.rv.operations
    keys = [operation_key(ov) for ov in operations]
    fresh: dict[int, list[str]] = {}
    limit = max(1, int(len(operations) * SPLICE_UP_TO_SHARE))
    for i, key in enumerate(keys):
        if any(f"{key}:{n}" not in before.where for n in range(len(OPERATION_PIECES))):
            if len(fresh) >= limit:
                return None
            fresh[i] = renderer.operation(operations[i])
    own = renderer.own()
    if any(f"own:{digest(text)}" not in before.where for text in own.values()):
        return None
    return Splice(renderer, before, keys, own, fresh)


# -- the resource modules of a run ---------------------------------------------


class PiecesBefore(Protocol):
    """The pieces of the last run (fragments.Fragments)."""

    def module_before(self, path: str) -> ModuleBefore | None: ...

    def operation(self, view: views.OperationView) -> str: ...


class FormattedMemory(Protocol):
    """What the formatter's store is told (reuse.FormattedBefore)."""

    def formatted_already(self, path: str) -> None: ...


#: where a module's pieces are, for the store: the key of its operations' context, its
#: head's private imports, and (key, start, length) of its head and each piece
Placed = tuple[str, list[str], list[tuple[str, int, int]]]


class ResourceModules:
    """The resource modules of a run. Each is made whole, or, where it is big and the
    last run's pieces of it are at hand (`before`; None: never), from those that did not
    change and the new ones. `places` gets where the pieces of each big module are, for
    the next run: known at once for a module made from pieces, found with place() once
    a module made whole is formatted."""

    def __init__(self, template: jinja2.Template, package: str, before: PiecesBefore | None,
                 memory: FormattedMemory | None) -> None:
        self._template = template
        self._package = package
        self._before = before if memory is not None else None
        self._memory = memory
        self.places: dict[str, Placed] = {}
        self._splices: dict[str, tuple[Splice, str]] = {}
        self._to_place: list[tuple[str, Rendered, str, list[str]]] = []

    def kept(self, path: str, text: str) -> None:
        """The module at `path` is the last run's file, as it is (reuse.FormattedBefore):
        so are its pieces."""
        found = self._before.module_before(path) if self._before is not None else None
        if found is not None and found.text == text:
            self.places[path] = (found.context, found.mentioned, [(key, *at) for key, at in found.where.items()])

    def make(self, path: str, rv: views.ResourceView, enums: list[ir.Enum], takes: dict[str, str]) -> str | None:
        """The module's text, unformatted; None for one to be made from pieces (finish())."""
        renderer = ResourceRenderer(self._template, rv, enums, takes)
        if self._before is None:
            return render_module(renderer).text
        context = _context_key(rv, enums, takes)
        last = self._before.module_before(path)
        splice = begin_splice(renderer, last, context, self._before.operation) if last is not None else None
        if splice is not None:
            self._splices[path] = (splice, context)
            return None
        made = render_module(renderer)
        if len(made.text) >= SPLICE_FROM_CHARS:
            self._to_place.append((path, made, context, [self._before.operation(ov) for ov in rv.operations]))
        return made.text

    def finish(self) -> dict[str, str]:
        """The modules make() left to be made from pieces, by path: the new pieces
        formatted (one ruff run for all), the modules joined, and where their imports are
        not shown to be used, ruff's import fixes asked (one more). Those joined are
        formatted already (the memory is told); one whose splice does not hold is made
        whole, as make() would have."""
        splices, self._splices = self._splices, {}
        if not splices or self._memory is None:
            return {}
        stubs = {path: splice.stubs() for path, (splice, _) in splices.items()}
        names = {f"m{m}/p{i}_{n}.py": (path, at) for m, (path, found) in enumerate(stubs.items()) for at in found
                 for i, n in [at]}
        formatted = formatting.format_snippets({name: stubs[path][at] for name, (path, at) in names.items()})
        by_module: dict[str, dict[tuple[int, int], str]] = {path: {} for path in splices}
        for name, (path, at) in names.items():
            by_module[path][at] = formatted[name]
        joined = {path: spliced for path, (splice, _) in splices.items()
                  if (spliced := splice.finish(by_module[path])) is not None}
        unsettled = formatting.import_fixes_wanted(
            {path: spliced[0] for path, spliced in joined.items() if not splices[path][0].settled}, self._package)
        made: dict[str, str] = {}
        for path, (splice, context) in splices.items():
            if path in joined and path not in unsettled:
                text, found, mentioned = joined[path]
                self.places[path] = (context, mentioned, found)
                self._memory.formatted_already(path)
                made[path] = text
            else:
                whole = render_module(splice.renderer)
                self._to_place.append((path, whole, context, splice.operation_keys))
                made[path] = whole.text
        return made

    def place(self, formatted: Mapping[str, str]) -> None:
        """Where the pieces of the big modules made whole are, in their `formatted` text."""
        for path, made, context, operation_keys in self._to_place:
            found = places(made, formatted[path], operation_keys)
            if found is not None:
                self.places[path] = (context, made.mentioned, found)
        self._to_place.clear()


def _context_key(rv: views.ResourceView, enums: list[ir.Enum], takes: dict[str, str]) -> str:
    """A key of what an operation's pieces are rendered from besides the operation: the
    resource's shadowed names (sorted: a set's pickle changes from one process to the
    next), the enums its types name and what its aliases take."""
    return reuse.render_key({"shadowed": sorted(rv.shadowed), "enums": enums, "takes": takes})
