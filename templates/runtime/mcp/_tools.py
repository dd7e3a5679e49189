"""The tool table: one tool per API operation, read from `tools.json`, filtered and searched.

Plain data and plain Python (no MCP SDK): what each tool is called, what it says, its
annotations and input schema, and how the server calls the client for it. A tool's
input schema and call are in its resource's file (`tools/<module>.json`), read when one
of its tools is first listed, described or called: most of a big API's table (23 MB of
Microsoft Graph's 29), which a server that offers some of the tools, or finds them by
words, never reads.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["Tool", "load", "select", "search", "ArgumentError", "split_arguments"]


class ArgumentError(ValueError):
    """The arguments of a call cannot be sent as given (one line, for the agent to read)."""


@dataclass(frozen=True)
class Tool:
    name: str
    operation_id: str
    tag: str
    group: str
    method: str
    path: str
    scopes: tuple[str, ...]
    description: str
    annotations: Mapping[str, Any]
    file: str  # of its input schema and call, in `tools/`

    @property
    def input_schema(self) -> Mapping[str, Any]:
        schema: Mapping[str, Any] = _details(self.file)[self.name]["input_schema"]
        return schema

    @property
    def call(self) -> Mapping[str, Any]:
        call: Mapping[str, Any] = _details(self.file)[self.name]["call"]
        return call

    @property
    def title(self) -> str:
        return str(self.annotations.get("title") or self.name)

    @property
    def read_only(self) -> bool:
        return bool(self.annotations.get("readOnlyHint"))

    @property
    def destructive(self) -> bool:
        return bool(self.annotations.get("destructiveHint"))

    @property
    def kind(self) -> str:
        """plain, page (one page of a list), wait (runs a job to completion) or stream."""
        return str(self.call["kind"])

    @cached_property
    def words(self) -> dict[str, int]:
        """The words it is found by, each with the weight of the best place it occurs in."""
        found: dict[str, int] = {}
        places = [
            (self.name.replace("_", " "), 4),
            (self.title, 4),
            (f"{self.tag} {self.group}", 3),
            (f"{self.method} {self.path}", 2),
            (self.description, 1),
        ]
        for text, weight in places:
            for word in _words(text):
                found[word] = max(found.get(word, 0), weight)
        return found


def _words(text: str) -> list[str]:
    """Lower-case words, a plural's `s` dropped: `Lists insight_variables` -> list insight
    variable."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", text).lower())
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def load() -> list[Tool]:
    """Every tool of the package's tool table."""
    text = resources.files(__package__).joinpath("tools.json").read_text(encoding="utf-8")
    return [
        Tool(
            name=entry["name"],
            operation_id=entry["operation_id"],
            tag=entry["tag"],
            group=entry["group"],
            method=entry["method"],
            path=entry["path"],
            scopes=tuple(entry["scopes"]),
            description=entry["description"],
            annotations=entry["annotations"],
            file=entry["file"],
        )
        for entry in json.loads(text)["tools"]
    ]


@cache
def _details(file: str) -> dict[str, Any]:
    """The input schemas and calls of one resource's tools, by tool name."""
    text = resources.files(__package__).joinpath("tools", file).read_text(encoding="utf-8")
    details: dict[str, Any] = json.loads(text)["tools"]
    return details


def _names(values: Iterable[str] | None) -> list[str]:
    return [v.strip() for text in values or () for v in text.split(",") if v.strip()]


def select(
    tools: list[Tool],
    *,
    read_only: bool = False,
    tags: Iterable[str] | None = None,
    names: Iterable[str] | None = None,
) -> list[Tool]:
    """The tools the server offers: only read-only ones, only those of some tags (or
    resources), only those named (shell-style patterns: `query_*`). Comma-separated
    lists are accepted for tags and names."""
    wanted_tags = {t.lower() for t in _names(tags)}
    patterns = _names(names)
    chosen = []
    for tool in tools:
        if read_only and not tool.read_only:
            continue
        if wanted_tags and not {tool.tag.lower(), tool.group.lower()} & wanted_tags:
            continue
        if patterns and not any(fnmatch.fnmatchcase(tool.name, p) for p in patterns):
            continue
        chosen.append(tool)
    return chosen


def search(tools: list[Tool], query: str, limit: int = 10) -> list[Tool]:
    """The tools that best match the words of `query` (a word matches a word it begins)."""
    terms = _words(query)
    if not terms:
        return tools[:limit]
    scored: list[tuple[int, int, Tool]] = []
    for index, tool in enumerate(tools):
        score = 0
        for term in terms:
            weight = tool.words.get(term, 0)
            if not weight and len(term) >= 3:
                weight = max(
                    (w for word, w in tool.words.items() if word.startswith(term)), default=0
                )
            score += weight
        if score:
            scored.append((-score, index, tool))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [tool for _, _, tool in scored[:limit]]


def split_arguments(tool: Tool, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The client method's keyword arguments for the tool's arguments.

    Arguments the table does not name go where the tool says unknown ones may go
    (extra body fields, extra query parameters such as a next page's cursor), or are refused.
    """
    by_input = {a["input"]: a for a in tool.call["args"]}
    kwargs: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in arguments.items():
        arg = by_input.get(key)
        if arg is None:
            unknown[key] = value
        elif value is not None or arg["in"] == "body":
            if (
                arg["in"] == "body"
                and isinstance(value, str)
                and tool.call.get("body_encoding") == "binary"
            ):
                value = value.encode()  # a file's content, given as text
            kwargs[arg["python"]] = value
    if unknown:
        extra = tool.call.get("extra")
        if extra == "body":
            kwargs["extra_body"] = unknown
        elif extra == "query":
            kwargs["extra_query"] = unknown
        else:
            known = ", ".join(sorted(by_input)) or "none"
            raise ArgumentError(f"unknown argument {', '.join(sorted(unknown))} (known: {known})")
    return kwargs


def path_preview(
    tool: Tool, arguments: Mapping[str, Any], defaults: Mapping[str, str | None]
) -> str:
    """The request's method and path as it would be sent, for a confirmation message."""
    values: dict[str, str] = {}
    for arg in tool.call["args"]:
        if arg["in"] == "path" and arguments.get(arg["input"]) is not None:
            values[arg["wire"]] = str(arguments[arg["input"]])
    for wire in tool.call.get("path_defaults") or ():
        default = defaults.get(wire)
        if wire not in values and default:
            values[wire] = default

    def fill(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return f"{tool.method} {re.sub(r'{([^}]+)}', fill, tool.path)}"
