"""YAML text -> JSON data, with the line and column of every node (load.py reads JSON
itself: a JSON document never imports PyYAML, 10 ms of every run).

YAML 1.2-ish scalars (timestamps stay strings, only true/false are booleans), no tags,
no merge keys, and the limits of load.py on nesting and on what aliases may add.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .diagnostics import INPUT, LIMIT, Location, SpecError
from .load import MAX_ALIAS_NODES, MAX_DEPTH, Refused, escape_pointer

try:  # libyaml's C parser is several times faster; fall back when absent
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """YAML 1.2-ish scalars: timestamps stay strings, only true/false are booleans."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node written without one: PyYAML's Resolver.resolve without what
        this loader never has (path resolvers), each first character's patterns looked up
        once. The composer calls it for every node (66,000 in twilio's 1.5 MB spec, where
        PyYAML's own took 20 of the 110 ms of composing)."""
        if kind is yaml.ScalarNode and implicit[0]:
            for tag, pattern in _IMPLICIT_BY_FIRST.get(value[:1], _IMPLICIT_ANY_FIRST):
                if pattern.match(value):
                    return tag
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Nothing to follow: the loader has no path resolvers."""

    def ascend_resolver(self) -> None:
        """Nothing to follow: the loader has no path resolvers."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SpecLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
#: the implicit resolvers by a plain scalar's first character ("" for an empty one), with
#: those for any first character after them, as Resolver.resolve tries them
_Resolvers = tuple[tuple[str, re.Pattern[str]], ...]
_IMPLICIT_ANY_FIRST: _Resolvers = tuple(_SpecLoader.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT_BY_FIRST: dict[str, _Resolvers] = {
    first: (*resolvers, *_IMPLICIT_ANY_FIRST)
    for first, resolvers in _SpecLoader.yaml_implicit_resolvers.items()
    if first is not None
}
_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: _SpecLoader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: _SpecLoader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: _SpecLoader.DEFAULT_MAPPING_TAG,
}


_scalar_loader = _SpecLoader("")
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Converter:
    """The value of a composed YAML node graph, noting the (line, column) of every node
    under its JSON pointer. Called for tens of thousands of nodes on a big spec, so string
    scalars (most of them) are taken in place rather than by a call each.

    YAML aliases make the graph share nodes: a node met again is expanded again, and
    what that adds is counted, so that a few hundred bytes of nested aliases ("billion
    laughs") stop at MAX_ALIAS_NODES rather than filling memory; nesting stops at
    MAX_DEPTH (an alias to its own ancestor nests for ever)."""

    def __init__(self, positions: dict[str, tuple[int, int]], shown: str) -> None:
        self.positions = positions
        self.shown = shown
        self.seen: set[int] = set()
        self.expanded = 0

    def at(self, node: yaml.Node) -> Location:
        return Location(self.shown, node.start_mark.line + 1, node.start_mark.column + 1)

    def enter(self, node: yaml.Node, depth: int) -> None:
        """Account for a mapping or sequence about to be converted."""
        if depth >= MAX_DEPTH:
            raise Refused(f"the document nests more than {MAX_DEPTH} levels deep", self.at(node), code=LIMIT)
        key = id(node)
        if key in self.seen:
            self.expanded += len(node.value) + 1
            if self.expanded > MAX_ALIAS_NODES:
                raise Refused(
                    f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} nodes "
                    '(a "billion laughs" document?)',
                    self.at(node), code=LIMIT,
                )
        else:
            self.seen.add(key)

    def convert(self, node: yaml.Node, pointer: str, depth: int) -> Any:
        positions = self.positions
        mark = node.start_mark
        positions[pointer] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            self.enter(node, depth)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise SpecError("YAML merge keys (<<) are not supported in specs", self.at(key_node))
                if not isinstance(key_node, yaml.ScalarNode):
                    raise SpecError("mapping keys must be plain scalars", self.at(key_node))
                key = str(key_node.value)
                if key in result:
                    raise SpecError(f"duplicate key {key!r}", self.at(key_node))
                child = pointer + "/" + (escape_pointer(key) if "~" in key or "/" in key else key)
                if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
                    mark = value_node.start_mark
                    positions[child] = (mark.line + 1, mark.column + 1)
                    result[key] = value_node.value
                else:
                    result[key] = self.convert(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            self.enter(node, depth)
            return [self.convert(item, f"{pointer}/{index}", depth + 1) for index, item in enumerate(node.value)]
        if node.tag == _STR:
            return node.value
        try:
            construct = _scalar_loader.yaml_constructors.get(node.tag)
            if construct is None:  # an explicit tag: let PyYAML say what it makes of it
                return _scalar_loader.construct_object(node, deep=True)
            return construct(_scalar_loader, node)
        except yaml.YAMLError as exc:
            raise SpecError(f"invalid scalar: {exc}", self.at(node)) from None


# --------------------------------------------------------------------------
# What kind of OpenAPI object sits where: needed to know what a $ref becomes.


def read_yaml(text: str, shown: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """The data of YAML `text` (the file `shown`), and the (line, column) of each node by
    JSON pointer; SpecError (Refused over a limit) located where the text goes wrong."""
    positions: dict[str, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=_SpecLoader)
        data = _Converter(positions, shown).convert(node, "", 0) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        code = LIMIT if "nesting depth" in problem else INPUT
        error = Refused if code is LIMIT else SpecError
        raise error(f"invalid YAML: {problem}", Location(shown, line, col), code=code) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"invalid YAML: {exc}", Location(shown)) from None
    except RecursionError:  # PyYAML's pure-Python composer, when libyaml is absent
        raise Refused(f"the document nests more than {MAX_DEPTH} levels deep", Location(shown), code=LIMIT) from None
    return data, positions
