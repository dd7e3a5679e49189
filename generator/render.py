"""IR -> files in memory, through the Jinja templates in `templates/`.

One environment, StrictUndefined (a typo in a template is an error, not an
empty string), autoescape off (we emit Python, not HTML). Spec text reaches a
template only through the escaping filters defined here, so nothing in a spec
can change the meaning of generated code.
"""

from __future__ import annotations

import datetime
import keyword
import math
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import CodeType
from typing import Any, Protocol

import jinja2
import jinja2.bccache

from . import display, fixtures, ir, mcp_tools, resource_pieces, reuse, views
from .background import Ahead, Pending, in_background
from .diagnostics import GeneratorBug
from .format import LINE_LENGTH, TARGET_VERSION
from .fragments import Fragments

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "datetime": "_datetime.datetime",
    "date": "_datetime.date",
}

#: builtin type names a generated method or field may shadow inside a class body
_BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes"})

def pyrepr(value: Any) -> str:
    """A Python literal that evaluates to `value` (JSON-like data only)."""
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bytes):
        text = repr(value)  # b'...', quotes and non-ASCII bytes escaped
        return 'b"' + text[2:-1] + '"' if text[1] == "'" and '"' not in text[2:-1] else text
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(str(k))}: {pyrepr(v)}" for k, v in value.items()) + "}"
    raise GeneratorBug(f"cannot write {type(value).__name__} as a literal")


def contract_argument(value: Any, t: ir.TypeRef | None, enums: dict[str, ir.Enum], aliases: dict[str, ir.Alias],
                      within_name: bool = False, enum_values_taken: bool = True) -> str:
    """A contract test's argument, from its fixture's JSON value, as Python source that
    `mypy --strict` accepts where the argument's annotation (arg_hint) does not take that
    JSON as it is:
    - a date or date-time as the object (`datetime.date.fromisoformat`);
    - binary content as bytes;
    - objects in a list of models as the models, where mypy would not see them as
      dicts (below);
    - enum values as the members where the annotation takes no values: arg_hint lets
      the argument, or the items of a list that is the argument, take them
      (`enum_values_taken`), and nothing else: not behind a name (`within_name`), nor in
      a map (Datadog's `SLOBulkDelete` and Akamai's token permissions, maps of lists of
      enums), nor deeper;
    - a map's objects as its models, and its other values as its items;
    - a number where a string is wanted as its text.
    Anything else is the literal. A union of models is among it: its annotation takes
    no dicts either, but which member a value is only pydantic can tell."""
    if t is None:
        return pyrepr(value)
    alias_name = t.name if t.kind == ir.ALIAS else ""
    named = within_name or bool(alias_name)
    strict = named or not enum_values_taken
    t = _unaliased(t, aliases)  # what a named type stands for (arg_hint adds only plain data)
    variants = t.variants if t.kind == ir.UNION else (t,)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and t.kind == ir.PRIMITIVE and t.name == "str":
        return pyrepr(str(value))  # an example written as a number for a string (VTEX's Content-Length: 42)
    member = _enum_member(value, t, variants, strict, enums)
    if member is not None:
        return member
    if isinstance(value, str):
        if any(v.kind == ir.PRIMITIVE and v.name == "str" for v in variants):
            return pyrepr(value)
        for variant in variants:
            if variant.kind == ir.PRIMITIVE and variant.name in ("datetime", "date"):
                written = _iso_value(value, variant.name)
                if written is not None:
                    return written
            if variant.kind == ir.PRIMITIVE and variant.name == "bytes":
                return pyrepr(value.encode())
        return pyrepr(value)
    if t.kind == ir.UNION and isinstance(value, list):
        # one list among the members (OpenAI's skill upload: `list[bytes] | bytes`;
        # Datadog's `Invite | InviteList`, the list named): its items are made as that
        # list's (bytes, dates, members, models), not left as JSON; a union's members
        # take no enum values
        lists = [v for v in variants if _unaliased(v, aliases).kind == ir.LIST]
        if len(lists) == 1:
            return contract_argument(value, lists[0], enums, aliases, named, enum_values_taken=False)
    if t.kind == ir.MODEL and isinstance(value, dict) and named:
        return _model_source(t.name, value)  # behind a name, a model takes no dict
    if t.kind == ir.LIST and isinstance(value, list) and t.item is not None:
        item = t.item
        # mypy types a list display against a union of lists without that context: `[{}]`
        # as list[dict[Never, Never]], objects of different value types as list[object]
        if item.kind == ir.MODEL and all(isinstance(v, dict) for v in value) and (named or {} in value or len(value) > 1):
            return "[" + ", ".join(_model_source(item.name, v) for v in value) + "]"
        unions_of_models = item.kind == ir.UNION and bool(item.variants) and all(v.kind == ir.MODEL for v in item.variants)
        # a union of models: which member an object is only pydantic can tell, but an
        # empty one (a fixture's `[{}]`) is made as the first, as it is (model_construct)
        if unions_of_models and value and all(v == {} for v in value):
            display = "[" + ", ".join(_model_source(item.variants[0].name, v) for v in value) + "]"
            # a named list is invariant in its union (list[A | B] takes no list[A]): the
            # alias made from the display gives it that type
            return f"models.{alias_name}({display})" if alias_name else display
        if unions_of_models and not named and len(value) > 1 and all(isinstance(v, dict) for v in value):
            # objects unlike each other (Akamai's role grants: one with sub-groups, one
            # without) are list[object] to mypy; typed as dicts, the annotation's
            # list[dict[str, Any]] takes them
            return "[" + ", ".join(f"dict[str, object]({pyrepr(v)})" for v in value) + "]"
        items_take_values = enum_values_taken and not named and item.kind == ir.ENUM
        return "[" + ", ".join(contract_argument(v, item, enums, aliases, named, items_take_values) for v in value) + "]"
    if t.kind == ir.MAP and isinstance(value, dict) and t.item is not None:
        if t.item.kind == ir.MODEL and all(isinstance(v, dict) for v in value.values()):
            # a map's annotation takes its models only (dict[str, Model])
            model = t.item.name
            return "{" + ", ".join(f"{pyrepr(str(k))}: {_model_source(model, v)}" for k, v in value.items()) + "}"
        item = t.item
        return "{" + ", ".join(f"{pyrepr(str(k))}: {contract_argument(v, item, enums, aliases, named, False)}"
                               for k, v in value.items()) + "}"
    return pyrepr(value)


def _unaliased(t: ir.TypeRef, aliases: dict[str, ir.Alias]) -> ir.TypeRef:
    """What a named type stands for, through every name (a cycle of names stops)."""
    seen: set[str] = set()
    while t.kind == ir.ALIAS and t.name in aliases and t.name not in seen:
        seen.add(t.name)
        t = aliases[t.name].type
    return t


#: the plain values each primitive annotation takes
_PRIMITIVE_TAKES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


def _enum_member(value: Any, t: ir.TypeRef, variants: tuple[ir.TypeRef, ...], strict: bool,
                 enums: dict[str, ir.Enum]) -> str | None:
    """`models.Enum.MEMBER` for a value its annotation takes only as an enum's member: an
    enum where arg_hint gives no values (`strict`: behind a name, in a map) or in a union
    (pandascore's `VideogameID | VideogameSlug`), where no other member takes the value as
    it is. arg_hint lets a bare enum, and a list's, take its values."""
    if isinstance(value, (dict, list)) or value is None or (t.kind == ir.ENUM and not strict):
        return None
    for v in variants:
        if v.kind == ir.PRIMITIVE and type(value) in _PRIMITIVE_TAKES.get(v.name, ()):
            return None
        if v.kind == ir.LITERAL and type(v.value) is type(value) and v.value == value:
            return None
    for v in variants:
        if v.kind == ir.ENUM and v.name in enums:
            for m in enums[v.name].members:
                if type(m.value) is type(value) and m.value == value:
                    return f"models.{v.name}.{m.name}"
    return None


def _model_source(model: str, value: dict[str, Any]) -> str:
    """An object as the model it is sent as, read as the client reads data (from_dict):
    a request's example leaves out what the server fills in, such as a required read-only
    `fieldContextId` (Jira), which model_validate refuses; where the fixture is `{}`, made
    as it is. The mock judges what is sent."""
    return f"models.{model}.model_construct()" if value == {} else f"models.{model}.from_dict({pyrepr(value)})"


def _iso_value(text: str, kind: str) -> str | None:
    """`text` as the source of a datetime or date, written so that Python 3.10's
    fromisoformat reads it (it takes neither `Z` nor the basic format); None when it is
    no such value."""
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if kind == "date":
        return f"datetime.date.fromisoformat({pyrepr(moment.date().isoformat())})"
    return f"datetime.datetime.fromisoformat({pyrepr(moment.isoformat())})"


def _string(value: str) -> str:
    """repr's literal (it escapes quotes, backslashes and every non-printable character),
    in double quotes unless that needs more escapes: the quotes black would choose."""
    text = repr(value)
    if text[0] == '"':  # repr chose double quotes itself (the value has a "'" and no '"')
        return text
    if "'" not in value:  # no quote of either kind needs escaping: swap the quotes
        return '"' + text[1:-1] + '"' if '"' not in value else text
    if value.count('"') > value.count("'"):
        return text
    body: list[str] = []
    i = 1
    while i < len(text) - 1:
        if text[i] == "\\":
            pair = text[i:i + 2]
            body.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        body.append('\\"' if text[i] == '"' else text[i])
        i += 1
    return '"' + "".join(body) + '"'


def _clean(text: Any) -> str:
    """Spec text as a reader should see it: no control or bidi characters (display.py)."""
    return display.clean(text)


def docstring(text: Any, indent: int = 0) -> str:
    """A triple-quoted docstring whose content cannot end or escape the string."""
    body = _clean(text).strip()
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        # An unescaped quote right before the closing quotes would end the string early.
        backslashes = len(body[:-1]) - len(body[:-1].rstrip("\\"))
        if backslashes % 2 == 0:
            body = body[:-1] + '\\"'
    lines = _wrapped([line.rstrip() for line in body.split("\n")], LINE_LENGTH - indent)
    pad = " " * indent
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    rest = "\n".join((pad + line) if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{rest}\n{pad}"""'


#: a list item's marker, and an argument's line under "Args:" (four spaces, `name: `)
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)]) ")
_ARGUMENT = re.compile(r"    [A-Za-z_]\w*: ")


def _hanging_indent(line: str) -> str | None:
    """The indent of the continuation lines of a docstring line that may be wrapped: text
    or a list item at the margin, or an argument's line; None for the rest (code, tables,
    quotes, headings)."""
    if line.startswith("    "):
        return " " * 8 if _ARGUMENT.match(line) else None
    if line.startswith((" ", "|", ">", "#", "...")):
        return None
    item = _LIST_ITEM.match(line)
    return " " * len(item.group()) if item else ""


def wrapped(text: str, indent: int) -> str:
    """A docstring's part written in a template (its lines at `indent`), wrapped as
    docstring() wraps spec text."""
    pad = " " * indent
    lines = [line[indent:] if line.startswith(pad) else line.lstrip() for line in text.split("\n")]
    return "\n".join((pad + line) if line else "" for line in _wrapped(lines, LINE_LENGTH - indent, quoted=False))


def _wrapped(lines: list[str], width: int, quoted: bool = True) -> list[str]:
    """Docstring lines longer than `width` broken at spaces, as a person would write them
    (a description is often one line of hundreds of characters); the first shares its
    row with the quotes. Fenced code stays as it is; a word longer than the width (a
    URL) stands alone."""
    if max(map(len, lines)) <= width - 6:  # most of them (37,000 in Microsoft Graph's package)
        return lines
    out: list[str] = []
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        room = width - 6 if index == 0 and quoted else width  # (the quotes that open, and may close, it)
        hang = None if fenced or len(line) <= room else _hanging_indent(line)
        if hang is None:
            out.append(line)
            continue
        words = line.split()
        current = line[: len(line) - len(line.lstrip())] + words[0]
        for word in words[1:]:
            if len(current) + 1 + len(word) > room:
                out.append(current)
                current, room = hang + word, width
            else:
                current += " " + word
        out.append(current)
    return out


def comment(text: Any) -> str:
    """One line of text, safe inside a docstring or after `#`."""
    line = " ".join(_clean(text).split())
    return line.replace("\\", "\\\\").replace('"', '\\"')


def markdown(text: Any) -> str:
    return _clean(text).strip()


def ident(name: Any) -> str:
    """Assert that a name chosen by `naming` is a safe identifier (defence in depth)."""
    text = str(name)
    if not text.isidentifier() or keyword.iskeyword(text) or not text.isascii():
        raise GeneratorBug(f"a generated name is not a safe identifier: {text!r}")
    return text


def tomlstr(value: Any) -> str:
    """A TOML basic string, ASCII only. Not json.dumps: JSON writes a character beyond
    U+FFFF as a surrogate pair (`\\ud83e\\udd89`), which TOML refuses, so a title with an
    emoji made a pyproject.toml that pip cannot read. A lone surrogate has no TOML escape
    and is written as U+FFFD."""
    out = ['"']
    for char in _clean(value):
        code = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out) + '"'


# -- type expressions -----------------------------------------------------------
#
# How an IR type is written in generated code. Called for every field, argument and
# return type, so plain Python rather than template macros; the templates call them as
# globals (the module's `shadowed` names and the API's enums come from the context).


def _b(name: str, shadowed: frozenset[str]) -> str:
    """`name` as written where a class body shadows the builtin (`_builtins.list`)."""
    return "_builtins." + name if name in shadowed else name


def type_hint(t: ir.TypeRef, shadowed: frozenset[str] = frozenset()) -> str:
    kind = t.kind
    if kind == "primitive":
        text = ("_builtins." if t.name in shadowed else "") + PRIMITIVES[t.name]
    elif kind == "list":
        text = f"{_b('list', shadowed)}[{type_hint(_item(t), shadowed)}]"
    elif kind == "map":
        text = f"{_b('dict', shadowed)}[{_b('str', shadowed)}, {type_hint(_item(t), shadowed)}]"
    elif kind in ("model", "enum", "alias"):
        text = ident(t.name)
    elif kind == "union" and all(v.kind == "literal" and not v.nullable for v in t.variants):
        text = f"_Literal[{', '.join(pyrepr(v.value) for v in t.variants)}]"
    elif kind == "union":
        text = " | ".join(type_hint(v, shadowed) for v in t.variants)
    elif kind == "literal":
        text = f"_Literal[{pyrepr(t.value)}]"
    elif kind == "none":
        return "None"
    else:
        text = "_Any"
    return text + " | None" if t.nullable and kind != "any" else text


def _item(t: ir.TypeRef) -> ir.TypeRef:
    if t.item is None:
        raise GeneratorBug(f"a {t.kind} type without an item type")
    return t.item


def enum_literal(enum: ir.Enum) -> str:
    """The enum's values as a Literal (what an argument may pass instead of a member)."""
    return "_Literal[" + ", ".join(pyrepr(m.value) for m in enum.members) + "]"


def arg_hint(t: ir.TypeRef, shadowed: frozenset[str], enums: dict[str, ir.Enum], takes: Mapping[str, str]) -> str:
    """An argument's annotation: enums accept their values, models (and the unions and
    aliases of them) plain dicts too, lists and maps of them lists and maps of dicts. `takes` says which of
    these an alias is (alias_takes); an alias it does not name is taken for a class."""
    none = " | None" if t.nullable else ""
    plain_dict = f"{_b('dict', shadowed)}[{_b('str', shadowed)}, _Any]"
    if t.kind == "enum":
        enum = enums[t.name]
        if enum.param_alias:
            return ident(enum.param_alias) + none
        return f"{type_hint(t.with_nullable(False), shadowed)} | {enum_literal(enum)}{none}"
    if _takes_dict(t, takes):
        return f"{type_hint(t.with_nullable(False), shadowed)} | {plain_dict}{none}"
    if t.kind == "list" and _item(t).kind == "enum":
        # the enum's values too, as a single argument takes them; a Sequence, so that a
        # list[Enum] a caller holds is still taken (a list's item type is invariant)
        return f"_Sequence[{arg_hint(_item(t).with_nullable(False), shadowed, enums, takes)}]{none}"
    if t.kind in ("list", "map") and _takes_dict(_item(t), takes, every=True):
        # a Sequence (Mapping) of models or dicts: covariant, so that it takes a caller's
        # list[NewPet] where the API says list[Pet], a tuple, or a list that mixes the two
        covariant = _covariant_form(t.with_nullable(False), takes, plain_dict, shadowed)
        if covariant is not None:
            return covariant + none
    if (t.kind == "list" and _takes_dict(_item(t), takes, every=True)) or (t.kind == "alias" and takes.get(t.name) == "list"):
        return f"{_argument_type(t, shadowed)} | {_b('list', shadowed)}[{plain_dict}]"
    if (t.kind == "map" and _takes_dict(_item(t), takes, every=True)) or (t.kind == "alias" and takes.get(t.name) == "map"):
        return f"{type_hint(t, shadowed)} | {_b('dict', shadowed)}[{_b('str', shadowed)}, {plain_dict}]"
    if t.kind == "union" and any(v.kind == "list" and _takes_dict(_item(v), takes, every=True) for v in t.variants):
        return f"{_argument_type(t.with_nullable(False), shadowed)} | {_b('list', shadowed)}[{plain_dict}]{none}"
    if t.kind == "union" and sum(v.kind == "list" for v in t.variants) > 1:
        return _argument_type(t, shadowed)
    deep = _covariant_form(t.with_nullable(False), takes, plain_dict, shadowed) if t.kind in ("list", "map") else None
    if deep is not None:  # deeper: Jira's `update`, a map of lists of models
        return deep + none
    return type_hint(t, shadowed)


def _covariant_form(t: ir.TypeRef, takes: Mapping[str, str], plain_dict: str, shadowed: frozenset[str]) -> str | None:
    """`t` as a Sequence and Mapping (covariant, where list and dict are not) with each
    model in it (through lists and maps) a model or a plain dict: so that mypy takes both
    a display of dicts and the caller's lists of models. None where it holds no model (or
    a union, whose members a display cannot be told apart by)."""
    if t.kind == "model" or (t.kind == "alias" and takes.get(t.name, "dict") == "dict"):
        return f"{type_hint(t, shadowed)} | {plain_dict}"
    if t.kind in ("list", "map"):
        inner = _covariant_form(_item(t), takes, plain_dict, shadowed)
        if inner is None:
            return None
        return f"_Sequence[{inner}]" if t.kind == "list" else f"_Mapping[{_b('str', shadowed)}, {inner}]"
    return None


def _argument_type(t: ir.TypeRef, shadowed: frozenset[str]) -> str:
    """type_hint, but a list of a union is a Sequence: for an annotation that holds two
    list types (list[A | B] | list[dict], or two lists), mypy types a list display
    `[A()]` without context, as list[A], which list[A | B] does not take (a list is
    invariant); here.com's `list[Unprovisioned | ...] | list[Physical | ...]` took no
    list of models at all, Stream's `list[Sort | None] | list[dict]` no list[Sort]. A
    Sequence is covariant. Where one list is all the union holds, mypy takes it for
    context, and it stays a list (a str is a Sequence[str] too)."""
    none = " | None" if t.nullable else ""
    if t.kind == "list" and (_item(t).kind == "union" or _item(t).nullable):
        return f"_Sequence[{type_hint(_item(t), shadowed)}]{none}"
    if t.kind == "union":
        return " | ".join(_argument_type(v, shadowed) for v in t.variants) + none
    return type_hint(t, shadowed)


def _takes_dict(t: ir.TypeRef, takes: Mapping[str, str], every: bool = False) -> bool:
    """Whether an argument of type `t` takes a plain dict: a model, an alias of a class or
    of a union of them, an unnamed union with a class among its members. In a list, a
    union only if all its members are: mypy types a list display against a union of
    lists without either's context, so that ["a"] for list[str | Model] | list[dict] is
    a list[str], which neither takes."""
    if t.kind == "model":
        return True
    if t.kind == "alias":
        return takes.get(t.name, "dict") == "dict"
    if t.kind == "union":
        members = [v.kind == "model" or (v.kind == "alias" and takes.get(v.name, "dict") == "dict") for v in t.variants]
        return all(members) if every else any(members)
    return False


def alias_takes(aliases: list[ir.Alias]) -> dict[str, str]:
    """What plain data an argument of each alias's type takes besides its own classes:
    "dict" (an alias of a model, or of a union with one among its members), "list" (of
    a list of them), "map" (of a map of them), "" (anything else: a primitive, a list of
    strings, a map of numbers). An alias that comes back to itself is taken for a
    class, as one not defined is."""
    types = {alias.name: alias.type for alias in aliases}

    def shape(name: str, seen: frozenset[str]) -> str:
        t = types.get(name)
        if t is None or name in seen:
            return "dict"
        seen |= {name}
        if t.kind == "alias":
            return shape(t.name, seen)
        inner = [t, *t.variants, *([t.item, *t.item.variants] if t.item is not None else [])]
        takes = {v.name: shape(v.name, seen) for v in inner if v.kind == "alias"}
        if _takes_dict(t, takes):
            return "dict"
        if t.kind in ("list", "map") and _takes_dict(_item(t), takes, every=True):
            return t.kind
        return ""

    return {name: shape(name, frozenset()) for name in types}


def return_hint(types: list[ir.TypeRef], shadowed: frozenset[str]) -> str:
    return " | ".join(type_hint(t, shadowed) for t in types) if types else "None"


def _value_expr(d: views.DefaultValue) -> str:
    if d.kind == "enum":
        return f"{ident(d.enum)}.{ident(d.member)}"
    return pyrepr(d.value) if d.kind == "value" else "None"


def field_hint(f: ir.Field, d: views.DefaultValue, shadowed: frozenset[str]) -> str:
    """A model field's annotation: `| None` when it may be absent and has no default."""
    t = f.type
    absent = (not f.required or f.write_only) and not t.nullable and t.kind not in ("none", "any") and d.kind == "none"
    return type_hint(t, shadowed) + (" | None" if absent else "")


def required_in_responses_only(f: ir.Field, d: views.DefaultValue) -> bool:
    """Whether a field is readOnly and required, which OpenAPI requires in responses only:
    it gets a default (an object built to be sent leaves it out) and its class a check
    that data read from the server holds it."""
    return f.required and f.read_only and not f.write_only and d.kind == "none"


def field_default(f: ir.Field, d: views.DefaultValue) -> str:
    """What follows a model field's annotation: its default, and its wire name when that differs."""
    optional = not f.required or f.write_only or d.kind != "none"
    value = "_read_only" if required_in_responses_only(f, d) else _value_expr(d) if optional else ""
    if f.aliased:
        alias = pyrepr(f.wire_name)
        return f" = _Field(default={value}, alias={alias})" if value else f" = _Field(alias={alias})"
    return f" = {value}" if value else ""


def _param(name: str, type_text: str, default: str = "") -> str:
    """One parameter line of a signature; an annotation that would pass the line length
    goes in parentheses, as black writes it (ruff keeps them and splits inside alike)."""
    rest = f" = {default}," if default else ","
    line = f"{name}: {type_text}{rest}"
    return f"        {name}: ({type_text}){rest}" if 8 + len(line) > LINE_LENGTH else "        " + line


def signature(ov: views.OperationView, extra_args: str, overload: ir.Overload | views.OverloadView | None,
              shadowed: frozenset[str], enums: dict[str, ir.Enum], takes: Mapping[str, str]) -> str:
    """A method's parameter lines, after `def name(` and before `) ->`: path parameters
    positional, the rest keyword-only, then `extra_args` (lines, as written). With an
    `overload`, its parameter has the overload's narrower type."""
    def narrowed(a: views.Arg) -> str | None:
        return type_hint(overload.argument, shadowed) if overload and overload.parameter == a.name else None

    def hint(a: views.Arg) -> str:
        if a.upload:  # bytes, or a file to read them from
            return ("_FileContent" if a.upload == "content" else "_FileField") + (" | None" if a.type.nullable else "")
        return arg_hint(a.type, shadowed, enums, takes)

    lines = ["        self,"]
    lines += [_param(ident(a.name), hint(a)) for a in ov.positional]
    lines.append("        *,")
    lines += [_param(ident(a.name), narrowed(a) or hint(a)) for a in ov.required]
    for a in ov.optional + ov.defaulted:
        narrow = narrowed(a)
        if narrow and getattr(overload, "default", False):  # (the overload of leaving it out)
            lines.append(_param(ident(a.name), narrow + " | _NotGiven", "_NOT_GIVEN"))
        elif narrow:
            lines.append(_param(ident(a.name), narrow))
        else:
            written = hint(a) if a in ov.optional else type_hint(a.type, shadowed)
            lines.append(_param(ident(a.name), written + " | _NotGiven", "_NOT_GIVEN"))
    return "\n".join(lines) + "\n" + extra_args


def model_field(f: ir.Field, d: views.DefaultValue, shadowed: frozenset[str], last: bool) -> str:
    """A model field's lines in its class: annotation and default, its docstring, and the
    blank line after a documented field that is not the last."""
    text = f"    {ident(f.name)}: {field_hint(f, d, shadowed)}{field_default(f, d)}"
    if f.description:
        text += f"\n    {docstring(f.description, 4)}" + ("" if last else "\n")
    return text


def call_args(op: ir.Operation) -> str:
    """The path, query and header arguments of a method's request, by wire name."""
    lines = []
    for key, params in (("path", op.path_params), ("query", op.query_params), ("headers", op.header_params)):
        if params:
            lines.append(f"            {key}={{\n")
            lines += [f"                {pyrepr(p.wire_name)}: {ident(p.name)},\n" for p in params]
            lines.append("            },\n")
    return "".join(lines)


def body_arg(op: ir.Operation) -> str:
    """The request body argument: the body fields by wire name, or the whole body."""
    if op.body is None:
        return ""
    if not op.body.fields:
        return "            body=body,\n"
    fields = "".join(f"                {pyrepr(f.wire_name)}: {ident(f.name)},\n" for f in op.body.fields)
    return f"            body={{\n{fields}            }},\n"


def _template_globals() -> dict[str, Any]:
    """The type-expression functions as the templates call them."""

    @jinja2.pass_context
    def hint(ctx: Any, t: ir.TypeRef) -> str:
        return type_hint(t, ctx["shadowed"])

    @jinja2.pass_context
    def arg_hint_(ctx: Any, t: ir.TypeRef) -> str:
        return arg_hint(t, ctx["shadowed"], ctx["enums_by_name"], ctx["alias_takes"])

    @jinja2.pass_context
    def return_hint_(ctx: Any, types: list[ir.TypeRef]) -> str:
        return return_hint(types, ctx["shadowed"])

    @jinja2.pass_context
    def enum_literal_(ctx: Any, name: str) -> str:
        return enum_literal(ctx["enums_by_name"][name])

    @jinja2.pass_context
    def signature_(ctx: Any, ov: views.OperationView, extra_args: str,
                   overload: ir.Overload | views.OverloadView | None = None) -> str:
        return signature(ov, extra_args, overload, ctx["shadowed"], ctx["enums_by_name"], ctx["alias_takes"])

    @jinja2.pass_context
    def model_field_(ctx: Any, model: ir.Model, f: ir.Field, last: bool) -> str:
        return model_field(f, ctx["defaults"][model.name][f.name], ctx["shadowed"], last)

    @jinja2.pass_context
    def read_only_check(ctx: Any, model: ir.Model) -> str:
        """The class's check that data from the server holds its fields required in
        responses only (all of them, its base's too: the check replaces the base's)."""
        defaults = ctx["defaults"][model.name]
        names = [f.name for f in model.fields if required_in_responses_only(f, defaults[f.name])]
        return f"    _read_only_fields = _required_in_responses({', '.join(pyrepr(n) for n in names)})" if names else ""

    return {"hint": hint, "arg_hint": arg_hint_, "return_hint": return_hint_, "enum_literal": enum_literal_,
            "signature": signature_, "model_field": model_field_, "read_only_check": read_only_check, "call_args": call_args, "body_arg": body_arg}


#: an import under a private alias (how templates import whatever is not the API's)
_PRIVATE_IMPORT = re.compile(r"(?:import [\w.]+|from [\w.]+ import \w+) as (_\w+)")


def used_imports(block: str, body: str) -> str:
    """`block` (import statements, in sections apart by blank lines) without the imports
    under a private alias that `body` does not contain, and without the sections that
    leaves empty. Templates import whatever a module may need; what is left is what ruff
    would leave, so that its import fixes find nothing to do (each fix costs it another
    pass over the file: seconds on the biggest documents). An alias found inside a longer
    name or a docstring keeps its import; ruff removes it then."""
    sections = []
    for section in block.strip("\n").split("\n\n"):
        lines = [line for line in section.split("\n")
                 if not (found := _PRIVATE_IMPORT.fullmatch(line)) or found.group(1) in body]
        if lines:
            sections.append("\n".join(lines))
    return "\n\n".join(sections) + "\n"


# -- environment -------------------------------------------------------------


def compiled_templates_folder(templates: Path = TEMPLATES) -> Path:
    """Where the compiled templates of `templates` are kept: where Python keeps the
    bytecode of a module in that folder (its `__pycache__`, or under PYTHONPYCACHEPREFIX).
    They are the generator's own code, compiled once per install or template change, as
    its modules are."""
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix, *templates.resolve().parts[1:])
    return templates / "__pycache__"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Each template compiled once: kept in memory for the process, and on disk for the
    next process. jinja2 compiles a template again for every Environment, and compiling
    them all is a third of the CPU of generating a small document (about 0.25 of 0.8 s
    on the curated spec).

    On disk they live beside the templates (compiled_templates_folder), where `make venv`
    compiles them all, and the first run after a template changes writes it; where that
    folder cannot be written, or Python is told not to write bytecode, jinja2's own
    per-user folder in the temp directory is used (jinja2.FileSystemBytecodeCache: private
    to the user, checked by jinja2). An entry is used only for the same template file with
    the same source checksum and Python version, and is written atomically; where no folder
    can be used, templates are compiled in memory."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], CodeType] = {}
        self.choose_folders(write_beside=not sys.dont_write_bytecode)

    def choose_folders(self, *, write_beside: bool) -> None:
        """Whether to write beside the templates (the folders are found at first use)."""
        self.write_beside = write_beside
        self._disks: list[jinja2.FileSystemBytecodeCache] | None = None
        self._writable: jinja2.FileSystemBytecodeCache | None = None

    def _on_disk(self) -> list[jinja2.FileSystemBytecodeCache]:
        """The folders to read, in order; the one to write is set aside as `_writable`."""
        if self._disks is None:
            self._disks = []
            beside = compiled_templates_folder()
            if self.write_beside:
                try:
                    beside.mkdir(parents=True, exist_ok=True)
                    if os.access(beside, os.W_OK):
                        self._writable = jinja2.FileSystemBytecodeCache(str(beside))
                except OSError:
                    pass
            if self._writable is not None:
                self._disks.append(self._writable)
            else:
                if beside.is_dir():  # read what an install compiled, write elsewhere
                    self._disks.append(jinja2.FileSystemBytecodeCache(str(beside)))
                try:
                    self._writable = jinja2.FileSystemBytecodeCache()
                    self._disks.append(self._writable)
                except (OSError, RuntimeError):  # no temp folder, or one jinja2 finds unsafe
                    self._writable = None
        return self._disks

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self._code.get((bucket.key, bucket.checksum))
        if bucket.code is not None:
            return
        for disk in self._on_disk():
            try:
                disk.load_bytecode(bucket)  # sets bucket.code only when magic and checksum match
            except OSError:
                bucket.reset()
            if bucket.code is not None:
                self._code[(bucket.key, bucket.checksum)] = bucket.code
                return

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is None:
            return
        self._code[(bucket.key, bucket.checksum)] = bucket.code
        self._on_disk()
        if self._writable is not None:
            try:
                self._writable.dump_bytecode(bucket)
            except OSError:  # a full or read-only disk costs a compile next time, nothing more
                pass


#: shared by every Environment that environment() makes: all have the same settings,
#: which the compiled code depends on
_COMPILED = _CompiledTemplates()


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=_COMPILED,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(pyrepr=pyrepr, docstring=docstring, wrapped=wrapped, comment=comment, md=markdown, ident=ident, tomlstr=tomlstr,
                       used_imports=used_imports)
    env.globals.update(_template_globals(), shadowed=frozenset(), enums_by_name={}, alias_takes={})
    return env


def compile_templates(templates: Path = TEMPLATES) -> int:
    """Compile every template into compiled_templates_folder, as an install compiles the
    generator's modules (`make venv` runs it; like compileall, it writes there even when
    Python is told not to write bytecode). Returns how many templates it compiled."""
    _COMPILED.choose_folders(write_beside=True)
    env = environment(templates)
    names = env.list_templates(filter_func=lambda name: name.endswith(".jinja"))
    for name in names:
        env.get_template(name)
    return len(names)


#: the static runtime, copied into every package as it is (`_settings.py` there is a
#: stand-in for type-checking; each package gets its own, generated)
RUNTIME = "runtime"
_RUNTIME_STAND_INS = frozenset({"_settings.py"})


def runtime_files(templates: Path = TEMPLATES) -> dict[str, str]:
    """The runtime modules by path inside the package."""
    root = templates / RUNTIME
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in path.parts or rel in _RUNTIME_STAND_INS or path.suffix == ".pyc":
            continue
        found[rel] = path.read_text(encoding="utf-8")
    return found


class ModuleMemory(Protocol):
    folder: reuse.OutputFolder

    def rendered(self, path: str, part: str, key: str) -> str | None: ...

    def formatted_already(self, path: str) -> None: ...

    @property
    def hashes(self) -> dict[str, str]: ...


def piece_homes(package: str) -> dict[str, str]:
    """The output file that holds the pieces of each kind (fragments.py); a folder for
    the fixtures (each a file), the tools' details (a file for each resource) and the
    commands (a file for each top-level group)."""
    return {"tool": f"{package}/mcp/tools.json", "tool_detail": f"{package}/mcp/tools/",
            "command": f"{package}/cli/commands/",
            "mock": f"{package}/testing/spec.json", "fixture": f"{package}/testing/fixtures/"}


def contract_module_inputs(cases: list[views.ContractCase], enums: dict[str, ir.Enum], aliases: dict[str, ir.Alias],
                           sdk: ir.SdkSettings) -> dict[str, Any]:
    """Everything the contract test module of one resource's `cases` is made from, and
    all its template reads (a key of it stands for the module): each test's call, its
    arguments written as their annotations take them (contract_argument), and what the
    module imports."""
    calls = []
    written: list[str] = []
    for case in cases:
        arguments = [["", contract_argument(value, t, enums, aliases)] for value, t in zip(case.args, case.arg_types, strict=True)]
        arguments += [[name, contract_argument(value, case.kwarg_types.get(name), enums, aliases)] for name, value in case.kwargs.items()]
        written += [source for _, source in arguments] + case.expected
        calls.append({"test": case.test, "target": case.target, "kind": case.kind, "expected": case.expected,
                      "deprecated": case.deprecated, "arguments": arguments})
    return {"contract_calls": calls, "resource_target": cases[0].target.rpartition(".")[0],
            "client_name": sdk.client_name, "package_name": sdk.package_name,
            "needs_datetime": any("datetime." in e for e in written),
            "needs_unknown": any("UnknownVariant" in case.expected for case in cases),
            "needs_page": any(case.kind == "page" for case in cases),
            "needs_models": any("models." in e for e in written)}


def resource_enums(rv: views.ResourceView, enums: list[ir.Enum]) -> list[ir.Enum]:
    """The enums a resource's types name: all the resource template may look up."""
    named = {t.name for root in rv.types for t in views.walk(root) if t.kind == ir.ENUM}
    return [e for e in enums if e.name in named]


def resource_alias_takes(rv: views.ResourceView, takes: Mapping[str, str]) -> dict[str, str]:
    """alias_takes for the aliases a resource's types name: all the resource template
    may look up of them."""
    named = {t.name for root in rv.types for t in views.walk(root) if t.kind == ir.ALIAS}
    return {name: takes[name] for name in sorted(named) if name in takes}


def resource_inputs(rv: views.ResourceView, enums: list[ir.Enum], takes: dict[str, str],
                    operation_key: Callable[[views.OperationView], str]) -> dict[str, Any]:
    """Everything the resource template reads, for a key: the resource's view with its
    operations' views as their keys (`operation_key`, made once for every piece of the
    run), its set of shadowed names sorted (a set's pickle changes from one process to
    the next), its `enums` (resource_enums) and what its aliases take (`takes`,
    resource_alias_takes). `types` is left out: it is made from the operations' views."""
    state = dict(vars(rv), operations=[operation_key(ov) for ov in rv.operations], shadowed=sorted(rv.shadowed),
                 resource=dict(vars(rv.resource), operations=[op.operation_id for op in rv.resource.operations]))
    del state["types"]
    return {"rv": state, "enums": enums, "takes": takes}


def _defaults_by_model(models: views.ModelsView) -> dict[str, dict[str, views.DefaultValue]]:
    """Each model's fields' defaults, by model and field name."""
    found: dict[str, dict[str, views.DefaultValue]] = {}
    for (model, field), value in models.defaults.items():
        found.setdefault(model, {})[field] = value
    return found


def model_inputs(module: views.ModelModule, defaults: dict[str, dict[str, views.DefaultValue]], title: str,
                 package: str) -> dict[str, Any]:
    """Everything the model module template reads, for a key: the module (its set of
    shadowed names sorted: a set's pickle changes from one process to the next), its
    models' defaults, the API's title and the package's name."""
    return {"module": dict(vars(module), shadowed=sorted(module.shadowed)),
            "defaults": {model.name: defaults.get(model.name, {}) for model in module.models},
            "title": title, "package": package}


def render(api: ir.Api, *, package_version: str = "0.1.0", templates: Path = TEMPLATES,
           progress: Callable[[str], None] | None = None,
           finish: Callable[[dict[str, str], str], dict[str, str]] | None = None,
           background: bool = True, memory: ModuleMemory | None = None,
           pieces: Fragments | None = None, splicing: bool = False) -> dict[str, str]:
    """Every file of the generated project, by path relative to the output folder: the
    templates rendered with the API's views, and the static runtime copied. `progress` is
    told what is being made: the modules as they go ("12 of 40 modules"), then each of the
    files made from every operation.
    `finish` (the formatter) is applied to the files in two parts, "modules" and "rest",
    when a child renders the model and resource modules (it formats them there;
    `background` says whether the work is worth one), else to all of them at once ("all").
    `memory` has the resource modules of the last run (reuse.FormattedBefore), `pieces`
    the entries of its whole-API files and the pieces of its big resource modules
    (fragments.py); `splicing` says that `finish` is ruff's, whose formatting of a
    module's pieces alone resource_pieces.py counts on."""
    done_with = finish or (lambda found, part: found)
    if templates.resolve() != TEMPLATES:  # keys cover the generator's own templates only (reuse.code_digest)
        memory = pieces = None
    view = views.build(api)
    env = environment(templates)
    env.globals["enums_by_name"] = {e.name: e for e in api.enums}
    all_takes = env.globals["alias_takes"] = alias_takes(api.aliases)
    context: dict[str, Any] = {
        "api": api,
        "view": view,
        "sdk": api.sdk,
        "settings": view.settings,
        "package_version": package_version,
        "line_length": LINE_LENGTH,
        "target_version": TARGET_VERSION,
    }
    pkg = api.sdk.package_name
    total = len(view.models.modules) + len(view.resources)

    resource_modules = resource_pieces.ResourceModules(
        env.get_template("package/resources/resource.py.jinja"), pkg, pieces if splicing else None, memory)

    def modules(report: Callable[[str], None] | None, part: str) -> dict[str, str]:
        """The model and resource modules: most of the code, and independent of the rest.
        A resource module that `memory` has, made from the same inputs, is not rendered
        again: its text there is the formatted one (`finish` knows it). A big one whose
        inputs changed is made from the pieces of the last run that did not change, where
        it can be (resource_pieces.py: then it is formatted already)."""
        found: dict[str, str] = {}
        model_template = env.get_template("package/models/module.py.jinja")
        defaults = _defaults_by_model(view.models)
        for done, module in enumerate(view.models.modules, 1):
            path = f"{pkg}/models/{module.name}.py"
            inputs = model_inputs(module, defaults, api.title, pkg)
            known = None
            if memory is not None and pieces is not None:
                known = memory.rendered(path, part, reuse.render_key(inputs))
            # as for the resources: the template gets what the key covers, and nothing else
            found[path] = known if known is not None else model_template.render(
                module=module, defaults=inputs["defaults"], title=api.title, package=pkg, shadowed=module.shadowed)
            if report:
                report(f"{done:,} of {total:,} modules")
        for done, rv in enumerate(view.resources, len(view.models.modules) + 1):
            path = f"{pkg}/resources/{rv.resource.module}.py"
            enums = resource_enums(rv, api.enums)
            takes = resource_alias_takes(rv, all_takes)
            known = None
            if keyed_modules and memory is not None and pieces is not None:
                known = memory.rendered(path, part, reuse.render_key(resource_inputs(rv, enums, takes, pieces.operation)))
            if known is not None:
                found[path] = known
                resource_modules.kept(path, known)
            else:
                # the template gets its inputs and nothing else: StrictUndefined makes a
                # reach for anything the key does not cover an error
                found[path] = resource_modules.make(path, rv, enums, takes) or ""  # "": made below
            if report:
                report(f"{done:,} of {total:,} modules")
        found.update(resource_modules.finish())
        return found

    head: dict[str, str] = {}
    tail: dict[str, str] = {}

    def emit(into: dict[str, str], template: str, path: str, **extra: Any) -> None:
        into[path] = env.get_template(template).render(**context, **extra)

    # Where one module holds every operation (EC2's 1,188), a change to any of them makes
    # it new: its key would cost the child 65-80 ms for nothing. Elsewhere the child makes
    # the operations' keys first and sends them ahead (background.Ahead), while this
    # process does what needs none (pickling autotask's 2,958 views: 80 ms).
    keyed_modules = len(view.resources) > 1
    operation_views = [ov for rv in view.resources for ov in rv.operations]
    ahead = Ahead() if memory is not None and pieces is not None else None

    # A child renders the modules on another core (background.py) while this process
    # writes the rest; without one they are rendered here, at the same point, and
    # formatted with the rest (one pass of the formatter, not two).
    def in_child() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, Any]]:
        """The modules, formatted; what of them was found in the output folder as it is
        (for this process's `memory`: write.py need not read those files again); where
        the pieces of the big resource modules are (for `pieces`)."""
        if ahead is not None and pieces is not None:
            ahead.send([pieces.operation(ov) for ov in operation_views])
        done = done_with(modules(None, "modules"), "modules")
        resource_modules.place(done)
        known = memory.folder.known if memory is not None else {}
        hashes = memory.hashes if memory is not None else {}
        return (done, {path: known[path] for path in done if path in known and known[path][0] == done[path]},
                {"places": resource_modules.places, "hashes": {path: hashes[path] for path in done if path in hashes}})

    homes = piece_homes(pkg)

    def beside(rendered: Pending[tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, Any]]]) -> dict[str, str]:
        """Every file, the modules from `rendered` (the child's, or made here)."""
        found = {} if rendered.forked else modules(progress, "all")
        if ahead is not None and rendered.forked:  # what needs no key first, while the child makes them
            view.cli_table  # noqa: B018 - made now (a cached property)
            if pieces is not None:
                pieces.document(api.document)
        emit(head, "project/pyproject.toml.jinja", "pyproject.toml")
        # formatted already (`make typecheck` runs black --check on them, a test checks that
        # ruff leaves them as they are): not given to the formatter again in every run
        static = {f"{pkg}/{rel}": text for rel, text in runtime_files(templates).items()}
        head.update(static)
        for name in ("__init__.py", "_settings.py", "_client.py", "errors.py", "resources/__init__.py",
                     "testing/__init__.py", "testing/pytest_plugin.py"):
            emit(head, f"package/{name}.jinja", f"{pkg}/{name}")
        emit(head, "package/models/__init__.py.jinja", f"{pkg}/models/__init__.py")
        emit(head, "package/types.py.jinja", f"{pkg}/types.py")
        by_op = {id(ov.op): ov for ov in operation_views}
        keys = ahead.receive(rendered.forked) if ahead is not None else None
        if keys is not None and pieces is not None:
            pieces.adopt(operation_views, keys)
        def making(what: str) -> None:
            if progress:
                progress(f"{what} for {len(operation_views):,} operations")

        making("the mock server's document")
        tail[homes["mock"]] = fixtures.mock_spec(api, pieces, by_op)
        tail[f"{pkg}/cli/groups.json"] = display.json_entries(
            [("groups", [display.json_entry(group) for group in view.cli_groups])])
        making("CLI commands")
        for name, lines in views.cli_command_files(api, view, pieces).items():
            tail[homes["command"] + name] = display.json_entries([("commands", lines)])
        making("MCP tools")
        tail[homes["tool"]], tool_details = mcp_tools.tool_files(api, view, pieces)
        for name, text in tool_details.items():
            tail[homes["tool_detail"] + name] = text
        making("test fixtures")
        fixture_texts = fixtures.fixtures(api, pieces, by_op)
        for name, text in fixture_texts.items():
            tail[homes["fixture"] + name] = text
        fixture_of = {op_id: fixture for text in fixture_texts.values() for op_id, fixture in display.json_value(text).items()}
        making("contract tests and examples")
        cases = views.contract_cases(view, fixture_of)
        view.examples = views.build_examples(view, cases)
        emit(tail, "project/README.md.jinja", "README.md")
        emit(tail, "project/tests/contract/conftest.py.jinja", "tests/contract/conftest.py")
        enums = {enum.name: enum for enum in api.enums}
        aliases = {alias.name: alias for alias in api.aliases}
        contract_template = env.get_template("project/tests/contract/test_resource.py.jinja")
        for module, module_cases in views.contract_modules(cases).items():
            path = f"tests/contract/test_{module}.py"
            inputs = contract_module_inputs(module_cases, enums, aliases, api.sdk)
            # as for the model modules: a module whose inputs are the last run's is read back
            kept = None
            if memory is not None and pieces is not None:
                kept = memory.rendered(path, "rest" if rendered.forked else "all", reuse.json_key(inputs))
            tail[path] = kept if kept is not None else contract_template.render(**inputs)
        to_format = {path: text for path, text in head.items() if path not in static}
        if rendered.forked:
            rest = {**static, **done_with({**to_format, **tail}, "rest")}
            found, known, learnt = rendered.result()
            if memory is not None:
                memory.folder.learn(known)
                memory.hashes.update(learnt["hashes"])
            if pieces is not None:
                pieces.place_modules(learnt["places"])
            if progress:
                progress(f"{total:,} of {total:,} modules")
        else:
            rest = {**static, **done_with({**to_format, **found, **tail}, "all")}
            found = {path: rest[path] for path in found}
            resource_modules.place(rest)
            if pieces is not None:
                pieces.place_modules(resource_modules.places)
        return {**{path: rest[path] for path in head}, **found, **{path: rest[path] for path in tail}}

    try:
        with in_background(in_child, worth_it=background) as rendered:
            return beside(rendered)
    finally:
        if ahead is not None:
            ahead.close()

